"""Plan files of a tree as parsed, cached beside the ledger indexes (SPEC §8).

A province's status reads a hundred plan files; parsing their YAML with the marks that
place every problem costs more than reading its ledgers. Each plan's data and marks are
kept in the cache folder of the ledger indexes, sealed with the same key
(:mod:`ywplan.store.index`), and used only while the file's bytes are those parsed.
Nothing here prints; a cache that cannot be read or written is just not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
from pathlib import Path
from typing import Any, cast

from ywplan.store import yamlio
from ywplan.store.cachefile import cache_name
from ywplan.store.index import _save, _sealed, _unsealed, cache_dir, user_key
from ywplan.store.plan_file import MAX_PLAN_BYTES, PlanFile, built_plan, load_plan, parse_plan
from ywplan.store.textfile import decode, read_regular

VERSION = 1


def _store(folder: Path, plan: Path) -> Path:
    return folder / f"{cache_name(str(plan))}.plan-cache"


def _marks(table: dict[yamlio.Path, yamlio.Mark]) -> dict[yamlio.Path, tuple[int, int]]:
    return {path: (mark.line, mark.col) for path, mark in table.items()}


class _Stored(dict[Any, Any]):
    """Marks as the cache holds them: ``(line, col)`` pairs, each made a
    :class:`~ywplan.store.yamlio.Mark` only when a problem asks where it stands."""

    def get(self, key: Any, default: Any = None) -> Any:
        """The mark at *key*, else *default* (as ``Marks`` looks marks up)."""
        found = dict.get(self, key)
        return default if found is None else yamlio.Mark(*found)


def _restored(record: Any, where: str, digest: bytes) -> tuple[Any, yamlio.Marks] | None:
    """The data and marks a cache record holds for the file *where* with *digest*, or None."""
    if not (isinstance(record, tuple) and len(record) == 6):
        return None
    version, path, parsed, data, values, keys = record
    if version != VERSION or path != where or parsed != digest:
        return None
    if not (isinstance(values, dict) and isinstance(keys, dict)):
        return None
    return data, yamlio.Marks(cast(Any, _Stored(values)), cast(Any, _Stored(keys)))


def load_cached(path: Path) -> PlanFile:
    """The plan at *path*, from the cache when its bytes are those parsed, else parsed
    (and cached when it reads as YAML); exactly what :func:`load_plan` gives."""
    folder, key = cache_dir(), user_key()
    data = read_regular(path, MAX_PLAN_BYTES, follow=True) if folder and key else None
    if folder is None or key is None or data is None:
        return load_plan(path)
    digest = hashlib.sha256(data).digest()
    where = str(path.resolve())
    store = _store(folder, path.resolve())
    blob = read_regular(store, 64 * len(data) + 65536)
    payload = None if blob is None else _unsealed(blob, key)
    try:
        found = None if payload is None else _restored(marshal.loads(payload), where, digest)
    except (ValueError, EOFError, TypeError):  # a payload of another Python
        found = None
    if found is not None:
        return built_plan(found[0], found[1], str(path))
    text, problem = decode(data, str(path))
    if problem is not None:
        return load_plan(path)  # says what is wrong with the file, as ever
    plan_file = parse_plan(text, str(path))  # the very bytes the digest is of
    if plan_file.data is not None:  # it read as YAML: the same bytes will read the same
        marks = plan_file.marks
        record = (VERSION, where, digest, plan_file.data, _marks(marks.values), _marks(marks.keys))
        with contextlib.suppress(ValueError):  # data marshal cannot hold: not cached
            _save(store, _sealed(marshal.dumps(record), key))
    return plan_file
