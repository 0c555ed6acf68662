"""Import of published pages and export back to them: nothing lost, nothing guessed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from strategy_cli.errors import DataError
from strategy_cli.pages.text import parse_page, read_page, render_page
from tests.conftest import DATA, PAGES, SOURCE, run


def without_acknowledgements(path: Path) -> str:
    """The bundled file as the importer writes it: the maintainers' lint comments taken out."""
    return re.sub(r"  # strategy: ignore\[.*", "", path.read_text(encoding="utf-8"))


class TestBundledRoundTrip:
    """The bundled data holds the whole published page: export gives it back byte for byte."""

    def test_export_text_equals_the_source_byte_for_byte(self) -> None:
        result = run("export", "--format", "text")
        assert result.code == 0
        assert result.stdout.encode("utf-8") == SOURCE.read_bytes()

    def test_export_to_a_file_equals_the_source(self, tmp_path: Path) -> None:
        target = tmp_path / "page.txt"
        result = run("export", "-o", str(target))
        assert result.code == 0
        assert target.read_bytes() == SOURCE.read_bytes()

    def test_import_of_the_source_reproduces_the_bundled_file(self) -> None:
        result = run("import", str(SOURCE))
        assert result.code == 0, result.stderr
        assert result.stdout == without_acknowledgements(DATA)

    def test_import_reads_stdin(self) -> None:
        result = run("import", "-", input=SOURCE.read_text(encoding="utf-8"))
        assert result.stdout == without_acknowledgements(DATA)

    def test_import_output_file_is_written_and_reported(self, tmp_path: Path) -> None:
        target = tmp_path / "out.yaml"
        result = run("import", str(SOURCE), "-o", str(target))
        assert result.code == 0
        assert result.stdout == ""
        assert result.stderr == f"wrote 16 actions to {target}\n"
        assert target.read_text(encoding="utf-8") == without_acknowledgements(DATA)

    def test_bundled_data_has_all_sixteen_actions_and_the_quirks(self) -> None:
        report = parse_page(SOURCE.read_text(encoding="utf-8"), "co.txt")
        assert [a.number for a in report.actions] == list(range(1, 17))
        assert report.department == "CO"
        assert str(report.updated) == "2015-01-16"
        six = report.actions[5]
        assert "it will will audit" in six.plans[2014][0].text
        fifteen = report.actions[14]
        assert fifteen.commitment is None
        assert fifteen.notes[0].text.startswith("Action 15 was added to the Digital Strategy")
        assert sorted(fifteen.progress) == [2014]
        assert sorted(fifteen.plans) == [2015]
        bullets = report.actions[2].progress[2014][1].items
        assert bullets[0] == "evaluating digital propositions"
        assert len(bullets) == 4


class TestExportJson:
    """`export --format json` is the whole report with json.dumps conventions."""

    def test_json_is_utf8_with_stable_key_order(self) -> None:
        result = run("export", "--format", "json")
        assert result.code == 0
        document = json.loads(result.stdout)
        assert list(document) == [
            "title",
            "department",
            "aliases",
            "updated",
            "commitments_made",
            "licence",
            "source",
            "preamble",
            "introduction",
            "actions",
        ]
        assert list(document["actions"][0]) == [
            "number",
            "title",
            "notes",
            "commitment",
            "progress",
            "plans",
        ]
        assert document["actions"][0]["commitment"][0]["text"].startswith("Cabinet Office’s")
        assert "Cabinet Office’s" in result.stdout  # not \u2019
        assert list(document["actions"][0]["progress"]) == ["2013", "2014"]

    def test_unknown_export_format_is_a_usage_error(self) -> None:
        result = run("export", "--format", "pdf")
        assert result.code == 2
        assert result.stderr == "strategy: error: unknown format 'pdf'; choose text or json\n"


