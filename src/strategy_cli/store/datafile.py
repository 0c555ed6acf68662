"""Reading a data file into a validated report, with errors at file:line:col."""

from __future__ import annotations

from typing import Any, NamedTuple

from strategy_cli.english import plural
from strategy_cli.errors import DataError, Position
from strategy_cli.model.consistency import Problem
from strategy_cli.model.report import Report
from strategy_cli.model.validation import InvalidReport, format_path, validate
from strategy_cli.store.files import decode, display_name, read_bytes, read_text
from strategy_cli.store.yamlfile import fast_plain, locate, parse, to_plain


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


class Read(NamedTuple):
    """A data file as read: its bytes (to tell later whether it changed), text and tree."""

    name: str
    data: bytes
    text: str
    tree: Any


def read_tree(path: str) -> Read:
    """Name, bytes, text and round-trip tree of a data file; refuses what is not a YAML
    mapping."""
    name = display_name(path)
    data = read_bytes(path)
    text = decode(data, name)
    return Read(name, data, text, parse_tree(text, name))


def parse_tree(text: str, name: str, positions: bool = True) -> Any:
    tree = parse(text, name, positions)
    if (problem := not_a_mapping(tree)) is not None:
        raise DataError(problem, Position(name, 1, 1))
    return tree


def position(problem: Problem, name: str, tree: Any, lines: list[str] | None = None) -> Position:
    """Where a problem is: the key or value its path names, and, when the problem is about
    some characters of a text written out literally on that line, their exact column."""
    line, column = locate(tree, problem.path, problem.on_key)
    if problem.match is not None and lines and 0 < line <= len(lines):
        column = exact_column(lines[line - 1], column, *problem.match)
    return Position(name, line, column)


def exact_column(source: str, column: int, offset: int, text: str) -> int:
    """The column of the matched text itself, where the scalar is written out literally."""
    for start in (column - 1, column):  # a plain scalar, or one opened by a quote
        at = start + offset
        if source[at : at + len(text)] == text:
            return at + 1
    return column


def describe(problem: Problem, name: str, tree: Any) -> str:
    """The problem's message with the place it refers to, e.g. "(first at line 88)"."""
    if problem.related is None:
        return problem.message
    line, _ = locate(tree, problem.related)
    return f"{problem.message} ({problem.related_label} line {line})"


def located(
    problems: list[Problem], name: str, tree: Any, lines: list[str] | None = None
) -> list[tuple[Position, str]]:
    """Each problem at its file:line:column, with its code and message."""
    return [
        (position(problem, name, tree, lines), f"{problem.code} {describe(problem, name, tree)}")
        for problem in problems
    ]


def validated(path: str, name: str, tree: Any, text: str | None = None) -> Report:
    """The report in `tree`, or one `DataError` at the first problem's file:line:col, carrying
    every problem found."""
    try:
        return validate(to_plain(tree))
    except InvalidReport as invalid:
        raise _invalid(invalid, path, name, tree, text) from None


def _invalid(
    invalid: InvalidReport, path: str, name: str, tree: Any, text: str | None = None
) -> DataError:
    problems = located(invalid.found, name, tree, text.split("\n") if text is not None else None)
    first_position, first_message = problems[0]
    more = len(problems) - 1
    hint = (
        f"({plural(more, 'more problem')} in this file; run `strategy lint {path}` to see them all)"
        if more
        else None
    )
    return DataError(first_message, first_position, hint, problems=problems)


def load_report(path: str) -> Report:
    return load_text(read_text(path), display_name(path), path)


def is_json(text: str, name: str) -> bool:
    """A JSON export, by its name or (for standard input, or a file named otherwise) by its
    first character: a report is a mapping, and a YAML report never starts with `{`."""
    return name.lower().endswith(".json") or text.lstrip()[:1] == "{"


def load_text(text: str, name: str, path: str) -> Report:
    """The validated report. A valid file is read without positions (faster); only a file with
    a problem is read again with them, to say where the problem is."""
    if raw := raw_characters(text, name):
        position, message = raw[0]
        raise DataError(message, position, problems=raw)
    if is_json(text, name):
        return _load_json(text, name, path)
    document = fast_plain(text)
    if document is None:
        document = parse_tree(text, name, positions=False)
    elif (problem := not_a_mapping(document)) is not None:
        raise DataError(problem, Position(name, 1, 1))
    try:
        return validate(document)
    except InvalidReport:
        tree = parse_tree(text, name)
        return validated(path, name, tree, text)


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _Duplicate(key)
        found[key] = value
    return found


class _Duplicate(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def raw_characters(text: str, name: str) -> list[tuple[Position, str]]:
    """Every forbidden character written raw in a data file, at its line and column: YAML
    would read NEL and the line separators as line breaks and fold them away, so the text is
    looked at before YAML reads it."""
    from strategy_cli.model.report import FORBIDDEN_RAW, forbidden_name

    found = []
    for match in FORBIDDEN_RAW.finditer(text):
        found.append(
            (
                Position.at(name, text, match.start()),
                f"T104 {forbidden_name(match.group())} in the file: text may not hold it (it is"
                " invisible, or drives a terminal); delete it",
            )
        )
    return found


def check_json(text: str, name: str) -> Any:
    """The JSON document of a JSON export, refused if it could mean two things: a duplicate
    key, or a year not written as a year ("02014" would silently become 2014)."""
    import json

    try:
        document = json.loads(text, object_pairs_hook=_refuse_duplicates)
    except _Duplicate as duplicate:
        raise DataError(
            f"Y102 duplicate key {duplicate.key!r}: keep one of them", Position(name)
        ) from None
    except json.JSONDecodeError as error:
        raise DataError(
            f"Y101 not valid JSON: {error.msg}", Position(name, error.lineno, error.colno)
        ) from None
    except RecursionError:
        raise DataError(
            "Y101 nesting too deep to read: this is not a report file", Position(name)
        ) from None
    except ValueError as error:  # e.g. a number with thousands of digits
        raise DataError(f"Y101 not valid JSON: {error}", Position(name)) from None
    if (problem := not_a_mapping(document)) is not None:
        raise DataError(problem, Position(name, 1, 1))
    from strategy_cli.model.shape import noncanonical_years, shape

    for where, key in noncanonical_years(document, shape(Report)):
        raise DataError(
            f"S003 {format_path(where)}: year {key!r} is not written as a year (like '2014')",
            Position(name),
        )
    return document


def _load_json(text: str, name: str, path: str) -> Report:
    """A JSON export (`strategy export --format json`), validated as strictly as YAML; problems
    are placed by reading the text again as YAML (JSON is a subset of YAML 1.2)."""
    check_json(text, name)
    try:
        return validate(text, json=True)
    except InvalidReport as invalid:
        try:
            tree = parse(text, name)
        except DataError:
            tree = None
        raise _invalid(invalid, path, name, tree, text) from None
