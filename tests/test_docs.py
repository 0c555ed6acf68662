"""The README's examples are real: each `$ strategy ...` block is run and compared."""

from __future__ import annotations

import re
import shlex

import pytest

from tests.conftest import ROOT, run

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```console\n\$ strategy (.*?)\n(.*?)```", README, re.S)


def test_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 8


@pytest.mark.parametrize(("command", "output"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_example_output_is_what_the_tool_prints(command: str, output: str) -> None:
    result = run(*shlex.split(command))
    assert result.stdout + result.stderr == output


def test_every_rule_is_in_the_readme_table() -> None:
    from strategy_cli.lint.rules import RULES

    for rule in RULES.values():
        assert f"| `{rule.code}` | {rule.severity} | {rule.summary} |" in README, rule.code
