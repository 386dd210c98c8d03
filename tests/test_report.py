"""``ywplan report`` and ``ywplan units``: hand-computed figures, golden files, errors.

Golden files live in ``tests/golden/``; regenerate them after an intended change with
``YWPLAN_UPDATE_GOLDEN=1 python -m pytest tests/test_report.py`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from tests.conftest import Run
from tests.reportplan import TODAY, write_plan
from ywplan.core.dates import parse_month, parse_quarter
from ywplan.core.periods import period_progress
from ywplan.core.ranking import rank_units
from ywplan.render import formats
from ywplan.store.ledger import parse_ledger
from ywplan.store.plan_file import load_plan

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("YWPLAN_UPDATE_GOLDEN") == "1"


def golden(name: str, actual: str) -> None:
    """Compare *actual* with ``tests/golden/<name>`` (or rewrite it with YWPLAN_UPDATE_GOLDEN=1)."""
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
    assert path.exists(), f"missing golden file {path}; run with YWPLAN_UPDATE_GOLDEN=1"
    assert actual == path.read_bytes().decode("utf-8"), f"differs from {path}"


@pytest.fixture
def demo(workdir: Path) -> Path:
    return write_plan(workdir)


def _load(path: Path):  # type: ignore[no-untyped-def]
    plan = load_plan(path).plan
    assert plan is not None
    ledger = parse_ledger(path.with_name("demo.ledger.csv").read_text(encoding="utf-8"))
    return plan, ledger.entries


# --- the arithmetic, by hand ------------------------------------------------------------


def test_quarter_amounts_by_hand(demo: Path) -> None:
    plan, entries = _load(demo)
    period = parse_quarter("2024Q3")
    assert period is not None
    pp = period_progress(plan, entries, period, "quarter")
    got = {
        tp.ref: (pp.amount(tp), tp.actual, tp.expected, tp.state.value)
        for tp in pp.progress.targets()
    }
    # 1.trained (sum): 30 + 20 + 15 before Q3; in Q3 10 (南区), the 5 of 西区 is reversed,
    # the 20 of 10-05 is after the quarter: amount 10, cumulative 75, expected 100 × 0.75 = 75.
    assert got["1.trained"] == (10, 75, 75, "on_track")
    # 1.events (sum, schedule Q3: 7): 2 in Q1, 3 in Q3 → 5 < 7.
    assert got["1.events"] == (3, 5, 7, "behind")
    # 1.visits: 12 + 8 in July; expected 50 × 0.75 = 37.5.
    assert got["1.visits"] == (20, 20, 37.5, "behind")
    # 2.coverage (level, baseline 60): 75 at Q2's end, 82 at Q3's end → change 7;
    # expected 60 + (90 − 60) × 0.75 = 82.5.
    assert got["2.coverage"] == (7, 82, 82.5, "behind")
    # 3.members (growth over 1000): 1030 → 3 %, 1070 → 7 %: 4 percentage points in Q3;
    # expected 10 × 0.75 = 7.5.
    assert got["3.members"][0] == pytest.approx(4.0)
    assert got["3.members"][1:] == (pytest.approx(7.0), 7.5, "behind")
    # 4.budget (max 20): 12 spent, within the limit.
    assert got["4.budget"] == (12, 12, 20, "on_track")


def test_month_amounts_and_quarters_add_up(demo: Path) -> None:
    plan, entries = _load(demo)
    august = parse_month("2024-08")
    assert august is not None
    pp = period_progress(plan, entries, august, "month")
    amounts = {tp.ref: pp.amount(tp) for tp in pp.progress.targets()}
    # August: only 南区's 10 (the 5 is reversed); coverage stays 75, members 1030, budget 12.
    assert amounts == {
        "1.trained": 10,
        "1.events": 0,
        "1.visits": 0,
        "2.coverage": 0,
        "3.members": 0,
        "4.budget": 12,
    }
    year = {
        tp.ref: tp.actual
        for tp in period_progress(
            plan, entries, parse_quarter("2024Q4"), "quarter"
        ).progress.targets()
    }  # type: ignore[arg-type]
    for ref, actual in year.items():
        total = 0.0
        for q in range(1, 5):
            quarter = parse_quarter(f"2024Q{q}")
            assert quarter is not None
            qp = period_progress(plan, entries, quarter, "quarter")
            total += next(qp.amount(tp) for tp in qp.progress.targets() if tp.ref == ref)
        start = 60 if ref == "2.coverage" else 0  # a level starts from its baseline
        assert total == pytest.approx(actual - start), ref


def test_unit_ranking_by_hand(demo: Path) -> None:
    plan, entries = _load(demo)
    standings = rank_units(plan, entries, dt.date(2024, 9, 30))
    # 东区: trained 30 + 15 = 45 of 40 → 112.5 %, capped at 100; events 2 of 4 → 50 %.
    #        mean (100 + 50) / 2 = 75.0 (uncapped it would be 81.25).
    # 西区: trained 20 of 40 → 50 % (its 5 is reversed); events 3 of 6 → 50 %: 50.0.
    # 南区: trained 10 of 20 → 50 %; no events quota: 50.0 — tied with 西区, same rank,
    #        after it because the plan lists 西区 first.
    assert [(s.unit, s.rank, s.percent) for s in standings] == [
        ("东区", 1, 75.0),
        ("西区", 2, 50.0),
        ("南区", 2, 50.0),
    ]
    east = standings[0]
    # 1.visits has no quota: 东区 logged 12 of everyone's 20 → a 60 % share.
    assert [(sh.unit_progress.ref, sh.percent) for sh in east.shares] == [("1.visits", 60.0)]
    # The events quota of 东区 follows the schedule scaled to its quota: 7 × 4/10 = 2.8.
    events = next(tp for tp in east.quotas if tp.target.id == "events")
    assert events.expected == pytest.approx(2.8)
    assert events.state.value == "behind"


def test_units_without_any_quota_come_last(workdir: Path) -> None:
    from ywplan.core.model import Plan

    plan = Plan.model_validate(
        {
            "plan": "p",
            "org": "o",
            "year": 2024,
            "units": ["甲", "乙"],
            "items": [
                {
                    "number": 1,
                    "title": "t",
                    "targets": [
                        {"id": "a", "name": "n", "unit": "人", "min": 10, "by_unit": {"乙": 5}}
                    ],
                }
            ],
        }
    )
    standings = rank_units(plan, [], dt.date(2024, 6, 30))
    assert [(s.unit, s.rank, s.percent) for s in standings] == [("乙", 1, 0.0), ("甲", 2, None)]


# --- golden files, every format ---------------------------------------------------------

REPORT_FORMATS = ("txt", "markdown", "csv", "html", "json")


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_report_golden_zh(run: Run, demo: Path, fmt: str) -> None:
    result = run("report", "--quarter", "2024Q3", "--format", fmt, lang="zh", today=TODAY)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    golden(f"report-2024Q3-zh.{fmt}", result.stdout)


@pytest.mark.parametrize("fmt", ("txt", "json"))
def test_month_report_golden_en(run: Run, demo: Path, fmt: str) -> None:
    result = run("report", "--month", "2024-08", "--format", fmt, lang="en", today=TODAY)
    assert result.exit_code == 0, result.output
    golden(f"report-2024-08-en.{fmt}", result.stdout)


@pytest.mark.parametrize("fmt", ("txt", "markdown", "csv", "html", "json"))
def test_units_golden(run: Run, demo: Path, fmt: str) -> None:
    result = run("units", "--quarter", "2024Q3", "--format", fmt, lang="zh", today=TODAY)
    assert result.exit_code == 0, result.output
    golden(f"units-2024Q3-zh.{fmt}", result.stdout)


def dump_workbook(path: Path) -> str:
    """Every sheet's non-empty cells with value, type and number format (no volatile metadata)."""
    workbook = openpyxl.load_workbook(path)
    lines = []
    for sheet in workbook:
        lines.append(f"## {sheet.title} freeze={sheet.freeze_panes}")
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    lines.append(
                        f"{cell.coordinate}\t{cell.data_type}\t{cell.number_format}\t{cell.value!r}"
                    )
        widths = {  # a column each, whether the file gives a width a column or a run of them
            get_column_letter(n): v.width
            for _, v in sorted(sheet.column_dimensions.items())
            for n in range(v.min, v.max + 1)
        }
        lines.append(f"widths {widths}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("command", ("report", "units"))
def test_xlsx_golden(run: Run, demo: Path, workdir: Path, command: str) -> None:
    out = workdir / "out.xlsx"
    result = run(command, "--quarter", "2024Q3", "-o", str(out), lang="zh", today=TODAY)
    assert result.exit_code == 0, result.output
    assert "out.xlsx" in result.stderr
    golden(f"{command}-2024Q3-zh.xlsx.txt", dump_workbook(out))


# --- what the formats promise -----------------------------------------------------------


def test_report_json_keys(run: Run, demo: Path) -> None:
    result = run("report", "--quarter", "2024Q3", "--format", "json", today=TODAY)
    document = json.loads(result.stdout)
    assert document["quarter"] == "2024Q3"
    assert document["as_of"] == "2024-09-30"
    assert [item["number"] for item in document["items"]] == [1, 2, 3, 4, 5, 6]
    trained = document["items"][0]["targets"][0]
    assert (trained["quarter_amount"], trained["actual"], trained["state"]) == (10, 75, "on_track")
    assert document["items"][4]["targets"] == []
    assert [u["unit"] for u in document["units"]] == ["东区", "西区", "南区"]
    assert document["units"][0]["percent"] == 75.0
    assert document["units"][0]["targets"][0]["quarter_amount"] == 0


def test_units_json_is_a_list_best_first(run: Run, demo: Path) -> None:
    result = run("units", "--as-of", "2024-09-30", "--format", "json", today=TODAY)
    units = json.loads(result.stdout)
    assert [(u["rank"], u["unit"], u["percent"]) for u in units] == [
        (1, "东区", 75.0),
        (2, "西区", 50.0),
        (2, "南区", 50.0),
    ]
    assert {t["id"] for t in units[0]["targets"]} == {"trained", "events"}


def test_xlsx_numbers_frozen_header_no_formulas(run: Run, demo: Path, workdir: Path) -> None:
    out = workdir / "季报.xlsx"
    assert run("report", "--quarter", "2024Q3", "-o", str(out), today=TODAY).exit_code == 0
    workbook = openpyxl.load_workbook(out)
    sheet = workbook.worksheets[0]
    assert sheet.freeze_panes == "A5"
    header = [c.value for c in sheet[4]]
    assert header[:3] == ["No.", "Item", "Target"]
    first = [c.value for c in sheet[5]]
    assert first[0] == 1 and isinstance(first[0], int)
    percent = header.index("Done %")
    assert sheet.cell(row=5, column=percent + 1).value == 75.0
    assert sheet.cell(row=5, column=percent + 1).number_format == '0.0"%"'
    texts = [
        c for ws in workbook for row in ws.iter_rows() for c in row if isinstance(c.value, str)
    ]
    assert not [c.value for c in texts if c.value.startswith(("=", "+", "-", "@"))]
    assert all(c.data_type == "s" for c in texts)
    assert any(c.value.startswith("'=HYPERLINK") for c in texts)
    assert any(c.value == "'=1+2 定性事项" for c in texts)


def test_csv_has_bom_and_no_formulas(run: Run, demo: Path) -> None:
    result = run("report", "--quarter", "2024Q3", "--format", "csv", today=TODAY)
    assert result.stdout.startswith("\ufeff")
    assert "'=HYPERLINK" in result.stdout
    assert "\n=" not in result.stdout and ",=" not in result.stdout


def test_html_escapes_plan_text(run: Run, demo: Path) -> None:
    page = run("report", "--quarter", "2024Q3", "--format", "html", today=TODAY).stdout
    assert "<b>骨干</b>" not in page
    assert "培训 &lt;b&gt;骨干&lt;/b&gt; &amp; 青年" in page
    assert "@page { size: A4" in page
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "").replace(
        "http://evil.example", ""
    )
    assert "<link" not in page and "<script" not in page
    assert page.count("<svg") == 6 + 6  # a bar and a year's chart per target


