"""Lint findings as text (ruff's concise form), JSON, or GitHub Actions annotations."""

from __future__ import annotations

from enum import Enum

from strategy_cli.english import plural
from strategy_cli.lint.engine import FileResult, Finding
from strategy_cli.lint.rules import RULES
from strategy_cli.output.base import unreachable
from strategy_cli.output.terminal import json_text, visible


class LintFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def text_line(finding: Finding) -> str:
    """`path:line:col: CODE message`, with `warning:` before a warning's message."""
    label = "warning: " if finding.severity == "warning" else ""
    return visible(
        f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {label}{finding.message}"
    )


def _escape_property(value: str) -> str:
    return (
        value.replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C")
    )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def annotation_path(path: str) -> str:
    """The path as GitHub wants it in an annotation: relative to the workspace (or, outside
    Actions, the current folder) when the file is inside it, as ruff writes it."""
    import os

    if path.startswith("<"):
        return path
    base = os.environ.get("GITHUB_WORKSPACE") or os.getcwd()
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, base)
    return path if relative.startswith("..") else relative


def github_line(finding: Finding) -> str:
    """A workflow command GitHub turns into an annotation on the pull request."""
    path = annotation_path(finding.path)
    properties = ",".join(
        [
            f"file={_escape_property(path)}",
            f"line={finding.line}",
            f"col={finding.column}",
            f"title={_escape_property(finding.code + ' ' + RULES[finding.code].summary)}",
        ]
    )
    return visible(f"::{finding.severity} {properties}::{_escape_data(finding.message)}")


def finding_json(finding: Finding) -> dict[str, object]:
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "code": finding.code,
        "severity": finding.severity,
        "rule": RULES[finding.code].summary,
        "message": finding.message,
    }


def render_findings(results: list[FileResult], fmt: LintFormat) -> str:
    findings = [f for result in results for f in result.findings]
    if fmt is LintFormat.text:
        return "".join(text_line(f) + "\n" for f in findings)
    if fmt is LintFormat.github:
        return "".join(github_line(f) + "\n" for f in findings)
    if fmt is LintFormat.json:
        return json_text([finding_json(f) for f in findings])
    return unreachable(fmt)


def summary(results: list[FileResult]) -> str:
    """`3 errors, 1 warning in 1 file (4 acknowledged)`, for stderr."""
    findings = [f for result in results for f in result.findings]
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    acknowledged = sum(result.acknowledged for result in results)

    text = (
        f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in"
        f" {plural(len(results), 'file')}"
    )
    where = "the file" if len(results) == 1 else "the files"
    return text + (f" ({acknowledged} acknowledged in {where})" if acknowledged else "")
