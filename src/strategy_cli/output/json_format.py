"""JSON for scripts: stable keys, only ever added to (documented in the README)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from strategy_cli.analysis.evidence import SIGNALS
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

if TYPE_CHECKING:
    from strategy_cli.analysis.evidence import Evidence
    from strategy_cli.analysis.scorecard import DepartmentYears, Row, Scorecard
    from strategy_cli.model.verdicts import Verdict
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
                "sections": [
                    {
                        **(section_json(s) or {}),
                        "items": [
                            item_json(r)
                            for r in result.items.values()
                            if r.item.year == s.year and s.kind in ("plan", "commitment")
                        ],
                    }
                    for s in result.sections
                ],
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
                    "items": len(result.items),
                    **{
                        f"items_{signal}": sum(1 for r in result.items if r.signal == signal)
                        for signal in SIGNALS
                    },
                },
                "items": [item_json(r) for r in result.items],
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

    def scorecard(self, card: Scorecard) -> str:
        return json_text(
            {
                "dated": card.dated,
                "chain": str(card.chain) if card.chain is not None else None,
                "tallies": [
                    {
                        "year": t.year,
                        "items": t.items,
                        "signals": t.signals,
                        "statuses": t.statuses,
                        "carried_over": t.carried,
                    }
                    for t in card.tallies
                ],
                "items": [item_json(row) for row in card.rows],
            }
        )

    def stats_by_department(self, rows: list[DepartmentYears]) -> str:
        return json_text(
            {
                "departments": [
                    {
                        "department": row.department,
                        "name": row.name,
                        "years": [
                            dict(zip(words.STATS_HEADER, words.stats_row(s), strict=True))
                            for s in row.years
                        ],
                    }
                    for row in rows
                ]
            }
        )


def evidence_json(evidence: Evidence) -> dict[str, Any]:
    return {
        "id": str(evidence.unit.id),
        "action": evidence.unit.action,
        "text": evidence.unit.text,
        "score": evidence.score,
        "words": list(evidence.words),
    }


def verdict_json(verdict: Verdict) -> dict[str, Any]:
    return {
        "status": verdict.status,
        "evidence": verdict.evidence,
        "by": verdict.by,
        "date": verdict.date.isoformat(),
        "note": verdict.note,
        "text": verdict.text,
    }


def item_json(row: Row) -> dict[str, Any]:
    item = row.item
    return {
        "id": str(item.id),
        "action": item.action,
        "made_in": item.made_in,
        "year": item.year,
        "paragraph": item.id.paragraph,
        "bullet": item.id.bullet,
        "text": item.text,
        "signal": row.signal,
        "evidence": [evidence_json(e) for e in row.assessment.evidence],
        "mentioned_in": [evidence_json(e) for e in row.assessment.mentions],
        "status": row.status,
        "verdict": verdict_json(row.verdict) if row.verdict is not None else None,
        "history": [verdict_json(v) for v in row.verdicts[:-1]],
        "carried_over_to": [str(i) for i in row.carried_to],
        "carried_over_from": [str(i) for i in row.carried_from],
        "same_words_as": [str(i) for i in row.repeats],
    }
