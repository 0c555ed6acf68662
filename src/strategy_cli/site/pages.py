"""The static site's pages: what each page shows, worked out from the reports and their
scorecards, then rendered by Jinja2 templates with every value escaped (autoescape; nothing
is marked safe). Pages link to each other by relative paths and to paragraphs by anchors
(`action-5.html#plan-2014-2`), so the site works from file:// and from any static host.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from strategy_cli.analysis.evidence import SIGNALS
from strategy_cli.analysis.items import ItemId
from strategy_cli.analysis.query import Section, timeline, years
from strategy_cli.analysis.scorecard import Row, Scorecard
from strategy_cli.model.departments import full_name
from strategy_cli.model.report import Report

SIGNAL_TEXT = {
    "addressed": "addressed",
    "mentioned": "mentioned only",
    "no_trace": "no trace",
    "not_due": "not yet due",
}
SIGNAL_TAG = {
    "addressed": "govuk-tag--green",
    "mentioned": "govuk-tag--yellow",
    "no_trace": "govuk-tag--red",
    "not_due": "govuk-tag--grey",
}


@dataclass
class Department:
    """One department's report and scorecard, as the site shows them."""

    report: Report
    card: Scorecard
    prefix: str = ""
    """Prefix of its anchors on a page shared with other departments ("dwp-")."""
    page: str = ""
    """Its own page, when the site has several departments."""
    told: dict[int, dict[str, Any] | None] = field(default_factory=dict)
    """Each action's story once worked out (its page and the search index both want it)."""

    @property
    def code(self) -> str:
        return self.report.department

    @property
    def name(self) -> str:
        return full_name(self.report.department)


@dataclass
class Cell:
    text: str
    tag: str
    href: str
    label: str


@dataclass
class Site:
    departments: list[Department]
    title: str
    updated: str | None
    source: str
    licence: str
    several: bool = field(default=False)


def anchor(prefix: str, kind: str, year: int | None, paragraph: int, bullet: int | None) -> str:
    place = f"{kind}-{year}-{paragraph}" if year is not None else f"{kind}-{paragraph}"
    return f"{prefix}{place}" + (f"-{bullet}" if bullet is not None else "")


def item_anchor(prefix: str, where: ItemId, kind: str) -> str:
    return anchor(prefix, kind, where.year, where.paragraph, where.bullet)


def action_page(number: int) -> str:
    return f"action-{number}.html"


def _section_kind(section: Section) -> str:
    return "progress" if section.kind == "progress" else "plan"


def story(department: Department, number: int) -> dict[str, Any] | None:
    """One department's answer to one action, for the template: each section with its
    paragraphs, each plan item with its signal, evidence, verdict and carried-over diff."""
    if number not in department.told:
        department.told[number] = _story(department, number)
    return department.told[number]


def _story(department: Department, number: int) -> dict[str, Any] | None:
    from strategy_cli.analysis.similarity import word_diff

    action = department.report.action(number)
    if action is None:
        return None
    rows = {r.item.id.unnamed: r for r in department.card.rows if r.item.action == number}
    shown_sections: list[dict[str, Any]] = []
    for section in timeline(department.report, action):
        kind = _section_kind(section)
        paragraphs = []
        for p, paragraph in enumerate(section.paragraphs, 1):
            units = [(None, paragraph.text), *enumerate(paragraph.items, 1)]
            shown = []
            for k, text in units:
                where = ItemId(number, section.year or 0, p, k)
                row = rows.get(where) if section.kind in ("plan", "commitment") else None
                shown.append(
                    {
                        "text": text,
                        "bullet": k is not None,
                        "anchor": anchor(
                            department.prefix,
                            "note" if section.kind == "note" else kind,
                            section.year,
                            p,
                            k,
                        ),
                        "row": _row(department, row, word_diff) if row is not None else None,
                    }
                )
            paragraphs.append(shown)
        shown_sections.append(
            {
                "heading": section.heading,
                "kind": section.kind,
                "year": section.year,
                "paragraphs": paragraphs,
                "empty": not section.paragraphs,
            }
        )
    notes = [told for told in shown_sections if told["kind"] == "note"]
    by_year: dict[int, dict[str, Any]] = {}
    for told in shown_sections:
        if told["year"] is not None:
            side = "progress" if told["kind"] == "progress" else "plan"
            year = told["year"]
            by_year.setdefault(year, {"year": year, "plan": None, "progress": None})[side] = told
    return {
        "department": department,
        "number": number,
        "title": action.title,
        "sections": shown_sections,
        "notes": notes,
        "years": [by_year[year] for year in sorted(by_year)],
    }


def page_of(department: Department, number: int) -> str:
    """Where a department's story of an action is: the action's page for one report, the
    department's page in a site of several (an action's page then lists every department's
    plan items and links here)."""
    return department.page or action_page(number)


def _row(department: Department, row: Row, word_diff: Any) -> dict[str, Any]:
    def href(where: ItemId, kind: str) -> str:
        return f"{page_of(department, where.action)}#{item_anchor(department.prefix, where, kind)}"

    by_id = {r.item.id: r for r in department.card.rows}
    diffs = []
    for earlier in row.carried_from:
        before = by_id.get(earlier)
        if before is not None:
            diffs.append(
                {
                    "id": str(earlier),
                    "href": href(earlier, "plan"),
                    "chunks": word_diff(before.item.text, row.item.text),
                }
            )
    return {
        "id": str(row.item.id),
        "signal": SIGNAL_TEXT[row.signal],
        "tag": SIGNAL_TAG[row.signal],
        "evidence": [
            {
                "id": str(e.unit.id),
                "href": href(e.unit.id, "progress"),
                "action": e.unit.action,
                "words": ", ".join(e.words),
                "other_action": e.unit.action != row.item.action,
            }
            for e in row.assessment.evidence
        ],
        "mentions": [
            {"id": str(e.unit.id), "href": href(e.unit.id, "progress")}
            for e in row.assessment.mentions
        ],
        "verdict": row.verdict,
        "history": row.verdicts[:-1],
        "carried_to": [{"id": str(i), "href": href(i, "plan")} for i in row.carried_to],
        "diffs": diffs,
    }


