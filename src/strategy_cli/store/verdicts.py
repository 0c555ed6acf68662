"""The verdicts file beside a report: found by name, read with positions, appended to in place.

`co.yaml` -> `co.verdicts.yaml` (`.verdicts.yml` is read too; also for `co.yml`, a `co.json`
export, or a report file of any other name). A report read from standard input has none.
Appending keeps every comment, every earlier verdict, the file's line endings and byte-order
mark; it is refused if the file changed between reading and writing, and a new file is created
so that two writers cannot both create it (a concurrent edit is never lost).
"""

from __future__ import annotations

import os
import stat
from typing import Any, NamedTuple

from strategy_cli.english import plural
from strategy_cli.errors import DataError, Position
from strategy_cli.model.verdicts import SUFFIX, Verdict, Verdicts
from strategy_cli.store.files import (
    MAX_BYTES,
    STDIN,
    atomic_write,
    decode,
    display_name,
    read_bytes,
)

REPORT_EXTENSIONS = (".yaml", ".yml", ".json")
VERDICTS_EXTENSIONS = (f"{SUFFIX}.yaml", f"{SUFFIX}.yml")


def _root(report_path: str) -> str:
    root, extension = os.path.splitext(report_path)
    return root if extension.lower() in REPORT_EXTENSIONS else report_path


def verdicts_path(report_path: str) -> str | None:
    """Where a report's verdicts are written; None for a report read from standard input."""
    if report_path == STDIN:
        return None
    return _root(report_path) + VERDICTS_EXTENSIONS[0]


def existing_verdicts(report_path: str) -> str | None:
    """The report's verdicts file if there is one (anything at the name counts: lint and the
    reader say what is wrong with it)."""
    if report_path == STDIN:
        return None
    root = _root(report_path)
    found = [root + e for e in VERDICTS_EXTENSIONS if os.path.lexists(root + e)]
    if len(found) > 1:
        raise DataError(
            f"two verdicts files for one report: {found[0]} and {found[1]}; keep one",
            Position(found[1]),
        )
    return found[0] if found else None


def is_verdicts_file(path: str) -> bool:
    return os.path.basename(path).lower().endswith(VERDICTS_EXTENSIONS)


def report_of(verdicts_file: str) -> str | None:
    """The report a verdicts file belongs to: the file of the same name without `.verdicts`
    (with a report extension, or none), in any case, if there is one."""
    root = verdicts_file[: verdicts_file.lower().rindex(SUFFIX)]
    folder, stem = os.path.split(root)
    try:
        names = os.listdir(folder or ".")
    except OSError:
        return None
    wanted = {(stem + e).casefold() for e in ("", *REPORT_EXTENSIONS)}
    found = sorted(n for n in names if n.casefold() in wanted and not is_verdicts_file(n))
    return os.path.join(folder, found[0]) if found else None


class ReadVerdicts(NamedTuple):
    path: str
    name: str
    data: bytes
    text: str
    tree: Any
    verdicts: Verdicts


def read_verdicts(path: str) -> ReadVerdicts:
    """The verdicts in a file, or one `DataError` at the first problem's file:line:column.
    Only a regular file is opened: a pipe or device there would block every reader."""
    name = display_name(path)
    require_regular(path, name)
    data = read_bytes(path)
    text = decode(data, name)
    tree, verdicts = parse_verdicts(text, name)
    return ReadVerdicts(path, name, data, text, tree, verdicts)


def require_regular(path: str, name: str) -> None:
    """A verdicts file is opened only when it is a regular file (a link to one is fine)."""
    try:
        info = os.stat(path)
    except OSError as error:
        reason = "a link to nothing" if os.path.islink(path) else error.strerror
        raise DataError(f"cannot read the verdicts file: {reason}", Position(name)) from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise DataError(f"the verdicts file is {kind}: move it aside", Position(name))


NOT_VERDICTS = "a verdicts file is a mapping with a 'verdicts:' list"


def parse_verdicts(text: str, name: str) -> tuple[Any, Verdicts]:
    """The tree and the verdicts; an empty file (or an empty `verdicts:`) holds none."""
    from pydantic import ValidationError

    from strategy_cli.model.validation import problems_from
    from strategy_cli.store.datafile import located
    from strategy_cli.store.yamlfile import parse

    tree = parse(text.removeprefix("\ufeff"), name)
    if tree is None:
        return None, Verdicts()
    if (problem := not_verdicts(tree)) is not None:
        raise DataError(problem, Position(name, 1, 1))
    try:
        return tree, validate_verdicts(tree)
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


def not_verdicts(tree: Any) -> str | None:
    """Why a parsed document (not empty) cannot be a verdicts file, if it cannot."""
    if isinstance(tree, dict):
        return None
    return f"{NOT_VERDICTS}, not {'a list' if isinstance(tree, list) else 'a single value'}"


def validate_verdicts(tree: Any) -> Verdicts:
    """The verdicts in a parsed mapping (`verdicts:` left empty holds none); pydantic's
    ValidationError otherwise, for the caller to place."""
    from strategy_cli.model.validation import adapter
    from strategy_cli.store.yamlfile import to_plain

    plain = to_plain(tree)
    if plain.get("verdicts", []) is None:
        plain["verdicts"] = []
    verdicts: Verdicts = adapter(Verdicts).validate_python(plain)
    return verdicts


def verdicts_for(report_path: str) -> ReadVerdicts | None:
    """The report's verdicts file as read, or None when it has none."""
    path = existing_verdicts(report_path)
    return read_verdicts(path) if path is not None else None


HEADER = (
    "yaml-language-server: $schema=verdicts.schema.json\n"
    "Verdicts on the plan items of {report}, recorded with `strategy assess`.\n"
    "A later verdict on an item keeps the earlier ones as its history; the latest is current."
)


def record(report_path: str, verdict: Verdict) -> str:
    """Append one verdict to the report's verdicts file (made if missing); returns its path."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from strategy_cli.output.terminal import visible
    from strategy_cli.store.yamlfile import dump

    path = existing_verdicts(report_path) or verdicts_path(report_path)
    if path is None:
        raise DataError(
            "verdicts are kept in a file beside the report, and a report read from standard"
            " input has none: save the report to a file first"
        )
    read = read_verdicts(path) if os.path.lexists(path) else None
    tree = read.tree if read is not None else None
    if tree is None:
        tree = CommentedMap()
        tree.yaml_set_start_comment(HEADER.format(report=visible(os.path.basename(report_path))))
    if tree.get("verdicts") is None:
        tree["verdicts"] = CommentedSeq()
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
    text = dump(tree)
    if read is not None:  # the file's own conventions
        if "\r\n" in read.text:
            text = text.replace("\n", "\r\n")
        if read.data.startswith(b"\xef\xbb\xbf"):
            text = "\ufeff" + text
    atomic_write(
        path,
        text,
        check=_readable,
        expected=read.data if read is not None else None,
        create=read is None,
    )
    return path


def _readable(text: str) -> None:
    """What is about to be written must read back as a verdicts file, within the size every
    reader of it keeps to."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise DataError(
            f"the verdicts file would be {size:,} bytes, over the {MAX_BYTES:,}-byte limit every"
            " reader of it keeps; nothing written (move old verdicts to another file)"
        )
    try:
        parse_verdicts(text, "<output>")
    except DataError as error:
        raise DataError(
            f"the verdicts file would not read back ({error}); nothing written"
        ) from None
