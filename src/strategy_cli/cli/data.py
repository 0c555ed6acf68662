"""The commands that turn one form of the report into another: import, export, schema."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from strategy_cli.cli import state
from strategy_cli.cli.command import Command
from strategy_cli.cli.options import DataOption, OutputOption, refuse_forbidden, write
from strategy_cli.english import plural
from strategy_cli.errors import UsageError
from strategy_cli.output.terminal import visible

app = typer.Typer(rich_markup_mode=None, add_completion=False)


@app.command(
    "import",
    cls=Command,
    epilog=(
        "strategy import page.txt -o data/dwp.yaml\nstrategy import - --department DWP < page.txt"
    ),
)
def import_(
    page: Annotated[
        str,
        typer.Argument(
            metavar="PAGE",
            help="The published page: a GOV.UK address (fetched through the Content API), a"
            " saved GOV.UK page (HTML), a Content API document (JSON), text copied from a"
            " browser, or the plain layout; '-' reads stdin.",
        ),
    ],
    page_format: Annotated[
        str,
        typer.Option(
            "--from",
            metavar="FORMAT",
            help="What PAGE is: auto (default: told from the text), text, html or json.",
        ),
    ] = "auto",
    output: OutputOption = None,
    department: Annotated[
        str | None,
        typer.Option("--department", help="Department name, when the title does not give it."),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source", help="Where the page was published (default: from its title and date)."
        ),
    ] = None,
) -> None:
    """Turn a published page (one heading or paragraph per line) into a data file."""
    from strategy_cli.analysis.query import spans
    from strategy_cli.pages.fetch import fetch, is_url
    from strategy_cli.pages.formats import page_format as as_format
    from strategy_cli.pages.formats import read_any
    from strategy_cli.store.files import display_name, read_text
    from strategy_cli.store.writer import readable_data_file, render_data_file

    for option, value in (("--department", department), ("--source", source)):
        refuse_forbidden(option, value)
    chosen = as_format(page_format)
    if is_url(page):
        text, name = fetch(page), page
        source = source or f"GOV.UK: {page}"
    else:
        text, name = read_text(page), display_name(page)
    imported = read_any(text, name, chosen, department, source)
    report = imported.report
    if imported.set_aside:
        lines = plural(len(imported.set_aside), "line")
        state.note(f"set aside {lines} of page furniture: {spans(imported.set_aside)}")
    if imported.trimmed:
        lines = plural(len(imported.trimmed), "line")
        state.note(f"trimmed stray spaces on {lines}: {spans(imported.trimmed)}")
    if imported.cut_off is not None:
        state.note(
            f"warning: line {imported.cut_off}, the last, ends mid-sentence: is the page complete?"
        )
    text = render_data_file(report)
    if write(text, output, check=readable_data_file):
        from strategy_cli.store.cache import remember_text

        remember_text(text, report)
        state.note(f"wrote {plural(len(report.actions), 'action')} to {output}")


@app.command(
    cls=Command, epilog="strategy export > page.txt\nstrategy export --format json -o report.json"
)
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="text (the published layout) or json."
        ),
    ] = "text",
    output: OutputOption = None,
    data: DataOption = None,
) -> None:
    """Write the whole report back out: as the published page, or as JSON."""
    from strategy_cli.output.terminal import json_text
    from strategy_cli.pages.text import readable_page, render_page
    from strategy_cli.store.writer import readable_data_file

    report = state.report(data)
    if fmt == "text":
        text, check = render_page(report), readable_page
    elif fmt == "json":
        from strategy_cli.model.shape import dump

        text, check = json_text(dump(report)), readable_data_file
    else:
        raise UsageError(f"unknown format {fmt!r}; choose text or json")
    terminal = sys.stdout is not None and sys.stdout.isatty()
    if fmt == "text" and terminal and not (output and output != "-"):
        # On a terminal: inert text, and the prompt on a line of its own.
        text = "\n".join(visible(line) for line in text.split("\n")) + "\n"
    write(text, output, check=check)


@app.command(
    cls=Command,
    epilog=(
        "strategy schema -o data/strategy.schema.json\n"
        "strategy schema --verdicts -o data/verdicts.schema.json"
    ),
)
def schema(
    verdicts: Annotated[
        bool, typer.Option("--verdicts", help="The schema of a verdicts file instead.")
    ] = False,
    output: OutputOption = None,
) -> None:
    """Print the JSON Schema of the data file, or of a verdicts file (for editors and
    check-jsonschema)."""
    import json

    from strategy_cli.model.schema import schema_text

    if verdicts:
        from strategy_cli.model.verdicts import Verdicts

        write(schema_text(Verdicts), output, check=json.loads)
        return
    write(schema_text(), output, check=json.loads)
