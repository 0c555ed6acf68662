"""The commands that turn one form of the report into another: import, export, schema."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from strategy_cli.cli import state
from strategy_cli.cli.command import Command
from strategy_cli.cli.options import DataOption, OutputOption, refuse_forbidden, write
from strategy_cli.english import plural
from strategy_cli.errors import DataError, Position, UsageError
from strategy_cli.output.terminal import visible

if TYPE_CHECKING:
    from strategy_cli.model.report import Report

app = typer.Typer(rich_markup_mode=None, add_completion=False)


@app.command(
    "import",
    cls=Command,
    epilog=(
        "strategy import page.txt -o data/dwp.yaml\n"
        "strategy import - --department DWP < page.txt\n"
        "strategy import action-1.html -o gov/   # one file per department, merged"
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
    from strategy_cli.pages.formats import read_pages
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
    pages = read_pages(text, name, chosen, department, source)
    set_aside = sorted({n for imported in pages for n in imported.set_aside})
    trimmed = sorted({n for imported in pages for n in imported.trimmed})
    if set_aside:
        state.note(
            f"set aside {plural(len(set_aside), 'line')} of page furniture: {spans(set_aside)}"
        )
    if trimmed:
        state.note(f"trimmed stray spaces on {plural(len(trimmed), 'line')}: {spans(trimmed)}")
    cut_off = pages[-1].cut_off
    if cut_off is not None:
        state.note(f"warning: line {cut_off}, the last, ends mid-sentence: is the page complete?")
    if output and output != "-" and (os.path.isdir(output) or output.endswith(("/", os.sep))):
        os.makedirs(output, exist_ok=True)
        _into_folder(output, [imported.report for imported in pages], name)
        return
    if len(pages) > 1:
        raise UsageError(
            f"this action page holds {len(pages)} departments' answers: give -o DIR, a folder"
            " to write (or bring up to date) one file per department",
        )
    report = pages[0].report
    if output and output != "-":
        _replaces_only_its_own(output, report)
    text = render_data_file(report)
    if write(text, output, check=readable_data_file):
        from strategy_cli.store.cache import remember_text

        remember_text(text, report)
        state.note(f"wrote {plural(len(report.actions), 'action')} to {output}")


def _replaces_only_its_own(output: str, report: Report) -> None:
    """`-o FILE` writes a new file, or replaces the same department's report (a page imported
    again); anything else there is refused, never replaced."""
    if not os.path.lexists(output) or not os.path.isfile(output):
        return  # new, or a device or pipe (written through as a stream)
    from strategy_cli.model.departments import full_name
    from strategy_cli.store.cache import load_cached

    try:
        held = load_cached(output)
    except DataError:
        held = None
    if (
        held is None
        or full_name(held.department).casefold() != full_name(report.department).casefold()
    ):
        what = "not a report" if held is None else f"{held.department}'s report"
        raise DataError(
            f"{output} is {what}, not {report.department}'s: nothing written (write a new"
            " file, or import into a folder with -o DIR/ to merge)",
            Position(output),
        )


def _into_folder(folder: str, reports: list[Report], page: str) -> None:
    """Each department's report merged into its file in the folder (made if missing). Every
    merge is worked out before anything is written: a conflict anywhere writes nothing."""
    from strategy_cli.pages.merge import file_for, merge
    from strategy_cli.store.cache import remember_text
    from strategy_cli.store.dataset import load_folder
    from strategy_cli.store.files import atomic_write, read_bytes
    from strategy_cli.store.writer import readable_data_file, render_data_file

    try:
        members = load_folder(folder)
    except DataError as error:
        if "no report data files in this folder" not in error.message:
            raise
        members = []
    from strategy_cli.model.departments import full_name

    existing = {full_name(m.department).casefold(): m.path for m in members}
    held = {os.path.normpath(m.path): m for m in members}
    plans: list[tuple[str, Report, bytes | None, int]] = []
    seen: dict[str, str] = {}
    for report in reports:
        key = full_name(report.department).casefold()
        if key in seen:
            raise DataError(
                f"the page answers for {report.department} twice; nothing written: keep one",
                Position(page),
            )
        path = file_for(folder, report, existing)
        if path in seen.values():
            other = next(d for d, p in seen.items() if p == path)
            raise DataError(
                f"{report.department} and {other} would share the file {path}; nothing written"
                " (rename one department's file, or import into another folder)",
                Position(page),
            )
        seen[key] = path
        member = held.get(os.path.normpath(path))
        if member is not None and full_name(member.department).casefold() != key:
            member = None  # the file is there, but holds another department's report
        if member is None:
            if os.path.lexists(path):
                raise DataError(
                    f"{path} is not {report.department}'s report (it is another department's,"
                    " or not a report); nothing written: move it, or import into another folder",
                    Position(path),
                )
            plans.append((path, report, None, len(report.actions)))
            continue
        merged = merge(member.report, report, path, page)
        plans.append((path, merged.report, read_bytes(path), merged.added))
    for path, report, before, added in plans:
        if before is not None and not added and report == held[os.path.normpath(path)].report:
            state.note(f"{path}: already holds everything the page has for {report.department}")
            continue
        text = render_data_file(report)
        atomic_write(path, text, check=readable_data_file, expected=before, create=before is None)
        remember_text(text, report)
        what = "wrote" if before is None else f"added {plural(added, 'section')} to"
        state.note(f"{what} {path}")


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
