"""A cache that lets every command answer at province scale without re-reading every row.

``log`` prints the target's updated line and warns when the ledger has errors; ``status``,
``report``, ``units`` and ``entries`` measure every target. All depend on the whole
ledger, which is 150,000 rows in a province, ten times that in a large one: parsing them
on every run would cost seconds. This module keeps, per ledger, the data they need and
nothing else: for every target its entries' dates, amounts, sub-units and ids (columns
of machine numbers), the reversing lines, and whole the rows without an amount (progress
notes, milestones and items done, SPEC §6: few, and shown with their text). It has no
rule or count of its own: :meth:`LedgerIndex.columns` hands the core the same
:class:`LedgerColumns` a ledger read whole gives, the error count runs the core's entry
rules over the columns, and whether appended lines keep the ledger clean is asked of the
core's reversal rule.

Split so that a run reads and writes only what it needs: a small *head* file (what the
ledger was when indexed, the sub-unit names, the reversing lines, the rows without an
amount, and per target its entry count and the extremes and distinct sub-units the
entry rules judge) and *part* files, each holding a run of one target's entries or of
the ids in one of :data:`SHARDS` shards (a new id is checked against its shard only).
``log`` reads the head, the bytes appended to the ledger since, its target's parts and
one shard; what it adds goes to a new part file (appended, not rewritten) until a target
has :data:`MAX_PARTS` of them, when they are merged into one.

Never trusted over the file, as git trusts its index: the head records the ledger's
size, modification time (ns), inode and device and a SHA-256 of its last
:data:`TAIL` bytes; a ledger that shrank, was replaced, was touched without growing, or
whose indexed tail changed is read whole and indexed anew; only the bytes that follow
the indexed part are parsed. An index exists only for a ledger part that reads cleanly:
no malformed row, no repeated id, every reversing line names an earlier entry that it
exactly reverses, every line ended. Anything else (a torn line, an edited file, a new
kind of check, an unreadable cache file) makes :func:`open_index` return None, and the
caller reads the whole ledger as always. A part found missing or in doubt later, while
a command runs, raises :class:`IndexDoubt`: the workspace then reads the whole ledger.

Never trusted over what it can prove, either: a cache file is read only when it is a
regular file (not a link, a FIFO or a device) no larger than the ledger could need; the
head is sealed with an HMAC under a random per-user key kept outside the cache folder
(:func:`user_key`) and holds the HMAC of every part, so a file someone else wrote is
never unpacked; and what it holds is checked for type and range before use. Without a
usable key there is no cache.

Where: ``$YWPLAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/ywplan``, else ``~/.cache/ywplan``;
files named by a hash of the ledger's absolute path; the head is replaced atomically and
parts are never changed once written (named by their HMAC), so several clerks at once
simply race to write equally valid heads. ``YWPLAN_CACHE=off`` turns it off.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import hmac
import marshal
import math
import os
import zlib
from array import array
from collections.abc import Callable, Collection, Hashable, Iterable
from dataclasses import dataclass
from functools import partial
from itertools import compress, count, repeat
from operator import not_
from pathlib import Path
from typing import Any, BinaryIO

from ywplan.core.model import Entry, Plan, amount_empty
from ywplan.core.progress import LedgerColumns, Tally, picked, tally
from ywplan.store import cachefile
from ywplan.store.cachefile import cache_name, replace_file, seal, unseal
from ywplan.store.ledger import (
    CHUNK,
    MAX_LEDGER_BYTES,
    _parse_rows,
    body_start,
    committed_size,
    journal_path,
    line_runs,
    parse_ledger,
    plain_rows,
    real_dates,
)
from ywplan.store.textfile import read_regular, regular_descriptor

VERSION = 5
MAGIC = b"ywplanix5"  # then the HMAC-SHA256 of the payload, then the marshalled payload
_HEAD = len(MAGIC) + hashlib.sha256().digest_size
_PART = b"ywplan-part"  # what a part's HMAC covers before its bytes: never taken for a head
TAIL = 64 * 1024  # the ledger's last bytes hashed to see that the indexed part is unchanged
SHARDS = 64  # ids are kept in this many shards, by CRC-32
MAX_PARTS = 8  # a target's or shard's parts before they are merged into one
_Key = tuple[int, str]
_Part = tuple[int, bytes]  # a part file's size and HMAC (which names it)
_NOTHING: tuple[_Part, ...] = ()
ORPHAN_AGE = 600  # seconds: a part this old that no head names is no clerk's work in progress
# per target: entries, first and last day, the distinct unit codes, least and most amount
_Summary = tuple[int, int, int, bytes, float, float]
_SUMMARY_TYPES = (int, int, int, bytes, float, float)
# the ledger as indexed: size, mtime (ns), inode, device, SHA-256 of its last TAIL bytes
_Stamp = tuple[int, int, int, int, bytes]
_LAST_DAY = dt.date.max.toordinal()
_MAX_ITEM = 99_999  # at most 5 digits
_REVERSAL_TYPES = (str, str, str, bytes, bytes, bytes)
# a row without an amount: (id, date ordinal, item, target, unit, note, by, recorded_at, corrects)
_ROW_TYPES = (str, int, int, str, str, str, str, str, str)
_Row = tuple[str, int, int, str, str, str, str, str, str]


class IndexDoubt(Exception):  # noqa: N818 - a doubt, not an error: the ledger is read instead
    """A part of the index is missing or not what the head says: read the ledger whole."""


# where the index and the other caches (trees, plans) live, and the key sealing them
cache_dir = cachefile.cache_dir
user_key = cachefile.user_key


def _save(store: Path, blob: bytes) -> None:
    """Replace the cache file *store* by *blob* atomically; one that cannot be written is
    just skipped (the tree and plan caches keep their files this way)."""
    with contextlib.suppress(OSError):
        replace_file(store, blob)


def _sealed(payload: bytes, key: bytes) -> bytes:
    """*payload* as a head file: the magic, its HMAC under *key*, then itself."""
    return seal(payload, key, MAGIC)


def _unsealed(blob: bytes, key: bytes) -> bytes | None:
    """The payload of a head file sealed under *key*, or None."""
    return unseal(blob, key, MAGIC)


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

    def listed(self) -> list[str]:
        """The ids as a list, not kept: a column of 1.5 million ids is 120 MB of strings."""
        return self._ids if self._ids is not None else self._joined.split("\n")

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

    def append(self, day: int, amount: float, unit: int, entry_id: str) -> None:
        """Add one entry at the end."""
        self.days.append(day)
        self.amounts.append(amount)
        self.units.append(unit)
        self.ids.append(entry_id)

    def payload(self) -> bytes:
        """The columns as a part file holds them."""
        columns = (self.days.tobytes(), self.amounts.tobytes(), self.units.tobytes(), self.joined)
        return marshal.dumps(columns)

    def summary(self) -> _Summary:
        """What the entry rules judge of these entries (see :meth:`LedgerIndex.error_count`)."""
        codes = array("I", sorted(set(self.units)))
        days, amounts = self.days, self.amounts
        return (len(days), min(days), max(days), codes.tobytes(), min(amounts), max(amounts))

    def __len__(self) -> int:
        return len(self.days)


class _Reversals:
    """The lines reversing an entry with an amount, in file order, as columns: their ids,
    what each corrects and its target id (text, one per line), and their days, items and
    unit codes (machine numbers); checked at C speed when read, like a target's columns."""

    def __init__(self, texts: tuple[str, str, str] = ("", "", "")) -> None:
        self._texts = texts  # ids, corrects, targets, as stored
        self._lists: list[list[str]] | None = None if texts[0] else [[], [], []]
        self.days: array[int] = array("I")
        self.items: array[int] = array("I")
        self.units: array[int] = array("I")

    def _split(self) -> list[list[str]]:
        if self._lists is None:
            self._lists = [text.split("\n") for text in self._texts]
        return self._lists

    @property
    def ids(self) -> list[str]:
        return self._split()[0]

    @property
    def corrects(self) -> list[str]:
        return self._split()[1]

    @property
    def targets(self) -> list[str]:
        return self._split()[2]

    def append(self, e: Entry, unit: int) -> None:
        """Add the reversing line *e* (its sub-unit coded as *unit*)."""
        for column, value in zip(self._split(), (e.id, e.corrects, e.target), strict=True):
            column.append(value)
        self.days.append(e.date.toordinal())
        self.items.append(e.item)
        self.units.append(unit)

    def payload(self) -> tuple[str, str, str, bytes, bytes, bytes]:
        """The columns as the head holds them."""
        texts = ("\n".join(column) for column in self._split())
        numbers = (self.days.tobytes(), self.items.tobytes(), self.units.tobytes())
        ids, corrects, targets = texts
        return ids, corrects, targets, *numbers

    @classmethod
    def restored(cls, stored: object, units: int) -> _Reversals | None:
        """The columns :meth:`payload` made, or None when any is out of shape or range."""
        if not (type(stored) is tuple and tuple(map(type, stored)) == _REVERSAL_TYPES):
            return None
        ids, corrects, targets, days, items, codes = stored
        found = cls((ids, corrects, targets))
        if not _filled((found.days, days), (found.items, items), (found.units, codes)):
            return None
        count = _lines(ids)
        lengths = {len(found.days), len(found.items), len(found.units)}
        lengths |= {_lines(text) for text in (ids, corrects, targets)}
        if lengths != {count}:
            return None
        if count and not (
            max(found.days) <= _LAST_DAY
            and bytes(4) not in found.days.tobytes()  # no day 0 (see _in_range)
            and max(found.items) <= _MAX_ITEM
            and max(found.units) < units
        ):
            return None
        return found

    def __len__(self) -> int:
        return len(self.days)


