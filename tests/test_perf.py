"""Performance work must not change a single answer: the fast ledger read, the bulk checks
and ``log``'s ledger index give exactly what the plain paths give.

Nothing here is timed; the benchmark only has to run (tiny mode) and print its table.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, Run
from ywplan.store import index as ledger_cache
from ywplan.store import ledger as ledger_mod
from ywplan.store.index import open_index
from ywplan.store.ledger import HEADER_LINE, parse_ledger

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import write_plan

TODAY = "2024-12-31"
_ID = re.compile(
    r"\b[a-z0-9]{8}(?=[:：])|(?<=appended )[a-z0-9]{8}\b"
    r"|(?<=reversed by )[a-z0-9]{8} \(\d{4}-\d\d-\d\d \d\d:\d\d\)"  # a reversal minted here
)


def _masked(text: str) -> str:
    """Output with the fresh entry's id (random) masked."""
    return _ID.sub("<id>", text)


# --- the one-pass regex read equals the row-by-row csv read -------------------------

_field = st.text(alphabet='ab,"\r\n 中1-.', max_size=6)
_row = st.tuples(
    st.sampled_from(["k3f9x2ab00", "zz", "abcdefgh"]),
    st.sampled_from(["2024-05-10", "2024-02-30", "2024-5-1", "２０２４-01-01"]),
    st.sampled_from(["26", "x", "007"]),
    st.sampled_from(["cadre-training", "Bad", "t1"]),
    st.sampled_from(["45", "-2.5", "1e3", "0"]),
    _field,
    _field,
    _field,
    st.sampled_from(["2024-05-10T16:20:05+08:00", "2024-05-10 16:20", "later"]),
    st.sampled_from(["", "k3f9x2ab00", "no"]),
)


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(_row, max_size=6),
    newline=st.sampled_from(["\n", "\r\n"]),
    end=st.booleans(),
    bom=st.booleans(),
)
def test_fast_read_equals_row_by_row(
    rows: list[tuple[str, ...]], newline: str, end: bool, bom: bool
) -> None:
    body = newline.join(",".join(r) for r in rows)
    text = ("\ufeff" if bom else "") + HEADER_LINE + newline + body + (newline if end else "")
    fast = parse_ledger(text, "l.csv")
    plain_text = text.removeprefix("\ufeff")
    entries, problems = ledger_mod._parse_rows(plain_text, "l.csv")
    slow_problems = list(problems)
    if plain_text and not plain_text.endswith("\n"):
        ledger_mod._mark_torn(slow_problems, entries, "l.csv", plain_text.count("\n") + 1)
    assert fast.entries == tuple(entries)
    assert fast.problems == tuple(slow_problems)


def test_province_ledger_reads_the_same_both_ways(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, "p", 3000)
    text = plan.with_name("p.ledger.csv").read_text(encoding="utf-8-sig")
    assert ledger_mod._parse_fast(text, "x") is not None  # the fast path is the one taken
    entries, problems = ledger_mod._parse_rows(text, "x")
    assert parse_ledger(text, "x").entries == tuple(entries)
    assert not problems


# --- log with its index equals log without ------------------------------------------


@pytest.fixture
def twins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Two identical province folders (3,000 entries with undo pairs) and a cache dir."""
    first = tmp_path / "cached" / "plans"
    write_plan(first, "province", 3000)
    second = tmp_path / "plain" / "plans"
    shutil.copytree(first, second)
    monkeypatch.setenv("YWPLAN_CACHE_DIR", str(tmp_path / "cache"))
    return first.parent, second.parent


def _both(run: Run, twins: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    """Run ``ywplan ARGS`` in the cached folder with the index and the plain one without."""
    outputs = []
    for folder, cache in zip(twins, ("on", "off"), strict=True):
        monkeypatch.chdir(folder)
        monkeypatch.setenv("YWPLAN_CACHE", cache)
        result = run(*args, today=TODAY)
        outputs.append((result.exit_code, _masked(result.stdout), _masked(result.stderr)))
    assert outputs[0] == outputs[1]
    return outputs[0][1] + outputs[0][2]


STATUS_VIEWS = (
    ("status", "--format", "json"),
    ("status", "--format", "json", "--as-of", "2024-05-31"),
    ("status", "--format", "json", "--quarter", "2024Q3", "--unit", "东红区"),
    ("status", "--format", "csv", "--unit", "西中县", "--as-of", "2024-11-30"),
    ("status", "--behind"),
    ("status", "--format", "json", "--unit", "南北县"),
)


def _statuses(run: Run, twins: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Every status view is the same from the index as from the whole ledger."""
    for view in STATUS_VIEWS:
        _both(run, twins, monkeypatch, *view)


