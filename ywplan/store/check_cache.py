"""``check``'s findings for one plan and its ledger, kept while every byte is the same.

``check`` reads the whole ledger and judges every line, which at a province's size
costs more than everything else it does. Its result for a plan without children
depends on nothing but: the plan file's bytes, the ledger's bytes, today's date, the
path as given (it is in every message), the language, and the code that checks them
(ywplan's modules, the interpreter, pydantic and PyYAML). :func:`stamp` is a SHA-256 of
all of that — the ledger hashed whole, so no edit anywhere in it goes unseen, unlike the
index's cheaper test of its tail — and the findings are kept under that stamp, sealed
with the user's key like the ledger indexes (:mod:`ywplan.store.cachefile`). As
beancount's cache wraps its loader's whole result, this wraps ``check``'s: no rule is
judged here, a stored finding is only ever one ``check`` found.

Never kept: a plan whose ledger is not a regular file (a link, a pipe), one with an
append journal (a batch being written, or cut short), one with children (the tree is
other files), and ``--since`` (git history). Nothing here prints; a cache that cannot
be read or written is just not used.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import marshal
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ywplan.errors import Problem
from ywplan.store.cachefile import cache_dir, cache_name, replace_file, seal, unseal, user_key
from ywplan.store.discovery import ledger_path
from ywplan.store.ledger import MAX_LEDGER_BYTES, journal_path
from ywplan.store.plan_file import MAX_PLAN_BYTES
from ywplan.store.textfile import read_regular, regular_descriptor

_MAGIC = b"ywplan-check1"
_LIMIT = 64 * 1024 * 1024  # thousands of findings fit many times over
_PACKAGE = Path(__file__).resolve().parent.parent
Counts = tuple[int, int, int]  # items, targets, entries
_Record = tuple[bytes, list[tuple[Any, ...]], Counts]


@functools.cache
def _code() -> tuple[str, ...]:
    """What the checking code is: ywplan's modules (name, size, mtime) and the versions
    of the interpreter and of the libraries that read the plan (once per run)."""
    import pydantic
    import yaml

    parts = [sys.version, pydantic.VERSION, yaml.__version__]
    for path in sorted(_PACKAGE.rglob("*.py")):
        found = path.stat()
        parts.append(f"{path.relative_to(_PACKAGE)}:{found.st_size}:{found.st_mtime_ns}")
    return tuple(parts)


def _ledger_digest(ledger: Path) -> str | None:
    """The SHA-256 of the whole ledger, ``-`` when there is none; None when it is not a
    regular file, is too large, or has an append journal beside it."""
    if os.path.lexists(journal_path(ledger)):
        return None
    try:
        found = os.lstat(ledger)
    except FileNotFoundError:
        return "-"
    if not stat.S_ISREG(found.st_mode) or found.st_size > MAX_LEDGER_BYTES:
        return None
    fd = regular_descriptor(ledger, os.O_RDONLY)
    if fd is None:
        return None
    with open(fd, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def state(plan: Path) -> tuple[object, ...]:
    """What the plan and ledger files are now (size, mtime, inode, device), to tell
    whether they changed while ``check`` judged them (then nothing is kept)."""
    found: list[object] = []
    for path in (plan, ledger_path(plan), journal_path(ledger_path(plan))):
        try:
            info = os.stat(path)
        except OSError:
            found.append(None)
            continue
        found.append((info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev))
    return tuple(found)


def stamp(plan: Path, today: dt.date, lang: str) -> bytes | None:
    """The digest of everything the findings for *plan* depend on, or None when they
    cannot be kept (see the module's docstring) or there is no cache to keep them in."""
    if cache_dir() is None:
        return None
    try:
        data = read_regular(plan, MAX_PLAN_BYTES, follow=True)
        ledger = _ledger_digest(ledger_path(plan)) if data is not None else None
        if data is None or ledger is None:
            return None
        parts = [str(plan), today.isoformat(), lang, hashlib.sha256(data).hexdigest(), ledger]
        parts += _code()
    except OSError:
        return None
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).digest()


def _place(plan: Path) -> tuple[Path, bytes] | None:
    folder = cache_dir()
    key = user_key() if folder is not None else None
    if folder is None or key is None:
        return None
    return folder / f"{cache_name(str(plan.resolve()))}.check", key


def recall(plan: Path, stamped: bytes) -> tuple[list[Problem], Counts] | None:
    """The findings and counts kept for *plan* under *stamped*, or None."""
    try:
        place = _place(plan)
        blob = None if place is None else read_regular(place[0], _LIMIT)
        payload = None if blob is None or place is None else unseal(blob, place[1], _MAGIC)
        record = None if payload is None else marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (type(record) is tuple and len(record) == 3 and record[0] == stamped):
        return None
    try:
        return [Problem(*fields) for fields in record[1]], record[2]
    except TypeError:
        return None


def keep(plan: Path, stamped: bytes, problems: Sequence[Problem], counts: Counts) -> None:
    """Keep the findings and counts of *plan* under *stamped* for :func:`recall`."""
    fields = [(p.key, dict(p.args), p.path, p.line, p.col, p.severity, p.related) for p in problems]
    record: _Record = (stamped, fields, counts)
    try:
        place = _place(plan)
        if place is not None:
            replace_file(place[0], seal(marshal.dumps(record), place[1], _MAGIC))
    except (OSError, ValueError):  # no cache, or a value marshal cannot hold: not kept
        pass
