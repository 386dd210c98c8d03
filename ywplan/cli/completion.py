"""TAB completion: targets, items, milestones not yet done, sub-units, departments,
quarters, months and entry ids read from the plan.

The shell runs ``ywplan`` on every TAB, so this module is built to be fast and to never
fail: it imports only the standard library (and ``yaml`` when a plan is read), reads the
plan without validating it (no pydantic, no rich), scans the ledger with the csv module,
and answers nothing at all when the plan cannot be read. The plan is the one a command
would use, found by the same :func:`ywplan.store.discovery.find_plan`.

Each ``complete_*`` function is given to typer as ``autocompletion=`` and receives the
click context and the word being completed; it returns ``(value, help)`` pairs.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ywplan.errors import YwplanError
from ywplan.store.cachefile import read_derived, write_derived
from ywplan.store.discovery import find_plan, ledger_path
from ywplan.store.textfile import open_regular

Completions = list[tuple[str, str]]

MAX_IDS = 50  # a shell shows no more than this usefully; the most recent come first
LANG_NAMES = (("zh", "中文"), ("en", "English"))
# The 督办 colours, worst first (core.items.Flag, whose module TAB does not import).
FLAG_NAMES = (("red", "红灯"), ("yellow", "黄灯"), ("blue", "蓝灯"), ("green", "绿灯"))


def _never_raise(
    function: Callable[[Any, str], Completions],
) -> Callable[[Any, list[str], str], Completions]:
    """Wrap a completer so that any failure (a broken plan, a locked file) completes nothing."""

    def completer(ctx: Any, args: list[str], incomplete: str) -> Completions:
        try:
            return function(ctx, incomplete or "")
        except Exception:  # completion must never print a traceback into the shell
            return []

    completer.__name__ = function.__name__
    completer.__doc__ = function.__doc__
    return completer


def _typed_plan(ctx: Any) -> str | None:
    """The ``--plan`` value already on the command line, in this context or a parent."""
    while ctx is not None:
        value = getattr(ctx, "params", {}).get("plan")
        if isinstance(value, str) and value:
            return value
        ctx = getattr(ctx, "parent", None)
    return None


def plan_path(ctx: Any) -> Path | None:
    """The plan a command would work on, or None when there is no single one."""
    try:
        return find_plan(_typed_plan(ctx), os.environ, Path())
    except YwplanError:
        return None


def read_plan(path: Path) -> dict[str, Any] | None:
    """The plan file as plain data, not validated; None when it is not a YAML mapping."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with io.TextIOWrapper(open_regular(path), encoding="utf-8-sig") as stream:  # a FIFO: no wait
        data = yaml.load(stream, Loader=loader)
    return data if isinstance(data, dict) else None


# --- how each shell is answered (here for the quick path and the typer one alike) -------

# bash's COMP_TYPE when it lists the candidates rather than inserting one: "?" and "!".
BASH_LISTING = ("63", "33")
ZSH_ITEMS = "_ywplan_items"  # the array zsh's ``_describe -V`` reads, in ywplan's order


def flat(text: str) -> str:
    """*text* on one line: every whitespace character a space."""
    return re.sub(r"\s", " ", text)


def bash_answer(items: Completions, comp_type: str | None) -> str:
    """The candidates for bash, one a line; with their help when bash lists several
    (descriptions are never inserted: menu-complete inserts whole items)."""
    listing = comp_type in BASH_LISTING and len(items) > 1
    return "\n".join(
        f"{value}  ({flat(help)})" if listing and help else value for value, help in items
    )


def zsh_answer(items: Completions) -> str:
    """The candidates for zsh's ``_describe -V`` (ywplan's order kept), or ``_files``."""
    if not items:
        return "_files"
    pairs = " ".join(_zsh_pair(value, help) for value, help in items)
    return f"local -a {ZSH_ITEMS}; {ZSH_ITEMS}=({pairs}); _describe -V values {ZSH_ITEMS}"


def _zsh_pair(value: str, help: str) -> str:
    """``'value:help'`` for zsh's ``_describe``, single-quoted for the ``eval`` that reads it."""
    value = value.replace(":", "\\:")
    pair = f"{value}:{flat(help)}" if help else value
    return "'" + pair.replace("'", "'\\''") + "'"


_PLAIN_WORDS = re.compile(r"[^'\"\\]*")  # no quoting: split on whitespace as the shell did


