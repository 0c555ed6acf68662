"""list, show, diff, search and stats: what a user sees, piped, on a terminal and as data."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import ClassVar

import pytest
from inline_snapshot import snapshot

from tests.conftest import run

STYLE = re.compile(r"\x1b\[[0-9;]*m")
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


def without_styles(text: str) -> str:
    """Rich's own SGR sequences removed: what is left must hold no escape from the data."""
    return STYLE.sub("", text)


TERMINAL = {"FORCE_COLOR": "1", "NO_COLOR": "1"}
"""Rich layout as on a terminal, without colour codes, so the layout itself can be compared."""


class TestList:
    """Every action and its year grid."""

    def test_piped_is_tab_separated_complete_and_colourless(self) -> None:
        result = run("list")
        assert result.code == 0
        lines = result.stdout.splitlines()
        assert len(lines) == 16
        assert lines[1] == (
            "2\tServices handling over 100,000 transactions each year will be redesigned, operated"
            " and improved by a suitably skilled, experienced and empowered service manager."
            " Service managers will be in place for new and redesigned transactions from April"
            " 2013\tPR\tPR\tP-"
        )
        assert lines[14] == (
            "15\tcollaborate with partners across public, private and voluntary sectors to help"
            " people go online\t--\t-R\tP-"
        )
        assert "\x1b" not in result.stdout

    def test_filters(self) -> None:
        assert [
            line.split("\t")[0] for line in run("list", "--text", "ckan").stdout.splitlines()
        ] == ["16"]
        result = run("list", "--year", "2013")
        assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [
            str(n) for n in range(1, 15)
        ]

    def test_terminal_table(self) -> None:
        result = run("list", "--text", "legislative", env=TERMINAL)
        assert without_styles(result.stdout) == snapshot("""\
                                                                                                    \n\
   #   Action                                                                   2013   2014   2015  \n\
 ────────────────────────────────────────────────────────────────────────────────────────────────── \n\
  12   Cabinet Office will continue to work with departments to remove           PR     PR     P-   \n\
       legislative barriers which unnecessarily prevent the development of                          \n\
       straightforward and convenient digital services.                                             \n\
                                                                                                    \n\
P: a plan was made for the year; R: progress was reported in it                                     \n\
""")

    def test_json(self) -> None:
        document = json.loads(run("list", "--format", "json").stdout)
        assert document["years"] == [2013, 2014, 2015]
        assert document["actions"][15] == {
            "number": 16,
            "title": "help third party organisations create new services and better information"
            " access for their own users by opening up government data and transactions",
            "years": {
                "2013": {"planned": False, "reported": False},
                "2014": {"planned": False, "reported": True},
                "2015": {"planned": True, "reported": False},
            },
        }

    def test_csv_is_long_form(self) -> None:
        rows = list(csv.reader(io.StringIO(run("list", "-f", "csv").stdout)))
        assert rows[0] == ["action", "title", "year", "planned", "reported"]
        assert len(rows) == 1 + 16 * 3
        assert rows[1][0::2] == ["1", "2013", "true"]

    def test_markdown(self) -> None:
        result = run("list", "--text", "legislative", "-f", "markdown")
        assert result.stdout == snapshot("""\
| Action | Title | 2013 | 2014 | 2015 |
|---|---|---|---|---|
| 12 | Cabinet Office will continue to work with departments to remove legislative barriers which unnecessarily prevent the development of straightforward and convenient digital services. | PR | PR | P- |

P: a plan was made for the year; R: progress was reported in it.
""")

    def test_bad_year_lists_the_years(self) -> None:
        result = run("list", "--year", "2016")
        assert (result.code, result.stdout) == (2, "")
        assert result.stderr == snapshot("""\
strategy: error: the report says nothing about 2016; its years are 2013-2015
did you mean 2015?
""")


