"""Action pages (one action, every department's answer) and `import -o DIR`: the department
pages and the action pages give the same data set, merged without repeats, conflicts refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from strategy_cli.api import load
from strategy_cli.model.departments import full_name
from strategy_cli.model.report import Report
from strategy_cli.pages.text import render_page
from tests.conftest import DATA, run
from tests.test_dataset import department_copy


def action_page(reports: list[Report], number: int) -> str:
    """The GOV.UK action page for one action, from the departments' reports."""
    first = next(r.action(number) for r in reports if r.action(number) is not None)
    assert first is not None
    lines = [
        "Policy paper",
        f"Action {number}: {first.title}",
        "Updated 16 January 2015",
        "This was published under the 2010 to 2015 Conservative and Liberal Democrat coalition government",
        "This action forms part of the Government Digital Strategy.",
        "Here's how departments are responding to this action:",
    ]
    for report in reports:
        action = report.action(number)
        if action is None:
            continue
        one = render_page(Report(**{**report.__dict__, "actions": [action], "introduction": []}))
        body = one.split("\n")
        start = next(k for k, line in enumerate(body) if line.startswith(f"Action {number}:"))
        lines += [full_name(report.department), *(line for line in body[start + 1 :] if line)]
    return "\n".join(lines) + "\n"


@pytest.fixture
def reports(tmp_path: Path) -> list[Report]:
    folder = tmp_path / "source"
    return [load(department_copy(folder, acronym), cache=False) for acronym in ("CO", "DWP")]


class TestActionPages:
    def test_each_department_gets_its_answer_and_the_page_furniture_is_set_aside(
        self, tmp_path: Path, reports: list[Report]
    ) -> None:
        page = tmp_path / "action-12.txt"
        page.write_text(action_page(reports, 12), encoding="utf-8")
        out = tmp_path / "gov"
        out.mkdir()
        result = run("import", str(page), "-o", str(out))
        assert result.code == 0, result.stderr
        assert result.stderr == (
            "set aside 4 lines of page furniture: 1, 4-6\n"
            f"wrote {out / 'co.yaml'}\n"
            f"wrote {out / 'dwp.yaml'}\n"
        )
        dwp = load(out / "dwp.yaml", cache=False)
        assert dwp.department == "DWP"
        assert [a.number for a in dwp.actions] == [12]
        assert dwp.actions[0] == reports[1].action(12)
        again = run("import", str(page), "-o", str(out))
        assert again.stderr.endswith(
            f"{out / 'co.yaml'}: already holds everything the page has for CO\n"
            f"{out / 'dwp.yaml'}: already holds everything the page has for DWP\n"
        )

    def test_without_a_folder_to_write_it_says_what_to_do(
        self, tmp_path: Path, reports: list[Report]
    ) -> None:
        page = tmp_path / "action-3.txt"
        page.write_text(action_page(reports, 3), encoding="utf-8")
        result = run("import", str(page))
        assert (result.code, result.stdout) == (2, "")
        assert result.stderr.endswith(
            "strategy: error: this action page holds 2 departments' answers: give -o DIR, a"
            " folder to write (or bring up to date) one file per department\n"
        )

    def test_department_pages_and_action_pages_give_the_same_data_set(
        self, tmp_path: Path, reports: list[Report]
    ) -> None:
        by_department, by_action = tmp_path / "a", tmp_path / "b"
        by_department.mkdir()
        by_action.mkdir()
        for report in reports:
            page = tmp_path / f"{report.department}.txt"
            page.write_text(render_page(report), encoding="utf-8")
            assert run("import", str(page), "-o", str(by_department)).code == 0
        for number in range(16, 0, -1):  # any order
            page = tmp_path / f"action-{number}.txt"
            page.write_text(action_page(reports, number), encoding="utf-8")
            result = run("import", str(page), "-o", str(by_action))
            assert result.code == 0, result.stderr
        for report in reports:
            name = f"{report.department.lower()}.yaml"
            sliced = load(by_action / name, cache=False)
            assert sliced.actions == load(by_department / name, cache=False).actions
            # stands in until the department's page comes
            assert (
                sliced.title
                == f"{report.department}’s actions in response to the Government Digital Strategy"
            )
        for report in reports:  # the department pages supply the page-level fields
            page = tmp_path / f"{report.department}.txt"
            assert run("import", str(page), "-o", str(by_action)).code == 0
        for report in reports:
            name = f"{report.department.lower()}.yaml"
            assert (by_action / name).read_text(encoding="utf-8") == (
                by_department / name
            ).read_text(encoding="utf-8")

    def test_a_conflict_is_refused_with_both_places_and_nothing_written(
        self, tmp_path: Path, reports: list[Report]
    ) -> None:
        out = tmp_path / "gov"
        out.mkdir()
        page = tmp_path / "action-12.txt"
        page.write_text(action_page(reports, 12), encoding="utf-8")
        assert run("import", str(page), "-o", str(out)).code == 0
        before = {p.name: p.read_bytes() for p in out.iterdir()}
        changed = page.read_text(encoding="utf-8").replace(
            "No requirement for legislative change was identified.",
            "Two regulations were changed.",
        )
        page.write_text(changed, encoding="utf-8")
        result = run("import", str(page), "-o", str(out))
        assert result.code == 1
        assert result.stderr.endswith(
            f"strategy: error: {page}: Action 12's progress during 2014 in {out / 'co.yaml'}:20"
            " differs from the page's; nothing written: keep one (edit the file, or import into"
            f" another folder)\nthe file: {out / 'co.yaml'}:20; the page: {page}\n"
        )
        assert {p.name: p.read_bytes() for p in out.iterdir()} == before

    def test_an_answer_that_does_not_apply(self, tmp_path: Path) -> None:
        page = tmp_path / "action-9.txt"
        text = action_page([load(DATA, cache=False)], 9) + (
            "HM Treasury\nThis action is not applicable to HM Treasury.\n"
        )
        page.write_text(text, encoding="utf-8")
        out = tmp_path / "gov"
        out.mkdir()
        assert run("import", str(page), "-o", str(out)).code == 0
        hmt = load(out / "hmt.yaml", cache=False)
        assert [n.text for n in hmt.actions[0].notes] == [
            "This action is not applicable to HM Treasury."
        ]


