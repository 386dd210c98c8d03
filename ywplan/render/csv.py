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
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, partial
from typing import cast

from ywplan.core.model import MAX_NOTE
from ywplan.core.numbers import CANONICAL_AMOUNT, format_amount
from ywplan.reports.table import (
    Cell,
    Column,
    ColumnarTable,
    Document,
    Output,
    Table,
    WrittenTable,
    format_cell,
    per_distinct,
    per_value,
)
from ywplan.safetext import spreadsheet_text as safe_text
from ywplan.safetext import spreadsheet_texts, unchanged_cell
from ywplan.store.ledger import row_pattern

# What makes the csv module (minimal quoting, CRLF lines) quote a cell.
_QUOTED = (",", '"', "\r", "\n")


def csv_cell(column: Column, value: Cell) -> str:
    """A cell for CSV: numbers stay numbers (unrounded), text is made formula-safe."""
    if value is None:
        return ""
    if column.numeric and isinstance(value, int | float):
        return format_amount(value)
    return safe_text(format_cell(column, value))


def csv_column(column: Column, values: Sequence[Cell]) -> list[str]:
    """:func:`csv_cell` of each of a column's *values*, made without a call per cell.

    A text column of text is made formula-safe in one pass
    (:func:`~ywplan.safetext.spreadsheet_texts`): the whole column when its values are
    mostly unique (ids, notes), else its distinct values. Any other column makes each
    distinct value once where values that compare equal make the same cell (a numeric
    column: ``1`` and ``1.0`` write ``1``; text); a text column holding other values
    (``str(1.0)`` is not ``str(1)``) is made a cell at a time.
    """
    if column.kind == "text":
        try:
            return _text_column(cast("Sequence[str]", values))
        except TypeError:  # a cell that is not text: joining the column refused it
            pass
    if column.numeric or set(map(type, values)) <= {str, type(None)}:
        return per_value(values, lambda value: csv_cell(column, value))
    return [csv_cell(column, value) for value in values]


def _text_column(texts: Sequence[str]) -> list[str]:
    sample = set(texts[:1024])  # is the column mostly unique? its first rows tell
    if len(sample) * 2 > len(texts[:1024]):
        return spreadsheet_texts(texts)
    return per_distinct(texts, spreadsheet_texts)


def _quoted(cells: list[str]) -> list[str]:
    """A column's cells as the csv module writes them: quoted where they hold a comma,
    a quote (doubled) or a line break; looked for in the whole column first."""
    joined = "\0".join(cells)
    if not any(mark in joined for mark in _QUOTED):
        return cells
    return ['"' + c.replace('"', '""') + '"' if any(m in c for m in _QUOTED) else c for c in cells]


@cache
def ledger_lines_as_written() -> re.Pattern[str]:
    """Any number of whole ledger lines that the ledger's export writes back exactly as
    they are, but for CRLF line ends (see :class:`~ywplan.reports.table.WrittenTable`).

    A plain row (:func:`~ywplan.store.ledger.row_pattern`) whose item and amount are
    written as :func:`csv_cell` writes numbers (no leading zero; ``5``, not ``5.0``) and
    whose text cells are neither changed by :func:`~ywplan.safetext.spreadsheet_text`
    nor quoted: its export, cell by cell, is itself.
    """
    kept = partial(unchanged_cell, "".join(_QUOTED))
    line = row_pattern(
        item="[1-9][0-9]{0,4}",
        amount=CANONICAL_AMOUNT,
        unit=kept(),
        note=kept(MAX_NOTE),
        by=kept(),
    )
    return re.compile(f"(?:{line}\\r?\\n)*")


def _written(table: WrittenTable) -> str:
    """The lines of a :class:`WrittenTable`: its rows made as :func:`csv_lines` makes them,
    between its written lines, all with CRLF line ends."""
    rows = csv_lines(table.table).split("\r\n")  # no cell holds a line break: one a row
    if len(rows) != len(table.written):
        raise ValueError("a written table's rows and lines do not alternate")
    lines = [_crlf(table.written[0])]
    for row, written in zip(rows[:-1], table.written[1:], strict=True):
        lines += (row, "\r\n", _crlf(written))
    return "".join(lines)


def _crlf(lines: str) -> str:
    if "\r" in lines:
        lines = lines.replace("\r\n", "\n")
    return lines.replace("\n", "\r\n")


def csv_lines(table: Table | ColumnarTable | WrittenTable) -> str:
    """The table's rows as CSV lines, made a column at a time (:func:`csv_column`): the
    same text as the csv module's writer (minimal quoting, CRLF) writes row by row."""
    if isinstance(table, WrittenTable):
        return _written(table)
    if isinstance(table, ColumnarTable):
        values: Iterable[Sequence[Cell]] = table.values
    elif not table.rows:
        return ""
    else:
        values = zip(*table.rows, strict=True)
    # A row or column with a cell too many or too few fails a zip, as it did row by row.
    cells = [_quoted(csv_column(c, v)) for c, v in zip(table.columns, values, strict=True)]
    if not cells:  # no columns: a line with no cell for each row
        return "\r\n" * len(table.rows) if isinstance(table, Table) else ""
    if len(cells) == 1:  # a line of one empty cell is written as "" (else it is no cell)
        cells = [[c or '""' for c in cells[0]]]
    if len({len(column) for column in cells}) > 1:
        raise ValueError("the columns of a table differ in length")
    # Cells and separators laid out in one list by slices (no list per row), joined once.
    width, height = 2 * len(cells), len(cells[0])
    laid: list[str] = [","] * (width * height)
    for place, column in enumerate(cells):
        laid[2 * place :: width] = column
    laid[width - 1 :: width] = ["\r\n"] * height
    return "".join(laid)


def write_csv(table: Table | ColumnarTable | WrittenTable, *, bom: bool = True) -> str:
    """One table as CSV: header of column keys' headings, then rows (BOM for Excel)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = table.table.columns if isinstance(table, WrittenTable) else table.columns
    writer.writerow([safe_text(c.heading) for c in columns])
    buffer.write(csv_lines(table))
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
        buffer.write(csv_lines(table))
        for note in table.notes:
            writer.writerow([safe_text(note)])
    return ("\ufeff" if bom else "") + buffer.getvalue()


def write_runs(output: Output, to_file: bool) -> Iterator[str]:
    """The registry's writer of runs: the export's runs (:attr:`Output.export_runs`) as
    they are made, the same text :func:`write` makes of the whole; else :func:`write`."""
    runs = iter(output.export_runs() if output.export_runs is not None else ())
    first = next(runs, None)
    if first is None:
        yield write(output, to_file)
        return
    yield write_csv(first, bom=to_file)
    for run in runs:
        yield csv_lines(run)


def write(output: Output, to_file: bool) -> str:
    """The registry's writer: the export table, a listing's table, or the report's sections."""
    if output.export is not None:
        return write_csv(output.export(), bom=to_file)
    document = output.document()
    if document.listing:
        return write_csv(document.tables[0], bom=to_file)
    return write_csv_document(document)
