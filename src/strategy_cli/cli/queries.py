"""The read commands: list, show, diff, search, stats, scorecard. Each loads the report, asks
the core, and hands the finished result to the chosen format."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

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
from strategy_cli.english import plural
from strategy_cli.errors import UsageError, check_choice
from strategy_cli.output import words
from strategy_cli.output.base import Formatter

if TYPE_CHECKING:
    from strategy_cli.store.dataset import Member

app = typer.Typer(rich_markup_mode=None, add_completion=False)

DepartmentOption = Annotated[
    list[str] | None,
    typer.Option(
        "--department",
        "-d",
        metavar="D",
        help="With a folder of reports: only this department, by acronym or name (repeatable).",
    ),
]

T = TypeVar("T")


def _each(
    data: str | None,
    departments: list[str] | None,
    fmt: str,
    build: Callable[[Member, bool], T],
    render: Callable[[T], str],
    *,
    tabular: bool = False,
    header: bool = False,
) -> list[T]:
    """Each department's result (one, for a single report), rendered and emitted as one
    output; the results are returned for the command's notes and exit status."""
    members, folder = state.members(data, departments)
    return _each_of(members, folder, fmt, build, render, tabular=tabular, header=header)


def _each_of(
    members: list[Member],
    folder: bool,
    fmt: str,
    build: Callable[[Member, bool], T],
    render: Callable[[T], str],
    *,
    tabular: bool = False,
    header: bool = False,
) -> list[T]:
    """`_each` for members already chosen."""
    from strategy_cli.output.many import Part, combine

    results = [build(member, folder) for member in members]
    if not folder:
        state.emit(render(results[0]))
        return results
    parts = [Part(m.department, m.name, render(r)) for m, r in zip(members, results, strict=True)]
    terminal = state.console() is not None
    state.emit(combine(output_format(fmt), parts, tabular, terminal, header))
    return results


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
    department: DepartmentOption = None,
    fmt: FormatOption = "table",
    excel: ExcelOption = False,
    data: DataOption = None,
) -> None:
    """List every action with the years it has plans (P) and reported progress (R) for."""
    from strategy_cli.analysis.query import list_actions

    out = _formatter(fmt, excel)
    chosen = whole(year, "--year")
    results = _each(
        data,
        department,
        fmt,
        lambda member, _: list_actions(member.report, chosen, text),
        out.list_actions,
        tabular=True,
    )
    if not any(result.rows for result in results):
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
    department: DepartmentOption = None,
    fmt: FormatOption = "table",
    excel: ExcelOption = False,
    data: DataOption = None,
) -> None:
    """Show one action's story in time order: commitment, then progress and plans by year;
    with a folder of reports, every department's answer to it."""
    from strategy_cli.analysis.query import ShowResult, show_action

    out = _formatter(fmt, excel)
    asked, chosen = whole(number, "N"), whole(year, "--year")

    def build(member: Member, folder: bool) -> ShowResult:
        card, _ = state.scorecard_at(member, folder, asked)
        result = show_action(member.report, asked, chosen)
        return result._replace(
            items={r.item.id.unnamed: r for r in card.rows if r.item.action == result.number}
        )

    members, folder = state.members(data, department)
    if folder:
        members = [m for m in members if m.report.action(asked) is not None]
        if not members:
            raise UsageError(f"no department's report in this folder has action {asked}")
    results = _each_of(members, folder, fmt, build, out.show)
    if not any(result.sections for result in results):
        about = f"about {chosen}" if chosen is not None else "under it"
        state.note(f"action {asked} has nothing {about}")


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
    department: DepartmentOption = None,
    fmt: FormatOption = "table",
    excel: ExcelOption = False,
    data: DataOption = None,
) -> None:
    """Planned against actual: what year A's report planned for year B, beside B's progress."""
    from strategy_cli.analysis.query import DiffResult, diff_years

    out = _formatter(fmt, excel)
    made, planned_for = whole(planned_in, "A"), whole(year, "B")
    number = whole(action, "--action")

    def build(member: Member, folder: bool) -> DiffResult:
        card, _ = state.scorecard_at(member, folder, number)
        result = diff_years(member.report, made, planned_for, number)
        shown = {r.number for r in result.rows}
        return result._replace(
            items=tuple(
                r for r in card.rows if r.item.year == planned_for and r.item.action in shown
            )
        )

    results = _each(data, department, fmt, build, lambda r: out.diff(r, detail=action is not None))
    if exit_code and any(
        r.number_with("planned_only") or r.unanswered or r.carried_over for r in results
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
    department: DepartmentOption = None,
    fmt: FormatOption = "table",
    excel: ExcelOption = False,
    data: DataOption = None,
) -> None:
    """Search all text, showing action, year, section and the passage, match highlighted."""
    from strategy_cli.analysis.query import KINDS, SearchResult, compile_pattern
    from strategy_cli.analysis.query import search as run_search

    out = _formatter(fmt, excel)
    check_choice(kind or [], KINDS, "kind")
    pattern = compile_pattern(text, regex, _regex_seconds())
    number, chosen = whole(action, "--action"), whole(year, "--year")
    results = _each(
        data,
        department,
        fmt,
        lambda member, _: SearchResult(
            text,
            run_search(member.report, pattern, number, chosen, kind),  # type: ignore[arg-type]
        ),
        out.search,
        tabular=True,
    )
    if not any(result.hits for result in results):
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


