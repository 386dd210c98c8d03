"""``check`` finds a clean ledger clean a chunk at a time, from an index built afresh
from its bytes, and reads it whole only to name what is wrong (issue 17: at 1.5M
entries a whole read held 2 GB). Whatever the ledger, it prints exactly what the whole
read prints.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, Run
from tests.test_cold_build import TODAY, UNITS, _ledger_text, _line
from ywplan.app import check
from ywplan.store import index as ledger_cache
from ywplan.store import ledger as ledger_file
from ywplan.store.ledger import HEADER_LINE, journal_path

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import plan_yaml


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The benchmark's province plan, findings never kept (each check judges afresh)."""
    path = tmp_path / "plans" / "p.yaml"
    path.parent.mkdir()
    path.write_text(plan_yaml(UNITS), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("YWPLAN_CACHE", "off")
    return path


def both_ways(run: Run, monkeypatch: pytest.MonkeyPatch, plan: Path) -> tuple[Any, bool]:
    """``check``'s output, after asserting the whole read prints the same; and whether
    the ledger was read whole by the first run."""
    reads: list[int] = []
    whole = ledger_file.read_ledger

    def counted(path: Path) -> Any:
        reads.append(1)
        return whole(path)

    monkeypatch.setattr(check, "read_ledger", counted)
    result = run("check", str(plan), "--format", "json", today=TODAY)
    text = run("check", str(plan), today=TODAY)
    read_whole = bool(reads)
    monkeypatch.setattr(check, "built_afresh", lambda path: None)
    assert run("check", str(plan), "--format", "json", today=TODAY) == result
    assert run("check", str(plan), today=TODAY) == text
    monkeypatch.undo()
    return (result, text), read_whole


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_line, max_size=40), st.booleans(), st.booleans())
def test_check_prints_what_the_whole_read_prints(
    run: Run,
    monkeypatch: pytest.MonkeyPatch,
    plan: Path,
    lines: list[tuple[Any, ...]],
    crlf: bool,
    bom: bool,
) -> None:
    monkeypatch.chdir(plan.parent.parent)
    monkeypatch.setenv("YWPLAN_CACHE", "off")
    text = HEADER_LINE + "\n" + _ledger_text(lines)
    data = ("\ufeff" if bom else "") + (text.replace("\n", "\r\n") if crlf else text)
    plan.with_name("p.ledger.csv").write_bytes(data.encode("utf-8"))
    both_ways(run, monkeypatch, plan)


def clean_ledger(plan: Path) -> Path:
    ledger = plan.with_name("p.ledger.csv")
    rows = [
        f"id{n:06d}x,2024-0{1 + n % 9}-1{n % 10},1,t1,{n + 1},{UNITS[n % 3]},,clerk,"
        f"2024-01-01T09:00,"
        for n in range(30)
    ]
    ledger.write_text(HEADER_LINE + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return ledger


def test_a_clean_ledger_is_never_read_whole(
    run: Run, monkeypatch: pytest.MonkeyPatch, plan: Path
) -> None:
    clean_ledger(plan)
    (result, _), read_whole = both_ways(run, monkeypatch, plan)
    assert result.exit_code == 0
    assert not read_whole


@pytest.mark.parametrize("case", ["future", "journal", "link", "no newline"])
def test_what_a_clean_index_cannot_tell_is_read_whole(
    run: Run, monkeypatch: pytest.MonkeyPatch, plan: Path, case: str
) -> None:
    ledger = clean_ledger(plan)
    if case == "future":
        with ledger.open("a", encoding="utf-8") as handle:  # a year ahead: an error
            handle.write(f"id999999x,2025-06-01,1,t1,5,{UNITS[0]},,clerk,2024-01-01T09:00,\n")
    elif case == "journal":
        journal_path(ledger).write_text("ywplan-append 1 2 3\n", encoding="ascii")
    elif case == "link":
        ledger.rename(ledger.with_name("real.csv"))
        os.symlink("real.csv", ledger)
    else:
        ledger.write_bytes(ledger.read_bytes().rstrip(b"\n"))
    _, read_whole = both_ways(run, monkeypatch, plan)
    assert read_whole
    assert ledger_cache.built_afresh(ledger) is None or case == "future"
