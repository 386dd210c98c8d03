"""``status``: every item at a date as the status table and as SPEC §4's JSON document.

Targets show their progress as they always did; every item shows its state and 督办 flag
(SPEC §6, :mod:`ywplan.core.items`), and an item that is tracked by more than its targets
— it has milestones, or it has no targets at all — has a row of its own with its next
milestone and latest note. The filters (``--behind``, ``--flag``, ``--lead``) work on the
items tracked, so every format shows the same selection.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ywplan.core.items import Flag, ItemStatus, Note
from ywplan.core.kinds import State
from ywplan.core.model import Item, Plan
from ywplan.core.progress import ItemProgress, Progress, TargetKey, TargetProgress
from ywplan.core.rollup import Source
from ywplan.i18n import t
from ywplan.reports.table import Cell, ColumnKind, Document, Table, columns, json_number

LAGGING = (State.BEHIND, State.NOT_STARTED)
# An item's own row lags when it is overdue or not started (or behind, through a target).
ITEM_LAGGING = (State.OVERDUE, State.BEHIND, State.NOT_STARTED)
# The colours, worst first, as summaries and the problems section list them.
FLAGS_WORST_FIRST: tuple[Flag, ...] = tuple(reversed(Flag))


def own_row(item: Item) -> bool:
    """True when *item* is tracked by more than its targets (it has milestones, or no
    targets): it has a row of its own, with its state, flag, next milestone and latest note.
    """
    return bool(item.milestones) or not item.targets


# --- choosing the items -----------------------------------------------------------------------


def narrowed(status: ItemStatus, keep: Callable[[TargetProgress], bool]) -> ItemStatus:
    """*status* with only the targets *keep* accepts (their flags kept beside them)."""
    pairs = [(tp, flag) for tp, flag in zip(status.targets, status.target_flags, strict=True)]
    kept = [(tp, flag) for tp, flag in pairs if keep(tp)]
    progress = ItemProgress(status.item, tuple(tp for tp, _ in kept))
    return replace(status, progress=progress, target_flags=tuple(flag for _, flag in kept))


def only_lagging(items: Sequence[ItemStatus]) -> tuple[ItemStatus, ...]:
    """``--behind``: the targets behind or not started, with their items, and the items
    whose own row lags (overdue or not started)."""
    found = []
    for status in items:
        lagging = narrowed(status, lambda tp: tp.state in LAGGING)
        if lagging.targets or (own_row(status.item) and status.state in ITEM_LAGGING):
            found.append(lagging)
    return tuple(found)


def with_flag(items: Sequence[ItemStatus], flag: Flag) -> tuple[ItemStatus, ...]:
    """``--flag``: the items whose 督办 flag is *flag*."""
    return tuple(status for status in items if status.flag is flag)


def led_by(items: Sequence[ItemStatus], name: str) -> tuple[ItemStatus, ...]:
    """``--lead``: the items *name* leads (牵头) or helps with (配合)."""
    return tuple(s for s in items if s.lead == name or name in s.partners)


def departments(plan: Plan) -> tuple[str, ...]:
    """Every lead and partner department the plan names, in the plan's order."""
    names: dict[str, None] = {}
    for item in plan.items:
        for name in (item.lead, *item.partners):
            if name:
                names.setdefault(name)
    return tuple(names)


def flag_counts(items: Sequence[ItemStatus]) -> dict[Flag, int]:
    """How many of *items* have each flag, worst first."""
    counts = dict.fromkeys(FLAGS_WORST_FIRST, 0)
    for status in items:
        counts[status.flag] += 1
    return counts


def flags_line(items: Sequence[ItemStatus]) -> str:
    """``督办:红灯 2 · 黄灯 3 · 蓝灯 1 · 绿灯 24`` / ``flags: red 2 · …``."""
    counts = " · ".join(f"{flag.label} {count}" for flag, count in flag_counts(items).items())
    return t("status.flags", counts=counts)


# --- JSON -------------------------------------------------------------------------------------


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


def sources_document(found: Sequence[Source]) -> list[dict[str, Any]]:
    """SPEC §8's ``sources`` of a target: what each child feeding it contributes."""
    return [
        {"unit": s.unit, "plan": s.plan, "target": s.target, "actual": json_number(s.actual)}
        for s in found
    ]


def item_document(
    status: ItemStatus, sources: Mapping[TargetKey, Sequence[Source]] | None = None
) -> dict[str, Any]:
    """An item: number, title, SPEC §6's keys, and its targets (each with its flag and,
    when *sources* are given, the children that feed it)."""
    targets = [
        {**target_document(tp), "flag": flag.value}
        for tp, flag in zip(status.targets, status.target_flags, strict=True)
    ]
    if sources is not None:
        for document, tp in zip(targets, status.targets, strict=True):
            document["sources"] = sources_document(sources.get((tp.item.number, tp.target.id), ()))
    return {
        "number": status.item.number,
        "title": status.item.title,
        **status.json(),
        "targets": targets,
    }


