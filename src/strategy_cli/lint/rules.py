"""Every lint rule: a stable code, a severity, one line of summary and a longer explanation.

Codes never change meaning once published: CI configurations and acknowledgements in data
files name them. Y: the YAML file; S: the report's structure; T: the text; V: verdicts files;
X: across files; A: acknowledgements.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    summary: str
    explanation: str


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in [
        Rule("Y100", "error", "the file cannot be read",
             "The path does not exist, is a directory, cannot be opened, or is larger than the"
             " size limit (2 MiB). Nothing else is checked."),
        Rule("Y101", "error", "not valid YAML",
             "A syntax error (a bad indent, an unclosed bracket or quote), or nesting deeper"
             " than 64 levels. The position is where the YAML parser gave up; the mistake is"
             " often on the line before."),
        Rule("Y102", "error", "duplicate key",
             "A mapping has the same key twice. YAML parsers disagree on which one wins, so the"
             " file is refused: keep one."),
        Rule("Y103", "error", "anchors and aliases are not allowed",
             "`&name` and `*name` let a small file expand into a huge one (the 'billion laughs'"
             " attack) and hide text from a reader. Write the text out in full."),
        Rule("Y104", "error", "tab character",
             "YAML forbids tabs in indentation, and a tab inside text is invisible in review."
             " Use spaces."),
        Rule("Y105", "error", "not UTF-8",
             "The file must be UTF-8 text (typographic quotes such as ’ are fine). Re-save it"
             " as UTF-8."),
        Rule("Y106", "error", "YAML tags are not allowed",
             "A tag such as `!!python/object/apply:os.system` or `!custom` asks a loader to build"
             " an object. The tool never builds one (it reads YAML safely), and a report needs no"
             " tags: remove it."),
        Rule("S001", "error", "missing required key",
             "A key the format requires (title, department, licence, source, actions; number"
             " and title for each action; text for a paragraph written as a mapping) is"
             " missing."),
        Rule("S002", "error", "unknown key",
             "The format has no such key; it is often a misspelling. Unknown keys are refused"
             " rather than ignored, so that a typo cannot silently drop data."),
        Rule("S003", "error", "wrong type or value",
             "A value has the wrong type (text where a number is expected, a list where a"
             " mapping is expected), a year outside 1900-2999, an action number below 1, or a"
             " commitments date not written like 'December 2012'."),
        Rule("S102", "error", "duplicate action number",
             "Two actions have the same number; queries such as `strategy show 6` need one."
             " Renumber one of them or merge them."),
        Rule("S103", "error", "gap in action numbering",
             "Action numbers should run without gaps (1, 2, 3, ...). A gap usually means an"
             " action was lost in copying. A partial page that really skips actions can"
             " acknowledge the gap."),
        Rule("S104", "error", "year outside the report's span",
             "Progress must be for a year after the commitments and no later than the page's"
             " `updated` date; a plan may be at most one year after that date."),
        Rule("S105", "error", "plan not for a later year than the report that made it",
             "A report plans for the year after it. A plan for the commitments' year (or"
             " earlier) would have been made before the commitments themselves."),
        Rule("S106", "warning", "empty section",
             "A section heading with no text under it. Some published pages have these, and"
             " the data keeps them so that the page round-trips; such a section is neither a"
             " plan nor a report (list, diff and stats count it as neither). Acknowledge it if"
             " the page really was published empty, else write the text."),
        Rule("S107", "warning", "a plan with no progress for its year",
             "The action had a plan for a year that the report has reported on (other actions"
             " have progress for it), but this action has no progress section for that year:"
             " the plan went unreported."),
        Rule("T101", "error", "empty text",
             "A title, paragraph or bullet is empty or only white space. Write it or delete"
             " the item."),
        Rule("T102", "error", "stray spaces",
             "Text starts or ends with white space, or has two spaces in a row. Published text"
             " has neither; they usually come from copying."),
        Rule("T103", "warning", "repeated word",
             "The same word twice in a row ('will will'). Usually a typo; if the published"
             " text has it, keep it and acknowledge it."),
        Rule("T104", "error", "control character",
             "Text holds a character no report text may hold: a C0 control (tab and line"
             " breaks included), DEL, a C1 control, U+2028 or U+2029, or a bidirectional"
             " embedding, override or isolate (U+202A-U+202E, U+2066-U+2069). They cannot be"
             " seen in review and can drive a terminal; the file is refused until it is"
             " deleted."),
        Rule("T105", "warning", "paragraph copied verbatim",
             "The same paragraph appears elsewhere in the report, word for word. Often a"
             " copy-and-paste slip; the message names the other place."),
        Rule("T106", "warning", "straight and typographic apostrophes mixed",
             "The published text uses both ' and ’ as apostrophes. The warning is on each use"
             " of the less common one."),
        Rule("T107", "error", "text spans several lines",
             "A published paragraph is one line; a line break inside one cannot be written"
             " back to the page layout. Split it into separate items."),
        Rule("T108", "warning", "paragraph nearly copied from another action",
             "A paragraph shares at least 80% of its words, in order, with a paragraph of"
             " another action: one action's report was probably reused for another. (Within"
             " one action, a plan repeated from the year before is what `strategy diff`"
             " reports as carried over.)"),
        Rule("V101", "error", "verdicts file without its report",
             "A verdicts file sits beside the report it judges and is named after it"
             " (`co.yaml` -> `co.verdicts.yaml`). There is no such report, or it does not load,"
             " so no verdict can be checked."),
        Rule("V102", "error", "verdict on an item the report does not have",
             "The verdict's id names no plan item of the report: no such action, no plan for"
             " that year, or too few paragraphs or bullets. Ids are positions: if the report"
             " was edited, find the item's new id with `strategy scorecard` and correct it."),
        Rule("V103", "warning", "the item's text has changed since the verdict",
             "The verdict stores the item's text as it was when recorded; the item now says"
             " something else. Positions move when a report is edited or re-imported: check"
             " that the verdict still applies to this item, then update its `text` (or its"
             " `item`). The message names both texts, and the item that now holds the stored"
             " text, if one does."),
        Rule("V104", "error", "the quoted evidence is not in that year's progress",
             "A verdict's `evidence` must be copied word for word from the progress reported"
             " for the item's year, under any action. The message says where else in the"
             " report the words are, if they are."),
        Rule("V105", "warning", "complete, but the report shows no trace",
             "The verdict says the item is complete, yet nothing in that year's progress, under"
             " any action, shares a distinctive word with it (signal `no_trace`). Check the"
             " verdict and its quote; the computed signal is not a verdict, so the verdict is"
             " kept."),
        Rule("V106", "warning", "verdict dated in the future",
             "A verdict's date is after today. The latest verdict by date is an item's current"
             " one, so a mistyped year would hide every verdict recorded after it. `strategy"
             " assess` refuses such a date; this finds one written by hand."),
        Rule("X101", "warning", "an action's title differs between departments",
             "Checked across the report files linted together (a folder of departments): every"
             " department answered the same numbered actions, so an action's title should read"
             " the same in every report, up to small variants (mostly the same words in order,"
             " or one title kept inside a longer one). A different title usually means a wrong"
             " number or a title copied from another action. The message quotes the title most"
             " reports give."),
        Rule("A001", "error", "acknowledgement without a reason",
             "An inline acknowledgement (`# strategy: ignore[CODE] reason`) must say why the"
             " finding is accepted."),
        Rule("A002", "warning", "unused acknowledgement",
             "An inline acknowledgement names a code that is not found on its line: the quirk"
             " was fixed or moved. Remove or move the comment."),
        Rule("A003", "error", "unknown code in an acknowledgement",
             "An inline acknowledgement names a code that is not a rule."),
    ]
}  # fmt: skip


def matching(patterns: list[str]) -> set[str]:
    """Codes selected by codes or prefixes ('T', 'T10', 'T103'), as ruff's --select reads them."""
    chosen: set[str] = set()
    for pattern in patterns:
        found = {code for code in RULES if code.startswith(pattern.strip().upper())}
        if not found:
            raise ValueError(pattern)
        chosen |= found
    return chosen
