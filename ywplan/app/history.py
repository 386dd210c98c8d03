"""``ywplan history TARGET``: a target's year month by month, and its chart in a terminal."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from ywplan.app.status import resolve_as_of, resolve_unit
from ywplan.core.recording import parse_target_ref
from ywplan.render import formats
from ywplan.reports.history import (
    Month,
    history_document,
    history_json,
    measured_months,
    months_of,
    series_of,
)
from ywplan.reports.table import Document, Output, Series
from ywplan.store.workspace import open_workspace


def show(document: Document, series: Series) -> None:
    """The terminal view: the table, then the cumulative drawn against 序时进度."""
    from rich.text import Text

    from ywplan.render.chart import terminal_chart
    from ywplan.render.terminal import console, print_document

    print_document(document)
    out = console()
    out.print()
    for line in terminal_chart(series):
        out.print(Text(line))


def run(
    path: Path,
    today: dt.date,
    target_ref: str,
    *,
    as_of: str | None,
    unit: str | None,
    fmt: str | None,
    output: str | None,
    force: bool = False,
) -> None:
    """Write the month-by-month history of *target_ref* in the chosen format."""
    chosen = formats.choose(fmt, output, formats.TABLES, formats.terminal_default())
    workspace = open_workspace(path, today, indexed=True, children=True)
    plan = workspace.plan
    item, target = parse_target_ref(plan, target_ref)
    day = resolve_as_of(plan, today, as_of, None)
    sub_unit = resolve_unit(plan, unit)
    ledger = workspace.columns([(item.number, target.id)])  # children's too
    measured = measured_months(plan, ledger, day, sub_unit)
    ref = f"{item.number}.{target.id}"
    months: list[Month] = months_of(measured, ref)
    document = partial(history_document, plan, item, target, months, sub_unit)
    series = series_of(measured, months[-1].progress)
    report = Output(
        document,
        partial(history_json, plan, item, target, months, sub_unit),
        view=lambda: show(document(), series),
    )
    formats.emit(report, chosen, output, force=force)
