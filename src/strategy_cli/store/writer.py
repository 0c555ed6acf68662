"""The canonical data file: the layout `import` writes and `fmt` restores, derived from the
model's shape (field order, defaults left out, a paragraph without bullets as a plain string)."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from strategy_cli.model.report import Report
from strategy_cli.model.shape import shape, to_tree
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


def report_tree(report: Report) -> CommentedMap:
    """The report as a round-trip tree in canonical key order, defaults left out."""
    tree = to_tree(report, shape(Report), CommentedMap, CommentedSeq)
    assert isinstance(tree, CommentedMap)
    return tree


def render_data_file(report: Report, schema_ref: str = SCHEMA_FILE) -> str:
    tree: Any = report_tree(report)
    tree.yaml_set_start_comment(header(report, schema_ref))
    return dump(tree)


def readable_data_file(text: str) -> Report:
    """The text read back as a data file (YAML, or a JSON export): what `-o` and `fmt` check
    before they replace anything."""
    from strategy_cli.errors import DataError
    from strategy_cli.store.datafile import load_text
    from strategy_cli.store.files import MAX_BYTES

    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise DataError(
            f"the data file would be {size:,} bytes, over the {MAX_BYTES:,}-byte limit every"
            " reader of it keeps; nothing written (split the page, or import it in parts)"
        )
    name = "<output>.json" if text.lstrip().startswith("{") else "<output>.yaml"
    try:
        return load_text(text, name, name)
    except DataError as error:
        raise DataError(f"the output would not read back ({error}); nothing written") from None
