"""``ywplan entries``: the ledger's lines, filtered, in any format."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ywplan.app.status import resolve_unit
from ywplan.core.dates import parse_date
from ywplan.core.model import Entry, Plan
from ywplan.core.progress import reversed_ids
from ywplan.core.recording import parse_target_ref
from ywplan.errors import YwplanError
from ywplan.render import formats
from ywplan.reports.entries import entries_data, entries_listing, ledger_table
from ywplan.reports.table import Output
from ywplan.store.workspace import open_workspace


@dataclass(frozen=True, slots=True)
class Filters:
    """``--item``, ``--unit``, ``--since``, ``--until`` as typed (None: not given)."""

    item: str | None = None
    unit: str | None = None
    since: str | None = None
    until: str | None = None


def _date_option(value: str | None, key: str) -> dt.date | None:
    if value is None:
        return None
    day = parse_date(value)
    if day is None:
        raise YwplanError(key, value=value[:20])
    return day


def chosen_entries(plan: Plan, entries: list[Entry], filters: Filters) -> list[Entry]:
    """The entries that pass *filters*, in file order (a usage mistake is refused)."""
    chosen = entries
    if filters.item is not None:
        if "." in filters.item:
            picked, target = parse_target_ref(plan, filters.item)
            chosen = [e for e in chosen if (e.item, e.target) == (picked.number, target.id)]
        else:
            number = filters.item.strip()
            if not number.isdigit() or plan.item(int(number)) is None:
                raise YwplanError("entries.bad_item", value=filters.item[:20])
            chosen = [e for e in chosen if e.item == int(number)]
    if filters.unit is not None:
        name = resolve_unit(plan, filters.unit)
        chosen = [e for e in chosen if e.unit == name]
    first = _date_option(filters.since, "entries.bad_since")
    last = _date_option(filters.until, "entries.bad_until")
    return [
        e for e in chosen if (first is None or e.date >= first) and (last is None or e.date <= last)
    ]


def run(
    path: Path,
    today: dt.date,
    filters: Filters,
    *,
    fmt: str | None,
    output: str | None,
    force: bool = False,
) -> None:
    """Print (or write to *output*) the entries of the plan at *path* that pass *filters*."""
    chosen_format = formats.choose(fmt, output, formats.TABLES, "table")
    workspace = open_workspace(path, today)
    chosen = chosen_entries(workspace.plan, list(workspace.entries), filters)
    gone = reversed_ids(workspace.entries)
    report = Output(
        partial(entries_listing, chosen, gone),
        partial(entries_data, chosen),
        export=partial(ledger_table, chosen),
    )
    formats.emit(report, chosen_format, output, force=force)
