"""The published page layout: one heading or paragraph per line, as GOV.UK pages copy out.

`parse_page` takes every variant seen across the 24 departments' pages and places every line of
content; a line it cannot place stops the import with its line number rather than a guess.
`render_page` writes the layout back, so that import and export round-trip.
"""

from __future__ import annotations

import datetime
import re
from typing import Any, NamedTuple

from strategy_cli.errors import DataError, Position
from strategy_cli.model.headings import format_date, heading, section_order
from strategy_cli.model.report import FORBIDDEN, MONTHS, Paragraph, Report, forbidden_name

TITLE = re.compile(r"actions in response to (the )?Government Digital Strategy", re.I)
DEPARTMENT = re.compile(r"^(?P<department>.+?)(?:['’]s|s['’])\s+actions\b", re.I)
DATE = re.compile(
    r"^(?:Updated|Published|Last updated):?\s+(?P<day>\d{1,2})\s+(?P<month>"
    + "|".join(MONTHS)
    + r")\s+(?P<year>\d{4})\.?$",
    re.I,
)
ACTION = re.compile(r"^Action\s+(?P<number>\d+)\s*[:.\-–—]\s*(?P<title>.*\S)\s*$", re.I)
COMMITMENT = re.compile(
    r"^Departmental digital strategy commitments?"
    r"(?:\s*\((?P<when>(?:" + "|".join(MONTHS) + r")\s+\d{4})\))?\s*:?$",
    re.I,
)
PROGRESS = re.compile(r"^Progress\s+(?:made\s+)?(?:during|in|for)\s+(?P<year>\d{4})\s*:?$", re.I)
PLAN = re.compile(
    r"^(?:Planned\s+activities|Planned\s+actions|Plans|Activities\s+planned)"
    r"\s+(?:in|for|during)\s+(?P<year>\d{4})\s*:?$",
    re.I,
)
HEADING_LIKE = re.compile(
    r"^(?:Action\s+\d+\b.{0,12}|(?:Progress|Planned|Plans)\b(?:\W+\w+){0,5}?\W+\d{4}\S{0,6}"
    r"|Departmental digital strategy commitments?\b.*)$",
    re.I,
)
BULLET = re.compile(r"^\s*[-•*]\s+(?P<item>.*\S)\s*$")
FURNITURE = re.compile(
    r"^This was published under the .{3,80} government\.?$",
    re.I,
)
"""Lines GOV.UK adds to a page wherever they stand: never the department's own words."""
FOOTER = re.compile(
    r"^(?:Is this page useful\??|Help us improve GOV\.UK|Report a problem with this page"
    r"|All content is available under the Open Government Licence.*)$",
    re.I,
)
"""The first line of GOV.UK's feedback, print and footer blocks: from here to the end of a page
copied from a browser, nothing is the department's."""
ANYWHERE = re.compile(
    r"^(?:Print this page|Back to top|Share this page|Contents|Skip to main content)$", re.I
)
CONTENTS_ENTRY = re.compile(r"^(?:[-•*]\s*|\d+\.\s*)?(?P<heading>Action\s+\d+\s*[:.\-–—].*)$", re.I)
SPACES = re.compile(r" {2,}")
ENDS_SENTENCE = re.compile(r"[.!?:;)\]”’\"']$")

DEFAULT_LICENCE = (
    "© Crown copyright{year}. Published under the Open Government Licence v3.0:"
    " https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
)


class Imported(NamedTuple):
    """A page read into a report, with what the importer did that a user should hear of."""

    report: Report
    set_aside: list[int]
    """Lines of page furniture (document type, "This was published under ...") left out."""
    trimmed: list[int]
    """Lines whose stray spaces (leading, trailing, doubled) were trimmed."""
    cut_off: int | None
    """The last line, if it looks cut off mid-sentence (a partial copy)."""


class _Builder:
    """The report as a plain document while lines are placed, with the line of every part."""

    def __init__(self, name: str, origin: list[int] | None = None):
        self.name = name
        self.origin = origin
        self.data: dict[str, Any] = {}
        self.lines: dict[tuple[str | int, ...], int] = {}
        self.section: list[dict[str, Any]] | None = None
        self.section_path: tuple[str | int, ...] = ()
        self.trimmed: list[int] = []

    def clean(self, line: int, text: str) -> str:
        """Text without stray spaces; the line is remembered if any were trimmed."""
        tidy = SPACES.sub(" ", text.strip())
        if tidy != text:
            self.trimmed.append(line)
        return tidy

    def line(self, number: int) -> int:
        """A line of the text read as the line of the user's file it came from."""
        return self.origin[number - 1] if self.origin else number

    def fail(self, line: int, message: str) -> DataError:
        return DataError(message, Position(self.name, line))

    def open_section(self, path: tuple[str | int, ...], section: list[dict[str, Any]]) -> None:
        self.section, self.section_path = section, path

    def paragraph(self, line: int, text: str) -> None:
        assert self.section is not None
        key = (*self.section_path, len(self.section))
        self.lines[key] = line
        self.section.append({"text": self.clean(line, text), "items": []})

    def bullet(self, line: int, item: str, raw: str) -> None:
        if not self.section:
            raise self.fail(
                line,
                f"bullet item {raw.strip()!r} has no paragraph before it to belong to:"
                " add the sentence that introduces the list",
            )
        last = self.section[-1]
        key = (*self.section_path, len(self.section) - 1, "items", len(last["items"]))
        self.lines[key] = line
        last["items"].append(self.clean(line, item))


