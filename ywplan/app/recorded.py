"""What ``log``, ``note``, ``done`` and ``undo`` print after recording: the entry, and its
target's (or, for a note or a milestone, its item's) updated line."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

from ywplan.core.dates import default_as_of
from ywplan.core.items import track
from ywplan.core.model import ITEM_DONE, Entry, Plan, amount_empty
from ywplan.core.office import no_unit_label
from ywplan.core.progress import Ledger, assemble, compute
from ywplan.core.recording import amount_text
from ywplan.i18n import t
from ywplan.render.terminal import console, items_view, print_status
from ywplan.store.workspace import Workspace


def show_recorded(workspace: Workspace, entry: Entry) -> None:
    """Say that *entry* was recorded (warning of ledger errors), then its target's line."""
    if amount_empty(entry.amount):
        show_row(workspace, entry)
        return
    confirm(workspace.plan, entry, workspace.error_count())
    show_line(workspace.plan, workspace.today, workspace.counted_after(entry), entry)


def confirm(plan: Plan, entry: Entry, errors: int) -> None:
    """``已记录 k3f9x2ab:26.cadre-training +45 人次(海宁市,2024-05-10)`` (a level reading:
    ``25.org-growth = 1250``), and a warning when the ledger has *errors*."""
    item = plan.item(entry.item)
    target = item.target(entry.target) if item else None
    key = "log.reversed" if entry.corrects else "log.recorded"
    print(
        t(
            key,
            id=entry.id[:8],
            ref=entry.ref,
            amount=amount_text(target, entry.amount),
            unit=entry.unit or no_unit_label(plan.org),
            date=entry.date.isoformat(),
            original=entry.corrects[:8],
        )
    )
    if errors:
        print(t("log.ledger_has_problems", count=errors), file=sys.stderr)


def show_line(plan: Plan, today: dt.date, ledger: Ledger, entry: Entry) -> None:
    """The target line of *entry*, counted from *ledger* (the ledger or its target's part,
    *entry* in it)."""
    as_of = default_as_of(plan.year, today)
    progress = compute(plan, ledger, as_of)
    chosen = [
        tp
        for tp in progress.targets()
        if (tp.item.number, tp.target.id) == (entry.item, entry.target)
    ]
    print_status(progress, chosen, summary=False)


def show_row(workspace: Workspace, entry: Entry) -> None:
    """Say that a row without an amount (SPEC §6) was recorded, then its item's line:
    state, flag, next milestone and latest note, as ``status`` shows it."""
    plan = workspace.plan
    errors = workspace.error_count()
    print(t(_row_key(entry), **_row_args(plan, entry)))
    if errors:
        print(t("log.ledger_has_problems", count=errors), file=sys.stderr)
    as_of = default_as_of(plan.year, workspace.today)
    progress = assemble(plan, workspace.tallies(as_of, None), as_of, None)
    tracked = track(progress, (*workspace.item_entries(), entry))
    chosen = [status for status in tracked if status.item.number == entry.item]
    out = console()
    out.print(items_view(progress, chosen, out.width))


def _row_key(entry: Entry) -> str:
    if entry.corrects:
        return "row.reversed"
    if not entry.target:
        return "note.recorded"
    return "done.item_recorded" if entry.target == ITEM_DONE else "done.recorded"


def _row_args(plan: Plan, entry: Entry) -> dict[str, Any]:
    item = plan.item(entry.item)
    milestone = item.milestone(entry.target) if item else None
    what = entry.note if not entry.target else (milestone.name if milestone else "")
    return {
        "id": entry.id[:8],
        "item": entry.item,
        "ref": entry.ref if entry.target else str(entry.item),
        "what": what,
        "unit": entry.unit or no_unit_label(plan.org),
        "date": entry.date.isoformat(),
        "original": entry.corrects[:8],
    }
