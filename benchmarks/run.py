"""ywplan's performance benchmark: province scale against the floor of its own interpreter.

    python benchmarks/run.py                 # 150,000 entries, 7 runs (a few minutes)
    python benchmarks/run.py --entries 2000 --runs 1   # a quick smoke run

Every figure is a whole command run in a subprocess, timed with ``time.perf_counter``;
the commands of one comparison run interleaved, round after round, and the median of
the rounds is reported. Ratios against a floor measured in the same run are what the
goals are stated in, so a busy or slow machine shifts both sides alike.

The floor for ``status`` is the same interpreter importing ywplan's declared runtime
dependencies that every status run needs (typer, pydantic, PyYAML, rich, tabulate,
wcwidth, filelock — not openpyxl or python-docx, which only ``report --format xlsx``
and ``import FILE.docx`` load) and reading the ledger with the csv module: no program
that reads the whole ledger with these libraries can do less.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import write_plan  # noqa: E402
from province_tree import CITIES, COUNTIES, write_province  # noqa: E402

DEPS = "import typer, pydantic, yaml, rich, tabulate, wcwidth, filelock, csv"
TODAY = "2024-12-31"


@dataclass
class Sample:
    """The times (seconds) and peak memories (KiB) of one command over the rounds."""

    times: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def environment(root: Path) -> dict[str, str]:
    """The environment of every timed command: this checkout's ywplan, a fixed today.

    Bytecode is cached (in *root*, not in the repository) as it is for an installed
    package: compiling ywplan's sources on every run would be measured otherwise.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        PYTHONPYCACHEPREFIX=str(root / "pycache"),
        PYTHONPATH=str(REPO),
        YWPLAN_TODAY=TODAY,
        YWPLAN_BY="bench",
        YWPLAN_LANG="en",
        YWPLAN_CACHE_DIR=str(root / "cache"),
        YWPLAN_KEY_DIR=str(root / "key"),  # the cache seal's key, never the real home's
        LANG="C.UTF-8",
    )
    for name in ("YWPLAN_PLAN", "YWPLAN_CACHE", "_YWPLAN_COMPLETE", "COMP_WORDS", "COMP_CWORD"):
        env.pop(name, None)
    return env


