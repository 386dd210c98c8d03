"""What the reports show is what the core computed: exact values, rounded only when printed.

* 序时进度 marks and stored values (bars, SVG, xlsx, CSV) are the exact expected value;
* JSON carries exact values (only ``percent`` is rounded, SPEC §4);
* a sub-unit's 序时进度 is the whole target's curve scaled by quota ÷ target;
* the terminal status view shows every row's state at any width;
* an entry of no sub-unit is named after the office's level.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from wcwidth import wcswidth

from tests.conftest import Run, write
from ywplan.core.model import Target
from ywplan.core.progress import expected_at, year_fraction
from ywplan.i18n import set_lang, t

TODAY = "2025-01-15"
S = "2024-06-01T09:00:00+08:00"

PLAN = """
plan: 精确计划
org: 共青团示例县委
year: 2024
units: [甲镇, 乙镇]
items:
  - number: 1
    title: 序时进度
    targets:
      - {id: one, name: 一场活动, unit: 场, min: 1}
      - {id: fine, name: 培训, unit: 人, min: 100}
      - {id: orgs, name: 组织数量, unit: 个, min: 433, kind: level, baseline: 159,
         by_unit: {甲镇: 106, 乙镇: 327}}
      - {id: grow, name: 增长, unit: "%", min: 5, kind: growth, baseline: 3000}
