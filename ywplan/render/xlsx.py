"""A report as an Excel workbook (XlsxWriter, imported only when a workbook is written).

One sheet per table: the report's title and the table's title on the first rows, the
header frozen below them, numbers stored as numbers (percent columns keep the percent
number, e.g. 53.0, shown with the format ``0.0"%"`` — the same value as in CSV and JSON),
column widths sized with wcwidth so Chinese fits, notes under the table. Numbers are
stored exact (序时进度 0.75 stays 0.75) and shown to one decimal by their number format,
as every other view prints them. Text never becomes a formula: it is neutralised with
:func:`~ywplan.safetext.spreadsheet_text` (which also makes controls visible, among
them those XML forbids) and stored with the string data type.

The workbook helpers here (:func:`new_workbook`, :func:`print_on_a4`, :func:`set_width`,
:func:`finish`) are shared with the sub-units' form (:mod:`ywplan.render.form_xlsx`).
XlsxWriter only writes, which is all ywplan asks of it, and loads in a third of the time
openpyxl does (openpyxl still reads the forms sent back: :mod:`ywplan.store.sheets`).
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
CENTRED_WRAPPED = {"align": "center", "valign": "vcenter", "text_wrap": True}
GRID = {"border": 1, "border_color": "#999999"}  # thin lines: printed, a grid is drawn
_DIGIT_PIXELS = 7  # the width of a digit in Calibri 11, Excel's unit of column width
AUTHOR = "ywplan"  # -o replaces a workbook whose author this is (render/previous.py)
# Text is written as text, always: never a formula, a link or a number
_WORKBOOK_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def text_width(text: str) -> int:
    """Display width in columns (a Chinese character counts two)."""
    width = wcswidth(text)
    return width if width >= 0 else len(text) * 2


def sheet_title(name: str, used: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of ``[]:*?/\\``)."""
    base = _excel_cut(_BAD_SHEET.sub("_", name), 31).strip("'") or "Sheet"
    title, n = base, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title, n = _excel_cut(base, 31 - len(suffix)).rstrip("'") + suffix, n + 1
    used.add(title.lower())
    return title


def _excel_cut(text: str, limit: int) -> str:
    """The longest start of *text* within *limit* Excel characters (UTF-16 code units:
    a character beyond the BMP, an emoji, counts two)."""
    if len(text.encode("utf-16-le")) <= 2 * limit:
        return text
    cut, size = [], 0
    for char in text:
        size += 2 if ord(char) > 0xFFFF else 1
        if size > limit:
            break
        cut.append(char)
    return "".join(cut)


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
            return STATE_COLOURS[state]
    if column.kind == "flag" and isinstance(value, str):
        flag = flag_named(value)
        if flag is not None:
            return FLAG_COLOURS[flag]
    return ""


class _Formats:
    """A workbook's formats for table cells, each made once (a format is a style record
    in the file: one per cell would swell it)."""

    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        self.made: dict[tuple[str, str], Any] = {}
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self.table_title = workbook.add_format({"bold": True, "font_size": 12})
        self.note = workbook.add_format({"italic": True, "font_color": "#555555"})
        self.header = workbook.add_format(
            {"bold": True, "bg_color": "#F1F1F1", **GRID, **CENTRED_WRAPPED}
        )

    def cell(self, number_format: str, colour: str) -> Any:
        """The format of a table cell: the grid, *number_format*, *colour* in bold."""
        key = (number_format, colour)
        made = self.made.get(key)
        if made is None:
            spec: dict[str, Any] = {**GRID, "num_format": number_format}
            if colour:
                spec.update(bold=True, font_color=colour)
            made = self.made[key] = self.workbook.add_format(spec)
        return made