def test_output_file_is_written_atomically(run: Run, demo: Path, workdir: Path) -> None:
    out = workdir / "report.md"
    first = run("report", "--quarter", "2024Q2", "-o", str(out), lang="zh", today=TODAY)
    assert first.exit_code == 0  # the file to replace is ywplan's own, as issue 11 requires
    out.chmod(0o640)
    result = run("report", "--quarter", "2024Q3", "-o", str(out), lang="zh", today=TODAY)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# 示例团委2024年第三季度工作要点推进情况")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert sorted(p.name for p in workdir.iterdir()) == ["plans", "report.md"]


def choose_format(value: str | None, output: str | None, tty: bool) -> str:
    """The format ``report`` writes (its default: the terminal view on a terminal, else txt)."""
    return formats.choose(value, output, formats.TABLES, "table" if tty else "txt").name


def test_default_format_follows_extension_and_terminal() -> None:
    assert choose_format(None, "a.XLSX", tty=False) == "xlsx"
    assert choose_format(None, "a.htm", tty=False) == "html"
    assert choose_format(None, "a.unknown", tty=False) == "txt"
    assert choose_format(None, None, tty=True) == "table"
    assert choose_format(None, None, tty=False) == "txt"
    assert choose_format("MD", None, tty=False) == "markdown"
    assert choose_format("table", "x.txt", tty=False) == "txt"


