"""Pages as users have them: a saved GOV.UK page, a Content API document, text copied from a
browser (with and without the Contents list), a partial page, a GOV.UK address. Each imports
with every content line kept and every furniture line set aside, proved line by line."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from strategy_cli.pages.formats import PageFormat, detect, read_any
from strategy_cli.pages.html import html_lines
from strategy_cli.pages.text import parse_page, render_page
from tests.conftest import PAGES, SOURCE, run

GOVUK = PAGES / "govuk"
PLAIN = parse_page(SOURCE.read_text(encoding="utf-8"), "co.txt")
PUBLISHED = render_page(PLAIN).split("\n")
"""The bundled page in the plain layout: what every other format must come to."""


def same_content(path: Path) -> None:
    imported = read_any(path.read_text(encoding="utf-8"), path.name)
    again = imported.report
    assert again.actions == PLAIN.actions
    assert (again.title, again.department, again.updated) == (
        PLAIN.title,
        PLAIN.department,
        PLAIN.updated,
    )
    assert again.introduction == []
    assert again.preamble == []


class TestFormats:
    """Told apart from the text; each comes to the same report as the plain layout."""

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("co.html", PageFormat.html),
            ("co.content-api.json", PageFormat.json),
            ("co.browser-copy.txt", PageFormat.text),
        ],
    )
    def test_detected(self, name: str, expected: PageFormat) -> None:
        assert detect((GOVUK / name).read_text(encoding="utf-8")) is expected

    @pytest.mark.parametrize(
        "name",
        [
            "co.html",
            "co.content-api.json",
            "co.browser-copy.txt",
            "co.browser-copy-no-contents.txt",
        ],
    )
    def test_same_report_as_the_plain_layout(self, name: str) -> None:
        same_content(GOVUK / name)


class TestLineByLine:
    """Every line of the page is either kept as content or set aside as furniture."""

    @pytest.mark.parametrize("name", ["co.browser-copy.txt", "co.browser-copy-no-contents.txt"])
    def test_browser_copy(self, name: str) -> None:
        text = (GOVUK / name).read_text(encoding="utf-8")
        imported = read_any(text, name)
        aside = set(imported.set_aside)
        for number, line in enumerate(text.split("\n"), 1):
            line = line.strip()
            if not line:
                continue
            content = line in PUBLISHED or f"- {line}" in PUBLISHED
            if number in aside:
                assert not content or line.startswith("Action "), (number, line)  # Contents
            else:
                assert content, (number, line)

    def test_saved_page(self) -> None:
        text = (GOVUK / "co.html").read_text(encoding="utf-8")
        lines = html_lines(text, "co.html")
        kept = [line.text for line in lines if not line.furniture]
        assert [k for k in kept if k not in PUBLISHED] == [
            "This was published under the 2010 to 2015 Conservative and Liberal Democrat"
            " coalition government"
        ]  # furniture by its words, set aside by the page reader
        assert [line for line in PUBLISHED if line not in kept] == []
        imported = read_any(text, "co.html")
        furniture = {line.source for line in lines if line.furniture}
        assert furniture <= set(imported.set_aside)

    def test_the_command_says_what_it_set_aside(self, tmp_path: Path) -> None:
        target = tmp_path / "co.yaml"
        result = run("import", str(GOVUK / "co.browser-copy.txt"), "-o", str(target))
        assert result.code == 0, result.stderr
        first = result.stderr.splitlines()[0]
        assert first.startswith("set aside ")
        assert " lines of page furniture: 1-" in first
        assert run("lint", str(target)).code == 0  # no error (the CO quirks warn)


class TestPartialAndVariantPages:
    """A department's page with the variants real pages have."""

    def test_dwp_partial(self) -> None:
        imported = read_any((GOVUK / "dwp-partial.html").read_text(encoding="utf-8"), "dwp.html")
        report = imported.report
        assert report.department == "DWP"
        assert [a.number for a in report.actions] == [1, 2, 3]
        assert report.introduction == []  # the coalition notice is furniture
        assert report.actions[0].plans[2014] == []  # published empty: kept, counted as neither
        assert report.actions[1].title.endswith(
            "empowered service manager. Service managers will be in place for new and"
            " redesigned transactions from April 2013"
        )
        assert report.actions[1].notes == []
        assert [p.text for p in report.actions[2].notes] == [
            "This action is not applicable to DWP."
        ]

    def test_html_error_names_the_html_line(self, tmp_path: Path) -> None:
        page = tmp_path / "bad.html"
        page.write_text(
            "<html><body>\n<h1>DWP's actions in response to the Government Digital Strategy</h1>\n"
            "<h2>Action 1: A</h2>\n<h3>Progress during 2013</h3>\n<p>Done.</p>\n"
            "<h3>Progress during 2013</h3>\n</body></html>\n",
            encoding="utf-8",
        )
        result = run("import", str(page))
        assert result.code == 1
        assert result.stderr.startswith(f"strategy: error: {page}:6: second 'Progress during 2013'")

    def test_json_that_is_not_a_content_item(self, tmp_path: Path) -> None:
        page = tmp_path / "x.json"
        page.write_text('{"title": "x"}', encoding="utf-8")
        result = run("import", str(page))
        assert result.code == 1
        assert "not a GOV.UK Content API document" in result.stderr

    def test_from_overrides_detection(self, tmp_path: Path) -> None:
        page = tmp_path / "page.txt"
        page.write_text((GOVUK / "co.html").read_text(encoding="utf-8"), encoding="utf-8")
        as_text = run("import", str(page), "--from", "text")
        assert as_text.code == 1  # markup read as the plain layout places no title
        assert run("import", str(page), "--from", "html").code == 0
        bad = run("import", str(page), "--from", "pdf")
        assert (bad.code, bad.stderr.splitlines()[0]) == (
            2,
            "strategy: error: unknown page format 'pdf'; choose one of: auto, text, html, json",
        )


