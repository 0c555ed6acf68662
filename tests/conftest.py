"""Shared fixtures: a CLI runner that behaves like a pipe with a fixed width, and data copies."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from strategy_cli.cli.app import app

settings.register_profile(
    "quick", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("quick")
"""`quick` keeps the default run short; CI's fuzz tier runs `--hypothesis-profile=thorough`."""

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "co.yaml"
SOURCE = ROOT / "data" / "source" / "co.txt"
PAGES = Path(__file__).resolve().parent / "pages"

CACHE = tempfile.mkdtemp(prefix="strategy-test-cache-")
"""The tests' own cache folder: never the user's, and warm across tests like a real one."""

PIPE_ENV = {
    "STRATEGY_CACHE_DIR": CACHE,
    "COLUMNS": "100",
    "TERMINAL_WIDTH": "100",
    "_TYPER_FORCE_DISABLE_TERMINAL": "1",
    "NO_COLOR": None,
    "FORCE_COLOR": None,
    "TERM": "xterm-256color",
    "STRATEGY_DATA": None,
    "GITHUB_ACTIONS": None,
}


@dataclass
class Run:
    """What a user sees: the exit code and the two streams, kept apart."""

    code: int
    stdout: str
    stderr: str


def run(*args: str, env: Mapping[str, str | None] | None = None, input: str | None = None) -> Run:
    result = CliRunner().invoke(
        app, list(args), env={**PIPE_ENV, **(env or {})}, input=input, catch_exceptions=False
    )
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the bundled data that a test may break."""
    target = tmp_path / "co.yaml"
    shutil.copyfile(DATA, target)
    return target