def test_default_report_is_the_current_quarter(run: Run, demo: Path) -> None:
    result = run("report", "--format", "json", today="2024-11-20")
    document = json.loads(result.stdout)
    assert (document["quarter"], document["as_of"]) == ("2024Q4", "2024-11-20")
    result = run("report", "--format", "json", today=TODAY)
    assert json.loads(result.stdout)["quarter"] == "2024Q4"


# --- mistakes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ("report", "--format", "xlsx"),
            2,
            "error: xlsx is a binary format and cannot be written to the terminal\n    hint: name a file with -o, e.g. -o report.xlsx\n",
        ),
        (
            ("report", "--quarter", "2024Q3", "--month", "2024-05"),
            2,
            "error: use --quarter or --month, not both\n",
        ),
        (
            ("report", "--format", "pdf"),
            2,
            'error: unknown format "pdf"\n    hint: the formats are: table, txt, markdown, csv, html, xlsx, docx, json\n',
        ),
        (
            ("report", "--month", "2024-13"),
            1,
            'error: "2024-13" is not a month\n    hint: write it as 2024-05\n',
        ),
        (
            ("report", "--quarter", "Q3"),
            1,
            'error: "Q3" is not a quarter\n    hint: write it as 2024Q2\n',
        ),
        (
            ("report", "--quarter", "2023Q4"),
            1,
            "error: 2023Q4 is outside the plan year 2024\n    hint: choose a quarter or month of 2024\n",
        ),
        (
            ("units", "--as-of", "2024-09-30", "--quarter", "2024Q3"),
            2,
            "error: use --as-of or --quarter, not both\n",
        ),
    ],
)
def test_mistakes(run: Run, demo: Path, args: tuple[str, ...], code: int, message: str) -> None:
    result = run(*args, today=TODAY)
    assert (result.exit_code, result.stderr) == (code, message)
    assert result.stdout == ""


