"""Every item tracked (SPEC §6): item and milestone states, 督办 flags and the latest note,
on a hand-computed scenario at several as-of dates, then as properties."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ywplan.core.items import (
    Flag,
    ItemStatus,
    Row,
    amount_empty,
    gap_points,
    row_kind,
    track,
)
from ywplan.core.kinds import State
from ywplan.core.model import Entry, Plan
from ywplan.core.progress import compute
from ywplan.store.plan_file import parse_plan

PLAN = """
plan: 督办场景
org: 团市委
year: 2024
units: [甲区, 乙县]
items:
  - number: 1
    title: 定性事项,无里程碑
    lead: 宣传部
  - number: 2
    title: 只有里程碑
    lead: 青年发展部
    partners: [组织部, 宣传部]
    milestones:
      - {id: plan-issued, name: 出台实施方案, due: 2024-06-30}
      - {id: review, name: 开展年度评估, due: 2024-11-30}
  - number: 3
    title: 里程碑逾期后完成
    milestones:
      - {id: launch, name: 启动, due: 2024-05-31}
  - number: 4
    title: 只有目标
    targets:
      - {id: trained, name: 培训团干部, unit: 人次, min: 400}
  - number: 5
    title: 上限目标
    targets:
      - {id: budget, name: 经费, unit: 万元, max: 20}
  - number: 6
    title: 目标和里程碑
    targets:
      - {id: volunteers, name: 招募志愿者, unit: 人, min: 1000}
    milestones:
      - {id: recruit-plan, name: 印发招募方案, due: 2024-03-15}
  - number: 7
    title: 从未开展的定性事项
  - number: 8
    title: 从未开展的目标
    targets:
      - {id: events, name: 活动, unit: 场, min: 30}
  - number: 9
    title: 从未记录的上限目标
    targets:
      - {id: cost, name: 费用, unit: 万元, max: 5}
