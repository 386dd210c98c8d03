"""The intermediate table every report is built as, before a writer gives it a format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ywplan.i18n import t
from ywplan.progress import round_half_up

ColumnKind = Literal["text", "number", "percent", "signed", "state"]


@dataclass(frozen=True, slots=True)
class Column:
    """A column: a stable key (for CSV/JSON), a heading in the user's language, a kind."""

    key: str
    heading: str
    kind: ColumnKind = "text"

    @property
    def numeric(self) -> bool:
        """True for columns whose cells are numbers (right-aligned, stored as numbers)."""
        return self.kind in ("number", "percent", "signed")


Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class Table:
    """A titled grid of cells; ``None`` is an empty cell.

    State cells hold the state's value (``"on_track"``); writers translate it when they
    format the cell, and can colour it by :class:`~ywplan.progress.State`.
    """

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    notes: tuple[str, ...] = field(default=())

    def column(self, key: str) -> int:
        """The index of the column with *key*."""
        return next(i for i, c in enumerate(self.columns) if c.key == key)


def format_number(value: float | int | None) -> str:
    """``400`` → ``400``, ``149.458`` → ``149.5``, ``None`` → ``''``."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{round_half_up(value, 1):.1f}"


def format_cell(column: Column, value: Cell) -> str:
    """A cell as text in the user's language (states translated, numbers rounded)."""
    if value is None:
        return ""
    if column.kind == "state" and isinstance(value, str):
        return t("state." + value)
    if isinstance(value, str) or not column.numeric:
        return str(value)
    if column.kind == "percent":
        return f"{value:.1f}%"
    text = format_number(value)
    if column.kind == "signed" and not text.startswith("-") and text != "0":
        return "+" + text
    return text