class TestShow:
    """One action's story in time order."""

    def test_piped(self) -> None:
        result = run("show", "15")
        assert result.code == 0
        assert result.stdout == snapshot("""\
Action 15: collaborate with partners across public, private and voluntary sectors to help people go online

Note
  Action 15 was added to the Digital Strategy in December 2013, so reporting on departments’ actions will begin with 2014.

Progress during 2014
  Cabinet Office led on production of the Government Digital Inclusion Strategy and Charter. A Digital Inclusion team based in GDS is leading cross-government activity. It commissioned a major research project into digital exclusion which will help departments develop tailored services.

Planned activities in 2015
  Office for Civil Society will develop a digital capabilities programme for voluntary, community and social enterprise organisations.
    ↳ 15/2015/1: not yet due
  Based at GDS, the team will use research results to focus activity on the hardest to reach demographic groups, using tools which have been proven to work elsewhere.
    ↳ 15/2015/2: not yet due
""")

    def test_year_narrows(self) -> None:
        result = run("show", "7", "--year", "2014")
        assert result.stdout == snapshot("""\
Action 7: Corporate publishing activities of all 24 central government departments will move onto GOV.UK by March 2013, with agency and ALBs’ online publishing to follow by July 2014

Planned activities in 2014
  The transition of the 300 agency and ALB sites will be completed in June 2014.
    ↳ 7/2014/1: addressed (evidence 7/2014/1 4/2014/5)

Progress during 2014
  All agency and ALBs moved to GOV.UK
""")

    def test_commitment_counts_as_the_plan_for_the_next_year(self) -> None:
        headings = [
            line
            for line in run("show", "1", "--year", "2013").stdout.splitlines()
            if line and not line.startswith(" ")
        ]
        assert headings == [
            "Action 1: Departmental and transactional agency boards will include an active"
            " digital leader",
            "Departmental digital strategy commitments (December 2012)",
            "Progress during 2013",
        ]

    def test_terminal(self) -> None:
        result = run("show", "3", "--year", "2015", env=TERMINAL)
        assert without_styles(result.stdout) == snapshot("""\
Action 3: All departments will ensure that they have appropriate digital capability in-house, \n\
including specialist skills

Planned activities in 2015                                                                          \n\
  Cabinet Office will recruit to bring the CODATT unit to full capacity.                            \n\
  ↳ 3/2015/1: not yet due                                                                           \n\
  Future plans include extending service management and service assessment training to help build   \n\
  the department’s capability for evaluating and managing services.                                 \n\
  ↳ 3/2015/2: not yet due                                                                           \n\
  Cabinet Office leads on a number of digital projects that have cross-departmental application.    \n\
  ↳ 3/2015/3: not yet due                                                                           \n\
  In the new year, the discovery work that is being initiated this year will lead to implementation \n\
  work supporting a number of professions within the civil service.                                 \n\
  ↳ 3/2015/4: not yet due                                                                           \n\
  Cabinet Office will work with Civil Service Learning (CSL) and departments to analyse the results \n\
  of the annual skills review and address any gaps in basic skills so all its civil servants reach  \n\
  level 7 on the digital inclusion scale.                                                           \n\
  ↳ 3/2015/5: not yet due                                                                           \n\
""")

    def test_json(self) -> None:
        document = json.loads(run("show", "3", "-y", "2014", "-f", "json").stdout)
        assert [(s["kind"], s["year"], s["heading"]) for s in document["sections"]] == [
            ("plan", 2014, "Planned activities in 2014"),
            ("progress", 2014, "Progress during 2014"),
        ]
        assert document["sections"][1]["paragraphs"][1]["items"][0] == (
            "evaluating digital propositions"
        )

    def test_csv(self) -> None:
        rows = list(csv.reader(io.StringIO(run("show", "3", "-y", "2014", "-f", "csv").stdout)))
        assert rows[0] == [
            "action",
            "kind",
            "year",
            "heading",
            "paragraph",
            "item",
            "text",
            "id",
            "signal",
            "status",
            "carried_over_to",
        ]
        assert rows[1] == ["3", "title", "", "Action 3", "", "", rows[1][6], "", "", "", ""]
        plan = next(r for r in rows if r[1] == "plan")
        assert plan[7:] == ["3/2014/1", "addressed", "", ""]
        rows = [r[:7] for r in rows]
        assert rows[4] == ["3", "progress", "2014", "Progress during 2014", "2", "", rows[4][6]]
        assert rows[5] == [
            "3",
            "progress",
            "2014",
            "Progress during 2014",
            "2",
            "1",
            "evaluating digital propositions",
        ]

    def test_markdown(self) -> None:
        assert run("show", "12", "-f", "markdown").stdout == snapshot("""\
## Action 12: Cabinet Office will continue to work with departments to remove legislative barriers which unnecessarily prevent the development of straightforward and convenient digital services.

### Departmental digital strategy commitments (December 2012)

Through the Government in Parliament Group and GDS, it will work with departments to identify and amend any unnecessary legislative requirements that are holding back a shift to more straightforward digital services.

*↳ 12/2013/1: addressed (evidence 12/2013/1)*

### Progress during 2013

No cross-cutting legislative requirements have been identified in 2013.

### Planned activities in 2014

Any cross-cutting legislative impediments will be escalated through the Digital Leaders Network.

*↳ 12/2014/1: addressed (evidence 12/2014/1)*

### Progress during 2014

No requirement for legislative change was identified.

### Planned activities in 2015

No requirement for legislative change has yet been identified. If any are identified, these will be flagged up through the Digital Leaders Group for further action.

*↳ 12/2015/1: not yet due*

""")

    def test_unknown_action_suggests_the_nearest(self) -> None:
        result = run("show", "17")
        assert (result.code, result.stdout) == (2, "")
        assert result.stderr == (
            "strategy: error: no action 17 in this report; it has actions 1-16\n"
            "did you mean action 16?\n"
        )

    def test_not_a_number_is_a_usage_error_in_the_same_style(self) -> None:
        result = run("show", "five")
        assert (result.code, result.stdout) == (2, "")
        assert result.stderr == "strategy: error: N must be a whole number, not 'five'\n"

    def test_typer_usage_errors_are_in_the_same_style(self) -> None:
        result = run("show", "5", "--colour")
        assert (result.code, result.stdout) == (2, "")
        assert result.stderr == snapshot("""\
strategy: error: no such option: --colour
see `strategy show --help`
""")

    def test_nothing_for_a_year_is_said_on_stderr(self) -> None:
        result = run("show", "15", "--year", "2013")
        assert (result.code, result.stderr) == (0, "action 15 has nothing about 2013\n")
        assert result.stdout.startswith("Action 15: collaborate")

    def test_no_action_matching_is_said_on_stderr(self) -> None:
        result = run("list", "--text", "zzz")
        assert (result.code, result.stdout, result.stderr) == (0, "", "no actions match\n")

    def test_data_is_accepted_after_the_command(self) -> None:
        assert run("show", "5", "--data", "data/co.yaml").stdout == run("show", "5").stdout

    def test_unknown_format(self) -> None:
        result = run("show", "1", "--format", "yaml")
        assert (result.code, result.stderr) == (
            2,
            "strategy: error: unknown format 'yaml'; choose one of: table, json, csv, markdown\n",
        )


