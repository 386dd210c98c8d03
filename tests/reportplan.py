"""A small plan with every kind of target (sum, level, growth, max, schedule, by_unit) and
its ledger, written inline, for the report and units tests.

The figures at 2024Q3's end (as of 2024-09-30, 序时进度 f = 0.75) are worked out by hand
in ``tests/test_report.py``. Item 6's milestones (SPEC §6) are, at that date, one overdue
(due 09-15) and one due soon (10-10, ten days away); at 2024-08-31 both are pending.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write

PLAN = """
plan: 示例团委2024年工作要点 <测试>
org: 示例团委
year: 2024
units: [东区, 西区, 南区]
grading: {bands: {优秀: 90, 良好: 75, 合格: 60}, weights: {1.trained: 2}}
items:
  - number: 1
    title: 培训 <b>骨干</b> & 青年
    targets:
      - id: trained
        name: 培训骨干
        unit: 人
        min: 100
        by_unit: {东区: 40, 西区: 40, 南区: 20}
      - id: events
        name: 主题活动
        unit: 场
        min: 10
        schedule: {Q1: 1, Q2: 4, Q3: 7}
        by_unit: {东区: 4, 西区: 6}
      - id: visits
        name: 走访青年
        unit: 次
        min: 50
  - number: 2
    title: 提高覆盖率
    targets:
      - id: coverage
        name: 团组织覆盖率
        unit: "%"
        kind: level
        baseline: 60
        min: 90
  - number: 3
    title: 发展团员
    targets:
      - id: members
        name: 团员数量增长
        unit: "%"
        kind: growth
        baseline: 1000
        min: 10
  - number: 4
    title: 控制经费
    targets:
      - id: budget
        name: "=HYPERLINK(\\"http://evil.example\\",\\"经费\\")"
        unit: 万元
        max: 20
  - number: 5
    title: "=1+2 定性事项"
  - number: 6
    title: 加强作风建设
    lead: 组织部
    partners: [宣传部]
    milestones:
      - {id: rules, name: 修订作风建设制度, due: 2024-09-15}
      - {id: review, name: 开展作风建设评估, due: 2024-10-10}
"""

# id,date,item,target,amount,unit,note,by,recorded_at,corrects
LEDGER = """\
\ufeffid,date,item,target,amount,unit,note,by,recorded_at,corrects
aaaa0001,2024-02-10,1,trained,30,东区,东区第一期,张敏,2024-02-11T09:00:00+08:00,
aaaa0002,2024-03-05,1,trained,20,西区,西区第一期,李娜,2024-03-06T09:00:00+08:00,
aaaa0003,2024-05-10,1,trained,15,东区,东区第二期,张敏,2024-05-11T09:00:00+08:00,
aaaa0004,2024-08-20,1,trained,10,南区,南区第一期,王磊,2024-08-21T09:00:00+08:00,
aaaa0005,2024-08-25,1,trained,5,西区,录错了,李娜,2024-08-26T09:00:00+08:00,
aaaa0006,2024-08-25,1,trained,-5,西区,撤销:录错了,李娜,2024-08-27T09:00:00+08:00,aaaa0005
aaaa0007,2024-03-01,1,events,2,东区,春季活动,张敏,2024-03-02T09:00:00+08:00,
aaaa0008,2024-07-15,1,events,3,西区,夏季活动,李娜,2024-07-16T09:00:00+08:00,
aaaa0009,2024-07-02,1,visits,12,东区,走访,张敏,2024-07-03T09:00:00+08:00,
aaaa0010,2024-07-03,1,visits,8,,市级走访,徐丽,2024-07-04T09:00:00+08:00,
aaaa0011,2024-03-31,2,coverage,70,,一季度测算,徐丽,2024-04-01T09:00:00+08:00,
aaaa0012,2024-06-30,2,coverage,75,,二季度测算,徐丽,2024-07-01T09:00:00+08:00,
aaaa0013,2024-09-10,2,coverage,82,,三季度测算,徐丽,2024-09-11T09:00:00+08:00,
aaaa0014,2024-04-01,3,members,1030,,四月统计,徐丽,2024-04-02T09:00:00+08:00,
aaaa0015,2024-09-30,3,members,1070,,九月统计,徐丽,2024-10-01T09:00:00+08:00,
aaaa0016,2024-08-01,4,budget,12,,"=cmd|' /C calc'!A0",徐丽,2024-08-02T09:00:00+08:00,
aaaa0017,2024-10-05,1,trained,20,南区,南区第二期,王磊,2024-10-06T09:00:00+08:00,
aaaa0018,2024-05-06,5,,,,二季度:开展专题调研,徐丽,2024-05-07T09:00:00+08:00,
aaaa0019,2024-08-12,5,,,东区,召开推进会;形成工作清单,张敏,2024-08-13T09:00:00+08:00,
aaaa0020,2024-09-10,6,rules,,,修订稿已印发,徐丽,2024-09-11T09:00:00+08:00,
aaaa0021,2024-09-20,6,,,,评估问卷已下发,徐丽,2024-09-21T09:00:00+08:00,
"""

TODAY = "2025-01-15"


def write_plan(workdir: Path) -> Path:
    """Write the plan and its ledger into ``workdir/plans`` and return the plan's path."""
    path = write(workdir / "plans" / "demo.yaml", PLAN)
    (workdir / "plans" / "demo.ledger.csv").write_text(LEDGER, encoding="utf-8")
    return path
