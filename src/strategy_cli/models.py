"""The report as data: what a department published, and the rules any such report obeys.

Years are keys, never fields: a department that reported on 2016 needs no code change.
Field docstrings flow into the JSON Schema, so editors show them while the file is edited.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTH_YEAR = re.compile(r"^(" + "|".join(MONTHS) + r") ([0-9]{4})$")


class StrictModel(BaseModel):
    """Refuses unknown keys and silent coercion: a typo in a hand-edited file must not vanish."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        use_attribute_docstrings=True,
        defer_build=True,
    )


def _one_line(value: str) -> str:
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
    return value


Text = Annotated[str, AfterValidator(_one_line)]
Year = Annotated[int, Field(ge=1900, le=2999)]


def _by_year(sections: dict[int, Any]) -> dict[int, Any]:
    """Years in order whatever order the file lists them in, so output is stable."""
    return dict(sorted(sections.items()))


def _paragraph_shorthand(value: Any) -> Any:
    """A bare string is a paragraph without bullets: the common case reads as plain YAML."""
    return {"text": value} if isinstance(value, str) else value


class Paragraph(StrictModel):
    """One published paragraph, with the bullet items it introduces."""

    text: Text
    """The paragraph exactly as published, typographic quotes and all."""

    items: list[Text] = []
    """Bullet items that follow the paragraph, in published order (empty for most paragraphs)."""

    def lines(self) -> list[str]:
        """The paragraph and its bullets as lines of the published page."""
        return [self.text, *(f"- {item}" for item in self.items)]


ParagraphItem = Annotated[
    Paragraph, BeforeValidator(_paragraph_shorthand, json_schema_input_type=str | Paragraph)
]
Section = list[ParagraphItem]


class Action(StrictModel):
    """One numbered action of the Government Digital Strategy and the department's answers to it."""

    number: Annotated[int, Field(ge=1)]
    """The action's number in the strategy (1, 2, ...)."""

    title: Text
    """The action's wording, as in the heading "Action N: title"."""

    notes: Section = []
    """Unlabelled lines between the heading and the first section (why reporting starts late)."""

    commitment: Section | None = None
    """What the department committed to when the strategy was published: next year's plan.

    Absent for actions added to the strategy later; an empty list is a heading with no text.
    """

    progress: Annotated[dict[Year, Section], AfterValidator(_by_year)] = {}
    """Progress reported, keyed by the year it happened in."""

    plans: Annotated[dict[Year, Section], AfterValidator(_by_year)] = {}
    """Planned activities, keyed by the year they are planned for (written in the year before)."""


class Report(StrictModel):
    """One department's published report on its Government Digital Strategy actions."""

    title: Text
    """The page title, e.g. "CO's actions in response to the Government Digital Strategy"."""

    department: Text
    """The department as the title names it: an acronym ("CO", "HMT") or in full."""

    updated: datetime.date | None = None
    """The date of this version of the page ("Updated 16 January 2015"), if it gives one."""

    commitments_made: Annotated[str, Field(pattern=MONTH_YEAR.pattern)] | None = None
    """When the original commitments were made, as the page writes it ("December 2012")."""

    licence: Text
    """Copyright and licence of the published text; keep it with the data."""

    source: Text
    """Where the text was published and which version was imported."""

    preamble: list[Text] = []
    """Page furniture above the title ("Corporate report", "This was published under ...")."""

    introduction: Section = []
    """Paragraphs between the date line and the first action."""

    actions: Annotated[list[Action], Field(min_length=1)]
    """The numbered actions, in published order."""

    @property
    def commitment_year(self) -> int | None:
        """The year the commitments were made; they are the plan for the year after."""
        match = MONTH_YEAR.match(self.commitments_made or "")
        return int(match.group(2)) if match else None

    def action(self, number: int) -> Action | None:
        return next((a for a in self.actions if a.number == number), None)

    @model_validator(mode="after")
    def _document_rules(self, info: ValidationInfo) -> Report:
        """Rules that need the whole report; `strategy lint` runs them itself, with positions."""
        if isinstance(info.context, dict) and info.context.get("skip_document_rules"):
            return self
        from strategy_cli.consistency import document_errors

        problems = document_errors(self)
        if problems:
            raise PydanticCustomError(
                "document_rules",
                "{message}",
                {"message": problems[0].message, "problems": problems},
            )
        return self
