"""The report cache: used when the bytes were seen before, rebuilt when anything is off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strategy_cli.store.cache import cache_dir, load_cached
from strategy_cli.store.datafile import load_report
from tests.conftest import DATA, SOURCE, run


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("STRATEGY_CACHE_DIR", str(folder))
    return folder


class TestCache:
    """Keyed by content, never stale, safe to delete, optional."""

    def test_a_cached_read_is_the_same_report(self, cache: Path) -> None:
        first = load_cached(str(DATA))
        entries = list(cache.iterdir())
        assert len(entries) == 1
        assert entries[0].suffix == ".json"
        assert load_cached(str(DATA)) == first == load_report(str(DATA))

    def test_an_edited_file_is_a_new_entry(self, cache: Path, data_copy: Path) -> None:
        load_cached(str(data_copy))
        data_copy.write_text(
            data_copy.read_text(encoding="utf-8").replace(
                "department: CO", "department: Cabinet Office"
            ),
            encoding="utf-8",
        )
        assert load_cached(str(data_copy)).department == "Cabinet Office"
        assert len(list(cache.iterdir())) == 2

    def test_a_corrupt_entry_is_rebuilt(self, cache: Path) -> None:
        expected = load_cached(str(DATA))
        (entry,) = cache.iterdir()
        entry.write_text("{not json", encoding="utf-8")
        assert load_cached(str(DATA)) == expected
        assert json.loads(entry.read_text(encoding="utf-8"))["department"] == "CO"

    def test_a_wrong_shape_entry_is_rebuilt(self, cache: Path) -> None:
        expected = load_cached(str(DATA))
        (entry,) = cache.iterdir()
        entry.write_text('{"title": 1}', encoding="utf-8")
        assert load_cached(str(DATA)) == expected

    def test_an_unwritable_cache_is_only_slower(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        blocker = tmp_path / "file"
        blocker.write_text("", encoding="utf-8")
        monkeypatch.setenv("STRATEGY_CACHE_DIR", str(blocker / "cache"))
        assert load_cached(str(DATA)).department == "CO"

    def test_off(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("STRATEGY_CACHE_DIR", "off")
        assert cache_dir() is None
        assert load_cached(str(DATA)).department == "CO"

    def test_default_location_follows_xdg(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.delenv("STRATEGY_CACHE_DIR", raising=False)
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
        assert cache_dir() == tmp_path / "strategy-cli"

    def test_invalid_file_is_not_cached(self, cache: Path, data_copy: Path) -> None:
        data_copy.write_text("title: [\n", encoding="utf-8")
        result = run("--data", str(data_copy), "show", "1", env={"STRATEGY_CACHE_DIR": str(cache)})
        assert result.code == 1
        assert not cache.exists() or not list(cache.iterdir())

    def test_import_primes_the_cache(self, cache: Path, tmp_path: Path) -> None:
        target = tmp_path / "co.yaml"
        run("import", str(SOURCE), "-o", str(target), env={"STRATEGY_CACHE_DIR": str(cache)})
        (entry,) = cache.iterdir()
        entry.write_text(
            entry.read_text(encoding="utf-8").replace(
                '"department": "CO"', '"department": "primed"'
            ),
            encoding="utf-8",
        )
        result = run(
            "--data", str(target), "show", "1", "-f", "json", env={"STRATEGY_CACHE_DIR": str(cache)}
        )
        assert result.code == 0
        assert load_cached(str(target)).department == "primed"  # served from the entry
