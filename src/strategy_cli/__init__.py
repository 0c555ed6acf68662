"""strategy: a UK government department's digital strategy report as validated, queryable data.

Use from Python::

    from strategy_cli import load
    report = load("data/co.yaml")          # a YAML data file, or a JSON export
    print(report.action(5).title)
    reports = load_all("gov/")             # a folder: every department's report, by department

`load` returns a validated `Report` or raises `DataError`, whose `position` is the
file:line:column of the first problem and whose `problems` lists every one. Models cannot be
built invalid: `Report(...)`, `Action(...)` and `Paragraph(...)` validate what they are given and
raise `InvalidReport` (a `DataError` and a `ValueError`) with every problem's path.

Names are imported on first use, so that the command line pays only for what it runs.
"""

from __future__ import annotations

TYPE_CHECKING = False
"""Not `typing.TYPE_CHECKING`: this module imports nothing, so that the console script reaches
its Ctrl-C handling at once (type checkers treat any `TYPE_CHECKING` name alike)."""

__version__ = "0.2.0"

__all__ = [
    "Action",
    "DataError",
    "InvalidReport",
    "Paragraph",
    "Report",
    "StrategyError",
    "UsageError",
    "__version__",
    "dump",
    "load",
    "load_all",
    "validate",
]

if TYPE_CHECKING:
    from strategy_cli.api import dump, load, load_all, validate
    from strategy_cli.errors import DataError, StrategyError, UsageError
    from strategy_cli.model.report import Action, Paragraph, Report
    from strategy_cli.model.validation import InvalidReport

_WHERE = {
    "Action": "strategy_cli.model.report",
    "Paragraph": "strategy_cli.model.report",
    "Report": "strategy_cli.model.report",
    "DataError": "strategy_cli.errors",
    "StrategyError": "strategy_cli.errors",
    "UsageError": "strategy_cli.errors",
    "InvalidReport": "strategy_cli.model.validation",
    "dump": "strategy_cli.api",
    "load": "strategy_cli.api",
    "load_all": "strategy_cli.api",
    "validate": "strategy_cli.api",
}


def __getattr__(name: str) -> object:
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'strategy_cli' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
