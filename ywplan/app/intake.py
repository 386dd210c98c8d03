"""``ywplan intake FILE…``: filled forms (xlsx or csv) into the ledger (SPEC §7).

Every row of every file is read as ``log`` reads what a clerk types (the same parsers
and entry rules, the same messages) and each bad one is reported at its cell,
``FILE:SHEET!CELL`` (csv: ``FILE:LINE:COL``). Nothing is written unless every row is
good; then all rows go out in one locked append. A row's id is derived from the
file's bytes and the row, so the same file taken in twice adds nothing the second
time. A row with a note and no amount is a progress note on the target's item.

Files ywplan wrote (``ywplan form``) are checked against the plan, year and unit they
were written for; any other spreadsheet is read by its header row, in Chinese or
English (目标/指标, 数量/数值, 日期, 单位/地区, 备注).
"""

from __future__ import annotations

import datetime as dt
import math
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from ywplan.app.log import Recorder
from ywplan.app.runtime import clerk, now_stamp
from ywplan.catalog import CATALOG
from ywplan.core.dates import from_serial, parse_month, parse_written_date
from ywplan.core.model import Entry, Item, Plan, Target, derived_id
from ywplan.core.numbers import format_amount
from ywplan.core.recording import (
    checked_by,
    clean_note,
    parse_amount,
    parse_item_number,
    parse_target_ref,
    row_entry,
)
from ywplan.core.rules import did_you_mean, entry_problems, unit_problem
from ywplan.errors import Problem, YwplanError
from ywplan.i18n import t
from ywplan.store.ledger import append_entries
from ywplan.store.sheets import (
    FIELDS,
    Book,
    Grid,
    Layout,
    Value,
    blank,
    find_layout,
    heading_key,
    read_book,
)
from ywplan.store.workspace import Workspace, open_workspace

# The ledger column an entry rule points at (Problem.col) → the field of the row.
RULE_FIELDS = {2: "date", 3: "ref", 4: "ref", 5: "amount", 6: "unit", 7: "note"}


@dataclass
class Sheet:
    """One table being taken in: the book, the sheet, its layout and the form's unit."""

    book: Book
    grid: Grid
    layout: Layout
    unit: str | None  # the form's unit (None: not a form)
    default_day: dt.date

    def problem(self, key: str, row: int, field: str, **args: object) -> Problem:
        """A problem at the cell of *field* in *row* (its first column if it has none)."""
        column = self.layout.columns.get(field) or min(self.layout.columns.values())
        return self.book.at(Problem(key, args), self.grid.name, row, column)

    def placed(self, problem: Problem, row: int, field: str) -> Problem:
        """*problem* (from a rule or a parser) placed at the cell of *field* in *row*."""
        return self.problem(problem.key, row, field, **problem.args)


