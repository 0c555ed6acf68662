"""Reading files a user names, and writing files so that a failure never leaves half of one."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from strategy_cli.errors import DataError, Position

MAX_BYTES = 2 * 1024 * 1024
"""Larger files are refused before reading. All 24 departments' reports together are ~0.8 MB;
a file at the limit still parses in about 2 s (pure-Python YAML), a much larger one would not."""

STDIN = "-"
STDIN_CLOSED = "standard input is closed: give the report on it, or a file"


def display_name(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def read_bytes(path: str, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, refusing a missing, unreadable or oversized file with one clear line."""
    name = display_name(path)
    try:
        if path == STDIN:
            if sys.stdin is None or sys.stdin.closed:
                raise DataError(STDIN_CLOSED, Position(name))
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
    except ValueError:  # a standard input closed under us
        raise DataError(STDIN_CLOSED, Position(name)) from None
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


TEMP_SUFFIX = ".strategy-tmp"
"""Our temporary files are `.NAME.PID.RANDOM.strategy-tmp` beside the target."""

Check = Callable[[str], object]
"""Reads the text back as its reader would, raising a StrategyError if it cannot."""


def atomic_write(
    path: str,
    text: str,
    mode: int | None = None,
    *,
    check: Check | None = None,
    expected: bytes | None = None,
    streams: bool = True,
    create: bool = False,
) -> None:
    """Write `path` so that nothing is ever lost or half-written.

    - A regular file is replaced atomically: written beside it, flushed, renamed over it; its
      mode is kept, and its owner too where we may set it (as root).
    - A symlink is followed: its target is updated and the link stays a link.
    - A file with other hard links, or owned by someone else when we cannot keep the owner, is
      refused: replacing it would split the links or change its owner.
    - A character device or FIFO (`/dev/stdout`, a named pipe) is written through as a stream,
      never replaced; any other kind of file is refused.
    - `check` reads the text back first: nothing is written that its reader would refuse.
    - `create`: the file must not exist yet; it is linked into place, which fails if another
      process made it meanwhile (then nothing is written), where a rename would replace it.
    - `expected`: the bytes the file held when read; if it holds others now (edited meanwhile),
      nothing is written.
    `mode` sets the permissions of a new file (default: 0666 less the umask). `streams=False`
    is for files of our own (cache entries): devices and FIFOs are refused, and whatever is at
    the path, a symlink included, is replaced by a new file with `mode`, never written through.
    """
    if check is not None:
        check(text)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise DataError(
            f"cannot write: the text holds {error.object[error.start : error.end]!r}, which is"
            " not a character; nothing written",
            Position(path),
        ) from None
    try:
        info: os.stat_result | None = os.stat(path) if streams else None
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise DataError(f"cannot write: {error.strerror}", Position(path)) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if streams and (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
            _write_stream(path, text)
            return
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise DataError(f"cannot write: it is {kind}; nothing written", Position(path))
    follow = streams and os.path.islink(path)
    target = Path(os.path.realpath(path)) if follow else Path(path)
    if create and (info is not None or os.path.lexists(path)):
        raise DataError(_MADE_MEANWHILE, Position(path))
    if info is not None:
        if info.st_nlink > 1:
            raise DataError(
                f"not replacing a file with {info.st_nlink} hard links: the links would be"
                " split; nothing written (copy the file first, or write another file)",
                Position(path),
            )
        if info.st_uid != os.geteuid() and os.geteuid() != 0:
            raise DataError(
                "not replacing a file owned by another user: its owner would change; nothing"
                " written (copy it first, or write another file)",
                Position(path),
            )
    _clean_stale(target)
    import tempfile

    try:
        fd, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=target.parent
        )
    except OSError as error:
        raise DataError(f"cannot write: {error.strerror}", Position(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if info is not None:
            if os.geteuid() == 0 and (info.st_uid, info.st_gid) != (0, 0):
                os.chown(temporary, info.st_uid, info.st_gid)  # before chmod: chown drops setuid
            os.chmod(temporary, stat.S_IMODE(info.st_mode))
        else:
            os.chmod(temporary, mode if mode is not None else 0o666 & ~_umask())
        if expected is not None and _current(target) != expected:
            raise DataError(
                "the file changed while it was being rewritten; nothing written (run again)",
                Position(path),
            )
        if create:
            try:
                os.link(temporary, target)
            except FileExistsError:
                raise DataError(_MADE_MEANWHILE, Position(path)) from None
            os.unlink(temporary)
        else:
            os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise DataError(f"cannot write: {error.strerror}", Position(path)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


_MADE_MEANWHILE = "another process made the file meanwhile; nothing written (run again)"


def _current(target: Path) -> bytes | None:
    try:
        return target.read_bytes()
    except OSError:
        return None


def _write_stream(path: str, text: str) -> None:
    """Into a device or FIFO, as a stream: the node itself is never replaced. A reader that
    went away (`-o /dev/stdout | head`) ends the run quietly, as on stdout."""
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except BrokenPipeError:
        raise
    except OSError as error:
        raise DataError(f"cannot write: {error.strerror}", Position(path)) from None


def _clean_stale(target: Path) -> None:
    """Temporary files of ours beside the target, left by a run that was killed: removed when
    the process that made them is gone."""
    import glob

    with contextlib.suppress(OSError):
        for stale in target.parent.glob(f".{glob.escape(target.name)}.*{TEMP_SUFFIX}"):
            pid = stale.name[len(target.name) + 2 :].split(".", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    stale.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
