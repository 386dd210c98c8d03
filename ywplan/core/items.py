"""Every item tracked (SPEC §6): progress notes, milestones, item states and 督办 flags.

Pure functions of (the plan measured at an as-of date, the ledger's rows); nothing here
reads a file or prints. The one home of §6's rules:

* **the rows** (:func:`row_kind`): a ledger row with an empty amount is a progress note
  (工作进展) when its target is empty, a milestone done when its target is one of the
  item's milestones, the whole item done when its target is ``done``. A row counts as
  every entry does (:func:`ywplan.core.progress.counted`): dated on or before the as-of
  date, of the sub-unit asked for, and not taken back — a reversing line (``corrects``)
  cancels the row it names, and itself counts for nothing.
* **milestone states** (:func:`milestone_state`): ``done``, ``overdue``, ``due_soon``,
  ``pending``.
* **item states** (:func:`item_state`), worst first in :data:`STATE_ORDER`.
* **督办 flags** (:func:`target_flag`, :func:`item_flag`): red, yellow, blue, green.
* **the latest note** of an item, and per item the result (:class:`ItemStatus`) that
  status and reports show and that carries the JSON keys of §6.

序时进度 and the target states come from :mod:`ywplan.core.progress`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from ywplan.core.kinds import State
from ywplan.core.model import ITEM_DONE, Entry, Flags, Item, Milestone, amount_empty
from ywplan.core.progress import ItemProgress, Progress, TargetProgress, counted, year_fraction
from ywplan.i18n import t

_EPSILON = 1e-9
_Key = TypeVar("_Key", str, int)


class Row(StrEnum):
    """What a ledger row of SPEC §6 records (a row with an amount is a target's entry)."""

    NOTE = "note"  # a progress note (工作进展)
    MILESTONE = "milestone"  # a milestone done
    ITEM_DONE = "done"  # a qualitative item without milestones done


class Flag(StrEnum):
    """A 督办 colour, best first (the order :func:`worst_flag` reads)."""

    GREEN = "green"
    BLUE = "blue"
    YELLOW = "yellow"
    RED = "red"

    @property
    def label(self) -> str:
        """The colour's name in the current language (红灯 …)."""
        return t("flag." + self.value)


_FLAG_RANK = {flag: rank for rank, flag in enumerate(Flag)}

# Item states, worst first (SPEC §6): overdue and breached, then behind, due_soon,
# not_started, in_progress, on_track, done. Overdue comes first when both hold: a date
# missed is named before a limit exceeded (both are red).
STATE_ORDER: tuple[State, ...] = (
    State.OVERDUE,
    State.BREACHED,
    State.BEHIND,
    State.DUE_SOON,
    State.NOT_STARTED,
    State.IN_PROGRESS,
    State.ON_TRACK,
    State.DONE,
)
_STATE_RANK = {state: rank for rank, state in enumerate(STATE_ORDER)}
# An item's own flag by its state; not_started depends on the date (:func:`idle`).
_STATE_FLAGS = {
    State.OVERDUE: Flag.RED,
    State.BREACHED: Flag.RED,
    State.BEHIND: Flag.YELLOW,
    State.DUE_SOON: Flag.BLUE,
}


# --- the rows ---------------------------------------------------------------------------------


def row_kind(entry: Entry, item: Item) -> Row | None:
    """What *entry*, a row of *item*, records; None for a target's entry (or no §6 row).

    A reversing line has the shape of the row it takes back, so it is told apart alike.
    """
    if not amount_empty(entry.amount):
        return None
    if not entry.target:
        return Row.NOTE
    if entry.target == ITEM_DONE:
        return Row.ITEM_DONE
    return Row.MILESTONE if item.milestone(entry.target) is not None else None


@dataclass(frozen=True, slots=True)
class Note:
    """A progress note (工作进展) as status and reports show it."""

    date: dt.date
    text: str
    by: str
    unit: str
    id: str

    @classmethod
    def of(cls, entry: Entry) -> Note:
        """The note a progress-note row holds."""
        return cls(entry.date, entry.note, entry.by, entry.unit, entry.id)

    def json(self) -> dict[str, str]:
        """``{"date", "text", "by", "unit"}`` (SPEC §6)."""
        return {"date": self.date.isoformat(), "text": self.text, "by": self.by, "unit": self.unit}


@dataclass(frozen=True, slots=True)
class ItemRows:
    """An item's counted §6 rows: notes in file order, milestones done, the item done."""

    notes: tuple[Note, ...] = ()
    done: Mapping[str, Entry] = field(default_factory=dict)  # milestone id → its done row
    item_done: Entry | None = None

    @property
    def any(self) -> bool:
        """True when any row was recorded on the item."""
        return bool(self.notes or self.done or self.item_done)


def item_rows(
    items: Iterable[Item], entries: Iterable[Entry], as_of: dt.date, unit: str | None = None
) -> dict[int, ItemRows]:
    """Each item's counted rows at *as_of* (for *unit*, or all), by item number.

    Of two rows marking one milestone or the item done, the earlier (by date, then line)
    counts; a note's order is the file's.
    """
    by_number = {item.number: item for item in items}
    notes: dict[int, list[Note]] = {}
    done: dict[int, dict[str, Entry]] = {}
    item_done: dict[int, Entry] = {}
    for entry in counted(entries, as_of, unit):
        item = by_number.get(entry.item)
        kind = None if item is None else row_kind(entry, item)
        if kind is Row.NOTE:
            notes.setdefault(entry.item, []).append(Note.of(entry))
        elif kind is Row.MILESTONE:
            _keep_first(done.setdefault(entry.item, {}), entry.target, entry)
        elif kind is Row.ITEM_DONE:
            _keep_first(item_done, entry.item, entry)
    return {
        number: ItemRows(tuple(notes.get(number, ())), done.get(number, {}), item_done.get(number))
        for number in by_number
    }


def _keep_first(found: dict[_Key, Entry], key: _Key, entry: Entry) -> None:
    if key not in found or entry.date < found[key].date:
        found[key] = entry


def latest_note(notes: Sequence[Note]) -> Note | None:
    """The latest note by date; on the same date, the later line (*notes* in file order)."""
    latest = None
    for note in notes:
        if latest is None or note.date >= latest.date:
            latest = note
    return latest


# --- milestones -------------------------------------------------------------------------------


def milestone_state(
    due: dt.date, done_on: dt.date | None, as_of: dt.date, due_soon_days: int
) -> State:
    """``done`` when done by *as_of*; else ``overdue`` from the day after *due*;
    ``due_soon`` when 0 ≤ due − as-of ≤ *due_soon_days* days; else ``pending``.
    """
    if done_on is not None and done_on <= as_of:
        return State.DONE
    days_left = (due - as_of).days
    if days_left < 0:
        return State.OVERDUE
    return State.DUE_SOON if days_left <= due_soon_days else State.PENDING


@dataclass(frozen=True, slots=True)
class MilestoneStatus:
    """A milestone at the as-of date: its state, and the row that marked it done."""

    milestone: Milestone
    state: State
    record: Entry | None  # its ``--note``, ``by`` and ``unit`` are shown with it

    @property
    def id(self) -> str:
        """The milestone's id (``plan-issued``)."""
        return self.milestone.id

    @property
    def name(self) -> str:
        """What is to be done (出台实施方案)."""
        return self.milestone.name

    @property
    def due(self) -> dt.date:
        """The day it is due."""
        return self.milestone.due

    @property
    def done_on(self) -> dt.date | None:
        """The day it was done, or None."""
        return self.record.date if self.record is not None else None

    def json(self) -> dict[str, Any]:
        """``{"id", "name", "due", "done_on", "state"}`` (SPEC §6)."""
        done_on = self.done_on
        return {
            "id": self.id,
            "name": self.name,
            "due": self.due.isoformat(),
            "done_on": done_on.isoformat() if done_on else None,
            "state": self.state.value,
        }


def milestones_at(
    item: Item, rows: ItemRows, as_of: dt.date, due_soon_days: int
) -> tuple[MilestoneStatus, ...]:
    """Each milestone of *item* at *as_of*, in plan order."""
    found = []
    for milestone in item.milestones:
        record = rows.done.get(milestone.id)
        done_on = record.date if record is not None else None
        state = milestone_state(milestone.due, done_on, as_of, due_soon_days)
        found.append(MilestoneStatus(milestone, state, record))
    return tuple(found)


# --- item states ------------------------------------------------------------------------------


def worst(states: Iterable[State]) -> State:
    """The worst of *states* in :data:`STATE_ORDER`."""
    return min(states, key=_STATE_RANK.__getitem__)


def milestones_state(milestones: Sequence[MilestoneStatus], recorded: bool) -> State:
    """An item's state by its milestones: ``done`` when all are done, else ``overdue``,
    else ``due_soon``, else ``in_progress`` when anything was *recorded* on the item,
    else ``not_started``.
    """
    states = {milestone.state for milestone in milestones}
    if states == {State.DONE}:
        return State.DONE
    for state in (State.OVERDUE, State.DUE_SOON):
        if state in states:
            return state
    return State.IN_PROGRESS if recorded else State.NOT_STARTED


def item_state(
    targets: Sequence[TargetProgress], milestones: Sequence[MilestoneStatus], rows: ItemRows
) -> State:
    """An item's state (SPEC §6).

    * with milestones: :func:`milestones_state` — anything recorded is a note, a
      milestone done or a counted entry of a target — and, with targets too, the worse
      of that and its targets' states;
    * with targets only: the worst of its targets' states;
    * with neither: ``done`` with a ``done`` row, ``in_progress`` with a note, else
      ``not_started``.
    """
    if milestones:
        recorded = rows.any or any(tp.count for tp in targets)
        return worst([milestones_state(milestones, recorded), *(tp.state for tp in targets)])
    if targets:
        return worst(tp.state for tp in targets)
    if rows.item_done is not None:
        return State.DONE
    return State.IN_PROGRESS if rows.notes else State.NOT_STARTED


# --- 督办 flags -------------------------------------------------------------------------------


def worst_flag(flags: Iterable[Flag]) -> Flag:
    """The worst of *flags*: red > yellow > blue > green (green when there are none)."""
    return max(flags, key=_FLAG_RANK.__getitem__, default=Flag.GREEN)


def idle(as_of: dt.date, flags: Flags) -> bool:
    """True once 序时进度 is strictly past ``idle_after`` percent of the year: from then
    on, an item or target not started is flagged like one behind.
    """
    return year_fraction(as_of) * 100 > flags.idle_after + _EPSILON


def gap_points(tp: TargetProgress) -> float:
    """How many points of its goal a target stands on the wrong side of 序时进度.

    For a ``min`` target (≥): (expected − actual) ÷ goal × 100, positive when behind.
    For a ``max`` target (≤) the sense is mirrored, (actual − expected) ÷ goal × 100:
    its 序时进度 is the limit itself, so the gap is positive only when the limit is
    exceeded (and the target is ``breached``, red anyway). The goal is a sub-unit's
    quota when the progress was measured for one.
    """
    wrong_side = -tp.gap if tp.target.op == ">=" else tp.gap
    return wrong_side / tp.goal * 100


def target_flag(tp: TargetProgress, flags: Flags, is_idle: bool) -> Flag:
    """A target's flag: red when ``breached``, or when behind by more than ``red_gap``
    points (:func:`gap_points`); yellow when behind by less; a target not started is
    green until :func:`idle`, then flagged like one behind; else green.
    """
    if tp.state is State.BREACHED:
        return Flag.RED
    if tp.state is State.BEHIND or (tp.state is State.NOT_STARTED and is_idle):
        return Flag.RED if gap_points(tp) > flags.red_gap + _EPSILON else Flag.YELLOW
    return Flag.GREEN


def item_flag(state: State, target_flags: Iterable[Flag], is_idle: bool) -> Flag:
    """An item's flag: the worst of its own and its targets'.

    Its own is red when ``overdue`` or ``breached``, yellow when ``behind``, blue when
    ``due_soon``; when ``not_started``, green until :func:`idle`, then yellow; else green.
    """
    if state is State.NOT_STARTED:
        own = Flag.YELLOW if is_idle else Flag.GREEN
    else:
        own = _STATE_FLAGS.get(state, Flag.GREEN)
    return worst_flag([own, *target_flags])


# --- the result per item ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemStatus:
    """An item at the as-of date: what status and reports show, with §6's JSON keys."""

    progress: ItemProgress
    state: State
    flag: Flag
    target_flags: tuple[Flag, ...]  # one per target, in plan order
    milestones: tuple[MilestoneStatus, ...]
    notes: tuple[Note, ...]  # counted progress notes, in file order
    done: Entry | None  # the row that marked a qualitative item done

    @property
    def item(self) -> Item:
        """The plan's item."""
        return self.progress.item

    @property
    def targets(self) -> tuple[TargetProgress, ...]:
        """Its targets measured (empty for a qualitative item)."""
        return self.progress.targets

    @property
    def lead(self) -> str | None:
        """The lead department (牵头)."""
        return self.item.lead

    @property
    def partners(self) -> tuple[str, ...]:
        """The departments that help (配合)."""
        return self.item.partners

    @property
    def latest_note(self) -> Note | None:
        """The latest progress note on or before the as-of date (the later line on a tie)."""
        return latest_note(self.notes)

    @property
    def next_milestone(self) -> MilestoneStatus | None:
        """The milestone not done that is due first."""
        waiting = [m for m in self.milestones if m.state is not State.DONE]
        return min(waiting, key=lambda m: m.due, default=None)

    def json(self) -> dict[str, Any]:
        """The keys SPEC §6 adds to an item of ``status --format json``."""
        note = self.latest_note
        return {
            "state": self.state.value,
            "flag": self.flag.value,
            "lead": self.lead,
            "partners": list(self.partners),
            "latest_note": note.json() if note else None,
            "milestones": [milestone.json() for milestone in self.milestones],
        }


def track(progress: Progress, entries: Iterable[Entry]) -> tuple[ItemStatus, ...]:
    """Every item of the plan at ``progress.as_of``, in the order of *progress*.

    *progress* is the plan measured (:func:`ywplan.core.progress.compute`) for a sub-unit
    or for all; the §6 rows of *entries* count for the same sub-unit. Only rows with an
    empty amount and their reversing lines are read, so a caller may pass just those.
    """
    as_of, flags = progress.as_of, progress.plan.flags
    rows = item_rows(progress.plan.items, entries, as_of, progress.unit)
    is_idle = idle(as_of, flags)
    found = []
    for measured in progress.items:
        item = measured.item
        own_rows = rows.get(item.number, ItemRows())
        milestones = milestones_at(item, own_rows, as_of, flags.due_soon_days)
        state = item_state(measured.targets, milestones, own_rows)
        target_flags = tuple(target_flag(tp, flags, is_idle) for tp in measured.targets)
        flag = item_flag(state, target_flags, is_idle)
        done = own_rows.item_done if not (item.targets or item.milestones) else None
        found.append(
            ItemStatus(measured, state, flag, target_flags, milestones, own_rows.notes, done)
        )
    return tuple(found)
