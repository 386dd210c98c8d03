"""Reliability under real conditions: many processes at once, killed processes, two git clones.

These start real processes, so they take seconds, not milliseconds (marked ``slow``;
CI runs them). Waiting is done on events (a file appears, a line is written), never
on fixed sleeps; only the moment of each kill is random, on purpose.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import REPO, Run
from tests.reliability_support import TODAY, env, ledger_of, small_plan, ywplan
from ywplan.store.ledger import HEADER_LINE, journal_path, read_ledger

pytestmark = pytest.mark.slow


def wait_for(condition: object, timeout: float = 30.0) -> None:
    """Poll *condition* (a callable) until it is true; fail after *timeout* seconds."""
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {condition}")
        time.sleep(0.002)


def start_together(
    script: str, count: int, folder: Path, *args: str
) -> list[subprocess.Popen[str]]:
    """Start *count* processes running *script*; each says it is ready, then all go at once."""
    barrier = folder / "barrier"
    barrier.mkdir()
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(barrier), str(i), *args],
            cwd=folder,
            env=env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(count)
    ]
    wait_for(lambda: len(list(barrier.glob("ready-*"))) == count)
    (barrier / "go").touch()
    return processes


def finish(processes: list[subprocess.Popen[str]]) -> None:
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, (out, err)


BARRIER = """
import os, sys, time
barrier, me = sys.argv[1], sys.argv[2]
open(os.path.join(barrier, "ready-" + me), "w").close()
while not os.path.exists(os.path.join(barrier, "go")):
    time.sleep(0.001)
"""

CLERK = (
    BARRIER
    + """
import subprocess
for k in range(int(sys.argv[3])):
    done = subprocess.run(
        [sys.executable, "-m", "ywplan", "log", "1", "1", "--unit", "海宁市", "--note", f"w{me}-{k}"],
        capture_output=True, text=True,
    )
    if done.returncode:
        sys.exit(done.stderr)
"""
)


def test_clerks_logging_at_the_same_moment_all_land_once(run: Run, workdir: Path) -> None:
    """6 clerks × 3 entries, each a real ``python -m ywplan log`` process, started together."""
    plan = small_plan(workdir)
    clerks, each = 6, 3
    finish(start_together(CLERK, clerks, workdir, str(each)))
    ledger = read_ledger(ledger_of(plan))
    assert ledger.problems == ()
    notes = Counter(e.note for e in ledger.entries)
    assert notes == Counter({f"w{i}-{k}": 1 for i in range(clerks) for k in range(each)})
    assert len({e.id for e in ledger.entries}) == clerks * each
    text = ledger.path.read_text(encoding="utf-8")
    assert text.count(HEADER_LINE) == 1 and text.count("\n") == 1 + clerks * each
    result = run("check", today=TODAY)
    assert result.exit_code == 0, result.output
    assert f"{clerks * each} ledger entries" in result.stdout


APPENDER = (
    BARRIER
    + """
import datetime as dt
from pathlib import Path
from ywplan.core.model import new_id
from ywplan.store.ledger import append_entries
from ywplan.core.model import Entry
ledger, rounds = Path(sys.argv[3]), int(sys.argv[4])
for k in range(rounds):
    size = 1 + k % 3
    batch = [
        Entry(new_id(), dt.date(2024, 5, 10), 1, "training", 1.0, "", f"p{me}-{k}-{j}/{size}",
              "t", "2024-05-10T16:20:05+08:00", "")
        for j in range(size)
    ]
    append_entries(ledger, batch)
"""
)


def test_appenders_hammering_one_ledger_lose_nothing(run: Run, workdir: Path) -> None:
    """6 processes × 40 appends of 1–3 lines, in tight loops: every line lands, once, whole."""
    plan = small_plan(workdir)
    ledger_path = ledger_of(plan)
    count, rounds = 6, 40
    finish(start_together(APPENDER, count, workdir, str(ledger_path), str(rounds)))
    ledger = read_ledger(ledger_path)
    assert ledger.problems == ()
    expected = {
        f"p{i}-{k}-{j}/{1 + k % 3}"
        for i in range(count)
        for k in range(rounds)
        for j in range(1 + k % 3)
    }
    assert Counter(e.note for e in ledger.entries) == Counter(expected)
    assert len({e.id for e in ledger.entries}) == len(expected)
    assert run("check", today=TODAY).exit_code == 0


LOOPER = """
import datetime as dt, random, sys
from pathlib import Path
from ywplan.core.model import new_id
from ywplan.store.ledger import append_entries
from ywplan.core.model import Entry
ledger, me = Path(sys.argv[1]), sys.argv[2]
k = 0
while True:
    size = random.randint(1, 40)
    note = f"k{me}-{k}-{{}}/{size}" + "。" * random.randint(0, 60)
    append_entries(ledger, [
        Entry(new_id(), dt.date(2024, 5, 10), 1, "training", 1.0, "", note.format(j),
              "t", "2024-05-10T16:20:05+08:00", "")
        for j in range(size)
    ])
    k += 1
