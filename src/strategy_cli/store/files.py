"""Reading files a user names, and writing files so that a failure never leaves half of one."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from strategy_cli.errors import DataError, Position

MAX_BYTES = 2 * 1024 * 1024
"""Larger files are refused before reading. All 24 departments' reports together are ~0.8 MB;
a file at the limit still parses in about 2 s (pure-Python YAML), a much larger one would not."""

STDIN = "-"


def display_name(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def read_bytes(path: str, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, refusing a missing, unreadable or oversized file with one clear line."""
    name = display_name(path)
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(limit + 1)
        else:
            size = os.stat(path).st_size
            if size > limit:
                raise DataError(_too_large(size, limit), Position(name))
            with open(path, "rb") as handle:
                data = handle.read(limit + 1)
    except FileNotFoundError:
        raise DataError("no such file", Position(name)) from None
    except IsADirectoryError:
        raise DataError("is a directory, not a file", Position(name)) from None
    except PermissionError:
        raise DataError("permission denied: cannot read the file", Position(name)) from None
    except OSError as error:
        raise DataError(f"cannot read the file: {error.strerror}", Position(name)) from None
    if len(data) > limit:
        raise DataError(_too_large(len(data), limit), Position(name))
    return data


def _too_large(size: int, limit: int) -> str:
    return (
        f"file is too large ({size:,} bytes; the limit is {limit:,} bytes): is this the right file?"
    )


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM is allowed), or an error at the first byte that is not UTF-8."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise DataError(
            f"not UTF-8 text (byte 0x{data[error.start]:02x}): save the file as UTF-8",
            Position(name, line, column),
        ) from None
    return text


def read_text(path: str, limit: int = MAX_BYTES) -> str:
    return decode(read_bytes(path, limit), display_name(path))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write(path: str, text: str, mode: int | None = None) -> None:
    """Write beside the target, flush to disk, then rename over it: all or nothing. `mode`
    sets the permissions of a new file (default: 0666 less the umask)."""
    import tempfile

    target = Path(path)
    directory = target.parent
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise DataError(f"cannot write: {error.strerror}", Position(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        keep = target.stat().st_mode & 0o777 if target.exists() else None
        os.chmod(
            temporary, keep if keep is not None else mode if mode is not None else 0o666 & ~_umask()
        )
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise DataError(f"cannot write: {error.strerror}", Position(path)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
