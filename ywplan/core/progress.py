"""序时进度 and where each target stands: actual, expected by now, percent and state.

Pure functions of (plan, entries, as-of date, sub-unit); every report is built from
the :class:`Progress` they return. The three questions, each answered once:

* **what counts** at a date (:func:`keep_mask`): an entry not taken back by a later
  line, not itself a reversing line, dated on or before the as-of date, of the unit
  asked for;
* **序时进度** (:func:`expected_at`): where a target should stand when a fraction of the
  year (:func:`year_fraction`) is gone — a straight line from its kind's start to the
  annual goal, through the ``schedule`` checkpoints when it has them; for a sub-unit's
  quota, that whole curve scaled by quota ÷ target;
* **the actual value and the state**: its kind's (:mod:`ywplan.core.kinds`).

Entries are counted column by column (:class:`LedgerColumns`): the ledger index stores
its entries that way, and a ledger read whole is put that way once per command, so
both are counted by the same code.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import math
from array import array
from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import compress
from math import isnan
from operator import and_, itemgetter, le, not_
from typing import Any, Protocol, TypeVar

from ywplan.core.kinds import State
from ywplan.core.model import CHECKPOINTS, Entry, Item, Plan, Target
from ywplan.core.numbers import round_half_up

_T = TypeVar("_T")

TargetKey = tuple[int, str]


def year_fraction(day: dt.date) -> float:
    """The fraction of its year elapsed at the end of *day*: (m − 1 + d / days-in-month) / 12.

    Exactly 0.25, 0.5, 0.75 and 1 at the quarters' ends.
    """
    days = calendar.monthrange(day.year, day.month)[1]
    return (day.month - 1 + day.day / days) / 12


def expected_at(target: Target, goal: float, fraction: float) -> float:
    """序时进度: what *target* should have reached when *fraction* of the year is gone.

    *goal* is the annual figure being measured against (the target, or a sub-unit's
    quota; see :func:`curve_at`). A ``max`` target may stand at its limit all year.
    """
    if target.op == "<=":
        return goal
    return curve_at(target, fraction, goal)


def curve_at(target: Target, fraction: float, goal: float | None = None) -> float:
    """The target's 序时进度 curve at *fraction*: a straight line from its kind's start
    (a ``baseline``) to its goal, through its ``schedule`` checkpoints when it has them.

    For a sub-unit's quota (*goal*), the whole curve — start, checkpoints and goal — is
    scaled by ``goal / target.goal``: a quota of a quarter of the target stands at a
    quarter of the target's 序时进度 all year, with a schedule or without.
    """
    schedule = target.schedule or {}
    points = [(0.0, target.behaviour.start(target))]
    points += [(at, schedule[quarter]) for quarter, at in CHECKPOINTS if quarter in schedule]
    points.append((1.0, target.goal))
    value = target.goal
    for (f0, v0), (f1, v1) in itertools.pairwise(points):
        if fraction <= f1:
            value = v0 + (v1 - v0) * (fraction - f0) / (f1 - f0)
            break
    return value if goal is None or goal == target.goal else value * goal / target.goal


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


# --- what counts ------------------------------------------------------------------------


class Columns(Protocol):
    """Entries that reverse nothing, in file order, one sequence per field."""

    @property
    def ids(self) -> Sequence[str]: ...
    @property
    def days(self) -> Sequence[dt.date] | Sequence[int]: ...  # dates, or their ordinals
    @property
    def amounts(self) -> Sequence[float]: ...
    @property
    def units(self) -> Sequence[Hashable]: ...  # unit names, or codes standing for them


@dataclass(frozen=True, slots=True)
class EntryColumns:
    """:class:`Columns` made from entries read whole (see :func:`columns_by_target`)."""

    ids: Sequence[str]
    days: Sequence[dt.date]
    amounts: Sequence[float]
    units: Sequence[Hashable]
    # The days never go back (a ledger logged in order): the entries that count at a day
    # are a prefix, found by bisection, no mask (see tally_columns).
    by_day: bool = False


def reversed_ids(entries: Iterable[Entry]) -> set[str]:
    """Ids of entries that a later line reverses."""
    gone = set(map(itemgetter(9), entries))  # the corrects column, at C speed
    gone.discard("")
    return gone


def _day(columns: Columns, as_of: dt.date) -> dt.date | int:
    """*as_of* in the form the columns hold their days (a date, or its ordinal)."""
    return as_of if not columns.days or isinstance(columns.days[0], dt.date) else as_of.toordinal()


def keep_mask(
    columns: Columns, as_of: dt.date, unit: Hashable | None, gone: set[str]
) -> list[bool] | None:
    """Which entries count at *as_of* for *unit* (None: all); None when all of them do.

    An entry counts when it is dated on or before *day*, belongs to *unit*, and is not
    taken back (its id is not in *gone*). Filters run as C-level maps over the columns.
    """
    keep: list[bool] | None = None
    day: Any = _day(columns, as_of)
    if columns.days and max(columns.days) > day:
        keep = list(map(day.__ge__, columns.days))
    if unit is not None:
        same = map(unit.__eq__, columns.units)
        keep = list(same if keep is None else map(and_, keep, same))
    if gone and not gone.isdisjoint(columns.ids):
        fresh = map(not_, map(gone.__contains__, columns.ids))
        keep = list(fresh if keep is None else map(and_, keep, fresh))
    return keep


def _plain(entries: Sequence[Entry]) -> list[Entry]:
    """The entries that reverse nothing (reversing lines only take others back)."""
    return list(compress(entries, map(not_, map(itemgetter(9), entries))))


def _columns(entries: Sequence[Entry]) -> EntryColumns:
    return EntryColumns(
        list(map(itemgetter(0), entries)),
        list(map(itemgetter(1), entries)),
        list(map(itemgetter(4), entries)),
        list(map(itemgetter(5), entries)),
    )


def counted(entries: Iterable[Entry], as_of: dt.date, unit: str | None = None) -> Iterator[Entry]:
    """Entries that count at *as_of* (see :func:`keep_mask`), in file order."""
    entries = entries if isinstance(entries, list | tuple) else list(entries)
    plain = _plain(entries)
    keep = keep_mask(_columns(plain), as_of, unit, reversed_ids(entries))
    return iter(plain) if keep is None else compress(plain, keep)


@dataclass(frozen=True, slots=True)
class LedgerColumns:
    """A ledger's entries split by target as :class:`Columns`, and the ids taken back.

    Built once from entries (:meth:`of`) or served by the ledger index; every tally of
    a command reads it, so the entries are split once however many dates and units
    are measured. *unit_key* turns a unit's name into what the columns hold for it
    (None: the columns hold no entry of that unit).
    """

    groups: Mapping[TargetKey, Columns]
    gone: set[str]
    unit_key: Callable[[str], Hashable | None] = str
    # What every entry's unit is, when the columns are one unit's part (see by_unit).
    only: Hashable | None = None

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> LedgerColumns:
        """Split *entries* by target in one pass.

        Reversing lines and the entries they take back never count at any date, so
        they are left out here, and ``gone`` is empty (the ledger index, which keeps
        taken-back entries for ``undo``, lists them in ``gone`` instead).
        """
        entries = entries if isinstance(entries, list | tuple) else list(entries)
        gone = reversed_ids(entries)
        if not gone and len(set(map(itemgetter(2, 3), entries))) == 1:
            return cls._of_one_target(entries)
        found: dict[TargetKey, tuple[list[str], list[dt.date], list[float], list[str]]] = {}
        get = found.get
        for id_, date, item, target, amount, unit, _, _, _, corrects, _ in entries:
            if corrects or (gone and id_ in gone) or isnan(amount):
                continue  # NaN: a note, milestone or item done row, never counted (SPEC §6)
            group = get((item, target))
            if group is None:
                group = found[(item, target)] = ([], [], [], [])
            group[0].append(id_)
            group[1].append(date)
            group[2].append(amount)
            group[3].append(unit)
        return cls({key: EntryColumns(*group) for key, group in found.items()}, set())

    def by_unit(self) -> Callable[[str], LedgerColumns]:
        """The columns split by sub-unit, in one pass over the entries: what asks for the
        tallies of every unit (a ranking, a report's per-unit tables) reads a unit's part,
        never the whole ledger again. The answer gives the part of a unit by its name.

        A part leaves out the entries taken back (they never count) and holds one unit's
        entries only, so a tally of it filters neither again.
        """
        parts: dict[Hashable, dict[TargetKey, Columns]] = {}
        for key, columns in self.groups.items():
            numbered: Iterable[tuple[int, Hashable]] = enumerate(columns.units)
            if self.gone and not self.gone.isdisjoint(columns.ids):
                numbered = compress(numbered, map(not_, map(self.gone.__contains__, columns.ids)))
            positions: dict[Hashable, list[int]] = {}
            for at, unit in numbered:
                found = positions.get(unit)
                if found is None:
                    positions[unit] = [at]
                else:
                    found.append(at)
            # A target's entries in day order (a ledger logged in order): each unit's too.
            in_order = _in_day_order(columns.days)
            for unit, picked in positions.items():
                made = _picked(columns, picked, by_day=in_order, unit=unit)
                parts.setdefault(unit, {})[key] = made
        empty = LedgerColumns({}, set(), self.unit_key)

        def part(unit: str) -> LedgerColumns:
            code = self.unit_key(unit)
            groups = parts.get(code)
            if groups is None:
                return empty
            return LedgerColumns(groups, set(), self.unit_key, only=code)

        return part

    def of_targets(self, keys: Iterable[TargetKey]) -> LedgerColumns:
        """The columns of the targets *keys* only: what measures one target (``history``)
        tallies it alone, not every target of a province at every month's end."""
        return replace(self, groups={k: self.groups[k] for k in keys if k in self.groups})

    @classmethod
    def _of_one_target(cls, entries: Sequence[Entry]) -> LedgerColumns:
        """:meth:`of` for entries of one target, none reversed (what ``log`` shows), in
        C-level passes: its entries with an amount become the columns as they are."""
        counted = list(compress(entries, map(not_, map(isnan, map(itemgetter(4), entries)))))
        if not counted:
            return cls({}, set())
        first = counted[0]
        return cls({(first.item, first.target): _columns(counted)}, set())


def _in_day_order(days: Sequence[Any]) -> bool:
    """Whether *days* never go back (one C-level pass)."""
    return all(map(le, days, itertools.islice(days, 1, None)))


def _picked(
    columns: Columns, positions: list[int], *, by_day: bool = False, unit: Hashable = None
) -> EntryColumns:
    """The entries at *positions* of *columns* (one C-level pick a column); *by_day*: they
    are in day order (see :attr:`EntryColumns.by_day`); *unit*: all are of that unit,
    whose column is then made, not picked. The ids are picked only when read: a unit's
    part leaves out the entries taken back, so no tally reads them."""
    days = _same_kind(columns.days, picked(columns.days, positions))
    amounts = _same_kind(columns.amounts, picked(columns.amounts, positions))
    if unit is None:
        units = _same_kind(columns.units, picked(columns.units, positions))
    else:
        one: Any = _same_kind(columns.units, [unit])  # a list, or an array of one code
        units = one * len(positions)
    ids = _Picking(lambda: columns.ids, array("I", positions), len(positions))
    return EntryColumns(ids, days, amounts, units, by_day)


def _same_kind(column: Sequence[Any], values: Sequence[Any]) -> Sequence[Any]:
    """*values* picked from *column*, kept as machine numbers when the column holds them
    (the ledger index's: a Python number is 3 to 6 times larger)."""
    return array(column.typecode, values) if isinstance(column, array) else values


def picked(column: Sequence[_T], positions: list[int]) -> Sequence[_T]:
    """The values of *column* at *positions* (at least one), in one C-level pick."""
    if len(positions) == 1:  # itemgetter of one position gives the value, not a tuple
        return [column[positions[0]]]
    found: Sequence[_T] = itemgetter(*positions)(column)
    return found


class _Picking(Sequence[Any]):
    """A column's values at some positions, picked the first time they are read; a
    leading slice of it is not read either (a tally of the entries up to a day)."""

    def __init__(
        self, column: Callable[[], Sequence[Any]], positions: Sequence[int], count: int
    ) -> None:
        self._column: Callable[[], Sequence[Any]] | None = column
        self._positions = positions  # kept as machine numbers: 4 bytes, not 36
        self._count = count
        self._values: Sequence[Any] = ()

    def _picked(self) -> Sequence[Any]:
        if self._column is not None:
            positions = list(self._positions[: self._count])
            self._values = picked(self._column(), positions) if positions else []
            self._column = None
        return self._values

    def __getitem__(self, at: Any) -> Any:
        if isinstance(at, slice) and self._column is not None:
            start, stop, step = at.indices(self._count)
            if start == 0 and step == 1:  # still not read: nor is this
                return _Picking(self._column, self._positions, stop)
        return self._picked()[at]

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        return iter(self._picked())


@dataclass(eq=False)
class Tally:
    """A target's counted entries: their amounts in file order and the latest by date.

    *amounts* is a list, or a slice of the ledger index's array (a chart's tallies of a
    year's month ends would otherwise hold a Python number per entry, per month); two
    tallies are equal when their amounts, latest date and latest value are. *days* are
    the counted entries' days; *source* is the columns and the mask they were counted
    from, so that each unit's latest is found only for a target that asks.
    """

    amounts: Sequence[float]
    latest_date: dt.date | None = None
    latest: float = 0.0
    # What the amounts were counted from: not part of what a tally is (equality, repr).
    days: Sequence[Any] = field(default=(), compare=False, repr=False)
    source: tuple[Columns, list[bool] | None] | None = field(
        default=None, compare=False, repr=False
    )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tally):
            return NotImplemented
        mine, theirs = (self.latest_date, self.latest), (other.latest_date, other.latest)
        return mine == theirs and list(self.amounts) == list(other.amounts)

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass with eq would be

    def latest_sum(self) -> float:
        """The sum over sub-units of each unit's latest amount (by date, then the later
        line); the entries of no sub-unit count as one more unit (SPEC §8)."""
        if self.source is None:
            return self.latest
        columns, keep = self.source
        units = columns.units if keep is None else list(compress(columns.units, keep))
        latest: dict[Hashable, tuple[Any, float]] = {}
        for day, unit, amount in zip(self.days, units, self.amounts, strict=True):
            seen = latest.get(unit)
            if seen is None or day >= seen[0]:
                latest[unit] = (day, amount)
        return math.fsum(amount for _, amount in latest.values())


