"""Project lists (实事项目, 10件实事, 亮目标 news) and their layouts, from the held-out texts."""

from __future__ import annotations

import pytest

from ywplan.importing.items import parse_plan
from ywplan.importing.targets import find_targets

Summary = list[tuple[str, float, str]]  # (op, value, unit)


def summary(text: str, *, ahead: bool = False) -> Summary:
    return [(t.op, t.value, t.unit) for t in find_targets(text, ahead=ahead)]


def targets_by_item(text: str) -> dict[int, Summary]:
    plan = parse_plan(text)
    return {i.number: [(t.op, t.value, t.unit) for t in i.targets] for i in plan.items}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("配套抽运车辆300辆。", [("min", 300, "辆")]),
        ("电梯加装245部。", [("min", 245, "部")]),
        ("完成30台多层住宅电梯加装工作。", [("min", 30, "台")]),
        ("配送各类图书、杂志5万册。", [("min", 50_000, "册")]),
        ("将筛查病种范围增加至20余类。", [("min", 20, "类")]),
        (
            "开展惠民演出、文化下乡、文化进万家等活动200场次、放映电影300场次。",
            [("min", 200, "场次"), ("min", 300, "场次")],
        ),
        (
            "新建和改扩建乡村公厕450座、农村粪污处理设施50个。",
            [("min", 450, "座"), ("min", 50, "个")],
        ),
        ("*366张养老床位", [("min", 366, "张")]),
        ("*为8个住宅小区新增电动自行车充电设施", [("min", 8, "个")]),
        ("年均发放公租房租赁补贴7000户。", [("min", 7000, "户")]),
    ],
)
def test_project_list_entries_in_a_plan(text: str, expected: Summary) -> None:
    assert summary(text, ahead=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "联合15部门开展专项活动。",  # 部门 is no measure word
        "2.3万个团队组织主题教育全覆盖。",  # a scope, not a count to reach
        "配套日处理400吨的生活垃圾转运中心。",  # the size of one facility
    ],
)
def test_what_a_project_list_does_not_commit_to(text: str) -> None:
    assert find_targets(text, ahead=True) == []


def test_a_chinese_numeral_never_joins_a_bare_list() -> None:
    assert summary("组建队伍30支,实施“四项行动”。", ahead=True) == [("min", 30, "支")]


def test_an_opening_count_needs_a_plan() -> None:
    assert summary("*366张养老床位") == []


def test_round_figures_are_doubtful_and_need_a_strong_look_ahead() -> None:
    (beds,) = find_targets("计划提供免费短期住宿床位6000余张。")
    assert (beds.op, beds.value, beds.unit) == ("min", 6000, "张")
    assert beds.doubt is not None and "约数" in beds.doubt
    assert summary("全年举办活动300余场。") == []  # 全年 alone: a report says it too
    assert summary("“星火阅读”覆盖青少年超10万人。", ahead=True) == [("min", 100_000, "人")]


def test_yi_shi_paragraphs_are_items() -> None:
    text = "为民兴办10件实事:\n一是新建幼儿园20所。\n二是新建农村公路300公里。"
    assert targets_by_item(text) == {1: [("min", 20, "所")], 2: [("min", 300, "公里")]}


def test_zero_padded_row_numbers_are_a_table() -> None:
    text = "2019年区政府实事项目安排\n\n01\n\n新增就业9000人\n\n02\n\n*2家长者照护之家"
    assert targets_by_item(text) == {1: [("min", 9000, "人")], 2: [("min", 2, "家")]}


def test_an_item_may_open_with_a_date() -> None:
    text = "1.4月2日,团市委将推出实事20项。\n2.2025年将培训青年不少于1000名。"
    assert targets_by_item(text) == {1: [("min", 20, "项")], 2: [("min", 1000, "名")]}


def test_bracketed_parts_belong_to_their_item() -> None:
    text = "4、实施就业创业促进计划\n(1)举办青年就业推介会;\n(2)争取建立10家见习基地。\n时间:3月"
    assert targets_by_item(text) == {4: [("min", 10, "家")]}


@pytest.mark.parametrize(
    ("head", "ahead"),
    [
        ("2019年市委市政府为民兴办10件实事", True),
        ("2019年崇明区政府实事项目和重点工程安排", True),
        ("2025年,团市委将扎实推进青年发展型城市建设", True),
        ("四、活动安排", True),
        ("她将青少年心理健康服务列为民生实事,数据显示这一年成效明显,群众满意度高。", False),
    ],
)
def test_what_makes_a_text_a_plan(head: str, ahead: bool) -> None:
    plan = parse_plan(f"{head}\n1.新建青年驿站2个。")
    assert bool(plan.items[0].targets) is ahead


@pytest.mark.parametrize(
    "text",
    [
        "实施“青鸟计划”,每年为青年收集发布20万余个就业岗位。",  # 计划 in a name
        "实施“青年优居计划”,建成395处“青年优驿”。",
        "创新开展视频作品创作大赛,话题浏览量达1.2亿次。",  # 达 in a report
        "全年累计创作作品2070个,浏览量达286万余次。",  # a round figure with 达
    ],
)
def test_what_a_report_says_in_plan_words(text: str) -> None:
    assert find_targets(text) == []


def test_weak_comparator_in_a_plan() -> None:
    assert summary("今年社区团组织覆盖率达30%。") == [("min", 30, "%")]
    assert summary("社区团组织覆盖率达30%。", ahead=True) == [("min", 30, "%")]
    assert summary("计划资助学生520人。") == [("min", 520, "人")]
