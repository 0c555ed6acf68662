"""The command line: parse, call the core, render, exit. Nothing here knows the data's shape.

Core modules are imported inside the commands, so `strategy --help` and each command pay only
for what they use.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from strategy_cli.errors import StrategyError, UsageError
from strategy_cli.output.terminal import visible

if TYPE_CHECKING:
    from strategy_cli.model.report import Report
    from strategy_cli.output.render import Format


def report_error(error: StrategyError) -> None:
    """One line (and a hint) on stderr; data in the message is made inert first."""
    sys.stderr.write(
        f"strategy: error: {visible(str(error.position) + ': ' if error.position else '')}"
        f"{visible(error.message)}\n"
    )
    if error.hint:
        sys.stderr.write(f"{visible(error.hint)}\n")


INTERNAL_ERROR = 70
"""EX_SOFTWARE from sysexits.h: neither the data nor the request is at fault."""


class _Commands(TyperGroup):
    """The one place where the core's errors become a message and an exit code."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except StrategyError as error:
            report_error(error)
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise  # typer's own: usage errors print themselves and exit 2
        except BrokenPipeError:
            # The reader went away (`strategy list | head`): not an error worth a message.
            sys.stderr.close()
            raise typer.Exit(0) from None
        except Exception as error:
            if os.environ.get("STRATEGY_DEBUG"):
                raise
            sys.stderr.write(
                f"strategy: internal error: {type(error).__name__}: {visible(str(error))}\n"
                "this is a bug in strategy; run again with STRATEGY_DEBUG=1 for the traceback"
                " and report it\n"
            )
            raise typer.Exit(INTERNAL_ERROR) from None


app = typer.Typer(
    cls=_Commands,
    name="strategy",
    help="Query and check a UK government department's digital strategy report, kept as data.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class State:
    data: str | None = None


state = State()


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"strategy {version('strategy-cli')}")
        raise typer.Exit()


@app.callback()
def main(
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            metavar="PATH",
            help="Report data file to use (default: $STRATEGY_DATA, else the bundled "
            "Cabinet Office report). '-' reads standard input.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Query and check a UK government department's digital strategy report, kept as data."""
    state.data = data


def load() -> Report:
    from strategy_cli.store.cache import load_cached
    from strategy_cli.store.location import resolve

    return load_cached(resolve(state.data))


def _completer(values: Callable[[Report], Iterable[int]]) -> Callable[[str], list[str]]:
    """Shell completion from the data in use; a file that cannot be read offers nothing."""

    def complete(incomplete: str) -> list[str]:
        try:
            report = load()
        except StrategyError:
            return []
        return [str(v) for v in values(report) if str(v).startswith(incomplete)]

    return complete


def _action_numbers(report: Report) -> list[int]:
    return [a.number for a in report.actions]


def _years(report: Report) -> list[int]:
    from strategy_cli.analysis.query import years

    return years(report)


def _planning_years(report: Report) -> list[int]:
    from strategy_cli.analysis.query import planning_years

    return planning_years(report)


_complete_action = _completer(_action_numbers)
_complete_year = _completer(_years)
_complete_planning_year = _completer(_planning_years)


def _console() -> Any:
    from strategy_cli.output.terminal import make_console

    return make_console()


FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="table (default; plain lines when piped), json, csv or markdown.",
    ),
]
YearOption = Annotated[
    int | None,
    typer.Option("--year", "-y", help="Only this year.", autocompletion=_complete_year),
]


OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write here (atomically) instead of stdout."
    ),
]


def _write(text: str, output: str | None) -> bool:
    """To FILE atomically, or to stdout when there is none (or '-'); True if a file was written."""
    if output and output != "-":
        from strategy_cli.store.files import atomic_write

        atomic_write(output, text)
        return True
    sys.stdout.write(text)
    return False


def _format(value: str) -> Format:
    from strategy_cli.output.render import Format

    try:
        return Format(value)
    except ValueError:
        raise UsageError(
            f"unknown format {value!r}; choose one of: {', '.join(f.value for f in Format)}"
        ) from None


@app.command("list")
def list_(
    year: YearOption = None,
    text: Annotated[
        str | None,
        typer.Option("--text", "-t", help="Only actions whose text contains this (any case)."),
    ] = None,
    fmt: FormatOption = "table",
) -> None:
    """List every action with the years it has plans (P) and reported progress (R) for."""
    from strategy_cli.analysis.query import list_actions
    from strategy_cli.output.render import render_list

    output = _format(fmt)
    render_list(list_actions(load(), year, text), output, _console())


