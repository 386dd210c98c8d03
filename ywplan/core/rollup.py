"""Roll-up (SPEC §8): what each child office contributes to its parent's targets.

A child's target that ``counts_toward`` a parent target feeds it as dated entries of the
parent, in the child's unit among the parent's ``units``, so that every report counts
them as it counts the parent's own entries, at any as-of date and in any period:

* a ``sum`` target feeds its counted entries, re-addressed (at any date their sum is the
  child's actual);
* a ``level`` or ``growth`` target feeds its *level* — never its growth percent — as one
  entry per day its level changed (the latest reading, or with ``aggregate: sum`` the sum
  of its units' latest), so the parent's latest at any date is the child's level then.

The tree rules ``check`` enforces on each parent–child link live here too, each naming
the place in the child and in the parent. Nothing here reads a file or prints.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import groupby
from operator import attrgetter

from ywplan.core.model import Entry, Plan, Target, amount_empty
from ywplan.core.progress import TargetKey, counted, tally
from ywplan.core.rules import Places, names_of, target_list
from ywplan.errors import Problem


def parse_ref(ref: str) -> TargetKey:
    """``26.cadre-training`` → ``(26, "cadre-training")`` (the model has checked its form)."""
    number, _, target_id = ref.partition(".")
    return int(number), target_id


@dataclass(frozen=True, slots=True)
class Feed:
    """One child target feeding one parent target, as dated entries of the parent.

    *plan* is the child's plan file as the parent's folder sees it; *child* the child's
    ``item.id``; *additive*: the child contributes the sum of its entries (else its level).
    """

    unit: str
    plan: str
    child: str
    parent: TargetKey
    additive: bool
    entries: tuple[Entry, ...]

    def actual(self, as_of: dt.date) -> float:
        """What the child contributes as of *as_of*: its sum, or its level then."""
        found = tally(self.entries, as_of).get(self.parent)
        if found is None:
            return 0.0
        return math.fsum(found.amounts) if self.additive else found.latest


def _levels(target: Target, entries: Sequence[Entry]) -> list[Entry]:
    """One entry per day the target's level changed, carrying the level after that day."""
    rows = []
    latest: dict[str, float] = {}
    for _, group in groupby(sorted(entries, key=attrgetter("date")), key=attrgetter("date")):
        day = list(group)
        latest.update((e.unit, e.amount) for e in day)  # the later line of a day wins
        last = day[-1]
        level = math.fsum(latest.values()) if target.aggregate == "sum" else last.amount
        rows.append(last._replace(amount=level))
    return rows


def feeds(child: Plan, entries: Sequence[Entry], unit: str, plan: str) -> list[Feed]:
    """What *child* (its *entries* being its own and its children's) feeds its parent,
    one :class:`Feed` per target that ``counts_toward`` a parent target."""
    fed = {(i.number, t.id): t for i, t in child.targets() if t.counts_toward}
    if not fed:
        return []
    found: dict[TargetKey, list[Entry]] = {key: [] for key in fed}
    for entry in counted(entries, dt.date.max):
        rows = found.get((entry.item, entry.target))
        if rows is not None and not amount_empty(entry.amount):
            rows.append(entry)
    result = []
    for (number, target_id), target in fed.items():
        assert target.counts_toward is not None
        item, parent_id = parse_ref(target.counts_toward)
        additive = target.behaviour.additive
        mine = (
            found[(number, target_id)] if additive else _levels(target, found[(number, target_id)])
        )
        moved = tuple(e._replace(item=item, target=parent_id, unit=unit, corrects="") for e in mine)
        ref = f"{number}.{target_id}"
        result.append(Feed(unit, plan, ref, (item, parent_id), additive, moved))
    return result


def rolled_entries(all_feeds: Iterable[Feed]) -> list[Entry]:
    """Every feed's entries, as entries of the parent."""
    return [entry for feed in all_feeds for entry in feed.entries]


@dataclass(frozen=True, slots=True)
class Source:
    """A child's contribution to a parent target as of a date (JSON ``sources``)."""

    unit: str
    plan: str
    target: str
    actual: float


def sources(
    all_feeds: Iterable[Feed], as_of: dt.date, unit: str | None = None
) -> dict[TargetKey, list[Source]]:
    """Per parent target, what each child feeding it contributes as of *as_of* (for the
    sub-unit *unit* only, when given)."""
    found: dict[TargetKey, list[Source]] = {}
    for feed in all_feeds:
        if unit is None or feed.unit == unit:
            source = Source(feed.unit, feed.plan, feed.child, feed.actual(as_of))
            found.setdefault(feed.parent, []).append(source)
    return found


# --- the tree rules -------------------------------------------------------------------------


@dataclass(frozen=True)
class Side:
    """One end of a link: a plan, where its parts stand, and its file's name."""

    plan: Plan
    places: Places
    name: str


@dataclass(frozen=True)
class Link:
    """A parent and a child its ``children:`` glob number *glob* found.

    *reports_here*: the child's ``reports_to.plan`` is the parent's file.
    """

    parent: Side
    child: Side
    glob: int
    reports_here: bool


def place(side: Side, path: tuple[str | int, ...]) -> str:
    """``file:line:col`` of the value at *path* in *side*'s file."""
    return side.places.at(path, "").location


def _related(problem: Problem, side: Side, path: tuple[str | int, ...]) -> Problem:
    return replace(problem, related=place(side, path))


def _children_line(link: Link) -> tuple[str | int, ...]:
    return ("children", link.glob)