class TestVariants:
    """Pages of other departments: furniture, heading variants, unlabelled lines, empty
    headings, 'not applicable' actions, acronyms and full names, partial pages."""

    def test_every_variant_is_placed_and_exported_in_the_canonical_layout(self) -> None:
        report = parse_page((PAGES / "dh_variants.txt").read_text(encoding="utf-8"), "dh.txt")
        expected = (PAGES / "dh_variants.expected.txt").read_text(encoding="utf-8")
        assert render_page(report) == expected
        assert report.department == "Department of Health"
        assert report.preamble == []  # page furniture is set aside, not kept as content
        one, two, three = report.actions
        assert one.plans[2014] == []  # a heading with no text stays a heading
        assert one.progress[2014] == []
        assert two.title.endswith(
            "by a service manager. Service managers will be in place for new and redesigned"
            " transactions from April 2013"
        )  # a title of two sentences, broken over two lines, is one title
        assert two.notes == []
        assert two.progress[2013][0].items == [
            "a review of transactions",
            "a plan for the largest of them",
        ]
        assert three.notes[0].text == "This action is not applicable to DH."

    def test_every_content_line_survives_and_furniture_is_set_aside(self) -> None:
        source = (PAGES / "dh_variants.txt").read_text(encoding="utf-8")
        imported = read_page(source, "dh.txt")
        assert imported.set_aside == [1, 2]
        exported = render_page(imported.report)
        headings = ("Progress", "Planned")
        for number, line in enumerate(source.split("\n"), 1):
            if not line.strip() or line.startswith(headings) or number in imported.set_aside:
                continue
            text = line.lstrip("-• ").rstrip(".")
            assert text in exported, line

    def test_an_empty_heading_is_neither_a_plan_nor_a_report(self, tmp_path: Path) -> None:
        target = tmp_path / "dh.yaml"
        assert run("import", str(PAGES / "dh_variants.txt"), "-o", str(target)).code == 0
        listed = run("--data", str(target), "list").stdout.splitlines()
        assert listed[0].split("\t")[2:] == ["PR", "--"]  # 2014: empty plan, empty progress
        lint = run("lint", str(target), "--select", "S106")
        assert lint.code == 0  # a warning: the page was published so
        assert lint.stdout.count("S106 warning: action 1:") == 2
        assert run("lint", "--strict", str(target), "--select", "S106").code == 1

    def test_the_command_says_what_it_set_aside_trimmed_or_found_cut_off(
        self, tmp_path: Path
    ) -> None:
        page = tmp_path / "page.txt"
        page.write_text(
            "Corporate report\n"
            "DWP's actions in response to the Government Digital Strategy\n"
            "Updated 1 May 2014\n"
            "This was published under the 2010 to 2015 Conservative and Liberal Democrat"
            " coalition government\n"
            "Action 1:  Boards will include   a digital leader \n"
            "Progress during 2013\n"
            "  A leader was appointed. \n"
            "Planned activities in 2014\n"
            "The leader will report to the board on the",
            encoding="utf-8",
        )
        target = tmp_path / "dwp.yaml"
        result = run("import", str(page), "-o", str(target))
        assert result.code == 0, result.stderr
        assert result.stderr == (
            "set aside 2 lines of page furniture: 1, 4\n"
            "trimmed stray spaces on 2 lines: 5, 7\n"
            "warning: line 9, the last, ends mid-sentence: is the page complete?\n"
            f"wrote 1 action to {target}\n"
        )
        text = target.read_text(encoding="utf-8")
        assert "title: Boards will include a digital leader\n" in text
        assert "- A leader was appointed.\n" in text
        assert run("lint", "--strict", str(target)).code == 0

    def test_partial_page_with_acronym_and_no_date(self) -> None:
        report = parse_page((PAGES / "hmt_partial.txt").read_text(encoding="utf-8"), "hmt.txt")
        assert report.department == "HMT"
        assert report.updated is None
        assert report.preamble == []
        assert report.actions[0].number == 7
        assert report.actions[0].progress[2013][0].text == "HMT moved to GOV.UK in 2013."

    def test_department_option_when_the_title_does_not_name_one(self, tmp_path: Path) -> None:
        page = tmp_path / "p.txt"
        page.write_text(
            "Actions in response to the Government Digital Strategy\n"
            "Action 1: Something\nProgress during 2013\nDone.\n",
            encoding="utf-8",
        )
        assert run("import", str(page)).stderr == (
            f"strategy: error: {page}:1: cannot tell the department from the title:"
            " give it with --department\n"
        )
        result = run("import", str(page), "--department", "DfE")
        assert result.code == 0
        assert "department: DfE\n" in result.stdout


