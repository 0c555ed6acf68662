"""Was each plan done? Plan items and their ids, evidence and signals, carried-over chains,
recorded verdicts (`assess`, the verdicts file, lint's V rules), and the scorecard in every
format, as a user sees them."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from inline_snapshot import snapshot

from strategy_cli.analysis.items import ItemId
from strategy_cli.analysis.language import Vocabulary, acronyms, stem
from strategy_cli.api import load
from strategy_cli.store.location import resolve
from tests.conftest import DATA, run

QUOTE = "No requirement for legislative change was identified."


def scorecard_json(*args: str) -> dict[str, Any]:
    result = run("scorecard", "--format", "json", *args)
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    assert isinstance(document, dict)
    return document


def items(*args: str) -> dict[str, dict[str, Any]]:
    found = scorecard_json(*args)["items"]
    assert isinstance(found, list)
    return {item["id"]: item for item in found}


@pytest.fixture
def report(tmp_path: Path) -> Path:
    """A copy of the bundled report that verdicts may be recorded on."""
    target = tmp_path / "co.yaml"
    shutil.copyfile(DATA, target)
    return target


class TestItems:
    """Every paragraph and bullet of every plan is an item with a short id."""

    def test_ids_read_and_print_the_same(self) -> None:
        assert str(ItemId.parse("4/2014/5")) == "4/2014/5"
        assert ItemId.parse("3/2014/2.1") == ItemId(3, 2014, 2, 1)
        assert ItemId.parse("DWP:4/2014/5").department == "DWP"
        assert ItemId.parse("DWP:4/2014/5").local == "4/2014/5"

    def test_every_plan_is_itemised_and_the_commitments_are_the_plan_for_2013(self) -> None:
        found = items()
        assert len(found) == 14 + 18 + 24
        assert found["1/2013/1"]["made_in"] == 2012
        assert found["4/2014/5"]["made_in"] == 2013
        assert [i for i in found if i.startswith("3/2015/")] == [f"3/2015/{n}" for n in range(1, 6)]

    @pytest.mark.parametrize(
        ("wanted", "message"),
        [
            ("4-2014-5", "strategy: error: '4-2014-5' is not a plan item id\n"),
            (
                "4/2014/9",
                "strategy: error: no item 4/2014/9 in this report: action 4's plan for 2014 has"
                " 5 paragraphs\n",
            ),
            (
                "15/2014/1",
                "strategy: error: action 15 has no plan for 2014\nit has plans for 2015\n",
            ),
            (
                "DWP:4/2014/5",
                "strategy: error: no report of 'DWP' here: the data in use is CO's report"
                f" ({resolve(None)})\n",
            ),
            (
                "4/2014/0",
                "strategy: error: '4/2014/0': paragraphs and bullets are counted from 1\n",
            ),
        ],
    )
    def test_an_id_that_names_no_item_is_a_usage_error(self, wanted: str, message: str) -> None:
        result = run("scorecard", "--chain", wanted)
        assert (result.code, result.stdout) == (2, "")
        assert result.stderr.startswith(message)

    def test_the_department_may_be_named(self) -> None:
        assert scorecard_json("--chain", "CO:12/2014/1")["chain"] == "12/2014/1"


class TestEvidence:
    """The progress that reports on each item, from any action, explained."""

    def test_a_plan_answered_under_other_actions_cites_them(self) -> None:
        """The ERTP's go-live (Action 2's plan) is reported under Actions 5 and 8."""
        evidence = items()["2/2014/1"]["evidence"]
        assert isinstance(evidence, list)
        cited = {e["id"]: e for e in evidence}
        assert {"5/2014/1", "8/2014/2"} <= set(cited)
        assert cited["5/2014/1"]["action"] == 5
        assert cited["5/2014/1"]["text"].startswith("The ERTP’s online registration service")
        assert {"June", "live", "ERTP"} <= set(cited["5/2014/1"]["words"])

    def test_evidence_is_ranked_and_each_unit_is_its_own_entry(self) -> None:
        evidence = items()["3/2014/1"]["evidence"]
        assert isinstance(evidence, list)
        scores = [e["score"] for e in evidence]
        assert scores == sorted(scores, reverse=True)
        ids = [e["id"] for e in evidence]
        assert len(ids) == len(set(ids))
        # CODATT, the unit the plan asked for, is named in the plan's own progress: its
        # support, reported under other actions and in bullets, counts.
        assert {"3/2014/1", "3/2014/2", "3/2014/2.1", "8/2014/1", "9/2014/1"} <= set(ids)

    def test_a_plan_for_a_year_not_yet_ended_is_not_due(self) -> None:
        found = items("--year", "2015")
        assert {i["signal"] for i in found.values()} == {"not_due"}
        assert all(i["evidence"] == [] for i in found.values())

    def test_the_reports_own_acronyms_and_word_forms(self) -> None:
        defined = acronyms(["the Executive Management Committee (EMC) and the CTO", "ALBs"])
        vocabulary = Vocabulary(defined)
        spelled = vocabulary.terms("reporting to the executive management committee")
        short = vocabulary.terms("EMC meetings")
        assert "=emc" in spelled
        assert "=emc" in short
        assert spelled["=emc"] == "executive management committee"
        assert stem("incorporate") == stem("incorporating")
        assert stem("redesigned") == stem("redesigns")

    def test_signals_are_deterministic(self) -> None:
        first = run("scorecard", "--format", "json").stdout
        assert (
            run("scorecard", "--format", "json", env={"STRATEGY_CACHE_DIR": "off"}).stdout == first
        )


class TestChains:
    """An item that comes back in a later plan is linked to it, bullets included."""

    def test_action_4s_fifth_paragraph_is_carried_into_2015(self) -> None:
        found = items()
        assert found["4/2014/5"]["carried_over_to"] == ["4/2015/1"]
        assert found["4/2015/1"]["carried_over_from"] == ["4/2014/5"]
        chain = scorecard_json("--chain", "4/2015/1")
        assert [i["id"] for i in chain["items"]] == ["4/2014/5", "4/2015/1"]

    def test_the_chain_shows_the_few_words_that_changed(self) -> None:
        result = run("scorecard", "--chain", "4/2014/5", env={"FORCE_COLOR": "1", "COLUMNS": "80"})
        assert result.code == 0
        text = strip_ansi(result.stdout)
        assert "Against 4/2014/5, word by word:" in text
        assert "\x1b[9;31mbegun\x1b[0m \x1b[4;32mundertaken\x1b[0m" in result.stdout

    def test_a_bullet_repeated_in_the_next_plan_is_caught(self, tmp_path: Path) -> None:
        data = tmp_path / "dept.yaml"
        assert run("import", str(BULLET_PAGE), "-o", str(data)).code == 0
        found = items("--data", str(data))
        assert found["1/2014/1.2"]["carried_over_to"] == ["1/2015/1.1"]
        assert found["1/2014/1.1"]["carried_over_to"] == []
        carried = items("--data", str(data), "--carried-over")
        assert list(carried) == ["1/2014/1.2"]

    def test_repeated_words_across_actions_are_named(self) -> None:
        assert items()["11/2015/2"]["same_words_as"] == ["1/2015/1"]
        shown = run("show", "11", "--year", "2015").stdout
        assert "same words as Action 1's plan for 2015 (1/2015/1)" in shown


BULLET_PAGE = Path(__file__).resolve().parent / "pages" / "bullet-carried.txt"
"""A department's page whose second 2014 bullet comes back word for word in the 2015 plan."""


