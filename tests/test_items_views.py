"""What status and the reports show of every item (SPEC §6): states, 督办 flags, milestones,
notes, the ``--lead`` and ``--flag`` filters, the flag summary and the problems section.

The scenario, worked by hand at 2024-09-30 (序时进度 f = 0.75):

* 1 培训团干部 (lead 组织部): 310 of 400, expected 300 → on track, green;
* 2 出台青年发展方案 (lead 青年发展部, partners 组织部 and 宣传部): plan-issued was due
  06-30 and is not done → overdue, red; review due 11-30 is pending;
* 3 开设青年夜校 (lead 宣传部): autumn due 10-10, 10 days away (≤ 14) → due soon, blue;
* 4 加强作风建设: nothing recorded, 75 % of the year past idle_after 25 % → not started,
  yellow;
* 5 举办主题活动: 20 of 40, expected 30: (30 − 20) ÷ 40 = 25 points behind > 10 → red.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path

import pytest
from wcwidth import wcswidth

from tests.conftest import Run, write
from ywplan.core.dates import parse_quarter
from ywplan.core.items import track
from ywplan.core.model import Entry, Plan
from ywplan.core.periods import period_progress
from ywplan.core.progress import compute
from ywplan.i18n import set_lang
from ywplan.render.text import write_text
from ywplan.reports.period import period_document, report_document
from ywplan.reports.status import status_listing
from ywplan.store.ledger import parse_ledger
from ywplan.store.plan_file import parse_plan

PLAN = """
plan: 督办测试
org: 团市委
year: 2024
units: [甲区, 乙县]
items:
  - number: 1
    title: 培训团干部
    lead: 组织部
    targets:
      - {id: trained, name: 培训团干部, unit: 人次, min: 400}
  - number: 2
    title: 出台青年发展方案
    lead: 青年发展部
    partners: [组织部, 宣传部]
    milestones:
      - {id: plan-issued, name: 出台实施方案, due: 2024-06-30}
      - {id: review, name: 开展年度评估, due: 2024-11-30}
  - number: 3
    title: 开设青年夜校
    lead: 宣传部
    milestones:
      - {id: autumn, name: 开设秋季班, due: 2024-10-10}
  - number: 4
    title: 加强作风建设
  - number: 5
    title: 举办主题活动
    targets:
      - {id: events, name: 主题活动, unit: 场, min: 40}
