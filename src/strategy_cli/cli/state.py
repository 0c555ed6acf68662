"""What every command shares: the global options, the report in use, and the streams.

Messages go to stderr as `strategy: ...` lines with data made inert; results go to stdout
through `emit`, which turns a failed write (a full disk, a terminal that cannot encode the
text) into one message and exit 1 instead of a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from strategy_cli.errors import StrategyError, UsageError
from strategy_cli.output.terminal import visible

if TYPE_CHECKING:
    from rich.console import Console

    from strategy_cli.analysis.scorecard import Scorecard
    from strategy_cli.model.report import Report
    from strategy_cli.model.verdicts import Verdicts
    from strategy_cli.store.dataset import Member

data: str | None = None
"""`--data` given before the command; one given after it wins."""


def say(message: str) -> None:
    """One message line (or a few) on stderr, prefixed as every message of the tool is."""
    try:
        sys.stderr.write(f"strategy: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError, UnicodeEncodeError):
        pass  # nowhere left to say it


def note(message: str) -> None:
    """A status line on stderr ("wrote ...", "no matches"); data in it made inert."""
    try:
        sys.stderr.write(f"{visible(message)}\n")
        sys.stderr.flush()
    except (OSError, ValueError, UnicodeEncodeError):
        pass


def report_error(error: StrategyError) -> None:
    """One line (and a hint) on stderr; data in the message is made inert first."""
    where = f"{error.position}: " if error.position else ""
    text = f"error: {visible(where)}{visible(error.message)}"
    if error.hint:
        text += f"\n{visible(error.hint)}"
    say(text)


class OutputError(StrategyError):
    """Standard output could not take the result (exit 1)."""


def emit(text: str) -> None:
    """The result to stdout. Text the stream cannot encode is an `OutputError` here; a stream
    that fails (a full disk, a reader gone) is handled where every write is, in the command
    group (`app._Commands.invoke`)."""
    if sys.stdout is None:
        raise OutputError("standard output is closed: nowhere to write the result")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except UnicodeEncodeError as error:
        encoding = getattr(sys.stdout, "encoding", "?")
        raise OutputError(
            f"standard output uses the {encoding} encoding, which cannot show"
            f" {error.object[error.start : error.end]!r}",
            hint="set PYTHONIOENCODING=utf-8 (or a UTF-8 locale), or write to a file with -o",
        ) from None


def report(option: str | None = None) -> Report:
    """The report in use: `--data` after the command, else before it, else $STRATEGY_DATA,
    else the bundled report (from the cache when its bytes were seen before)."""
    path = data_path(option)
    if is_folder(path):
        raise UsageError(
            f"{path} is a folder: this command works on one report file",
            hint="give one department's file with --data FILE",
        )
    return report_at(path)


def report_at(path: str) -> Report:
    from strategy_cli.store.cache import load_cached

    _say_if_waiting(path)
    return load_cached(path, warn=lambda message: say(f"warning: {message}"))


def members(option: str | None, departments: list[str] | None = None) -> tuple[list[Member], bool]:
    """The reports in use, one per department, and whether the data is a folder of them;
    `--department` chooses among them (and is checked against a single report too)."""
    from strategy_cli.store.dataset import Member, choose, load_folder

    path = data_path(option)
    folder = is_folder(path)
    found = load_folder(path) if folder else [Member(path, report_at(path))]
    return choose(found, departments or []), folder


def verdicts_at(path: str) -> Verdicts | None:
    """The verdicts recorded beside a report (`co.yaml` -> `co.verdicts.yaml`)."""
    from strategy_cli.store.verdicts import verdicts_for

    found = verdicts_for(path)
    return found.verdicts if found is not None else None


def scorecard_at(
    member: Member, folder: bool = False, action: int | None = None
) -> tuple[Scorecard, Verdicts | None]:
    """A report's scorecard with the verdicts beside it, and those verdicts; what the scorecard
    derives from the report alone is cached with the report. In a folder of departments, ids
    name the department (`DWP:4/2014/5`). `action`: only that action's rows."""
    from functools import partial

    from strategy_cli.analysis import scorecard as card
    from strategy_cli.store.cache import derived

    found = member.report
    recorded = verdicts_at(member.path)
    analysis = derived(
        "scorecard",
        found,
        partial(card.analyse, found),
        card.encode,
        partial(card.decode, found),
    )
    result = card.scorecard(found, recorded, analysis)
    if action is not None:  # only one action's rows are wanted: name no more than those
        result = result._replace(rows=[r for r in result.rows if r.item.action == action])
    return (card.of_department(result, found.department) if folder else result), recorded


def _say_if_waiting(path: str) -> None:
    """A read that may wait (standard input at a terminal, a named pipe) says so first."""
    import stat

    if path == "-":
        stdin = sys.stdin
        if stdin is not None and not stdin.closed and stdin.isatty():
            note("reading the report from standard input (end it with Ctrl-D)")
        return
    try:
        if stat.S_ISFIFO(os.stat(path).st_mode):
            note(f"reading the report from the pipe {path} (waiting for a writer)")
    except OSError:
        pass


def is_folder(path: str) -> bool:
    return path != "-" and os.path.isdir(path)


def data_path(option: str | None = None) -> str:
    from strategy_cli.store.location import resolve

    return resolve(option or data)


def console() -> Console | None:
    """A rich console for stdout on a terminal (or with FORCE_COLOR); None when piped."""
    from strategy_cli.output.terminal import interactive, offscreen_console

    return offscreen_console(sys.stdout) if sys.stdout and interactive(sys.stdout) else None


def guarded(call: Callable[[], Any]) -> int:
    """Run the command line and return its exit status: output that cannot be written, a
    reader that went away and Ctrl-C end quietly, never with a traceback."""
    try:
        try:
            call()
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 0 if exit_.code is None else 1
        if sys.stdout is not None:
            sys.stdout.flush()
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (`strategy list | head`): not an error worth a message.
        silence_stdout()
        return 0
    except OSError as error:
        silence_stdout()
        say(f"error: cannot write to standard output: {error.strerror}")
        return 1
    return code


def silence_stdout() -> None:
    if sys.stdout is not None:
        _silence(sys.stdout)


def _silence(stream: Any) -> None:
    """Point a broken stream at /dev/null so that the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
