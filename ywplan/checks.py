"""Validation rules: each a plain function returning problems, registered in one list.

Plan rules look at a built plan and its marks; ledger rules look at the plan and the
ledger's entries. :func:`entry_problems` is the per-entry rule that both ``check`` and
``log`` apply, so a clerk is refused at the terminal for exactly what ``check`` would
report in the file.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Collection, Sequence
from itertools import compress
from operator import itemgetter, not_
from pathlib import Path

from ywplan.errors import Problem
from ywplan.i18n import t
from ywplan.ledger import LedgerFile
from ywplan.model import Entry, Item, Plan
from ywplan.plan_file import PlanFile

PlanRule = Callable[[PlanFile, Plan], list[Problem]]
LedgerRule = Callable[[Plan, LedgerFile, dt.date], list[Problem]]


def _at(
    plan_file: PlanFile,
    path: tuple[str | int, ...],
    key: str,
    *,
    on_key: bool = False,
    severity: str = "error",
    **args: object,
) -> Problem:
    mark = plan_file.marks.key(path) if on_key else plan_file.marks.value(path)
    return Problem(
        key,
        args,
        plan_file.name,
        mark.line,
        mark.col,
        "warning" if severity == "warning" else "error",
    )


def unique_item_numbers(plan_file: PlanFile, plan: Plan) -> list[Problem]:
    """Item numbers are unique."""
    seen: dict[int, int] = {}
    problems = []
    for index, item in enumerate(plan.items):
        if item.number in seen:
            first = plan_file.marks.value(("items", seen[item.number], "number")).line
            problems.append(
                _at(
                    plan_file,
                    ("items", index, "number"),
                    "plan.duplicate_number",
                    number=item.number,
                    first=first,
                )
            )
        else:
            seen[item.number] = index
    return problems


def unique_target_ids(plan_file: PlanFile, plan: Plan) -> list[Problem]:
    """Target ids are unique within their item."""
    problems = []
    for index, item in enumerate(plan.items):
        seen: dict[str, int] = {}
        for tindex, target in enumerate(item.targets):
            if target.id in seen:
                first = plan_file.marks.value(
                    ("items", index, "targets", seen[target.id], "id")
                ).line
                path = ("items", index, "targets", tindex, "id")
                problems.append(
                    _at(
                        plan_file,
                        path,
                        "plan.duplicate_target",
                        ref=f"{item.number}.{target.id}",
                        first=first,
                    )
                )
            else:
                seen[target.id] = tindex
    return problems


def unique_units(plan_file: PlanFile, plan: Plan) -> list[Problem]:
    """Sub-unit names are listed once."""
    seen: set[str] = set()
    problems = []
    for index, unit in enumerate(plan.units):
        if unit in seen:
            problems.append(_at(plan_file, ("units", index), "plan.duplicate_unit", unit=unit))
        seen.add(unit)
    return problems


def known_quota_units(plan_file: PlanFile, plan: Plan) -> list[Problem]:
    """``by_unit`` names appear in ``units`` when the plan lists units."""
    if not plan.units:
        return []
    problems = []
    for index, item in enumerate(plan.items):
        for tindex, target in enumerate(item.targets):
            for unit in target.by_unit or {}:
                if unit not in plan.units:
                    path = ("items", index, "targets", tindex, "by_unit", unit)
                    problems.append(
                        _at(
                            plan_file,
                            path,
                            "plan.quota_unit",
                            on_key=True,
                            unit=unit,
                            suggest=did_you_mean(unit, plan.units),
                            units="、".join(plan.units),
                        )
                    )
    return problems


def schedule_on_max(plan_file: PlanFile, plan: Plan) -> list[Problem]:
    """A schedule on a ``max`` target has no effect: say so rather than ignore it silently."""
    problems = []
    for index, item in enumerate(plan.items):
        for tindex, target in enumerate(item.targets):
            if target.schedule and target.op == "<=":
                path = ("items", index, "targets", tindex, "schedule")
                problems.append(
                    _at(
                        plan_file,
                        path,
                        "plan.schedule_max",
                        on_key=True,
                        severity="warning",
                        ref=f"{item.number}.{target.id}",
                    )
                )
    return problems


def numbering_gaps(plan_file: PlanFile, plan: Plan) -> list[Problem]:
    """Items are numbered 1..n without gaps (a warning: a draft may skip numbers on purpose)."""
    numbers = {item.number for item in plan.items}
    if not numbers:
        return []
    missing = [n for n in range(1, max(numbers) + 1) if n not in numbers]
    if not missing:
        return []
    shown = "、".join(map(str, missing[:10])) + ("…" if len(missing) > 10 else "")
    return [
        _at(
            plan_file,
            ("items",),
            "plan.numbering_gap",
            on_key=True,
            severity="warning",
            missing=shown,
        )
    ]


PLAN_RULES: tuple[PlanRule, ...] = (
    unique_item_numbers,
    unique_target_ids,
    unique_units,
    known_quota_units,
    schedule_on_max,
    numbering_gaps,
)


def closest(name: str, choices: Sequence[str]) -> str:
    """The choice most like *name* ('' when none is close)."""
    found = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.3)
    if not found:
        found = [choice for choice in choices if name and (name in choice or choice in name)][:1]
    return found[0] if found else ""


def did_you_mean(name: str, choices: Sequence[str]) -> str:
    """``是不是“海宁市”?`` for the closest choice, or '' — the start of a hint."""
    found = closest(name, choices)
    return t("did_you_mean", name=found) if found else ""


def target_list(item: Item) -> str:
    """An item's targets, one per line: ``  26.cadre-training  培训团干部 (≥400 人次)``."""
    return "\n".join(
        f"  {item.number}.{t.id}  {t.name} ({'≥' if t.op == '>=' else '≤'}{t.goal:g} {t.unit})"
        for t in item.targets
    )