def test_unwritable_output(run: Run, demo: Path, workdir: Path) -> None:
    result = run("report", "-o", str(workdir / "missing" / "r.html"), lang="zh", today=TODAY)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误: 无法写入 {workdir / 'missing' / 'r.html'}:")
    assert "Traceback" not in result.output


def test_units_without_units(run: Run, workdir: Path) -> None:
    from tests.conftest import write

    write(
        workdir / "plans" / "p.yaml",
        "plan: p\norg: o\nyear: 2024\nitems:\n  - number: 1\n    title: t\n",
    )
    result = run("units", today=TODAY)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: the plan declares no sub-units (units) to rank\n")


def test_report_on_bundled_plan(run: Run, bundled: Path) -> None:
    result = run(
        "report", "--quarter", "2024Q3", "--format", "markdown", lang="zh", today="2026-11-28"
    )
    assert result.exit_code == 0, result.output
    assert (
        "| 26 | 加强团干部选育管用 | 培训团干部 | 人次 | ≥ | 400 | 108 | 312 | 78.0% |"
        in result.stdout
    )


def test_docs_show_the_real_report(run: Run, bundled: Path) -> None:
    docs = (Path(__file__).parents[1] / "docs" / "reports.md").read_text(encoding="utf-8")
    begin, end = "<!-- BEGIN report-2024Q3-markdown -->\n", "<!-- END report-2024Q3-markdown -->"
    shown = docs[docs.index(begin) + len(begin) : docs.index(end)]
    result = run(
        "report", "--quarter", "2024Q3", "--format", "markdown", lang="zh", today="2026-11-28"
    )
    assert shown == result.stdout, "docs/reports.md is out of date: paste the command's output"


def test_help_defines_the_unit_percent(run: Run) -> None:
    result = run("units", "--help")
    assert "capped at 100" in result.stdout
    assert run("report", "--help").exit_code == 0


def test_terminal_view_has_bars_and_states(run: Run, demo: Path) -> None:
    result = run("report", "--quarter", "2024Q3", "--format", "table", lang="zh", today=TODAY)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    trained = next(line for line in lines if "培训骨干" in line and "│" in line)
    assert "████████████│░░░  75.0%" in trained and "正常推进" in trained
    assert "条形为完成率,竖线为序时进度" in result.stdout


def test_plan_without_units_and_odd_characters(run: Run, workdir: Path) -> None:
    from tests.conftest import write

    write(
        workdir / "plans" / "p.yaml",
        """
        plan: "铃\\a声 @计划"
        org: "-团委"
        year: 2024
        items:
          - number: 1
            title: "+事项"
            targets:
              - {id: a, name: "@目标", unit: 人, min: 10}
        """,
    )
    result = run("report", "--quarter", "2024Q1", "--format", "json", today=TODAY)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["units"] == []
    out = workdir / "p.xlsx"
    assert run("report", "--quarter", "2024Q1", "-o", str(out), today=TODAY).exit_code == 0
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Targets", "Progress", "Problems"]
    values = [c.value for ws in workbook for row in ws.iter_rows() for c in row if c.value]
    assert "'+事项" in values and "'@目标" in values
    assert not any(isinstance(v, str) and v.startswith(("=", "+", "-", "@")) for v in values)
    csv_text = run("report", "--quarter", "2024Q1", "--format", "csv", today=TODAY).stdout
    assert "'+事项" in csv_text and "'@目标" in csv_text
