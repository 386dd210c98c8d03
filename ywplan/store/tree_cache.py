"""What a tree of offices feeds its root, cached while every file of the tree is unchanged.

A province's ``status`` would otherwise open a hundred plans and ledgers to learn what a
tree that has not changed since yesterday feeds it. The cache holds the root's feeds
(:class:`~ywplan.core.rollup.Feed`) and, to recheck the root's own ledger against them,
where each child's ``counts_toward`` stands; it is used only when every plan and
ledger below the root (and the root's plan) has the bytes it had, every ``children:``
entry finds the same files, and today is no earlier than when the tree was found clean
(an entry dated in the future then may be fine now, never the other way round). It
lives in the ledger indexes' folder, sealed with their key (:mod:`ywplan.store.index`).
Nothing here prints; a cache in any doubt is just not used.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import marshal
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ywplan.core.rollup import Feed, Rows
from ywplan.store.discovery import ledger_path
from ywplan.store.index import _save, _sealed, _unsealed, cache_dir, user_key
from ywplan.store.ledger import MAX_LEDGER_BYTES
from ywplan.store.textfile import read_regular
from ywplan.store.tree import Tree, found_by, real

VERSION = 1
MAX_CACHE_BYTES = 512 * 1024 * 1024

Places = Mapping[tuple[int, str, str], str]


def _digest(path: Path) -> bytes:
    """The file's SHA-256 (empty for a file that is missing or not a regular file)."""
    data = read_regular(path, MAX_LEDGER_BYTES, follow=True)
    return b"" if data is None else hashlib.sha256(data).digest()


def _state(tree: Tree) -> tuple[list[tuple[str, bytes]], list[tuple[str, str, list[str]]]]:
    """Every file of *tree* with its digest (the root's ledger aside: it is read anyway),
    and every ``children:`` entry with what it found."""
    files = []
    globs = []
    root = real(tree.root)
    for key, node in tree.nodes.items():
        files.append((str(key), _digest(key)))
        if key != root:
            ledger = ledger_path(key)
            files.append((str(ledger), _digest(ledger)))
        plan = node.plan_file.plan
        for pattern in plan.children if plan is not None else ():
            base = str(node.path.parent)
            globs.append((base, pattern, found_by(Path(base), pattern)))
    return files, globs


def _store(folder: Path, root: Path) -> Path:
    name = hashlib.sha256(str(real(root)).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return folder / f"{name}.tree-cache"


def save(tree: Tree, today: dt.date, feeds: list[Feed], places: Places) -> None:
    """Keep what *tree* feeds its root, found clean *today*."""
    folder, key = cache_dir(), user_key()
    if folder is None or key is None:
        return
    files, globs = _state(tree)
    fed = [
        (f.unit, f.plan, f.child, f.parent, f.additive, f.rows.ids, f.rows.days, f.rows.amounts)
        for f in feeds
    ]
    record = (VERSION, str(real(tree.root)), today.toordinal(), files, globs, fed, dict(places))
    with contextlib.suppress(ValueError):
        _save(_store(folder, tree.root), _sealed(marshal.dumps(record), key))


def load(root: Path, today: dt.date) -> tuple[list[Feed], Places] | None:
    """What the tree under the plan *root* feeds it and where its children's
    ``counts_toward`` stand, if nothing of the tree changed since; else None."""
    folder, key = cache_dir(), user_key()
    if folder is None or key is None:
        return None
    blob = read_regular(_store(folder, root), MAX_CACHE_BYTES)
    payload = None if blob is None else _unsealed(blob, key)
    if payload is None:
        return None
    try:
        record: Any = marshal.loads(payload)
        version, where, day, files, globs, fed, places = record
    except (ValueError, EOFError, TypeError):  # a payload of another build
        return None
    if version != VERSION or where != str(real(root)) or today.toordinal() < day:
        return None
    if any(_digest(Path(name)) != digest for name, digest in files):
        return None
    if any(found_by(Path(base), pattern) != found for base, pattern, found in globs):
        return None
    feeds = [
        Feed(unit, plan, child, tuple(parent), additive, Rows(ids, days, amounts, []))
        for unit, plan, child, parent, additive, ids, days, amounts in fed
    ]
    return feeds, places
