"""Which data file to use, and reading it into a validated report with errors at file:line:col."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strategy_cli.consistency import Problem
from strategy_cli.errors import DataError, Position
from strategy_cli.files import display_name, read_text
from strategy_cli.models import Report
from strategy_cli.validation import InvalidReport, validate
from strategy_cli.yamlfile import locate, parse, to_plain

ENV_VAR = "STRATEGY_DATA"
BUNDLED_NAME = "co.yaml"


def bundled_path() -> Path:
    """The data shipped in the wheel; in a source checkout, the repository's `data/` file."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / BUNDLED_NAME
    return packaged if packaged.is_file() else here.parents[1] / "data" / BUNDLED_NAME


def resolve(option: str | None) -> str:
    """`--data`, else $STRATEGY_DATA, else the bundled report (relative to the current folder
    when it is inside it, so that messages and CI annotations name it as the repository does)."""
    if option or os.environ.get(ENV_VAR):
        return option or os.environ[ENV_VAR]
    bundled = bundled_path()
    relative = os.path.relpath(bundled)
    return relative if not relative.startswith("..") else str(bundled)


@dataclass(frozen=True)
class Loaded:
    """A report with what is needed to point back into its file."""

    report: Report
    name: str
    tree: Any


def not_a_mapping(tree: Any) -> str | None:
    """Why a parsed document cannot be a report at all, if it cannot."""
    if isinstance(tree, dict):
        return None
    kind = (
        "empty"
        if tree is None
        else "a list, not a mapping"
        if isinstance(tree, list)
        else "a single value, not a mapping"
    )
    return (
        f"the file is {kind}: a report file is a mapping with keys such as 'title',"
        " 'department' and 'actions'"
    )


def read_tree(path: str) -> tuple[str, str, Any]:
    """Name, text and round-trip tree of a data file; refuses what is not a YAML mapping."""
    name = display_name(path)
    text = read_text(path)
    tree = parse(text, name)
    if (problem := not_a_mapping(tree)) is not None:
        raise DataError(problem, Position(name, 1, 1))
    return name, text, tree


def position(problem: Problem, name: str, tree: Any) -> Position:
    line, column = locate(tree, problem.path, problem.on_key)
    return Position(name, line, column)


def describe(problem: Problem, name: str, tree: Any) -> str:
    """The problem's message with the place it refers to, e.g. "(first at line 88)"."""
    if problem.related is None:
        return problem.message
    line, _ = locate(tree, problem.related)
    return f"{problem.message} ({problem.related_label} line {line})"


def validated(path: str, name: str, tree: Any) -> Report:
    """The report in `tree`, or one `DataError` at the first problem's file:line:col."""
    try:
        return validate(to_plain(tree))
    except InvalidReport as invalid:
        first = invalid.problems[0]
        more = len(invalid.problems) - 1
        hint = (
            f"({more} more problem{'s' if more > 1 else ''} in this file;"
            f" run `strategy lint {path}` to see them all)"
            if more
            else None
        )
        raise DataError(
            f"{first.code} {describe(first, name, tree)}", position(first, name, tree), hint
        ) from None


def load(path: str) -> Loaded:
    name, _, tree = read_tree(path)
    return Loaded(validated(path, name, tree), name, tree)


def load_report(path: str) -> Report:
    return load(path).report