class _ContentApi(http.server.BaseHTTPRequestHandler):
    """A stand-in for GOV.UK's Content API on 127.0.0.1, serving the fixture."""

    def do_GET(self) -> None:
        if self.path.endswith("/cos-actions-in-response-to-the-government-digital-strategy"):
            body = (GOVUK / "co.content-api.json").read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
        else:
            body = b'{"error": "not found"}'
            self.send_response(404)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def content_api() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _ContentApi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/content"
    finally:
        server.shutdown()
        server.server_close()


PAGE = (
    "https://www.gov.uk/government/publications/cabinet-office-digital-strategy/"
    "cos-actions-in-response-to-the-government-digital-strategy"
)


class TestAddress:
    """`strategy import URL` fetches through the Content API; only GOV.UK, only https."""

    def test_fetched_through_the_content_api(self, content_api: str, tmp_path: Path) -> None:
        target = tmp_path / "co.yaml"
        result = run("import", PAGE, "-o", str(target), env={"STRATEGY_GOVUK_API": content_api})
        assert result.code == 0, result.stderr
        assert result.stderr == f"wrote 16 actions to {target}\n"
        assert f"source: 'GOV.UK: {PAGE}'" in target.read_text(encoding="utf-8")

    def test_not_found(self, content_api: str) -> None:
        result = run("import", PAGE + "-x", env={"STRATEGY_GOVUK_API": content_api})
        assert result.code == 1
        assert "answered 404 Not Found" in result.stderr
        assert "(is the address right?)" in result.stderr

    @pytest.mark.parametrize(
        "address",
        ["http://www.gov.uk/x", "https://example.com/x", "https://www.gov.uk.evil.com/x"],
    )
    def test_only_gov_uk_over_https(self, address: str) -> None:
        result = run("import", address)
        assert result.code == 2
        assert result.stderr.startswith("strategy: error: only GOV.UK pages can be fetched")

    def test_offline(self) -> None:
        result = run("import", PAGE, env={"STRATEGY_GOVUK_API": "http://127.0.0.1:9/api/content"})
        assert result.code == 1
        assert result.stderr.startswith("strategy: error: cannot reach http://127.0.0.1:9/")
        assert "save the page in a browser and import the file" in result.stderr


def test_fixtures_are_what_their_readme_says() -> None:
    document = json.loads((GOVUK / "co.content-api.json").read_text(encoding="utf-8"))
    assert document["document_type"] == "html_publication"
    assert "<h2" in document["details"]["body"]


class _Tricky(http.server.BaseHTTPRequestHandler):
    """A Content API stand-in that misbehaves: redirects elsewhere, drips, loops."""

    def do_GET(self) -> None:
        if self.path.endswith("/elsewhere"):
            self.send_response(302)
            self.send_header("Location", "http://localhost:1/api/content/x")
            self.end_headers()
        elif self.path.endswith("/drip"):
            self.send_response(200)
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.05)
        else:
            body = (GOVUK / "co.content-api.json").read_bytes()
            self.send_response(200)
            self.end_headers()
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def tricky_api() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Tricky)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/content"
    finally:
        server.shutdown()
        server.server_close()


