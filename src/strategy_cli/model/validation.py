"""Pydantic's errors as problems a maintainer can act on: a rule code, a path, how to fix it."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import fields
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from strategy_cli.errors import DataError, Position
from strategy_cli.model.consistency import Path, Problem, document_errors
from strategy_cli.model.report import Action, Paragraph, Report
from strategy_cli.model.shape import TRUSTED, shape, to_plain

KEYS = sorted({f.name for cls in (Report, Action, Paragraph) for f in fields(cls)})
CODES = {
    "empty_text": "T101",
    "multiline_text": "T107",
    "forbidden_character": "T104",
    "missing": "S001",
    "missing_argument": "S001",
    "extra_forbidden": "S002",
    "unexpected_keyword_argument": "S002",
}
EXPECTED = {
    "int_type": "expected a whole number",
    "string_type": "expected text",
    "date_type": "expected a date written as YYYY-MM-DD",
    "list_type": "expected a list (items starting with '- ')",
    "dict_type": "expected a mapping of keys to values",
    "dataclass_type": "expected a mapping of keys to values",
    "string_pattern_mismatch": "expected a month and year, like 'December 2012'",
}


_TAG = re.compile(r"^[a-z][\w-]*\[.*\]$")


class InvalidReport(DataError, ValueError):
    """A document or model instance that is not a valid report; `found` holds every problem,
    each with its path into the document (`problems`, as on every DataError, with no file)."""

    def __init__(self, problems: list[Problem]):
        first = problems[0]
        super().__init__(
            f"{first.code} {first.message}",
            problems=[(Position("<data>"), f"{p.code} {p.message}") for p in problems],
        )
        self.found = problems


@cache
def adapter(cls: Any = Report) -> TypeAdapter[Any]:
    """Built once per model, on first use: pydantic compiles the validator from the dataclass."""
    return TypeAdapter(cls)


def validate(document: Any, *, document_rules: bool = True, json: bool = False) -> Report:
    """The report, or `InvalidReport` with every problem pydantic found; then (unless lint
    asks to run them itself) the document-wide rules a loadable report must pass.

    `document` is plain data as a YAML file holds it, JSON text (with `json`), or a report
    (checked again, so that no instance passes unchecked)."""
    if isinstance(document, Report):
        document = to_plain(document, shape(Report), json=False)
    token = TRUSTED.set(True)
    try:
        run = adapter().validate_json if json else adapter().validate_python
        report = run(document)
    except ValidationError as error:
        raise InvalidReport(problems_from(error)) from None
    finally:
        TRUSTED.reset(token)
    if document_rules and (problems := document_errors(report)):
        raise InvalidReport(problems)
    assert isinstance(report, Report)
    return report


def check_instance(instance: Any) -> None:
    """Validate a hand-built model instance: the boundary of the Python API."""
    token = TRUSTED.set(True)
    cls: Any = type(instance)
    plain = to_plain(instance, shape(cls), json=False)
    try:
        checked = adapter(cls).validate_python(plain)
    except ValidationError as error:
        raise InvalidReport(problems_from(error)) from None
    finally:
        TRUSTED.reset(token)
    if to_plain(checked, shape(cls), json=False) != plain:
        raise InvalidReport(
            [
                Problem(
                    "S003",
                    (),
                    f"this {cls.__name__} holds values of other types than its fields': a"
                    " str or dict where a Paragraph goes, or a tuple where a list goes; build"
                    " it from Paragraph(...), Action(...) and lists",
                )
            ]
        )
    if isinstance(instance, Report) and (problems := document_errors(instance)):
        raise InvalidReport(problems)


def problems_from(error: ValidationError) -> list[Problem]:
    return [_problem(detail) for detail in error.errors(include_url=False)]


def _problem(detail: ErrorDetails) -> Problem:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    on_key = bool(loc) and loc[-1] == "[key]"
    if on_key:
        loc = loc[:-1]
    # pydantic puts the name of a union member or validator ("function-after[...]") into the
    # path; the last step of an unknown-key error is the user's key, whatever it looks like.
    kept = loc[:-1] if kind in ("extra_forbidden", "unexpected_keyword_argument") else loc
    path: Path = tuple(s for s in kept if not (isinstance(s, str) and _TAG.match(s)))
    path += loc[len(kept) :]
    code = CODES.get(kind, "S003")
    where = format_path(path)
    if kind in ("missing", "missing_argument") and path:
        return Problem(
            code,
            path[:-1],
            f"missing required key {path[-1]!r}"
            f"{' in ' + format_path(path[:-1]) if len(path) > 1 else ''}: add it",
        )
    if kind in ("extra_forbidden", "unexpected_keyword_argument") and path:
        key = str(path[-1])
        close = difflib.get_close_matches(key, KEYS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return Problem(
            code, path, f"unknown key {key!r}{hint}: remove it or correct its spelling", on_key=True
        )
    if kind in ("empty_text", "multiline_text"):
        return Problem(code, path, f"{where}: {detail['msg']}")
    if kind == "forbidden_character":
        context = detail.get("ctx") or {}
        offset = int(context.get("offset", 1)) - 1
        text = str(detail.get("input", ""))
        return Problem(
            code, path, f"{where}: {detail['msg']}", match=(offset, text[offset : offset + 1])
        )
    expected = EXPECTED.get(kind, detail["msg"][:1].lower() + detail["msg"][1:])
    if kind == "string_pattern_mismatch" and path and path[-1] == "item":
        expected = "expected a plan item id, like 4/2014/5 or 3/2014/2.1"
    if kind == "date_type" and isinstance(detail.get("input"), str):
        expected += " without quotes"
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
