"""Lint for a verdicts file: its shape, and each verdict against the report beside it (the id
exists, its stored text still matches, its quote is in that year's progress, a `complete`
verdict where the report shows no trace)."""

from __future__ import annotations

import datetime
from typing import Any

from strategy_cli.errors import DataError, UsageError
from strategy_cli.lint.engine import Finding, finding, parsed
from strategy_cli.model.report import Report
from strategy_cli.model.verdicts import Verdict, Verdicts
from strategy_cli.store.verdicts import report_of
from strategy_cli.store.yamlfile import locate


def check_verdicts(path: str, text: str, name: str) -> tuple[list[Finding], bool]:
    """Every finding of a verdicts file, and whether every rule ran."""
    from pydantic import ValidationError

    from strategy_cli.model.validation import problems_from
    from strategy_cli.store.verdicts import validate_verdicts

    findings, tree, _ = parsed(text, name, verdicts=True)
    if tree is None:
        return findings, False
    lines = text.split("\n")
    try:
        verdicts = validate_verdicts(tree)
    except ValidationError as error:
        return [*findings, *(finding(p, name, tree, lines) for p in problems_from(error))], False
    report_path = report_of(path)
    if report_path is None:
        expected = path[: path.lower().rindex(".verdicts")] + ".yaml"
        return [
            *findings,
            Finding(
                name, 1, 1, "V101", f"no report beside this verdicts file: expected {expected}"
            ),
        ], False
    try:
        from strategy_cli.store.cache import load_cached

        report = load_cached(report_path)
    except DataError as error:
        return [
            *findings,
            Finding(
                name,
                1,
                1,
                "V101",
                f"its report {report_path} does not load ({error.message}): run"
                f" `strategy lint {report_path}` and fix it first",
            ),
        ], False
    return [*findings, *_judge(report, verdicts, name, tree)], True


def _judge(report: Report, verdicts: Verdicts, name: str, tree: Any) -> list[Finding]:
    from strategy_cli.analysis.items import find_item, plan_items, quoted_in
    from strategy_cli.analysis.scorecard import scorecard
    from strategy_cli.analysis.similarity import plain_word_diff, word_diff

    signals = {str(r.item.id): r.signal for r in scorecard(report).rows}
    items = plan_items(report)
    out: list[Finding] = []

    def at(index: int, key: str, code: str, message: str) -> None:
        line, column = locate(tree, ("verdicts", index, key))
        out.append(Finding(name, line, column, code, message))

    for index, verdict in enumerate(verdicts.verdicts):
        try:
            item = find_item(report, verdict.item)
        except UsageError as error:
            moved = [str(u.id) for u in items if u.text == verdict.text]
            hint = f"; its stored text is now item {moved[0]}" if moved else ""
            at(index, "item", "V102", f"{error.message}{hint}")
            continue
        if item.text != verdict.text:
            moved = [str(u.id) for u in items if u.text == verdict.text]
            hint = f" The stored text is now item {moved[0]}." if moved else ""
            change = plain_word_diff(word_diff(verdict.text, item.text))
            at(
                index,
                "text",
                "V103",
                f"{item.id} has changed since this verdict was recorded ([-recorded-]{{+now+}}:"
                f" {change}): check the verdict still applies, then update its text.{hint}",
            )
        if quoted_in(report, item.year, verdict.evidence) is None:
            at(index, "evidence", "V104", _not_quoted(report, verdict, item.year))
        if verdict.date > datetime.date.today():
            at(
                index,
                "date",
                "V106",
                f"dated {verdict.date.isoformat()}, after today: as the latest verdict it hides"
                " every one recorded before that date; correct the date",
            )
        if verdict.status == "complete" and signals.get(str(item.id)) == "no_trace":
            at(
                index,
                "status",
                "V105",
                f"complete, but nothing in the {item.year} progress of any action touches"
                f" {item.id} (signal no_trace): check the verdict and its quote",
            )
    return out


def _not_quoted(report: Report, verdict: Verdict, year: int) -> str:
    """The V104 message, naming where else in the report the quote is, if it is."""
    from strategy_cli.analysis.items import quote_problem, where_quoted

    if (problem := quote_problem(verdict.evidence)) is not None:
        return problem
    message = f"the quoted evidence is not in the progress reported for {year} (in any action)"
    elsewhere = where_quoted(report, verdict.evidence)
    if elsewhere is not None:
        return f"{message}; it is in {elsewhere}"
    return f"{message}: copy it word for word from `strategy show`"
