"""Regenerate the demo ledger ``plans/jiaxing-2024.ledger.csv`` (示例数据, not real data).

Usage::

    python scripts/make_demo_ledger.py            # writes plans/jiaxing-2024.ledger.csv
    python scripts/make_demo_ledger.py -o FILE    # writes elsewhere ("-" for stdout)

The entries are written out below by hand so that the demo tells a story; a seeded
random generator only mints the ids, picks the recording time of day and the recording
delay (one or two days after the work), so every run writes the same bytes.

The story (序时进度 = target x fraction of the year elapsed; 26.cadre-training follows its
schedule 60/160/300 at the ends of Q1-Q3):

* as of 2024-09-30 (``ywplan status --quarter 2024Q3``) every state of a ``min`` target
  shows: done (11.qinghe-markets, 5.science-reach, 6.key-firms), on_track (several,
  26.cadre-training among them with 312 against a checkpoint of 300), behind (several,
  25.org-growth among them), not_started (8.rural-projects, whose entries all fall in
  October-November, and 2.cadre-talks, which has no entries at all);
* as of 2024-12-31 a mix of done, behind and not_started;
* 25.org-growth has three level readings (1212, 1236, 1262 against the baseline 1200);
* one undo pair: 45 人次 logged by mistake for 海宁市 on 2024-05-10 and its reversing line;
* 26.cadre-training and 3.qingma-trainees have entries from every unit, so that the unit
  ranking against the ``by_unit`` quotas has a unit over its quota (南湖区) and one well
  behind (海盐县).

The items tracked without numbers (SPEC §6) get their own rows, appended after the
entries above (so those keep their ids, times and lines) from a generator of their own:

* progress notes (工作进展) on qualitative items, several of them in 2024Q3 so that the
  quarterly report lists them;
* milestones done: 29.rules-contest early, in Q3; 16.autumn-term on its due date and
  15's two milestones late, in Q4; 13.wic-volunteers on time; 16.showcases never;
* item 21 done as a whole (a qualitative item without milestones) in Q3.

As of 2024-09-30 every item state and flag shows: overdue and red (15), due soon and
blue (16), in progress (notes), done (21), not started and yellow once a quarter of the
year is past; as of 2024-12-31, 16 is overdue (its showcases were never held).

Every note starts with ``示例:`` so that nobody mistakes the demo for real figures.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "jiaxing-2024.yaml"
LEDGER = ROOT / "plans" / "jiaxing-2024.ledger.csv"
HEADER = ["id", "date", "item", "target", "amount", "unit", "note", "by", "recorded_at", "corrects"]
SEED = 20240101
ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
TZ = dt.timezone(dt.timedelta(hours=8))

# Who records for whom (one clerk per sub-unit, one at the city office).
CLERKS = {
    "南湖区": "张敏",
    "秀洲区": "李娜",
    "嘉善县": "王磊",
    "平湖市": "陈静",
    "海盐县": "刘洋",
    "海宁市": "周婷",
    "桐乡市": "吴昊",
    "": "徐丽",
}

# (date, target, amount, unit, note) — unit "" is city-level work (市本级).
ENTRIES: list[tuple[str, str, int, str, str]] = [
    # 2.speakers 选育青年宣讲人才 >= 20 名
    ("2024-03-26", "2.speakers", 8, "", "示例:市级青年理论宣讲大赛选拔宣讲人才"),
    ("2024-06-18", "2.speakers", 4, "南湖区", "示例:红船小讲解员选拔"),
    ("2024-08-29", "2.speakers", 4, "海宁市", "示例:青春思享嘉宣讲员遴选"),
    ("2024-11-19", "2.speakers", 6, "桐乡市", "示例:基层青年宣讲员选育"),
    # 2.talks 示范性学习宣讲活动 >= 30 场
    ("2024-03-12", "2.talks", 4, "", "示例:市级示范性学习宣讲活动"),
    ("2024-05-14", "2.talks", 5, "嘉善县", "示例:五四主题示范宣讲"),
    ("2024-07-18", "2.talks", 4, "平湖市", "示例:青年理论宣讲进企业"),
    ("2024-09-20", "2.talks", 5, "海宁市", "示例:青年理论宣讲进社区"),
    ("2024-10-15", "2.talks", 5, "桐乡市", "示例:县级示范性学习宣讲活动"),
    ("2024-11-21", "2.talks", 4, "海盐县", "示例:青年理论宣讲进农村"),
    # 2.cadre-talks 专职团干部开展宣讲 >= 1 次: no entries on purpose (not_started)
    # 3.qingma-trainees 培养青马学员 >= 700 人 (by_unit quotas)
    ("2024-04-12", "3.qingma-trainees", 130, "南湖区", "示例:南湖区青马工程企业班开班"),
    ("2024-04-16", "3.qingma-trainees", 100, "海宁市", "示例:海宁市青马工程高校班"),
    ("2024-04-23", "3.qingma-trainees", 80, "嘉善县", "示例:嘉善县青马工程农村班"),
    ("2024-05-07", "3.qingma-trainees", 75, "桐乡市", "示例:桐乡市青马工程社会组织班"),
    ("2024-05-16", "3.qingma-trainees", 75, "秀洲区", "示例:秀洲区青马工程企业班"),
    ("2024-05-29", "3.qingma-trainees", 35, "海盐县", "示例:海盐县青马工程少先队班"),
    ("2024-06-06", "3.qingma-trainees", 65, "平湖市", "示例:平湖市青马工程企业班"),
    ("2024-10-17", "3.qingma-trainees", 15, "嘉善县", "示例:嘉善县青马工程教学点补训"),
    ("2024-10-22", "3.qingma-trainees", 25, "海盐县", "示例:海盐县青马工程企业班"),
    ("2024-10-29", "3.qingma-trainees", 35, "桐乡市", "示例:桐乡市青马工程农村班"),
    ("2024-11-05", "3.qingma-trainees", 25, "海宁市", "示例:海宁市青马工程社会组织班"),
    ("2024-11-12", "3.qingma-trainees", 20, "秀洲区", "示例:秀洲区青马工程高校班"),
    ("2024-11-26", "3.qingma-trainees", 30, "平湖市", "示例:平湖市青马工程农村班"),
    # 5.science-talks 科普宣讲宣传 >= 50 场; 5.science-reach 覆盖青少年 >= 2000 人次
    ("2024-03-20", "5.science-talks", 12, "", "示例:科技之光青年讲堂春季场次"),
    ("2024-03-20", "5.science-reach", 900, "", "示例:科技之光青年讲堂春季场次"),
    ("2024-07-25", "5.science-talks", 18, "", "示例:青年科学家进校园暑期场次"),
    ("2024-07-25", "5.science-reach", 1200, "", "示例:青年科学家进校园暑期场次"),
    ("2024-10-10", "5.science-talks", 12, "平湖市", "示例:青年科技工作者日主题月科普"),
    ("2024-11-15", "5.science-talks", 10, "海宁市", "示例:青年科学家进校园秋季场次"),
    ("2024-11-15", "5.science-reach", 750, "海宁市", "示例:青年科学家进校园秋季场次"),
    # 6 青年企业家
    ("2024-04-09", "6.key-firms", 3, "", "示例:雨林生态计划首批重点企业"),
    ("2024-04-09", "6.smes", 20, "", "示例:雨林生态计划首批中小企业"),
    ("2024-05-17", "6.exchanges", 1, "", "示例:长三角青商交流会上海站"),
    ("2024-05-17", "6.entrepreneurs", 150, "", "示例:长三角青商交流会上海站"),
    ("2024-07-12", "6.exchanges", 1, "", "示例:长三角青商交流会苏州站"),
    ("2024-07-12", "6.entrepreneurs", 120, "", "示例:长三角青商交流会苏州站"),
    ("2024-08-22", "6.key-firms", 2, "", "示例:雨林生态计划第二批重点企业"),
    ("2024-08-22", "6.smes", 14, "", "示例:雨林生态计划第二批中小企业"),
    ("2024-09-26", "6.exchanges", 1, "", "示例:长三角青商交流会杭州站"),
    ("2024-09-26", "6.entrepreneurs", 140, "", "示例:长三角青商交流会杭州站"),
    ("2024-10-25", "6.exchanges", 1, "", "示例:青科协青企协联席交流会"),
    ("2024-11-22", "6.exchanges", 1, "", "示例:长三角青商交流会嘉兴站"),
    ("2024-11-22", "6.entrepreneurs", 170, "", "示例:长三角青商交流会嘉兴站"),
    ("2024-11-28", "6.key-firms", 1, "", "示例:雨林生态计划新增重点企业"),
    ("2024-12-03", "6.smes", 12, "", "示例:雨林生态计划第三批中小企业"),
    # 7 青年技能人才
    ("2024-04-26", "7.contests-key", 2, "", "示例:市级青工技能比武重点项目"),
    ("2024-05-24", "7.contests-general", 4, "海宁市", "示例:青工技能比武一般项目"),
    ("2024-06-14", "7.skilled-talent", 400, "", "示例:青年岗位能手和青年工匠培育"),
    ("2024-08-16", "7.contests-key", 2, "", "示例:市级青工技能比武重点项目"),
    ("2024-09-13", "7.contests-general", 5, "桐乡市", "示例:青工技能比武一般项目"),
    ("2024-09-27", "7.skilled-talent", 420, "", "示例:技能人才和专业技术人才培育"),
    ("2024-10-18", "7.contests-key", 1, "", "示例:市级青工技能比武重点项目决赛"),
    ("2024-11-08", "7.contests-general", 4, "平湖市", "示例:青工技能比武一般项目"),
    ("2024-12-06", "7.skilled-talent", 260, "", "示例:技能人才和专业技术人才培育"),
    # 8.rural-projects 遴选乡村振兴优质项目 >= 10 项: only in Oct-Nov (not_started at Q3)
    ("2024-10-16", "8.rural-projects", 6, "", "示例:乡村振兴创业创新大赛复赛遴选"),
    ("2024-11-13", "8.rural-projects", 6, "", "示例:乡村振兴创业创新大赛决赛遴选"),
    # 10 创新创业
    ("2024-05-21", "10.partner-teams", 14, "平湖市", "示例:组建青年创业伙伴团队"),
    ("2024-06-21", "10.startup-contests", 1, "", "示例:电商领域青年创新创业大赛"),
    ("2024-06-21", "10.startup-projects", 10, "", "示例:电商创业大赛挖掘青创项目"),
    ("2024-06-21", "10.founders-helped", 130, "", "示例:政策扶持和经营指导"),
    ("2024-08-30", "10.startup-projects", 6, "", "示例:青创项目路演挖掘"),
    ("2024-09-11", "10.partner-teams", 16, "桐乡市", "示例:组建青年创业伙伴团队"),
    ("2024-09-25", "10.founders-helped", 110, "", "示例:场地落实和资金筹措帮扶"),
    ("2024-10-11", "10.startup-contests", 1, "", "示例:农创领域青年创新创业大赛"),
    ("2024-10-11", "10.startup-projects", 7, "", "示例:农创大赛挖掘青创项目"),
    ("2024-11-18", "10.founders-helped", 80, "", "示例:创业青年经营指导"),
    ("2024-12-04", "10.partner-teams", 14, "秀洲区", "示例:组建青年创业伙伴团队"),
    # 11.qinghe-markets 举办青禾集市 >= 5 场 (by_unit quotas, one each for five units)
    ("2024-04-20", "11.qinghe-markets", 1, "南湖区", "示例:南湖区青禾集市"),
    ("2024-05-25", "11.qinghe-markets", 1, "秀洲区", "示例:秀洲区青禾集市"),
    ("2024-06-29", "11.qinghe-markets", 1, "嘉善县", "示例:嘉善县青禾集市"),
    ("2024-08-10", "11.qinghe-markets", 1, "平湖市", "示例:平湖市青禾集市"),
    ("2024-09-14", "11.qinghe-markets", 1, "海宁市", "示例:海宁市青禾集市"),
    ("2024-11-23", "11.qinghe-markets", 1, "", "示例:市级青禾集市暨直播助农"),
    # 17.dating-service 青春专线服务 >= 8000 人
    ("2024-02-14", "17.dating-service", 900, "", "示例:情人节青年交友活动"),
    ("2024-05-20", "17.dating-service", 2300, "", "示例:520青年联谊系列活动"),
    ("2024-08-10", "17.dating-service", 1900, "", "示例:七夕青年交友活动"),
    ("2024-09-28", "17.dating-service", 1200, "", "示例:青春专线秋季活动"),
    ("2024-11-30", "17.dating-service", 2100, "", "示例:青春专线冬季活动"),
    # 25.org-growth “两企三新”组织数量: level readings against the baseline 1200
    ("2024-06-28", "25.org-growth", 1212, "", "示例:两企三新团组织数量半年统计"),
    ("2024-09-27", "25.org-growth", 1236, "", "示例:两企三新团组织数量三季度统计"),
    ("2024-12-20", "25.org-growth", 1262, "", "示例:两企三新团组织数量年度统计"),
    # 26.cadre-training 培训团干部 >= 400 人次 (schedule 60/160/300, by_unit quotas)
    ("2024-03-15", "26.cadre-training", 30, "南湖区", "示例:南湖区团干部任职培训班"),
    ("2024-03-21", "26.cadre-training", 18, "海宁市", "示例:海宁市团干部任职培训班"),
    ("2024-03-28", "26.cadre-training", 16, "嘉善县", "示例:嘉善县团干部任职培训班"),
    ("2024-04-18", "26.cadre-training", 22, "秀洲区", "示例:秀洲区新任职团干部培训"),
    ("2024-04-25", "26.cadre-training", 24, "桐乡市", "示例:桐乡市团干部任期轮训"),
    ("2024-05-09", "26.cadre-training", 20, "平湖市", "示例:平湖市团干部任职培训班"),
    ("2024-05-10", "26.cadre-training", 45, "海宁市", "示例:海宁市团干部任期轮训"),  # undone below
    ("2024-05-22", "26.cadre-training", 28, "南湖区", "示例:南湖区团干部任期轮训"),
    ("2024-06-13", "26.cadre-training", 20, "海宁市", "示例:海宁市团干部任期轮训"),
    ("2024-06-20", "26.cadre-training", 26, "嘉善县", "示例:嘉善县团干部任期轮训"),
    ("2024-07-16", "26.cadre-training", 12, "海盐县", "示例:海盐县团干部任职培训班"),
    ("2024-08-15", "26.cadre-training", 22, "桐乡市", "示例:桐乡市团干部岗位实训"),
    ("2024-08-27", "26.cadre-training", 18, "秀洲区", "示例:秀洲区团干部任期轮训"),
    ("2024-09-05", "26.cadre-training", 18, "平湖市", "示例:平湖市团干部岗位实训"),
    ("2024-09-12", "26.cadre-training", 24, "南湖区", "示例:南湖区团干部岗位实训"),
    ("2024-09-19", "26.cadre-training", 14, "海宁市", "示例:海宁市团干部岗位实训"),
    ("2024-10-24", "26.cadre-training", 6, "嘉善县", "示例:嘉善县新任职团干部跟班学习"),
    ("2024-10-30", "26.cadre-training", 14, "海宁市", "示例:海宁市团干部特色班次"),
    ("2024-11-07", "26.cadre-training", 15, "桐乡市", "示例:桐乡市团干部特色班次"),
    ("2024-11-14", "26.cadre-training", 8, "秀洲区", "示例:秀洲区团干部岗位实训"),
    ("2024-11-20", "26.cadre-training", 10, "平湖市", "示例:平湖市团干部任期轮训"),
    ("2024-12-05", "26.cadre-training", 8, "海盐县", "示例:海盐县团干部任期轮训"),
]

# Rows without an amount (SPEC §6): (date, item, target, unit, note); target "" is a
# progress note, a milestone id a milestone done, "done" the whole item done.
ITEM_DONE = "done"
ROWS: list[tuple[str, int, str, str, str]] = [
    ("2024-04-16", 4, "", "", "示例:“青春南湖”新媒体矩阵完成账号整合"),
    ("2024-05-30", 15, "", "", "示例:启动青年发展规划实施中期评估，委托第三方开展调研"),
    ("2024-06-12", 14, "", "", "示例:对接结对山区县，确定“笃行计划”首批实践岗位"),
    ("2024-07-09", 13, "", "", "示例:发布世界互联网大会志愿者招募公告"),
    ("2024-07-23", 16, "", "", "示例:完成秋季青年夜校阵地选址和课程征集"),
    ("2024-08-06", 19, "", "", "示例:开展暑期青少年自护教育进社区"),
    ("2024-08-20", 15, "", "", "示例:中期评估报告形成初稿，征求各成员单位意见"),
    ("2024-09-10", 4, "", "", "示例:开设网络文明专栏，发布原创作品 12 件"),
    ("2024-09-20", 21, ITEM_DONE, "", "示例:市青联换届完成，新一届委员结构优化"),
    ("2024-09-24", 29, "rules-contest", "", "示例:宣讲大赛提前举办"),
    ("2024-09-26", 13, "", "", "示例:完成志愿者岗前通用培训"),
    ("2024-10-08", 16, "autumn-term", "", "示例:秋季青年夜校开班"),
    ("2024-10-12", 15, "joint-meeting", "", ""),
    ("2024-10-25", 15, "midterm-review", "", "示例:中期评估报告经联席会议审议通过"),
    ("2024-11-22", 13, "wic-volunteers", "", "示例:峰会志愿服务保障圆满完成"),
    ("2024-12-10", 16, "", "", "示例:征集夜校优秀案例 20 个，评审推迟到明年初"),
]
ROWS_SEED = SEED + 6  # their own generator: the entries above keep their ids and times

# The mistaken entry and when it was reversed: (date, target, unit, reversed on, note).
UNDO = ("2024-05-10", "26.cadre-training", "海宁市", "2024-05-20", "示例:撤销:数量录错")


def new_id(rng: random.Random, taken: set[str]) -> str:
    """A fresh 16-character id of [a-z0-9]."""
    while True:
        ident = "".join(rng.choice(ID_ALPHABET) for _ in range(16))
        if ident not in taken:
            taken.add(ident)
            return ident


def stamp(rng: random.Random, day: dt.date, delay_days: int) -> str:
    """An ISO timestamp (+08:00) in office hours, *delay_days* after *day*."""
    when = dt.datetime.combine(day + dt.timedelta(days=delay_days), dt.time(), TZ)
    when += dt.timedelta(
        hours=rng.randint(9, 17), minutes=rng.randint(0, 59), seconds=rng.randint(0, 59)
    )
    return when.isoformat()


def amount_text(amount: float) -> str:
    """``45`` for integers (never ``45.0``), else the shortest float text."""
    return str(int(amount)) if float(amount).is_integer() else repr(float(amount))


def check_against_plan(plan_path: Path) -> None:
    """Every entry names a target and a unit that the plan declares."""
    plan = yaml.safe_load(plan_path.read_text(encoding="utf-8"))
    targets = {f"{i['number']}.{t['id']}" for i in plan["items"] for t in i.get("targets", [])}
    units = set(plan.get("units", [])) | {""}
    for day, ref, amount, unit, note in ENTRIES:
        assert ref in targets, ref
        assert unit in units, unit
        assert amount > 0 and note.startswith("示例:"), (day, ref)
        assert dt.date.fromisoformat(day).year == plan["year"], day
    items = {i["number"]: i for i in plan["items"]}
    for day, number, target, unit, note in ROWS:
        item = items[number]
        milestones = {m["id"] for m in item.get("milestones", [])}
        if target == ITEM_DONE:
            assert not milestones and not item.get("targets"), number
        elif target:
            assert target in milestones, (number, target)
        else:
            assert note, (day, number)
        assert not note or note.startswith("示例:"), (day, number)
        assert unit in units and dt.date.fromisoformat(day).year == plan["year"], day


def build_rows() -> list[list[str]]:
    """The ledger rows, in the order they were recorded."""
    rng = random.Random(SEED)
    taken: set[str] = set()
    rows: list[list[str]] = []
    mistaken: list[str] | None = None
    for day, ref, amount, unit, note in ENTRIES:
        item, target = ref.split(".", 1)
        date = dt.date.fromisoformat(day)
        row = [
            new_id(rng, taken),
            day,
            item,
            target,
            amount_text(amount),
            unit,
            note,
            CLERKS[unit],
            stamp(rng, date, rng.choice((1, 2))),
            "",
        ]
        rows.append(row)
        if (day, ref, unit) == UNDO[:3] and mistaken is None:
            mistaken = row
    assert mistaken is not None
    undo_day, undo_note = dt.date.fromisoformat(UNDO[3]), UNDO[4]
    rows.append(
        [
            new_id(rng, taken),
            mistaken[1],
            mistaken[2],
            mistaken[3],
            "-" + mistaken[4],
            mistaken[5],
            undo_note,
            mistaken[7],
            stamp(rng, undo_day, 0),
            mistaken[0],
        ]
    )
    rows.sort(key=lambda r: r[8])
    return rows + item_rows(taken)


def item_rows(taken: set[str]) -> list[list[str]]:
    """The rows without an amount (:data:`ROWS`), in the order they were recorded."""
    rng = random.Random(ROWS_SEED)
    rows = []
    for day, number, target, unit, note in ROWS:
        date = dt.date.fromisoformat(day)
        when = stamp(rng, date, rng.choice((0, 1)))
        rows.append(
            [new_id(rng, taken), day, str(number), target, "", unit, note, CLERKS[unit], when, ""]
        )
    rows.sort(key=lambda r: r[8])
    return rows


def render(rows: list[list[str]]) -> str:
    """The ledger text: a byte-order mark, the header, one entry per LF-ended line."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", default=str(LEDGER), help="file to write, - for stdout")
    args = parser.parse_args(argv)
    check_against_plan(PLAN)
    text = render(build_rows())
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {args.output}: {text.count(chr(10)) - 1} entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
