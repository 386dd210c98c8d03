"""Every rule ``check`` enforces, each a plain function, registered in one list.

Plan rules look at a built plan and where its parts stand in the file
(:class:`Places`); ledger rules look at the plan and the ledger's entries. The entry
rules (:data:`ENTRY_RULES`) each judge one field of an entry — its target, date, unit or
amount — so that ``log`` refuses a clerk for exactly what ``check`` reports in the file,
and a ledger of 150,000 entries is judged once per distinct value, not once per line.
Nothing here reads a file or prints.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import compress
from math import isnan
from operator import gt, itemgetter, not_
from typing import Any, Protocol, TypeVar

from ywplan.core.grading import GRADING_RULES
from ywplan.core.item_rules import ITEM_RULES, due_in_the_year
from ywplan.core.kinds import goal_text
from ywplan.core.model import CONTROL_RE, ITEM_DONE, MAX_NOTE, Entry, Item, Plan, amount_empty
from ywplan.errors import Problem, Severity
from ywplan.i18n import t


class Places(Protocol):
    """Where a plan's parts stand in its file (a plan file as read, see ``store.plan_file``)."""

    def at(
        self,
        path: tuple[str | int, ...],
        key: str,
        *,
        on_key: bool = False,
        severity: Severity = "error",
        **args: object,
    ) -> Problem:
        """The problem *key* placed at the value (or, *on_key*, the key) at *path*."""
        ...

    def line(self, path: tuple[str | int, ...]) -> int:
        """The line of the value at *path*."""
        ...


PlanRule = Callable[[Plan, Places], list[Problem]]
LedgerRule = Callable[[Plan | None, Sequence[Entry], dt.date], list[Problem]]


def unique_item_numbers(plan: Plan, places: Places) -> list[Problem]:
    """Item numbers are unique."""
    seen: dict[int, int] = {}
    problems = []
    for index, item in enumerate(plan.items):
        if item.number in seen:
            first = places.line(("items", seen[item.number], "number"))
            problems.append(
                places.at(
                    ("items", index, "number"),
                    "plan.duplicate_number",
                    number=item.number,
                    first=first,
                )
            )
        else:
            seen[item.number] = index
    return problems


def unique_target_ids(plan: Plan, places: Places) -> list[Problem]:
    """Target ids are unique within their item."""
    problems = []
    for index, item in enumerate(plan.items):
        seen: dict[str, int] = {}
        for tindex, target in enumerate(item.targets):
            if target.id in seen:
                first = places.line(("items", index, "targets", seen[target.id], "id"))
                path = ("items", index, "targets", tindex, "id")
                problems.append(
                    places.at(
                        path,
                        "plan.duplicate_target",
                        ref=f"{item.number}.{target.id}",
                        first=first,
                    )
                )
            else:
                seen[target.id] = tindex
    return problems


def unique_units(plan: Plan, places: Places) -> list[Problem]:
    """Sub-unit names are listed once."""
    seen: set[str] = set()
    problems = []
    for index, unit in enumerate(plan.units):
        if unit in seen:
            problems.append(places.at(("units", index), "plan.duplicate_unit", unit=unit))
        seen.add(unit)
    return problems


def known_quota_units(plan: Plan, places: Places) -> list[Problem]:
    """``by_unit`` names appear in ``units`` when the plan lists units."""
    if not plan.units:
        return []
    units = names_of(plan.units)
    problems = []
    for index, item in enumerate(plan.items):
        for tindex, target in enumerate(item.targets):
            for unit in target.by_unit or {}:
                if unit not in units:
                    path = ("items", index, "targets", tindex, "by_unit", unit)
                    problems.append(
                        places.at(
                            path,
                            "plan.quota_unit",
                            on_key=True,
                            unit=unit,
                            suggest=did_you_mean(unit, units),
                            units=units.listing(),
                        )
                    )
    return problems


