"""``ywplan status``: every item and target at a date, for the plan or one sub-unit."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from ywplan.catalog import CATALOG
from ywplan.core.dates import default_as_of, parse_date, parse_quarter
from ywplan.core.items import Flag, ItemStatus, track
from ywplan.core.model import Plan
from ywplan.core.progress import Progress, assemble
from ywplan.core.rollup import sources
from ywplan.core.rules import did_you_mean
from ywplan.errors import UsageError, YwplanError
from ywplan.render import formats
from ywplan.reports.status import (
    FLAGS_WORST_FIRST,
    UnitPlan,
    departments,
    drilled_document,
    drilled_listing,
    led_by,
    only_lagging,
    status_document,
    status_listing,
    unit_plan_title,
    with_flag,
)
from ywplan.reports.table import Output
from ywplan.store.tree import beside
from ywplan.store.workspace import Workspace, open_workspace


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


def resolve_flag(value: str | None) -> Flag | None:
    """``--flag``: a colour by its name (``red``) or its Chinese one (``红``, ``红灯``)."""
    if value is None:
        return None
    wanted = value.strip().lower()
    for flag in Flag:
        chinese = CATALOG["flag." + flag.value][0]  # 红灯
        if wanted in (flag.value, chinese, chinese.removesuffix("灯")):
            return flag
    raise UsageError("usage.bad_flag", value=value[:20], choices=", ".join(FLAGS_WORST_FIRST))


def resolve_lead(plan: Plan, lead: str | None) -> str | None:
    """``--lead``: a department the plan names as a lead or a partner (else a suggestion)."""
    if lead is None:
        return None
    lead = lead.strip()
    names = departments(plan)
    if not names:
        raise YwplanError("status.no_departments", name=lead[:40])
    if lead not in names:
        raise YwplanError(
            "status.unknown_lead",
            name=lead[:40],
            suggest=did_you_mean(lead, names),
            names="、".join(names),
        )
    return lead


def chosen_items(
    items: tuple[ItemStatus, ...], *, behind: bool, flag: Flag | None, lead: str | None
) -> tuple[ItemStatus, ...]:
    """The items the filters keep (all of them without filters)."""
    if behind:
        items = only_lagging(items)
    if flag is not None:
        items = with_flag(items, flag)
    if lead is not None:
        items = led_by(items, lead)
    return items


def run(
    path: Path,
    today: dt.date,
    *,
    as_of: str | None,
    quarter: str | None,
    unit: str | None,
    behind: bool,
    flag: str | None,
    lead: str | None,
    fmt: str | None,
    output: str | None,
    force: bool = False,
) -> None:
    """Print (or write to *output*) the status of the plan at *path*."""
    chosen = formats.choose(fmt, output, formats.TABLES, "table")
    colour = resolve_flag(flag)
    workspace = open_workspace(path, today, indexed=True, children=True)
    plan = workspace.plan
    day = resolve_as_of(plan, today, as_of, quarter)
    who = resolve_unit(plan, unit)
    department = resolve_lead(plan, lead)
    progress = assemble(plan, workspace.tallies(day, who), day, who)
    tracked = track(progress, workspace.item_entries())
    items = chosen_items(tracked, behind=behind, flag=colour, lead=department)

    def view() -> None:  # rich is imported only for the terminal
        from ywplan.render.terminal import print_items

        print_items(progress, items)

    fed = sources(workspace.feeds, day, who)
    unit_plan = drill_down(workspace, who, day, today) if who is not None else None
    if unit_plan is None:
        report = Output(
            partial(status_listing, progress, items),
            partial(status_document, progress, items, fed),
            view,
        )
    else:
        report = Output(
            partial(drilled_listing, progress, items, unit_plan),
            partial(drilled_document, progress, items, fed, unit_plan),
            partial(view_drilled, progress, items, unit_plan),
        )
    formats.emit(report, chosen, output, force=force)


def drill_down(workspace: Workspace, unit: str, day: dt.date, today: dt.date) -> UnitPlan | None:
    """``--unit NAME`` of a parent: the child office's own plan measured at *day* (SPEC §8),
    None when no child plan feeds the parent as *unit*."""
    feed = next((f for f in workspace.feeds if f.unit == unit), None)
    if feed is None:
        return None
    path = beside(workspace.plan_file.path, feed.plan)
    child = open_workspace(path, today, indexed=True, children=True)
    progress = assemble(child.plan, child.tallies(day, None), day, None)
    items = track(progress, child.item_entries())
    return UnitPlan(feed.plan, progress, items, sources(child.feeds, day))


def view_drilled(progress: Progress, items: tuple[ItemStatus, ...], unit_plan: UnitPlan) -> None:
    """The terminal view: the unit's contribution, then its own plan's targets."""
    from ywplan.render.terminal import console, print_items

    print_items(progress, items)
    console().print("\n" + unit_plan_title(unit_plan))
    print_items(unit_plan.progress, unit_plan.items)
