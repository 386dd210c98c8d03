"""The plan and the ledger entry: immutable data, no I/O.

A plan is validated by these pydantic models (strict: ``"400"`` is not a number, ``yes``
is not a boolean); rules that span several items or the ledger live in
:mod:`ywplan.core.rules`. An :class:`Entry` is a plain named tuple because a province
ledger holds 150,000 of them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import secrets
import string
from typing import Annotated, Literal, NamedTuple

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from ywplan.core.dates import parse_date
from ywplan.core.kinds import KINDS, TargetKind, kind_names

Op = Literal[">=", "<="]
QuarterKey = Literal["Q1", "Q2", "Q3"]
# Each schedule checkpoint and the fraction of the year elapsed at its quarter's end.
CHECKPOINTS: tuple[tuple[QuarterKey, float], ...] = (("Q1", 0.25), ("Q2", 0.5), ("Q3", 0.75))

PositiveNumber = Annotated[float, Field(gt=0, allow_inf_nan=False, strict=True)]
Text = Annotated[str, Field(min_length=1, max_length=10_000, strict=True)]
ShortText = Annotated[str, Field(min_length=1, max_length=200, strict=True)]
TargetId = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60, strict=True)]
# A parent plan's target, as ``counts_toward`` names it (SPEC §8): ``26.cadre-training``.
TargetRef = Annotated[
    str, Field(pattern=r"^[0-9]{1,5}\.[a-z0-9]+(-[a-z0-9]+)*$", max_length=66, strict=True)
]
Aggregate = Literal["latest", "sum"]
# The ledger's target for "the whole item is done" (SPEC §6): no target or milestone id.
ITEM_DONE = "done"


def amount_empty(amount: float | None) -> bool:
    """True for an empty amount (a SPEC §6 row): None, or NaN as the ledger reads it."""
    return amount is None or math.isnan(amount)


def _known_kind(name: str) -> str:
    if name not in KINDS:
        raise PydanticCustomError(
            "literal_error", "Input should be {expected}", {"expected": kind_names()}
        )
    return name


KindName = Annotated[str, Field(strict=True), AfterValidator(_known_kind)]


def _day(value: object) -> object:
    # YAML 1.2 reads 2024-06-30 as text: a day is written YYYY-MM-DD and nothing else.
    if value is None:
        raise PydanticCustomError("plan.no_value", "plan.no_value")
    if isinstance(value, dt.date):
        return value
    day = parse_date(value) if isinstance(value, str) else None
    if day is None:
        raise PydanticCustomError("plan.bad_date", "plan.bad_date", {"value": str(value)[:40]})
    return day


Day = Annotated[dt.date, BeforeValidator(_day), Field(strict=True)]

# Scalars are strict (``"400"`` is not a number); lists are accepted for tuple fields.
_STRICT = ConfigDict(extra="forbid", frozen=True)


def _fail(code: str, field: str, **ctx: object) -> PydanticCustomError:
    # The error type is a catalog key; ``field`` tells the loader which key to point at.
    return PydanticCustomError(code, code, {"field": field, **ctx})


class Target(BaseModel):
    """A quantitative target of an item, addressed as ``<item>.<id>``."""

    model_config = _STRICT

    id: TargetId
    name: ShortText
    unit: ShortText
    min: PositiveNumber | None = None
    max: PositiveNumber | None = None
    kind: KindName = "sum"
    baseline: PositiveNumber | None = None
    schedule: dict[QuarterKey, PositiveNumber] | None = None
    by_unit: dict[ShortText, PositiveNumber] | None = None
    # Roll-up (SPEC §8): the parent's target this one feeds; how a level adds over units.
    counts_toward: TargetRef | None = None
    aggregate: Aggregate = "latest"

    @model_validator(mode="after")
    def _rules(self) -> Target:
        if (self.min is None) == (self.max is None):
            raise _fail("plan.min_max", "min" if self.min is not None else "id")
        if self.behaviour.needs_baseline and self.baseline is None:
            raise _fail("plan.growth_baseline", "kind")
        if self.aggregate == "sum" and not self.behaviour.takes_level:
            raise _fail("plan.aggregate_kind", "aggregate", kind=self.kind)
        if self.schedule:
            self._check_schedule(self.schedule)
        return self

    def _check_schedule(self, schedule: dict[QuarterKey, float]) -> None:
        if not self.behaviour.schedulable:
            raise _fail("plan.schedule_growth", "schedule")
        previous = ("", 0.0)
        for quarter, _ in CHECKPOINTS:
            value = schedule.get(quarter)
            if value is None:
                continue
            if value < previous[1]:
                raise _fail(
                    "plan.schedule_order", "schedule", q=quarter, prev=previous[0], value=value
                )
            if self.min is not None and value > self.min:
                raise _fail(
                    "plan.schedule_above", "schedule", q=quarter, value=value, goal=self.min
                )
            previous = (quarter, value)

    @property
    def behaviour(self) -> TargetKind:
        """What the target's kind does: how it is measured, where 序时进度 starts."""
        return KINDS[self.kind]

    @property
    def op(self) -> Op:
        """``>=`` for a ``min`` target (不少于), ``<=`` for a ``max`` target (不超过)."""
        return ">=" if self.min is not None else "<="

    @property
    def goal(self) -> float:
        """The annual figure: the ``min`` or the ``max``."""
        value = self.min if self.min is not None else self.max
        assert value is not None  # guaranteed by _rules
        return value


