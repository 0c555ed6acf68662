"""Plan items and progress units: the paragraphs and bullets a scorecard is made of, each with
a short id people can type (`4/2014/5`, `3/2014/2.1`, `DWP:4/2014/5`).

An id is action / year the section is about / 1-based paragraph, and `.k` for its k-th bullet.
The December 2012 commitments are the plan for 2013, so their items are `N/2013/P`. A paragraph
that introduces bullets is an item of its own (its own text), and so is each bullet.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from strategy_cli.analysis.query import Section, get_action, plan_for, progress_in, years
from strategy_cli.errors import UsageError
from strategy_cli.model.report import Report

UnitKind = Literal["plan", "progress"]

_ID = re.compile(
    r"(?:(?P<department>[^:/]*[^\s:/]):)?(?P<action>\d{1,6})/(?P<year>\d{4})/(?P<paragraph>\d{1,6})"
    r"(?:\.(?P<bullet>\d{1,6}))?"
)


class ItemId(NamedTuple):
    action: int
    year: int
    paragraph: int
    bullet: int | None = None
    department: str | None = None

    def __str__(self) -> str:
        where = f"{self.action}/{self.year}/{self.paragraph}"
        if self.bullet is not None:
            where += f".{self.bullet}"
        return f"{self.department}:{where}" if self.department else where

    @property
    def local(self) -> str:
        """The id without its department."""
        return str(self.unnamed)

    @property
    def unnamed(self) -> ItemId:
        """The same place in its report, without the department."""
        return self._replace(department=None)

    @classmethod
    def parse(cls, text: str) -> ItemId:
        match = _ID.fullmatch(text.strip())
        if match is None:
            raise UsageError(
                f"{text!r} is not a plan item id",
                hint="an id is action/year/paragraph, with .k for a bullet: 4/2014/5, 3/2014/2.1",
            )
        bullet = int(match["bullet"]) if match["bullet"] is not None else None
        paragraph = int(match["paragraph"])
        if paragraph == 0 or bullet == 0:
            raise UsageError(f"{text!r}: paragraphs and bullets are counted from 1")
        return cls(int(match["action"]), int(match["year"]), paragraph, bullet, match["department"])


class Unit(NamedTuple):
    """One paragraph's own text, or one bullet, of a plan or progress section."""

    id: ItemId
    kind: UnitKind
    text: str
    intro: str | None = None
    """For a bullet, the text of the paragraph that introduces it."""
    made_in: int | None = None
    """For a plan item, the year the plan was made (the commitments' year for the first plan)."""

    @property
    def action(self) -> int:
        return self.id.action

    @property
    def year(self) -> int:
        return self.id.year


def units_of(section: Section) -> list[Unit]:
    assert section.year is not None
    kind: UnitKind = "progress" if section.kind == "progress" else "plan"
    made_in = None if kind == "progress" else section.year - 1
    out = []
    for p, paragraph in enumerate(section.paragraphs, 1):
        where = ItemId(section.action, section.year, p)
        out.append(Unit(where, kind, paragraph.text, None, made_in))
        out.extend(
            Unit(where._replace(bullet=k), kind, bullet, paragraph.text, made_in)
            for k, bullet in enumerate(paragraph.items, 1)
        )
    return out


def plan_items(report: Report) -> list[Unit]:
    """Every plan item of the report, action by action, year by year (ids without the
    department: a data set of several names it with `scorecard.of_department`)."""
    every = years(report)
    return [
        unit
        for action in report.actions
        for year in every
        if (section := plan_for(report, action, year)) is not None
        for unit in units_of(section)
    ]


def progress_units(report: Report, year: int) -> list[Unit]:
    """Every progress paragraph and bullet reported for `year`, in any action."""
    return [
        unit
        for action in report.actions
        if (section := progress_in(report, action, year)) is not None
        for unit in units_of(section)
    ]


def find_item(report: Report, wanted: ItemId | str) -> Unit:
    """The plan item with this id, or a message that says what the action does have."""
    item = ItemId.parse(wanted) if isinstance(wanted, str) else wanted
    from strategy_cli.model.departments import answers_to

    if item.department is not None and not answers_to(
        report.department, report.aliases, item.department
    ):
        raise UsageError(
            f"{item} is an item of {item.department}, but this report is {report.department}'s"
        )
    action = get_action(report, item.action)
    section = plan_for(report, action, item.year)
    if section is None:
        planned = [y for y in years(report) if plan_for(report, action, y) is not None]
        raise UsageError(
            f"action {item.action} has no plan for {item.year}",
            hint=f"it has plans for {', '.join(map(str, planned))}" if planned else None,
        )
    local = item._replace(department=None)
    found = [u for u in units_of(section) if u.id == local]
    if not found:
        count = len(section.paragraphs)
        raise UsageError(
            f"no item {local} in this report: action {item.action}'s plan for {item.year} has"
            f" {count} paragraph{'' if count == 1 else 's'}"
            + ("" if item.bullet is None else " (see `strategy show` for its bullets)")
        )
    return found[0]


QUOTE_WORDS = 3
"""A quote the verdict rests on has at least this many words: one word is found anywhere."""


def quote_problem(quote: str) -> str | None:
    """Why a quote cannot be checked against the report, if it cannot."""
    if quote != quote.strip():
        return "the quote starts or ends with spaces: copy the words only"
    if len(quote.split()) < QUOTE_WORDS:
        return (
            f"the quote has {len(quote.split())} word(s): quote at least {QUOTE_WORDS} words of"
            " the progress, so that a reader can find them"
        )
    return None


def _holds(text: str, quote: str) -> bool:
    """The quote is in the text word for word, starting and ending at word boundaries."""
    start = text.find(quote)
    while start != -1:
        end = start + len(quote)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() and quote[0].isalnum()) and not (
            after.isalnum() and quote[-1].isalnum()
        ):
            return True
        start = text.find(quote, start + 1)
    return False


def quoted_in(report: Report, year: int, quote: str) -> int | None:
    """The action whose progress for `year` holds the quote word for word (a paragraph's own
    text or a bullet, whole words), or None."""
    if quote_problem(quote) is not None:
        return None
    for unit in progress_units(report, year):
        if _holds(unit.text, quote):
            return unit.action
    return None


def where_quoted(report: Report, quote: str) -> str | None:
    """Where else in the report the quote is ("Action 12: Planned activities in 2015")."""
    from strategy_cli.analysis.query import section_units, timeline

    for action in report.actions:
        for section in timeline(report, action):
            if any(_holds(text, quote) for _, _, text in section_units(section)):
                return f"Action {action.number}: {section.heading}"
    return None


def copies_across_actions(units: list[Unit]) -> dict[ItemId, list[ItemId]]:
    """Each unit whose words a unit of another action repeats (mostly the same, in order),
    with those units, both ways, in the report's order."""
    from strategy_cli.analysis.similarity import near_copies

    out: dict[ItemId, list[ItemId]] = {}
    for i, j, _ in near_copies([u.text for u in units], [u.action for u in units]):
        out.setdefault(units[i].id, []).append(units[j].id)
        out.setdefault(units[j].id, []).append(units[i].id)
    order = {u.id: n for n, u in enumerate(units)}
    return {k: sorted(v, key=order.__getitem__) for k, v in out.items()}
