"""A report as an Excel workbook (openpyxl, imported only here).

One sheet per table: the report's title and the table's title on the first rows, the
header frozen below them, numbers stored as numbers (percent columns keep the percent
number, e.g. 53.0, shown with the format ``0.0"%"`` — the same value as in CSV and JSON),
column widths sized with wcwidth so Chinese fits, notes under the table. Numbers are
stored exact (序时进度 0.75 stays 0.75) and shown to one decimal by their number format,
as every other view prints them. Text never becomes a formula: it is neutralised with
:func:`~ywplan.safetext.spreadsheet_text` (which also makes controls visible, among
them those XML forbids) and stored with the string data type.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from wcwidth import wcswidth

from ywplan.core.numbers import round_half_up
from ywplan.render.bars import flag_named, state_named
from ywplan.render.html import FLAG_COLOURS, STATE_COLOURS
from ywplan.reports.table import Cell, Column, Table, format_cell
from ywplan.safetext import spreadsheet_text

if TYPE_CHECKING:
    from ywplan.reports.table import Document, Output

PERCENT_FORMAT = '0.0"%"'
NUMBER_FORMAT = "General"
FRACTION_FORMAT = "0.0"  # a value with decimals, shown to one as format_number prints it
WHOLE_FORMAT = "0"  # a value with decimals that rounds to a whole number (14.96 → 15)
SIGNED_FORMAT = "+0.0;-0.0;0"
SIGNED_WHOLE_FORMAT = "+0;-0;0"
_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")
HEADER_ROW = 4  # title, heading line, table title, then the header


def text_width(text: str) -> int:
    """Display width in columns (a Chinese character counts two)."""
    width = wcswidth(text)
    return width if width >= 0 else len(text) * 2


def sheet_title(name: str, used: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of ``[]:*?/\\``)."""
    base = _BAD_SHEET.sub("_", name).strip("'")[:31] or "Sheet"
    title, n = base, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def _set_text(cell: Any, text: str) -> None:
    cell.value = spreadsheet_text(text)
    cell.data_type = "s"


def _set_value(cell: Any, column: Column, value: Cell) -> None:
    if value is None:
        return
    if column.numeric and isinstance(value, int | float):
        cell.value = value
        cell.number_format = number_format(column, value)
        return
    _set_text(cell, format_cell(column, value))


def number_format(column: Column, value: float) -> str:
    """How a stored (exact) number is shown: as the text views print it (one decimal,
    none when it rounds to a whole number)."""
    if column.kind == "percent":
        return PERCENT_FORMAT
    whole = round_half_up(value, 1).is_integer()
    if column.kind == "signed":
        return SIGNED_WHOLE_FORMAT if whole else SIGNED_FORMAT
    if column.kind == "number" and not float(value).is_integer():
        return WHOLE_FORMAT if whole else FRACTION_FORMAT
    return NUMBER_FORMAT


def _colour(column: Column, value: Cell) -> str:
    """The colour a state or flag cell is written in ('' for any other cell)."""
    if column.kind == "state" and isinstance(value, str):
        state = state_named(value)
        if state is not None:
            return STATE_COLOURS[state].lstrip("#").upper()
    if column.kind == "flag" and isinstance(value, str):
        flag = flag_named(value)
        if flag is not None:
            return FLAG_COLOURS[flag].lstrip("#").upper()
    return ""


def _fill_sheet(sheet: Any, document: Document, table: Table) -> None:
    from openpyxl.styles import (  # type: ignore[import-untyped, unused-ignore]
        Alignment,
        Border,
        Font,
        PatternFill,
        Side,
    )
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]

    _set_text(sheet.cell(row=1, column=1), document.title)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    _set_text(sheet.cell(row=2, column=1), " · ".join(document.lines))
    _set_text(sheet.cell(row=3, column=1), table.title)
    sheet.cell(row=3, column=1).font = Font(bold=True, size=12)
    header_fill = PatternFill("solid", fgColor="F1F1F1")
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)  # printed, a grid is drawn
    widths = [text_width(c.heading) for c in table.columns]
    for index, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index)
        _set_text(cell, column.heading)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    fonts: dict[str, Any] = {}  # one Font a colour: openpyxl hashes each style it is given
    for r, row in enumerate(table.rows, start=HEADER_ROW + 1):
        for index, (column, value) in enumerate(zip(table.columns, row, strict=True), start=1):
            cell = sheet.cell(row=r, column=index)
            _set_value(cell, column, value)
            cell.border = border
            colour = _colour(column, value)
            if colour:
                font = fonts.get(colour)
                if font is None:
                    font = fonts[colour] = Font(bold=True, color=colour)
                cell.font = font
            widths[index - 1] = max(widths[index - 1], text_width(format_cell(column, value)))
    last = HEADER_ROW + len(table.rows)
    for offset, note in enumerate(table.notes, start=2):
        _set_text(sheet.cell(row=last + offset, column=1), note)
        sheet.cell(row=last + offset, column=1).font = Font(italic=True, color="555555")
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 6), 60)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1).coordinate
    if table.rows:
        end = get_column_letter(len(table.columns))
        sheet.auto_filter.ref = f"A{HEADER_ROW}:{end}{last}"
    print_on_a4(sheet, HEADER_ROW, margin=0.4)
    sheet.oddFooter.center.text = "&P / &N"  # page numbers on paper


def write(output: Output, to_file: bool) -> bytes:
    """The registry's writer: the output's document as a workbook."""
    return write_xlsx(output.document())


def write_xlsx(document: Document) -> bytes:
    """The report as the bytes of an .xlsx workbook, one sheet per table."""
    from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]

    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for table, name in zip(document.tables, document.sheets, strict=True):
        sheet = workbook.create_sheet(sheet_title(name, used))
        _fill_sheet(sheet, document, table)
    workbook.properties.title = spreadsheet_text(document.title)
    workbook.properties.creator = "ywplan"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def print_on_a4(sheet: Any, header_row: int, *, margin: float) -> None:
    """Print *sheet* on A4 landscape, one page wide, centred, *header_row* on every page
    (*margin*: left and right, in inches)."""
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = margin
