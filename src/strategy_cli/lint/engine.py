"""`strategy lint`: every problem in a data file, at its exact line and column.

Schema checkers stop at "invalid"; we keep the round-trip tree, so every pydantic error and every
content rule can point at the key or item it concerns. A known quirk of the published text is
accepted in the file itself, on the finding's line: `# strategy: ignore[T103] reason`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, NamedTuple

from strategy_cli.analysis.query import plan_for
from strategy_cli.analysis.similarity import near_copies
from strategy_cli.english import plural
from strategy_cli.errors import DataError, Position
from strategy_cli.lint.rules import RULES, Severity
from strategy_cli.model.consistency import Path, Problem, document_errors
from strategy_cli.model.report import FORBIDDEN, Action, Paragraph, Report
from strategy_cli.model.shape import shape, texts
from strategy_cli.model.validation import InvalidReport, format_path, validate
from strategy_cli.store.datafile import (
    check_json,
    describe,
    is_json,
    not_a_mapping,
    position,
    raw_characters,
)
from strategy_cli.store.files import decode, display_name, read_bytes
from strategy_cli.store.verdicts import is_verdicts_file
from strategy_cli.store.yamlfile import YamlError, locate, parse, to_plain

ACKNOWLEDGE = re.compile(r"(?:^|\s)#\s*strategy:\s*ignore\[(?P<codes>[^\]]*)\](?P<reason>.*)$")
REPEATED = re.compile(r"\b(\w+)\s+(\1)\b", re.IGNORECASE)
STRAIGHT = re.compile(r"(?<=\w)'(?=\w)|(?<=s)'(?=\s|$)")
CURLY = re.compile(r"(?<=\w)’(?=\w)|(?<=s)’(?=\s|$)")


@dataclass(frozen=True)
class Finding:
    """One problem at one place, as lint prints it."""

    path: str
    line: int
    column: int
    code: str
    message: str

    @property
    def severity(self) -> Severity:
        return RULES[self.code].severity


@dataclass
class FileResult:
    """The findings of one file, after selection and acknowledgements."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    acknowledged: int = 0
    titles: dict[int, tuple[str, int, int]] = field(default_factory=dict)
    """For a report that validated: each action's title, and its line and column (for the
    rules across files)."""
    text: str = ""


# --- the text of a report, with paths -------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    path: Path
    text: str
    action: int | None
    paragraph: bool
    """A paragraph (not a title or bullet): the unit that is copied between actions."""
    ours: bool
    """Text the tool wrote (licence, source): checked for characters, not as prose."""


def passages(report: Report) -> Iterator[Passage]:
    """Every piece of text in the report, from the model's shape."""
    for found in texts(report, shape(Report)):
        action = next((o.number for o in found.owners if isinstance(o, Action)), None)
        owner = found.owners[-1]
        paragraph = isinstance(owner, Paragraph) and found.field.name == "text"
        yield Passage(found.path, found.text, action, paragraph, found.field.ours)


# --- report rules ---------------------------------------------------------------------------


def numbering_gaps(report: Report) -> Iterator[Problem]:
    ordered = sorted(enumerate(report.actions), key=lambda pair: pair[1].number)
    for (_, before), (index, after) in pairwise(ordered):
        if after.number > before.number + 1:
            missing = (
                str(before.number + 1)
                if after.number == before.number + 2
                else f"{before.number + 1}-{after.number - 1}"
            )
            yield Problem(
                "S103",
                ("actions", index, "number"),
                f"action {after.number} follows action {before.number}: action"
                f" {missing} is missing; add it, or acknowledge the gap if the page"
                " skips it",
            )


def empty_sections(report: Report) -> Iterator[Problem]:
    for index, action in enumerate(report.actions):
        if action.commitment == []:
            yield Problem(
                "S106",
                ("actions", index, "commitment"),
                f"action {action.number}: the commitments heading has no text under it: it"
                " counts as neither a plan nor a report; acknowledge it if the page was"
                " published so, else write the text",
                on_key=True,
            )
        for kind, label in (("progress", "progress during"), ("plans", "plans for")):
            sections: dict[int, list[Paragraph]] = getattr(action, kind)
            for year, section in sections.items():
                if not section:
                    yield Problem(
                        "S106",
                        ("actions", index, kind, year),
                        f"action {action.number}: {label} {year} has no text under it: it"
                        " counts as neither a plan nor a report; acknowledge it if the page"
                        " was published so, else write the text",
                        on_key=True,
                    )


