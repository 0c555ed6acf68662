"""Rich tables and styled text for a terminal. Data reaches rich only as `Text` (never markup),
with control characters made visible first; the text is captured from the console, so that it
keeps the console's width and colour settings (NO_COLOR, FORCE_COLOR, TERM=dumb)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from strategy_cli.analysis.query import (
    DiffResult,
    DiffRow,
    Hit,
    ListResult,
    SearchResult,
    Section,
    ShowResult,
    Status,
    YearStats,
)
from strategy_cli.output import words
from strategy_cli.output.terminal import CONTROL, visible

if TYPE_CHECKING:
    from strategy_cli.analysis.evidence import Evidence, Signal
    from strategy_cli.analysis.scorecard import DepartmentYears, Row, Scorecard

STATUS_STYLE: dict[Status, str] = {
    "planned_and_reported": "green",
    "planned_only": "yellow",
    "progress_only": "cyan",
    "neither": "dim",
    "not_due": "dim",
}


SIGNAL_STYLE: dict[Signal, str] = {
    "addressed": "green",
    "mentioned": "yellow",
    "no_trace": "red",
    "not_due": "dim",
}


def t(value: object, style: str = "") -> Text:
    """Data as rich Text: never parsed as markup, control characters made visible."""
    return Text(visible(str(value)), style=style)


def indented(renderable: RenderableType, level: int = 1) -> Padding:
    return Padding(renderable, (0, 0, 0, 2 * level))


def section_rich(
    section: Section,
    title: str | None = None,
    level: int = 0,
    marks: dict[tuple[int, int | None], str] | None = None,
) -> RenderableType:
    """The section's text; `marks` adds each plan item's outcome under it."""
    marks = marks or {}
    parts: list[RenderableType] = [indented(t(title or section.heading, "bold"), level)]
    for p, paragraph in enumerate(section.paragraphs, 1):
        parts.append(indented(t(paragraph.text), level + 1))
        if (p, None) in marks:
            parts.append(indented(t(f"↳ {marks[(p, None)]}", "magenta"), level + 1))
        for k, item in enumerate(paragraph.items, 1):
            parts.append(indented(Text("• ") + t(item), level + 2))
            if (p, k) in marks:
                parts.append(indented(t(f"↳ {marks[(p, k)]}", "magenta"), level + 3))
    if not section.paragraphs:
        parts.append(indented(Text("(no text under this heading)", style="dim italic"), level + 1))
    return Group(*parts)


def visible_spans(hit: Hit) -> list[tuple[int, int]]:
    """Match offsets after `visible()` has lengthened any escaped characters before them: one
    pass over the text, however many matches."""
    if CONTROL.search(hit.text) is None:
        return list(hit.matches)
    shifted, at = [], 0
    for char in hit.text:
        shifted.append(at)
        at += len(visible(char))
    shifted.append(at)
    return [(shifted[s], shifted[e]) for s, e in hit.matches]


LONG_PASSAGE = 5_000
"""On a terminal, a longer passage is shown as excerpts around its first matches (like
ripgrep's --max-columns): the whole text is in the plain, JSON and CSV output."""
EXCERPTS, CONTEXT = 5, 80


def highlighted(hit: Hit) -> Text:
    """The passage with its matches highlighted; excerpts of a long one, in linear time."""
    text = visible(hit.text)
    spans = visible_spans(hit)
    if len(text) <= LONG_PASSAGE:
        out = Text(text)
        for start, end in spans:
            out.stylize("bold reverse", start, end)
        return out
    windows: list[list[int]] = []
    for start, end in spans[:EXCERPTS]:
        low, high = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = high
        else:
            windows.append([low, high])
    out = Text()
    for low, high in windows:
        out.append("… " if low > 0 else "")
        offset = len(out)
        out.append(text[low:high])
        for start, end in spans[:EXCERPTS]:
            if low <= start and end <= high:
                out.stylize("bold reverse", offset + start - low, offset + end - low)
        out.append(" …" if high < len(text) else "")
    more = len(spans) - min(len(spans), EXCERPTS)
    note = f" ({len(text):,} characters" + (f"; {more:,} more matches" if more else "") + ")"
    out.append(note, style="dim")
    return out


WIDE = 120
"""From this many columns, search draws a table; below it, each place over its passage."""


class TableFormat:
    def __init__(self, console: Console):
        self.console = console

    def _render(self, renderable: RenderableType) -> str:
        with self.console.capture() as captured:
            self.console.print(renderable)
        return captured.get()  # the console writes to no stream (terminal.offscreen_console)

    def list_actions(self, result: ListResult) -> str:
        table = Table(box=box.SIMPLE_HEAD, caption=words.LIST_LEGEND, caption_justify="left")
        table.add_column("#", justify="right")
        table.add_column("Action", ratio=1, overflow="fold")
        for year in result.years:
            table.add_column(str(year), justify="center", no_wrap=True)
        for r in result.rows:
            cells = [
                Text.assemble(
                    (words.mark(m)[0], "green" if m.planned else "dim"),
                    (words.mark(m)[1], "cyan" if m.reported else "dim"),
                )
                for m in r.years.values()
            ]
            table.add_row(t(r.number), t(r.title), *cells)
        return self._render(table)

    def show(self, result: ShowResult) -> str:
        parts: list[RenderableType] = [
            t(f"Action {result.number}: {result.title}", "bold underline")
        ]
        for section in result.sections:
            parts += [
                Text(""),
                section_rich(section, marks=words.section_marks(section, result.items)),
            ]
        return self._render(Group(*parts))

    def diff(self, result: DiffResult, detail: bool) -> str:
        parts: list[RenderableType] = [t(words.diff_summary(result), "bold")]
        for r in result.rows:
            parts += [
                Text(""),
                t(f"Action {r.number}: {r.title}", "bold underline"),
                indented(t(words.status_label(r, result), STATUS_STYLE[r.status])),
            ]
            if r.plan is None:
                parts.append(indented(Text(words.no_plan(result), style="dim italic")))
            else:
                parts.append(section_rich(r.plan, words.plan_title(r, result), level=1))
                parts += [
                    indented(t(f"↳ {mark}", "magenta"), 2)
                    for mark in words.diff_marks(result, r.number)
                ]
            if r.progress is None:
                parts.append(indented(Text(words.no_progress(result), style="dim italic")))
            else:
                parts.append(section_rich(r.progress, f"Progress during {result.year}", level=1))
            for c in r.carried:
                parts += [
                    indented(Text(words.carried_note(result, c), style="yellow")),
                    indented(t(c.again), 2),
                ]
            if detail:
                parts += self._word_diff(r, result)
        return self._render(Group(*parts))

    def _word_diff(self, row: DiffRow, result: DiffResult) -> list[RenderableType]:
        diffs = words.word_diffs(row, result)
        if diffs is None:
            return [indented(Text(words.no_next_plan(result), style="dim"))]
        styles = {"same": "", "removed": "red strike", "added": "green underline"}
        parts: list[RenderableType] = []
        for title, chunks in diffs:
            styled = Text(" ").join(t(chunk.text, styles[chunk.op]) for chunk in chunks)
            parts += [indented(t(title, "bold")), indented(styled, 2)]
        return parts

    def search(self, result: SearchResult) -> str:
        """A table where the terminal is wide; on a narrow one each hit's place stands over
        its passage, so that the passage has the whole width."""
        if self.console.width >= WIDE:
            table = Table(box=box.SIMPLE_HEAD)
            table.add_column("#", justify="right")
            table.add_column("Section", max_width=32)
            table.add_column("Text", ratio=1, overflow="fold")
            for h in result.hits:
                table.add_row(t(h.action), t(h.heading), highlighted(h))
            return self._render(table)
        parts: list[RenderableType] = []
        for h in result.hits:
            where = f"Action {h.action} · {h.heading}" if h.kind != "title" else h.heading
            parts += [t(where, "bold"), indented(highlighted(h)), Text("")]
        return self._render(Group(*parts))

    def stats(self, rows: list[YearStats]) -> str:
        """Counts, then words written as numbers and bars; the bars take what width is left,
        and are left out where none is (nothing is cut off)."""
        most = max((max(s.progress_words, s.plan_words) for s in rows), default=0) or 1
        digits = len(str(most))
        bar = min(30, self.console.width - 72 - digits)
        table = Table(box=box.SIMPLE_HEAD)
        for name in ("Year", "Reported", "Planned", "Plan → progress", "Carried over"):
            table.add_column(name, justify="right")
        table.add_column("Words", no_wrap=True)
        for s in rows:
            lines = []
            for count, label, style in (
                (s.progress_words, "progress", "cyan"),
                (s.plan_words, "plans", "green"),
            ):
                line = Text(f"{count:>{digits}} {label:<8}")
                if bar >= 4:
                    line.append(" " + "█" * round(bar * count / most), style)
                lines.append(line)
            bars = Text("\n").join(lines)
            table.add_row(
                str(s.year),
                str(s.reported),
                str(s.planned),
                str(s.planned_and_reported),
                str(s.carried_over),
                bars,
            )
        items = Table(box=box.SIMPLE_HEAD, title="Plan items", title_justify="left")
        for name in ("Year", "Items", "Addressed", "Mentioned", "No trace", "Not due", "Verdicts"):
            items.add_column(name, justify="right")
        for s in rows:
            if s.items:
                items.add_row(
                    *map(
                        str,
                        (
                            s.year,
                            s.items,
                            s.addressed,
                            s.mentioned,
                            s.no_trace,
                            s.not_due,
                            s.verdicts,
                        ),
                    )
                )
        return self._render(Group(table, items) if items.row_count else table)

    def scorecard(self, card: Scorecard) -> str:
        """Each item as a block: where it is, its signal and verdict, the plan, its evidence
        with the tying words in bold, and its links. A short list (or a chain) shows every
        piece of evidence in full; a long one the best, and the others by id."""
        full = card.chain is not None or len(card.rows) <= 3
        by_id = {r.item.id: r for r in card.rows}
        parts: list[RenderableType] = [t(line, "bold") for line in words.scorecard_summary(card)]
        for row in card.rows:
            head = t(words.item_heading(row), "bold")
            head.append("  ")
            head.append(t(words.SIGNAL_LABEL[row.signal], f"bold {SIGNAL_STYLE[row.signal]}"))
            head.append(" · ")
            head.append(t(words.verdict_label(row), "" if row.verdict else "dim"))
            parts += [Text(""), head, indented(t(row.item.text))]
            if card.chain is not None:
                for earlier in row.carried_from:
                    if earlier in by_id:
                        parts += self._chain_diff(by_id[earlier], row)
            if row.verdict is not None:
                parts.append(indented(t(f"Quoted: “{row.verdict.evidence}”", "italic")))
                if row.verdict.note is not None:
                    parts.append(indented(t(f"Note: {row.verdict.note}", "italic")))
            shown = row.assessment.evidence if full else row.assessment.evidence[:1]
            for evidence in shown:
                parts += [
                    indented(t(words.evidence_label(evidence, row), "cyan")),
                    indented(tied(evidence), 2),
                ]
            rest = row.assessment.evidence[len(shown) :]
            if rest:
                parts.append(
                    indented(t(f"Also evidence: {words.ids(e.unit.id for e in rest)}", "cyan"))
                )
            if row.assessment.mentions:
                parts.append(
                    indented(
                        t(
                            "Mentioned in: "
                            + words.ids(e.unit.id for e in row.assessment.mentions),
                            "yellow",
                        )
                    )
                )
            parts += [indented(t(line.capitalize(), "magenta")) for line in words.links_label(row)]
        parts += [Text(""), t(words.SIGNAL_LEGEND, "dim")]
        return self._render(Group(*parts))

    def _chain_diff(self, earlier: Row, row: Row) -> list[RenderableType]:
        from strategy_cli.analysis.similarity import word_diff

        styles = {"same": "", "removed": "red strike", "added": "green underline"}
        chunks = word_diff(earlier.item.text, row.item.text)
        styled = Text(" ").join(t(chunk.text, styles[chunk.op]) for chunk in chunks)
        return [
            indented(t(f"Against {earlier.item.id}, word by word:", "magenta")),
            indented(styled, 2),
        ]

    def stats_by_department(self, rows: list[DepartmentYears]) -> str:
        years = words.department_years(rows)
        table = Table(
            box=box.SIMPLE_HEAD, caption=words.BY_DEPARTMENT_LEGEND, caption_justify="left"
        )
        table.add_column("Department", overflow="fold")
        for year in years:
            table.add_column(str(year), justify="right", no_wrap=True)
        for row in rows:
            table.add_row(t(row.department), *map(t, words.department_cells(row, years)))
        return self._render(table)


def tied(evidence: Evidence) -> Text:
    """The evidence text with the words that tie it to the plan in bold."""
    text = visible(evidence.unit.text)
    out = Text(text)
    wanted = [visible(w) for w in evidence.words if w]
    if wanted:
        pattern = re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(w) for w in sorted(wanted, key=len, reverse=True))
            + r")",
            re.IGNORECASE,
        )
        for match in pattern.finditer(text):
            out.stylize("bold underline", match.start(), match.end())
    return out