@dataclass(frozen=True)
class _Store:
    """Where one ledger's part files live, and the key that vouches for them."""

    folder: Path
    stem: str
    key: bytes

    def path(self, mac: bytes) -> Path:
        return self.folder / f"{self.stem}.{mac[:16].hex()}.part"

    def read(self, part: _Part) -> bytes:
        """The bytes of *part*, exactly as written; :class:`IndexDoubt` otherwise."""
        size, mac = part
        name = os.path.join(self.folder, f"{self.stem}.{mac[:16].hex()}.part")  # as path()
        data = read_regular(name, size)
        if data is None or len(data) != size or not hmac.compare_digest(mac, self._mac(data)):
            raise IndexDoubt
        return data

    def write(self, payload: bytes) -> _Part:
        """Write *payload* as a new part file (``OSError`` if it cannot be written)."""
        mac = self._mac(payload)
        replace_file(self.path(mac), payload)
        return len(payload), mac

    def _mac(self, data: bytes) -> bytes:
        return hmac.digest(self.key, _PART + data, "sha256")


def _shard(entry_id: str) -> int:
    return zlib.crc32(entry_id.encode("utf-8", "surrogatepass")) % SHARDS


def _loads(payload: bytes) -> Any:
    """Unmarshal a sealed payload; one of another build is a doubt."""
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        raise IndexDoubt from None