def strip_ansi(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)


class TestFormats:
    def test_csv_is_one_wide_row_per_item(self) -> None:
        rows = list(csv.DictReader(io.StringIO(run("scorecard", "-f", "csv").stdout)))
        assert len(rows) == 56
        row = next(r for r in rows if r["id"] == "12/2014/1")
        assert row == {
            "id": "12/2014/1",
            "action": "12",
            "made_in": "2013",
            "year": "2014",
            "plan": "Any cross-cutting legislative impediments will be escalated through the"
            " Digital Leaders Network.",
            "signal": "addressed",
            "status": "",
            "best_evidence_id": "12/2014/1",
            "best_evidence_action": "12",
            "best_evidence": QUOTE,
            "tie_words": "legislative",
            "evidence_ids": "12/2014/1",
            "mentioned_in": "",
            "carried_over_to": "",
            "carried_over_from": "",
            "same_words_as": "",
            "verdict_evidence": "",
            "verdict_by": "",
            "verdict_date": "",
            "verdict_note": "",
        }

    def test_piped_is_the_same_columns_tab_separated(self) -> None:
        result = run("scorecard", "--action", "12")
        lines = result.stdout.splitlines()
        assert lines[0].split("\t")[:6] == ["id", "action", "made_in", "year", "plan", "signal"]
        assert [line.split("\t")[0] for line in lines[1:]] == [
            "12/2013/1",
            "12/2014/1",
            "12/2015/1",
        ]
        assert "\x1b" not in result.stdout

    def test_table_reads_at_80_columns(self) -> None:
        from rich.console import Console

        from strategy_cli.analysis.scorecard import scorecard, select
        from strategy_cli.output.table import TableFormat

        report = load(DATA)
        card = select(report, scorecard(report), year=2014, action=12)
        console = Console(width=80, color_system=None, force_terminal=False, record=False)
        text = TableFormat(console).scorecard(card)
        assert all(len(line) <= 80 for line in text.splitlines())
        assert text == snapshot("""\
2014: 1 plan item: 1 addressed, 0 mentioned only, 0 no trace

12/2014/1  plan for 2014, made in 2013  addressed · no verdict
  Any cross-cutting legislative impediments will be escalated through the       \n\
  Digital Leaders Network.                                                      \n\
  12/2014/1, score 0.17, tied by: legislative                                   \n\
    No requirement for legislative change was identified.                       \n\

Signal (computed, not a verdict): addressed = progress of that year reports on \n\
the plan (its evidence); mentioned only = progress shares a distinctive term but
does not report on it; no trace = nothing in that year's progress touches it; \n\
not yet due = the report was dated before the year ended.
""")

    def test_markdown_escapes_the_data(self) -> None:
        text = run("scorecard", "--action", "12", "--format", "markdown").stdout
        assert text.startswith("- 2013: 1 plan item: 1 addressed")
        assert "| 12/2014/1 | Any cross-cutting" in text

    def test_filters(self) -> None:
        assert set(items("--signal", "not_due")) == set(items("--year", "2015"))
        assert items("--signal", "no_trace", "--signal", "mentioned").keys() <= items().keys()
        assert list(items("--status", "complete")) == []
        assert len(items("--status", "none")) == 56
        result = run("scorecard", "--signal", "done")
        assert result.code == 2
        assert result.stderr.startswith(
            "strategy: error: unknown --signal 'done'; choose from: addressed, mentioned,"
            " no_trace, not_due"
        )
        empty = run("scorecard", "--action", "15", "--year", "2014")
        assert (empty.code, empty.stderr) == (0, "no plan items match\n")