class TestDiff:
    """Planned against actual, for every action."""

    def test_2013_2014_covers_all_sixteen_actions(self) -> None:
        result = run("diff", "2013", "2014")
        assert result.code == 0
        lines = result.stdout.splitlines()
        assert lines[0] == (
            "2013 plans for 2014 against 2014 progress, 16 actions: 14 planned and reported,"
            " 0 planned but not reported, 2 reported without a plan, 0 neither;"
            " 18 plan items: 18 addressed, 0 mentioned only, 0 no trace;"
            " 1 plan item carried over to 2015."
        )
        for number in range(1, 17):
            assert any(line.startswith(f"Action {number}: ") for line in lines), number
        document = json.loads(run("diff", "2013", "2014", "-f", "json").stdout)
        statuses = {a["number"]: a["status"] for a in document["actions"]}
        assert statuses == dict.fromkeys(range(1, 15), "planned_and_reported") | {
            15: "progress_only",
            16: "progress_only",
        }
        fifteen = document["actions"][14]
        assert fifteen["plan"] is None
        assert fifteen["progress"]["paragraphs"][0]["text"].startswith("Cabinet Office led on")

    def test_action_without_a_plan_says_why(self) -> None:
        result = run("diff", "2013", "2014")
        block = result.stdout.split("\nAction 16: ")[1]
        assert block.splitlines()[1:3] == [
            "  [reported without a plan]",
            "  No plan for 2014 was made in 2013.",
        ]

    def test_a_year_the_report_had_not_reached_is_not_yet_due(self) -> None:
        """The report is dated 16 January 2015: its plans for 2015 were not yet due, so they
        are not 'planned but not reported', and --exit-code does not fail on them."""
        document = json.loads(run("diff", "2014", "2015", "-f", "json").stdout)
        assert document["summary"] == {
            "actions": 16,
            "planned_and_reported": 0,
            "planned_only": 0,
            "progress_only": 0,
            "neither": 0,
            "not_due": 16,
            "carried_over": 0,
            "carried_over_items": 0,
            "items": 24,
            "items_addressed": 0,
            "items_mentioned": 0,
            "items_no_trace": 0,
            "items_not_due": 24,
        }
        assert {item["signal"] for item in document["items"]} == {"not_due"}
        assert document["dated"] == 2015
        result = run("diff", "2014", "2015", "--exit-code")
        assert result.code == 0
        assert result.stdout.splitlines()[0].endswith(
            "0 neither, 16 planned, not yet due; 24 plan items, not yet due;"
            " 0 plan items carried over to 2016."
        )
        assert "  Not yet due: the report was dated in 2015." in result.stdout.splitlines()

    def test_carried_over_is_per_plan_item(self) -> None:
        """Action 4's fifth 2014 paragraph comes back as the first of 2015, a few words
        changed: only that plan row is marked, and the word diff aligns the two."""
        rows = list(
            csv.reader(io.StringIO(run("diff", "2013", "2014", "-a", "4", "-f", "csv").stdout))
        )
        marked = [(r[3], r[5], r[6]) for r in rows[1:] if r[2] == "true"]
        assert marked == [("plan", "5", "")]
        assert {r[2] for r in rows[1:] if r[3] == "progress"} == {""}
        detail = run("diff", "2013", "2014", "-a", "4").stdout
        assert (
            "  Paragraph 5 of the plan for 2014 against paragraph 1 of the plan for 2015, word"
            " by word:\n    Cabinet Office will continue to work with stakeholders across"
            " government to build wider awareness and digital skills and knowledge for all civil"
            " servants, iterating and building on work [-begun-] {+undertaken+} in [-2013.-]"
            " {+2014.+}\n"
        ) in detail

    def test_a_bullet_repeated_in_the_next_plan_is_carried_over(self, tmp_path: Path) -> None:
        page = tmp_path / "page.txt"
        page.write_text(
            "DWP's actions in response to the Government Digital Strategy\n"
            "Updated 1 February 2015\n"
            "Action 1: Boards will include a digital leader\n"
            "Planned activities in 2014\n"
            "The board will:\n- appoint a digital leader\n- publish its digital plan\n"
            "Progress during 2014\n"
            "A digital leader was appointed.\n"
            "Planned activities in 2015\n"
            "Next year the board will:\n- publish its digital plan\n",
            encoding="utf-8",
        )
        data = tmp_path / "dwp.yaml"
        assert run("import", str(page), "-o", str(data)).code == 0
        document = json.loads(run("--data", str(data), "diff", "2013", "2014", "-f", "json").stdout)
        carried = document["actions"][0]["carried_over"]
        assert [
            (c["paragraph"], c["item"], c["next_paragraph"], c["next_item"]) for c in carried
        ] == [(1, 2, 1, 1)]

    def test_commitments_are_the_plan_for_the_first_year(self) -> None:
        result = run("diff", "2012", "2013", "--action", "1")
        assert result.stdout == snapshot("""\
2012 plans for 2013 against 2013 progress, 1 action: 1 planned and reported, 0 planned but not reported, 0 reported without a plan, 0 neither; 1 plan item: 1 addressed, 0 mentioned only, 0 no trace; 0 plan items carried over to 2014.

Action 1: Departmental and transactional agency boards will include an active digital leader
  [planned and reported]
  Planned for 2013: Departmental digital strategy commitments (December 2012)
    Cabinet Office’s Executive Management Committee (EMC) has seized upon leadership of the digital agenda and an EMC-level digital sponsor, focused inwardly on the workings of Cabinet Office, will be identified by April 2013. It will establish a Cabinet Office Digital Steering Committee covering a range of seniority and work areas by February 2013.
  ↳ 1/2013/1: addressed (evidence 1/2013/1)
  Progress during 2013
    EMC has committed to carrying out the digital strategy as a standing item of EMC meetings. An EMC-level digital leader has been identified to focus inwardly on the workings of Cabinet Office. The creation of a digital governance team is underway to join up the progress of the digital strategy across Cabinet Office.
  Plan for 2014 against the plan for 2013, word by word:
    [-Cabinet Office’s Executive Management Committee (EMC) has seized upon leadership of the digital agenda and an EMC-level digital sponsor, focused inwardly on the workings of Cabinet Office, will be identified by April 2013. It will establish a Cabinet Office Digital Steering Committee covering a range of seniority and work areas by February 2013.-] {+EMC will continue to commit to carrying out the digital strategy as a standing agenda item of EMC meetings. The digital governance team will meet regularly to support, monitor and join up the progress of the digital strategy across Cabinet Office.+}
""")

    def test_carried_over_plan_is_flagged(self) -> None:
        document = json.loads(run("diff", "2013", "2014", "-f", "json").stdout)
        carried = {a["number"]: a["carried_over"] for a in document["actions"] if a["carried_over"]}
        assert list(carried) == [4]
        assert carried[4][0]["likeness"] >= 0.8
        assert carried[4][0]["again"].endswith("building on work undertaken in 2014.")

    def test_action_detail_has_a_word_diff(self) -> None:
        result = run("diff", "2013", "2014", "--action", "12")
        assert result.stdout == snapshot("""\
2013 plans for 2014 against 2014 progress, 1 action: 1 planned and reported, 0 planned but not reported, 0 reported without a plan, 0 neither; 1 plan item: 1 addressed, 0 mentioned only, 0 no trace; 0 plan items carried over to 2015.

Action 12: Cabinet Office will continue to work with departments to remove legislative barriers which unnecessarily prevent the development of straightforward and convenient digital services.
  [planned and reported]
  Planned for 2014 (in the 2013 report)
    Any cross-cutting legislative impediments will be escalated through the Digital Leaders Network.
  ↳ 12/2014/1: addressed (evidence 12/2014/1)
  Progress during 2014
    No requirement for legislative change was identified.
  Plan for 2015 against the plan for 2014, word by word:
    {+No requirement for legislative change has yet been identified. If+} any [-cross-cutting legislative impediments-] {+are identified, these+} will be [-escalated-] {+flagged up+} through the Digital Leaders [-Network.-] {+Group for further action.+}
""")

    def test_terminal(self) -> None:
        output = run("diff", "2013", "2014", "-a", "12", env=TERMINAL).stdout
        assert without_styles(output) == snapshot("""\
2013 plans for 2014 against 2014 progress, 1 action: 1 planned and reported, 0 planned but not \n\
reported, 0 reported without a plan, 0 neither; 1 plan item: 1 addressed, 0 mentioned only, 0 no \n\
trace; 0 plan items carried over to 2015.

Action 12: Cabinet Office will continue to work with departments to remove legislative barriers \n\
which unnecessarily prevent the development of straightforward and convenient digital services.
  planned and reported                                                                              \n\
  Planned for 2014 (in the 2013 report)                                                             \n\
    Any cross-cutting legislative impediments will be escalated through the Digital Leaders Network.
    ↳ 12/2014/1: addressed (evidence 12/2014/1)                                                     \n\
  Progress during 2014                                                                              \n\
    No requirement for legislative change was identified.                                           \n\
  Plan for 2015 against the plan for 2014, word by word:                                            \n\
    No requirement for legislative change has yet been identified. If any cross-cutting legislative \n\
    impediments are identified, these will be escalated flagged up through the Digital Leaders      \n\
    Network. Group for further action.                                                              \n\
""")

    def test_exit_code_option(self) -> None:
        assert run("diff", "2013", "2014").code == 0
        assert run("diff", "2013", "2014", "--exit-code").code == 1
        assert run("diff", "2013", "2014", "--exit-code", "-a", "1").code == 0

    def test_csv_and_markdown(self) -> None:
        rows = list(csv.reader(io.StringIO(run("diff", "2013", "2014", "-f", "csv").stdout)))
        assert rows[0] == [
            "action",
            "status",
            "carried_over",
            "side",
            "year",
            "paragraph",
            "item",
            "text",
            "id",
            "signal",
        ]
        assert ["15", "progress_only", "", "plan", "", "", "", "", "", ""] in rows
        assert ["2/2014/1", "addressed"] in [r[8:] for r in rows if r[3] == "plan"]
        markdown = run("diff", "2013", "2014", "-a", "15", "-f", "markdown").stdout
        assert markdown == snapshot("""\
2013 plans for 2014 against 2014 progress, 1 action: 0 planned and reported, 0 planned but not reported, 1 reported without a plan, 0 neither; 0 plan items carried over to 2015.

## Action 15: collaborate with partners across public, private and voluntary sectors to help people go online

*reported without a plan*

### Progress during 2014

Cabinet Office led on production of the Government Digital Inclusion Strategy and Charter. A Digital Inclusion team based in GDS is leading cross-government activity. It commissioned a major research project into digital exclusion which will help departments develop tailored services.
""")

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (
                ("2013", "2015"),
                "cannot compare 2013 with 2015: a report plans for the following"
                " year, so try `strategy diff 2013 2014`",
            ),
            (("2015", "2016"), "no plans made in 2015 for 2016 in this report"),
        ],
    )
    def test_years_that_cannot_be_compared(self, args: tuple[str, str], message: str) -> None:
        result = run("diff", *args)
        assert (result.code, result.stdout) == (2, "")
        assert result.stderr == (
            f"strategy: error: {message}\nyears whose plans this data holds: 2012 (the December"
            " 2012 commitments), 2013, 2014\n"
        )


