"""The intermediate table every report is built as, before a writer gives it a format.

A command builds an :class:`Output`: a :class:`Document` of titled tables for people,
a JSON document for machines, and optionally its own terminal view or a CSV export.
Every writer in :mod:`ywplan.render` reads these and nothing else (as hledger's csv,
html and ods writers share one table).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, TypeVar

from ywplan.core.kinds import op_symbol
from ywplan.core.numbers import format_amount, format_number
from ywplan.i18n import t

# Cells hold exact values; they are rounded only when shown (format_cell), so a bar's
# 序时进度 mark and an xlsx cell stand where the value is, not where its rounding is.
# text; number (rounded to one decimal when shown); percent; signed (+/−); state (a State
# value, translated when shown); flag (a 督办 colour, red…green, shown by its name: never by
# colour alone); op (">=" or "<=", shown as ≥/≤); exact (an amount as the ledger stores it,
# never rounded)
ColumnKind = Literal["text", "number", "percent", "signed", "state", "flag", "op", "exact"]
NUMERIC_KINDS = ("number", "percent", "signed", "exact")


@dataclass(frozen=True, slots=True)
class Column:
    """A column: a stable key (for CSV/JSON), a heading in the user's language, a kind."""

    key: str
    heading: str
    kind: ColumnKind = "text"

    @property
    def numeric(self) -> bool:
        """True for columns whose cells are numbers (right-aligned, stored as numbers)."""
        return self.kind in NUMERIC_KINDS


Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class Table:
    """A titled grid of cells; ``None`` is an empty cell.

    State cells hold the state's value (``"on_track"``) and op cells the comparison
    (``">="``); writers translate them when they format the cell, and can colour a row
    by its :class:`~ywplan.core.kinds.State`.
    """

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    notes: tuple[str, ...] = field(default=())

    def column(self, key: str) -> int:
        """The index of the column with *key*."""
        return next(i for i, c in enumerate(self.columns) if c.key == key)


@dataclass(frozen=True, slots=True)
class ColumnarTable:
    """A table kept column by column: *values* holds each column's cells, in row order.

    For a long export (``entries``: every line of a ledger) that a writer makes a
    column at a time (:func:`~ywplan.render.csv.csv_column`): building rows only to
    take them apart again would cost as much as writing them.
    """

    title: str
    columns: tuple[Column, ...]
    values: tuple[Sequence[Cell], ...]


@dataclass(frozen=True, slots=True)
class WrittenTable:
    """A run of an export's rows, most of them lines its source already holds exactly as
    the CSV writer would write them: ``written[0]`` (whole lines, the source's line
    ends), then row 0 of *table*, then ``written[1]``, …, ``written[-1]`` last.

    ``entries`` keeps a province's canonical ledger lines as they are instead of reading
    each into an entry only to write it back the same.
    """

    written: tuple[str, ...]
    table: ColumnarTable


@dataclass(frozen=True, slots=True)
class Series:
    """A target's year for a chart: the cumulative at each month's end up to the as-of
    date (*actual*), and 序时进度 at each of the twelve month ends (*expected*)."""

    title: str
    unit: str
    goal: float
    actual: tuple[float, ...]
    expected: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Document:
    """A titled report: heading lines, then tables (each with a short sheet name for xlsx).

    A *listing* is one table for a quick look or a machine (``status``, ``entries``): no
    title block, rows not grouped by item.
    """

    title: str
    lines: tuple[str, ...]
    tables: tuple[Table, ...]
    sheets: tuple[str, ...]
    chart: str = ""  # the title of the table drawn with completion bars ('' for none)
    listing: bool = False
    series: tuple[Series, ...] = ()  # each target's year, drawn as a line by the HTML page
    summary: tuple[str, ...] = ()  # the headline (also the last of *lines*): 总体情况


@dataclass(frozen=True)
class Output:
    """What a command shows, ready for every format; each part is built only when asked.

    *view* prints the command's own terminal view (else the document is shown);
    *export* is the table CSV writes when it differs from the people's tables (entries:
    the ledger's own columns and values).

    A listing as long as a ledger (``entries``) is also made a run of rows at a time:
    *export_runs*, the export in runs of rows, and *data_runs*, the JSON document (a list)
    in runs of items. The csv and json writers write each run as it comes, so that the
    whole is never held (:meth:`~ywplan.render.formats.Format.pieces`).
    """

    document: Callable[[], Document]
    data: Callable[[], Any]
    view: Callable[[], None] | None = None
    export: Callable[[], Table | ColumnarTable] | None = None
    export_runs: Callable[[], Iterable[ColumnarTable | WrittenTable]] | None = None
    data_runs: Callable[[], Iterable[list[Any]]] | None = None


V = TypeVar("V", bound=Hashable)
R = TypeVar("R")


def per_distinct(values: Sequence[V], make_all: Callable[[list[V]], Sequence[R]]) -> list[R]:
    """What *make_all* makes of each of *values*, asked once for the distinct values.

    Only for a maker that gives values that compare equal the same result (``1`` and
    ``1.0``, ``0.0`` and ``-0.0`` are made once); a NaN is looked up by itself.
    """
    distinct = list(set(values))
    made = dict(zip(distinct, make_all(distinct), strict=True))
    return list(map(made.__getitem__, values))


def per_value(values: Sequence[V], make: Callable[[V], R]) -> list[R]:
    """``[make(v) for v in values]``, with *make* called once per distinct value
    (:func:`per_distinct`)."""
    return per_distinct(values, lambda distinct: list(map(make, distinct)))


def format_cell(column: Column, value: Cell) -> str:
    """A cell as text in the user's language (states and flags named, numbers rounded)."""
    if value is None:
        return ""
    if column.kind in ("state", "flag") and isinstance(value, str):
        return t(column.kind + "." + value)
    if column.kind == "op" and isinstance(value, str):
        return op_symbol(value)
    if isinstance(value, str) or not column.numeric:
        return str(value)
    if column.kind == "percent":
        return f"{value:.1f}%"
    if column.kind == "exact":
        return format_amount(value)
    text = format_number(value)
    if column.kind == "signed" and not text.startswith("-") and text != "0":
        return "+" + text
    return text


def grouped(table: Table) -> Table:
    """*table* with a repeated item (number and title) or sub-unit shown on its first row only."""
    names = {c.key for c in table.columns}
    keys = ("item", "title") if {"item", "title"} <= names else ("subunit",)
    present = [i for i, c in enumerate(table.columns) if c.key in keys]
    if len(present) != len(keys):
        return table
    rows = []
    previous: tuple[Cell, ...] | None = None
    for row in table.rows:
        current = tuple(row[i] for i in present)
        shown = row
        if current == previous:
            shown = tuple(None if i in present else v for i, v in enumerate(row))
        rows.append(shown)
        previous = current
    return replace(table, rows=tuple(rows))


def columns(spec: Sequence[tuple[str, str, ColumnKind]]) -> tuple[Column, ...]:
    """Columns from (key, catalog key of the heading, kind)."""
    return tuple(Column(key, t(heading), kind) for key, heading, kind in spec)


def json_number(value: float) -> int | float:
    """Integral values as ints (``212``), others exact: the float computed, never rounded.

    Only a view for people rounds (:func:`format_cell`): a document whose ``actual`` and
    ``expected`` were rounded could show them equal beside ``behind``.
    """
    return int(value) if float(value).is_integer() else float(value)
