"""The workbooks ywplan writes (the report's, the sub-units' form): what holds whatever
library writes them.

Text is text (never a formula, a link or a number), the same report is the same bytes,
ywplan is the author ``-o`` recognises, sheet names are ones Excel opens, and writing a
workbook loads neither openpyxl (read only) nor anything before a workbook is asked for.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import Run
from tests.reportplan import TODAY, write_plan
from ywplan.render.xlsx import sheet_title, write_xlsx
from ywplan.reports.table import Column, Document, Table

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def demo(workdir: Path) -> Path:
    return write_plan(workdir)


def test_the_same_report_is_the_same_bytes_by_ywplan(run: Run, demo: Path, workdir: Path) -> None:
    first, second = workdir / "a.xlsx", workdir / "b.xlsx"
    for out in (first, second):
        assert run("report", "--quarter", "2024Q3", "-o", str(out), today=TODAY).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as book:
        core = book.read("docProps/core.xml").decode()
    assert "<dc:creator>ywplan</dc:creator>" in core
    assert ">2000-01-01T00:00:00Z</dcterms:created>" in core  # as the Word report: no clock
    again = run("report", "--quarter", "2024Q3", "-o", str(first), today=TODAY)
    assert again.exit_code == 0, again.output  # ywplan's own workbook: no --force needed


def test_the_form_is_the_same_bytes_and_by_ywplan(run: Run, demo: Path, workdir: Path) -> None:
    outs = [workdir / "f1.xlsx", workdir / "f2.xlsx"]
    for out in outs:
        result = run("form", "--unit", "东区", "--month", "2024-09", "-o", str(out), today=TODAY)
        assert result.exit_code == 0, result.output
    assert outs[0].read_bytes() == outs[1].read_bytes()
    book = openpyxl.load_workbook(outs[0])
    assert book.properties.creator == "ywplan"
    sheet = book.worksheets[0]
    assert sheet.protection.sheet and not sheet.protection.formatColumns  # widening allowed
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_options.horizontalCentered
    assert (sheet.page_margins.left, sheet.page_margins.right) == (0.5, 0.5)


TRICKY = (
    "=1+1",
    "+cmd",
    "-2",
    "@SUM(A1)",
    "http://example.com/x",
    "mailto:a@b.c",
    "0012",
    "1e5",
    "TRUE",
    "\x1b[31m红\x07",
    "",
)


def test_text_is_stored_as_text_never_a_formula_link_or_number(tmp_path: Path) -> None:
    table = Table(
        "表",
        (Column("text", "文本"), Column("n", "数", "number")),
        tuple((text, 1.5) for text in TRICKY),
    )
    document = Document("=标题", ("+一行",), (table,), ("=sheet",))
    path = tmp_path / "t.xlsx"
    path.write_bytes(write_xlsx(document))
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet.title == "=sheet"  # a sheet name is never evaluated
    assert sheet["A1"].value == "'=标题" and sheet["A2"].value == "'+一行"
    values = [sheet.cell(row=5 + i, column=1).value for i in range(len(TRICKY))]
    assert values == [
        "'=1+1",
        "'+cmd",
        "'-2",
        "'@SUM(A1)",
        "http://example.com/x",
        "mailto:a@b.c",
        "0012",
        "1e5",
        "TRUE",
        "␛[31m红␇",
        None,  # an empty text is an empty cell, as before
    ]
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type == "s" for c in cells if isinstance(c.value, str))
    assert not sheet._hyperlinks  # no link was made of a URL
    assert [sheet.cell(row=5 + i, column=2).value for i in range(2)] == [1.5, 1.5]
    assert sheet.cell(row=5, column=2).number_format == "0.0"
    assert book.properties.title == "'=标题"


@pytest.mark.parametrize(
    "name",
    (
        "a" * 40,
        "😀" * 20,  # two UTF-16 units each: Excel counts 31 of those
        "x" * 30 + "'yz",  # cut at 31 would end with an apostrophe
        "'quoted'",
        "[a]:b*c?d/e\\f",
        "",
    ),
)
def test_sheet_names_are_ones_excel_opens(name: str) -> None:
    from xlsxwriter import Workbook  # type: ignore[import-untyped, unused-ignore]

    used: set[str] = set()
    titles = [sheet_title(name, used) for _ in range(3)]
    assert len({t.lower() for t in titles}) == 3
    workbook = Workbook(None, {"in_memory": True})
    for title in titles:
        assert len(title.encode("utf-16-le")) <= 62
        assert not title.startswith("'") and not title.endswith("'")
        workbook.add_worksheet(title)  # raises on a name Excel refuses


def test_writing_a_workbook_loads_no_reader_and_importing_it_no_writer() -> None:
    code = (
        "import sys\n"
        "from ywplan.render import xlsx\n"
        "assert 'xlsxwriter' not in sys.modules, 'imported before a workbook is asked for'\n"
        "from ywplan.reports.table import Column, Document, Table\n"
        "table = Table('t', (Column('a', 'A'),), (('x',),))\n"
        "assert xlsx.write_xlsx(Document('T', (), (table,), ('S',))).startswith(b'PK')\n"
        "assert 'openpyxl' not in sys.modules, 'openpyxl loaded to write'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("lang", ("zh", "en"))
def test_the_form_keeps_its_validations_in_either_language(
    run: Run, demo: Path, workdir: Path, lang: str
) -> None:
    """Excel caps an error title at 32 characters and its message at 255; a longer one
    would lose its rule, so both languages' texts are checked in the file."""
    out = workdir / "form.xlsx"
    result = run(
        "form",
        "--unit",
        "东区",
        "--month",
        "2024-09",
        "--all",
        "-o",
        str(out),
        lang=lang,
        today=TODAY,
    )
    assert result.exit_code == 0, result.output
    rules = openpyxl.load_workbook(out).worksheets[0].data_validations.dataValidation
    assert sorted(v.type for v in rules) == ["date", "decimal", "decimal"]
    assert all(v.error and v.errorTitle and v.showErrorMessage for v in rules)
