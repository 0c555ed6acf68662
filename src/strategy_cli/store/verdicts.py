"""The verdicts file beside a report: found by name, read with positions, appended to in place.

`co.yaml` -> `co.verdicts.yaml` (also for `co.yml` and a `co.json` export). A report read from
standard input has none. Appending keeps every comment and every earlier verdict, and is refused
if the file changed between reading and writing (a concurrent edit is never lost).
"""

from __future__ import annotations

import os
from typing import Any, NamedTuple

from strategy_cli.english import plural
from strategy_cli.errors import DataError
from strategy_cli.model.verdicts import SUFFIX, Verdict, Verdicts
from strategy_cli.store.files import STDIN, atomic_write, decode, display_name, read_bytes

REPORT_EXTENSIONS = (".yaml", ".yml", ".json")


def verdicts_path(report_path: str) -> str | None:
    """Where a report's verdicts live; None for a report read from standard input."""
    if report_path == STDIN:
        return None
    root, extension = os.path.splitext(report_path)
    if extension.lower() not in REPORT_EXTENSIONS:
        root = report_path
    return f"{root}{SUFFIX}.yaml"


def is_verdicts_file(path: str) -> bool:
    name = os.path.basename(path).lower()
    return name.endswith((f"{SUFFIX}.yaml", f"{SUFFIX}.yml"))


def report_of(verdicts_file: str) -> str | None:
    """The report a verdicts file belongs to: the same name without `.verdicts`, if it exists."""
    root = verdicts_file[: verdicts_file.lower().rindex(SUFFIX)]
    for extension in REPORT_EXTENSIONS:
        if os.path.isfile(root + extension):
            return root + extension
    return None


class ReadVerdicts(NamedTuple):
    path: str
    name: str
    data: bytes
    text: str
    tree: Any
    verdicts: Verdicts


def read_verdicts(path: str) -> ReadVerdicts:
    """The verdicts in a file, or one `DataError` at the first problem's file:line:column."""
    name = display_name(path)
    data = read_bytes(path)
    text = decode(data, name)
    tree, verdicts = parse_verdicts(text, name)
    return ReadVerdicts(path, name, data, text, tree, verdicts)


def parse_verdicts(text: str, name: str) -> tuple[Any, Verdicts]:
    from pydantic import ValidationError

    from strategy_cli.model.validation import adapter, problems_from
    from strategy_cli.store.datafile import located, parse_tree
    from strategy_cli.store.yamlfile import to_plain

    tree = parse_tree(text, name)
    try:
        return tree, adapter(Verdicts).validate_python(to_plain(tree))
    except ValidationError as error:
        problems = located(problems_from(error), name, tree, text.split("\n"))
    position, message = problems[0]
    more = len(problems) - 1
    raise DataError(
        message,
        position,
        f"({plural(more, 'more problem')} in this file; run `strategy lint` to see them all)"
        if more
        else None,
        problems=problems,
    )


def verdicts_for(report_path: str) -> ReadVerdicts | None:
    """The report's verdicts file as read, or None when it has none."""
    path = verdicts_path(report_path)
    if path is None or not os.path.lexists(path):
        return None
    return read_verdicts(path)


HEADER = (
    "yaml-language-server: $schema=verdicts.schema.json\n"
    "Verdicts on the plan items of {report}, recorded with `strategy assess`.\n"
    "A later verdict on an item keeps the earlier ones as its history; the latest is current."
)


def record(report_path: str, verdict: Verdict) -> str:
    """Append one verdict to the report's verdicts file (made if missing); returns its path."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    path = verdicts_path(report_path)
    if path is None:
        raise DataError(
            "verdicts are kept in a file beside the report, and a report read from standard"
            " input has none: save the report to a file first"
        )
    if os.path.lexists(path):
        read = read_verdicts(path)
        tree, expected = read.tree, read.data
        if "verdicts" not in tree or tree["verdicts"] is None:
            tree["verdicts"] = CommentedSeq()
    else:
        tree, expected = CommentedMap(), None
        tree["verdicts"] = CommentedSeq()
        tree.yaml_set_start_comment(HEADER.format(report=os.path.basename(report_path)))
    entry = CommentedMap()
    entry["item"] = verdict.item
    entry["text"] = verdict.text
    entry["status"] = verdict.status
    entry["evidence"] = verdict.evidence
    entry["by"] = verdict.by
    entry["date"] = verdict.date
    if verdict.note is not None:
        entry["note"] = verdict.note
    tree["verdicts"].append(entry)
    from strategy_cli.store.yamlfile import dump

    text = dump(tree)
    atomic_write(path, text, check=_readable, expected=expected)
    return path


def _readable(text: str) -> None:
    """What is about to be written must read back as a verdicts file."""
    try:
        parse_verdicts(text, "<output>")
    except DataError as error:
        raise DataError(
            f"the verdicts file would not read back ({error}); nothing written"
        ) from None
