"""What ``log`` and ``undo`` need of a plan's ledger, from its index or from the whole file.

A ledger with a valid index (:mod:`ywplan.ledger_cache`) answers without re-reading
150,000 rows; without one, the ledger is read and checked as always. Either way the
commands ask the same questions, so the choice is made here once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from ywplan.ledger import ledger_path
from ywplan.ledger_cache import LedgerIndex, open_index
from ywplan.model import Entry, Plan
from ywplan.show import confirm, show_line
from ywplan.workspace import Workspace, open_plan, open_workspace


@dataclass(frozen=True)
class LedgerView:
    """A valid plan and its ledger, served by the index when there is one."""

    plan: Plan
    path: Path
    today: dt.date
    index: LedgerIndex | None
    workspace: Workspace | None

    def matching(self, prefix: str) -> Sequence[Entry]:
        """The lines whose id starts with *prefix* (every line when the index is absent)."""
        if self.index is not None:
            return self.index.matching(prefix.strip().lower())
        assert self.workspace is not None
        return self.workspace.ledger.entries

    def reversed_ids(self) -> Collection[str]:
        """Ids that a reversing line already takes back."""
        if self.index is not None:
            return self.index.gone()
        assert self.workspace is not None
        return {e.corrects for e in self.workspace.ledger.entries if e.corrects}

    def show(self, entry: Entry) -> None:
        """Say that *entry* was recorded (warning of ledger errors), then its target's line."""
        if self.index is not None:
            errors = self.index.error_count(self.plan, self.today)
            entries: Sequence[Entry] = self.index.entries_of(entry.item, entry.target)
        else:
            assert self.workspace is not None
            errors = len(self.workspace.ledger_errors)
            entries = self.workspace.ledger.entries
        confirm(self.plan, entry, errors)
        show_line(self.plan, self.today, entries, entry)


def open_view(path: Path, today: dt.date) -> LedgerView:
    """Open the plan at *path* (refused if invalid) and its ledger, by index if it can."""
    plan_file = open_plan(path)
    assert plan_file.plan is not None
    ledger = ledger_path(path)
    index = open_index(ledger)
    workspace = None
    if index is None:
        workspace = open_workspace(path, today, strict=False, plan_file=plan_file)
    return LedgerView(plan_file.plan, ledger, today, index, workspace)