class LedgerIndex:
    """What commands need of a clean ledger: per-target columns and the reversing lines.

    Built in memory from the ledger, a chunk of lines at a time (:func:`_build`), or
    opened from its head, when each target's columns and each shard of ids are read from
    their parts on first use.
    """

    def __init__(
        self,
        unit_names: list[str] | None = None,
        reversals: _Reversals | None = None,
        rows: list[_Row] | None = None,
        lines: int = 1,
        store: _Store | None = None,
    ) -> None:
        self.unit_names: list[str] = unit_names if unit_names is not None else []
        self._unit_codes = {name: n for n, name in enumerate(self.unit_names)}
        self.reversals = reversals if reversals is not None else _Reversals()
        self.rows: list[_Row] = rows if rows is not None else []  # SPEC §6 rows, reversals
        self.lines = lines
        self.stamp: _Stamp | None = None  # the ledger as indexed, once stored or loaded
        self._store = store
        self._parts: dict[_Key, list[_Part]] = {}  # each target's stored parts
        self._summaries: dict[_Key, _Summary] = {}  # of the stored parts
        self._loaded: dict[_Key, _Group] = {}  # every entry of a target, once read
        self._fresh: dict[_Key, _Group] = {}  # entries added since the parts were written
        self._shard_parts: dict[int, list[_Part]] = {}
        self._shard_ids: dict[int, set[str]] = {}  # shards read (or made) so far
        self._fresh_ids: dict[int, list[str]] = {}  # runs of ids, each newline-joined
        self._entries: dict[tuple[int, str, str | None], tuple[tuple[int, int], list[Entry]]] = {}
        self._counted: LedgerColumns | None = None  # made by counted, until entries are added

    def _code(self, unit: str) -> int:
        code = self._unit_codes.get(unit)
        if code is None:
            code = self._unit_codes[unit] = len(self.unit_names)
            self.unit_names.append(unit)
        return code

    # --- reading the parts -----------------------------------------------------------

    def keys(self) -> list[_Key]:
        """Every target with entries, in the order they first appeared."""
        return [*self._parts, *(key for key in self._loaded if key not in self._parts)]

    def group(self, key: _Key) -> _Group | None:
        """The target's entries (read from its parts on first use), or None if it has none."""
        found = self._loaded.get(key)
        if found is None and key in self._parts:
            found = self._loaded[key] = self._read_group(key)
        return found

    @property
    def groups(self) -> dict[_Key, _Group]:
        """Every target's entries (each read from its parts)."""
        found = {}
        for key in self.keys():
            group = self.group(key)
            assert group is not None
            found[key] = group
        return found

    def _read_group(self, key: _Key) -> _Group:
        assert self._store is not None
        pieces = [_loads(self._store.read(part)) for part in self._parts[key]]
        if len(pieces) == 1:
            joined = pieces[0]  # most targets: one part, whose shape _restored checks
        elif all(type(p) is tuple and tuple(map(type, p)) == _COLUMN_TYPES for p in pieces):
            joined = (
                b"".join(p[0] for p in pieces),
                b"".join(p[1] for p in pieces),
                b"".join(p[2] for p in pieces),
                "\n".join(p[3] for p in pieces if p[3]),
            )
        else:
            raise IndexDoubt
        group = _restored(key, joined, len(self.unit_names))
        if group is None or len(group) != self._summaries[key][0]:
            raise IndexDoubt
        return group

    def _ids_of(self, shard: int) -> set[str]:
        found = self._shard_ids.get(shard)
        if found is None:
            found = set()
            store = self._store
            for part in self._shard_parts.get(shard, []):
                assert store is not None
                text = _loads(store.read(part))
                if type(text) is not str:
                    raise IndexDoubt
                found.update(text.split("\n"))
            found.discard("")
            for run in self._fresh_ids.get(shard, ()):  # added before the shard was read
                found.update(run.split("\n"))
            self._shard_ids[shard] = found
        return found

    # --- what commands ask ---------------------------------------------------------------

    def gone(self) -> set[str]:
        """Ids that a reversing line takes back."""
        return {*self.reversals.corrects, *(r[8] for r in self.rows if r[8])}

    def row_entries(self) -> list[Entry]:
        """The rows without an amount (SPEC §6) and their reversing lines, in file order."""
        fromordinal = dt.date.fromordinal
        return [
            Entry(i, fromordinal(d), n, target, math.nan, unit, note, by, stamp, corrects)
            for i, d, n, target, unit, note, by, stamp, corrects in self.rows
        ]

    def error_count(self, plan: Plan, today: dt.date) -> int:
        """How many errors ``check`` reports for the ledger.

        The index holds only ledgers without malformed rows, repeated ids or wrong
        reversals, so only the entry rules can find anything; they judge the stored
        columns (:func:`~ywplan.core.rules.count_entry_problems`). Each target's
        extremes and distinct sub-units decide whether they find anything at all
        (the rules judge distinct values, and an interval rule only the extremes), so
        the columns are read only when they do.
        """
        from ywplan.core.rules import CLOCK_SLACK, count_entry_problems, each_entry

        def summarised(summary: _Summary) -> dict[str, Any]:
            _, low, high, codes, least, most = summary
            units = array("I")
            units.frombytes(codes)
            return {"date": (low, high), "unit": units, "amount": (least, most)}

        quick = [(key, summarised(self._summary(key))) for key in self.keys()]
        rows = each_entry(plan, self.row_entries(), today)  # whole rows: judged as read
        day, decode = today + CLOCK_SLACK, self._decoders()
        if not count_entry_problems(plan, day, quick + self._reversal_values(), decode):
            return len(rows)
        groups: list[tuple[_Key, dict[str, Any]]] = [
            (key, {"date": g.days, "unit": g.units, "amount": g.amounts})
            for key, g in self.groups.items()
        ]
        return count_entry_problems(plan, day, groups + self._reversal_columns(), decode) + len(
            rows
        )

    def _decoders(self) -> dict[str, Callable[[Any], Hashable]]:
        """What turns the stored codes of a field into its values."""
        return {"date": dt.date.fromordinal, "unit": self.unit_names.__getitem__}

    def _summary(self, key: _Key) -> _Summary:
        """A target's summary: stored, or made from its entries when they changed."""
        group = self._loaded.get(key)
        if key in self._fresh or key not in self._summaries:
            assert group is not None
            return group.summary()
        return self._summaries[key]

    def _reversal_columns(self) -> list[tuple[_Key, dict[str, Any]]]:
        """The reversing lines as the entry rules see them: a date and a unit, no amount."""
        lines: dict[_Key, dict[str, list[Any]]] = {}
        r = self.reversals
        for day, number, target_id, unit in zip(r.days, r.items, r.targets, r.units, strict=True):
            found = lines.setdefault((number, target_id), {"date": [], "unit": [], "amount": []})
            found["date"].append(day)
            found["unit"].append(unit)
            found["amount"].append(None)  # a reversing line has no amount rule
        return list(lines.items())

    def _reversal_values(self) -> list[tuple[_Key, dict[str, Any]]]:
        """Every value of the reversing lines that a rule judges, under each of their
        targets: whether the rules find anything in them at all (C-level passes only)."""
        r = self.reversals
        if not len(r):
            return []
        values = {
            "date": (min(r.days), max(r.days)),
            "unit": sorted(set(r.units)),
            "amount": (None,),  # a reversing line has no amount rule
        }
        return [(key, values) for key in dict.fromkeys(zip(r.items, r.targets, strict=True))]

    def columns(self) -> LedgerColumns:
        """The indexed entries as the core counts them: per-target columns, ids taken back."""
        return LedgerColumns(self.groups, self.gone(), self._unit_codes.get)

    def counted(self, keys: Collection[_Key] | None = None) -> LedgerColumns:
        """:meth:`columns` without the entries taken back, left out once as
        :meth:`LedgerColumns.of` leaves them out: a report measures the plan and each
        unit some two hundred times, and each measure would look them up again. With
        *keys*, of those targets only (``log`` and ``history`` read one target's part)."""
        if keys is None and self._counted is not None:
            return self._counted
        chosen = self.groups if keys is None else self._groups_of(keys)
        gone = self.gone()
        groups: dict[_Key, _Group] = {}
        for key, group in chosen.items():
            ids = group.listed() if gone else ()
            if gone.isdisjoint(ids):
                groups[key] = group
                continue
            keep = list(map(not_, map(gone.__contains__, ids)))
            if any(keep):
                kept = groups[key] = _Group("\n".join(compress(ids, keep)))
                kept.days = array("I", compress(group.days, keep))
                kept.amounts = array("d", compress(group.amounts, keep))
                kept.units = array("I", compress(group.units, keep))
        counted = LedgerColumns(groups, set(), self._unit_codes.get)
        if keys is None:
            self._counted = counted
        return counted

    def _groups_of(self, keys: Collection[_Key]) -> dict[_Key, _Group]:
        found = {}
        for key in keys:
            group = self.group(key)
            if group is not None:
                found[key] = group
        return found

    def tallies(self, as_of: dt.date, unit: str | None) -> dict[_Key, Tally]:
        """Each target's counted entries at *as_of*: :func:`~ywplan.core.progress.tally`."""
        return tally(self.counted(), as_of, unit)

    def entries_of(self, item: int, target: str, unit: str | None = None) -> list[Entry]:
        """The target's entries that still count (not taken back), in file order; of the
        sub-unit *unit* only, when given.

        Only the fields :func:`ywplan.core.progress.compute` reads are filled in.
        """
        group = self.group((item, target))
        if group is None:
            return []
        gone = self.gone()
        made = self._entries.get((item, target, unit))
        if made is not None and made[0] == (len(group), len(gone)):
            return list(made[1])  # asked again in the same run
        ids: Iterable[str] = group.ids
        days: Iterable[int] = group.days
        amounts: Iterable[float] = group.amounts
        units: Iterable[int] = group.units
        if unit is not None:
            code = self._unit_codes.get(unit)
            if code is None:
                return []  # no entry of the unit
            chosen = list(map(code.__eq__, group.units))
            ids, days = compress(ids, chosen), compress(days, chosen)
            amounts, units = compress(amounts, chosen), compress(units, chosen)
        found = self._made(item, target, ids, days, amounts, units, gone)
        self._entries[(item, target, unit)] = ((len(group), len(gone)), found)
        return list(found)

    def _made(
        self,
        item: int,
        target: str,
        ids: Iterable[str],
        days: Iterable[int],
        amounts: Iterable[float],
        units: Iterable[int],
        gone: set[str],
    ) -> list[Entry]:
        """Entries of one target from its columns, those taken back left out."""
        ids, days = list(ids), list(days)
        blank = repeat("")
        dates = {day: dt.date.fromordinal(day) for day in set(days)}  # a few hundred
        rows = zip(
            ids,
            map(dates.__getitem__, days),
            repeat(item),
            repeat(target),
            amounts,
            map(self.unit_names.__getitem__, units),
            blank,
            blank,
            blank,
            blank,
            repeat(0),
        )
        made_entries = map(partial(tuple.__new__, Entry), rows)  # no Python call per entry
        if not gone:
            return list(made_entries)
        return list(compress(made_entries, map(not_, map(gone.__contains__, ids))))

    def last_of(self, item: int, target: str) -> Entry | None:
        """The target's last entry in file order that still counts (not taken back)."""
        group = self.group((item, target))
        if group is None:
            return None
        gone = self.gone()
        ids = group.listed()
        at = len(ids) - 1
        while at >= 0 and ids[at] in gone:
            at -= 1
        if at < 0:
            return None
        one = slice(at, at + 1)
        found = self._made(
            item, target, ids[one], group.days[one], group.amounts[one], group.units[one], gone
        )
        return found[0]

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
        r = self.reversals
        for rid, day, item, target, code, corrects in zip(
            r.ids, r.days, r.items, r.targets, r.units, r.corrects, strict=True
        ):
            if rid.startswith(prefix):
                unit = names[code]
                group = self.group((item, target))
                at = -1 if group is None else group.find(corrects)
                amount = -group.amounts[at] if group is not None and at >= 0 else 0.0
                found.append(
                    Entry(rid, fromordinal(day), item, target, amount, unit, "", "", "", corrects)
                )
        found.extend(e for e in self.row_entries() if e.id.startswith(prefix))
        return found

    def vouched(self, fd: int) -> int:
        """How many leading bytes of the ledger open on *fd* are what this index was made
        from, checked as :func:`open_index` checks them (0: in doubt, or not stored)."""
        if self.stamp is None:
            return 0
        with open(fd, "rb", closefd=False) as handle:
            found = os.fstat(fd)
            same = _unchanged(handle, self.stamp, found, found.st_size)
        return self.stamp[0] if same else 0

    # --- growing ---------------------------------------------------------------------------

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

    def _reverses_rightly(self, e: Entry, gone: set[str]) -> bool:
        """Whether the reversing line *e* names an entry of its target that it exactly undoes.

        A line naming an entry of another target is wrong whatever it names, so only its
        own target's entries are looked at.
        """
        from ywplan.core.rules import reversal_problem

        group = self.group((e.item, e.target))
        at = -1 if group is None else group.find(e.corrects)
        if group is None or at < 0:
            return False  # unknown, of another target, or names a reversing line
        original = Entry(
            e.corrects,
            dt.date.fromordinal(group.days[at]),
            e.item,
            e.target,
            group.amounts[at],
            self.unit_names[group.units[at]],
            "",
            "",
            "",
            "",
        )
        return reversal_problem(original, e, gone) is None

    def _append(self, e: Entry) -> None:
        key = (e.item, e.target)
        group = self.group(key)
        if group is None:
            group = self._loaded[key] = _Group()
        fresh = self._fresh.get(key)
        if fresh is None:  # a target without stored parts is written whole
            fresh = self._fresh[key] = group if key not in self._parts else _Group()
        day, code = e.date.toordinal(), self._code(e.unit)
        group.append(day, e.amount, code, e.id)
        if fresh is not group:
            fresh.append(day, e.amount, code, e.id)
        shard = _shard(e.id)
        self._fresh_ids.setdefault(shard, []).append(e.id)
        if shard in self._shard_ids:
            self._shard_ids[shard].add(e.id)

    def add(self, entries: list[Entry], *, checked: bool = False) -> bool:
        """Extend by *entries* (whole rows after the indexed ones); False if one is unclean.

        With *checked*, the caller has already found the rows clean (no id repeated, every
        reversal right), as ``check``'s own rules do for a whole ledger.
        """
        from ywplan.core.rules import by_problem

        self._counted = None
        if any(by_problem(by) for by in {e.by for e in entries}):
            return False  # the index keeps no ``by``: it holds no entry that rule refuses
        gone = self.gone()
        reversal_ids = {*self.reversals.ids, *(r[0] for r in self.rows)}
        for e in entries:
            if not checked and (e.id in reversal_ids or e.id in self._ids_of(_shard(e.id))):
                return False  # a repeated id
            if amount_empty(e.amount):
                if not self._add_row(e, gone, checked):
                    return False
                reversal_ids.add(e.id)
            elif e.corrects:
                if not checked and not self._reverses_rightly(e, gone):
                    return False
                gone.add(e.corrects)
                reversal_ids.add(e.id)
                self.reversals.append(e, self._code(e.unit))
            else:
                self._append(e)
        return True

    # --- on disk ---------------------------------------------------------------------

    def flush(self, store: _Store) -> list[_Part]:
        """Write what was added as new parts (merging a list grown too long); the parts
        no longer used are returned, to be removed once the new head is in place.

        Raises ``OSError`` when a part cannot be written.
        """
        assert self._store in (None, store)
        self._store = store
        dropped: list[_Part] = []
        for key, fresh in self._fresh.items():
            whole = self._loaded[key]
            self._parts[key] = _grown(store, self._parts.get(key, []), fresh, whole, dropped)
            self._summaries[key] = whole.summary()
        for shard, ids in self._fresh_ids.items():
            before = self._shard_parts.get(shard, [])
            written = ids
            if len(before) + 1 > MAX_PARTS:
                dropped.extend(before)
                before, written = [], sorted(self._ids_of(shard))
            self._shard_parts[shard] = [*before, store.write(marshal.dumps("\n".join(written)))]
        self._fresh, self._fresh_ids = {}, {}
        return dropped

    def dump(self, where: str, stamp: _Stamp, key: bytes) -> bytes:
        """The head as a cache file sealed under *key*, describing the ledger at *where* as
        *stamp* says it was; call :meth:`flush` first."""
        targets = {k: (self._parts[k], self._summaries[k]) for k in self._parts}
        record = (
            VERSION,
            where,
            stamp,
            self.lines,
            self.unit_names,
            self.reversals.payload(),
            self.rows,
            targets,
            self._shard_parts,
        )
        return _sealed(marshal.dumps(record), key)

    @classmethod
    def load(cls, blob: bytes, where: str, store: _Store) -> tuple[LedgerIndex, _Stamp] | None:
        """The index a head file holds, with the stamp of the ledger it describes; or None.

        Only a file sealed under the store's key is unmarshalled, and only values of the
        types and ranges :meth:`dump` writes are kept: anything else is a cache in doubt.
        """
        payload = _unsealed(blob, store.key)
        if payload is None:
            return None  # damaged, foreign or forged: never unmarshalled
        try:
            record: Any = _loads(payload)
        except IndexDoubt:
            return None
        if not (type(record) is tuple and len(record) == 9):
            return None
        version, found, stamp, lines, unit_names, reversals, rows, targets, shards = record
        if version != VERSION or found != where or not _stamp_ok(stamp, lines):
            return None
        if not (_names_ok(unit_names) and _rows_ok(rows)):
            return None
        if not (_targets_ok(targets, len(unit_names)) and _shards_ok(shards)):
            return None
        lines_reversing = _Reversals.restored(reversals, len(unit_names))
        if lines_reversing is None:
            return None
        index = cls(unit_names, lines_reversing, rows, lines, store)
        for target, (parts, summary) in targets.items():
            index._parts[target] = parts
            index._summaries[target] = summary
        index._shard_parts = shards
        index.stamp = stamp
        counted = sum(summary[0] for _, summary in targets.values())
        if 1 + counted + len(lines_reversing) + len(rows) > lines:
            return None  # more entries than the ledger has lines
        return index, stamp


