"""Pydantic's errors as problems a maintainer can act on: a rule code, a path, how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from strategy_cli.consistency import Path, Problem
from strategy_cli.errors import DataError
from strategy_cli.models import Action, Paragraph, Report

KEYS = sorted({*Report.model_fields, *Action.model_fields, *Paragraph.model_fields})
CODES = {
    "empty_text": "T101",
    "multiline_text": "T107",
    "missing": "S001",
    "extra_forbidden": "S002",
}
EXPECTED = {
    "int_type": "expected a whole number",
    "string_type": "expected text",
    "date_type": "expected a date written as YYYY-MM-DD",
    "list_type": "expected a list (items starting with '- ')",
    "dict_type": "expected a mapping of keys to values",
    "model_type": "expected a mapping of keys to values",
    "model_attributes_type": "expected a mapping of keys to values",
    "string_pattern_mismatch": "expected a month and year, like 'December 2012'",
}


class InvalidReport(DataError):
    """A document that is not a valid report; `problems` holds every one pydantic found."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems[0].message)
        self.problems = problems


def validate(document: Any, *, document_rules: bool = True) -> Report:
    try:
        return Report.model_validate(document, context={"skip_document_rules": not document_rules})
    except ValidationError as error:
        raise InvalidReport(problems_from(error)) from None


def problems_from(error: ValidationError) -> list[Problem]:
    problems: list[Problem] = []
    for detail in error.errors(include_url=False):
        if detail["type"] == "document_rules":
            problems.extend(detail["ctx"]["problems"])
        else:
            problems.append(_problem(detail))
    return problems


def _problem(detail: ErrorDetails) -> Problem:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    on_key = bool(loc) and loc[-1] == "[key]"
    if on_key:
        loc = loc[:-1]
    path: Path = tuple(step for step in loc if isinstance(step, int) or "[" not in step)
    code = CODES.get(kind, "S003")
    where = format_path(path)
    if kind == "missing":
        return Problem(
            code,
            path[:-1],
            f"missing required key {path[-1]!r}"
            f"{' in ' + format_path(path[:-1]) if len(path) > 1 else ''}: add it",
        )
    if kind == "extra_forbidden":
        key = str(path[-1])
        close = difflib.get_close_matches(key, KEYS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return Problem(
            code, path, f"unknown key {key!r}{hint}: remove it or correct its spelling", on_key=True
        )
    if kind in ("empty_text", "multiline_text"):
        return Problem(code, path, f"{where}: {detail['msg']}")
    expected = EXPECTED.get(kind, detail["msg"][:1].lower() + detail["msg"][1:])
    got = _describe(detail.get("input"))
    return Problem(code, path, f"{where}: {expected}, got {got}", on_key=on_key)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def format_path(path: Sequence[str | int]) -> str:
    """`actions[4].progress[2013][0].text`: the way a maintainer would point at a value."""
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else step
    return out or "the document"
