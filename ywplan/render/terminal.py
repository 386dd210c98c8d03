"""The terminal view: rich tables, states in colour, completion bars with the 序时进度 mark.

Every text from a plan or a ledger reaches rich as a :class:`~rich.text.Text` (never as
markup: ``[bold]`` in a name is text) made :func:`~ywplan.safetext.visible` (an escape
sequence or a bidi override in a name is shown, not acted on).

``status`` has its own view (:func:`print_status`: each item's title, then its targets);
listings print as plain tables (:func:`print_table`); reports print every table, the
charted one with bars and item header rows (:func:`print_document`).
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from functools import cache
from typing import IO

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table as RichTable
from rich.text import Text

from ywplan.core.kinds import State, goal_text, op_symbol
from ywplan.core.numbers import format_number
from ywplan.core.progress import Progress, TargetProgress, year_fraction
from ywplan.i18n import t
from ywplan.render.bars import BAR_WIDTH, Bar, bar_of, charted, state_named, text_bar
from ywplan.reports.table import Cell, Column, Document, Output, Table, format_cell, grouped
from ywplan.safetext import visible

STATE_STYLES: dict[State, str] = {
    State.DONE: "bold green",
    State.ON_TRACK: "cyan",
    State.BEHIND: "bold red",
    State.NOT_STARTED: "yellow",
    State.BREACHED: "bold magenta",
}


def console(file: IO[str] | None = None) -> Console:
    """A console ``COLUMNS`` wide when set, else the terminal's width, else (piped) 120
    columns, which keeps wide Chinese tables on one line; never under 60."""
    out = file or sys.stdout
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        width = int(columns)
    else:
        width = shutil.get_terminal_size((120, 24)).columns if out.isatty() else 120
    return Console(file=out, width=max(width, 60), highlight=False, soft_wrap=False)


def styled_bar(bar: Bar, style: str, width: int = BAR_WIDTH) -> Text:
    """A :func:`~ywplan.render.bars.text_bar` in colour: the filled part in the state's style."""
    text = Text()
    for char in text_bar(bar, width):
        text.append(char, style="bold white" if char == "│" else style if char == "█" else "dim")
    return text


def bar(tp: TargetProgress, width: int = BAR_WIDTH) -> Text:
    """``█████░░│░░░`` — completion against the goal, ``│`` where 序时进度 stands."""
    ratio = 0.0 if tp.goal <= 0 else max(tp.actual, 0.0) / tp.goal
    mark = min(tp.expected / tp.goal, 1.0) if tp.goal > 0 and tp.target.op == ">=" else None
    return styled_bar(Bar(ratio, mark), STATE_STYLES[tp.state], width)


def _title(progress: Progress) -> str:
    title = t(
        "status.heading",
        plan=progress.plan.plan,
        as_of=progress.as_of.isoformat(),
        fraction=f"{year_fraction(progress.as_of) * 100:.1f}%",
    )
    if progress.unit is not None:
        title += t("status.title_unit", unit=progress.unit)
    return title


# What a status row shows after the target's name, and in which order a terminal too
# narrow for all of them (with a readable name) gives them up: the bar shrinks first,
# the state and the percent are never given up.
_STATUS_KEYS = ("goal", "actual", "percent", "expected", "remaining", "gap", "state")
_GIVEN_UP = ("remaining", "bar", "expected", "goal", "actual", "gap")
NAME_MIN = 16  # cells: eight Chinese characters of a target's name on each line
_SIGNED = Column("gap", "", "signed")


def _status_cells(tp: TargetProgress, bar_width: int) -> dict[str, Text]:
    """A target's cells after its name, by column key (*bar_width* 0: no bar)."""
    gap = format_cell(_SIGNED, tp.gap)
    percent = Text(f"{tp.percent:.1f}%")
    return {
        "goal": Text(visible(goal_text(tp.target.op, tp.goal, tp.target.unit))),
        "actual": Text(format_number(tp.actual)),
        "percent": Text.assemble(bar(tp, bar_width), " ", percent) if bar_width else percent,
        "expected": Text(format_number(tp.expected)),
        "remaining": Text(format_number(tp.remaining)),
        "gap": Text(gap, style="red" if gap.startswith("-") else ""),
        "state": Text(t("state." + tp.state.value), style=STATE_STYLES[tp.state]),
    }


