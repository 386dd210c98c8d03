"""Every answer served from the ledger index is byte for byte the plain path's: after
appends by hand, edits, a damaged or crafted index, missing parts and bad rows. And the
index is cheap where it must be: ``log`` reads under the lock only what was appended
since the index, and adds to the index without rewriting it.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.test_perf import _both, _ledger, write_plan
from ywplan.store import index as ledger_cache
from ywplan.store import ledger as ledger_mod
from ywplan.store.index import open_index

Twins = tuple[Path, Path]

VIEWS = (
    ("status", "--format", "json"),
    ("status", "--format", "csv", "--unit", "西中县", "--as-of", "2024-11-30"),
    ("status", "--behind"),
    ("log", "1.t1", "7", "--date", "2024-03-01", "--yes"),
    ("log", "4.t4", "80", "--date", "2024-11-30", "--yes"),
    ("units", "--format", "json"),
    ("units", "--quarter", "2024Q2", "--format", "csv"),
    ("units",),
    ("report", "--quarter", "2024Q3", "--format", "txt"),
    ("report", "--quarter", "2024Q4", "--format", "markdown"),
    ("report", "--quarter", "2024Q2", "--format", "csv"),
    ("report", "--quarter", "2024Q4", "--format", "html"),
    ("report", "--month", "2024-11", "--format", "json"),
    ("report", "--quarter", "2024Q4", "--unit", "西中县", "--format", "json"),
)


@pytest.fixture
def twins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Twins:
    """Two identical province folders (3,000 entries with undo pairs) and a cache dir."""
    first = tmp_path / "cached" / "plans"
    write_plan(first, "province", 3000)
    shutil.copytree(first, tmp_path / "plain" / "plans")
    monkeypatch.setenv("YWPLAN_CACHE_DIR", str(tmp_path / "cache"))
    return first.parent, tmp_path / "plain"


def _cache(twins: Twins) -> Path:
    return twins[0].parent / "cache"


def _parts(twins: Twins) -> list[Path]:
    return sorted(_cache(twins).glob("*.part"))


def _both_ledgers(twins: Twins, change: Callable[[Path], None]) -> None:
    for folder in twins:
        change(_ledger(folder))


def _append_by_hand(path: Path) -> None:
    """Lines another tool (or a git pull) appended: ywplan did not stamp after them."""
    rows = path.read_text(encoding="utf-8").splitlines()
    fields = rows[5].split(",")
    added = []
    for n in range(3):
        fields[0], fields[4], fields[9] = f"handmade{n:04d}", str(n + 1), ""
        added.append(",".join(fields))
    with open(path, "a", encoding="utf-8", newline="") as handle:
        handle.write("\n".join(added) + "\n")


def _same_size_edit(path: Path, *, keep_mtime: bool, where: float) -> None:
    """An amount changed for another of as many digits, at *where* (0..1) of the file."""
    data = path.read_bytes()
    lines = data.split(b"\n")
    at = max(int(len(lines) * where) - 2, 1)
    line = next(n for n in range(at, len(lines)) if lines[n].split(b",")[4].isdigit())
    fields = lines[line].split(b",")
    fields[4] = b"9" * len(fields[4])
    lines[line] = b",".join(fields)
    found = path.stat()
    path.write_bytes(b"\n".join(lines))
    mtime = found.st_mtime_ns if keep_mtime else found.st_mtime_ns + 5_000_000_000
    os.utime(path, ns=(found.st_atime_ns, mtime))


def _cut_last_line(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: data.rstrip(b"\n").rfind(b"\n") + 1])


def _replaced(path: Path) -> None:
    """The same bytes in a new file renamed into place (a restore, a git checkout)."""
    copy = path.with_name("copy.tmp")
    copy.write_bytes(path.read_bytes())
    os.replace(copy, path)


def _bad_row(path: Path) -> None:
    with open(path, "ab") as handle:
        handle.write(b"abcdefgh12,2024-05-01,1,t1,zz,,note,clerk,2024-05-01T09:00:00,\n")


LEDGER_CHANGES: dict[str, Callable[[Path], None]] = {
    "appended-by-hand": _append_by_hand,
    "edit-same-size-new-mtime": lambda p: _same_size_edit(p, keep_mtime=False, where=0.5),
    "edit-in-the-tail-same-mtime": lambda p: _same_size_edit(p, keep_mtime=True, where=0.999),
    "last-line-cut": _cut_last_line,
    "replaced-by-a-copy": _replaced,
    "bad-row": _bad_row,
}


def _damage_head(twins: Twins) -> None:
    for head in _cache(twins).glob("*.ledger-index"):
        head.write_bytes(head.read_bytes()[:-7])


def _drop_a_part(twins: Twins) -> None:
    parts = _parts(twins)
    max(parts, key=lambda p: p.stat().st_size).unlink()


def _garble_parts(twins: Twins) -> None:
    for part in _parts(twins):
        part.write_bytes(bytes(len(part.read_bytes())))


INDEX_CHANGES: dict[str, Callable[[Twins], None]] = {
    "head-damaged": _damage_head,
    "a-part-missing": _drop_a_part,
    "parts-garbled-same-size": _garble_parts,
}


@pytest.mark.parametrize("view", VIEWS, ids=[" ".join(v[:3]) for v in VIEWS])
@pytest.mark.parametrize("change", LEDGER_CHANGES, ids=list(LEDGER_CHANGES))
def test_after_a_change_to_the_ledger_every_view_is_the_plain_one(
    run: Run, twins: Twins, monkeypatch: pytest.MonkeyPatch, change: str, view: tuple[str, ...]
) -> None:
    _both(run, twins, monkeypatch, "log", "1.t1", "7", "--date", "2024-03-01")  # index built
    _both_ledgers(twins, LEDGER_CHANGES[change])
    _both(run, twins, monkeypatch, *view)
    _both(run, twins, monkeypatch, "status", "--format", "json")


@pytest.mark.parametrize("view", VIEWS, ids=[" ".join(v[:3]) for v in VIEWS])
@pytest.mark.parametrize("change", INDEX_CHANGES, ids=list(INDEX_CHANGES))
def test_after_damage_to_the_index_every_view_is_the_plain_one(
    run: Run, twins: Twins, monkeypatch: pytest.MonkeyPatch, change: str, view: tuple[str, ...]
) -> None:
    _both(run, twins, monkeypatch, "log", "1.t1", "7", "--date", "2024-03-01")  # index built
    INDEX_CHANGES[change](twins)
    _both(run, twins, monkeypatch, *view)
    _both(run, twins, monkeypatch, "status", "--format", "json")
    monkeypatch.setenv("YWPLAN_CACHE", "on")
    assert open_index(_ledger(twins[0])) is not None  # and the index is whole again


def test_log_reads_under_the_lock_only_what_was_appended_since_the_index(
    run: Run, twins: Twins, monkeypatch: pytest.MonkeyPatch
) -> None:
    _both(run, twins, monkeypatch, "log", "1.t1", "7", "--date", "2024-03-01")  # index built
    starts: list[int] = []
    plain = ledger_mod._read_ledger_bytes

    def reading(fd: int, path: Path, start: int = 0) -> bytes:
        starts.append(start)
        return plain(fd, path, start)

    monkeypatch.setattr(ledger_mod, "_read_ledger_bytes", reading)
    size = _ledger(twins[0]).stat().st_size
    _both(run, twins, monkeypatch, "log", "4.t4", "91.5", "--date", "2024-11-30")
    assert starts == [size, 0]  # the indexed ledger from its end; the plain one whole
    # a ledger changed after the index was opened is read whole under the lock
    starts.clear()
    _both_ledgers(twins, _append_by_hand)
    _both(run, twins, monkeypatch, "log", "4.t4", "92", "--date", "2024-11-30")
    assert starts[0] > size
    texts = [_ledger(folder).read_bytes().split(b"\n") for folder in twins]
    assert [line.split(b",")[1:8] for line in texts[0]] == [
        line.split(b",")[1:8] for line in texts[1]
    ]  # the same lines appended (ids and times aside)


def test_the_index_is_added_to_not_rewritten(
    run: Run, twins: Twins, monkeypatch: pytest.MonkeyPatch
) -> None:
    _both(run, twins, monkeypatch, "log", "1.t1", "7", "--date", "2024-03-01")  # index built
    before = {part: part.read_bytes() for part in _parts(twins)}

    def no_rebuild(data: bytes, name: str) -> None:
        raise AssertionError("the index should have been extended, not rebuilt")

    monkeypatch.setattr(ledger_cache, "_build", no_rebuild)
    _both(run, twins, monkeypatch, "log", "1.t1", "5", "--date", "2024-11-30")
    after = set(_parts(twins))
    assert set(before) <= after  # every part written before is still there, unchanged
    assert all(part.read_bytes() == data for part, data in before.items())
    assert len(after - set(before)) == 2  # one for the target's entry, one for its id
    for _ in range(ledger_cache.MAX_PARTS + 1):
        _both(run, twins, monkeypatch, "log", "1.t1", "1", "--date", "2024-11-30")
    monkeypatch.setenv("YWPLAN_CACHE", "on")
    index = open_index(_ledger(twins[0]))
    assert index is not None
    assert all(len(parts) <= ledger_cache.MAX_PARTS for parts in index._parts.values())
    used = {index._store.path(mac) for _, mac in ledger_cache._all_parts(index)}  # type: ignore[union-attr]
    assert set(_parts(twins)) == used  # the merged parts were removed
    _both(run, twins, monkeypatch, "status", "--format", "json")


def test_a_rebuild_removes_the_parts_no_head_names(
    run: Run, twins: Twins, monkeypatch: pytest.MonkeyPatch
) -> None:
    _both(run, twins, monkeypatch, "log", "1.t1", "7", "--date", "2024-03-01")  # index built
    (head,) = _cache(twins).glob("*.ledger-index")
    stem = head.name.split(".")[0]
    old, young = (_cache(twins) / f"{stem}.{name * 32}.part" for name in ("a", "b"))
    for orphan in (old, young):
        orphan.write_bytes(b"left by a head that lost a race")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    head.write_bytes(b"damaged")  # the next run rebuilds
    _both(run, twins, monkeypatch, "status", "--format", "json")
    assert not old.exists()
    assert young.exists()  # perhaps another clerk's, about to be named by its head


REPORTS = (
    ("report", "--quarter", "2024Q4", "--format", "txt"),
    ("report", "--quarter", "2024Q4", "--format", "html"),
    ("report", "--month", "2024-12", "--format", "json"),
)


def test_report_is_served_from_the_index_with_the_notes_appended_since(
    run: Run, twins: Twins, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in twins:  # an item without targets: a report shows its latest note
        with open(folder / "plans" / "province.yaml", "a", encoding="utf-8") as plan:
            plan.write("  - number: 31\n    title: 第31项工作\n")
    _both(run, twins, monkeypatch, "log", "1.t1", "7", "--date", "2024-03-01")  # index built
    days = ("2024-12-30", "2024-12-01", "2024-12-30", "2024-11-02")
    for n in range(ledger_cache.MAX_PARTS + 2):  # the parts are merged on the way
        note = ("  " if n == 3 else f"第{n}次宣讲") + " "
        _both(run, twins, monkeypatch, "log", "1.t1", "1", "--date", "2024-12-30", "-n", note)
        unit = ("--unit", "西中县") if n % 3 else ()
        day = days[n % len(days)]
        _both(run, twins, monkeypatch, "note", "31", f"进展{n}", "--date", day, *unit)
    shown = [_both(run, twins, monkeypatch, *view) for view in REPORTS]
    assert all("进展8" in text for text in shown)
    assert '"note": "进展8"' in shown[-1]  # the later line of the latest day

    def never(path: Path) -> None:
        raise AssertionError("the report should be served from the index")

    monkeypatch.setattr("ywplan.store.workspace.read_ledger", never)
    monkeypatch.setenv("YWPLAN_CACHE", "on")
    monkeypatch.chdir(twins[0])
    for view in REPORTS:
        assert run(*view, today="2024-12-31").exit_code == 0
