"""GOV.UK pages as HTML (a saved page, or the body of a Content API document) turned into the
plain layout, one heading or paragraph per line, each with the HTML line it came from.

Parsed with lxml: a kept C parser, fast on a whole saved page, lenient with real-world HTML, and
it knows every element's source line, so that an import error names the line of the HTML file.
GOV.UK's page furniture is recognised by the publishing components' own class names (site
header, cookie banner, breadcrumbs, contents list, feedback, footer ...) and set aside.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from strategy_cli.errors import DataError, Position

FURNITURE_CLASSES = (
    "govuk-skip-link",
    "gem-c-skip-link",
    "govuk-header",
    "gem-c-layout-header",
    "gem-c-layout-super-navigation-header",
    "gem-c-cookie-banner",
    "govuk-cookie-banner",
    "gem-c-emergency-banner",
    "gem-c-global-banner",
    "govuk-phase-banner",
    "gem-c-phase-banner",
    "govuk-breadcrumbs",
    "gem-c-breadcrumbs",
    "gem-c-contextual-breadcrumbs",
    "gem-c-contents-list",
    "gem-c-print-link",
    "gem-c-back-to-top-link",
    "app-c-back-to-top",
    "gem-c-feedback",
    "gem-c-share-links",
    "gem-c-related-navigation",
    "gem-c-contextual-sidebar",
    "gem-c-contextual-footer",
    "gem-c-single-page-notification-button",
    "govuk-footer",
    "gem-c-layout-footer",
    "gem-c-title__context",
    "gem-c-metadata",
    "gem-c-inverse-header__subtext",
    "meta-data",
    "gem-c-organisation-logo",
    "organisation-logos",
    "gem-c-print-meta-data",
    "govuk-visually-hidden",
)
"""Classes of GOV.UK's publishing components that hold page furniture, never report text."""
SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "head", "title", "meta", "link", "button"}
    | {"input", "select", "textarea", "form", "dialog", "iframe"}
)
"""Never report text: code, metadata, controls and forms (GOV.UK's feedback form among them)."""
INLINE = frozenset(
    {"a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em"}
    | {"font", "i", "img", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong"}
    | {"sub", "sup", "time", "tt", "u", "var", "wbr", "br", "del", "ins"}
)
"""Elements whose text runs on with the text around them; every other element starts a line."""
SPACE = re.compile(r"\s+")


class Line(NamedTuple):
    text: str
    source: int
    """The line of the HTML the text came from."""
    furniture: bool


def looks_like_html(text: str) -> bool:
    """Markup near the start (after any XML declaration or comment): the plain layout and a
    browser copy have none."""
    head = text.lstrip("\ufeff \t\r\n")[:4000].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml", "<!--")) or bool(
        re.search(r"<(!doctype html|html|head|body|main|section|div|h[1-6]|p|ul)[\s>]", head)
    )


def html_lines(text: str, name: str, first_line: int = 1) -> list[Line]:
    """Every block of visible text in reading order, furniture marked. `first_line` is where
    the HTML starts in its file (the body of a Content API document starts further down)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise DataError(f"cannot read the HTML: {error}", Position(name)) from None
    out: list[Line] = []
    _walk(root, False, out, first_line - 1)
    return [line for line in out if line.text]


def _is_furniture(element: Any) -> bool:
    classes = (element.get("class") or "").split()
    if any(c.startswith(FURNITURE_CLASSES) for c in classes):
        return True
    return element.get("id") in ("global-cookie-message", "skiplink-container", "feedback")


def _inline(element: Any) -> bool:
    return (
        element.tag in INLINE
        and not _is_furniture(element)
        and not any(
            isinstance(e.tag, str) and e.tag not in INLINE and e.tag not in SKIPPED_TAGS
            for e in element.iterdescendants()
        )
    )


def _inline_text(element: Any) -> str:
    """An inline element's visible text: a line break is a space; code and text hidden from
    sight (screen-reader notes such as "(opens in new tab)") are left out."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            if child.tag == "br":
                parts.append(" ")
            elif child.tag not in SKIPPED_TAGS and not _is_furniture(child):
                parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _walk(
    element: Any, furniture: bool, out: list[Line], offset: int, bullet: bool = False
) -> None:
    """Runs of text and inline elements become lines, in reading order; every other element
    (a paragraph, a heading, a list item, a div) starts a line of its own. The first line of a
    list item is a bullet, even when the item wraps its text in a paragraph (a loose list)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in SKIPPED_TAGS:
        return
    furniture = furniture or _is_furniture(element)
    pending = [bullet or tag == "li"]
    run: list[str] = [element.text or ""]
    where = [element.sourceline or 1]

    def flush() -> None:
        text = SPACE.sub(" ", "".join(run)).strip()
        if text:
            out.append(Line(f"- {text}" if pending[0] else text, where[0] + offset, furniture))
            pending[0] = False
        run.clear()

    for child in element:
        if not isinstance(child.tag, str) or child.tag in SKIPPED_TAGS:
            run.append(child.tail or "")  # a comment, a script: the text around it runs on
        elif child.tag == "br":
            run.append(" " + (child.tail or ""))
        elif _inline(child):
            run.append(_inline_text(child) + (child.tail or ""))
        elif _is_furniture(child) and child.tag in INLINE:
            run.append(child.tail or "")  # hidden text inside a sentence: left out of it
        else:
            flush()
            before = len(out)
            _walk(child, furniture, out, offset, pending[0])
            if len(out) > before:
                pending[0] = False
            where[0] = child.sourceline or where[0]
            run.append(child.tail or "")
    flush()
