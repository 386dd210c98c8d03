"""``ywplan log TARGET AMOUNT``: append one entry to the ledger and show the target's line.

What the clerk left out on a terminal is asked for by the command line layer
(``cli.interactive``), which hands this engine a function that asks; the entry is
checked by the same rules either way, appended under the ledger's lock, then shown.

An entry the rules accept may still look like a slip: a level far from the last one
(a growth target's percent typed for its level), or the very entry logged just before.
Such a doubt is put to the clerk on a terminal (*confirm*), refused without one, and
passed over with ``--yes``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ywplan.app.recorded import show_recorded
from ywplan.app.runtime import clerk, now_stamp
from ywplan.core.model import Entry, Item, Plan, Target, new_id
from ywplan.core.office import no_unit_label
from ywplan.core.recording import (
    Reading,
    checked_by,
    clean_note,
    parse_amount,
    parse_entry_date,
    parse_target_ref,
    reading_of,
    repeated,
    validated,
)
from ywplan.errors import Problem, YwplanError
from ywplan.store.ledger import line_of
from ywplan.store.workspace import Workspace, open_workspace


@dataclass(frozen=True, slots=True)
class Request:
    """What the clerk typed: the target, the amount and the options (None: not given)."""

    target: str | None = None
    amount: str | None = None
    date: str | None = None
    unit: str | None = None
    note: str | None = None
    by: str | None = None
    yes: bool = False


class Recorder:
    """What recording one entry needs to know of the plan and its ledger."""

    def __init__(self, workspace: Workspace, by: str, stamp: str) -> None:
        self.workspace = workspace
        self.plan: Plan = workspace.plan
        self.today = workspace.today
        self.by = by
        self.stamp = stamp

    def reading(self, item: Item, target: Target, unit: str) -> Reading:
        """Where *target* stands for *unit*: what a new amount is judged by (a level
        target's reading is its latest; the others need no entry read)."""
        live: Sequence[Entry] = ()
        if target.behaviour.takes_level:
            live = self.workspace.live_entries(item.number, target.id, unit)
        return reading_of(item, target, live, unit)

    def repeated(self, entry: Entry) -> Problem | None:
        """The doubt that *entry* repeats its target's last live entry, or None."""
        last = self.workspace.last_live(entry.item, entry.target)
        if last is not None and self.workspace.index is not None and _alike(last, entry):
            last = line_of(self.workspace.path, last.id)  # the index keeps no notes
        item = self.plan.item(entry.item)
        target = item.target(entry.target) if item else None
        return repeated(entry, last, target, no_unit_label(self.plan.org))

    def doubts(self, entry: Entry) -> list[Problem]:
        """What makes *entry* look like a slip though every rule accepts it."""
        item = self.plan.item(entry.item)
        target = item.target(entry.target) if item else None
        found = []
        if item is not None and target is not None:
            found.append(self.reading(item, target, entry.unit).doubt(entry.amount))
        found.append(self.repeated(entry))
        return [doubt for doubt in found if doubt is not None]


def _alike(a: Entry, b: Entry) -> bool:
    return (a.date, a.unit, a.amount) == (b.date, b.unit, b.amount)


# Asks for what the request leaves out, settling doubts as it goes; None: the clerk cancels.
Ask = Callable[[Recorder], Entry | None]
# Puts a doubt to the clerk: True to record anyway.
Confirm = Callable[[Problem], bool]


def entry_of(recorder: Recorder, request: Request) -> Entry:
    """The entry a complete request describes (each field read as ``log`` reads it)."""
    assert request.target is not None and request.amount is not None
    item, chosen = parse_target_ref(recorder.plan, request.target)
    unit = (request.unit or "").strip()
    return Entry(
        new_id(),
        parse_entry_date(request.date, recorder.today),
        item.number,
        chosen.id,
        parse_amount(request.amount, recorder.reading(item, chosen, unit)),
        unit,
        clean_note(request.note or ""),
        recorder.by,
        recorder.stamp,
        "",
    )


def refuse_fed(workspace: Workspace, entry: Entry) -> None:
    """Refuse an entry for a unit and target that a child office's plan feeds (SPEC §8):
    its clerk logs that work in the child's ledger, and it would count twice here."""
    if not workspace.plan.children:
        return
    from ywplan.store.tree import fed_twice

    problem = fed_twice(workspace.plan_file, entry)
    if problem is not None:
        raise YwplanError(problem.key, **problem.args)


def settle(doubts: list[Problem], confirm: Confirm | None) -> bool:
    """Whether to record despite *doubts*: each is put to *confirm*, or refused without it."""
    for doubt in doubts:
        if confirm is None:
            raise YwplanError(doubt.key, **doubt.args)
        if not confirm(doubt):
            return False
    return True


def run(
    path: Path,
    today: dt.date,
    request: Request,
    *,
    ask: Ask | None = None,
    confirm: Confirm | None = None,
    cancelled: Callable[[], None] = lambda: None,
) -> None:
    """Record the entry *request* describes (asking with *ask* for what it leaves out).

    A doubt about the entry is put to *confirm* (None: refused) unless the request says
    ``yes``; *cancelled* is told when the clerk declines.
    """
    workspace = open_workspace(path, today, strict=False, indexed=True)
    by = checked_by(request.by if request.by is not None else clerk())
    recorder = Recorder(workspace, by, now_stamp())
    if ask is not None:
        entry = ask(recorder)  # the asker settles the doubts itself
    else:
        entry = entry_of(recorder, request)
        validated(recorder.plan, entry, today)
        if not request.yes and not settle(recorder.doubts(entry), confirm):
            entry = None
    if entry is None:
        cancelled()
        return
    validated(recorder.plan, entry, today)
    refuse_fed(workspace, entry)
    workspace.record([entry])
    show_recorded(workspace, entry)