"""

LEDGER = """\
id,date,item,target,amount,unit,note,by,recorded_at,corrects
a0000001,2024-03-10,1,trained,150,甲区,,李娜,2024-03-10T09:00:00+08:00,
a0000002,2024-08-10,1,trained,160,乙县,,李娜,2024-08-10T09:00:00+08:00,
a0000003,2024-05-10,5,events,20,,,李娜,2024-05-10T09:00:00+08:00,
"""

TODAY = "2024-12-31"
AS_OF = ("--as-of", "2024-09-30")


@pytest.fixture
def scenario(workdir: Path) -> Path:
    path = write(workdir / "plans" / "duban.yaml", PLAN)
    (workdir / "plans" / "duban.ledger.csv").write_text(LEDGER, encoding="utf-8")
    return path


def status_json(run: Run, *args: str) -> dict:  # type: ignore[type-arg]
    result = run("status", *AS_OF, "--format", "json", *args, today=TODAY)
    assert result.exit_code == 0, result.output
    document: dict = json.loads(result.stdout)  # type: ignore[type-arg]
    return document


def numbers(document: dict) -> list[int]:  # type: ignore[type-arg]
    return [item["number"] for item in document["items"]]


# --- status lists every item --------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                ("1 培训团干部", None, None),
                ("培训团干部", "on track", "green"),
                ("2 出台青年发展方案", "overdue", "red"),
                ("出台实施方案", "due 06-30", "overdue"),
                ("3 开设青年夜校", "due soon", "blue"),
                ("开设秋季班", "due 10-10", "due soon"),
                ("4 加强作风建设", "not started", "yellow"),
                ("5 举办主题活动", None, None),
                ("主题活动", "behind", "red"),
            ],
        ),
        (
            "zh",
            [
                ("1 培训团干部", None, None),
                ("培训团干部", "正常推进", "绿灯"),
                ("2 出台青年发展方案", "逾期", "红灯"),
                ("出台实施方案", "06-30 到期", "逾期"),
                ("3 开设青年夜校", "临期", "蓝灯"),
                ("开设秋季班", "10-10 到期", "临期"),
                ("4 加强作风建设", "未启动", "黄灯"),
                ("5 举办主题活动", None, None),
                ("主题活动", "滞后", "红灯"),
            ],
        ),
    ],
)
def test_status_lists_every_item_with_its_state_and_flag(
    run: Run, scenario: Path, lang: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    result = run("status", *AS_OF, lang=lang, today=TODAY)  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    rows = [line.strip() for line in result.stdout.splitlines()]
    for name, state, last in expected:
        row = next((r for r in rows if r.startswith(name)), None)
        assert row is not None, f"no row {name!r} in\n{result.stdout}"
        if state:
            assert state in row, row
        if last:  # the flag, or a milestone's state
            assert row.endswith(last), row
    assert "qualitative" not in result.stdout and "定性事项" not in result.stdout


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "flags: red 2 · yellow 1 · blue 1 · green 1"),
        ("zh", "督办:红灯 2 · 黄灯 1 · 蓝灯 1 · 绿灯 1"),
    ],
)
def test_status_ends_with_a_summary_of_flags(
    run: Run, scenario: Path, lang: str, line: str
) -> None:
    result = run("status", *AS_OF, lang=lang, today=TODAY)  # type: ignore[arg-type]
    assert result.stdout.rstrip().splitlines()[-1].strip() == line
    listing = run("status", *AS_OF, "--format", "txt", lang=lang, today=TODAY)  # type: ignore[arg-type]
    assert listing.stdout.rstrip().splitlines()[-1].strip() == line


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("columns", ["80", "60"])
def test_every_item_fits_a_narrow_terminal(
    run: Run, scenario: Path, monkeypatch: pytest.MonkeyPatch, lang: str, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    result = run("status", *AS_OF, lang=lang, today=TODAY)  # type: ignore[arg-type]
    lines = result.stdout.splitlines()
    assert max(wcswidth(line.rstrip()) for line in lines) <= int(columns)
    for number in range(1, 6):
        assert any(line.strip().startswith(f"{number} ") for line in lines), number
    flags = ("red", "yellow", "blue", "green") if lang == "en" else ("红灯", "黄灯", "蓝灯", "绿灯")
    shown = [line for line in lines if line.rstrip().endswith(flags)]
    assert len(shown) == 5  # items 2, 3 and 4, and the two targets


def test_status_json_gives_every_item_its_state_flag_lead_and_milestones(
    run: Run, scenario: Path
) -> None:
    document = status_json(run)
    items = {item["number"]: item for item in document["items"]}
    assert {n: (i["state"], i["flag"]) for n, i in items.items()} == {
        1: ("on_track", "green"),
        2: ("overdue", "red"),
        3: ("due_soon", "blue"),
        4: ("not_started", "yellow"),
        5: ("behind", "red"),
    }
    assert items[2]["lead"] == "青年发展部"
    assert items[2]["partners"] == ["组织部", "宣传部"]
    assert items[4]["lead"] is None and items[4]["partners"] == []
    assert items[2]["latest_note"] is None
    assert items[2]["milestones"] == [
        {
            "id": "plan-issued",
            "name": "出台实施方案",
            "due": "2024-06-30",
            "done_on": None,
            "state": "overdue",
        },
        {
            "id": "review",
            "name": "开展年度评估",
            "due": "2024-11-30",
            "done_on": None,
            "state": "pending",
        },
    ]
    events = items[5]["targets"][0]
    assert (events["state"], events["flag"], events["actual"], events["entries"]) == (
        "behind",
        "red",
        20,
        1,
    )
    assert document["flags"] == {"red": 2, "yellow": 1, "blue": 1, "green": 1}
    assert set(items[1]) >= {"number", "title", "targets"}


# --- the filters -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kept"),
    [("宣传部", [2, 3]), ("组织部", [1, 2]), ("青年发展部", [2]), (" 宣传部 ", [2, 3])],
)
def test_lead_keeps_the_items_led_or_partnered(
    run: Run, scenario: Path, name: str, kept: list[int]
) -> None:
    assert numbers(status_json(run, "--lead", name)) == kept


@pytest.mark.parametrize(
    ("flag", "kept"),
    [
        ("red", [2, 5]),
        ("yellow", [4]),
        ("blue", [3]),
        ("green", [1]),
        ("RED", [2, 5]),
        ("红", [2, 5]),
        ("黄灯", [4]),
    ],
)
def test_flag_keeps_the_items_of_that_colour(
    run: Run, scenario: Path, flag: str, kept: list[int]
) -> None:
    assert numbers(status_json(run, "--flag", flag)) == kept


def test_filters_combine(run: Run, scenario: Path) -> None:
    assert numbers(status_json(run, "--lead", "组织部", "--flag", "red")) == [2]
    assert numbers(status_json(run, "--lead", "宣传部", "--behind")) == [2]


def test_behind_keeps_lagging_targets_and_items(run: Run, scenario: Path) -> None:
    # 2 is overdue, 4 not started, 5's target behind; 1 is on track and 3 only due soon
    assert numbers(status_json(run, "--behind")) == [2, 4, 5]


@pytest.mark.parametrize(
    ("args", "lang", "code", "message"),
    [
        (
            ("--lead", "宣传"),
            "en",
            1,
            'error: "宣传" leads or helps with no item of the plan\n'
            '    hint: did you mean "宣传部"? the departments are: 组织部、青年发展部、宣传部\n',
        ),
        (
            ("--lead", "宣传"),
            "zh",
            1,
            "错误: “宣传”没有牵头或配合计划中的事项\n"
            "    提示: 是不是“宣传部”?可用的部门:组织部、青年发展部、宣传部\n",
        ),
        (
            ("--flag", "purple"),
            "en",
            2,
            'error: unknown flag colour "purple"\n'
            "    hint: the colours are: red, yellow, blue, green\n",
        ),
        (
            ("--flag", "\x1b[2Jred"),
            "en",
            2,
            'error: unknown flag colour "␛[2Jred"\n'
            "    hint: the colours are: red, yellow, blue, green\n",
        ),
        (
            ("--lead", "\u202e部传宣"),
            "en",
            1,
            'error: "\\u202e部传宣" leads or helps with no item of the plan\n'
            "    hint: the departments are: 组织部、青年发展部、宣传部\n",
        ),
        (
            ("--flag", "紫"),
            "zh",
            2,
            "错误: 没有“紫”这种督办颜色\n"
            "    提示: 可用的颜色:red, yellow, blue, green(也可写 红、黄、蓝、绿)\n",
        ),
    ],
)
def test_bad_lead_or_flag_is_refused(
    run: Run, scenario: Path, args: tuple[str, ...], lang: str, code: int, message: str
) -> None:
    result = run("status", *args, lang=lang, today=TODAY)  # type: ignore[arg-type]
    assert result.exit_code == code
    assert result.stderr == message
    assert result.stdout == ""


def test_lead_in_a_plan_without_leads_is_refused(run: Run, workdir: Path) -> None:
    write(
        workdir / "plans" / "p.yaml",
        "plan: p\norg: o\nyear: 2024\nitems:\n  - {number: 1, title: 事项}\n",
    )
    result = run("status", "--lead", "宣传部", today=TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "error: the plan names no lead or partner departments, so --lead 宣传部 keeps nothing\n"
        "    hint: give items lead: and partners: in the plan\n"
    )


def test_nothing_matches(run: Run, scenario: Path) -> None:
    result = run("status", *AS_OF, "--lead", "组织部", "--flag", "blue", today=TODAY)
    assert result.exit_code == 0
    assert result.stdout.strip() == "no items to show"


# --- notes and milestones done, through the core (the ledger rows come with `note`) ------

NONE = math.nan


def row(n: int, day: str, item: int, target: str = "", note: str = "", unit: str = "") -> Entry:
    return Entry(
        f"n{n:07d}",
        dt.date.fromisoformat(day),
        item,
        target,
        NONE,
        unit,
        note,
        "李娜",
        f"{day}T18:00:00+08:00",
        "",
        100 + n,
    )


NOTES = [
    row(1, "2024-05-06", 2, note="起草方案初稿"),
    row(2, "2024-07-12", 2, note="征求各部门意见,修改完善方案,准备提交常委会审议"),
    row(3, "2024-08-20", 3, "autumn", note="首批 12 个班开课", unit="甲区"),
    row(4, "2024-09-02", 4, note="召开作风建设动员会"),
    row(5, "2024-10-03", 4, note="十月的记录不属三季度"),
]


def the_plan() -> Plan:
    plan = parse_plan(PLAN).plan
    assert plan is not None
    return plan


def test_the_status_listing_shows_notes_and_the_next_milestone() -> None:
    set_lang("zh")
    entries = [*parse_ledger(LEDGER).entries, *NOTES]
    progress = compute(the_plan(), entries, dt.date(2024, 9, 30))
    text = write_text(status_listing(progress, track(progress, entries)))
    lines = [line.strip() for line in text.splitlines()]
    row_2 = next(line for line in lines if line.startswith("2 "))
    assert "逾期" in row_2 and "红灯" in row_2
    assert "出台实施方案" in row_2 and "2024-06-30" in row_2
    assert "2024-07-12 征求各部门意见" in row_2
    row_3 = next(line for line in lines if line.startswith("3 "))
    assert "已完成" in row_3 and "绿灯" in row_3  # its one milestone was done on 08-20
    row_4 = next(line for line in lines if line.startswith("4 "))
    assert "推进中" in row_4 and "召开作风建设动员会" in row_4


def quarter_report(lang: str) -> tuple[str, dict]:  # type: ignore[type-arg]
    set_lang(lang)  # type: ignore[arg-type]
    period = parse_quarter("2024Q3")
    assert period is not None
    plan = the_plan()
    entries = [*parse_ledger(LEDGER).entries, *NOTES]
    pp = period_progress(plan, entries, period, "quarter")
    items = track(pp.progress, entries)
    text = write_text(report_document(pp, items, [], {}))
    return text, period_document(pp, items, [], {})


def section(text: str, title: str) -> list[str]:
    """The rows of the report's table titled *title* (up to the next blank line after it)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.endswith(title))
    rows = []
    for line in lines[start + 3 :]:
        if not line.strip():
            break
        rows.append(line.strip())
    return rows[1:]  # after the rule under the headings


