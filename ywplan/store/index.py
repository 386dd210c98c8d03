"""A cache that lets ``log``, ``undo`` and ``status`` answer at province scale without
re-reading every row.

Each needs the whole ledger (``log`` prints the target's updated line and warns when
the ledger has errors), which is 150,000 rows in a province; parsing them on every run
would cost a second. This module keeps, per ledger, the data they need and nothing
else: for every target its entries' dates, amounts, sub-units and ids (columns of
machine numbers), the reversing lines, and whole the rows without an amount (progress
notes, milestones and items done, SPEC §6: few, and shown with their text). It has
no rule or count of its own:
:meth:`LedgerIndex.columns` hands the core the same :class:`LedgerColumns` a ledger
read whole gives, the error count runs the core's entry rules over the columns, and
whether appended lines keep the ledger clean is asked of the core's reversal rule.
The next run parses only the bytes appended since and extends the index.

Never trusted over the file: every use reads the ledger's bytes and checks that the
part the index describes is byte for byte what it was built from (its length and a
SHA-256 of those bytes); only what follows is parsed. An index exists only for a ledger
part that reads cleanly: no malformed row, no repeated id, every reversing line names
an earlier entry that it exactly reverses, every line ended. Anything else (a torn
line, an edited file, a new kind of check, an unreadable cache file) makes
:func:`open_index` return None, and the caller reads the whole ledger as always.

Never trusted over what it can prove, either: a cache file is read only when it is a
regular file (not a link, a FIFO or a device) no larger than the ledger could need;
it is sealed with an HMAC under a random per-user key kept outside the cache folder
(:func:`user_key`), so a file someone else wrote is never unpacked; and what it holds
is checked for type and range before use. Without a usable key there is no cache.

Where: ``$YWPLAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/ywplan``, else ``~/.cache/ywplan``;
one file per ledger, named by a hash of its absolute path, replaced atomically (several
clerks at once simply race to write equally valid files). ``YWPLAN_CACHE=off`` turns it
off.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import marshal
import math
import os
import secrets
import tempfile
from array import array
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ywplan.core.model import Entry, Plan, amount_empty
from ywplan.core.progress import LedgerColumns, Tally, tally
from ywplan.store.ledger import MAX_LEDGER_BYTES, _parse_rows, committed, parse_ledger
from ywplan.store.textfile import read_regular, regular_descriptor

VERSION = 3
MAGIC = b"ywplanix3"  # then the HMAC-SHA256 of the payload, then the marshalled payload
_HEAD = len(MAGIC) + hashlib.sha256().digest_size
KEY_BYTES = 32
_Key = tuple[int, str]
_LAST_DAY = dt.date.max.toordinal()
_MAX_ITEM = 99_999  # at most 5 digits
_REVERSAL_TYPES = (str, int, int, str, str, str)
# a row without an amount: (id, date ordinal, item, target, unit, note, by, recorded_at, corrects)
_ROW_TYPES = (str, int, int, str, str, str, str, str, str)
_Row = tuple[str, int, int, str, str, str, str, str, str]


def cache_dir() -> Path | None:
    """Where index files live, or None when the cache is turned off."""
    if os.environ.get("YWPLAN_CACHE", "").strip().lower() in ("0", "off", "no", "false"):
        return None
    given = os.environ.get("YWPLAN_CACHE_DIR")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError, OSError):  # no home folder: no cache
            return None
    return Path(base) / "ywplan"


def key_dir() -> Path | None:
    """Where the key that seals index files lives: the user's config folder, not the cache.

    ``$YWPLAN_KEY_DIR``, else ``%APPDATA%\\ywplan`` on Windows, else
    ``$XDG_CONFIG_HOME/ywplan``, else ``~/.config/ywplan``; None without a home folder.
    """
    given = os.environ.get("YWPLAN_KEY_DIR")
    if given:
        return Path(given)
    base = os.environ.get("APPDATA" if os.name == "nt" else "XDG_CONFIG_HOME")
    if not base:
        try:
            base = str(Path.home() / ".config")
        except (RuntimeError, KeyError, OSError):
            return None
    return Path(base) / "ywplan"


def user_key() -> bytes | None:
    """The user's secret for sealing index files, made on first use; None if in any doubt.

    The key is a regular file of :data:`KEY_BYTES` random bytes, owned by the user and
    readable by nobody else (on POSIX). One that is a link, has another size or mode,
    or cannot be made, is not used, and is never replaced: the cache is just not used.
    """
    folder = key_dir()
    if folder is None:
        return None
    path = folder / "key"
    try:
        if not os.path.lexists(path):
            _make_key(path)
        fd = regular_descriptor(path, os.O_RDONLY)
    except OSError:
        return None
    if fd is None:
        return None
    with open(fd, "rb") as handle:
        found = os.fstat(handle.fileno())
        key = handle.read(KEY_BYTES + 1)
    private = os.name != "posix" or (found.st_uid == os.getuid() and not found.st_mode & 0o077)
    return key if len(key) == KEY_BYTES and private else None


def _make_key(path: Path) -> None:
    """Create the key file atomically, readable by its owner only; a key made meanwhile wins."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".key-", suffix=".tmp")  # 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(KEY_BYTES))
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, path)  # never replaces a key another process just made
        except FileExistsError:
            pass
        except OSError:  # no hard links on this file system
            if not os.path.lexists(path):
                os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _sealed(payload: bytes, key: bytes) -> bytes:
    """*payload* as an index file: the magic, its HMAC under *key*, then itself."""
    return MAGIC + hmac.digest(key, payload, "sha256") + payload


