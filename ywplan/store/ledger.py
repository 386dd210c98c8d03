"""The ledger (台账) on disk: ``<plan-stem>.ledger.csv``, read whole, appended one line at a time.

Appends never rewrite the file: each batch of entries is one ``write()`` of whole lines
on a file opened for appending, then ``fsync``; concurrent clerks are serialised by a
lock file beside the ledger. A new ledger is created under the lock by writing a
temporary file and renaming it, so no reader ever sees half a header.

The kernel does not make a write of more than a page all-or-nothing: a process killed
in the middle of one leaves part of it. So before it writes, an append leaves a small
journal beside the ledger (its length before and after the batch) and removes it once
the batch is on disk. Readers ignore bytes past the length a journal names unless the
whole batch is there, and the next append cuts them off: a batch is in the ledger
whole or not at all, whatever moment a process is killed at.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import errno
import fnmatch
import gc
import io
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import BinaryIO, NoReturn

from ywplan.core.model import AMOUNT_RE, ID_RE, MAX_NOTE, Entry
from ywplan.core.numbers import format_amount
from ywplan.errors import Problem, YwplanError
from ywplan.store.textfile import (
    NO_FOLLOW,
    NotRegularFileError,
    decode,
    encoding_problem,
    read_bytes,
    read_regular,
    read_upto,
    regular_descriptor,
    write_atomically,
)

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
CHUNK = 128 * 1024  # bytes read and parsed at a time: the rows stay in the CPU cache while used
LOCK_TIMEOUT = 15.0

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ITEM_RE = re.compile(r"[0-9]{1,5}")
_TARGET_RE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_STAMP_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?"
)


def lock_path(path: Path) -> Path:
    """The lock file that serialises appends to *path* (hidden, ignored by git)."""
    return path.with_name("." + path.name + ".lock")


def journal_path(path: Path) -> Path:
    """The journal an append keeps beside *path* while it writes (hidden, ignored by git)."""
    return path.with_name("." + path.name + ".pending")


_JOURNAL_RE = re.compile(rb"ywplan-append ([0-9]{1,15}) ([0-9]{1,15}) ([0-9]{1,24})\n")


def _journal(path: Path) -> tuple[int, int] | None:
    """The ledger's length before and after an append that has not finished, if any.

    The journal names the ledger's inode too: one copied with the folder, or from
    another clone, is not about this file and is ignored.
    """
    found = _JOURNAL_RE.fullmatch(read_regular(journal_path(path), 80) or b"")
    if found is None:
        return None
    before, after = int(found[1]), int(found[2])
    try:
        same = os.stat(path).st_ino == int(found[3])
    except OSError:
        return None
    return (before, after) if same and before < after else None


def committed(path: Path, data: bytes) -> bytes:
    """*data*, the bytes of the ledger at *path*, without a batch that is not all there.

    A batch being appended right now, or cut short when its writer was killed, is left
    out until it is whole; the next append removes the remains of a killed one.
    """
    return data[: committed_size(path, len(data))]


def committed_size(path: Path, size: int) -> int:
    """How many of the first *size* bytes of the ledger at *path* are whole batches
    (see :func:`committed`): the ledger's length before an append not all there."""
    pending = _journal(path)
    if pending is None or not pending[0] < size < pending[1]:
        return size
    return pending[0]


@dataclass(frozen=True)
class LedgerFile:
    """A ledger as read: its entries in file order, the problems found, its conventions."""

    path: Path
    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]
    exists: bool = True
    newline: str = "\n"


_EXCEL_DATE_RE = re.compile(r"\d{4}/\d{1,2}/\d{1,2}|\d{1,2}/\d{1,2}/\d{4}")
_EXCEL_STAMP_RE = re.compile(
    r"(\d{4}/\d{1,2}/\d{1,2}|\d{1,2}/\d{1,2}/\d{4}) \d{1,2}:\d{2}(:\d{2})?"
)
_CONFLICT_MARKERS = ("<<<<<<<", "=======", ">>>>>>>", "|||||||")


