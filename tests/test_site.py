"""`strategy site`: the static website, checked as files (links, anchors, escaping, weight,
the folder rules) and in a real browser (Chromium through Playwright, with axe-core)."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from tests.conftest import DATA, run
from tests.test_dataset import department_copy

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTEFACTS = Path(os.environ.get("STRATEGY_ARTEFACTS", Path(__file__).parent / "artefacts"))
PAGE_BUDGET = 200 * 1024


def build(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "site"
    result = run("site", "-o", str(out), *args)
    assert result.code == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("bundled"))


@pytest.fixture(scope="module")
def government(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of 24 departments x 16 actions (~400 actions), and its site."""
    from strategy_cli.model.departments import DEPARTMENTS

    folder = tmp_path_factory.mktemp("gov") / "data"
    for department in DEPARTMENTS[:24]:
        department_copy(folder, department.acronym)
    return build(tmp_path_factory.mktemp("govsite"), "--data", str(folder))


def pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def links(page: Path) -> Iterator[tuple[str, str]]:
    tree = lxml_html.parse(str(page))
    for element in tree.iter("a", "link", "script"):
        target = element.get("href") or element.get("src")
        if target:
            yield element.tag, target


class TestFiles:
    def test_every_internal_link_and_anchor_resolves(self, bundled: Path) -> None:
        ids = {page.name: set(lxml_html.parse(str(page)).xpath("//@id")) for page in pages(bundled)}
        checked = 0
        for page in pages(bundled):
            for _, target in links(page):
                parts = urlsplit(target)
                if parts.scheme:
                    assert parts.scheme == "https", target  # the licence only
                    continue
                name = parts.path or page.name
                assert (bundled / name).is_file(), (page.name, target)
                if parts.fragment:
                    assert parts.fragment in ids[name], (page.name, target)
                checked += 1
        assert checked > 300

    def test_permalinks_to_every_paragraph(self, bundled: Path) -> None:
        action = lxml_html.parse(str(bundled / "action-3.html"))
        assert action.xpath("//*[@id='plan-2014-1']")
        assert action.xpath("//*[@id='progress-2014-2-1']/text()")[0].startswith(
            "evaluating digital propositions"
        )
        assert action.xpath("//*[@id='year-2014']")

    def test_no_page_is_heavy_and_nothing_is_external(self, bundled: Path) -> None:
        for page in pages(bundled):
            assert page.stat().st_size < PAGE_BUDGET, page.name
            text = page.read_text(encoding="utf-8")
            assert not re.search(r'(?:src|href)="(?:https?:)?//(?!www\.nationalarchives)', text)
        assert "GDS Transport" not in (bundled / "govuk-frontend.min.css").read_text("utf-8")

    def test_text_is_escaped_everywhere(self, tmp_path: Path) -> None:
        hostile = "<script>alert(1)</script> & <b>bold</b> </script>"
        data = tmp_path / "co.yaml"
        data.write_text(
            DATA.read_text(encoding="utf-8").replace(
                "No requirement for legislative change was identified.", f"'{hostile}'", 1
            ),
            encoding="utf-8",
        )
        site = build(tmp_path, "--data", str(data))
        page = (site / "action-12.html").read_text(encoding="utf-8")
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
        assert "<script>alert" not in page
        index = (site / "search-index.js").read_text(encoding="utf-8")
        assert "</script>" not in index
        assert "<\\/script>" in index

    def test_a_folder_with_other_files_is_never_replaced(self, tmp_path: Path) -> None:
        out = tmp_path / "mine"
        out.mkdir()
        (out / "notes.txt").write_text("keep me\n", encoding="utf-8")
        result = run("site", "-o", str(out))
        assert (result.code, result.stdout) == (1, "")
        assert result.stderr.startswith(
            f"strategy: error: {out}: the folder holds files that are not a site built by"
            " `strategy site`: nothing written"
        )
        assert [p.name for p in out.iterdir()] == ["notes.txt"]

    def test_a_site_built_before_is_replaced_whole(self, tmp_path: Path) -> None:
        site = build(tmp_path)
        (site / "stale.html").write_text("old\n", encoding="utf-8")
        again = build(tmp_path)
        assert again == site
        assert not (site / "stale.html").exists()
        assert (site / "index.html").is_file()
        assert [p.name for p in tmp_path.iterdir()] == ["site"]  # nothing left beside it

    def test_a_folder_of_departments(self, government: Path) -> None:
        names = {page.name for page in pages(government)}
        assert {"index.html", "action-1.html", "department-dwp.html"} <= names
        index = lxml_html.parse(str(government / "index.html"))
        assert len(index.xpath("//tbody/tr")) == 24
        action = (government / "action-1.html").read_text(encoding="utf-8")
        assert 'href="department-dwp.html#dwp-plan-2014-1"' in action
        story = (government / "department-dwp.html").read_text(encoding="utf-8")
        assert 'id="dwp-plan-2014-1"' in story
        assert 'id="dwp-action-16"' in story
        for page in pages(government):
            assert page.stat().st_size < PAGE_BUDGET, page.name