class Milestone(BaseModel):
    """A step of an item due by a day of the plan year, addressed as ``<item>.<id>``."""

    model_config = _STRICT

    id: TargetId
    name: ShortText
    due: Day


class Item(BaseModel):
    """A numbered item (序号) of the plan; an item without targets is qualitative.

    ``lead`` is the lead department (牵头), ``partners`` those that help (配合).
    Target and milestone ids share one namespace within the item (SPEC §6).
    """

    model_config = _STRICT

    number: Annotated[int, Field(ge=1, le=10_000, strict=True)]
    title: Text
    section: ShortText | None = None
    text: Text | None = None
    lead: ShortText | None = None
    partners: tuple[ShortText, ...] = ()
    targets: tuple[Target, ...] = ()
    milestones: tuple[Milestone, ...] = ()

    def target(self, target_id: str) -> Target | None:
        """The target with this id, if the item has one."""
        return next((t for t in self.targets if t.id == target_id), None)

    def milestone(self, milestone_id: str) -> Milestone | None:
        """The milestone with this id, if the item has one."""
        return next((m for m in self.milestones if m.id == milestone_id), None)


Threshold = Annotated[float, Field(allow_inf_nan=False, strict=True)]


class Flags(BaseModel):
    """The plan's 督办 thresholds (SPEC §6); their ranges are plan rules (``core.item_rules``).

    ``due_soon_days``: a milestone due within this many days is due soon (blue);
    ``red_gap``: a target this many points behind 序时进度 is red;
    ``idle_after``: percent of the year after which an item not started is flagged.
    """

    model_config = _STRICT

    due_soon_days: Annotated[int, Field(strict=True)] = 14
    red_gap: Threshold = 10.0
    idle_after: Threshold = 25.0


class ReportsTo(BaseModel):
    """Whom a child office reports to (SPEC §8): the parent's plan file, relative to this
    plan's file, and this office's name among the parent's ``units``."""

    model_config = _STRICT

    plan: ShortText
    unit: ShortText


BandMinimum = Annotated[float, Field(allow_inf_nan=False, strict=True)]  # 0–100: a plan rule


class Grading(BaseModel):
    """How sub-units are graded (评价定级, SPEC §9); its rules live in ``core.grading``.

    ``bands``: each grade's name and the least score that reaches it, best first;
    ``weights``: a target's weight in the score (``26.cadre-training: 2``), default 1.
    """

    model_config = _STRICT

    bands: Annotated[dict[ShortText, BandMinimum], Field(min_length=1)]
    weights: dict[ShortText, PositiveNumber] = {}


class Plan(BaseModel):
    """A year's work plan (年度工作要点)."""

    model_config = _STRICT

    plan: Text
    org: ShortText
    year: Annotated[int, Field(ge=1949, le=2200, strict=True)]
    units: tuple[ShortText, ...] = ()
    items: tuple[Item, ...] = ()
    flags: Flags = Flags()
    # Roll-up (SPEC §8): the parent this office reports to; globs finding its children.
    reports_to: ReportsTo | None = None
    children: tuple[ShortText, ...] = ()
    grading: Grading | None = None

    def item(self, number: int) -> Item | None:
        """The item with this number, if the plan has one."""
        return next((i for i in self.items if i.number == number), None)

    def targets(self) -> list[tuple[Item, Target]]:
        """Every (item, target) pair, in plan order."""
        return [(item, target) for item in self.items for target in item.targets]


# The model of each part of a plan, by the key that holds it (``items: [...]`` holds items).
PARTS: dict[str, type[BaseModel]] = {
    "items": Item,
    "targets": Target,
    "milestones": Milestone,
    "flags": Flags,
    "reports_to": ReportsTo,
    "grading": Grading,
}


# An entry's fields, as the ledger stores them and as a clerk may type them.
ID_RE = re.compile(r"[a-z0-9]{8,64}")
AMOUNT_RE = re.compile(r"-?[0-9]{1,15}(\.[0-9]{1,10})?")
# As a clerk may type it: commas only between thousands, in groups of three (12,345.5).
GROUPED_AMOUNT_RE = re.compile(r"-?[0-9]{1,3}(,[0-9]{3}){1,4}(\.[0-9]{1,10})?")
MAX_NOTE = 500  # the longest note, and the longest ``by``
# What ``by`` must not hold: C0 and C1 controls (line breaks among them), DEL, the line
# and paragraph separators, and the bidi controls that make text read backwards.
CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ID_ALPHABET = string.ascii_lowercase + string.digits


def new_id() -> str:
    """A fresh entry id: 16 random lowercase letters and digits (~82 bits, no coordination)."""
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(16))


def derived_id(*parts: str) -> str:
    """An entry id that *parts* decide (a file's content hash and a row): the same parts,
    the same id, so a file taken in twice is known the second time. 20 hex digits, a
    lowercase form of :data:`ID_RE` (80 bits, as unlikely to meet another as new_id's)."""
    import hashlib  # not at import: TAB completion loads this module

    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


class Entry(NamedTuple):
    """One line of the ledger (台账); ``line`` is where it stands in the file (0: not yet)."""

    id: str
    date: dt.date
    item: int
    target: str
    amount: float
    unit: str
    note: str
    by: str
    recorded_at: str
    corrects: str
    line: int = 0

    @property
    def ref(self) -> str:
        """The target this entry counts toward, as ``26.cadre-training``; a progress
        note's item alone, as ``4`` (SPEC §6: it has no target)."""
        return f"{self.item}.{self.target}" if self.target else str(self.item)