def _grown(
    store: _Store, parts: list[_Part], fresh: _Group, whole: _Group, dropped: list[_Part]
) -> list[_Part]:
    """A target's parts once *fresh* entries join them (one part for all when too many)."""
    if fresh is whole or len(parts) + 1 > MAX_PARTS:
        dropped.extend(parts)
        return [store.write(whole.payload())]
    return [*parts, store.write(fresh.payload())]


_COLUMN_TYPES = (bytes, bytes, bytes, str)


def _stamp_ok(stamp: object, lines: object) -> bool:
    """The ledger's stamp and line count, as :meth:`LedgerIndex.dump` writes them."""
    return (
        type(stamp) is tuple
        and tuple(map(type, stamp)) == (int, int, int, int, bytes)
        and type(lines) is int
        and 1 <= lines <= stamp[0] <= MAX_LEDGER_BYTES
        and len(stamp[4]) == hashlib.sha256().digest_size
    )


def _parts_ok(parts: object) -> bool:
    """A list of at most :data:`MAX_PARTS` (size, HMAC) pairs."""
    return (
        type(parts) is list
        and 1 <= len(parts) <= MAX_PARTS
        and all(
            type(p) is tuple
            and tuple(map(type, p)) == (int, bytes)
            and 0 < p[0] <= MAX_LEDGER_BYTES
            and len(p[1]) == hashlib.sha256().digest_size
            for p in parts
        )
    )


