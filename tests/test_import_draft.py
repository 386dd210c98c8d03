"""Items, sections, title line and the draft YAML: what a reviewer sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from tests.conftest import Run, write
from ywplan.core.model import Plan
from ywplan.errors import YwplanError
from ywplan.importing import draft, draft_plan
from ywplan.importing.draft import yaml_quote
from ywplan.importing.items import parse_plan
from ywplan.importing.noise import strip_noise
from ywplan.store import yamlio

SECTIONED = """\
共青团测试市委2025年工作要点
2025年是“十四五”规划收官之年。全市共青团要坚持……
一、坚持思想引领
1.深化青年理论武装。全年培训团干部不少于400人次。
2.建强宣讲队伍。举办宣讲不少于30场。(牵头单位:宣传部)
二、夯实组织基础
3.加强团员队伍建设。严把团员发展入口。
"""


def load(text: str) -> dict[str, object]:
    data, _ = yamlio.load(text)
    assert isinstance(data, dict)
    return data


def validation_errors(text: str) -> list[tuple[str, tuple[object, ...]]]:
    try:
        Plan.model_validate(load(text))
    except ValidationError as exc:
        return [(e["type"], e["loc"]) for e in exc.errors()]
    return []


def test_sections_title_lead_and_preamble() -> None:
    parsed = parse_plan(SECTIONED)
    assert (parsed.title, parsed.org, parsed.year) == (
        "共青团测试市委2025年工作要点",
        "共青团测试市委",
        2025,
    )
    assert [(i.number, i.section) for i in parsed.items] == [
        (1, "一、坚持思想引领"),
        (2, "一、坚持思想引领"),
        (3, "二、夯实组织基础"),
    ]
    assert parsed.items[1].lead == "宣传部"
    assert parsed.items[1].title == "建强宣讲队伍"
    assert parsed.skipped == ("2025年是“十四五”规划收官之年。全市共青团要坚持……",)


def test_draft_of_a_stated_org_and_year_validates() -> None:
    text = draft_plan(SECTIONED, org=None, year=None)
    assert validation_errors(text) == []
    data = load(text)
    assert (data["plan"], data["org"], data["year"]) == (
        "共青团测试市委2025年工作要点",
        "共青团测试市委",
        2025,
    )
    items = data["items"]
    assert isinstance(items, list)
    assert items[0]["section"] == "一、坚持思想引领"
    assert items[1]["lead"] == "宣传部"
    assert "targets" not in items[2]


@pytest.mark.parametrize(
    ("line", "org", "year"),
    [
        ("共青团嘉兴市委2024年工作要点", "共青团嘉兴市委", 2024),
        ("2024年共青团嘉兴市委工作要点", "共青团嘉兴市委", 2024),
        ("关于印发《共青团某某县委二〇二五年工作要点》的通知", "共青团某某县委", 2025),
        ("共青团某某区委2024年度工作计划", "共青团某某区委", 2024),
        ("共青团杭州市委２０２４年工作要点", "共青团杭州市委", 2024),
    ],
)
def test_title_lines(line: str, org: str, year: int) -> None:
    parsed = parse_plan(f"{line}\n1.深化青年理论武装。")
    assert (parsed.org, parsed.year) == (org, year)


def test_no_org_or_year_leaves_placeholders_that_check_names() -> None:
    text = draft_plan("1.深化青年理论武装。全年培训团干部不少于400人次。", org=None, year=None)
    assert "\nplan:  # TODO: 填写计划标题 plan\n" in text
    assert "\norg:  # TODO: 填写 org(原文标题未写明;也可用 --org 指定)\n" in text
    assert "\nyear:  # TODO: 填写 year(原文标题未写明;也可用 --year 指定)\n" in text
    assert sorted(loc for _, loc in validation_errors(text)) == [("org",), ("plan",), ("year",)]


def test_options_fill_in_what_the_text_does_not_say() -> None:
    text = draft_plan("1.深化青年理论武装。", org="共青团测试市委", year=2025)
    assert 'plan: "共青团测试市委2025年工作要点"  # 原文未写标题,按 org 和 year 拟定' in text
    assert validation_errors(text) == []


def test_an_option_overrides_the_text_and_says_what_the_text_had() -> None:
    text = draft_plan(SECTIONED, org="共青团另一市委", year=None)
    assert 'org: "共青团另一市委"  # 原文标题写的是 共青团测试市委' in text
    assert load(text)["year"] == 2025


def test_growth_without_baseline_fails_on_exactly_the_baseline() -> None:
    text = draft_plan("1.加强团建。全市组织数量年度增长不低于5%。", org="共青团测试市委", year=2025)
    assert "        kind: growth\n        baseline:  # TODO: 填写基数 baseline\n" in text
    assert validation_errors(text) == [("plan.growth_baseline", ("items", 0, "targets", 0))]


def test_a_rate_is_a_level_with_a_note() -> None:
    text = draft_plan("1.扩大覆盖。团员覆盖率不低于95%。", org="团", year=2025)
    assert '        unit: "%"\n        min: 95\n        kind: level  # ' in text
    assert validation_errors(text) == []


def test_each_target_carries_its_phrase() -> None:
    text = draft_plan(
        "6.培养企业家。引导服务不少于5家重点企业及50家中小企业。", org="团", year=2025
    )
    assert "      # 原文:引导服务不少于5家重点企业\n      - id: t1\n" in text
    assert "      # 原文:引导服务不少于5家重点企业及50家中小企业\n      - id: t2\n" in text
    targets = load(text)["items"][0]["targets"]  # type: ignore[index]
    assert [(t["id"], t["name"], t["min"]) for t in targets] == [
        ("t1", "重点企业", 5),
        ("t2", "中小企业", 50),
    ]


def test_numbering_restarting_per_section_is_renumbered() -> None:
    text = "一、思想引领\n1.甲。\n2.乙。\n二、组织建设\n1.丙。\n"
    parsed = parse_plan(text)
    assert [(i.number, i.printed_number, i.title) for i in parsed.items] == [
        (1, 1, "甲"),
        (2, 2, "乙"),
        (3, 1, "丙"),
    ]
    assert "  - number: 3  # 原文序号 1;" in draft_plan(text, org="团", year=2025)


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("19■★.加强青少年权益维护。", 19),
        ("１２．全角序号。", 12),
        ("7、顿号序号。", 7),
        ("3 . 空格。", 3),
    ],
)
def test_item_numbers(line: str, number: int) -> None:
    (item,) = parse_plan(line).items
    assert item.number == number


@pytest.mark.parametrize(
    "line", ["2.0版本上线。", "2024年是关键之年。", "12355热线。", "(一)小标题", "0.前言"]
)
def test_not_items(line: str) -> None:
    assert parse_plan(line).items == ()


def test_wrapped_lines_continue_their_item() -> None:
    text = (
        "1.深化青年理论武装。坚持把学懂弄通做实\n习新时代思想,全年培训团干部不少于\n400人次。\n"
        "说明:本要点自印发之日起施行。\n"
        "2.建强宣讲队伍。\n\n后记\n"
    )
    parsed = parse_plan(text)
    first, second = parsed.items
    assert (
        first.text
        == "深化青年理论武装。坚持把学懂弄通做实习新时代思想,全年培训团干部不少于400人次。"
    )
    assert [(t.value, t.unit) for t in first.targets] == [(400, "人次")]
    assert second.text == "建强宣讲队伍。"
    assert parsed.skipped == ("说明:本要点自印发之日起施行。", "后记")


def test_a_title_paragraph_takes_its_body() -> None:
    (item,) = parse_plan("1.深化青年理论武装\n坚持理论武装,全年培训团干部不少于400人次。\n").items
    assert item.title == "深化青年理论武装"
    assert item.text == "深化青年理论武装。坚持理论武装,全年培训团干部不少于400人次。"


def test_a_heading_is_never_a_continuation() -> None:
    parsed = parse_plan("1.深化青年理论武装\n二、组织建设\n2.加强团员队伍建设。")
    assert [(i.text, i.section) for i in parsed.items] == [
        ("深化青年理论武装", None),
        ("加强团员队伍建设。", "二、组织建设"),
    ]


def test_no_numbered_items_is_an_error() -> None:
    with pytest.raises(YwplanError) as caught:
        draft("只有一段说明文字。", org=None, year=None, source="要点.txt")
    assert caught.value.key == "import.no_items"
    assert caught.value.message == "no numbered items found in 要点.txt"
    assert caught.value.hint


def test_skipped_paragraphs_are_listed_in_the_header() -> None:
    text = draft_plan("前言第一段。\n1.条目。\n结束语。", org="团", year=2025)
    assert "# 以下 2 段不是编号条目,未导入:\n#   前言第一段。\n#   结束语。\n" in text


@given(st.text())
def test_yaml_quote_round_trips_any_text(text: str) -> None:
    assert load(f"key: {yaml_quote(text)}\n") == {"key": text}


@given(st.text(min_size=1))
def test_any_item_text_loads_back(body: str) -> None:
    clean = strip_noise(body).strip()
    if not clean or len(body.splitlines()) != 1 or clean[0].isdigit():
        return  # not a one-paragraph item
    text = draft_plan(f"1.{body}", org="团", year=2025, source=body)
    item = load(text)["items"][0]  # type: ignore[index]
    assert item["text"] == clean


# --- check warns about a draft that lost every target; import counts doubtful ones -------


def test_check_warns_when_a_quantified_plan_has_no_target(run: Run, workdir: Path) -> None:
    head = "plan: 共青团测试市委2025年工作要点\norg: 共青团测试市委\nyear: 2025\nitems:\n"
    item = "  - number: 1\n    title: 加强团干部培训\n    text: 全年培训团干部不少于400人次。\n"
    write(workdir / "plans" / "p.yaml", head + item)
    result = run("check", today="2025-06-30")
    assert result.exit_code == 0
    assert (
        "plans/p.yaml:4:1: warning: the plan has no quantitative target, yet the text of "
        "item(s) 1 states quantities"
    ) in result.stderr
    target = "    targets:\n      - {id: t, name: 培训团干部, unit: 人次, min: 400}\n"
    write(workdir / "plans" / "p.yaml", head + item + target)
    assert "no quantitative target" not in run("check", today="2025-06-30").output


def test_import_says_how_many_targets_are_doubtful(run: Run, workdir: Path) -> None:
    source = write(
        workdir / "要点.txt",
        "共青团测试市委2025年工作要点\n1.关爱青少年。发放爱心书包100个左右。\n",
    )
    result = run("import", str(source), "-o", str(workdir / "draft.yaml"))
    assert result.exit_code == 0, result.stderr
    assert "1 of them are marked “# 待确认” (doubtful)" in result.stderr


def test_import_never_replaces_a_ledger_even_with_force(run: Run, bundled: Path) -> None:
    workdir = bundled.parent.parent
    source = write(workdir / "要点.txt", "共青团测试市委2025年工作要点\n1.关爱青少年。\n")
    ledger = workdir / "plans" / "jiaxing-2024.ledger.csv"
    before = ledger.read_bytes()
    link = workdir / "draft.yaml"
    link.symlink_to(ledger)
    for output in (ledger, link):
        result = run("import", str(source), "-o", str(output), "--force")
        assert result.exit_code == 1, result.output
        assert "it is a plan or a ledger and would be replaced" in result.stderr
    assert ledger.read_bytes() == before and link.is_symlink()


def test_import_to_dev_stdout_prints_the_draft(run: Run, workdir: Path) -> None:
    source = write(workdir / "要点.txt", "共青团测试市委2025年工作要点\n1.关爱青少年。\n")
    result = run("import", str(source), "-o", "/dev/stdout")
    assert result.exit_code == 0, result.stderr
    assert "plan: " in result.stdout
