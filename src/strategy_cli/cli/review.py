"""The command that records a reviewer's verdict: `assess`. The only command that writes a
verdicts file; it never touches the report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, cast

import typer

from strategy_cli.cli import state
from strategy_cli.cli.command import Command
from strategy_cli.cli.options import DataOption, refuse_forbidden
from strategy_cli.errors import UsageError, check_choice

if TYPE_CHECKING:
    import datetime

    from strategy_cli.model.report import Report

app = typer.Typer(rich_markup_mode=None, add_completion=False)


@app.command(
    cls=Command,
    epilog=(
        "strategy assess 12/2014/1 --status complete --data co.yaml"
        " --evidence 'No requirement for legislative change was identified.'\n"
        "strategy assess 4/2014/5 --status limited --data co.yaml --by 'A. Reviewer'"
        " --evidence 'It piloted a Digital and Technology Skills Matrix' --note 'a pilot'"
    ),
)
def assess(
    item: Annotated[str, typer.Argument(metavar="ID", help="Plan item id, e.g. 4/2014/5.")],
    status: Annotated[
        str,
        typer.Option(
            "--status",
            metavar="STATUS",
            help="not_started, limited, substantial or complete (the OGP IRM scale), withdrawn"
            " or unclear.",
        ),
    ],
    evidence: Annotated[
        str,
        typer.Option(
            "--evidence",
            metavar="QUOTE",
            help="The words of that year's progress the verdict rests on, copied exactly.",
        ),
    ],
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT", help="A note.")] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", metavar="NAME", help="Who (default: git user.name, else login)."),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", help="When (default: today)."),
    ] = None,
    data: DataOption = None,
) -> None:
    """Record a verdict on a plan item, in the verdicts file beside the report."""
    from strategy_cli.analysis.items import (
        ItemId,
        find_item,
        quote_problem,
        quoted_in,
        where_quoted,
    )
    from strategy_cli.analysis.query import is_due
    from strategy_cli.model.verdicts import STATUSES, Status, Verdict
    from strategy_cli.store.verdicts import record

    check_choice([status], STATUSES, "--status")
    for option, value in (("--evidence", evidence), ("--note", note), ("--by", by)):
        refuse_forbidden(option, value)
        if value is not None and not value.strip():
            raise UsageError(f"{option} is empty: write it, or leave the option out")
    when = _date(date)
    who = by if by is not None else _who()
    wanted = ItemId.parse(item)
    path, report = _writable_report(data, wanted.department)
    found = find_item(report, wanted)
    if not is_due(report, found.year):
        raise UsageError(
            f"{found.id} is a plan for {found.year}, which the report (dated"
            f" {report.updated or 'by its last progress'}) had not reached: there is no"
            " progress for it to quote yet"
        )
    if (problem := quote_problem(evidence)) is not None:
        raise UsageError(f"--evidence: {problem}")
    where = quoted_in(report, found.year, evidence)
    if where is None:
        elsewhere = where_quoted(report, evidence)
        raise UsageError(
            f"the quote is not in the progress reported for {found.year} (in any action)"
            + (f"; it is in {elsewhere}" if elsewhere else ""),
            hint="copy it word for word, quote marks included, from `strategy show"
            f" {found.action} --year {found.year}`",
        )
    verdict = Verdict(
        item=str(found.id),
        text=found.text,
        status=cast("Status", status),  # checked against STATUSES above
        evidence=evidence,
        by=who,
        date=when,
        note=note,
    )
    written = record(path, verdict)
    elsewhere = f" (found in Action {where})" if where != found.action else ""
    state.note(f"recorded {status} for {found.id}{elsewhere} in {written}")


def _writable_report(option: str | None, department: str | None) -> tuple[str, Report]:
    """The report whose verdicts may be written, and its file: never standard input or the
    bundled copy. In a folder of reports, the id names the department."""
    import os

    from strategy_cli.store.location import ENV_VAR, bundled_path

    path = state.data_path(option)
    if path == "-":
        raise UsageError(
            "verdicts are kept in a file beside the report, and a report read from standard"
            " input has none",
            hint="save the report to a file, then give it with --data FILE",
        )
    given = option or state.data or os.environ.get(ENV_VAR)
    bundled = bundled_path()
    packaged = bundled.parent.name == "data" and bundled.parent.parent.name == "strategy_cli"
    if not given or (packaged and os.path.realpath(path) == os.path.realpath(bundled)):
        raise UsageError(
            "verdicts are not recorded on the bundled report: it belongs to the installed tool",
            hint=f"copy the data first (cp {bundled} co.yaml), then record verdicts on your"
            " copy with --data co.yaml",
        )
    members, folder = state.members(option, [department] if department else [])
    if folder and len(members) > 1:
        raise UsageError(
            f"{path} holds {len(members)} departments' reports: name the department in the id",
            hint=f"e.g. {members[0].department}:4/2014/5",
        )
    return members[0].path, members[0].report


def _who() -> str:
    """git's user.name, else the login name; either must be usable as `--by`."""
    import getpass
    import subprocess

    try:
        found = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=5, check=False
        ).stdout.strip()
        source = "git's user.name"
    except (OSError, subprocess.SubprocessError):
        found = ""
    if not found:
        try:
            found, source = getpass.getuser().strip(), "your login name"
        except (OSError, KeyError):
            found = ""
    if not found:
        raise UsageError("cannot tell who you are: give --by NAME")
    from strategy_cli.model.report import FORBIDDEN, forbidden_name

    if (bad := FORBIDDEN.search(found)) is not None:
        raise UsageError(
            f"{source} holds {forbidden_name(bad.group())}, which a verdict may not: give --by NAME"
        )
    return found


def _date(value: str | None) -> datetime.date:
    """YYYY-MM-DD, not in the future: a later date would hide every verdict recorded after."""
    import datetime
    import re

    today = datetime.date.today()
    if value is None:
        return today
    text = value.strip()
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            raise ValueError
        when = datetime.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date must be a date as YYYY-MM-DD, not {value!r}") from None
    if when > today:
        raise UsageError(
            f"--date {when.isoformat()} is in the future: a verdict is dated when it is given"
        )
    return when