def schedule_on_max(plan: Plan, places: Places) -> list[Problem]:
    """A schedule on a ``max`` target has no effect: say so rather than ignore it silently."""
    problems = []
    for index, item in enumerate(plan.items):
        for tindex, target in enumerate(item.targets):
            if target.schedule and target.op == "<=":
                path = ("items", index, "targets", tindex, "schedule")
                problems.append(
                    places.at(
                        path,
                        "plan.schedule_max",
                        on_key=True,
                        severity="warning",
                        ref=f"{item.number}.{target.id}",
                    )
                )
    return problems


def numbering_gaps(plan: Plan, places: Places) -> list[Problem]:
    """Items are numbered 1..n without gaps (a warning: a draft may skip numbers on purpose).

    An office reporting to a parent may number an item as the parent's item its targets
    count toward (``ywplan new --reports-to`` does: the county's clerk logs ``26.…`` as
    the city's document says); such borrowed numbers are no gaps in its own.
    """
    numbers = {item.number for item in plan.items if not _borrowed(plan, item)}
    if not numbers:
        return []
    missing = [n for n in range(1, max(numbers) + 1) if n not in numbers]
    if not missing:
        return []
    shown = "、".join(map(str, missing[:10])) + ("…" if len(missing) > 10 else "")
    return [
        places.at(
            ("items",),
            "plan.numbering_gap",
            on_key=True,
            severity="warning",
            missing=shown,
        )
    ]


def _borrowed(plan: Plan, item: Item) -> bool:
    """Whether *item* carries the number of the parent's item all its targets count toward."""
    prefix = f"{item.number}."
    return (
        plan.reports_to is not None
        and bool(item.targets)
        and all((target.counts_toward or "").startswith(prefix) for target in item.targets)
    )


def quantities_without_targets(plan: Plan, places: Places) -> list[Problem]:
    """A plan without any target whose items' text states quantities lost them (a warning).

    The importer's phrase knowledge decides what a quantity is (400人次, 30%, 5个).
    """
    if any(item.targets for item in plan.items):
        return []  # the common case, decided without loading the importer
    from ywplan.importing.quantified import lost_every_target

    numbers = lost_every_target(plan.items)
    if not numbers:
        return []
    shown = "、".join(map(str, numbers[:10])) + ("…" if len(numbers) > 10 else "")
    return [
        places.at(("items",), "plan.lost_targets", on_key=True, severity="warning", items=shown)
    ]


PLAN_RULES: tuple[PlanRule, ...] = (
    unique_item_numbers,
    unique_target_ids,
    unique_units,
    known_quota_units,
    schedule_on_max,
    numbering_gaps,
    quantities_without_targets,
    *ITEM_RULES,
    *GRADING_RULES,
)
# The rules that judge the plan as a whole, not each part of it on its own.
# A partly built plan may have no year: the due dates wait for the whole plan too.
WHOLE_PLAN_RULES: frozenset[PlanRule] = frozenset(
    {numbering_gaps, quantities_without_targets, due_in_the_year}
)


# Bounds on the work a list of names costs, however long the list and however many
# names in a file are wrong (a plan of 60,000 units, a ledger of 150,000 lines).
MAX_CANDIDATES = 200  # names a wrong name is compared with
MAX_GUESSES = 50  # distinct wrong names a list suggests a name for
LISTED_WIDTH = 200  # characters of names a hint lists (a message clips its values at 240)


def _closest_of(name: str, choices: Sequence[str]) -> str:
    found = difflib.get_close_matches(name, choices, n=1, cutoff=0.3)
    if not found:
        found = [choice for choice in choices if name and (name in choice or choice in name)][:1]
    return found[0] if found else ""


