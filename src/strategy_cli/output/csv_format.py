"""CSV in long form (one row per paragraph or bullet), for spreadsheets and pandas."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from strategy_cli.analysis.query import (
    DiffResult,
    ListResult,
    SearchResult,
    ShowResult,
    YearStats,
    section_units,
)
from strategy_cli.output import words
from strategy_cli.output.terminal import visible

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection")."""


def safe_cell(value: object) -> str:
    """Text as a spreadsheet shows it, never as a formula: a text cell that starts like one is
    prefixed with an apostrophe, as OWASP recommends (numbers are left as numbers)."""
    if value is None:
        return ""
    text = visible(str(value))
    if isinstance(value, str) and text.startswith(FORMULA_START):
        return "'" + text
    return text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


class CsvFormat:
    """`excel`: UTF-8 with a byte-order mark, which Excel needs to read ’ and é as written."""

    def __init__(self, excel: bool = False):
        self.excel = excel

    def _text(self, header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
        return ("\ufeff" if self.excel else "") + csv_text(header, rows)

    def list_actions(self, result: ListResult) -> str:
        return self._text(
            ["action", "title", "year", "planned", "reported"],
            (
                (r.number, r.title, y, str(m.planned).lower(), str(m.reported).lower())
                for r in result.rows
                for y, m in r.years.items()
            ),
        )

    def show(self, result: ShowResult) -> str:
        title = (result.number, "title", None, f"Action {result.number}", None, None, result.title)
        rows = (
            (result.number, s.kind, s.year, s.heading, p, i, text)
            for s in result.sections
            for p, i, text in section_units(s)
        )
        return self._text(
            ["action", "kind", "year", "heading", "paragraph", "item", "text"], [title, *rows]
        )

    def diff(self, result: DiffResult, detail: bool) -> str:
        rows: list[tuple[object, ...]] = []
        for r in result.rows:
            carried = {(c.paragraph, c.item) for c in r.carried}
            for side, section in (("plan", r.plan), ("progress", r.progress)):
                if section is None:
                    rows.append((r.number, r.status, None, side, None, None, None, None))
                    continue
                rows += [
                    (
                        r.number,
                        r.status,
                        ("true" if (p, i) in carried else "false") if side == "plan" else None,
                        side,
                        section.year,
                        p,
                        i,
                        text,
                    )
                    for p, i, text in section_units(section)
                ]
        return self._text(
            ["action", "status", "carried_over", "side", "year", "paragraph", "item", "text"],
            rows,
        )

    def search(self, result: SearchResult) -> str:
        return self._text(
            ["action", "kind", "year", "heading", "paragraph", "item", "text"],
            (
                (h.action, h.kind, h.year, h.heading, h.paragraph, h.item, h.text)
                for h in result.hits
            ),
        )

    def stats(self, rows: list[YearStats]) -> str:
        return self._text(words.STATS_HEADER, (words.stats_row(s) for s in rows))
