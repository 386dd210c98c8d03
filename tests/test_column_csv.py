"""CSV made a column at a time is byte for byte what the csv module wrote a cell at a time.

The writers in ``ywplan.render.csv`` make each column's cells in one pass (a text
column joined, made visible and formula-safe, and split again; other columns once per
distinct value) and lay the rows out without the csv module. The reference below is the
writer they replaced, kept here to compare with: tables of every column kind holding
formula starts, controls, bidi and invisible characters, the join character itself,
commas, quotes, line breaks, Chinese, None, ints, floats, NaN and -0.0.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, Run
from ywplan.core.model import Entry, amount_empty
from ywplan.core.numbers import CANONICAL_AMOUNT, format_amount
from ywplan.render.csv import (
    csv_cell,
    csv_lines,
    ledger_lines_as_written,
    write_csv,
    write_csv_document,
)
from ywplan.reports.entries import LEDGER_COLUMNS, ledger_table
from ywplan.reports.table import (
    Cell,
    Column,
    ColumnarTable,
    ColumnKind,
    Document,
    Table,
    per_distinct,
    per_value,
)
from ywplan.safetext import spreadsheet_text, spreadsheet_texts, unchanged_cell
from ywplan.store.ledger import HEADER_LINE, ROW_FIELDS, parse_ledger
from ywplan.store.workspace import open_workspace

# --- the reference: the writer a cell at a time, as it was --------------------------------


def reference_csv(table: Table, *, bom: bool = True) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([spreadsheet_text(c.heading) for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_cell(c, v) for c, v in zip(table.columns, row, strict=True)])
    return ("\ufeff" if bom else "") + buffer.getvalue()


def reference_document(document: Document) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([spreadsheet_text(document.title)])
    for line in document.lines:
        writer.writerow([spreadsheet_text(line)])
    for table in document.tables:
        writer.writerow([])
        writer.writerow([spreadsheet_text(table.title)])
        writer.writerow([spreadsheet_text(c.heading) for c in table.columns])
        for row in table.rows:
            writer.writerow([csv_cell(c, v) for c, v in zip(table.columns, row, strict=True)])
        for note in table.notes:
            writer.writerow([spreadsheet_text(note)])
    return "\ufeff" + buffer.getvalue()


def reference_ledger_table(entries: Sequence[Entry]) -> Table:
    def cell(amount: float) -> float | None:
        return None if amount_empty(amount) else amount

    columns = tuple(Column(key, key, kind) for key, kind in LEDGER_COLUMNS)
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (e.id, e.date.isoformat(), e.item, e.target, cell(e.amount), *e[5:10]) for e in entries
    )
    return Table("", columns, rows)


# --- tables of every kind of cell ----------------------------------------------------------

HOSTILE = [
    "=cmd|' /C calc'!A0",
    "+1",
    "-2",
    "@SUM(A1)",
    "\t=tab",
    "\r=cr",
    "a\x1fb",  # the character a column is joined with
    "\x1f",
    "\x1b[2J",
    "\x07",
    "\x9b",
    "\u202eexe.txt",
    "\u200b",
    "\ufeff",
    "a,b",
    'say "hi"',
    "line\nbreak",
    "cr\rlf",
    "",
    " ",
    "团员，发展",
    "示例:南湖区",
    "'=quoted",
]
text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8))
number = st.one_of(
    st.integers(-(10**17), 10**17),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, -0.0, 1, 1.0, 0.1, 2.5, 1e15, 1e16, -1e-7]),
)
CELLS: dict[ColumnKind, st.SearchStrategy[Cell]] = {
    "text": st.one_of(text, text, st.none(), number, st.just(math.nan)),
    "number": st.one_of(number, st.none(), text),
    "percent": st.one_of(number, st.none()),
    "signed": st.one_of(number, st.none()),
    "exact": st.one_of(number, st.none()),
    "state": st.one_of(st.sampled_from(["done", "behind", "on_track"]), st.none()),
    "flag": st.one_of(st.sampled_from(["red", "yellow", "blue"]), st.none()),
    "op": st.one_of(st.sampled_from([">=", "<="]), st.none()),
}


@st.composite
def tables(draw: st.DrawFn, kinds: Sequence[ColumnKind] = tuple(CELLS)) -> Table:
    chosen = draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=5))
    columns = tuple(Column(f"k{i}", draw(text), kind) for i, kind in enumerate(chosen))
    height = draw(st.integers(0, 12))
    # A column of few repeated values, or of mostly unique ones: both ways of making it.
    columns_cells = []
    for kind in chosen:
        pool = draw(st.lists(CELLS[kind], min_size=1, max_size=4))
        repeated = st.sampled_from(pool)
        columns_cells.append(
            draw(st.lists(st.one_of(repeated, CELLS[kind]), min_size=height, max_size=height))
        )
    rows = tuple(zip(*columns_cells, strict=True)) if height else ()
    return Table(draw(text), columns, rows, tuple(draw(st.lists(text, max_size=2))))


def same(made: Callable[[], str], reference: Callable[[], str]) -> None:
    """Both give the same text, or both refuse the same way (a NaN is no amount)."""
    try:
        expected = reference()
    except (ValueError, OverflowError) as refused:
        with pytest.raises(type(refused)):
            made()
        return
    assert made() == expected


@settings(max_examples=400, deadline=None)
@given(tables(), st.booleans())
def test_a_table_is_what_the_cell_writer_wrote(table: Table, bom: bool) -> None:
    same(lambda: write_csv(table, bom=bom), lambda: reference_csv(table, bom=bom))


@settings(max_examples=200, deadline=None)
@given(tables(("text", "exact", "number")))
def test_a_columnar_table_is_what_its_rows_write(table: Table) -> None:
    columns = (
        tuple(zip(*table.rows, strict=True)) if table.rows else tuple(() for _ in table.columns)
    )
    columnar = ColumnarTable(table.title, table.columns, columns)
    same(lambda: write_csv(columnar), lambda: reference_csv(table))


@settings(max_examples=100, deadline=None)
@given(st.lists(tables(), min_size=0, max_size=3), text, st.lists(text, max_size=2))
def test_a_report_document_is_what_the_cell_writer_wrote(
    tables_: list[Table], title: str, lines: list[str]
) -> None:
    document = Document(title, tuple(lines), tuple(tables_), tuple("s" for _ in tables_))
    same(lambda: write_csv_document(document), lambda: reference_document(document))


@given(st.lists(text, max_size=30))
def test_a_column_of_texts_is_each_text_made_safe(texts: list[str]) -> None:
    assert spreadsheet_texts(texts) == [spreadsheet_text(t) for t in texts]


def test_a_long_column_is_made_whole_or_by_its_distinct_values() -> None:
    unique = [f"={n}\x1b" for n in range(3000)]
    repeated = ["-x", "示例\u202e", ""] * 1000
    for texts in (unique, repeated, [*unique, "a\x1fb"]):
        table = Table("", (Column("t", "t"),), tuple((v,) for v in texts))
        assert write_csv(table) == reference_csv(table)


def test_equal_values_are_made_once_and_a_nan_by_itself() -> None:
    calls: list[object] = []

    def make(value: float) -> str:
        calls.append(value)
        return repr(value)

    nan = math.nan
    assert per_value([1.0, 1.0, nan, 2.0, nan], make) == ["1.0", "1.0", "nan", "2.0", "nan"]
    assert len(calls) == 3
    assert per_distinct(["b", "a", "b"], lambda values: [v * 2 for v in values]) == [
        "bb",
        "aa",
        "bb",
    ]


# --- the command -------------------------------------------------------------------------

HOSTILE_NOTES = ["=1+1", "-x", "@y", "a,b", 'say "hi"', "团员，发展", "\u202eexe", "+\u200b"]


@pytest.fixture
def hostile_ledger(workdir: Path) -> Path:
    """The bundled plan and ledger, with notes a spreadsheet would run or hide appended."""
    plan = workdir / "plans" / "jiaxing-2024.yaml"
    shutil.copy(REPO / "plans" / "jiaxing-2024.yaml", plan)
    ledger = workdir / "plans" / "jiaxing-2024.ledger.csv"
    text = (REPO / "plans" / "jiaxing-2024.ledger.csv").read_text(encoding="utf-8-sig")
    first = text.splitlines()[1].split(",")
    rows = io.StringIO()
    writer = csv.writer(rows, lineterminator="\n")
    for n, note in enumerate(HOSTILE_NOTES):
        writer.writerow([f"hostile{n:02d}zzzzzzz", *first[1:6], note, *first[7:]])
    ledger.write_text("\ufeff" + text + rows.getvalue(), encoding="utf-8")
    return plan


def test_entries_csv_is_what_the_cell_writer_wrote(run: Run, hostile_ledger: Path) -> None:
    entries = open_workspace(hostile_ledger, dt.date(2024, 12, 31)).entries
    expected = reference_csv(reference_ledger_table(entries), bom=False)
    result = run("entries", "--format", "csv", today="2024-12-31")
    assert result.exit_code == 0, result.output
    assert result.stdout == expected.replace("\r\n", "\n")  # the runner reads lines back
    assert "'=1+1" in result.stdout and '"a,b"' in result.stdout
    assert write_csv(ledger_table(entries)) == reference_csv(reference_ledger_table(entries))


def test_entries_csv_to_a_file_starts_with_a_bom(run: Run, hostile_ledger: Path) -> None:
    entries = open_workspace(hostile_ledger, dt.date(2024, 12, 31)).entries
    result = run("entries", "-o", "e.csv", today="2024-12-31")
    assert result.exit_code == 0, result.output
    written = Path("e.csv").read_bytes().decode("utf-8")
    assert written == reference_csv(reference_ledger_table(entries))


# --- a canonical ledger line is written as it is -------------------------------------------

_amounts = st.one_of(
    st.integers(-(10**15) + 1, 10**15 - 1).map(str),
    st.decimals(-999_999, 999_999, places=4, allow_nan=False).map(str),
    st.from_regex(r"-?[0-9]{1,16}(\.[0-9]{1,10})?", fullmatch=True),
)


@settings(max_examples=500)
@given(_amounts)
def test_an_amount_the_pattern_keeps_is_what_the_writer_writes(amount: str) -> None:
    if re.fullmatch(CANONICAL_AMOUNT, amount):
        assert format_amount(float(amount)) == amount


@settings(max_examples=500)
@given(st.text(max_size=12))
def test_a_text_cell_the_pattern_keeps_is_what_the_writer_writes(text: str) -> None:
    if re.fullmatch(unchanged_cell(',"\r\n'), text):
        assert csv_cell(Column("note", "note", "text"), text) == text
        assert not any(mark in text for mark in ',"\r\n')  # never quoted


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["1", "01", "12", "99999"]),
            _amounts,
            st.sampled_from(["", "东区", "=1", "-1", "@a", "a\u200bb", "a\tb", "x\x85"]),
        ),
        max_size=8,
    )
)
def test_the_lines_kept_as_written_are_what_their_entries_write(
    rows: list[tuple[str, str, str]],
) -> None:
    lines = [
        f"id{n:06d}x,2024-03-01,{item},t1,{amount},东区,{note},clerk,2024-03-01T09:00,"
        for n, (item, amount, note) in enumerate(rows)
        if re.fullmatch(ROW_FIELDS["amount"], amount)
    ]
    text = "".join(line + "\n" for line in lines)
    ledger = parse_ledger(HEADER_LINE + "\n" + text)
    assert not ledger.problems
    kept = [line for line in lines if ledger_lines_as_written().fullmatch(line + "\n")]
    for entry, line in zip(ledger.entries, lines, strict=True):
        if line in kept:
            assert csv_lines(ledger_table([entry])) == line + "\r\n"
    whole = ledger_lines_as_written().match(text)
    assert whole is not None
    assert whole.end() == (
        len(text)
        if len(kept) == len(lines)
        else text.index(next(line for line in lines if line not in kept))
    )