def _unsealed(blob: bytes, key: bytes) -> bytes | None:
    """The payload of an index file sealed under *key*, or None."""
    head, seal, payload = blob[: len(MAGIC)], blob[len(MAGIC) : _HEAD], blob[_HEAD:]
    if head != MAGIC or not hmac.compare_digest(seal, hmac.digest(key, payload, "sha256")):
        return None
    return payload


class _Group:
    """The non-reversing entries of one target, in file order, as columns."""

    def __init__(self, joined: str = "") -> None:
        self.days: array[int] = array("I")  # date ordinals
        self.amounts: array[float] = array("d")
        self.units: array[int] = array("I")  # codes of up to 4 billion sub-units
        self._joined = joined  # the ids, one per line, as stored
        self._ids: list[str] | None = None if joined else []

    @property
    def ids(self) -> list[str]:
        if self._ids is None:
            self._ids = self._joined.split("\n")
        return self._ids

    @property
    def joined(self) -> str:
        if self._ids is not None:
            self._joined = "\n".join(self._ids)
        return self._joined

    def find(self, entry_id: str) -> int:
        """The position of *entry_id* among the ids, or -1 (a string search, no split)."""
        if self._ids is not None:
            try:
                return self._ids.index(entry_id)
            except ValueError:
                return -1
        fenced = f"\n{self._joined}\n"
        at = fenced.find(f"\n{entry_id}\n")
        return -1 if at < 0 else fenced.count("\n", 0, at)

    def __len__(self) -> int:
        return len(self.days)