"""
LEDGER = f"""id,date,item,target,amount,unit,note,by,recorded_at,corrects
f0000001,2024-01-10,1,fine,2.688,,,张,{S},
o0000001,2024-03-01,1,orgs,56,甲镇,,张,{S},
g0000001,2024-03-31,1,grow,3010,,,张,{S},
g0000002,2024-06-30,1,grow,3020,,,张,{S},
"""


@pytest.fixture
def exact(workdir: Path) -> Path:
    path = write(workdir / "plans" / "exact.yaml", PLAN)
    (workdir / "plans" / "exact.ledger.csv").write_text(LEDGER, encoding="utf-8")
    return path


def targets(document: dict[str, object]) -> dict[str, dict[str, object]]:
    items = document["items"]
    assert isinstance(items, list)
    return {target["id"]: target for item in items for target in item["targets"]}


# --- 23: the 序时进度 mark and stored values are exact ----------------------------------


def test_the_bar_mark_stands_at_the_exact_expected(run: Run, exact: Path) -> None:
    # 1.one at Q3's end: 序时进度 0.75 of a goal of 1; the mark at 0.75 × 16 = 12, not
    # at the rounded 0.8 × 16 = 12.8 → 13.
    result = run("report", "--quarter", "2024Q3", "--format", "txt", today=TODAY)
    line = next(line for line in result.stdout.splitlines() if "一场活动" in line)
    assert "░" * 12 + "│" + "░" * 3 in line
    assert " 0.8 " in line  # printed rounded, as every view prints it
    page = run("report", "--quarter", "2024Q3", "--format", "html", today=TODAY).stdout
    row = next(row for row in page.splitlines() if "一场活动" in row)
    assert 'x1="90.0"' in row


def test_xlsx_and_csv_store_the_exact_expected(run: Run, exact: Path, workdir: Path) -> None:
    out = workdir / "r.xlsx"
    assert run("report", "--quarter", "2024Q3", "-o", str(out), today=TODAY).exit_code == 0
    sheet = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in sheet[4]]
    row = next(r for r in sheet.iter_rows(min_row=5) if r[2].value == "一场活动")
    expected = row[header.index("Expected")]
    assert expected.value == 0.75 and expected.number_format == "0.0"
    assert row[header.index("Gap")].value == -0.75
    text = run("report", "--quarter", "2024Q3", "--format", "csv", today=TODAY).stdout
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    heading = next(r for r in rows if r[:3] == ["No.", "Item", "Target"])
    one = next(r for r in rows if len(r) > 2 and r[2] == "一场活动")
    assert one[heading.index("Expected")] == "0.75"


# --- 28: JSON carries exact values --------------------------------------------------------


def test_json_expected_and_gap_are_exact(run: Run, exact: Path) -> None:
    result = run("status", "--as-of", "2024-01-10", "--format", "json", today=TODAY)
    fine = targets(json.loads(result.stdout))["fine"]
    expected = 100 * year_fraction(dt.date(2024, 1, 10))
    assert fine["expected"] == expected
    assert fine["gap"] == 2.688 - expected
    assert fine["actual"] == 2.688
    # 2.688 is under 2.688172…: behind, and the document says why (rounded, both 2.69)
    assert fine["state"] == "behind" and fine["actual"] < fine["expected"]
    assert fine["percent"] == 2.7  # the one rounded value (SPEC §4)


def test_json_growth_and_period_amounts_are_exact(run: Run, exact: Path) -> None:
    result = run("report", "--quarter", "2024Q2", "--format", "json", today=TODAY)
    grow = targets(json.loads(result.stdout))["grow"]
    q1, q2 = (3010 - 3000) / 3000 * 100, (3020 - 3000) / 3000 * 100
    assert grow["actual"] == q2
    assert grow["quarter_amount"] == q2 - q1
    assert grow["expected"] == 5 * 0.5


def test_units_json_is_exact(run: Run, exact: Path) -> None:
    result = run("units", "--as-of", "2024-01-10", "--format", "json", today=TODAY)
    units = {u["unit"]: u for u in json.loads(result.stdout)}
    orgs = units["甲镇"]["targets"][0]
    start = 106 / 433 * 159
    assert orgs["expected"] == start + (106 - start) * year_fraction(dt.date(2024, 1, 10))


# --- 27: a sub-unit's 序时进度 scales the target's whole curve ------------------------------


def test_a_quota_of_a_level_target_scales_the_baseline(run: Run, exact: Path) -> None:
    # quota 106 of min 433, baseline 159: at Q1's end 106/433 × (159 + 274 × 0.25) = 55.7,
    # not 159 + (106 − 159) × 0.25 = 145.75 (above the quota itself).
    result = run("status", "--unit", "甲镇", "--quarter", "2024Q1", "--format", "json", today=TODAY)
    orgs = targets(json.loads(result.stdout))["orgs"]
    assert orgs["expected"] == pytest.approx(106 / 433 * (159 + 274 * 0.25))
    assert round(orgs["expected"], 1) == 55.7
    assert orgs["state"] == "on_track"  # 56 ≥ 55.7


def test_a_quota_level_counts_its_period_from_its_share_of_the_baseline(
    run: Run, exact: Path
) -> None:
    result = run("report", "--quarter", "2024Q1", "--format", "json", today=TODAY)
    units = {u["unit"]: u for u in json.loads(result.stdout)["units"]}
    orgs = units["甲镇"]["targets"][0]
    assert orgs["quarter_amount"] == pytest.approx(56 - 106 / 433 * 159)
    assert orgs["expected"] == pytest.approx(106 / 433 * (159 + 274 * 0.25))


def _target(baseline: float | None, goal: float, schedule: dict[str, float] | None) -> Target:
    return Target.model_validate(
        {
            "id": "x",
            "name": "x",
            "unit": "个",
            "min": goal,
            "kind": "level" if baseline else "sum",
            **({"baseline": baseline} if baseline else {}),
            **({"schedule": schedule} if schedule else {}),
            "by_unit": {"甲": 1.0},
        }
    )


@given(
    goal=st.floats(min_value=1, max_value=1e6),
    baseline_share=st.one_of(st.none(), st.floats(min_value=0.01, max_value=0.99)),
    quota_share=st.floats(min_value=0.001, max_value=1.0),
    fraction=st.floats(min_value=0.0, max_value=1.0),
)
def test_a_straight_schedule_gives_a_quota_what_no_schedule_gives(
    goal: float, baseline_share: float | None, quota_share: float, fraction: float
) -> None:
    baseline = None if baseline_share is None else goal * baseline_share
    start = baseline or 0.0
    straight = {
        q: start + (goal - start) * at for q, at in (("Q1", 0.25), ("Q2", 0.5), ("Q3", 0.75))
    }
    plain = _target(baseline, goal, None)
    scheduled = _target(baseline, goal, straight)
    quota = goal * quota_share
    without = expected_at(plain, quota, fraction)
    assert expected_at(scheduled, quota, fraction) == pytest.approx(without, rel=1e-9, abs=1e-9)
    assert 0 <= without <= quota * (1 + 1e-12)
    # the whole target's curve is unchanged, and the quota's is it scaled
    whole = expected_at(plain, goal, fraction)
    assert without == pytest.approx(whole * quota_share, rel=1e-9, abs=1e-9)


# --- 17: every status row shows its state, at any width ---------------------------------

STATUS_PLAN = Path(__file__).resolve().parents[1] / "plans" / "jiaxing-2024.yaml"


def _cells(line: str) -> int:
    width = wcswidth(line)
    assert width >= 0, line
    return width


@pytest.mark.parametrize("lang", ("zh", "en"))
@pytest.mark.parametrize("columns", (80, 60))
def test_status_shows_every_state_at_narrow_widths(
    run: Run, bundled: Path, monkeypatch: pytest.MonkeyPatch, lang: str, columns: int
) -> None:
    data = run("status", "--as-of", "2024-09-30", "--format", "json", today=TODAY)
    states = rows_states(json.loads(data.stdout))
    monkeypatch.setenv("COLUMNS", str(columns))
    result = run("status", "--as-of", "2024-09-30", "--format", "table", lang=lang, today=TODAY)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(_cells(line) <= columns for line in lines), "\n".join(lines)
    set_lang(lang)
    labels = {t("state." + state): state for state in set(states)}
    pattern = re.compile("|".join(sorted(map(re.escape, labels), key=len, reverse=True)))
    table = lines[: next(i for i, line in enumerate(lines) if line.startswith("  │"))]
    shown = [labels[m.group()] for line in table for m in [pattern.search(line)] if m]
    assert shown == states
    assert t("col.state") in result.stdout


def rows_states(document: dict[str, list[dict[str, Any]]]) -> list[str]:
    """The state of every status row, top to bottom (SPEC §6: every item is listed): an
    item tracked by more than its targets shows its own state, then its targets', then
    its next milestone's."""
    states = []
    for item in document["items"]:
        own = bool(item["milestones"]) or not item["targets"]
        if own:
            states.append(item["state"])
        states.extend(target["state"] for target in item["targets"])
        waiting = [m for m in item["milestones"] if m["state"] != "done"]
        if waiting:
            states.append(min(waiting, key=lambda m: str(m["due"]))["state"])
    return states


