"""Target kinds: how each kind of target is measured, where its 序时进度 starts, its state.

A target's ``kind`` names one of the classes registered in :data:`KINDS`. Everything
that differs between kinds lives in its class, so a new kind is one class here plus its
messages in the catalog; the model, the rules, progress and every report ask the kind.

This module imports no third-party package: TAB completion reads it too.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:  # typing only: TAB completion imports this module
    from collections.abc import Sequence
    from typing import Protocol

    class Target(Protocol):
        """What a kind reads of a target (``core.model.Target``)."""

        @property
        def op(self) -> str: ...
        @property
        def baseline(self) -> float | None: ...
        @property
        def goal(self) -> float: ...
        @property
        def unit(self) -> str: ...
        @property
        def aggregate(self) -> str: ...

    class Tally(Protocol):
        """What a kind reads of a target's counted entries (``core.progress.Tally``)."""

        @property
        def amounts(self) -> Sequence[float]: ...
        @property
        def latest(self) -> float: ...
        def latest_sum(self) -> float: ...


_EPSILON = 1e-9

# A level reading more than this many times the one before it, or less than its
# this-many-th part, is taken for a slip (an extra or a missing digit) unless confirmed.
LEVEL_JUMP = 10.0

# The comparison a target states, as the plan writes it and as people read it.
OP_SYMBOLS = {">=": "≥", "<=": "≤"}


def op_symbol(op: str) -> str:
    """``≥`` for ``>=`` (a ``min`` target, 不少于), ``≤`` for ``<=`` (a ``max``, 不超过)."""
    return OP_SYMBOLS[op]


def goal_text(op: str, goal: float, unit: str) -> str:
    """``≥400 人次`` / ``≤20 万元``: the goal as the plan states it (never rounded)."""
    from ywplan.core.numbers import format_amount

    return f"{op_symbol(op)}{format_amount(goal)} {unit}"


class State(StrEnum):
    """Where a target stands (SPEC §3); an item or a milestone too (SPEC §6, ``core.items``)."""

    DONE = "done"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NOT_STARTED = "not_started"
    BREACHED = "breached"
    OVERDUE = "overdue"  # items and milestones only, as the three below
    DUE_SOON = "due_soon"
    IN_PROGRESS = "in_progress"
    PENDING = "pending"  # a milestone not done, not yet due soon


