"""The quarterly/monthly report (季报/月报) and the unit ranking as tables and JSON documents.

Built from :mod:`ywplan.core.periods`, :mod:`ywplan.core.items` (every item's state, 督办
flag, notes and milestones: 工作进展 and 存在问题) and :mod:`ywplan.core.ranking`; every writer in
:mod:`ywplan.render` takes the :class:`Document` made here. Table cells hold the full
values (numbers stay numbers); :func:`grouped` blanks an item's repeated number and title
for the formats people read.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ywplan.core.dates import Period
from ywplan.core.items import Flag, ItemStatus, MilestoneStatus, Note
from ywplan.core.kinds import KINDS, State
from ywplan.core.model import Plan
from ywplan.core.numbers import format_number, round_half_up
from ywplan.core.periods import PeriodProgress
from ywplan.core.progress import Progress, TargetKey, TargetProgress, year_fraction
from ywplan.core.ranking import Standing
from ywplan.core.rollup import Source
from ywplan.i18n import get_lang, t
from ywplan.reports.status import (
    FLAGS_WORST_FIRST,
    TARGET_COLUMNS,
    flags_line,
    own_row,
    status_document,
    target_cells,
)
from ywplan.reports.table import (
    Cell,
    ColumnKind,
    Document,
    Series,
    Table,
    columns,
    json_number,
)
from ywplan.reports.units import quota_table, ranking_table, section, standings_document

CHINESE_QUARTERS = ("一", "二", "三", "四")


def period_name(period: Period, kind: str) -> str:
    """``2024年第三季度`` / ``2024 Q3``; ``2024年5月`` / ``May 2024``."""
    year, zh = period.first.year, get_lang() == "zh"
    if kind == "quarter":
        quarter = (period.first.month - 1) // 3
        return t(
            "report.quarter_name", year=year, q=CHINESE_QUARTERS[quarter] if zh else quarter + 1
        )
    month = period.first.month
    return t(
        "report.month_name", year=year, name=f"{month}月" if zh else calendar.month_name[month]
    )


def heading_lines(plan: Plan, pp: PeriodProgress) -> tuple[str, ...]:
    """The title block under the report's title: org, period, as-of date and 序时进度."""
    as_of = pp.progress.as_of
    return (
        t("report.line_org", org=plan.org),
        t("report.line_plan", plan=plan.plan),
        t("report.line_period", first=pp.period.first.isoformat(), last=pp.period.last.isoformat()),
        t(
            "report.line_as_of",
            as_of=as_of.isoformat(),
            fraction=f"{year_fraction(as_of) * 100:.1f}%",
        ),
    )


# --- 总体情况: the headline -------------------------------------------------------------


def state_counts(states: Sequence[State]) -> str:
    """``已完成 3 · 正常推进 9 · 滞后 2``: each state found, in the order of :class:`State`."""
    return " · ".join(
        f"{t('state.' + state.value)} {states.count(state)}" for state in State if state in states
    )


def headline(items: Sequence[ItemStatus]) -> tuple[str, ...]:
    """总体情况: how many items and targets stand in each state, and each 督办 flag."""
    targets = [tp.state for status in items for tp in status.targets]
    found = [
        t("report.headline_items", count=len(items), states=state_counts([s.state for s in items]))
    ]
    if targets:
        found.append(t("report.headline_targets", count=len(targets), states=state_counts(targets)))
    found.append(flags_line(items))
    return tuple(found)


# --- 重点指标完成情况: the targets, with the previous period beside them ----------------------


@dataclass(frozen=True, slots=True)
class Previous:
    """The previous period's percent of each target (``ref`` → percent); none for the year's
    first quarter or month (the year before is another plan)."""

    percents: dict[str, float]

    @classmethod
    def of(cls, progress: Progress | None) -> Previous:
        """From the plan measured at the previous period's end (None: there is none)."""
        return cls({} if progress is None else {tp.ref: tp.percent for tp in progress.targets()})

    def percent(self, tp: TargetProgress) -> float | None:
        """The target's percent at the previous period's end."""
        return self.percents.get(tp.ref)

    def change(self, tp: TargetProgress) -> float | None:
        """Percentage points gained since the previous period's end."""
        before = self.percent(tp)
        return None if before is None else round_half_up(tp.percent - before, 1)