def test_status_keeps_its_full_view_at_120_columns(
    run: Run, bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    result = run("status", "--as-of", "2024-09-30", "--format", "table", lang="zh", today=TODAY)
    row = next(line for line in result.stdout.splitlines() if "选育青年宣讲人才" in line)
    assert "≥20 名" in row and "████████████│░░░ 80.0%" in row and "正常推进" in row


def test_a_wrapped_name_stays_indented_under_its_item(
    run: Run, bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    result = run("status", "--as-of", "2024-09-30", "--format", "table", lang="zh", today=TODAY)
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "示范性学习宣讲" in line)
    assert lines[at].startswith("   示范性") and lines[at + 1].startswith("   ")


# --- 26: an entry of no sub-unit is named after the office's level -----------------------


@pytest.mark.parametrize(
    ("org", "zh", "en"),
    [
        ("共青团嘉兴市委", "全市", "whole city"),
        ("共青团嘉善县委", "全县", "whole county"),
        ("共青团南湖区委", "全区", "whole district"),
        ("共青团浙江省委员会", "全省", "whole province"),
        ("共青团内蒙古自治区委员会", "全区", "whole region"),
        ("嘉兴市团委", "全市", "whole city"),
        ("团县委", "全县", "whole county"),
        ("共青团某某街道工作委员会", "全街道", "whole subdistrict"),
        ("共青团某某镇委员会", "全镇", "whole town"),
        ("共青团某某乡委", "全乡", "whole township"),
        ("示例团委", "本级", "(office level)"),
        ("共青团嘉兴学院委员会", "本级", "(office level)"),
    ],
)
def test_the_no_unit_label_follows_the_office(org: str, zh: str, en: str) -> None:
    from ywplan.core.office import no_unit_label

    set_lang("zh")
    assert no_unit_label(org) == zh
    set_lang("en")
    assert no_unit_label(org) == en