class Names:
    """A list of names (a plan's sub-units) to look names up in and suggest from.

    A look-up is a set look-up. A suggestion compares the wrong name with every name of
    a short list; of a long one, only with :data:`MAX_CANDIDATES` names that start with
    the same character and are nearest in length. Each distinct wrong name is judged
    once, and only :data:`MAX_GUESSES` of them get a suggestion, so that thousands of
    misspelt names among tens of thousands of units are judged in well under a second.
    """

    def __init__(self, names: Sequence[str]) -> None:
        self.names = names
        self.known = frozenset(names)
        self._guesses: dict[str, str] = {}
        self._by_start: dict[tuple[str, int], list[str]] = {}
        self._listing = ""

    def __contains__(self, name: object) -> bool:
        return name in self.known

    def closest(self, name: str) -> str:
        """The name most like *name* ('' when none is close, or the bound is reached)."""
        found = self._guesses.get(name)
        if found is None:
            if len(self._guesses) >= MAX_GUESSES:
                return ""
            found = self._guesses[name] = _closest_of(name, self._candidates(name))
        return found

    def _candidates(self, name: str) -> Sequence[str]:
        if len(self.names) <= MAX_CANDIDATES:
            return self.names
        if not self._by_start:
            for each in self.names:
                self._by_start.setdefault((each[:1], len(each)), []).append(each)
        found: list[str] = []
        longest = max(len(name), *(length for _, length in self._by_start))
        for distance in range(longest + 1):
            for length in {len(name) - distance, len(name) + distance}:
                found += self._by_start.get((name[:1], length), ())
            if len(found) >= MAX_CANDIDATES:
                break
        return found[:MAX_CANDIDATES]

    def listing(self) -> str:
        """The names for a hint, ``甲区、乙县``, as many as :data:`LISTED_WIDTH` allows."""
        if not self._listing:
            shown = "、".join(self.names)
            if len(shown) > LISTED_WIDTH:
                cut = shown.rfind("、", 0, LISTED_WIDTH + 1)
                shown = shown[: max(cut, 0)] + t("names.more", count=len(self.names))
            self._listing = shown
        return self._listing


_O = TypeVar("_O")
_T = TypeVar("_T")
_MADE: dict[tuple[int, Callable[[Any], Any]], tuple[object, Any]] = {}


def _made_once(owner: _O, make: Callable[[_O], _T]) -> _T:
    """``make(owner)``, kept while *owner* is among the last few asked about.

    A ledger's entry rules ask about the same plan once per distinct value: what they
    look up in it (its units as a set, its items by number) is made once, not each time.
    """
    key = (id(owner), make)
    made = _MADE.get(key)
    if made is None or made[0] is not owner:
        if len(_MADE) >= 16:
            _MADE.clear()
        made = _MADE[key] = (owner, make(owner))  # holds *owner*: its id stays its own
    return made[1]


def names_of(choices: Sequence[str]) -> Names:
    """The :class:`Names` of *choices*, made once per list (a ledger asks per distinct unit)."""
    return _made_once(choices, Names)


def _by_number(plan: Plan) -> dict[int, Item]:
    """A plan's items by number (the first of each, as :meth:`Plan.item` finds it)."""
    items: dict[int, Item] = {}
    for item in plan.items:
        items.setdefault(item.number, item)
    return items


def closest(name: str, choices: Sequence[str]) -> str:
    """The choice most like *name* ('' when none is close; bounded work, see :class:`Names`)."""
    if len(choices) <= MAX_CANDIDATES:
        return _closest_of(name, choices)  # a short list, often made for this one call
    return names_of(choices).closest(name)


def did_you_mean(name: str, choices: Sequence[str] | Names) -> str:
    """``是不是“海宁市”?`` for the closest choice, or '' — the start of a hint."""
    found = choices.closest(name) if isinstance(choices, Names) else closest(name, choices)
    return t("did_you_mean", name=found) if found else ""


def target_list(item: Item) -> str:
    """An item's targets, one per line: ``  26.cadre-training  培训团干部 (≥400 人次)``."""
    return "\n".join(
        f"  {item.number}.{t.id}  {t.name} ({goal_text(t.op, t.goal, t.unit)})"
        for t in item.targets
    )


