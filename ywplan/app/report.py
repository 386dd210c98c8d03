"""``ywplan report``: the quarterly (季报) or monthly (月报) report, in any format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from ywplan.core.dates import Period, default_as_of, parse_month, parse_quarter
from ywplan.core.items import track
from ywplan.core.model import Entry, Plan
from ywplan.core.periods import (
    PeriodKind,
    PeriodProgress,
    latest_notes_by_unit,
    period_progress,
)
from ywplan.core.progress import Ledger, LedgerColumns, Progress, compute
from ywplan.core.ranking import rank_units
from ywplan.errors import UsageError, YwplanError
from ywplan.render import formats
from ywplan.reports.history import all_series, measured_months
from ywplan.reports.period import Previous, period_document, report_document
from ywplan.reports.table import Output, Series
from ywplan.store.workspace import open_workspace


def current_quarter(plan: Plan, today: dt.date) -> Period:
    """The quarter holding the default as-of date (Q4 once the plan year is over)."""
    day = default_as_of(plan.year, today)
    period = parse_quarter(f"{day.year}Q{(day.month - 1) // 3 + 1}")
    assert period is not None
    return period


def resolve_period(
    plan: Plan, today: dt.date, quarter: str | None, month: str | None
) -> tuple[Period, PeriodKind]:
    """The period from ``--quarter`` or ``--month`` (not both), else the current quarter."""
    if quarter is not None and month is not None:
        raise UsageError("usage.quarter_and_month")
    kind: PeriodKind = "quarter"
    if month is not None:
        period, kind = parse_month(month), "month"
        if period is None:
            raise YwplanError("report.bad_month", value=month[:20])
    elif quarter is not None:
        period = parse_quarter(quarter)
        if period is None:
            raise YwplanError("status.bad_quarter", value=quarter[:20])
    else:
        period = current_quarter(plan, today)
    if period.first.year != plan.year:
        raise YwplanError("report.outside_year", period=period.label, year=plan.year)
    return period, kind


def previous_end(plan: Plan, entries: Ledger, period: Period, day: dt.date) -> Progress | None:
    """The plan measured at the end of the period before *period* (None for the year's
    first: the year before is another plan's)."""
    if period.first.month == 1:
        return None
    return compute(plan, entries, min(period.first - dt.timedelta(days=1), day))


def charts(
    chosen: formats.Format, plan: Plan, entries: Sequence[Entry], day: dt.date
) -> tuple[Series, ...]:
    """Each target's year, for the one format that draws it (HTML): 13 measurements of a
    province's ledger are half a second no other format should pay."""
    return all_series(measured_months(plan, entries, day)) if chosen.name == "html" else ()


def run(
    path: Path,
    today: dt.date,
    *,
    quarter: str | None,
    month: str | None,
    fmt: str | None,
    output: str | None,
    force: bool = False,
) -> None:
    """Build the 季报 (or 月报) of the plan at *path* and write it in the chosen format."""
    chosen = formats.choose(fmt, output, formats.TABLES, formats.terminal_default())
    workspace = open_workspace(path, today)
    plan = workspace.plan
    period, kind = resolve_period(plan, today, quarter, month)
    entries = workspace.entries
    as_of = today if period.first <= today <= period.last else period.last
    ledger = LedgerColumns.of(entries)  # split by target once, by unit once, for every table
    day = min(max(as_of, period.first), period.last)
    notes, unit_notes = latest_notes_by_unit(entries, day, plan.units)
    pp = period_progress(plan, (), period, kind, as_of=day, ledger=ledger, notes=notes)
    part = ledger.by_unit()
    standings = rank_units(plan, ledger, day, part)
    unit_periods: dict[str, PeriodProgress] = {
        unit: period_progress(
            plan, (), period, kind, unit, as_of=day, ledger=part(unit), notes=unit_notes[unit]
        )
        for unit in plan.units
    }
    items = track(pp.progress, entries)
    previous = Previous.of(previous_end(plan, ledger, period, day))
    report = Output(
        lambda: report_document(
            pp, items, standings, unit_periods, previous, charts(chosen, plan, entries, day)
        ),
        partial(period_document, pp, items, standings, unit_periods, previous),
    )
    formats.emit(report, chosen, output, force=force)
