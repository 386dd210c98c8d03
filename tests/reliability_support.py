"""Shared pieces of the reliability tests: a small plan, ledger lines, running ywplan for real."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, write

PLAN = """
plan: 测试团委2024年工作要点
org: 测试团委
year: 2024
units: [南湖区, 海宁市]
items:
  - number: 1
    title: 加强团干部选育管用
    targets:
      - id: training
        name: 培训团干部
        unit: 人次
        min: 400
  - number: 2
    title: 基层组织覆盖
    targets:
      - id: coverage
        name: 覆盖率
        unit: "%"
        kind: level
        min: 90
"""
HEADER = "id,date,item,target,amount,unit,note,by,recorded_at,corrects"
TODAY = "2024-06-30"


def line(
    id_: str = "aaaa0001",
    date: str = "2024-05-10",
    amount: str = "45",
    note: str = "",
    *,
    ref: tuple[int, str] = (1, "training"),
    unit: str = "海宁市",
    stamp: str = "2024-05-10T16:20:05+08:00",
    corrects: str = "",
) -> str:
    """One ledger line (without its line ending)."""
    return ",".join((id_, date, str(ref[0]), ref[1], amount, unit, note, "张三", stamp, corrects))


def small_plan(folder: Path) -> Path:
    """Write the small plan into *folder*/plans and return its path."""
    return write(folder / "plans" / "test-2024.yaml", PLAN)


def ledger_of(plan: Path) -> Path:
    """The ledger path beside *plan*."""
    return plan.with_name(plan.stem + ".ledger.csv")


def env(**extra: str) -> dict[str, str]:
    """The environment for a real ``python -m ywplan`` process using this worktree's code."""
    environ = dict(os.environ)
    environ.update(
        PYTHONPATH=str(REPO),
        YWPLAN_LANG="en",
        YWPLAN_TODAY=TODAY,
        YWPLAN_BY="tester",
        LANG="C.UTF-8",
    )
    environ.pop("YWPLAN_PLAN", None)
    environ.update(extra)
    return environ


def ywplan(
    *args: str, cwd: Path, timeout: float = 30, **extra: str
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m ywplan ARGS`` as its own process."""
    return subprocess.run(
        [sys.executable, "-m", "ywplan", *args],
        cwd=cwd,
        env=env(**extra),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
