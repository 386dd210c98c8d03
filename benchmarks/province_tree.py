"""Generate a province as a tree of offices (SPEC §8) for the benchmark.

One province, 11 cities, 90 counties: each office its own plan (the benchmark plan's 30
items and 50 targets, every target counting toward the parent's, levels summed over
units) and, below the province, its own ledger: 150,000 entries over 101 ledgers.
The layout is the one a province's repository has with its cities and counties
mounted as submodules:

    plans/province.yaml                                  children: ../cities/*/plans/*.yaml
    cities/c00/plans/city.yaml                           children: ../counties/*/plans/*.yaml
    cities/c00/counties/k00/plans/county.yaml
"""

from __future__ import annotations

from pathlib import Path

from generate import YEAR, ledger_rows, targets_layout, unit_names, write_ledger

CITIES = 11
COUNTIES = 90


def office_yaml(
    title: str, units: list[str], reports_to: tuple[str, str] | None, children: str | None
) -> str:
    """An office's plan: the benchmark's targets, fed by its children, feeding its parent."""
    lines = [f"plan: {title}", f"org: {title}", f"year: {YEAR}"]
    if units:
        lines.append("units: [" + ", ".join(units) + "]")
    if reports_to is not None:
        lines += ["reports_to:", f"  plan: {reports_to[0]}", f"  unit: {reports_to[1]}"]
    if children is not None:
        lines.append(f"children: [{children}]")
    lines.append("items:")
    layout = targets_layout()
    for number in range(1, 31):
        lines += [f"  - number: {number}", f"    title: 第{number}项工作", "    targets:"]
        for n, tid, kind in layout:
            if n != number:
                continue
            lines += [f"      - id: {tid}", f"        name: 指标{tid}", "        unit: 人次"]
            if tid == "t50":
                lines.append("        max: 90000000")
            elif kind == "sum":
                lines.append("        min: 200000")
            elif kind == "level":
                lines += ["        kind: level", "        min: 95", "        aggregate: sum"]
            else:
                lines += ["        kind: growth", "        baseline: 1000", "        min: 12"]
                lines.append("        aggregate: sum")
            if reports_to is not None:
                lines.append(f"        counts_toward: {n}.{tid}")
    return "\n".join(lines) + "\n"


def write_province(root: Path, entries: int) -> Path:
    """The whole tree below *root*, *entries* entries over the 101 ledgers; the province's plan."""
    names = unit_names(CITIES + COUNTIES)
    cities, counties = names[:CITIES], names[CITIES:]
    province = root / "plans" / "province.yaml"
    if province.exists():  # kept from an earlier run (--keep): the same tree, as it was
        return province
    province.parent.mkdir(parents=True)
    province.write_text(
        office_yaml("省级", cities, None, "../cities/*/plans/*.yaml"), encoding="utf-8"
    )
    per_ledger = entries // (CITIES + COUNTIES)
    extra = entries - per_ledger * (CITIES + COUNTIES)
    seed = 0
    for c, city in enumerate(cities):
        mine = counties[c::CITIES]
        folder = root / "cities" / f"c{c:02d}"
        reports = ("../../../plans/province.yaml", city)
        text = office_yaml(city, mine, reports, "../counties/*/plans/*.yaml")
        seed += 1
        _office(folder / "plans" / "city.yaml", text, per_ledger + (extra if c == 0 else 0), seed)
        for k, county in enumerate(mine):
            plan = folder / "counties" / f"k{k:02d}" / "plans" / "county.yaml"
            text = office_yaml(county, [], ("../../../plans/city.yaml", county), None)
            seed += 1
            _office(plan, text, per_ledger, seed)
    return province


def _office(plan: Path, text: str, entries: int, seed: int) -> None:
    plan.parent.mkdir(parents=True)
    plan.write_text(text, encoding="utf-8")
    # Offices log their own work (no sub-unit): the children's work arrives by roll-up.
    write_ledger(plan.with_name(plan.stem + ".ledger.csv"), ledger_rows(entries, [""], seed))
