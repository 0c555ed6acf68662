"""A cache of validated reports, so that a query does not parse YAML or load pydantic.

Parsing YAML and validating it costs ~0.2 s for the bundled file; reading this cache, ~2 ms.
An entry is keyed by a digest of the data file's bytes, the package version and the source of
every module that decides what an entry holds (the model and the storage layer), so it is never
stale. Entries are plain JSON (no pickle: nothing in the cache can run code), written
atomically, and checked against the model's shape when read: an entry that is missing,
unreadable, too large, not a regular file, not ours, or of any other shape is a miss, rebuilt
from the file, never a partial report.

The folder is private (0700, as XDG asks); one that another user owns or can write to is not
used at all, since its entries could say what the file does not. `$STRATEGY_CACHE_DIR` moves
it; `STRATEGY_CACHE_DIR=off` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from strategy_cli import __version__
from strategy_cli.errors import StrategyError
from strategy_cli.model.report import Report
from strategy_cli.model.shape import ShapeError, dump, load
from strategy_cli.store.files import STDIN, atomic_write, decode, display_name, read_bytes

FORMAT = b"strategy-cli cache 2\0"
MAX_ENTRY_BYTES = 32 * 1024 * 1024
"""A valid entry is about as large as its data file (at most 2 MiB); far larger is not ours."""

Warn = Callable[[str], None]


def _ignore(message: str) -> None:
    """The default for `warn`: the core never prints."""


def cache_dir() -> Path | None:
    """`$STRATEGY_CACHE_DIR`, else `$XDG_CACHE_HOME/strategy-cli`, else `~/.cache/strategy-cli`;
    relative or empty bases are ignored (as XDG says), so no cache lands in `/` or the current
    folder by accident."""
    configured = os.environ.get("STRATEGY_CACHE_DIR")
    if configured:
        return None if configured == "off" else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        home = os.environ.get("HOME", "")
        if not os.path.isabs(home) or home == "/":
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "strategy-cli"


def usable_folder(warn: Warn = _ignore) -> Path | None:
    """The cache folder, created private if missing; None (with one warning) if it cannot be
    trusted: not a folder, owned by another user, or writable by group or others."""
    folder = cache_dir()
    if folder is None:
        return None
    if _TRUSTED.get(folder, False):
        return folder  # checked already by this process (a folder of reports asks 48 times)
    try:
        missing = [p for p in (folder, *folder.parents) if not p.exists()]
        for parent in reversed(missing):  # ~/.cache too, if we make it: private, as XDG asks
            parent.mkdir(mode=0o700, exist_ok=True)
        info = os.stat(folder)
    except OSError:
        return None  # a cache that cannot be made is a slower run, not an error
    if not stat.S_ISDIR(info.st_mode):
        return None
    if info.st_uid != os.geteuid() or info.st_mode & 0o022:
        owner = "another user" if info.st_uid != os.geteuid() else "you"
        warn(
            f"not using the cache folder {folder}: it is owned by {owner} and has mode"
            f" {stat.S_IMODE(info.st_mode):o}, so others could change its entries; fix it with"
            f" `chmod 700 {folder}` (as its owner), or set STRATEGY_CACHE_DIR to another folder"
        )
        return None
    _TRUSTED[folder] = True
    return folder


_TRUSTED: dict[Path, bool] = {}


@cache
def _code_digest(folders: tuple[str, ...] = ("model", "store")) -> bytes:
    """The source of every module that shapes an entry: the model and the storage layer (and
    the analysis, for what is derived from a report)."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parents[1]
    for folder in folders:
        for module in sorted((package / folder).glob("*.py")):
            digest.update(module.name.encode() + b"\0" + module.read_bytes())
    return digest.digest()


def _key(data: bytes) -> str:
    return hashlib.sha256(FORMAT + _code_digest() + data).hexdigest()


_LOADED: dict[int, tuple[Report, str]] = {}
"""The key of the bytes each report of this process was read from (the report is held so that
its id is not reused), so that what is derived from it can be cached under the same key."""

T = TypeVar("T")


