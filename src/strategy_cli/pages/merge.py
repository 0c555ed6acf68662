"""`import -o DIR`: one data file per department, written or brought up to date.

Importing the 24 department pages or the 16 action pages gives the same data set: a page's
sections are merged into the department's file, a section it already holds (the same text) is
not repeated, and a section that differs is a conflict, refused with both places named.
Page-level fields (title, date, introduction) from an action page stand in until the
department's own page supplies them.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any, NamedTuple

from strategy_cli.errors import DataError, Position
from strategy_cli.model.report import Action, Report
from strategy_cli.pages.action_page import FROM_ACTION_PAGE


class Merged(NamedTuple):
    report: Report
    added: int
    """Sections (and actions) the page brought that the file did not hold."""


def file_for(folder: str, report: Report, existing: dict[str, str]) -> str:
    """The department's file in the folder: the one already holding it, else `<name>.yaml`
    (its name reduced to letters, digits and hyphens: a page cannot name a path)."""
    from strategy_cli.model.departments import full_name, slug

    key = full_name(report.department).casefold()
    if key in existing:
        return existing[key]
    return os.path.join(folder, f"{slug(report.department)}.yaml")


def merge(old: Report, new: Report, old_name: str, new_name: str) -> Merged:
    """`new`'s sections added to `old`; a section both hold with different text is refused,
    naming the line of the file where the section is."""
    added = 0
    actions = {a.number: a for a in old.actions}
    index = {a.number: i for i, a in enumerate(old.actions)}
    for action in new.actions:
        held = actions.get(action.number)
        if held is None:
            actions[action.number] = action
            added += 1
            continue
        merged, count = _merge_action(held, action, old_name, new_name, index[action.number])
        actions[action.number] = merged
        added += count
    page = _page_fields(old, new)
    report = dataclasses.replace(old, **page, actions=[actions[n] for n in sorted(actions)])
    return Merged(report, added)


def _page_fields(old: Report, new: Report) -> dict[str, Any]:
    """A department's own page supplies what an action page only stood in for."""
    if old.source.endswith(FROM_ACTION_PAGE) and not new.source.endswith(FROM_ACTION_PAGE):
        return {
            "title": new.title,
            "updated": new.updated,
            "commitments_made": new.commitments_made or old.commitments_made,
            "licence": new.licence,
            "source": new.source,
            "preamble": new.preamble,
            "introduction": new.introduction,
        }
    return {}


def _merge_action(
    old: Action, new: Action, old_name: str, new_name: str, index: int
) -> tuple[Action, int]:
    from strategy_cli.analysis.similarity import CARRIED_OVER, similarity

    where = f"Action {old.number}"

    def at(*path: str | int) -> str:
        return _line_of(old_name, ("actions", index, *path))

    if (
        old.title != new.title
        and max(similarity(old.title, new.title), similarity(new.title, old.title)) < CARRIED_OVER
    ):
        _conflict(f"{where}'s title", at("title"), new_name)
    added = 0
    changes: dict[str, Any] = {}
    for field in ("notes", "commitment"):
        mine, theirs = getattr(old, field), getattr(new, field)
        if theirs and not mine:
            changes[field] = theirs
            added += 1
        elif theirs and mine != theirs:
            _conflict(f"{where}'s {field}", at(field), new_name)
    for field, label in (("progress", "progress during"), ("plans", "plans for")):
        mine_by_year, theirs_by_year = getattr(old, field), getattr(new, field)
        combined = dict(mine_by_year)
        for year, section in theirs_by_year.items():
            if year not in combined:
                combined[year] = section
                added += 1
            elif combined[year] != section:
                _conflict(f"{where}'s {label} {year}", at(field, year), new_name)
        changes[field] = dict(sorted(combined.items()))
    return dataclasses.replace(old, **changes), added


def _line_of(path: str, where: tuple[str | int, ...]) -> str:
    """`file:line` of a part of a data file (the file alone if it cannot be read again)."""
    from strategy_cli.store.datafile import read_tree
    from strategy_cli.store.yamlfile import locate

    try:
        line, _ = locate(read_tree(path).tree, where)
    except DataError:
        return path
    return f"{path}:{line}"


def _conflict(what: str, old_name: str, new_name: str) -> None:
    raise DataError(
        f"{what} in {old_name} differs from the page's; nothing written: keep one (edit the file,"
        " or import into another folder)",
        Position(new_name),
        hint=f"the file: {old_name}; the page: {new_name}",
    )