class TestSearch:
    """Case-insensitive search with the match highlighted."""

    def test_piped(self) -> None:
        result = run("search", "ckan")
        assert result.stdout == snapshot(
            "16\tprogress\t2014\tProgress during 2014\tData.gov.uk chaired the steering group of Ckan, the international organisation responsible for the integrity of the open source software behind data.gov.uk and used by over 25 countries, cities and regions across the world.\n"
        )

    def test_case_insensitive_and_filters(self) -> None:
        everywhere = run("search", "gov.uk", "-f", "json")
        hits = json.loads(everywhere.stdout)["hits"]
        assert len(hits) > 5
        plans = json.loads(
            run("search", "GOV.UK", "--kind", "plan", "-y", "2015", "-f", "json").stdout
        )["hits"]
        assert {(h["action"], h["kind"], h["year"]) for h in plans} == {
            (6, "plan", 2015),
            (7, "plan", 2015),
            (13, "plan", 2015),
            (16, "plan", 2015),
        }
        assert (
            json.loads(run("search", "gov.uk", "-a", "7", "-f", "json").stdout)["hits"][0]["kind"]
            == "title"
        )

    def test_regex(self) -> None:
        hits = json.loads(run("search", "--regex", r"\bwill will\b", "-f", "json").stdout)["hits"]
        assert [(h["action"], h["matches"]) for h in hits] == [(6, [[55, 64]])]

    def test_bad_regex_is_a_usage_error(self) -> None:
        result = run("search", "--regex", "(")
        assert result.code == 2
        assert result.stderr == (
            "strategy: error: not a valid regular expression: missing ) at position 1\n"
            "drop --regex to search for the text literally\n"
        )

    def test_brackets_are_literal_without_regex(self) -> None:
        result = run("search", "(CTO)")
        assert result.stdout.startswith("1\tprogress\t2014\t")

    def test_no_match(self) -> None:
        result = run("search", "blockchain")
        assert (result.code, result.stdout, result.stderr) == (0, "", "no matches\n")

    def test_unknown_kind(self) -> None:
        result = run("search", "x", "--kind", "plans")
        assert result.code == 2
        assert result.stderr == (
            "strategy: error: unknown kind 'plans'; choose from: title, note,"
            " commitment, progress, plan\n"
        )

    def test_terminal_highlight(self) -> None:
        result = run("search", "ckan", env={"FORCE_COLOR": "1", "COLUMNS": "100"})
        assert "\x1b[1;7mCkan\x1b[0m" in result.stdout

    def test_csv_names_the_paragraph_and_bullet(self) -> None:
        rows = list(csv.reader(io.StringIO(run("search", "suppliers", "-f", "csv").stdout)))
        assert rows[0] == ["action", "kind", "year", "heading", "paragraph", "item", "text"]
        assert ["3", "progress", "2014", "Progress during 2014", "2", "3"] in [r[:6] for r in rows]

    def test_excel_csv_has_a_byte_order_mark(self) -> None:
        result = run("search", "ckan", "-f", "csv", "--excel")
        assert result.stdout.startswith("\ufeffaction,kind,")
        refused = run("search", "ckan", "--excel")
        assert (refused.code, refused.stderr) == (
            2,
            "strategy: error: --excel applies to CSV only: add --format csv\n",
        )

    def test_markdown_bolds_the_match(self) -> None:
        assert "**Ckan**" in run("search", "ckan", "-f", "markdown").stdout


