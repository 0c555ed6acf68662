"""`strategy site`: the report (or a folder of departments' reports) as a static website."""

from __future__ import annotations

from typing import Annotated

import typer

from strategy_cli.cli import state
from strategy_cli.cli.command import Command
from strategy_cli.cli.options import DataOption
from strategy_cli.english import plural

app = typer.Typer(rich_markup_mode=None, add_completion=False)


@app.command(
    cls=Command,
    epilog=(
        "strategy site -o site               # then open site/index.html\n"
        "strategy site -o public --data gov  # a folder of departments"
    ),
)
def site(
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            help="The folder to write: new, empty, or a site built here before (replaced whole).",
        ),
    ],
    department: Annotated[
        list[str] | None,
        typer.Option(
            "--department", "-d", metavar="D", help="With a folder of reports: only these."
        ),
    ] = None,
    data: DataOption = None,
) -> None:
    """Write a static website of the report: a grid of plans and outcomes, a page per action
    (and per department), search; no server, no external request."""
    from strategy_cli.site.build import publish

    members, folder = state.members(data, department)
    reports = [(m.report, state.scorecard_at(m, folder)[0]) for m in members]
    written = publish(reports, output)
    pages = sum(1 for name in written if name.endswith(".html"))
    state.note(f"wrote {plural(pages, 'page')} to {output}; open {output}/index.html")
