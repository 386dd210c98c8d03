"""``ywplan form`` and ``ywplan intake`` (SPEC §7): forms written, filled in with openpyxl
as a county clerk fills them (each mistake of issue 14 among them), taken in, and the
ledger asserted line by line."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import Run, write
from tests.forms_support import (
    AMOUNT,
    DATE,
    FIRST,
    HEADER,
    NOTE,
    SHEET,
    TODAY,
    cache_formulas,
    fill,
    ledger_lines,
    make_plan,
    row_id,
    without_stamp,
    write_form,
)


@pytest.fixture
def folder(workdir: Path) -> Path:
    make_plan(workdir)
    return workdir


def intake(run: Run, *files: Path | str, lang: str = "en") -> object:
    return run("intake", *(str(f) for f in files), today=TODAY, lang=lang)  # type: ignore[arg-type]


# --- the form -------------------------------------------------------------------------------


def test_the_form_lists_the_units_quotas_with_what_is_done_so_far(run: Run, folder: Path) -> None:
    form = write_form(run, folder)
    book = load_workbook(form)
    sheet = book.worksheets[0]
    assert sheet.title == SHEET
    assert sheet["A2"].value == "Reporting unit" and sheet["B2"].value == "东区"
    heads = [c.value for c in sheet[HEADER]]
    assert heads == [
        "Item",
        "Target id",
        "Target name",
        "Counted in",
        "Annual quota",
        "Done so far",
        "What to enter",
        "Amount this month",
        "Date",
        "Note",
    ]
    rows = [[c.value for c in row][:6] for row in sheet.iter_rows(min_row=FIRST)]
    # visits: no quota for 东区, not listed; coverage: the level it stood at on 08-31
    assert rows == [
        [1, "1.trained", "培训骨干", "人", 40, 30],
        [1, "1.events", "主题活动", "场", 4, 0],
        [2, "2.coverage", "团组织覆盖率", "%", 90, 70],
    ]


def test_only_the_fill_in_cells_are_unlocked_and_validated(run: Run, folder: Path) -> None:
    sheet = load_workbook(write_form(run, folder)).worksheets[0]
    assert sheet.protection.sheet
    for row in range(FIRST, FIRST + 3):
        assert [sheet[f"{c}{row}"].protection.locked for c in "ABCDEFG"] == [True] * 7
        assert [sheet[f"{c}{row}"].protection.locked for c in (AMOUNT, DATE, NOTE)] == [False] * 3
    rules = {
        # no operator is "between", the file format's default (Excel writes none either)
        (v.type, v.operator or "between", v.formula1, v.formula2): str(v.sqref)
        for v in sheet.data_validations.dataValidation
    }
    assert rules == {
        ("decimal", "greaterThanOrEqual", "0", None): f"{AMOUNT}11 {AMOUNT}12",
        ("decimal", "between", "-1E15", "1E15"): f"{AMOUNT}13",
        ("date", "between", "DATE(2024,1,1)", "DATE(2024,12,31)"): f"{DATE}11 {DATE}12 {DATE}13",
    }


def test_the_form_prints_on_a4_and_says_what_it_is_for(run: Run, folder: Path) -> None:
    book = load_workbook(write_form(run, folder))
    sheet = book.worksheets[0]
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == f"${HEADER}:${HEADER}"
    meta = book["ywplan"]
    assert meta.sheet_state == "veryHidden"
    assert {r[0]: r[1] for r in meta.iter_rows(values_only=True)} == {
        "plan": "示例团委2024年工作要点",
        "year": "2024",
        "unit": "东区",
        "month": "2024-09",
        "file": "demo-2024.yaml",
    }
    assert book.properties.creator == "ywplan"


def test_the_form_in_chinese(run: Run, folder: Path) -> None:
    out = folder / "东区.xlsx"
    result = run(
        "form", "--unit", "东区", "--month", "2024-09", "-o", str(out), lang="zh", today=TODAY
    )
    assert result.exit_code == 0, result.stderr
    sheet = load_workbook(out)["月报"]
    assert sheet["A1"].value == "示例团委 2024年9月 月报进度表"
    assert [c.value for c in sheet[HEADER]][7:] == ["本月数量", "完成日期", "备注"]


def test_all_targets_with_all(run: Run, folder: Path) -> None:
    sheet = load_workbook(write_form(run, folder, "南区", "--all")).worksheets[0]
    refs = [row[1] for row in sheet.iter_rows(min_row=FIRST, values_only=True)]
    assert refs == ["1.trained", "1.events", "1.visits", "2.coverage"]


def test_a_form_per_unit_into_a_folder(run: Run, folder: Path) -> None:
    result = run("form", "--all-units", "--month", "2024-09", "-o", "forms/", today=TODAY)
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in (folder / "forms").iterdir())
    assert names == [f"demo-2024-2024-09-{u}.xlsx" for u in sorted(["东区", "西区", "南区"])]
    again = run("form", "--all-units", "--month", "2024-09", "-o", "forms/", today=TODAY)
    assert again.exit_code == 0, again.stderr  # its own earlier output: replaced


def test_a_csv_form(run: Run, folder: Path) -> None:
    out = folder / "east.csv"
    result = run("form", "--unit", "东区", "--month", "2024-09", "-o", str(out), today=TODAY)
    assert result.exit_code == 0, result.stderr
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == (
        "ywplan-form,plan=示例团委2024年工作要点,year=2024,unit=东区,month=2024-09,file=demo-2024.yaml"
    )
    assert lines[HEADER - 1].startswith("Item,Target id,Target name")
    assert lines[HEADER] == "1,1.trained,培训骨干,人,40,30,added this month (人),,,"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--unit", "北区"), 1, '"北区" is not one of the plan\'s sub-units'),
        ((), 2, "name one unit with --unit, or use --all-units"),
        (("--unit", "东区", "--all-units"), 2, "name one unit with --unit"),
        (("--all-units",), 2, "--all-units needs a folder"),
        (("--unit", "东区", "-o", "x.pdf"), 2, '"x.pdf" is not an .xlsx or .csv file'),
        (("--unit", "东区", "--month", "2023-09"), 1, "2023-09 is outside the plan year 2024"),
        (("--unit", "东区", "-o", "plans/demo-2024.ledger.csv"), 1, "is a plan or a ledger"),
    ],
)
def test_form_refusals(
    run: Run, folder: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    before = (folder / "plans" / "demo-2024.ledger.csv").read_bytes()
    result = run("form", *args, today=TODAY)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert (folder / "plans" / "demo-2024.ledger.csv").read_bytes() == before


def test_a_form_to_standard_output(run: Run, folder: Path) -> None:
    as_csv = run(
        "form", "--unit", "东区", "--month", "2024-09", "-f", "csv", "-o", "-", today=TODAY
    )
    assert as_csv.exit_code == 0 and as_csv.stdout.startswith("\ufeffywplan-form,")
    piped = run(
        "form", "--unit", "东区", "--month", "2024-09", "-o", "-", "-f", "xlsx", today=TODAY
    )
    assert piped.exit_code == 0  # piped, as every binary format may be


def test_a_form_without_o_is_named_after_it(run: Run, folder: Path) -> None:
    assert run("form", "--unit", "东区", "--month", "2024-09", today=TODAY).exit_code == 0
    assert (folder / "demo-2024-2024-09-东区.xlsx").is_file()


def test_an_existing_file_not_written_by_ywplan_needs_force(run: Run, folder: Path) -> None:
    mine = folder / "mine.xlsx"
    Workbook().save(mine)
    result = run("form", "--unit", "东区", "-o", str(mine), today=TODAY)
    assert result.exit_code == 1 and "--force" in result.stderr
    assert run("form", "--unit", "东区", "-o", str(mine), "--force", today=TODAY).exit_code == 0


def test_a_form_in_january_has_nothing_so_far(run: Run, folder: Path) -> None:
    out = folder / "jan.xlsx"
    assert (
        run("form", "--unit", "东区", "--month", "2024-01", "-o", str(out), today=TODAY).exit_code
        == 0
    )
    sheet = load_workbook(out).worksheets[0]
    assert [row[5] for row in sheet.iter_rows(min_row=FIRST, values_only=True)] == [0, 0, 0]
    assert sheet["H2"].value == "—"


# --- intake: a form filled as a clerk fills it --------------------------------------------


def test_a_filled_form_is_taken_in_line_by_line(run: Run, folder: Path) -> None:
    filled = fill(
        write_form(run, folder),
        {
            "H11": 12,
            "I11": dt.datetime(2024, 9, 5),
            "J11": "第二期骨干班",
            "H12": "1场",  # the unit typed after the number
            "I12": "2024/9/6",
            "H13": "８５",  # full-width digits
            "I13": "9月20日",
            "J13": "覆盖率\n已复核",  # Alt+Enter in the cell
        },
    )
    result = intake(run, filled)
    assert result.exit_code == 0, result.stderr
    assert "took 3 entries (0 progress note(s)) from 1 file(s)" in result.stdout
    ids = [row_id(filled, SHEET, row) for row in (11, 12, 13)]
    assert [without_stamp(line) for line in ledger_lines(folder)] == [
        f"{ids[0]},2024-09-05,1,trained,12,东区,第二期骨干班,tester,",
        f"{ids[1]},2024-09-06,1,events,1,东区,,tester,",
        f"{ids[2]},2024-09-20,2,coverage,85,东区,覆盖率 已复核,tester,",
    ]


def test_the_same_form_twice_adds_nothing(run: Run, folder: Path) -> None:
    filled = fill(write_form(run, folder), {"H11": 12})
    assert intake(run, filled).exit_code == 0
    before = ledger_lines(folder)
    again = intake(run, filled)
    assert again.exit_code == 0
    assert "all 1 row(s) of these files were taken in before; nothing was added" in again.stderr
    assert ledger_lines(folder) == before
    twice = intake(run, filled, filled)
    assert twice.exit_code == 0 and ledger_lines(folder) == before


def test_a_different_file_with_the_same_numbers_is_new(run: Run, folder: Path) -> None:
    form = write_form(run, folder)
    first = fill(form, {"H11": 12, "I11": "2024-09-05"})
    assert intake(run, first).exit_code == 0
    second = fill(form, {"H11": 12, "I11": "2024-09-05", "J11": "补报"})
    assert intake(run, second).exit_code == 0
    assert len(ledger_lines(folder)) == 2


def test_a_note_without_an_amount_is_a_progress_note_and_blank_rows_are_skipped(
    run: Run, folder: Path
) -> None:
    filled = fill(write_form(run, folder), {"H11": 0, "J12": "活动方案已定", "I12": "2024-09-28"})
    result = intake(run, filled)
    assert result.exit_code == 0, result.stderr
    assert [without_stamp(line) for line in ledger_lines(folder)] == [
        f"{row_id(filled, SHEET, 12)},2024-09-28,1,,,东区,活动方案已定,tester,"
    ]


def test_a_form_sent_back_empty_adds_nothing(run: Run, folder: Path) -> None:
    result = intake(run, fill(write_form(run, folder), {}))
    assert result.exit_code == 0
    assert "the 1 file(s) hold no amount and no note; nothing was taken in" in result.stderr
    assert ledger_lines(folder) == []


def test_a_blank_date_is_the_months_last_day(run: Run, folder: Path) -> None:
    filled = fill(write_form(run, folder), {"H11": "1,200"})
    assert intake(run, filled).exit_code == 0
    assert ledger_lines(folder)[0].split(",")[1:5] == ["2024-09-30", "1", "trained", "1200"]


def test_excel_serial_dates_are_days(run: Run, folder: Path) -> None:
    filled = fill(write_form(run, folder), {"H11": 3, "I11": 45540, "H12": 1, "I12": "45541"})
    assert intake(run, filled).exit_code == 0
    assert [line.split(",")[1] for line in ledger_lines(folder)] == ["2024-09-05", "2024-09-06"]


def test_a_percent_typed_in_excel_is_the_percent_shown(run: Run, folder: Path) -> None:
    """Excel stores 85% as 0.85 in a cell it formats as a percent: the level is 85."""

    def percent(book: object) -> None:
        sheet = book.worksheets[0]  # type: ignore[attr-defined]
        sheet["H13"].number_format = "0%"
        sheet["H11"].number_format = "0.0%"

    filled = fill(write_form(run, folder), {"H13": 0.85}, percent)
    assert intake(run, filled).exit_code == 0
    assert ledger_lines(folder)[0].split(",")[3:6] == ["coverage", "85", "东区"]
    wrong = fill(write_form(run, folder), {"H11": 0.5}, percent)
    result = intake(run, wrong)
    assert result.exit_code == 1
    assert 'amount "50%" is in "%", but the target counts in "人"' in result.stderr


def test_a_formula_counts_with_the_value_excel_cached(run: Run, folder: Path) -> None:
    filled = fill(write_form(run, folder), {"H11": "=5+7"})
    cache_formulas(filled, {"H11": "12"})
    result = intake(run, filled)
    assert result.exit_code == 0, result.stderr
    assert ledger_lines(folder)[0].split(",")[4] == "12"


# Each mistake of issue 14: the cell named, the message of log, nothing written.
MISTAKES = [
    ({"H12": "30人"}, "H12", 'amount "30人" is in "人", but the target counts in "场"'),
    ({"H11": "=1+2"}, "H11", "the amount is a formula and the file holds no computed value"),
    ({"H11": -5}, "H11", "the amount must be greater than 0 (got -5)"),
    ({"H11": "五"}, "H11", 'amount "五" is not a number'),
    ({"H11": "1,5"}, "H11", "a comma may only separate thousands"),
    ({"H11": 5, "I11": "2023-12-01"}, "I11", "date 2023-12-01 is outside the plan year 2024"),
    ({"H11": 5, "I11": "2024-10-20"}, "I11", "is after today"),
    ({"H11": 5, "I11": "下周"}, "I11", '"下周" is not a date'),
    ({"I11": "2024-09-05"}, "I11", "a date, but no amount and no note"),
    ({"H13": 0}, "H13", "2.coverage is measured as a level, and a level of 0 cannot be logged"),
    ({"H11": 5, "J11": "x" * 501}, "J11", "note"),
    ({"B2": "西区", "H11": 5}, "B2", 'unit "西区" is not this form\'s unit (东区)'),
]


@pytest.mark.parametrize(("cells", "cell", "message"), MISTAKES)
def test_each_mistake_is_placed_at_its_cell_and_nothing_is_written(
    run: Run, folder: Path, cells: dict[str, object], cell: str, message: str
) -> None:
    filled = fill(write_form(run, folder), cells)
    ledger = folder / "plans" / "demo-2024.ledger.csv"
    before = ledger.read_bytes()
    result = intake(run, filled)
    assert result.exit_code == 1, result.output
    assert f"{filled}:{SHEET}!{cell}: error: " in result.stderr
    assert message in result.stderr
    assert "nothing was taken in" in result.stderr
    assert ledger.read_bytes() == before


def test_every_bad_row_of_every_file_is_reported(run: Run, folder: Path) -> None:
    form = write_form(run, folder)
    one = fill(form, {"H11": "五", "H12": "2024", "I12": "明天"})
    other = folder / "west.xlsx"
    assert (
        run("form", "--unit", "西区", "--month", "2024-09", "-o", str(other), today=TODAY).exit_code
        == 0
    )
    two = fill(other, {"H11": -1})
    result = intake(run, one, two)
    assert result.exit_code == 1
    assert result.stderr.count(": error: ") == 3
    assert f"{one}:{SHEET}!H11" in result.stderr and f"{one}:{SHEET}!I12" in result.stderr
    assert f"{two}:{SHEET}!H11" in result.stderr
    assert "3 problem(s); nothing was taken in" in result.stderr


def test_every_mistake_of_one_row_is_reported_at_its_cell(run: Run, folder: Path) -> None:
    """A clerk fixes a row once: its amount, date and note are each named, not the first."""
    filled = fill(write_form(run, folder), {"H11": "五", "I11": "下周", "J11": "x" * 501})
    result = intake(run, filled)
    assert result.exit_code == 1
    placed = [
        line.split(": error: ")[0] for line in result.stderr.splitlines() if ": error: " in line
    ]
    assert placed == [f"{filled}:{SHEET}!{cell}" for cell in ("H11", "I11", "J11")]
    assert "3 problem(s); nothing was taken in" in result.stderr


def test_merged_cells_and_extra_sheets_are_refused(run: Run, folder: Path) -> None:
    def merge(book: object) -> None:
        book.worksheets[0].merge_cells("H11:I11")  # type: ignore[attr-defined]
        book.create_sheet("Sheet2")["A1"] = "东区 9 月另报"  # type: ignore[attr-defined]

    filled = fill(write_form(run, folder), {"H11": 5}, merge)
    result = intake(run, filled)
    assert result.exit_code == 1
    assert f"{filled}:{SHEET}!H11: error: merged cells H11:I11 in the table" in result.stderr
    assert f'{filled}:Sheet2!A1: error: an extra sheet "Sheet2" holds data' in result.stderr


def test_an_empty_extra_sheet_is_no_extra_sheet(run: Run, folder: Path) -> None:
    filled = fill(write_form(run, folder), {"H11": 5}, lambda book: book.create_sheet("Sheet2"))
    assert intake(run, filled).exit_code == 0


def test_a_form_of_another_plan_or_year_is_refused(run: Run, folder: Path) -> None:
    def other_year(book: object) -> None:
        book["ywplan"]["B2"] = "2023"  # type: ignore[index]

    filled = fill(write_form(run, folder), {"H11": 5}, other_year)
    result = intake(run, filled)
    assert result.exit_code == 1
    assert (
        f'{filled}: error: this form was written for "示例团委2024年工作要点" 2023' in result.stderr
    )


def test_a_csv_form_is_placed_by_line_and_column(run: Run, folder: Path) -> None:
    out = folder / "east.csv"
    assert (
        run("form", "--unit", "东区", "--month", "2024-09", "-o", str(out), today=TODAY).exit_code
        == 0
    )
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    lines[HEADER] = lines[HEADER].removesuffix(",,,") + ",12,2024-09-05,"
    lines[HEADER + 1] = lines[HEADER + 1].removesuffix(",,,") + ",二,,"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = intake(run, out)
    assert result.exit_code == 1
    assert f'{out}:12:8: error: amount "二" is not a number' in result.stderr
    lines[HEADER + 1] = lines[HEADER + 1].replace(",二,", ",2,")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert intake(run, out).exit_code == 0
    assert [line.split(",")[1:6] for line in ledger_lines(folder)] == [
        ["2024-09-05", "1", "trained", "12", "东区"],
        ["2024-09-30", "1", "events", "2", "东区"],
    ]


# --- intake: any spreadsheet with a header row ---------------------------------------------


def test_a_plain_csv_with_chinese_headers_in_gbk(run: Run, folder: Path) -> None:
    text = "指标,数量,日期,单位,备注\n培训骨干,8,2024-09-02,西区,\n1.events,3场,9月3日,西区,夜校\n"
    sheet = folder / "west.csv"
    sheet.write_bytes(text.encode("gb18030"))
    result = intake(run, sheet)
    assert result.exit_code == 0, result.stderr
    assert [without_stamp(line) for line in ledger_lines(folder)] == [
        f"{row_id(sheet, '', 2)},2024-09-02,1,trained,8,西区,,tester,",
        f"{row_id(sheet, '', 3)},2024-09-03,1,events,3,西区,夜校,tester,",
    ]


def test_progress_notes_on_items_without_targets(run: Run, folder: Path) -> None:
    text = "事项,数量,日期,单位,备注\n3,,2024-09-25,东区,制度已印发\n4,,2024-09-26,,召开推进会\n"
    sheet = write(folder / "notes.csv", text)
    result = intake(run, sheet)
    assert result.exit_code == 0, result.stderr
    assert [line.split(",")[1:7] for line in ledger_lines(folder)] == [
        ["2024-09-25", "3", "", "", "东区", "制度已印发"],
        ["2024-09-26", "4", "", "", "", "召开推进会"],
    ]


def test_a_plain_workbook_with_english_headers(run: Run, folder: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["Report of the west district"])
    sheet.append(["Target", "Amount", "Date", "Unit", "Note"])
    sheet.append(["2.coverage", 82.5, dt.date(2024, 9, 30), "西区", ""])
    sheet.append(["走访青年", 4, "2024-09-11", "北区", ""])
    sheet.append(["培训骨干人数", 4, "2024-09-11", "西区", ""])
    path = folder / "west.xlsx"
    book.save(path)
    result = intake(run, path)
    assert result.exit_code == 1
    assert f'{path}:Data!D4: error: "北区" is not one of the plan\'s sub-units' in result.stderr
    assert f'{path}:Data!A5: error: the plan has no target called "培训骨干人数"' in result.stderr
    assert 'did you mean "培训骨干"' in result.stderr


def test_a_sheet_without_a_header_row(run: Run, folder: Path) -> None:
    path = write(folder / "x.csv", "a,b\n1,2\n")
    result = intake(run, path)
    assert result.exit_code == 1 and f"{path}: error: no header row found" in result.stderr


# --- intake: files that are not forms -----------------------------------------------------


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/workbook.xml", "<workbook/>")
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(200):
                member.write(block)


def test_a_zip_bomb_is_refused_at_once(run: Run, folder: Path) -> None:
    bomb = folder / "bomb.xlsx"
    _zip_bomb(bomb)
    assert bomb.stat().st_size < 1024 * 1024
    started = time.monotonic()
    result = intake(run, bomb)
    assert time.monotonic() - started < 2
    assert result.exit_code == 1
    assert f"{bomb}: error: the workbook unpacks to more than 40 MB" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.xlsx", b"just some text", "this is not a spreadsheet (xlsx or csv)"),
        ("scan.pdf", b"%PDF-1.4", "this is not a spreadsheet (xlsx or csv)"),
        (
            "locked.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 500
            + "EncryptionInfo".encode("utf-16-le"),
            "the workbook is encrypted",
        ),
        (
            "old.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500,
            "this is an old .xls workbook",
        ),
        ("word.xlsx", b"", "this is not a spreadsheet"),
        ("torn.xlsx", b"", "the workbook is damaged"),
    ],
)
def test_files_that_are_not_forms_are_named(
    run: Run, folder: Path, name: str, content: bytes, message: str
) -> None:
    path = folder / name
    if name == "word.xlsx":
        with zipfile.ZipFile(path, "w") as book:
            book.writestr("word/document.xml", "<document/>")
    elif name == "torn.xlsx":
        buffer = io.BytesIO()
        Workbook().save(buffer)
        path.write_bytes(buffer.getvalue()[:-200])
    else:
        path.write_bytes(content)
    result = intake(run, path)
    assert result.exit_code == 1
    assert f"{path}: error: {message}" in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_file(run: Run, folder: Path) -> None:
    result = intake(run, "nowhere.xlsx")
    assert result.exit_code == 1 and "nowhere.xlsx: error: cannot read the file" in result.stderr


def test_intake_messages_in_chinese(run: Run, folder: Path) -> None:
    filled = fill(write_form(run, folder), {"H11": "五"})
    result = intake(run, filled, lang="zh")
    assert result.exit_code == 1
    assert f"{filled}:{SHEET}!H11: 错误: 数量“五”不是数字" in result.stderr
    assert "有 1 处问题,什么都没有录入" in result.stderr


SOFFICE = ("soffice", "--headless", "--convert-to")


# --- LibreOffice opens the form -------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_form_on_one_a4_page(run: Run, folder: Path) -> None:
    form = write_form(run, folder)
    outdir = folder / "pdf"
    subprocess.run(
        [*SOFFICE, "pdf", "--outdir", str(outdir), str(form)],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(folder), "PATH": "/usr/bin:/bin"},
    )
    pdf = (outdir / form.with_suffix(".pdf").name).read_bytes()
    pages = re.findall(rb"/Type\s*/Page\b(?!s)", pdf)
    boxes = {
        (round(float(w)), round(float(h)))
        for w, h in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    }
    assert len(pages) == 1  # three targets and the instructions fit on one page
    assert boxes == {(842, 595)}  # A4, landscape


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_form_saved_again_by_libreoffice_is_taken_in(run: Run, folder: Path) -> None:
    """A clerk who fills the form in LibreOffice (or WPS) saves it again: the metadata,
    the protection and Excel's computed value of a formula survive."""
    filled = fill(write_form(run, folder), {"H11": 3, "I11": "2024-09-05", "H12": "=1+2"})
    outdir = folder / "saved"
    subprocess.run(
        [*SOFFICE, "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(filled)],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(folder), "PATH": "/usr/bin:/bin"},
    )
    saved = outdir / filled.name
    result = intake(run, saved)
    assert result.exit_code == 0, result.stderr
    assert [line.split(",")[1:6] for line in ledger_lines(folder)] == [
        ["2024-09-05", "1", "trained", "3", "东区"],
        ["2024-09-30", "1", "events", "3", "东区"],
    ]


def _entity_bomb(path: Path) -> None:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    with zipfile.ZipFile(buffer) as book:
        members = {info.filename: book.read(info) for info in book.infolist()}
    laughs = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
    members["xl/workbook.xml"] = laughs + members["xl/workbook.xml"].split(b"?>")[-1]
    with zipfile.ZipFile(path, "w") as book:
        for name, data in members.items():
            book.writestr(name, data)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"a,b\n" + b"1,2\n" * 6000), "the sheet has more than 5000 rows"),
        (lambda p: p.write_bytes(b"\0" * (11 * 1024 * 1024)), "the file is larger than 10 MB"),
        (lambda p: p.write_bytes(b"\xff\xfe\0\0binary"), "this is not a spreadsheet"),
        (lambda p: p.mkdir(), "this is not a spreadsheet"),
        (lambda p: __import__("os").mkfifo(p), "this is not a spreadsheet"),
    ],
    ids=["rows", "size", "binary", "folder", "fifo"],
)
def test_hostile_csv_files_are_refused_without_hanging(
    run: Run, folder: Path, make: object, message: str
) -> None:
    path = folder / "x.csv"
    make(path)  # type: ignore[operator]
    started = time.monotonic()
    result = intake(run, path)
    assert time.monotonic() - started < 5
    assert result.exit_code == 1 and f"{path}: error: {message}" in result.stderr


def test_an_xml_entity_bomb_is_a_damaged_workbook(run: Run, folder: Path) -> None:
    path = folder / "laughs.xlsx"
    _entity_bomb(path)
    result = intake(run, path)
    assert result.exit_code == 1 and "the workbook is damaged" in result.stderr