@dataclass
class LedgerIndex:
    """What ``log`` needs of a clean ledger: per-target columns and the reversing lines."""

    groups: dict[_Key, _Group] = field(default_factory=dict)
    unit_names: list[str] = field(default_factory=list)
    # each reversing line: (id, date ordinal, item, target, unit, corrects)
    reversals: list[tuple[str, int, int, str, str, str]] = field(default_factory=list)
    rows: list[_Row] = field(default_factory=list)  # SPEC §6 rows and their reversing lines
    lines: int = 1
    _unit_codes: dict[str, int] = field(default_factory=dict)

    def _code(self, unit: str) -> int:
        code = self._unit_codes.get(unit)
        if code is None:
            code = self._unit_codes[unit] = len(self.unit_names)
            self.unit_names.append(unit)
        return code

    def gone(self) -> set[str]:
        """Ids that a reversing line takes back."""
        return {r[5] for r in self.reversals} | {r[8] for r in self.rows if r[8]}

    def row_entries(self) -> list[Entry]:
        """The rows without an amount (SPEC §6) and their reversing lines, in file order."""
        fromordinal = dt.date.fromordinal
        return [
            Entry(i, fromordinal(d), n, target, math.nan, unit, note, by, stamp, corrects)
            for i, d, n, target, unit, note, by, stamp, corrects in self.rows
        ]

    def _add_row(self, e: Entry, gone: set[str], checked: bool) -> bool:
        """Keep a row without an amount whole; False when it repeats an id or reverses wrongly."""
        from ywplan.core.rules import reversal_problem

        if not checked and e.corrects:
            original = next((r for r in self.row_entries() if r.id == e.corrects), None)
            if original is None or reversal_problem(original, e, gone) is not None:
                return False
        if e.corrects:
            gone.add(e.corrects)
        self.rows.append(
            (
                e.id,
                e.date.toordinal(),
                e.item,
                e.target,
                e.unit,
                e.note,
                e.by,
                e.recorded_at,
                e.corrects,
            )
        )
        return True

    def _locate(self, entry_id: str) -> tuple[_Key, int] | None:
        for key, group in self.groups.items():
            at = group.find(entry_id)
            if at >= 0:
                return key, at
        return None

    def add(self, entries: list[Entry], *, checked: bool = False) -> bool:
        """Extend by *entries* (whole rows after the indexed ones); False if one is unclean.

        With *checked*, the caller has already found the rows clean (no id repeated, every
        reversal right), as ``check``'s own rules do for a whole ledger.
        """
        from ywplan.core.rules import by_problem, reversal_problem

        if any(by_problem(by) for by in {e.by for e in entries}):
            return False  # the index keeps no ``by``: it holds no entry that rule refuses
        gone = self.gone()
        reversal_ids = {r[0] for r in self.reversals} | {r[0] for r in self.rows}
        for e in entries:
            if not checked and (e.id in reversal_ids or self._locate(e.id) is not None):
                return False  # a repeated id
            if amount_empty(e.amount):
                if not self._add_row(e, gone, checked):
                    return False
                reversal_ids.add(e.id)
                continue
            if e.corrects:
                if not checked:
                    found = self._locate(e.corrects)
                    if found is None:
                        return False  # unknown, or names a reversing line
                    (item, target), n = found
                    group = self.groups[(item, target)]
                    original = Entry(
                        e.corrects,
                        dt.date.fromordinal(group.days[n]),
                        item,
                        target,
                        group.amounts[n],
                        self.unit_names[group.units[n]],
                        "",
                        "",
                        "",
                        "",
                    )
                    if reversal_problem(original, e, gone) is not None:
                        return False
                gone.add(e.corrects)
                reversal_ids.add(e.id)
                self.reversals.append(
                    (e.id, e.date.toordinal(), e.item, e.target, e.unit, e.corrects)
                )
                continue
            key = (e.item, e.target)
            target_group = self.groups.get(key)
            if target_group is None:
                target_group = self.groups[key] = _Group()
            group = target_group
            group.days.append(e.date.toordinal())
            group.amounts.append(e.amount)
            group.units.append(self._code(e.unit))
            group.ids.append(e.id)
        return True

    def error_count(self, plan: Plan, today: dt.date) -> int:
        """How many errors ``check`` reports for the ledger.

        The index holds only ledgers without malformed rows, repeated ids or wrong
        reversals, so only the entry rules can find anything; they judge the stored
        columns (:func:`~ywplan.core.rules.count_entry_problems`).
        """
        from ywplan.core.rules import CLOCK_SLACK, count_entry_problems, each_entry

        groups: list[tuple[_Key, dict[str, Any]]] = [
            (key, {"date": g.days, "unit": g.units, "amount": g.amounts})
            for key, g in self.groups.items()
        ]
        lines: dict[_Key, dict[str, list[Any]]] = {}
        for _, day, number, target_id, unit, _ in self.reversals:
            found = lines.setdefault((number, target_id), {"date": [], "unit": [], "amount": []})
            found["date"].append(day)
            found["unit"].append(self._code(unit))
            found["amount"].append(None)  # a reversing line has no amount rule
        groups.extend(lines.items())
        decode: dict[str, Callable[[Any], Hashable]] = {
            "date": dt.date.fromordinal,
            "unit": self.unit_names.__getitem__,
        }
        rows = each_entry(plan, self.row_entries(), today)  # whole rows: judged as read
        return count_entry_problems(plan, today + CLOCK_SLACK, groups, decode) + len(rows)

    def columns(self) -> LedgerColumns:
        """The indexed entries as the core counts them: per-target columns, ids taken back."""
        return LedgerColumns(self.groups, self.gone(), self._unit_codes.get)

    def tallies(self, as_of: dt.date, unit: str | None) -> dict[_Key, Tally]:
        """Each target's counted entries at *as_of*: :func:`~ywplan.core.progress.tally`."""
        return tally(self.columns(), as_of, unit)

    def entries_of(self, item: int, target: str) -> list[Entry]:
        """The target's entries that still count (not taken back), in file order.

        Only the fields :func:`ywplan.core.progress.compute` reads are filled in.
        """
        group = self.groups.get((item, target))
        if group is None:
            return []
        gone = self.gone()
        names = self.unit_names
        fromordinal = dt.date.fromordinal
        return [
            Entry(i, fromordinal(d), item, target, a, names[u], "", "", "", "")
            for i, d, a, u in zip(group.ids, group.days, group.amounts, group.units, strict=True)
            if i not in gone
        ]

    def matching(self, prefix: str) -> list[Entry]:
        """Every line whose id starts with *prefix*, reversing lines included (for ``undo``).

        Only the fields ``undo`` reads are filled in: id, date, item, target, amount, unit
        and, on a reversing line, what it corrects.
        """
        names = self.unit_names
        fromordinal = dt.date.fromordinal
        found = [
            Entry(i, fromordinal(d), item, target, a, names[u], "", "", "", "")
            for (item, target), group in self.groups.items()
            if prefix in group.joined
            for i, d, a, u in zip(group.ids, group.days, group.amounts, group.units, strict=True)
            if i.startswith(prefix)
        ]
        for rid, day, item, target, unit, corrects in self.reversals:
            if rid.startswith(prefix):
                place = self._locate(corrects)
                amount = -self.groups[place[0]].amounts[place[1]] if place else 0.0
                found.append(
                    Entry(rid, fromordinal(day), item, target, amount, unit, "", "", "", corrects)
                )
        found.extend(e for e in self.row_entries() if e.id.startswith(prefix))
        return found

    # --- on disk ---------------------------------------------------------------------

    def dump(self, path: str, size: int, digest: bytes, key: bytes) -> bytes:
        """The index as a cache file sealed under *key*.

        It describes the ledger at *path* as it was: *size* bytes whose SHA-256 is *digest*.
        """
        groups = {
            key: (g.days.tobytes(), g.amounts.tobytes(), g.units.tobytes(), g.joined)
            for key, g in self.groups.items()
        }
        record = (
            VERSION,
            path,
            size,
            digest,
            self.lines,
            self.unit_names,
            self.reversals,
            groups,
            self.rows,
        )
        return _sealed(marshal.dumps(record), key)

    @classmethod
    def load(cls, blob: bytes, path: str, key: bytes) -> tuple[LedgerIndex, int, bytes] | None:
        """The index a cache file holds, with the ledger size and digest it describes; or None.

        Only a file sealed under *key* is unmarshalled, and only values of the types and
        ranges :meth:`dump` writes are kept: anything else is a cache in doubt.
        """
        payload = _unsealed(blob, key)
        if payload is None:
            return None  # damaged, foreign or forged: never unmarshalled
        record: Any = marshal.loads(payload)
        if not (isinstance(record, tuple) and len(record) == 9):
            return None
        version, where, size, digest, lines, unit_names, reversals, groups, rows = record
        if version != VERSION or where != path or not _sizes_ok(size, digest, lines):
            return None
        if not (_names_ok(unit_names) and _reversals_ok(reversals) and type(groups) is dict):
            return None
        if not _rows_ok(rows):
            return None
        index = cls(unit_names=unit_names, reversals=reversals, rows=rows, lines=lines)
        index._unit_codes = {name: n for n, name in enumerate(unit_names)}
        for target, columns in groups.items():
            group = _restored(target, columns, len(unit_names))
            if group is None:
                return None
            index.groups[target] = group
        if 1 + sum(map(len, index.groups.values())) + len(reversals) + len(rows) > lines:
            return None  # more entries than the ledger has lines
        return index, size, digest