class TestRedTeamedImports:
    """Each case a red-team pass over the page readers found."""

    def test_a_partial_browser_copy_keeps_its_contents_list_aside(self, tmp_path: Path) -> None:
        text = (GOVUK / "co.browser-copy.txt").read_text(encoding="utf-8")
        cut = text.index("\nAction 9:", text.index("Print this page"))
        imported = read_any(text[:cut], "partial.txt")
        assert [a.number for a in imported.report.actions] == list(range(1, 9))

    def test_redirects_elsewhere_are_not_followed(self, tricky_api: str) -> None:
        result = run(
            "import", "https://www.gov.uk/elsewhere", env={"STRATEGY_GOVUK_API": tricky_api}
        )
        assert result.code == 1
        assert "the Content API sent the request elsewhere" in result.stderr

    def test_the_time_limit_is_for_the_whole_document(
        self, tricky_api: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from strategy_cli.pages import fetch

        monkeypatch.setattr(fetch, "TIMEOUT", 0.5)
        result = run("import", "https://www.gov.uk/drip", env={"STRATEGY_GOVUK_API": tricky_api})
        assert result.code == 1
        assert "took longer than 0.5 s to send the document" in result.stderr

    @pytest.mark.parametrize(
        ("address", "message"),
        [
            ("https://user:secret@www.gov.uk/government/x", "only GOV.UK pages can be fetched"),
            ("https://www.gov.uk:8443/government/x", "only GOV.UK pages can be fetched"),
            ("https://www.gov.uk/government/../../etc/passwd", "names no page on GOV.UK"),
            ("https://www.gov.uk/api/content", "names no page on GOV.UK"),
        ],
    )
    def test_addresses_refused(self, address: str, message: str) -> None:
        result = run("import", address)
        assert result.code == 2
        assert message in result.stderr

    @pytest.mark.parametrize("path", ["/government/x y", "/government/é", "/x%0d%0aHeader: 1"])
    def test_odd_paths_are_quoted_not_a_crash(self, tricky_api: str, path: str) -> None:
        result = run("import", "https://www.gov.uk" + path, env={"STRATEGY_GOVUK_API": tricky_api})
        assert result.code == 0, result.stderr  # the stand-in answers any path

    def test_a_data_file_too_large_to_read_back_is_not_written(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from strategy_cli.store import files

        monkeypatch.setattr(files, "MAX_BYTES", 30_000)
        target = tmp_path / "co.yaml"
        result = run("import", str(SOURCE), "-o", str(target))
        assert result.code == 1
        assert "over the 30,000-byte limit every reader of it keeps" in result.stderr
        assert not target.exists()

    def test_html_text_as_a_browser_shows_it(self) -> None:
        body = (
            "<p>We <strong>committed<br>to</strong> it.</p>"
            "<p>Before <script>x()</script>after. <style>.a{}</style>End.</p>"
            '<p>Note <span class="govuk-visually-hidden">hidden</span> mid.</p>'
            '<p><a href="x">link<span class="govuk-visually-hidden"> (opens in new tab)</span>'
            "</a> here.</p>"
            "<p>Intro list:</p><ul><li><p>First item.</p></li><li><p>Second item.</p></li></ul>"
        )
        lines = [line.text for line in html_lines(f"<html><body>{body}</body></html>", "x")]
        assert lines == [
            "We committed to it.",
            "Before after. End.",
            "Note mid.",
            "link here.",
            "Intro list:",
            "- First item.",
            "- Second item.",
        ]

    def test_a_saved_page_with_an_xml_declaration_is_html(self) -> None:
        text = '<?xml version="1.0" encoding="UTF-8"?>\n' + (GOVUK / "co.html").read_text(
            encoding="utf-8"
        )
        assert detect(text) is PageFormat.html

    def test_json_that_is_a_list(self, tmp_path: Path) -> None:
        page = tmp_path / "a.json"
        page.write_text("[1, 2]", encoding="utf-8")
        result = run("import", str(page))
        assert result.code == 1
        assert "not a GOV.UK Content API document" in result.stderr

    def test_from_html_on_json_is_refused(self) -> None:
        result = run("import", "--from", "html", str(GOVUK / "co.content-api.json"))
        assert result.code == 2
        assert "this page is JSON, but --from html was given" in result.stderr

    def test_old_mac_line_ends(self) -> None:
        text = SOURCE.read_text(encoding="utf-8").replace("\n", "\r")
        assert read_any(text, "co.txt").report.actions == PLAIN.actions

    def test_the_first_heading_is_named_by_the_html_line(self, tmp_path: Path) -> None:
        page = tmp_path / "bad.html"
        page.write_text(
            "<html><body>\n<h1>DWP's actions in response to the Government Digital Strategy</h1>\n"
            "<h2>Action 1: A</h2>\n<h3>Progress during 2013</h3>\n<p>Done.</p>\n"
            "<h3>Progress during 2013</h3>\n</body></html>\n",
            encoding="utf-8",
        )
        result = run("import", str(page))
        assert "(first at line 4)" in result.stderr


class TestFolders:
    """Report files in folders: found by content, each once, none skipped unsaid."""

    def test_a_report_with_a_byte_order_mark_is_found(self, tmp_path: Path) -> None:
        from tests.conftest import DATA

        (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbf" + DATA.read_bytes())
        result = run("lint", str(tmp_path))
        assert result.stderr.startswith("0 errors, 0 warnings in 1 file")

    def test_a_folder_named_twice_is_read_once(self, tmp_path: Path) -> None:
        from tests.conftest import DATA

        (tmp_path / "co.yaml").write_bytes(DATA.read_bytes())
        result = run("lint", str(tmp_path), str(tmp_path), str(tmp_path / "co.yaml"))
        assert result.stderr.startswith("0 errors, 0 warnings in 1 file")
