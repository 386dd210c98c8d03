"""Where each target stands: actual, 序时进度 (expected by now), percent and state.

Pure functions of (plan, entries, as-of date, sub-unit). This is the one place that
defines how a target is measured and what "behind" means; every report is built from
the :class:`Progress` it returns.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from operator import itemgetter

from ywplan.model import CHECKPOINTS, Entry, Item, Plan, Target

_EPSILON = 1e-9


class State(StrEnum):
    """Where a target stands (SPEC §3)."""

    DONE = "done"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NOT_STARTED = "not_started"
    BREACHED = "breached"


def year_fraction(day: dt.date) -> float:
    """The fraction of its year elapsed at the end of *day*: (m − 1 + d / days-in-month) / 12.

    Exactly 0.25, 0.5, 0.75 and 1 at the quarters' ends.
    """
    days = calendar.monthrange(day.year, day.month)[1]
    return (day.month - 1 + day.day / days) / 12


def expected_at(target: Target, goal: float, fraction: float) -> float:
    """序时进度: what *target* should have reached when *fraction* of the year is gone.

    *goal* is the annual figure being measured against (the target, or a sub-unit's
    quota); a schedule's checkpoints are scaled by ``goal / target.goal`` for a quota.
    """
    if target.op == "<=":
        return goal
    start = 0.0 if target.kind == "growth" else (target.baseline or 0.0)
    points = [(0.0, start)]
    if target.schedule:
        scale = goal / target.goal
        for quarter, at in CHECKPOINTS:
            value = target.schedule.get(quarter)
            if value is not None:
                points.append((at, value * scale))
    points.append((1.0, goal))
    for (f0, v0), (f1, v1) in itertools.pairwise(points):
        if fraction <= f1:
            return v0 + (v1 - v0) * (fraction - f0) / (f1 - f0)
    return goal


def round_half_up(value: float, places: int = 1) -> float:
    """Round as people do on paper (2.25 → 2.3), not as binary floats do."""
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


@dataclass(frozen=True, slots=True)
class TargetProgress:
    """One target measured at the as-of date."""

    item: Item
    target: Target
    goal: float
    actual: float
    expected: float
    state: State
    count: int
    latest: float | None

    @property
    def percent(self) -> float:
        """actual / goal × 100, to one decimal."""
        return round_half_up(self.actual / self.goal * 100, 1)

    @property
    def remaining(self) -> float:
        """What is still missing to a ``min`` goal, or the headroom left under a ``max``."""
        return max(self.goal - self.actual, 0.0)

    @property
    def gap(self) -> float:
        """actual − 序时进度: negative when behind schedule."""
        return self.actual - self.expected

    @property
    def ref(self) -> str:
        """``26.cadre-training``."""
        return f"{self.item.number}.{self.target.id}"


@dataclass(frozen=True, slots=True)
class ItemProgress:
    """An item and its targets' progress (empty for a qualitative item)."""

    item: Item
    targets: tuple[TargetProgress, ...]


@dataclass(frozen=True, slots=True)
class Progress:
    """The whole plan measured at *as_of*, for one sub-unit or for all."""

    plan: Plan
    as_of: dt.date
    unit: str | None
    items: tuple[ItemProgress, ...]

    def targets(self) -> Iterator[TargetProgress]:
        """Every target's progress, in plan order."""
        for item in self.items:
            yield from item.targets


def reversed_ids(entries: Iterable[Entry]) -> set[str]:
    """Ids of entries that a later line reverses."""
    gone = set(map(itemgetter(9), entries))  # the corrects column, at C speed
    gone.discard("")
    return gone


def counted(entries: Iterable[Entry], as_of: dt.date, unit: str | None = None) -> Iterator[Entry]:
    """Entries that count at *as_of*: not reversed, not reversals, on or before it, in *unit*."""
    entries = list(entries)
    gone = reversed_ids(entries)
    for entry in entries:
        if entry.corrects or entry.id in gone or entry.date > as_of:
            continue
        if unit is None or entry.unit == unit:
            yield entry


