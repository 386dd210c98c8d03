"""``ywplan log TARGET AMOUNT``: append one entry to the ledger and show the target's line.

What the clerk left out on a terminal is asked for by the command line layer
(``cli.interactive``), which hands this engine a function that asks; the entry is
checked by the same rules either way, appended under the ledger's lock, then shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ywplan.app.recorded import show_recorded
from ywplan.app.runtime import clerk, now_stamp
from ywplan.core.model import Entry, Plan, new_id
from ywplan.core.recording import (
    clean_note,
    parse_amount,
    parse_entry_date,
    parse_target_ref,
    validated,
)
from ywplan.store.ledger import append_entries
from ywplan.store.workspace import open_workspace


@dataclass(frozen=True, slots=True)
class Request:
    """What the clerk typed: the target, the amount and the options (None: not given)."""

    target: str | None = None
    amount: str | None = None
    date: str | None = None
    unit: str | None = None
    note: str | None = None
    by: str | None = None


# Asks for what the request leaves out; returns the entry, or None when the clerk cancels.
Ask = Callable[[Plan, dt.date, str, str], Entry | None]


def entry_of(plan: Plan, request: Request, today: dt.date, by: str, stamp: str) -> Entry:
    """The entry a complete request describes (each field read as ``log`` reads it)."""
    assert request.target is not None and request.amount is not None
    item, chosen = parse_target_ref(plan, request.target)
    return Entry(
        new_id(),
        parse_entry_date(request.date, today),
        item.number,
        chosen.id,
        parse_amount(request.amount),
        (request.unit or "").strip(),
        clean_note(request.note or ""),
        by,
        stamp,
        "",
    )


def run(path: Path, today: dt.date, request: Request, *, ask: Ask | None = None) -> None:
    """Record the entry *request* describes (asking with *ask* for what it leaves out)."""
    workspace = open_workspace(path, today, strict=False, indexed=True)
    plan = workspace.plan
    by = request.by if request.by is not None else clerk()
    if ask is not None:
        asked = ask(plan, today, by, now_stamp())
        if asked is None:
            return
        entry = asked
    else:
        entry = entry_of(plan, request, today, by, now_stamp())
    validated(plan, entry, today)
    append_entries(workspace.path, [entry])
    show_recorded(workspace, entry)
