"""The one exception family the core raises; the CLI turns it into a message and an exit code."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Position(NamedTuple):
    """A place in a file, 1-based, as editors and linters print it."""

    path: str
    line: int | None = None
    column: int | None = None

    @classmethod
    def at(cls, path: str, text: str, offset: int) -> Position:
        """The line and column of a character offset in a text."""
        before = text[:offset]
        return cls(path, before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class StrategyError(Exception):
    """Base of every error the core reports to a user; never shown as a traceback."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        position: Position | None = None,
        hint: str | None = None,
        problems: list[tuple[Position, str]] | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.position = position
        self.hint = hint
        self.problems: list[tuple[Position, str]] = problems or (
            [(position, message)] if position is not None else []
        )
        """Every problem found, each at its place: the first is `position` and `message`."""

    def __str__(self) -> str:
        text = f"{self.position}: {self.message}" if self.position else self.message
        return f"{text}\n{self.hint}" if self.hint else text


class DataError(StrategyError):
    """A data file or page that cannot be read, parsed or validated (exit 1)."""


class UsageError(StrategyError):
    """A request the data cannot answer: unknown action, bad year, bad option (exit 2)."""

    exit_code = 2


def check_choice(values: Iterable[str], allowed: Iterable[str], what: str) -> None:
    """Each value one of `allowed`, else the usage error every option of choices gives."""
    known = list(allowed)
    for value in values:
        if value not in known:
            raise UsageError(f"unknown {what} {value!r}; choose from: {', '.join(known)}")
