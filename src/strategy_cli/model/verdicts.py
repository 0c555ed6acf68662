"""Recorded verdicts: a reviewer's judgement of one plan item, kept in its own file beside the
report (`co.yaml` -> `co.verdicts.yaml`).

The scale is the Open Government Partnership Independent Reporting Mechanism's completion scale,
plus `withdrawn` and `unclear`. A verdict names who gave it, when, and the words of the report it
rests on; it stores the item's text too, because ids are positions and positions move when a
report is edited. The computed signal is never a verdict: the two are shown side by side.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal

from strategy_cli.model.report import PYDANTIC_CONFIG, STRICT, Text, _Pattern

Status = Literal["not_started", "limited", "substantial", "complete", "withdrawn", "unclear"]
STATUSES: tuple[Status, ...] = (
    "not_started",
    "limited",
    "substantial",
    "complete",
    "withdrawn",
    "unclear",
)
ITEM_ID = re.compile(r"^(?:[^:/]*[^\s:/]:)?[0-9]{1,6}/[0-9]{4}/[0-9]{1,6}(?:\.[0-9]{1,6})?$")
SUFFIX = ".verdicts"
"""`co.yaml` -> `co.verdicts.yaml`."""


@dataclass(frozen=True)
class Verdict:
    """One reviewer's verdict on one plan item."""

    __pydantic_config__: ClassVar[Any] = PYDANTIC_CONFIG

    item: Annotated[str, STRICT, _Pattern(ITEM_ID)]
    """The plan item's id: action/year/paragraph, with .k for a bullet (4/2014/5, 3/2014/2.1)."""

    text: Text
    """The item's text when the verdict was recorded: lint warns when the item now says
    something else (the report was edited and positions moved)."""

    status: Status
    """not_started, limited, substantial or complete (the OGP IRM completion scale), withdrawn
    or unclear."""

    evidence: Text
    """A quote, word for word, from that year's progress (of any action) the verdict rests on."""

    by: Text
    """Who recorded the verdict."""

    date: Annotated[datetime.date, STRICT]
    """When it was recorded (YYYY-MM-DD)."""

    note: Text | None = None
    """Anything else the reviewer wants kept with the verdict."""


@dataclass(frozen=True)
class Verdicts:
    """Every verdict recorded on one report's plan items. A later verdict on the same item
    keeps the earlier ones as its history; the latest (by date, then by place in the file)
    is the item's current verdict."""

    __pydantic_config__: ClassVar[Any] = PYDANTIC_CONFIG

    verdicts: list[Verdict] = field(default_factory=list)