# --- entry rules: one field each --------------------------------------------------------


def _target_known(plan: Plan, key: Hashable, today: dt.date) -> Problem | None:
    """The row's item exists and its target fits the row's shape (SPEC §6): a target
    with an amount; with no amount, a note (no target), a milestone of the item, or
    ``done`` on an item measured by nothing else."""
    assert isinstance(key, tuple)
    number: int = key[0]
    target_id: str = key[1]
    item = _made_once(plan, _by_number).get(number)
    if item is None:
        numbers = [i.number for i in plan.items]
        span = f"{min(numbers)}–{max(numbers)}" if numbers else "—"
        return Problem("entry.unknown_item", {"item": number, "span": span}, col=3)
    if key[2]:
        return _row_fits(plan, item, target_id)
    if item.target(target_id) is not None:
        return None
    ref = f"{number}.{target_id}"
    if target_id == ITEM_DONE or item.milestone(target_id) is not None:
        return Problem("entry.amount_on_row", {"ref": ref}, col=5)
    code = "entry.qualitative_item" if not item.targets else "entry.unknown_target"
    args = {
        "ref": ref,
        "item": item.number,
        "known": target_list(item),
        "suggest": did_you_mean(target_id, [t.id for t in item.targets]),
    }
    return Problem(code, args, col=4)


def milestone_list(item: Item, done: Collection[str] = ()) -> str:
    """An item's milestones, one per line: ``  4.plan-issued  出台实施方案 (2024-06-30)``;
    those in *done* are left out."""
    return "\n".join(
        f"  {item.number}.{m.id}  {m.name} ({m.due.isoformat()})"
        for m in item.milestones
        if m.id not in done
    )


def milestone_owner(plan: Plan, item: Item, milestone_id: str) -> Item | None:
    """Another item of *plan* that has the milestone *milestone_id*, if one does."""
    return next(
        (i for i in plan.items if i is not item and i.milestone(milestone_id) is not None), None
    )


def _row_fits(plan: Plan, item: Item, target_id: str) -> Problem | None:
    """A row without an amount: what its target must be on this item."""
    ref = f"{item.number}.{target_id}"
    if not target_id or item.milestone(target_id) is not None:
        return None  # a progress note, a milestone done
    if target_id == ITEM_DONE:
        if item.milestones:
            known = {"item": item.number, "known": milestone_list(item)}
            return Problem("entry.done_has_milestones", known, col=4)
        if item.targets:
            known = {"item": item.number, "known": target_list(item)}
            return Problem("entry.done_has_targets", known, col=4)
        return None
    if item.target(target_id) is not None:
        return Problem("entry.amount_missing", {"ref": ref}, col=5)
    owner = milestone_owner(plan, item, target_id)
    args: dict[str, object] = {"ref": ref, "item": item.number, "known": milestone_list(item)}
    if owner is not None:
        found = {**args, "owner": owner.number, "milestone": target_id}
        return Problem("entry.milestone_of_other", found, col=4)
    key = "entry.unknown_milestone" if item.milestones else "entry.no_milestones"
    return Problem(key, args, col=4)


def _date_in_year(plan: Plan, day: Hashable, today: dt.date) -> Problem | None:
    assert isinstance(day, dt.date)
    if day.year != plan.year:
        args: dict[str, object] = {"date": day.isoformat(), "year": plan.year}
        return Problem("entry.date_outside_year", args, col=2)
    if day > today:
        return Problem(
            "entry.date_future", {"date": day.isoformat(), "today": today.isoformat()}, col=2
        )
    return None


def _unit_known(plan: Plan, unit: Hashable, today: dt.date) -> Problem | None:
    units = names_of(plan.units)
    if not unit or unit in units:
        return None
    if not plan.units:
        return Problem("entry.unit_without_units", {"unit": unit}, col=6)
    assert isinstance(unit, str)
    args = {
        "unit": unit,
        "suggest": did_you_mean(unit, units),
        "units": units.listing(),
    }
    return Problem("entry.unknown_unit", args, col=6)


