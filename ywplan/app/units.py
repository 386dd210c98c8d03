"""``ywplan units``: the sub-units ranked by completion of their ``by_unit`` quotas."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from ywplan.app.status import resolve_as_of
from ywplan.core.progress import year_fraction
from ywplan.core.ranking import rank_units
from ywplan.errors import YwplanError
from ywplan.i18n import t
from ywplan.render import formats
from ywplan.reports.table import Output
from ywplan.reports.units import standings_document, units_document
from ywplan.store.workspace import open_workspace


def run(
    path: Path,
    today: dt.date,
    *,
    as_of: str | None,
    quarter: str | None,
    fmt: str | None,
    output: str | None,
    force: bool = False,
) -> None:
    """Rank the sub-units of the plan at *path* and write the ranking in the chosen format."""
    chosen = formats.choose(fmt, output, formats.TABLES, formats.terminal_default())
    workspace = open_workspace(path, today, indexed=True, children=True)
    plan = workspace.plan
    day = resolve_as_of(plan, today, as_of, quarter)
    if not plan.units:
        raise YwplanError("units.none")
    with formats.collector_paused():
        standings = rank_units(plan, workspace.columns(), day)
    line = t("units.as_of", as_of=day.isoformat(), fraction=f"{year_fraction(day) * 100:.1f}%")
    report = Output(
        partial(units_document, plan, standings, line),
        partial(standings_document, standings, None, plan.grading),
    )
    formats.emit(report, chosen, output, force=force)
