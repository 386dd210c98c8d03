"""``units`` and the sub-unit sections of every report: ranking, quotas, shares.

Built from :mod:`ywplan.core.ranking`: each sub-unit's quotas measured as its own
targets, ranked by the mean of their capped completions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ywplan.core.grading import FAIL, grade_of, unit_score
from ywplan.core.kinds import State, op_symbol
from ywplan.core.model import Grading, Plan
from ywplan.core.numbers import format_number
from ywplan.core.periods import PeriodProgress
from ywplan.core.progress import TargetProgress
from ywplan.core.ranking import Standing
from ywplan.i18n import get_lang, t
from ywplan.reports.table import Cell, ColumnKind, Document, Table, columns, json_number

SECTION_NUMBERS = ("一", "二", "三", "四", "五", "六")


def section(index: int, key: str, **args: Any) -> str:
    """A section title numbered as reports number them: ``三、各单位排名`` / ``3. Ranking``."""
    number = SECTION_NUMBERS[index] + "、" if get_lang() == "zh" else f"{index + 1}. "
    return number + t(key, **args)


RANKING_COLUMNS: tuple[tuple[str, str, ColumnKind], ...] = (
    ("rank", "col.rank", "number"),
    ("subunit", "col.subunit", "text"),
    ("percent", "col.unit_percent", "percent"),
    ("quotas", "col.quotas", "number"),
    ("done", "col.quotas_done", "number"),
    ("behind", "col.quotas_behind", "number"),
)


GRADING_COLUMNS: tuple[tuple[str, str, ColumnKind], ...] = (
    ("score", "col.score", "number"),
    ("grade", "col.grade", "text"),
)


def grade_text(grade: str | None) -> str | None:
    """A grade as shown: the plan's own band name, or 不合格 / fail."""
    return t("grade.fail") if grade == FAIL else grade


def ranking_table(
    standings: Sequence[Standing], title: str, grading: Grading | None = None
) -> Table:
    """One row per sub-unit, best first; with *grading*, its score and grade too."""
    spec = RANKING_COLUMNS + (GRADING_COLUMNS if grading else ())
    rows = []
    for s in standings:
        row: tuple[Cell, ...] = (
            s.rank,
            s.unit,
            s.percent,
            len(s.quotas),
            s.counting(State.DONE),
            s.counting(State.BEHIND, State.NOT_STARTED, State.BREACHED),
        )
        if grading:
            score = unit_score(s.quotas, grading)
            row += (score, grade_text(grade_of(score, grading)))
        rows.append(row)
    notes = [t("units.note_percent")]
    if grading:
        notes.append(t("units.note_grading", bands=bands_text(grading)))
    return Table(title, columns(spec), tuple(rows), tuple(notes))


def bands_text(grading: Grading) -> str:
    """``优秀 ≥ 90、良好 ≥ 75、合格 ≥ 60`` (the plan's bands, best first)."""
    shown = [
        f"{name} {op_symbol('>=')} {format_number(least)}" for name, least in grading.bands.items()
    ]
    joined = ("、" if get_lang() == "zh" else ", ").join(shown)
    return t("units.bands", bands=joined, fail=t("grade.fail"))


def quota_table(
    standings: Sequence[Standing], title: str, periods: dict[str, PeriodProgress] | None = None
) -> Table:
    """One row per (sub-unit, quota), in ranking order; with *periods*, the period's amount too."""
    spec: list[tuple[str, str, ColumnKind]] = [
        ("subunit", "col.subunit", "text"),
        ("item", "col.item", "number"),
        ("target", "col.target", "text"),
        ("measure", "col.unit", "text"),
        ("goal", "col.quota", "number"),
    ]
    kind = next(iter(periods.values())).kind if periods else None
    if kind:
        spec.append(("period", "col." + kind + "_amount", "number"))
    spec += [
        ("actual", "col.cumulative" if kind else "col.actual", "number"),
        ("percent", "col.percent", "percent"),
        ("expected", "col.expected", "number"),
        ("gap", "col.gap", "signed"),
        ("state", "col.state", "state"),
    ]
    rows: list[tuple[Cell, ...]] = []
    for s in standings:
        for tp in s.quotas:
            row: list[Cell] = [s.unit, tp.item.number, tp.target.name, tp.target.unit, tp.goal]
            if periods is not None and kind:
                row.append(periods[s.unit].amount(tp))
            row += [tp.actual, tp.percent, tp.expected, tp.gap]
            row.append(tp.state.value)
            rows.append(tuple(row))
    return Table(title, columns(spec), tuple(rows))