class Intake:
    """Rows read from the files so far: the entries to append and what is wrong."""

    def __init__(self, workspace: Workspace, by: str, stamp: str, *, yes: bool) -> None:
        self.workspace = workspace
        self.plan: Plan = workspace.plan
        self.today = workspace.today
        self.recorder = Recorder(workspace, by, stamp)
        self.yes = yes
        self.entries: list[Entry] = []
        self.problems: list[Problem] = []
        self._fed: dict[tuple[int, str, str], Problem | None] = {}  # see _fed_twice

    # --- a file ----------------------------------------------------------------------

    def take(self, book: Book) -> None:
        """Read every row of *book*, collecting entries and problems."""
        try:
            form_unit = self._form_unit(book)
        except _PlacedError as refused:
            self.problems.append(refused.problem)
            return
        grids = [g for g in book.sheets if not g.empty]
        if not grids:
            self.problems.append(Problem("intake.empty", {}, book.name))
            return
        for extra in grids[1:]:
            self.problems.append(
                book.at(Problem("intake.extra_sheet", {"sheet": extra.name}), extra.name, 1, 1)
            )
        grid = grids[0]
        layout = find_layout(grid)
        if layout is None:
            self.problems.append(Problem("intake.no_header", {}, book.name))
            return
        default_day = self._default_day(book)
        sheet = Sheet(book, grid, layout, form_unit, default_day)
        if self._merged(sheet) or (form_unit is not None and not self._unit_cell(sheet)):
            return
        for number in range(layout.header + 1, len(grid.rows) + 1):
            self._take_row(sheet, number)

    def _form_unit(self, book: Book) -> str | None:
        meta = book.metadata
        if not meta:
            return None
        if meta.get("plan") != self.plan.plan or meta.get("year") != str(self.plan.year):
            args = {
                "plan": meta.get("plan", "?"),
                "year": meta.get("year", "?"),
                "file": meta.get("file", "?"),
                "ours": self.plan.plan,
                "our_year": self.plan.year,
            }
            raise _PlacedError(Problem("intake.other_plan", args, book.name))
        unit = meta.get("unit", "")
        problem = unit_problem(self.plan, unit)
        if problem is not None:
            raise _PlacedError(Problem("intake.form_unit", {"unit": unit}, book.name))
        return unit

    def _default_day(self, book: Book) -> dt.date:
        """A row without a date: the form's month's last day (today, if that is later)."""
        month = parse_month(book.metadata.get("month", ""))
        if month is None:
            return self.today
        return min(month.last, self.today)

    def _merged(self, sheet: Sheet) -> bool:
        """Merged cells in the table: refused, a merged cell's value stands in one cell."""
        found = [m for m in sheet.grid.merged if m.last_row >= sheet.layout.header]
        for merged in found:
            problem = Problem("intake.merged", {"range": merged.ref})
            self.problems.append(sheet.book.at(problem, sheet.grid.name, merged.row, merged.column))
        return bool(found)

    def _unit_cell(self, sheet: Sheet) -> bool:
        """The unit written above a form's table is the form's own (True), or a problem."""
        labels = {heading_key(text) for text in CATALOG["form.label_unit"]}
        for number, row in enumerate(sheet.grid.rows[: sheet.layout.header - 1], start=1):
            for column, value in enumerate(row[:-1], start=1):
                if heading_key(value) not in labels:
                    continue
                written = str(row[column] or "").strip()
                if written != sheet.unit:
                    problem = Problem("intake.other_unit", {"unit": written, "form": sheet.unit})
                    self.problems.append(
                        sheet.book.at(problem, sheet.grid.name, number, column + 1)
                    )
                    return False
        return True

    # --- a row -----------------------------------------------------------------------

    def _cell(self, sheet: Sheet, number: int, field: str) -> Value:
        column = sheet.layout.columns.get(field)
        row = sheet.grid.rows[number - 1]
        if column is None or column > len(row):
            return None
        return row[column - 1]

    def _take_row(self, sheet: Sheet, number: int) -> None:
        cells = {field: self._cell(sheet, number, field) for field in FIELDS}
        amount_column = sheet.layout.columns.get("amount")
        if amount_column and (number, amount_column) in sheet.grid.uncached:
            self.problems.append(sheet.problem("intake.formula_no_value", number, "amount"))
            return
        note = _note_text(cells["note"])
        amount = None if blank(cells["amount"]) else cells["amount"]
        try:
            if (
                amount is not None
                and _is_zero(amount)
                and not self._takes_level(sheet, number, cells)
            ):
                amount = None  # 0 added: nothing this month (a level of 0 is refused below)
            if amount is None and not note:
                if not blank(cells["date"]):
                    self.problems.append(sheet.problem("intake.date_only", number, "date"))
                return
            entry = self._entry(sheet, number, cells, amount, note)
        except _PlacedError as refused:
            self.problems.append(refused.problem)
            return
        except _RowError as refused:
            self.problems.extend(refused.problems)
            return
        self._judge(sheet, number, entry)

    def _entry(
        self, sheet: Sheet, number: int, cells: dict[str, Value], amount: Value, note: str
    ) -> Entry:
        """The row's entry; else every mistake in it, each at its cell (:class:`_RowError`):
        a clerk fixes the row once, not once per cell."""
        found: list[Problem] = []
        kept = _attempt(found, lambda: _guarded(sheet, number, "note", lambda: clean_note(note)))
        unit = _attempt(found, lambda: self._unit(sheet, number, cells["unit"]))
        day = _attempt(found, lambda: self._day(sheet, number, cells["date"]))
        entry_id = derived_id(sheet.book.digest, sheet.grid.name, str(number))
        by, stamp = self.recorder.by, self.recorder.stamp
        if amount is None:
            item_number = _attempt(found, lambda: self._item_number(sheet, number, cells))
            if found or kept is None or unit is None or day is None or item_number is None:
                raise _RowError(found)
            return row_entry(item_number, "", day, unit, kept, by, stamp)._replace(id=entry_id)
        pair = _attempt(found, lambda: self._target(sheet, number, cells))
        value = None
        if pair is not None and unit is not None:  # how the amount reads depends on both
            reading = self.recorder.reading(*pair, unit)
            parsed = partial(parse_amount, _text(amount), reading)
            value = _attempt(found, lambda: _guarded(sheet, number, "amount", parsed))
        if found or kept is None or unit is None or day is None or pair is None or value is None:
            raise _RowError(found)
        item, target = pair
        return Entry(entry_id, day, item.number, target.id, value, unit, kept, by, stamp, "")

    def _judge(self, sheet: Sheet, number: int, entry: Entry) -> None:
        problems = entry_problems(self.plan, entry, self.today)
        for problem in problems:
            self.problems.append(sheet.placed(problem, number, RULE_FIELDS.get(problem.col, "ref")))
        if problems:
            return
        twice = self._fed_twice(entry)
        if twice is not None:
            self.problems.append(sheet.placed(twice, number, "unit"))
            return
        if not math.isnan(entry.amount) and not self.yes:
            item = self.plan.item(entry.item)
            target = item.target(entry.target) if item else None
            if item is not None and target is not None:
                doubt = self.recorder.reading(item, target, entry.unit).doubt(entry.amount)
                if doubt is not None:
                    self.problems.append(sheet.placed(doubt, number, "amount"))
                    return
        self.entries.append(entry)

    def _fed_twice(self, entry: Entry) -> Problem | None:
        """A row of a unit whose own plan feeds the target (SPEC §8), as ``log`` refuses it."""
        if not self.plan.children or not entry.unit or math.isnan(entry.amount):
            return None
        key = (entry.item, entry.target, entry.unit)
        if key not in self._fed:
            from ywplan.store.tree import fed_twice

            self._fed[key] = fed_twice(self.workspace.plan_file, entry)
        return self._fed[key]

    def _takes_level(self, sheet: Sheet, number: int, cells: dict[str, Value]) -> bool:
        return self._target(sheet, number, cells)[1].behaviour.takes_level

    def _unit(self, sheet: Sheet, number: int, written: Value) -> str:
        text = "" if blank(written) else unicodedata.normalize("NFKC", str(written)).strip()
        if sheet.unit is None:
            return text
        if text and text != sheet.unit:
            raise _PlacedError(
                sheet.problem("intake.other_unit", number, "unit", unit=text, form=sheet.unit)
            )
        return sheet.unit

    def _day(self, sheet: Sheet, number: int, written: Value) -> dt.date:
        if blank(written):
            return sheet.default_day
        day: dt.date | None = None
        if isinstance(written, dt.datetime):
            day = written.date()
        elif isinstance(written, dt.date):
            day = written
        elif isinstance(written, int | float) and not isinstance(written, bool):
            day = from_serial(float(written))
        elif isinstance(written, str):
            day = parse_written_date(written, self.plan.year)
        if day is None:
            raise _PlacedError(
                sheet.problem("intake.bad_date", number, "date", value=_text(written)[:40])
            )
        return day

    def _target(self, sheet: Sheet, number: int, cells: dict[str, Value]) -> tuple[Item, Target]:
        ref = _plain(cells["ref"])
        item_text = _plain(cells["item"])
        if ref and not ref[0].isdigit() and item_text.isdigit():
            ref = f"{item_text}.{ref}"  # an item column beside a target id
        if ref and ref[0].isdigit():
            return _guarded(sheet, number, "ref", lambda: parse_target_ref(self.plan, ref))
        name = ref or _plain(cells["name"])
        if not name:
            if item_text:
                return _guarded(
                    sheet, number, "item", lambda: parse_target_ref(self.plan, item_text)
                )
            raise _PlacedError(sheet.problem("intake.no_target", number, "ref"))
        return self._named(sheet, number, name)

    def _named(self, sheet: Sheet, number: int, name: str) -> tuple[Item, Target]:
        pairs = self.plan.targets()
        found = [(i, tg) for i, tg in pairs if unicodedata.normalize("NFKC", tg.name) == name]
        field = "ref" if "ref" in sheet.layout.columns else "name"
        if len(found) == 1:
            return found[0]
        if found:
            refs = ", ".join(f"{i.number}.{tg.id}" for i, tg in found)
            raise _PlacedError(
                sheet.problem("intake.ambiguous_name", number, field, name=name, refs=refs)
            )
        suggest = did_you_mean(name, [tg.name for _, tg in pairs])
        raise _PlacedError(
            sheet.problem("intake.unknown_name", number, field, name=name[:40], suggest=suggest)
        )

    def _item_number(self, sheet: Sheet, number: int, cells: dict[str, Value]) -> int:
        ref = _plain(cells["ref"])
        if ref[:1].isdigit():
            return _guarded(sheet, number, "ref", lambda: parse_item_number(ref.partition(".")[0]))
        if _plain(cells["item"]):
            return _guarded(sheet, number, "item", lambda: parse_item_number(_plain(cells["item"])))
        return self._target(sheet, number, cells)[0].number


