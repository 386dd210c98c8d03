"""The plan rules of SPEC §6: ids shared by targets and milestones, due dates, thresholds.

Each is a plan rule as :mod:`ywplan.core.rules` defines them, ``(plan, places) →
problems``, registered there through :data:`ITEM_RULES`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ywplan.core.model import ITEM_DONE, Item, Plan
from ywplan.core.numbers import format_amount

if TYPE_CHECKING:
    from ywplan.core.rules import Places, PlanRule
    from ywplan.errors import Problem

Path = tuple[str | int, ...]


def _ids(item: Item, index: int) -> list[tuple[str, bool, Path]]:
    """Every id of *item*: (id, a target's?, its path), targets first."""
    found: list[tuple[str, bool, Path]] = [
        (target.id, True, ("items", index, "targets", n, "id"))
        for n, target in enumerate(item.targets)
    ]
    found += [
        (milestone.id, False, ("items", index, "milestones", n, "id"))
        for n, milestone in enumerate(item.milestones)
    ]
    return found


def ids_shared_by_targets_and_milestones(plan: Plan, places: Places) -> list[Problem]:
    """A milestone's id is unique within its item, among its targets' and milestones' ids.

    The later one in the file is reported. Two targets with one id are left to
    ``rules.unique_target_ids``, which reports them already.
    """
    problems = []
    for index, item in enumerate(plan.items):
        seen: dict[str, tuple[int, bool]] = {}
        placed = sorted(
            ((places.line(path), id_, target, path) for id_, target, path in _ids(item, index)),
            key=lambda found: found[0],
        )
        for line, id_, target, path in placed:
            first = seen.get(id_)
            if first is None:
                seen[id_] = (line, target)
            elif not (target and first[1]):
                problems.append(
                    places.at(path, "plan.duplicate_id", item=item.number, id=id_, first=first[0])
                )
    return problems


def done_is_reserved(plan: Plan, places: Places) -> list[Problem]:
    """No target or milestone is called ``done``: a ledger row of that target ends the item."""
    return [
        places.at(path, "plan.reserved_id", item=item.number)
        for index, item in enumerate(plan.items)
        for id_, _, path in _ids(item, index)
        if id_ == ITEM_DONE
    ]


def due_in_the_year(plan: Plan, places: Places) -> list[Problem]:
    """A milestone is due on a day of the plan year."""
    return [
        places.at(
            ("items", index, "milestones", n, "due"),
            "plan.due_outside_year",
            ref=f"{item.number}.{milestone.id}",
            due=milestone.due.isoformat(),
            year=plan.year,
        )
        for index, item in enumerate(plan.items)
        for n, milestone in enumerate(item.milestones)
        if milestone.due.year != plan.year
    ]


# Each threshold of ``flags``, the values that make sense for it, and the message if not.
_SENSIBLE: tuple[tuple[str, Callable[[float], bool], str], ...] = (
    ("due_soon_days", lambda days: 0 <= days <= 366, "plan.due_soon_days"),
    ("red_gap", lambda points: 0 < points <= 100, "plan.red_gap"),
    ("idle_after", lambda percent: 0 <= percent <= 100, "plan.idle_after"),
)


def sensible_thresholds(plan: Plan, places: Places) -> list[Problem]:
    """``due_soon_days`` 0–366 days, ``red_gap`` above 0 and at most 100, ``idle_after`` 0–100."""
    problems = []
    for name, sensible, key in _SENSIBLE:
        value: float = getattr(plan.flags, name)
        if not sensible(value):
            shown = str(value) if isinstance(value, int) else format_amount(value)  # ints: any size
            problems.append(places.at(("flags", name), key, value=shown))
    return problems


ITEM_RULES: tuple[PlanRule, ...] = (
    ids_shared_by_targets_and_milestones,
    done_is_reserved,
    due_in_the_year,
    sensible_thresholds,
)
