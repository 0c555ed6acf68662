"""Several departments' results as one output: each department's result rendered by its
format, then joined the way that format joins things. JSON becomes one document with a
`departments` list; CSV and tab-separated rows gain a leading `department` column; stories
(and tables on a terminal) come one after another under a heading per department."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import NamedTuple

from strategy_cli.output.base import Format
from strategy_cli.output.csv_format import safe_cell
from strategy_cli.output.terminal import json_text, visible


class Part(NamedTuple):
    department: str
    name: str
    text: str


def combine(
    fmt: Format, parts: Sequence[Part], tabular: bool, terminal: bool, header: bool = False
) -> str:
    """`tabular`: the command's plain output is tab-separated rows (list, search, stats,
    scorecard), not a story (show, diff); `header`: its first line names the columns.
    `terminal`: the table format is drawn by rich."""
    if fmt is Format.json:
        return json_text(
            {
                "departments": [
                    {"department": p.department, "name": p.name, **json.loads(p.text)}
                    for p in parts
                ]
            }
        )
    if fmt is Format.csv:
        return _csv(parts)
    if fmt is Format.markdown:
        return "\n".join(f"## {_markdown(p)}\n\n{p.text}" for p in parts)
    if tabular and not terminal:
        return _rows(parts, header)
    return "\n".join(f"{visible(_heading(p))}\n{'=' * len(_heading(p))}\n\n{p.text}" for p in parts)


def _heading(part: Part) -> str:
    return part.department if part.name == part.department else f"{part.department}: {part.name}"


def _markdown(part: Part) -> str:
    from strategy_cli.output.markdown import cell

    return cell(_heading(part))


def _csv(parts: Sequence[Part]) -> str:
    bom = "\ufeff" if parts and parts[0].text.startswith("\ufeff") else ""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header_written = False
    for part in parts:
        rows = list(csv.reader(io.StringIO(part.text.removeprefix("\ufeff"))))
        if not rows:
            continue
        if not header_written:
            writer.writerow(["department", *rows[0]])
            header_written = True
        for row in rows[1:]:
            writer.writerow([safe_cell(part.department), *row])
    return bom + out.getvalue()


def _rows(parts: Sequence[Part], header: bool) -> str:
    """Tab-separated rows with the department first; the header line is kept once."""
    lines: list[str] = []
    for number, part in enumerate(parts):
        found = part.text.splitlines()
        if header and found:
            if number == 0:
                lines.append(f"department\t{found[0]}")
            found = found[1:]
        lines += [f"{safe_cell(part.department)}\t{line}" for line in found]
    return "".join(line + "\n" for line in lines)
