"""Which progress reports on which plan: evidence, ranked and explained, and a signal per item.

The matcher is lexical and deterministic; `benchmarks/reference/` holds the hand-judged key it
is measured against. Plans and progress become sets of terms in the report's own language
(`language.Vocabulary`: word stems, and acronyms joined to their expansions), weighted by how
rare each term is in the report (inverse document frequency over its paragraphs and bullets).
A progress unit scores as its best pair of a plan sentence and a progress sentence: the cosine
of their weighted terms. Whole paragraphs dilute the one sentence that answers a plan, and a
plan that bundles several things is answered by progress on any one of them.

Then what a reader of such a report knows:
- Progress is filed under the action it answers. A unit of the plan's own action is evidence
  when it scores at the lower bar, or when this is the item of that action and year it fits
  best. A unit of another action must score at the higher bar and share a distinctive term
  (one that at most a tenth of the report's paragraphs use).
- What the plan's own progress names the thing ("started to build ... the Cabinet Office
  Digital and Technology Team (CODATT)") is its name from then on: progress anywhere that uses
  the name is evidence at the lower bar.
- A plan to carry on with work ("will continue to ...", "will remain committed to ...") is
  answered by all its own action's progress that year that shares a term with it.
- A bullet is read with the sentence that introduces it.
- A paragraph the report repeats under another action is judged the same in both places.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Literal, NamedTuple

from strategy_cli.analysis.items import (
    ItemId,
    Unit,
    copies_across_actions,
    plan_items,
    progress_units,
)
from strategy_cli.analysis.query import is_due
from strategy_cli.model.report import Report

# The matcher's own modules (the stemmer and its regular expressions) are imported when a
# Matcher is built: a scorecard read back from the cache needs only the result types above.

Signal = Literal["addressed", "mentioned", "no_trace", "not_due"]
SIGNALS: tuple[Signal, ...] = ("addressed", "mentioned", "no_trace", "not_due")
"""addressed: some progress reports on the item (its evidence). mentioned: none does, but
progress of that year shares a distinctive term with it. no_trace: nothing in that year's
progress touches it. not_due: the report was dated before the year ended."""

OWN_ACTION = 0.12
"""Least score for a unit to be evidence on its own strength."""
OTHER_ACTION = 0.25
"""Least score for a unit of another action (which must also share a distinctive term)."""
OWN_FLOOR = 0.01
"""Least score for a unit of the item's own action that fits this item best of the action's."""
DISTINCTIVE = 0.1
"""A term is distinctive when at most this share of the report's paragraphs and bullets use it."""

ONGOING = re.compile(r"\bcontinue(?:s|d)? to\b|\bremains? committed\b|\bongoing\b", re.IGNORECASE)
"""A plan to carry on with work ("will continue to work on further ways to ...", "will remain
committed to ...") is reported on by the action's progress that year doing that work: every
unit of its own action that shares a term with it (at the floor), not only the ones it fits
best, as the reference key's rule 2 reads a generic plan."""


def continues(text: str) -> bool:
    return ONGOING.search(text) is not None


COMMON = 0.25
"""A term more than this share of the paragraphs use ("digital", "Cabinet Office") still
counts, but is not shown as a word that ties a plan to its evidence."""


class Evidence(NamedTuple):
    unit: Unit
    score: float
    words: tuple[str, ...]
    """The unit's words that tie it to the plan, as the unit writes them, strongest first."""


class Assessment(NamedTuple):
    item: Unit
    signal: Signal
    evidence: list[Evidence]
    """Progress that reports on the item, best first."""
    mentions: list[Evidence]
    """For an item without evidence: progress that shares a distinctive term with it."""


class _Terms(NamedTuple):
    weights: dict[str, float]
    words: dict[str, str]
    norm: float


class _Match(NamedTuple):
    score: float
    words: tuple[str, ...]
    distinctive: bool


_NONE = _Match(0.0, (), False)