def _summary_ok(summary: object, units: int) -> bool:
    """Counts, days, unit codes and amounts in range (see :meth:`_Group.summary`)."""
    if not (type(summary) is tuple and tuple(map(type, summary)) == _SUMMARY_TYPES):
        return False
    count, low, high, codes, least, most = summary
    found = array("I")
    try:
        found.frombytes(codes)
    except ValueError:
        return False
    return (
        1 <= count <= MAX_LEDGER_BYTES
        and 1 <= low <= high <= _LAST_DAY
        and 1 <= len(found) <= count
        and max(found) < units
        and math.isfinite(least)
        and math.isfinite(most)
        and least <= most
    )


def _targets_ok(targets: object, units: int) -> bool:
    """Each target's key, parts and summary, of the types and ranges written."""
    return type(targets) is dict and all(
        type(key) is tuple
        and len(key) == 2
        and type(key[0]) is int
        and 0 <= key[0] <= _MAX_ITEM
        and type(key[1]) is str
        and type(value) is tuple
        and len(value) == 2
        and _parts_ok(value[0])
        and _summary_ok(value[1], units)
        for key, value in targets.items()
    )


def _shards_ok(shards: object) -> bool:
    return type(shards) is dict and all(
        type(n) is int and 0 <= n < SHARDS and _parts_ok(parts) for n, parts in shards.items()
    )


