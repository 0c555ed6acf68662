"""The questions people ask of a report, answered as plain results that any format can render.

Results are NamedTuples rather than dataclasses: they are created at import time of every
query, and a NamedTuple class costs a tenth of a frozen dataclass to define.

A section is "about" a year: progress during Y and the plan for Y are both about Y, and the
original commitments are the plan for the year after they were made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from strategy_cli.analysis.similarity import CARRIED_OVER, similarity, words
from strategy_cli.errors import UsageError
from strategy_cli.model.headings import heading, section_order
from strategy_cli.model.report import Action, Paragraph, Report

if TYPE_CHECKING:
    from strategy_cli.analysis.items import ItemId
    from strategy_cli.analysis.scorecard import Row

Kind = Literal["title", "note", "commitment", "progress", "plan"]
KINDS: tuple[Kind, ...] = ("title", "note", "commitment", "progress", "plan")


class Section(NamedTuple):
    """One headed part of an action's story."""

    action: int
    kind: Kind
    year: int | None
    heading: str
    paragraphs: tuple[Paragraph, ...]


def section_units(section: Section) -> list[tuple[int, int | None, str]]:
    """(paragraph, bullet, text) for a paragraph's own text and each of its bullets."""
    return [
        (p, k, text)
        for p, paragraph in enumerate(section.paragraphs, 1)
        for k, text in [(None, paragraph.text), *enumerate(paragraph.items, 1)]
    ]


def commitment_section(report: Report, action: Action) -> Section | None:
    if action.commitment is None:
        return None
    year = report.commitment_year + 1 if report.commitment_year is not None else None
    return Section(
        action.number,
        "commitment",
        year,
        heading("commitment", None, report),
        tuple(action.commitment),
    )


def timeline(report: Report, action: Action) -> list[Section]:
    """The action's sections in time order, as the page tells them."""
    out: list[Section] = []
    if action.notes:
        out.append(Section(action.number, "note", None, "Note", tuple(action.notes)))
    if (commitment := commitment_section(report, action)) is not None:
        out.append(commitment)
    for kind, year in section_order(action.progress, action.plans):
        paragraphs = action.progress[year] if kind == "progress" else action.plans[year]
        out.append(
            Section(
                action.number,
                "progress" if kind == "progress" else "plan",
                year,
                heading(kind, year, report),
                tuple(paragraphs),
            )
        )
    return out


def plan_for(report: Report, action: Action, year: int) -> Section | None:
    """The plan made for `year`: the plans section, or the original commitments for the year
    after they were made. A heading published with no text under it is no plan."""
    if year in action.plans:
        found: Section | None = Section(
            action.number, "plan", year, heading("plans", year, report), tuple(action.plans[year])
        )
    else:
        commitment = commitment_section(report, action)
        found = commitment if commitment is not None and commitment.year == year else None
    return found if found is not None and found.paragraphs else None


def progress_in(report: Report, action: Action, year: int) -> Section | None:
    """Progress reported for `year`; a heading published with no text under it is no report."""
    if not action.progress.get(year):
        return None
    return Section(
        action.number,
        "progress",
        year,
        heading("progress", year, report),
        tuple(action.progress[year]),
    )


# --- years and numbers a user may ask for -------------------------------------------------


def years(report: Report) -> list[int]:
    """Every year the report says something about."""
    found: set[int] = set()
    if report.commitment_year is not None and any(a.commitment is not None for a in report.actions):
        found.add(report.commitment_year + 1)
    for action in report.actions:
        found.update(action.progress, action.plans)
    return sorted(found)


def planning_years(report: Report) -> list[int]:
    """Years whose report made plans (for the year after): the first argument of `diff`."""
    found = {year - 1 for action in report.actions for year in action.plans}
    if report.commitment_year is not None and any(a.commitment is not None for a in report.actions):
        found.add(report.commitment_year)
    return sorted(found)


