"""A cache of validated reports, so that a query does not parse YAML or load pydantic.

Parsing YAML with line numbers and validating it costs ~0.3 s; reading this cache, ~1 ms. An
entry is keyed by a digest of the data file's bytes and of the code that decides validity
(`report.py`, `consistency.py`), so it is never stale: an edited file or a new version of the
rules is a different key. Entries are plain JSON (no pickle: nothing in the cache can run code),
written atomically; a missing, unreadable or corrupt entry is simply rebuilt, and the folder is
safe to delete. `$STRATEGY_CACHE_DIR` moves it; `STRATEGY_CACHE_DIR=off` turns it off.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from strategy_cli.errors import StrategyError
from strategy_cli.model.report import Action, Paragraph, Report
from strategy_cli.store.files import STDIN, atomic_write, decode, display_name, read_bytes

FORMAT = b"strategy-cli cache 1\0"
_RULES = ("report.py", "consistency.py")


def cache_dir() -> Path | None:
    configured = os.environ.get("STRATEGY_CACHE_DIR")
    if configured:
        return None if configured == "off" else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "strategy-cli"


def _key(data: bytes) -> str:
    digest = hashlib.sha256(FORMAT)
    here = Path(__file__).parents[1] / "model"
    for name in _RULES:
        digest.update((here / name).read_bytes())
    digest.update(data)
    return digest.hexdigest()


def load_cached(path: str) -> Report:
    """The validated report in `path`, from the cache when its bytes were seen before."""
    data = read_bytes(path)
    folder = cache_dir()
    entry = folder / f"{_key(data)}.json" if folder is not None and path != STDIN else None
    if entry is not None:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError, AttributeError):
            return from_plain(json.loads(entry.read_text(encoding="utf-8")))
    from strategy_cli.model.validation import dump
    from strategy_cli.store.datafile import load_text

    name = display_name(path)
    report = load_text(decode(data, name), name, path)
    if entry is not None:
        remember(entry, dump(report))
    return report


def remember_text(text: str, report: Report) -> None:
    """Prime the cache for a file just written (by `import -o` or `fmt`): the first query of it
    is then as fast as every later one."""
    folder = cache_dir()
    if folder is not None:
        from strategy_cli.model.validation import dump

        remember(folder / f"{_key(text.encode('utf-8'))}.json", dump(report))


def remember(entry: Path, plain: Any) -> None:
    """Best effort: a cache that cannot be written is a slower run, not an error."""
    with contextlib.suppress(OSError, StrategyError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(str(entry), json.dumps(plain, ensure_ascii=False))


def _section(items: list[dict[str, Any]]) -> list[Paragraph]:
    return [Paragraph(text=p["text"], items=list(p["items"])) for p in items]


def _by_year(sections: dict[str, Any]) -> dict[int, list[Paragraph]]:
    return {int(year): _section(section) for year, section in sections.items()}


def from_plain(data: dict[str, Any]) -> Report:
    """A report from its own JSON dump. No validation: the entry was validated when written,
    under a key that changes with the data and with the rules."""
    updated = data["updated"]
    return Report(
        title=data["title"],
        department=data["department"],
        updated=datetime.date.fromisoformat(updated) if updated else None,
        commitments_made=data["commitments_made"],
        licence=data["licence"],
        source=data["source"],
        preamble=list(data["preamble"]),
        introduction=_section(data["introduction"]),
        actions=[
            Action(
                number=a["number"],
                title=a["title"],
                notes=_section(a["notes"]),
                commitment=None if a["commitment"] is None else _section(a["commitment"]),
                progress=_by_year(a["progress"]),
                plans=_by_year(a["plans"]),
            )
            for a in data["actions"]
        ],
    )