def grid(site: Site) -> dict[str, Any]:
    """The index's grid: actions x years for one report, departments x actions for several;
    each cell says in words what its colour says."""
    if not site.several:
        department = site.departments[0]
        all_years = years(department.report)
        rows = []
        for action in department.report.actions:
            cells = [
                _cell(
                    [r for r in department.card.rows if r.item.action == action.number
                     and r.item.year == year],
                    f"{action_page(action.number)}#year-{year}",
                    f"Action {action.number}, {year}",
                )
                for year in all_years
            ]  # fmt: skip
            rows.append(
                {"label": f"Action {action.number}", "href": action_page(action.number),
                 "title": action.title, "cells": cells}
            )  # fmt: skip
        return {"columns": [str(y) for y in all_years], "rows": rows, "corner": "Action"}
    numbers = sorted({a.number for d in site.departments for a in d.report.actions})
    rows = []
    for department in site.departments:
        cells = [
            _cell(
                [r for r in department.card.rows if r.item.action == number],
                f"{department.page}#{department.prefix}action-{number}",
                f"{department.code}, Action {number}",
            )
            for number in numbers
        ]
        rows.append(
            {"label": department.code, "href": department.page, "title": department.name,
             "cells": cells}
        )  # fmt: skip
    return {"columns": [str(n) for n in numbers], "rows": rows, "corner": "Department"}


def _cell(rows: Sequence[Row], href: str, label: str) -> Cell:
    """A grid cell: the plan items of one action and year (or department and action)."""
    if not rows:
        return Cell("no plan", "", href, f"{label}: no plan")
    due = [r for r in rows if r.signal != "not_due"]
    recorded = [r.status for r in rows if r.status is not None]
    if not due:
        text, tag = "not yet due", "govuk-tag--grey"
    else:
        addressed = sum(1 for r in due if r.signal == "addressed")
        text = f"{addressed} of {len(due)} addressed"
        tag = (
            "govuk-tag--green"
            if addressed == len(due)
            else "govuk-tag--red"
            if addressed == 0
            else "govuk-tag--yellow"
        )
    if recorded:
        complete = sum(1 for s in recorded if s == "complete")
        text += f"; {complete} of {len(recorded)} verdicts complete"
    return Cell(text, tag, href, f"{label}: {text}")


def tallies(site: Site) -> list[dict[str, Any]]:
    out = []
    for department in site.departments:
        for tally in department.card.tallies:
            out.append(
                {
                    "department": department.code,
                    "year": tally.year,
                    "count": tally.items,
                    "signals": [
                        (SIGNAL_TEXT[s], tally.signals[s]) for s in SIGNALS if tally.signals[s]
                    ],
                }
            )
    return out


def search_index(site: Site) -> str:
    """Every paragraph and bullet with its page and anchor, as a classic script (file:// pages
    may not fetch() a JSON file)."""
    entries = []
    for department in site.departments:
        for action in department.report.actions:
            told = story(department, action.number)
            assert told is not None
            for section in told["sections"]:
                for paragraph in section["paragraphs"]:
                    for unit in paragraph:
                        entries.append(
                            [
                                f"{page_of(department, action.number)}#{unit['anchor']}",
                                (f"{department.code} · " if site.several else "")
                                + f"Action {action.number} · {section['heading']}",
                                unit["text"],
                            ]
                        )
    payload = json.dumps(entries, ensure_ascii=True, separators=(",", ":"))
    # ensure_ascii escapes every non-ASCII character (U+2028 among them); "</" is escaped too,
    # so that no text can end a script element wherever the index is put.
    safe = payload.replace("</", "<\\/")
    return f"window.strategySearchIndex = {safe};\n"


def day(date: datetime.date) -> str:
    """A date as GOV.UK writes it: 16 January 2015."""
    return f"{date.day} {date:%B %Y}"


@cache
def environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("strategy_cli.site", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["action_page"] = action_page
    env.filters["day"] = day
    return env


_INDENT = re.compile(r"\n[ \t]+")


def render(template: str, **values: Any) -> str:
    """The page, without the templates' indentation (a fifth of a page's weight; the site has
    no preformatted text, where it would matter)."""
    return _INDENT.sub("\n", str(environment().get_template(template).render(**values)))


def plan_items(department: Department, number: int) -> list[dict[str, Any]]:
    """One department's plan items for one action, for an action's page in a site of several:
    the plan's words, its signal and verdict, linked to the department's page."""
    return [
        {
            "id": str(row.item.id),
            "year": row.item.year,
            "text": row.item.text,
            "signal": SIGNAL_TEXT[row.signal],
            "tag": SIGNAL_TAG[row.signal],
            "status": row.status.replace("_", " ") if row.status else None,
            "href": f"{department.page}#{item_anchor(department.prefix, row.item.id, 'plan')}",
        }
        for row in department.card.rows
        if row.item.action == number
    ]