@app.command()
def show(
    number: Annotated[
        int, typer.Argument(metavar="N", help="Action number.", autocompletion=_complete_action)
    ],
    year: YearOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Show one action's story in time order: commitment, then progress and plans by year."""
    from strategy_cli.analysis.query import show_action
    from strategy_cli.output.render import render_show

    output = _format(fmt)
    render_show(show_action(load(), number, year), output, _console())


@app.command()
def diff(
    planned_in: Annotated[
        int,
        typer.Argument(
            metavar="A",
            help="Year whose report made the plans (the commitments' year for the first plans).",
            autocompletion=_complete_planning_year,
        ),
    ],
    year: Annotated[
        int,
        typer.Argument(metavar="B", help="Year planned for: A + 1.", autocompletion=_complete_year),
    ],
    action: Annotated[
        int | None,
        typer.Option(
            "--action",
            "-a",
            help="One action in detail, with the next plan compared word by word.",
            autocompletion=_complete_action,
        ),
    ] = None,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="Exit 1 if any plan went unreported or was carried over."),
    ] = False,
    fmt: FormatOption = "table",
) -> None:
    """Planned against actual: what year A's report planned for year B, beside B's progress."""
    from strategy_cli.analysis.query import diff_years
    from strategy_cli.output.render import render_diff

    output = _format(fmt)
    result = diff_years(load(), planned_in, year, action)
    render_diff(result, output, _console(), detail=action is not None)
    if exit_code and (result.number_with("planned_only") or result.carried_over):
        raise typer.Exit(1)


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Text to find (any case).")],
    regex: Annotated[
        bool, typer.Option("--regex", "-E", help="TEXT is a regular expression.")
    ] = False,
    action: Annotated[
        int | None,
        typer.Option("--action", "-a", help="Only this action.", autocompletion=_complete_action),
    ] = None,
    year: YearOption = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help="Only these kinds of section: title, note, commitment, progress, plan "
            "(repeatable).",
        ),
    ] = None,
    fmt: FormatOption = "table",
) -> None:
    """Search all text, showing action, year, section and the passage, match highlighted."""
    from strategy_cli.analysis.query import KINDS, compile_pattern
    from strategy_cli.analysis.query import search as run_search
    from strategy_cli.output.render import render_search

    output = _format(fmt)
    for k in kind or []:
        if k not in KINDS:
            raise UsageError(f"unknown kind {k!r}; choose from: {', '.join(KINDS)}")
    pattern = compile_pattern(text, regex)
    hits = run_search(load(), pattern, action, year, kind)  # type: ignore[arg-type]
    render_search(hits, text, output, _console())
    if not hits:
        sys.stderr.write("no matches\n")


@app.command()
def stats(fmt: FormatOption = "table") -> None:
    """Per year: actions reporting progress, making plans, following through, carrying over."""
    from strategy_cli.analysis.query import stats as compute
    from strategy_cli.output.render import render_stats

    output = _format(fmt)
    render_stats(compute(load()), output, _console())


@app.command("import")
def import_(
    page: Annotated[
        str, typer.Argument(metavar="PAGE", help="The published page as text; '-' reads stdin.")
    ],
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
    from strategy_cli.pages.text import parse_page
    from strategy_cli.store.files import display_name, read_text
    from strategy_cli.store.writer import render_data_file

    report = parse_page(read_text(page), display_name(page), department, source)
    text = render_data_file(report)
    if _write(text, output):
        from strategy_cli.store.cache import remember_text

        remember_text(text, report)
        sys.stderr.write(f"wrote {len(report.actions)} actions to {output}\n")


@app.command()
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="text (the published layout) or json."
        ),
    ] = "text",
    output: OutputOption = None,
) -> None:
    """Write the whole report back out: as the published page, or as JSON."""
    from strategy_cli.output.terminal import json_text
    from strategy_cli.pages.text import render_page

    report = load()
    if fmt == "text":
        text = render_page(report)
    elif fmt == "json":
        from strategy_cli.model.shape import dump

        text = json_text(dump(report))
    else:
        raise UsageError(f"unknown format {fmt!r}; choose text or json")
    if fmt == "text" and sys.stdout.isatty() and not (output and output != "-"):
        # On a terminal: inert text, and the prompt on a line of its own.
        text = "\n".join(visible(line) for line in text.split("\n")) + "\n"
    _write(text, output)


