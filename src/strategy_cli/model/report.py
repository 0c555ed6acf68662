"""The report as data: what a department published, and the constraints on each field.

Plain frozen dataclasses, so that reading a cached report costs no pydantic import (that alone
would double the start-up time of every query). pydantic validates them through a TypeAdapter
(`validation`), reading the constraints attached here as markers; field docstrings flow into
the JSON Schema, so editors show them while the file is edited. Years are keys, never fields:
a department that reported on 2016 needs no code change.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar

from strategy_cli.model.shape import OURS, TRUSTED, Bounds, Shorthand

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTH_YEAR = re.compile(r"^(" + "|".join(MONTHS) + r") ([0-9]{4})$")

PYDANTIC_CONFIG: Any = {"extra": "forbid", "use_attribute_docstrings": True}
"""Unknown keys are refused: a typo in a hand-edited file must not silently drop data."""


class _Strict:
    """No coercion ("5" is not 5): a YAML file says what it means."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        schema = handler(source)
        schema["strict"] = True
        return schema


class _Pattern:
    """A regular expression the text must match (and that the JSON Schema shows editors)."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        schema = handler(source)
        schema["pattern"] = self.pattern.pattern
        return schema


class _After:
    """A check run after the type check; pydantic is imported only when validating."""

    def __init__(self, check: Callable[[Any], Any]):
        self.check = check

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.check, handler(source))


class _Shorthand(Shorthand):
    """A bare string is a paragraph without bullets: the common case reads as plain YAML."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        from pydantic_core import core_schema

        inner = handler(source)
        return core_schema.no_info_before_validator_function(
            lambda value: {"text": value} if isinstance(value, str) else value,
            inner,
            json_schema_input_schema=core_schema.union_schema([core_schema.str_schema(), inner]),
        )


_FORBIDDEN = r"\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
FORBIDDEN = re.compile(f"[{_FORBIDDEN}]")
"""Characters no text of a report may hold, in any field: every C0 control (tab, newline and
carriage return among them), DEL, every C1 control, the line and paragraph separators, the
bidirectional embeddings, overrides and isolates, and lone surrogates (not characters at all:
no UTF-8 file can hold one). Refused at the door (validation, import), so
that no route out (terminal, export, CSV, Markdown, HTML) can carry one."""


FORBIDDEN_RAW = re.compile(f"(?![\\t\\n\\r])[{_FORBIDDEN}]")
"""The same set as it can stand raw in a data file, less YAML's own tab, line feed and carriage
return (a tab inside text is refused when the text is checked)."""


def forbidden_name(char: str) -> str:
    """How a message names a forbidden character: its code point, and what it is."""
    code = ord(char)
    kind = (
        "a tab"
        if char == "\t"
        else "a control character"
        if code < 0x20 or 0x7F <= code <= 0x9F
        else "a line or paragraph separator"
        if code in (0x2028, 0x2029)
        else "a lone surrogate, not a character"
        if 0xD800 <= code <= 0xDFFF
        else "a bidirectional control"
    )
    return f"U+{code:04X} ({kind})"


def _one_line(value: str) -> str:
    from pydantic_core import PydanticCustomError

    if not value.strip():
        raise PydanticCustomError(
            "empty_text", "text is empty or only white space: write the text or delete the item"
        )
    if "\n" in value or "\r" in value:
        raise PydanticCustomError(
            "multiline_text",
            "text spans several lines, but a published paragraph is one line: split it into"
            " separate items",
        )
    if (found := FORBIDDEN.search(value)) is not None:
        raise PydanticCustomError(
            "forbidden_character",
            "{name} at character {offset}: text may not hold it (it is invisible, or drives a"
            " terminal); delete it",
            {"name": forbidden_name(found.group()), "offset": found.start() + 1},
        )
    return value


def _by_year(sections: dict[int, Any]) -> dict[int, Any]:
    """Years in order whatever order the file lists them in, so output is stable."""
    return dict(sorted(sections.items()))


