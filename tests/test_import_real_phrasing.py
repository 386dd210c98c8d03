"""The phrasings and layouts of issue 12, each as real plans write them."""

from __future__ import annotations

import io

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ywplan.importing import draft
from ywplan.importing.items import parse_plan
from ywplan.importing.quantified import (
    looks_quantified,
    lost_every_target,
    numbers_without_targets,
)
from ywplan.importing.reader import decode_document
from ywplan.importing.targets import find_targets
from ywplan.store import yamlio

Summary = list[tuple[str, float, str]]  # (op, value, unit)


def summary(text: str, *, year: int | None = None, ahead: bool = False) -> Summary:
    return [(t.op, t.value, t.unit) for t in find_targets(text, year=year, ahead=ahead)]


IN_A_PLAN: list[tuple[str, Summary]] = [
    ("新建青年驿站2个,改建3个,步道5条。", [("min", 2, "个"), ("min", 3, "个"), ("min", 5, "条")]),
    ("培育青年文明号集体70个。", [("min", 70, "个")]),
    ("力争新增30个青年之家。", [("min", 30, "个")]),
    ("确保100%的团支部按期换届。", [("min", 100, "%")]),
    ("社区团组织覆盖率达30%。", [("min", 30, "%")]),
    ("非公单位团组织增加5个。", [("min", 5, "个")]),
    ("团员先进性评议参与率提高5个百分点。", [("min", 5, "个百分点")]),
    ("青少年违法犯罪率下降3%。", [("max", 3, "%")]),
    ("会议经费减少20%。", [("max", 20, "%")]),
    ("举办青年交友活动20-30场。", [("min", 20, "场")]),
    ("非公单位团组织增加5个/10个。", [("min", 5, "个")]),
    ("每个乡镇至少开展1次主题团日。", [("min", 1, "次")]),
    ("建设青年公寓1200套。", [("min", 1200, "套")]),
    ("新建青春驿站床位各80张。", [("min", 80, "张")]),
    ("打造青年运动步道12公里。", [("min", 12, "公里")]),
    ("建成青年创业园区5000平方米。", [("min", 5000, "平方米")]),
    ("筹集助学资金200万元。", [("min", 200, "万元")]),
    ("培训团干部100名左右。", [("min", 100, "名")]),
    ("开放功能室≥80次。", [("min", 80, "次")]),
    ("青年人口出生率不低于8‰。", [("min", 8, "‰")]),
]


@pytest.mark.parametrize(("text", "expected"), IN_A_PLAN)
def test_targets_in_a_plan(text: str, expected: Summary) -> None:
    assert summary(text, ahead=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "新建17家,开展线上线下活动425次。",  # in a yearbook: done, not planned
        "已建成县人才公寓和康铂酒店2家青年人才驿站。",
        "截至目前,新建青年之家30个。",
        "数据显示,2022年全市青年群体就业率超过90%。",
        "2023年以来累计服务创业青年400余人次。",
        "全市有“青年之家”实体平台72家。",
        "联系电话:0855-8222000。",
        "庆祝建团100周年。",
        "针对电信诈骗高发态势,全年举办反诈宣教超2万场次。",
        "全年开展活动300余场。",
        "她将心理健康服务列为民生实事,2024年培训240名专业咨询师。",
    ],
)
def test_achievements_and_numbers_that_are_no_target(text: str) -> None:
    assert find_targets(text) == []


def test_bare_numbers_need_a_plan_or_a_look_ahead() -> None:
    assert summary("新建青年驿站2个。") == []
    assert summary("今年将新建青年驿站2个。") == [("min", 2, "个")]
    assert summary("新建青年驿站2个。", ahead=True) == [("min", 2, "个")]


def test_bare_chinese_numerals_are_not_commitments() -> None:
    assert summary("推广“一县一品”,建设两级阵地。", ahead=True) == []


def test_multi_year_text_keeps_the_plan_year() -> None:
    text = "2024年新建青年驿站不少于10个,到2025年不少于20个。"
    assert summary(text, year=2024) == [("min", 10, "个")]


def test_notes_and_doubts() -> None:
    (pair,) = find_targets("增加5个/10个。")
    assert pair.note is not None and "争取值 10个" in pair.note and pair.doubt is None
    (span,) = find_targets("举办20-30场。", ahead=True)
    assert span.note is not None and "20-30场" in span.note
    (about,) = find_targets("培训团干部100名左右。")
    assert about.doubt is not None and "左右" in about.doubt
    (each,) = find_targets("新建床位各80张。", ahead=True)
    assert each.doubt is not None and "各" in each.doubt


@given(st.integers(1, 9999), st.integers(0, 9999), st.sampled_from(["个", "场", "人次", "%"]))
def test_a_pair_takes_its_lower_first_value(low: int, extra: int, unit: str) -> None:
    (target,) = find_targets(f"全年完成{low}{unit}/{low + extra}{unit}。")
    assert (target.op, target.value, target.unit) == ("min", low, unit)