def status_document(
    progress: Progress,
    items: Sequence[ItemStatus],
    sources: Mapping[TargetKey, Sequence[Source]] | None = None,
) -> dict[str, Any]:
    """SPEC §4's document of *items* (every item, in number order, unless filtered), with
    the count of each flag and, given *sources*, each target's (SPEC §8)."""
    plan = progress.plan
    document: dict[str, Any] = {
        "plan": plan.plan,
        "org": plan.org,
        "year": plan.year,
        "as_of": progress.as_of.isoformat(),
    }
    if progress.unit is not None:
        document["unit"] = progress.unit
    document["flags"] = {flag.value: count for flag, count in flag_counts(items).items()}
    document["items"] = [item_document(status, sources) for status in items]
    return document


# --- the table --------------------------------------------------------------------------------

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
    ("flag", "col.flag", "flag"),
    ("lead", "col.lead", "text"),
    ("partners", "col.partners", "text"),
    ("milestone", "col.next_milestone", "text"),
    ("due", "col.due", "text"),
    ("note", "col.latest_note", "text"),
)


_STATUS_KEYS = tuple(key for key, _, _ in STATUS_COLUMNS)


def _row(cells: dict[str, Cell]) -> tuple[Cell, ...]:
    return tuple(cells.get(key) for key in _STATUS_KEYS)


def status_row(tp: TargetProgress, flag: Flag) -> tuple[Cell, ...]:
    """One target as a status-table row, in :data:`STATUS_COLUMNS` order."""
    keys = [key for key, _, _ in TARGET_COLUMNS]
    return _row(
        {
            **dict(zip(keys, target_cells(tp), strict=True)),
            "actual": tp.actual,
            "percent": tp.percent,
            "expected": tp.expected,
            "remaining": tp.remaining,
            "gap": tp.gap,
            "state": tp.state.value,
            "flag": flag.value,
        }
    )


def note_text(note: Note | None) -> str | None:
    """``2024-07-12 征求各部门意见`` (None for no note)."""
    return None if note is None else f"{note.date.isoformat()} {note.text}"


def item_row(status: ItemStatus) -> tuple[Cell, ...]:
    """An item's own row: its state, flag, lead and partners, next milestone, latest note."""
    item, milestone = status.item, status.next_milestone
    return _row(
        {
            "item": item.number,
            "title": item.title,
            "state": status.state.value,
            "flag": status.flag.value,
            "lead": item.lead,
            "partners": "、".join(item.partners) or None,
            "milestone": milestone.name if milestone else None,
            "due": milestone.due.isoformat() if milestone else None,
            "note": note_text(status.latest_note),
        }
    )


def status_rows(items: Sequence[ItemStatus]) -> tuple[tuple[Cell, ...], ...]:
    """Per item: its own row (see :func:`own_row`), then a row per target."""
    rows: list[tuple[Cell, ...]] = []
    for status in items:
        if own_row(status.item):
            rows.append(item_row(status))
        rows.extend(
            status_row(tp, flag)
            for tp, flag in zip(status.targets, status.target_flags, strict=True)
        )
    return tuple(rows)


def status_table(progress: Progress, items: Sequence[ItemStatus]) -> Table:
    """The status table: the items' own rows and their targets, then the count of flags."""
    title = t("status.title", plan=progress.plan.plan, as_of=progress.as_of.isoformat())
    if progress.unit is not None:
        title += t("status.title_unit", unit=progress.unit)
    return Table(title, columns(STATUS_COLUMNS), status_rows(items), (flags_line(items),))


def status_listing(progress: Progress, items: Sequence[ItemStatus]) -> Document:
    """The status table as a document of its own (a listing: one table, no title block)."""
    table = status_table(progress, items)
    return Document(table.title, (), (table,), (t("status.sheet"),), table.title, listing=True)


# --- a parent's sub-unit, drilled down (SPEC §8) ------------------------------------------------


@dataclass(frozen=True)
class UnitPlan:
    """``status --unit NAME`` of a parent: the child office's own plan at the same date.

    *path* is the child's plan file as the parent's folder sees it.
    """

    path: str
    progress: Progress
    items: tuple[ItemStatus, ...]
    sources: Mapping[TargetKey, Sequence[Source]]


def unit_plan_title(unit_plan: UnitPlan) -> str:
    """``海宁市's own plan: 共青团海宁市委2024年工作要点 (counties/…yaml)``."""
    progress = unit_plan.progress
    return t(
        "status.unit_plan",
        unit=progress.plan.reports_to.unit if progress.plan.reports_to else "",
        plan=progress.plan.plan,
        path=unit_plan.path,
    )


def drilled_listing(
    progress: Progress, items: Sequence[ItemStatus], unit_plan: UnitPlan
) -> Document:
    """The unit's contribution to the parent's targets, then its own plan's targets."""
    first = status_table(progress, items)
    second = status_table(unit_plan.progress, unit_plan.items)
    second = replace(second, title=unit_plan_title(unit_plan))
    sheets = (t("status.sheet"), t("status.unit_sheet"))
    return Document(first.title, (), (first, second), sheets, first.title)


def drilled_document(
    progress: Progress,
    items: Sequence[ItemStatus],
    sources: Mapping[TargetKey, Sequence[Source]],
    unit_plan: UnitPlan,
) -> dict[str, Any]:
    """The status document of the unit, with ``"unit_plan"``: its own plan's document."""
    document = status_document(progress, items, sources)
    own = status_document(unit_plan.progress, unit_plan.items, unit_plan.sources)
    document["unit_plan"] = {"path": unit_plan.path, **own}
    return document
