"""The fill-in form of one sub-unit for one month (``ywplan form``): what it lists.

A row per target the unit holds a quota for (every target with ``--all``): its name,
unit, quota and what the unit has done up to the month (the end of the month before),
then three cells the clerk fills in: the month's amount (for a level or growth target,
the value measured), the date and a note. Milestones are not listed: a form counts.
The writers (``render/form_xlsx.py``, ``render/form_csv.py``) lay it out; ``intake``
reads it back by its headings and the metadata (:attr:`Form.metadata`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ywplan.core.dates import Period
from ywplan.core.model import Plan
from ywplan.core.progress import Progress
from ywplan.i18n import t
from ywplan.reports.table import Column, ColumnKind, Document, Table, columns

# (key, heading, kind): the form's columns, in order; the last three are filled in.
FORM_COLUMNS: tuple[tuple[str, str, ColumnKind], ...] = (
    ("item", "form.col.item", "exact"),
    ("ref", "form.col.ref", "text"),
    ("name", "form.col.name", "text"),
    ("measure", "form.col.measure", "text"),
    ("quota", "form.col.quota", "exact"),
    ("so_far", "form.col.so_far", "exact"),
    ("how", "form.col.how", "text"),
    ("amount", "form.col.amount", "exact"),
    ("date", "form.col.date", "text"),
    ("note", "form.col.note", "text"),
)
FILL_IN = ("amount", "date", "note")


@dataclass(frozen=True, slots=True)
class FormRow:
    """One target on the form."""

    item: int
    ref: str
    name: str
    measure: str
    quota: float | None
    so_far: float
    takes_level: bool

    @property
    def how(self) -> str:
        """What to write in the amount cell: the month's new amount, or the level measured."""
        return t("form.how_level" if self.takes_level else "form.how_sum", unit=self.measure)


@dataclass(frozen=True, slots=True)
class Form:
    """A sub-unit's form for a month, and what identifies it when it comes back."""

    plan_title: str
    org: str
    year: int
    plan_file: str
    unit: str
    month: Period
    so_far_on: dt.date | None  # the day "so far" is measured at (None: January)
    rows: tuple[FormRow, ...]

    @property
    def title(self) -> str:
        """``共青团嘉兴市委 2024年9月 月报进度表``."""
        return t(
            "form.title", org=self.org, year=self.month.first.year, month=self.month.first.month
        )

    @property
    def metadata(self) -> dict[str, str]:
        """What intake checks the form against: the plan, its year, the unit, the month."""
        return {
            "plan": self.plan_title,
            "year": str(self.year),
            "unit": self.unit,
            "month": self.month.label,
            "file": self.plan_file,
        }

    @property
    def heading(self) -> tuple[tuple[str, str], ...]:
        """The labelled cells above the table: the unit first (intake reads it back)."""
        return (
            (t("form.label_unit"), self.unit),
            (t("form.label_month"), self.month.label),
            (t("form.label_so_far"), self.so_far_on.isoformat() if self.so_far_on else "—"),
        )

    def instructions(self, workbook: bool = True) -> tuple[str, ...]:
        """The 填表说明 lines, in the order a clerk needs them (for a workbook, or a csv
        that has no shaded, locked cells and is sent back as csv)."""
        last = self.month.last.isoformat()
        return (
            t("form.instructions"),
            t("form.howto_amount" if workbook else "form.howto_amount_csv"),
            t("form.howto_date", last=last, year=self.year),
            t("form.howto_note"),
            t("form.howto_blank"),
            t("form.howto_send" if workbook else "form.howto_send_csv"),
        )

    def columns(self) -> tuple[Column, ...]:
        """The table's columns, headed in the run's language."""
        return columns(FORM_COLUMNS)

    def cells(self, row: FormRow) -> tuple[str | float | None, ...]:
        """A row's cells before the clerk fills in the last three."""
        return (
            row.item,
            row.ref,
            row.name,
            row.measure,
            row.quota,
            row.so_far,
            row.how,
            None,
            None,
            None,
        )


def form_rows(plan: Plan, progress: Progress | None, unit: str, every: bool) -> tuple[FormRow, ...]:
    """The targets *unit* holds a quota for (every target when *every*), with what the
    unit had done by *progress*'s date (0 when there is no progress, in January)."""
    done = {p.ref: p.actual for p in progress.targets()} if progress else {}
    rows = []
    for item, target in plan.targets():
        quota = (target.by_unit or {}).get(unit)
        if quota is None and not every:
            continue
        ref = f"{item.number}.{target.id}"
        kind = target.behaviour
        measure = kind.entry_unit(target) if kind.takes_level else target.unit
        so_far = done.get(ref, 0.0)
        if kind.takes_level and progress is not None:
            latest = next(p.latest for p in progress.targets() if p.ref == ref)
            so_far = latest or 0.0  # the level it stood at, not the growth percent
        rows.append(
            FormRow(item.number, ref, target.name, measure, quota, so_far, kind.takes_level)
        )
    return tuple(rows)


def form_document(form: Form) -> Document:
    """The form as a plain document (what any table writer shows of it)."""
    table = Table(
        form.title,
        form.columns(),
        tuple(form.cells(row) for row in form.rows),
        form.instructions(),
    )
    lines = tuple(f"{label}: {value}" for label, value in form.heading)
    return Document(form.title, lines, (table,), (t("form.sheet"),))
