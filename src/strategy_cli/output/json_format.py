"""JSON for scripts: stable keys, only ever added to (documented in the README)."""

from __future__ import annotations

from typing import Any

from strategy_cli.analysis.query import (
    STATUSES,
    DiffResult,
    ListResult,
    SearchResult,
    Section,
    ShowResult,
    YearStats,
)
from strategy_cli.model.shape import dump
from strategy_cli.output import words
from strategy_cli.output.terminal import json_text


def section_json(section: Section | None) -> dict[str, Any] | None:
    if section is None:
        return None
    return {
        "kind": section.kind,
        "year": section.year,
        "heading": section.heading,
        "paragraphs": [dump(p) for p in section.paragraphs],
    }


class JsonFormat:
    def list_actions(self, result: ListResult) -> str:
        return json_text(
            {
                "years": result.years,
                "actions": [
                    {
                        "number": r.number,
                        "title": r.title,
                        "years": {
                            str(y): {"planned": m.planned, "reported": m.reported}
                            for y, m in r.years.items()
                        },
                    }
                    for r in result.rows
                ],
            }
        )

    def show(self, result: ShowResult) -> str:
        return json_text(
            {
                "number": result.number,
                "title": result.title,
                "sections": [section_json(s) for s in result.sections],
            }
        )

    def diff(self, result: DiffResult, detail: bool) -> str:
        return json_text(
            {
                "planned_in": result.planned_in,
                "year": result.year,
                "summary": {
                    "actions": len(result.rows),
                    **{s: result.number_with(s) for s in STATUSES},
                    "carried_over": result.carried_over,
                    "carried_over_items": result.carried_items,
                },
                "dated": result.dated,
                "actions": [
                    {
                        "number": r.number,
                        "title": r.title,
                        "status": r.status,
                        "plan": section_json(r.plan),
                        "progress": section_json(r.progress),
                        "next_plan": section_json(r.next_plan),
                        "carried_over": [
                            {
                                "text": c.text,
                                "again": c.again,
                                "likeness": c.likeness,
                                "paragraph": c.paragraph,
                                "item": c.item,
                                "next_paragraph": c.next_paragraph,
                                "next_item": c.next_item,
                            }
                            for c in r.carried
                        ],
                    }
                    for r in result.rows
                ],
            }
        )

    def search(self, result: SearchResult) -> str:
        return json_text(
            {
                "pattern": result.pattern,
                "hits": [
                    {
                        "action": h.action,
                        "kind": h.kind,
                        "year": h.year,
                        "heading": h.heading,
                        "text": h.text,
                        "matches": [list(m) for m in h.matches],
                        "paragraph": h.paragraph,
                        "item": h.item,
                    }
                    for h in result.hits
                ],
            }
        )

    def stats(self, rows: list[YearStats]) -> str:
        return json_text(
            {
                "years": [
                    dict(zip(words.STATS_HEADER, words.stats_row(s), strict=True)) for s in rows
                ]
            }
        )