def _sizes_ok(size: object, digest: object, lines: object) -> bool:
    """The ledger's size, digest and line count, as :meth:`LedgerIndex.dump` writes them."""
    return (
        type(size) is int
        and type(lines) is int
        and 1 <= lines <= size <= MAX_LEDGER_BYTES
        and type(digest) is bytes
        and len(digest) == hashlib.sha256().digest_size
    )


def _names_ok(names: object) -> bool:
    """A list of distinct sub-unit names (their position is their code)."""
    return (
        type(names) is list
        and all(type(name) is str for name in names)
        and len(set(names)) == len(names)
    )


def _reversals_ok(reversals: object) -> bool:
    """A list of (id, date ordinal, item, target, unit, corrects) of the right types and ranges."""
    return type(reversals) is list and all(
        type(r) is tuple
        and tuple(map(type, r)) == _REVERSAL_TYPES
        and 1 <= r[1] <= _LAST_DAY
        and 0 <= r[2] <= _MAX_ITEM
        for r in reversals
    )


def _rows_ok(rows: object) -> bool:
    """A list of whole rows without an amount, of the types and ranges :meth:`dump` writes."""
    return type(rows) is list and all(
        type(r) is tuple
        and tuple(map(type, r)) == _ROW_TYPES
        and 1 <= r[1] <= _LAST_DAY
        and 0 <= r[2] <= _MAX_ITEM
        for r in rows
    )