def _row_problem(row: list[str], path: str, line: int) -> Problem:
    """A row without 10 columns: a git conflict marker, or a wrong column count."""
    if row[0].startswith(_CONFLICT_MARKERS):
        return Problem("ledger.conflict_marker", {}, path, line, 1)
    return Problem("ledger.columns", {"count": len(row)}, path, line, 1)


def _field_problems(row: list[str], path: str, line: int) -> list[Problem]:
    """Name every malformed field of a row the fast path rejected."""
    if (row[0].removeprefix(BOM), *row[1:]) == COLUMNS:
        return [Problem("ledger.header_again", {}, path, line, 1)]  # two files' merge
    checks = (
        (0, "ledger.bad_id", ID_RE.fullmatch),
        (1, "ledger.bad_date", _valid_date),
        (2, "ledger.bad_item", _ITEM_RE.fullmatch),
        (3, "ledger.bad_target", lambda v: not v or _TARGET_RE.fullmatch(v)),
        (4, "ledger.bad_amount", lambda v: not v or AMOUNT_RE.fullmatch(v)),
        (6, "ledger.note_too_long", lambda v: len(v) <= MAX_NOTE),
        (6, "ledger.multiline", lambda v: "\n" not in v and "\r" not in v),
        (8, "ledger.bad_recorded_at", _STAMP_RE.fullmatch),
        (9, "ledger.bad_corrects", lambda v: not v or ID_RE.fullmatch(v)),
    )
    problems = []
    for index, key, ok in checks:
        if not ok(row[index]):
            value = row[index][:40]
            found = key
            if key == "ledger.bad_date" and _EXCEL_DATE_RE.fullmatch(value):
                found = "ledger.excel_date"
            elif key == "ledger.bad_recorded_at" and _EXCEL_STAMP_RE.fullmatch(value):
                found = "ledger.excel_stamp"
            args = {"value": value, "column": COLUMNS[index], "limit": MAX_NOTE}
            problems.append(Problem(found, args, path, line, index + 1))
    return problems or [Problem("ledger.bad_row", {}, path, line, 1)]


def _valid_date(text: str) -> bool:
    if not _DATE_RE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


# Each field of a plain row (no quoting) as a pattern, in column order: ASCII digits
# only, no quotes, commas or line breaks inside fields.
ROW_FIELDS: dict[str, str] = {
    "id": r"[a-z0-9]{8,64}",
    "date": r"[0-9]{4}-[0-9]{2}-[0-9]{2}",
    "item": r"[0-9]{1,5}",
    "target": r"(?:[a-z0-9]+(?:-[a-z0-9]+)*)?",
    "amount": r"(?:-?[0-9]{1,15}(?:\.[0-9]{1,10})?)?",
    "unit": r'[^,"\r\n]*',
    "note": r'[^,"\r\n]{0,' + str(MAX_NOTE) + "}",
    "by": r'[^,"\r\n]*',
    "recorded_at": r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?"
    r"(?:Z|[+-][0-9]{2}:?[0-9]{2})?",
    "corrects": r"(?:[a-z0-9]{8,64})?",
}


def row_pattern(**narrower: str) -> str:
    """A plain row as a pattern (no line end): each field's :data:`ROW_FIELDS` pattern, or
    the *narrower* one given for it, which must accept only what the field's accepts."""
    return ",".join(narrower.get(key, ROW_FIELDS[key]) for key in COLUMNS)