def _check(instance: Any) -> None:
    """Models cannot be built invalid: a hand-built instance is validated (pydantic is imported
    then); one built from data already validated, or from a checked cache entry, is not."""
    if not TRUSTED.get():
        from strategy_cli.model.validation import check_instance

        check_instance(instance)


STRICT = _Strict()
Text = Annotated[str, STRICT, _After(_one_line)]
OurText = Annotated[Text, OURS]
"""Text the tool writes rather than the department: lint's prose rules pass it by."""
Year = Annotated[int, STRICT, Bounds(ge=1900, le=2999)]
MonthYear = Annotated[str, STRICT, _Pattern(MONTH_YEAR)]


@dataclass(frozen=True, kw_only=True)
class Paragraph:
    """One published paragraph, with the bullet items it introduces."""

    __pydantic_config__: ClassVar[Any] = PYDANTIC_CONFIG

    def __post_init__(self) -> None:
        _check(self)

    text: Text
    """The paragraph exactly as published, typographic quotes and all."""

    items: list[Text] = field(default_factory=list)
    """Bullet items that follow the paragraph, in published order (empty for most paragraphs)."""

    def lines(self) -> list[str]:
        """The paragraph and its bullets as lines of the published page."""
        return [self.text, *(f"- {item}" for item in self.items)]


Section = list[Annotated[Paragraph, _Shorthand()]]
Sections = Annotated[dict[Year, Section], _After(_by_year)]


@dataclass(frozen=True, kw_only=True)
class Action:
    """One numbered action of the Government Digital Strategy and the department's answers to it."""

    __pydantic_config__: ClassVar[Any] = PYDANTIC_CONFIG

    def __post_init__(self) -> None:
        _check(self)

    number: Annotated[int, STRICT, Bounds(ge=1)]
    """The action's number in the strategy (1, 2, ...)."""

    title: Text
    """The action's wording, as in the heading "Action N: title"."""

    notes: Section = field(default_factory=list)
    """Unlabelled lines between the heading and the first section (why reporting starts late)."""

    commitment: Section | None = None
    """What the department committed to when the strategy was published: next year's plan.

    Absent for actions added to the strategy later; an empty list is a heading with no text.
    """

    progress: Sections = field(default_factory=dict)
    """Progress reported, keyed by the year it happened in."""

    plans: Sections = field(default_factory=dict)
    """Planned activities, keyed by the year they are planned for (written in the year before)."""


@dataclass(frozen=True, kw_only=True)
class Report:
    """One department's published report on its Government Digital Strategy actions."""

    __pydantic_config__: ClassVar[Any] = PYDANTIC_CONFIG

    def __post_init__(self) -> None:
        _check(self)

    title: Text
    """The page title, e.g. "CO's actions in response to the Government Digital Strategy"."""

    department: Text
    """The department as the title names it: an acronym ("CO", "HMT") or in full."""

    aliases: list[Text] = field(default_factory=list)
    """Other names `--department` knows the department by, beyond the tool's own table of the
    departments of 2012-2015 (e.g. a former name)."""

    updated: Annotated[datetime.date, STRICT] | None = None
    """The date of this version of the page ("Updated 16 January 2015"), if it gives one."""

    commitments_made: MonthYear | None = None
    """When the original commitments were made, as the page writes it ("December 2012")."""

    licence: OurText
    """Copyright and licence of the published text; keep it with the data."""

    source: OurText
    """Where the text was published and which version was imported."""

    preamble: list[Text] = field(default_factory=list)
    """Lines above the title, for a hand-written file (import sets page furniture aside)."""

    introduction: Section = field(default_factory=list)
    """Paragraphs between the date line and the first action."""

    actions: Annotated[list[Action], Bounds(min_length=1)]
    """The numbered actions, in published order."""

    @property
    def commitment_year(self) -> int | None:
        """The year the commitments were made; they are the plan for the year after."""
        match = MONTH_YEAR.match(self.commitments_made or "")
        return int(match.group(2)) if match else None

    def action(self, number: int) -> Action | None:
        return next((a for a in self.actions if a.number == number), None)
