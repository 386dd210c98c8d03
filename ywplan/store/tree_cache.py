"""What a tree of offices feeds its root, cached while every file of the tree is unchanged.

A province's ``status`` would otherwise open a hundred plans and ledgers to learn what a
tree that has not changed since yesterday feeds it. The cache holds the root's feeds
(:class:`~ywplan.core.rollup.Feed`) and, to recheck the root's own ledger against them,
where each child's ``counts_toward`` stands; it is used only when every plan and
ledger below the root (and the root's plan) has the bytes it had, every ``children:``
entry finds the same files, and today is no earlier than when the tree was found clean
(an entry dated in the future then may be fine now, never the other way round). When
something changed, each branch under the root (a city and its counties) that did not
change gives what it fed before, so one county's new line re-reads its own branch
only. It lives in the ledger indexes' folder, sealed with their key (:mod:`ywplan.store.index`).
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
from ywplan.store.cachefile import cache_name
from ywplan.store.discovery import ledger_path
from ywplan.store.index import _save, _sealed, _unsealed, cache_dir, user_key
from ywplan.store.ledger import MAX_LEDGER_BYTES
from ywplan.store.textfile import read_regular
from ywplan.store.tree import Tree, below, found_by, real

VERSION = 2  # the record's layout: a cache of another layout is not used
MAX_CACHE_BYTES = 512 * 1024 * 1024

Places = Mapping[tuple[int, str, str], str]


class Digests:
    """Each file's SHA-256, read once per command (empty for a file that is missing or
    not a regular file)."""

    def __init__(self) -> None:
        self._found: dict[str, bytes] = {}

    def __call__(self, path: Path) -> bytes:
        """The digest of the file at *path*."""
        name = str(path)
        if name not in self._found:
            data = read_regular(path, MAX_LEDGER_BYTES, follow=True)
            self._found[name] = b"" if data is None else hashlib.sha256(data).digest()
        return self._found[name]


Files = list[tuple[str, bytes]]
Globs = list[tuple[str, str, list[str]]]


def _files(
    tree: Tree, nodes: list[Path], root: Path | None, digest: Digests
) -> tuple[Files, Globs]:
    """The plans *nodes* and their ledgers (the *root*'s aside: it is read anyway) with
    their digests, and every ``children:`` entry of theirs with what it found."""
    files: Files = []
    globs: Globs = []
    for key in nodes:
        files.append((str(key), digest(key)))
        if key != root:
            ledger = ledger_path(key)
            files.append((str(ledger), digest(ledger)))
        plan = tree.nodes[key].plan_file.plan
        for pattern in plan.children if plan is not None else ():
            base = str(key.parent)  # the real folder: the same however the root was named
            globs.append((base, pattern, found_by(Path(base), pattern)))
    return files, globs


def _same(files: Files, globs: Globs, digest: Digests) -> bool:
    """Every file has the bytes it had, every ``children:`` entry finds what it found."""
    return all(digest(Path(name)) == old for name, old in files) and all(
        found_by(Path(base), pattern) == found for base, pattern, found in globs
    )


def _fed(feeds: list[Feed]) -> list[tuple[Any, ...]]:
    return [
        (f.unit, f.plan, f.child, f.parent, f.additive, f.rows.ids, f.rows.days, f.rows.amounts)
        for f in feeds
    ]


def _feeds(records: Any) -> list[Feed]:
    return [
        Feed(unit, plan, child, tuple(parent), additive, Rows(ids, days, amounts, []))
        for unit, plan, child, parent, additive, ids, days, amounts in records
    ]


def _store(folder: Path, root: Path) -> Path:
    name = cache_name(str(real(root)))
    return folder / f"{name}.tree-cache"


Branch = tuple[str, Files, Globs, list[tuple[Any, ...]]]


class Cached:
    """A tree's cache as read: what the whole tree fed its root if nothing changed, else
    what each unchanged branch fed (each branch's feeds, in the root's order, add up to
    the whole tree's). A branch is the root's child and every plan under it, with the
    digests of their files and what their ``children:`` entries found."""

    def __init__(self, root: Path, today: dt.date) -> None:
        self.root = real(root)
        self.digest = Digests()
        self.record: Any = None
        self.kept: dict[str, Branch] = {}  # branches found unchanged, by real path
        folder, key = cache_dir(), user_key()
        if folder is None or key is None:
            return
        blob = read_regular(_store(folder, root), MAX_CACHE_BYTES)
        payload = None if blob is None else _unsealed(blob, key)
        if payload is None:
            return
        try:
            record: Any = marshal.loads(payload)
            version, where, day = record[:3]
        except (ValueError, EOFError, TypeError, IndexError):  # a payload of another build
            return
        ours = len(record) == 7 and (version, where) == (VERSION, str(self.root))
        if ours and today.toordinal() >= day:
            self.record = record

    def whole(self) -> tuple[list[Feed], Places] | None:
        """What the tree feeds its root and where its children's ``counts_toward`` stand,
        if no file of the tree changed and every glob finds the same files."""
        if self.record is None:
            return None
        _, _, _, files, globs, places, branches = self.record
        try:
            if not _same(files, globs, self.digest):
                return None
            if not all(_same(b[1], b[2], self.digest) for b in branches):
                return None
            return [feed for *_, fed in branches for feed in _feeds(fed)], places
        except (ValueError, TypeError, IndexError):  # a record of another shape: not used
            return None

    def branch(self, child: Path) -> list[Feed] | None:
        """What the root's child at the real path *child* fed, if nothing under it changed."""
        if self.record is None:
            return None
        try:
            found = next((b for b in self.record[6] if b[0] == str(child)), None)
            if found is None or not _same(found[1], found[2], self.digest):
                return None
            fed = _feeds(found[3])
        except (ValueError, TypeError, IndexError):  # a record of another shape: not used
            return None
        self.kept[found[0]] = found
        return fed

    def save(
        self,
        tree: Tree,
        today: dt.date,
        places: Places,
        branches: Mapping[Path, list[Feed]],
    ) -> None:
        """Keep what each branch of *tree* feeds its root, the tree found clean *today*
        (*tree* holds no plan under a branch kept from before)."""
        folder, key = cache_dir(), user_key()
        if folder is None or key is None:
            return
        files, globs = _files(tree, [self.root], self.root, self.digest)
        kept: list[Branch] = []
        for child, fed in branches.items():
            found = self.kept.get(str(child))
            if found is None:
                under = sorted(below(tree, tree.nodes[child]))
                found = (str(child), *_files(tree, under, None, self.digest), _fed(fed))
            kept.append(found)
        day = today.toordinal()
        record = (VERSION, str(self.root), day, files, globs, dict(places), kept)
        with contextlib.suppress(ValueError):
            _save(_store(folder, tree.root), _sealed(marshal.dumps(record), key))
