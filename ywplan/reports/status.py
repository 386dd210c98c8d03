"""``status``: progress as the status table and as SPEC §4's JSON document."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ywplan.core.kinds import State
from ywplan.core.progress import ItemProgress, Progress, TargetProgress
from ywplan.i18n import t
from ywplan.reports.table import Cell, ColumnKind, Document, Table, columns, json_number

LAGGING = (State.BEHIND, State.NOT_STARTED)


def only_lagging(progress: Progress) -> Progress:
    """Keep only targets behind or not started, and the items that have one."""
    items = []
    for ip in progress.items:
        lagging = tuple(tp for tp in ip.targets if tp.state in LAGGING)
        if lagging:
            items.append(ItemProgress(ip.item, lagging))
    return replace(progress, items=tuple(items))


def target_document(tp: TargetProgress) -> dict[str, Any]:
    """One target's progress with SPEC §4's keys (plus ``remaining``, ``gap``, ``entries``)."""
    target = tp.target
    return {
        "id": target.id,
        "name": target.name,
        "unit": target.unit,
        "kind": target.kind,
        "op": target.op,
        "target": json_number(tp.goal),
        "actual": json_number(tp.actual),
        "percent": tp.percent,
        "expected": float(tp.expected),
        "state": tp.state.value,
        "remaining": json_number(tp.remaining),
        "gap": float(tp.gap),
        "entries": tp.count,
        **({"latest": json_number(tp.latest)} if tp.latest is not None else {}),
        **({"baseline": json_number(target.baseline)} if target.baseline is not None else {}),
    }


def status_document(progress: Progress) -> dict[str, Any]:
    """The whole plan's progress as SPEC §4's JSON document; every item, in number order."""
    plan = progress.plan
    document: dict[str, Any] = {
        "plan": plan.plan,
        "org": plan.org,
        "year": plan.year,
        "as_of": progress.as_of.isoformat(),
    }
    if progress.unit is not None:
        document["unit"] = progress.unit
    document["items"] = [
        {
            "number": ip.item.number,
            "title": ip.item.title,
            "targets": [target_document(tp) for tp in ip.targets],
        }
        for ip in progress.items
    ]
    return document


# The columns that say which target a row is and what it asks for.
TARGET_COLUMNS: tuple[tuple[str, str, ColumnKind], ...] = (
    ("item", "col.item", "number"),
    ("title", "col.title", "text"),
    ("target", "col.target", "text"),
    ("unit", "col.unit", "text"),
    ("op", "col.op", "op"),
    ("goal", "col.goal", "number"),
)


def target_cells(tp: TargetProgress) -> tuple[Cell, ...]:
    """A target's cells in :data:`TARGET_COLUMNS` order."""
    return (tp.item.number, tp.item.title, tp.target.name, tp.target.unit, tp.target.op, tp.goal)


STATUS_COLUMNS: tuple[tuple[str, str, ColumnKind], ...] = (
    *TARGET_COLUMNS,
    ("actual", "col.actual", "number"),
    ("percent", "col.percent", "percent"),
    ("expected", "col.expected", "number"),
    ("remaining", "col.remaining", "number"),
    ("gap", "col.gap", "signed"),
    ("state", "col.state", "state"),
)


def status_row(tp: TargetProgress) -> tuple[Cell, ...]:
    """One target as a status-table row, in :data:`STATUS_COLUMNS` order."""
    return (
        *target_cells(tp),
        tp.actual,
        tp.percent,
        tp.expected,
        tp.remaining,
        tp.gap,
        tp.state.value,
    )


def status_table(progress: Progress) -> Table:
    """The status table: one row per target."""
    qualitative = sum(1 for ip in progress.items if not ip.targets)
    title = t("status.title", plan=progress.plan.plan, as_of=progress.as_of.isoformat())
    if progress.unit is not None:
        title += t("status.title_unit", unit=progress.unit)
    notes = (t("status.qualitative", count=qualitative),) if qualitative else ()
    rows = tuple(status_row(tp) for tp in progress.targets())
    return Table(title, columns(STATUS_COLUMNS), rows, notes)


def status_listing(progress: Progress) -> Document:
    """The status table as a document of its own (a listing: one table, no title block)."""
    table = status_table(progress)
    return Document(table.title, (), (table,), (t("status.sheet"),), table.title, listing=True)