def parse_page(
    text: str, name: str, department: str | None = None, source: str | None = None
) -> Report:
    """The page as a validated report; `DataError` names the line that could not be placed."""
    return read_page(text, name, department, source).report


def read_page(
    text: str,
    name: str,
    department: str | None = None,
    source: str | None = None,
    origin: list[int] | None = None,
) -> Imported:
    """The page as a validated report, with the furniture set aside, the lines trimmed and a
    cut-off last line named; `DataError` names the line that could not be placed. `origin`
    maps each line of `text` to the line of the user's file it came from (for HTML)."""
    try:
        imported = _read_page(text, name, department, source, origin)
    except DataError as error:
        if origin and error.position is not None and error.position.line:
            line = origin[min(error.position.line, len(origin)) - 1]
            error.position = Position(error.position.path, line)
        raise
    if not origin:
        return imported
    return imported._replace(
        set_aside=sorted({origin[n - 1] for n in imported.set_aside}),
        trimmed=sorted({origin[n - 1] for n in imported.trimmed}),
        cut_off=origin[imported.cut_off - 1] if imported.cut_off else None,
    )


def _read_page(
    text: str,
    name: str,
    department: str | None = None,
    source: str | None = None,
    origin: list[int] | None = None,
) -> Imported:
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # old Mac line ends are line ends
    numbered = [(i, line) for i, line in enumerate(text.split("\n"), start=1)]
    content = [(i, line) for i, line in numbered if line.strip()]
    builder = _Builder(name, origin)
    for number, line in numbered:
        if (found := FORBIDDEN.search(line)) is not None:
            raise DataError(
                f"{forbidden_name(found.group())}: a report's text may not hold it (it is"
                " invisible, or drives a terminal); delete it from the page",
                Position(name, number, found.start() + 1),
            )
    if not content:
        raise builder.fail(1, "the page is empty: expected a title and 'Action N: ...' headings")

    title_at = next((k for k, (_, line) in enumerate(content) if TITLE.search(line)), None)
    if title_at is None:
        title_at = next(
            (k - 1 for k, (_, line) in enumerate(content) if DATE.match(line.strip()) and k > 0),
            None,
        )
    if title_at is None:
        raise builder.fail(
            content[0][0],
            "cannot find the page title (a line like \"CO's actions in response to the"
            ' Government Digital Strategy")',
        )
    data = builder.data
    title_line, title = content[title_at]
    data["title"] = builder.clean(title_line, title)
    set_aside = [number for number, _ in content[:title_at]]  # above the title: furniture
    set_aside += _furniture_after_title(content[title_at + 1 :])
    content = [(n, line) for n, line in content if n not in set_aside]
    title_at = next(k for k, (n, _) in enumerate(content) if n == title_line)
    match = DEPARTMENT.match(title.strip())
    if department is None and match is None:
        raise builder.fail(
            title_line, "cannot tell the department from the title: give it with --department"
        )
    data["department"] = department or (match.group("department") if match else "")
    rest = content[title_at + 1 :]
    if rest and (date := DATE.match(rest[0][1].strip())):
        month = next(m for m, n in enumerate(MONTHS, 1) if n.lower() == date["month"].lower())
        try:
            data["updated"] = datetime.date(int(date["year"]), month, int(date["day"]))
        except ValueError:
            raise builder.fail(rest[0][0], f"{rest[0][1].strip()!r} is not a real date") from None
        rest = rest[1:]
    data["introduction"] = []
    data["actions"] = []
    builder.open_section(("introduction",), data["introduction"])
    _place_lines(builder, rest)
    if not data["actions"]:
        raise builder.fail(
            numbered[-1][0], "no 'Action N: title' heading found: is this a digital strategy page?"
        )
    year = f" {data['updated'].year}" if "updated" in data else ""
    data["licence"] = DEFAULT_LICENCE.format(year=year)
    data["source"] = source or _default_source(data)
    report = _validate(builder)
    last_number, last = content[-1]
    last = last.strip()
    cut_off = (
        last_number
        if not ENDS_SENTENCE.search(last) and _is_text(last) and len(last.split()) > 3
        else None
    )
    return Imported(report, set_aside, sorted(set(builder.trimmed)), cut_off)


