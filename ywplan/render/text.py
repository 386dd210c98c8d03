"""A report as plain text (``--format txt``): tabulate's simple tables, Chinese aligned by wcwidth.

Plain text is read on a terminal as often as in a file: every text goes through
:func:`~ywplan.safetext.visible`, so no escape sequence, bidi override or line feed in a
name reaches the reader raw (a line feed shows as ``␊`` and the row stays one line).
"""

from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING

from wcwidth import wcswidth

from ywplan.i18n import t
from ywplan.render.bars import bar_of, charted, text_bar
from ywplan.reports.table import Table, format_cell, per_value
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
        lines.append(grid(headings, rows, align))
    else:
        lines.append("—")
    lines.extend(f"  {visible(note)}" for note in table.notes)
    return "\n".join(lines)


def grid(headings: list[str], rows: list[list[str]], align: list[str]) -> str:
    """The rows under their headings as tabulate's ``simple`` table (numbers not parsed,
    each column aligned left or right), made a column at a time.

    tabulate measures each cell's width twice with wcwidth, a Python call per character,
    and deduces each cell's type: a units table of 4,000 rows took a quarter of a
    second. Here each distinct text is measured once; the lines are what tabulate makes
    (cells stripped, padded to the widest by display width, two spaces between columns,
    each line's end stripped). A cell tabulate would read as several lines or as
    coloured (a line break, an escape: never a visible text) goes to tabulate.
    """
    text = "\t".join(chain(headings, chain.from_iterable(rows)))
    if "\x1b" in text or "\n" in text or "\r" in text:
        from tabulate import tabulate  # imported for these only: its import is a cost too

        return tabulate(
            rows, headers=headings, tablefmt="simple", colalign=align, disable_numparse=True
        )
    columns = []
    widths = []
    for heading, cells, where in zip(headings, zip(*rows, strict=True), align, strict=True):
        stripped = [cell.strip() for cell in cells]
        shown = per_value(stripped, wcswidth)
        width = max(wcswidth(heading) + 2, *shown)
        pad = str.rjust if where == "right" else str.ljust
        # as tabulate pads: to the width, less what wcwidth counts beyond the length
        columns.append([pad(c, width - (w - len(c))) for c, w in zip(stripped, shown, strict=True)])
        widths.append(width)
    header = [
        (str.rjust if where == "right" else str.ljust)(h, width + len(h) - wcswidth(h))
        for h, width, where in zip(headings, widths, align, strict=True)
    ]
    lines = ["  ".join(header).rstrip(), "  ".join("-" * width for width in widths).rstrip()]
    lines.extend("  ".join(row).rstrip() for row in zip(*columns, strict=True))
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
