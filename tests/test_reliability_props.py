"""Property tests: any history of log/undo keeps the sums right; any bytes give a clean answer.

These drive the core functions (no subprocesses): recording, formatting a ledger line,
parsing it back, checking and measuring.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability_support import HEADER, PLAN
from ywplan.core.model import Entry, Plan, new_id
from ywplan.core.progress import compute
from ywplan.core.recording import reversal_for, validated
from ywplan.errors import Problem, YwplanError
from ywplan.store.ledger import BOM, LedgerFile, format_entry, parse_ledger
from ywplan.store.plan_file import PlanFile, parse_plan
from ywplan.store.textfile import decode
from ywplan.store.workspace import check_ledger, check_plan

TODAY = dt.date(2024, 12, 31)
STAMP = "2024-05-10T16:20:05+08:00"
TARGETS = ((1, "training"), (2, "coverage"))
UNITS = ("", "南湖区", "海宁市")


def _plan() -> Plan:
    plan_file = parse_plan(PLAN, "test.yaml")
    assert plan_file.plan is not None and not check_plan(plan_file)
    return plan_file.plan


THE_PLAN = _plan()

amounts = st.decimals(min_value="0.01", max_value="99999", places=2).map(float)
notes = st.text(max_size=40).filter(lambda s: "\n" not in s and "\r" not in s)
log_op = st.tuples(
    st.just("log"),
    st.sampled_from(TARGETS),
    amounts,
    st.integers(0, 365),
    st.sampled_from(UNITS),
    notes,
)
undo_op = st.tuples(st.just("undo"), st.integers(0, 10_000), notes)


def _apply(ops: list[tuple[object, ...]]) -> list[Entry]:
    """Run *ops* through the same functions ``log`` and ``undo`` use."""
    entries: list[Entry] = []
    for op in ops:
        if op[0] == "log":
            _, (item, target), amount, offset, unit, note = op
            day = dt.date(2024, 1, 1) + dt.timedelta(days=int(offset))  # type: ignore[call-overload]
            entry = Entry(new_id(), day, item, target, amount, unit, note, "t", STAMP, "")  # type: ignore[arg-type]
            entries.append(validated(THE_PLAN, entry, TODAY))
        elif entries:
            _, index, reason = op
            original = entries[int(index) % len(entries)]  # type: ignore[call-overload]
            try:
                already = {e.corrects for e in entries if e.corrects}
                entries.append(reversal_for(already, original, str(reason) or "r", "t", STAMP))
            except YwplanError as refused:  # undoing a reversal, or twice: refused, not recorded
                assert refused.key in (
                    "ledger.corrects_reversal",
                    "ledger.corrects_twice",
                    "undo.no_reason",
                    "log.note_multiline",
                )
    return entries


def _round_trip(entries: list[Entry], newline: str) -> LedgerFile:
    text = BOM + HEADER + newline + "".join(format_entry(e, newline) for e in entries)
    return parse_ledger(text, "t.ledger.csv")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ops=st.lists(st.one_of(log_op, undo_op), max_size=25),
    as_of_offset=st.integers(0, 365),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_any_log_undo_history_keeps_the_sums(
    ops: list[tuple[object, ...]], as_of_offset: int, newline: str
) -> None:
    entries = _apply(ops)
    ledger = _round_trip(entries, newline)
    assert ledger.problems == ()
    assert [e[:10] for e in ledger.entries] == [e[:10] for e in entries]  # all but the line
    assert check_ledger(THE_PLAN, ledger, TODAY) == []
    as_of = dt.date(2024, 1, 1) + dt.timedelta(days=as_of_offset)
    progress = compute(THE_PLAN, ledger.entries, as_of)
    gone = {e.corrects for e in entries if e.corrects}
    live = [e for e in entries if not e.corrects and e.id not in gone and e.date <= as_of]
    by_ref = {tp.ref: tp for tp in progress.targets()}
    training = [e.amount for e in live if e.target == "training"]
    assert math.isclose(by_ref["1.training"].actual, math.fsum(training), abs_tol=1e-6)
    # the same sum from every line, reversals included: each reversal cancels its entry
    dated = [e for e in entries if e.target == "training" and e.date <= as_of]
    assert math.isclose(math.fsum(e.amount for e in dated), math.fsum(training), abs_tol=1e-6)
    levels = [e for e in live if e.target == "coverage"]
    latest = max(levels, key=lambda e: (e.date, entries.index(e)), default=None)
    assert by_ref["2.coverage"].actual == (latest.amount if latest else 0.0)
    for unit in UNITS[1:]:
        part = compute(THE_PLAN, ledger.entries, as_of, unit)
        mine = [e.amount for e in live if e.target == "training" and e.unit == unit]
        assert math.isclose(
            next(tp for tp in part.targets() if tp.target.id == "training").actual,
            math.fsum(mine),
            abs_tol=1e-6,
        )


def _clean(problems: object) -> None:
    assert isinstance(problems, tuple | list)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.message  # every problem can be said in words (the catalog has it)
        _ = problem.hint


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=600) | st.builds(str.encode, st.text(max_size=300)))
def test_random_bytes_as_a_ledger_give_a_clean_answer(data: bytes) -> None:
    text, problem = decode(data, "t.ledger.csv", torn_tail=True)
    if problem is not None:
        _clean([problem])
        return
    ledger = parse_ledger(text, "t.ledger.csv")
    _clean(ledger.problems)
    _clean(check_ledger(THE_PLAN, ledger, TODAY))


@settings(max_examples=100, deadline=None)
@given(
    parts=st.lists(
        st.sampled_from(
            [
                "id,date,item,target,amount,unit,note,by,recorded_at,corrects",
                "aaaa0001,2024-05-10,1,training,45,海宁市,,张三,2024-05-10T16:20:05+08:00,",
                "aaaa0002,2024-05-10,1,training,-45,海宁市,,x,2024-05-10T16:20:05+08:00,aaaa0001",
                'aaaa0003,2024/5/10,2,coverage,1e9,,"a,b",x,2024/5/10 16:20,',
                "aaaa0004,2024-13-40,99,nope,0,火星,,x,now,zz",
                '"',
                "<<<<<<< HEAD",
                "=======",
                "\x00",
                "\ufeff",
                ",,,,,,,,,",
            ]
        ),
        max_size=8,
    ),
    separator=st.sampled_from(["\n", "\r\n", "\r"]),
    tail=st.text(max_size=20),
)
def test_ledger_like_text_gives_a_clean_answer(parts: list[str], separator: str, tail: str) -> None:
    ledger = parse_ledger(separator.join(parts) + tail, "t.ledger.csv")
    _clean(ledger.problems)
    _clean(check_ledger(THE_PLAN, ledger, TODAY))


PLANISH = [
    "plan: x\n",
    "org: y\n",
    "year: 2024\n",
    "items:\n",
    "  - number: 1\n",
    "    title: t\n",
    "    targets:\n",
    "      - id: a\n",
    "        name: n\n",
    "        unit: 人\n",
    "        min: 5\n",
    "        max: 5\n",
    "        kind: growth\n",
    "        schedule: {Q1: 9}\n",
    "year: no\n",
    "&a [*a]\n",
    "!!python/object:os.system\n",
    "- - - -\n",
    "\t\n",
    ": :\n",
    "{\n",
    "'\n",
    "number: 010\n",
    "min: .inf\n",
    "min: .nan\n",
    "units: [a, a]\n",
]


@settings(max_examples=150, deadline=None)
@given(
    data=st.binary(max_size=400)
    | st.lists(st.sampled_from(PLANISH), max_size=14).map(lambda p: "".join(p).encode())
    | st.builds(str.encode, st.text(max_size=200))
)
def test_random_bytes_as_a_plan_give_a_clean_answer(data: bytes) -> None:
    text, problem = decode(data, "p.yaml")
    if problem is not None:
        _clean([problem])
        return
    plan_file = parse_plan(text, "p.yaml")
    assert isinstance(plan_file, PlanFile)
    _clean(check_plan(plan_file))
    assert plan_file.plan is not None or plan_file.problems  # no plan without saying why


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_format_entry_round_trips_hostile_notes(newline: str) -> None:
    note = '逗号,引号"\x1b[2J\u202e=cmd|x 🎉\x00'
    entry = Entry(new_id(), dt.date(2024, 5, 10), 1, "training", 2.5, "", note, "t", STAMP, "")
    (back,) = _round_trip([entry], newline).entries
    assert back[:10] == entry[:10]
