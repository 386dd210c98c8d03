"""Which sub-unit is behind: each unit's completion of its ``by_unit`` quotas, ranked.

Pure functions of (plan, entries, as-of date), built on :func:`ywplan.core.progress.compute`
with ``unit=``: a quota is measured as that unit's own target (its entries only, the
quota as the goal, 序时进度 scaled from the target's schedule).

A unit's **percent** is the mean of its quota completions, each capped at 100 %, rounded
to one decimal: a unit that overshoots one quota cannot hide that it lags on another.
Units are ranked by that percent, best first; equal percents share a rank and keep the
order of the plan's ``units`` list. A unit without any quota has no percent and comes
last. Beside the quotas, a unit's *share* of each ``sum`` target without a quota for
it is listed (its amount / everyone's amount × 100), for information; shares do not
enter the percent.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ywplan.core.kinds import State
from ywplan.core.model import Entry, Plan
from ywplan.core.numbers import round_half_up
from ywplan.core.progress import Ledger, LedgerColumns, Progress, TargetProgress, compute

CAP = 100.0


@dataclass(frozen=True, slots=True)
class Share:
    """A unit's part of a ``sum`` target that gives it no quota."""

    unit_progress: TargetProgress
    total: float

    @property
    def percent(self) -> float:
        """The unit's amount / everyone's amount × 100, to one decimal."""
        if self.total <= 0:
            return 0.0
        return round_half_up(self.unit_progress.actual / self.total * 100, 1)


@dataclass(frozen=True, slots=True)
class Standing:
    """A sub-unit's quotas measured at the as-of date, and its place in the ranking."""

    unit: str
    rank: int
    quotas: tuple[TargetProgress, ...]
    shares: tuple[Share, ...]

    @property
    def percent(self) -> float | None:
        """Mean of the quota completions, each capped at 100 %; None without quotas."""
        return unit_percent(self.quotas)

    def counting(self, *states: State) -> int:
        """How many of the unit's quotas are in one of *states*."""
        return sum(1 for tp in self.quotas if tp.state in states)


def capped(tp: TargetProgress) -> float:
    """One quota's completion in percent, capped at 100 (a ``max`` quota: 100 unless breached)."""
    if tp.target.op == "<=":
        return 0.0 if tp.state is State.BREACHED else CAP
    if tp.goal <= 0:
        return CAP
    return min(max(tp.actual, 0.0) / tp.goal * 100, CAP)


def unit_percent(
    quotas: Iterable[TargetProgress], weights: Mapping[str, float] | None = None
) -> float | None:
    """The mean of capped completions to one decimal, or None when there is no quota;
    with *weights* (``ref`` → weight, default 1), the weighted mean (a grading's score)."""
    weighted = [((weights or {}).get(tp.ref, 1.0), capped(tp)) for tp in quotas]
    if not weighted:
        return None
    total = math.fsum(w * value for w, value in weighted)
    return round_half_up(total / math.fsum(w for w, _ in weighted), 1)


def entries_by_unit(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    """Entries split by sub-unit (a reversal repeats its entry's unit, so pairs stay together)."""
    split: dict[str, list[Entry]] = {}
    for entry in entries:
        split.setdefault(entry.unit, []).append(entry)
    return split


def rank_units(
    plan: Plan,
    entries: Ledger,
    as_of: dt.date,
    part: Callable[[str], LedgerColumns] | None = None,
    measured: Callable[[str | None], Progress] | None = None,
) -> list[Standing]:
    """Every sub-unit of *plan* with its quotas and shares at *as_of*, best first.

    The ledger is split by sub-unit once (:meth:`LedgerColumns.by_unit`, or *part* when
    the caller has split it), not read again for each unit. *measured* gives the plan
    measured at *as_of* for a unit (None: all) when the caller keeps the measures it made.
    """
    ledger = entries if isinstance(entries, LedgerColumns) else LedgerColumns.of(entries)
    part = ledger.by_unit() if part is None else part
    if measured is None:
        split = part

        def measured(unit: str | None) -> Progress:
            return compute(plan, ledger if unit is None else split(unit), as_of, unit)

    overall = {tp.ref: tp for tp in measured(None).targets()}
    # a graded plan ranks by the score its grades come from (SPEC §9), else by the percent
    weights = plan.grading.weights if plan.grading else None
    found = []
    for order, unit in enumerate(plan.units):
        quotas: list[TargetProgress] = []
        shares: list[Share] = []
        for tp in measured(unit).targets():
            if tp.target.by_unit and unit in tp.target.by_unit:
                quotas.append(tp)
            elif tp.target.behaviour.additive and tp.count:
                shares.append(Share(tp, overall[tp.ref].actual))
        percent = unit_percent(quotas, weights)
        key = (percent is None, -(percent or 0.0), order)
        found.append((key, unit, tuple(quotas), tuple(shares)))
    found.sort(key=lambda row: row[0])
    standings: list[Standing] = []
    for position, (key, unit, unit_quotas, unit_shares) in enumerate(found, start=1):
        rank = position
        if standings and found[position - 2][0][:2] == key[:2]:
            rank = standings[-1].rank
        standings.append(Standing(unit, rank, unit_quotas, unit_shares))
    return standings