def unit_problem(plan: Plan, unit: str) -> Problem | None:
    """Why *unit* is not one of the plan's sub-units (the rule entries are judged by), or None."""
    return _unit_known(plan, unit, dt.date.min)


def _amount_positive(plan: Plan, amount: Hashable, today: dt.date) -> Problem | None:
    if amount is None or amount > 0:  # type: ignore[operator]
        return None  # None: a reversing line, negative by design
    return Problem("entry.amount_not_positive", {"amount": amount}, col=5)


def _amount_of(entry: Entry) -> float | None:
    return None if entry.corrects or amount_empty(entry.amount) else entry.amount


def _target_of(entry: Entry) -> tuple[int, str, bool]:
    """What the target rule judges: the item, the target and whether the amount is empty."""
    return (entry.item, entry.target, amount_empty(entry.amount))


def _note_of(entry: Entry) -> bool | None:
    """Whether a progress note holds text; None for any other row (the rule does not apply).

    A reversing line's note is its reason, checked when it is made."""
    if entry.target or entry.corrects or not amount_empty(entry.amount):
        return None
    return bool(entry.note.strip())


def _empty_amounts(entries: Sequence[Entry]) -> list[bool]:
    """Whether each entry's amount is empty, at C speed (NaN, as the ledger reads it)."""
    amounts = list(map(itemgetter(4), entries))
    try:
        return list(map(isnan, amounts))
    except TypeError:  # an amount of None, as a caller may build an entry
        return list(map(amount_empty, amounts))


def _targets(entries: Sequence[Entry]) -> set[Hashable]:
    """The distinct :func:`_target_of` values of *entries*, in C-level passes."""
    items, targets = map(itemgetter(2), entries), map(itemgetter(3), entries)
    return set(zip(items, targets, _empty_amounts(entries), strict=True))


def _amounts(entries: Sequence[Entry]) -> set[Hashable]:
    """The distinct amounts :func:`_amount_of` gives that are not None (None is never
    judged), in C-level passes: those of the rows that reverse nothing and have one."""
    plain = map(not_, map(itemgetter(9), entries))
    counted = map(gt, plain, _empty_amounts(entries))  # reverses nothing, and not empty
    return set(compress(map(itemgetter(4), entries), counted))


def _notes(entries: Sequence[Entry]) -> set[Hashable]:
    """The distinct :func:`_note_of` values that are not None: only rows without a
    target can hold a progress note, and they are few."""
    return set(map(_note_of, compress(entries, map(not_, map(itemgetter(3), entries)))))


def _note_given(plan: Plan, given: Hashable, today: dt.date) -> Problem | None:
    return Problem("entry.empty_note", {}, col=7) if given is False else None


def by_problem(by: str) -> Problem | None:
    """``by`` is one line of plain text of at most :data:`MAX_NOTE` characters, as a note
    is: no line break, no terminal control, no bidi override. Judged without the plan."""
    if len(by) > MAX_NOTE:
        return Problem("entry.by_too_long", {"limit": MAX_NOTE}, col=8)
    found = CONTROL_RE.search(by)
    if found:
        args = {"char": f"U+{ord(found[0]):04X}", "limit": MAX_NOTE}
        return Problem("entry.by_control", args, col=8)
    return None


def _by_fits(plan: Plan, by: Hashable, today: dt.date) -> Problem | None:
    assert isinstance(by, str)
    return by_problem(by)


