"""Fuzzing the command line: any argument combination, any environment, no traceback and never
exit 70. The `quick` profile runs a few dozen examples; CI's fuzz tier runs 1,000 each."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA, SOURCE, run

pytestmark = pytest.mark.fuzz

FOLDER = Path(tempfile.mkdtemp(prefix="strategy-fuzz-"))
"""Every path an example names is in here: a fuzzed `-o` or `fmt` never touches the repo."""
shutil.copyfile(DATA, FOLDER / "co.yaml")
shutil.copyfile(SOURCE, FOLDER / "page.txt")
(FOLDER / "bad.yaml").write_text("title: [\n", encoding="utf-8")
(FOLDER / "folder").mkdir(exist_ok=True)

COMMANDS = ["list", "show", "diff", "search", "stats", "lint", "fmt", "import", "export", "schema"]
TOKENS = [
    *COMMANDS,
    "--data", "-", "co.yaml", "bad.yaml", "page.txt", "missing.yaml", "folder", "out.yaml",
    "--format", "-f", "json", "csv", "markdown", "table", "text", "github", "yaml",
    "--year", "-y", "2012", "2013", "2014", "2015", "2099", "-1", "0", "five", "1e3",
    "--action", "-a", "1", "5", "16", "99",
    "--text", "-t", "--regex", "-E", "(", "[a", "a{99999}", "digital", "’", "[bold]x[/]",
    "--kind", "-k", "plan", "progress", "plans",
    "--exit-code", "--strict", "--select", "--ignore", "T", "S1", "Z9", "T103,S107",
    "--explain", "--list-rules", "--check", "--diff",
    "-o", "--output", "--department", "--source", "DWP",
    "--help", "-h", "--version", "", "--", "--nope",
]  # fmt: skip

ARGUMENTS = st.lists(st.sampled_from(TOKENS), min_size=0, max_size=8)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARGUMENTS, st.sampled_from(["", "-"]))
def test_any_arguments(arguments: list[str], stdin: str) -> None:
    """In process, as the test runner drives the app: exit 0, 1, 2 or 130; never 70."""
    before = os.getcwd()
    os.chdir(FOLDER)
    try:
        result = run(*arguments, input=DATA.read_text(encoding="utf-8") if stdin else "")
    finally:
        os.chdir(before)
        shutil.copyfile(DATA, FOLDER / "co.yaml")
    assert result.code in (0, 1, 2), (arguments, result.code, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    assert "internal error" not in result.stderr, (arguments, result.stderr)


STRATEGY = shutil.which("strategy", path=str(Path(sys.executable).parent)) or "strategy"
ENVIRONMENTS = st.fixed_dictionaries(
    {
        "PYTHONIOENCODING": st.sampled_from([None, "ascii", "latin-1", "utf-8", "utf-16"]),
        "LC_ALL": st.sampled_from([None, "C", "POSIX"]),
        "STRATEGY_CACHE_DIR": st.sampled_from(
            ["off", str(FOLDER / "cache"), str(FOLDER / "co.yaml"), "/proc/nonexistent", ""]
        ),
        "HOME": st.sampled_from([None, "", "/nonexistent", str(FOLDER)]),
        "NO_COLOR": st.sampled_from([None, "1"]),
        "FORCE_COLOR": st.sampled_from([None, "1"]),
        "TERM": st.sampled_from([None, "dumb", "xterm"]),
        "COLUMNS": st.sampled_from([None, "0", "20", "abc", "100000"]),
    }
)
STREAMS = st.sampled_from(["pipe", "devnull", "closed", "full"])
PROCESS_EXAMPLES = settings().max_examples if settings().max_examples >= 1000 else 12
"""A process per example: a dozen in the quick run, the profile's 1,000 in CI's fuzz tier."""


def _close(descriptors: list[int]) -> None:
    for descriptor in descriptors:
        os.close(descriptor)


@settings(
    max_examples=PROCESS_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    st.sampled_from(
        [
            ["show", "7"],
            ["list"],
            ["search", "digital"],
            ["diff", "2013", "2014", "-a", "4"],
            ["stats", "-f", "markdown"],
            ["lint", "co.yaml"],
            ["--data", "-", "show", "1"],
            ["export", "-f", "json"],
            ["--help"],
        ]
    ),
    ENVIRONMENTS,
    STREAMS,
    STREAMS,
)
def test_any_environment(
    arguments: list[str], environment: dict[str, str | None], stdin: str, stdout: str
) -> None:
    """A real process: encodings, locales, broken or closed streams, an unusable cache."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STRATEGY", "PYTHONIO"))}
    env.update({k: v for k, v in environment.items() if v is not None})
    for key, value in environment.items():
        if value is None:
            env.pop(key, None)
    full = open("/dev/full", "wb")  # noqa: SIM115 (closed below)
    handles: dict[str, Any] = {
        "pipe": subprocess.PIPE,
        "devnull": subprocess.DEVNULL,
        "closed": subprocess.DEVNULL,
        "full": full,
    }
    closes = [0] if stdin == "closed" else []
    closes += [1] if stdout == "closed" else []
    try:
        result = subprocess.run(
            [STRATEGY, *arguments],
            cwd=FOLDER,
            env=env,
            stdin=None if stdin == "pipe" else handles[stdin],
            stdout=handles[stdout],
            stderr=subprocess.PIPE,
            input=DATA.read_bytes() if stdin == "pipe" else None,
            preexec_fn=(lambda: _close(closes)) if closes else None,
            timeout=60,
            check=False,
        )
    finally:
        full.close()
    error = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in error, (arguments, environment, stdin, stdout, error)
    assert result.returncode in (0, 1, 2), (arguments, environment, stdin, stdout, error)
