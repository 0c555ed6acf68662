"""A folder of data files, one per department: the whole government's answers as one data set.

Which files in a folder are reports is decided once, in `discovery` (top-level `title:` and
`actions:`, at any depth); verdicts files ride along with their report; everything else is
skipped. Each report is read as a single file is (through the cache).
"""

from __future__ import annotations

from typing import NamedTuple

from strategy_cli.errors import DataError, Position, UsageError
from strategy_cli.model.departments import answers_to, full_name
from strategy_cli.model.report import Report


class Member(NamedTuple):
    """One department's report in a data set, and the file it came from."""

    path: str
    report: Report

    @property
    def department(self) -> str:
        return self.report.department

    @property
    def name(self) -> str:
        return full_name(self.report.department)


def load_folder(folder: str) -> list[Member]:
    """Every report in the folder, in order of department; two files of one department, or a
    folder without a report, is refused."""
    from strategy_cli.store.cache import load_cached
    from strategy_cli.store.discovery import find_reports

    found = find_reports([folder])
    members = [Member(path, load_cached(path)) for path in found.files]
    if not members:
        raise DataError(
            f"no report data files in this folder ({found.skipped} other files skipped): a"
            " report file is YAML with top-level 'title:' and 'actions:' keys",
            Position(folder),
        )
    seen: dict[str, str] = {}
    for member in members:
        key = full_name(member.department).casefold()
        if key in seen:
            raise DataError(
                f"two reports of {member.department}: {seen[key]} and {member.path}; keep one"
                " file per department (merge them with `strategy import ... -o DIR`)",
                Position(member.path),
            )
        seen[key] = member.path
    for member in members:
        for alias in member.report.aliases:
            other = next(
                (
                    m
                    for m in members
                    if m is not member and answers_to(m.department, m.report.aliases, alias)
                ),
                None,
            )
            if other is not None:
                raise DataError(
                    f"the alias {alias!r} of {member.department} is a name of {other.department}"
                    f" ({other.path}): --department could not tell them apart; remove it",
                    Position(member.path),
                )
    return sorted(members, key=lambda m: m.department.casefold())


def choose(members: list[Member], wanted: list[str]) -> list[Member]:
    """The members a `--department` list names (acronym, name or alias, any case)."""
    if not wanted:
        return members
    chosen = [
        m for m in members if any(answers_to(m.department, m.report.aliases, w) for w in wanted)
    ]
    missing = [
        w for w in wanted if not any(answers_to(m.department, m.report.aliases, w) for m in members)
    ]
    if missing and len(members) == 1:
        raise UsageError(
            f"no report of {missing[0]!r} here: the data in use is"
            f" {members[0].department}'s report ({members[0].path})",
            hint="give a folder of reports with --data DIR to choose among departments",
        )
    if missing:
        held = ", ".join(m.department for m in members)
        raise UsageError(
            f"no report of {missing[0]!r} in this folder ({len(members)} departments)",
            hint=f"departments: {held}",
        )
    return chosen