class TestWhatThePageCannotDo:
    """Found by a red-team pass: a page decides what goes in the files, never where."""

    def page(self, tmp_path: Path, name: str, body: str) -> Path:
        action = load(DATA, cache=False).action(12)
        assert action is not None
        page = tmp_path / "page.txt"
        page.write_text(
            f"Action 12: {action.title}\nUpdated 16 January 2015\n"
            "Here's how departments are responding to this action:\n"
            f"{name}\nProgress during 2013\nNothing was needed.\n" + body,
            encoding="utf-8",
        )
        return page

    def test_a_department_name_never_names_a_path(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        out.mkdir()
        result = run("import", str(self.page(tmp_path, "../escaped", "")), "-o", str(out))
        assert result.code == 0, result.stderr
        assert [p.name for p in out.iterdir()] == ["escaped.yaml"]
        assert not (tmp_path / "escaped.yaml").exists()

    def test_a_file_of_another_department_is_never_merged_into(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        out.mkdir()
        (out / "dwp.yaml").write_bytes(DATA.read_bytes())  # CO's report under DWP's name
        page = self.page(tmp_path, "Department for Work and Pensions", "")
        result = run("import", str(page), "-o", str(out))
        assert result.code == 1
        assert "is not DWP's report (it is another department's, or not a report)" in result.stderr
        assert (out / "dwp.yaml").read_bytes() == DATA.read_bytes()

    def test_a_department_answering_twice_writes_nothing(self, tmp_path: Path) -> None:
        out = tmp_path / "out"
        out.mkdir()
        page = self.page(
            tmp_path, "Department for Work and Pensions", "DWP\nProgress during 2013\nAgain.\n"
        )
        result = run("import", str(page), "-o", str(out))
        assert result.code == 1
        assert "the page answers for DWP twice; nothing written" in result.stderr
        assert list(out.iterdir()) == []

    def test_a_name_with_no_answer_under_it_is_refused(self, tmp_path: Path) -> None:
        page = tmp_path / "page.txt"
        text = self.page(tmp_path, "Home Office", "").read_text(encoding="utf-8")
        page.write_text(text.replace("Home Office\n", "HM Treasury\nHome Office\n"), "utf-8")
        result = run("import", str(page), "-o", str(tmp_path / "new") + "/")
        assert result.code == 1
        assert result.stderr.endswith(
            f"strategy: error: {page}:4: 'HM Treasury' is named with no answer under it: an"
            " action page gives each department's sections under its name (delete the line, or"
            " add the answer)\n"
        )

    def test_a_folder_given_with_a_slash_is_made(self, tmp_path: Path) -> None:
        out = tmp_path / "new folder"
        result = run("import", str(self.page(tmp_path, "Home Office", "")), "-o", f"{out}/")
        assert result.code == 0, result.stderr
        assert [p.name for p in out.iterdir()] == ["ho.yaml"]

    def test_a_file_is_replaced_only_by_its_own_departments_page(self, tmp_path: Path) -> None:
        notes = tmp_path / "notes.yaml"
        notes.write_text("notes: mine\n", encoding="utf-8")
        page = tmp_path / "co.txt"
        page.write_text(render_page(load(DATA, cache=False)), encoding="utf-8")
        result = run("import", str(page), "-o", str(notes))
        assert result.code == 1
        assert "is not a report, not CO's: nothing written" in result.stderr
        assert notes.read_text(encoding="utf-8") == "notes: mine\n"
        again = tmp_path / "co.yaml"
        again.write_bytes(DATA.read_bytes())
        assert run("import", str(page), "-o", str(again)).code == 0  # the same department's


def test_an_action_page_saved_from_gov_uk(tmp_path: Path) -> None:
    """The HTML as GOV.UK renders an action page: the page's furniture and introduction set
    aside, each department's answer into its file, bullets as bullets."""
    page = Path(__file__).parent / "pages" / "govuk" / "action-12.html"
    out = tmp_path / "gov"
    result = run("import", str(page), "-o", f"{out}/")
    assert result.code == 0, result.stderr
    assert result.stderr.startswith("set aside ")
    co, dwp = load(out / "co.yaml", cache=False), load(out / "dwp.yaml", cache=False)
    assert (co.department, str(co.updated)) == ("CO", "2015-01-16")
    assert co.actions[0].progress[2013][0].text.startswith("No cross-cutting legislative")
    answer = dwp.actions[0].progress[2013]
    assert [p.text for p in answer] == [
        "DWP reviewed the regulations behind its services:",
        "No further change was needed.",
    ]
    assert answer[0].items == ["two were amended", "one was repealed"]
    lines = page.read_text(encoding="utf-8").split("\n")
    aside = result.stderr.split("\n")[0].removeprefix("set aside ").split(": ", 1)[1]
    numbers = {
        n
        for span in aside.split(", ")
        for n in range(int(span.split("-")[0]), int(span.split("-")[-1]) + 1)
    }
    for number in numbers:  # every line set aside is furniture or the page's introduction
        text = " ".join(lines[number - 1 : number + 1])  # an element, and the text it opens
        assert any(
            word in text
            for word in (
                "Policy paper",
                "coalition",
                "forms part",
                "responding",
                "GOV.UK",
                "Crown",
                "useful",
            )
        ), text
