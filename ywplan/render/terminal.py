"""The terminal view: rich tables, states in colour, completion bars with the 序时进度 mark.

Every text from a plan or a ledger reaches rich as a :class:`~rich.text.Text` (never as
markup: ``[bold]`` in a name is text) made :func:`~ywplan.safetext.visible` (an escape
sequence or a bidi override in a name is shown, not acted on).

``status`` has its own view (:func:`print_items`: each item's title, state and 督办 flag,
its targets, its next milestone and latest note; ``log`` shows a target's line with
:func:`print_status`);
listings print as plain tables (:func:`print_table`); reports print every table, the
charted one with bars and item header rows (:func:`print_document`).
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import IO

from rich import box
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table as RichTable
from rich.text import Text

from ywplan.core.items import Flag, ItemStatus
from ywplan.core.kinds import State, goal_text, op_symbol
from ywplan.core.model import Item
from ywplan.core.numbers import format_number
from ywplan.core.progress import Progress, TargetProgress, year_fraction
from ywplan.i18n import t
from ywplan.render.bars import (
    BAR_WIDTH,
    Bar,
    bar_of,
    charted,
    flag_named,
    state_named,
    text_bar,
)
from ywplan.reports.status import flag_counts, flags_line, own_row
from ywplan.reports.table import Cell, Column, Document, Output, Table, format_cell, grouped
from ywplan.safetext import visible

STATE_STYLES: dict[State, str] = {
    State.DONE: "bold green",
    State.ON_TRACK: "cyan",
    State.BEHIND: "bold red",
    State.NOT_STARTED: "yellow",
    State.BREACHED: "bold magenta",
    State.OVERDUE: "bold red",
    State.DUE_SOON: "bold blue",
    State.IN_PROGRESS: "cyan",
    State.PENDING: "",
}
# 督办 colours: always shown with their names (红灯 …), so colour is never the only sign.
FLAG_STYLES: dict[Flag, str] = {
    Flag.RED: "bold white on red",
    Flag.YELLOW: "bold black on yellow",
    Flag.BLUE: "bold white on blue",
    Flag.GREEN: "green",
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
# the state, the percent and the 督办 flag are never given up.
_STATUS_KEYS = ("goal", "actual", "percent", "expected", "remaining", "gap", "state")
_GIVEN_UP = ("remaining", "bar", "expected", "goal", "actual", "gap")
NAME_MIN = 16  # cells: eight Chinese characters of a target's name on each line
_SIGNED = Column("gap", "", "signed")
_INDENT = (0, 0, 0, 2)


@dataclass(frozen=True, slots=True)
class _Row:
    """A row of the status table: what stands in the name column, then cells by key."""

    name: RenderableType
    cells: dict[str, Text]
    without_goal: RenderableType | None = None  # the name when the goal column is given up


def state_text(state: State) -> Text:
    """A state's name in its colour."""
    return Text(t("state." + state.value), style=STATE_STYLES[state])


def flag_text(flag: Flag) -> Text:
    """A 督办 flag's name (红灯) in its colour: never the colour alone."""
    return Text(flag.label, style=FLAG_STYLES[flag])


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
        "state": state_text(tp.state),
    }


def _header(item: Item) -> Text:
    """An item's number and title, cut to the name column (its targets follow)."""
    header = Text(visible(f"{item.number} {item.title}"), style="bold")
    header.no_wrap, header.overflow = True, "ellipsis"
    return header


def _target_row(tp: TargetProgress, bar_width: int, flag: Flag | None = None) -> _Row:
    cells = _status_cells(tp, bar_width)
    if flag is not None:
        cells["flag"] = flag_text(flag)
    return _Row(Padding(Text(visible(tp.target.name)), _INDENT), cells)


def _target_rows(targets: Sequence[TargetProgress], bar_width: int) -> list[_Row]:
    """Each target under its item's title (what ``log`` shows of the target it changed)."""
    rows: list[_Row] = []
    previous = None
    for tp in targets:
        if tp.item.number != previous:
            rows.append(_Row(_header(tp.item), {}))
            previous = tp.item.number
        rows.append(_target_row(tp, bar_width))
    return rows


