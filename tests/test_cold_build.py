"""The ledger index built a chunk at a time, as columns, is exactly the index built from
the ledger read whole; and every command prints the same cold, warm and without a cache.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import marshal
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, Run
from ywplan.core.model import Plan
from ywplan.store import index as ledger_cache
from ywplan.store.ledger import HEADER_LINE, journal_path
from ywplan.store.workspace import open_plan

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import plan_yaml, unit_names, write_plan

TODAY = "2024-12-31"
UNITS = unit_names()
KEY = bytes(range(32))


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    """The benchmark's province plan: items 1-30, targets t1-t50, 90 sub-units."""
    path = tmp_path_factory.mktemp("plan") / "p.yaml"
    path.write_text(plan_yaml(UNITS), encoding="utf-8")
    found = open_plan(path).plan
    assert found is not None
    return found


# --- the same index both ways -----------------------------------------------------------

_kind = st.sampled_from(
    ["entry"] * 12 + ["note"] * 3 + ["undo"] * 4 + ["undo-wrong", "repeat", "bad"]
)
_line = st.tuples(
    _kind,
    st.integers(0, 1000),  # picks an earlier line, a day, ...
    st.sampled_from([("1", "t1"), ("2", "t2"), ("01", "t1"), ("1", "t31"), ("3", "t99")]),
    # Amounts and texts as a clerk's terminal writes them, and as others do: a float's
    # "5.0", zeros a spreadsheet keeps, a formula start, an invisible or control character.
    st.sampled_from(
        ["5", "-2.5", "12", "1.5", "0"] * 3 + ["5.0", "05", "-0", "1.50", "1234567.25"]
    ),
    st.sampled_from([UNITS[0], UNITS[1], "", "外省区"] * 3 + ["-东区", "@东区"]),
    st.sampled_from(
        ["", "ok", "中文说明"] * 4
        + ['say "hi"', "a,b", "=1+1", "+86", "-减少", "零\u200b宽", "c1\x85", "制表\t符"]
    ),
    st.sampled_from(["clerk"] * 12 + ["张三", "bad\x07by", "=by"]),
)


def _ledger_text(lines: list[tuple[Any, ...]]) -> str:
    """Ledger rows (without the header) made from drawn *lines*: entries, rows without an
    amount, right and wrong reversing lines, repeated ids and malformed lines."""
    rows: list[list[str]] = []
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for n, (kind, pick, (item, target), amount, unit, note, by) in enumerate(lines):
        day = (dt.date(2024, 1, 1) + dt.timedelta(days=pick % 400)).isoformat()
        if pick == 997:
            day = "2024-02-30"  # no such day
        row = [f"id{n:06d}x", day, item, target, amount, unit, note, by, f"{day}T09:00", ""]
        if kind == "note":
            row[3:5] = [target if pick % 2 else "", ""]
        elif kind in ("undo", "undo-wrong") and rows:
            original = rows[pick % len(rows)]
            negated = "" if not original[4] else str(-float(original[4]))
            row = [*original[:4], negated, *original[5:9], original[0]]
            row[0] = f"id{n:06d}u"
            if kind == "undo-wrong":
                row[5] = UNITS[2]
        elif kind == "repeat" and rows:
            row[0] = rows[pick % len(rows)][0]
        elif kind == "bad":
            out.write("garbage,line\n")
            continue
        rows.append(row)
        writer.writerow(row)
    return out.getvalue()


def _stored(index: ledger_cache.LedgerIndex, folder: Path, plan: Plan) -> tuple[Any, ...]:
    """What the index holds once written and loaded again, field by field."""
    store = index._store or ledger_cache._Store(folder, "s", KEY)
    index.flush(store)  # nothing is left to write in an index already stored
    stamp = (max(index.lines, 1) * 1000, 0, 0, 0, bytes(32))
    loaded = ledger_cache.LedgerIndex.load(index.dump("w", stamp, store.key), "w", store)
    assert loaded is not None
    found = loaded[0]
    groups = [
        (key, g.days.tobytes(), g.amounts.tobytes(), g.units.tobytes(), g.listed())
        for key, g in found.groups.items()
    ]
    shards = [
        (number, [marshal.loads(store.read(part)) for part in parts])
        for number, parts in found._shard_parts.items()
    ]
    counts = [found.error_count(plan, dt.date(2024, month, 28)) for month in (3, 12)]
    return (
        found.lines,
        found.unit_names,
        found.rows,
        found.reversals.payload(),
        groups,
        list(found._summaries.items()),
        shards,
        found.gone(),
        counts,
    )


