"""Finding the data file, and refusing a bad one with one line at file:line:column."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from strategy_cli.errors import DataError
from strategy_cli.store.datafile import load_report
from strategy_cli.store.location import bundled_path, resolve
from tests.conftest import DATA, run


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    hits = [
        i
        for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
        if needle in line
    ]
    return hits[nth - 1]


class TestFindingTheData:
    """--data, else $STRATEGY_DATA, else the bundled file."""

    def test_bundled_file_is_the_repository_data(self) -> None:
        assert bundled_path().read_bytes() == DATA.read_bytes()
        assert Path(resolve(None)).resolve() == bundled_path()

    def test_option_beats_environment(
        self, data_copy: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("STRATEGY_DATA", "/nonexistent.yaml")
        assert resolve(str(data_copy)) == str(data_copy)
        assert resolve(None) == "/nonexistent.yaml"

    def test_environment_variable_is_used(self, data_copy: Path) -> None:
        edit(
            data_copy,
            "title: Departmental and transactional agency boards",
            "title: Boards (edited copy)",
        )
        result = run("show", "1", env={"STRATEGY_DATA": str(data_copy)})
        assert result.stdout.startswith("Action 1: Boards (edited copy) will include")

    def test_data_option(self, data_copy: Path) -> None:
        edit(
            data_copy,
            "title: Departmental and transactional agency boards",
            "title: Boards (edited copy)",
        )
        result = run("--data", str(data_copy), "show", "1")
        assert result.stdout.startswith("Action 1: Boards (edited copy) will include")

    def test_data_from_stdin(self) -> None:
        result = run("--data", "-", "show", "16", input=DATA.read_text(encoding="utf-8"))
        assert result.code == 0
        assert result.stdout.startswith("Action 16: help third party organisations")


class TestBadFiles:
    """Every bad file: one message on stderr, exit 1, no traceback."""

    def check(self, path: Path, expected: str) -> None:
        result = run("--data", str(path), "show", "1")
        assert (result.code, result.stdout) == (1, "")
        assert result.stderr == f"strategy: error: {expected}\n"

    def test_missing_file(self, tmp_path: Path) -> None:
        self.check(tmp_path / "none.yaml", f"{tmp_path / 'none.yaml'}: no such file")

    def test_directory(self, tmp_path: Path) -> None:
        self.check(
            tmp_path,
            f"{tmp_path}: no report data files in this folder (0 other files skipped): a report"
            " file is YAML with top-level 'title:' and 'actions:' keys",
        )

    @pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
    def test_unreadable(self, data_copy: Path) -> None:
        data_copy.chmod(0)
        self.check(data_copy, f"{data_copy}: permission denied: cannot read the file")

    def test_not_utf8(self, data_copy: Path) -> None:
        data_copy.write_bytes(b"title: caf\xe9\n")
        self.check(
            data_copy, f"{data_copy}:1:11: not UTF-8 text (byte 0xe9): save the file as UTF-8"
        )

    def test_syntax_error(self, data_copy: Path) -> None:
        edit(data_copy, "department: CO\n", "department: [CO\n")
        line = line_of(data_copy, "department: [CO")
        result = run("--data", str(data_copy), "show", "1")
        assert result.code == 1
        assert result.stderr.startswith(f"strategy: error: {data_copy}:{line + 1}:")
        assert "not valid YAML" in result.stderr
        assert result.stderr.count("\n") == 1

    def test_empty_file(self, data_copy: Path) -> None:
        data_copy.write_text("", encoding="utf-8")
        self.check(
            data_copy,
            f"{data_copy}:1:1: the file is empty: a report file is a mapping"
            " with keys such as 'title', 'department' and 'actions'",
        )

    def test_wrong_type_at_exact_position(self, data_copy: Path) -> None:
        edit(data_copy, "  - number: 5\n", "  - number: five\n")
        line = line_of(data_copy, "number: five")
        self.check(
            data_copy,
            f"{data_copy}:{line}:13: S003 actions[4].number: expected a whole number, got 'five'",
        )

    def test_unknown_key_suggests_the_right_one(self, data_copy: Path) -> None:
        edit(data_copy, "department: CO", "departmnet: CO")
        result = run("--data", str(data_copy), "show", "1")
        assert result.stderr.splitlines()[0] == (
            f"strategy: error: {data_copy}:5:1: S001 missing required key 'department': add it"
        )
        assert result.stderr.splitlines()[1] == (
            f"(1 more problem in this file; run `strategy lint {data_copy}` to see them all)"
        )

    def test_duplicate_action_names_both_lines(self, data_copy: Path) -> None:
        edit(data_copy, "  - number: 7\n", "  - number: 6\n")
        first, second = line_of(data_copy, "- number: 6"), line_of(data_copy, "- number: 6", 2)
        self.check(
            data_copy,
            f"{data_copy}:{second}:13: S102 duplicate action number 6: renumber"
            f" this action or merge it with the other one (first at line"
            f" {first})",
        )

    def test_empty_paragraph(self, data_copy: Path) -> None:
        edit(
            data_copy,
            "        - A new service director and a digital product manager were"
            " appointed to the ERTP.",
            "        - '  '",
        )
        line = line_of(data_copy, "        - '  '")
        self.check(
            data_copy,
            f"{data_copy}:{line}:11: T101 actions[1].progress[2014][1].text: text is"
            " empty or only white space: write the text or delete the item",
        )

    def test_core_raises_data_error_not_exit(self, data_copy: Path) -> None:
        data_copy.write_text("- a\n- b\n", encoding="utf-8")
        with pytest.raises(DataError, match="the file is a list, not a mapping"):
            load_report(str(data_copy))