def _fill_sheet(sheet: Any, formats: _Formats, document: Document, table: Table) -> None:
    write_text(sheet, 0, 0, document.title, formats.title)
    write_text(sheet, 1, 0, " · ".join(document.lines))
    write_text(sheet, 2, 0, table.title, formats.table_title)
    top = HEADER_ROW - 1  # XlsxWriter counts rows and columns from 0
    widths = [text_width(c.heading) for c in table.columns]
    for index, column in enumerate(table.columns):
        write_text(sheet, top, index, column.heading, formats.header)
    for r, row in enumerate(table.rows, start=top + 1):
        for index, (column, value) in enumerate(zip(table.columns, row, strict=True)):
            _write_value(sheet, formats, r, index, column, value)
            widths[index] = max(widths[index], text_width(format_cell(column, value)))
    last = top + len(table.rows)  # the last row of the table (0-based)
    for offset, note in enumerate(table.notes, start=2):
        write_text(sheet, last + offset, 0, note, formats.note)
    for index, width in enumerate(widths):
        set_width(sheet, index, min(max(width + 2, 6), 60))
    sheet.freeze_panes(HEADER_ROW, 0)
    if table.rows:
        sheet.autofilter(top, 0, last, len(table.columns) - 1)
    print_on_a4(sheet, HEADER_ROW, margin=0.4, footer="&C&P / &N")  # page numbers on paper


def _write_value(
    sheet: Any, formats: _Formats, row: int, col: int, column: Column, value: Cell
) -> None:
    colour = _colour(column, value)
    if value is None:
        sheet.write_blank(row, col, None, formats.cell(NUMBER_FORMAT, colour))
    elif column.numeric and isinstance(value, int | float):
        sheet.write_number(row, col, value, formats.cell(number_format(column, value), colour))
    else:
        write_text(sheet, row, col, format_cell(column, value), formats.cell(NUMBER_FORMAT, colour))


def write(output: Output, to_file: bool) -> bytes:
    """The registry's writer: the output's document as a workbook."""
    return write_xlsx(output.document())


def write_xlsx(document: Document) -> bytes:
    """The report as the bytes of an .xlsx workbook, one sheet per table."""
    workbook, buffer = new_workbook(document.title)
    formats = _Formats(workbook)
    used: set[str] = set()
    for table, name in zip(document.tables, document.sheets, strict=True):
        sheet = workbook.add_worksheet(sheet_title(name, used))
        _fill_sheet(sheet, formats, document, table)
    return finish(workbook, buffer)


def new_workbook(title: str) -> tuple[Any, io.BytesIO]:
    """An empty workbook written into memory, and the buffer it will be in: text never
    taken for a formula, a link or a number; *title* and ywplan, its author, in its
    properties, with a fixed date as the Word report has: the same report is the same
    bytes, and ``-o`` knows the file for ywplan's."""
    import datetime as dt

    from xlsxwriter import Workbook  # type: ignore[import-untyped, unused-ignore]

    from ywplan.render.docx import FIXED_DATE

    buffer = io.BytesIO()
    workbook = Workbook(buffer, _WORKBOOK_OPTIONS)
    created = dt.datetime.fromisoformat(FIXED_DATE)
    workbook.set_properties(
        {"title": spreadsheet_text(title), "author": AUTHOR, "created": created}
    )
    return workbook, buffer


def finish(workbook: Any, buffer: io.BytesIO) -> bytes:
    """The bytes of *workbook*, closed (written into its buffer)."""
    workbook.close()
    return buffer.getvalue()


def write_text(sheet: Any, row: int, col: int, text: str, cell_format: Any = None) -> None:
    """*text* at (*row*, *col*), 0-based, as a string cell: never a formula, controls
    made visible (:func:`~ywplan.safetext.spreadsheet_text`); an empty text, an empty cell."""
    if text:
        sheet.write_string(row, col, spreadsheet_text(text), cell_format)
    else:
        sheet.write_blank(row, col, None, cell_format)


def set_width(sheet: Any, col: int, width: float) -> None:
    """Column *col* (0-based) *width* characters wide, the width as the file stores it
    (Excel's 7-pixel characters, the cell padding included)."""
    sheet.set_column_pixels(col, col, round(width * _DIGIT_PIXELS))


def print_on_a4(sheet: Any, header_row: int, *, margin: float, footer: str = "") -> None:
    """Print *sheet* on A4 landscape, one page wide, centred, *header_row* (1-based) on
    every page (*margin*: left and right, in inches; *footer*: its text, e.g. ``&C&P``)."""
    sheet.repeat_rows(header_row - 1)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.set_margins(left=margin, right=margin, top=1.0, bottom=1.0)
    sheet.set_header("", {"margin": 0.5})
    sheet.set_footer(footer, {"margin": 0.5})
