"""ywplan's performance benchmark: province scale against the floor of its own interpreter.

    python benchmarks/run.py                 # 150,000 entries, 5 rounds (several minutes)
    python benchmarks/run.py --big           # and ten times it: 1,500,000 entries (longer)
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

from generate import unit_names, write_plan  # noqa: E402
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


Command = tuple[list[str], dict[str, str]]


def measure(commands: dict[str, Command], runs: int, cwd: Path) -> dict[str, Sample]:
    """Run the commands interleaved, *runs* rounds; one untimed warm-up round first.

    A command whose environment names a ``YWPLAN_CACHE_DIR`` ending in ``cold`` starts
    each run with that folder emptied: the index is built from the whole ledger.
    """
    samples = {name: Sample() for name in commands}
    for round_ in range(runs + 1):
        for name, (argv, env) in commands.items():
            if env.get("YWPLAN_CACHE_DIR", "").endswith("cold"):
                shutil.rmtree(env["YWPLAN_CACHE_DIR"], ignore_errors=True)
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
    parser.add_argument("--runs", type=int, default=5, help="timed rounds (median reported)")
    parser.add_argument("--big", action="store_true", help="also ten times the entries")
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it")
    parser.add_argument(
        "--tree-only", action="store_true", help="only the province as a tree of offices"
    )
    args = parser.parse_args(argv)
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ywplan-bench-"))
    try:
        if args.tree_only:
            return 0 if tree_section(root, args.entries, max(args.runs, 1)) else 1
        return run(root, args.entries, max(args.runs, 1), args.big)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


FORMATS = ("txt", "markdown", "csv", "html", "xlsx", "json")


class Bench:
    """One benchmark run: the generated plans, the environments, the table printed."""

    def __init__(self, root: Path, n: int, runs: int) -> None:
        self.root, self.n, self.runs = root, n, runs
        self.py = sys.executable
        self.ywplan = [self.py, "-m", "ywplan"]
        self.env = environment(root)
        self.ok = True

    def plan(self, size: int) -> Path:
        folder = self.root / f"p{size}"
        found = folder / "province.yaml"
        if not found.exists():
            print(f"generating a ledger of {size:,} entries …", flush=True)
            write_plan(folder, "province", size)
        return found

    def cold(self, size: int) -> dict[str, str]:
        """The environment of a run that finds no index (see :func:`measure`)."""
        return {**self.env, "YWPLAN_CACHE_DIR": str(self.root / f"cache-{size}-cold")}

    def floor(self, plan: Path) -> Command:
        return [self.py, "-c", floor_code(plan.with_name("province.ledger.csv"))], self.env

    def command(self, plan: Path, *args: str, env: dict[str, str] | None = None) -> Command:
        return [*self.ywplan, *args, "--plan", str(plan)], env or self.env

    def log(self, plan: Path) -> Command:
        # --yes: every round logs the same entry, which log would otherwise take for a slip
        return self.command(plan, "log", "1.t1", "3", "--date", "2024-06-01", "--yes")

    def report(self, plan: Path, fmt: str) -> Command:
        out = str(self.root / f"report.{fmt}")  # xlsx is written to a file, the rest too
        argv, env = self.command(plan, "report", "--quarter", "2024Q3", "--format", fmt)
        return [*argv, "-o", out, "--force"], env

    def of_one_unit(self, plan: Path) -> dict[str, Command]:
        """The commands about one target or one sub-unit, for their peak memory."""
        unit = unit_names()[0]
        form = str(self.root / "form.csv")
        return {
            "history": self.command(plan, "history", "1.t1"),
            "missing": self.command(plan, "missing", "--month", "2024-11"),
            "form": self.command(plan, "form", "--unit", unit, "--all", "-o", form, "--force"),
            "report_unit": self.command(plan, "report", "--quarter", "2024Q3", "--unit", unit),
        }

    def ratio(self, label: str, value: Sample, base: Sample, goal: float) -> None:
        ratio = value.median / base.median
        good = ratio <= goal
        self.ok &= good
        print(row(label, sec(value.median), sec(base.median), f"{ratio:.2f}", f"<= {goal}", good))

    def info(self, label: str, value: Sample, base: Sample | None = None) -> None:
        ratio = f"{value.median / base.median:.2f}" if base else ""
        print(row(label, sec(value.median), sec(base.median) if base else "", ratio, "", None))

    def peak(self, label: str, samples: dict[str, Sample], limit: float | None) -> None:
        name, worst = max(((k, max(v.rss)) for k, v in samples.items()), key=lambda kv: kv[1])
        mb = worst / 1024
        good = None if limit is None else mb <= limit
        self.ok &= good is not False
        goal = "" if limit is None else f"<= {limit:.0f} MB"
        print(row(f"{label} (the most: {name})", f"{mb:.0f} MB", "", "", goal, good))

    def peaks(self, label: str, samples: dict[str, Sample], limit: float) -> None:
        """Each command's peak memory against *limit*, a line each (the floor's for
        information)."""
        print(label)
        for name, sample in samples.items():
            mb = max(sample.rss) / 1024
            good = None if name == "floor" else mb <= limit
            self.ok &= good is not False
            goal = "" if good is None else f"<= {limit:.0f} MB"
            print(row(f"  {name}", f"{mb:.0f} MB", "", "", goal, good))


def sec(x: float) -> str:
    return f"{x:.3f} s"


def run(root: Path, n: int, runs: int, big: bool) -> int:  # noqa: PLR0915 - one report, top down
    b = Bench(root, n, runs)
    print(f"timing, {runs} interleaved rounds after one warm-up …\n", flush=True)
    main_set = at_size(b, n, n)
    start = startup(b)
    empty = b.plan(0)
    logs = measure({"log_0": b.log(empty), "log_n": b.log(b.plan(n))}, runs, root)
    checks = many_plans(b, n)
    large = None
    if big:
        large_n = n * 10
        large = measure(
            {
                "floor": b.floor(b.plan(large_n)),
                "status": b.command(b.plan(large_n), "status"),
                "report": b.report(b.plan(large_n), "txt"),
                "log_0": b.log(empty),
                "log_n": b.log(b.plan(large_n)),
                "status_cold": b.command(b.plan(large_n), "status", env=b.cold(large_n)),
                "units": b.command(b.plan(large_n), "units"),
                "entries": b.command(b.plan(large_n), "entries", "--format", "csv"),
                "check": ([*b.ywplan, "check", str(b.plan(large_n))], b.env),
                "check_cold": ([*b.ywplan, "check", str(b.plan(large_n))], b.cold(large_n)),
                **b.of_one_unit(b.plan(large_n)),
            },
            runs,
            root,
        )
    growth = grow(b, n, big)
    print(
        f"\nywplan benchmark: {n:,} entries, 30 items, 50 targets, 90 units; "
        f"median of {runs} rounds; {b.py} {sys.version.split()[0]}"
    )
    print(row("measure", "median", "baseline", "ratio", "goal", None).rstrip())
    print("-" * 100)
    s = main_set
    b.ratio(f"status at {n:,} / floor (deps + csv read)", s["status"], s["floor"], 1.0)
    b.ratio(f"status at {n:,}, no index yet (cold) / floor", s["status_cold"], s["floor"], 1.0)
    for fmt in FORMATS:
        b.ratio(f"report --quarter --format {fmt} at {n:,} / floor", s[fmt], s["floor"], 1.0)
    b.ratio(f"units at {n:,} / floor", s["units"], s["floor"], 1.0)
    b.ratio(f"entries --format csv at {n:,} / floor", s["entries"], s["floor"], 1.0)
    b.ratio(f"check at {n:,} / floor", s["check"], s["floor"], 1.0)
    b.info(f"  check at {n:,}, nothing kept yet (info)", s["check_cold"], s["floor"])
    b.ratio(f"log at {n:,} / log at 0", logs["log_n"], logs["log_0"], 1.1)
    b.ratio(
        "TAB completion of `log 2` (bash) / import typer", start["complete"], start["typer"], 1.0
    )
    b.ratio("--version / python -c 'import typer'", start["version"], start["typer"], 1.0)
    b.ratio("--help / import typer", start["help"], start["typer"], 1.5)
    b.peak(f"peak memory at {n:,}, any command", {k: v for k, v in s.items() if k != "floor"}, None)
    print(
        row(
            "  peak memory of the floor (info)",
            f"{max(s['floor'].rss) / 1024:.0f} MB",
            "",
            "",
            "",
            None,
        )
    )
    c = checks["check"].median
    b.ok &= c < 1.0
    label = f"check of 100 plans + ledgers ({max(n // 100, 1):,} entries each)"
    print(row(label, sec(c), "", "", "< 1 s", c < 1.0))
    if large is not None:
        big_n = n * 10
        b.ratio(f"log at {big_n:,} / log at 0", large["log_n"], large["log_0"], 1.2)
        b.ratio(f"status at {big_n:,} / floor", large["status"], large["floor"], 0.5)
        b.ratio(f"report --quarter at {big_n:,} / floor", large["report"], large["floor"], 0.5)
        b.info(f"  status at {big_n:,}, no index yet (info)", large["status_cold"], large["floor"])
        first = f"  check at {big_n:,}, nothing kept yet (info)"
        b.info(first, large["check_cold"], large["floor"])
        b.peaks(f"peak memory at {big_n:,}, each command:", large, 400)
    else:
        print(f"  (at {n * 10:,} entries: run with --big)")
    hledger(b, n)
    print("growth with the ledger (median time; per 10k entries above the smallest):")
    for name, times in growth.items():
        sizes = sorted(times)
        cells = [f"{size:,}: {times[size]:.3f} s" for size in sizes]
        first, last = sizes[0], sizes[-1]
        per = (times[last] - times[first]) / max(last - first, 1) * 10_000 * 1000
        print(f"  {name:<28} " + "   ".join(cells) + f"   ({per:.1f} ms/10k)")
    b.ok &= tree_section(root, n, runs)
    print("all goals met" if b.ok else "some goals missed")
    return 0


def at_size(b: Bench, n: int, size: int) -> dict[str, Sample]:
    """Every command a supervisor runs, at *size* entries, beside the floor."""
    plan = b.plan(size)
    commands: dict[str, Command] = {
        "floor": b.floor(plan),
        "status": b.command(plan, "status"),
        "status_cold": b.command(plan, "status", env=b.cold(size)),
        "units": b.command(plan, "units"),
        "entries": b.command(plan, "entries", "--format", "csv"),
        "check": ([*b.ywplan, "check", str(plan)], b.env),
        "check_cold": ([*b.ywplan, "check", str(plan)], b.cold(size)),
    }
    commands.update({fmt: b.report(plan, fmt) for fmt in FORMATS})
    return measure(commands, b.runs, b.root)


def startup(b: Bench) -> dict[str, Sample]:
    """--version, --help and TAB against importing typer, in a folder with one plan."""
    folder = b.root / "tab"
    (folder / "plans").mkdir(parents=True, exist_ok=True)
    shutil.copy(b.plan(0), folder / "plans" / "province.yaml")
    complete = {
        **b.env,
        "_YWPLAN_COMPLETE": "complete_bash",
        "COMP_WORDS": "ywplan log 2",
        "COMP_CWORD": "2",
    }
    commands: dict[str, Command] = {
        "typer": ([b.py, "-c", "import typer"], b.env),
        "version": ([*b.ywplan, "--version"], b.env),
        "complete": (b.ywplan, complete),
        "help": ([*b.ywplan, "--help"], b.env),
    }
    return measure(commands, b.runs, folder)


def many_plans(b: Bench, n: int) -> dict[str, Sample]:
    """``check`` of 100 office plans with their ledgers (the goal of issue 11)."""
    many = b.root / "many"
    for index in range(100):
        write_plan(many, f"office{index:03d}", max(n // 100, 1), seed=index)
    return measure({"check": ([*b.ywplan, "check", str(many)], b.env)}, b.runs, b.root)


def grow(b: Bench, n: int, big: bool) -> dict[str, dict[int, float]]:
    """status (with and without its index), the quarterly report and log at 1/10, 1 and
    (with --big) 10 times *n* entries."""
    sizes = [max(n // 10, 1), n] + ([n * 10] if big else [])
    found: dict[str, dict[int, float]] = {}
    for size in sizes:
        plan = b.plan(size)
        samples = measure(
            {
                "status": b.command(plan, "status"),
                "status, no index yet": b.command(plan, "status", env=b.cold(size)),
                "report --quarter txt": b.report(plan, "txt"),
                "log": b.log(plan),
            },
            b.runs,
            b.root,
        )
        for name, sample in samples.items():
            found.setdefault(name, {})[size] = sample.median
    return found


HLEDGER_GOAL = 20.0  # the quarterly report at least this many times faster


def hledger(b: Bench, n: int) -> None:
    """The quarterly report against hledger's ``bal --budget -Q`` on the same entries."""
    tool = shutil.which("hledger")
    if tool is None:
        label = f"report vs hledger bal --budget -Q at {n:,}: hledger not installed"
        print(row(label, "", "", "", f">= {HLEDGER_GOAL:.0f}x", None))
        return
    journal = b.root / "bench.journal"
    write_journal(b.plan(n).with_name("province.ledger.csv"), journal)
    samples = measure(
        {
            "hledger": ([tool, "-f", str(journal), "bal", "--budget", "-Q"], b.env),
            "report": b.report(b.plan(n), "txt"),
        },
        b.runs,
        b.root,
    )
    times = samples["hledger"].median / samples["report"].median
    good = times >= HLEDGER_GOAL
    b.ok &= good
    label = f"hledger bal --budget -Q / report --quarter at {n:,}"
    value, base = sec(samples["hledger"].median), sec(samples["report"].median)
    print(row(label, value, base, f"{times:.1f}x", f">= {HLEDGER_GOAL:.0f}x", good))


def write_journal(ledger: Path, journal: Path) -> None:
    """The ledger as an hledger journal: one transaction per entry, a monthly budget per
    target (so ``--budget`` has goals to compare with)."""
    import csv

    with open(ledger, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    targets = sorted({f"{r['item']}:{r['target']}" for r in rows if r["amount"]})
    lines = ["~ monthly"] + [f"    targets:{t}  100" for t in targets] + ["    income", ""]
    for r in rows:
        if not r["amount"]:
            continue
        lines += [
            f"{r['date']} {r['id']}",
            f"    targets:{r['item']}:{r['target']}  {r['amount']}",
            "    income",
            "",
        ]
    journal.write_text("\n".join(lines), encoding="utf-8")


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
    run_id = f"{time.time_ns():x}"
    county = tree / "cities" / "c05" / "counties" / "k00" / "plans" / "county.ledger.csv"
    for round_ in range(runs):
        # as after `git submodule update --remote` brought one county's new line
        with county.open("a", encoding="utf-8") as ledger:
            fresh = f"b{run_id}{round_:04d}"  # a kept tree already has earlier runs' lines
            line = f"{fresh},2024-06-01,1,t1,1,,,bench,2024-06-01T09:00:00+08:00,\n"
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
