"""The root command: global options, the lazy command table, and the one place where errors
become messages and exit codes.

Commands are built only when invoked: a command's module (and its typer parameters, which
typer 0.29 and later coerce through pydantic adapters) is imported for that command alone, so
`strategy show 5` pays for `show`, not for every command.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, NamedTuple

import typer
from typer.core import TyperGroup

from strategy_cli.cli import state
from strategy_cli.cli.command import skip_coercion
from strategy_cli.errors import StrategyError
from strategy_cli.output.terminal import visible


class Spec(NamedTuple):
    module: str
    summary: str


COMMANDS: dict[str, Spec] = {
    "list": Spec("queries", "List every action with the years it has plans (P) and progress (R)."),
    "show": Spec("queries", "Show one action's story in time order."),
    "diff": Spec("queries", "Planned against actual: year A's plans for B, beside B's progress."),
    "search": Spec("queries", "Search all text; the match is highlighted."),
    "stats": Spec("queries", "Per year: progress, plans, follow-through, carried-over plans."),
    "scorecard": Spec("queries", "Every plan item: evidence, signal, verdict, carried over."),
    "assess": Spec("review", "Record a verdict on a plan item, with the quote it rests on."),
    "lint": Spec("checks", "Check data files: each problem at its line and column."),
    "fmt": Spec("checks", "Rewrite data files in the canonical layout, keeping comments."),
    "import": Spec("data", "Turn a published page into a data file."),
    "export": Spec("data", "Write the report back out: as the published page, or as JSON."),
    "schema": Spec("data", "Print the JSON Schema of the data file."),
    "site": Spec("web", "Write a static website of the report, to read in a browser."),
}
"""Every command: the module under `strategy_cli.cli` that defines it, and its one-line help."""

INTERNAL_ERROR = 70
"""EX_SOFTWARE from sysexits.h: neither the data nor the request is at fault."""
INTERRUPTED = 130
"""128 + SIGINT, as shells report a command stopped with Ctrl-C."""


class _LazyCommands(Mapping[str, Any]):
    """The command table, each command built on first lookup from its module's typer app."""

    def __init__(self) -> None:
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            spec = COMMANDS[name]
            module = importlib.import_module(f"strategy_cli.cli.{spec.module}")
            built = typer.main.get_command(module.app)
            # typer builds a module of one command as that command, not as a group
            commands = getattr(built, "commands", {name: built})
            self._built[name] = commands[name]
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class _Commands(TyperGroup):
    """Lazy commands, and the core's errors turned into one message and an exit code."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _LazyCommands()  # type: ignore[assignment]

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        skip_coercion(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Usage errors in the tool's own style (`strategy: error: ...`, exit 2), whichever typer
        (and click) is installed."""
        try:
            result = super().main(
                args=args,
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
            code = result if isinstance(result, int) else 0
        except _CLICK_ERROR as error:
            code = _usage_error(error)
        except typer.Abort:
            state.say("interrupted")
            code = INTERRUPTED
        if standalone_mode:
            sys.exit(code)
        return code

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The summaries from the table, so that `--help` builds no command."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, spec.summary) for name, spec in COMMANDS.items()])

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except StrategyError as error:
            state.report_error(error)
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise  # typer's own: usage errors print themselves and exit 2
        except KeyboardInterrupt:
            state.say("interrupted")
            raise typer.Exit(INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (`strategy list | head`): a quiet, successful end.
            state.silence_stdout()
            raise typer.Exit(0) from None
        except OSError as error:
            # Only writing the output can fail here (files are read and written by the core,
            # which reports its own errors): a full disk, under a result or under `--help`.
            state.report_error(
                state.OutputError(f"cannot write to standard output: {error.strerror}")
            )
            raise typer.Exit(1) from None
        except Exception as error:
            if os.environ.get("STRATEGY_DEBUG"):
                raise
            state.say(
                f"internal error: {type(error).__name__}: {visible(str(error))}\n"
                "this is a bug in strategy; run again with STRATEGY_DEBUG=1 for the traceback"
                " and report it"
            )
            raise typer.Exit(INTERNAL_ERROR) from None


_CLICK_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)
"""click's exception base (typer 0.29 and later vendor click, so it is found, not imported)."""


def _usage_error(error: Any) -> int:
    """A usage error as one message line and a hint; a bare `strategy` still shows the help."""
    if type(error).__name__ == "NoArgsIsHelpError":
        error.show()
        return int(error.exit_code)
    message = error.format_message()
    message = message[:1].lower() + message[1:]
    ctx = getattr(error, "ctx", None)
    hint = f"see `{ctx.command_path} --help`" if ctx is not None else None
    state.say(f"error: {visible(message)}" + (f"\n{hint}" if hint else ""))
    return int(getattr(error, "exit_code", 2))


app = typer.Typer(
    cls=_Commands,
    name="strategy",
    help="Query and check a UK government department's digital strategy report, kept as data.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from strategy_cli import __version__

        typer.echo(f"strategy {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            metavar="PATH",
            help="Report data file to use (default: $STRATEGY_DATA, else the bundled "
            "Cabinet Office report). '-' reads standard input. Also accepted after the command.",
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


def run(argv: list[str] | None = None) -> None:
    """The console script: exit with the command's status, never a traceback."""
    sys.exit(state.guarded(lambda: app(args=argv, prog_name="strategy")))
