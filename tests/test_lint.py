"""`strategy lint`: each rule, on a copy of the bundled data broken in that one way, at its exact
path:line:col, in every format; then selection, severity, acknowledgements and formats."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from strategy_cli.lint.rules import RULES
from tests.conftest import DATA, run


def replace(old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def apply(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return apply


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    hits = [
        n
        for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
        if needle in line
    ]
    return hits[nth - 1]


@dataclass
class Case:
    """One way to break the file, and where the finding must point: the line holding `needle`
    and, unless `column` is given, the column where `needle` starts (the start of the scalar
    when `column_shift` is None)."""

    code: str
    breaks: Callable[[Path], None]
    needle: str
    column: int | None = None
    nth: int = 1
    column_shift: int | None = 0

    def position(self, path: Path) -> tuple[int, int]:
        line = line_of(path, self.needle, self.nth)
        if self.column is not None:
            return line, self.column
        text = path.read_text(encoding="utf-8").split("\n")[line - 1]
        if self.column_shift is None:
            return line, text.index("- ") + 3
        return line, text.index(self.needle) + 1 + self.column_shift


ACTION1_TITLE = (
    "    title: Departmental and transactional agency boards will include an active digital leader"
)
ACTION12_2014 = "        - No requirement for legislative change was identified."
LINES = DATA.read_text(encoding="utf-8").split("\n")
ACTION1_2013 = next(line for line in LINES if line.startswith("        - EMC has committed"))
A = "  # strategy: ignore"
PROGRESS_2014 = LINES.index("      2014:")  # Action 1's progress during 2014: a key and two items

CASES = [
    Case("Y101", replace("department: CO\n", "department: [CO\n"), "updated: 2015", 8),
    Case(
        "Y102",
        replace("department: CO\n", "department: CO\ndepartment: CO\n"),
        "department: CO",
        1,
        nth=2,
    ),
    Case("Y103", replace("department: CO\n", "department: &dept CO\n"), "&dept"),
    Case(
        "Y104",
        replace(ACTION1_TITLE, ACTION1_TITLE.replace("agency boards", "agency\tboards")),
        "\tboards",
    ),
    Case(
        "S001",
        replace("  - number: 1\n    title: Departmental", "  - title: Departmental"),
        "title: Departmental",
    ),
    Case("S002", replace("    title: Departmental and", "    titel: Departmental and"), "titel:"),
    Case("S003", replace("  - number: 5\n", "  - number: five\n"), "five"),
    Case("S102", replace("  - number: 7\n", "  - number: 6\n"), "number: 6", nth=2, column_shift=8),
    Case("S103", replace("  - number: 16\n", "  - number: 18\n"), "18"),
    Case(
        "S104",
        replace("      2014:\n        - Paul Maltby", "      2016:\n        - Paul Maltby"),
        "2016:",
    ),
    Case(
        "S105",
        replace(
            "      2014:\n        - EMC will continue", "      2012:\n        - EMC will continue"
        ),
        "2012:",
    ),
    Case(
        "S106",
        replace(
            "      2015:\n        - A new in-house Digital and Technology Department"
            " will be established in the Cabinet Office to support and continually"
            " improve digital and technology services.\n",
            "      2015: []\n",
        ),
        "2015: []",
    ),
    Case("S107", replace("\n".join(LINES[PROGRESS_2014 : PROGRESS_2014 + 3]) + "\n", ""), "2014:"),
    Case("T101", replace(ACTION12_2014, "        - '   '"), "'   '"),
    Case(
        "T102",
        replace(ACTION12_2014, ACTION12_2014.replace("legislative change", "legislative  change")),
        "  change",
    ),
    Case(
        "T103",
        replace(ACTION12_2014, ACTION12_2014.replace("was identified", "was was identified")),
        "was was",
    ),
    Case(
        "T104",
        replace(ACTION12_2014, '        - "No requirement \\e[2J for legislative change"'),
        '"No requirement',
    ),
    Case("T105", replace(ACTION12_2014, ACTION1_2013), ACTION1_2013.strip(), nth=2, column_shift=2),
    Case(
        "T106",
        replace(
            ACTION12_2014,
            "        - No requirement for the department's legislative change was identified.",
        ),
        "'s legislative",
        column_shift=0,
    ),
    Case(
        "T107",
        replace(ACTION12_2014, '        - "No requirement\\nfor change."'),
        '"No requirement',
    ),
    Case(
        "T108",
        replace(ACTION12_2014, ACTION1_2013.replace("standing item", "standing agenda item")),
        "standing agenda item of EMC meetings. An EMC",
        column_shift=None,
    ),
    Case(
        "A001",
        replace(
            ACTION12_2014,
            ACTION12_2014.replace("was identified", "was was identified") + A + "[T103]",
        ),
        "identified.  # strategy: ignore[T103]",
        column_shift=13,
    ),
    Case(
        "A002",
        replace(ACTION12_2014, ACTION12_2014 + A + "[T105] no copy"),
        "# strategy: ignore[T105] no copy",
    ),
    Case(
        "A003",
        replace(ACTION12_2014, ACTION12_2014 + A + "[Z999] why not"),
        "# strategy: ignore[Z999]",
    ),
]


def test_every_rule_has_a_case() -> None:
    from tests.test_scorecard import V_CASES

    covered = {case.code for case in CASES} | {"Y105", "Y100", "Y106"}  # below; test_hostile
    covered |= {code for code, *_ in V_CASES} | {"V101", "V105", "V106"}  # test_scorecard
    covered |= {"X101"}  # test_dataset
    assert covered == set(RULES)


@pytest.mark.parametrize("case", CASES, ids=[c.code for c in CASES])
class TestEachRule:
    """The bundled data broken in one way gives that rule's code at the exact position."""

    def broken(self, case: Case, data_copy: Path) -> tuple[Path, int, int]:
        case.breaks(data_copy)
        return data_copy, *case.position(data_copy)

    def test_text(self, case: Case, data_copy: Path) -> None:
        path, line, column = self.broken(case, data_copy)
        result = run("lint", str(path))
        expected = f"{path}:{line}:{column}: {case.code} "
        assert any(out.startswith(expected) for out in result.stdout.splitlines()), (
            expected,
            result.stdout,
        )
        assert result.code == (1 if RULES[case.code].severity == "error" else 0)
        assert run("lint", "--strict", str(path)).code == 1

    def test_json(self, case: Case, data_copy: Path) -> None:
        path, line, column = self.broken(case, data_copy)
        findings = json.loads(run("lint", "--format", "json", str(path)).stdout)
        assert {
            "path": str(path),
            "line": line,
            "column": column,
            "code": case.code,
            "severity": RULES[case.code].severity,
        } in [{k: f[k] for k in ("path", "line", "column", "code", "severity")} for f in findings]

    def test_github(self, case: Case, data_copy: Path) -> None:
        path, line, column = self.broken(case, data_copy)
        result = run("lint", str(path), env={"GITHUB_ACTIONS": "true"})
        expected = (
            f"::{RULES[case.code].severity} file={path},line={line},col={column},title={case.code} "
        )
        assert any(out.startswith(expected) for out in result.stdout.splitlines()), (
            expected,
            result.stdout,
        )


