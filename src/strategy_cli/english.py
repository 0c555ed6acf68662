"""How the tool's messages say a count: one word for one, the plural for the rest."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 file`, `2 files` (or the plural given: `2 entries`)."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"