class TestOtherCommandsAgree:
    def test_diff_counts_items_and_a_year_not_due_never_fails(self) -> None:
        head = run("diff", "2013", "2014").stdout.splitlines()[0]
        assert "; 18 plan items: 18 addressed, 0 mentioned only, 0 no trace;" in head
        assert run("diff", "2014", "2015", "--exit-code").code == 0

    def test_show_marks_each_plan_item(self) -> None:
        lines = run("show", "12").stdout.splitlines()
        assert "    ↳ 12/2014/1: addressed (evidence 12/2014/1)" in lines
        assert "    ↳ 12/2015/1: not yet due" in lines


class TestVerdicts:
    def test_assess_records_a_verdict_beside_the_report(self, report: Path) -> None:
        result = run(
            "assess", "12/2014/1", "--status", "complete", "--evidence", QUOTE,
            "--by", "A. Reviewer", "--date", "2026-11-27", "--note", "nothing to escalate",
            "--data", str(report),
        )  # fmt: skip
        verdicts = report.with_name("co.verdicts.yaml")
        assert (result.code, result.stdout) == (0, "")
        assert result.stderr == f"recorded complete for 12/2014/1 in {verdicts}\n"
        text = verdicts.read_text(encoding="utf-8")
        assert text.endswith(
            "verdicts:\n"
            "  - item: 12/2014/1\n"
            "    text: Any cross-cutting legislative impediments will be escalated through the"
            " Digital Leaders Network.\n"
            "    status: complete\n"
            f"    evidence: {QUOTE}\n"
            "    by: A. Reviewer\n"
            "    date: 2026-11-27\n"
            "    note: nothing to escalate\n"
        )
        item = items("--data", str(report))["12/2014/1"]
        assert item["status"] == "complete"
        assert item["signal"] == "addressed"  # shown beside the verdict, never replaced
        assert item["verdict"] == {
            "status": "complete",
            "evidence": QUOTE,
            "by": "A. Reviewer",
            "date": "2026-11-27",
            "note": "nothing to escalate",
            "text": item["text"],
        }
        assert run("lint", "--strict", str(report)).code == 0

    def test_a_later_verdict_keeps_the_earlier_as_history_and_comments(self, report: Path) -> None:
        base = ["assess", "12/2014/1", "--evidence", QUOTE, "--by", "R", "--data", str(report)]
        assert run(*base, "--status", "limited", "--date", "2026-01-01").code == 0
        verdicts = report.with_name("co.verdicts.yaml")
        verdicts.write_text(
            verdicts.read_text(encoding="utf-8").replace(
                "    status: limited\n", "    status: limited  # first look\n"
            ),
            encoding="utf-8",
        )
        assert run(*base, "--status", "complete", "--date", "2026-02-01").code == 0
        assert "    status: limited  # first look\n" in verdicts.read_text(encoding="utf-8")
        item = items("--data", str(report))["12/2014/1"]
        assert item["status"] == "complete"
        assert [h["status"] for h in item["history"]] == ["limited"]

    def test_a_quote_from_another_action_is_named(self, report: Path) -> None:
        result = run(
            "assess", "3/2014/1", "--status", "substantial", "--by", "R", "--data", str(report),
            "--evidence", "CODATT promoted the importance of assisted digital provision.",
        )  # fmt: skip
        assert result.code == 0
        assert result.stderr.startswith("recorded substantial for 3/2014/1 (found in Action 9)")

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (
                ["--status", "complete", "--evidence", "not in the report"],
                "strategy: error: the quote is not in the progress reported for 2014 (in any"
                " action)\ncopy it word for word, quote marks included, from `strategy show 12"
                " --year 2014`\n",
            ),
            (
                ["--status", "done", "--evidence", QUOTE],
                "strategy: error: unknown --status 'done'; choose from: not_started, limited,"
                " substantial, complete, withdrawn, unclear\n",
            ),
            (
                ["--status", "complete", "--evidence", QUOTE, "--date", "27/11/2026"],
                "strategy: error: --date must be a date as YYYY-MM-DD, not '27/11/2026'\n",
            ),
            (
                ["--status", "complete", "--evidence", QUOTE, "--by", "x\x1b[31m"],
                "strategy: error: --by holds U+001B (a control character) at character 2: text"
                " may not hold it; delete it\n",
            ),
        ],
    )
    def test_mistakes_are_refused_and_nothing_is_written(
        self, report: Path, args: list[str], message: str
    ) -> None:
        result = run("assess", "12/2014/1", "--by", "R", *args, "--data", str(report))
        assert (result.code, result.stdout, result.stderr) == (2, "", message)
        assert not report.with_name("co.verdicts.yaml").exists()

    def test_the_bundled_report_and_stdin_are_refused(self) -> None:
        bundled = run("assess", "12/2014/1", "--status", "complete", "--evidence", QUOTE)
        assert bundled.code == 2
        assert bundled.stderr.startswith(
            "strategy: error: verdicts are not recorded on the bundled report"
        )
        assert "copy the data first (cp " in bundled.stderr
        piped = run(
            "assess", "12/2014/1", "--status", "complete", "--evidence", QUOTE, "--data", "-",
            input=DATA.read_text(encoding="utf-8"),
        )  # fmt: skip
        assert piped.code == 2
        assert "a report read from standard input has none" in piped.stderr

    def test_a_bad_verdicts_file_stops_every_reader_at_its_line(self, report: Path) -> None:
        report.with_name("co.verdicts.yaml").write_text(
            V_FILE.replace("status:", "statu:"), encoding="utf-8"
        )
        for command in (["scorecard"], ["show", "1"], ["diff", "2013", "2014"], ["stats"]):
            result = run(*command, "--data", str(report))
            assert (result.code, result.stdout) == (1, "")
            assert result.stderr == (
                f"strategy: error: {report.with_name('co.verdicts.yaml')}:2:5: S001 missing"
                " required key 'status' in verdicts[0]: add it\n"
                "(1 more problem in this file; run `strategy lint` to see them all)\n"
            )

    def test_the_verdicts_schema(self) -> None:
        schema = json.loads(run("schema", "--verdicts").stdout)
        verdict = schema["$defs"]["Verdict"]
        assert verdict["required"] == ["item", "text", "status", "evidence", "by", "date"]
        assert verdict["properties"]["status"]["enum"] == [
            "not_started", "limited", "substantial", "complete", "withdrawn", "unclear",
        ]  # fmt: skip