def share_table(standings: Sequence[Standing], title: str) -> Table:
    """Each sub-unit's part of the sum targets that give it no quota."""
    spec: tuple[tuple[str, str, ColumnKind], ...] = (
        ("subunit", "col.subunit", "text"),
        ("item", "col.item", "number"),
        ("target", "col.target", "text"),
        ("measure", "col.unit", "text"),
        ("actual", "col.unit_amount", "number"),
        ("total", "col.total_amount", "number"),
        ("share", "col.share", "percent"),
    )
    rows = tuple(
        (
            s.unit,
            share.unit_progress.item.number,
            share.unit_progress.target.name,
            share.unit_progress.target.unit,
            share.unit_progress.actual,
            share.total,
            share.percent,
        )
        for s in standings
        for share in s.shares
    )
    return Table(title, columns(spec), rows, (t("units.note_share"),))


def units_document(plan: Plan, standings: Sequence[Standing], as_of_text: str) -> Document:
    """``ywplan units``: the ranking, each unit's quotas, and its shares of the other targets."""
    title = t("units.title", plan=plan.plan)
    lines = (t("report.line_org", org=plan.org), as_of_text)
    tables = (
        ranking_table(standings, section(0, "report.section_ranking"), plan.grading),
        quota_table(standings, section(1, "report.section_quotas")),
        share_table(standings, section(2, "units.section_shares")),
    )
    sheets = (t("report.sheet_ranking"), t("report.sheet_quotas"), t("units.sheet_shares"))
    return Document(title, lines, tables, sheets, tables[1].title)


# --- JSON (SPEC §4) -------------------------------------------------------------------


def quota_document(tp: TargetProgress, amount: float | None, kind: str | None) -> dict[str, Any]:
    """One quota of a sub-unit, with the status document's keys (``target`` is the quota)."""
    document: dict[str, Any] = {
        "item": tp.item.number,
        "id": tp.target.id,
        "name": tp.target.name,
        "unit": tp.target.unit,
        "kind": tp.target.kind,
        "op": tp.target.op,
        "target": json_number(tp.goal),
        "actual": json_number(tp.actual),
    }
    if kind is not None and amount is not None:
        document[kind + "_amount"] = json_number(amount)
    document.update(
        percent=tp.percent,
        expected=float(tp.expected),
        gap=float(tp.gap),
        state=tp.state.value,
        entries=tp.count,
    )
    return document


def standings_document(
    standings: Sequence[Standing],
    periods: dict[str, PeriodProgress] | None = None,
    grading: Grading | None = None,
) -> list[dict[str, Any]]:
    """The sub-units, best first, each with ``unit``, ``percent``, ``score``, ``grade`` (the
    band's name, ``"fail"`` below every band, null without ``grading``) and its targets."""
    result = []
    for s in standings:
        score = unit_score(s.quotas, grading)
        pp = periods.get(s.unit) if periods else None
        targets = [
            quota_document(tp, pp.amount(tp) if pp else None, pp.kind if pp else None)
            for tp in s.quotas
        ]
        shares = [
            {
                "item": share.unit_progress.item.number,
                "id": share.unit_progress.target.id,
                "name": share.unit_progress.target.name,
                "unit": share.unit_progress.target.unit,
                "actual": json_number(share.unit_progress.actual),
                "total": json_number(share.total),
                "share": share.percent,
            }
            for share in s.shares
        ]
        result.append(
            {
                "rank": s.rank,
                "unit": s.unit,
                "percent": s.percent,
                "score": score,
                "grade": grade_of(score, grading),
                "quotas": len(s.quotas),
                "done": s.counting(State.DONE),
                "behind": s.counting(State.BEHIND, State.NOT_STARTED, State.BREACHED),
                "targets": targets,
                "shares": shares,
            }
        )
    return result
