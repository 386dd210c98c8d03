"""The ledger index's cache file is never believed beyond what it can prove (issue 11).

A cache file is sealed with an HMAC under a per-user key kept outside the cache folder;
a file that is not sealed by that key, or is sealed but holds values of the wrong type
or range, or is not a regular file of a sane size, is ignored: the ledger is read
instead, silently, and a fresh cache file is written in its place.
"""

from __future__ import annotations

import array
import datetime as dt
import hashlib
import json
import marshal
import os
import random
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run
from tests.reliability_support import HEADER, TODAY, env, ledger_of, line, small_plan
from ywplan.store import cachefile, index

TRUTH = 30  # what the ledger says the training target has


@pytest.fixture
def ledger(run: Run, workdir: Path) -> Path:
    """A two-entry ledger (10 + 20) whose cache file ``status`` has just written."""
    path = ledger_of(small_plan(workdir))
    rows = (line("aaaa0001", amount="10"), line("aaaa0002", amount="20"))
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert actual(run) == TRUTH
    assert cache_file(path).is_file()
    return path


def cache_file(ledger: Path) -> Path:
    return index._cache_file(Path(os.environ["YWPLAN_CACHE_DIR"]), ledger.resolve())


def actual(run: Run) -> float:
    """What ``status`` shows for the training target; it must succeed and say nothing else."""
    result = run("status", "--format", "json", today=TODAY)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    found: float = json.loads(result.stdout)["items"][0]["targets"][0]["actual"]
    return found


# --- 6. a forged or damaged cache file ----------------------------------------------------------


def _old_record(ledger: Path, amounts: list[float]) -> bytes:
    """The index of *ledger* as the unkeyed v1 scheme stored it, with *amounts* instead."""
    data = ledger.read_bytes()
    day = dt.date(2024, 5, 10).toordinal()
    groups = {
        (1, "training"): (
            array.array("i", [day] * len(amounts)).tobytes(),
            array.array("d", amounts).tobytes(),
            array.array("H", [0] * len(amounts)).tobytes(),
            "\n".join(f"aaaa{n:04d}" for n in range(1, len(amounts) + 1)),
        )
    }
    digest = hashlib.sha1(data).digest()
    record = (1, str(ledger.resolve()), len(data), digest, 3, ["海宁市"], [], groups)
    return marshal.dumps(record)


@pytest.mark.parametrize("seal", ["sha1-v1", "sha256-unkeyed", "another-users-key"])
def test_a_forged_cache_file_is_not_believed(run: Run, ledger: Path, seal: str) -> None:
    payload = _old_record(ledger, [1_000_000.0, 21.0])
    if seal == "sha1-v1":  # the seal of version 1: a SHA-1 anyone can compute
        blob = b"ywplanix" + hashlib.sha1(payload).digest() + payload
    elif seal == "sha256-unkeyed":
        blob = index.MAGIC + hashlib.sha256(payload).digest() + payload
    else:
        blob = index._sealed(payload, random.Random(13).randbytes(32))
    cache_file(ledger).write_bytes(blob)
    assert actual(run) == TRUTH
    assert cache_file(ledger).read_bytes() != blob  # replaced by an honest one


def _key() -> bytes:
    key = cachefile.user_key()
    assert key is not None
    return key


def _valid_truncations() -> list[int]:
    return [0, 1, 8, len(index.MAGIC), index._HEAD - 1, index._HEAD, index._HEAD + 7, -1]


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: random.Random(11).randbytes(len(blob)),
        lambda blob: random.Random(12).randbytes(50_000),
        lambda blob: b"",
        *(lambda blob, n=n: blob[:n] for n in _valid_truncations()),
        lambda blob: blob[:-1] + bytes([blob[-1] ^ 1]),
        lambda blob: blob + b"\0",
    ],
    ids=[
        "random",
        "random-long",
        "empty",
        *(f"cut-{n}" for n in _valid_truncations()),
        "bit",
        "tail",
    ],
)
def test_a_damaged_cache_file_is_ignored_silently(
    run: Run, ledger: Path, damage: Callable[[bytes], bytes]
) -> None:
    store = cache_file(ledger)
    store.write_bytes(damage(store.read_bytes()))
    assert actual(run) == TRUTH


Record = list[Any]
_TRAINING = (1, "training")


def _store(ledger: Path) -> Any:
    """The part files' place and key, as ywplan makes them for *ledger*."""
    where = str(ledger.resolve())
    return index._Store(Path(os.environ["YWPLAN_CACHE_DIR"]), cachefile.cache_name(where), _key())


