"""A corpus of broken plans for the keys of SPEC §6 (partners, milestones, flags).

Each is refused by ``ywplan check`` with exit 1, its exact message, its hint and the
exact ``file:line:col``; a plan that uses every new key well passes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run

HEAD = """\
plan: 测试计划
org: 共青团测试市委
year: 2024
items:
  - number: 1
    title: 推进青年发展型城市建设
    lead: 青年发展部
    partners: [组织部, 宣传部]
"""
# Lines 9-10: one target; lines 11-13: two milestones (ids and values from column 14).
TARGETS = """\
    targets:
      - {id: visits, name: 走访, unit: 次, min: 10}
"""
MILESTONES = """\
    milestones:
      - {id: plan-issued, name: 出台实施方案, due: 2024-06-30}
      - {id: review, name: 开展年度评估, due: 2024-11-30}
"""
GOOD = HEAD + TARGETS + MILESTONES


def flags(body: str) -> str:
    """The good plan with a ``flags`` mapping on line 14."""
    return GOOD + f"flags: {{{body}}}\n"


# Problems a case causes besides its own (a misspelt key is also a missing one).
ALSO = {
    "milestone-key-typo": [
        'plans/p.yaml:13:9: error: milestone 1.review is missing the required key "due"'
    ]
}

# (id, plan text, "line:col", message, hint)
CASES: list[tuple[str, str, str, str, str]] = [
    (
        "milestone-id-of-a-target",
        GOOD.replace("id: review", "id: visits"),
        "13:14",
        'id "visits" is used twice in item 1 (first on line 10)',
        "an item's targets and milestones share one set of ids: give this one another",
    ),
    (
        "milestone-id-twice",
        GOOD.replace("id: review", "id: plan-issued"),
        "13:14",
        'id "plan-issued" is used twice in item 1 (first on line 12)',
        "an item's targets and milestones share one set of ids",
    ),
    (
        "target-after-milestone-with-its-id",
        HEAD + MILESTONES + TARGETS.replace("id: visits", "id: review"),
        "13:14",
        'id "review" is used twice in item 1 (first on line 11)',
        "give this one another",
    ),
    (
        "target-id-done",
        GOOD.replace("id: visits", "id: done"),
        "10:14",
        'item 1 cannot use "done" as an id',
        '"done" is kept for recording the whole item done (ywplan done 1); '
        "choose another id, e.g. finished",
    ),
    (
        "milestone-id-done",
        GOOD.replace("id: review", "id: done"),
        "13:14",
        'item 1 cannot use "done" as an id',
        "ywplan done 1",
    ),
    (
        "due-next-year",
        GOOD.replace("2024-11-30", "2025-01-15"),
        "13:41",
        "milestone 1.review is due 2025-01-15, outside the plan year 2024",
        "a due date lies between 2024-01-01 and 2024-12-31",
    ),
    (
        "due-last-year",
        GOOD.replace("2024-06-30", "2023-12-31"),
        "12:46",
        "milestone 1.plan-issued is due 2023-12-31, outside the plan year 2024",
        "a due date lies between 2024-01-01 and 2024-12-31",
    ),
    (
        "due-not-a-day",
        GOOD.replace("2024-06-30", "2024-06-31"),
        "12:46",
        '"due" of milestone 1.plan-issued is not a valid date: 2024-06-31',
        "write it as YYYY-MM-DD, e.g. 2024-06-30",
    ),
    (
        "due-without-dashes",
        GOOD.replace("2024-06-30", "20240630"),
        "12:46",
        '"due" of milestone 1.plan-issued is not a valid date: 20240630',
        "write it as YYYY-MM-DD",
    ),
    (
        "due-empty",
        GOOD.replace(" 2024-06-30", " "),
        "12:46",
        '"due" of milestone 1.plan-issued has no value',
        "write its value after the colon",
    ),
    (
        "milestone-without-name",
        GOOD.replace(" name: 开展年度评估,", ""),
        "13:9",
        'milestone 1.review is missing the required key "name"',
        "add a line name: …",
    ),
    (
        "milestone-key-typo",
        GOOD.replace("due: 2024-11-30", "dew: 2024-11-30"),
        "13:36",
        'unknown key "dew" in milestone 1.review',
        'did you mean "due"?',
    ),
    (
        "milestone-key-unknown",
        GOOD.replace("due: 2024-11-30", "due: 2024-11-30, owner: 张敏"),
        "13:53",
        'unknown key "owner" in milestone 1.review',
        "the keys allowed here: id, name, due",
    ),
    (
        "milestone-bad-id",
        GOOD.replace("id: review", "id: Review"),
        "13:14",
        "the id of milestone 1.Review may hold only lowercase letters, digits and hyphens",
        "for example cadre-training",
    ),
    (
        "partners-not-a-list",
        GOOD.replace("[组织部, 宣传部]", "组织部"),
        "8:15",
        '"partners" of item 1 must be a list',
        "",
    ),
    (
        "partner-empty",
        GOOD.replace("[组织部, 宣传部]", '[组织部, ""]'),
        "8:21",
        '"1" of item 1 must not be empty',
        "",
    ),
    (
        "flags-key-typo",
        flags("red_gaps: 5"),
        "14:9",
        'unknown key "red_gaps" in the plan\'s flags',
        'did you mean "red_gap"?',
    ),
    (
        "due-soon-days-negative",
        flags("due_soon_days: -1"),
        "14:24",
        "flags: due_soon_days is -1; it must be a number of days from 0 to 366",
        "the default is 14: a milestone due within 14 days is due soon (blue)",
    ),
    (
        "due-soon-days-too-many",
        flags("due_soon_days: 400"),
        "14:24",
        "flags: due_soon_days is 400; it must be a number of days from 0 to 366",
        "the default is 14",
    ),
    (
        "due-soon-days-huge",
        flags("due_soon_days: " + "9" * 99),
        "14:24",
        "flags: due_soon_days is " + "9" * 99 + "; it must be a number of days from 0 to 366",
        "the default is 14",
    ),
    (
        "due-soon-days-fraction",
        flags("due_soon_days: 7.5"),
        "14:24",
        '"due_soon_days" of the plan\'s flags must be a whole number',
        "",
    ),
    (
        "red-gap-zero",
        flags("red_gap: 0"),
        "14:18",
        "flags: red_gap is 0; it must be above 0 and at most 100 (percentage points)",
        "the default is 10: a target more than 10 points behind 序时进度 is flagged red",
    ),
    (
        "red-gap-above-100",
        flags("red_gap: 100.5"),
        "14:18",
        "flags: red_gap is 100.5; it must be above 0 and at most 100 (percentage points)",
        "the default is 10",
    ),
    (
        "red-gap-nan",
        flags("red_gap: .nan"),
        "14:18",
        '"red_gap" of the plan\'s flags must be a finite number',
        "write an actual number, not .inf or .nan",
    ),
    (
        "idle-after-negative",
        flags("idle_after: -5"),
        "14:21",
        "flags: idle_after is -5; it must be from 0 to 100 (percent of the year)",
        "the default is 25: an item not started once 序时进度 passes 25% is flagged",
    ),
    (
        "idle-after-above-100",
        flags("idle_after: 101"),
        "14:21",
        "flags: idle_after is 101; it must be from 0 to 100 (percent of the year)",
        "the default is 25",
    ),
    (
        "flags-not-a-mapping",
        GOOD + "flags: red\n",
        "14:8",
        '"flags" of the plan must be a mapping of keys',
        "",
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "where", "message", "hint"), CASES, ids=[c[0] for c in CASES]
)
def test_broken_item_keys_are_refused_with_their_line(
    run: Run, workdir: Path, case: str, text: str, where: str, message: str, hint: str
) -> None:
    (workdir / "plans" / "p.yaml").write_text(text, encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1, result.output
    located = [line for line in result.stderr.splitlines() if line.startswith("plans/p.yaml:")]
    expected = [f"plans/p.yaml:{where}: error: {message}", *ALSO.get(case, [])]
    assert sorted(located) == sorted(expected), result.stderr
    assert hint in result.stderr
    assert "Traceback" not in result.output


def test_a_plan_using_every_new_key_passes(run: Run, workdir: Path) -> None:
    text = flags("due_soon_days: 0, red_gap: 100, idle_after: 0")
    (workdir / "plans" / "p.yaml").write_text(text, encoding="utf-8")
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "error" not in result.output


def test_boundary_dates_of_the_year_are_inside_it(run: Run, workdir: Path) -> None:
    text = GOOD.replace("2024-06-30", "2024-01-01").replace("2024-11-30", "2024-12-31")
    (workdir / "plans" / "p.yaml").write_text(text, encoding="utf-8")
    assert run("check").exit_code == 0


def test_every_problem_of_an_item_is_reported_at_once(run: Run, workdir: Path) -> None:
    text = (
        GOOD.replace("id: review", "id: done")
        .replace("2024-06-30", "2025-06-30")
        .replace("id: visits", "id: plan-issued")
    )
    (workdir / "plans" / "p.yaml").write_text(text + "flags: {red_gap: 0}\n", encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1
    located = [line.split(": ")[0] for line in result.stderr.splitlines() if ": error:" in line]
    assert located == [
        "plans/p.yaml:12:14",  # plan-issued: the target's id on line 10
        "plans/p.yaml:12:46",  # due next year
        "plans/p.yaml:13:14",  # done
        "plans/p.yaml:14:18",  # red_gap
    ]


def test_messages_in_chinese(run: Run, workdir: Path) -> None:
    text = GOOD.replace("id: review", "id: visits").replace("2024-06-30", "2025-06-30")
    (workdir / "plans" / "p.yaml").write_text(text, encoding="utf-8")
    result = run("check", lang="zh")
    assert "plans/p.yaml:13:14: 错误: 事项 1 中的 id“visits”重复(第 10 行已有)" in result.stderr
    assert "提示: 同一事项的目标和里程碑共用一套 id,给这一个换一个" in result.stderr
    assert (
        "plans/p.yaml:12:46: 错误: 里程碑 1.plan-issued 的截止日期 2025-06-30 不在计划年度 2024 内"
        in result.stderr
    )


@pytest.mark.parametrize(
    "text",
    [
        GOOD.replace("    title: 推进青年发展型城市建设\n", ""),
        flags("red_gap: 5").replace("org: 共青团测试市委\n", ""),
        GOOD.replace("year: 2024", "year: twenty"),
    ],
    ids=["item-without-title", "plan-without-org", "plan-with-a-bad-year"],
)
def test_a_broken_plan_with_the_new_keys_is_reported_not_crashed(
    run: Run, workdir: Path, text: str
) -> None:
    # Once check built the valid parts of a broken plan, these three crashed it: raw
    # milestones and flags were left in the partly built plan, and its year unset.
    (workdir / "plans" / "p.yaml").write_text(text, encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1
    assert "error" in result.stderr and "Traceback" not in result.output
