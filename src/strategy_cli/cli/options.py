"""The options commands share, declared once: `--data`, `--format`, `--year`, `-o`, and shell
completion from the data in use (honouring `--data` wherever it was given)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Annotated, Any, overload

import typer

from strategy_cli.cli import state
from strategy_cli.errors import StrategyError, UsageError

if TYPE_CHECKING:
    from strategy_cli.model.report import Report
    from strategy_cli.output.base import Format


def _data_in(ctx: Any) -> str | None:
    """`--data` as typed so far: after the command, else before it."""
    while ctx is not None:
        value = (ctx.params or {}).get("data")
        if value:
            return str(value)
        ctx = ctx.parent
    return None


def _completer(values: Callable[[Report], Iterable[int]]) -> Callable[..., list[str]]:
    """Shell completion from the data in use; a file that cannot be read offers nothing."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        try:
            report = state.report(_data_in(ctx))
        except StrategyError:
            return []
        return [str(v) for v in values(report) if str(v).startswith(incomplete)]

    return complete


def _action_numbers(report: Report) -> list[int]:
    return [a.number for a in report.actions]


def _years(report: Report) -> list[int]:
    from strategy_cli.analysis.query import years

    return years(report)


def _planning_years(report: Report) -> list[int]:
    from strategy_cli.analysis.query import planning_years

    return planning_years(report)


complete_action = _completer(_action_numbers)
complete_year = _completer(_years)
complete_planning_year = _completer(_planning_years)

DataOption = Annotated[
    str | None,
    typer.Option(
        "--data",
        metavar="PATH",
        help="Report data file to use (default: $STRATEGY_DATA, else the bundled report).",
    ),
]
FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="table (default; plain lines when piped), json, csv or markdown.",
    ),
]
YearOption = Annotated[
    str | None,
    typer.Option(
        "--year", "-y", metavar="YEAR", help="Only this year.", autocompletion=complete_year
    ),
]
ActionOption = Annotated[
    str | None,
    typer.Option(
        "--action", "-a", metavar="N", help="Only this action.", autocompletion=complete_action
    ),
]
ExcelOption = Annotated[
    bool,
    typer.Option(
        "--excel",
        help="With --format csv: UTF-8 with a byte-order mark, so Excel shows ’ and é as written.",
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write here (atomically) instead of stdout."
    ),
]


@overload
def whole(value: str, name: str) -> int: ...


@overload
def whole(value: str | None, name: str) -> int | None: ...


def whole(value: str | None, name: str) -> int | None:
    """A whole number from the command line, refused in the tool's words whatever typer says."""
    if value is None:
        return None
    text = value.strip()
    if not re.fullmatch(r"-?[0-9]{1,9}", text):
        shown = value if len(value) <= 40 else value[:37] + "..."
        raise UsageError(f"{name} must be a whole number, not {shown!r}")
    return int(text)


def output_format(value: str) -> Format:
    from strategy_cli.output.base import Format

    try:
        return Format(value)
    except ValueError:
        raise UsageError(
            f"unknown format {value!r}; choose one of: {', '.join(f.value for f in Format)}"
        ) from None


def write(text: str, output: str | None, check: Callable[[str], object] | None = None) -> bool:
    """To FILE atomically, or to stdout when there is none (or '-'); True if a file was written.
    `check` reads the text back first, so that nothing unreadable is ever written."""
    if output and output != "-":
        from strategy_cli.store.files import atomic_write

        atomic_write(output, text, check=check)
        return True
    state.emit(text)
    return False


def refuse_forbidden(option: str, value: str | None) -> None:
    """Text given on the command line obeys the report's rules for text, named at the option."""
    from strategy_cli.model.report import FORBIDDEN, forbidden_name

    if value is not None and (found := FORBIDDEN.search(value)) is not None:
        raise UsageError(
            f"{option} holds {forbidden_name(found.group())} at character {found.start() + 1}:"
            " text may not hold it; delete it"
        )
