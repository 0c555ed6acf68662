"""The scorecard: every plan item with its evidence, computed signal, recorded verdict and
where it was carried over to, and the chains of items a report carries from plan to plan.

A chain link joins an item to the item that says it again (mostly the same words, in order, or
its words kept inside a longer one) in the same action's next plan that has one; a commitment
that comes back two plans later is linked too.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, NamedTuple

from strategy_cli.analysis.evidence import SIGNALS, Assessment, Evidence, Signal
from strategy_cli.analysis.items import (
    ItemId,
    Unit,
    copies_across_actions,
    find_item,
    plan_items,
    progress_units,
)
from strategy_cli.analysis.query import YearStats, check_year, due_year, get_action
from strategy_cli.errors import UsageError, check_choice
from strategy_cli.model.report import Report
from strategy_cli.model.verdicts import STATUSES, Status, Verdict, Verdicts


class Row(NamedTuple):
    item: Unit
    assessment: Assessment
    verdicts: list[Verdict]
    """Recorded verdicts, latest last; the last is the current one."""
    carried_to: list[ItemId]
    carried_from: list[ItemId]
    repeats: list[ItemId]
    """Plan items of other actions with the same words."""

    @property
    def signal(self) -> Signal:
        return self.assessment.signal

    @property
    def verdict(self) -> Verdict | None:
        return self.verdicts[-1] if self.verdicts else None

    @property
    def status(self) -> Status | None:
        return self.verdicts[-1].status if self.verdicts else None


class Tally(NamedTuple):
    year: int
    items: int
    signals: dict[Signal, int]
    statuses: dict[Status, int]
    carried: int


class Scorecard(NamedTuple):
    rows: list[Row]
    tallies: list[Tally]
    dated: int | None
    chain: ItemId | None = None


def links(report: Report, items: list[Unit]) -> dict[ItemId, list[ItemId]]:
    """Each item's successor(s): the best match in the action's next later plan that holds one."""
    from strategy_cli.analysis.similarity import CARRIED_OVER, similarity

    by_section: dict[tuple[int, int], list[Unit]] = {}
    planned: dict[int, set[int]] = {}
    for item in items:
        by_section.setdefault((item.action, item.year), []).append(item)
        planned.setdefault(item.action, set()).add(item.year)
    out: dict[ItemId, list[ItemId]] = {}
    for item in items:
        for year in sorted(y for y in planned[item.action] if y > item.year):
            scored = [
                (similarity(item.text, u.text), u.id) for u in by_section[(item.action, year)]
            ]
            score, where = max(scored, key=lambda s: s[0])
            if score >= CARRIED_OVER:
                out.setdefault(item.id, []).append(where)
                break
    return out


def repeats(items: list[Unit]) -> dict[ItemId, list[ItemId]]:
    """Items whose words another action's plan item repeats (mostly the same, in order)."""
    return copies_across_actions(items)


class DepartmentYears(NamedTuple):
    """One department's row of `stats --by department`."""

    department: str
    name: str
    years: list[YearStats]


class Analysis(NamedTuple):
    """What the scorecard derives from the report alone (verdicts aside): cached per report."""

    assessments: list[Assessment]
    links: dict[ItemId, list[ItemId]]
    repeats: dict[ItemId, list[ItemId]]


def analyse(report: Report) -> Analysis:
    from strategy_cli.analysis.evidence import Matcher

    assessed = Matcher(report).assess_all()
    items = [a.item for a in assessed]
    return Analysis(assessed, links(report, items), repeats(items))


def encode(analysis: Analysis) -> dict[str, Any]:
    """Plain JSON: ids, scores and tying words; every text stays in the report."""

    def evidence(found: list[Evidence]) -> list[list[Any]]:
        return [[str(e.unit.id), e.score, list(e.words)] for e in found]

    return {
        "items": [
            [str(a.item.id), a.signal, evidence(a.evidence), evidence(a.mentions)]
            for a in analysis.assessments
        ],
        "links": {str(k): [str(v) for v in vs] for k, vs in analysis.links.items()},
        "repeats": {str(k): [str(v) for v in vs] for k, vs in analysis.repeats.items()},
    }


def decode(report: Report, plain: Any) -> Analysis | None:
    """The analysis from `encode`'s JSON, or None where it does not fit this report exactly
    (every id must be one of its items or progress units; the signal one of the four)."""
    items = {str(u.id): u for u in plan_items(report)}
    units = {
        str(u.id): u
        for y in sorted({u.year for u in items.values()})
        for u in progress_units(report, y)
    }
    if [row[0] for row in plain["items"]] != list(items):
        return None

    def evidence(found: Any) -> list[Evidence]:
        return [
            Evidence(units[i], float(score), tuple(str(w) for w in words))
            for i, score, words in found
        ]

    assessed = []
    for where, signal, chosen, mentioned in plain["items"]:
        if signal not in SIGNALS:
            return None
        assessed.append(Assessment(items[where], signal, evidence(chosen), evidence(mentioned)))

    def ids(mapping: Any) -> dict[ItemId, list[ItemId]]:
        return {items[k].id: [items[v].id for v in vs] for k, vs in mapping.items()}

    return Analysis(assessed, ids(plain["links"]), ids(plain["repeats"]))


