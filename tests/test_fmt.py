"""`strategy fmt`: the canonical layout restored, comments kept, never a half-written file."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import DATA, run


def messy_copy(target: Path) -> None:
    """The bundled data re-indented, with keys and years moved out of order."""
    yaml = YAML()
    yaml.width = 10**6
    yaml.indent(mapping=4, sequence=2, offset=0)
    tree = yaml.load(DATA.read_text(encoding="utf-8"))
    tree.move_to_end("title")
    first = tree["actions"][0]
    first.move_to_end("number")
    first["progress"].move_to_end(2013)
    out = io.StringIO()
    yaml.dump(tree, out)
    target.write_text(out.getvalue(), encoding="utf-8")


class TestFmt:
    """Canonical layout, comments kept, checks for CI."""

    def test_bundled_data_is_already_canonical(self) -> None:
        result = run("fmt", "--check", str(DATA))
        assert (result.code, result.stdout, result.stderr) == (0, "", "1 file left unchanged\n")

    def test_restores_a_reordered_reindented_copy_with_comments(self, tmp_path: Path) -> None:
        target = tmp_path / "co.yaml"
        messy_copy(target)
        assert target.read_text(encoding="utf-8") != DATA.read_text(encoding="utf-8")
        assert target.read_text(encoding="utf-8").count("# strategy: ignore[") == 6
        result = run("fmt", str(target))
        assert result.code == 0
        assert result.stderr == f"reformatted {target}\n0 files left unchanged\n"
        assert target.read_bytes() == DATA.read_bytes()

    def test_check_and_diff_change_nothing(self, tmp_path: Path) -> None:
        target = tmp_path / "co.yaml"
        messy_copy(target)
        before = target.read_bytes()
        check = run("fmt", "--check", str(target))
        assert (check.code, check.stdout) == (1, "")
        assert check.stderr == f"would reformat {target}\n0 files left unchanged\n"
        diff = run("fmt", "--diff", str(target))
        assert diff.code == 1
        assert diff.stdout.startswith(f"--- {target}\n+++ {target}\n@@ ")
        assert "-department: CO\n" not in diff.stdout  # unchanged lines are context, not edits
        assert "+title: CO's actions" in diff.stdout
        assert target.read_bytes() == before

    def test_stdin_to_stdout(self, tmp_path: Path) -> None:
        target = tmp_path / "co.yaml"
        messy_copy(target)
        result = run("fmt", "-", input=target.read_text(encoding="utf-8"))
        assert result.stdout == DATA.read_text(encoding="utf-8")

    def test_invalid_file_is_never_rewritten(self, data_copy: Path) -> None:
        text = data_copy.read_text(encoding="utf-8").replace("  - number: 5\n", "  - number: x\n")
        data_copy.write_text(text, encoding="utf-8")
        result = run("fmt", str(data_copy))
        assert result.code == 1
        assert result.stderr.startswith(f"strategy: error: {data_copy}:")
        assert result.stderr.splitlines()[0].endswith(
            "S003 actions[4].number: expected a whole number, got 'x'; not reformatting a file"
            " that does not validate"
        )
        assert data_copy.read_text(encoding="utf-8") == text

    def test_failed_write_leaves_the_original_and_no_temporary(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "co.yaml"
        messy_copy(target)
        before = target.read_bytes()

        def fail(*args: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", fail)
        result = run("fmt", str(target))
        assert result.code == 1
        assert (
            result.stderr == f"strategy: error: {target}: cannot write: No space left on device\n"
        )
        assert target.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["co.yaml"]


def test_a_file_edited_while_it_is_formatted_is_not_replaced(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone saves the file while fmt works on it: fmt writes nothing and says so, and the
    edit is kept."""
    from strategy_cli.store import formatter

    data_copy.write_text(
        data_copy.read_text(encoding="utf-8").replace("department: CO\n", "department:   CO\n"),
        encoding="utf-8",
    )
    edited = data_copy.read_text(encoding="utf-8").replace("department:   CO", "department: DWP")
    real = formatter.canonical

    def canonical_while_someone_saves(tree: Any) -> Any:
        data_copy.write_text(edited, encoding="utf-8")
        return real(tree)

    monkeypatch.setattr(formatter, "canonical", canonical_while_someone_saves)
    result = run("fmt", str(data_copy))
    assert result.code == 1
    assert "the file changed while it was being rewritten; nothing written" in result.stderr
    assert data_copy.read_text(encoding="utf-8") == edited
