"""Markdown that pastes into a document: tables and sections, data escaped as text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from strategy_cli.analysis.query import (
    DiffResult,
    Hit,
    ListResult,
    SearchResult,
    Section,
    ShowResult,
    YearStats,
)
from strategy_cli.output import words
from strategy_cli.output.terminal import visible

if TYPE_CHECKING:
    from strategy_cli.analysis.scorecard import DepartmentYears, Scorecard

_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """Data as literal Markdown: every character CommonMark (or a table, or GitHub's
    strikethrough) would read as syntax is backslash-escaped, so `*x*`, `[a](b)`, `<b>` and
    `&amp;` show as written and no HTML reaches the page; a `#`, list marker or number at the
    start is escaped too."""
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + _start(m.group(2)), text)


def _start(marker: str) -> str:
    return marker + "\\" if marker[0].isdigit() else "\\" + marker


class Markdown(str):
    """Text already written as Markdown (escaped data with our own syntax around it)."""


def cell(value: object) -> str:
    if isinstance(value, Markdown):
        return value
    return escape(visible("" if value is None else str(value)))


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def section_markdown(
    section: Section, level: str = "###", marks: dict[tuple[int, int | None], str] | None = None
) -> str:
    """The section's text; `marks` adds each plan item's outcome under it, in italics."""
    marks = marks or {}
    lines = [f"{level} {cell(section.heading)}", ""]
    for p, paragraph in enumerate(section.paragraphs, 1):
        lines.append(cell(paragraph.text))
        if (p, None) in marks:
            lines += ["", f"*↳ {cell(marks[(p, None)])}*"]
        if paragraph.items:
            lines.append("")
            for k, item in enumerate(paragraph.items, 1):
                lines.append(f"- {cell(item)}")
                if (p, k) in marks:
                    lines.append(f"  *↳ {cell(marks[(p, k)])}*")
        lines.append("")
    return "\n".join(lines) + "\n"


def highlighted(hit: Hit) -> Markdown:
    out, last = "", 0
    for start, end in hit.matches:
        out += cell(hit.text[last:start]) + "**" + cell(hit.text[start:end]) + "**"
        last = end
    return Markdown(out + cell(hit.text[last:]))


class MarkdownFormat:
    def list_actions(self, result: ListResult) -> str:
        return (
            table(
                ["Action", "Title", *map(str, result.years)],
                (
                    [r.number, r.title, *(words.mark(m) for m in r.years.values())]
                    for r in result.rows
                ),
            )
            + f"\n{words.LIST_LEGEND}.\n"
        )

    def show(self, result: ShowResult) -> str:
        body = "".join(
            section_markdown(s, marks=words.section_marks(s, result.items)) for s in result.sections
        )
        return f"## Action {result.number}: {cell(result.title)}\n\n{body}"

    def diff(self, result: DiffResult, detail: bool) -> str:
        out = [f"{cell(words.diff_summary(result))}", ""]
        for r in result.rows:
            out += [
                f"## Action {r.number}: {cell(r.title)}",
                "",
                f"*{words.status_label(r, result)}*",
                "",
            ]
            for section in (r.plan, r.progress):
                if section is not None:
                    out.append(section_markdown(section))
                if section is r.plan and (marks := words.diff_marks(result, r.number)):
                    out += [*(f"- *↳ {cell(mark)}*" for mark in marks), ""]
        return "\n".join(out).rstrip("\n") + "\n"

    def search(self, result: SearchResult) -> str:
        return table(
            ["Action", "Section", "Text"],
            ([h.action, h.heading, highlighted(h)] for h in result.hits),
        )

    def stats(self, rows: list[YearStats]) -> str:
        return table(words.STATS_HEADER, (words.stats_row(s) for s in rows))

    def scorecard(self, card: Scorecard) -> str:
        """The tallies, then one table row per item: plan, signal, verdict, best evidence."""
        summary = "\n".join(f"- {cell(line)}" for line in words.scorecard_summary(card))
        rows = []
        for r in card.rows:
            best = r.assessment.evidence[0] if r.assessment.evidence else None
            evidence = (
                Markdown(
                    f"{cell(words.evidence_label(best, r))}: {cell(best.unit.text)}"
                    + (
                        f" (and {cell(words.ids(e.unit.id for e in r.assessment.evidence[1:]))})"
                        if len(r.assessment.evidence) > 1
                        else ""
                    )
                )
                if best
                else ""
            )
            rows.append(
                [
                    r.item.id,
                    r.item.text,
                    words.SIGNAL_LABEL[r.signal],
                    words.verdict_label(r) if r.verdict else "",
                    evidence,
                    "; ".join(words.links_label(r)),
                ]
            )
        return (
            f"{summary}\n\n"
            + table(["Item", "Plan", "Signal", "Verdict", "Best evidence", "Links"], rows)
            + f"\n{cell(words.SIGNAL_LEGEND)}\n"
        )

    def stats_by_department(self, rows: list[DepartmentYears]) -> str:
        years = words.department_years(rows)
        return (
            table(
                ["Department", *map(str, years)],
                ([row.department, *words.department_cells(row, years)] for row in rows),
            )
            + f"\n{words.BY_DEPARTMENT_LEGEND}\n"
        )