def spans(numbers: Iterable[int]) -> str:
    """`1-3, 5, 7-9`: a list of numbers as people write it."""
    ordered = sorted(set(numbers))
    parts: list[str] = []
    start = prev = None
    for n in [*ordered, None]:
        if start is not None and prev is not None and (n is None or n != prev + 1):
            parts.append(str(start) if start == prev else f"{start}-{prev}")
            start = None
        if n is not None and start is None:
            start = n
        prev = n
    return ", ".join(parts)


def get_action(report: Report, number: int) -> Action:
    action = report.action(number)
    if action is None:
        numbers = [a.number for a in report.actions]
        nearest = min(numbers, key=lambda n: (abs(n - number), n))
        raise UsageError(
            f"no action {number} in this report; it has"
            f" action{'s' if len(numbers) != 1 else ''} {spans(numbers)}",
            hint=f"did you mean action {nearest}?",
        )
    return action


def check_year(report: Report, year: int) -> int:
    known = years(report)
    if year not in known:
        nearest = min(known, key=lambda y: (abs(y - year), y)) if known else None
        raise UsageError(
            f"the report says nothing about {year}; its years are {spans(known)}",
            hint=f"did you mean {nearest}?" if nearest is not None else None,
        )
    return year


# --- list ------------------------------------------------------------------------------------


class YearMark(NamedTuple):
    planned: bool
    reported: bool


class ListRow(NamedTuple):
    number: int
    title: str
    years: dict[int, YearMark]


class ListResult(NamedTuple):
    years: list[int]
    rows: list[ListRow]


def list_actions(report: Report, year: int | None = None, text: str | None = None) -> ListResult:
    all_years = years(report)
    if year is not None:
        check_year(report, year)
    rows = []
    for action in report.actions:
        marks = {
            y: YearMark(plan_for(report, action, y) is not None, bool(action.progress.get(y)))
            for y in all_years
        }
        if year is not None and not (marks[year].planned or marks[year].reported):
            continue
        if text is not None:
            needle = text.casefold()
            haystack = [
                action.title,
                *(text for s in timeline(report, action) for _, _, text in section_units(s)),
            ]
            if not any(needle in t.casefold() for t in haystack):
                continue
        rows.append(ListRow(action.number, action.title, marks))
    return ListResult(all_years, rows)


# --- show ------------------------------------------------------------------------------------


class ShowResult(NamedTuple):
    number: int
    title: str
    sections: list[Section]
    items: Mapping[ItemId, Row] = MappingProxyType({})
    """The scorecard row of each plan item shown: its signal, verdict and links."""


def show_action(report: Report, number: int, year: int | None = None) -> ShowResult:
    action = get_action(report, number)
    sections = timeline(report, action)
    if year is not None:
        check_year(report, year)
        sections = [s for s in sections if s.year == year]
    return ShowResult(action.number, action.title, sections)


# --- diff ------------------------------------------------------------------------------------

Status = Literal["planned_and_reported", "planned_only", "progress_only", "neither", "not_due"]
STATUSES: tuple[Status, ...] = (
    "planned_and_reported",
    "planned_only",
    "progress_only",
    "neither",
    "not_due",
)


def due_year(report: Report) -> int | None:
    """The year the report was dated in; a report without a date counts as dated in the last
    year it reports progress for. A plan for that year or later was not yet due."""
    if report.updated is not None:
        return report.updated.year
    found = [year for action in report.actions for year, text in action.progress.items() if text]
    return max(found) if found else None


def is_due(report: Report, year: int) -> bool:
    dated = due_year(report)
    return dated is None or year < dated


class Carried(NamedTuple):
    """A plan item (a paragraph's own text, or one bullet) that comes back in the next year's
    plan: mostly the same words, in order."""

    text: str
    again: str
    likeness: float
    paragraph: int = 0
    """Where the item is in the plan: 1-based paragraph, and bullet (None: the paragraph)."""
    item: int | None = None
    next_paragraph: int = 0
    """Where it comes back in the next plan."""
    next_item: int | None = None