def _detail_rows(status: ItemStatus) -> list[_Row]:
    """An item's next milestone (its name, when it is due, its state) and latest note (cut
    to one line); the year of a date is the plan's, in the title."""
    rows = []
    milestone = status.next_milestone
    if milestone is not None:
        due = milestone.due.strftime("%m-%d")
        name = Text(visible(milestone.name))
        narrow = Text(visible(t("status.milestone_due", name=milestone.name, due=due)))
        cells = {"goal": Text(t("status.due", due=due)), "state": state_text(milestone.state)}
        rows.append(_Row(Padding(name, _INDENT), cells, Padding(narrow, _INDENT)))
    note = status.latest_note
    if note is not None:
        date = note.date.strftime("%m-%d")
        text = _one_line(t("status.latest_note", date=date, text=note.text), "dim")
        rows.append(_Row(Padding(text, _INDENT), {}))
    return rows


def _one_line(text: str, style: str = "") -> Text:
    """*text* on one line, cut with … to the column's width."""
    line = Text(visible(text), style=style)
    line.no_wrap, line.overflow = True, "ellipsis"
    return line


def _item_rows(items: Sequence[ItemStatus], bar_width: int) -> list[_Row]:
    """Per item: its title (with its state and flag when it has a row of its own), its
    targets with their flags, then its next milestone and latest note."""
    rows = []
    for status in items:
        own = own_row(status.item)
        cells = {"state": state_text(status.state), "flag": flag_text(status.flag)} if own else {}
        rows.append(_Row(_header(status.item), cells))
        for tp, flag in zip(status.targets, status.target_flags, strict=True):
            rows.append(_target_row(tp, bar_width, flag))
        rows.extend(_detail_rows(status))
    return rows


def _status_layouts() -> list[tuple[tuple[str, ...], int]]:
    """The column sets to try, widest first, each with its bar width (0: none)."""
    layouts: list[tuple[tuple[str, ...], int]] = [(_STATUS_KEYS, BAR_WIDTH), (_STATUS_KEYS, 8)]
    given_up: set[str] = set()
    for key in _GIVEN_UP:
        given_up.add(key)
        keys = tuple(k for k in _STATUS_KEYS if k not in given_up)
        layouts.append((keys, 0 if "bar" in given_up else 8))
    return layouts


def _status_layout(
    rows: Sequence[_Row], width: int, last: tuple[str, ...] = ()
) -> tuple[tuple[str, ...], int]:
    """The widest column set (and bar width) that fits *width* with a :data:`NAME_MIN`
    name; *rows* are measured without bars, the columns *last* are always shown."""
    widths = {key: Text(t("col." + key)).cell_len for key in (*_STATUS_KEYS, *last)}
    for row in rows:  # the widest cell of each column, the percent without its bar
        for key, cell in row.cells.items():
            widths[key] = max(widths[key], cell.cell_len)
    layouts = _status_layouts()
    for keys, bar_width in layouts:
        bar_cells = bar_width + 1 if bar_width else 0
        needed = NAME_MIN + sum(widths[key] for key in (*keys, *last)) + bar_cells
        if needed + _overhead(len(keys) + len(last) + 1) <= width:
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


def _status_table(progress: Progress, rows: Sequence[_Row], keys: tuple[str, ...]) -> RichTable:
    table = RichTable(
        title=Text(visible(_title(progress))),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
    )
    table.add_column(Text(t("col.target")), overflow="fold", min_width=NAME_MIN)
    for key in keys:
        right = key not in ("percent", "state", "flag")
        table.add_column(Text(t("col." + key)), justify="right" if right else "left", no_wrap=True)
    for row in rows:
        name = row.name if row.without_goal is None or "goal" in keys else row.without_goal
        table.add_row(name, *(row.cells.get(key, "") for key in keys))
    return table


