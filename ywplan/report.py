"""Progress → the status table and the status JSON document (SPEC §4)."""

from __future__ import annotations

from typing import Any

from ywplan.i18n import t
from ywplan.progress import Progress, TargetProgress, round_half_up
from ywplan.table import Cell, Column, ColumnKind, Table


def json_number(value: float) -> int | float:
    """Integral values as ints (``212``), others rounded to two decimals."""
    return int(value) if float(value).is_integer() else round(value, 2)


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
        "expected": round(tp.expected, 2),
        "state": tp.state.value,
        "remaining": json_number(tp.remaining),
        "gap": round(tp.gap, 2),
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


def state_label(tp: TargetProgress) -> str:
    """The state in the user's language (已完成, on track, …)."""
    return t("state." + tp.state.value)


def goal_text(tp: TargetProgress) -> str:
    """``≥400 人次`` / ``≤20 万元``."""
    op = "≥" if tp.target.op == ">=" else "≤"
    from ywplan.table import format_number

    return f"{op}{format_number(tp.goal)} {tp.target.unit}"


STATUS_COLUMNS: tuple[tuple[str, ColumnKind], ...] = (
    ("item", "number"),
    ("title", "text"),
    ("target", "text"),
    ("unit", "text"),
    ("op", "text"),
    ("goal", "number"),
    ("actual", "number"),
    ("percent", "percent"),
    ("expected", "number"),
    ("remaining", "number"),
    ("gap", "signed"),
    ("state", "state"),
)


def status_row(tp: TargetProgress) -> tuple[Cell, ...]:
    """One target as a status-table row, in :data:`STATUS_COLUMNS` order."""
    return (
        tp.item.number,
        tp.item.title,
        tp.target.name,
        tp.target.unit,
        "≥" if tp.target.op == ">=" else "≤",
        tp.goal,
        tp.actual,
        tp.percent,
        round_half_up(tp.expected, 1),
        tp.remaining,
        round_half_up(tp.gap, 1),
        tp.state.value,
    )


def columns(spec: tuple[tuple[str, ColumnKind], ...]) -> tuple[Column, ...]:
    """Columns with headings from the catalog (``col.<key>``)."""
    return tuple(Column(key, t("col." + key), kind) for key, kind in spec)


def status_table(progress: Progress, targets: list[TargetProgress] | None = None) -> Table:
    """The status table: one row per target (of *targets*, default every target)."""
    chosen = list(progress.targets()) if targets is None else targets
    qualitative = sum(1 for ip in progress.items if not ip.targets)
    title = t("status.title", plan=progress.plan.plan, as_of=progress.as_of.isoformat())
    if progress.unit is not None:
        title += t("status.title_unit", unit=progress.unit)
    notes = (t("status.qualitative", count=qualitative),) if qualitative else ()
    return Table(title, columns(STATUS_COLUMNS), tuple(status_row(tp) for tp in chosen), notes)