class Matcher:
    """The report's vocabulary, term weights and progress, built once per report."""

    def __init__(self, report: Report):
        from strategy_cli.analysis.language import Vocabulary, acronyms

        self.report = report
        self.plans = plan_items(report)
        self.progress = {y: progress_units(report, y) for y in sorted({u.year for u in self.plans})}
        every = [*self.plans, *(u for units in self.progress.values() for u in units)]
        self.vocabulary = Vocabulary(acronyms(u.text for u in every))
        self._seen: dict[str, dict[str, str]] = {}
        self._matched: dict[tuple[int, str, str | None], _Match] = {}
        self._plans: dict[tuple[str, str | None, frozenset[str]], list[_Terms]] = {}
        counts: Counter[str] = Counter()
        for unit in every:
            counts.update(self._words(unit.text).keys())
        self.documents = max(len(every), 1)
        self.idf = {t: math.log((self.documents + 1) / (n + 0.5)) for t, n in counts.items()}
        self.rare = {t for t, n in counts.items() if n <= max(2, DISTINCTIVE * self.documents)}
        self.common = {t for t, n in counts.items() if n > COMMON * self.documents}
        self._pieces = {
            u.id: self._unit_pieces(u) for units in self.progress.values() for u in units
        }
        self._units = {u.id: u for units in self.progress.values() for u in units}
        self._order = {u.id: n for n, u in enumerate(self._units.values())}
        self._by_action: dict[tuple[int, int], list[Unit]] = {}
        for unit in self._units.values():
            self._by_action.setdefault((unit.year, unit.action), []).append(unit)
        self._index: dict[int, dict[str, list[Unit]]] = {}
        for year, units in self.progress.items():
            index = self._index[year] = {}
            for unit in units:
                for term in {t for piece in self._pieces[unit.id] for t in piece.weights}:
                    index.setdefault(term, []).append(unit)

    def _words(self, text: str) -> dict[str, str]:
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = self.vocabulary.terms(text)
        return found

    def _terms(self, text: str, extra: frozenset[str] = frozenset()) -> _Terms:
        words = dict(self._words(text))
        for term in extra - words.keys():
            words[term] = self.vocabulary.acronyms[term[1:]].short
        weights = {t: self.idf.get(t, math.log(self.documents + 1)) for t in words}
        return _Terms(weights, words, math.sqrt(sum(w * w for w in weights.values())) or 1.0)

    def _unit_pieces(self, unit: Unit) -> list[_Terms]:
        """The unit's sentences; a bullet is one piece with the sentence that introduces it."""
        from strategy_cli.analysis.language import sentences

        if unit.intro is not None:
            return [self._terms(f"{sentences(unit.intro)[-1]} {unit.text}")]
        return [self._terms(piece) for piece in sentences(unit.text)]

    def _plan_pieces(self, item: Unit, extra: frozenset[str] = frozenset()) -> list[_Terms]:
        """Each sentence of the plan, and the whole plan when it has several; one list per
        distinct plan text (its identity keys the scores)."""
        from strategy_cli.analysis.language import sentences

        key = (item.text, item.intro, extra)
        found = self._plans.get(key)
        if found is None:
            text = item.text if item.intro is None else f"{item.intro} {item.text}"
            pieces = [self._terms(s, extra) for s in sentences(text)]
            found = self._plans[key] = (
                [*pieces, self._terms(text, extra)] if len(pieces) > 1 else pieces
            )
        return found

    def _match(self, plan: list[_Terms], unit: Unit) -> _Match:
        """A report that repeats its paragraphs is scored once per distinct pair of texts."""
        key = (id(plan), unit.text, unit.intro)
        found = self._matched.get(key)
        if found is None:
            found = self._matched[key] = self._score(plan, unit)
        return found

    def _score(self, plan: list[_Terms], unit: Unit) -> _Match:
        best = _NONE
        for terms in self._pieces[unit.id]:
            for wanted in plan:
                shared = wanted.weights.keys() & terms.weights.keys()
                if not shared:
                    continue
                dot = sum(wanted.weights[t] * terms.weights[t] for t in shared)
                score = dot / (wanted.norm * terms.norm)
                if score > best.score:
                    ordered = sorted(shared, key=lambda t: (-terms.weights[t], t))
                    shown = [t for t in ordered if t not in self.common] or ordered
                    best = _Match(
                        score, tuple(terms.words[t] for t in shown), bool(shared & self.rare)
                    )
        return best

    def _candidates(self, item: Unit, plan: list[_Terms]) -> list[Unit]:
        """Units worth scoring: the action's own, and any sharing a distinctive term."""
        index = self._index.get(item.year, {})
        wanted = {t for piece in plan for t in piece.weights if t in self.rare}
        found = {u.id: u for u in self._by_action.get((item.year, item.action), [])}
        for term in wanted:
            found.update((u.id, u) for u in index.get(term, []))
        return sorted(found.values(), key=lambda u: self._order[u.id])

    def _named(self, unit: Unit) -> frozenset[str]:
        """Acronyms a unit defines ("... Technology Team (CODATT)")."""
        from strategy_cli.analysis.language import acronyms

        return frozenset("=" + k for k in acronyms([unit.text]) if "=" + k in self.idf)

    def assess_all(self) -> list[Assessment]:
        due = [item for item in self.plans if is_due(self.report, item.year)]
        plans = {item.id: self._plan_pieces(item) for item in due}
        matches: dict[ItemId, dict[ItemId, _Match]] = {}
        names: dict[ItemId, frozenset[str]] = {}
        for item in due:
            found = matches[item.id] = {
                u.id: self._match(plans[item.id], u) for u in self._candidates(item, plans[item.id])
            }
            named = frozenset().union(
                *(
                    self._named(self._units[where])
                    for where, match in found.items()
                    if where.action == item.action
                    and where.bullet is None
                    and match.score >= OWN_ACTION
                )
            ) - {t for piece in plans[item.id] for t in piece.weights}
            names[item.id] = named
            if named:
                wider = self._plan_pieces(item, named)
                for unit in self._candidates(item, wider):
                    again = self._match(wider, unit)
                    if again.score > found.get(unit.id, _NONE).score:
                        found[unit.id] = again
        best_fit: dict[ItemId, float] = {}
        for item in due:
            for where, match in matches[item.id].items():
                if where.action == item.action:
                    best_fit[where] = max(best_fit.get(where, 0.0), match.score)
        twins = {year: self._twins(units) for year, units in self.progress.items()}
        out = []
        for item in self.plans:
            if item.id not in matches:
                out.append(Assessment(item, "not_due", [], []))
                continue
            out.append(
                self._judge(item, matches[item.id], names[item.id], best_fit, twins[item.year])
            )
        return out

    def _judge(
        self,
        item: Unit,
        found: dict[ItemId, _Match],
        named: frozenset[str],
        best_fit: dict[ItemId, float],
        twins: dict[ItemId, list[ItemId]],
    ) -> Assessment:
        units = self._units
        chosen: dict[ItemId, Evidence] = {}
        mentions: list[Evidence] = []
        ongoing = continues(item.text)
        for where, match in found.items():
            uses_name = bool(named) and any(
                named & piece.weights.keys() for piece in self._pieces[where]
            )
            if where.action == item.action:
                ok = (
                    match.score >= OWN_ACTION
                    or (match.score >= OWN_FLOOR and match.score >= best_fit[where])
                    or (ongoing and match.score >= OWN_FLOOR)
                )
            elif uses_name:
                ok = match.score >= OWN_ACTION
            else:
                ok = match.score >= OTHER_ACTION and match.distinctive
            if ok:
                chosen[where] = Evidence(units[where], round(match.score, 3), match.words)
            elif match.distinctive:
                mentions.append(Evidence(units[where], round(match.score, 3), match.words))
        for evidence in list(chosen.values()):
            for twin in twins.get(evidence.unit.id, []):
                if twin not in chosen:
                    match = found.get(twin, _Match(evidence.score, evidence.words, False))
                    chosen[twin] = Evidence(units[twin], round(match.score, 3), match.words)
        ranked = sorted(chosen.values(), key=lambda e: (-e.score, self._order[e.unit.id]))
        if ranked:
            return Assessment(item, "addressed", ranked, [])
        mentions.sort(key=lambda e: (-e.score, self._order[e.unit.id]))
        return Assessment(item, "mentioned" if mentions else "no_trace", [], mentions)

    @staticmethod
    def _twins(units: list[Unit]) -> dict[ItemId, list[ItemId]]:
        """Progress the report repeats (mostly the same words) under another action."""
        return copies_across_actions(units)


def assess(report: Report) -> list[Assessment]:
    """Every plan item of the report with its evidence and signal, in the report's order."""
    return Matcher(report).assess_all()
