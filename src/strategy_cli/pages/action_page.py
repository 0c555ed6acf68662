"""Action pages: one action of the Government Digital Strategy, every department's answer.

GOV.UK published, beside the 24 department pages, 16 action pages: "Action 1: ensure there is
an active digital leader ...", "Updated ...", "This action forms part of the Government Digital
Strategy.", "Here's how departments are responding to this action:", then each department's
name as a sub-heading over the usual sections. The same matrix, the other slice: each
department's block is read as that department's page holding one action, by the department
page reader, so the two kinds of page give the same data.

A department's block starts at a line that names a department (the table of the period, or any
line directly followed by a section heading) and runs to the next. The action page's own lines
(its title's furniture, its introduction) belong to no department: they are set aside, and said.
The action page's date stands in for a department's until that department's page supplies its
own (`merge`).
"""

from __future__ import annotations

import re

from strategy_cli.errors import DataError, Position
from strategy_cli.model.departments import known
from strategy_cli.pages.text import (
    ACTION,
    COMMITMENT,
    DATE,
    ENDS_SENTENCE,
    PLAN,
    PROGRESS,
    TITLE,
    Imported,
    read_page,
)

RESPONDING = re.compile(r"^Here['’]s how departments are responding to this action:?$", re.I)
NOT_APPLICABLE = re.compile(r"^This action is not applicable\b", re.I)
NOTE = re.compile(r"^Action \d+ was added to the Digital Strategy\b", re.I)
FROM_ACTION_PAGE = "(action page)"
"""Ends the `source` of a report read from an action page: its page-level fields are the
action page's, and a department page's replace them when the two are merged."""


def is_action_page(lines: list[str]) -> bool:
    """A page whose title is an action ("Action 1: ...") rather than a department's report."""
    content = [line.strip() for line in lines if line.strip()]
    if any(TITLE.search(line) for line in content[:12]):
        return False
    if any(RESPONDING.match(line) for line in content):
        return True
    # Without GOV.UK's "Here's how departments are responding": one action at the top, and a
    # line of its own naming a department the table knows.
    return (
        any(ACTION.match(line) for line in content[:3])
        and sum(1 for line in content if ACTION.match(line)) == 1
        and any(known(line) is not None for line in content)
    )


def _order(line: str) -> int | None:
    """Where a section heading stands in a department's story (notes, commitments, then
    progress and plans year by year); None for a line that is not one."""
    text = line.strip()
    if NOTE.match(text):
        return -1
    if COMMITMENT.match(text):
        return 0
    if found := PROGRESS.match(text):
        return 2 * int(found["year"])
    if found := PLAN.match(text):
        return 2 * int(found["year"]) - 1
    return None


def _department_lines(rest: list[tuple[int, str]]) -> list[int]:
    """Where each department's block starts: a line of its own naming a department, after
    which the story starts again (its next heading comes no later in a story than the last
    one seen). A name the table knows counts wherever it stands, except as a section's first
    line; another short line that is not a sentence counts when the story restarts after it
    ("All agency and ALBs moved to GOV.UK" before "Planned activities in 2015" does not)."""
    starts: list[int] = []
    last: int | None = None
    after_heading = False
    for k, (_, raw) in enumerate(rest):
        line = raw.strip()
        order = _order(line)
        if order is not None:
            last, after_heading = order, True
            continue
        following = rest[k + 1][1].strip() if k + 1 < len(rest) else ""
        next_order = _order(following)
        restarts = bool(NOT_APPLICABLE.match(following)) or (
            next_order is not None and (last is None or next_order <= last)
        )
        plain_name = not (
            ENDS_SENTENCE.search(line)
            or len(line.split()) > 10
            or line.startswith(("-", "•", "*"))
            or NOT_APPLICABLE.match(line)
            or ACTION.match(line)
        )
        if not after_heading and (
            (known(line) is not None and (restarts or last is None or next_order is None))
            or (plain_name and restarts)
        ):
            starts.append(k)
            last = None
        after_heading = False
    return starts


def read_action_page(
    text: str, name: str, source: str | None = None, origin: list[int] | None = None
) -> list[Imported]:
    """Each department's answer on the action page, as that department's report of one action."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    numbered = [(i, line) for i, line in enumerate(raw, 1) if line.strip()]

    def where(line: int) -> int:
        return origin[line - 1] if origin else line

    title_at = next((k for k, (_, line) in enumerate(numbered) if ACTION.match(line.strip())), None)
    if title_at is None:
        raise DataError("no 'Action N: title' line: is this an action page?", Position(name, 1))
    set_aside = [n for n, _ in numbered[:title_at]]
    title_line, title = numbered[title_at]
    rest = numbered[title_at + 1 :]
    date_line: tuple[int, str] | None = None
    if rest and DATE.match(rest[0][1].strip()):
        date_line, rest = rest[0], rest[1:]
    starts = _department_lines(rest)
    if not starts:
        raise DataError(
            "no department's answer found: an action page names each department on a line of"
            " its own, above its sections",
            Position(name, where(title_line)),
        )
    set_aside += [n for n, _ in rest[: starts[0]]]  # the action page's own introduction
    label = source or f"GOV.UK: “{title.strip()}”"
    out = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(rest)
        head_line, named = rest[start]
        entry = known(named.strip())
        department = entry.acronym if entry is not None else named.strip()
        block = rest[start + 1 : end]
        if not block:
            raise DataError(
                f"{named.strip()!r} is named with no answer under it: an action page gives each"
                " department's sections under its name (delete the line, or add the answer)",
                Position(name, where(head_line)),
            )
        page = [
            (head_line, f"{department}’s actions in response to the Government Digital Strategy"),
            *([date_line] if date_line else []),
            (title_line, title),
            *block,
        ]
        imported = read_page(
            "\n".join(line for _, line in page),
            name,
            department,
            f"{label}, {named.strip()} {FROM_ACTION_PAGE}",
            origin=[where(n) for n, _ in page],
        )
        out.append(imported._replace(set_aside=[]))
    furniture = sorted(where(n) for n in set_aside)
    first = out[0]
    out[0] = first._replace(set_aside=furniture)
    return out
