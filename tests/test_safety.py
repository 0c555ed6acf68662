"""Nothing lost, nothing injected: each case found by the red-team pass, through the installed
command as users run it (a real process, real files, real streams)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.conftest import DATA, SOURCE

STRATEGY = shutil.which("strategy", path=str(Path(sys.executable).parent)) or "strategy"
ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="needs root (mknod, chown)")


def strategy(
    *args: str,
    env: Mapping[str, str | None] | None = None,
    stdin: int | None = subprocess.DEVNULL,
    stdout: int | None = subprocess.PIPE,
    timeout: float = 30,
    cache: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """The installed console script, in a process of its own."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("STRATEGY")}
    environment.update({"NO_COLOR": "1", "STRATEGY_CACHE_DIR": str(cache) if cache else "off"})
    if cache is None and env and "HOME" in env:
        del environment["STRATEGY_CACHE_DIR"]  # the default location, under HOME
    for key, value in (env or {}).items():
        if value is None:
            environment.pop(key, None)
        else:
            environment[key] = value
    return subprocess.run(
        [STRATEGY, *args],
        env=environment,
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=timeout,
        check=False,
    )


def report_entries(folder: Path) -> list[Path]:
    """The cache's report entries, without what is derived from them (`scorecard-...`)."""
    return [p for p in folder.iterdir() if not p.name.startswith("scorecard-")]


def one_message(result: subprocess.CompletedProcess[str]) -> str:
    """The one message line a failure prints: no traceback, no second line but a hint."""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("strategy: ")
    return result.stderr


class TestWritesNeverDestroy:
    """-o and fmt replace regular files only, and only as they are."""

    @ROOT_ONLY
    def test_a_device_node_is_written_through_not_replaced(self, tmp_path: Path) -> None:
        node = tmp_path / "null"
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        result = strategy("export", "-o", str(node))
        assert result.returncode == 0, result.stderr
        assert stat.S_ISCHR(node.stat().st_mode)
        assert os.major(node.stat().st_rdev) == 1

    def test_a_fifo_is_written_through_as_a_stream(self, tmp_path: Path) -> None:
        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        received: list[bytes] = []
        reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
        reader.start()
        result = strategy("export", "-o", str(fifo))
        reader.join(10)
        assert result.returncode == 0, result.stderr
        assert stat.S_ISFIFO(fifo.stat().st_mode)
        assert received == [SOURCE.read_bytes()]

    def test_dev_stdout_works(self) -> None:
        result = strategy("export", "-f", "json", "-o", "/dev/stdout")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["department"] == "CO"

    def test_a_socket_is_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "s"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        try:
            result = strategy("export", "-o", str(path))
            assert result.returncode == 1
            assert "not a regular file; nothing written" in one_message(result)
            assert stat.S_ISSOCK(path.stat().st_mode)
        finally:
            server.close()

    @pytest.mark.parametrize("command", ["fmt", "import"])
    def test_a_symlink_stays_a_link_and_its_target_is_updated(
        self, command: str, tmp_path: Path
    ) -> None:
        real = tmp_path / "real.yaml"
        real.write_text(
            DATA.read_text(encoding="utf-8").replace("department: CO", "department:   CO"),
            encoding="utf-8",
        )
        link = tmp_path / "link.yaml"
        link.symlink_to(real)
        args = ["fmt", str(link)] if command == "fmt" else ["import", str(SOURCE), "-o", str(link)]
        result = strategy(*args)
        assert result.returncode == 0, result.stderr
        assert link.is_symlink()
        assert "department: CO\n" in real.read_text(encoding="utf-8")

    def test_a_hard_linked_file_is_refused_and_kept(self, tmp_path: Path) -> None:
        first = tmp_path / "a.yaml"
        first.write_text(
            DATA.read_text(encoding="utf-8").replace("department: CO", "department:   CO"),
            encoding="utf-8",
        )
        os.link(first, tmp_path / "b.yaml")
        before = first.read_bytes()
        result = strategy("fmt", str(first))
        assert result.returncode == 1
        assert "2 hard links" in one_message(result)
        assert first.read_bytes() == before
        assert first.stat().st_nlink == 2

    @ROOT_ONLY
    def test_owner_and_mode_are_kept(self, tmp_path: Path) -> None:
        target = tmp_path / "co.yaml"
        target.write_text(
            DATA.read_text(encoding="utf-8").replace("department: CO", "department:   CO"),
            encoding="utf-8",
        )
        os.chown(target, 12345, 23456)
        os.chmod(target, 0o640)
        result = strategy("fmt", str(target))
        assert result.returncode == 0, result.stderr
        info = target.stat()
        assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (12345, 23456, 0o640)

    def test_a_stale_temporary_file_is_cleaned(self, tmp_path: Path) -> None:
        target = tmp_path / "co.yaml"
        stale = tmp_path / ".co.yaml.999999999.abcd.strategy-tmp"
        stale.write_text("half a file", encoding="utf-8")
        result = strategy("import", str(SOURCE), "-o", str(target))
        assert result.returncode == 0, result.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == ["co.yaml"]