@dataclass(frozen=True, slots=True)
class EntryRule:
    """A rule on one field of an entry: *value* reads the field, *judge* finds the problem.

    *value* is None where the rule does not apply (the amount of a reversing line). A
    *decisive* rule's problem is the entry's only one (an unknown item makes its target,
    date and unit meaningless to report). An *interval* rule accepts the values between
    any two it accepts, so a ledger whose smallest and largest values pass passes whole.
    A rule that is not *indexed* judges a field the ledger index does not keep; the index
    holds no entry such a rule refuses, so :func:`count_entry_problems` skips it.
    *distinct*, where given, gives the distinct values of *value* over many entries other
    than None (which is never judged) in C-level passes, as a province's ledger needs.
    """

    field: str
    value: Callable[[Entry], Hashable]
    judge: Callable[[Plan, Hashable, dt.date], Problem | None]
    decisive: bool = False
    interval: bool = False
    indexed: bool = True
    distinct: Callable[[Sequence[Entry]], set[Hashable]] | None = None

    def values(self, entries: Sequence[Entry]) -> set[Hashable]:
        """The distinct values of this rule's field over *entries* (None may be left out)."""
        if self.distinct is not None:
            return self.distinct(entries)
        return set(map(self.value, entries))


ENTRY_RULES: tuple[EntryRule, ...] = (
    EntryRule("target", _target_of, _target_known, decisive=True, distinct=_targets),
    EntryRule("date", itemgetter(1), _date_in_year, interval=True),
    EntryRule("unit", itemgetter(5), _unit_known),
    EntryRule("amount", _amount_of, _amount_positive, interval=True, distinct=_amounts),
    # The ledger index keeps no ``by`` column: it holds no entry this rule refuses.
    EntryRule("by", itemgetter(7), _by_fits, indexed=False),
    # Nor a ``note`` column: it keeps every row without an amount whole (SPEC §6 rows).
    EntryRule("note", _note_of, _note_given, indexed=False, distinct=_notes),
)
# A decisive rule decides only when its problem is one of these (an unknown target is not).
_DECISIVE_KEYS = frozenset({"entry.unknown_item"})

Judged = Callable[[EntryRule, Hashable], Problem | None]
Decode = Callable[[Any], Hashable]


def _decides(problem: Problem | None, rule: EntryRule) -> bool:
    return problem is not None and rule.decisive and problem.key in _DECISIVE_KEYS


def _problems_of(entry: Entry, judged: Judged) -> list[Problem]:
    problems = []
    for rule in ENTRY_RULES:
        problem = judged(rule, rule.value(entry))
        if problem is not None:
            if _decides(problem, rule):
                return [problem]
            problems.append(problem)
    return problems


def entry_problems(plan: Plan, entry: Entry, today: dt.date) -> list[Problem]:
    """What is wrong with one entry on its own (unplaced: the caller adds file and line)."""
    return _problems_of(entry, lambda rule, value: rule.judge(plan, value, today))


def _present(values: Collection[Any]) -> Collection[Any]:
    """The values a rule applies to: None (a reversing line's amount) is never judged."""
    if isinstance(values, list | set | tuple) and None in values:  # arrays hold no None
        return [v for v in values if v is not None]
    return values


def _same(value: Any) -> Hashable:
    return value  # type: ignore[no-any-return]


def refused(
    rule: EntryRule,
    plan: Plan,
    today: dt.date,
    values: Collection[Any],
    decode: Decode = _same,
) -> dict[Hashable, Problem]:
    """The values of *rule*'s field that it refuses, each distinct value judged once.

    *values* may be stored codes (a date's ordinal, a unit's number) that *decode* turns
    into the field's value; for an interval rule it must keep their order. The keys of
    the answer are the values as given. None (the rule does not apply) is never judged.
    """
    present = _present(values)
    if not present:
        return {}
    if rule.interval:
        low, high = decode(min(present)), decode(max(present))
        if rule.judge(plan, low, today) is None and rule.judge(plan, high, today) is None:
            return {}
    found = {}
    for value in set(present):
        problem = rule.judge(plan, decode(value), today)
        if problem is not None:
            found[value] = problem
    return found


FieldColumns = Mapping[str, Collection[Any]]