def unreported_plans(report: Report) -> Iterator[Problem]:
    reported = {year for action in report.actions for year, text in action.progress.items() if text}
    for index, action in enumerate(report.actions):
        for year in sorted(reported):
            plan = plan_for(report, action, year)
            if plan is None or action.progress.get(year):
                continue
            path: Path = (
                ("actions", index, "plans", year)
                if plan.kind == "plan"
                else ("actions", index, "commitment")
            )
            yield Problem(
                "S107",
                path,
                f"action {action.number} had a plan for {year} but reports no progress"
                f" during {year}, which other actions report on: add its progress",
                on_key=True,
            )


# --- text rules -----------------------------------------------------------------------------


def text_problems(report: Report) -> Iterator[Problem]:
    found = list(passages(report))
    prose = [p for p in found if not p.ours]
    for passage in found:
        yield from _spacing(passage)
        for match in FORBIDDEN.finditer(passage.text):
            yield Problem(
                "T104",
                passage.path,
                f"control character U+{ord(match.group()):04X} in the text: delete it",
                match=(match.start(), match.group()),
            )
    for passage in prose:
        for match in REPEATED.finditer(passage.text):
            if not match.group(1).isdigit():
                yield Problem(
                    "T103",
                    passage.path,
                    f"repeated word {match.group(0)!r}: delete one, or acknowledge it"
                    " if the published text has it",
                    match=(match.start(), match.group(0)),
                )
    yield from _apostrophes(prose)
    yield from _copies([p for p in prose if p.paragraph])


def _spacing(passage: Passage) -> Iterator[Problem]:
    text = passage.text
    if text != text.strip():
        yield Problem("T102", passage.path, "text starts or ends with white space: trim it")
    for match in re.finditer(r"\S( {2,})(?=\S)", text):
        yield Problem(
            "T102",
            passage.path,
            "two or more spaces in a row: use one",
            match=(match.start(1), match.group(1)),
        )


def _apostrophes(texts: list[Passage]) -> Iterator[Problem]:
    straight = [(p, m) for p in texts for m in STRAIGHT.finditer(p.text)]
    curly = [(p, m) for p in texts for m in CURLY.finditer(p.text)]
    if not straight or not curly:
        return
    minority, style, other = (
        (straight, "straight '", f"typographic ’ ({plural(len(curly), 'time')})")
        if len(straight) <= len(curly)
        else (curly, "typographic ’", f"straight ' ({plural(len(straight), 'time')})")
    )
    for passage, match in minority:
        yield Problem(
            "T106",
            passage.path,
            f"{style} apostrophe, where the rest of the report uses {other}: use one"
            " style, or acknowledge the published text",
            match=(match.start(), match.group()),
        )


def _copies(paragraphs: list[Passage]) -> Iterator[Problem]:
    first: dict[str, Passage] = {}
    for passage in paragraphs:
        seen = first.setdefault(passage.text, passage)
        if seen is not passage:
            yield Problem(
                "T105",
                passage.path,
                f"paragraph copied verbatim from {_where(seen)}: check that it belongs here",
                related=seen.path,
                related_label="the other is at",
            )
    yield from _near_copies(paragraphs)


def _where(passage: Passage) -> str:
    return f"action {passage.action}" if passage.action is not None else format_path(passage.path)


def _near_copies(paragraphs: list[Passage]) -> Iterator[Problem]:
    """Paragraphs of different actions that share most of their words."""
    reported: set[int] = set()
    for number, other, score in near_copies(
        [p.text for p in paragraphs], [p.action for p in paragraphs], min_words=8
    ):
        passage, candidate = paragraphs[number], paragraphs[other]
        if number in reported or candidate.text == passage.text:
            continue
        reported.add(number)
        yield Problem(
            "T108",
            passage.path,
            f"{round(score * 100)}% the same words as a paragraph of"
            f" {_where(candidate)}: check that it was not copied by mistake",
            related=candidate.path,
            related_label="the other is at",
        )


def report_problems(report: Report) -> list[Problem]:
    return [
        *document_errors(report),
        *numbering_gaps(report),
        *empty_sections(report),
        *unreported_plans(report),
        *text_problems(report),
    ]


