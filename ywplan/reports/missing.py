"""``ywplan missing``: who has not reported in a month or quarter (SPEC §7).

Per sub-unit, the targets it holds a quota for with no entry of that unit on them dated
in the period (a progress note is no entry on a target; a reversed entry does not
count), and the date of the unit's last entry on any target, up to the period's end.
Units that hold no quota are not listed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ywplan.core.dates import Period
from ywplan.core.model import Item, Plan, Target
from ywplan.core.periods import PeriodKind
from ywplan.core.progress import Ledger, LedgerColumns, tally
from ywplan.i18n import get_lang, t
from ywplan.reports.table import ColumnKind, Document, Table, columns

MISSING_COLUMNS: tuple[tuple[str, str, ColumnKind], ...] = (
    ("subunit", "col.subunit", "text"),
    ("missing_count", "missing.col.count", "number"),
    ("missing", "missing.col.targets", "text"),
    ("last_entry", "missing.col.last", "text"),
)


@dataclass(frozen=True, slots=True)
class UnitMissing:
    """One sub-unit: its quotas, those with nothing in the period, its last entry's date."""

    unit: str
    quotas: int
    missing: tuple[tuple[Item, Target], ...]
    last: dt.date | None


def find_missing(plan: Plan, entries: Ledger, period: Period) -> list[UnitMissing]:
    """Every sub-unit holding a quota, in the plan's order of units; *entries* may come
    split already (the ledger index's columns). A unit's last entry is the latest day
    its counted entries on targets reach by the period's end (:class:`Tally`)."""
    ledger = entries if isinstance(entries, LedgerColumns) else LedgerColumns.of(entries)
    part = ledger.by_unit()
    found = []
    for unit in plan.units:
        quotas = [(i, tg) for i, tg in plan.targets() if unit in (tg.by_unit or {})]
        if not quotas:
            continue
        counted = tally(part(unit), period.last, unit)
        latest = {
            key: got.latest_date
            for key, got in counted.items()
            if key[1] and got.latest_date is not None
        }
        missing = tuple(
            (i, tg) for i, tg in quotas if latest.get((i.number, tg.id), dt.date.min) < period.first
        )
        found.append(UnitMissing(unit, len(quotas), missing, max(latest.values(), default=None)))
    return found


def _names(missing: Sequence[tuple[Item, Target]]) -> str:
    separator = "、" if get_lang() == "zh" else "; "
    return separator.join(tg.name for _, tg in missing)


def missing_document(plan: Plan, period: Period, found: Sequence[UnitMissing]) -> Document:
    """One row per sub-unit: how many quotas and which have nothing in the period."""
    rows = tuple(
        (
            u.unit,
            len(u.missing),
            _names(u.missing) if u.missing else t("missing.none"),
            u.last.isoformat() if u.last else t("missing.never"),
        )
        for u in found
    )
    late = [u.unit for u in found if u.missing]
    separator = "、" if get_lang() == "zh" else ", "
    summary = (
        t("missing.summary", count=len(late), units=separator.join(late))
        if late
        else t("missing.all_in")
    )
    lines = (t("missing.period", first=period.first.isoformat(), last=period.last.isoformat()),)
    table = Table(summary, columns(MISSING_COLUMNS), rows, (t("missing.note"),))
    title = t("missing.title", plan=plan.plan, period=period.label)
    return Document(title, lines, (table,), (t("missing.sheet"),))


def missing_data(
    plan: Plan, period: Period, kind: PeriodKind, found: Sequence[UnitMissing]
) -> dict[str, Any]:
    """The JSON document: the period and, per sub-unit, its missing targets."""
    return {
        "plan": plan.plan,
        "org": plan.org,
        "year": plan.year,
        kind: period.label,
        "first": period.first.isoformat(),
        "last": period.last.isoformat(),
        "units": [
            {
                "unit": u.unit,
                "quotas": u.quotas,
                "missing": [
                    {"item": i.number, "target": tg.id, "name": tg.name} for i, tg in u.missing
                ],
                "last_entry": u.last.isoformat() if u.last else None,
            }
            for u in found
        ],
    }
