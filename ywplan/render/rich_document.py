"""A report on the terminal: rich tables, states in colour, completion bars with 序时进度."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from rich import box
from rich.table import Table as RichTable
from rich.text import Text

from ywplan.core.kinds import op_symbol
from ywplan.i18n import t
from ywplan.render.bars import bar_of, charted, state_named
from ywplan.render.terminal import STATE_STYLES, console, styled_bar
from ywplan.reports.table import Cell, Column, Table, format_cell

if TYPE_CHECKING:
    from ywplan.reports.table import Document


def _bar_text(table: Table, row: tuple[Cell, ...], style: str) -> Text:
    bar = bar_of(table, row)
    return Text("") if bar is None else styled_bar(bar, style)


# In a charted table an item's number and title head its rows, and the requirement, goal
# and unit share one cell, so that 13 columns fit a 120-column terminal.
_FOLDED = ("item", "title", "op", "unit")


def _state_style(table: Table, row: tuple[Cell, ...]) -> str:
    for column, value in zip(table.columns, row, strict=True):
        if column.kind == "state" and isinstance(value, str):
            state = state_named(value)
            return STATE_STYLES[state] if state else ""
    return ""


def _cell(
    table: Table, row: tuple[Cell, ...], column: Column, value: Cell, style: str, bars: bool
) -> Text:
    text = format_cell(column, value)
    if bars and column.key == "percent":
        return Text.assemble(_bar_text(table, row, style or "cyan"), f" {text:>6}")
    if bars and column.key == "goal":
        values = {c.key: v for c, v in zip(table.columns, row, strict=True)}
        op = values.get("op")
        symbol = op_symbol(op) if isinstance(op, str) else ""
        return Text(f"{symbol}{text} {values.get('unit') or ''}".strip())
    if column.kind == "state":
        return Text(text, style=style)
    if column.kind == "signed" and text.startswith("-"):
        return Text(text, style="red")
    return Text(text)


def table_view(table: Table, *, chart: bool) -> RichTable:
    """One table as a rich table; with *chart*, bars with the 序时进度 mark and item header rows."""
    view = RichTable(title=table.title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
    bars = chart and charted(table)
    shown = [c for c in table.columns if not (bars and c.key in _FOLDED)]
    for column in shown:
        if bars and column.key == "percent":  # the bar and the percent share a column
            view.add_column(t("col.percent"), no_wrap=True)
        elif column.numeric or (bars and column.key == "goal"):
            view.add_column(column.heading, justify="right", no_wrap=True)
        else:
            wide = bars and column is shown[0]
            view.add_column(
                column.heading,
                overflow="fold",
                no_wrap=column.kind == "state",
                min_width=20 if wide else None,
            )
    heading = None
    for row in table.rows:
        values = {c.key: v for c, v in zip(table.columns, row, strict=True)}
        if bars and (values.get("item"), values.get("title")) != heading:
            heading = (values.get("item"), values.get("title"))
            header = Text(f"{heading[0]} {heading[1]}", style="bold")
            header.no_wrap, header.overflow = True, "ellipsis"
            view.add_row(header)
        style = _state_style(table, row)
        cells = [_cell(table, row, c, values[c.key], style, bars) for c in shown]
        if bars and cells:
            cells[0] = Text("  ") + cells[0]
        view.add_row(*cells)
    return view


def print_document(document: Document, file: IO[str] | None = None) -> None:
    """Print the report's title, heading lines and tables."""
    from ywplan.reports.table import grouped

    out = console(file)
    out.print(Text(document.title, style="bold"))
    for line in document.lines:
        out.print(Text(line, style="dim"))
    for table in document.tables:
        out.print()
        chart = table.title == document.chart
        out.print(table_view(table if chart else grouped(table), chart=chart))
        for note in table.notes:
            out.print(Text("  " + note, style="dim"))
    if document.chart:
        out.print(Text("  " + t("report.chart_legend"), style="dim"))
