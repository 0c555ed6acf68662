"""Parameters without typer's pydantic coercion, which this tool's parameters do not need."""

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
    """Every command of the tool: typer's, with the coercion above."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        skip_coercion(self.get_params(ctx))
        return super().parse_args(ctx, args)
