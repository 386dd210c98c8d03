"""The terminal view of progress: a rich table with completion bars and coloured states."""

from __future__ import annotations

import shutil
import sys
from typing import IO, Literal

from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from ywplan.i18n import t
from ywplan.progress import Progress, State, TargetProgress, year_fraction
from ywplan.report import goal_text, state_label
from ywplan.safetext import visible
from ywplan.table import Table as GridTable
from ywplan.table import format_cell, format_number

STATE_STYLES: dict[State, str] = {
    State.DONE: "bold green",
    State.ON_TRACK: "cyan",
    State.BEHIND: "bold red",
    State.NOT_STARTED: "yellow",
    State.BREACHED: "bold magenta",
}
BAR_WIDTH = 16


def console(file: IO[str] | None = None) -> Console:
    """A console that keeps wide Chinese tables on one line even when piped."""
    out = file or sys.stdout
    tty = out.isatty()
    width = shutil.get_terminal_size((160, 24)).columns if tty else 160
    return Console(file=out, width=max(width, 100), highlight=False, soft_wrap=False)


def bar(tp: TargetProgress, width: int = BAR_WIDTH) -> Text:
    """``█████░░│░░░`` — completion against the goal, ``│`` where 序时进度 stands."""
    ratio = 0.0 if tp.goal <= 0 else max(tp.actual, 0.0) / tp.goal
    filled = min(round(ratio * width), width)
    mark = min(round(tp.expected / tp.goal * width), width - 1) if tp.goal > 0 else -1
    text = Text()
    style = STATE_STYLES[tp.state]
    for i in range(width):
        if i == mark and tp.target.op == ">=":
            text.append("│", style="bold white")
        elif i < filled:
            text.append("█", style=style)
        else:
            text.append("░", style="dim")
    return text


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


def status_view(progress: Progress, targets: list[TargetProgress]) -> RichTable:
    """The status table for the terminal."""
    table = RichTable(
        title=Text(visible(_title(progress))),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
    )
    columns: tuple[tuple[str, Literal["left", "right"]], ...] = (
        ("item", "left"),
        ("target", "left"),
        ("goal", "right"),
        ("actual", "right"),
        ("bar", "left"),
        ("expected", "right"),
        ("remaining", "right"),
        ("gap", "right"),
        ("state", "left"),
    )
    for key, justify in columns:
        heading = t("col.title" if key == "item" else "col." + key)
        table.add_column(heading, justify=justify, no_wrap=key != "item")
    previous = None
    for tp in targets:
        label = f"{tp.item.number} {tp.item.title}" if tp.item.number != previous else ""
        previous = tp.item.number
        gap = format_number(round(tp.gap, 1))
        table.add_row(
            Text(visible(label), overflow="ellipsis"),
            Text(visible(tp.target.name)),
            Text(visible(goal_text(tp))),
            format_number(tp.actual),
            Text.assemble(bar(tp), f" {tp.percent:.1f}%"),
            format_number(round(tp.expected, 1)),
            format_number(tp.remaining),
            Text(
                gap if gap.startswith("-") or gap == "0" else "+" + gap,
                style="red" if tp.gap < 0 else "",
            ),
            Text(state_label(tp), style=STATE_STYLES[tp.state]),
        )
    return table


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
    out.print(status_view(progress, targets))
    if not summary:
        return
    counts = {state: 0 for state in State}
    for tp in targets:
        counts[tp.state] += 1
    line = Text("  ")
    for state, count in counts.items():
        if count:
            line.append(f"{t('state.' + state.value)} {count}  ", style=STATE_STYLES[state])
    out.print(line)
    qualitative = sum(1 for ip in progress.items if not ip.targets)
    if qualitative:
        out.print(Text("  " + t("status.qualitative", count=qualitative), style="dim"))


def print_table(table: GridTable, file: IO[str] | None = None) -> None:
    """Print any :class:`~ywplan.table.Table` as a rich table."""
    out = console(file)
    view = RichTable(
        title=Text(visible(table.title)), box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False
    )
    for column in table.columns:
        view.add_column(visible(column.heading), justify="right" if column.numeric else "left")
    for row in table.rows:
        view.add_row(
            *(Text(visible(format_cell(c, v))) for c, v in zip(table.columns, row, strict=True))
        )
    out.print(view)
    for note in table.notes:
        out.print(Text("  " + visible(note), style="dim"))