def timed(argv: Sequence[str], env: dict[str, str], cwd: Path) -> tuple[float, int]:
    """Run *argv* to completion: (wall seconds, the child's peak resident memory in KiB)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stderr.close()
    if child.returncode != 0:
        raise SystemExit(f"failed ({child.returncode}): {' '.join(argv)}\n{errors.decode()}")
    return elapsed, usage.ru_maxrss  # KiB on Linux


def measure(
    commands: dict[str, tuple[list[str], dict[str, str]]], runs: int, cwd: Path
) -> dict[str, Sample]:
    """Run the commands interleaved, *runs* rounds; one untimed warm-up round first."""
    samples = {name: Sample() for name in commands}
    for round_ in range(runs + 1):
        for name, (argv, env) in commands.items():
            elapsed, rss = timed(argv, env, cwd)
            if round_:
                samples[name].times.append(elapsed)
                samples[name].rss.append(rss)
    return samples


def floor_code(ledger: Path) -> str:
    """The floor: import the dependencies, read every row of *ledger* with the csv module."""
    opened = f"open({str(ledger)!r}, encoding='utf-8-sig', newline='')"
    return f"{DEPS}; rows = list(csv.reader({opened}))"


def row(label: str, value: str, base: str, ratio: str, goal: str, ok: bool | None) -> str:
    verdict = "" if ok is None else ("ok" if ok else "MISSED")
    return f"{label:<52} {value:>9} {base:>9} {ratio:>10}  {goal:<9} {verdict}".rstrip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ywplan's performance benchmark")
    parser.add_argument("--entries", type=int, default=150_000, help="province ledger size")
    parser.add_argument("--runs", type=int, default=7, help="timed rounds (median reported)")
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it")
    parser.add_argument(
        "--tree-only", action="store_true", help="only the province as a tree of offices"
    )
    args = parser.parse_args(argv)
    n = args.entries
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ywplan-bench-"))
    try:
        if args.tree_only:
            return 0 if tree_section(root, n, max(args.runs, 1)) else 1
        return run(root, n, max(args.runs, 1))
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def run(root: Path, n: int, runs: int) -> int:  # noqa: PLR0915 - one report, read top down
    py = sys.executable
    sizes = sorted({max(n // 15, 1), max(n // 3, 1), n})
    print(f"generating ledgers of {', '.join(f'{s:,}' for s in sizes)} entries in {root} …")
    plans = {size: write_plan(root / f"p{size}", "province", size) for size in sizes}
    big = plans[n]
    empty = write_plan(root / "empty", "province", 0)
    many = root / "many"
    per_plan = max(n // 100, 1)
    bare = root / "bare"  # the same plan files without ledgers
    bare.mkdir()
    for index in range(100):
        plan = write_plan(many, f"office{index:03d}", per_plan, seed=index)
        shutil.copy(plan, bare / plan.name)
    env = environment(root)
    nocache = {**env, "YWPLAN_CACHE": "off"}
    complete = {
        **env,
        "_YWPLAN_COMPLETE": "complete_bash",
        "COMP_WORDS": "ywplan log ",
        "COMP_CWORD": "2",
    }
    ywplan = [py, "-m", "ywplan"]

    def log(plan: Path) -> list[str]:
        # --yes: every round logs the same entry, which log would otherwise take for a slip
        return [*ywplan, "log", "--plan", str(plan), "1.t1", "3", "--date", "2024-06-01", "--yes"]

    print(f"timing, {runs} interleaved rounds after one warm-up …\n")
    main_set = {
        "floor": ([py, "-c", floor_code(big.with_name(big.stem + ".ledger.csv"))], env),
        "status": ([*ywplan, "status", "--plan", str(big)], env),
        "status_json": ([*ywplan, "status", "--plan", str(big), "--format", "json"], env),
        "status_nocache": ([*ywplan, "status", "--plan", str(big)], nocache),
        "log_big": (log(big), env),
        "log_empty": (log(empty), env),
        "log_nocache": (log(big), nocache),
        "typer": ([py, "-c", "import typer"], env),
        "version": ([*ywplan, "--version"], env),
        "complete": (ywplan, complete),
    }
    s = measure(main_set, runs, root)
    growing = {}
    for k in sizes:
        growing[f"status_{k}"] = ([*ywplan, "status", "--plan", str(plans[k])], env)
        growing[f"status_nocache_{k}"] = ([*ywplan, "status", "--plan", str(plans[k])], nocache)
    growth = measure(growing, runs, root)
    checks = measure(
        {
            "check": ([*ywplan, "check", str(many)], env),
            "check_bare": ([*ywplan, "check", str(bare)], env),
        },
        runs,
        root,
    )

    def sec(x: float) -> str:
        return f"{x:.3f} s"

    print(
        f"ywplan benchmark: {n:,} entries, 30 items, 50 targets, 90 units; "
        f"median of {runs} rounds; {py} {sys.version.split()[0]}"
    )
    print(row("measure", "median", "baseline", "ratio", "goal", None).rstrip())
    print("-" * 100)
    ok = True

    def ratio(label: str, a: str, b: str, goal: float, samples: dict[str, Sample] = s) -> None:
        nonlocal ok
        value, base = samples[a].median, samples[b].median
        good = value / base <= goal
        ok &= good
        print(row(label, sec(value), sec(base), f"{value / base:.2f}", f"<= {goal}", good))

    def info(label: str, a: str, b: str) -> None:
        value, base = s[a].median, s[b].median
        print(row(label, sec(value), sec(base), f"{value / base:.2f}", "", None))

    ratio(f"status at {n:,} / floor (deps + csv read)", "status", "floor", 1.5)
    ratio(f"status --format json at {n:,} / floor", "status_json", "floor", 1.5)
    info(f"  status at {n:,} without the index (info)", "status_nocache", "floor")
    ratio(f"log at {n:,} / log at 0", "log_big", "log_empty", 1.5)
    ratio("--version / python -c 'import typer'", "version", "typer", 1.3)
    ratio("TAB completion (bash) / import typer", "complete", "typer", 1.3)
    info(f"  log at {n:,} without the index (info)", "log_nocache", "log_empty")
    for name, label in (("status", "status"), ("status_nocache", "status without the index")):
        peak = max(s[name].rss) / 1024
        ok &= peak < 300
        print(
            row(f"peak memory, {label} at {n:,}", f"{peak:.0f} MB", "", "", "< 300 MB", peak < 300)
        )
    floor_rss = max(s["floor"].rss) / 1024
    print(row("  peak memory of the floor (info)", f"{floor_rss:.0f} MB", "", "", "", None))
    print("growth of status with the ledger (time per 10k entries above the smallest):")
    first = sizes[0]
    for size in sizes:
        for kind in ("", "_nocache"):
            t = growth[f"status{kind}_{size}"].median
            extra = ""
            if size != first:
                per = (t - growth[f"status{kind}_{first}"].median) / (size - first) * 10_000
                extra = f"{per * 1000:.1f} ms/10k"
            label = f"  status at {size:,}" + (" without the index" if kind else "")
            print(row(label, sec(t), "", extra, "", None))
    c = checks["check"].median
    ok &= c < 1.0
    label = f"check of 100 plans + ledgers ({per_plan:,} entries each)"
    print(row(label, sec(c), "", "", "< 1 s", c < 1.0))
    bare_time = checks["check_bare"].median
    print(row("  check of the 100 plan files alone (info)", sec(bare_time), "", "", "", None))
    ok &= tree_section(root, n, runs)
    print("all goals met" if ok else "some goals missed")
    return 0


def tree_section(root: Path, n: int, runs: int) -> bool:
    """The province as a tree of offices (SPEC §8): each city and county its own plan and
    ledger, the province's status and check reading the whole tree."""
    py = sys.executable
    tree = root / "tree"
    print(f"\ngenerating a province of {CITIES} cities and {COUNTIES} counties in {tree} …")
    province = write_province(tree, n)
    ledgers = sorted(str(p) for p in tree.rglob("*.ledger.csv"))
    floor = f"{DEPS}\nfor name in {ledgers!r}:\n    rows = list(csv.reader(open(name, "
    floor += "encoding='utf-8-sig', newline='')))"
    env = environment(root)
    ywplan = [py, "-m", "ywplan"]
    s = measure(
        {
            "floor": ([py, "-c", floor], env),
            "status": ([*ywplan, "status", "--plan", str(province)], env),
            "status_json": ([*ywplan, "status", "--plan", str(province), "--format", "json"], env),
            "check": ([*ywplan, "check", str(province)], env),
        },
        runs,
        tree,
    )
    print(
        f"province tree: {n:,} entries over {len(ledgers)} ledgers, {CITIES + COUNTIES + 1} "
        f"plans of 30 items and 50 targets; median of {runs} rounds"
    )
    print(row("measure", "median", "baseline", "ratio", "goal", None).rstrip())
    print("-" * 100)
    ok = True
    for name, label, goal in (
        ("status", "status of the province / floor (deps + csv read)", 1.5),
        ("status_json", "status --format json of the province / floor", 1.5),
        ("check", "check of the whole tree / floor", 2.0),
    ):
        value, base = s[name].median, s["floor"].median
        good = value / base <= goal
        ok &= good
        ratio = f"{value / base:.2f}"
        print(row(label, f"{value:.3f} s", f"{base:.3f} s", ratio, f"<= {goal}", good))
    base = s["floor"].median
    news, whole = Sample(), Sample()
    county = tree / "cities" / "c05" / "counties" / "k00" / "plans" / "county.ledger.csv"
    for round_ in range(runs):
        # as after `git submodule update --remote` brought one county's new line
        with county.open("a", encoding="utf-8") as ledger:
            line = f"bench{round_:011d},2024-06-01,1,t1,1,,,bench,2024-06-01T09:00:00+08:00,\n"
            ledger.write(line)
        news.times.append(timed([*ywplan, "status", "--plan", str(province)], env, tree)[0])
        for stale in (root / "cache").glob("*.tree-cache"):
            stale.unlink()
        whole.times.append(timed([*ywplan, "status", "--plan", str(province)], env, tree)[0])
    for sample, label in (
        (news, "  status after one county logged (info)"),
        (whole, "  status reading the whole tree again (info)"),
    ):
        value = sample.median
        print(row(label, f"{value:.3f} s", f"{base:.3f} s", f"{value / base:.2f}", "", None))
    return ok


if __name__ == "__main__":
    raise SystemExit(main())