def scorecard(
    report: Report, verdicts: Verdicts | None = None, analysis: Analysis | None = None
) -> Scorecard:
    """Every plan item of the report, in the report's order."""
    assessed, forward, same = analysis if analysis is not None else analyse(report)
    backward: dict[ItemId, list[ItemId]] = {}
    for source, targets in forward.items():
        for target in targets:
            backward.setdefault(target, []).append(source)
    recorded = by_item(verdicts, report)[0] if verdicts is not None else {}
    rows = [
        Row(
            a.item,
            a,
            recorded.get(a.item.id.unnamed, []),
            forward.get(a.item.id, []),
            backward.get(a.item.id, []),
            same.get(a.item.id, []),
        )
        for a in assessed
    ]
    return Scorecard(rows, tally(rows), due_year(report))


def tally(rows: list[Row]) -> list[Tally]:
    out = []
    for year in sorted({r.item.year for r in rows}):
        chosen = [r for r in rows if r.item.year == year]
        signals = Counter(r.signal for r in chosen)
        statuses = Counter(r.status for r in chosen if r.status is not None)
        out.append(
            Tally(
                year,
                len(chosen),
                {s: signals[s] for s in SIGNALS},
                {s: statuses[s] for s in STATUSES},
                sum(1 for r in chosen if r.carried_to),
            )
        )
    return out


def select(
    report: Report,
    card: Scorecard,
    year: int | None = None,
    action: int | None = None,
    signals: list[str] | None = None,
    statuses: list[str] | None = None,
    carried_over: bool = False,
    chain: str | None = None,
) -> Scorecard:
    """The rows a user asked for; the tallies count what is shown."""
    check_choice(signals or [], SIGNALS, "--signal")
    check_choice(statuses or [], (*STATUSES, "none"), "--status")
    if year is not None:
        check_year(report, year)
    if action is not None:
        get_action(report, action)
    rows = card.rows
    wanted: ItemId | None = None
    if chain is not None:
        wanted = find_item(report, chain).id
        if card.rows and card.rows[0].item.id.department is not None:
            wanted = wanted._replace(department=card.rows[0].item.id.department)
        members = chain_of(card, wanted)
        rows = [r for r in rows if r.item.id in members]
    if year is not None:
        rows = [r for r in rows if r.item.year == year]
    if action is not None:
        rows = [r for r in rows if r.item.action == action]
    if signals:
        rows = [r for r in rows if r.signal in signals]
    if statuses:
        rows = [r for r in rows if (r.status or "none") in statuses]
    if carried_over:
        rows = [r for r in rows if r.carried_to]
    return Scorecard(rows, tally(rows), card.dated, wanted)


def chain_of(card: Scorecard, start: ItemId) -> set[ItemId]:
    """Every item linked to `start` by carried-over links, either way."""
    by_id = {r.item.id: r for r in card.rows}
    seen = {start}
    todo = [start]
    while todo:
        row = by_id.get(todo.pop())
        if row is None:
            continue
        for other in [*row.carried_to, *row.carried_from]:
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def by_item(verdicts: Verdicts, report: Report) -> tuple[dict[ItemId, list[Verdict]], list[str]]:
    """Each plan item's verdicts, latest last (by date; by place in the file among the same
    date), and the ids that name no item of this report: one rule for every reader and lint.
    An id may name the report's department (`CO:4/2014/5`, by any of its names)."""
    from strategy_cli.model.departments import answers_to

    items = {u.id for u in plan_items(report)}
    found: dict[ItemId, list[Verdict]] = {}
    unknown: list[str] = []
    for verdict in verdicts.verdicts:
        try:
            where = ItemId.parse(verdict.item)
        except UsageError:
            unknown.append(verdict.item)
            continue
        named = where.department
        if (named is not None and not answers_to(report.department, report.aliases, named)) or (
            where.unnamed not in items
        ):
            unknown.append(verdict.item)
            continue
        found.setdefault(where.unnamed, []).append(verdict)
    return {k: sorted(v, key=lambda verdict: verdict.date) for k, v in found.items()}, unknown


def unknown_verdicts(report: Report, verdicts: Verdicts) -> list[str]:
    """Ids of recorded verdicts that name no plan item of the report."""
    return by_item(verdicts, report)[1]


def with_items(rows: list[YearStats], card: Scorecard) -> list[YearStats]:
    """`stats` rows with each year's plan items tallied by signal, and verdicts recorded."""
    tallies = {t.year: t for t in card.tallies}
    out = []
    for row in rows:
        found = tallies.get(row.year)
        if found is None:
            out.append(row)
            continue
        out.append(
            row._replace(
                items=found.items,
                addressed=found.signals["addressed"],
                mentioned=found.signals["mentioned"],
                no_trace=found.signals["no_trace"],
                not_due=found.signals["not_due"],
                verdicts=sum(found.statuses.values()),
            )
        )
    return out


def of_department(card: Scorecard, department: str) -> Scorecard:
    """The scorecard with every id naming the department (`DWP:4/2014/5`): for a data set of
    several departments, where `4/2014/5` alone would be ambiguous."""

    def named(where: ItemId) -> ItemId:
        return where._replace(department=department)

    def unit(found: Unit) -> Unit:
        return found._replace(id=named(found.id))

    def evidence(found: list[Evidence]) -> list[Evidence]:
        return [e._replace(unit=unit(e.unit)) for e in found]

    rows = [
        row._replace(
            item=unit(row.item),
            assessment=row.assessment._replace(
                item=unit(row.assessment.item),
                evidence=evidence(row.assessment.evidence),
                mentions=evidence(row.assessment.mentions),
            ),
            carried_to=[named(i) for i in row.carried_to],
            carried_from=[named(i) for i in row.carried_from],
            repeats=[named(i) for i in row.repeats],
        )
        for row in card.rows
    ]
    chain = named(card.chain) if card.chain is not None else None
    return card._replace(rows=rows, chain=chain)
