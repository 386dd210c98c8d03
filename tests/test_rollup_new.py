"""``ywplan new --reports-to PLAN --unit NAME`` (SPEC §8): a county's repository whose
targets with a quota for it already count toward the city's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.rollup_support import build_city

EXPECTED = """\
plan: 共青团海宁市委2024年工作要点
org: 共青团海宁市委
year: 2024
reports_to:
  plan: ../../../plans/jiaxing-2024.yaml
  unit: 海宁市
items:
  - number: 26
    title: 加强团干部选育管用
    targets:
      - id: cadre-training
        name: 培训团干部
        unit: 人次
        min: 80
        counts_toward: 26.cadre-training
"""


@pytest.fixture
def city(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    build_city(tmp_path)
    shutil.rmtree(tmp_path / "counties" / "haining")
    return tmp_path


def test_new_scaffolds_a_county_the_city_counts(run: Run, city: Path) -> None:
    made = run(
        "new",
        "counties/haining",
        "--reports-to",
        "plans/jiaxing-2024.yaml",
        "--unit",
        "海宁市",
        today="2024-12-31",
    )
    assert made.exit_code == 0, made.output
    plan = city / "counties" / "haining" / "plans" / "workplan-2024.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.endswith(EXPECTED)
    assert (city / "counties" / "haining" / ".git").exists() or shutil.which("git") is None

    logged = run(
        "log",
        "26.cadre-training",
        "12",
        "--date",
        "2024-02-20",
        "--plan",
        str(plan),
        today="2024-12-31",
    )
    assert logged.exit_code == 0, logged.output
    check = run("check", "plans/jiaxing-2024.yaml", today="2024-12-31")
    assert check.exit_code == 0, check.output
    status = run(
        "status", "--plan", "plans/jiaxing-2024.yaml", "--format", "json", today="2024-12-31"
    )
    cadre = json.loads(status.stdout)["items"][0]["targets"][0]
    assert cadre["actual"] == 100 + 40 + 25 + 12  # the city, 桐乡市, and the new county
    assert [s["unit"] for s in cadre["sources"]] == ["海宁市", "桐乡市"]


def test_new_refuses_a_unit_the_parent_does_not_have(run: Run, city: Path) -> None:
    made = run("new", "x", "--reports-to", "plans/jiaxing-2024.yaml", "--unit", "海盐")
    assert made.exit_code == 1
    assert 'error: "海盐" is not one of the plan\'s sub-units' in made.stderr
    assert not (city / "x").exists()


def test_new_needs_both_options(run: Run, city: Path) -> None:
    made = run("new", "x", "--unit", "海宁市")
    assert made.exit_code == 2
    assert "error: --reports-to and --unit go together" in made.stderr
    chinese = run("new", "x", "--reports-to", "plans/jiaxing-2024.yaml", lang="zh")
    assert "错误: --reports-to 和 --unit 要一起给出" in chinese.stderr


def test_the_new_county_checks_without_a_warning(run: Run, city: Path) -> None:
    """Its items keep the city's numbers (26, as the city's document says), which are
    no gaps in the county's own numbering."""
    made = run(
        "new", "counties/haining", "--reports-to", "plans/jiaxing-2024.yaml", "--unit", "海宁市"
    )
    assert made.exit_code == 0, made.output
    plan = city / "counties" / "haining" / "plans" / "workplan-2024.yaml"
    result = run("check", str(plan), today="2024-12-31")
    assert result.exit_code == 0, result.output
    assert "0 warning(s)" in result.stdout
    assert "gaps" not in result.output


def test_a_countys_own_items_are_still_numbered_without_gaps(run: Run, city: Path) -> None:
    made = run(
        "new", "counties/haining", "--reports-to", "plans/jiaxing-2024.yaml", "--unit", "海宁市"
    )
    assert made.exit_code == 0, made.output
    plan = city / "counties" / "haining" / "plans" / "workplan-2024.yaml"
    own = "  - number: 1\n    title: 本级工作一\n  - number: 3\n    title: 本级工作三\n"
    plan.write_text(plan.read_text(encoding="utf-8") + own, encoding="utf-8")
    result = run("check", str(plan), today="2024-12-31")
    assert result.exit_code == 0, result.output
    assert "warning: item numbers have gaps: 2 missing" in result.stderr
