"""The Python API: what `from strategy_cli import ...` promises, and no trap in it."""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import strategy_cli
from strategy_cli import (
    Action,
    DataError,
    InvalidReport,
    Paragraph,
    Report,
    dump,
    load,
    validate,
)
from tests.conftest import DATA, ROOT, run


class TestPublicNames:
    """Everything in `__all__` is there, and importing the package costs nothing."""

    def test_all_resolves(self) -> None:
        for name in strategy_cli.__all__:
            assert getattr(strategy_cli, name) is not None, name

    def test_importing_the_package_loads_no_dependency(self) -> None:
        code = (
            "import sys; before = set(sys.modules); import strategy_cli; "
            "print(sorted(m for m in set(sys.modules) - before"
            " if m.split('.')[0] in ('pydantic', 'ruamel', 'rich', 'typer')))"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "[]"

    def test_the_documented_one_liner(self) -> None:
        code = "from strategy_cli import load; print(len(load('data/co.yaml').actions))"
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
        )
        assert result.stdout == "16\n"


class TestLoad:
    """`load` returns a validated report, or one DataError with every problem placed."""

    def test_yaml(self) -> None:
        report = load(DATA)
        assert isinstance(report, Report)
        assert report.action(5) is not None

    def test_json_export_reads_back(self, tmp_path: Path) -> None:
        exported = tmp_path / "export.json"
        assert run("export", "-f", "json", "-o", str(exported)).code == 0
        assert load(exported, cache=False) == load(DATA)
        assert run("--data", str(exported), "show", "5").stdout == run("show", "5").stdout

    def test_problems_at_file_line_column(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text(
            DATA.read_text(encoding="utf-8")
            .replace("department: CO\n", "department: 5\n")
            .replace("  - number: 7\n", "  - number: seven\n"),
            encoding="utf-8",
        )
        with pytest.raises(DataError) as caught:
            load(bad, cache=False)
        error = caught.value
        assert str(error.position) == f"{bad}:6:13"
        assert [(str(p), m.split(":")[0]) for p, m in error.problems] == [
            (f"{bad}:6:13", "S003 department"),
            (f"{bad}:130:13", "S003 actions[6].number"),
        ]

    def test_json_problems_are_placed_too(self, tmp_path: Path) -> None:
        document = dump(load(DATA))
        document["actions"][1]["number"] = "2"
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(DataError) as caught:
            load(bad, cache=False)
        assert caught.value.position is not None
        assert caught.value.position.line is not None
        assert caught.value.position.line > 1
        assert "actions[1].number" in caught.value.message


class TestModelsCannotBeBuiltInvalid:
    """No instance escapes validation: built by hand, replaced, or validated again."""

    def test_wrong_type(self) -> None:
        with pytest.raises(InvalidReport) as caught:
            Report(
                title="t",
                department=5,  # type: ignore[arg-type]
                licence="l",
                source="s",
                actions=[Action(number=1, title="a")],
            )
        assert caught.value.problems[0][1] == "S003 department: expected text, got 5"

    def test_empty_and_multiline_text(self) -> None:
        with pytest.raises(InvalidReport, match="T101"):
            Paragraph(text=" ")
        with pytest.raises(InvalidReport, match="T107"):
            Action(number=1, title="two\nlines")

    def test_document_rules(self) -> None:
        with pytest.raises(InvalidReport, match="S102 duplicate action number 1"):
            Report(
                title="t",
                department="d",
                licence="l",
                source="s",
                actions=[Action(number=1, title="a"), Action(number=1, title="b")],
            )

    def test_replace_is_checked(self) -> None:
        with pytest.raises(InvalidReport):
            dataclasses.replace(load(DATA), actions=[])

    @pytest.mark.parametrize(
        "build",
        [
            lambda: Action(number=1, title="x", progress={2014: ["y"]}),  # type: ignore[list-item]
            lambda: Action(number=1, title="x", notes=[{"text": "y"}]),  # type: ignore[list-item]
            lambda: Paragraph(text="x", items=("a",)),  # type: ignore[arg-type]
            lambda: Paragraph(text="x", items=None),  # type: ignore[arg-type]
            lambda: Paragraph(text="a\ud800b"),
        ],
        ids=["str for a paragraph", "dict for a paragraph", "tuple", "None", "surrogate"],
    )
    def test_values_of_other_types_are_refused(self, build: Any) -> None:
        with pytest.raises(InvalidReport):
            build()

    def test_an_invalid_error_is_a_value_error(self) -> None:
        with pytest.raises(ValueError, match="T101"):
            Paragraph(text="")


class TestValidateAndDump:
    """`dump` is JSON-ready; `validate` reads it (and YAML-shaped data) back."""

    def test_dump_then_validate(self) -> None:
        report = load(DATA)
        assert validate(dump(report)) == report
        assert validate(json.loads(json.dumps(dump(report)))) == report

    def test_yaml_shaped_data(self) -> None:
        data = {
            "title": "t",
            "department": "d",
            "updated": datetime.date(2015, 1, 16),
            "licence": "l",
            "source": "s",
            "actions": [{"number": 1, "title": "a", "progress": {2014: ["done"]}}],
        }
        report = validate(data)
        assert report.actions[0].progress == {2014: [Paragraph(text="done")]}

    def test_validate_refuses_what_is_not_data(self) -> None:
        with pytest.raises(DataError, match="not report data"):
            validate({"title": object()})


def test_the_cli_skips_typer_coercion(tmp_path: Path) -> None:
    """typer 0.29 coerces through pydantic adapters, whose import costs more than a query; the
    tool's parameters need none, so a query never imports them (and pydantic not at all)."""
    code = (
        "import sys; from strategy_cli.cli.app import run\n"
        "try:\n    run(['show', '5'])\nexcept SystemExit as e:\n    code = e.code\n"
        "print(code, 'typer._adapters' in sys.modules, 'pydantic' in sys.modules,"
        " file=sys.stderr)"
    )
    env = {**os.environ, "STRATEGY_CACHE_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True)
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.stderr == "0 False False\n"
