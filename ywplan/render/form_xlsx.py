"""A sub-unit's fill-in form as an Excel workbook (openpyxl, imported only here).

Made for a county clerk with WPS or Excel and nobody to ask: the title, the unit and
month, the instructions (填表说明), then a row per target with its quota and what is
done so far. Only the amount, date and note cells are unlocked (shaded) under sheet
protection without a password; the amount accepts a number ≥ 0 (any number for a
level), the date a day of the plan year. It prints on A4, landscape, one page wide,
the header repeated. A very hidden sheet ``ywplan`` says which plan, year, unit and
month the form is for, so that ``intake`` refuses it for another.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from ywplan.i18n import t
from ywplan.render.xlsx import print_on_a4, sheet_title, text_width
from ywplan.reports.form import FILL_IN, Form
from ywplan.reports.table import format_cell
from ywplan.safetext import spreadsheet_text
from ywplan.store.sheets import META_SHEET

if TYPE_CHECKING:
    from ywplan.reports.table import Output

FILL_COLOUR = "FFF7D6"
HEADER_COLOUR = "E8EEF7"
LOCKED_COLOUR = "F4F4F4"
FILL_WIDTHS = {"amount": 14, "date": 14, "note": 36}  # room to type, and to write on paper
ROW_HEIGHT = 22
CENTRED = ("item", "measure")


def header_row(form: Form) -> int:
    """The row of the column headings: title, unit line, instructions, one blank row."""
    return 2 + len(form.instructions()) + 2


def write(output: Output, to_file: bool) -> bytes:
    """The registry's writer: the form carried as the output's data, as a workbook."""
    form = output.data()
    assert isinstance(form, Form)
    return write_form(form)


def write_form(form: Form) -> bytes:
    """The bytes of the form's .xlsx workbook."""
    from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(t("form.sheet"), set())
    _head(sheet, form)
    _table(sheet, form)
    _validations(sheet, form)
    _protect_and_print(sheet, form)
    meta = workbook.create_sheet(META_SHEET)
    for row, (key, value) in enumerate(form.metadata.items(), start=1):
        _text(meta.cell(row=row, column=1), key)
        _text(meta.cell(row=row, column=2), value)
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    workbook.properties.title = spreadsheet_text(form.title)
    workbook.properties.creator = "ywplan"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text(cell: Any, text: str) -> None:
    cell.value = spreadsheet_text(text)
    cell.data_type = "s"


def _head(sheet: Any, form: Form) -> None:
    from openpyxl.styles import Font  # type: ignore[import-untyped, unused-ignore]

    _text(sheet.cell(row=1, column=1), form.title)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    for index, (label, value) in enumerate(form.heading):
        label_cell = sheet.cell(row=2, column=1 + 3 * index)
        _text(label_cell, label)
        label_cell.font = Font(bold=True)
        _text(sheet.cell(row=2, column=2 + 3 * index), value)
    for row, line in enumerate(form.instructions(), start=3):
        _text(sheet.cell(row=row, column=1), line)
        sheet.cell(row=row, column=1).font = Font(bold=row == 3, color="333333")


def _table(sheet: Any, form: Form) -> None:
    from openpyxl.styles import (  # type: ignore[import-untyped, unused-ignore]
        Alignment,
        Border,
        Font,
        PatternFill,
        Protection,
        Side,
    )
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]

    top = header_row(form)
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    columns = form.columns()
    widths = [text_width(c.heading) for c in columns]
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=top, column=index)
        _text(cell, column.heading)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_COLOUR)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    for r, row in enumerate(form.rows, start=top + 1):
        sheet.row_dimensions[r].height = ROW_HEIGHT
        for index, (column, value) in enumerate(zip(columns, form.cells(row), strict=True), 1):
            cell = sheet.cell(row=r, column=index)
            cell.border = border
            if column.key in FILL_IN:
                cell.protection = Protection(locked=False)
                cell.fill = PatternFill("solid", fgColor=FILL_COLOUR)
                cell.number_format = "yyyy-mm-dd" if column.key == "date" else "General"
                continue
            if isinstance(value, int | float):
                cell.value = value
            elif value is not None:
                _text(cell, value)
            cell.fill = PatternFill("solid", fgColor=LOCKED_COLOUR)
            if column.key in CENTRED:
                cell.alignment = Alignment(horizontal="center")
            widths[index - 1] = max(widths[index - 1], text_width(format_cell(column, value)))
    for index, (column, width) in enumerate(zip(columns, widths, strict=True), start=1):
        shown = max(width + 2, FILL_WIDTHS.get(column.key, 8))
        sheet.column_dimensions[get_column_letter(index)].width = min(shown, 40)


def _validations(sheet: Any, form: Form) -> None:
    from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped, unused-ignore]
        DataValidation,
    )

    first = header_row(form) + 1
    columns = [c.key for c in form.columns()]
    amount = columns.index("amount") + 1
    date = columns.index("date") + 1
    sums = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    levels = DataValidation(type="decimal", operator="between", formula1="-1E15", formula2="1E15")
    days = DataValidation(
        type="date",
        operator="between",
        formula1=f"DATE({form.year},1,1)",
        formula2=f"DATE({form.year},12,31)",
    )
    for rule, error in (
        (sums, t("form.invalid_amount")),
        (levels, t("form.invalid_level")),
        (days, t("form.invalid_date", year=form.year)),
    ):
        rule.allow_blank = True
        rule.showErrorMessage = True
        rule.errorTitle = t("form.invalid_title")
        rule.error = error
        sheet.add_data_validation(rule)
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]

    for r, row in enumerate(form.rows, start=first):
        (levels if row.takes_level else sums).add(f"{get_column_letter(amount)}{r}")
        days.add(f"{get_column_letter(date)}{r}")


def _protect_and_print(sheet: Any, form: Form) -> None:
    top = header_row(form)
    sheet.freeze_panes = sheet.cell(row=top + 1, column=1).coordinate
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # a clerk may still widen a column
    sheet.protection.formatRows = False
    print_on_a4(sheet, top, margin=0.5)
