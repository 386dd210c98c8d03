"""A sub-unit's fill-in form as CSV, for an office that works without Excel.

The same rows as the workbook (``render/form_xlsx.py``), without its protection and
validation: a first row that identifies the form for ``intake`` (``ywplan-form,plan=…``),
the unit and month, the instructions, then the table. UTF-8 with a BOM and CRLF line
ends, as Excel and WPS open it; text never runs as a formula.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from ywplan.render.csv import csv_cell
from ywplan.reports.form import Form
from ywplan.safetext import spreadsheet_text
from ywplan.store.sheets import META_MARK

if TYPE_CHECKING:
    from ywplan.reports.table import Output


def write(output: Output, to_file: bool) -> str:
    """The registry's writer: the form carried as the output's data, as CSV."""
    form = output.data()
    assert isinstance(form, Form)
    return write_form(form)


def write_form(form: Form) -> str:
    """The form as CSV text (with a BOM)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    meta = [spreadsheet_text(f"{key}={value}") for key, value in form.metadata.items()]
    writer.writerow([META_MARK, *meta])
    heading: list[str] = []
    for label, value in form.heading:
        heading += [spreadsheet_text(label), spreadsheet_text(value), ""]
    writer.writerow(heading[:-1])
    for line in form.instructions(workbook=False):
        writer.writerow([spreadsheet_text(line)])
    writer.writerow([])
    columns = form.columns()
    writer.writerow([spreadsheet_text(c.heading) for c in columns])
    for row in form.rows:
        writer.writerow([csv_cell(c, v) for c, v in zip(columns, form.cells(row), strict=True)])
    return "\ufeff" + buffer.getvalue()