class TargetKind:
    """The behaviour shared by every kind; a subclass overrides what differs."""

    name: ClassVar[str]
    needs_baseline: ClassVar[bool] = False  # refused by ``check`` without ``baseline``
    schedulable: ClassVar[bool] = True  # may have quarterly ``schedule`` checkpoints
    additive: ClassVar[bool] = False  # sub-units' amounts add up to the whole (shares)
    takes_level: ClassVar[bool] = False  # an entry is the level measured, not an amount added

    def measure(self, target: Target, tally: Tally | None) -> tuple[float, float | None]:
        """The target's actual value from its counted entries, and the latest reading."""
        raise NotImplementedError

    def start(self, target: Target) -> float:
        """Where 序时进度 starts on 1 January: the baseline, else 0."""
        return target.baseline or 0.0

    def entry_unit(self, target: Target) -> str:
        """The unit an entry is written in: the target's (人次, 个, %)."""
        return target.unit

    def goal_level(self, target: Target) -> float | None:
        """The level that meets the goal, for a kind that takes levels (else None)."""
        return target.goal if self.takes_level else None

    def doubt(self, target: Target, amount: float, reference: float | None) -> str | None:
        """Why *amount* is unlikely as a new entry of *target* (a catalog key), else None.

        *reference* is the level the target stood at before: the last reading logged,
        else its baseline (None: nothing to compare with). Amounts added are never doubted.
        """
        return None

    def period_start(self, before: float, count_before: int, start: float) -> float:
        """The value a period's amount is counted from: the actual measured before it.

        *start* is where the target's (or a quota's) 序时进度 starts on 1 January.
        """
        return before

    def state(
        self,
        target: Target,
        goal: float,
        actual: float,
        expected: float,
        count: int,
        final: bool,
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


class Sum(TargetKind):
    """``sum`` (the default): the sum of the logged amounts (培训团干部400人次)."""

    name = "sum"
    additive = True

    def measure(self, target: Target, tally: Tally | None) -> tuple[float, float | None]:
        """The sum of the amounts."""
        return (math.fsum(tally.amounts), None) if tally else (0.0, None)


class Level(TargetKind):
    """``level``: the latest logged value (a coverage rate, a count of organisations)."""

    name = "level"
    takes_level = True

    def doubt(self, target: Target, amount: float, reference: float | None) -> str | None:
        """A reading beyond :data:`LEVEL_JUMP` times the *reference*, or under its
        :data:`LEVEL_JUMP`-th part."""
        return level_jump(amount, reference)

    def measure(self, target: Target, tally: Tally | None) -> tuple[float, float | None]:
        """The latest reading (by date, the last line of that date), or with
        ``aggregate: sum`` the sum of each sub-unit's latest (see :func:`level_of`)."""
        if tally is None:
            return 0.0, None
        level = level_of(target, tally)
        return level, level

    def period_start(self, before: float, count_before: int, start: float) -> float:
        """Nothing logged before the period: it starts from the baseline (a quota's share)."""
        return before if count_before else start


class Growth(TargetKind):
    """``growth``: percent growth of the latest level over ``baseline``."""

    name = "growth"
    needs_baseline = True
    schedulable = False
    takes_level = True

    def entry_unit(self, target: Target) -> str:
        """None of its own: the target's unit (%) is the growth's, not the level's."""
        return ""

    def goal_level(self, target: Target) -> float | None:
        """baseline × (1 + goal / 100): 1260 for ≥5 % over 1200."""
        return (target.baseline or 0.0) * (1 + target.goal / 100)

    def doubt(self, target: Target, amount: float, reference: float | None) -> str | None:
        """As a level's; a reading under a tenth of the *reference* that is no more than
        the growth asked for (5 for ≥5 %) is the percent typed in place of the level."""
        jump = level_jump(amount, reference)
        if jump == "log.doubt_jump_down" and amount <= target.goal:
            return "log.doubt_percent"
        return jump

    def measure(self, target: Target, tally: Tally | None) -> tuple[float, float | None]:
        """(level − baseline) / baseline × 100, the level as :func:`level_of` reads it."""
        if tally is None:
            return 0.0, None
        baseline = target.baseline or 1.0
        level = level_of(target, tally)
        return (level - baseline) / baseline * 100, level

    def start(self, target: Target) -> float:
        """Growth is counted from 0 %."""
        return 0.0


def level_of(target: Target, tally: Tally) -> float:
    """The level a ``level`` or ``growth`` target stands at: its latest reading, or with
    ``aggregate: sum`` the sum over sub-units of each unit's latest (SPEC §8)."""
    return tally.latest_sum() if target.aggregate == "sum" else tally.latest


def level_jump(amount: float, reference: float | None) -> str | None:
    """``log.doubt_jump_up``/``_down`` when *amount* is over :data:`LEVEL_JUMP` times
    *reference* or under its :data:`LEVEL_JUMP`-th part; None within, or without one."""
    if reference is None or reference <= 0:
        return None
    if amount > reference * LEVEL_JUMP:
        return "log.doubt_jump_up"
    if amount * LEVEL_JUMP < reference:
        return "log.doubt_jump_down"
    return None


KINDS: dict[str, TargetKind] = {kind.name: kind() for kind in (Sum, Level, Growth)}


def kind_names() -> str:
    """``'sum', 'level' or 'growth'``: the kinds as messages list them."""
    names = [repr(name) for name in KINDS]
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]
