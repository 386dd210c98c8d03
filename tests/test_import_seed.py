"""Seed 002, the real 2024 Jiaxing plan: 30 shuffled items with copy-protection noise."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ywplan.core.model import Plan
from ywplan.importing import draft, draft_plan
from ywplan.importing.items import ParsedPlan, parse_plan
from ywplan.store import yamlio

from .import_helpers import SEED_002

# (item, op, value, unit, kind): the 22 quantitative targets of the plan, in plan order.
EXPECTED_TARGETS = [
    (2, "min", 20, "名", "sum"),
    (2, "min", 30, "场", "sum"),
    (2, "min", 1, "次", "sum"),
    (3, "min", 700, "人", "sum"),
    (5, "min", 50, "场", "sum"),
    (5, "min", 2000, "人次", "sum"),
    (6, "min", 5, "家", "sum"),
    (6, "min", 50, "家", "sum"),
    (6, "min", 500, "名", "sum"),
    (6, "min", 5, "场", "sum"),
    (7, "min", 5, "场", "sum"),
    (7, "min", 15, "场", "sum"),
    (7, "min", 1000, "名", "sum"),
    (8, "min", 10, "项", "sum"),
    (10, "min", 2, "场", "sum"),
    (10, "min", 20, "项", "sum"),
    (10, "min", 50, "支", "sum"),
    (10, "min", 300, "名", "sum"),
    (11, "min", 5, "场", "sum"),
    (17, "min", 8000, "人", "sum"),
    (25, "min", 5, "%", "growth"),
    (26, "min", 400, "人次", "sum"),
]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED_002.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parsed(seed_text: str) -> ParsedPlan:
    return parse_plan(seed_text)


def test_all_thirty_items_in_order(parsed: ParsedPlan) -> None:
    assert [item.number for item in parsed.items] == list(range(1, 31))


def test_noise_and_number_prefix_are_gone(parsed: ParsedPlan) -> None:
    item_19 = parsed.items[18]
    assert item_19.title == "加强青少年权益维护"
    assert item_19.text.startswith("加强青少年权益维护。落实团干部密切联系青年制度")
    assert "“青春思享嘉2.0”" in parsed.items[1].text
    for item in parsed.items:
        assert not set(item.text) & set("★■◆")
        assert "。" not in item.title


def test_the_preamble_is_skipped_and_listed(parsed: ParsedPlan) -> None:
    assert len(parsed.skipped) == 1
    assert parsed.skipped[0].startswith("周年,是实施“十四五”规划的关键一年")
    assert (parsed.org, parsed.year, parsed.title) == (None, None, None)


def test_exactly_the_22_targets(parsed: ParsedPlan) -> None:
    found = [
        (item.number, t.op, t.value, t.unit, t.kind) for item in parsed.items for t in item.targets
    ]
    assert found == EXPECTED_TARGETS


@pytest.mark.parametrize(
    ("number", "names"),
    [
        (2, ["选育青年宣讲人才", "市、县两级示范性学习宣讲活动", "宣讲"]),
        (6, ["重点企业", "中小企业", "青年企业家", "交流活动"]),
        (11, ["青禾集市"]),
        (25, ["组织数量年度增长"]),
        (26, ["培训团干部"]),
    ],
)
def test_target_names(parsed: ParsedPlan, number: int, names: list[str]) -> None:
    assert [t.name for t in parsed.items[number - 1].targets] == names


def test_draft_with_org_and_year(seed_text: str) -> None:
    result = draft(seed_text, org="共青团嘉兴市委", year=2024, source="seed_002.txt")
    assert (result.items, result.targets, result.todos) == (30, 22, 1)
    data, _ = yamlio.load(result.yaml)
    assert data["plan"] == "共青团嘉兴市委2024年工作要点"
    assert [item["number"] for item in data["items"]] == list(range(1, 31))
    item_26 = data["items"][25]
    assert item_26["targets"] == [
        {"id": "t1", "name": "培训团干部", "unit": "人次", "min": 400},
    ]
    assert "# 原文:全市全年培训团干部不少于400人次\n      - id: t1" in result.yaml


def test_draft_fails_check_only_on_the_growth_baseline(seed_text: str) -> None:
    text = draft_plan(seed_text, org="共青团嘉兴市委", year=2024)
    data, _ = yamlio.load(text)
    with pytest.raises(ValidationError) as caught:
        Plan.model_validate(data)
    errors = caught.value.errors()
    assert [(e["type"], e["loc"]) for e in errors] == [
        ("plan.growth_baseline", ("items", 24, "targets", 0))
    ]
    assert "baseline:  # TODO: 填写基数 baseline" in text


def test_draft_validates_once_the_baseline_is_filled_in(seed_text: str) -> None:
    text = draft_plan(seed_text, org="共青团嘉兴市委", year=2024)
    filled = text.replace("baseline:  # TODO: 填写基数 baseline", "baseline: 1200")
    data, _ = yamlio.load(filled)
    plan = Plan.model_validate(data)
    assert len(plan.targets()) == 22
    item = plan.item(25)
    assert item is not None
    assert item.targets[0].kind == "growth"
