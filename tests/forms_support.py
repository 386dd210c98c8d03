"""A small plan with sub-unit quotas (sum and level targets, a milestone, a qualitative
item) and its ledger, and helpers that fill a form as a county clerk would."""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import Run, write
from ywplan.core.model import derived_id

PLAN = """
plan: 示例团委2024年工作要点
org: 示例团委
year: 2024
units: [东区, 西区, 南区]
items:
  - number: 1
    title: 培训骨干
    targets:
      - id: trained
        name: 培训骨干
        unit: 人
        min: 100
        by_unit: {东区: 40, 西区: 40, 南区: 20}
      - id: events
        name: 主题活动
        unit: 场
        min: 10
        by_unit: {东区: 4, 西区: 6}
      - id: visits
        name: 走访青年
        unit: 次
        min: 50
  - number: 2
    title: 提高覆盖率
    targets:
      - id: coverage
        name: 团组织覆盖率
        unit: "%"
        kind: level
        baseline: 60
        min: 90
        by_unit: {东区: 90, 西区: 90}
  - number: 3
    title: 加强作风建设
    milestones:
      - {id: rules, name: 修订作风建设制度, due: 2024-09-15}
  - number: 4
    title: 定性事项
"""

# id,date,item,target,amount,unit,note,by,recorded_at,corrects
LEDGER = """\
\ufeffid,date,item,target,amount,unit,note,by,recorded_at,corrects
aaaa0001,2024-02-10,1,trained,30,东区,,张敏,2024-02-11T09:00:00+08:00,
aaaa0002,2024-08-05,1,trained,20,西区,,李娜,2024-08-06T09:00:00+08:00,
aaaa0003,2024-05-01,2,coverage,70,东区,,张敏,2024-05-02T09:00:00+08:00,
aaaa0004,2024-09-03,1,events,2,西区,,李娜,2024-09-04T09:00:00+08:00,
aaaa0005,2024-09-10,1,trained,5,南区,,王强,2024-09-11T09:00:00+08:00,
aaaa0006,2024-09-10,1,trained,-5,南区,记错了,王强,2024-09-12T10:00:00+08:00,aaaa0005
aaaa0007,2024-09-20,3,,,东区,制度初稿已成,张敏,2024-09-20T10:00:00+08:00,
"""
TODAY = "2024-10-08"
SHEET = "Form"  # the form's sheet, in English
HEADER = 10  # the form's header row: title, unit line, six lines of instructions, a blank
FIRST = HEADER + 1
# The columns a clerk fills in.
AMOUNT, DATE, NOTE = "H", "I", "J"


def make_plan(folder: Path) -> Path:
    """The plan and its ledger in *folder*/plans."""
    plan = write(folder / "plans" / "demo-2024.yaml", PLAN)
    (folder / "plans" / "demo-2024.ledger.csv").write_text(LEDGER, encoding="utf-8")
    return plan


def ledger_lines(folder: Path) -> list[str]:
    """The ledger's lines after the demo's own."""
    text = (folder / "plans" / "demo-2024.ledger.csv").read_text(encoding="utf-8")
    return text.splitlines()[len(LEDGER.splitlines()) :]


def without_stamp(line: str) -> str:
    """A ledger line without its recorded_at (the time of the run)."""
    fields = line.split(",")
    return ",".join(fields[:8] + fields[9:])


def row_id(path: Path, sheet: str, row: int) -> str:
    """The id intake gives the row *row* of *path*."""
    return derived_id(hashlib.sha256(path.read_bytes()).hexdigest(), sheet, str(row))


def write_form(run: Run, folder: Path, unit: str = "东区", *extra: str) -> Path:
    """``ywplan form`` for *unit*, September 2024, into *folder*."""
    out = folder / f"form-{unit}.xlsx"
    result = run("form", "--unit", unit, "--month", "2024-09", "-o", str(out), *extra, today=TODAY)
    assert result.exit_code == 0, result.stderr
    return out


def fill(path: Path, cells: dict[str, Any], edit: Callable[[Any], None] | None = None) -> Path:
    """Open the form as Excel would, type *cells* (``{"H11": 12}``), save it as a copy."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.worksheets[0]
    for ref, value in cells.items():
        sheet[ref] = value
    if edit is not None:
        edit(book)
    filled = path.with_name(path.stem + "-filled.xlsx")
    book.save(filled)
    return filled


def cache_formulas(path: Path, values: dict[str, str]) -> None:
    """Store a computed value for formula cells, as Excel does when it saves."""
    with zipfile.ZipFile(path) as book:
        members = {info.filename: book.read(info) for info in book.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    for ref, value in values.items():
        sheet = re.sub(
            rf'(<c r="{ref}"[^>]*>)<f>([^<]*)</f><v\s*/?>(</v>)?',
            rf"\g<1><f>\g<2></f><v>{value}</v>",
            sheet,
        )
    members["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in members.items():
            book.writestr(name, data)
