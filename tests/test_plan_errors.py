"""A corpus of broken plans: each is refused by ``ywplan check`` with exit 1, its message,
its hint and the exact ``file:line:col``."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import Run, write

HEAD = """\
plan: 测试计划
org: 共青团测试市委
year: 2024
units: [甲区, 乙县]
items:
"""
ITEM_1 = """\
  - number: 1
    title: 加强团干部选育管用
    targets:
      - id: cadre-training
        name: 培训团干部
        unit: 人次
"""


def plan(body: str, head: str = HEAD) -> str:
    """A plan whose items start on line 6 (target keys of ITEM_1 on lines 9-11, then line 12)."""
    return head + textwrap.dedent(body).strip("\n").replace("\n", "\n") + "\n"


# (id, text, "line:col", message, hint or None)
CASES: list[tuple[str, str, str, str, str | None]] = [
    (
        "missing-plan-title",
        "org: 团市委\nyear: 2024\nitems: []\n",
        "1:1",
        'the plan is missing the required key "plan"',
        "add a line plan: …",
    ),
    (
        "unknown-key-typo",
        HEAD + ITEM_1 + "        mni: 400\n",
        "12:9",
        'unknown key "mni" in target 1.cadre-training',
        'did you mean "min"?',
    ),
    (
        "unknown-key-no-close-match",
        HEAD + ITEM_1 + "        min: 400\n        colour: red\n",
        "13:9",
        'unknown key "colour" in target 1.cadre-training',
        "the keys allowed here: id, name, unit, min, max, kind, baseline, schedule, by_unit",
    ),
    (
        "duplicate-key",
        HEAD + ITEM_1 + "        min: 400\n        min: 500\n",
        "13:9",
        'duplicate key "min" (already on line 12)',
        "remove or merge one of the two",
    ),
    (
        "min-and-max",
        HEAD + ITEM_1 + "        min: 400\n        max: 500\n",
        "12:9",
        "target 1.cadre-training needs exactly one of min and max",
        "不少于/不低于/以上/至少 (at least) → min",
    ),
    (
        "neither-min-nor-max",
        HEAD + ITEM_1,
        "9:9",
        "target 1.cadre-training needs exactly one of min and max",
        None,
    ),
    (
        "negative-min",
        HEAD + ITEM_1 + "        min: -5\n",
        "12:14",
        '"min" of target 1.cadre-training must be greater than 0',
        None,
    ),
    (
        "infinite-min",
        HEAD + ITEM_1 + "        min: .inf\n",
        "12:14",
        '"min" of target 1.cadre-training must be a finite number',
        None,
    ),
    (
        "quoted-number",
        HEAD + ITEM_1 + '        min: "400"\n',
        "12:14",
        '"min" of target 1.cadre-training must be a number',
        "write a number without quotes or unit, e.g. 400",
    ),
    (
        "number-with-unit",
        HEAD + ITEM_1 + "        min: 400人次\n",
        "12:14",
        '"min" of target 1.cadre-training must be a number',
        "write a number without quotes or unit",
    ),
    (
        "growth-without-baseline",
        HEAD + ITEM_1 + "        min: 5\n        kind: growth\n",
        "13:9",
        "target 1.cadre-training is a growth target and needs a baseline",
        "add baseline: last year's figure",
    ),
    (
        "schedule-goes-down",
        HEAD + ITEM_1 + "        min: 400\n        schedule: {Q1: 100, Q2: 50}\n",
        "13:9",
        "the schedule of target 1.cadre-training goes down: Q2 is 50.0, below Q1",
        "checkpoints are cumulative and must not decrease",
    ),
    (
        "schedule-above-min",
        HEAD + ITEM_1 + "        min: 400\n        schedule: {Q3: 500}\n",
        "13:9",
        "the schedule of target 1.cadre-training has Q3 at 500.0, above the annual min 400.0",
        None,
    ),
    (
        "schedule-q4",
        HEAD + ITEM_1 + "        min: 400\n        schedule: {Q1: 100, Q4: 400}\n",
        "13:29",
        '"Q4" of target 1.cadre-training is not one of the allowed values',
        "allowed: 'Q1', 'Q2' or 'Q3'",
    ),
    (
        "schedule-on-growth",
        HEAD
        + ITEM_1
        + "        min: 5\n        kind: growth\n        baseline: 100\n        schedule: {Q1: 1}\n",
        "15:9",
        "target 1.cadre-training is a growth target and cannot have a schedule",
        "schedule is for sum and level targets only",
    ),
    (
        "unknown-kind",
        HEAD + ITEM_1 + "        min: 400\n        kind: total\n",
        "13:15",
        '"kind" of target 1.cadre-training is not one of the allowed values',
        "allowed: 'sum', 'level' or 'growth'",
    ),
    (
        "quota-for-unknown-unit",
        HEAD + ITEM_1 + "        min: 400\n        by_unit: {甲区: 100, 丙市: 50}\n",
        "13:28",
        '"丙市" in by_unit is not one of the plan\'s units',
        "the units are: 甲区、乙县",
    ),
    (
        "duplicate-item-number",
        HEAD + ITEM_1 + "        min: 400\n  - number: 1\n    title: 重复\n",
        "13:13",
        "item number 1 is used twice (first on line 6)",
        "give this item another number",
    ),
    (
        "duplicate-target-id",
        HEAD
        + ITEM_1
        + "        min: 400\n      - id: cadre-training\n        name: 又一个\n        unit: 场\n        min: 5\n",
        "13:13",
        "target 1.cadre-training appears twice (first on line 9)",
        "target ids must differ within an item",
    ),
    (
        "bad-target-id",
        HEAD + ITEM_1.replace("cadre-training", "Cadre_Training") + "        min: 400\n",
        "9:13",
        "the id of target 1.Cadre_Training may hold only lowercase letters, digits and hyphens",
        "for example cadre-training",
    ),
    (
        "two-digit-year",
        HEAD.replace("year: 2024", "year: 24") + ITEM_1 + "        min: 400\n",
        "3:7",
        '"year" of the plan is out of range',
        "write the year with four digits",
    ),
    (
        "quoted-year",
        HEAD.replace("year: 2024", 'year: "2024"') + ITEM_1 + "        min: 400\n",
        "3:7",
        '"year" of the plan must be a whole number',
        None,
    ),
    (
        "yaml11-no-is-not-false",
        HEAD + "  - number: no\n    title: 事项\n",
        "6:13",
        '"number" of item #1 must be a whole number',
        None,
    ),
    (
        "missing-item-title",
        HEAD + ITEM_1 + "        min: 400\n  - number: 2\n",
        "13:5",
        'item 2 is missing the required key "title"',
        None,
    ),
    (
        "empty-value",
        HEAD.replace("org: 共青团测试市委", "org:") + ITEM_1 + "        min: 400\n",
        "2:5",
        '"org" of the plan has no value',
        "write its value after the colon",
    ),
    (
        "items-not-a-list",
        HEAD + "  number: 1\n",
        "6:3",
        '"items" of the plan must be a list',
        None,
    ),
    (
        "python-tag",
        HEAD + "  - !!python/object/apply:os.system [echo hi]\n",
        "6:5",
        "YAML tags are not allowed: !!python/object/apply:os.system",
        "a plan holds plain text and numbers only",
    ),
    (
        "tab-indentation",
        HEAD + "\t- number: 1\n",
        "6:1",
        "a tab is used for indentation here",
        "YAML indents with spaces only",
    ),
    (
        "not-a-mapping",
        "- 一\n- 二\n",
        "1:1",
        "the top of a plan file must be a mapping of keys",
        None,
    ),
    (
        "duplicate-unit",
        HEAD.replace("[甲区, 乙县]", "[甲区, 乙县, 甲区]") + ITEM_1 + "        min: 400\n",
        "4:17",
        'sub-unit "甲区" is listed twice',
        None,
    ),
    (
        "alias-bomb",
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
        "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
        "6:",
        "the document expands to more than 200000 nodes (an alias bomb?)",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "where", "message", "hint"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_broken_plan_is_refused_with_its_line(
    run: Run, workdir: Path, text: str, where: str, message: str, hint: str | None
) -> None:
    (workdir / "plans" / "p.yaml").write_text(text, encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1, result.output
    assert f"plans/p.yaml:{where}" in result.stderr
    line = next(line for line in result.stderr.splitlines() if line.startswith("plans/p.yaml:"))
    assert line.endswith(f"error: {message}"), line
    if hint is not None:
        assert hint in result.stderr
    assert "Traceback" not in result.output


def test_every_problem_is_reported_in_one_run(run: Run, workdir: Path) -> None:
    write(
        workdir / "plans" / "p.yaml",
        """
        plan: 测试计划
        org: 团市委
        year: 2024
        items:
          - number: 1
            title: 一
            targets:
              - {id: a, name: 甲, unit: 场, min: 5, mni: 3}
              - {id: b, name: 乙, unit: 场, min: -1}
        """,
    )
    result = run("check")
    assert result.exit_code == 1
    located = [line for line in result.stderr.splitlines() if line.startswith("plans/p.yaml:")]
    assert [line.split(": ")[0] for line in located] == ["plans/p.yaml:8:43", "plans/p.yaml:9:40"]


def test_numbering_gap_is_only_a_warning(run: Run, workdir: Path) -> None:
    write(
        workdir / "plans" / "p.yaml",
        """
        plan: 测试计划
        org: 团市委
        year: 2024
        items:
          - {number: 1, title: 一}
          - {number: 4, title: 四}
        """,
    )
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "plans/p.yaml:4:1: warning: item numbers have gaps: 2、3 missing" in result.stderr


def test_gbk_plan_is_named_with_the_fix(run: Run, workdir: Path) -> None:
    (workdir / "plans" / "p.yaml").write_bytes("plan: 测试计划\n".encode("gbk"))
    result = run("check", lang="zh")
    assert result.exit_code == 1
    assert "plans/p.yaml:1:1: 错误: 文件是 GBK/GB18030 编码,不是 UTF-8" in result.stderr
    assert "iconv -f GB18030 -t UTF-8" in result.stderr


def test_messages_in_chinese(run: Run, workdir: Path) -> None:
    (workdir / "plans" / "p.yaml").write_text(
        HEAD + ITEM_1 + "        mni: 400\n", encoding="utf-8"
    )
    result = run("check", lang="zh")
    assert "plans/p.yaml:12:9: 错误: 目标 1.cadre-training中有未知的键“mni”" in result.stderr
    assert "提示: 是不是想写“min”?" in result.stderr


def test_a_plan_that_is_not_there(run: Run, workdir: Path) -> None:
    result = run("check", "plans/nope.yaml")
    assert result.exit_code == 1
    assert "plans/nope.yaml: error: no such file" in result.stderr
