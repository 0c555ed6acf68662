"""The command that records a reviewer's verdict: `assess`. The only command that writes a
verdicts file; it never touches the report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from strategy_cli.cli import state
from strategy_cli.cli.command import Command
from strategy_cli.cli.options import DataOption, refuse_forbidden
from strategy_cli.errors import UsageError

if TYPE_CHECKING:
    import datetime

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
    from strategy_cli.analysis.items import find_item, quoted_in
    from strategy_cli.model.verdicts import STATUSES, Verdict
    from strategy_cli.store.verdicts import record

    if status not in STATUSES:
        raise UsageError(f"unknown --status {status!r}; choose from: {', '.join(STATUSES)}")
    for option, value in (("--evidence", evidence), ("--note", note), ("--by", by)):
        refuse_forbidden(option, value)
        if value is not None and not value.strip():
            raise UsageError(f"{option} is empty: write it, or leave the option out")
    path = _writable_report(data)
    report = state.report(data)
    found = find_item(report, item)
    where = quoted_in(report, found.year, evidence)
    if where is None:
        raise UsageError(
            f"the quote is not in the progress reported for {found.year} (in any action)",
            hint="copy it word for word, quote marks included, from `strategy show"
            f" {found.action} --year {found.year}`",
        )
    verdict = Verdict(
        item=str(found.id),
        text=found.text,
        status=status,
        evidence=evidence,
        by=by or _who(),
        date=_date(date),
        note=note,
    )
    written = record(path, verdict)
    elsewhere = f" (found in Action {where})" if where != found.action else ""
    state.note(f"recorded {status} for {found.id}{elsewhere} in {written}")


def _writable_report(option: str | None) -> str:
    """The report whose verdicts may be written: never standard input or the bundled copy."""
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
    return path


def _who() -> str:
    """git's user.name, else the login name."""
    import getpass
    import subprocess

    try:
        found = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=5, check=False
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        found = ""
    if found:
        return found
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        raise UsageError("cannot tell who you are: give --by NAME") from None


def _date(value: str | None) -> datetime.date:
    import datetime

    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"--date must be a date as YYYY-MM-DD, not {value!r}") from None
