"""The output formats of the read commands, one unit each, and how the CLI picks one.

Each format is a class with one method per kind of result; each method takes a finished result
and returns the text to write. Nothing here computes, prints or exits. A terminal gets the rich
table format; a pipe or file gets plain, complete, tab-separated lines (gh's convention).
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, NoReturn, Protocol

if TYPE_CHECKING:
    from rich.console import Console

    from strategy_cli.analysis.query import (
        DiffResult,
        ListResult,
        SearchResult,
        ShowResult,
        YearStats,
    )
    from strategy_cli.analysis.scorecard import DepartmentYears, Scorecard


class Format(str, Enum):
    """What `--format` takes; `table` is rich on a terminal and plain lines elsewhere."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class Formatter(Protocol):
    """One output format: every kind of result as text."""

    def list_actions(self, result: ListResult) -> str: ...

    def show(self, result: ShowResult) -> str: ...

    def diff(self, result: DiffResult, detail: bool) -> str: ...

    def search(self, result: SearchResult) -> str: ...

    def stats(self, rows: list[YearStats]) -> str: ...

    def scorecard(self, card: Scorecard) -> str: ...

    def stats_by_department(self, rows: list[DepartmentYears]) -> str: ...


def formatter(fmt: Format, console: Console | None = None, excel: bool = False) -> Formatter:
    """The unit for a format; modules are imported only when chosen. `console` is given only
    for a terminal (or FORCE_COLOR), where `table` draws rich tables; rich is imported then."""
    if fmt is Format.table:
        if console is not None:
            from strategy_cli.output.table import TableFormat

            return TableFormat(console)
        from strategy_cli.output.plain import PlainFormat

        return PlainFormat()
    if fmt is Format.json:
        from strategy_cli.output.json_format import JsonFormat

        return JsonFormat()
    if fmt is Format.csv:
        from strategy_cli.output.csv_format import CsvFormat

        return CsvFormat(excel)
    if fmt is Format.markdown:
        from strategy_cli.output.markdown import MarkdownFormat

        return MarkdownFormat()
    return unreachable(fmt)


def unreachable(value: NoReturn) -> NoReturn:
    """mypy proves every case is handled (typing.assert_never is Python 3.11+)."""
    raise AssertionError(value)