def status_view(progress: Progress, targets: list[TargetProgress], width: int = 160) -> RichTable:
    """The status table of *targets*: each item's title, then a row per target.

    Every row shows its state, whatever the width: on a narrow terminal the name wraps
    (Chinese counted two cells a character), the bar shrinks, then the columns of
    :data:`_GIVEN_UP` are left out one by one, so that the name keeps :data:`NAME_MIN`
    cells.
    """
    keys, bar_width = _status_layout(_target_rows(targets, 0), width)
    return _status_table(progress, _target_rows(targets, bar_width), keys)


def items_view(progress: Progress, items: Sequence[ItemStatus], width: int = 160) -> RichTable:
    """The status table of every item in *items* (``status``): as :func:`status_view`,
    with a 督办 column, and each item tracked by more than its targets shown with its
    state, flag, next milestone and latest note."""
    keys, bar_width = _status_layout(_item_rows(items, 0), width, ("flag",))
    return _status_table(progress, _item_rows(items, bar_width), (*keys, "flag"))


def print_status(
    progress: Progress,
    targets: list[TargetProgress],
    file: IO[str] | None = None,
    *,
    summary: bool = True,
) -> None:
    """Print the status table of *targets* and (with *summary*) a count per state."""
    out = console(file)
    if not targets:
        out.print(t("status.nothing"))
        return
    out.print(status_view(progress, targets, out.width))
    if summary:
        out.print(_state_counts(targets))


def print_items(
    progress: Progress, items: Sequence[ItemStatus], file: IO[str] | None = None
) -> None:
    """Print the status of *items*, a count per state of their targets, and per flag."""
    out = console(file)
    if not items:
        out.print(t("status.nothing"))
        return
    out.print(items_view(progress, items, out.width))
    targets = [tp for status in items for tp in status.targets]
    if targets:
        out.print(_state_counts(targets))
    out.print(_flag_counts(items))


def _state_counts(targets: Sequence[TargetProgress]) -> Text:
    """``│ 序时进度   已完成 3  正常推进 9 …``: the bar's mark, then the targets per state."""
    counts = {state: 0 for state in State}
    for tp in targets:
        counts[tp.state] += 1
    line = Text("  ")
    line.append("│", style="bold white")
    line.append(" " + t("status.mark") + "   ")
    for state, count in counts.items():
        if count:
            line.append(f"{t('state.' + state.value)} {count}  ", style=STATE_STYLES[state])
    return line


def _flag_counts(items: Sequence[ItemStatus]) -> Text:
    """``督办:红灯 2 · 黄灯 3 · 蓝灯 1 · 绿灯 24``, each count in its colour."""
    line = Text("  " + visible(flags_line(items)))
    for flag, count in flag_counts(items).items():
        part = f"{flag.label} {count}"
        at = line.plain.find(part)
        if at >= 0:
            line.stylize(FLAG_STYLES[flag], at, at + len(part))
    return line


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


def _bar_text(table: Table, row: tuple[Cell, ...], style: str, width: int) -> Text:
    bar = bar_of(table, row)
    return Text("") if bar is None else styled_bar(bar, style, width)


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
    table: Table,
    row: tuple[Cell, ...],
    column: Column,
    value: Cell,
    style: str,
    bars: bool,
    bar_width: int = BAR_WIDTH,
) -> Text:
    text = visible(format_cell(column, value))
    if bars and bar_width and column.key == "percent":
        return Text.assemble(_bar_text(table, row, style or "cyan", bar_width), f" {text:>6}")
    if bars and column.key == "goal":
        values = {c.key: v for c, v in zip(table.columns, row, strict=True)}
        op = values.get("op")
        symbol = op_symbol(op) if isinstance(op, str) else ""
        return Text(visible(f"{symbol}{text} {values.get('unit') or ''}".strip()))
    if column.kind == "state":
        return Text(text, style=style)
    flag = flag_named(value) if column.kind == "flag" and isinstance(value, str) else None
    if flag is not None:
        return Text(text, style=FLAG_STYLES[flag])
    if column.kind == "signed" and text.startswith("-"):
        return Text(text, style="red")
    return Text(text)


