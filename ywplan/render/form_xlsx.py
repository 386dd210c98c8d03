"""A sub-unit's fill-in form as an Excel workbook (XlsxWriter, as the report's workbook).

Made for a county clerk with WPS or Excel and nobody to ask: the title, the unit and
month, the instructions (填表说明), then a row per target with its quota and what is
done so far. Only the amount, date and note cells are unlocked (shaded) under sheet
protection without a password; the amount accepts a number ≥ 0 (any number for a
level), the date a day of the plan year. It prints on A4, landscape, one page wide,
the header repeated. A very hidden sheet ``ywplan`` says which plan, year, unit and
month the form is for, so that ``intake`` refuses it for another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ywplan.i18n import t
from ywplan.render.xlsx import (
    CENTRED_WRAPPED,
    GRID,
    finish,
    new_workbook,
    print_on_a4,
    set_width,
    sheet_title,
    text_width,
    write_text,
)
from ywplan.reports.form import FILL_IN, Form
from ywplan.reports.table import format_cell
from ywplan.store.sheets import META_SHEET

if TYPE_CHECKING:
    from ywplan.reports.table import Output

FILL_COLOUR = "#FFF7D6"
HEADER_COLOUR = "#E8EEF7"
LOCKED_COLOUR = "#F4F4F4"
TEXT_COLOUR = "#333333"
FILL_WIDTHS = {"amount": 14, "date": 14, "note": 36}  # room to type, and to write on paper
ROW_HEIGHT = 22
CENTRED = ("item", "measure")
DRAWINGS_FREE = {"objects": True, "scenarios": True}  # nothing to lock there: none are made


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
    workbook, buffer = new_workbook(form.title)
    sheet = workbook.add_worksheet(sheet_title(t("form.sheet"), set()))
    _head(workbook, sheet, form)
    _table(workbook, sheet, form)
    _validations(sheet, form)
    _protect_and_print(sheet, form)
    meta = workbook.add_worksheet(META_SHEET)
    for row, (key, value) in enumerate(form.metadata.items()):
        write_text(meta, row, 0, key)
        write_text(meta, row, 1, value)
    meta.very_hidden()
    meta.protect("", DRAWINGS_FREE)
    return finish(workbook, buffer)


def _head(workbook: Any, sheet: Any, form: Form) -> None:
    write_text(sheet, 0, 0, form.title, workbook.add_format({"bold": True, "font_size": 14}))
    bold = workbook.add_format({"bold": True})
    for index, (label, value) in enumerate(form.heading):
        write_text(sheet, 1, 3 * index, label, bold)
        write_text(sheet, 1, 1 + 3 * index, value)
    title = workbook.add_format({"bold": True, "font_color": TEXT_COLOUR})
    line = workbook.add_format({"font_color": TEXT_COLOUR})
    for row, text in enumerate(form.instructions(), start=2):
        write_text(sheet, row, 0, text, title if row == 2 else line)


def _table(workbook: Any, sheet: Any, form: Form) -> None:
    top = header_row(form) - 1  # XlsxWriter counts rows and columns from 0
    columns = form.columns()
    header = workbook.add_format(
        {"bold": True, "bg_color": HEADER_COLOUR, **GRID, **CENTRED_WRAPPED}
    )
    fill_in = {
        key: workbook.add_format(
            {
                **GRID,
                "bg_color": FILL_COLOUR,
                "locked": False,
                "num_format": "yyyy-mm-dd" if key == "date" else "General",
            }
        )
        for key in FILL_IN
    }
    locked = workbook.add_format({**GRID, "bg_color": LOCKED_COLOUR})
    centred = workbook.add_format({**GRID, "bg_color": LOCKED_COLOUR, "align": "center"})
    widths = [text_width(c.heading) for c in columns]
    for index, column in enumerate(columns):
        write_text(sheet, top, index, column.heading, header)
    for r, row in enumerate(form.rows, start=top + 1):
        sheet.set_row(r, ROW_HEIGHT)
        for index, (column, value) in enumerate(zip(columns, form.cells(row), strict=True)):
            if column.key in FILL_IN:
                sheet.write_blank(r, index, None, fill_in[column.key])
                continue
            shown = centred if column.key in CENTRED else locked
            if isinstance(value, int | float):
                sheet.write_number(r, index, value, shown)
            elif value is None:
                sheet.write_blank(r, index, None, shown)
            else:
                write_text(sheet, r, index, value, shown)
            widths[index] = max(widths[index], text_width(format_cell(column, value)))
    for index, (column, width) in enumerate(zip(columns, widths, strict=True)):
        set_width(sheet, index, min(max(width + 2, FILL_WIDTHS.get(column.key, 8)), 40))


_ANY_LEVEL = {"value": "-1E15", "maximum": "1E15"}  # a level may be below 0 (a fall)


def _in_year(year: int) -> dict[str, str]:
    return {"value": f"DATE({year},1,1)", "maximum": f"DATE({year},12,31)"}


def _validations(sheet: Any, form: Form) -> None:
    from xlsxwriter.utility import xl_rowcol_to_cell  # type: ignore[import-untyped, unused-ignore]

    first = header_row(form)  # the first row of targets, 0-based
    columns = [c.key for c in form.columns()]
    amount, date = columns.index("amount"), columns.index("date")
    rows = list(enumerate(form.rows, start=first))
    sums = [xl_rowcol_to_cell(r, amount) for r, row in rows if not row.takes_level]
    levels = [xl_rowcol_to_cell(r, amount) for r, row in rows if row.takes_level]
    days = [xl_rowcol_to_cell(r, date) for r, _ in rows]
    year = form.year
    rules: list[tuple[list[str], dict[str, Any], str]] = [
        (sums, {"validate": "decimal", "criteria": ">=", "value": "0"}, "form.invalid_amount"),
        (
            levels,
            {"validate": "decimal", "criteria": "between", **_ANY_LEVEL},
            "form.invalid_level",
        ),
        (days, {"validate": "date", "criteria": "between", **_in_year(year)}, "form.invalid_date"),
    ]
    for cells, rule, error in rules:
        if not cells:
            continue
        rule.update(
            ignore_blank=True,
            show_input=False,
            error_title=t("form.invalid_title"),
            error_message=t(error, year=year),
            multi_range=" ".join(cells),
        )
        sheet.data_validation(cells[0], rule)


def _protect_and_print(sheet: Any, form: Form) -> None:
    top = header_row(form)
    sheet.freeze_panes(top, 0)
    # no password; a clerk may still widen a column or a row
    sheet.protect("", {"format_columns": True, "format_rows": True, **DRAWINGS_FREE})
    print_on_a4(sheet, top, margin=0.5)
