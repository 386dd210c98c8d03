"""The meeting's report (SPEC §9): the headline of states and flags, the previous period
beside each target, and each target's chart in the HTML page.

Figures of the demo plan (tests/reportplan.py) by hand: 1.trained stands at 30 + 20 = 50
at Q1's end, 65 at Q2's end (+15 in May) and 75 at Q3's end (+10 in August, a 5 logged
and reversed): 65.0 % then 75.0 %, a change of +10 points. In August (the month report)
it went from 65 (end of July) to 75.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.reportplan import TODAY, write_plan


@pytest.fixture
def demo(workdir: Path) -> Path:
    return write_plan(workdir)


def _targets(document: dict) -> dict[str, dict]:  # type: ignore[type-arg]
    return {
        f"{item['number']}.{target['id']}": target
        for item in document["items"]
        for target in item["targets"]
    }


def test_previous_quarter_beside_each_target(run: Run, demo: Path) -> None:
    result = run("report", "--quarter", "2024Q3", "--format", "json", today=TODAY)
    trained = _targets(json.loads(result.stdout))["1.trained"]
    assert (trained["previous_percent"], trained["percent"], trained["change"]) == (
        65.0,
        75.0,
        10.0,
    )


def test_previous_month_beside_each_target(run: Run, demo: Path) -> None:
    result = run("report", "--month", "2024-08", "--format", "json", today=TODAY)
    trained = _targets(json.loads(result.stdout))["1.trained"]
    assert (trained["previous_percent"], trained["change"]) == (65.0, 10.0)


def test_the_first_quarter_has_no_previous(run: Run, demo: Path) -> None:
    result = run("report", "--quarter", "2024Q1", "--format", "json", today=TODAY)
    trained = _targets(json.loads(result.stdout))["1.trained"]
    assert (trained["previous_percent"], trained["change"]) == (None, None)
    csv = run("report", "--quarter", "2024Q1", "--format", "csv", lang="zh", today=TODAY)
    assert "上期完成率,较上期" in csv.stdout


def test_the_headline_counts_states_and_flags(run: Run, demo: Path) -> None:
    result = run("report", "--quarter", "2024Q3", "--format", "txt", lang="zh", today=TODAY)
    lines = result.stdout.splitlines()
    assert "全年工作 6 项:正常推进 1 · 滞后 3 · 临期 1 · 推进中 1" in lines
    assert "量化目标 6 个:正常推进 2 · 滞后 4" in lines
    assert "督办:红灯 1 · 黄灯 2 · 蓝灯 1 · 绿灯 2" in lines
    en = run("report", "--quarter", "2024Q3", "--format", "markdown", today=TODAY)
    assert "- 6 targets: on track 2 · behind 4" in en.stdout


# --- print quality ------------------------------------------------------------------------


def test_the_html_report_draws_each_target_year(run: Run, demo: Path) -> None:
    page = run("report", "--quarter", "2024Q3", "--format", "html", lang="zh", today=TODAY).stdout
    assert page.count('<figure class="trend">') == 6
    assert page.count('<polyline class="expected"') == 6
    assert page.count('<polyline class="actual"') == 6  # January to September drawn
    assert "附:各项目标全年走势" in page
    assert '<section class="keep">' in page  # the ranking kept on one page where it fits
    assert "break-inside: avoid" in page and "table-header-group" in page
    title = "1.trained 培训骨干"
    assert f'aria-label="{title}:累计完成与序时进度"' in page


def test_a_chart_is_plan_text_escaped(run: Run, demo: Path) -> None:
    page = run("report", "--quarter", "2024Q3", "--format", "html", today=TODAY).stdout
    charts = page[page.index('<section class="charts-section">') :]
    assert "<b>" not in charts
    assert "4.budget =HYPERLINK(&quot;http://evil.example&quot;,&quot;经费&quot;)" in charts


def test_the_workbook_prints_with_borders_titles_and_fit_to_width(
    run: Run, demo: Path, workdir: Path
) -> None:
    import openpyxl

    out = workdir / "季报.xlsx"
    assert run("report", "--quarter", "2024Q3", "-o", str(out), today=TODAY).exit_code == 0
    for sheet in openpyxl.load_workbook(out):
        assert sheet.print_title_rows == "$4:$4"  # the header row on every printed page
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        # one page wide: no fitToWidth is 1, the file format's default (Excel writes none)
        assert (sheet.page_setup.fitToWidth or 1, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet["A4"].border.bottom.style == "thin"
        if sheet.max_row > 5 and sheet["A5"].value is not None:
            assert sheet["A5"].border.left.style == "thin"


def test_the_headline_in_json(run: Run, demo: Path) -> None:
    document = json.loads(
        run("report", "--quarter", "2024Q3", "--format", "json", today=TODAY).stdout
    )
    assert document["states"] == {
        "items": {"on_track": 1, "behind": 3, "due_soon": 1, "in_progress": 1},
        "targets": {"on_track": 2, "behind": 4},
    }
    assert document["flags"] == {"red": 1, "yellow": 2, "blue": 1, "green": 2}