def _restored(target: object, columns: object, units: int) -> _Group | None:
    """A target's stored columns as a :class:`_Group`, or None when any is out of shape."""
    if not (
        type(target) is tuple
        and len(target) == 2
        and type(target[0]) is int
        and 0 <= target[0] <= _MAX_ITEM
        and type(target[1]) is str
        and type(columns) is tuple
        and tuple(map(type, columns)) == (bytes, bytes, bytes, str)
    ):
        return None
    days, amounts, codes, ids = columns
    group = _Group(ids)
    try:
        group.days.frombytes(days)
        group.amounts.frombytes(amounts)
        group.units.frombytes(codes)
    except ValueError:  # not a whole number of items
        return None
    count = ids.count("\n") + 1 if ids else 0
    if not len(group.days) == len(group.amounts) == len(group.units) == count:
        return None
    return group if not count or _in_range(group, units) else None


def _in_range(group: _Group, units: int) -> bool:
    """Day ordinals a date has, unit codes that name a sub-unit, amounts that are numbers.

    Each check is one C-level pass (columns of 150,000 entries are checked on every run).
    """
    days = group.days.tobytes()
    return (
        max(group.days) <= _LAST_DAY  # unsigned: no negative day either
        # every day fits in 3 bytes, so 4 zero bytes in a row are a day 0, or a day before
        # the year 180 beside it: either way, not a cache to trust
        and bytes(4) not in days
        and max(group.units) < units
        and math.isfinite(sum(group.amounts))  # no NaN, no infinity
    )


