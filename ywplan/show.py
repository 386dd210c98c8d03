"""What ``log`` and ``undo`` print after recording: the entry and its target's updated line."""

from __future__ import annotations

import sys

from ywplan.i18n import t
from ywplan.ledger import format_amount
from ywplan.model import Entry
from ywplan.periods import default_as_of
from ywplan.progress import compute
from ywplan.render.terminal import print_status
from ywplan.workspace import Workspace


def confirm_recorded(workspace: Workspace, entry: Entry) -> None:
    """``已记录 k3f9x2ab:26.cadre-training +45 人次(海宁市,2024-05-10)``."""
    item = workspace.plan.item(entry.item)
    target = item.target(entry.target) if item else None
    amount = format_amount(entry.amount)
    key = "log.reversed" if entry.corrects else "log.recorded"
    print(
        t(
            key,
            id=entry.id[:8],
            ref=entry.ref,
            amount=amount if amount.startswith("-") else "+" + amount,
            measure=target.unit if target else "",
            unit=entry.unit or t("log.no_unit"),
            date=entry.date.isoformat(),
            original=entry.corrects[:8],
        )
    )
    if workspace.ledger_errors:
        print(t("log.ledger_has_problems", count=len(workspace.ledger_errors)), file=sys.stderr)


def show_target(workspace: Workspace, entry: Entry) -> None:
    """Print the status line of the target *entry* counts toward, as of today."""
    entries = (*workspace.ledger.entries, entry)
    as_of = default_as_of(workspace.plan.year, workspace.today)
    progress = compute(workspace.plan, entries, as_of)
    chosen = [
        tp
        for tp in progress.targets()
        if (tp.item.number, tp.target.id) == (entry.item, entry.target)
    ]
    print_status(progress, chosen, summary=False)
