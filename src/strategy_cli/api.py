"""The Python API: the same loading and checking the command line uses, without the CLI."""

from __future__ import annotations

import os
from typing import Any

from strategy_cli.model.report import Report
from strategy_cli.model.shape import dump as _dump


def load(path: str | os.PathLike[str], *, cache: bool = True) -> Report:
    """The validated report in a data file (YAML, or a JSON export); `DataError` otherwise,
    with `position` (file:line:column) and `problems` (every problem found). With `cache`,
    the report cache is used as the command line uses it ($STRATEGY_CACHE_DIR applies).
    A folder of reports is `load_all`'s: `load` keeps its one return type."""
    name = os.fspath(path)
    if name != "-" and os.path.isdir(name):
        from strategy_cli.errors import DataError, Position

        raise DataError(
            "a folder holds a report per department: read it with load_all(), which gives"
            " them by department",
            Position(name),
        )
    return _load_file(name, cache)


def load_all(path: str | os.PathLike[str]) -> dict[str, Report]:
    """Every report in a folder of data files (one per department, at any depth), by
    department, in order; a single file gives its one report."""
    from strategy_cli.store.dataset import load_folder

    name = os.fspath(path)
    if name == "-" or not os.path.isdir(name):
        report = _load_file(name, True)
        return {report.department: report}
    return {member.department: member.report for member in load_folder(name)}


def _load_file(name: str, cache: bool) -> Report:
    if cache:
        from strategy_cli.store.cache import load_cached

        return load_cached(name)
    from strategy_cli.store.datafile import load_report

    return load_report(name)


def validate(data: Any) -> Report:
    """A report from plain data: `dump`'s JSON-ready output, or data as a YAML file holds it
    (int years, `datetime.date`). Checked as JSON is (types strict, dates ISO text), so both
    read alike; `InvalidReport` lists every problem with its path."""
    import datetime
    import json

    from strategy_cli.model.validation import validate as run

    def iso(value: object) -> str:
        if isinstance(value, datetime.date):
            return value.isoformat()
        raise TypeError(f"{type(value).__name__} is not report data")

    if isinstance(data, Report):
        return run(data)
    try:
        text = json.dumps(data, default=iso, ensure_ascii=False)
    except (TypeError, ValueError) as error:
        from strategy_cli.errors import DataError

        raise DataError(f"not report data: {error}") from None
    return run(text, json=True)


def dump(report: Report) -> Any:
    """The report as JSON-ready data: every key, in the data file's order; `validate` and
    `load` (of a `.json` file) read it back."""
    return _dump(report)
