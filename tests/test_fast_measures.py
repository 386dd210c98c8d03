"""The fast paths of the report writers and the measures give what the plain ones give.

JSON is written with its flat containers encoded by the C encoder: the same text as
``json.dumps(indent=2)``. A plan measured at several days from one sort of each target's
entries is the plan measured at each day apart, for the whole ledger and a unit's part.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_one_pass import START, UNITS, _entries, _row
from ywplan.core.progress import LedgerColumns, compute, compute_days, tallies, tally
from ywplan.render.json import dumps
from ywplan.safetext import _JSON, json_escaped
from ywplan.store.index import LedgerIndex
from ywplan.store.workspace import open_workspace

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),  # NaN and infinities too: both write NaN and Infinity
    st.text(max_size=6),
    st.sampled_from(["\u202e", "\x1b[2J", '"', "\\", "团员", "\n"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.text(max_size=4), inner, max_size=4),
        st.dictionaries(st.integers(), inner, max_size=2),  # keys the json module converts
    ),
    max_leaves=30,
)


@settings(max_examples=500, deadline=None)
@given(documents)
def test_json_is_what_the_json_module_writes_with_an_indent(document: object) -> None:
    assert dumps(document) == json.dumps(document, ensure_ascii=False, indent=2)


@given(st.text(alphabet=st.sampled_from(["a", "团", "\u200b", "\x85", "\x7f", "\ufeff", '"'])))
def test_json_escapes_are_the_table_s(text: str) -> None:
    assert json_escaped(text) == text.translate(_JSON)


DAYS = st.lists(st.integers(-3, 70), min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(_row, max_size=30), offsets=DAYS, in_order=st.booleans())
def test_tallies_at_several_days_measure_as_a_tally_each_day(
    rows: list[tuple[int, tuple[int, str], float, str, str, int]],
    offsets: list[int],
    in_order: bool,
) -> None:
    entries = _entries(sorted(rows, key=lambda row: row[0]) if in_order else rows)
    days = [START + dt.timedelta(days=n) for n in offsets]
    index = LedgerIndex()
    index.add(entries, checked=True)
    for ledger in (LedgerColumns.of(entries), index.columns(), index.counted()):
        part = ledger.by_unit()
        for unit, columns in [(None, ledger), *((u, part(u)) for u in [*UNITS, "nowhere"])]:
            each = [tally(columns, day, unit) for day in days]
            together = tallies(columns, days, unit)
            for alone, found in zip(each, together, strict=True):
                assert alone.keys() == found.keys()
                for key, one in alone.items():
                    other = found[key]
                    assert sorted(one.amounts) == sorted(other.amounts)
                    assert math.fsum(one.amounts) == math.fsum(other.amounts)
                    assert (one.latest_date, one.latest) == (other.latest_date, other.latest)
                    assert one.latest_sum() == other.latest_sum()


def test_the_plan_measured_at_every_month_end_is_each_month_measured_apart(bundled: Path) -> None:
    workspace = open_workspace(bundled, dt.date(2024, 12, 31))
    plan, ledger = workspace.plan, LedgerColumns.of(workspace.entries)
    days = [dt.date(2023, 12, 31), *(dt.date(2024, m, 28) for m in range(1, 13))]
    assert compute_days(plan, ledger, days) == [compute(plan, ledger, day) for day in days]
    part = ledger.by_unit()
    for unit in plan.units:
        separately = [compute(plan, part(unit), day, unit) for day in days]
        assert compute_days(plan, part(unit), days, unit) == separately


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(_row, max_size=30), as_of=st.integers(-3, 70))
def test_a_unit_s_part_logged_in_day_order_tallies_as_its_entries_apart(
    rows: list[tuple[int, tuple[int, str], float, str, str, int]], as_of: int
) -> None:
    entries = _entries(sorted(rows, key=lambda row: row[0]))  # a ledger logged in order
    day = START + dt.timedelta(days=as_of)
    index = LedgerIndex()
    index.add(entries, checked=True)
    for ledger in (LedgerColumns.of(entries), index.columns(), index.counted()):
        part = ledger.by_unit()
        for unit in UNITS:
            alone = [e for e in entries if e.unit == unit]
            assert tally(part(unit), day, unit) == tally(alone, day, unit)
            assert all(getattr(c, "by_day", True) for c in part(unit).groups.values())