BAD_PAGES = {
    "bullet with nothing before it": (
        "CO's actions in response to the Government Digital Strategy\nAction 1: A\n"
        "Progress during 2013\n- orphan\n",
        "4: bullet item '- orphan' has no paragraph before it to belong to:"
        " add the sentence that introduces the list",
    ),
    "unknown heading": (
        "CO's actions in response to the Government Digital Strategy\nAction 1: A\n"
        "Progress during 2013/14\nDone.\n",
        "3: 'Progress during 2013/14' looks like a section heading but is not one this tool"
        " knows (e.g. 'Progress during 2014', 'Planned activities in 2015'): correct the heading",
    ),
    "section twice": (
        "CO's actions in response to the Government Digital Strategy\nAction 1: A\n"
        "Progress during 2013\nOne.\nProgress in 2013\nTwo.\n",
        "5: second 'Progress in 2013' heading in action 1 (first at line 3): merge the two"
        " sections or correct the year",
    ),
    "section before any action": (
        "CO's actions in response to the Government Digital Strategy\nProgress during 2013\n",
        "2: section heading 'Progress during 2013' comes before any 'Action N: title' heading",
    ),
    "no title": (
        "Some notes\nAction 1: A\n",
        "1: cannot find the page title (a line like \"CO's actions in response to the"
        ' Government Digital Strategy")',
    ),
    "no actions": (
        "CO's actions in response to the Government Digital Strategy\nUpdated 1 May 2014\n",
        "3: no 'Action N: title' heading found: is this a digital strategy page?",
    ),
    "duplicate action": (
        "CO's actions in response to the Government Digital Strategy\nAction 1: A\nAction 1: B\n",
        "3: duplicate action number 1: renumber this action or merge it with the other one",
    ),
    "impossible date": (
        "CO's actions in response to the Government Digital Strategy\nUpdated 31 February 2014\n"
        "Action 1: A\n",
        "2: 'Updated 31 February 2014' is not a real date",
    ),
    "empty page": ("\n\n", "1: the page is empty: expected a title and 'Action N: ...' headings"),
}


class TestUnplaceableLines:
    """A line the importer cannot place stops it with PAGE:LINE and what is wrong."""

    @pytest.mark.parametrize("case", sorted(BAD_PAGES))
    def test_message_names_the_line(self, case: str, tmp_path: Path) -> None:
        text, message = BAD_PAGES[case]
        page = tmp_path / "page.txt"
        page.write_text(text, encoding="utf-8")
        result = run("import", str(page))
        assert result.code == 1
        assert result.stdout == ""
        assert result.stderr == f"strategy: error: {page}:{message}\n"

    def test_core_raises_data_error(self) -> None:
        with pytest.raises(DataError) as raised:
            parse_page("nothing useful", "x.txt")
        assert str(raised.value).startswith("x.txt:1: cannot find the page title")

    def test_failed_import_leaves_the_output_untouched(self, tmp_path: Path) -> None:
        page = tmp_path / "page.txt"
        page.write_text(BAD_PAGES["unknown heading"][0], encoding="utf-8")
        out = tmp_path / "out.yaml"
        out.write_text("# keep me\n", encoding="utf-8")
        assert run("import", str(page), "-o", str(out)).code == 1
        assert out.read_text(encoding="utf-8") == "# keep me\n"

    def test_missing_page(self, tmp_path: Path) -> None:
        result = run("import", str(tmp_path / "nope.txt"))
        assert (result.code, result.stderr) == (
            1,
            f"strategy: error: {tmp_path / 'nope.txt'}: no such file\n",
        )