def tally_columns(
    columns: Columns, as_of: dt.date, unit: Hashable | None, gone: set[str]
) -> Tally | None:
    """One target's :class:`Tally` at *as_of*, or None when none of its entries counts.

    The latest is the last of the counted entries dated on the latest date.
    """
    if unit is None and not gone and isinstance(columns, EntryColumns) and columns.by_day:
        return _prefix(columns, bisect_right(columns.days, _day(columns, as_of)))
    keep = keep_mask(columns, as_of, unit, gone)
    days: Sequence[Any]
    if keep is None:
        days, amounts = columns.days, list(columns.amounts)
    else:
        days = list(compress(columns.days, keep))
        amounts = list(compress(columns.amounts, keep))
    if not amounts:
        return None
    latest_day = max(days)
    at = len(days) - 1 - days[::-1].index(latest_day)
    latest = latest_day if isinstance(latest_day, dt.date) else dt.date.fromordinal(latest_day)
    return Tally(amounts, latest, amounts[at], days, (columns, keep))


Ledger = Iterable[Entry] | LedgerColumns


def tally(entries: Ledger, as_of: dt.date, unit: str | None = None) -> dict[TargetKey, Tally]:
    """The counted entries (see :func:`keep_mask`) of each target, amounts in file order."""
    ledger = entries if isinstance(entries, LedgerColumns) else LedgerColumns.of(entries)
    key = None if unit is None else ledger.unit_key(unit)
    if unit is not None and key is None:
        return {}  # no entry of this sub-unit
    if key is not None and key == ledger.only:
        key = None  # a unit's part: all its entries are of the unit
    found = {}
    for target, columns in ledger.groups.items():
        counted_here = tally_columns(columns, as_of, key, ledger.gone)
        if counted_here is not None:
            found[target] = counted_here
    return found