@app.command()
def schema(
    output: OutputOption = None,
) -> None:
    """Print the JSON Schema of the data file (for editors and check-jsonschema)."""
    from strategy_cli.model.schema import schema_text

    _write(schema_text(), output)


def _codes(values: list[str] | None) -> list[str]:
    return [code for value in values or [] for code in value.split(",") if code.strip()]


@app.command()
def lint(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="PATH", help="Data files to check (default: the data file in use)."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="CODES",
            help="Only these rules: codes or prefixes, comma-separated (e.g. T,S102).",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", metavar="CODES", help="Skip these rules: codes or prefixes."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text (path:line:col: CODE message), json, or github (annotations; the default "
            "when GITHUB_ACTIONS=true).",
        ),
    ] = None,
    explain: Annotated[
        str | None,
        typer.Option("--explain", metavar="CODE", help="Explain a rule and exit."),
    ] = None,
    list_rules: Annotated[
        bool,
        typer.Option("--list-rules", help="List every rule with its code and severity, and exit."),
    ] = False,
) -> None:
    """Check data files: YAML, schema, report and text rules, each at its line and column."""
    from strategy_cli.lint.engine import lint_paths
    from strategy_cli.lint.output import LintFormat, render_findings, summary
    from strategy_cli.lint.rules import RULES, matching
    from strategy_cli.store.location import resolve

    if list_rules:
        sys.stdout.write("".join(f"{r.code}\t{r.severity}\t{r.summary}\n" for r in RULES.values()))
        return
    if explain is not None:
        rule = RULES.get(explain.strip().upper())
        if rule is None:
            raise UsageError(f"no rule {explain!r}", hint="`strategy lint --list-rules` lists them")
        sys.stdout.write(f"{rule.code} ({rule.severity}): {rule.summary}\n\n{rule.explanation}\n")
        return
    try:
        chosen = matching(_codes(select)) if select else set(RULES)
        chosen -= matching(_codes(ignore)) if ignore else set()
    except ValueError as error:
        raise UsageError(
            f"no rule matches {str(error)!r}", hint="`strategy lint --list-rules` lists them"
        ) from None
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    try:
        output = LintFormat(fmt)
    except ValueError:
        raise UsageError(f"unknown format {fmt!r}; choose text, json or github") from None
    results = lint_paths(paths or [resolve(state.data)], chosen)
    sys.stdout.write(render_findings(results, output))
    sys.stderr.write(summary(results) + "\n")
    severities = {f.severity for r in results for f in r.findings}
    if "error" in severities or (strict and "warning" in severities):
        raise typer.Exit(1)


@app.command("fmt")
def fmt_(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Data files to format (default: the data file in use); '-' "
            "formats stdin to stdout.",
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Change nothing; exit 1 if any file is not in the canonical layout."
        ),
    ] = False,
    show_diff: Annotated[
        bool,
        typer.Option("--diff", help="Change nothing; print what would change as a unified diff."),
    ] = False,
) -> None:
    """Rewrite data files in the canonical layout the importer writes, keeping comments."""
    import difflib

    from strategy_cli.store.cache import remember_text
    from strategy_cli.store.files import atomic_write
    from strategy_cli.store.formatter import format_file
    from strategy_cli.store.location import resolve

    changed = 0
    targets = paths or [resolve(state.data)]
    for path in targets:
        before, after, report = format_file(path)
        if path == "-" and not (check or show_diff):
            sys.stdout.write(after)
            continue
        if before == after:
            continue
        changed += 1
        if show_diff:
            sys.stdout.writelines(
                difflib.unified_diff(
                    before.splitlines(keepends=True),
                    after.splitlines(keepends=True),
                    fromfile=path,
                    tofile=path,
                )
            )
        if check or show_diff:
            sys.stderr.write(f"would reformat {path}\n")
        else:
            atomic_write(path, after)
            remember_text(after, report)
            sys.stderr.write(f"reformatted {path}\n")
    unchanged = len(targets) - changed
    sys.stderr.write(f"{unchanged} file{'s' if unchanged != 1 else ''} left unchanged\n")
    if changed and (check or show_diff):
        raise typer.Exit(1)


def run() -> None:
    app(prog_name="strategy")


if __name__ == "__main__":  # pragma: no cover
    run()
