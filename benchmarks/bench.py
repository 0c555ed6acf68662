"""Whole-process timings of `strategy`, side by side with the import floor, in one run.

    python benchmarks/bench.py [--runs N] [--part N ...]

Part 1 times the read commands, `lint` and `--help` on the bundled data against the floor,
`python -c "import typer, pydantic, rich.table, ruamel.yaml"`: the cost of the libraries the tool
is built on. Runs are interleaved (floor, command, floor, command, ...) so that machine noise
falls on both alike; min, median and max are printed so that the noise is visible, and the
ratio is of medians. The warm rows use the report cache, as every run after the first does;
`cold` turns the cache off. Every run uses bytecode, as an installed package does (pip compiles
it at install): PYTHONDONTWRITEBYTECODE is dropped for the timed processes.

Part 2 builds a 400-action report (the source's actions repeated and renumbered, written as a
page and imported through `strategy import`), then times import, lint, show and diff on it, and
reports each process's peak memory (max RSS). `import -o` primes the cache, so show and diff are
timed warm, as every read after the first is; their cold times (cache off: the first read of a
file edited by hand) are printed too.

Part 3 feeds hostile files (an alias bomb, 100,000-deep nesting, random binary, NUL bytes, a
Python tag, a scalar just under the 2 MiB limit, a file over it) and checks each is refused, exit 1,
within 5 s and the memory budget.

Part 4 times search at scale: 1 MB of matching text, piped and on a terminal, and a regular
expression that backtracks catastrophically (stopped by its time limit).

Part 6 builds a folder of 24 departments' reports (the bundled report as each department's,
its name and acronym put in for the Cabinet Office's) and times `show 1` across all of them,
cold (cache off) and cached against the floor, and `lint` of the folder.

Part 7 times `strategy site` for the bundled report and for the 24-department folder, and
prints the heaviest page of each.

Part 5 measures the evidence matcher against the hand-judged key in benchmarks/reference/
(co-evidence.yaml, with its rules in README.md there): precision, recall and F1 over (plan item,
progress unit) pairs, beside the baselines the key's README defines.

Budgets: read commands <= 1.2x the floor (median ratio), scorecard <= 1.5x, with whatever
typer is installed (the first line names it; typer 0.29 and later would add its pydantic
adapters to every run, which
the CLI avoids); on 400 actions lint < 3 s, show < 1 s, diff < 2 s, import < 5 s,
scorecard < 1 s, and the evidence work (cold scorecard less cold list) < 1 s; peak
memory < 100 MB; search at scale < 2 s. Exit status 1 if one is missed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "source" / "co.txt"
FLOOR = [sys.executable, "-c", "import typer, pydantic, rich.table, ruamel.yaml"]
READ_BUDGET = 1.2
SCORECARD_BUDGET = 1.5
SCALE_BUDGETS = {"import": 5.0, "lint": 3.0, "show": 1.0, "diff": 2.0, "scorecard": 1.0}
EVIDENCE_BUDGET = 1.0
FOLDER_BUDGETS = {"cold": 1.0, "cached": 1.3, "lint": 3.0}
SITE_BUDGETS = {"bundled": 2.0, "folder": 10.0}
PAGE_BUDGET = 200 * 1024
REFERENCE = ROOT / "benchmarks" / "reference" / "co-evidence.yaml"
MEMORY_BUDGET_MB = 100.0


def strategy() -> list[str]:
    """The installed console script, as users run it (not `python -m`, which adds runpy)."""
    script = shutil.which("strategy", path=str(Path(sys.executable).parent)) or shutil.which(
        "strategy"
    )
    return [script] if script else [sys.executable, "-m", "strategy_cli"]


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall time (s), peak RSS (MB) and exit status of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def stats(samples: list[float]) -> str:
    return (
        f"{min(samples) * 1000:7.1f} {statistics.median(samples) * 1000:7.1f}"
        f" {max(samples) * 1000:7.1f}"
    )


def part_one(runs: int, env: dict[str, str], cold_env: dict[str, str]) -> bool:
    cli = strategy()
    cases: dict[str, tuple[list[str], dict[str, str]]] = {
        "show 5": ([*cli, "show", "5"], env),
        "list": ([*cli, "list"], env),
        "diff 2013 2014": ([*cli, "diff", "2013", "2014"], env),
        "search GOV.UK": ([*cli, "search", "GOV.UK"], env),
        "stats": ([*cli, "stats"], env),
        "scorecard": ([*cli, "scorecard"], env),
        "lint": ([*cli, "lint"], env),
        "--help": ([*cli, "--help"], env),
        "show 5 (cold)": ([*cli, "show", "5"], cold_env),
    }
    for command, case_env in cases.values():  # warm the cache and the OS file cache
        run_once(command, case_env)
    floor: list[float] = []
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (command, case_env) in cases.items():
            floor.append(run_once(FLOOR, env)[0])
            times[name].append(run_once(command, case_env)[0])
    base = statistics.median(floor)
    print(f"Part 1: bundled data, {runs} interleaved runs each (ms: min median max)")
    print(f"  {'floor (import typer, pydantic, rich.table, ruamel.yaml)':58} {stats(floor)}")
    ok = True
    for name, samples in times.items():
        ratio = statistics.median(samples) / base
        gated = name in ("show 5", "list", "diff 2013 2014", "search GOV.UK", "stats")
        budget = READ_BUDGET if gated else SCORECARD_BUDGET if name == "scorecard" else None
        verdict = ("ok" if ratio <= budget else "OVER") if budget is not None else ""
        ok &= verdict != "OVER"
        print(f"  strategy {name:49} {stats(samples)}  {ratio:5.2f}x  {verdict}")
    print(
        f"  (budget: read commands <= {READ_BUDGET}x the floor, scorecard <="
        f" {SCORECARD_BUDGET}x, median against median)"
    )
    return ok


def big_page(actions: int) -> str:
    """The source page with its actions repeated and renumbered up to `actions`."""
    text = SOURCE.read_text(encoding="utf-8")
    head, *blocks = re.split(r"(?m)^(?=Action \d+: )", text)
    out = [head.rstrip("\n")]
    for number in range(1, actions + 1):
        block = blocks[(number - 1) % len(blocks)].rstrip("\n")
        block = re.sub(r"^Action \d+:", f"Action {number}:", block)
        block = re.sub(r"^Action \d+ was added", f"Action {number} was added", block, flags=re.M)
        out.append(block)
    return "\n".join(out)


def part_two(runs: int, env: dict[str, str], cold_env: dict[str, str]) -> bool:
    """400 actions. `import -o` primes the cache, so show and diff right after it are warm,
    as they are for every read after the first; the cold rows (cache off) are the first read
    of a file edited by hand, and are shown for the record, not judged."""
    cli = strategy()
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "big.txt"
        data = Path(folder) / "big.yaml"
        page.write_text(big_page(400), encoding="utf-8")
        cases = {
            "import": ([*cli, "import", str(page), "-o", str(data)], env, "import"),
            "lint": ([*cli, "lint", str(data)], env, "lint"),
            "show 200": ([*cli, "--data", str(data), "show", "200"], env, "show"),
            "diff 2013 2014": ([*cli, "--data", str(data), "diff", "2013", "2014"], env, "diff"),
            "scorecard": ([*cli, "--data", str(data), "scorecard"], env, "scorecard"),
            "show 200 (cold)": ([*cli, "--data", str(data), "show", "200"], cold_env, ""),
            "list (cold)": ([*cli, "--data", str(data), "list"], cold_env, ""),
            "scorecard (cold)": ([*cli, "--data", str(data), "scorecard"], cold_env, ""),
            "diff 2013 2014 (cold)": (
                [*cli, "--data", str(data), "diff", "2013", "2014"],
                cold_env,
                "",
            ),
        }
        status = run_once(cases["import"][0], env)[2]
        size = data.stat().st_size if data.exists() else 0
        print(
            f"\nPart 2: 400 actions ({page.stat().st_size:,} bytes of page, {size:,} bytes of"
            f" YAML; import exit {status}), {runs} runs (s: min median max)"
        )
        medians: dict[str, float] = {}
        for name, (command, case_env, budget_key) in cases.items():
            samples, peaks = [], []
            for _ in range(runs):
                elapsed, peak, _ = run_once(command, case_env)
                samples.append(elapsed)
                peaks.append(peak)
            median = medians[name] = statistics.median(samples)
            line = (
                f"  strategy {name:22} {min(samples):6.2f} {median:6.2f} {max(samples):6.2f}"
                f"   peak {max(peaks):5.1f} MB"
            )
            if budget_key:
                budget = SCALE_BUDGETS[budget_key]
                verdict = "ok" if median < budget and max(peaks) < MEMORY_BUDGET_MB else "OVER"
                ok &= verdict == "ok"
                line += f"   budget {budget:.0f} s   {verdict}"
            print(line)
        work = medians["scorecard (cold)"] - medians["list (cold)"]
        verdict = "ok" if work < EVIDENCE_BUDGET else "OVER"
        ok &= verdict == "ok"
        print(
            f"  evidence work (cold scorecard less cold list): {work:.2f} s"
            f"   budget {EVIDENCE_BUDGET:.0f} s   {verdict}"
        )
    print(f"  (memory budget: {MEMORY_BUDGET_MB:.0f} MB per process; cold = cache off)")
    return ok


def gov_folder(folder: Path) -> None:
    """24 departments' reports: the bundled one as each department's."""
    from strategy_cli.model.departments import DEPARTMENTS

    text = (ROOT / "data" / "co.yaml").read_text(encoding="utf-8")
    for department in DEPARTMENTS[:24]:
        mine = text.replace("department: CO\n", f"department: {department.acronym}\n", 1)
        mine = mine.replace("title: CO's", f"title: {department.acronym}'s", 1)
        mine = mine.replace("Cabinet Office", department.name)
        (folder / f"{department.acronym.lower()}.yaml").write_text(mine, encoding="utf-8")


def part_six(runs: int, env: dict[str, str], cold_env: dict[str, str]) -> bool:
    cli = strategy()
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        gov_folder(Path(folder))
        show = [*cli, "--data", folder, "show", "1"]
        run_once(show, env)  # primes the cache for the cached rows
        floor, cached, cold, lint = [], [], [], []
        for _ in range(runs):
            floor.append(run_once(FLOOR, env)[0])
            cached.append(run_once(show, env)[0])
            cold.append(run_once(show, cold_env)[0])
            lint.append(run_once([*cli, "lint", folder], env)[0])
        base = statistics.median(floor)
        print(
            f"\nPart 6: a folder of 24 departments x 16 actions, {runs} runs (ms: min median max)"
        )
        print(f"  {'floor':40} {stats(floor)}")
        rows = (
            ("show 1 across all, cold (cache off)", cold, "cold", statistics.median(cold)),
            ("show 1 across all, cached", cached, "cached", statistics.median(cached) / base),
            ("lint the folder", lint, "lint", statistics.median(lint)),
        )
        for name, samples, key, measure in rows:
            budget = FOLDER_BUDGETS[key]
            verdict = "ok" if measure <= budget else "OVER"
            ok &= verdict == "ok"
            unit = "x the floor" if key == "cached" else " s"
            shown = f"{measure:.2f}{unit}"
            print(f"  strategy {name:40} {stats(samples)}  {shown:>14}  budget {budget}  {verdict}")
    return ok


def part_seven(runs: int, env: dict[str, str]) -> bool:
    cli = strategy()
    ok = True
    print(f"\nPart 7: strategy site, {runs} runs (s: min median max)")
    with tempfile.TemporaryDirectory() as folder:
        gov = Path(folder) / "gov"
        gov.mkdir()
        gov_folder(gov)
        for name, extra in (("bundled", []), ("folder", ["--data", str(gov)])):
            out = Path(folder) / f"site-{name}"
            samples = [
                run_once([*cli, "site", "-o", str(out), *extra], env)[0] for _ in range(runs)
            ]
            heaviest = max(out.glob("*.html"), key=lambda p: p.stat().st_size)
            size = heaviest.stat().st_size
            median = statistics.median(samples)
            good = median < SITE_BUDGETS[name] and size < PAGE_BUDGET
            ok &= good
            print(
                f"  site, {name:8} {min(samples):6.2f} {median:6.2f} {max(samples):6.2f}"
                f"   budget {SITE_BUDGETS[name]:.0f} s; heaviest page {heaviest.name}"
                f" {size / 1024:.0f} KB (budget 200)   {'ok' if good else 'OVER'}"
            )
    return ok


def part_five() -> bool:
    """The matcher's precision, recall and F1 against the hand-judged key, and the baselines."""
    from ruamel.yaml import YAML

    from strategy_cli.analysis.evidence import assess
    from strategy_cli.analysis.items import progress_units
    from strategy_cli.api import load

    key = YAML(typ="safe").load(REFERENCE.read_text(encoding="utf-8"))
    report = load(ROOT / key["report"], cache=False)
    judged = key["items"]
    gold = {(i, e) for i, v in judged.items() for e in v["evidence"] or []}
    found = {
        (str(a.item.id), str(e.unit.id))
        for a in assess(report)
        if str(a.item.id) in judged
        for e in a.evidence
    }
    units = {u.id: u for y in (2013, 2014) for u in progress_units(report, y)}
    baselines = {
        "A: every progress unit of the item's action": {
            (i, str(u))
            for i in judged
            for u in units
            if str(u).startswith(i.rsplit("/", 1)[0] + "/")
        },
        "B: every progress paragraph of the item's action": {
            (i, str(u))
            for i in judged
            for u in units
            if str(u).startswith(i.rsplit("/", 1)[0] + "/") and u.bullet is None
        },
    }
    print(
        f"\nPart 5: evidence against {REFERENCE.relative_to(ROOT)} ({len(judged)} items,"
        f" {len(gold)} pairs)"
    )
    print(f"  {'':52} {'found':>5} {'right':>5} {'precision':>9} {'recall':>6} {'F1':>5}")
    for name, pairs in {"strategy scorecard (evidence)": found, **baselines}.items():
        right = len(pairs & gold)
        precision = right / len(pairs) if pairs else 0.0
        recall = right / len(gold)
        f1 = 2 * precision * recall / (precision + recall) if right else 0.0
        print(f"  {name:52} {len(pairs):5} {right:5} {precision:9.3f} {recall:6.3f} {f1:5.3f}")
    return True


