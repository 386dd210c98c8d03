"""``ywplan done ITEM.MILESTONE`` / ``ywplan done ITEM``: record a milestone (or a
qualitative item) done, and show the item's line.

The row has the milestone's id (or ``done``) as its target and no amount (SPEC §6); it
is judged by the same entry rules as ``log`` and ``check``. What is done once is not
done again: a second row is refused, naming the first (undo that one to redo it).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ywplan.app.recorded import show_row
from ywplan.app.runtime import clerk, now_stamp
from ywplan.core.recording import (
    already_done,
    checked_by,
    clean_note,
    parse_done_ref,
    parse_entry_date,
    recorded_before,
    row_entry,
    validated,
)
from ywplan.store.ledger import append_entries
from ywplan.store.workspace import open_workspace


def run(
    path: Path,
    today: dt.date,
    ref: str,
    *,
    date: str | None = None,
    unit: str | None = None,
    note: str | None = None,
    by: str | None = None,
) -> None:
    """Record the milestone or item *ref* done on *date* (default today)."""
    workspace = open_workspace(path, today, strict=False, indexed=True)
    number, target = parse_done_ref(ref)
    entry = row_entry(
        number,
        target,
        parse_entry_date(date, today),
        (unit or "").strip(),
        clean_note((note or "").strip()),
        checked_by(by if by is not None else clerk()),
        now_stamp(),
    )
    validated(workspace.plan, entry, today)
    earlier = recorded_before(workspace.item_entries(), entry)
    if earlier is not None:
        raise already_done(earlier)
    append_entries(workspace.path, [entry])
    show_row(workspace, entry)
