"""序时进度, actuals and states on a hand-computed scenario, through the core and the CLI."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Run, write
from ywplan.core.kinds import State
from ywplan.core.numbers import round_half_up
from ywplan.core.progress import compute, expected_at, year_fraction
from ywplan.store.ledger import parse_ledger
from ywplan.store.plan_file import parse_plan

PLAN = """
plan: 场景计划
org: 团市委
year: 2024
units: [甲区, 乙县]
items:
  - number: 1
    title: 各类目标
    targets:
      - {id: sum, name: 培训团干部, unit: 人次, min: 400, by_unit: {甲区: 250, 乙县: 150}}
      - {id: level, name: 覆盖率, unit: "%", min: 95, kind: level, baseline: 80}
      - {id: growth, name: 组织数量增长, unit: "%", min: 5, kind: growth, baseline: 1000}
      - {id: cap, name: 经费, unit: 万元, max: 20}
      - {id: sched, name: 青禾集市, unit: 场, min: 100, schedule: {Q1: 10, Q2: 40, Q3: 70}}
      - {id: idle, name: 未开展, unit: 场, min: 3}
      - {id: met, name: 已完成, unit: 家, min: 5}
  - number: 2
    title: 定性事项
"""
S = "2024-06-01T09:00:00+08:00"
LEDGER = f"""id,date,item,target,amount,unit,note,by,recorded_at,corrects
s0000001,2024-03-01,1,sum,100,甲区,,张,{S},
s0000002,2024-04-10,1,sum,50,乙县,,张,{S},
s0000003,2024-04-01,1,sum,20,甲区,录错,张,{S},
s0000004,2024-04-01,1,sum,-20,甲区,撤销,张,{S},s0000003
s0000005,2024-05-20,1,sum,30,甲区,as-of 之后,张,{S},
l0000001,2024-02-01,1,level,85,,,张,{S},
l0000002,2024-04-30,1,level,88,,,张,{S},
l0000003,2024-05-31,1,level,90,,as-of 之后,张,{S},
g0000001,2024-03-31,1,growth,1010,,,张,{S},
g0000002,2024-05-10,1,growth,1020,,,张,{S},
g0000003,2024-05-10,1,growth,1005,,同日后一行为准,张,{S},
c0000001,2024-02-01,1,cap,8,,,张,{S},
c0000002,2024-04-01,1,cap,7,,,张,{S},
c0000003,2024-06-01,1,cap,6,,,张,{S},
t0000001,2024-03-15,1,sched,20,,,张,{S},
m0000001,2024-01-10,1,met,3,,,张,{S},
m0000002,2024-02-10,1,met,3,,,张,{S},
"""
AS_OF = dt.date(2024, 5, 15)
# f = (4 + 15/31) / 12
F = (4 + 15 / 31) / 12


def measured(as_of: dt.date = AS_OF, unit: str | None = None) -> dict[str, object]:
    plan = parse_plan(PLAN).plan
    assert plan is not None
    ledger = parse_ledger(LEDGER)
    assert ledger.problems == ()
    progress = compute(plan, ledger.entries, as_of, unit)
    return {tp.target.id: tp for tp in progress.targets()}


def test_year_fraction_is_exact_at_quarter_ends() -> None:
    assert year_fraction(dt.date(2024, 3, 31)) == 0.25
    assert year_fraction(dt.date(2024, 6, 30)) == 0.5
    assert year_fraction(dt.date(2024, 9, 30)) == 0.75
    assert year_fraction(dt.date(2024, 12, 31)) == 1.0
    assert year_fraction(dt.date(2024, 2, 29)) == pytest.approx(2 / 12)
    assert year_fraction(AS_OF) == pytest.approx(F)


def test_sum_counts_entries_up_to_as_of_and_drops_an_undo_pair() -> None:
    tp = measured()["sum"]
    assert tp.actual == 150  # 100 + 50; 20 and its reversal both gone; 30 is after the as-of date
    assert tp.expected == pytest.approx(400 * F)  # 149.46
    assert tp.state is State.ON_TRACK
    assert tp.percent == 37.5
    assert tp.remaining == 250
    assert tp.gap == pytest.approx(150 - 400 * F)


def test_level_takes_the_latest_value_and_expects_from_the_baseline() -> None:
    tp = measured()["level"]
    assert tp.actual == 88
    assert tp.expected == pytest.approx(80 + 15 * F)  # 85.60
    assert tp.state is State.ON_TRACK
    assert tp.percent == 92.6  # 88 / 95


def test_growth_takes_the_later_line_on_the_same_date() -> None:
    tp = measured()["growth"]
    assert tp.latest == 1005
    assert tp.actual == pytest.approx(0.5)  # (1005 - 1000) / 1000 × 100
    assert tp.expected == pytest.approx(5 * F)  # 1.87
    assert tp.state is State.BEHIND
    assert tp.percent == 10.0


def test_max_is_on_track_within_its_limit_then_done_or_breached_at_year_end() -> None:
    tp = measured()["cap"]
    assert (tp.actual, tp.expected, tp.state) == (15, 20, State.ON_TRACK)
    assert measured(dt.date(2024, 5, 31))["cap"].state is State.ON_TRACK
    year_end = measured(dt.date(2024, 12, 31))["cap"]
    assert (year_end.actual, year_end.state) == (21, State.BREACHED)


def test_schedule_is_linear_between_checkpoints() -> None:
    tp = measured()["sched"]
    assert tp.expected == pytest.approx(10 + 30 * (F - 0.25) / 0.25)  # 24.84
    assert tp.state is State.BEHIND
    assert measured(dt.date(2024, 3, 31))["sched"].expected == pytest.approx(10)
    assert measured(dt.date(2024, 6, 30))["sched"].expected == pytest.approx(40)
    assert measured(dt.date(2024, 12, 31))["sched"].expected == pytest.approx(100)


def test_not_started_and_done() -> None:
    targets = measured()
    assert (targets["idle"].state, targets["idle"].actual) == (State.NOT_STARTED, 0)
    assert (targets["met"].state, targets["met"].actual) == (State.DONE, 6)


def test_a_unit_is_measured_against_its_quota() -> None:
    tp = measured(unit="甲区")["sum"]
    assert tp.goal == 250
    assert tp.actual == 100
    assert tp.expected == pytest.approx(250 * F)  # 93.41
    assert tp.state is State.ON_TRACK
    assert measured(unit="乙县")["sum"].actual == 50


def test_the_same_numbers_through_the_cli(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    (workdir / "plans" / "p.ledger.csv").write_text(LEDGER, encoding="utf-8")
    result = run("status", "--as-of", "2024-05-15", "--format", "json", today="2024-06-30")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["as_of"] == "2024-05-15"
    assert [item["number"] for item in document["items"]] == [1, 2]
    assert document["items"][1]["targets"] == []
    first = document["items"][0]["targets"][0]
    assert first == {
        "id": "sum",
        "name": "培训团干部",
        "unit": "人次",
        "kind": "sum",
        "op": ">=",
        "target": 400,
        "actual": 150,
        "percent": 37.5,
        "expected": 400 * year_fraction(AS_OF),  # exact: 149.46236…, rounded only when shown
        "state": "on_track",
        "remaining": 250,
        "gap": 150 - 400 * year_fraction(AS_OF),
        "entries": 2,
        "flag": "green",  # SPEC §6: each target's 督办 flag beside its state
        "sources": [],  # SPEC §8: no child office feeds it
    }
    states = {t["id"]: t["state"] for t in document["items"][0]["targets"]}
    assert states == {
        "sum": "on_track",
        "level": "on_track",
        "growth": "behind",
        "cap": "on_track",
        "sched": "behind",
        "idle": "not_started",
        "met": "done",
    }


def test_behind_keeps_lagging_targets_and_items(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    (workdir / "plans" / "p.ledger.csv").write_text(LEDGER, encoding="utf-8")
    result = run(
        "status", "--as-of", "2024-05-15", "--behind", "--format", "json", today="2024-06-30"
    )
    document = json.loads(result.stdout)
    # item 2, qualitative, has not started (SPEC §6): status lists every item, so --behind
    # keeps it as it keeps a target not started
    assert [item["number"] for item in document["items"]] == [1, 2]
    assert [t["id"] for t in document["items"][0]["targets"]] == ["growth", "sched", "idle"]
    assert document["items"][1]["state"] == "not_started"


def test_quarter_means_its_last_day(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    (workdir / "plans" / "p.ledger.csv").write_text(LEDGER, encoding="utf-8")
    result = run("status", "--quarter", "2024Q2", "--format", "json", today="2024-12-31")
    assert json.loads(result.stdout)["as_of"] == "2024-06-30"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--as-of", "2025-01-01"), 1, "2025-01-01 is outside the plan year 2024"),
        (("--quarter", "2024Q5"), 1, '"2024Q5" is not a quarter'),
        (("--as-of", "yesterday"), 1, '"yesterday" is not a date'),
        (("--unit", "甲"), 1, 'did you mean "甲区"?'),
        (("--as-of", "2024-05-01", "--quarter", "2024Q2"), 2, "use --as-of or --quarter, not both"),
        (("--format", "xml"), 2, 'unknown format "xml"'),
        (("--lang", "fr"), 2, 'unknown language "fr"'),
    ],
)
def test_status_refusals(
    run: Run, workdir: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    result = run("status", *args, today="2024-06-30")
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.output


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 30)))
def test_year_fraction_grows_day_by_day(day: dt.date) -> None:
    after = day + dt.timedelta(days=1)
    if after.year == day.year:
        assert 0 < year_fraction(day) < year_fraction(after) <= 1


@given(
    st.floats(min_value=1, max_value=1e6),
    st.floats(min_value=0, max_value=1),
    st.floats(min_value=0, max_value=1),
)
def test_expected_is_monotonic_and_ends_at_the_goal(goal: float, f1: float, f2: float) -> None:
    plan = parse_plan(PLAN).plan
    assert plan is not None
    target = plan.items[0].target("sched")
    assert target is not None
    low, high = sorted((f1, f2))
    assert expected_at(target, goal, low) <= expected_at(target, goal, high) + 1e-9
    assert math.isclose(expected_at(target, goal, 1.0), goal)


@given(st.integers(min_value=0, max_value=10**7))
def test_round_half_up_rounds_halves_up(tenths_times_ten: int) -> None:
    value = tenths_times_ten / 100  # two decimals, exactly representable as text
    assert round_half_up(value, 1) == float(f"{int(tenths_times_ten / 10 + 0.5 + 1e-9) / 10:.1f}")
