"""`strategy fmt`: the canonical layout `import` writes, restored in place with comments kept.

Keys are put in the model's field order (read from its shape) and years in ascending order;
indentation and quoting are the writer's. Comments travel with the key or item they are
attached to. A file that does not validate is never rewritten: fixing it comes first.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from strategy_cli.errors import DataError, Position
from strategy_cli.model.report import Report
from strategy_cli.model.shape import ByYear, ListOf, Model, Node, Optional, shape
from strategy_cli.store.datafile import is_json, raw_characters, read_tree, validated
from strategy_cli.store.yamlfile import dump


def _reordered(mapping: CommentedMap, order: list[Any]) -> CommentedMap:
    """A copy with keys in `order` (others after, as found), each key keeping its comments."""
    out = CommentedMap()
    keys = [k for k in order if k in mapping] + [k for k in mapping if k not in order]
    for key in keys:
        out[key] = mapping[key]
        if key in mapping.ca.items:
            out.ca.items[key] = mapping.ca.items[key]
    out.ca.comment = mapping.ca.comment
    out.ca.end = mapping.ca.end
    return out


def _canonical(value: Any, node: Node) -> Any:
    """The tree in the model's order, walked by its shape; what the shape does not know (a
    file that would not validate never gets here) is left as found."""
    if isinstance(node, Model):
        if isinstance(value, CommentedMap):
            out = _reordered(value, node.names)
            for f in node.fields:
                if f.name in out:
                    out[f.name] = _canonical(out[f.name], f.node)
            return out
        return _canonical(value, node.fields[0].node) if node.shorthand else value
    if isinstance(node, Optional):
        return None if value is None else _canonical(value, node.inner)
    if isinstance(node, ListOf) and isinstance(value, CommentedSeq):
        for index, item in enumerate(value):
            value[index] = _canonical(item, node.inner)
        return value
    if isinstance(node, ByYear) and isinstance(value, CommentedMap):
        ordered = _reordered(value, sorted(value, key=str))
        for year in ordered:
            ordered[year] = _canonical(ordered[year], node.inner)
        return ordered
    # Scalars as plain str, so that the writer, not the file's history, picks the quoting.
    return str(value) if isinstance(value, str) else value


def canonical(tree: CommentedMap) -> CommentedMap:
    out = _canonical(tree, shape(Report))
    assert isinstance(out, CommentedMap)
    return out


class Formatted(NamedTuple):
    before: str
    after: str
    report: Report
    data: bytes
    """The file's bytes as read: a rewrite is refused if they changed meanwhile."""


def format_file(path: str) -> Formatted:
    """Current text, canonical text and report of a data file; refuses a file that does not
    validate."""
    read = read_tree(path)
    if is_json(read.text, read.name):
        raise DataError(
            "fmt keeps YAML data files in the canonical layout, and this is JSON (a JSON export"
            " is written whole by `strategy export -f json`); nothing reformatted",
            Position(read.name),
        )
    if raw := raw_characters(read.text, read.name):
        position, message = raw[0]
        raise DataError(message + "; not reformatting a file that does not validate", position)
    try:
        report = validated(path, read.name, read.tree, read.text)
    except DataError as error:
        error.message += "; not reformatting a file that does not validate"
        raise
    return Formatted(read.text, dump(canonical(read.tree)), report, read.data)