@dataclass(frozen=True)
class LedgerShape:
    """A ledger as drawn for the chunked reads: rows, line ends, a BOM, a torn last line,
    and the chunk size a read uses (from one byte)."""

    lines: list[tuple[Any, ...]]
    newline: str
    bom: bool
    torn: bool
    chunk: int


LEDGER_SHAPES = st.builds(
    LedgerShape,
    lines=st.lists(_line, max_size=40),
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
    torn=st.booleans(),
    chunk=st.sampled_from([1, 9, 64, 300, 1 << 20]),
)


@settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(shape=LEDGER_SHAPES)
def test_the_column_build_stores_what_the_whole_build_stores(
    tmp_path_factory: pytest.TempPathFactory, plan: Plan, shape: LedgerShape
) -> None:
    text = HEADER_LINE + "\n" + _ledger_text(shape.lines)
    if shape.torn and text.count("\n") > 1:
        text = text[: -len(text.split("\n")[-2]) // 2 - 1]  # half the last line, no ending
    data = (("\ufeff" if shape.bom else "") + text.replace("\n", shape.newline)).encode("utf-8")
    folder = tmp_path_factory.mktemp("built")
    path = folder / "l.ledger.csv"
    path.write_bytes(data)
    whole = ledger_cache._build_whole(data, str(path))
    old_chunk = ledger_cache.CHUNK
    ledger_cache.CHUNK = shape.chunk
    try:
        with open(path, "rb") as handle:
            built = ledger_cache._build(handle, len(data), str(path))
    finally:
        ledger_cache.CHUNK = old_chunk
    assert (built is None) == (whole is None)
    if built is not None and whole is not None:
        new = _stored(built, folder / "new", plan)
        assert new == _stored(whole, folder / "old", plan)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=st.lists(_line, max_size=25),
    batch=st.lists(_line, min_size=1, max_size=4),
    cut=st.integers(0, 400),
)
def test_a_batch_not_all_there_is_left_out_of_the_build(
    tmp_path_factory: pytest.TempPathFactory,
    plan: Plan,
    lines: list[tuple[Any, ...]],
    batch: list[tuple[Any, ...]],
    cut: int,
) -> None:
    data = (HEADER_LINE + "\n" + _ledger_text(lines)).encode("utf-8")
    appended = _ledger_text(batch).replace("id0", "new").encode("utf-8")
    appended = appended[: min(cut, len(appended))]
    folder = tmp_path_factory.mktemp("pending")
    path = folder / "l.ledger.csv"
    path.write_bytes(data + appended)
    whole_batch = len(data) + len(_ledger_text(batch).encode("utf-8"))
    journal = f"ywplan-append {len(data)} {whole_batch} {os.stat(path).st_ino}\n"
    journal_path(path).write_text(journal, encoding="ascii")
    built = ledger_cache.open_index(path)  # cold: built from the bytes committed
    kept = data + appended if len(data) + len(appended) == whole_batch else data
    whole = ledger_cache._build_whole(kept, str(path))
    assert (built is None) == (whole is None)
    if built is not None and whole is not None:
        new = _stored(built, folder / "new", plan)
        assert new == _stored(whole, folder / "old", plan)


def test_a_plain_ledger_is_built_in_columns_not_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plan: Plan
) -> None:
    plan_path = write_plan(tmp_path, "p", 3000)
    ledger = plan_path.with_name("p.ledger.csv")
    data = ledger.read_bytes()

    def refused(data: bytes, name: str) -> None:
        raise AssertionError("a plain ledger should be built a chunk at a time")

    monkeypatch.setattr(ledger_cache, "CHUNK", 4096)
    monkeypatch.setattr(ledger_cache, "_build_whole", refused)
    with open(ledger, "rb") as handle:
        built = ledger_cache._build(handle, len(data), str(ledger))
    assert built is not None
    monkeypatch.undo()
    whole = ledger_cache._build_whole(data, str(ledger))
    assert whole is not None
    assert _stored(built, tmp_path / "new", plan) == _stored(whole, tmp_path / "old", plan)


