"""``ywplan entries``: filter the ledger and print it as a table, CSV or JSON."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from ywplan.errors import YwplanError
from ywplan.i18n import t
from ywplan.ledger import COLUMNS, format_amount
from ywplan.model import Entry
from ywplan.periods import parse_date
from ywplan.progress import reversed_ids
from ywplan.recording import parse_target_ref
from ywplan.status_command import resolve_unit
from ywplan.table import Column, Table
from ywplan.workspace import open_workspace


def _date_option(value: str | None, key: str) -> dt.date | None:
    if value is None:
        return None
    day = parse_date(value)
    if day is None:
        raise YwplanError(key, value=value[:20])
    return day


def entry_document(entry: Entry) -> dict[str, object]:
    """An entry with the ledger's column names (``entries --format json``)."""
    document = dict(zip(COLUMNS, entry[:10], strict=True))
    document["date"] = entry.date.isoformat()
    document["amount"] = int(entry.amount) if entry.amount.is_integer() else entry.amount
    return document


def entries_table(entries: list[Entry], gone: set[str]) -> Table:
    """The entries as a table; reversed entries and reversing lines are marked."""
    keys = ("id", "date", "target", "amount", "unit", "note", "by", "mark")
    columns = tuple(
        Column(k, t("col.entry_" + k), "number" if k == "amount" else "text") for k in keys
    )
    rows = []
    for e in entries:
        mark = (
            t("entries.reversal", id=e.corrects[:8])
            if e.corrects
            else (t("entries.reversed") if e.id in gone else "")
        )
        rows.append((e.id[:8], e.date.isoformat(), e.ref, e.amount, e.unit, e.note, e.by, mark))
    return Table(t("entries.title", count=len(entries)), columns, tuple(rows))


def run_entries(
    path: Path,
    today: dt.date,
    *,
    item: str | None,
    unit: str | None,
    since: str | None,
    until: str | None,
    fmt: str,
) -> None:
    """Print the entries of the plan at *path* that pass the filters."""
    workspace = open_workspace(path, today)
    plan = workspace.plan
    chosen = list(workspace.ledger.entries)
    if item is not None:
        if "." in item:
            picked, target = parse_target_ref(plan, item)
            chosen = [e for e in chosen if (e.item, e.target) == (picked.number, target.id)]
        else:
            number = item.strip()
            if not number.isdigit() or plan.item(int(number)) is None:
                raise YwplanError("entries.bad_item", value=item[:20])
            chosen = [e for e in chosen if e.item == int(number)]
    if unit is not None:
        name = resolve_unit(plan, unit)
        chosen = [e for e in chosen if e.unit == name]
    first, last = _date_option(since, "entries.bad_since"), _date_option(until, "entries.bad_until")
    chosen = [
        e for e in chosen if (first is None or e.date >= first) and (last is None or e.date <= last)
    ]
    if fmt == "json":
        print(json.dumps([entry_document(e) for e in chosen], ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        import csv

        from ywplan.render.csvfile import safe_text

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        for e in chosen:
            row = [
                e.id,
                e.date.isoformat(),
                e.item,
                e.target,
                format_amount(e.amount),
                e.unit,
                e.note,
                e.by,
                e.recorded_at,
                e.corrects,
            ]
            writer.writerow(
                [
                    safe_text(v) if isinstance(v, str) and i in (5, 6, 7) else v
                    for i, v in enumerate(row)
                ]
            )
        return
    from ywplan.render.terminal import print_table

    print_table(entries_table(chosen, reversed_ids(workspace.ledger.entries)))
