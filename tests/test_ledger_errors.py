"""A corpus of broken ledgers: ``ywplan check`` refuses each with exit 1, the message and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run, write

PLAN = """
plan: 测试计划
org: 团市委
year: 2024
units: [甲区, 乙县]
items:
  - number: 1
    title: 培训
    targets:
      - {id: cadre-training, name: 培训团干部, unit: 人次, min: 400}
  - number: 2
    title: 定性事项
"""
HEADER = "id,date,item,target,amount,unit,note,by,recorded_at,corrects\n"
GOOD = "aaaaaaaa11,2024-03-01,1,cadre-training,40,甲区,培训班,张敏,2024-03-02T09:00:00+08:00,\n"
STAMP = "2024-03-02T09:00:00+08:00"


def row(
    id_: str = "bbbbbbbb22",
    date: str = "2024-03-05",
    item: str = "1",
    target: str = "cadre-training",
    amount: str = "10",
    unit: str = "乙县",
    corrects: str = "",
) -> str:
    """A ledger line with the given fields (the others plausible)."""
    return f"{id_},{date},{item},{target},{amount},{unit},备注,李娜,{STAMP},{corrects}\n"


# (id, ledger text, "line:col", message, hint or None)
CASES: list[tuple[str, str, str, str, str | None]] = [
    (
        "lost-header",
        GOOD + row(),
        "1:1",
        "the ledger's first line must be the header: id,date,item,target,amount,unit,note,by,recorded_at,corrects",
        "restore the header as line 1",
    ),
    (
        "header-repeated",
        HEADER + GOOD + HEADER + row(),
        "3:1",
        "the header appears again inside the ledger",
        "delete this line",
    ),
    (
        "wrong-column-count",
        HEADER + GOOD + "cccccccc33,2024-03-05,1,cadre-training,10\n",
        "3:1",
        "this line has 5 columns; ledger lines have 10",
        "a note holding a comma must be in double quotes",
    ),
    (
        "impossible-date",
        HEADER + row(date="2024-02-30"),
        "2:2",
        'invalid date "2024-02-30"',
        "write dates as YYYY-MM-DD",
    ),
    (
        "excel-date",
        HEADER + row(date="2024/3/5"),
        "2:2",
        'the date "2024/3/5" was rewritten in Excel\'s format',
        "restore the file from before (git checkout or a backup)",
    ),
    (
        "date-outside-year",
        HEADER + row(date="2023-12-31"),
        "2:2",
        "date 2023-12-31 is outside the plan year 2024",
        None,
    ),
    (
        "date-in-future",
        HEADER + row(date="2024-06-20"),
        "2:2",
        "date 2024-06-20 is after today (2024-06-15)",
        "log only work that has happened",
    ),
    (
        "unknown-item",
        HEADER + row(item="31"),
        "2:3",
        "the plan has no item 31 (items are 1–2)",
        "see items and targets with ywplan status",
    ),
    (
        "unknown-target",
        HEADER + row(target="cadre"),
        "2:4",
        "item 1 has no target 1.cadre",
        'did you mean "cadre-training"?',
    ),
    (
        "qualitative-item",
        HEADER + row(item="2"),
        "2:4",
        "item 2 has no quantitative target to log against",
        None,
    ),
    (
        "unknown-unit",
        HEADER + row(unit="丙市"),
        "2:6",
        '"丙市" is not one of the plan\'s sub-units',
        "the sub-units are: 甲区、乙县",
    ),
    (
        "amount-not-a-number",
        HEADER + row(amount="十"),
        "2:5",
        'amount "十" is not a number',
        "write a plain number",
    ),
    (
        "amount-zero",
        HEADER + row(amount="0"),
        "2:5",
        "the amount must be greater than 0 (got 0.0)",
        "reverse the entry with ywplan undo",
    ),
    (
        "negative-without-corrects",
        HEADER + row(amount="-5"),
        "2:5",
        "the amount must be greater than 0 (got -5.0)",
        None,
    ),
    (
        "bad-id",
        HEADER + row(id_="ABC"),
        "2:1",
        'invalid id "ABC"',
        "at least 8 lowercase letters or digits",
    ),
    (
        "duplicate-id",
        HEADER + GOOD + GOOD.replace("40", "41"),
        "3:1",
        "id aaaaaaaa11 appears twice (first on line 2)",
        "delete the repeated line",
    ),
    (
        "reverses-unknown-entry",
        HEADER + row(amount="-10", corrects="zzzzzzzz99"),
        "2:10",
        "the entry zzzzzzzz99 this line reverses does not exist",
        None,
    ),
    (
        "reversal-does-not-match",
        HEADER + GOOD + row(amount="-40", unit="甲区", corrects="aaaaaaaa11"),
        "3:10",
        "this reversal does not match the entry it reverses (line 2)",
        "a reversal repeats the entry's date, item, target and unit, with the amount negated",
    ),
    (
        "reversed-twice",
        HEADER
        + GOOD
        + row(id_="cccccccc33", date="2024-03-01", amount="-40", unit="甲区", corrects="aaaaaaaa11")
        + row(
            id_="dddddddd44", date="2024-03-01", amount="-40", unit="甲区", corrects="aaaaaaaa11"
        ),
        "4:10",
        "entry aaaaaaaa11 has already been reversed",
        None,
    ),
    (
        "torn-last-line",
        HEADER + GOOD + "bbbbbbbb22,2024-03-05,1,cadre-tr",
        "3:1",
        "the last line is incomplete (a write was interrupted?)",
        "complete it, or delete it and log the entry again",
    ),
    (
        "multi-line-note",
        HEADER
        + 'bbbbbbbb22,2024-03-05,1,cadre-training,10,乙县,"两行\n备注",李娜,'
        + STAMP
        + ",\n",
        "3:7",
        "a note must be one line",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "where", "message", "hint"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_broken_ledger_is_refused_with_its_line(
    run: Run, workdir: Path, text: str, where: str, message: str, hint: str | None
) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    (workdir / "plans" / "p.ledger.csv").write_text(text, encoding="utf-8")
    result = run("check", today="2024-06-15")
    assert result.exit_code == 1, result.output
    line = next(
        line for line in result.stderr.splitlines() if line.startswith("plans/p.ledger.csv:")
    )
    assert line == f"plans/p.ledger.csv:{where}: error: {message}"
    if hint is not None:
        assert hint in result.stderr
    assert "Traceback" not in result.output


def test_status_refuses_a_broken_ledger_and_says_where(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    (workdir / "plans" / "p.ledger.csv").write_text(HEADER + row(item="31"), encoding="utf-8")
    result = run("status", today="2024-06-15")
    assert result.exit_code == 1
    assert "plans/p.ledger.csv:2:3: error: the plan has no item 31" in result.stderr
    assert "error: ledger plans/p.ledger.csv has 1 error(s)" in result.stderr
    assert result.stdout == ""


def test_bom_and_crlf_are_read(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    text = "\ufeff" + (HEADER + GOOD).replace("\n", "\r\n")
    (workdir / "plans" / "p.ledger.csv").write_bytes(text.encode("utf-8"))
    result = run("check", today="2024-06-15")
    assert result.exit_code == 0, result.output
    assert "1 ledger entries" in result.stdout


def test_a_missing_final_newline_is_only_a_warning(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    (workdir / "plans" / "p.ledger.csv").write_text(HEADER + GOOD.rstrip("\n"), encoding="utf-8")
    result = run("check", today="2024-06-15")
    assert result.exit_code == 0, result.output
    assert (
        "plans/p.ledger.csv:2:1: warning: the file does not end with a line break" in result.stderr
    )


def test_gbk_ledger_is_named_with_the_fix(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    (workdir / "plans" / "p.ledger.csv").write_bytes((HEADER + GOOD).encode("gbk"))
    result = run("check", today="2024-06-15", lang="zh")
    assert result.exit_code == 1
    assert "plans/p.ledger.csv:2:1: 错误: 文件是 GBK/GB18030 编码,不是 UTF-8" in result.stderr