@app.command(
    cls=Command,
    epilog=(
        "strategy stats\n"
        "strategy stats --format csv --excel > stats.csv\n"
        "strategy stats --data gov --by department"
    ),
)
def stats(
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            metavar="WHAT",
            help="department: with a folder of reports, one row per department, one column per"
            " year.",
        ),
    ] = None,
    department: DepartmentOption = None,
    fmt: FormatOption = "table",
    excel: ExcelOption = False,
    data: DataOption = None,
) -> None:
    """Per year: actions reporting progress, making plans, following through, carrying over."""
    from strategy_cli.analysis.query import YearStats
    from strategy_cli.analysis.query import stats as compute
    from strategy_cli.analysis.scorecard import with_items

    out = _formatter(fmt, excel)
    if by is not None and by != "department":
        raise UsageError(f"--by takes 'department', not {by!r}")

    def build(member: Member, folder: bool) -> list[YearStats]:
        card, _ = state.scorecard_at(member, folder)
        return with_items(compute(member.report), card)

    if by is None:
        _each(data, department, fmt, build, out.stats, tabular=True, header=True)
        return
    from strategy_cli.analysis.scorecard import DepartmentYears

    members, _ = state.members(data, department)
    matrix = [DepartmentYears(m.department, m.name, build(m, True)) for m in members]
    state.emit(out.stats_by_department(matrix))


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
    department: DepartmentOption = None,
    fmt: FormatOption = "table",
    excel: ExcelOption = False,
    data: DataOption = None,
) -> None:
    """Every plan item: its evidence, computed signal, recorded verdict, where it was carried."""
    from strategy_cli.analysis.items import ItemId
    from strategy_cli.analysis.scorecard import Scorecard, select, unknown_verdicts

    out = _formatter(fmt, excel)
    number, chosen = whole(year, "--year"), whole(action, "--action")
    wanted = list(department or [])
    if chain is not None and (named := ItemId.parse(chain).department) is not None:
        wanted = wanted or [named]
    missing: list[str] = []

    def build(member: Member, folder: bool) -> Scorecard:
        card, recorded = state.scorecard_at(member, folder)
        if recorded is not None:
            missing.extend(f"{member.path}: {i}" for i in unknown_verdicts(member.report, recorded))
        link = chain
        if link is not None and ":" in link:
            link = str(ItemId.parse(link)._replace(department=member.report.department))
        return select(member.report, card, number, chosen, signal, status, carried, link)

    members, folder = state.members(data, wanted)
    if chain is not None and folder and len(members) > 1:
        raise UsageError(
            f"--chain {chain}: {len(members)} departments have such an item; name one",
            hint=f"e.g. --chain {members[0].department}:{ItemId.parse(chain).local}",
        )
    results = _each_of(members, folder, fmt, build, out.scorecard, tabular=True, header=True)
    if not any(result.rows for result in results):
        state.note("no plan items match")
    elif state.console() is None and output_format(fmt).value == "table":
        # Piped, the rows are tab-separated data; the tallies a terminal shows go to stderr.
        for result in results:
            for line in words.scorecard_summary(result):
                state.note(line)
    if missing:
        state.say(
            f"warning: {plural(len(missing), 'recorded verdict')}"
            f" {'names an item' if len(missing) == 1 else 'name items'} the report does not"
            f" have ({', '.join(missing[:5])}); run `strategy lint` to see why"
        )