# --- a file ---------------------------------------------------------------------------------


def finding(problem: Problem, name: str, tree: Any, lines: list[str]) -> Finding:
    where = position(problem, name, tree, lines)
    line, column = where.line or 1, where.column or 1
    return Finding(name, line, column, problem.code, describe(problem, name, tree))


class Parsed(NamedTuple):
    """A file's findings so far and, when it parsed to a mapping, its tree."""

    findings: list[Finding]
    tree: Any
    json: bool


def parsed(text: str, name: str, verdicts: bool = False) -> Parsed:
    """The checks every data file gets (tabs, control characters, YAML or JSON syntax, a
    mapping at the top), and its tree when it passes them. A verdicts file may be empty (it
    holds no verdicts yet): its tree is then an empty mapping."""
    lines = text.split("\n")
    findings = [
        Finding(name, n, m.start() + 1, "Y104", "tab character: use spaces")
        for n, line in enumerate(lines, 1)
        for m in re.finditer("\t", line)
    ]
    findings += [
        Finding(name, where.line or 1, where.column or 1, "T104", message.removeprefix("T104 "))
        for where, message in raw_characters(text, name)
    ]
    json = is_json(text, name)
    try:
        if json:
            check_json(text, name)
        tree = parse(text, name)
    except YamlError as error:
        refused = _from_error(error, error.code)
        same = any((f.line, f.column) == (refused.line, refused.column) for f in findings)
        return Parsed([*findings, *([] if same else [refused])], None, json)  # said once, as T104
    except DataError as error:
        code, _, message = error.message.partition(" ")
        error.message = message if code in RULES else error.message
        return Parsed(
            [*findings, _from_error(error, code if code in RULES else "Y101")], None, json
        )
    if verdicts and tree is None:
        return Parsed(findings, {}, json)
    if verdicts:
        from strategy_cli.store.verdicts import not_verdicts

        if (problem := not_verdicts(tree)) is not None:
            return Parsed([*findings, Finding(name, 1, 1, "S003", problem)], None, json)
    if (problem := not_a_mapping(tree)) is not None:
        return Parsed([*findings, Finding(name, 1, 1, "S003", problem)], None, json)
    return Parsed(findings, tree, json)


def check(text: str, name: str) -> tuple[list[Finding], bool]:
    """All findings of one file's text, before selection and acknowledgements, and whether
    every rule ran (the content rules need a file that parses and has the right shape)."""
    findings, complete, _ = _check(text, name)
    return findings, complete


def _check(text: str, name: str) -> tuple[list[Finding], bool, dict[int, tuple[str, int, int]]]:
    """`check`, and each action's title with its place when the report validated."""
    findings, tree, json = parsed(text, name)
    if tree is None:
        return findings, False, {}
    lines = text.split("\n")
    complete = True
    titles: dict[int, tuple[str, int, int]] = {}
    try:
        if json:
            report = validate(text, json=True, document_rules=False)
        else:
            report = validate(to_plain(tree), document_rules=False)
        problems = report_problems(report)
        for index, action in enumerate(report.actions):
            titles[action.number] = (action.title, *locate(tree, ("actions", index, "title")))
    except InvalidReport as invalid:
        problems, complete = invalid.found, False
    return [*findings, *(finding(p, name, tree, lines) for p in problems)], complete, titles


def _from_error(error: DataError, code: str, name: str = "?") -> Finding:
    position = error.position or Position(name)
    return Finding(position.path, position.line or 1, position.column or 1, code, error.message)


def acknowledgements(text: str) -> dict[int, tuple[int, list[str], str]]:
    """line -> (column of '#', codes, reason) for every `# strategy: ignore[...]` comment."""
    found = {}
    for number, line in enumerate(text.split("\n"), 1):
        if "strategy:" in line and (match := ACKNOWLEDGE.search(line)):
            codes = [c.strip().upper() for c in match["codes"].split(",") if c.strip()]
            reason = match["reason"].strip().lstrip("-–—:").strip()
            found[number] = (line.index("#", match.start()) + 1, codes, reason)
    return found


