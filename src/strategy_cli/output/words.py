"""The wording every format shares: labels, legends, the diff's summary line, table headers.

Kept in one place so that a table, a plain line and a Markdown document say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from strategy_cli.analysis.items import ItemId
from strategy_cli.analysis.query import (
    STATUSES,
    Carried,
    DiffResult,
    DiffRow,
    Section,
    Status,
    YearMark,
    YearStats,
    section_units,
)
from strategy_cli.analysis.similarity import Chunk, word_diff
from strategy_cli.english import plural

if TYPE_CHECKING:
    from strategy_cli.analysis.evidence import Evidence, Signal
    from strategy_cli.analysis.scorecard import DepartmentYears, Row, Scorecard, Tally

STATUS_LABEL: dict[Status, str] = {
    "planned_and_reported": "planned and reported",
    "planned_only": "planned but not reported",
    "progress_only": "reported without a plan",
    "neither": "neither",
    "not_due": "planned, not yet due",
}

LIST_LEGEND = "P: a plan was made for the year; R: progress was reported in it"

STATS_HEADER = [
    "year",
    "reported",
    "planned",
    "planned_and_reported",
    "carried_over",
    "progress_words",
    "plan_words",
    "items",
    "addressed",
    "mentioned",
    "no_trace",
    "not_due",
    "verdicts",
]


def mark(year: YearMark) -> str:
    return ("P" if year.planned else "-") + ("R" if year.reported else "-")


def stats_row(s: YearStats) -> list[int]:
    return [
        s.year,
        s.reported,
        s.planned,
        s.planned_and_reported,
        s.carried_over,
        s.progress_words,
        s.plan_words,
        s.items,
        s.addressed,
        s.mentioned,
        s.no_trace,
        s.not_due,
        s.verdicts,
    ]


def diff_summary(result: DiffResult) -> str:
    shown = [s for s in STATUSES if s != "not_due" or result.number_with(s)]
    counts = ", ".join(f"{result.number_with(s)} {STATUS_LABEL[s]}" for s in shown)
    return (
        f"{result.planned_in} plans for {result.year} against {result.year} progress,"
        f" {plural(len(result.rows), 'action')}: {counts};{item_counts(result.items)}"
        f" {plural(result.carried_items, 'plan item')} carried over to {result.year + 1}."
    )


def item_counts(rows: Sequence[Row]) -> str:
    """` 18 plan items: 15 addressed, 2 mentioned only, 1 no trace;` (empty without items)."""
    if not rows:
        return ""
    due = [r for r in rows if r.signal != "not_due"]
    if not due:
        return f" {plural(len(rows), 'plan item')}, not yet due;"
    counts = ", ".join(
        f"{sum(1 for r in due if r.signal == s)} {SIGNAL_LABEL[s]}"
        for s in ("addressed", "mentioned", "no_trace")
    )
    return f" {plural(len(due), 'plan item')}: {counts};"


def item_mark(row: Row) -> str:
    """One plan item's outcome in a line: `4/2014/5: addressed (evidence 4/2014/5 4/2014/3);
    no verdict; carried over to 4/2015/1`."""
    parts = [f"{row.item.id}: {SIGNAL_LABEL[row.signal]}"]
    if row.assessment.evidence:
        parts[0] += f" (evidence {ids(e.unit.id for e in row.assessment.evidence)})"
    if row.verdict is not None:
        parts.append(verdict_label(row))
    parts += links_label(row)
    return "; ".join(parts)


def unit_label(paragraph: int, item: int | None) -> str:
    return f"paragraph {paragraph}" + (f", bullet {item}" if item is not None else "")


def status_label(row: DiffRow, result: DiffResult) -> str:
    label = STATUS_LABEL[row.status]
    return label + (f"; carried over to {result.year + 1}" if row.carried else "")


def plan_title(row: DiffRow, result: DiffResult) -> str:
    assert row.plan is not None
    if row.plan.kind == "commitment":
        return f"Planned for {result.year}: {row.plan.heading}"
    return f"Planned for {result.year} (in the {result.planned_in} report)"


def no_plan(result: DiffResult) -> str:
    return f"No plan for {result.year} was made in {result.planned_in}."


def no_progress(result: DiffResult) -> str:
    if result.dated is not None and result.year >= result.dated:
        return f"Not yet due: the report was dated in {result.dated}."
    return f"No progress reported for {result.year}."


def carried_note(result: DiffResult, carried: Carried) -> str:
    return (
        f"Carried over: {unit_label(carried.paragraph, carried.item)} comes back in the plan"
        f" for {result.year + 1} as {unit_label(carried.next_paragraph, carried.next_item)}"
        f" ({round(carried.likeness * 100)}% the same words):"
    )


def next_plan_chunks(row: DiffRow) -> list[Chunk] | None:
    """The plan against the next year's plan, word by word; None without both."""
    if row.plan is None or row.next_plan is None:
        return None
    old = " ".join(t for p in row.plan.paragraphs for t in [p.text, *p.items])
    new = " ".join(t for p in row.next_plan.paragraphs for t in [p.text, *p.items])
    return word_diff(old, new)


def word_diffs(row: DiffRow, result: DiffResult) -> list[tuple[str, list[Chunk]]] | None:
    """Word by word: each carried-over item against the item it became; without one, the
    whole plan against the next; None without both plans."""
    if row.carried:
        return [
            (
                f"{unit_label(c.paragraph, c.item).capitalize()} of the plan for {result.year}"
                f" against {unit_label(c.next_paragraph, c.next_item)} of the plan for"
                f" {result.year + 1}, word by word:",
                word_diff(c.text, c.again),
            )
            for c in row.carried
        ]
    chunks = next_plan_chunks(row)
    return None if chunks is None else [(word_diff_title(result), chunks)]


def no_next_plan(result: DiffResult) -> str:
    return f"No plan for {result.year + 1} to compare with."


def word_diff_title(result: DiffResult) -> str:
    return f"Plan for {result.year + 1} against the plan for {result.year}, word by word:"


# --- scorecard -------------------------------------------------------------------------------

SIGNAL_LABEL: dict[Signal, str] = {
    "addressed": "addressed",
    "mentioned": "mentioned only",
    "no_trace": "no trace",
    "not_due": "not yet due",
}

SIGNAL_LEGEND = (
    "Signal (computed, not a verdict): addressed = progress of that year reports on the plan"
    " (its evidence); mentioned only = progress shares a distinctive term but does not report"
    " on it; no trace = nothing in that year's progress touches it; not yet due = the report"
    " was dated before the year ended."
)

SCORECARD_COLUMNS = [
    "id",
    "action",
    "made_in",
    "year",
    "plan",
    "signal",
    "status",
    "best_evidence_id",
    "best_evidence_action",
    "best_evidence",
    "tie_words",
    "evidence_ids",
    "mentioned_in",
    "carried_over_to",
    "carried_over_from",
    "same_words_as",
    "verdict_evidence",
    "verdict_by",
    "verdict_date",
    "verdict_note",
]


def ids(values: Iterable[object]) -> str:
    return " ".join(str(v) for v in values)


def scorecard_row(row: Row) -> list[object]:
    """One wide row per item: the plan and its outcome side by side, for a spreadsheet."""
    best = row.assessment.evidence[0] if row.assessment.evidence else None
    verdict = row.verdict
    return [
        str(row.item.id),
        row.item.action,
        row.item.made_in,
        row.item.year,
        row.item.text,
        row.signal,
        row.status,
        str(best.unit.id) if best else None,
        best.unit.action if best else None,
        best.unit.text if best else None,
        ", ".join(best.words) if best else None,
        ids(e.unit.id for e in row.assessment.evidence),
        ids(e.unit.id for e in row.assessment.mentions),
        ids(row.carried_to),
        ids(row.carried_from),
        ids(row.repeats),
        verdict.evidence if verdict else None,
        verdict.by if verdict else None,
        verdict.date.isoformat() if verdict else None,
        verdict.note if verdict else None,
    ]


def tally_line(tally: Tally) -> str:
    """`2014: 18 plan items: 15 addressed, 2 mentioned only, 1 no trace; 1 carried over`."""
    signals = ", ".join(
        f"{n} {SIGNAL_LABEL[s]}" for s, n in tally.signals.items() if n or s != "not_due"
    )
    if tally.signals["not_due"] == tally.items:
        signals = "not yet due"
    recorded = [f"{n} {s.replace('_', ' ')}" for s, n in tally.statuses.items() if n]
    verdicts = f"; verdicts: {', '.join(recorded)}" if recorded else ""
    carried = f"; {tally.carried} carried over" if tally.carried else ""
    return f"{tally.year}: {plural(tally.items, 'plan item')}: {signals}{verdicts}{carried}"


def scorecard_summary(card: Scorecard) -> list[str]:
    if not card.rows:
        return ["No plan items match."]
    return [tally_line(tally) for tally in card.tallies]


def item_heading(row: Row) -> str:
    made = f", made in {row.item.made_in}" if row.item.made_in is not None else ""
    return f"{row.item.id}  plan for {row.item.year}{made}"


def verdict_label(row: Row) -> str:
    verdict = row.verdict
    if verdict is None:
        return "no verdict"
    earlier = len(row.verdicts) - 1
    history = f"; {plural(earlier, 'earlier verdict')}" if earlier else ""
    note = f": {verdict.note}" if verdict.note else ""
    return (
        f"verdict: {verdict.status.replace('_', ' ')} ({verdict.by}, {verdict.date.isoformat()}"
        f"{history}){note}"
    )


def evidence_label(evidence: Evidence, item: Row) -> str:
    where = f"{evidence.unit.id}"
    if evidence.unit.action != item.item.action:
        where += f" (Action {evidence.unit.action})"
    return f"{where}, score {evidence.score:.2f}, tied by: {', '.join(evidence.words)}"


def links_label(row: Row) -> list[str]:
    out = []
    if row.carried_from:
        out.append(f"carried over from {ids(row.carried_from)}")
    if row.carried_to:
        out.append(f"carried over to {ids(row.carried_to)}")
    for other in row.repeats:
        out.append(f"same words as Action {other.action}'s plan for {other.year} ({other})")
    return out


def section_marks(
    section: Section, items: Mapping[ItemId, Row]
) -> dict[tuple[int, int | None], str]:
    """Each plan item of a section shown by `show`: its outcome, by (paragraph, bullet)."""
    if section.kind not in ("plan", "commitment") or section.year is None or not items:
        return {}
    out = {}
    for p, k, _ in section_units(section):
        row = items.get(ItemId(section.action, section.year, p, k))
        if row is not None:
            out[(p, k)] = item_mark(row)
    return out


def diff_marks(result: DiffResult, number: int) -> list[str]:
    """Each plan item of one action in `diff`: its outcome."""
    return [item_mark(r) for r in result.items if r.item.action == number]


BY_DEPARTMENT_LEGEND = (
    "Each cell: plan items for the year whose progress reports on them (addressed), of the"
    " plan items made for it; 'not yet due' where the report was dated before the year ended."
)


def department_cell(s: YearStats) -> str:
    if not s.items:
        return "-"
    if s.not_due == s.items:
        return "not yet due"
    return f"{s.addressed}/{s.items - s.not_due}"


def department_cells(row: DepartmentYears, years: Sequence[int]) -> list[str]:
    by_year = {s.year: s for s in row.years}
    return [department_cell(by_year[y]) if y in by_year else "-" for y in years]


def department_years(rows: Sequence[DepartmentYears]) -> list[int]:
    return sorted({s.year for row in rows for s in row.years})


def department_rows(rows: Sequence[DepartmentYears]) -> list[list[object]]:
    """Long form: one row per department and year, with every `stats` column."""
    return [[row.department, *stats_row(s)] for row in rows for s in row.years]
