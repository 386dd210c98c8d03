"""A report as plain text (``--format txt``): tabulate tables, Chinese aligned by wcwidth.

Plain text is read on a terminal as often as in a file: every text goes through
:func:`~ywplan.safetext.visible`, so no escape sequence, bidi override or line feed in a
name reaches the reader raw (a line feed shows as ``␊`` and the row stays one line).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tabulate import tabulate

from ywplan.i18n import t
from ywplan.render.bars import bar_of, charted, text_bar
from ywplan.reports.table import Table, format_cell
from ywplan.safetext import visible

if TYPE_CHECKING:
    from ywplan.reports.table import Document, Output


def table_text(table: Table, *, chart: bool = False) -> str:
    """One table: its title, the grid, its notes (with *chart*, a bar column after percent)."""
    headings = [visible(c.heading) for c in table.columns]
    align = ["right" if c.numeric else "left" for c in table.columns]
    rows = [
        [visible(format_cell(c, v)) for c, v in zip(table.columns, row, strict=True)]
        for row in table.rows
    ]
    if chart and charted(table):
        at = next(i for i, c in enumerate(table.columns) if c.key == "percent") + 1
        headings.insert(at, t("col.bar"))
        align.insert(at, "left")
        for grid_row, row in zip(rows, table.rows, strict=True):
            bar = bar_of(table, row)
            grid_row.insert(at, text_bar(bar) if bar else "")
    lines = [visible(table.title), ""]
    if rows:
        lines.append(
            tabulate(
                rows, headers=headings, tablefmt="simple", colalign=align, disable_numparse=True
            )
        )
    else:
        lines.append("—")
    lines.extend(f"  {visible(note)}" for note in table.notes)
    return "\n".join(lines)


def write(output: Output, to_file: bool) -> str:
    """The registry's writer: the output's document as plain text."""
    return write_text(output.document())


def write_text(document: Document) -> str:
    """The whole report: title, heading lines, then each table (readers see items grouped)."""
    from ywplan.reports.table import grouped

    if document.listing:
        return "\n\n".join(table_text(table) for table in document.tables) + "\n"
    parts = [visible(document.title), "=" * 8, *map(visible, document.lines), ""]
    for table in document.tables:
        parts.append(table_text(grouped(table), chart=table.title == document.chart))
        parts.append("")
    if document.chart:
        parts.append(t("report.chart_legend"))
    return "\n".join(parts).rstrip() + "\n"