def _cache_file(folder: Path, ledger: Path) -> Path:
    name = hashlib.sha256(str(ledger).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return folder / f"{name}.ledger-index"


def _rules_known() -> bool:
    """The index holds what these ledger rules need; a ledger rule added later disables it."""
    from ywplan.core import rules

    return (rules.each_entry, rules.unique_ids, rules.reversals) == rules.LEDGER_RULES


def _clean(text: str) -> bool:
    """Whole lines only, each ended by LF or CRLF (so csv counts lines as ``\\n`` does)."""
    return text.endswith("\n") and text.count("\r") == text.count("\r\n")


def _build(data: bytes, name: str) -> LedgerIndex | None:
    """Index a whole ledger, or None when it does not read cleanly."""
    from ywplan.core.rules import reversals, unique_ids

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if not _clean(text):
        return None
    ledger = parse_ledger(text, name)
    if ledger.problems:
        return None
    if unique_ids(None, ledger.entries, dt.date.min) or reversals(
        None, ledger.entries, dt.date.min
    ):
        return None
    index = LedgerIndex(lines=text.count("\n"))
    plain = [e for e in ledger.entries if not e.corrects]
    later = [e for e in ledger.entries if e.corrects]
    return index if index.add(plain + later, checked=True) else None


def open_index(ledger: Path) -> LedgerIndex | None:
    """The index of the ledger at *ledger* as it is now, or None (read the ledger instead)."""
    folder = cache_dir()
    if folder is None or not _rules_known():
        return None
    key = user_key()
    data = read_regular(ledger, MAX_LEDGER_BYTES, follow=True)
    if key is None or data is None:
        return None
    data = committed(ledger, data)  # not a batch being appended, or left by a killed writer
    name = str(ledger)
    where = str(ledger.resolve())
    store = _cache_file(folder, ledger.resolve())
    index: LedgerIndex | None = None
    hasher = hashlib.sha256()
    view = memoryview(data)
    blob = read_regular(store, 4 * len(data) + 65536)  # far more than an index of data needs
    try:
        loaded = None if blob is None else LedgerIndex.load(blob, where, key)
    except (ValueError, EOFError, TypeError):  # unmarshalling a payload of another build
        loaded = None
    if loaded is not None:
        index, size, digest = loaded
        if size <= len(data):
            hasher.update(view[:size])
        if size > len(data) or hasher.digest() != digest:
            index = None  # the file is not what was indexed: edited, replaced, truncated
        elif size == len(data):
            return index
        else:
            index = _extend(index, data[size:], name)
            hasher.update(view[size:])
    if index is None:
        index = _build(data, name)
        if index is None:
            return None
        hasher = hashlib.sha256(view)
    _save(store, index.dump(where, len(data), hasher.digest(), key))
    return index


def _extend(index: LedgerIndex, chunk: bytes, name: str) -> LedgerIndex | None:
    """The index extended by *chunk*, whole rows appended after it; None if unclean."""
    try:
        text = chunk.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not _clean(text):
        return None
    entries, problems = _parse_rows(text, name, header=False, before=index.lines)
    if problems or not index.add(entries):
        return None
    index.lines += text.count("\n")
    return index


def _save(store: Path, blob: bytes) -> None:
    """Replace the index file atomically; a cache that cannot be written is just skipped.

    A new temporary file is renamed over *store*: whatever was there (a link, a FIFO)
    is replaced, never written through.
    """
    try:
        store.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=store.parent, prefix=".tmp-", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(blob)
            os.replace(temporary, store)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass
