"""``entries``: ledger lines as a table for people, as the ledger's own columns, as JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from ywplan.core.model import Entry, amount_empty
from ywplan.i18n import t
from ywplan.reports.table import Cell, Column, ColumnarTable, ColumnKind, Document, Table, per_value

# The ledger's columns (SPEC §2), as CSV and JSON name them.
LEDGER_COLUMNS: tuple[tuple[str, ColumnKind], ...] = (
    ("id", "text"),
    ("date", "text"),
    ("item", "number"),
    ("target", "text"),
    ("amount", "exact"),
    ("unit", "text"),
    ("note", "text"),
    ("by", "text"),
    ("recorded_at", "text"),
    ("corrects", "text"),
)


def entry_document(entry: Entry) -> dict[str, object]:
    """An entry with the ledger's column names (``entries --format json``)."""
    document = dict(zip((key for key, _ in LEDGER_COLUMNS), entry[:10], strict=True))
    document["date"] = entry.date.isoformat()
    document["amount"] = _amount(entry.amount)
    return document


def _cell(amount: float) -> float | None:
    """An amount as a table cell: None when empty (SPEC §6 rows)."""
    return None if amount_empty(amount) else amount


def _amount(amount: float) -> int | float | None:
    """An amount as a cell: a whole number as an int; None when empty (SPEC §6 rows)."""
    if amount_empty(amount):
        return None
    return int(amount) if amount.is_integer() else amount


def entries_data(entries: Sequence[Entry]) -> list[dict[str, Any]]:
    """Every entry as :func:`entry_document`."""
    return [entry_document(e) for e in entries]


def ledger_table(entries: Sequence[Entry]) -> ColumnarTable:
    """The entries with the ledger's own columns and values (the CSV export), column by
    column: each a C-level pass over the entries, days and amounts made once each."""
    columns = tuple(Column(key, key, kind) for key, kind in LEDGER_COLUMNS)
    values: list[Sequence[Cell]] = [
        list(map(itemgetter(i), entries)) for i in range(len(LEDGER_COLUMNS))
    ]
    days: list[dt.date] = list(map(itemgetter(1), entries))
    values[1] = per_value(days, dt.date.isoformat)
    values[4] = per_value(list(map(itemgetter(4), entries)), _cell)
    return ColumnarTable("", columns, tuple(values))


def entries_table(entries: Sequence[Entry], gone: set[str]) -> Table:
    """The entries as a table; reversed entries and reversing lines are marked."""
    keys = ("id", "date", "target", "amount", "unit", "note", "by", "mark")
    columns = tuple(
        Column(k, t("col.entry_" + k), "number" if k == "amount" else "text") for k in keys
    )
    rows = []
    for e in entries:
        mark = (
            t("entries.reversal", id=e.corrects[:8])
            if e.corrects
            else (t("entries.reversed") if e.id in gone else "")
        )
        rows.append(
            (e.id[:8], e.date.isoformat(), e.ref, _cell(e.amount), e.unit, e.note, e.by, mark)
        )
    return Table(t("entries.title", count=len(entries)), columns, tuple(rows))


def entries_listing(entries: Sequence[Entry], gone: set[str]) -> Document:
    """The entries table as a document of its own (a listing)."""
    table = entries_table(entries, gone)
    return Document(table.title, (), (table,), (t("entries.sheet"),), listing=True)