@dataclass
class Tally:
    """A target's counted entries: their amounts in file order and the latest by date."""

    amounts: list[float]
    latest_date: dt.date | None = None
    latest: float = 0.0

    def add(self, entry: Entry) -> None:
        self.amounts.append(entry.amount)
        if self.latest_date is None or entry.date >= self.latest_date:
            self.latest_date, self.latest = entry.date, entry.amount


def _measure(target: Target, tally: Tally | None) -> tuple[float, float | None]:
    if tally is None:
        return 0.0, None
    if target.kind == "sum":
        return math.fsum(tally.amounts), None
    if target.kind == "level":
        return tally.latest, tally.latest
    baseline = target.baseline or 1.0
    return (tally.latest - baseline) / baseline * 100, tally.latest


def state_of(
    target: Target, goal: float, actual: float, expected: float, count: int, final: bool
) -> State:
    """The state of a measured target; *final* is true on the plan year's last day."""
    if count == 0:
        return State.NOT_STARTED
    if target.op == "<=":
        if actual > goal + _EPSILON:
            return State.BREACHED
        return State.DONE if final else State.ON_TRACK
    if actual >= goal - _EPSILON:
        return State.DONE
    if actual >= expected - _EPSILON * max(1.0, abs(expected)):
        return State.ON_TRACK
    return State.BEHIND


def goal_for(target: Target, unit: str | None) -> float:
    """The figure to measure against: the sub-unit's quota when it has one, else the target."""
    if unit is not None and target.by_unit and unit in target.by_unit:
        return target.by_unit[unit]
    return target.goal


def measure(
    item: Item, target: Target, tally: Tally | None, as_of: dt.date, unit: str | None
) -> TargetProgress:
    """Measure one target from its tally of counted entries."""
    goal = goal_for(target, unit)
    actual, latest = _measure(target, tally)
    expected = expected_at(target, goal, year_fraction(as_of))
    count = len(tally.amounts) if tally else 0
    final = as_of == dt.date(as_of.year, 12, 31)
    state = state_of(target, goal, actual, expected, count, final)
    return TargetProgress(item, target, goal, actual, expected, state, count, latest)


def tally(
    entries: Iterable[Entry], as_of: dt.date, unit: str | None = None
) -> dict[tuple[int, str], Tally]:
    """The counted entries (see :func:`counted`) of each target, in one pass over *entries*.

    Amounts keep file order; the latest is the last of the entries on the latest date.
    (A plain loop: C-level filter maps plus a grouping loop measured slower.)
    """
    entries = entries if isinstance(entries, list | tuple) else list(entries)
    gone = reversed_ids(entries)
    tallies: dict[tuple[int, str], Tally] = {}
    get = tallies.get
    for id_, date, item, target, amount, where, _, _, _, corrects, _ in entries:
        if corrects or date > as_of or (unit is not None and where != unit):
            continue
        if gone and id_ in gone:
            continue
        key = (item, target)
        found = get(key)
        if found is None:
            tallies[key] = Tally([amount], date, amount)
        else:
            found.amounts.append(amount)
            if date >= found.latest_date:  # type: ignore[operator]  # set with the first amount
                found.latest_date, found.latest = date, amount
    return tallies


def compute(
    plan: Plan, entries: Iterable[Entry], as_of: dt.date, unit: str | None = None
) -> Progress:
    """Measure every target of *plan* from *entries* as of *as_of* (for *unit*, or all)."""
    return assemble(plan, tally(entries, as_of, unit), as_of, unit)


def assemble(
    plan: Plan, tallies: dict[tuple[int, str], Tally], as_of: dt.date, unit: str | None
) -> Progress:
    """Measure every target of *plan* from its tally of counted entries (see :func:`tally`)."""
    items = tuple(
        ItemProgress(
            item,
            tuple(
                measure(item, target, tallies.get((item.number, target.id)), as_of, unit)
                for target in item.targets
            ),
        )
        for item in sorted(plan.items, key=lambda i: i.number)
    )
    return Progress(plan, as_of, unit, items)
