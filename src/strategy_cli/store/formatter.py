"""`strategy fmt`: the canonical layout `import` writes, restored in place with comments kept.

Keys are put in the dataclasses' order and years in ascending order; indentation and quoting are
the writer's. Comments travel with the key or item they are attached to. A file that does not
validate is never rewritten: fixing it comes first.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from strategy_cli.errors import DataError
from strategy_cli.model.report import Action, Paragraph, Report
from strategy_cli.store.datafile import read_tree, validated
from strategy_cli.store.yamlfile import dump

REPORT_KEYS = [f.name for f in fields(Report)]
ACTION_KEYS = [f.name for f in fields(Action)]
PARAGRAPH_KEYS = [f.name for f in fields(Paragraph)]


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


def _plain(node: Any) -> Any:
    """Scalars as plain str, so that the writer, not the file's history, picks the quoting."""
    return str(node) if isinstance(node, str) else node


def _section(seq: Any) -> Any:
    if not isinstance(seq, CommentedSeq):
        return seq
    for index, item in enumerate(seq):
        if isinstance(item, CommentedMap):
            item = _reordered(item, PARAGRAPH_KEYS)
            item["text"] = _plain(item["text"])
            if isinstance(item.get("items"), CommentedSeq):
                for j, bullet in enumerate(item["items"]):
                    item["items"][j] = _plain(bullet)
            seq[index] = item
        else:
            seq[index] = _plain(item)
    return seq


def _by_year(mapping: Any) -> Any:
    if not isinstance(mapping, CommentedMap):
        return mapping
    ordered = _reordered(mapping, sorted(mapping, key=str))
    for year in ordered:
        ordered[year] = _section(ordered[year])
    return ordered


def canonical(tree: CommentedMap) -> CommentedMap:
    root = _reordered(tree, REPORT_KEYS)
    for key in ("title", "department", "commitments_made", "licence", "source"):
        if key in root:
            root[key] = _plain(root[key])
    for key in ("preamble", "introduction"):
        if key in root:
            root[key] = _section(root[key])
    actions = root.get("actions")
    if isinstance(actions, CommentedSeq):
        for index, action in enumerate(actions):
            if not isinstance(action, CommentedMap):
                continue
            action = _reordered(action, ACTION_KEYS)
            action["title"] = _plain(action.get("title"))
            for key in ("notes", "commitment"):
                if key in action:
                    action[key] = _section(action[key])
            for key in ("progress", "plans"):
                if key in action:
                    action[key] = _by_year(action[key])
            actions[index] = action
    return root


def format_file(path: str) -> tuple[str, str, Report]:
    """Current text, canonical text and report of a data file; refuses a file that does not
    validate."""
    name, text, tree = read_tree(path)
    try:
        report = validated(path, name, tree)
    except DataError as error:
        error.message += "; not reformatting a file that does not validate"
        raise
    return text, dump(canonical(tree)), report