MAIN_COLUMNS: tuple[tuple[str, str, ColumnKind], ...] = (
    *TARGET_COLUMNS,
    ("period", "col.period", "number"),
    ("actual", "col.cumulative", "number"),
    ("percent", "col.percent", "percent"),
    ("previous", "col.previous_percent", "percent"),
    ("change", "col.change", "signed"),
    ("expected", "col.expected", "number"),
    ("remaining", "col.remaining", "number"),
    ("gap", "col.gap", "signed"),
    ("state", "col.state", "state"),
    ("flag", "col.flag", "flag"),
)


def main_table(
    pp: PeriodProgress, items: Sequence[ItemStatus], previous: Previous, index: int = 0
) -> Table:
    """Per target: the period's amount, the cumulative, percent, the previous period's percent
    and the change, 序时进度, gap, state, flag."""
    spec = [
        (key, "col." + pp.kind + "_amount" if key == "period" else heading, kind)
        for key, heading, kind in MAIN_COLUMNS
    ]
    rows = tuple(
        (
            *target_cells(tp),
            pp.amount(tp),
            tp.actual,
            tp.percent,
            previous.percent(tp),
            previous.change(tp),
            tp.expected,
            tp.remaining,
            tp.gap,
            tp.state.value,
            flag.value,
        )
        for status in items
        for tp, flag in zip(status.targets, status.target_flags, strict=True)
    )
    period = t("report.period_" + pp.kind)
    notes = [t("report.note_main"), t("report.note_previous_" + pp.kind)]
    for kind in sorted(KINDS):  # a kind that needs explaining has a note in the catalog
        if any(tp.target.kind == kind for tp in pp.progress.targets()):
            notes.append(t("report.note_" + kind, _default="", period=period))
    notes = [note for note in notes if note]
    return Table(section(index, "report.section_targets"), columns(spec), rows, tuple(notes))


# --- 工作进展: what was done in the period -------------------------------------------------


def in_period(day: dt.date, period: Period) -> bool:
    """True when *day* falls inside *period*."""
    return period.first <= day <= period.last


def period_notes(status: ItemStatus, period: Period) -> tuple[Note, ...]:
    """The item's progress notes dated in *period* (counted at the report's date)."""
    return tuple(note for note in status.notes if in_period(note.date, period))


def period_milestones(status: ItemStatus, period: Period) -> tuple[MilestoneStatus, ...]:
    """The item's milestones done in *period* (by the report's date)."""
    return tuple(
        m for m in status.milestones if m.done_on is not None and in_period(m.done_on, period)
    )


@dataclass(frozen=True, slots=True)
class Event:
    """One line of 工作进展: a note, or a milestone done, with its day and sub-unit."""

    date: dt.date
    unit: str
    text: str


def events(status: ItemStatus, period: Period) -> list[Event]:
    """What was recorded on the item in *period*, by date (notes in file order on a day)."""
    found = [Event(n.date, n.unit, n.text) for n in period_notes(status, period)]
    for milestone in period_milestones(status, period):
        record = milestone.record
        assert record is not None
        key = "report.milestone_done_note" if record.note else "report.milestone_done"
        text = t(key, name=milestone.name, note=record.note)
        found.append(Event(record.date, record.unit, text))
    return sorted(found, key=lambda event: event.date)


PROGRESS_COLUMNS: tuple[tuple[str, str, ColumnKind], ...] = (
    ("item", "col.item", "number"),
    ("title", "col.title", "text"),
    ("lead", "col.lead", "text"),
    ("state", "col.state", "state"),
    ("flag", "col.flag", "flag"),
    ("date", "col.date", "text"),
    ("subunit", "col.subunit", "text"),
    ("progress", "col.progress", "text"),
    ("milestone", "col.next_milestone", "text"),
    ("due", "col.due", "text"),
)