def derived(
    kind: str,
    report: Report,
    compute: Callable[[], T],
    encode: Callable[[T], Any],
    decode: Callable[[Any], T | None],
) -> T:
    """What `compute` derives from a report, cached beside the report's own entry and keyed by
    the same bytes and the analysis code. `decode` rebuilds it from plain JSON and returns
    None (or raises) for anything that does not fit the report: then it is computed again."""
    loaded = _LOADED.get(id(report))
    folder = usable_folder() if loaded is not None and loaded[0] is report else None
    entry = None
    if folder is not None and loaded is not None:
        digest = hashlib.sha256(
            # the report entry's digest (read once) and the analysis's own
            FORMAT + kind.encode() + b"\0" + _code_digest() + _code_digest(("analysis",))
        )
        entry = (
            folder
            / f"{kind}-{hashlib.sha256(digest.digest() + loaded[1].encode()).hexdigest()}.json"
        )
        raw = _read_bytes(entry)
        if raw is not None:
            try:
                found = decode(json.loads(raw))
            except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
                found = None
            if found is not None:
                return found
    value = compute()
    if entry is not None:
        remember(entry, encode(value))
    return value


def _read_entry(entry: Path) -> Report | None:
    """The entry's report, or None for anything doubtful."""
    raw = _read_bytes(entry)
    if raw is None:
        return None
    try:
        plain = json.loads(raw)
        if _SUSPECT.search(raw) and not _holds_only_valid_text(plain):
            return None
        report = load(Report, plain)
    except (ValueError, TypeError, RecursionError, ShapeError):
        return None
    if not isinstance(report, Report):
        return None
    from strategy_cli.model.consistency import document_errors

    return None if document_errors(report) else report


def _read_bytes(entry: Path) -> bytes | None:
    """An entry's bytes, or None for anything doubtful. Opened without following a link and
    without blocking (a FIFO planted there must not hang us), then checked to be a regular file
    of ours and of a sane size before a byte is read."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(entry, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_uid != os.geteuid()
            or info.st_size > MAX_ENTRY_BYTES
        ):
            return None
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_ENTRY_BYTES:
                return None
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


_SUSPECT = re.compile(
    rb'\\[nrtbf]|\\u00[0189]|\\u007[fF]|\\u[dD][89a-fA-F]|"\s*"'
    rb"|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]|\xc2[\x80-\x9f]|\x7f"
    # Unicode spaces, which a string may be made only of: rare in a report, checked then
    rb"|\xc2\xa0|\xe1\x9a\x80|\xe2\x80[\x80-\x8a\xaf]|\xe2\x81\x9f|\xe3\x80\x80"
)
"""What an entry must hold if any of its strings is empty or holds a character no report may
hold (entries are written with ensure_ascii off: controls as JSON escapes, the rest as UTF-8).
An entry without any of these is valid text throughout; one with any is checked string by
string (an escaped backslash before an n sends a valid entry there too, which is only slower)."""


def _holds_only_valid_text(plain: Any) -> bool:
    """The content rules a hand-edited entry could break and the shape cannot see: no text
    empty, on several lines, or holding a character no report may hold. Checked on every
    string of the entry as read (a report's only strings are its texts, dates and keys of
    its own), which is a fifth of the cost of walking the built report's texts."""
    from strategy_cli.model.report import FORBIDDEN

    todo = [plain]
    while todo:
        value = todo.pop()
        if isinstance(value, str):
            if not value.strip() or FORBIDDEN.search(value):
                return False
        elif isinstance(value, dict):
            todo.extend(value.values())
        elif isinstance(value, list):
            todo.extend(value)
    return True


def load_cached(path: str, warn: Warn = _ignore) -> Report:
    """The validated report in `path`, from the cache when its bytes were seen before."""
    data = read_bytes(path)
    folder = usable_folder(warn) if path != STDIN else None
    key = _key(data)
    entry = folder / f"{key}.json" if folder is not None else None
    if entry is not None and (cached := _read_entry(entry)) is not None:
        _LOADED[id(cached)] = (cached, key)
        return cached
    from strategy_cli.store.datafile import load_text

    name = display_name(path)
    report = load_text(decode(data, name), name, path)
    _LOADED[id(report)] = (report, key)
    if entry is not None:
        remember(entry, dump(report))
    return report


def remember_text(text: str, report: Report) -> None:
    """Prime the cache for a file just written (by `import -o` or `fmt`): the first query of it
    is then as fast as every later one."""
    folder = usable_folder()
    if folder is not None:
        remember(folder / f"{_key(text.encode('utf-8'))}.json", dump(report))


def remember(entry: Path, plain: Any) -> None:
    """Best effort: a cache that cannot be written is a slower run, not an error. Whatever
    stands at the entry's path (a doubtful entry, a link) is replaced, never written through."""
    with contextlib.suppress(OSError, StrategyError, ValueError):
        atomic_write(str(entry), json.dumps(plain, ensure_ascii=False), mode=0o600, streams=False)