def tallies(
    entries: Ledger, days: Sequence[dt.date], unit: str | None = None
) -> list[dict[TargetKey, Tally]]:
    """``[tally(entries, day, unit) for day in days]`` in one pass per target.

    Each target's counted entries are sorted by day once (a stable sort: file order
    within a day), and each day's tally is the prefix up to it. Its amounts are in that
    order rather than in file order; what a kind measures of them is the same (their
    exact sum, their count, the latest by date and then by line, each unit's latest).
    """
    ledger = entries if isinstance(entries, LedgerColumns) else LedgerColumns.of(entries)
    key = None if unit is None else ledger.unit_key(unit)
    found: list[dict[TargetKey, Tally]] = [{} for _ in days]
    if not days or (unit is not None and key is None):
        return found  # no day, or no entry of this sub-unit
    if key is not None and key == ledger.only:
        key = None  # a unit's part: all its entries are of the unit
    latest = max(days)
    for target, columns in ledger.groups.items():
        if key is None and not ledger.gone and isinstance(columns, EntryColumns) and columns.by_day:
            ordered: Columns | None = columns
        else:
            ordered = _by_day(columns, latest, key, ledger.gone)
        if ordered is None:
            continue
        for at, day in enumerate(days):
            counted_here = _prefix(ordered, bisect_right(ordered.days, _day(ordered, day)))
            if counted_here is not None:
                found[at][target] = counted_here
    return found