def _status_layouts() -> list[tuple[tuple[str, ...], int]]:
    """The column sets to try, widest first, each with its bar width (0: none)."""
    layouts: list[tuple[tuple[str, ...], int]] = [(_STATUS_KEYS, BAR_WIDTH), (_STATUS_KEYS, 8)]
    given_up: set[str] = set()
    for key in _GIVEN_UP:
        given_up.add(key)
        keys = tuple(k for k in _STATUS_KEYS if k not in given_up)
        layouts.append((keys, 0 if "bar" in given_up else 8))
    return layouts


def _status_layout(targets: list[TargetProgress], width: int) -> tuple[tuple[str, ...], int]:
    """The widest column set (and bar width) that fits *width* with a :data:`NAME_MIN` name."""
    widths = {key: Text(t("col." + key)).cell_len for key in _STATUS_KEYS}
    for tp in targets:  # the widest cell of each column, the percent without its bar
        for key, cell in _status_cells(tp, 0).items():
            widths[key] = max(widths[key], cell.cell_len)
    layouts = _status_layouts()
    for keys, bar_width in layouts:
        bar_cells = bar_width + 1 if bar_width else 0
        needed = NAME_MIN + sum(widths[key] for key in keys) + bar_cells
        if needed + _overhead(len(keys) + 1) <= width:
            return keys, bar_width
    return layouts[-1]


@cache
def _overhead(columns: int) -> int:
    """The cells a status table of *columns* columns spends on padding and edges."""
    probe = RichTable(box=box.SIMPLE_HEAD, pad_edge=False, show_header=False)
    for _ in range(columns):
        probe.add_column(width=1, no_wrap=True)
    probe.add_row(*["x"] * columns)
    out = Console(width=10 * columns + 10, file=io.StringIO())
    lines = out.render_lines(probe, out.options, pad=False)
    return max(Segment.get_line_length(line) for line in lines) - columns


def _status_table(
    progress: Progress, targets: list[TargetProgress], keys: tuple[str, ...], bar_width: int
) -> RichTable:
    table = RichTable(
        title=Text(visible(_title(progress))),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
    )
    table.add_column(Text(t("col.target")), overflow="fold", min_width=NAME_MIN)
    for key in keys:
        right = key not in ("percent", "state")
        table.add_column(Text(t("col." + key)), justify="right" if right else "left", no_wrap=True)
    previous = None
    for tp in targets:
        if tp.item.number != previous:
            header = Text(visible(f"{tp.item.number} {tp.item.title}"), style="bold")
            header.no_wrap, header.overflow = True, "ellipsis"
            table.add_row(header)
            previous = tp.item.number
        cells = _status_cells(tp, bar_width)
        name = Padding(Text(visible(tp.target.name)), (0, 0, 0, 2))
        table.add_row(name, *(cells[key] for key in keys))
    return table


def status_view(progress: Progress, targets: list[TargetProgress], width: int = 160) -> RichTable:
    """The status table for the terminal: each item's title, then a row per target.

    Every row shows its state, whatever the width: on a narrow terminal the name wraps
    (Chinese counted two cells a character), the bar shrinks, then the columns of
    :data:`_GIVEN_UP` are left out one by one, so that the name keeps :data:`NAME_MIN`
    cells.
    """
    keys, bar_width = _status_layout(targets, width)
    return _status_table(progress, targets, keys, bar_width)