def _columns(record: Record, ledger: Path) -> list[Any]:
    """The training target's columns, read from its part files."""
    parts, _ = record[7][_TRAINING]
    pieces = [marshal.loads(_store(ledger).read(part)) for part in parts]
    return [b"".join(p[n] for p in pieces) for n in range(3)] + ["\n".join(p[3] for p in pieces)]


def _with_columns(record: Record, ledger: Path, columns: list[Any]) -> Record:
    """*record* whose training target is one part holding *columns*, written and sealed
    under the right key (as a bug or a leaked key could)."""
    part = _store(ledger).write(marshal.dumps(tuple(columns)))
    _, summary = record[7][_TRAINING]
    record[7] = {_TRAINING: ([part], summary)}
    return record


def _column(at: int, code: str, values: list[Any]) -> Callable[[Record, Path], Record]:
    def change(record: Record, ledger: Path) -> Record:
        columns = _columns(record, ledger)
        columns[at] = array.array(code, values).tobytes()
        return _with_columns(record, ledger, columns)

    return change


def _columns_changed(change: Callable[[list[Any]], list[Any]]) -> Callable[[Record, Path], Record]:
    return lambda record, ledger: _with_columns(record, ledger, change(_columns(record, ledger)))


def _replace(at: int, value: Any) -> Callable[[Record, Path], Record]:
    def change(record: Record, ledger: Path) -> Record:
        record[at] = value
        return record

    return change


def _stamp(at: int, value: Any) -> Callable[[Record, Path], Record]:
    def change(record: Record, ledger: Path) -> Record:
        stamp = list(record[2])
        stamp[at] = value
        record[2] = tuple(stamp)
        return record

    return change


def _target(value: Callable[[Any, Any], Any]) -> Callable[[Record, Path], Record]:
    """The training target's (parts, summary) replaced by *value* of them."""

    def change(record: Record, ledger: Path) -> Record:
        record[7] = {_TRAINING: value(*record[7][_TRAINING])}
        return record

    return change


def _summary(at: int, value: Any) -> Callable[[Record, Path], Record]:
    def change(parts: Any, summary: Any) -> Any:
        found = list(summary)
        found[at] = value
        return parts, tuple(found)

    return _target(change)


def _many(record: Record, ledger: Path) -> Record:
    """A consistent target of 100,000 entries for a ledger of 2 lines."""
    day = dt.date(2024, 5, 10).toordinal()
    n = 100_000
    columns = [
        array.array("I", [day] * n).tobytes(),
        array.array("d", [1.0] * n).tobytes(),
        array.array("I", [0] * n).tobytes(),
        "\n".join(f"bbbb{k:06d}" for k in range(n)),
    ]
    _with_columns(record, ledger, columns)
    return _summary(0, n)(record, ledger)


_DAY = dt.date(2024, 5, 10).toordinal()


def _reversal(ids: str, days: list[int], items: list[int], units: list[int]) -> tuple[Any, ...]:
    """Reversing lines as the head stores them (each correcting aaaa0001 of training)."""
    count = ids.count("\n") + 1
    numbers = (array.array("I", values).tobytes() for values in (days, items, units))
    return (ids, "\n".join(["aaaa0001"] * count), "\n".join(["training"] * count), *numbers)


