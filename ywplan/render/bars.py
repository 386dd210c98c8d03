"""Completion bars with the 序时进度 mark, read from a table's goal/actual/expected columns."""

from __future__ import annotations

from dataclasses import dataclass

from ywplan.core.items import Flag
from ywplan.core.kinds import State
from ywplan.reports.table import Cell, Table

BAR_WIDTH = 16


@dataclass(frozen=True, slots=True)
class Bar:
    """How full a target's bar is (actual / goal) and where 序时进度 stands (None: no mark)."""

    ratio: float
    mark: float | None


def charted(table: Table) -> bool:
    """True when *table* has the columns a bar is drawn from."""
    keys = {c.key for c in table.columns}
    return {"goal", "actual", "expected"} <= keys


def bar_of(table: Table, row: tuple[Cell, ...]) -> Bar | None:
    """The bar of one row, or None when the row has no goal to measure against."""
    if not charted(table):
        return None
    values = {c.key: v for c, v in zip(table.columns, row, strict=True)}
    goal, actual, expected = values["goal"], values["actual"], values["expected"]
    if not isinstance(goal, int | float) or goal <= 0 or not isinstance(actual, int | float):
        return None
    ratio = max(float(actual), 0.0) / goal
    at_most = values.get("op") == "<="
    mark = None
    if not at_most and isinstance(expected, int | float):
        mark = min(max(float(expected) / goal, 0.0), 1.0)
    return Bar(ratio, mark)


def text_bar(bar: Bar, width: int = BAR_WIDTH) -> str:
    """``█████░░│░░░`` in plain characters: filled to the ratio, ``│`` at 序时进度."""
    filled = min(round(bar.ratio * width), width)
    mark = -1 if bar.mark is None else min(round(bar.mark * width), width - 1)
    return "".join("│" if i == mark else "█" if i < filled else "░" for i in range(width))


def state_named(value: str) -> State | None:
    """The state a table's state cell holds (None for anything else)."""
    return State(value) if value in State._value2member_map_ else None


def flag_named(value: str) -> Flag | None:
    """The 督办 flag a table's flag cell holds (None for anything else)."""
    return Flag(value) if value in Flag._value2member_map_ else None
