"""YAML in and out: a safe round-trip parser that keeps line/column and comments, and one
canonical layout for everything the tool writes.

Safety: no Python tags (the round-trip constructor builds none), no anchors or aliases (refused
before they can expand), no duplicate keys, bounded nesting; the size bound is in `files`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.reader import ReaderError

from strategy_cli.errors import DataError, Position

MAX_DEPTH = 64
"""A report nests seven levels deep; anything near this bound is not a report."""

# Refused while composing, before any node is built: anchors and aliases (Y103), explicit tags
# (Y106) and nesting deeper than MAX_DEPTH (Y101).


class YamlError(DataError):
    """A file that is not acceptable YAML; `code` says which lint rule it breaks."""

    def __init__(self, message: str, position: Position, code: str):
        super().__init__(message, position)
        self.code = code


class _GuardedComposer(Composer):
    """Refuses anchors and aliases (alias bombs) and bounds the nesting depth."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if self.parser.check_event(AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Refused(
                "Y103",
                "anchors and aliases (&name, *name) are not allowed: write the text out",
                event.start_mark,
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise _Refused(
                "Y106",
                f"YAML tag {str(tag)!r} is not allowed: a report needs no tags (and the"
                " tool never builds the objects they name); remove it",
                event.start_mark,
            )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(
                "Y101",
                f"nesting deeper than {MAX_DEPTH} levels: this is not a report file",
                event.start_mark,
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Refused(Exception):
    def __init__(self, code: str, message: str, mark: Any):
        super().__init__(message)
        self.code, self.message, self.mark = code, message, mark


def _reader(positions: bool) -> YAML:
    # The round-trip loader keeps comments and line/column ("rt"); the safe one builds plain
    # dicts and lists ~20% faster, for reading a file that is only queried.
    yaml = YAML(typ="rt") if positions else YAML(typ="safe", pure=True)
    yaml.Composer = _GuardedComposer
    yaml.allow_duplicate_keys = False
    return yaml


def parse(text: str, name: str, positions: bool = True) -> Any:
    """The document: with `positions`, a round-trip tree (CommentedMap/Seq carry `.lc` line and
    column, and comments); without, plain Python data."""
    try:
        return _reader(positions).load(text)
    except _Refused as refused:
        raise YamlError(refused.message, _at(name, refused.mark), refused.code) from None
    except MarkedYAMLError as error:
        code = "Y102" if type(error).__name__ == "DuplicateKeyError" else "Y101"
        mark = error.problem_mark or error.context_mark
        raise YamlError(_yaml_message(error, code), _at(name, mark), code) from None
    except ReaderError as error:
        raise YamlError(
            f"character U+{error.character:04X} is not allowed in YAML: delete it",
            Position.at(name, text, error.position),
            "Y101",
        ) from None
    except YAMLError as error:
        raise YamlError(
            f"not valid YAML: {_first_line(str(error))}", Position(name), "Y101"
        ) from None
    except RecursionError:
        raise YamlError(
            "nesting too deep to read: this is not a report file", Position(name), "Y101"
        ) from None
    except ValueError:
        # ruamel.yaml's timestamp constructor: a date that is not in the calendar
        found = _impossible_date(text)
        if found is None:
            raise
        raise YamlError(
            f"{found.group()!r} is not a date in the calendar: correct it",
            Position.at(name, text, found.start()),
            "S003",
        ) from None


_DATE = re.compile(r"(?<![\w.:-])([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?![\w.:-])")


def _impossible_date(text: str) -> re.Match[str] | None:
    import datetime

    for found in _DATE.finditer(text):
        try:
            datetime.date(*map(int, found.groups()))
        except ValueError:
            return found
    return None


def _at(name: str, mark: Any) -> Position:
    if mark is None:
        return Position(name)
    return Position(name, mark.line + 1, mark.column + 1)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "unknown error"


def _yaml_message(error: MarkedYAMLError, code: str) -> str:
    if code == "Y102":
        problem = str(error.problem or "").strip()
        key = problem.split('"')[1] if problem.count('"') >= 2 else ""
        first = error.context_mark.line + 1 if error.context_mark else None
        where = f" (the mapping starts at line {first})" if first else ""
        return f"duplicate key {key!r}{where}: keep one of them"
    problem = (error.problem or error.context or "syntax error").strip()
    if "found character '\\t'" in problem or "\\t" in problem:
        problem = "a tab character where YAML needs spaces"
    return f"not valid YAML: {problem}; fix the syntax at this position"


def to_plain(node: Any) -> Any:
    """Plain dicts, lists and str for validation: the round-trip subclasses are not needed there."""
    if isinstance(node, dict):
        return {to_plain(key): to_plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [to_plain(item) for item in node]
    if isinstance(node, str):
        return str(node)
    return node


def locate(root: Any, path: Sequence[str | int], on_key: bool = False) -> tuple[int, int]:
    """1-based line and column of the deepest node along `path` that exists in the tree."""
    line, column = _start(root)
    node = root
    for index, step in enumerate(path):
        last = index == len(path) - 1
        if isinstance(node, CommentedMap):
            key = _find_key(node, step)
            if key is None:
                continue  # a pydantic union tag or a missing key: stay on the parent
            line, column = node.lc.key(key) if (last and on_key) else node.lc.value(key)
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            line, column = node.lc.item(step)
            node = node[step]
    return line + 1, column + 1


def _start(root: Any) -> tuple[int, int]:
    lc = getattr(root, "lc", None)
    if lc is not None and lc.line is not None:
        return lc.line, lc.col
    return 0, 0


def _find_key(mapping: CommentedMap, step: str | int) -> Any:
    if step in mapping:
        return step
    for key in mapping:
        if str(key) == str(step):
            return key
    return None


def writer() -> YAML:
    """The canonical layout: block style, two-space maps, dashes indented under their key."""
    yaml = YAML(typ="rt")
    yaml.width = 1_000_000  # never fold a paragraph across lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


def dump(tree: Any) -> str:
    stream = io.StringIO()
    writer().dump(tree, stream)
    return stream.getvalue()


# --- the fast path for files that are only read -----------------------------------------------

_SUSPECT = re.compile(r"(?:^[ \t]*|[:-][ \t]+|[\[{,][ \t]*)[\[{&*!%]|<<|^ {256}", re.MULTILINE)
"""What the fast reader leaves to ruamel.yaml: flow collections, anchors, aliases, tags and
directives (their indicators where a node can start: at a line's start, after `key:` or `- `,
or in a flow), merge keys, and indentation deep enough to nest far. Such characters inside
text ("R & D") are text to both readers."""

_MAYBE_NOT_TEXT = re.compile(
    r"[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?"
    r"|0[xob][0-9a-fA-F_]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    r"|true|True|TRUE|false|False|FALSE"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?"
)
"""A plain scalar that YAML 1.2 (ruamel.yaml) might read as other than text. The fast reader
reads only the forms a report uses (whole numbers, dates, null) and leaves the rest to it."""


class _Bail(Exception):
    """The fast reader cannot promise to read this as ruamel.yaml would."""


@cache
def _fast_loader() -> Any:
    """PyYAML's C loader (libyaml) with YAML 1.2's scalars instead of PyYAML's YAML 1.1 ones
    ("no" is text, "010" is not octal), and duplicate keys refused; None without libyaml."""
    try:
        import yaml
    except ImportError:
        return None
    base = getattr(yaml, "CSafeLoader", None)
    if base is None:
        return None

    class Loader(base):  # type: ignore[misc, valid-type]
        yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 (PyYAML's own layout)

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            found = super().construct_mapping(node, deep=deep)
            if len(found) != len(node.value):
                raise _Bail  # a duplicate key: ruamel.yaml says where
            return found

        def construct_undecided(self, node: Any) -> Any:
            raise _Bail

    int_tag, null_tag = "tag:yaml.org,2002:int", "tag:yaml.org,2002:null"
    Loader.add_implicit_resolver(int_tag, re.compile(r"^(?:0|[1-9][0-9]*)$"), list("0123456789"))
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:timestamp",
        re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
        list("0123456789"),
    )
    Loader.add_implicit_resolver(null_tag, re.compile(r"^(?:~|null|Null|NULL|)$"), [*"~nN", ""])
    Loader.add_implicit_resolver(
        "tag:strategy:undecided",
        re.compile(f"^(?:{_MAYBE_NOT_TEXT.pattern})$"),
        list("-+.0123456789tTfF"),
    )
    Loader.add_constructor("tag:strategy:undecided", Loader.construct_undecided)
    return Loader


def fast_plain(text: str) -> Any | None:
    """Plain data read by libyaml, some ten times faster than ruamel.yaml, for a file that needs
    no positions; None when libyaml is absent or the text holds anything this reader leaves to
    ruamel.yaml (which then reads it, and says where any problem is)."""
    loader = _fast_loader()
    if loader is None or _SUSPECT.search(text):
        return None
    import yaml

    try:
        return yaml.load(text, Loader=loader)  # a safe loader: see _fast_loader
    except (_Bail, yaml.YAMLError, ValueError, TypeError, RecursionError):
        return None
