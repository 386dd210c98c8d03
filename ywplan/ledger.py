"""The ledger (台账) on disk: ``<plan-stem>.ledger.csv``, read whole, appended one line at a time.

Appends never rewrite the file: each entry is one ``write()`` of one whole line on a
file opened for appending, then ``fsync``; concurrent clerks are serialised by a lock
file beside the ledger. A new ledger is created under the lock by writing a temporary
file and renaming it, so no reader ever sees half a header.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import os
import re
import secrets
import string
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ywplan.errors import Problem, YwplanError
from ywplan.model import Entry
from ywplan.textfile import read_text

COLUMNS = (
    "id",
    "date",
    "item",
    "target",
    "amount",
    "unit",
    "note",
    "by",
    "recorded_at",
    "corrects",
)
HEADER_LINE = ",".join(COLUMNS)
BOM = "\ufeff"
MAX_LEDGER_BYTES = 512 * 1024 * 1024
MAX_NOTE = 500
LOCK_TIMEOUT = 15.0

ID_RE = re.compile(r"[a-z0-9]{8,64}")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ITEM_RE = re.compile(r"[0-9]{1,5}")
_TARGET_RE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
AMOUNT_RE = re.compile(r"-?[0-9]{1,15}(\.[0-9]{1,10})?")
_STAMP_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?"
)
_ID_ALPHABET = string.ascii_lowercase + string.digits


def ledger_path(plan_path: Path) -> Path:
    """``plans/jiaxing-2024.yaml`` → ``plans/jiaxing-2024.ledger.csv``."""
    return plan_path.with_name(plan_path.stem + ".ledger.csv")


def lock_path(path: Path) -> Path:
    """The lock file that serialises appends to *path* (hidden, ignored by git)."""
    return path.with_name("." + path.name + ".lock")


def new_id() -> str:
    """A fresh entry id: 16 random lowercase letters and digits (~82 bits, no coordination)."""
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(16))


@dataclass(frozen=True)
class LedgerFile:
    """A ledger as read: its entries in file order, the problems found, its conventions."""

    path: Path
    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]
    exists: bool = True
    newline: str = "\n"


def _field_problem(row: list[str], path: str, line: int) -> Problem:
    """Name the first malformed field of a row the fast path rejected."""
    checks = (
        (0, "ledger.bad_id", ID_RE.fullmatch),
        (1, "ledger.bad_date", _valid_date),
        (2, "ledger.bad_item", _ITEM_RE.fullmatch),
        (3, "ledger.bad_target", _TARGET_RE.fullmatch),
        (4, "ledger.bad_amount", AMOUNT_RE.fullmatch),
        (6, "ledger.note_too_long", lambda v: len(v) <= MAX_NOTE),
        (6, "ledger.multiline", lambda v: "\n" not in v and "\r" not in v),
        (8, "ledger.bad_recorded_at", _STAMP_RE.fullmatch),
        (9, "ledger.bad_corrects", lambda v: not v or ID_RE.fullmatch(v)),
    )
    for index, key, ok in checks:
        if not ok(row[index]):
            value = row[index][:40]
            return Problem(
                key,
                {"value": value, "column": COLUMNS[index], "limit": MAX_NOTE},
                path,
                line,
                index + 1,
            )
    return Problem("ledger.bad_row", {}, path, line, 1)


def _valid_date(text: str) -> bool:
    if not _DATE_RE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


# One valid row of the common shape (no quoting), matched and split in one C-level pass.
# It accepts a strict subset of what the row-by-row path accepts (ASCII digits only, no
# quotes, commas or line breaks inside fields) and yields the same fields, so a ledger
# whose every line matches reads exactly as the row-by-row path would read it.
_FAST_ROW = re.compile(
    r"^([a-z0-9]{8,64}),([0-9]{4}-[0-9]{2}-[0-9]{2}),([0-9]{1,5}),([a-z0-9]+(?:-[a-z0-9]+)*),"
    r"(-?[0-9]{1,15}(?:\.[0-9]{1,10})?),([^,\"\r\n]*),([^,\"\r\n]{0,"
    + str(MAX_NOTE)
    + r"}),([^,\"\r\n]*),"
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?"
    r"(?:Z|[+-][0-9]{2}:?[0-9]{2})?),((?:[a-z0-9]{8,64})?)\r?$",
    re.MULTILINE,
)


def parse_ledger(text: str, path: str = "<ledger>") -> LedgerFile:
    """Parse ledger *text* (BOM and CRLF allowed); rows that cannot be read become problems."""
    if text.startswith(BOM):
        text = text[1:]
    newline = "\r\n" if "\r\n" in text[: text.find("\n") + 1] else "\n"
    collecting = gc.isenabled()
    gc.disable()  # no reference cycles are made here; collections would only rescan the rows
    try:
        fast = _parse_fast(text, path)
        entries, problems = fast if fast is not None else _parse_rows(text, path)
    finally:
        if collecting:
            gc.enable()
    if text and not text.endswith("\n"):
        _mark_torn(problems, entries, path, text.count("\n") + 1)
    return LedgerFile(Path(path), tuple(entries), tuple(problems), True, newline)


def _parse_fast(text: str, name: str) -> tuple[list[Entry], list[Problem]] | None:
    """Read a ledger whose header is right and every line is a plain valid row; else None."""
    end = text.find("\n")
    if end < 0 or text[:end].removesuffix("\r") != HEADER_LINE:
        return None
    rows = _FAST_ROW.findall(text, end + 1)  # the body, without copying it
    lines = text.count("\n", end + 1) + (0 if text.endswith("\n") else 1)
    if len(rows) != lines:  # each match is one whole line: equal counts mean every line matched
        return None
    dates: dict[str, dt.date] = {}
    for day in {row[1] for row in rows}:
        try:
            dates[day] = dt.date.fromisoformat(day)
        except ValueError:  # 2024-02-30: let the row-by-row path name it
            return None
    make = partial(tuple.__new__, Entry)  # Entry(...) without a Python-level call per row
    entries = [
        make((i, dates[d], int(n), t, float(a), u, note, b, s, c, k))
        for k, (i, d, n, t, a, u, note, b, s, c) in enumerate(rows, 2)
    ]
    return entries, []


def _parse_rows(
    text: str, name: str, *, header: bool = True, before: int = 0
) -> tuple[list[Entry], list[Problem]]:
    """Read *text* row by row with the csv module, naming each malformed row's problem.

    Without *header*, *text* is a run of whole rows that follows *before* lines of a
    ledger (the bytes appended since a cached read).
    """
    problems: list[Problem] = []
    entries: list[Entry] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    if header:
        first = next(reader, None)
        if first is None:
            return entries, problems
        if tuple(first) != COLUMNS:
            problems.append(Problem("ledger.header", {"expected": HEADER_LINE}, name, 1, 1))
            if len(first) == len(COLUMNS) and ID_RE.fullmatch(first[0]):
                reader = csv.reader(io.StringIO(text, newline=""))  # lost header: line 1 is data
    fromiso = dt.date.fromisoformat
    append = entries.append
    id_ok, date_ok, item_ok = ID_RE.fullmatch, _DATE_RE.fullmatch, _ITEM_RE.fullmatch
    target_ok, amount_ok, stamp_ok = _TARGET_RE.fullmatch, AMOUNT_RE.fullmatch, _STAMP_RE.fullmatch
    for row in reader:
        line = reader.line_num + before
        if len(row) != 10:
            if row and tuple(row) == COLUMNS:
                problems.append(Problem("ledger.header_again", {}, name, line, 1))
            elif row:
                problems.append(Problem("ledger.columns", {"count": len(row)}, name, line, 1))
            continue
        id_, day, item, target, amount, unit, note, by, stamp, corrects = row
        if (
            id_ok(id_)
            and date_ok(day)
            and item_ok(item)
            and target_ok(target)
            and amount_ok(amount)
            and stamp_ok(stamp)
            and (not corrects or id_ok(corrects))
            and len(note) <= MAX_NOTE
            and "\n" not in note
            and "\r" not in note
        ):
            try:
                date = fromiso(day)
            except ValueError:
                problems.append(_field_problem(row, name, line))
                continue
            append(
                Entry(
                    id_,
                    date,
                    int(item),
                    target,
                    float(amount),
                    unit,
                    note,
                    by,
                    stamp,
                    corrects,
                    line,
                )
            )
        else:
            problems.append(_field_problem(row, name, line))
    return entries, problems


def _mark_torn(problems: list[Problem], entries: list[Entry], name: str, last: int) -> None:
    """A last line without a line ending: torn by a crash if unreadable, else only unterminated."""
    if problems and problems[-1].line == last:
        problems[-1] = Problem("ledger.torn", {}, name, last, 1)
    elif entries and entries[-1].line == last:
        problems.append(Problem("ledger.no_final_newline", {}, name, last, 1, "warning"))


def read_ledger(path: Path) -> LedgerFile:
    """Read the ledger at *path*; a missing ledger is an empty one."""
    if not path.exists():
        return LedgerFile(path, (), (), exists=False)
    text, problem = read_text(path, MAX_LEDGER_BYTES)
    if problem is not None:
        return LedgerFile(path, (), (problem,))
    return parse_ledger(text, str(path))


def format_amount(amount: float) -> str:
    """``45.0`` → ``45``, ``2.5`` → ``2.5``: the shortest exact decimal, no exponent."""
    if amount == int(amount) and abs(amount) < 1e15:
        return str(int(amount))
    text = f"{amount:.10f}".rstrip("0").rstrip(".")
    return text


def format_entry(entry: Entry, newline: str = "\n") -> str:
    """One entry as one CSV line, ending in *newline*."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow(
        (
            entry.id,
            entry.date.isoformat(),
            entry.item,
            entry.target,
            format_amount(entry.amount),
            entry.unit,
            entry.note,
            entry.by,
            entry.recorded_at,
            entry.corrects,
        )
    )
    return buffer.getvalue()


