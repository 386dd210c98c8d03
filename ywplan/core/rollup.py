"""Roll-up (SPEC §8): what each child office contributes to its parent's targets.

A child's target that ``counts_toward`` a parent target feeds it as dated rows of the
parent, in the child's unit among the parent's ``units``, so that every report counts
them as it counts the parent's own entries, at any as-of date and in any period:

* a ``sum`` target feeds its counted entries (at any date their sum is the child's
  actual);
* a ``level`` or ``growth`` target feeds its *level* — never its growth percent — as one
  entry per day its level changed (the latest reading, or with ``aggregate: sum`` the sum
  of its units' latest), so the parent's latest at any date is the child's level then.

The tree rules ``check`` enforces on each parent–child link live here too, each naming
the place in the child and in the parent. Nothing here reads a file or prints.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import compress, groupby
from typing import Any

from ywplan.core.model import Entry, Plan, Target
from ywplan.core.progress import Columns, LedgerColumns, TargetKey, keep_mask
from ywplan.core.rules import Places, names_of, target_list
from ywplan.errors import Problem


def parse_ref(ref: str) -> TargetKey:
    """``26.cadre-training`` → ``(26, "cadre-training")`` (the model has checked its form)."""
    number, _, target_id = ref.partition(".")
    return int(number), target_id


@dataclass(frozen=True, slots=True)
class Rows:
    """A target's counted entries as columns: ids, day ordinals, amounts, unit names.

    What a roll-up carries up the tree: built from a ledger's columns (its index, or the
    ledger read whole) without making an :class:`Entry` of each line.
    """

    ids: list[str] = field(default_factory=list)
    days: list[int] = field(default_factory=list)
    amounts: list[float] = field(default_factory=list)
    units: list[str] = field(default_factory=list)

    def extend(self, other: Rows) -> None:
        """Add *other*'s rows after these."""
        self.ids.extend(other.ids)
        self.days.extend(other.days)
        self.amounts.extend(other.amounts)
        self.units.extend(other.units)


def rows_of(columns: Columns, gone: set[str], name: Callable[[Any], str] = str) -> Rows:
    """The entries of *columns* not taken back, as :class:`Rows` (*name*: a unit's code →
    its name, for columns that hold codes)."""
    keep = keep_mask(columns, dt.date.max, None, gone)
    ids: Iterable[str] = columns.ids
    days: Iterable[Any] = columns.days
    amounts: Iterable[float] = columns.amounts
    units: Iterable[Any] = columns.units
    if keep is not None:
        ids, days = compress(ids, keep), compress(days, keep)
        amounts, units = compress(amounts, keep), compress(units, keep)
    day_list = list(days)
    if day_list and isinstance(day_list[0], dt.date):
        day_list = [day.toordinal() for day in day_list]
    return Rows(list(ids), day_list, list(amounts), list(map(name, units)))


@dataclass(frozen=True, slots=True)
class Feed:
    """One child target feeding one parent target, as rows of the parent in *unit*.

    *plan* is the child's plan file as the parent's folder sees it; *child* the child's
    ``item.id``; *additive*: the child contributes the sum of its rows (else its level,
    one row per day it changed, in day order).
    """

    unit: str
    plan: str
    child: str
    parent: TargetKey
    additive: bool
    rows: Rows

    def actual(self, as_of: dt.date) -> float:
        """What the child contributes as of *as_of*: its sum, or its level then."""
        day = as_of.toordinal()
        rows = self.rows
        if self.additive:
            return math.fsum(a for d, a in zip(rows.days, rows.amounts, strict=True) if d <= day)
        at = bisect_right(rows.days, day)
        return rows.amounts[at - 1] if at else 0.0

    def as_rows(self) -> Rows:
        """The rows, every one in the child's unit among the parent's."""
        rows = self.rows
        return Rows(rows.ids, rows.days, rows.amounts, [self.unit] * len(rows.ids))

    def entries(self) -> list[Entry]:
        """The rows as entries of the parent (for the reports that read entries)."""
        item, target = self.parent
        day = dt.date.fromordinal
        rows = self.rows
        return [
            Entry(i, day(d), item, target, a, self.unit, "", "", "", "")
            for i, d, a in zip(rows.ids, rows.days, rows.amounts, strict=True)
        ]