def _by_day(
    columns: Columns, as_of: dt.date, unit: Hashable | None, gone: set[str]
) -> Columns | None:
    """The entries of *columns* that count at *as_of*, sorted by day (stable)."""
    keep = keep_mask(columns, as_of, unit, gone)
    if keep is None and _in_day_order(columns.days):
        return columns if columns.days else None  # a ledger logged in order: as it is
    positions: Iterable[int] = range(len(columns.days))
    if keep is not None:
        positions = compress(positions, keep)
    order = sorted(positions, key=columns.days.__getitem__)
    return _picked(columns, order) if order else None


def _prefix(ordered: Columns, count: int) -> Tally | None:
    """The tally of the first *count* entries of entries sorted by day."""
    if not count:
        return None
    days: Sequence[Any] = ordered.days[:count]
    amounts = ordered.amounts[:count]  # an array stays one: a chart tallies 13 days
    kept = EntryColumns(ordered.ids[:count], days, amounts, ordered.units[:count])
    last = days[-1]
    day = last if isinstance(last, dt.date) else dt.date.fromordinal(last)
    return Tally(amounts, day, amounts[-1], days, (kept, None))


# --- measuring ----------------------------------------------------------------------------


def goal_for(target: Target, unit: str | None) -> float:
    """The figure to measure against: the sub-unit's quota when it has one, else the target."""
    if unit is not None and target.by_unit and unit in target.by_unit:
        return target.by_unit[unit]
    return target.goal