def _create(path: Path) -> None:
    """Create an empty ledger (BOM + header) atomically: temporary file, fsync, rename."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8", newline="") as handle:
        handle.write(BOM + HEADER_LINE + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _conventions(path: Path) -> tuple[str, bool]:
    """The file's line ending and whether it ends with one (a torn last line does not)."""
    with open(path, "rb") as handle:
        head = handle.read(512)
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        if size == 0:
            return "\n", True
        handle.seek(size - 1)
        last = handle.read(1)
    first_line = head.split(b"\n", 1)[0]
    newline = "\r\n" if first_line.endswith(b"\r") else "\n"
    return newline, last == b"\n"


def append_entries(path: Path, entries: Sequence[Entry], timeout: float = LOCK_TIMEOUT) -> None:
    """Append *entries* to the ledger at *path*, creating it if needed.

    Holds the ledger's lock; writes all lines in one ``write()`` and syncs them to disk.
    A torn last line left by a crash elsewhere gets its own line ending first, so the
    new entries never glue onto it.
    """
    from filelock import FileLock, Timeout

    try:
        with FileLock(str(lock_path(path)), timeout=timeout):
            if not path.exists():
                _create(path)
            newline, whole = _conventions(path)
            payload = ("" if whole else newline) + "".join(
                format_entry(e, newline) for e in entries
            )
            data = payload.encode("utf-8")
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
            try:
                written = 0
                while written < len(data):
                    written += os.write(fd, data[written:])
                os.fsync(fd)
            finally:
                os.close(fd)
    except Timeout:
        raise YwplanError("ledger.locked", path=str(path), seconds=int(timeout)) from None
    except OSError as exc:
        raise YwplanError(
            "ledger.write_failed", path=str(path), reason=exc.strerror or str(exc)
        ) from None
