"""Refresh the GOV.UK Frontend stylesheet the site ships: `python scripts/vendor_govuk_frontend.py
[VERSION]` (needs Node's npm; installing the tool does not).

Takes the precompiled CSS from the govuk-frontend npm package and makes it fit a site that is
not GOV.UK, as the Design System asks: the GDS Transport font (licensed for GOV.UK only) is
removed, its @font-face rules with it, so the font stack is govuk-frontend's fallback (arial,
sans-serif). No JavaScript is taken: govuk-frontend's is ES modules, which browsers refuse
from file://, and the site needs none of its components' scripts.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "src" / "strategy_cli" / "site" / "static"
DEFAULT_VERSION = "6.6.0"
LICENCE = """govuk-frontend {version} (https://github.com/alphagov/govuk-frontend), the stylesheet
govuk-frontend.min.css in this folder, with the GDS Transport font removed.

The MIT License (MIT)

Copyright (c) 2018 Crown Copyright (Government Digital Service)

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def without_gds_transport(css: str) -> str:
    css = re.sub(r"@font-face\{font-family:GDS Transport;[^}]*\}", "", css)
    css = css.replace("font-family:GDS Transport,", "font-family:")
    return css.replace("font-family:GDS Transport}", "font-family:arial,sans-serif}")


def main() -> int:
    version = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_VERSION
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["npm", "pack", f"govuk-frontend@{version}", "--silent"], cwd=folder, check=True
        )
        (archive,) = Path(folder).glob("govuk-frontend-*.tgz")
        with tarfile.open(archive) as tar:
            member = tar.extractfile("package/dist/govuk/govuk-frontend.min.css")
            package = tar.extractfile("package/package.json")
            assert member is not None and package is not None
            css = member.read().decode("utf-8")
            found = json.loads(package.read())["version"]
    css = without_gds_transport(css)
    assert "GDS Transport" not in css, "the font is still named: update without_gds_transport"
    STATIC.mkdir(parents=True, exist_ok=True)
    (STATIC / "govuk-frontend.min.css").write_text(css, encoding="utf-8")
    (STATIC / "GOVUK-FRONTEND-LICENCE.txt").write_text(LICENCE.format(version=found), "utf-8")
    print(f"govuk-frontend {found}: {len(css):,} bytes of CSS in {STATIC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
