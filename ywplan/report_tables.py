"""The quarterly/monthly report (季报/月报) and the unit ranking as tables and JSON documents.

Built from :mod:`ywplan.quarterly` and :mod:`ywplan.ranking`; every writer in
:mod:`ywplan.render` takes the :class:`Document` made here. Table cells hold the full
values (numbers stay numbers); :func:`grouped` blanks an item's repeated number and title
for the formats people read.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from ywplan.i18n import get_lang, t
from ywplan.model import Plan
from ywplan.periods import Period
from ywplan.progress import State, TargetProgress, round_half_up, year_fraction
from ywplan.quarterly import PeriodProgress
from ywplan.ranking import Standing
from ywplan.report import json_number, status_document
from ywplan.table import Cell, Column, ColumnKind, Table

CHINESE_QUARTERS = ("一", "二", "三", "四")
SECTION_NUMBERS = ("一", "二", "三", "四", "五", "六")


@dataclass(frozen=True, slots=True)
class Document:
    """A titled report: heading lines, then tables (each with a short sheet name for xlsx)."""

    title: str
    lines: tuple[str, ...]
    tables: tuple[Table, ...]
    sheets: tuple[str, ...]
    chart: str = ""  # the title of the table drawn with completion bars ('' for none)


def _columns(spec: Sequence[tuple[str, str, ColumnKind]]) -> tuple[Column, ...]:
    return tuple(Column(key, t(heading), kind) for key, heading, kind in spec)


def _op(tp: TargetProgress) -> str:
    return "≥" if tp.target.op == ">=" else "≤"


def _section(index: int, key: str, **args: Any) -> str:
    number = SECTION_NUMBERS[index] + "、" if get_lang() == "zh" else f"{index + 1}. "
    return number + t(key, **args)


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
    ("item", "col.item", "number"),
    ("title", "col.title", "text"),
    ("target", "col.target", "text"),
    ("unit", "col.unit", "text"),
    ("op", "col.op", "text"),
    ("goal", "col.goal", "number"),
    ("period", "col.period", "number"),
    ("actual", "col.cumulative", "number"),
    ("percent", "col.percent", "percent"),
    ("expected", "col.expected", "number"),
    ("remaining", "col.remaining", "number"),
    ("gap", "col.gap", "signed"),
    ("state", "col.state", "state"),
)


def _round(value: float) -> float:
    return round(value, 2)


def main_table(pp: PeriodProgress, index: int = 0) -> Table:
    """Per target: the period's amount, the cumulative, percent, 序时进度, gap and state."""
    spec = [
        (key, "col." + pp.kind + "_amount" if key == "period" else heading, kind)
        for key, heading, kind in MAIN_COLUMNS
    ]
    rows = tuple(
        (
            tp.item.number,
            tp.item.title,
            tp.target.name,
            tp.target.unit,
            _op(tp),
            tp.goal,
            _round(pp.amount(tp)),
            _round(tp.actual),
            tp.percent,
            round_half_up(tp.expected, 1),
            _round(tp.remaining),
            round_half_up(tp.gap, 1),
            tp.state.value,
        )
        for tp in pp.progress.targets()
    )
    notes = [t("report.note_main")]
    if any(tp.target.kind == "growth" for tp in pp.progress.targets()):
        notes.append(t("report.note_growth"))
    if any(tp.target.kind == "level" for tp in pp.progress.targets()):
        notes.append(t("report.note_level", period=t("report.period_" + pp.kind)))
    return Table(_section(index, "report.section_targets"), _columns(spec), rows, tuple(notes))


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
    return Table(
        _section(index, "report.section_qualitative", count=len(rows)), _columns(spec), rows
    )


RANKING_COLUMNS: tuple[tuple[str, str, ColumnKind], ...] = (
    ("rank", "col.rank", "number"),
    ("subunit", "col.subunit", "text"),
    ("percent", "col.unit_percent", "percent"),
    ("quotas", "col.quotas", "number"),
    ("done", "col.quotas_done", "number"),
    ("behind", "col.quotas_behind", "number"),
)


def ranking_table(standings: Sequence[Standing], title: str) -> Table:
    """One row per sub-unit, best first."""
    rows = tuple(
        (
            s.rank,
            s.unit,
            s.percent,
            len(s.quotas),
            s.counting(State.DONE),
            s.counting(State.BEHIND, State.NOT_STARTED, State.BREACHED),
        )
        for s in standings
    )
    return Table(title, _columns(RANKING_COLUMNS), rows, (t("units.note_percent"),))


def quota_table(
    standings: Sequence[Standing], title: str, periods: dict[str, PeriodProgress] | None = None
) -> Table:
    """One row per (sub-unit, quota), in ranking order; with *periods*, the period's amount too."""
    spec: list[tuple[str, str, ColumnKind]] = [
        ("subunit", "col.subunit", "text"),
        ("item", "col.item", "number"),
        ("target", "col.target", "text"),
        ("measure", "col.unit", "text"),
        ("goal", "col.quota", "number"),
    ]
    kind = next(iter(periods.values())).kind if periods else None
    if kind:
        spec.append(("period", "col." + kind + "_amount", "number"))
    spec += [
        ("actual", "col.cumulative" if kind else "col.actual", "number"),
        ("percent", "col.percent", "percent"),
        ("expected", "col.expected", "number"),
        ("gap", "col.gap", "signed"),
        ("state", "col.state", "state"),
    ]
    rows: list[tuple[Cell, ...]] = []
    for s in standings:
        for tp in s.quotas:
            row: list[Cell] = [s.unit, tp.item.number, tp.target.name, tp.target.unit, tp.goal]
            if periods is not None and kind:
                row.append(_round(periods[s.unit].amount(tp)))
            row += [
                _round(tp.actual),
                tp.percent,
                round_half_up(tp.expected, 1),
                round_half_up(tp.gap, 1),
            ]
            row.append(tp.state.value)
            rows.append(tuple(row))
    return Table(title, _columns(spec), tuple(rows))


