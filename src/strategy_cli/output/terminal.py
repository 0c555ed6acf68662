"""Where output goes and how it may look: rich on a terminal, plain and literal everywhere else.

Text from a data file is data: it reaches rich only as `rich.text.Text` (never markup), and
control characters are made visible before it reaches any stream.
"""

from __future__ import annotations

import os
import re
import sys
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

CONTROL = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""C0, DEL, C1, and the bidirectional marks and overrides: what must never act on a terminal
(and what lint's T104 reports in the data)."""
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def visible(text: str) -> str:
    """Control, C1 and bidi-override characters as escapes (`\\x1b`), so none acts on a terminal."""
    return CONTROL.sub(lambda m: _escape(m.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def json_text(value: Any) -> str:
    """JSON as scripts expect: UTF-8 kept readable, two-space indent, and no raw C1 or bidi
    characters (json.dumps escapes only C0 when ensure_ascii is off)."""
    import json

    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def make_console(file: IO[str] | None = None, stderr: bool = False) -> Console:
    """A console that honours NO_COLOR, FORCE_COLOR and TERM=dumb (rich reads all three).

    Emoji codes and auto-highlighting are off: they would rewrite data that happens to contain
    ":smile:" or numbers.
    """
    from rich.console import Console

    return Console(
        file=file or (sys.stderr if stderr else sys.stdout),
        stderr=stderr,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )


def offscreen_console(stream: IO[str]) -> Console:
    """A console that renders as `stream` would show it (width, colours, NO_COLOR and the
    rest, as rich reads them) into a string: rich itself never writes to the stream, so a
    failed write is the caller's to report."""
    import io

    from rich.console import Console

    seen = make_console(stream)
    return Console(
        file=io.StringIO(),
        width=seen.width,
        color_system=seen.color_system,  # type: ignore[arg-type]
        force_terminal=True,
        no_color=seen.no_color,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )


def interactive(stream: IO[str]) -> bool:
    """Rich layout only for a terminal (or FORCE_COLOR); plain, untruncated text when piped or
    with TERM=dumb. Decided without importing rich, which a pipe never needs."""
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
