"""The published headings of a report's sections, and the order the page tells them in.

Part of the model, not of any one page format: queries, renderers and importers all name
sections the way the published page does.
"""

from __future__ import annotations

import datetime
from typing import Any

from strategy_cli.model.report import MONTHS, Report

COMMITMENT_HEADING = "Departmental digital strategy commitments"


def format_date(date: datetime.date) -> str:
    """As GOV.UK writes it: "16 January 2015" (no locale, no leading zero)."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def section_order(
    action_progress: dict[int, Any], action_plans: dict[int, Any]
) -> list[tuple[str, int]]:
    """Time order of an action's sections: progress in year Y, then the plan made for Y+1."""
    keys = [((year, 0), ("progress", year)) for year in action_progress]
    keys += [((year - 1, 1), ("plans", year)) for year in action_plans]
    return [entry for _, entry in sorted(keys)]


def heading(kind: str, year: int | None, report: Report) -> str:
    """The published heading of a section."""
    if kind == "commitment":
        when = f" ({report.commitments_made})" if report.commitments_made else ""
        return f"{COMMITMENT_HEADING}{when}"
    if kind == "progress":
        return f"Progress during {year}"
    return f"Planned activities in {year}"