def quick_answer(environ: Mapping[str, str]) -> str | None:
    """What TAB prints for ``ywplan log <TAB>`` in bash or zsh, from the plan's cached
    target list, without typer; None for anything else (typer then answers, and caches
    the list for the next TAB)."""
    shell = environ.get("_YWPLAN_COMPLETE")
    if shell == "complete_bash":
        line, cword = environ.get("COMP_WORDS", ""), environ.get("COMP_CWORD", "")
        words = line.split()
        if not cword.isdigit() or not _PLAIN_WORDS.fullmatch(line):
            return None
        at = int(cword)
        args, incomplete = words[1:at], words[at] if at < len(words) else ""
    elif shell == "complete_zsh":
        line = environ.get("_TYPER_COMPLETE_ARGS", "")
        if not _PLAIN_WORDS.fullmatch(line):
            return None
        args, incomplete = line.split()[1:], ""
        if args and not line.endswith(" "):
            args, incomplete = args[:-1], args[-1]
    else:
        return None
    if args != ["log"] or incomplete.startswith("-"):
        return None
    try:
        plan = find_plan(None, environ, Path())
    except (YwplanError, OSError):
        return None
    targets = read_derived(TARGETS, plan)
    if not _targets_ok(targets):
        return None
    found = [(ref, help) for ref, help in targets if _start(ref, incomplete)]
    answer = bash_answer(found, environ.get("COMP_TYPE")) if shell == "complete_bash" else None
    return (zsh_answer(found) if answer is None else answer) + "\n"


TARGETS = "targets"  # the kind of derived value: a plan's ``(ref, help)`` target list


def _targets_ok(value: object) -> bool:
    return type(value) is list and all(
        type(pair) is tuple and len(pair) == 2 and all(type(v) is str for v in pair)
        for pair in value
    )


def plan_targets(path: Path) -> Completions:
    """The plan's targets as TAB offers them (see :func:`_targets`), kept for the next TAB."""
    cached = read_derived(TARGETS, path)
    if _targets_ok(cached):
        return list(cached)
    found = list(_targets(read_plan(path) or {}))
    write_derived(TARGETS, path, found)
    return found


def _plan(ctx: Any) -> dict[str, Any]:
    path = plan_path(ctx)
    data = read_plan(path) if path is not None else None
    return data or {}


