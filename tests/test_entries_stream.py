"""``entries`` streams a clean ledger a run of lines at a time, and writes csv and json
as the runs come: the same bytes as the ledger read whole, never holding it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from itertools import chain
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Run
from tests.test_cold_build import LEDGER_SHAPES, UNITS, LedgerShape, _ledger_text, _line, plan_yaml
from ywplan.core.model import Entry
from ywplan.errors import YwplanError
from ywplan.render.csv import ledger_lines_as_written
from ywplan.store import ledger as ledger_module
from ywplan.store import workspace as workspace_module
from ywplan.store.ledger import HEADER_LINE, entry_runs, read_ledger


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    """The benchmark's province plan (items 1-30, targets t1-t50, 90 sub-units)."""
    path = tmp_path / "p.yaml"
    path.write_text(plan_yaml(UNITS), encoding="utf-8")
    return path


def _write(path: Path, lines: list[tuple[Any, ...]], newline: str, bom: bool, torn: bool) -> str:
    text = HEADER_LINE + "\n" + _ledger_text(lines)
    if torn and text.count("\n") > 1:
        text = text[:-1]  # the last line without its line ending
    text = ("\ufeff" if bom else "") + text.replace("\n", newline)
    path.write_bytes(text.encode("utf-8"))
    return text


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(shape=LEDGER_SHAPES)
def test_the_runs_are_the_entries_read_whole(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    shape: LedgerShape,
) -> None:
    path = tmp_path_factory.mktemp("runs") / "p.ledger.csv"
    _write(path, shape.lines, shape.newline, shape.bom, shape.torn)
    whole = read_ledger(path)
    monkeypatch.setattr(ledger_module, "CHUNK", shape.chunk)
    with path.open("rb") as handle:
        if any(p.severity == "error" for p in whole.problems):
            with pytest.raises(YwplanError):  # a clean ledger is what a caller streams
                list(chain.from_iterable(entry_runs(handle, path.stat().st_size, str(path))))
            return
        runs = list(entry_runs(handle, path.stat().st_size, str(path)))
    assert _comparable(chain.from_iterable(runs)) == _comparable(whole.entries)


def _comparable(entries: Iterable[Entry]) -> list[tuple[object, ...]]:
    """Entries as tuples that compare equal when the same (an empty amount is a NaN)."""
    return [(*e[:4], repr(e.amount), *e[5:]) for e in entries]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=st.lists(_line, max_size=30),
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
    chunk=st.sampled_from([1, 64, 1 << 20]),
    fmt=st.sampled_from(["csv", "json", "txt"]),
    filters=st.sampled_from([(), ("--item", "1"), ("--unit", UNITS[0]), ("--since", "2024-06")]),
)
def test_entries_print_the_same_streamed_and_read_whole(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    run: Run,
    lines: list[tuple[Any, ...]],
    newline: str,
    bom: bool,
    chunk: int,
    fmt: str,
    filters: tuple[str, ...],
) -> None:
    folder = tmp_path_factory.mktemp("same")
    plan = folder / "p.yaml"
    plan.write_text(plan_yaml(UNITS), encoding="utf-8")
    _write(folder / "p.ledger.csv", [x for x in lines if x[0] != "bad"], newline, bom, False)
    monkeypatch.setattr(ledger_module, "CHUNK", chunk)
    args = ("entries", "--plan", str(plan), "--format", fmt, *filters)
    printed, written = [], []
    for cache in ("off", "on"):  # read whole; then streamed from the index it builds
        monkeypatch.setenv("YWPLAN_CACHE", cache)
        result = run(*args, today="2024-12-31")
        printed.append((result.exit_code, result.stdout, result.stderr))
        out = folder / f"{cache}.{fmt}"
        assert run(*args, "-o", str(out), today="2024-12-31").exit_code == result.exit_code
        written.append(out.read_bytes() if out.exists() else None)
    assert printed[0] == printed[1]
    assert written[0] == written[1]


