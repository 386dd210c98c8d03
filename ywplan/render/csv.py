"""CSV that Excel and WPS open with the Chinese intact, and never run as formulas.

A report is one file of sections: each table's title on a row of its own, the header,
the rows, its notes, then an empty row. A listing (``status``, ``entries``) is its one
table, header and rows, for machines: written to a file it starts with a BOM for Excel.
Numbers stay numbers and are not rounded as the printed views round them (序时进度 0.75
stays 0.75): written to ten decimals, as the ledger's amounts are, which drops only a
float's noise (``4.000000000000001`` → ``4``). Text never becomes a formula and shows
controls visibly (:func:`~ywplan.safetext.spreadsheet_text`).
"""

from __future__ import annotations

import csv
import io

from ywplan.core.numbers import format_amount
from ywplan.reports.table import Cell, Column, Document, Output, Table, format_cell
from ywplan.safetext import spreadsheet_text as safe_text


def csv_cell(column: Column, value: Cell) -> str | int | float:
    """A cell for CSV: numbers stay numbers (unrounded), text is made formula-safe."""
    if value is None:
        return ""
    if column.numeric and isinstance(value, int | float):
        return format_amount(value)
    return safe_text(format_cell(column, value))


def write_csv(table: Table, *, bom: bool = True) -> str:
    """One table as CSV: header of column keys' headings, then rows (BOM for Excel)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_text(c.heading) for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_cell(c, v) for c, v in zip(table.columns, row, strict=True)])
    return ("\ufeff" if bom else "") + buffer.getvalue()


def write_csv_document(document: Document, *, bom: bool = True) -> str:
    """The whole report as CSV sections (UTF-8 with a BOM, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_text(document.title)])
    for line in document.lines:
        writer.writerow([safe_text(line)])
    for table in document.tables:
        writer.writerow([])
        writer.writerow([safe_text(table.title)])
        writer.writerow([safe_text(c.heading) for c in table.columns])
        for row in table.rows:
            writer.writerow([csv_cell(c, v) for c, v in zip(table.columns, row, strict=True)])
        for note in table.notes:
            writer.writerow([safe_text(note)])
    return ("\ufeff" if bom else "") + buffer.getvalue()


def write(output: Output, to_file: bool) -> str:
    """The registry's writer: the export table, a listing's table, or the report's sections."""
    if output.export is not None:
        return write_csv(output.export(), bom=to_file)
    document = output.document()
    if document.listing:
        return write_csv(document.tables[0], bom=to_file)
    return write_csv_document(document)
