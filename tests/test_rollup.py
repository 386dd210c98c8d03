"""Roll-up (SPEC §8): the parent counts its children's entries as entries of their unit.

The tree is ``tests/rollup_support.py``'s: a province (浙江) ← a city (嘉兴) ← two counties
(海宁市, 桐乡市), every figure small enough to add by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run
from tests.rollup_support import build_city, build_province

CITY_PLAN = "cities/jiaxing/plans/jiaxing-2024.yaml"


@pytest.fixture
def province(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The three-level tree, the province's folder made the current directory."""
    monkeypatch.chdir(tmp_path)
    return build_province(tmp_path)


def targets_of(run: Run, *args: str, today: str = "2024-12-31") -> dict[str, dict[str, Any]]:
    result = run("status", "--format", "json", *args, today=today)
    assert result.exit_code == 0, result.output
    return {
        f"{item['number']}.{t['id']}": t
        for item in json.loads(result.stdout)["items"]
        for t in item["targets"]
    }


def test_the_city_counts_its_counties_by_hand(run: Run, province: Path) -> None:
    targets = targets_of(run, "--plan", CITY_PLAN, "--as-of", "2024-06-30")
    # 嘉兴's own 100 (no unit) + 40 (南湖区); 海宁 30 + 20 (99 reversed, 15 after 06-30); 桐乡 25
    assert targets["26.cadre-training"]["actual"] == 100 + 40 + 30 + 20 + 25 == 215
    # each unit's latest: 海宁 15 (05-01; 18 comes 08-01), 桐乡 9, 南湖区 6, no unit 3
    assert targets["26.orgs"]["actual"] == 15 + 9 + 6 + 3 == 33
    assert targets["26.cadre-training"]["sources"] == [
        {
            "unit": "海宁市",
            "plan": "../counties/haining/plans/haining-2024.yaml",
            "target": "7.cadre-training",
            "actual": 50,
        },
        {
            "unit": "桐乡市",
            "plan": "../counties/tongxiang/plans/tongxiang-2024.yaml",
            "target": "7.cadre-training",
            "actual": 25,
        },
    ]
    assert [s["actual"] for s in targets["26.orgs"]["sources"]] == [15, 9]


def test_the_province_counts_the_whole_tree_by_hand(run: Run, province: Path) -> None:
    june = targets_of(run, "--as-of", "2024-06-30")
    # 湖州市's own 300 + 嘉兴 as above (215)
    assert june["5.cadre-training"]["actual"] == 300 + 215 == 515
    # 湖州市 40 + 嘉兴's level 33 (never a growth percent or its latest reading alone)
    assert june["5.orgs"]["actual"] == 40 + 33 == 73
    assert june["5.cadre-training"]["sources"] == [
        {
            "unit": "嘉兴市",
            "plan": "../cities/jiaxing/plans/jiaxing-2024.yaml",
            "target": "26.cadre-training",
            "actual": 215,
        }
    ]
    september = targets_of(run, "--as-of", "2024-09-30")
    assert september["5.cadre-training"]["actual"] == 515 + 15 == 530  # 海宁's 07-15
    assert september["5.orgs"]["actual"] == 73 - 15 + 18 == 76  # 海宁's 08-01 reading


def test_a_unit_of_the_province_is_its_city(run: Run, province: Path) -> None:
    targets = targets_of(run, "--unit", "嘉兴市", "--as-of", "2024-06-30")
    assert targets["5.cadre-training"]["actual"] == 215
    assert targets["5.cadre-training"]["target"] == 400  # measured against 嘉兴市's quota
    assert [s["unit"] for s in targets["5.cadre-training"]["sources"]] == ["嘉兴市"]


def test_the_quarterly_report_counts_the_children_in_their_quarter(
    run: Run, province: Path
) -> None:
    result = run("report", "--quarter", "2024Q3", "--format", "json", today="2024-12-31")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    cadre = document["items"][0]["targets"][0]
    assert (cadre["actual"], cadre["quarter_amount"]) == (530, 15)
    assert [(s["unit"], s["actual"]) for s in cadre["sources"]] == [("嘉兴市", 230)]


def test_units_ranks_the_children_as_units(run: Run, province: Path) -> None:
    result = run("units", "--as-of", "2024-06-30", "--format", "json", today="2024-12-31")
    assert result.exit_code == 0, result.output
    ranked = {u["unit"]: u for u in json.loads(result.stdout)}
    # 嘉兴市 215 of its 400 (53.8 %), 湖州市 300 of 400 (75 %)
    assert ranked["嘉兴市"]["percent"] == 53.8
    assert ranked["湖州市"]["percent"] == 75.0


