"""The wording every format shares: labels, legends, the diff's summary line, table headers.

Kept in one place so that a table, a plain line and a Markdown document say the same thing.
"""

from __future__ import annotations

from strategy_cli.analysis.query import (
    STATUSES,
    Carried,
    DiffResult,
    DiffRow,
    Status,
    YearMark,
    YearStats,
)
from strategy_cli.analysis.similarity import Chunk, word_diff
from strategy_cli.english import plural

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
    ]


def diff_summary(result: DiffResult) -> str:
    shown = [s for s in STATUSES if s != "not_due" or result.number_with(s)]
    counts = ", ".join(f"{result.number_with(s)} {STATUS_LABEL[s]}" for s in shown)
    return (
        f"{result.planned_in} plans for {result.year} against {result.year} progress,"
        f" {plural(len(result.rows), 'action')}: {counts};"
        f" {plural(result.carried_items, 'plan item')} carried over to {result.year + 1}."
    )


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