class _PlacedError(Exception):
    """A file or a row refused, with the problem placed at its file or cell."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.key)
        self.problem = problem


class _RowError(Exception):
    """A row refused, with every problem found in it placed at its cell."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(", ".join(p.key for p in problems))
        self.problems = sorted(problems, key=lambda p: p.col)  # left to right, as read


_T = TypeVar("_T")


def _attempt(found: list[Problem], read: Callable[[], _T]) -> _T | None:
    """What *read* gives; None when it refuses a cell, its problem added to *found*."""
    try:
        return read()
    except _PlacedError as refused:
        found.append(refused.problem)
        return None


def _guarded(sheet: Sheet, number: int, field: str, read: Callable[[], _T]) -> _T:
    try:
        return read()
    except YwplanError as exc:
        raise _PlacedError(sheet.problem(exc.key, number, field, **exc.args_)) from None


def _text(value: Value) -> str:
    """A cell as the text a clerk typed: a number written exactly (no float noise)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return format_amount(round(float(value), 10))
    return str(value)


def _plain(value: Value) -> str:
    return "" if blank(value) else unicodedata.normalize("NFKC", _text(value)).strip()


def _is_zero(value: Value) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value == 0
    return isinstance(value, str) and unicodedata.normalize("NFKC", value).strip() in ("0", "0.0")


def _note_text(value: Value) -> str:
    """A note cell as one line: a line break typed in the cell (Alt+Enter) is a space."""
    if blank(value):
        return ""
    return " ".join(_text(value).split())


# --- the command ---------------------------------------------------------------------


def _known_ids(workspace: Workspace, ids: Iterable[str]) -> set[str]:
    if workspace.index is None:
        every = {e.id for e in workspace.entries}
        return {i for i in ids if i in every}
    return {i for i in ids if any(e.id == i for e in workspace.matching(i))}


def _refuse_taken(new: Sequence[Entry]) -> Callable[[bytes], None]:
    """Under the lock: refuse if another intake of the same file got there first."""
    marks = [entry.id.encode() + b"," for entry in new]

    def recheck(data: bytes) -> None:
        if any(b"\n" + mark in data for mark in marks):
            raise YwplanError("intake.meanwhile")

    return recheck


def run(path: Path, today: dt.date, files: Sequence[str], *, by: str | None, yes: bool) -> None:
    """Take the filled forms *files* into the ledger of the plan at *path* (see the module)."""
    workspace = open_workspace(path, today, strict=False, indexed=True)
    intake = Intake(workspace, checked_by(by if by is not None else clerk()), now_stamp(), yes=yes)
    for name in files:
        try:
            book = read_book(Path(name))
        except YwplanError as exc:  # not a spreadsheet, encrypted, damaged: said, and on
            intake.problems.append(Problem(exc.key, exc.args_, name))
            continue
        intake.take(book)
    if intake.problems:
        count = len(intake.problems)
        raise YwplanError("intake.refused", problems=tuple(intake.problems), count=count)
    if not intake.entries:
        print(t("intake.no_rows", files=len(files)), file=sys.stderr)
        return
    known = _known_ids(workspace, (e.id for e in intake.entries))
    new: list[Entry] = []
    for entry in intake.entries:
        if entry.id not in known:
            known.add(entry.id)  # the same file named twice: its rows once
            new.append(entry)
    skipped = len(intake.entries) - len(new)
    if not new:
        print(t("intake.nothing_new", count=skipped, files=len(files)), file=sys.stderr)
        return
    append_entries(workspace.path, new, recheck=_refuse_taken(new))
    notes = sum(1 for e in new if math.isnan(e.amount))
    print(t("intake.done", count=len(new), notes=notes, files=len(files), path=str(workspace.path)))
    if skipped:
        print(t("intake.skipped", count=skipped), file=sys.stderr)
