"""``ywplan missing``: which sub-units have not reported in a month or quarter."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from ywplan.app.form import current_month
from ywplan.app.report import resolve_period
from ywplan.errors import YwplanError
from ywplan.render import formats
from ywplan.reports.missing import find_missing, missing_data, missing_document
from ywplan.reports.table import Output
from ywplan.store.workspace import open_workspace


def run(
    path: Path,
    today: dt.date,
    *,
    month: str | None,
    quarter: str | None,
    fmt: str | None,
    output: str | None,
    force: bool = False,
) -> None:
    """List, per sub-unit, the quota targets with no entry in the period (default: this month)."""
    chosen = formats.choose(fmt, output, formats.TABLES, formats.terminal_default())
    workspace = open_workspace(path, today, indexed=True, children=True)
    plan = workspace.plan
    if not plan.units:
        raise YwplanError("form.no_units")
    if month is None and quarter is None:
        month = current_month(plan, today)
    period, kind = resolve_period(plan, today, quarter, month)
    found = find_missing(plan, workspace.columns(), period)  # children's too (SPEC §8)
    report = Output(
        partial(missing_document, plan, period, found),
        partial(missing_data, plan, period, kind, found),
    )
    formats.emit(report, chosen, output, force=force)
