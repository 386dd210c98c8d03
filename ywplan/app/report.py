"""``ywplan report``: the quarterly (季报) or monthly (月报) report, in any format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path

from ywplan.app.status import resolve_unit
from ywplan.core.dates import Period, default_as_of, parse_month, parse_quarter
from ywplan.core.items import ItemStatus, track
from ywplan.core.model import Plan
from ywplan.core.periods import (
    PeriodKind,
    PeriodProgress,
    latest_notes,
    latest_notes_by_unit,
    period_progress,
)
from ywplan.core.progress import LedgerColumns, Progress, compute
from ywplan.core.ranking import Standing, rank_units
from ywplan.core.rollup import sources
from ywplan.errors import UsageError, YwplanError
from ywplan.render import formats
from ywplan.reports.drill import UnitReport, unit_period_document, unit_report_document
from ywplan.reports.history import all_series, measured_months
from ywplan.reports.period import Previous, period_document, report_document
from ywplan.reports.table import Output, Series
from ywplan.store.tree import beside
from ywplan.store.workspace import Workspace, open_workspace


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


def previous_end(
    measured: Callable[[dt.date], Progress], period: Period, day: dt.date
) -> Progress | None:
    """The plan as *measured* at the end of the period before *period* (None for the
    year's first: the year before is another plan's)."""
    if period.first.month == 1:
        return None
    return measured(min(period.first - dt.timedelta(days=1), day))


class Measures:
    """The plan measured once per sub-unit and day. A report's tables ask for the same
    measures again: the period's end (its table, the ranking) and the day before it
    (the period's amounts, the previous period's percent), for the plan and each unit.
    """

    def __init__(self, plan: Plan, ledger: LedgerColumns) -> None:
        self.plan, self.ledger, self.part = plan, ledger, ledger.by_unit()
        self._made: dict[tuple[str | None, dt.date], Progress] = {}

    def __call__(self, unit: str | None, day: dt.date) -> Progress:
        """The plan measured at *day* for *unit* (None: all)."""
        found = self._made.get((unit, day))
        if found is None:
            ledger = self.ledger if unit is None else self.part(unit)
            found = self._made[(unit, day)] = compute(self.plan, ledger, day, unit)
        return found


def charts(
    chosen: formats.Format, plan: Plan, ledger: LedgerColumns, day: dt.date
) -> tuple[Series, ...]:
    """Each target's year, for the one format that draws it (HTML): 13 measurements of a
    province's ledger are half a second no other format should pay."""
    return all_series(measured_months(plan, ledger, day)) if chosen.name == "html" else ()


Periods = tuple[
    PeriodProgress, tuple[ItemStatus, ...], list[Standing], dict[str, PeriodProgress], Measures
]


def periods(workspace: Workspace, period: Period, kind: PeriodKind, as_of: dt.date) -> Periods:
    """The period measured, its items tracked, the sub-units ranked and measured (and the
    measures made, for the previous period's).

    The entries are split by target once (the ledger index's columns, when it serves) and
    by sub-unit once, and every unit's latest notes found in one pass, whatever the
    number of units. A report shows the latest note of an item without targets only,
    and such an item has only rows without an amount (an amount on it is an error, and
    a ledger with errors is refused): so the notes are found among those rows, which
    the index keeps whole, and the ledger is not read. Each measure is made once.
    """
    plan, ledger, rows = workspace.plan, workspace.columns(), workspace.item_entries()
    day = period.within(as_of)
    notes, unit_notes = latest_notes_by_unit(rows, day, plan.units)
    measures = Measures(plan, ledger)
    pp = period_progress(
        plan,
        (),
        period,
        kind,
        as_of=day,
        ledger=ledger,
        notes=notes,
        measured=partial(measures, None),
    )
    standings = rank_units(plan, ledger, day, measures.part, partial(_at, measures, day))
    unit_periods: dict[str, PeriodProgress] = {
        unit: period_progress(
            plan,
            (),
            period,
            kind,
            unit,
            as_of=day,
            ledger=measures.part(unit),
            notes=unit_notes[unit],
            measured=partial(measures, unit),
        )
        for unit in plan.units
    }
    return pp, track(pp.progress, rows), standings, unit_periods, measures


def _at(measures: Measures, day: dt.date, unit: str | None) -> Progress:
    return measures(unit, day)


def unit_report(
    workspace: Workspace, unit: str, period: Period, kind: PeriodKind, today: dt.date
) -> UnitReport | None:
    """The report of the plan that feeds *workspace*'s plan as *unit* (SPEC §8), if any."""
    feed = next((f for f in workspace.feeds if f.unit == unit), None)
    if feed is None:
        return None
    child = open_workspace(
        beside(workspace.plan_file.path, feed.plan), today, indexed=True, children=True
    )
    as_of = today if period.first <= today <= period.last else period.last
    pp, items, standings, unit_periods, measures = periods(child, period, kind, as_of)
    day = pp.progress.as_of
    previous = Previous.of(previous_end(partial(measures, None), period, day))
    fed = sources(child.feeds, day)
    return UnitReport(feed.plan, pp, items, standings, unit_periods, previous, fed)


def run(
    path: Path,
    today: dt.date,
    *,
    quarter: str | None,
    month: str | None,
    fmt: str | None,
    output: str | None,
    force: bool = False,
    unit: str | None = None,
) -> None:
    """Build the 季报 (or 月报) of the plan at *path* and write it in the chosen format
    (with *unit*: that sub-unit's share, and its own plan's report when it has one)."""
    chosen = formats.choose(fmt, output, formats.TABLES, formats.terminal_default())
    workspace = open_workspace(path, today, indexed=True, children=True)
    plan = workspace.plan
    period, kind = resolve_period(plan, today, quarter, month)
    who = resolve_unit(plan, unit)
    as_of = today if period.first <= today <= period.last else period.last
    if who is not None:
        # The sub-unit's share of the columns (the index's, or the entries read whole with
        # what the children feed: SPEC §8), measured against its quotas, the previous
        # period's end too; its notes and milestones among the rows without an amount.
        ledger, rows = workspace.columns(), workspace.item_entries()
        measured = partial(compute, plan, ledger, unit=who)
        day = period.within(as_of)
        notes = latest_notes(rows, day, who)
        pp = period_progress(
            plan, (), period, kind, who, as_of=day, ledger=ledger, notes=notes, measured=measured
        )
        items = track(pp.progress, rows)
        before = Previous.of(previous_end(measured, period, pp.progress.as_of))
        own = unit_report(workspace, who, period, kind, today)
        fed = sources(workspace.feeds, pp.progress.as_of, who)
        formats.emit(
            Output(
                partial(unit_report_document, pp, items, before, own),
                partial(unit_period_document, pp, items, before, fed, own),
            ),
            chosen,
            output,
            force=force,
        )
        return
    with formats.collector_paused():
        pp, items, standings, unit_periods, measures = periods(workspace, period, kind, as_of)
        day = pp.progress.as_of
        previous = Previous.of(previous_end(partial(measures, None), period, day))
    report = Output(
        lambda: report_document(
            pp,
            items,
            standings,
            unit_periods,
            previous,
            charts(chosen, plan, measures.ledger, day),
        ),
        partial(
            period_document,
            pp,
            items,
            standings,
            unit_periods,
            previous,
            sources(workspace.feeds, day),
        ),
    )
    formats.emit(report, chosen, output, force=force)
