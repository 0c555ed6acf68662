"""The read commands: list, show, diff, search, stats, scorecard. Each loads the report, asks
the core, and hands the finished result to the chosen format."""

from __future__ import annotations

from typing import Annotated

import typer

from strategy_cli.cli import state
from strategy_cli.cli.command import Command
from strategy_cli.cli.options import (
    ActionOption,
    DataOption,
    ExcelOption,
    FormatOption,
    YearOption,
    complete_action,
    complete_planning_year,
    complete_year,
    output_format,
    whole,
)
from strategy_cli.errors import UsageError
from strategy_cli.output.base import Formatter

app = typer.Typer(rich_markup_mode=None, add_completion=False)


def _formatter(fmt: str, excel: bool = False) -> Formatter:
    from strategy_cli.output.base import Format, formatter

    chosen = output_format(fmt)
    if excel and chosen is not Format.csv:
        raise UsageError("--excel applies to CSV only: add --format csv")
    return formatter(chosen, state.console(), excel)


@app.command(
    "list",
    cls=Command,
    epilog=(
        "strategy list\n"
        "strategy list --year 2014\n"
        "strategy list --text legislative --format csv > actions.csv"
    ),
)
def list_(
    year: YearOption = None,
    text: Annotated[
        str | None,
        typer.Option("--text", "-t", help="Only actions whose text contains this (any case)."),
    ] = None,
    fmt: FormatOption = "table",
    excel: ExcelOption = False,
    data: DataOption = None,
) -> None:
    """List every action with the years it has plans (P) and reported progress (R) for."""
    from strategy_cli.analysis.query import list_actions

    out = _formatter(fmt, excel)
    chosen = whole(year, "--year")
    result = list_actions(state.report(data), chosen, text)
    state.emit(out.list_actions(result))
    if not result.rows:
        state.note("no actions match")


@app.command(
    cls=Command,
    epilog=(
        "strategy show 5\n"
        "strategy show 7 --year 2014 --format json\n"
        "strategy show 2 --data dwp.yaml"
    ),
)
def show(
    number: Annotated[
        str, typer.Argument(metavar="N", help="Action number.", autocompletion=complete_action)
    ],
    year: YearOption = None,
    fmt: FormatOption = "table",
    excel: ExcelOption = False,
    data: DataOption = None,
) -> None:
    """Show one action's story in time order: commitment, then progress and plans by year."""
    from strategy_cli.analysis.query import show_action

    out = _formatter(fmt, excel)
    asked, chosen = whole(number, "N"), whole(year, "--year")
    report, card, _ = state.scorecard(data)
    result = show_action(report, asked, chosen)
    result = result._replace(
        items={r.item.id: r for r in card.rows if r.item.action == result.number}
    )
    state.emit(out.show(result))
    if not result.sections:
        state.note(f"action {result.number} has nothing about {chosen}")


@app.command(
    cls=Command,
    epilog=(
        "strategy diff 2013 2014\n"
        "strategy diff 2012 2013          # the December 2012 commitments against 2013\n"
        "strategy diff 2013 2014 --action 4\n"
        "strategy diff 2013 2014 --exit-code   # exit 1 if a plan went unreported"
    ),
)
def diff(
    planned_in: Annotated[
        str,
        typer.Argument(
            metavar="A",
            help="Year whose report made the plans (the commitments' year for the first plans).",
            autocompletion=complete_planning_year,
        ),
    ],
    year: Annotated[
        str,
        typer.Argument(metavar="B", help="Year planned for: A + 1.", autocompletion=complete_year),
    ],
    action: Annotated[
        str | None,
        typer.Option(
            "--action",
            "-a",
            metavar="N",
            help="One action in detail, with the next plan compared word by word.",
            autocompletion=complete_action,
        ),
    ] = None,
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code",
            help="Exit 1 if any plan due went unreported (no evidence) or was carried over.",
        ),
    ] = False,
    fmt: FormatOption = "table",
    excel: ExcelOption = False,
    data: DataOption = None,
) -> None:
    """Planned against actual: what year A's report planned for year B, beside B's progress."""
    from strategy_cli.analysis.query import diff_years

    out = _formatter(fmt, excel)
    made, planned_for = whole(planned_in, "A"), whole(year, "B")
    report, card, _ = state.scorecard(data)
    result = diff_years(report, made, planned_for, whole(action, "--action"))
    shown = {r.number for r in result.rows}
    result = result._replace(
        items=tuple(r for r in card.rows if r.item.year == planned_for and r.item.action in shown)
    )
    state.emit(out.diff(result, detail=action is not None))
    if exit_code and (
        result.number_with("planned_only") or result.unanswered or result.carried_over
    ):
        raise typer.Exit(1)