def progress_table(pp: PeriodProgress, items: Sequence[ItemStatus], index: int = 1) -> Table:
    """工作进展: per item tracked by more than its targets, or with anything recorded in
    the period, each note and milestone done in it (or that nothing was), with the item's
    lead, state, flag and next milestone on every row."""
    rows: list[tuple[Cell, ...]] = []
    for status in items:
        found = events(status, pp.period)
        if not found and not own_row(status.item):
            continue
        item, milestone = status.item, status.next_milestone
        shared = (item.number, item.title, item.lead, status.state.value, status.flag.value)
        after = (milestone.name, milestone.due.isoformat()) if milestone else (None, None)
        if not found:
            nothing = t("report.no_progress", period=t("report.period_" + pp.kind))
            rows.append((*shared, None, None, nothing, *after))
        for event in found:
            rows.append((*shared, event.date.isoformat(), event.unit or None, event.text, *after))
    title = section(index, "report.section_progress")
    return Table(title, columns(PROGRESS_COLUMNS), tuple(rows))


# --- 存在问题: what is flagged ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Concern:
    """Why an item is flagged: a milestone overdue or due soon, a target behind (or not
    started, or over its limit), or the item itself not started."""

    flag: Flag
    kind: Literal["milestone", "target", "item"]
    id: str | None
    state: State
    text: str

    def json(self) -> dict[str, Any]:
        """``{"kind", "id", "state", "flag"}``."""
        return {
            "kind": self.kind,
            "id": self.id,
            "state": self.state.value,
            "flag": self.flag.value,
        }


def _rank(flag: Flag) -> int:
    return FLAGS_WORST_FIRST.index(flag)


def _target_concern(tp: TargetProgress, flag: Flag) -> Concern:
    state = tp.state
    args = {
        "name": tp.target.name,
        "state": t("state." + state.value),
        "actual": format_number(tp.actual),
        "expected": format_number(tp.expected),
        "goal": format_number(tp.goal),
        "unit": tp.target.unit,
    }
    key = "report.problem_breached" if state is State.BREACHED else "report.problem_target"
    return Concern(flag, "target", tp.target.id, state, t(key, **args))


def concerns(status: ItemStatus) -> list[Concern]:
    """Why *status* is not green, worst first (none for a green item)."""
    if status.flag is Flag.GREEN:
        return []
    found = []
    for m in status.milestones:
        if m.state in (State.OVERDUE, State.DUE_SOON):
            flag = Flag.RED if m.state is State.OVERDUE else Flag.BLUE
            key = "report.problem_" + m.state.value
            text = t(key, name=m.name, due=m.due.isoformat())
            found.append(Concern(flag, "milestone", m.id, m.state, text))
    for tp, flag in zip(status.targets, status.target_flags, strict=True):
        if flag is not Flag.GREEN:
            found.append(_target_concern(tp, flag))
    if not found:  # only an item not started past idle_after is flagged for itself alone
        text = t("report.problem_not_started")
        found.append(Concern(status.flag, "item", None, status.state, text))
    return sorted(found, key=lambda concern: _rank(concern.flag))


def flagged(items: Sequence[ItemStatus]) -> list[tuple[ItemStatus, list[Concern]]]:
    """The items that are not green, red first (then by number), each with its concerns."""
    found = [(status, concerns(status)) for status in items if status.flag is not Flag.GREEN]
    return sorted(found, key=lambda pair: (_rank(pair[0].flag), pair[0].item.number))


PROBLEM_COLUMNS: tuple[tuple[str, str, ColumnKind], ...] = (
    ("item", "col.item", "number"),
    ("title", "col.title", "text"),
    ("lead", "col.lead", "text"),
    ("flag", "col.flag", "flag"),
    ("problem", "col.problem", "text"),
)


def problems_table(items: Sequence[ItemStatus], index: int = 2) -> Table:
    """存在问题: the flagged items, red first, a row per concern."""
    rows = tuple(
        (status.item.number, status.item.title, status.item.lead, concern.flag.value, concern.text)
        for status, found in flagged(items)
        for concern in found
    )
    notes = () if rows else (t("report.no_problems"),)
    return Table(section(index, "report.section_problems"), columns(PROBLEM_COLUMNS), rows, notes)