"""


def _assert_whole(ledger_path: Path) -> int:
    """What every command reads: whole lines, each batch all there or not at all.

    A writer killed inside its ``write()`` may leave part of a batch on disk (the kernel
    does not make a write of several pages all-or-nothing); its journal then names the
    length before the batch, readers stop there, and the next append cuts the rest off.
    Returns the number of entries read.
    """
    ledger = read_ledger(ledger_path)
    assert [p.key for p in ledger.problems if p.key != "ledger.interrupted"] == []
    if not ledger_path.read_bytes().endswith(b"\n"):
        assert journal_path(ledger_path).exists()
    found: Counter[str] = Counter()
    sizes: dict[str, int] = {}
    for entry in ledger.entries:
        if "/" in entry.note:  # k<writer>-<batch>-<j>/<size>。。。
            head, size = entry.note.rstrip("。").split("/")
            batch = head.rsplit("-", 1)[0]
            found[batch] += 1
            sizes[batch] = int(size)
    assert found == Counter(sizes), "a batch was split"
    assert len({e.id for e in ledger.entries}) == len(ledger.entries)
    return len(ledger.entries)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_killed_writers_leave_only_whole_lines(run: Run, workdir: Path) -> None:
    """SIGKILL appenders at random moments, 30 times; then real ``ywplan log`` processes, 10 times."""
    plan = small_plan(workdir)
    ledger_path = ledger_of(plan)
    rng = random.Random(20240510)
    for i in range(30):
        before = ledger_path.stat().st_size if ledger_path.exists() else 0
        process = subprocess.Popen(
            [sys.executable, "-c", LOOPER, str(ledger_path), str(i)], env=env(), cwd=workdir
        )
        # the event: this writer has appended at least once; then kill it at a random moment
        wait_for(lambda b=before: ledger_path.exists() and ledger_path.stat().st_size > b)
        time.sleep(rng.uniform(0, 0.02))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        _assert_whole(ledger_path)
    kept = _assert_whole(ledger_path)
    for _ in range(10):
        process = subprocess.Popen(
            [sys.executable, "-m", "ywplan", "log", "1", "1", "--note", "cli"],
            env=env(),
            cwd=workdir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0, 0.4))  # from its start to past its end: any moment
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert _assert_whole(ledger_path) >= kept
    result = run("check", today=TODAY)
    assert result.exit_code == 0, result.output
    # the lock died with each killed process: the next clerk is never locked out
    done = ywplan("log", "1", "1", cwd=workdir, YWPLAN_LOCK_TIMEOUT="2")
    assert done.returncode == 0, done.stderr
    # and that append removed whatever a killed writer left: the file itself is whole
    assert ledger_path.read_bytes().endswith(b"\n")
    assert not journal_path(ledger_path).exists()
    assert read_ledger(ledger_path).problems == ()


def _git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environ = env(
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
    )
    return subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "pull.rebase=false", *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )


def _two_clones(tmp: Path, seed: Path) -> tuple[Path, Path]:
    assert _git("add", "-A", cwd=seed).returncode == 0
    assert _git("commit", "-qm", "plan and ledger", cwd=seed).returncode == 0
    assert (
        _git("clone", "-q", "--bare", str(seed), str(tmp / "origin.git"), cwd=tmp).returncode == 0
    )
    for name in ("a", "b"):
        assert _git("clone", "-q", str(tmp / "origin.git"), name, cwd=tmp).returncode == 0
    return tmp / "a", tmp / "b"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_two_clerks_on_two_clones_merge_cleanly(tmp_path: Path) -> None:
    seed = tmp_path / "seed"
    seed.mkdir()
    assert _git("init", "-q", cwd=seed).returncode == 0
    small_plan(seed)
    first = ywplan("log", "1", "10", "--note", "seed", cwd=seed)
    assert first.returncode == 0, first.stderr
    assert (seed / "plans" / ".gitattributes").read_text() == "*.ledger.csv merge=union\n"
    a, b = _two_clones(tmp_path, seed)
    for clone, note in ((a, "clerk-a"), (b, "clerk-b")):
        logged = ywplan("log", "1", "5", "--unit", "海宁市", "--note", note, cwd=clone)
        assert logged.returncode == 0, logged.stderr
        assert (
            _git("status", "--porcelain", cwd=clone).stdout.strip()
            == "M plans/test-2024.ledger.csv"
        )
        assert _git("commit", "-qam", note, cwd=clone).returncode == 0
    assert _git("push", "-q", cwd=a).returncode == 0
    pulled = _git("pull", "-q", "--no-edit", cwd=b)
    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    checked = ywplan("check", cwd=b)
    assert checked.returncode == 0, checked.stderr
    assert "3 ledger entries" in checked.stdout
    notes = sorted(e.note for e in read_ledger(b / "plans" / "test-2024.ledger.csv").entries)
    assert notes == ["clerk-a", "clerk-b", "seed"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_without_union_merge_git_conflicts_and_check_names_the_markers(tmp_path: Path) -> None:
    """Why the .gitattributes line matters, and what check says if it was missing."""
    seed = tmp_path / "seed"
    seed.mkdir()
    assert _git("init", "-q", cwd=seed).returncode == 0
    plan = small_plan(seed)
    assert ywplan("log", "1", "10", cwd=seed).returncode == 0
    (plan.parent / ".gitattributes").unlink()
    a, b = _two_clones(tmp_path, seed)
    for clone in (a, b):
        assert ywplan("log", "1", "5", cwd=clone).returncode == 0
        assert _git("commit", "-qam", "log", cwd=clone).returncode == 0
    assert _git("push", "-q", cwd=a).returncode == 0
    assert _git("pull", "-q", "--no-edit", cwd=b).returncode != 0  # a conflict
    checked = ywplan("check", cwd=b)
    assert checked.returncode == 1
    assert checked.stderr.count("git conflict marker") == 3
    assert "merge=union" in checked.stderr


def test_worker_scripts_use_this_worktree() -> None:
    """The processes above import ywplan from this checkout, not from an installed copy."""
    out = subprocess.run(
        [sys.executable, "-c", "import ywplan; print(ywplan.__file__)"],
        env=env(),
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO.parent,
    ).stdout
    assert Path(out.strip()).resolve().is_relative_to(REPO.resolve())