def test_the_quarterly_report_lists_the_progress_of_the_quarter() -> None:
    text, _ = quarter_report("zh")
    rows = section(text, "二、工作进展")
    joined = "\n".join(rows)
    assert "征求各部门意见" in joined  # dated 07-12, inside Q3
    assert "起草方案初稿" not in joined  # dated 05-06, before the quarter
    done = next(r for r in rows if "完成节点:开设秋季班(首批 12 个班开课)" in r)
    assert "2024-08-20  甲区" in done
    assert "召开作风建设动员会" in joined
    assert "十月的记录" not in joined
    assert "—" not in joined  # qualitative items no longer print a page of dashes
    first = next(r for r in rows if r.startswith("2 "))
    assert "青年发展部" in first and "逾期" in first and "红灯" in first


def test_the_problems_section_lists_red_items_first() -> None:
    text, document = quarter_report("zh")
    rows = section(text, "三、存在问题")
    firsts = [int(r.split()[0]) for r in rows if re.match(r"\d+ ", r)]
    assert firsts == [2, 5]  # at Q3's end nothing is yellow: 4 has a note, 3 is done
    assert "节点逾期:出台实施方案(应于 2024-06-30 完成)" in rows[0]
    assert "主题活动滞后" in "\n".join(rows)
    assert [p["number"] for p in document["problems"]] == [2, 5]
    assert document["problems"][0]["reasons"] == [
        {"kind": "milestone", "id": "plan-issued", "state": "overdue", "flag": "red"}
    ]
    items = {item["number"]: item for item in document["items"]}
    assert [n["text"] for n in items[2]["quarter_notes"]] == [
        "征求各部门意见,修改完善方案,准备提交常委会审议"
    ]
    assert [m["id"] for m in items[3]["quarter_milestones"]] == ["autumn"]
    assert items[4]["latest_note"]["text"] == "召开作风建设动员会"


