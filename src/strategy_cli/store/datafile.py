"""Reading a data file into a validated report, with errors at file:line:col."""

from __future__ import annotations

from typing import Any

from strategy_cli.errors import DataError, Position
from strategy_cli.model.consistency import Problem
from strategy_cli.model.report import Report
from strategy_cli.model.validation import InvalidReport, validate
from strategy_cli.store.files import display_name, read_text
from strategy_cli.store.yamlfile import locate, parse, to_plain


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
    return name, text, parse_tree(text, name)


def parse_tree(text: str, name: str, positions: bool = True) -> Any:
    tree = parse(text, name, positions)
    if (problem := not_a_mapping(tree)) is not None:
        raise DataError(problem, Position(name, 1, 1))
    return tree


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


def load_report(path: str) -> Report:
    return load_text(read_text(path), display_name(path), path)


def load_text(text: str, name: str, path: str) -> Report:
    """The validated report. A valid file is read without positions (faster); only a file with
    a problem is read again with them, to say where the problem is."""
    document = parse_tree(text, name, positions=False)
    try:
        return validate(document)
    except InvalidReport:
        tree = parse_tree(text, name)
        return validated(path, name, tree)
