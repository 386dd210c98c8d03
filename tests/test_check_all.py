"""``ywplan check`` reports every problem of every file in one run, and says where they are.

A schema error of one part of a plan does not hide the plan rules of the parts that are
right; a broken plan does not hide its ledger; a ledger line names each of its wrong
fields; the summary names the files that hold the errors.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import Run, write
from ywplan.core.model import Entry
from ywplan.core.rules import each_entry
from ywplan.store.plan_file import parse_plan

PLAN = """
plan: 测试计划
org: 团市委
year: 2024
units: [甲区, 乙县]
items:
  - number: 1
    title: 培训
    targets:
      - {id: cadre-training, name: 培训团干部, unit: 人次, min: 400}
  - number: 2
    title: 活动
    targets:
      - {id: events, name: 活动, unit: 场, min: 10}
"""
HEADER = "id,date,item,target,amount,unit,note,by,recorded_at,corrects\n"
STAMP = "2024-03-02T09:00:00+08:00"


def located(stderr: str, name: str) -> list[str]:
    """``file:line:col: severity: message`` of each finding in *name*, in order."""
    return [line for line in stderr.splitlines() if line.startswith(name + ":")]


def test_a_future_date_names_the_real_today(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    (workdir / "plans" / "p.ledger.csv").write_text(
        HEADER + f"bbbbbbbb22,2024-09-25,1,cadre-training,5,,,,{STAMP},\n", encoding="utf-8"
    )
    result = run("check", today="2024-09-23")
    assert result.exit_code == 1
    assert "error: date 2024-09-25 is after today (2024-09-23)" in result.stderr


def test_the_day_of_slack_stays_silent(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    (workdir / "plans" / "p.ledger.csv").write_text(
        HEADER + f"bbbbbbbb22,2024-09-24,1,cadre-training,5,,,,{STAMP},\n", encoding="utf-8"
    )
    assert run("check", today="2024-09-23").exit_code == 0


def test_each_entry_names_the_real_today() -> None:
    plan = parse_plan(PLAN.lstrip("\n")).plan
    assert plan is not None
    entry = Entry("b" * 10, dt.date(2024, 9, 25), 1, "cadre-training", 5.0, "", "", "", "", "")
    (problem,) = each_entry(plan, [entry._replace(line=2)], dt.date(2024, 9, 23))
    assert problem.args["today"] == "2024-09-23"
