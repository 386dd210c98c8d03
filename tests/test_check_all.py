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


def test_a_schema_error_does_not_hide_the_plan_rules(run: Run, workdir: Path) -> None:
    write(
        workdir / "plans" / "p.yaml",
        """
        plan: 测试计划
        org: 团市委
        year: 2024
        units: [甲区, 乙县]
        items:
          - number: 1
            title: 一
            targets:
              - {id: a, name: 甲, unit: 场, mni: 5}
              - {id: b, name: 乙, unit: 场, min: 5, by_unit: {丙市: 1}}
          - number: 1
            title: 重复
        """,
    )
    result = run("check")
    assert result.exit_code == 1
    assert located(result.stderr, "plans/p.yaml") == [
        'plans/p.yaml:9:35: error: unknown key "mni" in target 1.a',
        'plans/p.yaml:10:53: error: "丙市" in by_unit is not one of the plan\'s units',
        "plans/p.yaml:11:13: error: item number 1 is used twice (first on line 6)",
    ]


def test_every_broken_part_is_reported_beside_the_rules_of_the_others(
    run: Run, workdir: Path
) -> None:
    write(
        workdir / "plans" / "p.yaml",
        """
        plan: 测试计划
        org: 团市委
        year: 24
        units: [甲区, 甲区]
        items:
          - number: x
            title: 坏序号
          - number: 2
            targets:
              - {id: a, name: 甲, unit: 场, min: 5}
              - {id: a, name: 乙, unit: 场, min: -1}
              - {id: a, name: 丙, unit: 场, min: 5}
        """,
    )
    result = run("check")
    assert result.exit_code == 1
    assert [line.split(": error: ")[0] for line in located(result.stderr, "plans/p.yaml")] == [
        "plans/p.yaml:3:7",  # year out of range
        "plans/p.yaml:4:13",  # 甲区 twice
        "plans/p.yaml:6:13",  # number x
        "plans/p.yaml:8:5",  # item 2 has no title
        "plans/p.yaml:11:40",  # min -1
        "plans/p.yaml:12:14",  # target 2.a twice: the third one, against the first
    ]
    assert "target 2.a appears twice (first on line 10)" in result.stderr


def test_a_partly_built_plan_gives_no_warning_of_the_parts_it_lost() -> None:
    # Item 2 cannot be built: its number is missing from what is checked, but is no gap;
    # its targets are wrong, which does not make the plan one without targets.
    text = """\
plan: 测试计划
org: 团市委
year: 2024
items:
  - number: 1
    title: 一
    text: 培训不少于400人次
  - number: x
    title: 二
  - number: 3
    title: 三
    text: 举办活动不少于10场
    targets:
      - {id: a, name: 甲, unit: 场}
"""
    from ywplan.store.workspace import check_plan

    problems = check_plan(parse_plan(text, "p.yaml"))
    assert [p.key for p in problems] == ["plan.type_integer", "plan.min_max"]


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


def test_a_broken_plan_does_not_hide_its_ledger(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN.replace("year: 2024", "year: 24"))
    duplicate = f"aaaaaaaa11,2024-03-01,1,cadre-training,40,甲区,,张敏,{STAMP},\n"
    (workdir / "plans" / "p.ledger.csv").write_text(
        HEADER + duplicate + duplicate + "bbbbbbbb22,2024-13-01,1,cadre-training,5场,,,,x,\n",
        encoding="utf-8",
    )
    result = run("check", today="2024-06-15")
    assert result.exit_code == 1
    assert located(result.stderr, "plans/p.yaml") == [
        'plans/p.yaml:3:7: error: "year" of the plan is out of range'
    ]
    assert [
        line.split(": error: ")[0] for line in located(result.stderr, "plans/p.ledger.csv")
    ] == [
        "plans/p.ledger.csv:3:1",  # the id twice: needs no plan
        "plans/p.ledger.csv:4:2",
        "plans/p.ledger.csv:4:5",
        "plans/p.ledger.csv:4:9",
    ]


def test_every_wrong_field_of_a_ledger_line_is_named(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    (workdir / "plans" / "p.ledger.csv").write_text(
        HEADER + "bbbbbbbb22,2024-13-01,1,cadre-training,5场,甲区,,,later,\n", encoding="utf-8"
    )
    result = run("check", today="2024-06-15")
    assert result.exit_code == 1
    assert located(result.stderr, "plans/p.ledger.csv") == [
        'plans/p.ledger.csv:2:2: error: invalid date "2024-13-01"',
        'plans/p.ledger.csv:2:5: error: amount "5场" is not a number',
        'plans/p.ledger.csv:2:9: error: invalid recorded_at "later"',
    ]


def test_a_torn_last_line_is_one_problem_whatever_its_fields(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    (workdir / "plans" / "p.ledger.csv").write_text(
        HEADER + "bbbbbbbb22,2024-13-01,1,cadre-training,5场,甲区,,,later,", encoding="utf-8"
    )
    result = run("check", today="2024-06-15")
    assert located(result.stderr, "plans/p.ledger.csv") == [
        "plans/p.ledger.csv:2:1: error: the last line is incomplete (a write was interrupted?)"
    ]


def test_the_summary_names_the_ledger_that_holds_the_errors(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    (workdir / "plans" / "p.ledger.csv").write_text(
        HEADER + f"bbbbbbbb22,2024-03-01,9,cadre-training,5,,,,{STAMP},\n", encoding="utf-8"
    )
    result = run("check", today="2024-06-15")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "✗ plans/p.ledger.csv: 1 error(s), 0 warning(s)"
    zh = run("check", today="2024-06-15", lang="zh")
    assert zh.stderr.splitlines()[-1] == "✗ plans/p.ledger.csv:1 个错误,0 个警告"


def test_the_summary_names_both_files_when_both_hold_errors(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN.replace("year: 2024", "year: 24"))
    (workdir / "plans" / "p.ledger.csv").write_text(
        HEADER + f"bbbbbbbb22,2024-03-01,1,cadre-training,5,,,,{STAMP},x\n", encoding="utf-8"
    )
    result = run("check", today="2024-06-15")
    assert result.stderr.splitlines()[-1] == (
        "✗ plans/p.yaml, plans/p.ledger.csv: 2 error(s), 0 warning(s)"
    )


def test_a_warning_in_the_ledger_keeps_the_plan_in_the_summary(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    (workdir / "plans" / "p.ledger.csv").write_text(
        HEADER + f"bbbbbbbb22,2024-03-01,1,cadre-training,5,,,,{STAMP},", encoding="utf-8"
    )
    result = run("check", today="2024-06-15")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].startswith("✓ plans/p.yaml: 2 items, 2 targets, 1 ")