class TestStats:
    """Per year, at a glance."""

    def test_piped(self) -> None:
        assert run("stats").stdout == snapshot("""\
year	reported	planned	planned_and_reported	carried_over	progress_words	plan_words	items	addressed	mentioned	no_trace	not_due	verdicts
2013	14	14	14	0	1047	669	14	14	0	0	0	0
2014	16	14	14	1	1277	494	18	18	0	0	0	0
2015	0	16	0	0	0	602	24	0	0	0	24	0
""")

    def test_terminal(self) -> None:
        assert without_styles(run("stats", env=TERMINAL).stdout) == snapshot("""\
                                                                                                    \n\
                                    Plan →                                                          \n\
  Year   Reported   Planned       progress   Carried over   Words                                   \n\
 ────────────────────────────────────────────────────────────────────────────────────────────────── \n\
  2013         14        14             14              0   1047 progress ████████████████████      \n\
                                                             669 plans    █████████████             \n\
  2014         16        14             14              1   1277 progress ████████████████████████  \n\
                                                             494 plans    █████████                 \n\
  2015          0        16              0              0      0 progress                           \n\
                                                             602 plans    ███████████               \n\
                                                                                                    \n\
Plan items                                                              \n\
                                                                        \n\
  Year   Items   Addressed   Mentioned   No trace   Not due   Verdicts  \n\
 ────────────────────────────────────────────────────────────────────── \n\
  2013      14          14           0          0         0          0  \n\
  2014      18          18           0          0         0          0  \n\
  2015      24           0           0          0        24          0  \n\
                                                                        \n\
""")

    def test_json(self) -> None:
        years = json.loads(run("stats", "-f", "json").stdout)["years"]
        assert years[1] == {
            "year": 2014,
            "reported": 16,
            "planned": 14,
            "planned_and_reported": 14,
            "carried_over": 1,
            "progress_words": years[1]["progress_words"],
            "plan_words": years[1]["plan_words"],
            "items": 18,
            "addressed": 18,
            "mentioned": 0,
            "no_trace": 0,
            "not_due": 0,
            "verdicts": 0,
        }