V_FILE = """\
verdicts:
  - item: 12/2014/1
    text: Any cross-cutting legislative impediments will be escalated through the Digital Leaders Network.
    status: complete
    evidence: No requirement for legislative change was identified.
    by: R
    date: 2026-11-27
"""

V_CASES = [
    ("V102", "item: 12/2014/1", "item: 12/2014/7", 11),
    ("V103", "Leaders Network.", "Leaders Group.", 11),
    ("V104", QUOTE, "No requirement was found.", 15),
]
"""Each V rule: what is changed in the file above, and the column of the value it points at
(on the line the change is on)."""


class TestLintVerdicts:
    def lint(self, report: Path, text: str) -> list[str]:
        report.with_name("co.verdicts.yaml").write_text(text, encoding="utf-8")
        return run("lint", str(report)).stdout.splitlines()

    @pytest.mark.parametrize(("code", "old", "new", "column"), V_CASES, ids=[c[0] for c in V_CASES])
    def test_each_rule_at_its_position(
        self, report: Path, code: str, old: str, new: str, column: int
    ) -> None:
        text = V_FILE.replace(old, new)
        line = next(n for n, content in enumerate(text.split("\n"), 1) if new in content)
        found = self.lint(report, text)
        assert len(found) == 1, found
        assert found[0].startswith(
            f"{report.with_name('co.verdicts.yaml')}:{line}:{column}: {code} "
        )

    def test_drift_names_both_texts(self, report: Path) -> None:
        (found,) = self.lint(report, V_FILE.replace("Leaders Network.", "Leaders Group."))
        assert found.endswith(
            "V103 warning: 12/2014/1 has changed since this verdict was recorded"
            " ([-recorded-]{+now+}: Any cross-cutting legislative impediments will be escalated"
            " through the Digital Leaders [-Group.-] {+Network.+}): check the verdict still"
            " applies, then update its text."
        )

    def test_a_quote_elsewhere_in_the_report_is_located(self, report: Path) -> None:
        text = V_FILE.replace(
            QUOTE, "No requirement for legislative change has yet been identified."
        )
        (found,) = self.lint(report, text)
        assert found.endswith(
            "V104 the quoted evidence is not in the progress reported for 2014 (in any action);"
            " it is in Action 12: Planned activities in 2015"
        )

    def test_complete_without_a_trace_is_a_warning(self, report: Path) -> None:
        """An item no progress touches: a new plan item whose words appear nowhere."""
        data = report.read_text(encoding="utf-8").replace(
            "        - Any cross-cutting legislative impediments will be escalated through the"
            " Digital Leaders Network.\n",
            "        - Any cross-cutting legislative impediments will be escalated through the"
            " Digital Leaders Network.\n"
            "        - Zebra quokka marmalade.\n",
        )
        report.write_text(data, encoding="utf-8")
        text = V_FILE.replace("item: 12/2014/1", "item: 12/2014/2").replace(
            "text: Any cross-cutting legislative impediments will be escalated through the"
            " Digital Leaders Network.",
            "text: Zebra quokka marmalade.",
        )
        found = self.lint(report, text)
        assert len(found) == 1, found
        line = next(n for n, content in enumerate(text.split("\n"), 1) if "status:" in content)
        assert found[0].startswith(
            f"{report.with_name('co.verdicts.yaml')}:{line}:13: V105 warning:"
        )

    def test_a_verdicts_file_without_its_report(self, tmp_path: Path) -> None:
        lonely = tmp_path / "gone.verdicts.yaml"
        lonely.write_text(V_FILE, encoding="utf-8")
        result = run("lint", str(lonely))
        assert result.code == 1
        assert result.stdout == (
            f"{lonely}:1:1: V101 no report beside this verdicts file: expected"
            f" {tmp_path / 'gone.yaml'}\n"
        )

    def test_a_folder_lints_its_verdicts_files(self, report: Path) -> None:
        report.with_name("co.verdicts.yaml").write_text(
            V_FILE.replace("12/2014/1", "12/2014/7", 1), encoding="utf-8"
        )
        result = run("lint", str(report.parent))
        assert result.code == 1
        assert "V102" in result.stdout
        assert result.stderr.startswith("1 error, 0 warnings in 2 files")