class TestFileLevel:
    """Files that cannot be read or decoded."""

    def test_not_utf8(self, data_copy: Path) -> None:
        data_copy.write_bytes(DATA.read_bytes().replace(b"department: CO", b"department: C\xff"))
        result = run("lint", str(data_copy))
        assert result.stdout == (
            f"{data_copy}:6:14: Y105 not UTF-8 text (byte 0xff): save the file as UTF-8\n"
        )
        assert result.code == 1

    def test_missing(self, tmp_path: Path) -> None:
        result = run("lint", str(tmp_path / "x.yaml"))
        assert result.stdout == f"{tmp_path / 'x.yaml'}:1:1: Y100 no such file\n"
        assert result.stderr == "1 error, 0 warnings in 1 file\n"
        assert result.code == 1


class TestBundledData:
    """The bundled data lints clean, each quirk of the source acknowledged in the file."""

    def test_strict_passes(self) -> None:
        result = run("lint", "--strict")
        assert (result.code, result.stdout) == (0, "")
        assert result.stderr == "0 errors, 0 warnings in 1 file (6 acknowledged in the file)\n"

    def test_each_acknowledgement_names_a_real_finding(self) -> None:
        text = DATA.read_text(encoding="utf-8")
        acknowledged = [line for line in text.split("\n") if "# strategy: ignore[" in line]
        assert len(acknowledged) == 6
        stripped = "\n".join(line.split("  # strategy: ignore[")[0] for line in text.split("\n"))
        raw = run("--data", "-", "lint", "-", input=stripped)
        codes = sorted(line.split(" ")[1] for line in raw.stdout.splitlines())
        assert codes == ["T103", "T105", "T106", "T108", "T108", "T108"]
        assert "will will" in next(line for line in acknowledged if "T103" in line)