SHAPES: dict[str, Callable[[Record, Path], Record]] = {
    "a-list": lambda record, ledger: ["not", "a", "record"],
    "too-short": lambda record, ledger: record[:5],
    "stamp-a-string": _replace(2, "115"),
    "size-a-string": _stamp(0, "115"),
    "size-negative": _stamp(0, -1),
    "size-huge": _stamp(0, 10**30),
    "digest-short": _stamp(4, b"\0" * 3),
    "lines-zero": _replace(3, 0),
    "lines-huge": _replace(3, 10**18),
    "units-not-a-list": _replace(4, "海宁市"),
    "unit-a-number": _replace(4, [7]),
    "units-repeated": _replace(4, ["海宁市", "海宁市"]),
    "reversals-not-a-list": _replace(5, {}),
    "reversal-short": _replace(5, ("zzzz0001", "aaaa0001", "training")),
    "reversal-typed-wrong": _replace(5, ("zzzz0001", "aaaa0001", "training", 1, 1, 0)),
    "reversal-columns-uneven": _replace(5, _reversal("zzzz0001\nzzzz0002", [_DAY], [1], [0])),
    "reversal-day-zero": _replace(5, _reversal("zzzz0001", [0], [1], [0])),
    "reversal-item-huge": _replace(5, _reversal("zzzz0001", [_DAY], [10**6], [0])),
    "reversal-unit-unknown": _replace(5, _reversal("zzzz0001", [_DAY], [1], [5])),
    "targets-a-list": _replace(7, []),
    "target-key-wrong": lambda record, ledger: _replace(7, {"1.training": record[7][_TRAINING]})(
        record, ledger
    ),
    "no-parts": _target(lambda parts, summary: ([], summary)),
    "too-many-parts": _target(lambda parts, summary: (parts * 9, summary)),
    "part-size-zero": _target(lambda parts, summary: ([(0, parts[0][1])], summary)),
    "part-of-another-size": _target(
        lambda parts, summary: ([(parts[0][0] + 1, parts[0][1])], summary)
    ),
    "part-of-another-seal": _target(lambda parts, summary: ([(parts[0][0], bytes(32))], summary)),
    "summary-short": _target(lambda parts, summary: (parts, summary[:4])),
    "summary-count-huge": _summary(0, 10**6),
    "summary-day-zero": _summary(1, 0),
    "summary-days-reversed": _summary(2, 1),
    "summary-unit-unknown": _summary(3, array.array("I", [99]).tobytes()),
    "summary-amount-nan": _summary(4, float("nan")),
    "shards-a-list": _replace(8, []),
    "shard-out-of-range": lambda record, ledger: _replace(
        8, {SHARD: record[8][next(iter(record[8]))]}
    )(record, ledger),
    "days-ragged": _columns_changed(lambda c: [b"\1\2\3", *c[1:]]),
    "ids-not-text": _columns_changed(lambda c: [*c[:3], 5]),
    "ids-too-few": _columns_changed(lambda c: [*c[:3], "aaaa0001"]),
    "columns-short": _columns_changed(lambda c: c[:3]),
    "day-zero": _column(0, "I", [_DAY, 0]),
    "day-negative": _column(0, "i", [_DAY, -1]),
    "day-beyond-9999": _column(0, "I", [_DAY, 10**9]),
    "amount-nan": _column(1, "d", [float("nan"), 1.0]),
    "amount-infinite": _column(1, "d", [float("inf"), 1.0]),
    "unit-code-unknown": _column(2, "I", [0, 99]),
    "columns-uneven": _column(1, "d", [1.0]),
    "huge-count": _many,
}
SHARD = 64  # one past the last shard


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
def test_a_sealed_cache_with_wrong_types_or_ranges_is_not_used(
    run: Run, ledger: Path, shape: Callable[[Record, Path], Record]
) -> None:
    """Even under the right key (a bug, a leaked key), only values of the right shape load:
    the head's when it is opened, a part's when a command first reads it."""
    store = cache_file(ledger)
    blob = store.read_bytes()
    payload = blob[index._HEAD :]
    assert index._sealed(payload, _key()) == blob  # the test seals as ywplan does
    forged = marshal.dumps(tuple(shape(list(marshal.loads(payload)), ledger)))
    store.write_bytes(index._sealed(forged, _key()))
    assert not _usable(store.read_bytes(), ledger)
    assert actual(run) == TRUTH


def _usable(blob: bytes, ledger: Path) -> bool:
    """Whether a head loads and every part it names reads."""
    loaded = index.LedgerIndex.load(blob, str(ledger.resolve()), _store(ledger))
    if loaded is None:
        return False
    try:
        loaded[0].groups  # noqa: B018 - reading every part
        for shard in range(index.SHARDS):
            loaded[0]._ids_of(shard)
    except index.IndexDoubt:
        return False
    return True


def test_an_untouched_cache_is_usable(run: Run, ledger: Path) -> None:
    """The control of the test above: the head and parts as written load."""
    assert _usable(cache_file(ledger).read_bytes(), ledger)


# --- the key --------------------------------------------------------------------------------------


def test_the_key_is_private_and_outside_the_cache_folder(ledger: Path) -> None:
    key = Path(os.environ["YWPLAN_KEY_DIR"]) / "key"
    assert key.is_file() and len(key.read_bytes()) == 32
    if os.name == "posix":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    cache = Path(os.environ["YWPLAN_CACHE_DIR"])
    assert cache not in key.parents
    assert not list(cache.glob("*key*"))


