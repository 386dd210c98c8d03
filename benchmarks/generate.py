"""Generate province-scale plans and ledgers for the benchmark (and for tests).

A province plan: 30 items, 50 targets (sum, level, growth, one max), 90 sub-units;
a ledger of N entries spread over the year, about 1 % of them undone (an entry and its
reversing line), with Chinese notes as clerks write them. Deterministic for a seed.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import string
from pathlib import Path

HEADER = ("id", "date", "item", "target", "amount", "unit", "note", "by", "recorded_at", "corrects")
YEAR = 2024
ALPHABET = string.ascii_lowercase + string.digits
PLACES = "东西南北中上下新老青红金银长安平和兴华山江湖海河溪桥"
SUFFIXES = ("区", "县", "市")
NOTES = ("开展宣讲活动", "举办培训班", "组织志愿服务", "走访企业", "召开座谈会", "青年联谊活动")


def unit_names(count: int = 90) -> list[str]:
    """*count* distinct Chinese sub-unit names (县市区)."""
    names: list[str] = []
    for a in PLACES:
        for b in PLACES:
            if a != b:
                names.append(a + b + SUFFIXES[len(names) % 3])
                if len(names) == count:
                    return names
    return names


def targets_layout(items: int = 30, targets: int = 50) -> list[tuple[int, str, str]]:
    """(item number, target id, kind) for *targets* targets spread over *items* items."""
    layout = []
    for index in range(targets):
        number = index % items + 1
        kind = "level" if index % 10 == 3 else "growth" if index % 10 == 7 else "sum"
        layout.append((number, f"t{index + 1}", kind))
    return layout


def plan_yaml(units: list[str], items: int = 30, targets: int = 50, title: str = "") -> str:
    """The plan YAML for the province benchmark."""
    layout = targets_layout(items, targets)
    lines = [
        f"plan: {title or '共青团某省委2024年工作要点'}",
        "org: 共青团某省委",
        f"year: {YEAR}",
        "units: [" + ", ".join(units) + "]",
        "items:",
    ]
    for number in range(1, items + 1):
        lines += [f"  - number: {number}", f"    title: 第{number}项工作", "    targets:"]
        for n, tid, kind in layout:
            if n != number:
                continue
            lines += [f"      - id: {tid}", f"        name: 指标{tid}", "        unit: 人次"]
            if kind == "sum" and tid == "t50":
                lines += ["        max: 90000000"]
            elif kind == "sum":
                lines += ["        min: 200000", "        schedule: {Q1: 40000, Q2: 90000}"]
            elif kind == "level":
                lines += ["        kind: level", "        min: 95"]
            else:
                lines += ["        kind: growth", "        baseline: 1000", "        min: 12"]
        if lines[-1] == "    targets:":
            lines[-1] = "    targets: []"
    return "\n".join(lines) + "\n"


def ledger_rows(entries: int, units: list[str], seed: int = 7) -> list[list[str]]:
    """*entries* rows (reversals included in the count), in recording order."""
    rng = random.Random(seed)
    layout = targets_layout()
    rows: list[list[str]] = []
    start = dt.date(YEAR, 1, 1)
    while len(rows) < entries:
        number, tid, kind = layout[rng.randrange(len(layout))]
        day = start + dt.timedelta(days=int(len(rows) * 365 / max(entries, 1)))
        if kind == "sum":
            amount = str(rng.randint(1, 200)) if rng.random() < 0.9 else f"{rng.randint(1, 99)}.5"
        elif kind == "level":
            amount = f"{rng.uniform(60, 99):.1f}"
        else:
            amount = str(rng.randint(1000, 1200))
        unit = units[rng.randrange(len(units))] if rng.random() < 0.8 else ""
        stamp = f"{day.isoformat()}T{rng.randint(9, 17):02d}:{rng.randint(0, 59):02d}:00+08:00"
        ident = "".join(rng.choice(ALPHABET) for _ in range(16))
        note = f"{unit or '本级'}{NOTES[rng.randrange(len(NOTES))]}第{rng.randint(1, 99)}期"
        row = [ident, day.isoformat(), str(number), tid, amount, unit, note, "clerk", stamp, ""]
        rows.append(row)
        if rng.random() < 0.01 and len(rows) < entries:
            undo = "".join(rng.choice(ALPHABET) for _ in range(16))
            note = "撤销:录错"
            rows.append([undo, *row[1:4], "-" + amount, unit, note, "clerk", stamp, ident])
    return rows[:entries]


def write_ledger(path: Path, rows: list[list[str]]) -> None:
    """A ledger file: BOM, header, one LF-ended line per row."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("\ufeff")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)


def write_plan(folder: Path, stem: str, entries: int, seed: int = 7) -> Path:
    """``folder/stem.yaml`` and ``folder/stem.ledger.csv`` with *entries* entries."""
    folder.mkdir(parents=True, exist_ok=True)
    units = unit_names()
    plan = folder / f"{stem}.yaml"
    plan.write_text(plan_yaml(units), encoding="utf-8")
    write_ledger(folder / f"{stem}.ledger.csv", ledger_rows(entries, units, seed))
    return plan