# --- the reports through the CLI, every format -------------------------------------------


@pytest.mark.parametrize("fmt", ["txt", "markdown", "csv", "html", "json"])
def test_every_report_format_has_the_problems_section(run: Run, scenario: Path, fmt: str) -> None:
    result = run("report", "--quarter", "2024Q3", "--format", fmt, lang="zh", today=TODAY)
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "json":
        problems = json.loads(out)["problems"]
        assert [(p["number"], p["flag"]) for p in problems] == [
            (2, "red"),
            (5, "red"),
            (4, "yellow"),
            (3, "blue"),
        ]
        return
    assert "存在问题" in out and "工作进展" in out
    problems = out[out.index("存在问题") :]
    assert (
        problems.index("出台实施方案") < problems.index("主题活动") < problems.index("加强作风建设")
    )
    assert problems.index("加强作风建设") < problems.index("开设秋季班")


def test_the_xlsx_report_has_the_progress_and_problems_sheets(
    run: Run, scenario: Path, workdir: Path
) -> None:
    import openpyxl

    out = workdir / "季报.xlsx"
    result = run("report", "--quarter", "2024Q3", "-o", str(out), lang="zh", today=TODAY)
    assert result.exit_code == 0, result.output
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames[:3] == ["量化目标", "工作进展", "存在问题"]
    sheet = workbook["存在问题"]
    values = [c.value for r in sheet.iter_rows() for c in r if c.value is not None]
    assert "红灯" in values
    red = next(c for r in sheet.iter_rows() for c in r if c.value == "红灯")
    assert red.font.color.rgb.endswith("C62828")


def test_the_terminal_report_colours_and_names_the_flags(run: Run, scenario: Path) -> None:
    result = run("report", "--quarter", "2024Q3", "--format", "table", lang="en", today=TODAY)
    assert result.exit_code == 0, result.output
    assert "Problems" in result.stdout and "red" in result.stdout


# --- TAB completion ----------------------------------------------------------------------


def test_flag_and_lead_completion(scenario: Path) -> None:
    from tests.test_completion import complete

    out = complete(scenario.parent.parent, "fish", "ywplan status --flag ")
    assert [line.split("\t")[0] for line in out.splitlines()] == ["red", "yellow", "blue", "green"]
    out = complete(scenario.parent.parent, "fish", "ywplan status --lead ")
    assert [line.split("\t")[0] for line in out.splitlines()] == ["组织部", "青年发展部", "宣传部"]