class TestNeverWriteWhatCannotBeRead:
    """Bad characters are refused where they come in, naming the place."""

    @pytest.mark.parametrize(
        ("char", "name"),
        [("\u2028", "U+2028"), ("\x85", "U+0085"), ("\x1b", "U+001B"), ("\u202e", "U+202E")],
    )
    def test_import_stops_at_the_line_and_column(
        self, char: str, name: str, tmp_path: Path
    ) -> None:
        page = tmp_path / "page.txt"
        text = SOURCE.read_text(encoding="utf-8")
        page.write_text(text.replace("Action 3: All", f"Action 3: A{char}ll", 1), encoding="utf-8")
        line = text[: text.index("Action 3: All")].count("\n") + 1
        target = tmp_path / "out.yaml"
        result = strategy("import", str(page), "-o", str(target))
        assert result.returncode == 1
        assert one_message(result).startswith(f"strategy: error: {page}:{line}:12: {name}")
        assert not target.exists()

    @pytest.mark.parametrize("option", ["--source", "--department"])
    def test_options_are_checked_too(self, option: str, tmp_path: Path) -> None:
        target = tmp_path / "out.yaml"
        result = strategy("import", str(SOURCE), "-o", str(target), option, "GOV.UK\u2028x")
        assert result.returncode == 2
        assert f"{option} holds U+2028" in one_message(result)
        assert not target.exists()

    def test_an_escape_in_a_data_file_is_refused_at_its_place(self, tmp_path: Path) -> None:
        data = tmp_path / "co.yaml"
        data.write_text(
            DATA.read_text(encoding="utf-8").replace(
                "department: CO\n", 'department: "C\\e]52;c;aGk=\\aO"\n'
            ),
            encoding="utf-8",
        )
        for args in (["--data", str(data), "export"], ["lint", str(data)], ["fmt", str(data)]):
            result = strategy(*args)
            assert result.returncode == 1, args
            assert "\x1b" not in result.stdout + result.stderr
            assert f"{data}:6:13: T104 department: U+001B" in result.stdout + result.stderr


class TestTextIsInert:
    """CSV and Markdown carry data, never formulas or markup."""

    @pytest.fixture
    def injected(self, tmp_path: Path) -> Path:
        data = tmp_path / "co.yaml"
        title = "title: Departmental and transactional agency boards will include"
        text = DATA.read_text(encoding="utf-8")
        assert title in text
        data.write_text(
            text.replace(
                title,
                'title: \'=HYPERLINK("http://x","y") *bold* <b>x</b> [a](b) &amp;\' #',
                1,
            ),
            encoding="utf-8",
        )
        return data

    def test_csv_neutralises_formulas(self, injected: Path) -> None:
        import csv
        import io

        result = strategy("--data", str(injected), "list", "-f", "csv")
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert rows[1][1].startswith("'=HYPERLINK(")

    def test_markdown_escapes_syntax(self, injected: Path) -> None:
        result = strategy("--data", str(injected), "show", "1", "-f", "markdown")
        first = result.stdout.splitlines()[0]
        assert first.startswith("## Action 1: \\=HYPERLINK")
        assert r"\*bold\* \<b\>x\</b\> \[a\](b) \&amp;" in first


class TestCacheTrust:
    """The cache folder is private, and anything doubtful in it is ignored."""

    def test_the_folder_is_created_private(self, tmp_path: Path) -> None:
        folder = tmp_path / "cache"
        assert strategy("show", "5", cache=folder).returncode == 0
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert {stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()} == {0o600}

    def test_the_default_folder_and_its_parent_are_private(self, tmp_path: Path) -> None:
        result = strategy(
            "show", "5", env={"HOME": str(tmp_path), "XDG_CACHE_HOME": None}, cache=None
        )
        assert result.returncode == 0, result.stderr
        for folder in (tmp_path / ".cache", tmp_path / ".cache" / "strategy-cli"):
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700

    def test_a_world_writable_folder_is_not_used(self, tmp_path: Path) -> None:
        folder = tmp_path / "shared"
        folder.mkdir()
        os.chmod(folder, 0o777)
        result = strategy("show", "5", cache=folder)
        assert result.returncode == 0
        assert result.stderr.startswith(f"strategy: warning: not using the cache folder {folder}")
        assert "chmod 700" in result.stderr
        assert list(folder.iterdir()) == []

    def test_forged_entries_are_ignored(self, tmp_path: Path) -> None:
        folder = tmp_path / "cache"
        honest = strategy("show", "1", cache=folder).stdout
        (entry,) = report_entries(folder)
        forged = json.loads(entry.read_text(encoding="utf-8"))
        forged["actions"][0]["title"] = "FORGED"
        entry.write_text(json.dumps(forged), encoding="utf-8")
        if os.geteuid() == 0:
            os.chown(entry, 12345, 12345)  # written by someone else
            assert strategy("show", "1", cache=folder).stdout == honest
        entry.unlink()
        os.mkfifo(entry)  # a FIFO where an entry should be: never read, never waited on
        result = strategy("show", "1", cache=folder, timeout=10)
        assert result.stdout == honest

    def test_forged_scorecard_entries_are_rebuilt(self, tmp_path: Path) -> None:
        """A derived entry is only ids, scores and words: one that names what the report does
        not hold, or is not what `encode` writes, is computed again; no text comes from it."""
        folder = tmp_path / "cache"
        honest = strategy("scorecard", "--format", "json", cache=folder).stdout
        (entry,) = folder.glob("scorecard-*.json")
        plain = json.loads(entry.read_text(encoding="utf-8"))
        forgeries: list[object] = [
            {**plain, "items": [["99/2014/1", "addressed", [], []], *plain["items"][1:]]},
            {**plain, "items": [[*plain["items"][0][:1], "complete", [], []], *plain["items"][1:]]},
            {**plain, "links": {"1/2014/1": ["77/2015/1"]}},
            {"items": "\u001b[31m"},
            [],
        ]
        for forged in forgeries:
            entry.write_text(json.dumps(forged), encoding="utf-8")
            result = strategy("scorecard", "--format", "json", cache=folder)
            assert (result.returncode, result.stdout, result.stderr) == (0, honest, "")

    def test_an_empty_home_makes_no_cache_at_the_root(self, tmp_path: Path) -> None:
        result = strategy(
            "show",
            "5",
            env={"HOME": "", "XDG_CACHE_HOME": None, "STRATEGY_CACHE_DIR": None},
        )
        assert result.returncode == 0
        assert not Path("/.cache/strategy-cli").exists()


class TestBoundedWork:
    """Search answers in linear time; a runaway regular expression is stopped."""

    def test_a_pathological_regex_is_stopped(self, tmp_path: Path) -> None:
        data = tmp_path / "co.yaml"
        data.write_text(
            DATA.read_text(encoding="utf-8").replace(
                "No requirement for legislative change was identified.", "x" * 3000
            ),
            encoding="utf-8",
        )
        result = strategy(
            "--data",
            str(data),
            "search",
            "--regex",
            "(x+x+)+y",
            env={"STRATEGY_REGEX_SECONDS": "0.3"},
        )
        assert result.returncode == 2
        assert "the regular expression ran for over 0.3 s and was stopped" in one_message(result)

    def test_many_matches_on_a_terminal(self, tmp_path: Path) -> None:
        data = tmp_path / "co.yaml"
        data.write_text(
            DATA.read_text(encoding="utf-8").replace(
                "No requirement for legislative change was identified.", "ab " * 30_000 + "ab"
            ),
            encoding="utf-8",
        )
        result = strategy("--data", str(data), "search", "ab", env={"FORCE_COLOR": "1"})
        assert result.returncode == 0, result.stderr
        shown = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", result.stdout).split())
        assert "(90,002 characters; 29,996 more matches)" in shown
        piped = strategy("--data", str(data), "search", "ab")
        assert ("ab " * 30_000 + "ab") in piped.stdout  # piped output is complete


class TestCleanExits:
    """Output that cannot be written, closed streams and Ctrl-C: one line, never exit 70."""

    def test_a_full_disk(self) -> None:
        with open("/dev/full", "w") as full:
            result = strategy("show", "5", stdout=full.fileno())
        assert result.returncode == 1
        assert one_message(result) == (
            "strategy: error: cannot write to standard output: No space left on device\n"
        )

    def test_help_to_a_full_disk(self) -> None:
        with open("/dev/full", "w") as full:
            result = strategy("--help", stdout=full.fileno())
        assert result.returncode == 1
        assert "No space left on device" in one_message(result)

    def test_an_ascii_terminal(self) -> None:
        result = strategy("show", "7", env={"PYTHONIOENCODING": "ascii"})
        assert result.returncode == 1
        assert one_message(result).startswith(
            "strategy: error: standard output uses the ascii encoding, which cannot show '\\u2019'"
        )

    def test_a_closed_stdin(self) -> None:
        result = subprocess.run(
            [STRATEGY, "--data", "-", "show", "1"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "STRATEGY_CACHE_DIR": "off"},
            preexec_fn=lambda: os.close(0),
        )
        assert result.returncode == 1
        assert one_message(result) == (
            "strategy: error: <stdin>: standard input is closed: give the report on it, or a file\n"
        )

    def test_a_reader_that_goes_away_is_quiet(self) -> None:
        process = subprocess.Popen(
            [STRATEGY, "search", "e"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "STRATEGY_CACHE_DIR": "off"},
        )
        assert process.stdout is not None
        process.stdout.read(10)
        process.stdout.close()
        _, err = process.communicate(timeout=30)
        assert process.returncode == 0
        assert err == b""

    def test_ctrl_c_while_waiting(self, tmp_path: Path) -> None:
        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        process = subprocess.Popen(
            [STRATEGY, "--data", str(fifo), "show", "1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "STRATEGY_CACHE_DIR": "off"},
        )
        time.sleep(0.5)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
        assert process.returncode == 130
        assert err.endswith("strategy: interrupted\n")
        assert "Traceback" not in err
        assert "waiting for a writer" in err

    def test_ctrl_c_at_start_up(self) -> None:
        # Not 0.01 to 0.05 s: an interrupt while Python itself starts (site.py, the installer's
        # wrapper) is Python's to report, before any code of the tool runs (see cli/entry.py).
        for delay in (0.0, 0.15, 0.3):
            process = subprocess.Popen(
                [STRATEGY, "show", "5"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "STRATEGY_CACHE_DIR": "off"},
            )
            time.sleep(delay)
            process.send_signal(signal.SIGINT)
            _, err = process.communicate(timeout=30)
            assert "Traceback" not in err, delay
            assert process.returncode in (0, 130, -signal.SIGINT), (delay, process.returncode)

    def test_stdin_at_a_terminal_says_it_is_waiting(self) -> None:
        import pty

        primary, secondary = pty.openpty()
        process = subprocess.Popen(
            [STRATEGY, "--data", "-", "show", "1"],
            stdin=secondary,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "STRATEGY_CACHE_DIR": "off"},
        )
        os.close(secondary)
        os.write(primary, DATA.read_bytes().replace(b"\n", b"\r\n")[:0] + b"\x04")
        _, err = process.communicate(timeout=30)
        os.close(primary)
        assert err.startswith("reading the report from standard input (end it with Ctrl-D)\n")
        assert process.returncode == 1