class TestPlanTextIsData:
    """A plan's text reaches every format as data: never markup, a formula or HTML."""

    PLAN = "=HYPERLINK(1) [bold]escalated[/] <b>legislative</b> *impediments* :smile:"

    @pytest.fixture
    def hostile(self, report: Path) -> Path:
        old = (
            "Any cross-cutting legislative impediments will be escalated through the Digital"
            " Leaders Network."
        )
        text = report.read_text(encoding="utf-8")
        assert old in text
        report.write_text(text.replace(old, f"'{self.PLAN}'", 1), encoding="utf-8")
        return report

    def test_terminal(self, hostile: Path) -> None:
        result = run(
            "scorecard", "--action", "12", "--data", str(hostile), env={"FORCE_COLOR": "1"}
        )
        assert result.code == 0, result.stderr
        assert self.PLAN in " ".join(strip_ansi(result.stdout).split())

    def test_csv_markdown_json(self, hostile: Path) -> None:
        data = ["--action", "12", "--data", str(hostile)]
        rows = list(csv.DictReader(io.StringIO(run("scorecard", *data, "-f", "csv").stdout)))
        assert rows[1]["plan"] == "'" + self.PLAN
        markdown = run("scorecard", *data, "-f", "markdown").stdout
        assert "\\<b\\>legislative\\</b\\> \\*impediments\\*" in markdown
        assert "<b>" not in markdown
        assert items(*data)["12/2014/1"]["text"] == self.PLAN


