"""A three-level tree of offices (province ← city ← county) for the roll-up tests (SPEC §8).

The figures are chosen so that every sum can be done by hand; the tests say how.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write

HEADER = "id,date,item,target,amount,unit,note,by,recorded_at,corrects\n"

PROVINCE = """\
plan: 共青团浙江省委2024年工作要点
org: 共青团浙江省委
year: 2024
units: [嘉兴市, 湖州市]
children: [../cities/*/plans/*.yaml]
items:
  - number: 5
    title: 加强团干部队伍建设
    targets:
      - id: cadre-training
        name: 培训团干部
        unit: 人次
        min: 2000
        by_unit: {嘉兴市: 400, 湖州市: 400}
      - id: orgs
        name: 两新组织建团
        unit: 个
        kind: level
        aggregate: sum
        min: 500
"""

CITY = """\
plan: 共青团嘉兴市委2024年工作要点
org: 共青团嘉兴市委
year: 2024
units: [海宁市, 桐乡市, 南湖区]
reports_to:
  plan: ../../../plans/zhejiang-2024.yaml
  unit: 嘉兴市
children: [../counties/*/plans/*.yaml]
items:
  - number: 26
    title: 加强团干部选育管用
    targets:
      - id: cadre-training
        name: 培训团干部
        unit: 人次
        min: 400
        by_unit: {海宁市: 80, 桐乡市: 80}
        counts_toward: 5.cadre-training
      - id: orgs
        name: 两新组织建团
        unit: 个
        kind: level
        aggregate: sum
        min: 100
        counts_toward: 5.orgs
"""

COUNTY = """\
plan: 共青团{unit}委2024年工作要点
org: 共青团{unit}委
year: 2024
reports_to:
  plan: ../../../plans/jiaxing-2024.yaml
  unit: {unit}
items:
  - number: 7
    title: 加强团干部培训
    targets:
      - id: cadre-training
        name: 培训团干部
        unit: 人次
        min: 80
        counts_toward: 26.cadre-training
      - id: orgs
        name: 两新组织建团
        unit: 个
        kind: level
        min: 20
        counts_toward: 26.orgs
"""

# Ledgers: (id, date, item, target, amount, unit, corrects).
Row = tuple[str, str, int, str, str, str, str]
HAINING: list[Row] = [
    ("hn000001", "2024-03-01", 7, "cadre-training", "30", "", ""),
    ("hn000002", "2024-04-01", 7, "cadre-training", "99", "", ""),  # reversed below
    ("hn000003", "2024-04-01", 7, "cadre-training", "-99", "", "hn000002"),
    ("hn000004", "2024-05-10", 7, "cadre-training", "20", "", ""),
    ("hn000005", "2024-07-15", 7, "cadre-training", "15", "", ""),
    ("hn000006", "2024-03-01", 7, "orgs", "12", "", ""),
    ("hn000007", "2024-05-01", 7, "orgs", "15", "", ""),
    ("hn000008", "2024-08-01", 7, "orgs", "18", "", ""),
]
TONGXIANG: list[Row] = [
    ("tx000001", "2024-04-01", 7, "cadre-training", "25", "", ""),
    ("tx000002", "2024-04-01", 7, "orgs", "9", "", ""),
]
JIAXING: list[Row] = [
    ("jx000001", "2024-02-01", 26, "cadre-training", "100", "", ""),
    ("jx000002", "2024-03-15", 26, "cadre-training", "40", "南湖区", ""),
    ("jx000003", "2024-06-01", 26, "orgs", "6", "南湖区", ""),
    ("jx000004", "2024-02-01", 26, "orgs", "3", "", ""),
]
ZHEJIANG: list[Row] = [
    ("zj000001", "2024-05-05", 5, "cadre-training", "300", "湖州市", ""),
    ("zj000002", "2024-03-03", 5, "orgs", "40", "湖州市", ""),
]


def ledger_text(rows: list[Row]) -> str:
    """A ledger holding *rows*, as ywplan writes one."""
    lines = [
        f"{id_},{day},{item},{target},{amount},{unit},,clerk,{day}T09:00:00+08:00,{corrects}\n"
        for id_, day, item, target, amount, unit, corrects in rows
    ]
    return HEADER + "".join(lines)


def write_office(plan: Path, text: str, rows: list[Row]) -> Path:
    """Write a plan and its ledger; return the plan's path."""
    write(plan, text)
    plan.with_name(plan.stem + ".ledger.csv").write_text(ledger_text(rows), encoding="utf-8")
    return plan


def county_plan(unit: str) -> str:
    """The plan of the county office named *unit*."""
    return COUNTY.replace("{unit}", unit)


def build_city(root: Path) -> Path:
    """The city with its two counties below *root*; returns the city's plan."""
    city = write_office(root / "plans" / "jiaxing-2024.yaml", CITY, JIAXING)
    counties = root / "counties"
    write_office(
        counties / "haining" / "plans" / "haining-2024.yaml", county_plan("海宁市"), HAINING
    )
    write_office(
        counties / "tongxiang" / "plans" / "tongxiang-2024.yaml", county_plan("桐乡市"), TONGXIANG
    )
    return city


def build_province(root: Path) -> Path:
    """The whole tree below *root*; returns the province's plan."""
    province = write_office(root / "plans" / "zhejiang-2024.yaml", PROVINCE, ZHEJIANG)
    build_city(root / "cities" / "jiaxing")
    return province
