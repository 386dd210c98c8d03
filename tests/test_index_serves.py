"""``history``, ``missing``, ``form`` and ``report --unit`` are served by the ledger's
index when it is valid: the same output as the ledger read whole, and a province's
ledger is never held whole (at 1.5M entries a whole read holds about 1.9 GB).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Run
from tests.test_cold_build import UNITS, _ledger_text, _line, plan_yaml
from ywplan.store import workspace as workspace_module
from ywplan.store.ledger import HEADER_LINE

TODAY = "2024-12-31"
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("history", "1.t1", "--format", "json"),
    ("history", "2.t2", "--unit", UNITS[0], "--format", "txt"),
    ("missing", "--month", "2024-06", "--format", "json"),
    ("missing", "--quarter", "2024Q3", "--format", "txt"),
    ("report", "--quarter", "2024Q2", "--unit", UNITS[0], "--format", "json"),
    ("report", "--month", "2024-09", "--unit", UNITS[1], "--format", "txt"),
    ("form", "--unit", UNITS[1], "--all", "--month", "2024-07", "-o", "{out}.csv"),
)


def _folder(tmp: Path, lines: list[tuple[object, ...]]) -> Path:
    plan = tmp / "p.yaml"
    plan.write_text(plan_yaml(UNITS), encoding="utf-8")
    text = HEADER_LINE + "\n" + _ledger_text([x for x in lines if x[0] != "bad"])
    plan.with_name("p.ledger.csv").write_text(text, encoding="utf-8")
    return plan


def _output(run: Run, plan: Path, command: tuple[str, ...], name: str) -> tuple[object, ...]:
    out = plan.with_name(name)
    args = [a.replace("{out}", str(out)) for a in command]
    result = run(*args, "--plan", str(plan), today=TODAY)
    written = out.with_suffix(".csv")
    data = written.read_bytes() if written.exists() else b""
    return result.exit_code, result.stdout, result.stderr.replace(str(out), "OUT"), data


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(_line, min_size=1, max_size=40))
def test_the_index_serves_what_the_whole_ledger_says(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    run: Run,
    lines: list[tuple[object, ...]],
) -> None:
    plan = _folder(tmp_path_factory.mktemp("serves"), lines)
    for command in COMMANDS:
        monkeypatch.setenv("YWPLAN_CACHE", "off")
        whole = _output(run, plan, command, "whole")
        monkeypatch.setenv("YWPLAN_CACHE", "on")
        served = _output(run, plan, command, "served")
        assert served == whole, command


def test_a_clean_ledger_is_not_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    lines = [("entry", n % 300, ("1", "t1"), "5", UNITS[n % 3], "ok", "clerk") for n in range(300)]
    plan = _folder(tmp_path, lines)
    assert run("status", "--plan", str(plan), today=TODAY).exit_code == 0  # builds the index

    def refused(path: Path) -> None:
        raise AssertionError(f"{path} read whole")

    monkeypatch.setattr(workspace_module, "read_ledger", refused)
    for command in COMMANDS:
        assert _output(run, plan, command, "out")[0] == 0, command
