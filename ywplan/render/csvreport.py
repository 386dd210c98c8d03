"""A report as one CSV file that Excel and WPS open with the Chinese intact.

Each table is a section: its title on a row of its own, the header, the rows, its notes,
then an empty row. Numbers stay numbers; text never becomes a formula
(:func:`ywplan.render.csvfile.safe_text`).
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from ywplan.render.csvfile import csv_cell, safe_text

if TYPE_CHECKING:
    from ywplan.report_tables import Document


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
