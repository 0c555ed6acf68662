"""The class of every command: typer's, with help written like gh's (usage, summary,
arguments, options, examples; the same whichever typer is installed) and without typer's
pydantic coercion, which this tool's parameters do not need."""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand

_PLAIN = (str, bool, str | None, list[str], list[str] | None)


class _Text:
    """Coercion for text, flags and lists of text, which need none.

    typer 0.29 coerces every parameter through a pydantic TypeAdapter; importing the module
    that builds them costs more than the rest of a query. Every parameter of this tool is text
    (numbers are parsed by the command, in its own words), a flag or a list of text, so the
    value click parsed is already the value. This is set on typer's per-parameter slot for
    coercion; where a typer has no such slot it is never read and typer coerces as usual."""

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        many = getattr(param, "multiple", False) or getattr(param, "nargs", 1) == -1
        if value is None:
            return () if many else None
        return list(value) if many else value


def skip_coercion(params: list[Any]) -> None:
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is not None and getattr(descriptor, "annotation", None) in _PLAIN:
            param._runtime_param = _Text()


class Command(TyperCommand):
    """Every command of the tool. Its `epilog` holds examples, one command per line."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        skip_coercion(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def _arguments(self, ctx: Any) -> list[Any]:
        return [p for p in self.get_params(ctx) if p.param_type_name == "argument"]

    @staticmethod
    def _metavar(param: Any) -> str:
        name = str(param.metavar or param.name.upper())
        many = param.nargs == -1
        shown = f"{name}..." if many else name
        return shown if param.required else f"[{shown}]"

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = ["[OPTIONS]", *(self._metavar(p) for p in self._arguments(ctx))]
        formatter.write_usage(ctx.command_path, " ".join(pieces))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.format_usage(ctx, formatter)
        if self.help:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(self.help.split("\n\n")[0].strip())
        arguments = [
            (str(p.metavar or p.name.upper()), getattr(p, "help", None) or "")
            for p in self._arguments(ctx)
        ]
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        options = [
            record
            for p in self.get_params(ctx)
            if p.param_type_name == "option" and (record := p.get_help_record(ctx))
        ]
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)
        if self.epilog:
            with formatter.section("Examples"):
                for line in self.epilog.strip().splitlines():
                    formatter.write(f"{'':>{formatter.current_indent}}{line.strip()}\n")