def _levels(target: Target, rows: Rows) -> Rows:
    """One row per day the target's level changed, carrying the level after that day:
    its latest reading, or with ``aggregate: sum`` the sum of each unit's latest."""
    found = Rows()
    latest: dict[str, float] = {}
    order = sorted(range(len(rows.days)), key=rows.days.__getitem__)  # stable: file order
    for day, group in groupby(order, key=rows.days.__getitem__):
        at = list(group)
        latest.update((rows.units[i], rows.amounts[i]) for i in at)  # the later line wins
        last = at[-1]
        level = math.fsum(latest.values()) if target.aggregate == "sum" else rows.amounts[last]
        found.ids.append(rows.ids[last])
        found.days.append(day)
        found.amounts.append(level)
    return found


def feeds(child: Plan, rows: Mapping[TargetKey, Rows], unit: str, plan: str) -> list[Feed]:
    """What *child* feeds its parent as *unit*, one :class:`Feed` per target that
    ``counts_toward`` a parent target; *rows* are its own and its children's, by target."""
    result = []
    for item, target in child.targets():
        if not target.counts_toward:
            continue
        mine = rows.get((item.number, target.id), Rows())
        additive = target.behaviour.additive
        fed = mine if additive else _levels(target, mine)
        ref = f"{item.number}.{target.id}"
        result.append(Feed(unit, plan, ref, parse_ref(target.counts_toward), additive, fed))
    return result


def merged(own: Mapping[TargetKey, Rows], all_feeds: Iterable[Feed]) -> dict[TargetKey, Rows]:
    """An office's rows by target: its own, then what each of its children feeds."""
    found = {
        key: Rows(list(r.ids), list(r.days), list(r.amounts), list(r.units))
        for key, r in own.items()
    }
    for feed in all_feeds:
        found.setdefault(feed.parent, Rows()).extend(feed.as_rows())
    return found


def with_feeds(ledger: LedgerColumns, all_feeds: Sequence[Feed]) -> LedgerColumns:
    """*ledger*'s columns (read whole: dates, unit names) joined by what the children feed,
    for every tally of the parent (SPEC §8)."""
    own = {key: rows_of(columns, ledger.gone) for key, columns in ledger.groups.items()}
    return LedgerColumns(merged(own, all_feeds), set())  # Rows are columns of day ordinals


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


def units_once(links: Sequence[Link]) -> list[Problem]:
    """No two children of one parent report as the same unit: their entries would count
    twice under it (two checkouts of one office, or a copied plan)."""
    first: dict[str, Link] = {}
    problems = []
    for link in links:
        reports_to = link.child.plan.reports_to
        if reports_to is None or reports_to.unit not in link.parent.plan.units:
            continue  # reported by unit_known
        seen = first.setdefault(reports_to.unit, link)
        if seen is not link:
            at = ("reports_to", "unit")
            problem = link.child.places.at(
                at, "tree.unit_twice", unit=reports_to.unit, other=seen.child.name
            )
            problems.append(_related(problem, seen.child, at))
    return problems


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
    rows: Mapping[TargetKey, Rows], fed: Mapping[tuple[int, str, str], str], ledger: str
) -> list[Problem]:
    """The parent's own entries (*rows*) for a unit and target that a child feeds: each
    counted twice, once here and once in the child's ledger. Placed in *ledger* (the
    caller adds the lines), naming the child's ``counts_toward`` as the second place."""
    problems = []
    for (item, target, unit), where in fed.items():
        found = rows.get((item, target))
        if found is None or unit not in found.units:
            continue
        for entry_id, entry_unit in zip(found.ids, found.units, strict=True):
            if entry_unit == unit:
                args = {"id": entry_id, "ref": f"{item}.{target}", "unit": unit}
                problem = Problem("tree.double_count", args, ledger, related=where)
                problems.append(problem)
    return problems
