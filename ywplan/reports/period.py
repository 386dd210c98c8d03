"""The quarterly/monthly report (季报/月报) and the unit ranking as tables and JSON documents.

Built from :mod:`ywplan.core.periods` and :mod:`ywplan.core.ranking`; every writer in
:mod:`ywplan.render` takes the :class:`Document` made here. Table cells hold the full
values (numbers stay numbers); :func:`grouped` blanks an item's repeated number and title
for the formats people read.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from typing import Any

from ywplan.core.dates import Period
from ywplan.core.kinds import KINDS
from ywplan.core.model import Plan
from ywplan.core.periods import PeriodProgress
from ywplan.core.progress import year_fraction
from ywplan.core.ranking import Standing
from ywplan.i18n import get_lang, t
from ywplan.reports.status import TARGET_COLUMNS, status_document, target_cells
from ywplan.reports.table import ColumnKind, Document, Table, columns, json_number
from ywplan.reports.units import quota_table, ranking_table, section, standings_document

CHINESE_QUARTERS = ("一", "二", "三", "四")


def period_name(period: Period, kind: str) -> str:
    """``2024年第三季度`` / ``2024 Q3``; ``2024年5月`` / ``May 2024``."""
    year, zh = period.first.year, get_lang() == "zh"
    if kind == "quarter":
        quarter = (period.first.month - 1) // 3
        return t(
            "report.quarter_name", year=year, q=CHINESE_QUARTERS[quarter] if zh else quarter + 1
        )
    month = period.first.month
    return t(
        "report.month_name", year=year, name=f"{month}月" if zh else calendar.month_name[month]
    )


def heading_lines(plan: Plan, pp: PeriodProgress) -> tuple[str, ...]:
    """The title block under the report's title: org, period, as-of date and 序时进度."""
    as_of = pp.progress.as_of
    return (
        t("report.line_org", org=plan.org),
        t("report.line_plan", plan=plan.plan),
        t("report.line_period", first=pp.period.first.isoformat(), last=pp.period.last.isoformat()),
        t(
            "report.line_as_of",
            as_of=as_of.isoformat(),
            fraction=f"{year_fraction(as_of) * 100:.1f}%",
        ),
    )


MAIN_COLUMNS: tuple[tuple[str, str, ColumnKind], ...] = (
    *TARGET_COLUMNS,
    ("period", "col.period", "number"),
    ("actual", "col.cumulative", "number"),
    ("percent", "col.percent", "percent"),
    ("expected", "col.expected", "number"),
    ("remaining", "col.remaining", "number"),
    ("gap", "col.gap", "signed"),
    ("state", "col.state", "state"),
)


def main_table(pp: PeriodProgress, index: int = 0) -> Table:
    """Per target: the period's amount, the cumulative, percent, 序时进度, gap and state."""
    spec = [
        (key, "col." + pp.kind + "_amount" if key == "period" else heading, kind)
        for key, heading, kind in MAIN_COLUMNS
    ]
    rows = tuple(
        (
            *target_cells(tp),
            pp.amount(tp),
            tp.actual,
            tp.percent,
            tp.expected,
            tp.remaining,
            tp.gap,
            tp.state.value,
        )
        for tp in pp.progress.targets()
    )
    notes = [t("report.note_main")]
    period = t("report.period_" + pp.kind)
    for kind in sorted(KINDS):  # a kind that needs explaining has a note in the catalog
        if any(tp.target.kind == kind for tp in pp.progress.targets()):
            notes.append(t("report.note_" + kind, _default="", period=period))
    notes = [note for note in notes if note]
    return Table(section(index, "report.section_targets"), columns(spec), rows, tuple(notes))


def qualitative_table(pp: PeriodProgress, index: int = 1) -> Table:
    """Items without targets, with the note of their latest ledger entry ('—' when none)."""
    spec: tuple[tuple[str, str, ColumnKind], ...] = (
        ("item", "col.item", "number"),
        ("title", "col.title", "text"),
        ("note", "col.latest_note", "text"),
    )
    rows = tuple(
        (ip.item.number, ip.item.title, pp.notes.get(ip.item.number, "—"))
        for ip in pp.progress.items
        if not ip.targets
    )
    return Table(section(index, "report.section_qualitative", count=len(rows)), columns(spec), rows)


def report_document(
    pp: PeriodProgress,
    standings: Sequence[Standing],
    unit_periods: dict[str, PeriodProgress],
) -> Document:
    """The whole 季报/月报: targets, qualitative items, then the sub-units."""
    plan = pp.progress.plan
    tables = [main_table(pp, 0), qualitative_table(pp, 1)]
    sheets = [t("report.sheet_targets"), t("report.sheet_qualitative")]
    if plan.units:
        tables.append(ranking_table(standings, section(2, "report.section_ranking")))
        tables.append(quota_table(standings, section(3, "report.section_quotas"), unit_periods))
        sheets += [t("report.sheet_ranking"), t("report.sheet_quotas")]
    title = t("report.title_" + pp.kind, org=plan.org, period=period_name(pp.period, pp.kind))
    return Document(title, heading_lines(plan, pp), tuple(tables), tuple(sheets), tables[0].title)


# --- JSON (SPEC §4) -------------------------------------------------------------------


def period_document(
    pp: PeriodProgress,
    standings: Sequence[Standing],
    unit_periods: dict[str, PeriodProgress],
) -> dict[str, Any]:
    """SPEC §4's status document at the period's end, plus the period's amounts and units."""
    base = status_document(pp.progress)
    document: dict[str, Any] = {}
    for key, value in base.items():
        if key == "items":
            document[pp.kind] = pp.period.label
            document["period"] = {
                "first": pp.period.first.isoformat(),
                "last": pp.period.last.isoformat(),
            }
        document[key] = value
    amount_key = pp.kind + "_amount"
    for item_doc, ip in zip(document["items"], pp.progress.items, strict=True):
        if not ip.targets:
            item_doc["note"] = pp.notes.get(ip.item.number)
        for target_doc, tp in zip(item_doc["targets"], ip.targets, strict=True):
            merged: dict[str, Any] = {}
            for key, value in target_doc.items():
                if key == "actual":
                    merged[amount_key] = json_number(pp.amount(tp))
                    merged[pp.kind + "_entries"] = pp.count(tp)
                merged[key] = value
            target_doc.clear()
            target_doc.update(merged)
    document["units"] = standings_document(standings, unit_periods)
    return document