# --- every command prints the same, cold, warm and without a cache -----------------------

COMMANDS = (
    ("status",),
    ("status", "--format", "json", "--as-of", "2024-06-30"),
    ("status", "--unit", UNITS[3], "--behind"),
    ("report", "--quarter", "2024Q3"),
    ("report", "--quarter", "2024Q2", "--format", "json"),
    ("units", "--as-of", "2024-09-30"),
)


@pytest.fixture
def province(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A province ledger of 3,000 entries with undo pairs; the index read in small chunks."""
    write_plan(tmp_path / "plans", "province", 3000)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(ledger_cache, "CHUNK", 8192)
    return tmp_path / "plans" / "province.ledger.csv"


def _outputs(run: Run, monkeypatch: pytest.MonkeyPatch, cache: str | None) -> list[Any]:
    """Every command's exit code and output, with the cache off (None) or in *cache*."""
    if cache is None:
        monkeypatch.setenv("YWPLAN_CACHE", "off")
    else:
        monkeypatch.delenv("YWPLAN_CACHE", raising=False)
        monkeypatch.setenv("YWPLAN_CACHE_DIR", cache)
    found = []
    for command in COMMANDS:
        result = run(*command, today=TODAY)
        found.append((command, result.exit_code, result.stdout, result.stderr))
    return found


def _same_every_way(run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Any]:
    """The outputs without a cache, cold, warm, and with a cache that cannot be written."""
    plain = _outputs(run, monkeypatch, None)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    for cache in (tmp_path / "cold", tmp_path / "cold", blocked / "cache"):
        assert _outputs(run, monkeypatch, str(cache)) == plain
    return plain


def _cold_builds(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Record whether each cold build was made in columns (True) or read whole (False)."""
    made: list[bool] = []
    whole = ledger_cache._build_whole

    def counted(data: bytes, name: str) -> ledger_cache.LedgerIndex | None:
        made.append(False)
        return whole(data, name)

    monkeypatch.setattr(ledger_cache, "_build_whole", counted)
    return made


def test_a_clean_ledger_prints_the_same_every_way(
    run: Run, monkeypatch: pytest.MonkeyPatch, province: Path, tmp_path: Path
) -> None:
    made = _cold_builds(monkeypatch)
    outputs = _same_every_way(run, monkeypatch, tmp_path)
    assert all(code == 0 for _, code, _, _ in outputs)
    assert made == []  # never read whole
    assert list((tmp_path / "cold").glob("*.part"))  # the index was stored


@pytest.mark.parametrize("crlf", [False, True])
def test_a_quoted_row_is_indexed_from_the_whole_read(
    run: Run, monkeypatch: pytest.MonkeyPatch, province: Path, tmp_path: Path, crlf: bool
) -> None:
    lines = province.read_text(encoding="utf-8").splitlines(keepends=True)
    fields = lines[5].rstrip("\n").split(",")
    fields[6] = '"说明, 带逗号"'
    lines[5] = ",".join(fields) + "\n"
    text = "".join(lines)
    province.write_bytes(text.replace("\n", "\r\n" if crlf else "\n").encode("utf-8"))
    made = _cold_builds(monkeypatch)
    _same_every_way(run, monkeypatch, tmp_path)
    assert made  # read whole, and indexed from that read
    assert list((tmp_path / "cold").glob("*.part"))


@pytest.mark.parametrize(
    "damage",
    ["bad row", "repeated id", "torn last line", "wrong reversal", "bad date"],
)
def test_a_ledger_with_errors_prints_the_same_every_way(
    run: Run, monkeypatch: pytest.MonkeyPatch, province: Path, tmp_path: Path, damage: str
) -> None:
    data = province.read_bytes()
    lines = data.decode("utf-8").splitlines(keepends=True)
    if damage == "bad row":
        lines.insert(1500, "not,a,row\n")
    elif damage == "repeated id":
        lines.append(lines[2000])
    elif damage == "torn last line":
        lines[-1] = lines[-1][:20]
    elif damage == "wrong reversal":
        undo = next(n for n in range(2000, len(lines)) if lines[n].rstrip("\n").split(",")[9])
        fields = lines[undo].split(",")
        fields[4] += "1"
        lines[undo] = ",".join(fields)
    else:
        fields = lines[2500].split(",")
        fields[1] = "2024-02-30"
        lines[2500] = ",".join(fields)
    province.write_bytes("".join(lines).encode("utf-8"))
    _same_every_way(run, monkeypatch, tmp_path)
    assert not list((tmp_path / "cold").glob("*.ledger-index"))  # no index for it


def test_a_batch_being_appended_is_not_indexed(
    run: Run, monkeypatch: pytest.MonkeyPatch, province: Path, tmp_path: Path
) -> None:
    data = province.read_bytes()
    lines = data.decode("utf-8").splitlines(keepends=True)
    batch = "".join("z" + line[1:] for line in lines[10:14])  # new ids, whole lines
    province.write_bytes(data + batch.encode("utf-8")[:-30])  # cut short by a killed writer
    inode = os.stat(province).st_ino
    journal = f"ywplan-append {len(data)} {len(data) + len(batch.encode())} {inode}\n"
    journal_path(province).write_text(journal, encoding="ascii")
    _same_every_way(run, monkeypatch, tmp_path)
    assert list((tmp_path / "cold").glob("*.ledger-index"))


def test_status_keeps_no_list_of_ids(tmp_path: Path) -> None:
    """A column of 1.5 million ids as strings is 120 MB: tallies leave the ids joined."""
    plan_path = write_plan(tmp_path, "p", 3000)
    ledger = plan_path.with_name("p.ledger.csv")
    for _ in range(2):  # built, then loaded from its parts
        index = ledger_cache.open_index(ledger)
        assert index is not None and index.gone()
        before = index.tallies(dt.date(2024, 12, 31), None)
        assert all(group._ids is None for group in index._loaded.values())
        assert index.tallies(dt.date(2024, 12, 31), None) == before


def test_log_with_a_cache_that_cannot_be_written(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The index built in memory and never stored still checks a new id against every
    shard, and prints what the plain read prints."""
    import re
    import shutil

    write_plan(tmp_path / "a" / "plans", "province", 3000)
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    monkeypatch.setattr(ledger_cache, "CHUNK", 8192)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    outputs = []
    for folder, cache in ((tmp_path / "a", "off"), (tmp_path / "b", "blocked")):
        monkeypatch.chdir(folder)
        if cache == "off":
            monkeypatch.setenv("YWPLAN_CACHE", "off")
        else:
            monkeypatch.delenv("YWPLAN_CACHE", raising=False)
            monkeypatch.setenv("YWPLAN_CACHE_DIR", str(blocked / "cache"))
        result = run("log", "1.t1", "5", "--date", "2024-11-30", today=TODAY)
        outputs.append((result.exit_code, re.sub(r"\b[a-z0-9]{8}\b", "<id>", result.output)))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] == 0
    assert ledger_cache.open_index(tmp_path / "b" / "plans" / "province.ledger.csv") is not None
    assert not blocked.is_dir()  # built in memory, never stored


def test_the_split_by_unit_keeps_machine_numbers(tmp_path: Path) -> None:
    """A report's per-unit parts of the index's columns stay arrays (3 to 6 times smaller
    than Python numbers: 100 MB at 1.5 million entries), with the same values."""
    from array import array

    plan_path = write_plan(tmp_path, "p", 3000)
    index = ledger_cache.open_index(plan_path.with_name("p.ledger.csv"))
    assert index is not None
    columns = index.counted()
    part = columns.by_unit()(UNITS[0])
    assert part.groups
    for key, picked in part.groups.items():
        assert isinstance(picked.days, array) and isinstance(picked.amounts, array)
        whole = columns.groups[key]
        code = index.unit_names.index(UNITS[0])
        at = [n for n, unit in enumerate(whole.units) if unit == code]
        assert list(picked.days) == [whole.days[n] for n in at]
        assert list(picked.amounts) == [whole.amounts[n] for n in at]