def apply_acknowledgements(
    findings: list[Finding], text: str, name: str, selected: set[str], complete: bool = True
) -> tuple[list[Finding], int]:
    """Drop acknowledged findings; flag acknowledgements without a reason, with unknown codes,
    or (when every rule ran, so that absence means something) acknowledging nothing."""
    acks = acknowledgements(text)
    used: set[tuple[int, str]] = set()
    kept = []
    for finding in findings:
        ack = acks.get(finding.line)
        if ack is not None and finding.code in ack[1] and not finding.code.startswith("A"):
            used.add((finding.line, finding.code))
        else:
            kept.append(finding)
    extra = []
    for line, (column, codes, reason) in acks.items():
        if not reason:
            extra.append(
                Finding(
                    name,
                    line,
                    column,
                    "A001",
                    "acknowledgement without a reason: say why the finding is"
                    " accepted, after the ]",
                )
            )
        for code in codes:
            if code not in RULES:
                extra.append(
                    Finding(
                        name, line, column, "A003", f"unknown code {code!r} in the acknowledgement"
                    )
                )
            elif (
                complete
                and code in selected
                and (line, code) not in used
                and not code.startswith("X")  # across files: judged when files meet
            ):
                extra.append(
                    Finding(
                        name,
                        line,
                        column,
                        "A002",
                        f"{code} is acknowledged here but not found on this line:"
                        " remove the acknowledgement",
                    )
                )
    return sorted(
        [*kept, *(f for f in extra if f.code in selected)], key=lambda f: (f.line, f.column, f.code)
    ), len(used)


def lint_file(path: str, selected: set[str]) -> FileResult:
    name = display_name(path)
    if path != "-" and os.path.isdir(path) and not is_verdicts_file(path):  # unlistable
        finding = Finding(name, 1, 1, "Y100", "cannot list the folder: permission denied")
        return FileResult(name, [finding] if "Y100" in selected else [])
    try:
        if is_verdicts_file(path):
            from strategy_cli.store.verdicts import require_regular

            require_regular(path, name)  # a folder, pipe or dangling link is never opened
        text = decode(read_bytes(path), name)
    except DataError as error:
        code = "Y105" if "UTF-8" in error.message else "Y100"
        findings = [_from_error(error, code)]
        return FileResult(name, [f for f in findings if f.code in selected])
    if is_verdicts_file(path):
        from strategy_cli.lint.verdicts import check_verdicts

        found, complete = check_verdicts(path, text, name)
        titles: dict[int, tuple[str, int, int]] = {}
    else:
        found, complete, titles = _check(text, name)
    findings = [f for f in found if f.code in selected]
    kept, acknowledged = apply_acknowledgements(findings, text, name, selected, complete)
    return FileResult(name, kept, acknowledged, titles, text)


def lint_paths(paths: Iterable[str], selected: set[str]) -> list[FileResult]:
    """Each file's findings, then the rules across the report files checked together."""
    results = [lint_file(path, selected) for path in paths]
    if "X101" in selected:
        _titles_across(results)
    return results


def _titles_across(results: list[FileResult]) -> None:
    """X101: an action keeps its title in every department's report, up to small variants
    (mostly the same words in order, or one title kept inside a longer one)."""
    from strategy_cli.analysis.similarity import CARRIED_OVER, similarity

    reports = [r for r in results if r.titles]
    if len(reports) < 2:
        return
    numbers = sorted({n for r in reports for n in r.titles})

    def alike(one: str, other: str) -> bool:
        return one == other or max(similarity(one, other), similarity(other, one)) >= CARRIED_OVER

    for number in numbers:
        holding = [r for r in reports if number in r.titles]
        titles = [r.titles[number][0] for r in holding]
        # The title most reports give (up to variants): the one with the most titles alike;
        # among equals, the first file's (so of two that differ, the second is flagged).
        support = [sum(alike(t, other) for other in titles) for t in titles]
        common = titles[support.index(max(support))]
        count = max(support)
        for result in holding:
            title, line, column = result.titles[number]
            if alike(title, common):
                continue
            others = len(holding) - 1
            found = Finding(
                result.path,
                line,
                column,
                "X101",
                f"Action {number}'s title differs from {count} of the other {others}"
                f" reports': “{common}”: check the number, or the title",
            )
            acknowledged = acknowledgements(result.text).get(line)
            if acknowledged is not None and "X101" in acknowledged[1]:
                result.acknowledged += 1
                continue
            result.findings.append(found)
            result.findings.sort(key=lambda f: (f.line, f.column, f.code))
