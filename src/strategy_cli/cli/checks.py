"""The commands for maintainers and CI: lint and fmt."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

from strategy_cli.cli import state
from strategy_cli.cli.command import Command
from strategy_cli.cli.options import DataOption
from strategy_cli.english import plural
from strategy_cli.errors import UsageError
from strategy_cli.output.terminal import visible

if TYPE_CHECKING:
    from strategy_cli.store.discovery import Found

app = typer.Typer(rich_markup_mode=None, add_completion=False)

OnlyReportsOption = Annotated[
    bool,
    typer.Option(
        "--only-reports",
        help="Of the files named, work only on report data files (those with top-level"
        " 'title' and 'actions' keys) and count the rest as skipped: for pre-commit, which"
        " passes every changed YAML file.",
    ),
]


def _targets(
    paths: list[str] | None, data: str | None, only_reports: bool, verdicts: bool = False
) -> Found:
    from strategy_cli.store.discovery import find_reports

    return find_reports(paths or [state.data_path(data)], only_reports, verdicts)


def _skipped(count: int) -> str:
    if not count:
        return ""
    return f"; skipped {plural(count, 'file')} that {'is' if count == 1 else 'are'} not report data"


def _codes(values: list[str] | None) -> list[str]:
    return [code for value in values or [] for code in value.split(",") if code.strip()]


@app.command(
    cls=Command,
    epilog=(
        "strategy lint data/co.yaml\n"
        "strategy lint --strict --format github data/*.yaml\n"
        "strategy lint --explain T103"
    ),
)
def lint(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Data files or folders to check (folders: every report file in them, at any"
            " depth); default: the data file in use.",
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    only_reports: OnlyReportsOption = False,
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
    data: DataOption = None,
) -> None:
    """Check data files: YAML, schema, report and text rules, each at its line and column."""
    from strategy_cli.lint.engine import lint_paths
    from strategy_cli.lint.output import LintFormat, render_findings, summary
    from strategy_cli.lint.rules import RULES, matching

    if list_rules:
        state.emit("".join(f"{r.code}\t{r.severity}\t{r.summary}\n" for r in RULES.values()))
        return
    if explain is not None:
        rule = RULES.get(explain.strip().upper())
        if rule is None:
            raise UsageError(f"no rule {explain!r}", hint="`strategy lint --list-rules` lists them")
        state.emit(f"{rule.code} ({rule.severity}): {rule.summary}\n\n{rule.explanation}\n")
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
    found = _targets(paths, data, only_reports, verdicts=True)
    results = lint_paths(found.files, chosen)
    state.emit(render_findings(results, output))
    state.note(summary(results) + _skipped(found.skipped))
    severities = {f.severity for r in results for f in r.findings}
    if "error" in severities or (strict and "warning" in severities):
        raise typer.Exit(1)


@app.command(
    "fmt",
    cls=Command,
    epilog=(
        "strategy fmt data/co.yaml\n"
        "strategy fmt --check data/*.yaml\n"
        "strategy fmt --diff data/co.yaml"
    ),
)
def fmt_(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Data files or folders to format (folders: every report file in them); default:"
            " the data file in use; '-' formats stdin to stdout.",
        ),
    ] = None,
    only_reports: OnlyReportsOption = False,
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
    data: DataOption = None,
) -> None:
    """Rewrite data files in the canonical layout the importer writes, keeping comments."""
    import difflib

    from strategy_cli.store.cache import remember_text
    from strategy_cli.store.files import atomic_write
    from strategy_cli.store.formatter import format_file
    from strategy_cli.store.writer import readable_data_file

    changed = 0
    found = _targets(paths, data, only_reports)
    targets = found.files
    for path in targets:
        before, after, report, data_read = format_file(path)
        if path == "-" and not (check or show_diff):
            state.emit(after)
            continue
        if before == after:
            continue
        changed += 1
        if show_diff:
            state.emit(
                "".join(
                    difflib.unified_diff(
                        before.splitlines(keepends=True),
                        after.splitlines(keepends=True),
                        fromfile=visible(path),
                        tofile=visible(path),
                    )
                )
            )
        if check or show_diff:
            state.note(f"would reformat {path}")
        else:
            atomic_write(path, after, check=readable_data_file, expected=data_read)
            remember_text(after, report)
            state.note(f"reformatted {path}")
    unchanged = len(targets) - changed
    state.note(f"{plural(unchanged, 'file')} left unchanged" + _skipped(found.skipped))
    if changed and (check or show_diff):
        raise typer.Exit(1)
