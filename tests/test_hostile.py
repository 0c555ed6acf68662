"""Hostile files are refused with one clear message naming the file, exit 1, no traceback.

How quickly, and within how much memory, is measured by benchmarks/bench.py (part 3), not here.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from strategy_cli.store.files import MAX_BYTES
from tests.conftest import DATA, run

ALIAS_BOMB = "\n".join(
    ["a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
)


def _random_bytes() -> bytes:
    return random.Random(20150116).randbytes(4096)


HOSTILE: dict[str, tuple[bytes, str]] = {
    "alias bomb": (
        ALIAS_BOMB.encode(),
        ":1:4: anchors and aliases (&name, *name) are not allowed: write the text out",
    ),
    "deep nesting": (
        b"[" * 100_000 + b"]" * 100_000,
        ":1:65: nesting deeper than 64 levels: this is not a report file",
    ),
    "random binary": (_random_bytes(), ":1:3: not UTF-8 text (byte 0xec): save the file as UTF-8"),
    "latin-1": (
        "title: Café\n".encode("latin-1"),
        ":1:11: not UTF-8 text (byte 0xe9): save the file as UTF-8",
    ),
    "NUL bytes": (
        b"title: a\x00b\n",
        ":1:9: T104 U+0000 (a control character) in the file: text may not hold it (it is"
        " invisible, or drives a terminal); delete it",
    ),
    "empty": (
        b"",
        ":1:1: the file is empty: a report file is a mapping with keys such as"
        " 'title', 'department' and 'actions'",
    ),
    "bare scalar": (
        b"just some words\n",
        ":1:1: the file is a single value, not a mapping: a"
        " report file is a mapping with keys such as 'title',"
        " 'department' and 'actions'",
    ),
    "bare list": (
        b"- a\n- b\n",
        ":1:1: the file is a list, not a mapping: a report file is a"
        " mapping with keys such as 'title', 'department' and 'actions'",
    ),
    "python tag": (
        b"title: !!python/object/apply:os.system ['touch /tmp/strategy-pwned']\n",
        ":1:8: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not"
        " allowed: a report needs no tags (and the tool never builds the objects they"
        " name); remove it",
    ),
}


class TestHostileFiles:
    """Each hostile file, through the query path and through lint."""

    @pytest.mark.parametrize("case", sorted(HOSTILE))
    def test_refused_with_one_message(self, case: str, tmp_path: Path) -> None:
        content, message = HOSTILE[case]
        path = tmp_path / "hostile.yaml"
        path.write_bytes(content)
        result = run("--data", str(path), "show", "1")
        assert (result.code, result.stdout) == (1, "")
        assert result.stderr == f"strategy: error: {path}{message}\n"

    @pytest.mark.parametrize("case", sorted(HOSTILE))
    def test_lint_reports_it(self, case: str, tmp_path: Path) -> None:
        path = tmp_path / "hostile.yaml"
        path.write_bytes(HOSTILE[case][0])
        result = run("lint", str(path))
        assert result.code == 1
        assert result.stdout.startswith(f"{path}:")
        assert result.stderr.startswith("1 error")

    def test_python_tag_is_never_executed(self, tmp_path: Path) -> None:
        marker = tmp_path / "pwned"
        path = tmp_path / "hostile.yaml"
        path.write_text(
            f"title: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8"
        )
        run("--data", str(path), "show", "1")
        run("lint", str(path))
        run("fmt", str(path))
        assert not marker.exists()

    def test_oversized_file_is_refused_before_reading(self, tmp_path: Path) -> None:
        path = tmp_path / "huge.yaml"
        with path.open("wb") as handle:
            handle.truncate(MAX_BYTES + 1)  # sparse: nothing is written, nothing may be read
        result = run("--data", str(path), "show", "1")
        assert (result.code, result.stderr) == (
            1,
            f"strategy: error: {path}: file is too large (2,097,153 bytes; the limit is"
            " 2,097,152 bytes): is this the right file?\n",
        )
        assert run("lint", str(path)).stdout.startswith(f"{path}:1:1: Y100 file is too large")
        assert run("import", str(path)).code == 1

    def test_oversized_stdin_is_refused(self) -> None:
        result = run("--data", "-", "show", "1", input="#" * (MAX_BYTES + 10))
        assert result.code == 1
        assert result.stderr.startswith("strategy: error: <stdin>: file is too large")

    @pytest.mark.parametrize("content", [b"", b"\x00\x01\x02", "Café".encode("latin-1")])
    def test_hostile_pages_for_import(self, content: bytes, tmp_path: Path) -> None:
        path = tmp_path / "page.txt"
        path.write_bytes(content)
        result = run("import", str(path))
        assert result.code == 1
        assert result.stderr.startswith(f"strategy: error: {path}:")
        assert result.stderr.count("\n") == 1


class TestNothingLostOnWrite:
    """Every writing command writes a temporary file and renames it; a failure at any point
    leaves the original as it was, and no temporary file behind."""

    @pytest.mark.parametrize("failing", ["fdopen", "fsync", "replace"])
    @pytest.mark.parametrize("command", ["import", "fmt", "export"])
    def test_failure_leaves_the_original(
        self, failing: str, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "target.yaml"
        original = "# the maintainers' file\n" + DATA.read_text(encoding="utf-8").replace(
            "department: CO\n", "department:   CO\n"
        )
        target.write_text(original, encoding="utf-8")

        def fail(*args: object, **kwargs: object) -> None:
            raise OSError(5, "Input/output error")

        monkeypatch.setattr(os, failing, fail)
        args = {
            "import": ["import", str(DATA.parent / "source" / "co.txt"), "-o", str(target)],
            "fmt": ["fmt", str(target)],
            "export": ["export", "-o", str(target)],
        }[command]
        result = run(*args)
        monkeypatch.undo()
        assert result.code == 1, result.stderr
        assert result.stderr.endswith("cannot write: Input/output error\n")
        assert target.read_text(encoding="utf-8") == original
        assert sorted(p.name for p in tmp_path.iterdir()) == ["target.yaml"]