# One valid row of the common shape, matched and split in one C-level pass. It accepts
# a strict subset of what the row-by-row path accepts and yields the same fields, so a
# ledger whose every line matches reads exactly as the row-by-row path would read it.
_FAST_ROW = re.compile(
    "^" + ",".join(f"({ROW_FIELDS[key]})" for key in COLUMNS) + r"\r?$", re.MULTILINE
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


def body_start(text: str) -> int | None:
    """Where the rows of ledger *text* begin, when its first line is the plain header."""
    end = text.find("\n")
    if end < 0 or text[:end].removesuffix("\r") != HEADER_LINE:
        return None
    return end + 1


def plain_rows(text: str, start: int = 0) -> list[tuple[str, ...]] | None:
    """The fields of every line of *text* from *start*, when each is a plain valid row
    (see :data:`_FAST_ROW`; its date is not checked to exist); else None."""
    rows: list[tuple[str, ...]] = _FAST_ROW.findall(text, start)  # without copying the text
    lines = text.count("\n", start) + (0 if text.endswith("\n") else 1)
    return rows if len(rows) == lines else None  # each match is one whole line


def real_dates(days: Iterable[str]) -> dict[str, dt.date] | None:
    """Each of the distinct *days* (YYYY-MM-DD) as a date; None when one does not exist."""
    dates: dict[str, dt.date] = {}
    for day in set(days):
        try:
            dates[day] = dt.date.fromisoformat(day)
        except ValueError:  # 2024-02-30: let the row-by-row path name it
            return None
    return dates


def _parse_fast(text: str, name: str) -> tuple[list[Entry], list[Problem]] | None:
    """Read a ledger whose header is right and every line is a plain valid row; else None."""
    start = body_start(text)
    entries = None if start is None else _plain_entries(text, start, 2)
    return None if entries is None else (entries, [])


def _plain_entries(text: str, start: int, first: int) -> list[Entry] | None:
    """The entries of *text* from *start*, the first on line *first*, when every line is a
    plain valid row (:func:`plain_rows`) of a day that exists; else None."""
    rows = plain_rows(text, start)
    dates = None if rows is None else real_dates(row[1] for row in rows)
    if rows is None or dates is None:
        return None
    make = partial(tuple.__new__, Entry)  # Entry(...) without a Python-level call per row
    return [
        make((i, dates[d], int(n), t, float(a or "nan"), u, note, b, s, c, k))
        for k, (i, d, n, t, a, u, note, b, s, c) in enumerate(rows, first)
    ]


def line_runs(handle: BinaryIO, size: int, chunk: int) -> Iterator[bytes]:
    """The file's first *size* bytes in runs of whole lines of about *chunk* bytes; the
    last run is what follows the last line ending, if anything does."""
    handle.seek(0)
    left, pending = size, []  # pending: a line begun but not ended, in pieces
    while left > 0:
        block = handle.read(min(chunk, left))
        if not block:
            break  # shorter now: read as far as it goes, as a whole read would be
        left -= len(block)
        cut = block.rfind(b"\n") + 1
        if not cut:  # a line longer than a chunk: joined once it ends, not once per piece
            pending.append(block)
            continue
        yield b"".join([*pending, block[:cut]])
        pending = [block[cut:]]
    rest = b"".join(pending)
    if rest:
        yield rest


def entry_runs(handle: BinaryIO, size: int, name: str) -> Iterator[Sequence[Entry]]:
    """The entries of a clean ledger's first *size* bytes, a run of lines at a time: what
    :func:`read_ledger` reads, never held whole (``entries`` streams a province's ledger).

    A run is parsed as :func:`parse_ledger` parses it (plain rows at C speed); from the
    first run that is not all plain rows (quoted fields, which may hold a line break),
    the rest of the file is read whole and parsed row by row. The caller knows the ledger
    clean (its index says so): a problem found now means the file changed meanwhile, and
    is raised (``ledger.changed_while_read``).
    """
    for run in _runs(handle, size, name, None):
        yield run.entries


@dataclass(frozen=True, slots=True)
class WrittenRun:
    """A run of a ledger's lines, those a pattern kept as written and the others read.

    *written* holds the kept lines as the file holds them (line ends included), one text
    before each entry of *entries* and one after the last: ``written[k]``, then the line
    of ``entries[k]``, then ``written[k + 1]``, and so on.
    """

    written: tuple[str, ...]
    entries: Sequence[Entry]


def written_runs(
    handle: BinaryIO, size: int, name: str, as_written: re.Pattern[str]
) -> Iterator[WrittenRun]:
    """:func:`entry_runs`, but the lines that *as_written* matches are not read: each
    stretch of them is kept as its text (``entries`` writes a canonical line as it is).

    *as_written* matches any number of whole lines from where it starts (possibly none):
    ``(?:LINE\\r?\\n)*``, where a line it accepts is a plain row.
    """
    return _runs(handle, size, name, as_written)


def _runs(
    handle: BinaryIO, size: int, name: str, as_written: re.Pattern[str] | None
) -> Iterator[WrittenRun]:
    lines = 0  # lines before the run
    runs = line_runs(handle, size, CHUNK)
    for run in runs:
        text = _decoded(run, name, lines)
        start: int | None = 0
        if not lines:
            text = text.removeprefix(BOM)
            start = body_start(text)
        first = lines + (2 if start else 1)  # the line number of the run's first row
        read = None if start is None else _split(text, start, first, as_written)
        if read is None:
            rest = _decoded(b"".join(runs), name, lines + text.count("\n"))
            entries, problems = _parse_rows(text + rest, name, header=not lines, before=lines)
            if problems:
                raise YwplanError("ledger.changed_while_read", path=name, line=problems[0].line)
            yield WrittenRun(("",) * (len(entries) + 1), entries)
            return
        lines += text.count("\n")
        yield read


def _split(
    text: str, start: int, first: int, as_written: re.Pattern[str] | None
) -> WrittenRun | None:
    """The rows of *text* from *start* (the first on line *first*): the stretches of lines
    *as_written* matches kept as text, the other lines read; None when one of those is
    not a plain valid row of a day that exists."""
    if as_written is None:
        entries = _plain_entries(text, start, first)
        return None if entries is None else WrittenRun(("",) * (len(entries) + 1), entries)
    written: list[str] = []
    odd: list[str] = []  # the lines between the kept stretches
    numbers: list[int] = []  # their line numbers
    at, line, end = start, first, len(text)
    while True:
        kept = as_written.match(text, at)
        stop = kept.end() if kept else at
        written.append(text[at:stop])
        line += text.count("\n", at, stop)
        if stop == end:
            break
        at = text.find("\n", stop) + 1 or end
        odd.append(text[stop:at])
        numbers.append(line)
        line += 1
    entries = _plain_entries("".join(odd), 0, 1) if odd else []
    if entries is None:
        return None
    placed = [e._replace(line=n) for e, n in zip(entries, numbers, strict=True)]
    return WrittenRun(tuple(written), placed)


def _decoded(data: bytes, name: str, lines: int) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = lines + data.count(b"\n", 0, exc.start) + 1
        raise YwplanError("ledger.changed_while_read", path=name, line=line) from None


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
            if row:
                problems.append(_row_problem(row, name, line))
            continue
        id_, day, item, target, amount, unit, note, by, stamp, corrects = row
        if (
            id_ok(id_)
            and date_ok(day)
            and item_ok(item)
            and (not target or target_ok(target))
            and (not amount or amount_ok(amount))
            and stamp_ok(stamp)
            and (not corrects or id_ok(corrects))
            and len(note) <= MAX_NOTE
            and "\n" not in note
            and "\r" not in note
        ):
            try:
                date = fromiso(day)
            except ValueError:
                problems.extend(_field_problems(row, name, line))
                continue
            append(
                Entry(
                    id_,
                    date,
                    int(item),
                    target,
                    float(amount or "nan"),
                    unit,
                    note,
                    by,
                    stamp,
                    corrects,
                    line,
                )
            )
        else:
            problems.extend(_field_problems(row, name, line))
    return entries, problems


def _mark_torn(problems: list[Problem], entries: list[Entry], name: str, last: int) -> None:
    """A last line without a line ending: torn by a crash if unreadable, else only unterminated."""
    if problems and problems[-1].line == last:
        while problems and problems[-1].line == last:
            problems.pop()  # each field of a torn line is wrong only because it is torn
        problems.append(Problem("ledger.torn", {}, name, last, 1))
    elif entries and entries[-1].line == last:
        problems.append(Problem("ledger.no_final_newline", {}, name, last, 1, "warning"))


def read_ledger(path: Path) -> LedgerFile:
    """Read the ledger at *path*; a missing ledger is an empty one.

    A batch still being appended, or cut short by a killed process, is not read (see
    :func:`committed`); the remains of a killed one are named as a warning.
    """
    if not path.exists():
        return LedgerFile(path, (), (), exists=False)
    data, problem = read_bytes(path, MAX_LEDGER_BYTES)
    kept = committed(path, data) if problem is None else data
    text, problem = decode(kept, str(path), torn_tail=True) if problem is None else ("", problem)
    if problem is not None:
        return LedgerFile(path, (), (problem,))
    ledger = parse_ledger(text, str(path))
    if len(kept) == len(data):
        return ledger
    line = text.count("\n") + 1
    size = len(data) - len(kept)
    cut = Problem("ledger.interrupted", {"size": size}, str(path), line, 1, "warning")
    return replace(ledger, problems=(*ledger.problems, cut))


def line_of(path: Path, entry_id: str) -> Entry | None:
    """The entry *entry_id* as its line in the ledger at *path* reads (None: not found).

    A byte search for the one line, then a parse of it: the ledger index keeps no notes,
    and ``log`` needs the last entry's note to tell a repeated entry, at any size.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    key = entry_id.encode("ascii", "replace")
    start = data.rfind(b"\n" + key + b",") + 1  # searched from the end, where it mostly is
    if not start:
        found = re.search(rb'^"' + re.escape(key) + rb'",', data, re.MULTILINE)  # quoted
        if found is None:
            return None
        start = found.start()
    end = data.find(b"\n", start)
    line = data[start : end if end >= 0 else len(data)].decode("utf-8", "replace")
    entries, _ = _parse_rows(line.rstrip("\r") + "\n", str(path), header=False)
    return entries[0] if entries else None


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
            "" if math.isnan(entry.amount) else format_amount(entry.amount),
            entry.unit,
            entry.note,
            entry.by,
            entry.recorded_at,
            entry.corrects,
        )
    )
    return buffer.getvalue()


GIT_ATTRIBUTES_LINE = "*.ledger.csv merge=union"
GIT_IGNORE_LINE = ".*.ledger.csv.lock"
GIT_JOURNAL_LINE = ".*.ledger.csv.pending"
_GIT_FILE_LIMIT = 1024 * 1024  # a .gitignore larger than this is left alone


def _git_root(folder: Path) -> Path | None:
    """The work tree *folder* lies in (the nearest folder holding ``.git``), if any."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _declared(folder: Path, root: Path, filename: str, pattern: str, word: str) -> bool:
    """True when a *filename* from *folder* up to *root* has a line for *pattern* with *word*."""
    for candidate in (folder, *folder.parents):
        data = read_regular(candidate / filename, _GIT_FILE_LIMIT, follow=True) or b""
        for line in data.decode("utf-8", "replace").splitlines():
            fields = line.split()
            glob = fields[0].lstrip("/").rsplit("/", 1)[-1] if fields else ""
            if glob and fnmatch.fnmatch(pattern, glob) and (not word or word in fields[1:]):
                return True
        if candidate == root:
            break
    return False


def _prepare_git(path: Path, *, created: bool) -> None:
    """In a git work tree, keep the lock and journal out of git; merge a new ledger as a union.

    Two clerks who log on two clones both append at the end of the ledger; git's
    ``merge=union`` keeps both sides' lines instead of reporting a conflict: that line is
    added when a ledger is *created*. The ``.gitignore`` lines are ensured on
    every append, since ledgers are also made by hand or by ``new``. Each line is added
    beside the ledger, only when no such file up to the repository root declares it.
    """
    folder = path.resolve().parent
    root = _git_root(folder)
    if root is None:
        return
    wanted = [
        (".gitignore", lock_path(path).name, "", GIT_IGNORE_LINE),
        (".gitignore", journal_path(path).name, "", GIT_JOURNAL_LINE),
    ]
    if created:
        wanted.insert(0, (".gitattributes", path.name, "merge=union", GIT_ATTRIBUTES_LINE))
    for filename, name, word, line in wanted:
        if not _declared(folder, root, filename, name, word):
            _add_line(folder / filename, line)


def _add_line(target: Path, line: str) -> None:
    """Append *line* to the user's file *target* (created if missing), in its line endings.

    One ``write()`` at the end of a regular file, never through a link; the file is never
    rewritten. A convenience only: any failure leaves the file as it was.
    """
    try:
        fd = (
            os.open(target, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_EXCL | NO_FOLLOW, 0o666)
            if not os.path.lexists(target)
            else regular_descriptor(target, os.O_RDWR | os.O_APPEND)
        )
        if fd is None:
            return  # a link, a folder, a FIFO: not ours to write
        with open(fd, "rb+", buffering=0) as handle:
            data = read_upto(handle, _GIT_FILE_LIMIT)
            if len(data) > _GIT_FILE_LIMIT or line.encode() in data.splitlines():
                return  # too large to be a .gitignore, or another process just added it
            end = data.find(b"\n")
            newline = b"\r\n" if end > 0 and data[end - 1 : end] == b"\r" else b"\n"
            joiner = newline if data and not data.endswith(b"\n") else b""
            handle.write(joiner + line.encode() + newline)
    except OSError:
        pass  # the ledger is written whether or not git is set up


def _conventions(data: bytes) -> tuple[str, str]:
    """What an append must write before its lines, and the line ending to use.

    The line ending is the first line's (a ledger saved on Windows keeps CRLF); an
    empty file gets the header first; a last line without a line ending (torn by a
    crash) gets one, so the new entry never glues onto it.
    """
    end = data.find(b"\n")
    if end >= 0:
        newline = "\r\n" if data[end - 1 : end] == b"\r" else "\n"
    else:
        newline = "\r\n" if b"\r" in data else "\n"
    if data in (b"", BOM.encode()):
        return ("" if data else BOM) + HEADER_LINE + newline, newline
    if not data.endswith(b"\n"):
        return ("\n" if data.endswith(b"\r") else newline), newline
    return "", newline


def lock_timeout() -> float:
    """How long ``log`` waits for another clerk's append: ``$YWPLAN_LOCK_TIMEOUT`` or 15 s."""
    value = os.environ.get("YWPLAN_LOCK_TIMEOUT", "").strip()
    if not value:
        return LOCK_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 3600:
        raise YwplanError("lock.bad_timeout", value=value[:20])
    return seconds


def _check_encoding(path: Path, data: bytes) -> None:
    """Refuse to append UTF-8 lines to a file in another encoding (GBK from Excel/WPS)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if data.find(b"\n", exc.start) < 0:
            return  # only the torn last line is cut inside a character
        key = encoding_problem(data)
        line = data.count(b"\n", 0, exc.start) + 1
        problem = Problem(key, {}, str(path), line, 1)
        raise YwplanError(
            "lock.not_utf8", path=str(path), problems=(problem,), encoding=key
        ) from None


def append_entries(
    path: Path,
    entries: Sequence[Entry],
    timeout: float | None = None,
    *,
    recheck: Callable[[bytes], None] | None = None,
    vouched: Callable[[int], int] | None = None,
) -> None:
    """Append *entries* to the ledger at *path*, creating it if needed.

    Under the ledger's lock, the file is opened once (a regular file, never through a
    link), read and checked (its header, UTF-8, its line ending, its last line), then
    all lines go out in one ``write()`` on that descriptor, opened for appending, and are
    synced to disk before the lock is released. The journal written first (see the
    module's docstring) makes the batch all-or-nothing for every reader even when the
    process is killed in the middle of the write, and this append removes what such
    a killed one left; a write that fails (a full disk) is cut back to the length the
    file had, and nothing is recorded.

    *recheck*, if given, is called with the ledger's bytes as they are now, under the
    lock, and may raise to refuse: ``undo`` uses it so that two clerks reversing the same
    entry at the same moment cannot both succeed.

    *vouched*, if given (and *recheck* is not), says how many leading bytes of the
    ledger open on a descriptor the caller has already read and found clean (a valid
    ledger index does, see ``store.index``): only the bytes after them are read and
    checked, so the time under the lock does not grow with the ledger.
    """
    from filelock import FileLock, Timeout

    wait = lock_timeout() if timeout is None else timeout
    try:
        with FileLock(str(lock_path(path)), timeout=wait):
            created = not os.path.lexists(path)  # a link to nothing is not "no ledger"
            if created:  # atomically (temporary file, fsync, rename): never half a header
                write_atomically(path, BOM + HEADER_LINE + "\n")
            fd = _open_ledger(path)
            try:
                start, data = _unseen(fd, path, vouched if recheck is None else None)
                if recheck is not None:
                    recheck(data)
                prefix, newline = _conventions(_first_line(fd) + data if start else data)
                payload = prefix + "".join(format_entry(e, newline) for e in entries)
                _append(fd, path, start + len(data), payload.encode("utf-8"))
            finally:
                os.close(fd)
            _prepare_git(path, created=created)
    except Timeout:
        raise YwplanError("ledger.locked", path=str(path), seconds=f"{wait:g}") from None
    except NotRegularFileError:  # a named pipe would block the append forever
        problem = Problem("file.not_regular", {}, str(path))
        raise YwplanError("ledger.invalid", path=str(path), count=1, problems=(problem,)) from None
    except OSError as exc:
        raise YwplanError(
            "ledger.write_failed", path=str(path), reason=exc.strerror or str(exc)
        ) from None


def _open_ledger(path: Path) -> int:
    """The ledger, opened to be read and appended to; refused if it is a link or not a file."""
    try:
        fd = regular_descriptor(path, os.O_RDWR | os.O_APPEND)
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise
        fd = None  # replaced by a link since lstat: O_NOFOLLOW refused it
    if fd is None:
        key = "ledger.symlink" if path.is_symlink() else "ledger.not_regular"
        raise YwplanError(key, path=str(path))
    return fd


def _unseen(fd: int, path: Path, vouched: Callable[[int], int] | None) -> tuple[int, bytes]:
    """Where the bytes to check start, and those bytes, once the remains of a killed
    append are cut off: from what *vouched* says the caller has read and found clean,
    else from the start. In any doubt about those bytes the whole file is read, so that
    a refusal names the line as it always does."""
    start = vouched(fd) if vouched is not None else 0
    if start:
        try:
            data = _read_ledger_bytes(fd, path, start)
        except YwplanError:
            data = None  # read whole, to say exactly what is wrong
        if data is not None and committed_size(path, start + len(data)) >= start:
            return start, _recover(fd, path, data, start)
    return 0, _recover(fd, path, _read_ledger_bytes(fd, path))


def _first_line(fd: int) -> bytes:
    """The ledger's first line (with its line ending), as its conventions need it."""
    with open(fd, "rb", closefd=False) as handle:
        handle.seek(0)
        first = handle.read(4096)
    return first[: first.find(b"\n") + 1] or first


def _read_ledger_bytes(fd: int, path: Path, start: int = 0) -> bytes:
    """The ledger's bytes from *start*, refused when too large, not UTF-8 or (read from
    the start) not headed as a ledger."""
    size = os.fstat(fd).st_size
    if size > MAX_LEDGER_BYTES:
        raise YwplanError("lock.too_large", path=str(path), size=size, limit=MAX_LEDGER_BYTES)
    with open(fd, "rb", closefd=False) as handle:
        handle.seek(start)
        data = read_upto(handle, MAX_LEDGER_BYTES)
    if not start:
        _check_header(path, data)
    _check_encoding(path, data)
    return data


def _check_header(path: Path, data: bytes) -> None:
    """Refuse to append to a file whose first line is not the ledger header.

    An empty file or a lone BOM is a ledger yet to be headed (the header is written
    first); the header may be quoted field by field, as Excel writes it.
    """
    end = data.find(b"\n")
    if data in (b"", BOM.encode()) or _is_header(data if end < 0 else data[:end]):
        return
    problem = Problem("ledger.header", {"expected": HEADER_LINE}, str(path), 1, 1)
    raise YwplanError(
        "ledger.not_a_ledger", path=str(path), expected=HEADER_LINE, problems=(problem,)
    )


def _is_header(first: bytes) -> bool:
    """True when the first line of a ledger's bytes is the header (BOM and quotes allowed)."""
    first = first.removeprefix(BOM.encode()).removesuffix(b"\r")
    if first == HEADER_LINE.encode():
        return True
    if len(first) > 4 * len(HEADER_LINE):
        return False  # no quoting makes the header this long
    try:
        return tuple(next(csv.reader([first.decode("utf-8", "replace")]), ())) == COLUMNS
    except csv.Error:
        return False


_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _recover(fd: int, path: Path, data: bytes, start: int = 0) -> bytes:
    """The ledger's bytes (*data*, from *start*) once the remains of an append that was
    killed are cut off.

    Called under the lock, so no other append is under way: a journal left behind is
    a killed writer's, and the bytes past its starting length are a partial batch
    (unless the whole batch got there, which is then kept).
    """
    kept = committed_size(path, start + len(data))
    if kept < start + len(data):
        os.ftruncate(fd, kept)
        os.fsync(fd)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(journal_path(path))
    return data[: kept - start]


def _begin(fd: int, path: Path, before: int, after: int) -> None:
    """Write the journal of an append from *before* to *after* bytes, synced to disk."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | NO_FOLLOW | getattr(os, "O_BINARY", 0)
    inode = os.fstat(fd).st_ino
    journal = os.open(journal_path(path), flags, 0o644)
    try:
        os.write(journal, b"ywplan-append %d %d %d\n" % (before, after, inode))
        os.fsync(journal)
    finally:
        os.close(journal)


def _append(fd: int, path: Path, size: int, data: bytes) -> None:
    """Write *data* at the end of the ledger open on *fd* (``O_APPEND``), of *size* bytes
    so far, then ``fsync``, with the journal around it.

    If a write or the sync fails, the file is cut back to the length it had, so that
    no part of a line stays behind to be glued to the next clerk's entry.
    """
    view = memoryview(data)
    try:
        _begin(fd, path, size, size + len(data))
        written = os.write(fd, view)
        while written < len(data):  # a short write: only on a full disk or a signal
            more = os.write(fd, view[written:])
            if more <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            written += more
        os.fsync(fd)
    except OSError as exc:
        _take_back(fd, path, size, exc)
    os.unlink(journal_path(path))


def _take_back(fd: int, path: Path, size: int, exc: OSError) -> NoReturn:
    """Cut the ledger back to *size* bytes after *exc*, and say that nothing was recorded."""
    reason = exc.strerror or str(exc)
    try:
        os.ftruncate(fd, size)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(journal_path(path))
    except OSError:
        raise YwplanError("ledger.write_torn", path=str(path), reason=reason) from None
    key = "ledger.disk_full" if exc.errno in _DISK_FULL else "ledger.write_failed"
    raise YwplanError(key, path=str(path), reason=reason) from None


def reverses(data: bytes, entry_id: str) -> bool:
    """True when a line of ledger bytes *data* reverses *entry_id* (its last column names it).

    A byte search, not a parse, so that ``undo`` can re-check under the lock at any size.
    """
    pattern = rb',"?' + re.escape(entry_id.encode("ascii", "replace")) + rb'"?\r?$'
    return re.search(pattern, data, re.MULTILINE) is not None


def rows_marking(data: bytes, item: int, target: str) -> int:
    """How many lines of ledger bytes *data* mark *item*'s *target* done with no amount
    (SPEC §6), or reverse such a line. A byte search, not a parse, so that ``done`` can
    re-check under the lock at any size."""
    field = rb'"?[^,\n]*"?,'
    pattern = (
        rb"^"
        + field * 2
        + rb'"?'
        + str(item).encode()
        + rb'"?,"?'
        + re.escape(target.encode("ascii", "replace"))
        + rb'"?,(?:""|),'
    )
    return len(re.findall(pattern, data, re.MULTILINE))
