"""``ywplan history TARGET`` and the HTML report's charts: a target's year month by month.

Each month is the plan measured at the month's end (the as-of date for the month holding
it) by :func:`ywplan.core.progress.compute`; the month's amount is the change since the
month before (:func:`ywplan.core.periods.period_amounts`, so twelve months add up to the
year as four quarters do), and 序时进度 is the target's own curve
(:func:`ywplan.core.progress.expected_at`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ywplan.core.dates import month_end
from ywplan.core.kinds import goal_text
from ywplan.core.model import Entry, Item, Plan, Target
from ywplan.core.periods import period_amounts
from ywplan.core.progress import (
    LedgerColumns,
    Progress,
    TargetProgress,
    compute_days,
    expected_at,
)
from ywplan.i18n import t
from ywplan.reports.table import ColumnKind, Document, Series, Table, columns, json_number


@dataclass(frozen=True, slots=True)
class Month:
    """A target at one month's end (or at the as-of date, in its month)."""

    month: str  # 2024-05
    day: dt.date
    amount: float
    progress: TargetProgress


def measured_months(
    plan: Plan, entries: Iterable[Entry] | LedgerColumns, as_of: dt.date, unit: str | None = None
) -> list[Progress]:
    """The plan measured on 31 December before its year, then at each month's end up to
    *as_of* (the last one at *as_of* itself); *entries* may come split already."""
    ledger = entries if isinstance(entries, LedgerColumns) else LedgerColumns.of(entries)
    days = [dt.date(plan.year - 1, 12, 31)]
    days += [min(month_end(plan.year, m), as_of) for m in range(1, as_of.month + 1)]
    return compute_days(plan, ledger, days, unit)


def _find(progress: Progress, ref: str) -> TargetProgress:
    return next(tp for tp in progress.targets() if tp.ref == ref)


def months_of(measured: Sequence[Progress], ref: str) -> list[Month]:
    """The target *ref* (``26.cadre-training``) month by month, from :func:`measured_months`."""
    found = []
    for before, after in itertools.pairwise(measured):
        amount = period_amounts(before, after).get(ref, 0.0)
        day = after.as_of
        found.append(Month(f"{day.year}-{day.month:02d}", day, amount, _find(after, ref)))
    return found


def series_of(measured: Sequence[Progress], tp: TargetProgress) -> Series:
    """A target's chart: its cumulative at each month's end, its 序时进度 over the year."""
    actual = tuple(_find(progress, tp.ref).actual for progress in measured[1:])
    expected = tuple(expected_at(tp.target, tp.goal, month / 12) for month in range(1, 13))
    title = f"{tp.ref} {tp.target.name}"
    return Series(title, tp.target.unit, tp.goal, actual, expected)


def all_series(measured: Sequence[Progress]) -> tuple[Series, ...]:
    """Every target's chart, in plan order (none before the year has a month)."""
    if len(measured) < 2:
        return ()
    return tuple(series_of(measured, tp) for tp in measured[-1].targets())


HISTORY_COLUMNS: tuple[tuple[str, str, ColumnKind], ...] = (
    ("month", "col.month", "text"),
    ("amount", "col.month_amount", "number"),
    ("actual", "col.cumulative", "number"),
    ("percent", "col.percent", "percent"),
    ("expected", "col.expected", "number"),
    ("gap", "col.gap", "signed"),
    ("state", "col.state", "state"),
)


def history_table(months: Sequence[Month], title: str) -> Table:
    """One row per month: amount, cumulative, percent, 序时进度 at the month's end, gap."""
    rows = tuple(
        (
            m.month,
            m.amount,
            m.progress.actual,
            m.progress.percent,
            m.progress.expected,
            m.progress.gap,
            m.progress.state.value,
        )
        for m in months
    )
    notes = (t("history.note"),)
    return Table(title, columns(HISTORY_COLUMNS), rows, notes)


def history_document(
    plan: Plan, item: Item, target: Target, months: Sequence[Month], unit: str | None
) -> Document:
    """``ywplan history``: the title block and the month-by-month table."""
    ref = f"{item.number}.{target.id}"
    last = months[-1]
    goal = goal_text(target.op, last.progress.goal, target.unit)
    lines = [
        t("report.line_org", org=plan.org),
        t("history.line_target", title=item.title, goal=goal),
    ]
    if unit is not None:
        lines.append(t("history.line_unit", unit=unit))
    lines.append(t("history.line_as_of", as_of=last.day.isoformat()))
    title = t("history.title", ref=ref, name=target.name)
    table = history_table(months, t("history.table"))
    return Document(title, tuple(lines), (table,), (t("history.sheet"),))


def history_json(
    plan: Plan, item: Item, target: Target, months: Sequence[Month], unit: str | None
) -> dict[str, Any]:
    """The target and its months: ``{"plan", "org", "year", "as_of", ["unit",] "item",
    "target": {...}, "months": [{"month", "date", "amount", "actual", "percent",
    "expected", "gap", "state"}]}``."""
    last = months[-1]
    document: dict[str, Any] = {
        "plan": plan.plan,
        "org": plan.org,
        "year": plan.year,
        "as_of": last.day.isoformat(),
    }
    if unit is not None:
        document["unit"] = unit
    document["item"] = item.number
    document["target"] = {
        "id": target.id,
        "name": target.name,
        "unit": target.unit,
        "kind": target.kind,
        "op": target.op,
        "target": json_number(last.progress.goal),
    }
    document["months"] = [
        {
            "month": m.month,
            "date": m.day.isoformat(),
            "amount": json_number(m.amount),
            "actual": json_number(m.progress.actual),
            "percent": m.progress.percent,
            "expected": float(m.progress.expected),
            "gap": float(m.progress.gap),
            "state": m.progress.state.value,
        }
        for m in months
    ]
    return document
