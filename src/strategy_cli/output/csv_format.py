"""CSV in long form (one row per paragraph or bullet), for spreadsheets and pandas."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from strategy_cli.analysis.items import ItemId
from strategy_cli.analysis.query import (
    DiffResult,
    ListResult,
    SearchResult,
    Section,
    ShowResult,
    YearStats,
    section_units,
)
from strategy_cli.output import words

if TYPE_CHECKING:
    from strategy_cli.analysis.scorecard import DepartmentYears, Row, Scorecard
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
        rows: list[tuple[object, ...]] = [(*title, None, None, None, None)]
        for s in result.sections:
            for p, i, text in section_units(s):
                row = _item(result.items, s, p, i)
                rows.append(
                    (
                        result.number,
                        s.kind,
                        s.year,
                        s.heading,
                        p,
                        i,
                        text,
                        *(
                            (str(row.item.id), row.signal, row.status, words.ids(row.carried_to))
                            if row is not None
                            else (None, None, None, None)
                        ),
                    )
                )
        return self._text(
            [
                "action",
                "kind",
                "year",
                "heading",
                "paragraph",
                "item",
                "text",
                "id",
                "signal",
                "status",
                "carried_over_to",
            ],
            rows,
        )

    def diff(self, result: DiffResult, detail: bool) -> str:
        items = {r.item.id.unnamed: r for r in result.items}
        rows: list[tuple[object, ...]] = []
        for r in result.rows:
            carried = {(c.paragraph, c.item) for c in r.carried}
            for side, section in (("plan", r.plan), ("progress", r.progress)):
                if section is None:
                    rows.append(
                        (r.number, r.status, None, side, None, None, None, None, None, None)
                    )
                    continue
                for p, i, text in section_units(section):
                    row = _item(items, section, p, i) if side == "plan" else None
                    rows.append(
                        (
                            r.number,
                            r.status,
                            ("true" if (p, i) in carried else "false") if side == "plan" else None,
                            side,
                            section.year,
                            p,
                            i,
                            text,
                            *((str(row.item.id), row.signal) if row is not None else (None, None)),
                        )
                    )
        return self._text(
            [
                "action",
                "status",
                "carried_over",
                "side",
                "year",
                "paragraph",
                "item",
                "text",
                "id",
                "signal",
            ],
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

    def scorecard(self, card: Scorecard) -> str:
        return self._text(words.SCORECARD_COLUMNS, (words.scorecard_row(r) for r in card.rows))

    def stats_by_department(self, rows: list[DepartmentYears]) -> str:
        return self._text(["department", *words.STATS_HEADER], words.department_rows(rows))


def _item(items: Mapping[ItemId, Row], section: Section, p: int, i: int | None) -> Row | None:
    """The scorecard row of a plan item shown in a section, if it is one."""
    if section.kind not in ("plan", "commitment") or section.year is None:
        return None
    return items.get(ItemId(section.action, section.year, p, i))