def count_entry_problems(
    plan: Plan,
    today: dt.date,
    groups: Sequence[tuple[tuple[int, str], FieldColumns]],
    decode: Mapping[str, Decode],
) -> int:
    """How many problems the entry rules find in entries given column by column.

    Each group holds entries of one target (item, id) — the ``target`` field — as a
    column of values for every other field (None where a rule does not apply); *decode*
    turns a field's stored codes into its values. The answer equals the number of
    problems :func:`each_entry` reports for the same entries.
    """
    indexed = [rule for rule in ENTRY_RULES if rule.indexed]
    verdicts = {}
    for rule in indexed:
        if rule.field == "target":
            keys = [(*key, False) for key, _ in groups]  # the groups hold amounts
            verdicts[id(rule)] = refused(rule, plan, today, keys)
            continue
        column_of = [_present(columns[rule.field]) for _, columns in groups]
        code = decode.get(rule.field, _same)
        if rule.interval:  # the extremes of each column first: C-level, no set of values
            extremes = [f(c) for c in column_of if c for f in (min, max)]
            if not refused(rule, plan, today, extremes, code):
                verdicts[id(rule)] = {}
                continue
        present = [v for column in column_of for v in set(column)]
        verdicts[id(rule)] = refused(rule, plan, today, present, code)
    if not any(verdicts.values()):
        return 0
    count = 0
    for key, columns in groups:
        size = max(map(len, columns.values()), default=0)
        found = 0
        for rule in indexed:
            wrong = verdicts[id(rule)]
            if not wrong:
                continue
            if rule.field == "target":
                problem = wrong.get((*key, False))
                if _decides(problem, rule):
                    found = size  # the only problem of each of these entries
                    break
                found += size if problem is not None else 0
            else:
                found += _count_wrong(columns[rule.field], wrong)
        count += found
    return count


def _count_wrong(values: Any, wrong: Mapping[Any, object]) -> int:
    """How many of *values* are *wrong*: one C-speed count per wrong value when there are
    few, else one pass (70,000 distinct wrong units would make the counts quadratic)."""
    bad = [v for v in set(values) if v in wrong]
    if len(bad) <= 16:
        return sum(values.count(v) for v in bad)
    return sum(1 for v in values if v in wrong)


# A ledger is checked on machines in other time zones (CI runs in UTC, clerks in UTC+8):
# an entry dated "tomorrow" there is today here, so the file check allows one day.
CLOCK_SLACK = dt.timedelta(days=1)


def each_entry(plan: Plan | None, entries: Sequence[Entry], today: dt.date) -> list[Problem]:
    """Every entry passes the entry rules (dates up to a day ahead: time zones)."""
    if plan is None or not entries:
        return []
    day = today + CLOCK_SLACK
    verdicts = {id(rule): refused(rule, plan, day, rule.values(entries)) for rule in ENTRY_RULES}
    if not any(verdicts.values()):
        return []  # the common case at province scale, decided per distinct value

    def judged(rule: EntryRule, value: Hashable) -> Problem | None:
        return verdicts[id(rule)].get(value)

    suspects: set[int] = set()  # the entries holding a refused value, found at C speed
    for rule in ENTRY_RULES:
        wrong = verdicts[id(rule)]
        if wrong:
            held = map(wrong.__contains__, map(rule.value, entries))
            suspects.update(compress(range(len(entries)), held))
    return [
        _as_of(problem, today).at("", entries[index].line, problem.col)
        for index in sorted(suspects)
        for problem in _problems_of(entries[index], judged)
    ]


def _as_of(problem: Problem, today: dt.date) -> Problem:
    """A problem judged with the day of slack, naming the real *today* (the slack is silent)."""
    if "today" not in problem.args:
        return problem
    return replace(problem, args={**problem.args, "today": today.isoformat()})


