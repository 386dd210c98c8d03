"""``ywplan status``: measure every target at a date, for the plan or one sub-unit."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from ywplan.core.dates import default_as_of, parse_date, parse_quarter
from ywplan.core.model import Plan
from ywplan.core.progress import assemble
from ywplan.core.rules import did_you_mean
from ywplan.errors import UsageError, YwplanError
from ywplan.render import formats
from ywplan.reports.status import only_lagging, status_document, status_listing
from ywplan.reports.table import Output
from ywplan.store.workspace import open_workspace


def resolve_as_of(plan: Plan, today: dt.date, as_of: str | None, quarter: str | None) -> dt.date:
    """The as-of date from ``--as-of`` or ``--quarter`` (not both), else the default."""
    if as_of is not None and quarter is not None:
        raise UsageError("usage.as_of_and_quarter")
    if quarter is not None:
        period = parse_quarter(quarter)
        if period is None:
            raise YwplanError("status.bad_quarter", value=quarter[:20])
        day = period.last
    elif as_of is not None:
        parsed = parse_date(as_of)
        if parsed is None:
            raise YwplanError("status.bad_as_of", value=as_of[:20])
        day = parsed
    else:
        return default_as_of(plan.year, today)
    if day.year != plan.year:
        raise YwplanError("status.as_of_outside_year", date=day.isoformat(), year=plan.year)
    return day


def resolve_unit(plan: Plan, unit: str | None) -> str | None:
    """``--unit`` checked against the plan's sub-units (with a suggestion when misspelt)."""
    if unit is None:
        return None
    unit = unit.strip()
    if unit not in plan.units:
        if not plan.units:
            raise YwplanError("entry.unit_without_units", unit=unit)
        raise YwplanError(
            "entry.unknown_unit",
            unit=unit,
            suggest=did_you_mean(unit, plan.units),
            units="、".join(plan.units),
        )
    return unit


def run(
    path: Path,
    today: dt.date,
    *,
    as_of: str | None,
    quarter: str | None,
    unit: str | None,
    behind: bool,
    fmt: str | None,
    output: str | None,
    force: bool = False,
) -> None:
    """Print (or write to *output*) the status of the plan at *path*."""
    chosen = formats.choose(fmt, output, formats.TABLES, "table")
    workspace = open_workspace(path, today, indexed=True)
    plan = workspace.plan
    day = resolve_as_of(plan, today, as_of, quarter)
    who = resolve_unit(plan, unit)
    progress = assemble(plan, workspace.tallies(day, who), day, who)
    if behind:
        progress = only_lagging(progress)

    def view() -> None:  # rich is imported only for the terminal
        from ywplan.render.terminal import print_status

        print_status(progress, list(progress.targets()))

    report = Output(partial(status_listing, progress), partial(status_document, progress), view)
    formats.emit(report, chosen, output, force=force)