# --- in a real browser --------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and os.environ.get("CI") != "true",
    reason="Chromium is not installed (apt-get install chromium); CI requires it",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if CHROMIUM is None:
        pytest.fail("CI=true, but Chromium is not installed: .ci/run installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


def visit(browser: object, url: str, width: int = 1280) -> tuple[object, list[str]]:
    """The page, and every console error and failed request while it loaded."""
    page = browser.new_page(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.goto(url)
    return page, problems


def axe_violations(page: object) -> list[tuple[str, int]]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(
        page,
        options={
            "preload": False,  # axe's own fetch of the stylesheets is refused under file://
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
            },
        },
    )
    return [(v["id"], len(v["nodes"])) for v in result.response["violations"]]


@needs_chromium
@pytest.mark.browser
class TestInTheBrowser:
    def test_every_page_loads_clean_and_is_accessible(self, browser: object, bundled: Path) -> None:
        for path in pages(bundled):
            page, problems = visit(browser, path.as_uri())
            assert problems == [], (path.name, problems)
            if path.name in ("index.html", "action-3.html", "action-4.html"):
                assert axe_violations(page) == [], path.name
            page.close()  # type: ignore[attr-defined]

    def test_search_finds_a_phrase_and_links_to_its_paragraph(
        self, browser: object, bundled: Path
    ) -> None:
        page, problems = visit(browser, (bundled / "index.html").as_uri())
        page.fill("#search", "Ckan")  # type: ignore[attr-defined]
        results = page.locator("#search-results li a")  # type: ignore[attr-defined]
        assert results.count() == 1
        assert page.locator("#search-status").inner_text() == "1 found."  # type: ignore[attr-defined]
        results.first.click()
        page.wait_for_load_state()  # type: ignore[attr-defined]
        assert page.url.endswith("action-16.html#progress-2014-1")  # type: ignore[attr-defined]
        target = page.locator(":target")  # type: ignore[attr-defined]
        assert target.inner_text().startswith("Data.gov.uk chaired the steering group of Ckan")
        assert problems == []

    def test_the_grid_says_in_words_what_its_colours_say(
        self, browser: object, bundled: Path
    ) -> None:
        page, _ = visit(browser, (bundled / "index.html").as_uri())
        cells = page.locator(".site-cell")  # type: ignore[attr-defined]
        texts = cells.all_inner_texts()
        assert len(texts) == 14 * 2 + 16
        assert all(re.fullmatch(r"\d+ of \d+ addressed|not yet due", t) for t in texts), texts
        assert "5 of 5 addressed" in texts  # Action 4's five plans for 2014

    def test_screenshots_at_desktop_and_phone_widths(self, browser: object, bundled: Path) -> None:
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        for width in (1280, 375):
            for name in ("index.html", "action-4.html"):
                page, problems = visit(browser, (bundled / name).as_uri(), width)
                shot = ARTEFACTS / f"site-{name.removesuffix('.html')}-{width}.png"
                page.screenshot(path=str(shot), full_page=True)  # type: ignore[attr-defined]
                assert shot.stat().st_size > 10_000
                assert problems == []
                if width == 375:  # nothing wider than the phone, but the grid's own scroller
                    overflow = page.evaluate(  # type: ignore[attr-defined]
                        "document.documentElement.scrollWidth"
                    )
                    assert overflow <= 375, (name, overflow)

    def test_a_folder_of_400_actions(self, browser: object, government: Path) -> None:
        for name in ("index.html", "action-1.html", "department-dwp.html"):
            page, problems = visit(browser, (government / name).as_uri())
            assert problems == [], (name, problems)
            assert axe_violations(page) == [], name


def test_departments_whose_names_clash_get_pages_of_their_own(tmp_path: Path) -> None:
    folder = tmp_path / "gov"
    department_copy(folder, "Ministry of Magic", "a.yaml")
    department_copy(folder, "Ministry-of-Magic", "b.yaml")
    (folder / "c.yaml").write_text(
        DATA.read_text(encoding="utf-8").replace("department: CO\n", "department: ../../esc\n", 1),
        encoding="utf-8",
    )
    site = build(tmp_path, "--data", str(folder))
    names = sorted(p.name for p in site.glob("department-*.html"))
    assert names == [
        "department-esc.html",
        "department-ministry-of-magic-2.html",
        "department-ministry-of-magic.html",
    ]
    assert not (tmp_path / "esc.html").exists()