class TestVerdictsFileEdges:
    """What the red-team pass found, each kept from coming back."""

    def test_a_future_date_is_refused_and_one_written_by_hand_is_a_warning(
        self, report: Path
    ) -> None:
        result = run(
            "assess", "12/2014/1", "--status", "limited", "--evidence", QUOTE, "--by", "R",
            "--date", "9999-12-31", "--data", str(report),
        )  # fmt: skip
        assert (result.code, result.stderr) == (
            2,
            "strategy: error: --date 9999-12-31 is in the future: a verdict is dated when it is"
            " given\n",
        )
        verdicts = report.with_name("co.verdicts.yaml")
        verdicts.write_text(V_FILE.replace("2026-11-27", "9999-12-31"), encoding="utf-8")
        (found,) = run("lint", str(report)).stdout.splitlines()
        assert found.startswith(f"{verdicts}:7:11: V106 warning: dated 9999-12-31, after today")

    @pytest.mark.parametrize("date", ["20261127", "2026-W48-5", "2026-02-30"])
    def test_only_a_calendar_date_as_yyyy_mm_dd(self, report: Path, date: str) -> None:
        result = run(
            "assess", "12/2014/1", "--status", "limited", "--evidence", QUOTE, "--by", "R",
            "--date", date, "--data", str(report),
        )  # fmt: skip
        assert (result.code, result.stderr) == (
            2,
            f"strategy: error: --date must be a date as YYYY-MM-DD, not {date!r}\n",
        )

    def test_an_impossible_date_in_a_file_is_a_finding_not_a_crash(self, report: Path) -> None:
        verdicts = report.with_name("co.verdicts.yaml")
        verdicts.write_text(V_FILE.replace("2026-11-27", "2026-02-30"), encoding="utf-8")
        assert run("lint", str(report)).stdout == (
            f"{verdicts}:7:11: S003 '2026-02-30' is not a date in the calendar: correct it\n"
        )
        result = run("scorecard", "--data", str(report))
        assert (result.code, result.stdout) == (1, "")
        assert result.stderr.startswith(f"strategy: error: {verdicts}:7:11: '2026-02-30' is not")

    @pytest.mark.parametrize(
        ("quote", "message"),
        [
            ("legislative", "--evidence: the quote has 1 word(s): quote at least 3 words"),
            (f" {QUOTE}", "--evidence: the quote starts or ends with spaces"),
            ("requirement for legislat", "the quote is not in the progress reported for 2014"),
            (
                "No requirement for legislative change has yet been identified.",
                "the quote is not in the progress reported for 2014 (in any action); it is in"
                " Action 12: Planned activities in 2015",
            ),
        ],
    )
    def test_a_quote_is_whole_words_found_in_that_years_progress(
        self, report: Path, quote: str, message: str
    ) -> None:
        result = run(
            "assess", "12/2014/1", "--status", "limited", "--evidence", quote, "--by", "R",
            "--data", str(report),
        )  # fmt: skip
        assert result.code == 2
        assert result.stderr.startswith(f"strategy: error: {message}")

    def test_a_plan_not_yet_due_has_no_progress_to_quote(self, report: Path) -> None:
        result = run(
            "assess", "12/2015/1", "--status", "limited", "--evidence", QUOTE, "--by", "R",
            "--data", str(report),
        )  # fmt: skip
        assert result.code == 2
        assert "had not reached: there is no progress for it to quote yet" in result.stderr

    def test_an_empty_verdicts_file_holds_none(self, report: Path) -> None:
        report.with_name("co.verdicts.yaml").write_text("", encoding="utf-8")
        assert run("scorecard", "--data", str(report)).code == 0
        assert run("lint", "--strict", str(report)).code == 0
        base = ["assess", "12/2014/1", "--status", "limited", "--evidence", QUOTE, "--by", "R"]
        assert run(*base, "--data", str(report)).code == 0
        assert items("--data", str(report))["12/2014/1"]["status"] == "limited"

    def test_a_list_is_not_a_verdicts_file(self, report: Path) -> None:
        verdicts = report.with_name("co.verdicts.yaml")
        verdicts.write_text("- a\n", encoding="utf-8")
        result = run("scorecard", "--data", str(report))
        assert result.stderr == (
            f"strategy: error: {verdicts}:1:1: a verdicts file is a mapping with a 'verdicts:'"
            " list, not a list\n"
        )

    def test_a_pipe_or_folder_at_the_name_is_refused_without_opening_it(self, report: Path) -> None:
        import os

        verdicts = report.with_name("co.verdicts.yaml")
        os.mkfifo(verdicts)
        result = run("scorecard", "--data", str(report))  # would block if the pipe were opened
        assert (result.code, result.stderr) == (
            1,
            f"strategy: error: {verdicts}: the verdicts file is not a regular file: move it"
            " aside\n",
        )
        assert run("lint", str(report)).stdout == (
            f"{verdicts}:1:1: Y100 the verdicts file is not a regular file: move it aside\n"
        )
        verdicts.unlink()
        verdicts.mkdir()
        assert run("lint", str(report)).code == 1

    def test_another_departments_id_is_not_this_reports_verdict(self, report: Path) -> None:
        verdicts = report.with_name("co.verdicts.yaml")
        verdicts.write_text(V_FILE.replace("item: 12/2014/1", "item: DWP:12/2014/1"), "utf-8")
        assert items("--data", str(report))["12/2014/1"]["status"] is None
        assert "V102 DWP:12/2014/1 is an item of DWP" in run("lint", str(report)).stdout
        verdicts.write_text(V_FILE.replace("item: 12/2014/1", "item: CO:12/2014/01"), "utf-8")
        assert items("--data", str(report))["12/2014/1"]["status"] == "complete"
        assert run("lint", "--strict", str(report)).code == 0

    def test_line_endings_and_byte_order_mark_are_kept(self, report: Path) -> None:
        verdicts = report.with_name("co.verdicts.yaml")
        verdicts.write_bytes(("\ufeff" + V_FILE).replace("\n", "\r\n").encode("utf-8"))
        base = ["assess", "12/2014/1", "--status", "limited", "--evidence", QUOTE, "--by", "R"]
        assert run(*base, "--data", str(report)).code == 0
        data = verdicts.read_bytes()
        assert data.startswith("\ufeff".encode())
        assert data.count(b"\n") == data.count(b"\r\n") > 10

    def test_creating_the_file_never_replaces_one_made_meanwhile(self, tmp_path: Path) -> None:
        from strategy_cli.errors import DataError
        from strategy_cli.store.files import atomic_write

        target = tmp_path / "co.verdicts.yaml"
        target.write_text("verdicts: []\n", encoding="utf-8")
        with pytest.raises(DataError, match="another process made the file meanwhile"):
            atomic_write(str(target), "verdicts:\n", create=True)
        assert target.read_text(encoding="utf-8") == "verdicts: []\n"
