"""One shape: every field of the model survives every route a report takes, the cache can only
say what the file says, and a field added to the model needs no edit anywhere else."""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from strategy_cli.model.report import Action, Paragraph, Report
from strategy_cli.model.shape import dump, shape
from strategy_cli.output.terminal import json_text
from strategy_cli.store.cache import load_cached
from strategy_cli.store.datafile import load_text
from strategy_cli.store.formatter import format_file
from strategy_cli.store.writer import render_data_file
from tests.conftest import DATA, ROOT

FULL = Report(
    title="DWP's actions in response to the Government Digital Strategy",
    department="DWP",
    aliases=["Department of Social Security"],
    updated=datetime.date(2015, 1, 16),
    commitments_made="December 2012",
    licence="© Crown copyright 2015",
    source="GOV.UK",
    preamble=["Corporate report"],
    introduction=[Paragraph(text="An introduction.")],
    actions=[
        Action(
            number=1,
            title="A title",
            notes=[Paragraph(text="A note.")],
            commitment=[Paragraph(text="We will.", items=["first", "second"])],
            progress={2013: [Paragraph(text="We did.")]},
            plans={2014: [Paragraph(text="We shall.")]},
        )
    ],
)
"""Every field of every model set to something other than its default."""


def test_the_full_report_sets_every_field() -> None:
    """The routes below are only proved for fields this report really sets (somewhere)."""

    def set_somewhere(value: Any) -> set[str]:
        found: set[str] = set()
        if dataclasses.is_dataclass(value):
            for f in shape(type(value)).fields:
                child = getattr(value, f.name)
                if f.required or child != f.default:
                    found.add(f"{type(value).__name__}.{f.name}")
                found |= set_somewhere(child)
        elif isinstance(value, list):
            for item in value:
                found |= set_somewhere(item)
        elif isinstance(value, dict):
            for item in value.values():
                found |= set_somewhere(item)
        return found

    every = {
        f"{model.cls.__name__}.{f.name}"
        for model in (shape(Report), shape(Action), shape(Paragraph))
        for f in model.fields
    }
    assert set_somewhere(FULL) == every


def routes(report: Report, tmp_path: Path) -> dict[str, Report]:
    """The report after each route it can take, each through the code users run."""
    yaml_text = render_data_file(report)
    yaml_file = tmp_path / "full.yaml"
    yaml_file.write_text(yaml_text, encoding="utf-8")
    json_file = tmp_path / "full.json"
    json_file.write_text(json_text(dump(report)), encoding="utf-8")
    os.environ["STRATEGY_CACHE_DIR"] = str(tmp_path / "cache")
    try:
        load_cached(str(yaml_file))  # fills the entry
        cached = load_cached(str(yaml_file))  # reads it
    finally:
        del os.environ["STRATEGY_CACHE_DIR"]
    formatted = format_file(str(yaml_file)).after
    return {
        "yaml": load_text(yaml_text, "full.yaml", "full.yaml"),
        "json": load_text(json_file.read_text(encoding="utf-8"), "full.json", "full.json"),
        "cache": cached,
        "fmt": load_text(formatted, "fmt.yaml", "fmt.yaml"),
    }


class TestEveryFieldEveryRoute:
    """Each field of the model appears in every serialised form, and comes back."""

    def test_every_field_comes_back(self, tmp_path: Path) -> None:
        for route, again in routes(FULL, tmp_path).items():
            assert again == FULL, route

    def test_every_field_is_written(self) -> None:
        yaml_text = render_data_file(FULL)
        exported = json.loads(json_text(dump(FULL)))
        for model in (shape(Report), shape(Action), shape(Paragraph)):
            for f in model.fields:
                assert f"{f.name}:" in yaml_text, (model.cls.__name__, f.name)
                assert f'"{f.name}"' in json.dumps(exported), (model.cls.__name__, f.name)


NEW_FIELDS = '''
    reviewed_by: Text | None = None
    """Who reviewed this version (a field added to prove no other code needs an edit)."""
'''