"""
NONE = math.nan  # an empty amount, as a float column holds it


def entry(
    n: int,
    day: str,
    item: int,
    target: str = "",
    amount: float = NONE,
    note: str = "",
    unit: str = "",
    corrects: str = "",
) -> Entry:
    """A ledger row; *n* makes its id and its line."""
    return Entry(
        f"e{n:07d}",
        dt.date.fromisoformat(day),
        item,
        target,
        amount,
        unit,
        note,
        "李娜",
        f"{day}T18:00:00+08:00",
        corrects,
        n + 1,
    )


ENTRIES = [
    entry(1, "2024-02-10", 1, note="宣讲3场"),
    entry(2, "2024-05-20", 1, note="宣讲累计12场"),
    entry(3, "2024-10-15", 1, "done", note="全部完成"),
    entry(4, "2024-04-10", 2, note="起草方案"),
    entry(5, "2024-06-20", 2, "plan-issued", note="嘉团发〔2024〕5号"),
    entry(6, "2024-06-10", 3, "launch"),
    entry(7, "2024-02-15", 4, "trained", 50),
    entry(8, "2024-06-10", 4, "trained", 100),
    entry(9, "2024-09-30", 4, "trained", 200),
    entry(10, "2024-12-20", 4, "trained", 60),
    entry(11, "2024-03-10", 5, "budget", 8),
    entry(12, "2024-08-01", 5, "budget", 15),
    entry(13, "2024-03-10", 6, "recruit-plan"),
    entry(14, "2024-03-20", 6, "volunteers", 100),
]


def the_plan() -> Plan:
    plan = parse_plan(PLAN).plan
    assert plan is not None
    return plan


def tracked(
    as_of: str, entries: Sequence[Entry] = ENTRIES, unit: str | None = None
) -> dict[int, ItemStatus]:
    day = dt.date.fromisoformat(as_of)
    found = track(compute(the_plan(), entries, day, unit), entries)
    return {status.item.number: status for status in found}


G, B, Y, R = Flag.GREEN, Flag.BLUE, Flag.YELLOW, Flag.RED
S = State

# Worked by hand: f = (m − 1 + d / days-in-month) / 12 (2024 is a leap year).
SCENARIO: dict[str, dict[int, tuple[State, Flag]]] = {
    # f = 1/31/12 = 0.27 %: nothing is idle yet.
    "2024-01-01": {
        1: (S.NOT_STARTED, G),
        2: (S.NOT_STARTED, G),  # plan-issued due in 181 days
        3: (S.NOT_STARTED, G),  # launch due in 151 days
        4: (S.NOT_STARTED, G),
        5: (S.NOT_STARTED, G),
        6: (S.NOT_STARTED, G),  # recruit-plan due in 74 days
        7: (S.NOT_STARTED, G),
        8: (S.NOT_STARTED, G),
        9: (S.NOT_STARTED, G),
    },
    # f = 2/12; trained: expected 66.7, actual 50, gap 4.2 points ≤ 10; recruit-plan due in 15.
    "2024-02-29": {
        1: (S.IN_PROGRESS, G),
        2: (S.NOT_STARTED, G),
        4: (S.BEHIND, Y),
        6: (S.NOT_STARTED, G),
    },
    # recruit-plan due in exactly 14 days (due_soon_days): due soon, however idle the target.
    "2024-03-01": {6: (S.DUE_SOON, B)},
    # f = 0.25 exactly (idle_after): still green. trained: expected 100, actual 50, gap 12.5.
    # volunteers: expected 250, actual 100 (gap 15); recruit-plan done on 03-10.
    "2024-03-31": {
        1: (S.IN_PROGRESS, G),
        2: (S.NOT_STARTED, G),
        4: (S.BEHIND, R),
        5: (S.ON_TRACK, G),
        6: (S.BEHIND, R),
        7: (S.NOT_STARTED, G),
        8: (S.NOT_STARTED, G),
        9: (S.NOT_STARTED, G),
    },
    # f = (3 + 1/30)/12 = 25.3 %, strictly past idle_after: a not-started item is yellow;
    # events: expected 7.6 of 30 (gap 25.3 points): red; cost (a max) has no gap: yellow.
    "2024-04-01": {
        1: (S.IN_PROGRESS, G),
        2: (S.NOT_STARTED, Y),
        7: (S.NOT_STARTED, Y),
        8: (S.NOT_STARTED, R),
        9: (S.NOT_STARTED, Y),
    },
    # launch due 05-31: the due date itself is due soon; plan-issued due in 30 days.
    "2024-05-31": {2: (S.IN_PROGRESS, G), 3: (S.DUE_SOON, B)},
    # the day after: overdue. plan-issued due in 15 days: not yet due soon.
    "2024-06-01": {3: (S.OVERDUE, R)},
    "2024-06-15": {2: (S.IN_PROGRESS, G)},
    # plan-issued due in exactly 14 days; launch done (late) on 06-10.
    "2024-06-16": {2: (S.DUE_SOON, B), 3: (S.DONE, G)},
    # plan-issued done on 06-20; review due in 163 days.
    "2024-06-20": {2: (S.IN_PROGRESS, G)},
    # f = 0.5; trained: expected 200, actual 150: gap 12.5.
    "2024-06-30": {2: (S.IN_PROGRESS, G), 4: (S.BEHIND, R)},
    # budget: 8 + 15 = 23 > 20.
    "2024-08-01": {5: (S.BREACHED, R)},
    # f = 0.75; trained 350 ≥ 300.
    "2024-09-30": {4: (S.ON_TRACK, G), 5: (S.BREACHED, R)},
    "2024-10-15": {1: (S.DONE, G)},
    # review due in 14 days, then on the due date, then overdue.
    "2024-11-16": {2: (S.DUE_SOON, B)},
    "2024-11-30": {2: (S.DUE_SOON, B)},
    "2024-12-01": {2: (S.OVERDUE, R)},
    # trained 410 ≥ 400; the idle qualitative item is yellow to the end.
    "2024-12-31": {
        1: (S.DONE, G),
        2: (S.OVERDUE, R),
        3: (S.DONE, G),
        4: (S.DONE, G),
        5: (S.BREACHED, R),
        7: (S.NOT_STARTED, Y),
        8: (S.NOT_STARTED, R),
    },
}


@pytest.mark.parametrize(
    ("as_of", "number", "expected"),
    [
        (as_of, number, expected)
        for as_of, items in SCENARIO.items()
        for number, expected in items.items()
    ],
)
def test_item_state_and_flag(as_of: str, number: int, expected: tuple[State, Flag]) -> None:
    status = tracked(as_of)[number]
    assert (status.state, status.flag) == expected


def test_the_scenario_shows_every_state_and_flag() -> None:
    shown = [pair for items in SCENARIO.values() for pair in items.values()]
    item_states = {S.DONE, S.ON_TRACK, S.BEHIND, S.NOT_STARTED, S.BREACHED}
    item_states |= {S.OVERDUE, S.DUE_SOON, S.IN_PROGRESS}
    assert {state for state, _ in shown} == item_states
    assert {flag for _, flag in shown} == set(Flag)


@pytest.mark.parametrize(
    ("as_of", "states", "done_on"),
    [
        ("2024-06-15", (S.PENDING, S.PENDING), (None, None)),
        ("2024-06-16", (S.DUE_SOON, S.PENDING), (None, None)),
        ("2024-06-20", (S.DONE, S.PENDING), ("2024-06-20", None)),
        ("2024-11-15", (S.DONE, S.PENDING), ("2024-06-20", None)),
        ("2024-11-16", (S.DONE, S.DUE_SOON), ("2024-06-20", None)),
        ("2024-11-30", (S.DONE, S.DUE_SOON), ("2024-06-20", None)),
        ("2024-12-01", (S.DONE, S.OVERDUE), ("2024-06-20", None)),
    ],
)
def test_milestone_states(
    as_of: str, states: tuple[State, ...], done_on: tuple[str | None, ...]
) -> None:
    milestones = tracked(as_of)[2].milestones
    assert tuple(m.state for m in milestones) == states
    assert tuple(m.done_on and m.done_on.isoformat() for m in milestones) == done_on


def test_a_milestone_done_late_is_done_and_says_when() -> None:
    (launch,) = tracked("2024-06-10")[3].milestones
    assert (launch.state, launch.done_on, launch.due) == (
        S.DONE,
        dt.date(2024, 6, 10),
        dt.date(2024, 5, 31),
    )


def test_target_flags_beside_the_items() -> None:
    assert tracked("2024-03-31")[6].target_flags == (R,)
    assert tracked("2024-02-29")[4].target_flags == (Y,)
    assert tracked("2024-04-01")[9].target_flags == (Y,)
    assert tracked("2024-04-01")[1].target_flags == ()


def test_a_gap_of_exactly_red_gap_is_yellow_and_just_above_is_red() -> None:
    # 2024-03-31: expected 100 of 400; 60 done is 10.0 points behind, 59 is 10.25.
    at_60 = [entry(1, "2024-03-01", 4, "trained", 60)]
    status = tracked("2024-03-31", at_60)[4]
    assert gap_points(status.targets[0]) == 10.0
    assert (status.state, status.flag) == (S.BEHIND, Y)
    at_59 = [entry(1, "2024-03-01", 4, "trained", 59)]
    assert tracked("2024-03-31", at_59)[4].flag is R


def test_the_gap_of_a_max_target_counts_only_above_its_limit() -> None:
    status = tracked("2024-08-01")[5]
    assert gap_points(status.targets[0]) == pytest.approx(15.0)  # (23 − 20) ÷ 20 × 100
    assert gap_points(tracked("2024-03-31")[5].targets[0]) == pytest.approx(-60.0)


def test_anything_recorded_puts_an_item_with_milestones_in_progress() -> None:
    note = [entry(1, "2024-01-05", 2, note="召开会议")]
    assert tracked("2024-01-06", note)[2].state is S.IN_PROGRESS
    milestone = [entry(1, "2024-01-05", 2, "plan-issued")]
    assert tracked("2024-01-06", milestone)[2].state is S.IN_PROGRESS
    target_met = [entry(1, "2024-01-05", 6, "volunteers", 1000)]
    assert tracked("2024-01-06", target_met)[6].state is S.IN_PROGRESS  # not done: a milestone


def test_targets_and_milestones_take_the_worse_of_the_two() -> None:
    # volunteers met early, recruit-plan not done and due in 14 days: due soon beats done.
    rows = [entry(1, "2024-01-05", 6, "volunteers", 1000)]
    assert tracked("2024-03-01", rows)[6].state is S.DUE_SOON
    rows.append(entry(2, "2024-03-02", 6, "recruit-plan"))
    assert tracked("2024-03-02", rows)[6].state is S.DONE
    # the milestone done, the target behind: behind.
    assert tracked("2024-03-31")[6].state is S.BEHIND


# --- the latest note ------------------------------------------------------------------------


def test_latest_note_is_the_latest_dated_on_or_before_the_as_of_date() -> None:
    note = tracked("2024-06-30")[1].latest_note
    assert note is not None
    assert (note.date, note.text, note.by, note.unit) == (
        dt.date(2024, 5, 20),
        "宣讲累计12场",
        "李娜",
        "",
    )
    early = tracked("2024-05-19")[1].latest_note
    assert early is not None and early.text == "宣讲3场"
    assert tracked("2024-02-09")[1].latest_note is None


def test_on_the_same_date_the_later_line_wins() -> None:
    rows = [
        entry(1, "2024-03-01", 7, note="前一行"),
        entry(2, "2024-03-01", 7, note="后一行"),
        entry(3, "2024-02-01", 7, note="更早"),
    ]
    note = tracked("2024-03-01", rows)[7].latest_note
    assert note is not None and note.text == "后一行"
    assert [n.text for n in tracked("2024-03-01", rows)[7].notes] == ["前一行", "后一行", "更早"]


def test_the_note_of_a_done_row_is_not_a_note() -> None:
    status = tracked("2024-12-31")[1]
    assert status.latest_note is not None and status.latest_note.text == "宣讲累计12场"
    milestone = tracked("2024-12-31")[2].milestones[0]
    assert milestone.record is not None and milestone.record.note == "嘉团发〔2024〕5号"
    assert tracked("2024-12-31")[2].latest_note is not None
    assert tracked("2024-12-31")[2].latest_note.text == "起草方案"  # type: ignore[union-attr]


def test_a_reversed_note_gives_way_to_the_one_before() -> None:
    rows = [
        entry(1, "2024-03-01", 7, note="第一条"),
        entry(2, "2024-03-05", 7, note="写错了"),
        entry(3, "2024-03-05", 7, note="撤销", corrects="e0000002"),
    ]
    note = tracked("2024-03-31", rows)[7].latest_note
    assert note is not None and note.text == "第一条"
    assert [n.text for n in tracked("2024-03-31", rows)[7].notes] == ["第一条"]


# --- reversals --------------------------------------------------------------------------------


def test_a_reversed_milestone_or_item_done_is_not_done() -> None:
    rows = [
        *ENTRIES,
        entry(20, "2024-06-20", 2, "plan-issued", corrects="e0000005"),
        entry(21, "2024-10-15", 1, "done", corrects="e0000003"),
    ]
    assert tracked("2024-12-31", rows)[2].milestones[0].state is S.OVERDUE
    assert tracked("2024-12-31", rows)[1].state is S.IN_PROGRESS


# --- a sub-unit's view ------------------------------------------------------------------------


def test_with_a_unit_only_its_rows_count() -> None:
    rows = [entry(1, "2024-03-01", 7, note="甲区开展", unit="甲区")]
    assert tracked("2024-03-31", rows, unit="甲区")[7].state is S.IN_PROGRESS
    assert tracked("2024-03-31", rows, unit="乙县")[7].state is S.NOT_STARTED


# --- the rows of SPEC §6 ----------------------------------------------------------------------


def test_rows_are_told_apart_by_target_and_an_empty_amount() -> None:
    plan = the_plan()
    item_2, item_4 = plan.item(2), plan.item(4)
    assert item_2 is not None and item_4 is not None
    assert row_kind(entry(1, "2024-03-01", 2, note="x"), item_2) is Row.NOTE
    assert row_kind(entry(1, "2024-03-01", 2, "review"), item_2) is Row.MILESTONE
    assert row_kind(entry(1, "2024-03-01", 2, "done"), item_2) is Row.ITEM_DONE
    assert row_kind(entry(1, "2024-03-01", 4, "trained", 5), item_4) is None
    assert row_kind(entry(1, "2024-03-01", 2, "review", 5), item_2) is None  # an amount
    assert row_kind(entry(1, "2024-03-01", 2, "", 5), item_2) is None
    assert row_kind(entry(1, "2024-03-01", 2, "nope"), item_2) is None
    reversal = entry(2, "2024-03-01", 2, "review", corrects="e0000001")
    assert row_kind(reversal, item_2) is Row.MILESTONE  # its shape; it counts for nothing
    assert amount_empty(None) and amount_empty(math.nan)
    assert not amount_empty(0.0)


def test_the_json_keys_of_spec_6() -> None:
    status = tracked("2024-06-20")[2]
    assert status.json() == {
        "state": "in_progress",
        "flag": "green",
        "lead": "青年发展部",
        "partners": ["组织部", "宣传部"],
        "latest_note": {"date": "2024-04-10", "text": "起草方案", "by": "李娜", "unit": ""},
        "milestones": [
            {
                "id": "plan-issued",
                "name": "出台实施方案",
                "due": "2024-06-30",
                "done_on": "2024-06-20",
                "state": "done",
            },
            {
                "id": "review",
                "name": "开展年度评估",
                "due": "2024-11-30",
                "done_on": None,
                "state": "pending",
            },
        ],
    }
    assert tracked("2024-01-01")[7].json()["latest_note"] is None
    assert status.next_milestone is not None and status.next_milestone.id == "review"


def test_thresholds_come_from_the_plan() -> None:
    plan = the_plan().model_copy(
        update={"flags": the_plan().flags.model_copy(update={"due_soon_days": 30})}
    )
    day = dt.date(2024, 5, 31)
    found = {s.item.number: s for s in track(compute(plan, ENTRIES, day), ENTRIES)}
    assert found[2].state is S.DUE_SOON  # plan-issued due in 30 days
    strict = the_plan().flags.model_copy(update={"idle_after": 0, "red_gap": 50})
    plan = the_plan().model_copy(update={"flags": strict})
    day = dt.date(2024, 1, 1)
    found = {s.item.number: s for s in track(compute(plan, ENTRIES, day), ENTRIES)}
    assert found[7].flag is Y  # 0.27 % of the year is past 0
    day = dt.date(2024, 3, 31)
    found = {s.item.number: s for s in track(compute(plan, ENTRIES, day), ENTRIES)}
    assert found[4].flag is Y  # 12.5 points behind is not red under 50


def test_flag_labels_in_both_languages() -> None:
    from ywplan.i18n import set_lang

    assert Flag.RED.label == "red"
    set_lang("zh")
    try:
        assert [flag.label for flag in (R, Y, B, G)] == ["红灯", "黄灯", "蓝灯", "绿灯"]
    finally:
        set_lang("en")


# --- properties -------------------------------------------------------------------------------

ROW_TARGETS = {
    1: ["", "done"],
    2: ["", "plan-issued", "review"],
    3: ["", "launch"],
    4: ["", "trained"],
    5: ["", "budget"],
    6: ["", "volunteers", "recruit-plan"],
    7: ["", "done"],
    8: ["events"],
    9: ["cost"],
}
QUANTITIES = {"trained", "budget", "volunteers", "events", "cost"}
DAYS = st.dates(dt.date(2024, 1, 1), dt.date(2024, 12, 31))


@st.composite
def ledgers(draw: st.DrawFn) -> list[Entry]:
    """Rows of every kind on the scenario's items, some of them reversed."""
    rows: list[Entry] = []
    for n in range(draw(st.integers(0, 25))):
        item = draw(st.sampled_from(sorted(ROW_TARGETS)))
        target = draw(st.sampled_from(ROW_TARGETS[item]))
        amount = draw(st.integers(1, 300)) if target in QUANTITIES else NONE
        day = draw(DAYS).isoformat()
        unit = draw(st.sampled_from(["", "甲区", "乙县"]))
        note = draw(st.sampled_from(["", "进展", "会议"]))
        rows.append(entry(n, day, item, target, float(amount), note, unit))
    for row in list(rows):
        if draw(st.booleans()) and draw(st.booleans()):
            rows.append(reversal(row, len(rows)))
    return rows


