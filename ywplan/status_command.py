"""``ywplan status``: choose the as-of date and sub-unit, measure, filter, print."""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import replace
from pathlib import Path

from ywplan.checks import did_you_mean
from ywplan.errors import UsageError, YwplanError
from ywplan.ledger import ledger_path
from ywplan.ledger_cache import open_index
from ywplan.model import Plan
from ywplan.periods import default_as_of, parse_date, parse_quarter
from ywplan.progress import ItemProgress, Progress, State, assemble, compute
from ywplan.workspace import open_plan, open_workspace

LAGGING = (State.BEHIND, State.NOT_STARTED)


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


def only_lagging(progress: Progress) -> Progress:
    """Keep only targets behind or not started, and the items that have one."""
    items = []
    for ip in progress.items:
        lagging = tuple(tp for tp in ip.targets if tp.state in LAGGING)
        if lagging:
            items.append(ItemProgress(ip.item, lagging))
    return replace(progress, items=tuple(items))


def run_status(
    path: Path,
    today: dt.date,
    *,
    as_of: str | None,
    quarter: str | None,
    unit: str | None,
    behind: bool,
    fmt: str,
) -> None:
    """Print the status of the plan at *path* in *fmt*."""
    plan_file = open_plan(path)
    plan = plan_file.plan
    assert plan is not None
    # The ledger's index (ywplan.ledger_cache) answers without re-reading every row when
    # the ledger has no errors; otherwise read and check the whole ledger as always.
    index = open_index(ledger_path(path))
    if index is not None and index.error_count(plan, today) == 0:
        day = resolve_as_of(plan, today, as_of, quarter)
        chosen = resolve_unit(plan, unit)
        progress = assemble(plan, index.tallies(day, chosen), day, chosen)
    else:
        workspace = open_workspace(path, today, plan_file=plan_file)
        day = resolve_as_of(plan, today, as_of, quarter)
        progress = compute(plan, workspace.ledger.entries, day, resolve_unit(plan, unit))
    if behind:
        progress = only_lagging(progress)
    targets = list(progress.targets())
    if fmt == "json":
        from ywplan.report import status_document

        print(json.dumps(status_document(progress), ensure_ascii=False, indent=2))
    elif fmt in ("markdown", "csv"):
        from ywplan.report import status_table

        table = status_table(progress, targets)
        if fmt == "markdown":
            from ywplan.render.markdown import write_markdown

            sys.stdout.write(write_markdown([table]))
        else:
            from ywplan.render.csvfile import write_csv

            sys.stdout.write(write_csv(table, bom=False))
    else:
        from ywplan.render.terminal import print_status

        print_status(progress, targets)
