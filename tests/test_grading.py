"""Grading of sub-units (SPEC §9): a hand-computed scenario, and ``grading``'s plan rules.

The scenario, as of 2024-12-31 (every quota's 序时进度 is the quota itself):

=====  ==============  ==============  ==============  ===================================
unit   1.a (weight 3)  1.b (weight 1)  2.c (weight 1)  score
=====  ==============  ==============  ==============  ===================================
甲     9/10 = 90 %     5/10 = 50 %     12/10 → 100 %   (3·90 + 50 + 100) / 5 = 84.0 良好
乙     6/10 = 60 %     10/10 = 100 %   4/10 = 40 %     (3·60 + 100 + 40) / 5 = 64.0 合格
丙     10/10 = 100 %   9/10 = 90 %     9/10 = 90 %     (300 + 90 + 90) / 5 = 96.0 优秀
丁     2/10 = 20 %     —               —               60 / 3 = 20.0 ... see below
=====  ==============  ==============  ==============  ===================================

丁 holds only quota 1.a: its score is 20 % (weights cancel out), below every band: 不合格.
Unweighted, 甲 would be 80.0 and 乙 66.7: the weights, not the mean, decide these scores,
and the ranking follows the score (丙, 甲, 乙, 丁).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run, write

PLAN = """\
plan: 评分测试
org: 共青团测试市委
year: 2024
units: [甲, 乙, 丙, 丁]
grading:
  bands: {优秀: 90, 良好: 75, 合格: 60}
  weights: {1.a: 3}
items:
  - number: 1
    title: 培训
    targets:
      - {id: a, name: 培训骨干, unit: 人, min: 40, by_unit: {甲: 10, 乙: 10, 丙: 10, 丁: 10}}
      - {id: b, name: 主题活动, unit: 场, min: 30, by_unit: {甲: 10, 乙: 10, 丙: 10}}
  - number: 2
    title: 走访
    targets:
      - {id: c, name: 走访青年, unit: 次, min: 30, by_unit: {甲: 10, 乙: 10, 丙: 10}}