def _ledger(folder: Path) -> Path:
    return folder / "plans" / "province.ledger.csv"


def _edit_both(twins: tuple[Path, Path], old: str, new: str) -> None:
    """The same in-place edit in both ledgers (same size when *old* and *new* are)."""
    for folder in twins:
        path = _ledger(folder)
        data = path.read_bytes()
        assert data.count(old.encode()) >= 1
        stat = path.stat()
        path.write_bytes(data.replace(old.encode(), new.encode(), 1))
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def _indexed(twins: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether the cached folder's ledger has a usable index now."""
    monkeypatch.setenv("YWPLAN_CACHE", "on")
    return open_index(_ledger(twins[0])) is not None


def _index_files(twins: tuple[Path, Path]) -> list[Path]:
    return list((twins[0].parent / "cache").glob("*.ledger-index"))


def test_log_and_status_are_the_same_with_and_without_the_index(
    run: Run, twins: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _both(run, twins, monkeypatch, "status", "--format", "json")
    assert '"plan"' in first
    _statuses(run, twins, monkeypatch)
    # cold: the index is built from the whole ledger
    out = _both(run, twins, monkeypatch, "log", "1.t1", "7", "--date", "2024-03-01")
    assert "recorded" in out and "指标t1" in out
    assert len(_index_files(twins)) == 1

    def no_rebuild(data: bytes, name: str) -> None:
        raise AssertionError("the index should have been extended, not rebuilt")

    monkeypatch.setattr(ledger_cache, "_build", no_rebuild)
    # warm: extended by the appended lines only; sum, level and growth targets
    for ref, amount in (("1.t1", "5"), ("4.t4", "91.5"), ("8.t8", "1100"), ("4.t4", "70")):
        _both(run, twins, monkeypatch, "log", ref, amount, "--date", "2024-11-30")
    _statuses(run, twins, monkeypatch)
    assert _indexed(twins, monkeypatch)  # the index was used, not bypassed
    # an undo of the latest level reading, then the next log sees the level fall back
    for folder in twins:
        rows = _ledger(folder).read_text(encoding="utf-8").splitlines()
        last_id = rows[-1].split(",")[0]
        monkeypatch.chdir(folder)
        monkeypatch.setenv("YWPLAN_CACHE", "on" if folder == twins[0] else "off")
        assert run("undo", last_id, "--reason", "wrong", today=TODAY).exit_code == 0
    _both(run, twins, monkeypatch, "log", "4.t4", "80", "--date", "2024-01-02")
    _statuses(run, twins, monkeypatch)


def test_an_edit_that_keeps_the_size_is_seen(
    run: Run, twins: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _both(run, twins, monkeypatch, "log", "1.t1", "7", "--date", "2024-03-01")
    # same size, new content and mtime: an amount changed in the middle of the ledger
    text = _ledger(twins[0]).read_text(encoding="utf-8")
    line = next(r for r in text.splitlines()[1500:] if ",1,t1,1" in r and ".5" not in r)
    amount = line.split(",")[4]
    edited = line.replace(f",{amount},", f",{'9' * len(amount)},", 1)
    _edit_both(twins, line, edited)
    out = _both(run, twins, monkeypatch, "log", "1.t1", "1", "--date", "2024-03-01")
    assert "recorded" in out
    assert _indexed(twins, monkeypatch)  # rebuilt from the edited file
    # an entry moved out of the plan year (same size): the warning about errors is the same
    _edit_both(twins, "2024-03-01,1,t1,7", "2023-03-01,1,t1,7")
    out = _both(run, twins, monkeypatch, "log", "1.t1", "2", "--date", "2024-03-02")
    assert "error" in out
    assert "error" in _both(run, twins, monkeypatch, "status", "--format", "json")


def test_a_damaged_index_or_ledger_falls_back(
    run: Run, twins: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _both(run, twins, monkeypatch, "log", "1.t1", "7", "--date", "2024-03-01")
    (store,) = _index_files(twins)
    store.write_bytes(store.read_bytes()[:1000])  # truncated
    _both(run, twins, monkeypatch, "log", "1.t1", "7", "--date", "2024-03-01")
    store.write_bytes(b"garbage")
    _both(run, twins, monkeypatch, "log", "1.t1", "7", "--date", "2024-03-01")
    # a malformed row: no index is trusted, answers stay the same
    for folder in twins:
        with open(_ledger(folder), "ab") as handle:
            handle.write(b"abcdefgh12,2024-05-01,1,t1,zz,,note,clerk,2024-05-01T09:00:00,\n")
    _both(run, twins, monkeypatch, "log", "1.t1", "3", "--date", "2024-03-01")
    # a reversal appended by hand that does not match its entry
    for folder in twins:
        rows = _ledger(folder).read_text(encoding="utf-8").splitlines()
        original = rows[10].split(",")
        bad = [*original]
        bad[0], bad[4], bad[9] = "zzzzzzzz99", "-1", original[0]
        with open(_ledger(folder), "a", encoding="utf-8") as handle:
            handle.write(",".join(bad) + "\n")
    _both(run, twins, monkeypatch, "log", "1.t1", "3", "--date", "2024-03-01")


def test_the_index_lives_outside_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ywplan.store.index import cache_dir

    monkeypatch.delenv("YWPLAN_CACHE_DIR", raising=False)
    monkeypatch.delenv("YWPLAN_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "ywplan"
    monkeypatch.setenv("YWPLAN_CACHE", "off")
    assert cache_dir() is None


# --- the benchmark runs (not timed: CI never fails on a slow machine) ---------------


def test_the_benchmark_runs_in_tiny_mode() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--entries", "300", "--runs", "1"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "status at 300 / floor" in done.stdout
    assert "check of 100 plans" in done.stdout


def test_the_index_counts_the_errors_check_finds(tmp_path: Path) -> None:
    """Every per-entry rule, on plain entries and on reversing lines, for several days."""
    import datetime as dt

    from ywplan.store.ledger import read_ledger
    from ywplan.store.workspace import check_ledger, open_plan

    plan_path = write_plan(tmp_path, "p", 400)
    ledger = plan_path.with_name("p.ledger.csv")
    rows = ledger.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = {
        5: (2, "99"),  # unknown item
        6: (3, "t2"),  # a target of another item
        7: (5, "不存在区"),  # unknown sub-unit
        8: (4, "0"),  # not positive
        9: (1, "2023-06-01"),  # outside the plan year
        10: (1, "2024-12-30"),  # after "today" for the earlier days below
    }
    for line, (column, value) in broken.items():
        fields = rows[line].rstrip("\n").split(",")
        fields[column] = value
        rows[line] = ",".join(fields) + "\n"
    # a reversing pair in a sub-unit the plan does not have: both lines are errors
    at = next(n for n, r in enumerate(rows) if n and r.rstrip("\n").split(",")[9])
    original_id = rows[at].rstrip("\n").split(",")[9]
    for n in (at, next(n for n, r in enumerate(rows) if r.startswith(original_id + ","))):
        fields = rows[n].rstrip("\n").split(",")
        fields[5] = "外省区"
        rows[n] = ",".join(fields) + "\n"
    ledger.write_text("".join(rows), encoding="utf-8")
    index = open_index(ledger)
    assert index is not None
    plan = open_plan(plan_path).plan
    assert plan is not None
    for today in (dt.date(2024, 6, 30), dt.date(2024, 12, 29), dt.date(2025, 3, 1)):
        expected = [
            p for p in check_ledger(plan, read_ledger(ledger), today) if p.severity == "error"
        ]
        assert index.error_count(plan, today) == len(expected) > 0


_entry = st.builds(
    lambda n, d, k, a, u, c: (n, d, k, a, u, c),
    st.integers(0, 7),
    st.integers(1, 60),
    st.sampled_from([(1, "a"), (1, "b"), (2, "a")]),
    st.sampled_from([1.0, 2.5, 0.1, 3.0, 1e-9]),
    st.sampled_from(["", "x", "y"]),
    st.integers(-1, 7),
)


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(_entry, max_size=25),
    as_of=st.integers(1, 70),
    unit=st.sampled_from([None, "x", "y"]),
)
def test_one_pass_tally_and_the_index_equal_the_definition(
    rows: list[tuple[int, int, tuple[int, str], float, str, int]], as_of: int, unit: str | None
) -> None:
    import datetime as dt

    from ywplan.core.model import Entry
    from ywplan.core.progress import Tally, tally

    start = dt.date(2024, 1, 1)
    entries = [
        Entry(
            f"id{n}xxxxxx",
            start + dt.timedelta(days=d),
            k[0],
            k[1],
            a if c < 0 else -a,
            u,
            "",
            "",
            "",
            "" if c < 0 else f"id{c}xxxxxx",
            line,
        )
        for line, (n, d, k, a, u, c) in enumerate(rows, 2)
    ]
    day = start + dt.timedelta(days=as_of)
    # the definition, entry by entry: not a reversing line, not taken back by one, dated
    # on or before the day, of the unit; the latest is the last of the latest date's
    gone = {e.corrects for e in entries if e.corrects}
    expected: dict[tuple[int, str], Tally] = {}
    for entry in entries:
        if entry.corrects or entry.id in gone or entry.date > day:
            continue
        if unit is not None and entry.unit != unit:
            continue
        found = expected.setdefault((entry.item, entry.target), Tally([]))
        found.amounts.append(entry.amount)
        if found.latest_date is None or entry.date >= found.latest_date:
            found.latest_date, found.latest = entry.date, entry.amount
    assert tally(entries, day, unit) == expected
    index = ledger_cache.LedgerIndex()
    index.add(entries, checked=True)
    assert index.tallies(day, unit) == expected


def test_undo_is_the_same_with_and_without_the_index(
    run: Run, twins: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _both(run, twins, monkeypatch, "log", "1.t1", "7", "--date", "2024-03-01")  # index built
    rows = _ledger(twins[0]).read_text(encoding="utf-8").splitlines()[1:-1]  # both folders' rows
    plain = next(r.split(",")[0] for r in reversed(rows) if r.endswith(","))
    taken_back = next(r.split(",")[9] for r in rows if not r.endswith(","))
    reversal = next(r.split(",")[0] for r in rows if not r.endswith(","))
    out = _both(run, twins, monkeypatch, "undo", plain[:10], "--reason", "录错")
    assert "reversed <id>: appended <id>" in out
    assert "was already reversed" in _both(run, twins, monkeypatch, "undo", plain, "--reason", "x")
    assert "was already reversed" in _both(
        run, twins, monkeypatch, "undo", taken_back, "--reason", "x"
    )
    assert "is itself a reversal" in _both(
        run, twins, monkeypatch, "undo", reversal, "--reason", "x"
    )
    # a one-letter prefix no id minted in this test starts with: the two folders minted
    # different random ids, which would match it in one folder and not in the other
    minted = {
        line[0]
        for folder in twins
        for line in _ledger(folder).read_text(encoding="utf-8").splitlines()[len(rows) + 1 :]
    }
    short = next(r[0] for r in rows if r[0] not in minted)
    assert "entries start with" in _both(run, twins, monkeypatch, "undo", short, "--reason", "x")
    assert "no entry id starts with" in _both(
        run, twins, monkeypatch, "undo", "zzzzzzzzzz", "--reason", "x"
    )
    assert _indexed(twins, monkeypatch)
    _statuses(run, twins, monkeypatch)


def test_log_doubts_are_the_same_with_and_without_the_index(
    run: Run, twins: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``log`` reads one target's last entry (a repeat) and one unit's level readings (a
    fall or a jump) from the index, not every entry of the target: the same doubts."""
    _statuses(run, twins, monkeypatch)  # the index is built
    repeat = ("log", "1.t1", "7", "--date", "2024-11-30", "--unit", "东红区")
    _both(run, twins, monkeypatch, *repeat, "--yes")
    assert "the same as the last entry" in _both(run, twins, monkeypatch, *repeat)
    for folder in twins:  # take the first back: the one before it is the last again
        rows = _ledger(folder).read_text(encoding="utf-8").splitlines()
        monkeypatch.chdir(folder)
        monkeypatch.setenv("YWPLAN_CACHE", "on" if folder == twins[0] else "off")
        assert run("undo", rows[-1].split(",")[0], "--reason", "x", today=TODAY).exit_code == 0
    _both(run, twins, monkeypatch, *repeat)
    level = ("log", "4.t4", "--date", "2024-11-30", "--unit", "西中县")
    for amount in ("91.5", "9150", "1"):
        _both(run, twins, monkeypatch, *level[:2], amount, *level[2:])
    for unit in ("东红区", "外省区", ""):
        _both(run, twins, monkeypatch, "log", "4.t4", "50", "--unit", unit, "--yes")
    _statuses(run, twins, monkeypatch)