class DiffRow(NamedTuple):
    number: int
    title: str
    status: Status
    plan: Section | None
    progress: Section | None
    next_plan: Section | None
    carried: list[Carried]


class DiffResult(NamedTuple):
    planned_in: int
    year: int
    rows: list[DiffRow]

    def number_with(self, status: Status) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def carried_over(self) -> int:
        """Actions with at least one plan item carried over."""
        return sum(1 for row in self.rows if row.carried)

    @property
    def carried_items(self) -> int:
        return sum(len(row.carried) for row in self.rows)

    dated: int | None = None
    """The year the report was dated in (plans for it or later were not yet due)."""
    items: tuple[Row, ...] = ()
    """The scorecard row of each plan item for the year, in the actions shown."""

    @property
    def unanswered(self) -> int:
        """Plan items due whose year's progress holds no evidence for them."""
        return sum(1 for r in self.items if r.signal in ("mentioned", "no_trace"))


def carried_over(plan: Section | None, next_plan: Section | None) -> list[Carried]:
    """Each plan item that comes back in the next plan, with where: the same words, mostly and
    in order (likeness), or the item's words kept in order inside a longer item (a plan
    carried over and added to)."""
    if plan is None or next_plan is None:
        return []
    later = section_units(next_plan)
    found = []
    for p, k, text in section_units(plan):
        scored = [(similarity(text, again), q, j, again) for q, j, again in later]
        best = max(scored, key=lambda s: s[0], default=None)
        if best is not None and best[0] >= CARRIED_OVER:
            score, q, j, again = best
            found.append(Carried(text, again, round(score, 2), p, k, q, j))
    return found


def check_diff_years(report: Report, planned_in: int, year: int) -> None:
    made = planning_years(report)
    listing = ", ".join(
        f"{y} (the {report.commitments_made} commitments)"
        if y == report.commitment_year
        else str(y)
        for y in made
    )
    if year != planned_in + 1:
        raise UsageError(
            f"cannot compare {planned_in} with {year}: a report plans for the following year,"
            f" so try `strategy diff {planned_in} {planned_in + 1}`",
            hint=f"years whose plans this data holds: {listing}",
        )
    if planned_in not in made:
        raise UsageError(
            f"no plans made in {planned_in} for {year} in this report",
            hint=f"years whose plans this data holds: {listing}",
        )


def diff_years(report: Report, planned_in: int, year: int, action: int | None = None) -> DiffResult:
    check_diff_years(report, planned_in, year)
    chosen = [get_action(report, action)] if action is not None else report.actions
    due = is_due(report, year)
    rows = []
    for item in chosen:
        plan = plan_for(report, item, year)
        progress = progress_in(report, item, year)
        next_plan = plan_for(report, item, year + 1)
        status: Status = (
            "not_due"
            if plan and not due
            else "planned_and_reported"
            if plan and progress
            else "planned_only"
            if plan
            else "progress_only"
            if progress
            else "neither"
        )
        rows.append(
            DiffRow(
                item.number,
                item.title,
                status,
                plan,
                progress,
                next_plan,
                carried_over(plan, next_plan),
            )
        )
    return DiffResult(planned_in, year, rows, due_year(report))


# --- search ----------------------------------------------------------------------------------


class Hit(NamedTuple):
    action: int
    kind: Kind
    year: int | None
    heading: str
    text: str
    matches: list[tuple[int, int]]
    paragraph: int | None = None
    """1-based position of the paragraph in its section (None for a title)."""
    item: int | None = None
    """1-based position of the bullet in its paragraph (None for the paragraph itself)."""


class SearchResult(NamedTuple):
    pattern: str
    hits: list[Hit]


REGEX_SECONDS = 1.0
"""How long a regular expression may run over the whole report before it is stopped."""


