"""Spreadsheets a sub-unit sends back (``ywplan intake``): xlsx or csv, read with bounds.

A workbook is a zip: its size, its members and their uncompressed sizes (as the zip
declares them, which is all ``zipfile`` will ever inflate) are checked before openpyxl
sees a byte, so a zip bomb is refused at once. An encrypted workbook (an OLE file with
an ``EncryptionInfo`` stream), an old .xls, a Word file and a damaged zip are each named
as such. openpyxl reads in ``read_only`` mode, once for the values Excel cached and once
to know which cells hold formulas; merged cells are read from the sheet's XML, which
``read_only`` skips. A csv is UTF-8 (with or without BOM) or, as Excel saves it on a
Chinese Windows, GB18030.

The table of a sheet is found by its header row (:func:`find_layout`): the form's own
headings in either language, or what people head such columns with (目标/指标, 数量/数值,
日期, 单位/地区, 备注; target, amount, date, unit, note).

Every cell is placed as people name it: ``FILE:SHEET!B12`` in a workbook, ``FILE:12:2``
in a csv (:meth:`Book.place`). The store prints nothing and knows nothing of plans.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple

from ywplan.catalog import CATALOG
from ywplan.core.numbers import format_amount
from ywplan.errors import Problem, YwplanError
from ywplan.store.textfile import decode, read_regular

MAX_BYTES = 10 * 1024 * 1024  # a month's form is kilobytes
MAX_MEMBERS = 300
MAX_MEMBER = 16 * 1024 * 1024  # uncompressed, as declared
MAX_TOTAL = 40 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 40
META_SHEET = "ywplan"  # the very hidden sheet of a form: what it was written for
META_MARK = "ywplan-form"  # the first cell of a csv form's metadata row

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)

Value = str | int | float | dt.datetime | dt.date | dt.time | bool | None
Kind = Literal["xlsx", "csv"]


@dataclass(frozen=True, slots=True)
class Grid:
    """One sheet as read: rows of values from A1 (a formula's cached value in its cell).

    *uncached*: (row, column) of formula cells that carry no value Excel computed;
    *merged*: the merged ranges (``A3:B4``).
    """

    name: str
    rows: tuple[tuple[Value, ...], ...]
    uncached: frozenset[tuple[int, int]] = frozenset()
    merged: tuple[Merged, ...] = ()

    @property
    def empty(self) -> bool:
        """True when no cell holds anything."""
        return not any(_filled(v) for row in self.rows for v in row)


@dataclass(frozen=True, slots=True)
class Book:
    """A spreadsheet file: its sheets (a csv has one, named ''), the form metadata it
    carries (``{}`` for any other spreadsheet) and the hash of its bytes."""

    name: str
    kind: Kind
    digest: str
    sheets: tuple[Grid, ...]
    metadata: dict[str, str] = field(default_factory=dict)

    def at(self, problem: Problem, sheet: str, row: int, column: int) -> Problem:
        """*problem* placed at ``FILE:SHEET!B12`` (workbook) or ``FILE:12:2`` (csv)."""
        if self.kind == "csv":
            return problem.at(self.name, row, column)
        # The cell is the place; its column is kept too (not printed), to order a row's problems.
        return problem.at(f"{self.name}:{sheet_ref(sheet)}!{cell_name(row, column)}", 0, column)


def cell_name(row: int, column: int) -> str:
    """``(12, 2)`` → ``B12``."""
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]

    return f"{get_column_letter(column)}{row}"


class Merged(NamedTuple):
    """A merged range of a sheet: as written (``H11:I12``), its first cell and last row."""

    ref: str
    row: int
    column: int
    last_row: int

    @classmethod
    def of(cls, ref: str) -> Merged:
        """``H11:I12`` → Merged("H11:I12", 11, 8, 12)."""
        from openpyxl.utils import range_boundaries  # type: ignore[import-untyped, unused-ignore]

        column, row, _, last_row = range_boundaries(ref)
        return cls(ref, row, column, last_row)


def sheet_ref(name: str) -> str:
    """A sheet's name as a formula would write it (quoted when it holds spaces or marks)."""
    return name if re.fullmatch(r"\w+", name) else "'" + name.replace("'", "''") + "'"


def _filled(value: Value) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def read_book(path: Path) -> Book:
    """The spreadsheet at *path*, or a refusal naming what the file is instead."""
    name = str(path)
    data = read_regular(path, MAX_BYTES, follow=True)
    if data is None:
        raise _unreadable(path)
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(b"PK\x03\x04"):
        sheets, metadata = _read_workbook(name, data)
        return Book(name, "xlsx", digest, sheets, metadata)
    if data.startswith(_OLE):
        key = "sheet.encrypted" if _ENCRYPTED in data else "sheet.old_format"
        raise YwplanError(key, path=name)
    if path.suffix.lower() not in (".csv", ".txt"):
        raise YwplanError("sheet.not_spreadsheet", path=name)
    grid = _read_csv(name, data)
    return Book(name, "csv", digest, (grid,), _csv_metadata(grid))


def _unreadable(path: Path) -> YwplanError:
    try:
        size = path.stat().st_size
    except OSError as exc:
        return YwplanError("sheet.unreadable", path=str(path), reason=exc.strerror or str(exc))
    if not path.is_file():
        return YwplanError("sheet.not_spreadsheet", path=str(path))
    if size > MAX_BYTES:
        return YwplanError("sheet.too_large", path=str(path), limit=MAX_BYTES // 1024 // 1024)
    return YwplanError("sheet.unreadable", path=str(path), reason="")


# --- xlsx ------------------------------------------------------------------------------


def _read_workbook(name: str, data: bytes) -> tuple[tuple[Grid, ...], dict[str, str]]:
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        _check_members(name, archive)
        merged = _merged_ranges(archive)
        values = _load(data, data_only=True)
        formulas = _load(data, data_only=False)
    except YwplanError:
        raise
    except Exception:  # a damaged zip or workbook, whatever the library says
        raise YwplanError("sheet.damaged", path=name) from None
    grids: list[Grid] = []
    metadata: dict[str, str] = {}
    for sheet, formula_sheet in zip(values.worksheets, formulas.worksheets, strict=True):
        rows, uncached = _sheet_rows(name, sheet, formula_sheet)
        if sheet.title == META_SHEET and sheet.sheet_state != "visible":
            metadata = {str(r[0]): str(r[1]) for r in rows if len(r) > 1 and r[0] and r[1]}
            continue
        path = getattr(sheet, "_worksheet_path", "")
        grids.append(Grid(sheet.title, rows, uncached, merged.get(path.lstrip("/"), ())))
    return tuple(grids), metadata


def _check_members(name: str, archive: Any) -> None:
    members = archive.infolist()
    total = sum(m.file_size for m in members)
    if len(members) > MAX_MEMBERS or total > MAX_TOTAL:
        raise YwplanError("sheet.bomb", path=name, limit=MAX_TOTAL // 1024 // 1024)
    if any(m.file_size > MAX_MEMBER for m in members):
        raise YwplanError("sheet.bomb", path=name, limit=MAX_TOTAL // 1024 // 1024)
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        raise YwplanError("sheet.not_spreadsheet", path=name)
    if any(m.flag_bits & 0x1 for m in members):
        raise YwplanError("sheet.encrypted", path=name)
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            with archive.open(member) as handle:
                if _DOCTYPE.search(handle.read(4096)):
                    raise YwplanError("sheet.damaged", path=name)


def _merged_ranges(archive: Any) -> dict[str, tuple[Merged, ...]]:
    """Each worksheet's merged ranges, by its path in the zip (read_only skips them)."""
    found: dict[str, tuple[Merged, ...]] = {}
    for member in archive.infolist():
        if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
            text = archive.read(member)
            ranges = tuple(Merged.of(m.decode()) for m in _MERGE.findall(text))
            if ranges:
                found[member.filename] = ranges
    return found


def _load(data: bytes, *, data_only: bool) -> Any:
    import warnings

    from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "data validation extension not supported", …
        return load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)


def _shown(cell: Any) -> Value:
    """A cell's value; a number shown as a percent is what the clerk sees and typed
    (``85%`` is stored as 0.85): the text ``85%``, which only a target in % accepts."""
    value: Value = getattr(cell, "value", None)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if "%" in str(getattr(cell, "number_format", "") or ""):
        return format_amount(round(value * 100, 10)) + "%"
    return value


def _sheet_rows(
    name: str, sheet: Any, formula_sheet: Any
) -> tuple[tuple[tuple[Value, ...], ...], frozenset[tuple[int, int]]]:
    rows: list[tuple[Value, ...]] = []
    uncached: set[tuple[int, int]] = set()
    pairs = zip(
        sheet.iter_rows(max_col=MAX_COLUMNS),
        formula_sheet.iter_rows(max_col=MAX_COLUMNS),
        strict=False,
    )
    for number, (cells, formula_cells) in enumerate(pairs, start=1):
        if number > MAX_ROWS:
            raise YwplanError("sheet.too_many_rows", path=name, limit=MAX_ROWS)
        row = tuple(_shown(c) for c in cells)
        for column, cell in enumerate(formula_cells, start=1):
            value = row[column - 1] if column <= len(row) else None
            if getattr(cell, "data_type", "") == "f" and not _filled(value):
                uncached.add((number, column))
        rows.append(row)
    return tuple(rows), frozenset(uncached)


# --- csv -------------------------------------------------------------------------------


def _read_csv(name: str, data: bytes) -> Grid:
    text, problem = decode(data, name)
    if problem is not None:
        if problem.key != "file.gbk":
            raise YwplanError("sheet.not_spreadsheet", path=name)
        text = data.decode("gb18030")  # Excel's "CSV" on a Chinese Windows
    if "\x00" in text:
        raise YwplanError("sheet.not_spreadsheet", path=name)
    lines = text.splitlines()
    first = lines[0] if lines else ""
    delimiter = "\t" if "\t" in first and "," not in first else ","
    rows: list[tuple[Value, ...]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1  # the line a row starts on: a quoted line feed spans lines
    try:
        for row in reader:
            if start > MAX_ROWS:
                raise YwplanError("sheet.too_many_rows", path=name, limit=MAX_ROWS)
            rows.extend(() for _ in range(start - 1 - len(rows)))
            rows.append(tuple(row[:MAX_COLUMNS]))
            start = reader.line_num + 1
    except csv.Error:
        raise YwplanError("sheet.not_spreadsheet", path=name) from None
    return Grid("", tuple(rows))


def _csv_metadata(grid: Grid) -> dict[str, str]:
    """A csv form's first row: ``ywplan-form,plan=…,year=…,unit=…,month=…``."""
    first = grid.rows[0] if grid.rows else ()
    if not first or str(first[0]).strip() != META_MARK:
        return {}
    pairs = (str(cell).partition("=") for cell in first[1:] if cell)
    return {key.strip(): value.strip() for key, sep, value in pairs if sep}


# --- the table in a sheet ----------------------------------------------------------------

HEADER_ROWS = 30  # the header row is looked for among the first rows
FIELDS = ("ref", "name", "item", "amount", "date", "unit", "note")
# What a column may be headed, besides the form's own headings in both languages.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "ref": ("目标", "指标", "目标编号", "指标编号", "编号", "target", "ref", "targetid"),
    "name": ("目标名称", "指标名称", "名称", "name", "targetname"),
    "item": ("序号", "事项", "事项序号", "item", "no", "number"),
    "amount": ("数量", "数值", "完成数", "完成数量", "本月数量", "amount", "value", "quantity"),
    "date": ("日期", "完成日期", "时间", "date", "day"),
    "unit": ("单位", "地区", "县市区", "镇街道", "填报单位", "unit", "subunit", "region"),
    "note": ("备注", "说明", "情况说明", "note", "notes", "remark", "remarks", "comment"),
}
FORM_HEADINGS = {"ref", "name", "item", "amount", "date", "note"}
_BRACKETS = re.compile(r"[((\[【].*?[))\]】]")


def heading_key(text: Value) -> str:
    """A heading as compared: NFKC, lowercase, without spaces, brackets' content and ``*``."""
    cleaned = unicodedata.normalize("NFKC", str(text or "")).lower()
    cleaned = _BRACKETS.sub("", cleaned)
    return re.sub(r"[\s*:_\-]", "", cleaned)


def _headings() -> dict[str, str]:
    found = {}
    for key, names in SYNONYMS.items():
        for name in names:
            found[heading_key(name)] = key
        if key in FORM_HEADINGS:
            for text in CATALOG[f"form.col.{key}"]:
                found[heading_key(text)] = key
    return found


HEADINGS = _headings()


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the table of a sheet is: its header row and the column of each field."""

    header: int
    columns: dict[str, int]


def find_layout(grid: Grid) -> Layout | None:
    """The first row (among :data:`HEADER_ROWS`) that heads a target and an amount or note."""
    for number, row in enumerate(grid.rows[:HEADER_ROWS], start=1):
        columns: dict[str, int] = {}
        for column, value in enumerate(row, start=1):
            key = HEADINGS.get(heading_key(value))
            if key is not None and key not in columns:
                columns[key] = column
        targets = {"ref", "name", "item"} & columns.keys()
        if targets and {"amount", "note"} & columns.keys():
            return Layout(number, columns)
    return None


def blank(value: Value) -> bool:
    """True for an empty cell, or one of spaces only."""
    return value is None or (isinstance(value, str) and not value.strip())
