"""``ywplan note ITEM TEXT``: append a progress note (工作进展) and show the item's line.

A note is a ledger row with no target and no amount (SPEC §6), judged by the same
entry rules as ``log`` and ``check``, appended under the ledger's lock. What the clerk
left out on a terminal is asked for by ``cli.interactive``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ywplan.app.recorded import show_row
from ywplan.app.runtime import clerk, now_stamp
from ywplan.core.model import Entry, Plan
from ywplan.core.recording import (
    checked_by,
    clean_note,
    parse_entry_date,
    parse_item_number,
    row_entry,
    validated,
)
from ywplan.store.workspace import open_workspace


@dataclass(frozen=True, slots=True)
class Request:
    """What the clerk typed (None: not given)."""

    item: str | None = None
    text: str | None = None
    date: str | None = None
    unit: str | None = None
    by: str | None = None


def note_of(plan: Plan, today: dt.date, request: Request, by: str, stamp: str) -> Entry:
    """The progress note a complete *request* describes, or a refusal (nothing written)."""
    assert request.item is not None and request.text is not None
    entry = row_entry(
        parse_item_number(request.item),
        "",
        parse_entry_date(request.date, today),
        (request.unit or "").strip(),
        clean_note(request.text.strip()),
        by,
        stamp,
    )
    return validated(plan, entry, today)


# Asks for the item and the text the request leaves out; None: the clerk cancels.
Ask = Callable[[Plan, dt.date, str, str], Entry | None]


def run(
    path: Path,
    today: dt.date,
    request: Request,
    *,
    ask: Ask | None = None,
    cancelled: Callable[[], None] = lambda: None,
) -> None:
    """Record the note *request* describes (asking with *ask* for what it leaves out)."""
    workspace = open_workspace(path, today, strict=False, indexed=True)
    by = checked_by(request.by if request.by is not None else clerk())
    stamp = now_stamp()
    if ask is not None:
        entry = ask(workspace.plan, today, by, stamp)
    else:
        entry = note_of(workspace.plan, today, request, by, stamp)
    if entry is None:
        cancelled()
        return
    validated(workspace.plan, entry, today)
    workspace.record([entry])
    show_row(workspace, entry)