HOSTILE = 'title: "[bold]Boards[/] [2013] :smile: [red]x[/red] [#fff] [@click] [/x]"'
"""Text that rich would read as markup, emoji codes or styles if it were not passed as data."""


@pytest.fixture
def hostile(data_copy: Path) -> Path:
    """The bundled data with markup-like brackets and emoji codes in a title."""
    text = data_copy.read_text(encoding="utf-8")
    old = (
        "title: Departmental and transactional agency boards will include an active digital leader"
    )
    assert old in text
    data_copy.write_text(text.replace(old, HOSTILE, 1), encoding="utf-8")
    return data_copy


class TestDataIsData:
    """Text from the file is printed literally; control characters never get that far."""

    LITERAL = "[bold]Boards[/] [2013] :smile: [red]x[/red] [#fff] [@click] [/x]"

    @pytest.mark.parametrize(
        "env", [{}, TERMINAL, {"FORCE_COLOR": "1"}], ids=["pipe", "tty", "colour"]
    )
    @pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
    def test_show(self, hostile: Path, env: dict[str, str], fmt: str) -> None:
        result = run("--data", str(hostile), "show", "1", "-f", fmt, env=env)
        assert result.code == 0, result.stderr
        shown = " ".join(without_styles(result.stdout).split())
        if fmt == "markdown":
            shown = shown.replace("\\", "")
        assert self.LITERAL in shown
        assert "\x1b" not in without_styles(result.stdout)

    @pytest.mark.parametrize("command", [["list"], ["search", "boards"], ["diff", "2013", "2014"]])
    def test_other_commands(self, hostile: Path, command: list[str]) -> None:
        result = run("--data", str(hostile), *command, env=TERMINAL)
        assert result.code == 0, result.stderr
        assert self.LITERAL in " ".join(without_styles(result.stdout).split())
        assert "\x1b" not in without_styles(result.stdout)

    def test_json_is_literal(self, hostile: Path) -> None:
        result = run("--data", str(hostile), "show", "1", "-f", "json")
        assert json.loads(result.stdout)["title"] == self.LITERAL