def _names_ok(names: object) -> bool:
    """A list of distinct sub-unit names (their position is their code)."""
    return (
        type(names) is list
        and all(type(name) is str for name in names)
        and len(set(names)) == len(names)
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
        and tuple(map(type, columns)) == _COLUMN_TYPES
    ):
        return None
    days, amounts, codes, ids = columns
    group = _Group(ids)
    if not _filled((group.days, days), (group.amounts, amounts), (group.units, codes)):
        return None
    count = _lines(ids)
    if not len(group.days) == len(group.amounts) == len(group.units) == count:
        return None
    return group if not count or _in_range(group, units) else None


def _filled(*columns: tuple[Any, bytes]) -> bool:
    """Each array filled from its stored bytes; False when one is not a whole number of items."""
    try:
        for column, stored in columns:
            column.frombytes(stored)
    except ValueError:
        return False
    return True


def _lines(text: str) -> int:
    """How many values a newline-joined column holds."""
    return text.count("\n") + 1 if text else 0


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
    """The head file of the index of *ledger* (an absolute path)."""
    return folder / f"{cache_name(str(ledger))}.ledger-index"


def _rules_known() -> bool:
    """The index holds what these ledger rules need; a ledger rule added later disables it."""
    from ywplan.core import rules

    return (rules.each_entry, rules.unique_ids, rules.reversals) == rules.LEDGER_RULES


def _clean(text: str) -> bool:
    """Whole lines only, each ended by LF or CRLF (so csv counts lines as ``\\n`` does)."""
    return text.endswith("\n") and ("\r" not in text or text.count("\r") == text.count("\r\n"))


class _NotPlain(Exception):  # noqa: N818 - not an error: the ledger is read whole instead
    """A line that is not a plain valid row: the row-by-row read judges the ledger."""


def _build(handle: BinaryIO, size: int, name: str) -> LedgerIndex | None:
    """Index the ledger's first *size* bytes, or None when they do not read cleanly.

    Read a chunk at a time and kept as columns (:class:`_Builder`), so that neither the
    whole text nor an entry per row is ever in memory; a ledger with any line that is
    not a plain valid row (quoted fields, a malformed row) is read whole instead
    (:func:`_build_whole`), which indexes what the csv module reads and refuses the rest.
    """
    try:
        return _build_plain(handle, size)
    except _NotPlain:
        return _build_whole(_read_at(handle, 0, size), name)


def _build_plain(handle: BinaryIO, size: int) -> LedgerIndex | None:
    """:func:`_build` of a ledger whose every line is a plain valid row (raises
    :class:`_NotPlain` at any other line)."""
    collecting = gc.isenabled()
    gc.disable()  # no reference cycles are made; collections would only rescan the rows
    try:
        return _Builder().build(line_runs(handle, size, CHUNK))
    finally:
        if collecting:
            gc.enable()