def test_a_clean_ledger_is_never_read_whole(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    lines = [("entry", n, ("1", "t1"), "5", UNITS[n % 3], "ok", "clerk") for n in range(300)]
    _write(plan_path.with_name("p.ledger.csv"), lines, "\n", False, False)
    assert run("status", "--plan", str(plan_path), today="2024-12-31").exit_code == 0  # index
    monkeypatch.setattr(ledger_module, "CHUNK", 512)

    def refused(path: Path) -> None:
        raise AssertionError(f"{path} read whole")

    monkeypatch.setattr(workspace_module, "read_ledger", refused)
    for fmt in ("csv", "json"):
        result = run("entries", "--plan", str(plan_path), "--format", fmt, today="2024-12-31")
        assert result.exit_code == 0
        assert result.stdout.count("clerk") == 300


def test_a_ledger_changed_while_streamed_is_named_and_nothing_is_written(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    ledger = plan_path.with_name("p.ledger.csv")
    lines = [("entry", n, ("1", "t1"), "5", UNITS[0], "ok", "clerk") for n in range(200)]
    _write(ledger, lines, "\n", False, False)
    assert run("status", "--plan", str(plan_path), today="2024-12-31").exit_code == 0
    monkeypatch.setattr(ledger_module, "CHUNK", 512)
    original = ledger_module.line_runs

    def meddled(handle: Any, size: int, chunk: int) -> Any:
        for n, piece in enumerate(original(handle, size, chunk)):
            yield piece.replace(b",2024-", b",2024/") if n == 3 else piece

    monkeypatch.setattr(ledger_module, "line_runs", meddled)
    out = plan_path.with_name("out.csv")
    out.write_text("before", encoding="utf-8")
    result = run("entries", "--plan", str(plan_path), "-o", str(out), "--force", today="2024-12-31")
    assert result.exit_code == 1
    assert "changed while it was read (line " in result.stderr
    assert "run the command again" in result.stderr
    assert out.read_text(encoding="utf-8") == "before"
    assert [p.name for p in out.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_long_export_replaces_only_an_earlier_export(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    """-o judges an output larger than it reads (64 KiB) by its opening, as before."""
    lines = [("entry", n % 300, ("1", "t1"), "5", UNITS[0], "ok", "clerk") for n in range(2000)]
    _write(plan_path.with_name("p.ledger.csv"), lines, "\n", False, False)
    monkeypatch.setattr(ledger_module, "CHUNK", 4096)
    out = plan_path.with_name("out.csv")
    args = ("entries", "--plan", str(plan_path), "-o", str(out))
    assert run(*args, today="2024-12-31").exit_code == 0
    assert out.stat().st_size > 64 * 1024
    assert run(*args, today="2024-12-31").exit_code == 0  # its own earlier export
    out.write_text("名单,电话\n张三,123\n" * 10, encoding="utf-8")
    refused = run(*args, today="2024-12-31")
    assert refused.exit_code == 1
    assert out.read_text(encoding="utf-8").startswith("名单,电话")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_nobody_reads_is_refused_before_a_run_is_made(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    lines = [("entry", n, ("1", "t1"), "5", UNITS[0], "ok", "clerk") for n in range(50)]
    _write(plan_path.with_name("p.ledger.csv"), lines, "\n", False, False)
    pipe = plan_path.with_name("pipe.csv")
    os.mkfifo(pipe)
    made: list[int] = []
    original = ledger_module.line_runs

    def counted(handle: Any, size: int, chunk: int) -> Any:
        for piece in original(handle, size, chunk):
            made.append(len(piece))
            yield piece

    monkeypatch.setattr(ledger_module, "line_runs", counted)
    result = run("entries", "--plan", str(plan_path), "-o", str(pipe), today="2024-12-31")
    assert result.exit_code == 1
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert made == []


def test_a_reader_that_stops_early_ends_the_run_quietly(plan_path: Path) -> None:
    """``ywplan entries | head -1``: the rest of a long export has nowhere to go; ywplan
    stops there, with no bug report and exit 0 (it once said "ywplan failed", exit 70)."""
    import subprocess
    import sys

    lines = [("entry", n % 300, ("1", "t1"), "5", UNITS[0], "ok", "clerk") for n in range(3000)]
    _write(plan_path.with_name("p.ledger.csv"), lines, "\n", False, False)
    env = {**os.environ, "YWPLAN_TODAY": "2024-12-31", "YWPLAN_DEBUG": ""}
    for fmt in ("csv", "json", "txt"):
        process = subprocess.Popen(
            [sys.executable, "-m", "ywplan", "entries", "--plan", str(plan_path), "--format", fmt],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline()
        process.stdout.close()  # as head does once it has its line
        error = process.stderr.read()
        assert process.wait(timeout=60) == 0, error
        assert error == b"", fmt


def test_canonical_lines_are_written_as_they_are_and_only_the_others_read(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    """A whole export copies the lines it would write back unchanged: ``5.0``, a formula
    start and a control character are the only lines read into entries."""
    odd = {7: ("5.0", "ok"), 8: ("5", "=1+1"), 150: ("5", "响\x07铃")}
    lines = []
    for n in range(300):
        amount, note = odd.get(n, ("5", "ok"))
        lines.append(("entry", n, ("1", "t1"), amount, UNITS[n % 3], note, "clerk"))
    _write(plan_path.with_name("p.ledger.csv"), lines, "\n", False, False)
    args = ("entries", "--plan", str(plan_path), "--format", "csv")
    monkeypatch.setenv("YWPLAN_CACHE", "off")
    whole = run(*args, today="2024-12-31").stdout
    monkeypatch.setenv("YWPLAN_CACHE", "on")
    assert run("status", "--plan", str(plan_path), today="2024-12-31").exit_code == 0  # index
    monkeypatch.setattr(ledger_module, "CHUNK", 2048)
    read: list[int] = []
    original = ledger_module._plain_entries

    def counted(text: str, start: int, first: int) -> list[Entry] | None:
        entries = original(text, start, first)
        read.extend(e.line for e in entries or ())
        return entries

    monkeypatch.setattr(ledger_module, "_plain_entries", counted)
    streamed = run(*args, today="2024-12-31")
    assert streamed.exit_code == 0
    assert streamed.stdout == whole
    assert "'=1+1" in whole and "响␇铃" in whole and "5.0" not in whole
    assert len(read) == len(odd)
    with plan_path.with_name("p.ledger.csv").open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        runs = list(ledger_module.written_runs(handle, size, "l", ledger_lines_as_written()))
    assert [e.line for r in runs for e in r.entries] == [n + 2 for n in sorted(odd)]
    assert sum(len(r.entries) + sum(w.count("\n") for w in r.written) for r in runs) == 300