def reports_back(link: Link) -> list[Problem]:
    """A child found has a ``reports_to`` naming this plan."""
    reports_to = link.child.plan.reports_to
    if reports_to is None:
        problem = link.child.places.at(("plan",), "tree.no_reports_to", parent=link.parent.name)
    elif not link.reports_here:
        problem = link.child.places.at(
            ("reports_to", "plan"),
            "tree.reports_elsewhere",
            named=reports_to.plan,
            parent=link.parent.name,
        )
    else:
        return []
    return [_related(problem, link.parent, _children_line(link))]


def unit_known(link: Link) -> list[Problem]:
    """The child's ``reports_to.unit`` is one of the parent's ``units``."""
    reports_to = link.child.plan.reports_to
    units = link.parent.plan.units
    if reports_to is None or reports_to.unit in units:
        return []
    problem = link.child.places.at(
        ("reports_to", "unit"),
        "tree.unknown_unit",
        unit=reports_to.unit,
        parent=link.parent.name,
        units=names_of(units).listing() if units else "—",
    )
    where = ("units",) if units else _children_line(link)
    return [_related(problem, link.parent, where)]


def same_year(link: Link) -> list[Problem]:
    """The child's plan year is the parent's."""
    child, parent = link.child.plan.year, link.parent.plan.year
    if child == parent:
        return []
    problem = link.child.places.at(("year",), "tree.other_year", year=child, parent_year=parent)
    return [_related(problem, link.parent, ("year",))]


def _find(plan: Plan, key: TargetKey) -> tuple[tuple[str | int, ...], Target | None] | None:
    """Where the item of *key* stands and its target (None: no such target); None: no item."""
    for index, item in enumerate(plan.items):
        if item.number == key[0]:
            for tindex, target in enumerate(item.targets):
                if target.id == key[1]:
                    return ("items", index, "targets", tindex), target
            return ("items", index, "number"), None
    return None


def _counting(plan: Plan) -> Iterable[tuple[tuple[str | int, ...], str, Target]]:
    """Each target of *plan* that counts toward a parent's: its path, ref and itself."""
    for index, item in enumerate(plan.items):
        for tindex, target in enumerate(item.targets):
            if target.counts_toward:
                yield ("items", index, "targets", tindex), f"{item.number}.{target.id}", target


def _fits(link: Link, path: tuple[str | int, ...], ref: str, target: Target) -> list[Problem]:
    """One ``counts_toward``: an existing target, the same physical unit, a kind that adds."""
    assert target.counts_toward is not None
    child, parent = link.child, link.parent
    at = (*path, "counts_toward")
    key = parse_ref(target.counts_toward)
    located = _find(parent.plan, key)
    theirs = located[1] if located is not None else None
    if located is None or theirs is None:
        item = parent.plan.item(key[0])
        problem = child.places.at(
            at,
            "tree.unknown_target",
            ref=ref,
            toward=target.counts_toward,
            parent=parent.name,
            targets=target_list(item) if item else "—",
        )
        return [_related(problem, parent, _children_line(link) if located is None else located[0])]
    found = located[0]
    toward = target.counts_toward
    if theirs.unit != target.unit:
        problem = child.places.at(
            at, "tree.other_unit", ref=ref, toward=toward, unit=target.unit, theirs=theirs.unit
        )
        return [_related(problem, parent, (*found, "unit"))]
    if target.behaviour.additive != theirs.behaviour.additive:
        problem = child.places.at(
            at, "tree.other_kind", ref=ref, toward=toward, kind=target.kind, theirs=theirs.kind
        )
        return [_related(problem, parent, (*found, "kind"))]
    if not theirs.behaviour.additive and theirs.aggregate != "sum":
        problem = parent.places.at(
            (*found, "id"), "tree.needs_aggregate", toward=target.counts_toward, child=child.name
        )
        return [_related(problem, child, at)]
    return []


def counts_fit(link: Link) -> list[Problem]:
    """Every ``counts_toward`` of the child names a target of the parent that it can feed."""
    return [
        p
        for path, ref, target in _counting(link.child.plan)
        for p in _fits(link, path, ref, target)
    ]


LINK_RULES: tuple[Callable[[Link], list[Problem]], ...] = (
    reports_back,
    unit_known,
    same_year,
    counts_fit,
)


def link_problems(link: Link) -> list[Problem]:
    """Every problem of one parent–child link (the plans themselves are checked apart)."""
    return [problem for rule in LINK_RULES for problem in rule(link)]


def fed_places(link: Link) -> dict[tuple[int, str, str], str]:
    """(parent item, parent target, unit) that the child feeds → the ``counts_toward``'s place."""
    reports_to = link.child.plan.reports_to
    if reports_to is None:
        return {}
    return {
        (*parse_ref(target.counts_toward or ""), reports_to.unit): place(
            link.child, (*path, "counts_toward")
        )
        for path, _, target in _counting(link.child.plan)
    }


def double_counted(
    entries: Sequence[Entry], fed: Mapping[tuple[int, str, str], str], ledger: str
) -> list[Problem]:
    """The parent's own entries for a unit and target that a child feeds: each counted
    twice, once here and once in the child's ledger (placed in *ledger*, naming the child)."""
    if not fed:
        return []
    problems = []
    for entry in counted(entries, dt.date.max):
        where = fed.get((entry.item, entry.target, entry.unit))
        if where is not None and not amount_empty(entry.amount):
            problem = Problem(
                "tree.double_count",
                {"id": entry.id, "ref": entry.ref, "unit": entry.unit},
                ledger,
                entry.line,
                1,
                related=where,
            )
            problems.append(problem)
    return problems
