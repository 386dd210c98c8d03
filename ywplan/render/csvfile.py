"""Tables as CSV that Excel and WPS open with the Chinese intact, and never as formulas."""

from __future__ import annotations

import csv
import io

from ywplan.table import Cell, Column, Table, format_cell

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """Neutralise a text cell a spreadsheet would run as a formula (``=cmd|…`` → ``'=cmd|…``)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_cell(column: Column, value: Cell) -> str | int | float:
    """A cell for CSV: numbers stay numbers, text is made formula-safe."""
    if value is None:
        return ""
    if column.numeric and isinstance(value, int | float):
        return int(value) if float(value).is_integer() else round(float(value), 2)
    return safe_text(format_cell(column, value))


def write_csv(table: Table, *, bom: bool = True) -> str:
    """One table as CSV: header of column keys' headings, then rows (BOM for Excel)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_text(c.heading) for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_cell(c, v) for c, v in zip(table.columns, row, strict=True)])
    return ("\ufeff" if bom else "") + buffer.getvalue()