def hostile_files(folder: Path) -> dict[str, Path]:
    bomb = ["a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']"] + [
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)
    ]
    contents = {
        "alias bomb": "\n".join(bomb).encode(),
        "100,000-deep nesting": b"[" * 100_000 + b"]" * 100_000,
        "random binary": os.urandom(1 << 20),
        "NUL bytes": b"title: a\x00b\n" * 1000,
        "python tag": b"title: !!python/object/apply:os.system ['true']\n",
        "2 MiB scalar (the limit)": b"title: " + b"x" * ((2 << 20) - 9) + b"\n",
    }
    paths = {}
    for number, (name, content) in enumerate(contents.items()):
        paths[name] = folder / f"hostile{number}.yaml"
        paths[name].write_bytes(content)
    paths["1 GiB (over the limit)"] = folder / "huge.yaml"
    with paths["1 GiB (over the limit)"].open("wb") as handle:
        handle.truncate(1 << 30)  # sparse: refused by its size, never read
    return paths


def part_three(cold_env: dict[str, str]) -> bool:
    """Hostile files: refused (exit 1) well under 5 s, within the memory budget."""
    cli = strategy()
    ok = True
    print("\nPart 3: hostile files, `strategy --data FILE show 1`, cache off (s, peak MB, exit)")
    with tempfile.TemporaryDirectory() as folder:
        for name, path in hostile_files(Path(folder)).items():
            elapsed, peak, status = run_once([*cli, "--data", str(path), "show", "1"], cold_env)
            verdict = "ok" if status == 1 and elapsed < 5 and peak < MEMORY_BUDGET_MB else "OVER"
            ok &= verdict == "ok"
            print(f"  {name:26} {elapsed:6.2f} s  {peak:6.1f} MB  exit {status}  {verdict}")
    return ok