def report_document(
    pp: PeriodProgress,
    items: Sequence[ItemStatus],
    standings: Sequence[Standing],
    unit_periods: dict[str, PeriodProgress],
    previous: Previous | None = None,
    series: tuple[Series, ...] = (),
) -> Document:
    """The whole 季报/月报: the headline (总体情况), targets, 工作进展, 存在问题, then the
    sub-units; each target's year as *series* for the formats that draw it."""
    plan = pp.progress.plan
    tables = [
        main_table(pp, items, previous or Previous.of(None), 0),
        progress_table(pp, items, 1),
        problems_table(items, 2),
    ]
    sheets = [t("report.sheet_targets"), t("report.sheet_progress"), t("report.sheet_problems")]
    if plan.units:
        tables.append(ranking_table(standings, section(3, "report.section_ranking"), plan.grading))
        tables.append(quota_table(standings, section(4, "report.section_quotas"), unit_periods))
        sheets += [t("report.sheet_ranking"), t("report.sheet_quotas")]
    return headed(report_title(pp), pp, items, tables, sheets, series)


def report_title(pp: PeriodProgress) -> str:
    """``共青团嘉兴市委2024年第三季度工作要点推进情况`` (or the month's)."""
    plan = pp.progress.plan
    return t("report.title_" + pp.kind, org=plan.org, period=period_name(pp.period, pp.kind))


def headed(
    title: str,
    pp: PeriodProgress,
    items: Sequence[ItemStatus],
    tables: Sequence[Table],
    sheets: Sequence[str],
    series: tuple[Series, ...] = (),
) -> Document:
    """A report's document: its heading lines and 总体情况 (the headline of *items*), then
    *tables*, the first drawn with bars."""
    summary = headline(items)
    return Document(
        title,
        heading_lines(pp.progress.plan, pp) + summary,
        tuple(tables),
        tuple(sheets),
        tables[0].title,
        series=series,
        summary=summary,
    )


# --- JSON (SPEC §4) -------------------------------------------------------------------


def period_document(
    pp: PeriodProgress,
    items: Sequence[ItemStatus],
    standings: Sequence[Standing],
    unit_periods: dict[str, PeriodProgress],
    previous: Previous | None = None,
    sources: Mapping[TargetKey, Sequence[Source]] | None = None,
) -> dict[str, Any]:
    """SPEC §4's status document at the period's end, plus the period's amounts, the
    previous period's percent and the change, notes and milestones done, the flagged items
    (red first), the sub-units and the headline's counts of states; given *sources*, what
    each child office feeds each target (SPEC §8)."""
    base = status_document(pp.progress, items, sources)
    document: dict[str, Any] = {}
    for key, value in base.items():
        if key == "items":
            document[pp.kind] = pp.period.label
            document["period"] = {
                "first": pp.period.first.isoformat(),
                "last": pp.period.last.isoformat(),
            }
        document[key] = value
    amount_key = pp.kind + "_amount"
    previous = previous or Previous.of(None)
    for item_doc, status in zip(document["items"], items, strict=True):
        if not status.targets:
            item_doc["note"] = pp.notes.get(status.item.number)
        item_doc[pp.kind + "_notes"] = [note.json() for note in period_notes(status, pp.period)]
        item_doc[pp.kind + "_milestones"] = [
            milestone.json() for milestone in period_milestones(status, pp.period)
        ]
        for target_doc, tp in zip(item_doc["targets"], status.targets, strict=True):
            merged: dict[str, Any] = {}
            for key, value in target_doc.items():
                if key == "actual":
                    merged[amount_key] = json_number(pp.amount(tp))
                    merged[pp.kind + "_entries"] = pp.count(tp)
                merged[key] = value
                if key == "percent":
                    merged["previous_percent"] = previous.percent(tp)
                    merged["change"] = previous.change(tp)
            target_doc.clear()
            target_doc.update(merged)
    document["problems"] = [
        {
            "number": status.item.number,
            "title": status.item.title,
            "lead": status.item.lead,
            "flag": status.flag.value,
            "reasons": [concern.json() for concern in found],
        }
        for status, found in flagged(items)
    ]
    document["units"] = standings_document(standings, unit_periods, pp.progress.plan.grading)
    document["states"] = state_document(items)
    return document


def state_document(items: Sequence[ItemStatus]) -> dict[str, dict[str, int]]:
    """The headline's counts: ``{"items": {"behind": 3, …}, "targets": {…}}`` (states found)."""
    found: dict[str, dict[str, int]] = {"items": {}, "targets": {}}
    for status in items:
        found["items"][status.state.value] = found["items"].get(status.state.value, 0) + 1
        for tp in status.targets:
            found["targets"][tp.state.value] = found["targets"].get(tp.state.value, 0) + 1
    return found