def share_table(standings: Sequence[Standing], title: str) -> Table:
    """Each sub-unit's part of the sum targets that give it no quota."""
    spec: tuple[tuple[str, str, ColumnKind], ...] = (
        ("subunit", "col.subunit", "text"),
        ("item", "col.item", "number"),
        ("target", "col.target", "text"),
        ("measure", "col.unit", "text"),
        ("actual", "col.unit_amount", "number"),
        ("total", "col.total_amount", "number"),
        ("share", "col.share", "percent"),
    )
    rows = tuple(
        (
            s.unit,
            share.unit_progress.item.number,
            share.unit_progress.target.name,
            share.unit_progress.target.unit,
            _round(share.unit_progress.actual),
            _round(share.total),
            share.percent,
        )
        for s in standings
        for share in s.shares
    )
    return Table(title, _columns(spec), rows, (t("units.note_share"),))


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
        tables.append(ranking_table(standings, _section(2, "report.section_ranking")))
        tables.append(quota_table(standings, _section(3, "report.section_quotas"), unit_periods))
        sheets += [t("report.sheet_ranking"), t("report.sheet_quotas")]
    title = t("report.title_" + pp.kind, org=plan.org, period=period_name(pp.period, pp.kind))
    return Document(title, heading_lines(plan, pp), tuple(tables), tuple(sheets), tables[0].title)


def units_document(plan: Plan, standings: Sequence[Standing], as_of_text: str) -> Document:
    """``ywplan units``: the ranking, each unit's quotas, and its shares of the other targets."""
    title = t("units.title", plan=plan.plan)
    lines = (t("report.line_org", org=plan.org), as_of_text)
    tables = (
        ranking_table(standings, _section(0, "report.section_ranking")),
        quota_table(standings, _section(1, "report.section_quotas")),
        share_table(standings, _section(2, "units.section_shares")),
    )
    sheets = (t("report.sheet_ranking"), t("report.sheet_quotas"), t("units.sheet_shares"))
    return Document(title, lines, tables, sheets, tables[1].title)


def grouped(table: Table) -> Table:
    """*table* with a repeated item (number and title) or sub-unit shown on its first row only."""
    names = {c.key for c in table.columns}
    keys = ("item", "title") if {"item", "title"} <= names else ("subunit",)
    present = [i for i, c in enumerate(table.columns) if c.key in keys]
    if len(present) != len(keys):
        return table
    rows = []
    previous: tuple[Cell, ...] | None = None
    for row in table.rows:
        current = tuple(row[i] for i in present)
        shown = row
        if current == previous:
            shown = tuple(None if i in present else v for i, v in enumerate(row))
        rows.append(shown)
        previous = current
    return replace(table, rows=tuple(rows))


# --- JSON (SPEC §4) -------------------------------------------------------------------


def quota_document(tp: TargetProgress, amount: float | None, kind: str | None) -> dict[str, Any]:
    """One quota of a sub-unit, with the status document's keys (``target`` is the quota)."""
    document: dict[str, Any] = {
        "item": tp.item.number,
        "id": tp.target.id,
        "name": tp.target.name,
        "unit": tp.target.unit,
        "kind": tp.target.kind,
        "op": tp.target.op,
        "target": json_number(tp.goal),
        "actual": json_number(_round(tp.actual)),
    }
    if kind is not None and amount is not None:
        document[kind + "_amount"] = json_number(_round(amount))
    document.update(
        percent=tp.percent,
        expected=round(tp.expected, 2),
        gap=round(tp.gap, 2),
        state=tp.state.value,
        entries=tp.count,
    )
    return document


def standings_document(
    standings: Sequence[Standing], periods: dict[str, PeriodProgress] | None = None
) -> list[dict[str, Any]]:
    """The sub-units, best first, each with ``unit``, ``percent`` and its targets."""
    result = []
    for s in standings:
        pp = periods.get(s.unit) if periods else None
        targets = [
            quota_document(tp, pp.amount(tp) if pp else None, pp.kind if pp else None)
            for tp in s.quotas
        ]
        shares = [
            {
                "item": share.unit_progress.item.number,
                "id": share.unit_progress.target.id,
                "name": share.unit_progress.target.name,
                "unit": share.unit_progress.target.unit,
                "actual": json_number(_round(share.unit_progress.actual)),
                "total": json_number(_round(share.total)),
                "share": share.percent,
            }
            for share in s.shares
        ]
        result.append(
            {
                "rank": s.rank,
                "unit": s.unit,
                "percent": s.percent,
                "quotas": len(s.quotas),
                "done": s.counting(State.DONE),
                "behind": s.counting(State.BEHIND, State.NOT_STARTED, State.BREACHED),
                "targets": targets,
                "shares": shares,
            }
        )
    return result


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
                    merged[amount_key] = json_number(_round(pp.amount(tp)))
                    merged[pp.kind + "_entries"] = pp.count(tp)
                merged[key] = value
            target_doc.clear()
            target_doc.update(merged)
    document["units"] = standings_document(standings, unit_periods)
    return document
