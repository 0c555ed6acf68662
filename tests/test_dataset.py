"""A folder of reports, one per department: every read command across it, `--department`,
`stats --by department`, ids that name their department, and `load_all`."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from strategy_cli.api import load_all
from tests.conftest import DATA, run


def department_copy(folder: Path, acronym: str, name: str | None = None, extra: str = "") -> Path:
    """The bundled report as another department's: same actions, its own department."""
    text = DATA.read_text(encoding="utf-8")
    text = text.replace("department: CO\n", f"department: {acronym}\n{extra}", 1)
    text = text.replace("title: CO's actions", f"title: {acronym}'s actions", 1)
    target = folder / (name or f"{acronym.lower()}.yaml")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


@pytest.fixture
def gov(tmp_path: Path) -> Path:
    """Three departments, one in a subfolder, with a file that is not a report beside them."""
    folder = tmp_path / "gov"
    department_copy(folder, "CO")
    department_copy(
        folder, "DWP", "work/dwp.yaml", extra="aliases:\n  - Department of Social Security\n"
    )
    department_copy(folder, "HO")
    (folder / "README.md").write_text("notes\n", encoding="utf-8")
    return folder


class TestAcrossTheFolder:
    def test_show_gives_every_departments_answer_grouped(self, gov: Path) -> None:
        result = run("--data", str(gov), "show", "12", "--year", "2014")
        assert result.code == 0, result.stderr
        lines = result.stdout.splitlines()
        headings = [line for line in lines if line.startswith(("CO:", "DWP:", "HO:"))]
        assert headings == [
            "CO: Cabinet Office",
            "DWP: Department for Work and Pensions",
            "HO: Home Office",
        ]
        assert "    ↳ DWP:12/2014/1: addressed (evidence DWP:12/2014/1)" in lines

    @pytest.mark.parametrize(
        "wanted",
        ["DWP", "dwp", "Department for Work and Pensions", "Department of Social Security"],
    )
    def test_a_department_by_acronym_name_or_alias(self, gov: Path, wanted: str) -> None:
        result = run("--data", str(gov), "list", "--department", wanted, "--year", "2014")
        assert result.code == 0, result.stderr
        assert {line.split("\t")[0] for line in result.stdout.splitlines()} == {"DWP"}

    def test_an_unknown_department_names_those_there_are(self, gov: Path) -> None:
        result = run("--data", str(gov), "list", "-d", "DfT")
        assert (result.code, result.stdout) == (2, "")
        assert result.stderr == (
            "strategy: error: no report of 'DfT' in this folder (3 departments)\n"
            "departments: CO, DWP, HO\n"
        )

    def test_csv_and_json_carry_the_department(self, gov: Path) -> None:
        rows = list(
            csv.DictReader(
                io.StringIO(run("--data", str(gov), "search", "ckan", "-f", "csv").stdout)
            )
        )
        assert [(r["department"], r["action"]) for r in rows] == [
            ("CO", "16"),
            ("DWP", "16"),
            ("HO", "16"),
        ]
        document = json.loads(run("--data", str(gov), "stats", "-f", "json", "-d", "HO").stdout)
        assert [(d["department"], d["name"]) for d in document["departments"]] == [
            ("HO", "Home Office")
        ]
        assert document["departments"][0]["years"][1]["addressed"] == 18

    def test_stats_by_department(self, gov: Path) -> None:
        result = run("--data", str(gov), "stats", "--by", "department")
        lines = result.stdout.splitlines()
        assert lines[0].startswith("department\tyear\treported\tplanned")
        assert lines[1].startswith("CO\t2013\t14\t14\t14")
        assert len(lines) == 1 + 3 * 3
        table = run(
            "--data",
            str(gov),
            "stats",
            "--by",
            "department",
            env={"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "80"},
        ).stdout
        assert "  DWP          14/14   18/18   not yet due  " in table
        assert all(len(re.sub(r"\x1b\[[0-9;]*m", "", line)) <= 80 for line in table.splitlines())

    def test_scorecard_ids_name_their_department(self, gov: Path) -> None:
        document = json.loads(
            run("--data", str(gov), "scorecard", "-f", "json", "--action", "12").stdout
        )
        ids = [i["id"] for d in document["departments"] for i in d["items"]]
        assert ids[:3] == ["CO:12/2013/1", "CO:12/2014/1", "CO:12/2015/1"]
        chain = json.loads(
            run("--data", str(gov), "scorecard", "-f", "json", "--chain", "DWP:4/2014/5").stdout
        )
        assert [d["department"] for d in chain["departments"]] == ["DWP"]
        assert [i["id"] for i in chain["departments"][0]["items"]] == [
            "DWP:4/2014/5",
            "DWP:4/2015/1",
        ]
        ambiguous = run("--data", str(gov), "scorecard", "--chain", "4/2014/5")
        assert ambiguous.code == 2
        assert ambiguous.stderr.startswith(
            "strategy: error: --chain 4/2014/5: 3 departments have such an item; name one"
        )

    def test_a_verdict_in_a_folder_goes_beside_its_departments_file(self, gov: Path) -> None:
        result = run(
            "--data", str(gov), "assess", "DWP:12/2014/1", "--status", "complete", "--by", "R",
            "--evidence", "No requirement for legislative change was identified.",
        )  # fmt: skip
        assert result.code == 0, result.stderr
        assert (gov / "work" / "dwp.verdicts.yaml").is_file()
        statuses = {
            d["department"]: d["items"][1]["status"]
            for d in json.loads(
                run("--data", str(gov), "scorecard", "-f", "json", "-a", "12").stdout
            )["departments"]
        }
        assert statuses == {"CO": None, "DWP": "complete", "HO": None}
        assert run("lint", "--strict", str(gov)).code == 0
        unnamed = run(
            "--data",
            str(gov),
            "assess",
            "12/2014/1",
            "--status",
            "complete",
            "--by",
            "R",
            "--evidence",
            "x y z",
        )
        assert unnamed.code == 2
        assert "holds 3 departments' reports: name the department in the id" in unnamed.stderr

    def test_two_files_of_one_department_are_refused(self, gov: Path) -> None:
        department_copy(gov, "Home Office", "home.yaml")
        result = run("--data", str(gov), "list")
        assert result.code == 1
        assert "two reports of Home Office:" in result.stderr
        assert str(gov / "ho.yaml") in result.stderr

    def test_a_command_for_one_file_says_so(self, gov: Path) -> None:
        result = run("--data", str(gov), "export")
        assert (result.code, result.stdout) == (2, "")
        assert result.stderr.startswith(
            f"strategy: error: {gov} is a folder: this command works on one report file"
        )

    def test_load_all(self, gov: Path) -> None:
        reports = load_all(gov)
        assert list(reports) == ["CO", "DWP", "HO"]
        assert reports["DWP"].action(5) is not None
        assert list(load_all(DATA)) == ["CO"]


class TestLintAcrossFiles:
    TITLE = "    title: For transactional departments, 3 exemplar services will be selected."

    def test_an_action_title_that_differs_is_flagged_at_its_place(self, gov: Path) -> None:
        dwp = gov / "work" / "dwp.yaml"
        text = dwp.read_text(encoding="utf-8")
        old = next(
            line for line in text.splitlines() if line.startswith("    title: For transactional")
        )
        dwp.write_text(
            text.replace(old, "    title: Assisted digital for everyone", 1), encoding="utf-8"
        )
        line = next(
            n
            for n, content in enumerate(dwp.read_text(encoding="utf-8").split("\n"), 1)
            if "Assisted digital for everyone" in content
        )
        result = run("lint", str(gov))
        assert result.code == 0  # a warning
        assert result.stdout == (
            f"{dwp}:{line}:12: X101 warning: Action 5's title differs from 2 of the other 2"
            f" reports': “{old.removeprefix('    title: ')}”: check the number, or the title\n"
        )
        assert run("lint", "--strict", str(gov)).code == 1
        dwp.write_text(
            dwp.read_text(encoding="utf-8").replace(
                "title: Assisted digital for everyone",
                "title: Assisted digital for everyone  # strategy: ignore[X101] renamed by DWP",
            ),
            encoding="utf-8",
        )
        acknowledged = run("lint", "--strict", str(gov))
        assert (acknowledged.code, acknowledged.stdout) == (0, "")

    def test_small_variants_pass(self, gov: Path) -> None:
        ho = gov / "ho.yaml"
        text = ho.read_text(encoding="utf-8")
        ho.write_text(
            text.replace(
                "will include an active digital leader", "will include an active digital leader.", 1
            ),
            encoding="utf-8",
        )
        assert run("lint", "--strict", str(gov)).code == 0


class TestRedTeamedFolders:
    def test_a_department_column_is_never_a_formula(self, tmp_path: Path) -> None:
        folder = tmp_path / "gov"
        folder.mkdir()
        text = DATA.read_text(encoding="utf-8")
        (folder / "x.yaml").write_text(
            text.replace("department: CO\n", "department: '=HYPERLINK(\"http://x\")'\n", 1),
            encoding="utf-8",
        )
        rows = list(csv.reader(io.StringIO(run("--data", str(folder), "list", "-f", "csv").stdout)))
        assert rows[1][0] == '\'=HYPERLINK("http://x")'
        piped = run("--data", str(folder), "list").stdout
        assert piped.startswith("'=HYPERLINK")

    def test_an_alias_that_names_another_department_is_refused(self, gov: Path) -> None:
        department_copy(gov, "MoM", "mom.yaml", extra="aliases:\n  - DWP\n")
        result = run("--data", str(gov), "list")
        assert result.code == 1
        assert "the alias 'DWP' of MoM is a name of DWP" in result.stderr

    def test_ids_of_a_department_with_spaces_go_back_in(self, tmp_path: Path) -> None:
        folder = tmp_path / "gov"
        department_copy(folder, "Ministry of Magic", "mom.yaml")
        department_copy(folder, "DWP")
        result = run(
            "--data",
            str(folder),
            "scorecard",
            "--chain",
            "Ministry of Magic:4/2014/5",
            "-f",
            "json",
        )
        assert result.code == 0, result.stderr
        document = json.loads(result.stdout)
        assert [i["id"] for i in document["departments"][0]["items"]] == [
            "Ministry of Magic:4/2014/5",
            "Ministry of Magic:4/2015/1",
        ]

    def test_two_reports_whose_titles_differ(self, tmp_path: Path) -> None:
        folder = tmp_path / "gov"
        department_copy(folder, "CO")
        dwp = department_copy(folder, "DWP")
        text = dwp.read_text(encoding="utf-8")
        old = next(
            line for line in text.splitlines() if line.startswith("    title: Departmental and")
        )
        dwp.write_text(
            text.replace(old, "    title: Something else about cheese", 1), encoding="utf-8"
        )
        result = run("lint", str(folder))
        assert (
            "X101 warning: Action 1's title differs from 1 of the other 1 reports'" in result.stdout
        )
        assert str(dwp) in result.stdout