def test_item_glued_onto_its_heading() -> None:
    parsed = parse_plan("一、强化思想引领1、深化理论武装。全年培训团干部不少于400人次。\n")
    (item,) = parsed.items
    assert (item.number, item.section, item.title) == (1, "一、强化思想引领", "深化理论武装")
    assert [t.value for t in item.targets] == [400]


def test_a_title_line_takes_the_paragraphs_with_its_targets() -> None:
    text = "1.建设青年驿站。\n新建青年驿站不少于2个。\n服务青年不少于500人次。\n2.深化理论武装。\n"
    first, second = parse_plan(text).items
    assert [t.value for t in first.targets] == [2, 500]
    assert second.targets == ()


@pytest.mark.parametrize("style", ["{n}、", "（{n}）", "({n})"])
def test_other_numberings_when_there_is_no_arabic_item(style: str) -> None:
    text = "".join(
        style.format(n=n) + f"条目{n}。开展活动不少于{k}场。\n"
        for n, k in zip(("一", "二"), (5, 8), strict=True)
    )
    parsed = parse_plan(text)
    assert [(i.number, [t.value for t in i.targets]) for i in parsed.items] == [(1, [5]), (2, [8])]


def test_bracketed_arabic_numbering() -> None:
    parsed = parse_plan("(1)建强队伍。招募志愿者不少于50名。\n(2)做好服务。\n")
    assert [i.number for i in parsed.items] == [1, 2]


def test_flattened_table_with_row_numbers_alone() -> None:
    text = (
        "2024年目标分解表\n序号\n考核指标\n指标值\n"
        "1\n非公团组织\n1、非公单位团组织增加5个/10个;\n2、覆盖率达30%/40%\n组宣部\n"
        "2\n青年中心建设\n新建青年中心3个/4个\n"
    )
    parsed = parse_plan(text)
    assert [(i.number, [(t.value, t.unit) for t in i.targets]) for i in parsed.items] == [
        (1, [(5, "个"), (30, "%")]),
        (2, [(3, "个")]),
    ]


def test_names_in_a_table_cell_lose_the_cell_numbering() -> None:
    (target,) = find_targets("1、非公单位团组织增加5个/10个;")
    assert target.name == "非公单位团组织"


def test_a_lone_page_number_is_no_table() -> None:
    parsed = parse_plan("1.条目一。\n2\n2.条目二。\n")
    assert [i.number for i in parsed.items] == [1, 2]


def _docx_with_table(rows: list[list[str]]) -> bytes:
    document = docx.Document()
    document.add_paragraph("共青团测试县委2024年工作要点")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_word_table_rows_become_items_with_targets() -> None:
    data = _docx_with_table(
        [
            ["序号", "工作任务", "目标", "牵头单位"],
            ["1", "青年驿站建设", "新建青年驿站2个/3个", "青年发展部"],
            ["2", "团干部培训", "培训团干部不少于400人次", "组织部"],
            ["3", "志愿服务", "招募志愿者1000名左右", "社会联络部"],
        ]
    )
    parsed = parse_plan(decode_document(data, "表.docx"))
    assert parsed.year == 2024
    assert [(i.number, i.lead, [(t.value, t.unit) for t in i.targets]) for i in parsed.items] == [
        (1, "青年发展部", [(2, "个")]),
        (2, "组织部", [(400, "人次")]),
        (3, "社会联络部", [(1000, "名")]),
    ]


def test_draft_marks_doubtful_targets_and_keeps_the_stretch_value() -> None:
    text = "共青团测试市委2024年工作要点\n1.建设驿站。新建床位各80张,新建驿站5个/8个。\n"
    result = draft(text, org=None, year=None)
    assert (result.targets, result.doubtful) == (2, 1)
    assert "# 待确认: “各”:这是每一处的数,总数请按处数核算\n      - id: t1" in result.yaml
    assert "min: 5  # 争取值 8个(达标值/争取值,取达标值)" in result.yaml
    data, _ = yamlio.load(result.yaml)
    assert isinstance(data, dict)
    assert [t["min"] for t in data["items"][0]["targets"]] == [80, 5]


class _Item:
    def __init__(self, number: int, text: str | None, targets: list[object]) -> None:
        self.number, self.text, self.targets = number, text, targets


def test_looks_quantified() -> None:
    assert looks_quantified("全年培训团干部不少于400人次。")
    assert looks_quantified("覆盖率★达30%。")
    assert not looks_quantified("提升12355青少年服务台能级,打造“青春思享嘉2.0”。")
    assert not looks_quantified("召开第5次全会。2024年是关键之年。一县一品。")


def test_numbers_without_targets_and_lost_every_target() -> None:
    items = [_Item(1, "培训不少于400人次。", []), _Item(2, "加强引领。", []), _Item(3, None, [])]
    assert numbers_without_targets(items) == [1]
    assert lost_every_target(items) == [1]
    kept = [*items, _Item(4, "举办5场。", [object()])]
    assert numbers_without_targets(kept) == [1]
    assert lost_every_target(kept) == []
