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
