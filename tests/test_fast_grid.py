"""Plain-text tables are what tabulate's ``simple`` format makes, a column at a time."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from ywplan.render.text import grid

ALPHABET = st.sampled_from(
    ["a", "Z", " ", "1", ".", ",", "-", "团", "员", "，", "\u200b", "\u0301", "\u0378",
     "\U0001f600", "\u3000", "\t", "\n", "\x1b", "␊", "█", "True", "False"]
)  # fmt: skip
cell = st.lists(ALPHABET, max_size=6).map("".join)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]], list[str]]:
    width = draw(st.integers(1, 4))
    headings = draw(st.lists(cell, min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(cell, min_size=width, max_size=width), min_size=1, max_size=8))
    align = draw(st.lists(st.sampled_from(["left", "right"]), min_size=width, max_size=width))
    return headings, rows, align


@settings(max_examples=500, deadline=None)
@given(tables())
def test_a_grid_is_tabulate_s_simple_table(
    table: tuple[list[str], list[list[str]], list[str]],
) -> None:
    headings, rows, align = table
    expected = tabulate(
        rows, headers=headings, tablefmt="simple", colalign=align, disable_numparse=True
    )
    assert grid(headings, rows, align) == expected
