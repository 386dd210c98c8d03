"""``ywplan done ITEM.MILESTONE`` / ``ywplan done ITEM``: record a milestone (or a
qualitative item) done, and show the item's line.

The row has the milestone's id (or ``done``) as its target and no amount (SPEC §6); it
is judged by the same entry rules as ``log`` and ``check``. What is done once is not
done again: a second row is refused, naming the first (undo that one to redo it), and
re-checked under the ledger's lock, so two clerks marking it at once cannot both succeed.
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
from ywplan.errors import YwplanError
from ywplan.store.ledger import rows_marking
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
    rows = workspace.item_entries()
    earlier = recorded_before(rows, entry)
    if earlier is not None:
        raise already_done(earlier)
    seen = sum(1 for e in rows if (e.item, e.target) == (entry.item, entry.target))

    def not_done_meanwhile(data: bytes) -> None:
        if rows_marking(data, entry.item, entry.target) != seen:
            raise YwplanError("done.meanwhile", ref=entry.ref)

    workspace.record([entry], recheck=not_done_meanwhile)
    show_row(workspace, entry)
