"""Target extraction on a corpus of phrasings: every comparator, numeral kind and unit,
and every kind of number that must NOT become a target."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ywplan.importing.targets import FoundTarget, find_targets

from .import_helpers import to_chinese

Expected = list[tuple[str, float, str, str]]  # (op, value, unit, kind)


def summary(text: str) -> Expected:
    return [(t.op, t.value, t.unit, t.kind) for t in find_targets(text)]


COMPARATORS: list[tuple[str, Expected]] = [
    ("全市全年培训团干部不少于400人次。", [("min", 400, "人次", "sum")]),
    ("团员覆盖率不低于95%。", [("min", 95, "%", "level")]),
    ("推动专职团干部开展宣讲至少1次。", [("min", 1, "次", "sum")]),
    ("开展覆盖500名以上青年企业家的交流活动。", [("min", 500, "名", "sum")]),
    ("吸纳10家及以上青年企业。", [("min", 10, "家", "sum")]),
    ("注册志愿者达到8000人。", [("min", 8000, "人", "sum")]),
    ("单次活动经费不超过5000元。", [("max", 5000, "元", "sum")]),
    ("每期学员50人以内。", [("max", 50, "人", "sum")]),
    ("培训规模控制在200人以内。", [("max", 200, "人", "sum")]),
    ("会务经费控制在3万元。", [("max", 3, "万元", "sum")]),
    ("流失率不高于2%。", [("max", 2, "%", "level")]),
    ("骨干培训不小于20期。", [("min", 20, "期", "sum")]),
    ("力争参与人数超过1万人次。", [("min", 10_000, "人次", "sum")]),
    ("青年满意度高于90%。", [("min", 90, "%", "level")]),
    ("注册率达到全市青年的15%以上。", [("min", 15, "%", "level")]),
    ("每季度至少开展一次主题团日活动。", [("min", 1, "次", "sum")]),
    ("全年新发展团员不超过1200名。", [("max", 1200, "名", "sum")]),
]

NUMERALS: list[tuple[str, Expected]] = [
    ("全年培训团干部不少于４００人次。", [("min", 400, "人次", "sum")]),
    ("服务青年不少于１．５万人次。", [("min", 15000, "人次", "sum")]),
    ("服务青年不少于1.5万人次。", [("min", 15000, "人次", "sum")]),
    ("覆盖青少年不少于1,000人。", [("min", 1000, "人", "sum")]),
    ("举办青禾集市不少于两场。", [("min", 2, "场", "sum")]),
    ("举办宣讲至少十场。", [("min", 10, "场", "sum")]),
    ("组建服务队不少于三十支。", [("min", 30, "支", "sum")]),
    ("服务企业不少于一百家。", [("min", 100, "家", "sum")]),
    ("培育人才不少于一千二百名。", [("min", 1200, "名", "sum")]),
    ("覆盖青年达到三万人次。", [("min", 30000, "人次", "sum")]),
    ("招募志愿者不少于一万二千人。", [("min", 12000, "人", "sum")]),
    ("招募志愿者至少两万人。", [("min", 20000, "人", "sum")]),
    ("筹集资金不少于100万元。", [("min", 100, "万元", "sum")]),
    ("筹集资金不少于一百万元。", [("min", 100, "万元", "sum")]),
    ("建设阵地不少于10个。", [("min", 10, "个", "sum")]),
    ("遴选项目不少于3项。", [("min", 3, "项", "sum")]),
    ("参与率不低于８０％。", [("min", 80, "%", "level")]),
    ("达标率达到2.5%。", [("min", 2.5, "%", "level")]),
    ("征集作品不少于二十篇。", [("min", 20, "篇", "sum")]),
    ("结对学校不少于五所。", [("min", 5, "所", "sum")]),
    ("人均志愿服务不少于20小时。", [("min", 20, "小时", "sum")]),
]

GROWTH: list[tuple[str, Expected]] = [
    ("全市组织数量年度增长不低于5%。", [("min", 5, "%", "growth")]),
    ("志愿者人数同比增长10%以上。", [("min", 10, "%", "growth")]),
    ("团员数量增长5%。", [("min", 5, "%", "growth")]),
    ("年均增长率不低于3.5%。", [("min", 3.5, "%", "growth")]),
]

SEVERAL: list[tuple[str, Expected]] = [
    (
        "引导服务不少于5家重点企业及50家中小企业。",
        [("min", 5, "家", "sum"), ("min", 50, "家", "sum")],
    ),
    ("建设不少于10个示范点和20个培育点。", [("min", 10, "个", "sum"), ("min", 20, "个", "sum")]),
    (
        "重点项目不少于5场,一般项目不少于15场。",
        [("min", 5, "场", "sum"), ("min", 15, "场", "sum")],
    ),
    (
        "举办不少于5场、覆盖不少于2000人次的活动。",
        [("min", 5, "场", "sum"), ("min", 2000, "人次", "sum")],
    ),
    (
        "不少于5家、8家和10家。",
        [("min", 5, "家", "sum"), ("min", 8, "家", "sum"), ("min", 10, "家", "sum")],
    ),
]

TRAPS: list[str] = [
    "提升12355青少年服务台能级。",  # a phone line
    "拨打12355热线。",
    "把握少先队建队75周年契机。",  # anniversaries
    "我国第一支青年突击队成立70周年。",
    "深化“雨露青禾2.0”行动。",  # a version name
    "放大“青春思享嘉2■◆★★★.0”品牌效应。".replace("■◆★★★", ""),
    "打造“青少年成长15分钟服务圈”。",  # durations
    "确保至少15分钟。",
    "做好《中长期青年发展规划(2021—2025年)》中期评估。",  # a period
    "在全市现有1000张床位的基础上。",  # baselines
    "全市现有1000名以上团干部。",
    "志愿者已达到5000人。",
    "打造“1+5”星级服务台工作矩阵。",  # labels
    "建设1+5个服务台。",
    "依托20个循迹溯源点位。",  # counts that are no goal
    "召开第五次全体会议。",
    "召开第一届第一次全体会员大会。",
    "压实“八小时”外监督责任。",
    "确保初三及以上年级“班班建支部”。",
    "建强8090、00后青年理论宣讲员队伍。",
    "每年3月开展集中宣讲。",
    "2024年是新中国成立75周年。",
    "推广“一县一品”,建设两级阵地。",
]


@pytest.mark.parametrize(("text", "expected"), COMPARATORS + NUMERALS + GROWTH + SEVERAL)
def test_targets_found(text: str, expected: Expected) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize("text", TRAPS)
def test_not_a_target(text: str) -> None:
    assert find_targets(text) == []


def test_values_are_ints_when_whole() -> None:
    (target,) = find_targets("服务青年不少于1.5万人次。")
    assert isinstance(target.value, int)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("全市全年培训团干部不少于400人次,探索特色班次设置。", ["培训团干部"]),
        ("全年举办青禾集市不少于5场。", ["青禾集市"]),
        ("引导服务不少于5家重点企业及50家中小企业。", ["重点企业", "中小企业"]),
        ("为不少于300名创业青年提供帮助。", ["创业青年"]),
        ("开展覆盖500名以上青年企业家的交流活动不少于5场。", ["青年企业家", "交流活动"]),
        ("面向青少年开展科普宣讲宣传不少于50场。", ["科普宣讲宣传"]),
        ("每季度至少开展一次主题团日活动。", ["主题团日活动"]),
        ("组建不少于50支“青年突击队”,开展服务。", ["青年突击队"]),
    ],
)
def test_names(text: str, names: list[str]) -> None:
    assert [t.name for t in find_targets(text)] == names


def test_phrase_is_the_clause_it_came_from() -> None:
    (target,) = find_targets("贯通培训链条,全市全年培训团干部不少于400人次,探索特色班次设置。")
    assert target.phrase == "全市全年培训团干部不少于400人次"


def test_phrase_keeps_the_quoted_noun_whole() -> None:
    (target,) = find_targets("组建不少于50支“青年突击队”,开展服务。")
    assert target.phrase == "组建不少于50支“青年突击队”"


def test_long_phrase_is_shortened_from_the_left() -> None:
    text = "在" + "政策扶持" * 20 + "等方面为不少于300名创业青年提供帮助。"
    (target,) = find_targets(text)
    assert target.phrase.startswith("…")
    assert target.phrase.endswith("不少于300名创业青年")
    assert len(target.phrase) == 41


def test_position_is_where_the_number_stands() -> None:
    text = "不少于5家重点企业及50家中小企业"
    assert [text[t.start :].startswith(("5家", "50家")) for t in find_targets(text)] == [True, True]


@given(st.integers(min_value=1, max_value=99_999_999), st.sampled_from(["名", "人次", "场"]))
def test_any_chinese_numeral_in_a_phrase(n: int, unit: str) -> None:
    assert summary(f"全年培训不少于{to_chinese(n)}{unit}。") == [("min", n, unit, "sum")]


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["不少于", "至少", "达到"]))
def test_any_arabic_number_in_a_phrase(n: int, comparator: str) -> None:
    (target,) = find_targets(f"全年服务{comparator}{n}人次。")
    assert (target.op, target.value, target.unit) == ("min", n, "人次")


def test_found_target_is_a_value() -> None:
    (a,) = find_targets("不少于5场。")
    (b,) = find_targets("不少于5场。")
    assert a == b
    assert isinstance(a, FoundTarget)