def test_the_key_lives_in_the_users_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("YWPLAN_KEY_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert cachefile.key_dir() == tmp_path / "config" / "ywplan"
    assert cachefile.user_key() == (tmp_path / "config" / "ywplan" / "key").read_bytes()
    assert cachefile.user_key() == cachefile.user_key()  # made once, then read


def _unusable_key(kind: str, folder: Path, tmp_path: Path) -> None:
    key = folder / "key"
    if kind == "folder-is-a-file":
        folder.rmdir()
        folder.write_bytes(b"")
    elif kind == "link":
        (tmp_path / "real-key").write_bytes(b"k" * 32)
        key.symlink_to(tmp_path / "real-key")
    elif kind == "readable-by-others":
        key.write_bytes(b"k" * 32)
        key.chmod(0o644)
    elif kind == "short":
        key.write_bytes(b"k" * 5)
        key.chmod(0o600)
    elif kind == "a-folder":
        key.mkdir()


@pytest.mark.parametrize(
    "kind", ["folder-is-a-file", "link", "readable-by-others", "short", "a-folder"]
)
def test_without_a_usable_key_there_is_no_cache(
    run: Run, workdir: Path, tmp_path: Path, kind: str
) -> None:
    if kind == "readable-by-others" and os.name != "posix":
        pytest.skip("file modes are POSIX")
    folder = Path(os.environ["YWPLAN_KEY_DIR"])
    _unusable_key(kind, folder, tmp_path)
    path = ledger_of(small_plan(workdir))
    path.write_text(HEADER + "\n" + line("aaaa0001", amount="30") + "\n", encoding="utf-8")
    assert actual(run) == TRUTH
    assert run("log", "1", "5", "--yes", today=TODAY).exit_code == 0
    assert actual(run) == TRUTH + 5
    assert not cache_file(path).exists()  # nothing sealed with a key in doubt
    assert cachefile.user_key() is None


# --- 5. the cache file is a regular file of a sane size, or it is ignored ------------------------


def _sparse_gigabyte(store: Path, tmp: Path) -> None:
    with open(store, "wb") as handle:
        handle.truncate(1024**3)  # takes no disk


SPECIAL: dict[str, Callable[[Path, Path], object]] = {
    "link-to-dev-zero": lambda store, tmp: store.symlink_to("/dev/zero"),
    "link-to-dev-urandom": lambda store, tmp: store.symlink_to("/dev/urandom"),
    "fifo": lambda store, tmp: os.mkfifo(store),
    "link-to-a-fifo": lambda store, tmp: (os.mkfifo(tmp / "pipe"), store.symlink_to(tmp / "pipe")),
    "sparse-gigabyte": _sparse_gigabyte,
}


# ``python -m ywplan`` that reports its peak memory (KB) on its last stderr line
PEAK_REPORTING = """
import resource, runpy, sys
try:
    runpy.run_module("ywplan", run_name="__main__", alter_sys=True)
finally:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.stderr.write(str(peak // 1024 if sys.platform == "darwin" else peak))
"""


def _limited() -> None:
    """Give the child 1.5 GB of address space, so a regression fails instead of swapping."""
    import resource

    limit = 3 * 512 * 1024**2
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")
@pytest.mark.parametrize("kind", SPECIAL)
def test_a_special_file_in_the_cache_folder_is_never_read(
    ledger: Path, tmp_path: Path, kind: str
) -> None:
    store = cache_file(ledger)
    store.unlink()
    SPECIAL[kind](store, tmp_path)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", PEAK_REPORTING, "status", "--format", "json"],
        cwd=ledger.parent.parent,
        env=env(),
        capture_output=True,
        timeout=20,
        check=False,
        preexec_fn=_limited,  # the child has no threads before exec
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["items"][0]["targets"][0]["actual"] == TRUTH
    peak_kb = int(done.stderr)  # and nothing else on stderr
    assert peak_kb < 300 * 1024  # not a gigabyte read into memory
    assert elapsed < 10  # generous for a loaded machine: a start-up and a 2-line ledger
    assert store.is_file() and not store.is_symlink()  # replaced by a fresh, regular file
    assert store.stat().st_size < 10_000


def test_a_link_to_a_regular_file_is_replaced_not_written_through(
    run: Run, ledger: Path, tmp_path: Path
) -> None:
    store = cache_file(ledger)
    victim = tmp_path / "victim"
    victim.write_bytes(store.read_bytes())  # even a once-valid cache, behind a link
    store.unlink()
    store.symlink_to(victim)
    before = victim.read_bytes()
    assert actual(run) == TRUTH
    assert victim.read_bytes() == before
    assert store.is_file() and not store.is_symlink()


def test_a_folder_in_place_of_the_cache_file_is_harmless(run: Run, ledger: Path) -> None:
    store = cache_file(ledger)
    store.unlink()
    store.mkdir()
    assert actual(run) == TRUTH
    assert run("log", "1", "5", "--yes", today=TODAY).exit_code == 0
    assert actual(run) == TRUTH + 5