"""

AMOUNTS = {
    "甲": {"1,a": 9, "1,b": 5, "2,c": 12},
    "乙": {"1,a": 6, "1,b": 10, "2,c": 4},
    "丙": {"1,a": 10, "1,b": 9, "2,c": 9},
    "丁": {"1,a": 2},
}


def ledger() -> str:
    lines = ["id,date,item,target,amount,unit,note,by,recorded_at,corrects"]
    n = 0
    for unit, amounts in AMOUNTS.items():
        for ref, amount in amounts.items():
            n += 1
            lines.append(f"grade{n:03d},2024-05-01,{ref},{amount},{unit},,x,2024-05-01T09:00:00,")
    return "\n".join(lines) + "\n"


@pytest.fixture
def graded(workdir: Path) -> Path:
    path = write(workdir / "plans" / "g.yaml", PLAN)
    (workdir / "plans" / "g.ledger.csv").write_text(ledger(), encoding="utf-8")
    return path


def test_scores_and_grades_by_hand(run: Run, graded: Path) -> None:
    result = run("units", "--as-of", "2024-12-31", "--format", "json", today="2025-01-10")
    assert result.exit_code == 0, result.output
    units = json.loads(result.stdout)
    got = [(u["rank"], u["unit"], u["percent"], u["score"], u["grade"]) for u in units]
    assert got == [
        (1, "丙", 93.3, 96.0, "优秀"),
        (2, "甲", 80.0, 84.0, "良好"),
        (3, "乙", 66.7, 64.0, "合格"),
        (4, "丁", 20.0, 20.0, "fail"),
    ]


def test_grades_in_the_table_by_name(run: Run, graded: Path) -> None:
    zh = run("units", "--as-of", "2024-12-31", "--format", "csv", lang="zh", today="2025-01-10")
    assert "得分,等次" in zh.stdout
    assert ",96,优秀" in zh.stdout and ",20,不合格" in zh.stdout
    en = run("units", "--as-of", "2024-12-31", "--format", "csv", today="2025-01-10")
    assert "Score,Grade" in en.stdout and ",20,fail" in en.stdout


def test_every_report_grades(run: Run, graded: Path) -> None:
    result = run("report", "--quarter", "2024Q4", "--format", "json", today="2025-01-10")
    units = json.loads(result.stdout)["units"]
    assert [(u["unit"], u["score"], u["grade"]) for u in units][:2] == [
        ("丙", 96.0, "优秀"),
        ("甲", 84.0, "良好"),
    ]
    text = run("report", "--quarter", "2024Q4", "--format", "txt", lang="zh", today="2025-01-10")
    assert "优秀 ≥ 90、良好 ≥ 75、合格 ≥ 60,其余为不合格" in text.stdout


def test_without_grading_the_score_is_the_percent_and_no_grade(run: Run, workdir: Path) -> None:
    plan = PLAN.split("grading:", maxsplit=1)[0] + PLAN.split("  weights: {1.a: 3}\n")[1]
    write(workdir / "plans" / "g.yaml", plan)
    (workdir / "plans" / "g.ledger.csv").write_text(ledger(), encoding="utf-8")
    result = run("units", "--as-of", "2024-12-31", "--format", "json", today="2025-01-10")
    units = json.loads(result.stdout)
    assert [(u["unit"], u["score"], u["grade"]) for u in units][:2] == [
        ("丙", 93.3, None),
        ("甲", 80.0, None),
    ]
    table = run("units", "--as-of", "2024-12-31", "--format", "csv", today="2025-01-10")
    assert "Grade" not in table.stdout


# --- plan rules -------------------------------------------------------------------------

RULE_CASES = [
    (
        "bands {优秀: 90, 良好: 95, 合格: 60}",
        "  bands: {优秀: 90, 良好: 95, 合格: 60}\n",
        'plans/p.yaml:6:23: error: grading: band "良好" starts at 95, not below "优秀" (90) '
        "above it",
    ),
    (
        "weight of a target that does not exist",
        "  bands: {优秀: 90}\n  weights: {1.aa: 2}\n",
        "plans/p.yaml:7:13: error: grading: the weight names 1.aa, which is not a target "
        "of the plan\n    hint: a weight's key is ITEM.TARGET-ID, e.g. 1.a",
    ),
    (
        "weight zero",
        "  bands: {优秀: 90}\n  weights: {1.a: 0}\n",
        'plans/p.yaml:7:18: error: "1.a" of the plan\'s grading must be greater than 0',
    ),
    (
        "weight on a target without quotas",
        "  bands: {优秀: 90}\n  weights: {2.c: 2}\n",
        "plans/p.yaml:7:13: warning: grading: the weight of 2.c has no effect: the target "
        "has no by_unit quotas",
    ),
    (
        "band above 100",
        "  bands: {优秀: 120}\n",
        'plans/p.yaml:6:15: error: grading: band "优秀" starts at 120; a score is from 0 to 100',
    ),
    (
        "no bands",
        "  weights: {1.a: 2}\n",
        'plans/p.yaml:6:3: error: the plan\'s grading is missing the required key "bands"',
    ),
]

RULE_PLAN = """\
plan: 评分测试
org: 共青团测试市委
year: 2024
units: [甲]
grading:
{grading}items:
  - number: 1
    title: 培训
    targets:
      - {{id: a, name: 培训骨干, unit: 人, min: 40, by_unit: {{甲: 10}}}}
  - number: 2
    title: 走访
    targets:
      - {{id: c, name: 走访青年, unit: 次, min: 30}}
"""


@pytest.mark.parametrize(
    ("case", "grading", "expected"), RULE_CASES, ids=[c[0] for c in RULE_CASES]
)
def test_grading_rules_placed(
    run: Run, workdir: Path, case: str, grading: str, expected: str
) -> None:
    write(workdir / "plans" / "p.yaml", RULE_PLAN.format(grading=grading))
    result = run("check", "plans/p.yaml")
    assert expected in result.output, result.output
    assert result.exit_code == (0 if "warning" in expected else 1)


def test_grading_rules_in_chinese(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", RULE_PLAN.format(grading="  bands: {优秀: 90, 良好: 90}\n"))
    result = run("check", "plans/p.yaml", lang="zh")
    assert "plans/p.yaml:6:23: 错误: grading 的等次“良好”最低分 90 不低于上一等次“优秀”的 90" in (
        result.output
    )