def entry_problems(plan: Plan, entry: Entry, today: dt.date) -> list[Problem]:
    """What is wrong with one entry on its own (unplaced: the caller adds file and line)."""
    item = plan.item(entry.item)
    if item is None:
        numbers = [i.number for i in plan.items]
        span = f"{min(numbers)}–{max(numbers)}" if numbers else "—"
        return [Problem("entry.unknown_item", {"item": entry.item, "span": span})]
    problems = []
    target = item.target(entry.target)
    if target is None:
        key = "entry.qualitative_item" if not item.targets else "entry.unknown_target"
        ids = [t.id for t in item.targets]
        args = {
            "ref": entry.ref,
            "item": item.number,
            "known": target_list(item),
            "suggest": did_you_mean(entry.target, ids),
        }
        problems.append(Problem(key, args))
    if entry.date.year != plan.year:
        problems.append(
            Problem("entry.date_outside_year", {"date": entry.date.isoformat(), "year": plan.year})
        )
    elif entry.date > today:
        problems.append(
            Problem(
                "entry.date_future", {"date": entry.date.isoformat(), "today": today.isoformat()}
            )
        )
    if entry.unit:
        if not plan.units:
            problems.append(Problem("entry.unit_without_units", {"unit": entry.unit}))
        elif entry.unit not in plan.units:
            problems.append(
                Problem(
                    "entry.unknown_unit",
                    {
                        "unit": entry.unit,
                        "suggest": did_you_mean(entry.unit, plan.units),
                        "units": "、".join(plan.units),
                    },
                )
            )
    if not entry.corrects and entry.amount <= 0:
        problems.append(Problem("entry.amount_not_positive", {"amount": entry.amount}))
    return problems


_COLUMN_OF = {
    "entry.unknown_item": 3,
    "entry.unknown_target": 4,
    "entry.qualitative_item": 4,
    "entry.date_outside_year": 2,
    "entry.date_future": 2,
    "entry.unit_without_units": 6,
    "entry.unknown_unit": 6,
    "entry.amount_not_positive": 5,
}


