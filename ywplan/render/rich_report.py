"""A report on the terminal: rich tables, states in colour, completion bars with 序时进度."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from rich import box
from rich.table import Table as RichTable
from rich.text import Text

from ywplan.i18n import t
from ywplan.render.bars import bar_of, charted, state_of_label, text_bar
from ywplan.render.terminal import STATE_STYLES, console
from ywplan.table import Table, format_cell

if TYPE_CHECKING:
    from ywplan.report_tables import Document


def _bar_text(table: Table, row: tuple[object, ...], style: str) -> Text:
    bar = bar_of(table, row)  # type: ignore[arg-type]
    if bar is None:
        return Text("")
    text = Text()
    for char in text_bar(bar):
        text.append(char, style="bold white" if char == "│" else style if char == "█" else "dim")
    return text


def table_view(table: Table, *, chart: bool) -> RichTable:
    """One table as a rich table; with *chart*, a bar column after the percent."""
    view = RichTable(title=table.title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
    bars = chart and charted(table)
    for column in table.columns:
        if bars and column.key == "percent":  # the bar and the percent share a column
            view.add_column(t("col.bar"), no_wrap=True)
        elif column.numeric:
            view.add_column(column.heading, justify="right", no_wrap=True)
        else:
            view.add_column(column.heading, overflow="fold", no_wrap=column.kind == "state")
    for row in table.rows:
        cells: list[Text] = []
        style = ""
        for column, value in zip(table.columns, row, strict=True):
            if column.kind == "state" and isinstance(value, str):
                state = state_of_label(value)
                style = STATE_STYLES[state] if state else ""
        for column, value in zip(table.columns, row, strict=True):
            text = format_cell(column, value)
            if bars and column.key == "percent":
                cells.append(Text.assemble(_bar_text(table, row, style or "cyan"), f" {text:>6}"))
            elif column.kind == "state":
                cells.append(Text(text, style=style))
            elif column.kind == "signed" and text.startswith("-"):
                cells.append(Text(text, style="red"))
            else:
                cells.append(Text(text))
        view.add_row(*cells)
    return view


def print_document(document: Document, file: IO[str] | None = None) -> None:
    """Print the report's title, heading lines and tables."""
    from ywplan.report_tables import grouped

    out = console(file)
    out.print(Text(document.title, style="bold"))
    for line in document.lines:
        out.print(Text(line, style="dim"))
    for table in document.tables:
        out.print()
        out.print(table_view(grouped(table), chart=table.title == document.chart))
        for note in table.notes:
            out.print(Text("  " + note, style="dim"))
    if document.chart:
        out.print(Text("  " + t("report.chart_legend"), style="dim"))