def print_status(
    progress: Progress,
    targets: list[TargetProgress],
    file: IO[str] | None = None,
    *,
    summary: bool = True,
) -> None:
    """Print the status table and (with *summary*) a count per state and of qualitative items."""
    out = console(file)
    if not targets:
        out.print(t("status.nothing"))
        return
    out.print(status_view(progress, targets, out.width))
    if not summary:
        return
    counts = {state: 0 for state in State}
    for tp in targets:
        counts[tp.state] += 1
    line = Text("  ")
    line.append("│", style="bold white")
    line.append(" " + t("status.mark") + "   ")
    for state, count in counts.items():
        if count:
            line.append(f"{t('state.' + state.value)} {count}  ", style=STATE_STYLES[state])
    out.print(line)
    qualitative = sum(1 for ip in progress.items if not ip.targets)
    if qualitative:
        out.print(Text("  " + t("status.qualitative", count=qualitative), style="dim"))


def print_table(table: Table, file: IO[str] | None = None) -> None:
    """Print any :class:`~ywplan.reports.table.Table` as a rich table."""
    out = console(file)
    view = RichTable(
        title=Text(visible(table.title)), box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False
    )
    for column in table.columns:
        view.add_column(
            Text(visible(column.heading)), justify="right" if column.numeric else "left"
        )
    for row in table.rows:
        view.add_row(
            *(Text(visible(format_cell(c, v))) for c, v in zip(table.columns, row, strict=True))
        )
    out.print(view)
    for note in table.notes:
        out.print(Text("  " + visible(note), style="dim"))


def write(output: Output, to_file: bool) -> str:
    """The registry's writer for the terminal: the command's own view, else its tables."""
    if output.view is not None:
        output.view()
        return ""
    document = output.document()
    if document.listing:
        for table in document.tables:
            print_table(table)
        return ""
    print_document(document)
    return ""


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
    text = visible(format_cell(column, value))
    if bars and column.key == "percent":
        return Text.assemble(_bar_text(table, row, style or "cyan"), f" {text:>6}")
    if bars and column.key == "goal":
        values = {c.key: v for c, v in zip(table.columns, row, strict=True)}
        op = values.get("op")
        symbol = op_symbol(op) if isinstance(op, str) else ""
        return Text(visible(f"{symbol}{text} {values.get('unit') or ''}".strip()))
    if column.kind == "state":
        return Text(text, style=style)
    if column.kind == "signed" and text.startswith("-"):
        return Text(text, style="red")
    return Text(text)


def table_view(table: Table, *, chart: bool) -> RichTable:
    """One table as a rich table; with *chart*, bars with the 序时进度 mark and item header rows."""
    view = RichTable(
        title=Text(visible(table.title)), box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False
    )
    bars = chart and charted(table)
    shown = [c for c in table.columns if not (bars and c.key in _FOLDED)]
    for column in shown:
        if bars and column.key == "percent":  # the bar and the percent share a column
            view.add_column(Text(t("col.percent")), no_wrap=True)
        elif column.numeric or (bars and column.key == "goal"):
            view.add_column(Text(visible(column.heading)), justify="right", no_wrap=True)
        else:
            wide = bars and column is shown[0]
            view.add_column(
                Text(visible(column.heading)),
                overflow="fold",
                no_wrap=column.kind == "state",
                min_width=20 if wide else None,
            )
    heading = None
    for row in table.rows:
        values = {c.key: v for c, v in zip(table.columns, row, strict=True)}
        if bars and (values.get("item"), values.get("title")) != heading:
            heading = (values.get("item"), values.get("title"))
            header = Text(visible(f"{heading[0]} {heading[1]}"), style="bold")
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
    out = console(file)
    out.print(Text(visible(document.title), style="bold"))
    for line in document.lines:
        out.print(Text(visible(line), style="dim"))
    for table in document.tables:
        out.print()
        chart = table.title == document.chart
        out.print(table_view(table if chart else grouped(table), chart=chart))
        for note in table.notes:
            out.print(Text("  " + visible(note), style="dim"))
    if document.chart:
        out.print(Text("  " + t("report.chart_legend"), style="dim"))
