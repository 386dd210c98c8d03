"""A cache that lets ``log``, ``undo`` and ``status`` answer at province scale without
re-reading every row.

Each needs the whole ledger (``log`` prints the target's updated line and warns when
the ledger has errors), which is 150,000 rows in a province; parsing them on every run
would cost a second. This module keeps, per ledger, the data they need and nothing
else: for every target its entries' dates, amounts, sub-units and ids (columns of
machine numbers), and the reversing lines. It has no rule or count of its own:
:meth:`LedgerIndex.columns` hands the core the same :class:`LedgerColumns` a ledger
read whole gives, the error count runs the core's entry rules over the columns, and
whether appended lines keep the ledger clean is asked of the core's reversal rule.
The next run parses only the bytes appended since and extends the index.

Never trusted over the file: every use reads the ledger's bytes and checks that the
part the index describes is byte for byte what it was built from (its length and a
SHA-1 of those bytes); only what follows is parsed. An index exists only for a ledger
part that reads cleanly: no malformed row, no repeated id, every reversing line names
an earlier entry that it exactly reverses, every line ended. Anything else (a torn
line, an edited file, a new kind of check, an unreadable cache file) makes
:func:`open_index` return None, and the caller reads the whole ledger as always.

Where: ``$YWPLAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/ywplan``, else ``~/.cache/ywplan``;
one file per ledger, named by a hash of its absolute path, replaced atomically (several
clerks at once simply race to write equally valid files). ``YWPLAN_CACHE=off`` turns it
off.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import os
import tempfile
from array import array
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ywplan.core.model import Entry, Plan
from ywplan.core.progress import LedgerColumns, Tally, tally
from ywplan.store.ledger import MAX_LEDGER_BYTES, _parse_rows, parse_ledger

VERSION = 1
MAGIC = b"ywplanix"  # then the SHA-1 of the payload, then the marshalled payload
_HEAD = len(MAGIC) + 20
_Key = tuple[int, str]


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


class _Group:
    """The non-reversing entries of one target, in file order, as columns."""

    def __init__(self, joined: str = "") -> None:
        self.days: array[int] = array("i")
        self.amounts: array[float] = array("d")
        self.units: array[int] = array("H")
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
        return {r[5] for r in self.reversals}

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
        reversal_ids = {r[0] for r in self.reversals}
        for e in entries:
            if not checked and (e.id in reversal_ids or self._locate(e.id) is not None):
                return False  # a repeated id
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
        from ywplan.core.rules import CLOCK_SLACK, count_entry_problems

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
        return count_entry_problems(plan, today + CLOCK_SLACK, groups, decode)

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
        return found

    # --- on disk ---------------------------------------------------------------------

    def dump(self, path: str, size: int, digest: bytes) -> bytes:
        groups = {
            key: (g.days.tobytes(), g.amounts.tobytes(), g.units.tobytes(), g.joined)
            for key, g in self.groups.items()
        }
        record = (VERSION, path, size, digest, self.lines, self.unit_names, self.reversals, groups)
        payload = marshal.dumps(record)
        return MAGIC + hashlib.sha1(payload, usedforsecurity=False).digest() + payload

    @classmethod
    def load(cls, blob: bytes, path: str) -> tuple[LedgerIndex, int, bytes] | None:
        head, seal, payload = blob[: len(MAGIC)], blob[len(MAGIC) : _HEAD], blob[_HEAD:]
        if head != MAGIC or hashlib.sha1(payload, usedforsecurity=False).digest() != seal:
            return None  # damaged or foreign: never unmarshalled
        record: Any = marshal.loads(payload)
        version, where, size, digest, lines, unit_names, reversals, groups = record
        if version != VERSION or where != path:
            return None
        index = cls(unit_names=list(unit_names), reversals=list(reversals), lines=lines)
        index._unit_codes = {name: n for n, name in enumerate(index.unit_names)}
        for key, (days, amounts, units, ids) in groups.items():
            group = _Group(ids)
            group.days.frombytes(days)
            group.amounts.frombytes(amounts)
            group.units.frombytes(units)
            if not len(group.days) == len(group.amounts) == len(group.units) or (
                (ids.count("\n") + 1 if ids else 0) != len(group.days)
            ):
                return None
            index.groups[(key[0], key[1])] = group
        return index, size, digest


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
    try:
        with open(ledger, "rb") as handle:
            data = handle.read(MAX_LEDGER_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_LEDGER_BYTES:
        return None
    name = str(ledger)
    key = str(ledger.resolve())
    store = _cache_file(folder, ledger.resolve())
    index: LedgerIndex | None = None
    hasher = hashlib.sha1(usedforsecurity=False)
    view = memoryview(data)
    try:
        loaded = LedgerIndex.load(store.read_bytes(), key)
    except Exception:  # missing, truncated, another version's or garbage: rebuild
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
        hasher = hashlib.sha1(view, usedforsecurity=False)
    _save(store, index.dump(key, len(data), hasher.digest()))
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
    """Replace the index file atomically; a cache that cannot be written is just skipped."""
    try:
        store.parent.mkdir(parents=True, exist_ok=True)
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