def part_four(runs: int, env: dict[str, str]) -> bool:
    """Search at scale: 1 MB of matching text (piped, and on a terminal, where long passages
    are shown as excerpts), and a regular expression that backtracks catastrophically (stopped
    by its time limit, exit 2). Budget: each under 2 s."""
    cli = strategy()
    ok = True
    data_text = (ROOT / "data" / "co.yaml").read_text(encoding="utf-8")
    needle = "No requirement for legislative change was identified."
    with tempfile.TemporaryDirectory() as folder:
        matching = Path(folder) / "matching.yaml"
        matching.write_text(data_text.replace(needle, "digital " * 131_072), encoding="utf-8")
        backtracking = Path(folder) / "backtracking.yaml"
        backtracking.write_text(data_text.replace(needle, "x" * 5_000), encoding="utf-8")
        cases = {
            "search digital, 1 MB matching, piped": (
                [*cli, "--data", str(matching), "search", "digital"],
                env,
                0,
            ),
            "search digital, 1 MB matching, terminal": (
                [*cli, "--data", str(matching), "search", "digital"],
                {**env, "FORCE_COLOR": "1"},
                0,
            ),
            "search --regex '(x+x+)+y' (catastrophic)": (
                [*cli, "--data", str(backtracking), "search", "--regex", "(x+x+)+y"],
                env,
                2,
            ),
        }
        print(f"\nPart 4: search at scale, {runs} runs each, cache warm (s: min median max)")
        for name, (command, case_env, expected) in cases.items():
            run_once(command, case_env)  # fills the cache
            samples, statuses = [], set()
            for _ in range(runs):
                elapsed, _, status = run_once(command, case_env)
                samples.append(elapsed)
                statuses.add(status)
            median = statistics.median(samples)
            verdict = "ok" if median < 2.0 and statuses == {expected} else "OVER"
            ok &= verdict == "ok"
            print(
                f"  {name:44} {min(samples):6.2f} {median:6.2f} {max(samples):6.2f}"
                f"   exit {','.join(map(str, sorted(statuses)))}   budget 2 s   {verdict}"
            )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per case in part 1")
    parser.add_argument("--scale-runs", type=int, default=3, help="runs per case in part 2")
    parser.add_argument(
        "--part", type=int, action="append", choices=range(1, 8), help="only this part (repeatable)"
    )
    args = parser.parse_args()
    parts = set(args.part or range(1, 8))
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "STRATEGY_CACHE_DIR": cache, "NO_COLOR": "1"}
        env.pop("STRATEGY_DATA", None)
        # Timed as installed: pip compiles the package to bytecode, so no user run compiles
        # its source. A shell with PYTHONDONTWRITEBYTECODE set (an editable checkout) would
        # otherwise compile every module of ours on every run, and time that instead.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        cold_env = {**env, "STRATEGY_CACHE_DIR": "off"}
        from importlib.metadata import version

        print(
            f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, typer {version('typer')},"
            f" pydantic {version('pydantic')}, rich {version('rich')}, {strategy()[0]}\n"
        )
        ok = True
        if 1 in parts:
            ok &= part_one(args.runs, env, cold_env)
        if 2 in parts:
            ok &= part_two(args.scale_runs, env, cold_env)
        if 3 in parts:
            ok &= part_three(cold_env)
        if 4 in parts:
            ok &= part_four(args.scale_runs, env)
        if 5 in parts:
            ok &= part_five()
        if 6 in parts:
            ok &= part_six(args.scale_runs, env, cold_env)
        if 7 in parts:
            ok &= part_seven(args.scale_runs, env)
    print("\nall budgets met" if ok else "\nsome budgets missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