@app.command(
    cls=Command,
    epilog=(
        "strategy search ckan\n"
        "strategy search GOV.UK --year 2014 --kind progress\n"
        "strategy search --regex 'will will' --format csv"
    ),
)
def search(
    text: Annotated[str, typer.Argument(help="Text to find (any case).")],
    regex: Annotated[
        bool, typer.Option("--regex", "-E", help="TEXT is a regular expression.")
    ] = False,
    action: ActionOption = None,
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
    excel: ExcelOption = False,
    data: DataOption = None,
) -> None:
    """Search all text, showing action, year, section and the passage, match highlighted."""
    from strategy_cli.analysis.query import KINDS, SearchResult, compile_pattern
    from strategy_cli.analysis.query import search as run_search

    out = _formatter(fmt, excel)
    for k in kind or []:
        if k not in KINDS:
            raise UsageError(f"unknown kind {k!r}; choose from: {', '.join(KINDS)}")
    pattern = compile_pattern(text, regex, _regex_seconds())
    hits = run_search(
        state.report(data),
        pattern,
        whole(action, "--action"),
        whole(year, "--year"),
        kind,  # type: ignore[arg-type]
    )
    state.emit(out.search(SearchResult(text, hits)))
    if not hits:
        state.note("no matches")


def _regex_seconds() -> float:
    """$STRATEGY_REGEX_SECONDS: how long --regex may run (default 1)."""
    import os

    from strategy_cli.analysis.query import REGEX_SECONDS

    value = os.environ.get("STRATEGY_REGEX_SECONDS", "")
    try:
        seconds = float(value) if value else REGEX_SECONDS
    except ValueError:
        raise UsageError(
            f"STRATEGY_REGEX_SECONDS must be a number of seconds, not {value!r}"
        ) from None
    if not 0 < seconds < 3600:
        raise UsageError(f"STRATEGY_REGEX_SECONDS must be between 0 and 3600, not {value!r}")
    return seconds


@app.command(cls=Command, epilog="strategy stats\nstrategy stats --format csv --excel > stats.csv")
def stats(fmt: FormatOption = "table", excel: ExcelOption = False, data: DataOption = None) -> None:
    """Per year: actions reporting progress, making plans, following through, carrying over."""
    from strategy_cli.analysis.query import stats as compute
    from strategy_cli.analysis.scorecard import with_items

    out = _formatter(fmt, excel)
    report, card, _ = state.scorecard(data)
    state.emit(out.stats(with_items(compute(report), card)))


@app.command(
    cls=Command,
    epilog=(
        "strategy scorecard\n"
        "strategy scorecard --year 2014 --signal no_trace --signal mentioned\n"
        "strategy scorecard --chain 4/2014/5\n"
        "strategy scorecard --format csv --excel > scorecard.csv"
    ),
)
def scorecard(
    year: YearOption = None,
    action: ActionOption = None,
    signal: Annotated[
        list[str] | None,
        typer.Option(
            "--signal",
            "-s",
            metavar="SIGNAL",
            help="Only items with this computed signal: addressed, mentioned, no_trace, not_due"
            " (repeatable).",
        ),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            metavar="STATUS",
            help="Only items whose recorded verdict is this: not_started, limited, substantial,"
            " complete, withdrawn, unclear, or none (repeatable).",
        ),
    ] = None,
    carried: Annotated[
        bool,
        typer.Option("--carried-over", help="Only items carried over to a later plan."),
    ] = False,
    chain: Annotated[
        str | None,
        typer.Option(
            "--chain",
            metavar="ID",
            help="One item's history: every plan it was carried from or to, with its evidence.",
        ),
    ] = None,
    fmt: FormatOption = "table",
    excel: ExcelOption = False,
    data: DataOption = None,
) -> None:
    """Every plan item: its evidence, computed signal, recorded verdict, where it was carried."""
    from strategy_cli.analysis.scorecard import select, unknown_verdicts

    out = _formatter(fmt, excel)
    report, card, recorded = state.scorecard(data)
    chosen = select(
        report,
        card,
        whole(year, "--year"),
        whole(action, "--action"),
        signal,
        status,
        carried,
        chain,
    )
    state.emit(out.scorecard(chosen))
    if not chosen.rows:
        state.note("no plan items match")
    if recorded is not None and (missing := unknown_verdicts(card, recorded)):
        state.say(
            f"warning: {len(missing)} recorded verdict(s) name items this report does not have"
            f" ({', '.join(missing[:5])}); run `strategy lint` to see why"
        )
