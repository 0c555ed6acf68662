"""Rules that need the whole report to see: the ones a data file must pass to be loaded at all.

They return problems with a path into the document rather than raising, so that loading can
refuse a bad file with the first of them and `strategy lint` can place every one of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from strategy_cli.model.report import Report

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """Something wrong at a path in the document; the loader or lint turns it into line:col."""

    code: str
    path: Path
    message: str
    on_key: bool = False
    """Point at the mapping key itself (e.g. a year) rather than at its value."""
    related: Path | None = None
    """Another place the message refers to, printed as "(first at line N)"."""
    related_label: str = "first at"
    match: tuple[int, str] | None = None
    """Where in the text the problem is (offset, matched text), for an exact column."""


def document_errors(report: Report) -> list[Problem]:
    """The rules every loadable report obeys; the first one found refuses the file."""
    return [*duplicate_numbers(report), *years_out_of_span(report)]


def duplicate_numbers(report: Report) -> Iterator[Problem]:
    first_seen: dict[int, int] = {}
    for index, action in enumerate(report.actions):
        if action.number in first_seen:
            yield Problem(
                "S102",
                ("actions", index, "number"),
                f"duplicate action number {action.number}: renumber this action or merge it"
                " with the other one",
                related=("actions", first_seen[action.number], "number"),
            )
        else:
            first_seen[action.number] = index


def years_out_of_span(report: Report) -> Iterator[Problem]:
    """Progress after the commitments and no later than the page; plans after the commitments."""
    start = report.commitment_year
    end = report.updated.year if report.updated else None
    for index, action in enumerate(report.actions):
        for year in action.progress:
            path: Path = ("actions", index, "progress", year)
            if start is not None and year <= start:
                yield Problem(
                    "S104",
                    path,
                    f"progress during {year} predates the commitments ({report.commitments_made}):"
                    " correct the year",
                    on_key=True,
                )
            elif end is not None and year > end:
                yield Problem(
                    "S104",
                    path,
                    f"progress during {year} is later than the page itself (updated"
                    f" {report.updated}): correct the year or the `updated` date",
                    on_key=True,
                )
        for year in action.plans:
            path = ("actions", index, "plans", year)
            if start is not None and year <= start:
                yield Problem(
                    "S105",
                    path,
                    f"a plan for {year} is not for a later year than the commitments"
                    f" ({report.commitments_made}) that open the report: plans are made for the"
                    " year after the report that makes them; correct the year",
                    on_key=True,
                )
            elif end is not None and year > end + 1:
                yield Problem(
                    "S104",
                    path,
                    f"a plan for {year} is more than a year after the page (updated"
                    f" {report.updated}): correct the year or the `updated` date",
                    on_key=True,
                )