def _shown(table: Table, bars: bool) -> list[Column]:
    return [c for c in table.columns if not (bars and c.key in _FOLDED)]


def _view_rows(table: Table, bars: bool, bar_width: int) -> list[Text | list[Text]]:
    """The rows of a table's view: an item's header (with *bars*), or its cells."""
    shown = _shown(table, bars)
    rows: list[Text | list[Text]] = []
    heading = None
    for row in table.rows:
        values = {c.key: v for c, v in zip(table.columns, row, strict=True)}
        if bars and (values.get("item"), values.get("title")) != heading:
            heading = (values.get("item"), values.get("title"))
            header = Text(visible(f"{heading[0]} {heading[1]}"), style="bold")
            header.no_wrap, header.overflow = True, "ellipsis"
            rows.append(header)
        style = _state_style(table, row)
        cells = [_cell(table, row, c, values[c.key], style, bars, bar_width) for c in shown]
        if bars and cells:
            cells[0] = Text("  ") + cells[0]
        rows.append(cells)
    return rows


_CHART_NAME = 20  # cells kept for a target's name in a charted table


def table_view(table: Table, *, chart: bool, bar_width: int = BAR_WIDTH) -> RichTable:
    """One table as a rich table; with *chart*, bars (*bar_width* cells, 0: none) with the
    序时进度 mark and item header rows."""
    view = RichTable(
        title=Text(visible(table.title)), box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False
    )
    bars = chart and charted(table)
    shown = _shown(table, bars)
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
                no_wrap=column.kind in ("state", "flag"),
                min_width=_CHART_NAME if wide else None,
            )
    for row in _view_rows(table, bars, bar_width):
        if isinstance(row, Text):
            view.add_row(row)
        else:
            view.add_row(*row)
    return view


# Columns a narrow terminal drops, in turn, before it shortens the bars: 存在问题 names the
# flagged targets; the change since the previous period is in every file format.
_DROPPABLE = (("flag",), ("flag", "previous"), ("flag", "previous", "change"))


def _without(table: Table, keys: tuple[str, ...]) -> Table:
    kept = [i for i, c in enumerate(table.columns) if c.key not in keys]
    return replace(
        table,
        columns=tuple(table.columns[i] for i in kept),
        rows=tuple(tuple(row[i] for i in kept) for row in table.rows),
    )


def chart_view(table: Table, width: int) -> RichTable:
    """The charted table as it fits *width* columns with a readable name: whole with the
    full bar, else without the columns of :data:`_DROPPABLE` in turn, then with a shorter
    bar, then none."""
    slimmer = [_without(table, keys) for keys in _DROPPABLE]
    tries = [(table, BAR_WIDTH), *((t, BAR_WIDTH) for t in slimmer), (slimmer[-1], BAR_WIDTH // 2)]
    for shown, bar_width in tries:
        if _chart_width(shown, bar_width) <= width:
            return table_view(shown, chart=True, bar_width=bar_width)
    return table_view(slimmer[-1], chart=True, bar_width=0)


def _chart_width(table: Table, bar_width: int) -> int:
    """The cells a charted table needs when its names keep :data:`NAME_MIN` cells."""
    view = table_view(table, chart=True, bar_width=bar_width)
    view.columns[0].width = NAME_MIN
    out = Console(width=1000, file=io.StringIO())
    lines = out.render_lines(view, out.options, pad=False)
    return max(Segment.get_line_length(line) for line in lines)


def print_document(document: Document, file: IO[str] | None = None) -> None:
    """Print the report's title, heading lines and tables."""
    out = console(file)
    out.print(Text(visible(document.title), style="bold"))
    for line in document.lines:
        out.print(Text(visible(line), style="dim"))
    for table in document.tables:
        out.print()
        if table.title == document.chart:
            out.print(chart_view(table, out.width))
        else:
            out.print(table_view(grouped(table), chart=False))
        for note in table.notes:
            out.print(Text("  " + visible(note), style="dim"))
    if document.chart:
        out.print(Text("  " + t("report.chart_legend"), style="dim"))