def measure(
    item: Item, target: Target, tally: Tally | None, as_of: dt.date, unit: str | None
) -> TargetProgress:
    """Measure one target from its tally of counted entries."""
    kind = target.behaviour
    goal = goal_for(target, unit)
    actual, latest = kind.measure(target, tally)
    expected = expected_at(target, goal, year_fraction(as_of))
    count = len(tally.amounts) if tally else 0
    final = as_of == dt.date(as_of.year, 12, 31)
    state = kind.state(target, goal, actual, expected, count, final)
    return TargetProgress(item, target, goal, actual, expected, state, count, latest)


def compute(plan: Plan, entries: Ledger, as_of: dt.date, unit: str | None = None) -> Progress:
    """Measure every target of *plan* from *entries* as of *as_of* (for *unit*, or all)."""
    return assemble(plan, tally(entries, as_of, unit), as_of, unit)


def compute_days(
    plan: Plan, entries: Ledger, days: Sequence[dt.date], unit: str | None = None
) -> list[Progress]:
    """:func:`compute` at each of *days*, the entries tallied once (:func:`tallies`)."""
    counted = tallies(entries, days, unit)
    return [assemble(plan, found, day, unit) for found, day in zip(counted, days, strict=True)]


def assemble(
    plan: Plan, tallies: dict[TargetKey, Tally], as_of: dt.date, unit: str | None
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
