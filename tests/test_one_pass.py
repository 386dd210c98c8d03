"""A report's tables for every sub-unit come from one split of the ledger and one pass
over its notes, and equal what measuring each unit's entries apart gives."""

from __future__ import annotations

import datetime as dt
from math import isnan

from hypothesis import given, settings
from hypothesis import strategies as st

from ywplan.core.model import Entry
from ywplan.core.periods import latest_notes, latest_notes_by_unit
from ywplan.core.progress import LedgerColumns, tally
from ywplan.store.index import LedgerIndex

UNITS = ["", "x", "y"]
START = dt.date(2024, 1, 1)

_row = st.tuples(
    st.integers(1, 60),  # day
    st.sampled_from([(1, "a"), (1, "b"), (2, "a")]),
    st.sampled_from([1.0, 2.5, 0.1, float("nan")]),  # nan: a row without an amount
    st.sampled_from(UNITS),
    st.sampled_from(["", "done", "  ", "met"]),
    st.integers(-1, 7),  # which earlier line this one reverses (-1: none)
)


def _entries(rows: list[tuple[int, tuple[int, str], float, str, str, int]]) -> list[Entry]:
    entries = []
    for n, (day, (item, target), amount, unit, note, undo) in enumerate(rows):
        original = entries[undo] if 0 <= undo < len(entries) else None
        if original is not None and not original.corrects and original.amount == original.amount:
            entries.append(
                original._replace(
                    id=f"id{n}xxxxxx",
                    amount=-original.amount,
                    note="",
                    corrects=original.id,
                    line=n + 2,
                )
            )
            continue
        entries.append(
            Entry(
                f"id{n}xxxxxx",
                START + dt.timedelta(days=day),
                item,
                target,
                amount,
                unit,
                note,
                "",
                "",
                "",
                n + 2,
            )
        )
    return entries


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(_row, max_size=30), as_of=st.integers(1, 70))
def test_a_unit_s_part_of_the_split_counts_as_its_entries_apart(
    rows: list[tuple[int, tuple[int, str], float, str, str, int]], as_of: int
) -> None:
    entries = _entries(rows)
    day = START + dt.timedelta(days=as_of)
    index = LedgerIndex()
    index.add(entries, checked=True)
    for ledger in (LedgerColumns.of(entries), index.columns()):
        part = ledger.by_unit()
        for unit in UNITS:
            alone = [e for e in entries if e.unit == unit]
            assert tally(part(unit), day, unit) == tally(alone, day, unit)
        assert tally(part("nowhere"), day, "nowhere") == {}


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(_row, max_size=30), as_of=st.integers(1, 70))
def test_the_notes_of_every_unit_in_one_pass_are_each_unit_s_own(
    rows: list[tuple[int, tuple[int, str], float, str, str, int]], as_of: int
) -> None:
    entries = _entries(rows)
    day = START + dt.timedelta(days=as_of)
    whole, each = latest_notes_by_unit(entries, day, UNITS)
    assert whole == latest_notes(entries, day)
    for unit in UNITS:
        assert each[unit] == latest_notes([e for e in entries if e.unit == unit], day, unit)


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(_row, max_size=30), as_of=st.integers(1, 70), split=st.integers(0, 30))
def test_the_index_s_rows_give_the_latest_notes_the_rows_read_whole_give(
    rows: list[tuple[int, tuple[int, str], float, str, str, int]], as_of: int, split: int
) -> None:
    """A report finds the notes among the rows without an amount: the index keeps them
    without their line numbers, in file order, and that decides a day's latest alike."""
    entries = _entries(rows)
    day = START + dt.timedelta(days=as_of)
    index = LedgerIndex()
    assert index.add(entries[:split], checked=True)
    if not index.add(entries[split:]):  # appended later, checked as log checks them
        index = LedgerIndex()  # refused (an entry reversed twice): indexed whole, as read
        assert index.add(entries, checked=True)
    plain = [e for e in entries if isnan(e.amount)]
    whole, each = latest_notes_by_unit(plain, day, [*UNITS, "nowhere"])
    found_whole, found_each = latest_notes_by_unit(index.row_entries(), day, [*UNITS, "nowhere"])
    assert list(found_whole.items()) == list(whole.items())  # the same, in the same order
    assert {u: list(n.items()) for u, n in found_each.items()} == {
        u: list(n.items()) for u, n in each.items()
    }
