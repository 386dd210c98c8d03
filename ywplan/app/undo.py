"""``ywplan undo ID --reason TEXT``: append the line that reverses an entry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ywplan.app.recorded import show_recorded
from ywplan.app.runtime import clerk, now_stamp
from ywplan.core import recording
from ywplan.store.ledger import reverses
from ywplan.store.workspace import open_workspace


def run(path: Path, today: dt.date, entry_id: str, *, reason: str, by: str | None) -> None:
    """Reverse the entry whose id starts with *entry_id*, giving *reason*."""
    workspace = open_workspace(path, today, strict=False, indexed=True)
    original = recording.resolve_id(workspace.matching(entry_id), entry_id)
    already = workspace.reversed_ids()
    if original.id in already and not original.corrects:
        raise recording.already_reversed(original, workspace.entries)
    reversal = recording.reversal_for(
        already, original, reason, by if by is not None else clerk(), now_stamp()
    )

    def not_reversed_meanwhile(data: bytes) -> None:
        if reverses(data, original.id):
            raise recording.already_reversed(original, ())

    workspace.record([reversal], recheck=not_reversed_meanwhile)
    show_recorded(workspace, reversal)
