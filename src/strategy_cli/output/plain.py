"""Plain, complete lines for a pipe or a file: tab-separated rows (like gh), indented text for
stories; no colour, no wrapping, no truncation; control characters made visible."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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


def tsv(rows: Iterable[Sequence[object]]) -> str:
    return "".join(
        "\t".join("" if v is None else visible(str(v)) for v in row) + "\n" for row in rows
    )


def section_lines(section: Section, indent: str = "") -> list[str]:
    lines = []
    for paragraph in section.paragraphs:
        lines.append(indent + visible(paragraph.text))
        lines += [f"{indent}- {visible(item)}" for item in paragraph.items]
    return lines


class PlainFormat:
    def list_actions(self, result: ListResult) -> str:
        return tsv(
            [r.number, r.title, *(words.mark(m) for m in r.years.values())] for r in result.rows
        )

    def show(self, result: ShowResult) -> str:
        lines = [visible(f"Action {result.number}: {result.title}")]
        for section in result.sections:
            lines += ["", visible(section.heading), *section_lines(section, "  ")]
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