def _is_text(line: str) -> bool:
    """A line of the department's text (not a heading of any kind)."""
    return not (
        ACTION.match(line)
        or COMMITMENT.match(line)
        or PROGRESS.match(line)
        or PLAN.match(line)
        or _looks_like_heading(line)
    )


def _furniture_after_title(lines: list[tuple[int, str]]) -> list[int]:
    """Furniture below the title, as a page copied from a browser has it: the lines between
    the title and its date ("From: ..."), the Contents list (action headings that come again
    below it), the coalition notice, print and back-to-top links, and everything from the
    feedback block or the licence footer to the end."""
    found: list[int] = []
    texts = [line.strip() for _, line in lines]
    dated = next((k for k, text in enumerate(texts[:5]) if DATE.match(text)), None)
    if dated:
        found += [number for number, _ in lines[:dated]]
    headings = [k for k, text in enumerate(texts) if ACTION.match(text)]
    first = headings[0] if headings else len(texts)
    for k, text in enumerate(texts):
        if k < first and text.lower() == "contents":
            found.append(lines[k][0])
            listed: set[str] = set()
            for j in range(k + 1, len(texts)):
                entry = CONTENTS_ENTRY.match(texts[j])
                following = next(
                    (t for t in texts[j + 1 :] if not (ANYWHERE.match(t) or FURNITURE.match(t))),
                    "",
                )
                if (
                    entry is None
                    or entry["heading"] in listed
                    or not (CONTENTS_ENTRY.match(following) or not following)
                ):
                    break  # the body starts: a heading again, or one with its text under it
                listed.add(entry["heading"])
                found.append(lines[j][0])
                first = j + 1
            break
    body = next((k for k in headings if k >= first), len(texts))
    for k, text in enumerate(texts):
        if k > body and FOOTER.match(text):
            found += [number for number, _ in lines[k:]]
            break
    found += [
        number
        for (number, _), text in zip(lines, texts, strict=True)
        if FURNITURE.match(text) or (ANYWHERE.match(text) and text.lower() != "contents")
    ]
    return sorted(set(found))


def _default_source(data: dict[str, Any]) -> str:
    updated = data.get("updated")
    when = f", updated {format_date(updated)}" if updated else ""
    return f"GOV.UK: “{data['title']}”{when}"


def _title_goes_on(title: str, lines: list[tuple[int, str]], at: int) -> bool:
    """Whether the line after an action heading is the rest of its title: some pages break a
    title of two sentences ("... by a service manager" / "Service managers will be in place
    ... from April 2013.") over two lines. It is, when the heading does not end a sentence, the
    line is one sentence that does not speak of the action (notes say "This action is not
    applicable ..." or "Action 15 was added ..."), and a heading follows it at once."""
    if at + 1 >= len(lines) or ENDS_SENTENCE.search(title):
        return False
    line = lines[at + 1][1].strip()
    following = lines[at + 2][1].strip() if at + 2 < len(lines) else ""
    return bool(
        line[:1].isupper()
        and _is_text(line)
        and not BULLET.match(line)
        and not re.search(r"\baction\b|\breport", line, re.I)
        and len(SENTENCE_END.findall(line.rstrip("."))) == 0
        and (not following or not _is_text(following))
    )


SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")


def _place_lines(builder: _Builder, lines: list[tuple[int, str]]) -> None:
    data = builder.data
    action: dict[str, Any] | None = None
    seen: dict[tuple[str, int | None], int] = {}
    joined: set[int] = set()
    in_list = False
    for at, (number, raw) in enumerate(lines):
        if number in joined:
            continue
        line = raw.strip()
        if heading := ACTION.match(line):
            title = builder.clean(number, heading["title"])
            if _title_goes_on(title, lines, at):
                rest = builder.clean(lines[at + 1][0], lines[at + 1][1])
                title = f"{title}. {rest.rstrip('.')}"
                joined.add(lines[at + 1][0])
            action = {"number": int(heading["number"]), "title": title, "notes": []}
            index = len(data["actions"])
            builder.lines[("actions", index)] = number
            builder.lines[("actions", index, "number")] = number
            builder.lines[("actions", index, "title")] = number
            data["actions"].append(action)
            builder.open_section(("actions", index, "notes"), action["notes"])
            seen, in_list = {}, False
            continue
        kind, year = _section_heading(line, data, builder, number)
        if kind is not None:
            if action is None:
                raise builder.fail(
                    number, f"section heading {line!r} comes before any 'Action N: title' heading"
                )
            if (kind, year) in seen:
                raise builder.fail(
                    number,
                    f"second {line!r} heading in action {action['number']} (first at line"
                    f" {builder.line(seen[(kind, year)])}): merge the two sections or correct"
                    " the year",
                )
            seen[(kind, year)] = number
            index = len(data["actions"]) - 1
            section: list[dict[str, Any]] = []
            if kind == "commitment":
                action["commitment"] = section
                path: tuple[str | int, ...] = ("actions", index, "commitment")
            else:
                action.setdefault(kind, {})[year] = section
                path = ("actions", index, kind, year or 0)
            builder.lines[path] = number
            builder.open_section(path, section)
            in_list = False
            continue
        if bullet := BULLET.match(raw):
            builder.bullet(number, bullet["item"], raw)
            in_list = False  # a marked list marks all its items
        elif in_list and _unmarked_item(line):
            builder.bullet(number, line, raw)  # a list item copied from a browser, no marker
        else:
            builder.paragraph(number, raw)
            in_list = line.endswith(":")