def unique_ids(plan: Plan | None, entries: Sequence[Entry], today: dt.date) -> list[Problem]:
    """No id appears twice (a bad merge or a copied line); needs no plan."""
    if len(set(map(itemgetter(0), entries))) == len(entries):
        return []
    seen: dict[str, int] = {}
    problems = []
    for entry in entries:
        if entry.id in seen:
            problems.append(
                Problem(
                    "ledger.duplicate_id",
                    {"id": entry.id, "first": seen[entry.id]},
                    "",
                    entry.line,
                    1,
                )
            )
        else:
            seen[entry.id] = entry.line
    return problems


def reversal_problem(
    original: Entry | None, reversal: Entry, already: Collection[str]
) -> Problem | None:
    """What is wrong with *reversal* as the undo of *original* (None when it is right)."""
    args = {"id": reversal.corrects}
    if original is None:
        return Problem("ledger.corrects_unknown", args)
    if original.corrects:
        return Problem("ledger.corrects_reversal", args)
    if original.id in already:
        return Problem("ledger.corrects_twice", args)
    same = (original.date, original.item, original.target, original.unit) == (
        reversal.date,
        reversal.item,
        reversal.target,
        reversal.unit,
    )
    empty = amount_empty(original.amount)
    if empty != amount_empty(reversal.amount):
        same = False
    if not same or (not empty and abs(original.amount + reversal.amount) > 1e-9):
        return Problem("ledger.corrects_mismatch", {**args, "line": original.line})
    return None


def reversals(plan: Plan | None, entries: Sequence[Entry], today: dt.date) -> list[Problem]:
    """Each reversing line names an existing entry once and repeats it negated; needs no plan."""
    lines = list(compress(entries, map(itemgetter(9), entries)))
    if not lines:
        return []
    named = {entry.corrects for entry in lines}
    by_id = {
        e.id: e for e in compress(entries, map(named.__contains__, map(itemgetter(0), entries)))
    }
    done: set[str] = set()
    problems = []
    for entry in lines:
        problem = reversal_problem(by_id.get(entry.corrects), entry, done)
        if problem is not None:
            problems.append(problem.at("", entry.line, 10))
        done.add(entry.corrects)
    return problems


LEDGER_RULES: tuple[LedgerRule, ...] = (each_entry, unique_ids, reversals)


def appended_only(
    before: Sequence[tuple[int, Sequence[str]]],
    now: Sequence[tuple[int, Sequence[str]]],
    rev: str,
) -> list[Problem]:
    """Each row a ledger had at *rev* is still in it, unchanged: lines are only appended.

    Rows are ``(line, fields)``, fields never empty; a removed or changed row is placed at
    its line at *rev*. A row that had a twin at *rev* may lose it (deleting a repeated
    line is the fix ``ledger.duplicate_id`` asks for).
    """
    kept = {tuple(fields) for _, fields in now}
    ids = {fields[0] for _, fields in now}
    problems = []
    for line, fields in before:
        if tuple(fields) in kept:
            continue
        key = "ledger.changed_since" if fields[0] in ids else "ledger.removed_since"
        problems.append(Problem(key, {"id": fields[0], "line": line, "rev": rev}, "", line, 1))
    return problems


def plan_problems(plan: Plan, places: Places, *, whole: bool = True) -> list[Problem]:
    """Every problem the plan rules find in a plan that was built (not *whole*: in part).

    A plan built only in part (its other parts have schema errors) is not judged by the
    rules on the plan as a whole, which would report the parts left out as missing.
    """
    return [
        problem
        for rule in PLAN_RULES
        if whole or rule not in WHOLE_PLAN_RULES
        for problem in rule(plan, places)
    ]


def ledger_problems(plan: Plan | None, entries: Sequence[Entry], today: dt.date) -> list[Problem]:
    """Every problem the ledger rules find, placed at their lines (the caller adds the file)."""
    return [problem for rule in LEDGER_RULES for problem in rule(plan, entries, today)]


def sort_key(problem: Problem) -> tuple[str, int, int]:
    """Order problems as a reader goes through the files."""
    return (problem.path, problem.line, problem.col)
