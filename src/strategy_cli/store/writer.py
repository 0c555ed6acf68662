"""The canonical data file: the layout `import` writes and `fmt` restores."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from strategy_cli.model.report import Paragraph, Report
from strategy_cli.store.yamlfile import dump

SCHEMA_FILE = "strategy.schema.json"


def header(report: Report, schema_ref: str = SCHEMA_FILE) -> str:
    return "\n".join(
        [
            f"yaml-language-server: $schema={schema_ref}",
            f"{report.title}: the department's published report as data.",
            f"Source: {report.source}",
            f"{report.licence}",
        ]
    )


def section_tree(section: list[Paragraph]) -> CommentedSeq:
    seq = CommentedSeq()
    for paragraph in section:
        if paragraph.items:
            entry = CommentedMap(text=paragraph.text)
            entry["items"] = CommentedSeq(paragraph.items)
            seq.append(entry)
        else:
            seq.append(paragraph.text)
    return seq


def report_tree(report: Report) -> CommentedMap:
    """The report as a round-trip tree in canonical key order, defaults left out."""
    tree = CommentedMap()
    tree["title"] = report.title
    tree["department"] = report.department
    if report.updated is not None:
        tree["updated"] = report.updated
    if report.commitments_made is not None:
        tree["commitments_made"] = report.commitments_made
    tree["licence"] = report.licence
    tree["source"] = report.source
    if report.preamble:
        tree["preamble"] = CommentedSeq(report.preamble)
    if report.introduction:
        tree["introduction"] = section_tree(report.introduction)
    actions = CommentedSeq()
    for action in report.actions:
        entry = CommentedMap()
        entry["number"] = action.number
        entry["title"] = action.title
        if action.notes:
            entry["notes"] = section_tree(action.notes)
        if action.commitment is not None:
            entry["commitment"] = section_tree(action.commitment)
        for kind in ("progress", "plans"):
            sections: dict[int, list[Paragraph]] = getattr(action, kind)
            if sections:
                entry[kind] = CommentedMap(
                    (year, section_tree(section)) for year, section in sections.items()
                )
        actions.append(entry)
    tree["actions"] = actions
    return tree


def render_data_file(report: Report, schema_ref: str = SCHEMA_FILE) -> str:
    tree: Any = report_tree(report)
    tree.yaml_set_start_comment(header(report, schema_ref))
    return dump(tree)