def test_a_plan_without_children_has_empty_sources(run: Run, province: Path) -> None:
    county = "cities/jiaxing/counties/haining/plans/haining-2024.yaml"
    targets = targets_of(run, "--plan", county, "--as-of", "2024-06-30")
    assert targets["7.cadre-training"]["actual"] == 50
    assert targets["7.cadre-training"]["sources"] == []


def test_check_of_the_province_checks_the_whole_tree(run: Run, province: Path) -> None:
    result = run("check", "plans/zhejiang-2024.yaml", today="2024-12-31")
    assert result.exit_code == 0, result.output
    assert "and 3 child plan(s) below it, 14 entries" in result.stdout


def test_a_level_with_aggregate_sum_adds_each_units_latest(run: Run, tmp_path: Path) -> None:
    build_city(tmp_path)
    county = tmp_path / "counties" / "haining" / "plans" / "haining-2024.yaml"
    county.write_text(
        county.read_text(encoding="utf-8").replace(
            "kind: level", "kind: level\n        aggregate: sum"
        ),
        encoding="utf-8",
    )
    targets = targets_of(run, "--plan", str(county), "--as-of", "2024-06-30")
    assert targets["7.orgs"]["actual"] == 15  # one unit (none): its latest


def test_unit_drills_down_to_the_childs_own_plan(run: Run, province: Path) -> None:
    result = run(
        "status",
        "--unit",
        "嘉兴市",
        "--as-of",
        "2024-06-30",
        "--format",
        "json",
        today="2024-12-31",
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["items"][0]["targets"][0]["actual"] == 215  # 嘉兴市's contribution
    own = document["unit_plan"]
    assert own["path"] == "../cities/jiaxing/plans/jiaxing-2024.yaml"
    assert own["plan"] == "共青团嘉兴市委2024年工作要点"
    city = {t["id"]: t for t in own["items"][0]["targets"]}
    assert (city["cadre-training"]["actual"], city["cadre-training"]["target"]) == (215, 400)
    assert [s["unit"] for s in city["cadre-training"]["sources"]] == ["海宁市", "桐乡市"]


def test_unit_drill_down_in_a_table(run: Run, province: Path) -> None:
    result = run(
        "status",
        "--unit",
        "嘉兴市",
        "--as-of",
        "2024-06-30",
        "--format",
        "markdown",
        lang="zh",
        today="2024-12-31",
    )
    assert result.exit_code == 0, result.output
    assert (
        "## 嘉兴市 本级计划:共青团嘉兴市委2024年工作要点(../cities/jiaxing/plans/jiaxing-2024.yaml)"
    ) in result.stdout
    assert "| 26 | 加强团干部选育管用 | 培训团干部 | 人次 | ≥ | 400 | 215 |" in result.stdout


def test_a_unit_without_a_child_plan_is_the_units_entries_only(run: Run, province: Path) -> None:
    result = run("status", "--unit", "湖州市", "--format", "json", today="2024-12-31")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert "unit_plan" not in document
    assert document["items"][0]["targets"][0]["actual"] == 300


def test_double_counting_deep_in_the_tree_is_placed_at_its_line(run: Run, province: Path) -> None:
    assert run("check", "plans/zhejiang-2024.yaml", today="2024-12-31").exit_code == 0
    city_ledger = province.parent.parent / "cities/jiaxing/plans/jiaxing-2024.ledger.csv"
    with city_ledger.open("a", encoding="utf-8") as ledger:  # indexed clean just before
        ledger.write("jx000009,2024-05-01,26,cadre-training,5,桐乡市,,clerk,2024-05-01T09:00,\n")
    result = run("check", "plans/zhejiang-2024.yaml", today="2024-12-31")
    assert result.exit_code == 1
    assert (
        "cities/jiaxing/plans/jiaxing-2024.ledger.csv:6:1: error: entry jx000009 logs "
        '26.cadre-training for "桐乡市", but a child plan feeds that unit\'s 26.cadre-training'
    ) in result.stderr
    assert "see also: cities/jiaxing/counties/tongxiang/plans/tongxiang-2024.yaml:15:24" in (
        result.stderr
    )


def test_the_tree_is_read_again_when_any_of_its_files_changes(run: Run, province: Path) -> None:
    root = province.parent.parent
    assert targets_of(run, "--as-of", "2024-06-30")["5.cadre-training"]["actual"] == 515
    assert targets_of(run, "--as-of", "2024-06-30")["5.cadre-training"]["actual"] == 515
    county = root / "cities/jiaxing/counties/tongxiang/plans/tongxiang-2024.ledger.csv"
    with county.open("a", encoding="utf-8") as ledger:
        ledger.write("tx000003,2024-06-02,7,cadre-training,4,,,clerk,2024-06-02T09:00,\n")
    assert targets_of(run, "--as-of", "2024-06-30")["5.cadre-training"]["actual"] == 519
    build_city(root / "cities" / "huzhou")  # a second city appears under the glob …
    result = run("status", "--as-of", "2024-06-30", today="2024-12-31")
    assert result.exit_code == 1  # … reporting as 嘉兴市 a second time: two plans feed one unit
    assert "cities/huzhou/plans/jiaxing-2024.yaml" in result.stderr


def test_the_roots_own_ledger_is_checked_against_a_tree_read_before(
    run: Run, province: Path
) -> None:
    assert targets_of(run)["5.cadre-training"]["actual"] == 530
    with (province.parent / "zhejiang-2024.ledger.csv").open("a", encoding="utf-8") as ledger:
        ledger.write("zj000003,2024-05-01,5,cadre-training,5,嘉兴市,,clerk,2024-05-01T09:00,\n")
    result = run("status", today="2024-12-31")
    assert result.exit_code == 1
    assert "plans/zhejiang-2024.ledger.csv:4:1: error: entry zj000003 logs" in result.stderr


def test_log_in_the_parent_refuses_what_a_child_feeds(run: Run, province: Path) -> None:
    city = "cities/jiaxing/plans/jiaxing-2024.yaml"
    result = run(
        "log",
        "26.cadre-training",
        "5",
        "--unit",
        "海宁市",
        "--plan",
        city,
        "--date",
        "2024-05-01",
        today="2024-12-31",
    )
    assert result.exit_code == 1
    assert (
        'error: 26.cadre-training of "海宁市" is fed by a child plan '
        "(cities/jiaxing/counties/haining/plans/haining-2024.yaml:15:24); logged here it "
        "would count twice: nothing was recorded"
    ) in result.stderr
    own = run(
        "log",
        "26.cadre-training",
        "5",
        "--unit",
        "南湖区",
        "--plan",
        city,
        "--date",
        "2024-05-01",
        today="2024-12-31",
    )
    assert own.exit_code == 0, own.output  # 南湖区 has no plan of its own here


def test_a_broken_child_never_stops_a_parents_clerk_logging(run: Run, province: Path) -> None:
    county = province.parent.parent / "cities/jiaxing/counties/haining/plans/haining-2024.yaml"
    county.write_text("plan: [\n", encoding="utf-8")
    city = "cities/jiaxing/plans/jiaxing-2024.yaml"
    result = run(
        "log", "26.cadre-training", "5", "--plan", city, "--date", "2024-05-01", today="2024-12-31"
    )
    assert result.exit_code == 0, result.output
    assert run("status", "--plan", city, today="2024-12-31").exit_code == 1


def test_report_unit_drills_down_to_the_childs_own_report(run: Run, province: Path) -> None:
    result = run(
        "report", "--quarter", "2024Q2", "--unit", "嘉兴市", "--format", "json", today="2024-12-31"
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["unit"] == "嘉兴市"
    cadre = document["items"][0]["targets"][0]
    # 嘉兴 by 03-31: 100 + 40 + 海宁 30 = 170; by 06-30: 215
    assert (cadre["actual"], cadre["quarter_amount"]) == (215, 215 - 170)
    own = document["unit_plan"]
    assert own["path"] == "../cities/jiaxing/plans/jiaxing-2024.yaml"
    assert [u["unit"] for u in own["units"]] == ["海宁市", "桐乡市", "南湖区"]


def test_report_unit_as_a_workbook(run: Run, province: Path, tmp_path: Path) -> None:
    out = tmp_path / "嘉兴.xlsx"
    result = run(
        "report", "--quarter", "2024Q2", "--unit", "嘉兴市", "-o", str(out), today="2024-12-31"
    )
    assert result.exit_code == 0, result.output
    from openpyxl import load_workbook

    sheets = load_workbook(out).sheetnames
    assert len(sheets) == len(set(sheets)) == 8  # the unit's 3, then its own plan's 5
    assert sheets[3].startswith("嘉兴市 ")


def test_history_of_a_parent_target_counts_the_children_month_by_month(
    run: Run, province: Path
) -> None:
    result = run("history", "5.cadre-training", "--format", "json", today="2024-12-31")
    assert result.exit_code == 0, result.output
    months = {m["month"]: m["actual"] for m in json.loads(result.stdout)["months"]}
    # 嘉兴 100 in Feb; 南湖区 40 and 海宁 30 in Mar; 桐乡 25 in Apr; 湖州市 300 and 海宁 20 in May
    assert [months[f"2024-0{m}"] for m in range(1, 8)] == [0, 100, 170, 195, 515, 515, 530]


def test_one_county_changed_re_reads_its_branch_only(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ywplan.store import tree_cache

    monkeypatch.chdir(tmp_path)
    city = build_city(tmp_path)
    assert targets_of(run, "--plan", str(city), "--as-of", "2024-06-30")["26.orgs"]["actual"] == 33
    county = tmp_path / "counties/haining/plans/haining-2024.ledger.csv"
    with county.open("a", encoding="utf-8") as ledger:
        ledger.write("hn000009,2024-06-10,7,cadre-training,5,,,clerk,2024-06-10T09:00,\n")
        ledger.write("hn000010,2024-06-10,7,orgs,16,,,clerk,2024-06-10T09:00,\n")
    reused: list[bool] = []
    branch = tree_cache.Cached.branch

    def spy(self: tree_cache.Cached, child: Any) -> Any:
        found = branch(self, child)
        reused.append(found is not None)
        return found

    monkeypatch.setattr(tree_cache.Cached, "branch", spy)
    targets = targets_of(run, "--plan", str(city), "--as-of", "2024-06-30")
    assert targets["26.cadre-training"]["actual"] == 215 + 5
    assert targets["26.orgs"]["actual"] == 33 - 15 + 16  # 海宁's new reading
    assert reused == [False, True]  # 海宁 read again, 桐乡 as it was


def test_a_child_two_globs_find_counts_once(run: Run, tmp_path: Path) -> None:
    city = build_city(tmp_path)
    text = city.read_text(encoding="utf-8")
    twice = "children: [../counties/*/plans/*.yaml, ../counties/haining/plans/haining-2024.yaml]"
    city.write_text(text.replace("children: [../counties/*/plans/*.yaml]", twice), encoding="utf-8")
    targets = targets_of(run, "--plan", str(city), "--as-of", "2024-06-30")
    assert targets["26.cadre-training"]["actual"] == 215
    assert run("check", str(city), today="2024-12-31").exit_code == 0


def test_a_branch_broken_since_the_last_run_is_refused(run: Run, tmp_path: Path) -> None:
    city = build_city(tmp_path)
    assert run("status", "--plan", str(city), today="2024-12-31").exit_code == 0
    county = tmp_path / "counties/tongxiang/plans/tongxiang-2024.ledger.csv"
    with county.open("a", encoding="utf-8") as ledger:
        ledger.write("tx000009,2024-06-10,7,cadre-trainin,5,,,clerk,2024-06-10T09:00,\n")
    result = run("status", "--plan", str(city), today="2024-12-31")
    assert result.exit_code == 1
    assert "tongxiang-2024.ledger.csv:4:" in result.stderr
    county.write_text(county.read_text(encoding="utf-8").splitlines(True)[0], encoding="utf-8")
    plan = county.with_name("tongxiang-2024.yaml")
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("unit: 桐乡市", "unit: 海盐县"), "utf-8"
    )
    result = run("status", "--plan", str(city), today="2024-12-31")
    assert result.exit_code == 1
    assert 'reports_to names the unit "海盐县"' in result.stderr


def test_missing_counts_the_childrens_entries(run: Run, province: Path) -> None:
    city = "cities/jiaxing/plans/jiaxing-2024.yaml"
    may = run(
        "missing", "--month", "2024-05", "--plan", city, "--format", "json", today="2024-12-31"
    )
    assert may.exit_code == 0, may.output
    # 海宁 logged 20 on 05-10 in its own ledger: it reported in May; 桐乡 did not
    behind = [u["unit"] for u in json.loads(may.stdout)["units"] if u["missing"]]
    assert behind == ["桐乡市"]


def test_a_form_counts_the_unit_s_own_plan_and_its_intake_is_refused_in_the_parent(
    run: Run, province: Path, tmp_path: Path
) -> None:
    city = "cities/jiaxing/plans/jiaxing-2024.yaml"
    form = tmp_path / "海宁.csv"
    made = run(
        "form",
        "--unit",
        "海宁市",
        "--month",
        "2024-06",
        "--plan",
        city,
        "-o",
        str(form),
        today="2024-12-31",
    )
    assert made.exit_code == 0, made.output
    text = form.read_text(encoding="utf-8-sig")
    assert "26,26.cadre-training,培训团干部,人次,80,50," in text  # 海宁's 30 + 20 so far
    form.write_text(text.replace("(人次),,,", "(人次),5,2024-06-10,"), encoding="utf-8-sig")
    taken = run("intake", str(form), "--plan", city, today="2024-12-31")
    assert taken.exit_code == 1
    assert '26.cadre-training of "海宁市" is fed by a child plan' in taken.stderr
