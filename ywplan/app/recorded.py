"""What ``log`` and ``undo`` print after recording: the entry and its target's updated line."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence

from ywplan.core.dates import default_as_of
from ywplan.core.model import Entry, Plan
from ywplan.core.office import no_unit_label
from ywplan.core.progress import compute
from ywplan.core.recording import amount_text
from ywplan.i18n import t
from ywplan.render.terminal import print_status
from ywplan.store.workspace import Workspace


def show_recorded(workspace: Workspace, entry: Entry) -> None:
    """Say that *entry* was recorded (warning of ledger errors), then its target's line."""
    confirm(workspace.plan, entry, workspace.error_count())
    entries = workspace.entries_of(entry.item, entry.target)
    show_line(workspace.plan, workspace.today, entries, entry)


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


def show_line(plan: Plan, today: dt.date, entries: Sequence[Entry], entry: Entry) -> None:
    """The target line of *entry* after it joins *entries* (the ledger, or its target's part)."""
    as_of = default_as_of(plan.year, today)
    progress = compute(plan, (*entries, entry), as_of)
    chosen = [
        tp
        for tp in progress.targets()
        if (tp.item.number, tp.target.id) == (entry.item, entry.target)
    ]
    print_status(progress, chosen, summary=False)