def _unmarked_item(line: str) -> bool:
    """A list item whose marker was lost (a browser copies a list as bare lines): under a
    paragraph that ends with a colon, a line that starts in lower case and ends no sentence."""
    return line[:1].islower() and not ENDS_SENTENCE.search(line)


def _looks_like_heading(line: str) -> bool:
    """A short line shaped like a heading (and not ending as a sentence) that names no section
    this tool knows: placing it as text would be a guess."""
    return bool(HEADING_LIKE.match(line)) and not line.endswith(".")


def _section_heading(
    line: str, data: dict[str, Any], builder: _Builder, number: int
) -> tuple[str | None, int | None]:
    if match := COMMITMENT.match(line):
        when = match["when"]
        if when:
            when = " ".join(w.capitalize() if w.isalpha() else w for w in when.split())
            known = data.setdefault("commitments_made", when)
            if known != when:
                raise builder.fail(
                    number,
                    f"commitments dated {when}, but earlier ones are dated {known}: one page"
                    " has one date of commitments",
                )
        return "commitment", None
    if match := PROGRESS.match(line):
        return "progress", int(match["year"])
    if match := PLAN.match(line):
        return "plans", int(match["year"])
    if _looks_like_heading(line):
        raise builder.fail(
            number,
            f"{line!r} looks like a section heading but is not one this tool knows"
            " (e.g. 'Progress during 2014', 'Planned activities in 2015'): correct the heading",
        )
    return None, None


def _validate(builder: _Builder) -> Report:
    from strategy_cli.model.validation import InvalidReport, validate

    try:
        return validate(builder.data)
    except InvalidReport as invalid:
        first = invalid.found[0]
        line = _nearest_line(builder.lines, first.path)
        raise DataError(first.message, Position(builder.name, line)) from None


def _nearest_line(lines: dict[tuple[str | int, ...], int], loc: tuple[Any, ...]) -> int | None:
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def render_page(report: Report) -> str:
    """The published layout; lines joined by newlines with none after the last, as pages are."""
    out: list[str] = [*report.preamble, report.title]
    if report.updated:
        out.append(f"Updated {format_date(report.updated)}")
    out += _paragraph_lines(report.introduction, "the introduction")
    for action in report.actions:
        out.append(f"Action {action.number}: {action.title}")
        where = f"action {action.number}"
        out += _paragraph_lines(action.notes, where)
        if action.commitment is not None:
            out.append(heading("commitment", None, report))
            out += _paragraph_lines(action.commitment, where)
        for kind, year in section_order(action.progress, action.plans):
            out.append(heading(kind, year, report))
            section = action.progress[year] if kind == "progress" else action.plans[year]
            out += _paragraph_lines(section, where)
    return "\n".join(out)


def _paragraph_lines(section: list[Paragraph], where: str) -> list[str]:
    lines: list[str] = []
    for paragraph in section:
        for line in paragraph.lines():
            if _misread(line) if line is paragraph.text else not BULLET.match(line):
                raise DataError(
                    f"a paragraph in {where} would read back as a heading or bullet: {line[:60]!r}"
                )
        lines += paragraph.lines()
    return lines


def _misread(line: str) -> bool:
    stripped = line.strip()
    return bool(
        not stripped
        or ACTION.match(stripped)
        or COMMITMENT.match(stripped)
        or PROGRESS.match(stripped)
        or PLAN.match(stripped)
        or BULLET.match(line)
        or _looks_like_heading(stripped)
    )


def readable_page(text: str) -> Report:
    """The text read back as a published page: what `export -o` checks."""
    try:
        return parse_page(text, "<output>", department="-")
    except DataError as error:
        raise DataError(f"the output would not read back ({error}); nothing written") from None
