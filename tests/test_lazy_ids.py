"""A unit's part picks its ids only when they are read (issue 17: a report at 1.5M
entries held 110 MB of ids it never read), and a leading slice of them is not read
either; once read, they are exactly the ids at those positions."""

from __future__ import annotations

from array import array

from hypothesis import given
from hypothesis import strategies as st

from ywplan.core.progress import _Picking


@given(st.data())
def test_picked_ids_are_the_ids_at_the_positions_and_read_only_when_asked(
    data: st.DataObject,
) -> None:
    column = data.draw(st.lists(st.text(max_size=3), min_size=1, max_size=20))
    positions = data.draw(st.lists(st.integers(0, len(column) - 1), min_size=1, max_size=20))
    cut = data.draw(st.integers(0, len(positions)))
    reads: list[int] = []

    def read() -> list[str]:
        reads.append(1)
        return column

    ids = _Picking(read, array("I", positions), len(positions))
    head = ids[:cut]
    assert (len(ids), len(head), reads) == (len(positions), cut, [])
    assert list(head) == [column[p] for p in positions[:cut]]
    assert list(ids) == [column[p] for p in positions]
    assert ids[-1] == column[positions[-1]]