class TestWidths:
    """Readable at 80 columns, roomy at 200: nothing cut off with an ellipsis."""

    COMMANDS: ClassVar[list[list[str]]] = [
        ["list"],
        ["show", "4"],
        ["diff", "2013", "2014"],
        ["diff", "2013", "2014", "-a", "4"],
        ["search", "open"],
        ["search", "digital"],
        ["stats"],
    ]

    @pytest.mark.parametrize("width", ["80", "200"])
    @pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
    def test_nothing_is_cut_off(self, command: list[str], width: str) -> None:
        result = run(*command, env={**TERMINAL, "COLUMNS": width})
        assert result.code == 0
        assert "…" not in result.stdout

    def test_search_at_80_columns_gives_the_passage_the_width(self) -> None:
        result = run("search", "open", env={**TERMINAL, "COLUMNS": "80"})
        passage = [
            line for line in without_styles(result.stdout).splitlines() if line.startswith("  ")
        ]
        assert passage
        assert max(len(line.rstrip()) for line in passage) >= 70
        assert without_styles(result.stdout).splitlines()[:4] == snapshot(
            [
                "Action 4 · Progress during 2013",
                "  Civil servants have access to general awareness material (through video,      ",
                "  e-learning, and a product providing information and guidance on open internet ",
                "  tools that can be used in the workplace). The Government Digital by Default   ",
            ]
        )

    def test_search_at_200_columns_is_a_table(self) -> None:
        result = run("search", "ckan", env={**TERMINAL, "COLUMNS": "200"})
        assert without_styles(result.stdout) == snapshot("""\
                                                                                                                                                                                                        \n\
   #   Section                Text                                                                                                                                                                      \n\
 ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────── \n\
  16   Progress during 2014   Data.gov.uk chaired the steering group of Ckan, the international organisation responsible for the integrity of the open source software behind data.gov.uk and used by   \n\
                              over 25 countries, cities and regions across the world.                                                                                                                   \n\
                                                                                                                                                                                                        \n\
""")

    def test_list_at_80_columns(self) -> None:
        result = run(
            "list", "--year", "2013", "--text", "boards", env={**TERMINAL, "COLUMNS": "80"}
        )
        assert without_styles(result.stdout) == snapshot("""\
                                                                                \n\
  #   Action                                                2013   2014   2015  \n\
 ────────────────────────────────────────────────────────────────────────────── \n\
  1   Departmental and transactional agency boards will      PR     PR     P-   \n\
      include an active digital leader                                          \n\
                                                                                \n\
P: a plan was made for the year; R: progress was reported in it                 \n\
""")

    def test_list_at_200_columns(self) -> None:
        result = run(
            "list", "--year", "2013", "--text", "boards", env={**TERMINAL, "COLUMNS": "200"}
        )
        assert without_styles(result.stdout) == snapshot("""\
                                                                                                               \n\
  #   Action                                                                               2013   2014   2015  \n\
 ───────────────────────────────────────────────────────────────────────────────────────────────────────────── \n\
  1   Departmental and transactional agency boards will include an active digital leader    PR     PR     P-   \n\
                                                                                                               \n\
P: a plan was made for the year; R: progress was reported in it                                                \n\
""")

    def test_show_at_80_columns(self) -> None:
        result = run("show", "3", "--year", "2014", env={**TERMINAL, "COLUMNS": "80"})
        assert without_styles(result.stdout) == snapshot("""\
Action 3: All departments will ensure that they have appropriate digital \n\
capability in-house, including specialist skills

Planned activities in 2014                                                      \n\
  Cabinet Office will identify the scope of a new digital unit and take action  \n\
  to build what is required to support the digital strategy. This unit will     \n\
  provide the required support to the department. Workshops and learning events \n\
  orientated around digital capability will be held, developing capability and  \n\
  training and supporting staff across the department.                          \n\
  ↳ 3/2014/1: addressed (evidence 3/2014/2 3/2014/2.1 3/2014/2.3 3/2014/2.2     \n\
  12/2014/1 3/2014/2.4 3/2014/1 9/2014/1 8/2014/1 3/2014/3)                     \n\

Progress during 2014                                                            \n\
  Cabinet Office started to build an internal specialist digital capability     \n\
  team, the Cabinet Office Digital and Technology Team (CODATT).                \n\
  CODATT built direct contact with service managers and relationship managers in
  partner organisations, to expedite spend controls and implement service       \n\
  management standards. CODATT provided advice and hands-on support for all     \n\
  service managers through:                                                     \n\
    • evaluating digital propositions                                           \n\
    • advising on delivery and procurement approaches                           \n\
    • evaluating potential suppliers                                            \n\
    • advising on service assessment, performance monitoring and user testing   \n\
  The department increased digital capability in its policy development teams.  \n\
  The Digital Pioneer group gained momentum. New recruits helped other staff    \n\
  start using digital tools by running peer-to-peer learning sessions, and      \n\
  contributed to an online question and answer forum. Cabinet Office Code Club  \n\
  helped the department’s data analysts and managers to use the latest tools and
  languages in their work.                                                      \n\
""")

    def test_show_at_200_columns(self) -> None:
        result = run("show", "3", "--year", "2014", env={**TERMINAL, "COLUMNS": "200"})
        assert without_styles(result.stdout) == snapshot("""\
Action 3: All departments will ensure that they have appropriate digital capability in-house, including specialist skills

Planned activities in 2014                                                                                                                                                                              \n\
  Cabinet Office will identify the scope of a new digital unit and take action to build what is required to support the digital strategy. This unit will provide the required support to the department.
  Workshops and learning events orientated around digital capability will be held, developing capability and training and supporting staff across the department.                                       \n\
  ↳ 3/2014/1: addressed (evidence 3/2014/2 3/2014/2.1 3/2014/2.3 3/2014/2.2 12/2014/1 3/2014/2.4 3/2014/1 9/2014/1 8/2014/1 3/2014/3)                                                                   \n\

Progress during 2014                                                                                                                                                                                    \n\
  Cabinet Office started to build an internal specialist digital capability team, the Cabinet Office Digital and Technology Team (CODATT).                                                              \n\
  CODATT built direct contact with service managers and relationship managers in partner organisations, to expedite spend controls and implement service management standards. CODATT provided advice   \n\
  and hands-on support for all service managers through:                                                                                                                                                \n\
    • evaluating digital propositions                                                                                                                                                                   \n\
    • advising on delivery and procurement approaches                                                                                                                                                   \n\
    • evaluating potential suppliers                                                                                                                                                                    \n\
    • advising on service assessment, performance monitoring and user testing                                                                                                                           \n\
  The department increased digital capability in its policy development teams. The Digital Pioneer group gained momentum. New recruits helped other staff start using digital tools by running          \n\
  peer-to-peer learning sessions, and contributed to an online question and answer forum. Cabinet Office Code Club helped the department’s data analysts and managers to use the latest tools and       \n\
  languages in their work.                                                                                                                                                                              \n\
""")

    def test_diff_at_80_columns(self) -> None:
        result = run("diff", "2013", "2014", "-a", "12", env={**TERMINAL, "COLUMNS": "80"})
        assert without_styles(result.stdout) == snapshot("""\
2013 plans for 2014 against 2014 progress, 1 action: 1 planned and reported, 0 \n\
planned but not reported, 0 reported without a plan, 0 neither; 1 plan item: 1 \n\
addressed, 0 mentioned only, 0 no trace; 0 plan items carried over to 2015.

Action 12: Cabinet Office will continue to work with departments to remove \n\
legislative barriers which unnecessarily prevent the development of \n\
straightforward and convenient digital services.
  planned and reported                                                          \n\
  Planned for 2014 (in the 2013 report)                                         \n\
    Any cross-cutting legislative impediments will be escalated through the     \n\
    Digital Leaders Network.                                                    \n\
    ↳ 12/2014/1: addressed (evidence 12/2014/1)                                 \n\
  Progress during 2014                                                          \n\
    No requirement for legislative change was identified.                       \n\
  Plan for 2015 against the plan for 2014, word by word:                        \n\
    No requirement for legislative change has yet been identified. If any       \n\
    cross-cutting legislative impediments are identified, these will be         \n\
    escalated flagged up through the Digital Leaders Network. Group for further \n\
    action.                                                                     \n\
""")

    def test_diff_at_200_columns(self) -> None:
        result = run("diff", "2013", "2014", "-a", "12", env={**TERMINAL, "COLUMNS": "200"})
        assert without_styles(result.stdout) == snapshot("""\
2013 plans for 2014 against 2014 progress, 1 action: 1 planned and reported, 0 planned but not reported, 0 reported without a plan, 0 neither; 1 plan item: 1 addressed, 0 mentioned only, 0 no trace; 0
plan items carried over to 2015.

Action 12: Cabinet Office will continue to work with departments to remove legislative barriers which unnecessarily prevent the development of straightforward and convenient digital services.
  planned and reported                                                                                                                                                                                  \n\
  Planned for 2014 (in the 2013 report)                                                                                                                                                                 \n\
    Any cross-cutting legislative impediments will be escalated through the Digital Leaders Network.                                                                                                    \n\
    ↳ 12/2014/1: addressed (evidence 12/2014/1)                                                                                                                                                         \n\
  Progress during 2014                                                                                                                                                                                  \n\
    No requirement for legislative change was identified.                                                                                                                                               \n\
  Plan for 2015 against the plan for 2014, word by word:                                                                                                                                                \n\
    No requirement for legislative change has yet been identified. If any cross-cutting legislative impediments are identified, these will be escalated flagged up through the Digital Leaders Network. \n\
    Group for further action.                                                                                                                                                                           \n\
""")

    def test_stats_at_80_columns(self) -> None:
        result = run("stats", env={**TERMINAL, "COLUMNS": "80"})
        assert without_styles(result.stdout) == snapshot("""\
                                                                                \n\
                                    Plan →                                      \n\
  Year   Reported   Planned       progress   Carried over   Words               \n\
 ────────────────────────────────────────────────────────────────────────────── \n\
  2013         14        14             14              0   1047 progress ███   \n\
                                                             669 plans    ██    \n\
  2014         16        14             14              1   1277 progress ████  \n\
                                                             494 plans    ██    \n\
  2015          0        16              0              0      0 progress       \n\
                                                             602 plans    ██    \n\
                                                                                \n\
Plan items                                                              \n\
                                                                        \n\
  Year   Items   Addressed   Mentioned   No trace   Not due   Verdicts  \n\
 ────────────────────────────────────────────────────────────────────── \n\
  2013      14          14           0          0         0          0  \n\
  2014      18          18           0          0         0          0  \n\
  2015      24           0           0          0        24          0  \n\
                                                                        \n\
""")

    def test_stats_at_200_columns(self) -> None:
        result = run("stats", env={**TERMINAL, "COLUMNS": "200"})
        assert without_styles(result.stdout) == snapshot("""\
                                                                                                             \n\
  Year   Reported   Planned   Plan → progress   Carried over   Words                                         \n\
 ─────────────────────────────────────────────────────────────────────────────────────────────────────────── \n\
  2013         14        14                14              0   1047 progress █████████████████████████       \n\
                                                                669 plans    ████████████████                \n\
  2014         16        14                14              1   1277 progress ██████████████████████████████  \n\
                                                                494 plans    ████████████                    \n\
  2015          0        16                 0              0      0 progress                                 \n\
                                                                602 plans    ██████████████                  \n\
                                                                                                             \n\
Plan items                                                              \n\
                                                                        \n\
  Year   Items   Addressed   Mentioned   No trace   Not due   Verdicts  \n\
 ────────────────────────────────────────────────────────────────────── \n\
  2013      14          14           0          0         0          0  \n\
  2014      18          18           0          0         0          0  \n\
  2015      24           0           0          0        24          0  \n\
                                                                        \n\
""")


class TestColourControl:
    """NO_COLOR, FORCE_COLOR and TERM=dumb."""

    def test_force_color_colours(self) -> None:
        assert "\x1b[" in run("show", "1", env={"FORCE_COLOR": "1"}).stdout

    def test_no_color_wins_over_colour(self) -> None:
        output = run("diff", "2013", "2014", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
        assert "\x1b[1m" in output  # bold and underline are not colour
        assert not COLOUR.search(output)
        assert COLOUR.search(run("diff", "2013", "2014", env={"FORCE_COLOR": "1"}).stdout)

    def test_dumb_terminal_gets_no_escape_codes(self) -> None:
        result = run("list", env={"TERM": "dumb"})
        assert "\x1b" not in result.stdout
        assert result.stdout.startswith("1\t")