class TestControl:
    """Selection, severity, explanations and the summary."""

    def test_warnings_pass_unless_strict(self, data_copy: Path) -> None:
        replace(ACTION12_2014, ACTION12_2014.replace("was identified", "was was identified"))(
            data_copy
        )
        result = run("lint", str(data_copy))
        assert result.code == 0
        assert result.stderr == "0 errors, 1 warning in 1 file (6 acknowledged in the file)\n"
        assert run("lint", "--strict", str(data_copy)).code == 1

    def test_select_and_ignore(self, data_copy: Path) -> None:
        replace(
            ACTION12_2014,
            ACTION12_2014.replace("legislative change", "legislative  change").replace(
                "was identified", "was was identified"
            ),
        )(data_copy)

        def codes(*args: str) -> list[str]:
            output = run("lint", *args, str(data_copy)).stdout
            return [line.split(" ")[1] for line in output.splitlines()]

        assert codes() == ["T102", "T103"]
        assert codes("--select", "T103") == ["T103"]
        assert codes("--ignore", "T10") == []
        assert codes("--select", "T", "--ignore", "T102") == ["T103"]
        assert codes("--select", "S,T102") == ["T102"]

    def test_unknown_code_is_a_usage_error(self) -> None:
        result = run("lint", "--select", "X9")
        assert (result.code, result.stderr) == (
            2,
            "strategy: error: no rule matches 'X9'\n`strategy lint --list-rules` lists them\n",
        )

    def test_explain(self) -> None:
        result = run("lint", "--explain", "t103")
        assert result.stdout.startswith("T103 (warning): repeated word\n\nThe same word twice")
        assert run("lint", "--explain", "Q1").code == 2

    def test_list_rules(self) -> None:
        lines = run("lint", "--list-rules").stdout.splitlines()
        assert len(lines) == len(RULES)
        assert "S102\terror\tduplicate action number" in lines

    def test_unknown_format(self) -> None:
        assert run("lint", "--format", "sarif").code == 2

    def test_several_files(self, data_copy: Path) -> None:
        result = run("lint", str(DATA), str(data_copy), str(data_copy.parent / "none.yaml"))
        assert result.code == 1
        assert result.stderr == "1 error, 0 warnings in 3 files (12 acknowledged in the files)\n"


class TestGithubFormat:
    """Annotation syntax with its escaping."""

    def test_escaping_of_properties_and_message(self, tmp_path: Path) -> None:
        odd = tmp_path / "a,b:c%.yaml"
        odd.write_text(
            DATA.read_text(encoding="utf-8").replace(
                "department: CO\n", "department: CO\ndepartment: CO\n"
            ),
            encoding="utf-8",
        )
        out = run("lint", "-f", "github", str(odd)).stdout
        escaped = str(tmp_path).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
        assert out == (
            f"::error file={escaped}/a%2Cb%3Ac%25.yaml,line=7,col=1,title=Y102"
            f" duplicate key::duplicate key 'department' (the mapping starts at line 5):"
            " keep one of them\n"
        )

    def test_json_findings_shape(self, data_copy: Path) -> None:
        replace("  - number: 7\n", "  - number: 6\n")(data_copy)
        (finding,) = json.loads(
            run("lint", "-f", "json", "--select", "S102", str(data_copy)).stdout
        )
        assert list(finding) == ["path", "line", "column", "code", "severity", "rule", "message"]
        assert finding["message"].endswith("(first at line 115)")


class TestFolders:
    """`lint DIR` walks a folder for report files by one rule, and says what it skipped."""

    def test_a_folder_is_walked_and_other_yaml_skipped(self, tmp_path: Path) -> None:
        (tmp_path / "data" / "deep").mkdir(parents=True)
        (tmp_path / ".github" / "workflows").mkdir(parents=True)
        shutil.copyfile(DATA, tmp_path / "data" / "co.yaml")
        shutil.copyfile(DATA, tmp_path / "data" / "deep" / "copy.yml")
        (tmp_path / ".github" / "workflows" / "ci.yml").write_text("on: push\n", encoding="utf-8")
        (tmp_path / "data" / "settings.yaml").write_text("a: 1\n", encoding="utf-8")
        result = run("lint", str(tmp_path))
        assert result.code == 0, result.stdout
        assert result.stderr == (
            "0 errors, 0 warnings in 2 files (12 acknowledged in the files);"
            " skipped 1 file that is not report data\n"
        )

    def test_only_reports_holds_named_files_to_the_rule(self, tmp_path: Path) -> None:
        workflow = tmp_path / "ci.yml"
        workflow.write_text("on: push\njobs: {}\n", encoding="utf-8")
        result = run("lint", "--strict", "--only-reports", str(DATA), str(workflow))
        assert result.code == 0
        assert result.stderr.endswith("; skipped 1 file that is not report data\n")
        assert run("lint", str(workflow)).code == 1  # named without the flag: checked

    def test_annotations_are_relative_to_the_workspace(self, tmp_path: Path) -> None:
        target = tmp_path / "data" / "co.yaml"
        target.parent.mkdir()
        target.write_text(
            DATA.read_text(encoding="utf-8").replace("  - number: 7\n", "  - number: 6\n"),
            encoding="utf-8",
        )
        result = run(
            "lint",
            str(target),
            "--select",
            "S102",
            env={"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(tmp_path)},
        )
        assert result.stdout.startswith("::error file=data/co.yaml,line=130,col=13,")
