"""`strategy site`: the static site written to a folder, whole or not at all.

The site is built in a new folder beside the target, then swapped in: a reader never sees half
a site, and a failure leaves the old one. A folder that holds anything but a site built before
(its marker file) is never replaced.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from importlib import resources
from pathlib import Path

from strategy_cli.analysis.scorecard import Scorecard
from strategy_cli.errors import DataError, Position
from strategy_cli.model.report import Report

MARKER = ".strategy-site"
"""Written into every site; a folder with it may be replaced by a new build."""
STATIC = ("govuk-frontend.min.css", "GOVUK-FRONTEND-LICENCE.txt", "site.css", "search.js")


def render_site(reports: list[tuple[Report, Scorecard]], folder: Path) -> list[str]:
    """Every page and asset of the site into `folder` (which exists and is empty)."""
    from strategy_cli.site.pages import (
        Department,
        Site,
        day,
        grid,
        plan_items,
        render,
        search_index,
        story,
        tallies,
    )

    several = len(reports) > 1
    from strategy_cli.model.departments import slug

    names: dict[str, int] = {}

    def unique(report: Report) -> str:
        """A file and anchor name of its own for each department, whatever its name holds."""
        base = slug(report.department)
        names[base] = names.get(base, 0) + 1
        return base if names[base] == 1 else f"{base}-{names[base]}"

    departments = []
    for report, card in reports:
        name = unique(report) if several else ""
        departments.append(
            Department(
                report,
                card,
                prefix=f"{name}-" if several else "",
                page=f"department-{name}.html" if several else "",
            )
        )
    first = departments[0].report
    site = Site(
        departments,
        title="The Government Digital Strategy: plans and outcomes" if several else first.title,
        updated=day(first.updated) if first.updated and not several else None,
        source=first.source
        if not several
        else f"{len(departments)} departments' reports on GOV.UK",
        licence=first.licence,
        several=several,
    )
    written: list[str] = []

    def write(name: str, text: str) -> None:
        (folder / name).write_text(text, encoding="utf-8")
        written.append(name)

    write(
        "index.html",
        render(
            "index.html.j2", site=site, page_title="Home", grid=grid(site), tallies=tallies(site)
        ),
    )
    numbers = sorted({a.number for d in departments for a in d.report.actions})
    for number in numbers:
        holding = [d for d in departments if d.report.action(number) is not None]
        first_action = holding[0].report.action(number)
        assert first_action is not None
        write(
            f"action-{number}.html",
            render(
                "action.html.j2",
                site=site,
                page_title=f"Action {number}",
                number=number,
                title=first_action.title,
                stories=[] if several else [story(holding[0], number)],
                answers=[{"department": d, "items": plan_items(d, number)} for d in holding]
                if several
                else [],
            ),
        )
    if several:
        for department in departments:
            stories = [story(department, a.number) for a in department.report.actions]
            write(
                department.page,
                render(
                    "department.html.j2",
                    site=site,
                    page_title=department.name,
                    department=department,
                    stories=stories,
                ),
            )
    write("search-index.js", search_index(site))
    package = resources.files("strategy_cli.site") / "static"
    for name in STATIC:
        write(name, package.joinpath(name).read_text(encoding="utf-8"))
    write(MARKER, "A site built by `strategy site`; `strategy site -o` may replace this folder.\n")
    return written


def publish(reports: list[tuple[Report, Scorecard]], target: str) -> list[str]:
    """The site at `target`: built beside it, then swapped in."""
    path = Path(target)
    if path.is_symlink():
        raise DataError(
            "a link: give the folder itself (a site is replaced whole, never through a link)",
            Position(target),
        )
    if path.exists() and not path.is_dir():
        raise DataError("not a folder: give a folder for the site", Position(target))
    if path.is_dir() and any(path.iterdir()) and not (path / MARKER).is_file():
        raise DataError(
            "the folder holds files that are not a site built by `strategy site`: nothing"
            " written (give an empty or new folder)",
            Position(target),
        )
    parent = path.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    try:
        building = Path(tempfile.mkdtemp(prefix=f".{path.name}.new-", dir=parent))
    except OSError as error:
        raise DataError(f"cannot write: {error.strerror}", Position(target)) from None
    try:
        written = render_site(reports, building)
        os.chmod(building, 0o755)  # mkdtemp's folder is private; a site is for reading
        if path.is_dir():
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.old-", dir=parent))
            os.rename(path, old / "site")
            os.rename(building, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(building, path)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return written