def built_afresh(ledger: Path) -> LedgerIndex | None:
    """An index of the ledger built now from its bytes, trusting nothing stored (what
    ``check`` asks: whether a ledger is clean, a chunk at a time, never holding an entry
    per row); None unless it is a regular file, not a link, with no append journal,
    every line a plain valid row, and clean (then ``check`` reads it whole to say why).
    """
    if not _rules_known() or os.path.lexists(journal_path(ledger)):
        return None
    try:
        fd = regular_descriptor(ledger, os.O_RDONLY)
        if fd is None:
            return None
        with open(fd, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            return None if size > MAX_LEDGER_BYTES else _build_plain(handle, size)
    except (OSError, _NotPlain):
        return None


_ASIDE = ("\n", "\n")  # what an odd row's target and sub-unit are taken as: no field's value


class _Builder:
    """An index built from whole lines a chunk at a time, exactly as :func:`_build_whole`
    builds it from the same ledger.

    The rows without an amount and the reversing lines (few) are kept as entries and added
    at the end as ``add`` adds them; the plain entries go to their target's columns with
    C-level operations, their ids to each target and shard as newline-joined text per
    chunk. Ids are checked for repeats a shard at a time, and the reversing lines against
    the entries they name, once every chunk is in.
    """

    def __init__(self) -> None:
        self.index = LedgerIndex(lines=0)
        self.dates: dict[str, dt.date] = {}
        self.ordinals: dict[str, int] = {}
        self.judged: set[str] = set()  # the ``by`` values found right
        self.targets: dict[tuple[str, str], int] = {_ASIDE: -1}  # (item, target) as written
        self.units: dict[str, int] = {_ASIDE[0]: 0}  # the index's unit codes, and odd rows'
        self.amounts: dict[str, float] = {}
        self.groups: list[_Group] = []  # by code
        self.ids: list[list[str]] = []  # by code: each chunk's ids, newline-joined
        self.special: list[Entry] = []  # rows without an amount, reversing lines

    def build(self, chunks: Iterable[bytes]) -> LedgerIndex | None:
        """The index of the ledger made of *chunks*; None when it does not read cleanly."""
        start: int | None = None
        for chunk in chunks:
            try:
                text = chunk.decode("utf-8" if start is not None else "utf-8-sig")
            except UnicodeDecodeError:
                return None
            if not _clean(text):
                return None
            first = start is None
            start = body_start(text) if first else 0
            if start is None:
                raise _NotPlain
            if not self.take(text, start, first):
                return None
        return None if start is None else self.finish()

    def take(self, text: str, start: int, first: bool) -> bool:
        """Add the rows of *text* (whole lines from *start*); False if one is unclean."""
        rows = plain_rows(text, start)
        if rows is None:
            raise _NotPlain
        line = self.index.lines + (2 if first else 1)  # the first row's line number
        self.index.lines += text.count("\n")
        if not rows:
            return True
        ids, days, items, targets, amounts, units, notes, bys, stamps, corrects = zip(
            *rows, strict=True
        )
        if not (self._days_real(days) and self._bys_right(bys)):
            return False
        odd = list(compress(count(), corrects))
        if "" in amounts:
            odd = sorted({*odd, *compress(count(), map(not_, amounts))})
        if odd:  # a row without an amount or a reversing line: kept as an entry
            make, dates = partial(tuple.__new__, Entry), self.dates
            self.special += [
                make(
                    (
                        ids[k],
                        dates[days[k]],
                        int(items[k]),
                        targets[k],
                        float(amounts[k] or "nan"),
                        units[k],
                        notes[k],
                        bys[k],
                        stamps[k],
                        corrects[k],
                        line + k,
                    )
                )
                for k in odd
            ]
        self._plain(odd, ids, days, items, targets, amounts, units)
        return True

    def _days_real(self, days: tuple[str, ...]) -> bool:
        new = set(days).difference(self.dates)
        found = real_dates(new)
        if found is None:
            return False
        self.dates.update(found)
        self.ordinals.update((day, date.toordinal()) for day, date in found.items())
        return True

    def _bys_right(self, bys: tuple[str, ...]) -> bool:
        from ywplan.core.rules import by_problem

        new = set(bys).difference(self.judged)
        if any(map(by_problem, new)):
            return False  # the index keeps no ``by``: it holds no entry that rule refuses
        self.judged |= new
        return True

    def _plain(self, odd: list[int], *columns: tuple[str, ...]) -> None:
        """Append the plain entries (all rows but the *odd* ones) to their targets' columns
        and their ids to their shards, each target's and shard's in file order.

        Whole columns are converted in file order (C-level passes), then one loop sorts
        the rows into their targets and the ids into their shards, and each target's
        values are picked from the columns at once. The odd rows go to a last list,
        set aside.
        """
        ids, days, items, targets, amounts, units = columns
        code = self._target_codes(list(zip(items, targets, strict=True)), odd)
        unit_column = self._unit_codes(list(units), odd)
        shard = list(map(SHARDS.__rmod__, map(zlib.crc32, map(str.encode, ids))))  # as _shard
        for k in odd:
            shard[k] = -1
        found = self.index._fresh_ids
        if len(found) < SHARDS:
            for number in dict.fromkeys(shard):  # new shards, as they first appear
                if number >= 0 and number not in found:
                    found[number] = []
        rows: list[list[int]] = [[] for _ in range(len(self.groups) + 1)]
        runs: list[list[str]] = [[] for _ in range(SHARDS + 1)]
        to_target, to_shard = [r.append for r in rows], [r.append for r in runs]
        for k, target, number, entry_id in zip(count(), code, shard, ids):
            to_target[target](k)
            to_shard[number](entry_id)
        day_column = array("I", map(self.ordinals.__getitem__, days))
        amount_column = array("d", map(self._amounts(amounts).__getitem__, amounts))
        for target, positions in enumerate(rows[:-1]):
            if positions:
                group = self.groups[target]
                group.days += array("I", picked(day_column, positions))
                group.amounts += array("d", picked(amount_column, positions))
                group.units += array("I", picked(unit_column, positions))
                self.ids[target].append("\n".join(picked(ids, positions)))
        for number, run in enumerate(runs[:-1]):
            if run:
                found[number].append("\n".join(run))

    def _target_codes(self, pairs: list[tuple[str, str]], odd: list[int]) -> list[int]:
        """The code of each row's target (-1: an odd row), new targets coded as they first
        appear among the plain rows."""
        for k in odd:
            pairs[k] = _ASIDE
        try:
            return list(map(self.targets.__getitem__, pairs))
        except KeyError:
            for pair in dict.fromkeys(pairs):
                if pair not in self.targets:
                    self._target(pair)
        return list(map(self.targets.__getitem__, pairs))

    def _unit_codes(self, units: list[str], odd: list[int]) -> array[int]:
        """The code of each row's sub-unit (0: an odd row), new sub-units coded as they
        first appear among the plain rows (a reversing line's are coded after them all)."""
        for k in odd:
            units[k] = _ASIDE[0]
        try:
            return array("I", map(self.units.__getitem__, units))
        except KeyError:
            for unit in dict.fromkeys(units):
                if unit not in self.units:
                    self.units[unit] = self.index._code(unit)
        return array("I", map(self.units.__getitem__, units))

    def _amounts(self, amounts: tuple[str, ...]) -> dict[str, float]:
        """Each distinct amount's value, read once (an odd row's may be empty)."""
        known = self.amounts
        for amount in set(amounts).difference(known):
            known[amount] = float(amount or "nan")
        return known

    def _target(self, pair: tuple[str, str]) -> None:
        """Give the target written as *pair* its code (one per target, however written)."""
        key = (int(pair[0]), pair[1])  # "07" and "7" are item 7
        group = self.index._loaded.get(key)
        if group is None:
            group = self.index._loaded[key] = self.index._fresh[key] = _Group()
            self.groups.append(group)
            self.ids.append([])
        self.targets[pair] = self.groups.index(group)

    def finish(self) -> LedgerIndex | None:
        """The index, once no id repeats and every reversing line is right; else None."""
        index = self.index
        for group, ids in zip(self.groups, self.ids, strict=True):
            group._joined, group._ids = "\n".join(ids), None
        if not (self._ids_unique() and self._reversals_right()):
            return None
        rows = [e for e in self.special if not e.corrects]
        later = [e for e in self.special if e.corrects]
        return index if index.add(rows + later, checked=True) else None

    def _ids_unique(self) -> bool:
        """No id twice: a shard's plain ids at a time, and the few other lines' beside them."""
        others = [e.id for e in self.special]
        if len(set(others)) != len(others):
            return False
        by_shard: dict[int, set[str]] = {}
        for entry_id in others:
            by_shard.setdefault(_shard(entry_id), set()).add(entry_id)
        for number, pieces in self.index._fresh_ids.items():
            joined = "\n".join(pieces)
            ids = joined.split("\n")
            seen = set(ids)
            if len(seen) != len(ids) or not seen.isdisjoint(by_shard.get(number, ())):
                return False
            self.index._fresh_ids[number] = [joined]
        return True

    def _reversals_right(self) -> bool:
        """The core's reversal rule over the reversing lines and what they may name.

        A line with an amount can only rightly reverse an entry of its own target, and one
        without only a row without an amount (kept as entries): an entry of another target
        is left out, so the rule finds it unknown instead of unlike, and refuses it all
        the same.
        """
        from ywplan.core.rules import reversals

        wanted: dict[_Key, set[str]] = {}
        for e in self.special:
            if e.corrects and not amount_empty(e.amount):
                wanted.setdefault((e.item, e.target), set()).add(e.corrects)
        named: list[Entry] = []
        names = self.index.unit_names
        for (item, target), corrected in wanted.items():
            group = self.index._loaded.get((item, target))
            if group is None:
                continue
            ids = group.joined.split("\n")
            for k in compress(range(len(ids)), map(corrected.__contains__, ids)):
                day, unit = dt.date.fromordinal(group.days[k]), names[group.units[k]]
                named.append(
                    Entry(ids[k], day, item, target, group.amounts[k], unit, "", "", "", "")
                )
        return not reversals(None, [*named, *self.special], dt.date.min)


def _build_whole(data: bytes, name: str) -> LedgerIndex | None:
    """Index a whole ledger read at once (any line the csv module reads), or None when it
    does not read cleanly."""
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
    if key is None:
        return None
    try:
        fd = regular_descriptor(ledger, os.O_RDONLY, follow=True)
        if fd is None:
            return None
        with open(fd, "rb") as handle:
            return _opened(handle, ledger, folder, key)
    except OSError:
        return None


def _opened(handle: BinaryIO, ledger: Path, folder: Path, key: bytes) -> LedgerIndex | None:
    """The index of the ledger open on *handle*: the stored one, extended by what was
    appended since, or one built from the whole file (and stored).

    A batch still being appended, or cut short by a killed writer, is not indexed
    (see ``store.ledger.committed``).
    """
    found = os.fstat(handle.fileno())
    if found.st_size > MAX_LEDGER_BYTES:
        return None
    size = committed_size(ledger, found.st_size)
    where = str(ledger.resolve())
    store = _Store(folder, cache_name(where), key)
    head = folder / f"{store.stem}.ledger-index"
    blob = read_regular(head, 4 * size + 65536)  # far more than a head needs
    loaded = None if blob is None else LedgerIndex.load(blob, where, store)
    before: list[_Part] = []
    if loaded is not None:
        index, stamp = loaded
        before = _all_parts(index)
        added = _appended(handle, stamp, found, size)
        if added == b"":
            return index
        if added is not None:
            try:
                grown = _extend(index, added, str(ledger))
            except IndexDoubt:
                grown = None
            if grown is not None:
                _store_index(grown, store, head, where, _stamp_of(handle, found, size))
                return grown
    built = _build(handle, size, str(ledger))
    if built is not None:
        _store_index(built, store, head, where, _stamp_of(handle, found, size), before)
    return built


def _all_parts(index: LedgerIndex) -> list[_Part]:
    return [p for parts in (*index._parts.values(), *index._shard_parts.values()) for p in parts]


def _read_at(handle: BinaryIO, start: int, end: int) -> bytes:
    """The file's bytes from *start* to *end* (fewer if it is shorter now)."""
    handle.seek(start)
    return handle.read(end - start)


def _tail_digest(handle: BinaryIO, size: int) -> bytes:
    """The SHA-256 of the last :data:`TAIL` bytes of the first *size* bytes of the file."""
    start = max(size - TAIL, 0)
    return hashlib.sha256(_read_at(handle, start, size)).digest()


def _stamp_of(handle: BinaryIO, found: os.stat_result, size: int) -> _Stamp:
    """The stamp of the ledger as *found*, indexed up to *size* bytes."""
    return size, found.st_mtime_ns, found.st_ino, found.st_dev, _tail_digest(handle, size)


def _unchanged(handle: BinaryIO, stamp: _Stamp, found: os.stat_result, size: int) -> bool:
    """Whether the ledger open on *handle* (*found*, of *size* bytes that count) still
    begins with the part *stamp* describes.

    The same file (inode, device), no shorter, not touched without growing, and the
    indexed part's last bytes unchanged: git's trust in its index, no more.
    """
    indexed, mtime, inode, device, digest = stamp
    if (found.st_ino, found.st_dev) != (inode, device) or size < indexed:
        return False
    if found.st_size == indexed and found.st_mtime_ns != mtime:
        return False
    return hmac.compare_digest(_tail_digest(handle, indexed), digest)


def _appended(handle: BinaryIO, stamp: _Stamp, found: os.stat_result, size: int) -> bytes | None:
    """The bytes appended to the ledger since *stamp* up to *size*, or None when it may
    have changed (see :func:`_unchanged`)."""
    if not _unchanged(handle, stamp, found, size):
        return None
    added = _read_at(handle, stamp[0], size)
    return added if len(added) == size - stamp[0] else None


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


def _store_index(
    index: LedgerIndex,
    store: _Store,
    head: Path,
    where: str,
    stamp: _Stamp,
    before: Iterable[_Part] = _NOTHING,
) -> None:
    """Write the index's new parts, then its head; then remove the parts no longer used.

    A cache that cannot be written is just skipped. *before*, given for an index built
    anew, are the parts of the head it replaces.
    """
    index.stamp = stamp  # what it describes, stored or not
    try:
        dropped = index.flush(store)
        replace_file(head, index.dump(where, stamp, store.key))
    except (OSError, IndexDoubt):  # a part to merge gone meanwhile: the next run rebuilds
        return
    used = set(_all_parts(index))
    for part in {*before, *dropped} - used:
        store.path(part[1]).unlink(missing_ok=True)
    if before is not _NOTHING:  # a rebuild: also the parts of heads that lost a race
        _remove_orphans(store, {store.path(mac) for _, mac in used})


def _remove_orphans(store: _Store, used: set[Path]) -> None:
    """Remove the ledger's parts no head names (left by a head that lost a race)."""
    import time

    old = time.time() - ORPHAN_AGE
    for path in store.folder.glob(f"{store.stem}.*.part"):
        try:
            if path not in used and path.lstat().st_mtime < old:
                path.unlink()
        except OSError:
            pass