class Pattern:
    """What to search for. Literal text is matched by `re` (linear, nothing to bound); a
    regular expression by the `regex` module, whose matching takes a timeout, so that a
    pattern such as `(a+)+$` is stopped with a message instead of running for ever."""

    def __init__(self, text: str, regex: bool, seconds: float = REGEX_SECONDS):
        if not text:
            raise UsageError("the search text is empty: give a word or phrase to look for")
        self.text, self.seconds = text, seconds
        self._deadline: float | None = None
        if not regex:
            self._compiled: Any = re.compile(re.escape(text), re.IGNORECASE)
            self._timed = False
            return
        import regex as module

        try:
            self._compiled = module.compile(text, module.IGNORECASE)
        except module.error as error:
            raise UsageError(
                f"not a valid regular expression: {error}",
                hint="drop --regex to search for the text literally",
            ) from None
        self._timed = True

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the pattern matches `text` (empty matches left out)."""
        if not self._timed:
            return [m.span() for m in self._compiled.finditer(text) if m.end() > m.start()]
        import time

        now = time.monotonic()
        if self._deadline is None:
            self._deadline = now + self.seconds
        try:
            if now >= self._deadline:
                raise TimeoutError
            return [
                m.span()
                for m in self._compiled.finditer(text, timeout=self._deadline - now)
                if m.end() > m.start()
            ]
        except TimeoutError:
            raise UsageError(
                f"the regular expression ran for over {self.seconds:g} s and was stopped",
                hint="simplify it: nested repeats such as (a+)+ make a pattern try every way"
                " of matching",
            ) from None


def compile_pattern(text: str, regex: bool, seconds: float = REGEX_SECONDS) -> Pattern:
    return Pattern(text, regex, seconds)


def search(
    report: Report,
    pattern: Pattern,
    action: int | None = None,
    year: int | None = None,
    kinds: Iterable[Kind] | None = None,
) -> list[Hit]:
    if action is not None:
        get_action(report, action)
    if year is not None:
        check_year(report, year)
    wanted = set(kinds) if kinds else set(KINDS)
    hits = []
    for item in report.actions:
        if action is not None and item.number != action:
            continue
        title = Section(item.number, "title", None, f"Action {item.number}", ())
        candidates: list[tuple[Section, str, int | None, int | None]] = [
            (title, item.title, None, None)
        ]
        candidates += [
            (section, text, p, k)
            for section in timeline(report, item)
            for p, k, text in section_units(section)
        ]
        for section, text, paragraph_number, bullet in candidates:
            if section.kind not in wanted or (year is not None and section.year != year):
                continue
            found = pattern.spans(text)
            if found:
                hits.append(
                    Hit(
                        item.number,
                        section.kind,
                        section.year,
                        section.heading,
                        text,
                        found,
                        paragraph_number,
                        bullet,
                    )
                )
    return hits


# --- stats -----------------------------------------------------------------------------------


class YearStats(NamedTuple):
    year: int
    reported: int
    planned: int
    planned_and_reported: int
    carried_over: int
    progress_words: int
    plan_words: int
    items: int = 0
    """Plan items for the year, and their computed signals and recorded verdicts."""
    addressed: int = 0
    mentioned: int = 0
    no_trace: int = 0
    not_due: int = 0
    verdicts: int = 0


def _word_count(section: Section | None) -> int:
    return sum(len(words(text)) for _, _, text in section_units(section)) if section else 0


def stats(report: Report) -> list[YearStats]:
    out = []
    for year in years(report):
        reported = planned = both = carried = progress_words = plan_words = 0
        for action in report.actions:
            plan = plan_for(report, action, year)
            progress = progress_in(report, action, year)
            reported += progress is not None
            planned += plan is not None
            both += plan is not None and progress is not None
            carried += bool(carried_over(plan, plan_for(report, action, year + 1)))
            progress_words += _word_count(progress)
            plan_words += _word_count(plan)
        out.append(YearStats(year, reported, planned, both, carried, progress_words, plan_words))
    return out
