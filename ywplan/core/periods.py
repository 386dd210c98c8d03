"""A quarter's or a month's amounts: what each target gained inside the period.

Pure functions of (plan, entries, period, sub-unit), built on :mod:`ywplan.core.progress`.
The period amount of a target is the change of its measured value over the period:

* ``sum``: the sum of the counted entries dated inside the period;
* ``level``: the latest value at the period's end minus the latest value before the
  period started (the ``baseline``, else 0, when nothing was logged before);
* ``growth``: the same change, in percentage points of growth.

So the period amounts of the four quarters add up to the year's actual, for every
kind. Entries dated after the period's end do not count; an entry that a later line
reverses counts in no period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Literal

from ywplan.core.dates import Period
from ywplan.core.model import Entry, Plan
from ywplan.core.progress import (
    LedgerColumns,
    Progress,
    TargetProgress,
    compute,
    counted,
    curve_at,
)

PeriodKind = Literal["quarter", "month"]


@dataclass(frozen=True, slots=True)
class PeriodProgress:
    """The plan measured at a period's end, with each target's amount inside the period."""

    period: Period
    kind: PeriodKind
    progress: Progress
    amounts: dict[str, float]
    counts: dict[str, int]
    notes: dict[int, str]

    def amount(self, tp: TargetProgress) -> float:
        """What *tp*'s target gained inside the period (see the module's docstring)."""
        return self.amounts.get(tp.ref, 0.0)

    def count(self, tp: TargetProgress) -> int:
        """How many counted entries of *tp*'s target are dated inside the period."""
        return self.counts.get(tp.ref, 0)


def period_amounts(start: Progress, end: Progress) -> dict[str, float]:
    """Each target's change between two measurements of the same plan (``ref`` → amount)."""
    amounts = {}
    for before, after in zip(start.targets(), end.targets(), strict=True):
        if after.count == 0:
            amounts[after.ref] = 0.0
        else:
            origin = curve_at(after.target, 0.0, after.goal)  # a level's value on 1 January
            amounts[after.ref] = after.actual - after.target.behaviour.period_start(
                before.actual, before.count, origin
            )
    return amounts


def latest_notes(
    entries: Iterable[Entry], as_of: dt.date, unit: str | None = None
) -> dict[int, str]:
    """Per item number, the note of its latest counted entry that has one (by date, then line)."""
    notes: dict[int, tuple[dt.date, int, str]] = {}
    for entry in counted(entries, as_of, unit):
        note = entry.note.strip()
        if not note:
            continue
        known = notes.get(entry.item)
        if known is None or (entry.date, entry.line) >= known[:2]:
            notes[entry.item] = (entry.date, entry.line, note)
    return {item: value[2] for item, value in notes.items()}


def latest_notes_by_unit(
    entries: Iterable[Entry], as_of: dt.date, units: Iterable[str]
) -> tuple[dict[int, str], dict[str, dict[int, str]]]:
    """:func:`latest_notes` of the whole plan and of each of *units*, in one pass.

    A reversing line repeats its entry's sub-unit, so what a unit's own entries take
    back is what the whole ledger takes back of them.
    """
    whole: dict[int, tuple[dt.date, int, str]] = {}
    each: dict[str, dict[int, tuple[dt.date, int, str]]] = {unit: {} for unit in units}
    for entry in counted(entries, as_of):
        note = entry.note.strip()
        if not note:
            continue
        found = (entry.date, entry.line, note)
        for notes in (whole, each.get(entry.unit)):
            if notes is None:
                continue
            known = notes.get(entry.item)
            if known is None or found[:2] >= known[:2]:
                notes[entry.item] = found
    return _texts(whole), {unit: _texts(notes) for unit, notes in each.items()}


def _texts(notes: dict[int, tuple[dt.date, int, str]]) -> dict[int, str]:
    return {item: value[2] for item, value in notes.items()}


def _measured(plan: Plan, ledger: LedgerColumns, unit: str | None, day: dt.date) -> Progress:
    return compute(plan, ledger, day, unit)


def period_progress(
    plan: Plan,
    entries: Iterable[Entry],
    period: Period,
    kind: PeriodKind,
    unit: str | None = None,
    as_of: dt.date | None = None,
    *,
    ledger: LedgerColumns | None = None,
    notes: dict[int, str] | None = None,
    measured: Callable[[dt.date], Progress] | None = None,
) -> PeriodProgress:
    """Measure *plan* at *period*'s end (or *as_of*, inside it) and each target's amount in it.

    *ledger* is *entries* as columns and *notes* their :func:`latest_notes` when the
    caller has them (for every unit at once: see :meth:`LedgerColumns.by_unit` and
    :func:`latest_notes_by_unit`); *measured* gives the plan measured on a day (for
    *unit*) when the caller keeps the measures it has made.
    """
    entries = list(entries)
    ledger = LedgerColumns.of(entries) if ledger is None else ledger
    day = period.last if as_of is None else period.within(as_of)
    if measured is None:
        measured = partial(_measured, plan, ledger, unit)
    end = measured(day)
    start = measured(period.first - dt.timedelta(days=1))
    # counted at the period's end minus counted before it: the entries dated inside it
    counts = {
        after.ref: after.count - before.count
        for before, after in zip(start.targets(), end.targets(), strict=True)
        if after.count > before.count
    }
    notes = latest_notes(entries, day, unit) if notes is None else notes
    return PeriodProgress(period, kind, end, period_amounts(start, end), counts, notes)
