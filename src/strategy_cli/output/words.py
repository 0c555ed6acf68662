"""The wording every format shares: labels, legends, the diff's summary line, table headers.

Kept in one place so that a table, a plain line and a Markdown document say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable

from strategy_cli.analysis.query import (
    STATUSES,
    DiffResult,
    DiffRow,
    Section,
    Status,
    YearMark,
    YearStats,
)
from strategy_cli.analysis.similarity import Chunk, word_diff

STATUS_LABEL: dict[Status, str] = {
    "planned_and_reported": "planned and reported",
    "planned_only": "planned but not reported",
    "progress_only": "reported without a plan",
    "neither": "neither",
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


def section_rows(section: Section) -> Iterable[tuple[int | None, int | None, str]]:
    """(paragraph number, item number, text): the long form of a section for CSV."""
    for p, paragraph in enumerate(section.paragraphs, 1):
        yield p, None, paragraph.text
        for i, item in enumerate(paragraph.items, 1):
            yield p, i, item


def diff_summary(result: DiffResult) -> str:
    counts = ", ".join(f"{result.number_with(s)} {STATUS_LABEL[s]}" for s in STATUSES)
    actions = f"{len(result.rows)} action{'s' if len(result.rows) != 1 else ''}"
    return (
        f"{result.planned_in} plans for {result.year} against {result.year} progress, {actions}:"
        f" {counts}; {result.carried_over} carried over to {result.year + 1}."
    )


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
    return f"No progress reported for {result.year}."


def carried_note(result: DiffResult, likeness: float) -> str:
    return (
        f"Carried over: this reappears in the plan for {result.year + 1}"
        f" ({round(likeness * 100)}% the same words):"
    )


def next_plan_chunks(row: DiffRow) -> list[Chunk] | None:
    """The plan against the next year's plan, word by word; None without both."""
    if row.plan is None or row.next_plan is None:
        return None
    old = " ".join(t for p in row.plan.paragraphs for t in [p.text, *p.items])
    new = " ".join(t for p in row.next_plan.paragraphs for t in [p.text, *p.items])
    return word_diff(old, new)


def no_next_plan(result: DiffResult) -> str:
    return f"No plan for {result.year + 1} to compare with."


def word_diff_title(result: DiffResult) -> str:
    return f"Plan for {result.year + 1} against the plan for {result.year}, word by word:"