class TestSecondRedTeamPass:
    """Each case a second red-team pass found, through the installed command."""

    def test_a_symlink_in_the_cache_is_replaced_not_written_through(self, tmp_path: Path) -> None:
        folder = tmp_path / "cache"
        assert strategy("show", "5", cache=folder).returncode == 0
        (entry,) = report_entries(folder)
        victim = tmp_path / "victim.txt"
        victim.write_text("precious data\n", encoding="utf-8")
        entry.unlink()
        entry.symlink_to(victim)
        assert strategy("show", "5", cache=folder).returncode == 0
        assert victim.read_text(encoding="utf-8") == "precious data\n"
        assert not entry.is_symlink()
        assert stat.S_IMODE(entry.stat().st_mode) == 0o600

    @pytest.mark.parametrize("escape", ["\\ud800", "\\x85", "\\u2028"])
    def test_escaped_characters_no_text_may_hold(self, escape: str, tmp_path: Path) -> None:
        data = tmp_path / "co.yaml"
        data.write_text(
            DATA.read_text(encoding="utf-8").replace(
                "department: CO\n", f'department: "C{escape}O"\n'
            ),
            encoding="utf-8",
        )
        for args in (["--data", str(data), "show", "5"], ["lint", str(data)], ["fmt", str(data)]):
            result = strategy(*args, cache=tmp_path / "cache")
            assert result.returncode == 1, (args, result.stderr)
            assert f"{data}:6:13: T104 department: U+" in result.stdout + result.stderr

    @pytest.mark.parametrize("raw", ["\x85", "\u2028"])
    def test_a_raw_line_break_character_is_not_folded_away(self, raw: str, tmp_path: Path) -> None:
        data = tmp_path / "co.yaml"
        data.write_text(
            DATA.read_text(encoding="utf-8").replace("department: CO\n", f"department: C{raw}O\n"),
            encoding="utf-8",
        )
        result = strategy("--data", str(data), "show", "5")
        assert result.returncode == 1
        assert one_message(result).startswith(f"strategy: error: {data}:6:14: T104 U+")
        lint = strategy("lint", str(data))
        assert f"{data}:6:14: T104 U+" in lint.stdout

    def test_an_argument_that_is_not_text(self, tmp_path: Path) -> None:
        result = subprocess.run(
            [STRATEGY.encode(), b"import", os.fsencode(SOURCE), b"--department", b"D\xff"],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "STRATEGY_CACHE_DIR": "off"},
        )
        assert result.returncode == 2
        assert "--department holds U+DCFF (a lone surrogate, not a character)" in result.stderr

    def test_the_regex_limit_holds_over_many_short_paragraphs(self, tmp_path: Path) -> None:
        data = tmp_path / "many.yaml"
        lines = DATA.read_text(encoding="utf-8").split("\n")
        at = lines.index("    progress:")
        many = ["      2013:"] + ["        - " + "a" * 15 + " i"] * 20_000
        data.write_text("\n".join([*lines[:at], "    progress:", *many, *lines[at + 4 :]]), "utf-8")
        result = strategy(
            "--data", str(data), "search", "--regex", "(a|aa)+b",
            env={"STRATEGY_REGEX_SECONDS": "0.3"},
        )  # fmt: skip
        assert result.returncode == 2, result.stderr
        assert "ran for over 0.3 s and was stopped" in one_message(result)

    def test_diff_and_stats_on_long_plans_of_few_words(self, tmp_path: Path) -> None:
        import random

        chooser = random.Random(1)
        vocabulary = [f"w{n}" for n in range(15)]

        def plan() -> str:
            return " ".join(chooser.choice(vocabulary) for _ in range(20_000))

        data = tmp_path / "long.yaml"
        text = DATA.read_text(encoding="utf-8")
        text = text.replace(
            "Any cross-cutting legislative impediments will be escalated through the Digital"
            " Leaders Network.",
            plan(),
        )
        data.write_text(text, encoding="utf-8")
        for args in (["stats"], ["diff", "2013", "2014", "-a", "12"]):
            result = strategy("--data", str(data), *args, timeout=60)
            assert result.returncode == 0, (args, result.stderr)

    @pytest.mark.parametrize(
        "args",
        [["show", "--", "--5"], ["list", "-y", "--5"], ["show", "9" * 5000], ["show", "５"]],
        ids=["double dash", "option", "5000 digits", "fullwidth"],
    )
    def test_numbers_that_are_not(self, args: list[str]) -> None:
        result = strategy(*args)
        assert result.returncode == 2
        assert "must be a whole number" in one_message(result)

    def test_json_that_could_mean_two_things(self, tmp_path: Path) -> None:
        exported = tmp_path / "e.json"
        assert strategy("export", "-f", "json", "-o", str(exported)).returncode == 0
        document = json.loads(exported.read_text(encoding="utf-8"))
        document["actions"][0]["progress"]["02014"] = [{"text": "smuggled", "items": []}]
        twice = tmp_path / "twice.json"
        twice.write_text(json.dumps(document), encoding="utf-8")
        result = strategy("--data", str(twice), "show", "1")
        assert result.returncode == 1
        assert "year '02014' is not written as a year" in one_message(result)
        huge = tmp_path / "huge.json"
        huge.write_text(
            exported.read_text(encoding="utf-8").replace(
                '"number": 1,', '"number": ' + "9" * 5000 + ",", 1
            ),
            encoding="utf-8",
        )
        assert strategy("--data", str(huge), "show", "1").returncode == 1

    def test_lint_reads_a_json_export_as_json_and_fmt_says_it_is_not_for_json(
        self, tmp_path: Path
    ) -> None:
        exported = tmp_path / "e.json"
        assert strategy("export", "-f", "json", "-o", str(exported)).returncode == 0
        assert strategy("lint", "--select", "S,Y", str(exported)).returncode == 0
        result = strategy("fmt", str(exported))
        assert result.returncode == 1
        assert "fmt keeps YAML data files in the canonical layout, and this is JSON" in (
            result.stderr
        )

    def test_subcommand_help_to_a_full_disk(self) -> None:
        with open("/dev/full", "w") as full:
            result = strategy("show", "--help", stdout=full.fileno())
        assert result.returncode == 1
        assert "No space left on device" in one_message(result)

    def test_export_with_stdout_closed(self) -> None:
        result = subprocess.run(
            [STRATEGY, "export"],
            capture_output=False,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            env={**os.environ, "STRATEGY_CACHE_DIR": "off"},
            preexec_fn=lambda: os.close(1),
        )
        assert result.returncode == 1
        assert one_message(result) == (
            "strategy: error: standard output is closed: nowhere to write the result\n"
        )

    @pytest.mark.parametrize("args", [["show", "5"], ["show", "--help"], ["list"]])
    def test_a_reader_that_reads_nothing(self, args: list[str]) -> None:
        process = subprocess.Popen(
            [STRATEGY, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "STRATEGY_CACHE_DIR": "off"},
        )
        assert process.stdout is not None
        process.stdout.close()
        _, err = process.communicate(timeout=30)
        assert (process.returncode, err) == (0, b"")

    def test_file_names_that_are_not_utf8_are_escaped(self, tmp_path: Path) -> None:
        name = os.fsencode(tmp_path) + b"/bad\xff.yaml"
        with open(name, "w", encoding="utf-8") as handle:
            handle.write(
                DATA.read_text(encoding="utf-8").replace("department: CO", "department: C  O")
            )
        result = subprocess.run(
            [STRATEGY.encode(), b"lint", b"-f", b"json", name],
            capture_output=True,
            check=False,
            env={**os.environ, "STRATEGY_CACHE_DIR": "off"},
        )
        assert b"\xff" not in result.stdout  # valid UTF-8: the name is escaped in the JSON
        assert b"bad\\udcff.yaml" in result.stdout
        findings = json.loads(result.stdout.decode("utf-8"))
        assert findings[0]["code"] == "T102"

    @ROOT_ONLY
    def test_setuid_and_owner_both_kept(self, tmp_path: Path) -> None:
        target = tmp_path / "co.yaml"
        target.write_text(
            DATA.read_text(encoding="utf-8").replace("department: CO", "department:   CO"),
            encoding="utf-8",
        )
        os.chown(target, 1234, 4321)
        os.chmod(target, 0o4751)
        assert strategy("fmt", str(target)).returncode == 0
        info = target.stat()
        assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 4321, 0o4751)

    @pytest.mark.parametrize(
        "damage",
        ["\\ud800", "\\u001b[31m", None],
        ids=["surrogate", "escape", "empty"],
    )
    def test_cache_entries_with_text_no_report_holds_are_rebuilt(
        self, damage: str | None, tmp_path: Path
    ) -> None:
        folder = tmp_path / "cache"
        honest = strategy("show", "1", cache=folder).stdout
        (entry,) = report_entries(folder)
        text = entry.read_text(encoding="utf-8")
        title = '"title": "Departmental and transactional'
        assert title in text
        if damage is None:  # the whole title empty
            document = json.loads(text)
            document["actions"][0]["title"] = ""
            entry.write_text(json.dumps(document), encoding="utf-8")
        else:
            entry.write_text(text.replace(title, f'"title": "{damage}'), encoding="utf-8")
        os.chmod(entry, 0o644)
        result = strategy("show", "1", cache=folder)
        assert (result.returncode, result.stdout) == (0, honest)
        assert stat.S_IMODE(entry.stat().st_mode) == 0o600

    def test_lint_names_a_closed_stdin(self) -> None:
        result = subprocess.run(
            [STRATEGY, "lint", "-"],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "STRATEGY_CACHE_DIR": "off"},
            preexec_fn=lambda: os.close(0),
        )
        assert result.stdout.startswith("<stdin>:1:1: Y100 standard input is closed")