def _targets(plan: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """``(26.cadre-training, 培训团干部 ≥400 人次)`` for every target of the plan."""
    from ywplan.core.kinds import goal_text

    for item in plan.get("items") or ():
        if not isinstance(item, dict) or not isinstance(item.get("number"), int):
            continue
        for target in item.get("targets") or ():
            if not isinstance(target, dict) or not isinstance(target.get("id"), str):
                continue
            op, goal = (">=", target.get("min")) if "min" in target else ("<=", target.get("max"))
            unit = str(target.get("unit", ""))
            wanted = goal_text(op, goal, unit) if isinstance(goal, int | float) else "?"
            yield (f"{item['number']}.{target['id']}", f"{target.get('name', '')} {wanted}".strip())


def _start(value: str, incomplete: str) -> bool:
    return value.lower().startswith(incomplete.lower())


@_never_raise
def complete_target(ctx: Any, incomplete: str) -> Completions:
    """Targets as ``26.cadre-training``, each with its name and goal as help."""
    path = plan_path(ctx)
    targets = plan_targets(path) if path is not None else []
    return [(ref, help) for ref, help in targets if _start(ref, incomplete)]


@_never_raise
def complete_unit(ctx: Any, incomplete: str) -> Completions:
    """The plan's sub-units (县市区)."""
    units = _plan(ctx).get("units") or ()
    return [(u, "") for u in units if isinstance(u, str) and _start(u, incomplete)]


@_never_raise
def complete_lead(ctx: Any, incomplete: str) -> Completions:
    """The departments the plan names as an item's lead (牵头) or partner (配合)."""
    names: dict[str, None] = {}
    for item in _plan(ctx).get("items") or ():
        if isinstance(item, dict):
            partners = item.get("partners")
            for name in (item.get("lead"), *(partners if isinstance(partners, list) else ())):
                if isinstance(name, str) and _start(name, incomplete):
                    names.setdefault(name)
    return [(name, "") for name in names]


@_never_raise
def complete_quarter(ctx: Any, incomplete: str) -> Completions:
    """The plan year's quarters, ``2024Q1`` … ``2024Q4``."""
    year = _plan(ctx).get("year")
    if not isinstance(year, int):
        return []
    quarters = [
        (f"{year}Q{q}", f"{year}-{q * 3 - 2:02d} … {year}-{q * 3:02d}") for q in (1, 2, 3, 4)
    ]
    return [(q, h) for q, h in quarters if _start(q, incomplete)]


@_never_raise
def complete_month(ctx: Any, incomplete: str) -> Completions:
    """The plan year's months, ``2024-01`` … ``2024-12``."""
    year = _plan(ctx).get("year")
    if not isinstance(year, int):
        return []
    months = [f"{year}-{m:02d}" for m in range(1, 13)]
    return [(m, "") for m in months if _start(m, incomplete)]


_ID = re.compile(r"[a-z0-9]{8,}")


def _ledger_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    return [row for row in rows[1:] if len(row) >= 10 and _ID.fullmatch(row[0])]


def _levels(plan: dict[str, Any]) -> set[str]:
    """The targets whose entries are levels measured (``level``, ``growth``), as ``25.id``."""
    from ywplan.core.kinds import KINDS

    found = set()
    for item in plan.get("items") or ():
        for target in (item.get("targets") or ()) if isinstance(item, dict) else ():
            kind = KINDS.get(target.get("kind", "sum")) if isinstance(target, dict) else None
            if kind is not None and kind.takes_level:
                found.add(f"{item.get('number')}.{target.get('id')}")
    return found


@_never_raise
def complete_entry_id(ctx: Any, incomplete: str) -> Completions:
    """Ids of entries that can still be undone, newest first (the ledger's last lines), at
    most :data:`MAX_IDS`, each with its date, target and amount (``= 1262`` for a level)."""
    plan = plan_path(ctx)
    if plan is None:
        return []
    ledger = ledger_path(plan)
    if not ledger.is_file():
        return []
    rows = _ledger_rows(ledger)
    levels = _levels(read_plan(plan) or {})
    reversed_ids = {row[9] for row in rows if row[9]}
    found: Completions = []
    for row in reversed(rows):
        entry_id, date, item, target, amount, unit = row[:6]
        if row[9] or entry_id in reversed_ids or not entry_id.startswith(incomplete.lower()):
            continue
        ref = f"{item}.{target}"
        if not amount:  # a note, a milestone or an item done (SPEC §6)
            what = f"{ref} ✓" if target else f"{item} {row[6][:20]}"
            found.append((entry_id, f"{date} {what} {unit}".rstrip()))
        else:
            sign = "= " if ref in levels else "" if amount.startswith("-") else "+"
            found.append((entry_id, f"{date} {ref} {sign}{amount} {unit}".rstrip()))
        if len(found) >= MAX_IDS:
            break
    return found


def _items(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in plan.get("items") or ():
        if isinstance(item, dict) and isinstance(item.get("number"), int):
            yield item


@_never_raise
def complete_item(ctx: Any, incomplete: str) -> Completions:
    """Item numbers, each with its title as help."""
    return [
        (str(item["number"]), str(item.get("title", "")))
        for item in _items(_plan(ctx))
        if _start(str(item["number"]), incomplete)
    ]


def _done_rows(plan: Path) -> set[str]:
    """``4.plan-issued`` (and ``12.done``) for every row marking one done and not undone."""
    ledger = ledger_path(plan)
    if not ledger.is_file():
        return set()
    rows = [row for row in _ledger_rows(ledger) if not row[4] and row[3]]
    gone = {row[9] for row in rows if row[9]}
    return {f"{row[2]}.{row[3]}" for row in rows if not row[9] and row[0] not in gone}


@_never_raise
def complete_milestone(ctx: Any, incomplete: str) -> Completions:
    """Milestones not yet done as ``4.plan-issued`` (with name and due date), and the
    qualitative items without milestones not yet done, as ``12``."""
    path = plan_path(ctx)
    if path is None:
        return []
    done = _done_rows(path)
    found: Completions = []
    for item in _items(read_plan(path) or {}):
        number, milestones = item["number"], item.get("milestones") or ()
        for milestone in milestones if isinstance(milestones, list) else ():
            if isinstance(milestone, dict) and isinstance(milestone.get("id"), str):
                ref = f"{number}.{milestone['id']}"
                if ref not in done:
                    found.append((ref, f"{milestone.get('name', '')} {milestone.get('due', '')}"))
        if not milestones and not item.get("targets") and f"{number}.done" not in done:
            found.append((str(number), str(item.get("title", ""))))
    return [(ref, help.strip()) for ref, help in found if _start(ref, incomplete)]


def register_shells() -> None:
    """Complete in ywplan's order, with help, in every shell (see ``typer_compat``)."""
    from ywplan.cli.typer_compat import register_shells as register

    register()


@_never_raise
def complete_lang(ctx: Any, incomplete: str) -> Completions:
    """The two languages."""
    return [(code, name) for code, name in LANG_NAMES if code.startswith(incomplete)]


@_never_raise
def complete_flag(ctx: Any, incomplete: str) -> Completions:
    """The four 督办 colours."""
    return [(code, name) for code, name in FLAG_NAMES if code.startswith(incomplete.lower())]
