"""What a new user meets first: version, help on every command, the schema copy, python -m."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from strategy_cli.model.schema import schema_text
from tests.conftest import DATA, ROOT, run


def _commands() -> list[str]:
    """The commands as the app lists them (not a copy that could drift from it)."""
    import typer

    from strategy_cli.cli.app import app

    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return list(group.list_commands(typer.Context(group)))


COMMANDS = _commands()


class TestFrontDoor:
    """The entry points and their help."""

    def test_version(self) -> None:
        from importlib.metadata import version

        import strategy_cli

        result = run("--version")
        assert result.code == 0
        assert result.stdout == f"strategy {strategy_cli.__version__}\n"
        assert version("strategy-cli") == strategy_cli.__version__

    def test_the_app_lists_every_command(self) -> None:
        assert len(COMMANDS) >= 10
        assert {"list", "show", "diff", "lint", "fmt", "import", "export"} <= set(COMMANDS)

    @pytest.mark.parametrize("command", COMMANDS)
    @pytest.mark.parametrize("flag", ["-h", "--help"])
    def test_every_command_has_help(self, command: str, flag: str) -> None:
        result = run(command, flag)
        assert result.code == 0
        assert "Usage:" in result.stdout
        assert result.stderr == ""

    @pytest.mark.parametrize("command", COMMANDS)
    def test_every_command_has_examples_that_name_real_options(self, command: str) -> None:
        result = run(command, "--help")
        help_text = result.stdout
        assert "\nExamples:\n" in help_text
        examples = help_text.split("\nExamples:\n")[1].splitlines()
        assert examples
        for example in examples:
            words = shlex.split(example.split("#")[0], posix=True)
            assert words[:2] == ["strategy", command], example
            for word in words:
                if word.startswith("-") and len(word) > 1 and word not in ("<", ">"):
                    assert word.split("=")[0] in help_text, (example, word)

    def test_summaries_fit_on_one_line_at_80_columns(self) -> None:
        result = run("--help", env={"COLUMNS": "80"})
        listed = result.stdout.split("Commands:\n")[1].splitlines()
        assert [line.split()[0] for line in listed] == COMMANDS
        assert all(len(line) <= 80 for line in listed)

    def test_usage_names_arguments_one_way(self) -> None:
        usages = [run(c, "--help").stdout.splitlines()[0] for c in COMMANDS]
        assert usages == [
            "Usage: strategy list [OPTIONS]",
            "Usage: strategy show [OPTIONS] N",
            "Usage: strategy diff [OPTIONS] A B",
            "Usage: strategy search [OPTIONS] TEXT",
            "Usage: strategy stats [OPTIONS]",
            "Usage: strategy scorecard [OPTIONS]",
            "Usage: strategy assess [OPTIONS] ID",
            "Usage: strategy lint [OPTIONS] [PATH...]",
            "Usage: strategy fmt [OPTIONS] [PATH...]",
            "Usage: strategy import [OPTIONS] PAGE",
            "Usage: strategy export [OPTIONS]",
            "Usage: strategy schema [OPTIONS]",
            "Usage: strategy site [OPTIONS]",
        ]

    def test_no_arguments_shows_help(self) -> None:
        result = run()
        assert "Usage:" in result.stdout + result.stderr
        for command in COMMANDS:
            assert command in result.stdout + result.stderr

    def test_every_command_is_documented_in_the_readme(self) -> None:
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        for command in COMMANDS:
            assert f"strategy {command}" in readme, command

    def test_python_dash_m(self) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "strategy_cli", "--version"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0
        assert result.stdout.startswith("strategy ")


class TestSchema:
    """The JSON Schema copy kept next to the data is the one the models export."""

    def test_schema_copy_is_current(self) -> None:
        copy = (ROOT / "data" / "strategy.schema.json").read_text(encoding="utf-8")
        assert copy == schema_text(), "run: strategy schema -o data/strategy.schema.json"

    def test_verdicts_schema_copy_is_current(self) -> None:
        """Verdicts files name `verdicts.schema.json` for editors; the copy beside the data."""
        from strategy_cli.model.verdicts import Verdicts

        copy = (ROOT / "data" / "verdicts.schema.json").read_text(encoding="utf-8")
        assert copy == schema_text(Verdicts), (
            "run: strategy schema --verdicts -o data/verdicts.schema.json"
        )

    def test_schema_command_prints_it(self) -> None:
        result = run("schema")
        assert result.code == 0
        assert result.stdout == schema_text()

    def test_data_file_points_editors_at_the_schema(self) -> None:
        first = (ROOT / "data" / "co.yaml").read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == "# yaml-language-server: $schema=strategy.schema.json"

    def test_attribution_is_kept(self) -> None:
        data = (ROOT / "data" / "co.yaml").read_text(encoding="utf-8")
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        for text in (data, readme):
            assert "Open Government Licence v3.0" in text
            assert "Crown copyright" in text


def test_bundled_paths_exist() -> None:
    assert Path(ROOT / "data" / "source" / "co.txt").is_file()


class TestInternalErrors:
    """A bug in the tool is reported in one line with exit 70, not a traceback."""

    def test_unexpected_exception(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import strategy_cli.analysis.query

        def broken(*args: object) -> None:
            raise RuntimeError("boom")

        monkeypatch.setattr(strategy_cli.analysis.query, "show_action", broken)
        result = run("show", "1")
        assert (result.code, result.stdout) == (70, "")
        assert result.stderr == (
            "strategy: internal error: RuntimeError: boom\nthis is a bug in strategy; run again"
            " with STRATEGY_DEBUG=1 for the traceback and report it\n"
        )
        with pytest.raises(RuntimeError, match="boom"):
            run("show", "1", env={"STRATEGY_DEBUG": "1"})


def test_pre_commit_hooks_offer_lint_and_fmt() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: strategy-lint\n" in text
    assert "- id: strategy-fmt\n" in text
    assert "language: python" in text


class TestCompletion:
    """Shell completion offers the action numbers and years in the data."""

    def complete(self, words: str) -> list[str]:
        env = {
            **os.environ,
            "_STRATEGY_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
            "STRATEGY_CACHE_DIR": "off",
        }
        env.pop("STRATEGY_DATA", None)
        result = subprocess.run(
            [sys.executable, "-m", "strategy_cli"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        return result.stdout.split()

    def test_action_numbers(self) -> None:
        assert self.complete("strategy show 1") == ["1", "10", "11", "12", "13", "14", "15", "16"]

    def test_years(self) -> None:
        assert self.complete("strategy list --year 20") == ["2013", "2014", "2015"]

    def test_diff_offers_the_years_that_made_plans_first(self) -> None:
        assert self.complete("strategy diff 20") == ["2012", "2013", "2014"]

    def test_completion_honours_data(self, tmp_path: Path) -> None:
        """Completion reads the file --data names, before or after the command."""
        small = tmp_path / "small.yaml"
        text = DATA.read_text(encoding="utf-8")
        small.write_text(text[: text.index("  - number: 3\n")], encoding="utf-8")
        assert self.complete(f"strategy --data {small} show ") == ["1", "2"]
        assert self.complete(f"strategy show --data {small} ") == ["1", "2"]
