"""Finished query results as text: a rich table on a terminal, plain lines when piped, and
JSON, CSV and Markdown for scripts and documents. Nothing here computes; nothing here exits.

Every piece of data goes through `visible()` or `json_text()`, and reaches rich only as `Text`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from strategy_cli.analysis.query import (
    STATUSES,
    DiffResult,
    DiffRow,
    Hit,
    ListResult,
    Section,
    ShowResult,
    Status,
    YearMark,
    YearStats,
)
from strategy_cli.analysis.similarity import plain_word_diff, word_diff
from strategy_cli.model.shape import dump
from strategy_cli.output.terminal import is_interactive, json_text, visible


class Format(str, Enum):
    """Output formats of the read commands."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


STATUS_LABEL: dict[Status, str] = {
    "planned_and_reported": "planned and reported",
    "planned_only": "planned but not reported",
    "progress_only": "reported without a plan",
    "neither": "neither",
}
STATUS_STYLE: dict[Status, str] = {
    "planned_and_reported": "green",
    "planned_only": "yellow",
    "progress_only": "cyan",
    "neither": "dim",
}


def t(value: object, style: str = "") -> Text:
    """Data as rich Text: never parsed as markup, control characters made visible."""
    return Text(visible(str(value)), style=style)


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else visible(str(v)) for v in row])
    return out.getvalue()


def _md_cell(value: object) -> str:
    return visible("" if value is None else str(value)).replace("|", "\\|")


def _md_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _tsv(rows: Iterable[Sequence[object]]) -> str:
    return "".join(
        "\t".join("" if v is None else visible(str(v)) for v in row) + "\n" for row in rows
    )


def emit(
    console: Console, fmt: Format, *, plain: str | None = None, rich: RenderableType | None = None
) -> None:
    """Rich on a terminal; otherwise the plain text exactly, never wrapped or truncated."""
    if rich is not None and is_interactive(console):
        console.print(rich)
    else:
        console.file.write(plain or "")
        console.file.flush()


# --- sections, shared by show, diff and search -------------------------------------------


def section_json(section: Section | None) -> dict[str, Any] | None:
    if section is None:
        return None
    return {
        "kind": section.kind,
        "year": section.year,
        "heading": section.heading,
        "paragraphs": [dump(p) for p in section.paragraphs],
    }


def section_lines(section: Section, indent: str = "") -> list[str]:
    lines = []
    for paragraph in section.paragraphs:
        lines.append(indent + visible(paragraph.text))
        lines += [f"{indent}- {visible(item)}" for item in paragraph.items]
    return lines


def indented(renderable: RenderableType, level: int = 1) -> Padding:
    return Padding(renderable, (0, 0, 0, 2 * level))


def section_rich(section: Section, title: str | None = None, level: int = 0) -> RenderableType:
    parts: list[RenderableType] = [indented(t(title or section.heading, "bold"), level)]
    for paragraph in section.paragraphs:
        parts.append(indented(t(paragraph.text), level + 1))
        parts += [indented(Text("• ") + t(item), level + 2) for item in paragraph.items]
    if not section.paragraphs:
        parts.append(indented(Text("(no text under this heading)", style="dim italic"), level + 1))
    return Group(*parts)


def section_rows(section: Section) -> Iterable[tuple[int | None, int | None, str]]:
    """(paragraph number, item number, text): the long form of a section for CSV."""
    for p, paragraph in enumerate(section.paragraphs, 1):
        yield p, None, paragraph.text
        for i, item in enumerate(paragraph.items, 1):
            yield p, i, item


def section_markdown(section: Section, level: str = "###") -> str:
    lines = [f"{level} {_md_cell(section.heading)}", ""]
    for paragraph in section.paragraphs:
        lines.append(_md_cell(paragraph.text))
        if paragraph.items:
            lines.append("")
            lines += [f"- {_md_cell(item)}" for item in paragraph.items]
        lines.append("")
    return "\n".join(lines) + "\n"


# --- list ------------------------------------------------------------------------------------

LIST_LEGEND = "P: a plan was made for the year; R: progress was reported in it"


def mark(year: YearMark) -> str:
    return ("P" if year.planned else "-") + ("R" if year.reported else "-")


