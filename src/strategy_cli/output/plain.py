"""Plain, complete lines for a pipe or a file: tab-separated rows (like gh), indented text for
stories; no colour, no wrapping, no truncation; control characters made visible."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from strategy_cli.analysis.query import (
    DiffResult,
    ListResult,
    SearchResult,
    Section,
    ShowResult,
    YearStats,
)
from strategy_cli.analysis.similarity import plain_word_diff
from strategy_cli.output import words
from strategy_cli.output.terminal import visible

if TYPE_CHECKING:
    from strategy_cli.analysis.scorecard import DepartmentYears, Scorecard


def tsv(rows: Iterable[Sequence[object]]) -> str:
    return "".join(
        "\t".join("" if v is None else visible(str(v)) for v in row) + "\n" for row in rows
    )


def section_lines(
    section: Section, indent: str = "", marks: dict[tuple[int, int | None], str] | None = None
) -> list[str]:
    """The section's text; `marks` adds each plan item's outcome under it."""
    marks = marks or {}
    lines = []
    for p, paragraph in enumerate(section.paragraphs, 1):
        lines.append(indent + visible(paragraph.text))
        if (p, None) in marks:
            lines.append(f"{indent}  ↳ {visible(marks[(p, None)])}")
        for k, item in enumerate(paragraph.items, 1):
            lines.append(f"{indent}- {visible(item)}")
            if (p, k) in marks:
                lines.append(f"{indent}    ↳ {visible(marks[(p, k)])}")
    return lines


class PlainFormat:
    def list_actions(self, result: ListResult) -> str:
        return tsv(
            [r.number, r.title, *(words.mark(m) for m in r.years.values())] for r in result.rows
        )

    def show(self, result: ShowResult) -> str:
        lines = [visible(f"Action {result.number}: {result.title}")]
        for section in result.sections:
            marks = words.section_marks(section, result.items)
            lines += ["", visible(section.heading), *section_lines(section, "  ", marks)]
        return "\n".join(lines) + "\n"

    def diff(self, result: DiffResult, detail: bool) -> str:
        lines = [visible(words.diff_summary(result))]
        for r in result.rows:
            lines += [
                "",
                visible(f"Action {r.number}: {r.title}"),
                f"  [{words.status_label(r, result)}]",
            ]
            if r.plan is None:
                lines.append(f"  {words.no_plan(result)}")
            else:
                lines += [
                    f"  {visible(words.plan_title(r, result))}",
                    *section_lines(r.plan, "    "),
                    *(f"  ↳ {visible(mark)}" for mark in words.diff_marks(result, r.number)),
                ]
            if r.progress is None:
                lines.append(f"  {words.no_progress(result)}")
            else:
                lines += [f"  Progress during {result.year}", *section_lines(r.progress, "    ")]
            for c in r.carried:
                lines += [f"  {words.carried_note(result, c)}", f"    {visible(c.again)}"]
            if detail:
                diffs = words.word_diffs(r, result)
                if diffs is None:
                    lines.append(f"  {words.no_next_plan(result)}")
                for title, chunks in diffs or []:
                    lines += [f"  {visible(title)}", f"    {visible(plain_word_diff(chunks))}"]
        return "\n".join(lines) + "\n"

    def search(self, result: SearchResult) -> str:
        return tsv((h.action, h.kind, h.year or "", h.heading, h.text) for h in result.hits)

    def stats(self, rows: list[YearStats]) -> str:
        return tsv([words.STATS_HEADER, *(words.stats_row(s) for s in rows)])

    def scorecard(self, card: Scorecard) -> str:
        """One tab-separated line per item under a header line: the CSV's columns."""
        return tsv([words.SCORECARD_COLUMNS, *(words.scorecard_row(r) for r in card.rows)])

    def stats_by_department(self, rows: list[DepartmentYears]) -> str:
        return tsv([["department", *words.STATS_HEADER], *words.department_rows(rows)])