def _entries_plainly_valid(plan: Plan, entries: Sequence[Entry], today: dt.date) -> bool:
    """True when no entry can have a problem of :func:`entry_problems` (checked in bulk)."""
    if not entries:
        return True
    known = {(item.number, target.id) for item in plan.items for target in item.targets}
    if not set(map(itemgetter(2, 3), entries)) <= known:
        return False
    units = set(map(itemgetter(5), entries))
    units.discard("")
    if not units <= set(plan.units):
        return False
    dates = list(map(itemgetter(1), entries))
    if min(dates) < plan.first_day or max(dates) > min(plan.last_day, today):
        return False
    plain = compress(map(itemgetter(4), entries), map(not_, map(itemgetter(9), entries)))
    return min(plain, default=1.0) > 0  # amounts of entries that reverse nothing


# A ledger is checked on machines in other time zones (CI runs in UTC, clerks in UTC+8):
# an entry dated "tomorrow" there is today here, so the file check allows one day.
CLOCK_SLACK = dt.timedelta(days=1)


def each_entry(plan: Plan, ledger: LedgerFile, today: dt.date) -> list[Problem]:
    """Every entry passes :func:`entry_problems` (dates up to a day ahead: time zones)."""
    if _entries_plainly_valid(plan, ledger.entries, today + CLOCK_SLACK):
        return []  # the common case at province scale, decided without a call per entry
    problems = []
    for entry in ledger.entries:
        for problem in entry_problems(plan, entry, today + CLOCK_SLACK):
            problems.append(
                problem.at(str(ledger.path), entry.line, _COLUMN_OF.get(problem.key, 1))
            )
    return problems


def unique_ids(plan: Plan | None, ledger: LedgerFile, today: dt.date) -> list[Problem]:
    """No id appears twice (a bad merge or a copied line); needs no plan."""
    if len(set(map(itemgetter(0), ledger.entries))) == len(ledger.entries):
        return []
    seen: dict[str, int] = {}
    problems = []
    for entry in ledger.entries:
        if entry.id in seen:
            problems.append(
                Problem(
                    "ledger.duplicate_id",
                    {"id": entry.id, "first": seen[entry.id]},
                    str(ledger.path),
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
    if not same or abs(original.amount + reversal.amount) > 1e-9:
        return Problem("ledger.corrects_mismatch", {**args, "line": original.line})
    return None


def reversals(plan: Plan | None, ledger: LedgerFile, today: dt.date) -> list[Problem]:
    """Each reversing line names an existing entry once and repeats it negated; needs no plan."""
    entries = ledger.entries
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
            problems.append(problem.at(str(ledger.path), entry.line, 10))
        done.add(entry.corrects)
    return problems


LEDGER_RULES: tuple[LedgerRule, ...] = (each_entry, unique_ids, reversals)


def check_plan(plan_file: PlanFile) -> list[Problem]:
    """Every problem of a plan file: loading, then each plan rule."""
    problems = list(plan_file.problems)
    if plan_file.plan is not None:
        for rule in PLAN_RULES:
            problems.extend(rule(plan_file, plan_file.plan))
    return problems


def check_ledger(plan: Plan, ledger: LedgerFile, today: dt.date) -> list[Problem]:
    """Every problem of a ledger: reading, then each ledger rule."""
    problems = list(ledger.problems)
    for rule in LEDGER_RULES:
        problems.extend(rule(plan, ledger, today))
    return problems


def sort_key(problem: Problem) -> tuple[str, int, int]:
    """Order problems as a reader goes through the files."""
    return (problem.path, problem.line, problem.col)


def plans_in(path: Path) -> list[Path]:
    """The plan files a folder holds (``*.yaml``/``*.yml``, not hidden ones), sorted.

    Hidden files such as ``.pre-commit-config.yaml`` are tool settings, never plans.
    """
    return sorted(
        p
        for p in path.iterdir()
        if p.suffix in (".yaml", ".yml") and not p.name.startswith(".") and p.is_file()
    )