def render_list(result: ListResult, fmt: Format, console: Console) -> None:
    if fmt is Format.json:
        console.file.write(
            json_text(
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
        )
    elif fmt is Format.csv:
        console.file.write(
            _csv(
                ["action", "title", "year", "planned", "reported"],
                (
                    (r.number, r.title, y, str(m.planned).lower(), str(m.reported).lower())
                    for r in result.rows
                    for y, m in r.years.items()
                ),
            )
        )
    elif fmt is Format.markdown:
        console.file.write(
            _md_table(
                ["Action", "Title", *map(str, result.years)],
                ([r.number, r.title, *(mark(m) for m in r.years.values())] for r in result.rows),
            )
            + f"\n{LIST_LEGEND}.\n"
        )
    else:
        table = Table(box=box.SIMPLE_HEAD, caption=LIST_LEGEND, caption_justify="left")
        table.add_column("#", justify="right")
        table.add_column("Action", ratio=1, overflow="fold")
        for year in result.years:
            table.add_column(str(year), justify="center", no_wrap=True)
        for r in result.rows:
            cells = [
                Text.assemble(
                    (mark(m)[0], "green" if m.planned else "dim"),
                    (mark(m)[1], "cyan" if m.reported else "dim"),
                )
                for m in r.years.values()
            ]
            table.add_row(t(r.number), t(r.title), *cells)
        plain = _tsv([r.number, r.title, *(mark(m) for m in r.years.values())] for r in result.rows)
        emit(console, fmt, plain=plain, rich=table)


# --- show ------------------------------------------------------------------------------------


def render_show(result: ShowResult, fmt: Format, console: Console) -> None:
    if fmt is Format.json:
        console.file.write(
            json_text(
                {
                    "number": result.number,
                    "title": result.title,
                    "sections": [section_json(s) for s in result.sections],
                }
            )
        )
    elif fmt is Format.csv:
        title = (result.number, "title", None, f"Action {result.number}", None, None, result.title)
        rows = (
            (result.number, s.kind, s.year, s.heading, p, i, text)
            for s in result.sections
            for p, i, text in section_rows(s)
        )
        console.file.write(
            _csv(["action", "kind", "year", "heading", "paragraph", "item", "text"], [title, *rows])
        )
    elif fmt is Format.markdown:
        body = "".join(section_markdown(s) for s in result.sections)
        console.file.write(f"## Action {result.number}: {_md_cell(result.title)}\n\n{body}")
    else:
        heading = f"Action {result.number}: {result.title}"
        plain = [visible(heading)]
        for section in result.sections:
            plain += ["", visible(section.heading), *section_lines(section, "  ")]
        if not result.sections:
            plain += ["", "(nothing for the year asked)"]
        parts: list[RenderableType] = [t(heading, "bold underline")]
        for section in result.sections:
            parts += [Text(""), section_rich(section)]
        emit(console, fmt, plain="\n".join(plain) + "\n", rich=Group(*parts))


# --- diff ------------------------------------------------------------------------------------


def diff_summary(result: DiffResult) -> str:
    counts = ", ".join(f"{result.number_with(s)} {STATUS_LABEL[s]}" for s in STATUSES)
    actions = f"{len(result.rows)} action{'s' if len(result.rows) != 1 else ''}"
    return (
        f"{result.planned_in} plans for {result.year} against {result.year} progress, {actions}:"
        f" {counts}; {result.carried_over} carried over to {result.year + 1}."
    )


def _plan_title(row: DiffRow, result: DiffResult) -> str:
    assert row.plan is not None
    if row.plan.kind == "commitment":
        return f"Planned for {result.year}: {row.plan.heading}"
    return f"Planned for {result.year} (in the {result.planned_in} report)"


def _next_plan_diff(row: DiffRow) -> list[Any] | None:
    if row.plan is None or row.next_plan is None:
        return None
    old = " ".join(t for p in row.plan.paragraphs for t in [p.text, *p.items])
    new = " ".join(t for p in row.next_plan.paragraphs for t in [p.text, *p.items])
    return word_diff(old, new)


def render_diff(result: DiffResult, fmt: Format, console: Console, detail: bool) -> None:
    if fmt is Format.json:
        console.file.write(
            json_text(
                {
                    "planned_in": result.planned_in,
                    "year": result.year,
                    "summary": {
                        "actions": len(result.rows),
                        **{s: result.number_with(s) for s in STATUSES},
                        "carried_over": result.carried_over,
                    },
                    "actions": [
                        {
                            "number": r.number,
                            "title": r.title,
                            "status": r.status,
                            "plan": section_json(r.plan),
                            "progress": section_json(r.progress),
                            "next_plan": section_json(r.next_plan),
                            "carried_over": [
                                {"text": c.text, "again": c.again, "likeness": c.likeness}
                                for c in r.carried
                            ],
                        }
                        for r in result.rows
                    ],
                }
            )
        )
        return
    if fmt is Format.csv:
        rows: list[tuple[object, ...]] = []
        for r in result.rows:
            carried = "true" if r.carried else "false"
            for side, section in (("plan", r.plan), ("progress", r.progress)):
                if section is None:
                    rows.append((r.number, r.status, carried, side, None, None, None, None))
                    continue
                rows += [
                    (r.number, r.status, carried, side, section.year, p, i, text)
                    for p, i, text in section_rows(section)
                ]
        console.file.write(
            _csv(
                ["action", "status", "carried_over", "side", "year", "paragraph", "item", "text"],
                rows,
            )
        )
        return
    if fmt is Format.markdown:
        out = [f"{_md_cell(diff_summary(result))}", ""]
        for r in result.rows:
            out += [
                f"## Action {r.number}: {_md_cell(r.title)}",
                "",
                f"*{STATUS_LABEL[r.status]}*"
                + (f"; carried over to {result.year + 1}" if r.carried else ""),
                "",
            ]
            for section in (r.plan, r.progress):
                if section is not None:
                    out.append(section_markdown(section))
        console.file.write("\n".join(out).rstrip("\n") + "\n")
        return
    plain = [visible(diff_summary(result))]
    parts: list[RenderableType] = [t(diff_summary(result), "bold")]
    for r in result.rows:
        label = STATUS_LABEL[r.status]
        if r.carried:
            label += f"; carried over to {result.year + 1}"
        heading = f"Action {r.number}: {r.title}"
        plain += ["", visible(heading), f"  [{label}]"]
        parts += [
            Text(""),
            t(heading, "bold underline"),
            indented(t(label, STATUS_STYLE[r.status])),
        ]
        sides = (
            (
                r.plan,
                _plan_title(r, result) if r.plan else "",
                f"No plan for {result.year} was made in {result.planned_in}.",
            ),
            (
                r.progress,
                f"Progress during {result.year}",
                f"No progress reported for {result.year}.",
            ),
        )
        for section, title, missing in sides:
            if section is None:
                plain.append(f"  {missing}")
                parts.append(indented(Text(missing, style="dim italic")))
            else:
                plain += [f"  {visible(title)}", *section_lines(section, "    ")]
                parts.append(section_rich(section, title, level=1))
        for c in r.carried:
            note = (
                f"Carried over: this reappears in the plan for {result.year + 1}"
                f" ({round(c.likeness * 100)}% the same words):"
            )
            plain += [f"  {note}", f"    {visible(c.again)}"]
            parts += [indented(Text(note, style="yellow")), indented(t(c.again), 2)]
        if detail:
            _word_diff_lines(r, result, plain, parts)
    emit(console, fmt, plain="\n".join(plain) + "\n", rich=Group(*parts))


def _word_diff_lines(
    row: DiffRow, result: DiffResult, plain: list[str], parts: list[RenderableType]
) -> None:
    chunks = _next_plan_diff(row)
    if chunks is None:
        missing = f"No plan for {result.year + 1} to compare with."
        plain.append(f"  {missing}")
        parts.append(indented(Text(missing, style="dim")))
        return
    title = f"Plan for {result.year + 1} against the plan for {result.year}, word by word:"
    plain += [f"  {title}", f"    {visible(plain_word_diff(chunks))}"]
    styles = {"same": "", "removed": "red strike", "added": "green underline"}
    styled = Text(" ").join(t(chunk.text, styles[chunk.op]) for chunk in chunks)
    parts += [indented(Text(title, style="bold")), indented(styled, 2)]


# --- search ----------------------------------------------------------------------------------


def render_search(hits: list[Hit], pattern: str, fmt: Format, console: Console) -> None:
    if fmt is Format.json:
        console.file.write(
            json_text(
                {
                    "pattern": pattern,
                    "hits": [
                        {
                            "action": h.action,
                            "kind": h.kind,
                            "year": h.year,
                            "heading": h.heading,
                            "text": h.text,
                            "matches": [list(m) for m in h.matches],
                        }
                        for h in hits
                    ],
                }
            )
        )
    elif fmt is Format.csv:
        console.file.write(
            _csv(
                ["action", "kind", "year", "heading", "text"],
                ((h.action, h.kind, h.year, h.heading, h.text) for h in hits),
            )
        )
    elif fmt is Format.markdown:
        console.file.write(
            _md_table(
                ["Action", "Section", "Text"],
                ([h.action, h.heading, _md_highlight(h)] for h in hits),
            )
        )
    else:
        table = Table(box=box.SIMPLE_HEAD)
        table.add_column("#", justify="right")
        table.add_column("Section", no_wrap=True)
        table.add_column("Text", ratio=1, overflow="fold")
        for h in hits:
            text = Text(visible(h.text))
            for start, end in _visible_spans(h):
                text.stylize("bold reverse", start, end)
            table.add_row(t(h.action), t(h.heading), text)
        plain = _tsv((h.action, h.kind, h.year or "", h.heading, h.text) for h in hits)
        emit(console, fmt, plain=plain, rich=table)


def _visible_spans(hit: Hit) -> list[tuple[int, int]]:
    """Match offsets after `visible()` has lengthened any escaped characters before them."""
    return [(len(visible(hit.text[:s])), len(visible(hit.text[:e]))) for s, e in hit.matches]


def _md_highlight(hit: Hit) -> str:
    out, last = "", 0
    for start, end in hit.matches:
        out += _md_cell(hit.text[last:start]) + "**" + _md_cell(hit.text[start:end]) + "**"
        last = end
    return out + _md_cell(hit.text[last:])


# --- stats -----------------------------------------------------------------------------------

STATS_HEADER = [
    "year",
    "reported",
    "planned",
    "planned_and_reported",
    "carried_over",
    "progress_words",
    "plan_words",
]


def _stats_row(s: YearStats) -> list[int]:
    return [
        s.year,
        s.reported,
        s.planned,
        s.planned_and_reported,
        s.carried_over,
        s.progress_words,
        s.plan_words,
    ]


def render_stats(rows: list[YearStats], fmt: Format, console: Console) -> None:
    if fmt is Format.json:
        console.file.write(
            json_text(
                {"years": [dict(zip(STATS_HEADER, _stats_row(s), strict=True)) for s in rows]}
            )
        )
    elif fmt is Format.csv:
        console.file.write(_csv(STATS_HEADER, (_stats_row(s) for s in rows)))
    elif fmt is Format.markdown:
        console.file.write(_md_table(STATS_HEADER, (_stats_row(s) for s in rows)))
    else:
        most = max((max(s.progress_words, s.plan_words) for s in rows), default=0) or 1
        table = Table(box=box.SIMPLE_HEAD)
        for name in ("Year", "Reported", "Planned", "Plan → progress", "Carried over"):
            table.add_column(name, justify="right")
        table.add_column("Words")
        for s in rows:
            bars = Text.assemble(
                ("█" * round(20 * s.progress_words / most), "cyan"),
                f" {s.progress_words} progress\n",
                ("█" * round(20 * s.plan_words / most), "green"),
                f" {s.plan_words} plans",
            )
            table.add_row(
                str(s.year),
                str(s.reported),
                str(s.planned),
                str(s.planned_and_reported),
                str(s.carried_over),
                bars,
            )
        plain = _tsv([STATS_HEADER, *(_stats_row(s) for s in rows)])
        emit(console, fmt, plain=plain, rich=table)
