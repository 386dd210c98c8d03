"""The entry rules' distinct values, taken a column at a time, are the values the rules
judge entry by entry (issue 17: ``check`` at province scale).

``each_entry`` judges each distinct value of a field once; for the target, amount and
note rules it now gathers them in C-level passes (``EntryRule.distinct``). Whatever the
entries — amounts empty (NaN, or None as a caller may build them), negative, reversing
lines, notes with and without text, rows without a target — the values other than None
(never judged) must be exactly those of ``EntryRule.value``.
"""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given
from hypothesis import strategies as st

from ywplan.core.model import Entry
from ywplan.core.rules import ENTRY_RULES

amounts = st.one_of(
    st.just(math.nan),
    st.none(),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.sampled_from([0.0, -0.0, 1.0, 45.0]),
)
entries = st.builds(
    Entry,
    id=st.sampled_from(["aaaa0001", "aaaa0002"]),
    date=st.dates(dt.date(2023, 12, 30), dt.date(2025, 1, 2)),
    item=st.integers(0, 40),
    target=st.sampled_from(["", "training", "coverage", "bogus"]),
    amount=amounts,
    unit=st.sampled_from(["", "海宁市", "秀洲区"]),
    note=st.sampled_from(["", " ", "开展培训", "\u3000"]),
    by=st.sampled_from(["张三", ""]),
    recorded_at=st.just("2024-05-10T16:20:05+08:00"),
    corrects=st.sampled_from(["", "", "", "aaaa0001"]),
)


@given(st.lists(entries, max_size=30))
def test_each_rules_distinct_values_are_those_it_judges(found: list[Entry]) -> None:
    for rule in ENTRY_RULES:
        expected = {v for v in map(rule.value, found) if v is not None}
        assert {v for v in rule.values(found) if v is not None} == expected, rule.field
