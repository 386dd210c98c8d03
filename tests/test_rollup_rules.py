"""Every tree rule of SPEC §8: its exact message, the place in the child and in the parent.

Each case builds the city and its two counties (``tests/rollup_support.py``), breaks one
thing, and checks the city: ``check`` names the file and line where the fix goes and,
as ``see also``, the other side of the link.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.rollup_support import build_city

HAINING = "counties/haining/plans/haining-2024.yaml"
CITY = "plans/jiaxing-2024.yaml"

# name: (file changed, text replaced, replacement, the finding as printed)
CASES: dict[str, tuple[str, str, str, str]] = {
    "no_reports_to": (
        HAINING,
        "reports_to:\n  plan: ../../../plans/jiaxing-2024.yaml\n  unit: 海宁市\n",
        "",
        f"{HAINING}:1:7: error: {CITY}'s children found this plan, but it has no reports_to\n"
        f"    see also: {CITY}:8:12\n",
    ),
    "reports_elsewhere": (
        HAINING,
        "plan: ../../../plans/jiaxing-2024.yaml",
        "plan: ../../../plans/other.yaml",
        f"{HAINING}:5:9: error: reports_to names ../../../plans/other.yaml, but the parent "
        f"that found it is {CITY}\n    see also: {CITY}:8:12\n",
    ),
    "unknown_unit": (
        HAINING,
        "unit: 海宁市",
        "unit: 海盐县",
        f'{HAINING}:6:9: error: reports_to names the unit "海盐县", which is not among the '
        f"units of {CITY}\n    see also: {CITY}:4:8\n"
        "    hint: use one of the parent's units: 海宁市、桐乡市、南湖区\n",
    ),
    "other_year": (
        HAINING,
        "year: 2024",
        "year: 2023",
        f"{HAINING}:3:7: error: this plan is for 2023, its parent's for 2024\n"
        f"    see also: {CITY}:3:7\n",
    ),
    "unknown_target": (
        HAINING,
        "counts_toward: 26.cadre-training",
        "counts_toward: 26.cadre",
        f"{HAINING}:15:24: error: target 7.cadre-training counts toward 26.cadre, which "
        f"{CITY} does not have\n    see also: {CITY}:10:13\n",
    ),
    "other_unit": (
        HAINING,
        "unit: 人次",
        "unit: 人",
        f'{HAINING}:15:24: error: target 7.cadre-training is counted in "人", the parent\'s '
        f'26.cadre-training in "人次"\n    see also: {CITY}:15:15\n',
    ),
    "other_kind": (
        HAINING,
        "        kind: level\n",
        "",
        f"{HAINING}:20:24: error: target 7.orgs is a sum target, the parent's 26.orgs a "
        f"level target\n    see also: {CITY}:22:15\n",
    ),
    "needs_aggregate": (
        CITY,
        "        aggregate: sum\n",
        "",
        f"{CITY}:19:13: error: target 26.orgs is fed by the child {HAINING} and needs "
        f"aggregate: sum\n    see also: {HAINING}:21:24\n",
    ),
    "cycle": (
        HAINING,
        "year: 2024\n",
        "year: 2024\nchildren: [../../../plans/*.yaml]\n",
        f"{HAINING}:4:12: error: children finds {CITY} again, which is already above this "
        f"plan: the tree is a cycle\n    see also: {CITY}\n",
    ),
    "child_missing": (
        CITY,
        "children: [../counties/*/plans/*.yaml]",
        "children: [../counties/*/plans/*.yaml, ../x/y.yaml]",
        f'{CITY}:8:40: error: children "../x/y.yaml" does not exist\n',
    ),
}


@pytest.fixture
def city(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    build_city(tmp_path)
    return tmp_path


def broken(root: Path, name: str) -> str:
    changed, old, new, expected = CASES[name]
    path = root / changed
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_names_both_places(run: Run, city: Path, name: str) -> None:
    expected = broken(city, name)
    result = run("check", CITY, today="2024-12-31")
    assert result.exit_code == 1
    assert expected in result.stderr


@pytest.mark.parametrize("name", sorted(CASES))
def test_status_of_the_parent_refuses_a_broken_tree(run: Run, city: Path, name: str) -> None:
    broken(city, name)
    result = run("status", "--plan", CITY, today="2024-12-31")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    # the tree's errors, or a child's plan or ledger refused as such (a year's dates)
    last = result.stderr.splitlines()[-2]
    assert last.startswith(
        (f"error: the tree of child plans under {CITY} has", "error: plan ", "error: ledger ")
    ), result.stderr


def test_double_counting_names_the_entry_and_the_childs_target(run: Run, city: Path) -> None:
    with (city / "plans" / "jiaxing-2024.ledger.csv").open("a", encoding="utf-8") as ledger:
        ledger.write("jx000009,2024-05-01,26,cadre-training,5,海宁市,,clerk,2024-05-01T09:00,\n")
    result = run("check", CITY, today="2024-12-31")
    assert result.exit_code == 1
    assert (
        "plans/jiaxing-2024.ledger.csv:6:1: error: entry jx000009 logs 26.cadre-training for "
        '"海宁市", but a child plan feeds that unit\'s 26.cadre-training: the same work is '
        f"counted twice\n    see also: {HAINING}:15:24\n"
    ) in result.stderr
    assert run("status", "--plan", CITY, today="2024-12-31").exit_code == 1


def test_a_glob_that_finds_nothing_is_a_warning(run: Run, city: Path) -> None:
    path = city / CITY
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("*.yaml]", "*.yaml, ../towns/*.yaml]"), encoding="utf-8")
    result = run("check", CITY, today="2024-12-31")
    assert result.exit_code == 0, result.output
    assert f'{CITY}:8:40: warning: children "../towns/*.yaml" finds no plan' in result.output


def test_the_places_in_json_and_in_chinese(run: Run, city: Path) -> None:
    broken(city, "unknown_unit")
    result = run("check", CITY, "--format", "json", today="2024-12-31")
    found = [f for f in json.loads(result.stdout) if f["code"] == "tree.unknown_unit"]
    assert [(f["file"], f["line"], f["related"]) for f in found] == [(HAINING, 6, f"{CITY}:4:8")]
    chinese = run("check", CITY, lang="zh", today="2024-12-31")
    assert (
        f"{HAINING}:6:9: 错误: reports_to 的单位“海盐县”不在 {CITY} 的 units 中\n"
        f"    另见: {CITY}:4:8\n"
    ) in chinese.stderr


def test_a_child_that_cannot_be_read_is_named(run: Run, city: Path) -> None:
    (city / HAINING).write_bytes(b"plan: [\n")
    result = run("check", CITY, today="2024-12-31")
    assert result.exit_code == 1
    assert f"{HAINING}:" in result.stderr
    status = run("status", "--plan", CITY, today="2024-12-31")
    assert status.exit_code == 1
    assert f"error: plan {HAINING} has" in status.stderr


@pytest.mark.parametrize("name", ["unknown_unit", "other_unit", "needs_aggregate"])
def test_plans_served_from_the_cache_are_placed_alike(run: Run, city: Path, name: str) -> None:
    expected = broken(city, name)
    first = run("check", CITY, today="2024-12-31")
    again = run("check", CITY, today="2024-12-31")  # the child plans as cached by the first
    assert expected in first.stderr
    assert again.stderr == first.stderr


def test_the_walk_is_bounded_in_depth_and_in_plans(
    run: Run, city: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ywplan.store import tree

    monkeypatch.setattr(tree, "MAX_PLANS", 2)
    result = run("check", CITY, today="2024-12-31")
    assert result.exit_code == 1
    assert f"{CITY}:8:12: error: the tree holds more than 2 plans; the rest were not read" in (
        result.stderr
    )
    monkeypatch.setattr(tree, "MAX_PLANS", 2_000)
    monkeypatch.setattr(tree, "MAX_DEPTH", 0)
    result = run("check", CITY, today="2024-12-31")
    assert f"{CITY}:8:12: error: the tree of plans is more than 0 levels deep" in result.stderr
