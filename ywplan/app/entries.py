"""``ywplan entries``: the ledger's lines, filtered, in any format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ywplan.app.status import resolve_unit
from ywplan.core.dates import parse_date
from ywplan.core.model import Entry, Plan
from ywplan.core.recording import parse_target_ref
from ywplan.errors import YwplanError
from ywplan.render import formats
from ywplan.reports.entries import entries_data, entries_listing, ledger_table
from ywplan.reports.table import ColumnarTable, Output, WrittenTable
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


def chooser(plan: Plan, filters: Filters) -> Callable[[Sequence[Entry]], list[Entry]]:
    """What picks, from a run of entries, those that pass *filters*, in file order; a
    usage mistake is refused now, before any entry is read."""
    tests: list[Callable[[Entry], bool]] = []
    if filters.item is not None:
        if "." in filters.item:
            picked, target = parse_target_ref(plan, filters.item)
            key = (picked.number, target.id)
            tests.append(lambda e: (e.item, e.target) == key)
        else:
            number = filters.item.strip()
            if not number.isdigit() or plan.item(int(number)) is None:
                raise YwplanError("entries.bad_item", value=filters.item[:20])
            wanted = int(number)
            tests.append(lambda e: e.item == wanted)
    if filters.unit is not None:
        name = resolve_unit(plan, filters.unit)
        tests.append(lambda e: e.unit == name)
    first = _date_option(filters.since, "entries.bad_since")
    last = _date_option(filters.until, "entries.bad_until")
    if first is not None:
        tests.append(lambda e: e.date >= first)
    if last is not None:
        tests.append(lambda e: e.date <= last)

    def chosen(run: Sequence[Entry]) -> list[Entry]:
        kept = list(run)
        for test in tests:  # a filter at a time: no generator per entry
            kept = list(filter(test, kept))
        return kept

    return chosen


def run(
    path: Path,
    today: dt.date,
    filters: Filters,
    *,
    fmt: str | None,
    output: str | None,
    force: bool = False,
) -> None:
    """Print (or write to *output*) the entries of the plan at *path* that pass *filters*.

    The ledger is served by its index when it is clean, so that csv and json are written
    a run of lines at a time, however long the ledger (:meth:`Workspace.entry_runs`).
    """
    chosen_format = formats.choose(fmt, output, formats.TABLES, "table")
    workspace = open_workspace(path, today, indexed=True)
    choose = chooser(workspace.plan, filters)

    def runs() -> Iterator[list[Entry]]:
        return map(choose, workspace.entry_runs())

    def export_runs() -> Iterator[ColumnarTable | WrittenTable]:
        if filters != Filters():
            return map(ledger_table, runs())
        from ywplan.render.csv import ledger_lines_as_written  # only csv writes export runs

        written = workspace.written_runs(ledger_lines_as_written())
        return (WrittenTable(run.written, ledger_table(run.entries)) for run in written)

    def chosen() -> list[Entry]:
        return [e for run in runs() for e in run]

    report = Output(
        lambda: entries_listing(chosen(), set(workspace.reversed_ids())),
        lambda: entries_data(chosen()),
        export=lambda: ledger_table(chosen()),
        export_runs=export_runs,
        data_runs=lambda: map(entries_data, runs()),
    )
    formats.emit(report, chosen_format, output, force=force)