PROBE = """
import datetime, json, os, sys
from strategy_cli.model.report import Action, Paragraph, Report
from strategy_cli.model.shape import dump
from strategy_cli.output.terminal import json_text
from strategy_cli.store.cache import load_cached
from strategy_cli.store.datafile import load_text
from strategy_cli.store.formatter import format_file
from strategy_cli.store.writer import render_data_file

report = Report(
    title="T", department="D", licence="L", source="S", reviewed_by="A reviewer",
    actions=[Action(number=1, title="A", reviewed_by="An action reviewer",
                    progress={2013: [Paragraph(text="p", reviewed_by="A paragraph reviewer")]})],
)
folder = sys.argv[1]
path = os.path.join(folder, "r.yaml")
with open(path, "w", encoding="utf-8") as f:
    f.write(render_data_file(report))
os.environ["STRATEGY_CACHE_DIR"] = os.path.join(folder, "cache")
load_cached(path)
seen = {
    "yaml": load_text(open(path, encoding="utf-8").read(), "r.yaml", "r.yaml"),
    "cache": load_cached(path),
    "json": load_text(json_text(dump(report)), "r.json", "r.json"),
    "fmt": load_text(format_file(path).after, "f.yaml", "f.yaml"),
}
print(json.dumps({route: again == report for route, again in seen.items()}))
print(json.dumps(dump(seen["cache"])["actions"][0]["progress"]["2013"][0]))
"""


def test_a_new_field_needs_no_other_edit(tmp_path: Path) -> None:
    """A copy of the package whose models gain one optional field each, in report.py only:
    the field survives the cache, YAML, JSON and fmt."""
    package = tmp_path / "src" / "strategy_cli"
    shutil.copytree(ROOT / "src" / "strategy_cli", package)
    model = package / "model" / "report.py"
    source = model.read_text(encoding="utf-8")
    for anchor in (
        '    """Bullet items that follow the paragraph, in published order (empty for most'
        ' paragraphs)."""\n',
        '    """Planned activities, keyed by the year they are planned for (written in the year'
        ' before)."""\n',
        '    """The numbered actions, in published order."""\n',
    ):
        assert anchor in source
        source = source.replace(
            anchor, anchor + textwrap.dedent(NEW_FIELDS).replace("\n", "\n    ")[:-4]
        )
    model.write_text(source, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "src")},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    survived, paragraph = result.stdout.splitlines()
    assert json.loads(survived) == {"yaml": True, "cache": True, "json": True, "fmt": True}
    assert json.loads(paragraph) == {
        "text": "p",
        "items": [],
        "reviewed_by": "A paragraph reviewer",
    }


class TestCacheShape:
    """A cache entry of any other shape is a miss: rebuilt silently, never a partial report."""

    @pytest.mark.parametrize(
        "damage",
        [
            pytest.param(lambda d: d["actions"][0].update(number="1"), id="string for a number"),
            pytest.param(lambda d: d["actions"][0].update(number=True), id="bool for a number"),
            pytest.param(lambda d: d.update(actions=[]), id="empty action list"),
            pytest.param(lambda d: d.pop("licence"), id="missing key"),
            pytest.param(lambda d: d.update(extra=1), id="extra key"),
            pytest.param(lambda d: d.update(updated="16 January 2015"), id="bad date"),
            pytest.param(
                lambda d: d["actions"][0]["progress"].update({"x13": []}), id="year not a number"
            ),
            pytest.param(lambda d: d["actions"][0].update(number=0), id="number out of bounds"),
            pytest.param(lambda d: d["actions"][0].update(commitment="text"), id="text for a list"),
        ],
    )
    def test_a_damaged_entry_is_rebuilt(
        self, damage: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("STRATEGY_CACHE_DIR", str(tmp_path))
        expected = load_cached(str(DATA))
        (entry,) = tmp_path.glob("*.json")
        document = json.loads(entry.read_text(encoding="utf-8"))
        damage(document)
        entry.write_text(json.dumps(document), encoding="utf-8")
        assert load_cached(str(DATA)) == expected
        assert json.loads(entry.read_text(encoding="utf-8")) == dump(expected)

    def test_the_key_covers_the_version_and_the_code_that_shapes_an_entry(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from strategy_cli.store import cache

        def key() -> str:
            cache._code_digest.cache_clear()
            return cache._key(b"the same bytes")

        original = key()
        monkeypatch.setattr(cache, "__version__", "99.0")
        assert key() != original
        monkeypatch.undo()
        assert key() == original
        real = Path.read_bytes
        for module in ("model/shape.py", "model/report.py", "store/cache.py", "store/yamlfile.py"):

            def edited(path: Path, module: str = module) -> bytes:
                data = real(path)
                return data + b"# edited" if path.as_posix().endswith(module) else data

            monkeypatch.setattr(Path, "read_bytes", edited)
            assert key() != original, module
            monkeypatch.undo()
        assert key() == original
