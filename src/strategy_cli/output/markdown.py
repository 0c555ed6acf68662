"""Markdown that pastes into a document: tables and sections, data escaped as text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

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


def section_markdown(section: Section, level: str = "###") -> str:
    lines = [f"{level} {cell(section.heading)}", ""]
    for paragraph in section.paragraphs:
        lines.append(cell(paragraph.text))
        if paragraph.items:
            lines.append("")
            lines += [f"- {cell(item)}" for item in paragraph.items]
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
        body = "".join(section_markdown(s) for s in result.sections)
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
        return "\n".join(out).rstrip("\n") + "\n"

    def search(self, result: SearchResult) -> str:
        return table(
            ["Action", "Section", "Text"],
            ([h.action, h.heading, highlighted(h)] for h in result.hits),
        )

    def stats(self, rows: list[YearStats]) -> str:
        return table(words.STATS_HEADER, (words.stats_row(s) for s in rows))