def reversal(row: Entry, n: int) -> Entry:
    """The line that takes *row* back."""
    amount = NONE if amount_empty(row.amount) else -row.amount
    return row._replace(id=f"e{n:07d}", amount=amount, corrects=row.id, line=n + 1)


def seen(statuses: Sequence[ItemStatus]) -> list[object]:
    """What a status says, comparable across runs."""
    return [(s.json(), s.target_flags, s.notes) for s in statuses]


def measure(plan: Plan, rows: list[Entry], day: dt.date, unit: str | None = None) -> list[object]:
    return seen(track(compute(plan, rows, day, unit), rows))


@settings(max_examples=60, deadline=None)
@given(ledgers(), DAYS)
def test_rows_after_the_as_of_date_change_nothing(rows: list[Entry], day: dt.date) -> None:
    plan = the_plan()
    before = [row for row in rows if row.date <= day]
    assert measure(plan, rows, day) == measure(plan, before, day)


@settings(max_examples=60, deadline=None)
@given(ledgers(), DAYS, st.sampled_from([None, "甲区"]))
def test_reversing_every_row_is_recording_nothing(
    rows: list[Entry], day: dt.date, unit: str | None
) -> None:
    plan = the_plan()
    plain = [row for row in rows if not row.corrects]
    undone = plain + [reversal(row, len(plain) + i) for i, row in enumerate(plain)]
    assert measure(plan, undone, day, unit) == measure(plan, [], day, unit)
    for status in track(compute(plan, undone, day, unit), undone):
        assert status.latest_note is None
        assert all(m.done_on is None for m in status.milestones)
        if not status.item.milestones:
            assert status.state is S.NOT_STARTED


@settings(max_examples=60, deadline=None)
@given(ledgers(), DAYS)
def test_flags_follow_states(rows: list[Entry], day: dt.date) -> None:
    for status in track(compute(the_plan(), rows, day), rows):
        if status.state in (S.OVERDUE, S.BREACHED):
            assert status.flag is R
        if status.state is S.DUE_SOON:
            assert status.flag in (B, Y, R)
        assert status.flag == max((status.flag, *status.target_flags), key=list(Flag).index)
        if status.latest_note is not None:
            assert status.latest_note.date <= day
