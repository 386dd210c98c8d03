"""``report --unit NAME`` (SPEC §8): a sub-unit's share of the period's report, and, when
the unit keeps a plan of its own that feeds this one, that plan's report beside it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ywplan.core.items import ItemStatus
from ywplan.core.periods import PeriodProgress
from ywplan.core.progress import TargetKey
from ywplan.core.ranking import Standing
from ywplan.core.rollup import Source
from ywplan.i18n import t
from ywplan.reports.period import (
    Previous,
    headed,
    main_table,
    period_document,
    problems_table,
    progress_table,
    report_document,
    report_title,
)
from ywplan.reports.table import Document

MAX_SHEET = 31  # the longest sheet name a workbook takes


@dataclass(frozen=True)
class UnitReport:
    """The unit's own plan's report for the same period; *path* is its plan file as the
    parent's folder sees it."""

    path: str
    pp: PeriodProgress
    items: tuple[ItemStatus, ...]
    standings: Sequence[Standing]
    unit_periods: dict[str, PeriodProgress]
    previous: Previous
    sources: Mapping[TargetKey, Sequence[Source]]


def unit_report_document(
    pp: PeriodProgress, items: Sequence[ItemStatus], previous: Previous, own: UnitReport | None
) -> Document:
    """The unit's targets, progress and problems in the parent's plan, then its own report."""
    unit = pp.progress.unit or ""
    tables = [
        main_table(pp, items, previous, 0),
        progress_table(pp, items, 1),
        problems_table(items, 2),
    ]
    sheets = [t("report.sheet_targets"), t("report.sheet_progress"), t("report.sheet_problems")]
    if own is not None:
        theirs = report_document(own.pp, own.items, own.standings, own.unit_periods, own.previous)
        head = t("status.unit_plan", unit=unit, plan=own.pp.progress.plan.plan, path=own.path)
        tables += [replace(table, title=f"{head} · {table.title}") for table in theirs.tables]
        sheets += [f"{unit} {sheet}"[:MAX_SHEET] for sheet in theirs.sheets]
    title = report_title(pp) + t("status.title_unit", unit=unit)
    return headed(title, pp, items, tables, sheets)  # the unit's own 总体情况 heads it


def unit_period_document(
    pp: PeriodProgress,
    items: Sequence[ItemStatus],
    previous: Previous,
    sources: Mapping[TargetKey, Sequence[Source]],
    own: UnitReport | None,
) -> dict[str, Any]:
    """The report's JSON for the unit, with ``"unit_plan"``: its own plan's report."""
    document = period_document(pp, items, (), {}, previous, sources)
    document.pop("units", None)
    if own is not None:
        theirs = period_document(
            own.pp, own.items, own.standings, own.unit_periods, own.previous, own.sources
        )
        document["unit_plan"] = {"path": own.path, **theirs}
    return document
