"""What users have, read into a report: the plain layout, text copied from a browser, a saved
GOV.UK page (HTML), or a GOV.UK Content API document (JSON, its body being HTML). The format is
told from the text unless given; every format goes through the plain layout's reader, so that
all of them place lines, set furniture aside and report problems the same way, at the line of
the file the user has.
"""

from __future__ import annotations

import datetime
import json
import re
from enum import Enum
from typing import Any

from strategy_cli.errors import DataError, Position, UsageError
from strategy_cli.model.headings import format_date
from strategy_cli.pages.html import Line, html_lines, looks_like_html
from strategy_cli.pages.text import Imported, read_page


class PageFormat(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"
    json = "json"


def detect(text: str) -> PageFormat:
    start = text.lstrip("\ufeff \t\r\n")[:1]
    if start in ("{", "["):
        return PageFormat.json
    return PageFormat.html if looks_like_html(text) else PageFormat.text


def read_any(
    text: str,
    name: str,
    fmt: PageFormat = PageFormat.auto,
    department: str | None = None,
    source: str | None = None,
) -> Imported:
    """One department's page in any format as a validated report, with what was set aside."""
    found = read_pages(text, name, fmt, department, source)
    if len(found) > 1:
        raise UsageError(f"{name} is an action page: it holds {len(found)} departments' answers")
    return found[0]


def read_pages(
    text: str,
    name: str,
    fmt: PageFormat = PageFormat.auto,
    department: str | None = None,
    source: str | None = None,
) -> list[Imported]:
    """The page in any format as validated reports, with what was set aside: one report for a
    department's page, one per department for an action page."""
    seen = detect(text)
    chosen = seen if fmt is PageFormat.auto else fmt
    if chosen is not seen and PageFormat.json in (chosen, seen):
        raise UsageError(
            f"this page is {'JSON' if seen is PageFormat.json else 'not JSON'}, but --from"
            f" {chosen.value} was given",
            hint=f"drop --from, or give --from {seen.value}",
        )
    if chosen is PageFormat.text:
        return _read(text, name, department, source, None)
    lines = html_lines(text, name) if chosen is PageFormat.html else content_api_lines(text, name)
    content = [line for line in lines if not line.furniture]
    if not content:
        raise DataError(f"no text found in the {chosen.value.upper()}", Position(name))
    found = _read(
        "\n".join(line.text for line in content),
        name,
        department,
        source,
        [line.source for line in content],
    )
    furniture = [line.source for line in lines if line.furniture]
    found[0] = found[0]._replace(set_aside=sorted({*furniture, *found[0].set_aside}))
    return found


def _read(
    text: str, name: str, department: str | None, source: str | None, origin: list[int] | None
) -> list[Imported]:
    from strategy_cli.pages.action_page import is_action_page, read_action_page

    if is_action_page(text.split("\n")):
        if department is not None:
            raise UsageError(
                "this is an action page: it names each department itself, so --department"
                " does not apply"
            )
        return read_action_page(text, name, source, origin)
    return [read_page(text, name, department, source, origin)]


BODY_KEY = re.compile(r'"body"\s*:')


def content_api_lines(text: str, name: str) -> list[Line]:
    """A Content API document (`https://www.gov.uk/api/content/<path>`): its title, its date of
    update, then its HTML body; every line of the body is placed at the JSON line of `body`."""
    try:
        document: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError(
            f"not valid JSON: {error.msg}", Position(name, error.lineno, error.colno)
        ) from None
    if not isinstance(document, dict):
        document = {}
    details = document.get("details")
    body = details.get("body") if isinstance(details, dict) else None
    title = document.get("title")
    if not isinstance(body, str) or not body.strip() or not isinstance(title, str):
        raise DataError(
            "this JSON is not a GOV.UK Content API document with a title and an HTML"
            " details.body that holds text (for a data file exported with"
            " `strategy export -f json`, use --data instead of import)",
            Position(name, 1, 1),
        )
    found = BODY_KEY.search(text)
    body_line = text[: found.start()].count("\n") + 1 if found else 1
    lines = [Line(title.strip(), 1, False)]
    updated = _date(document.get("public_updated_at"))
    if updated is not None:
        lines.append(Line(f"Updated {format_date(updated)}", 1, False))
    return lines + [line._replace(source=body_line) for line in html_lines(body, name)]


def _date(value: object) -> datetime.date | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def page_format(value: str) -> PageFormat:
    try:
        return PageFormat(value)
    except ValueError:
        raise UsageError(
            f"unknown page format {value!r}; choose one of:"
            f" {', '.join(f.value for f in PageFormat)}"
        ) from None
