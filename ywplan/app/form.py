"""``ywplan form``: a sub-unit's fill-in form for a month, xlsx or csv (SPEC §7).

One form per unit and month (``--unit``), or one per unit into a folder
(``--all-units -o DIR/``). Each is written through the output machinery of every
report (``render.formats.emit``): a plan or ledger is never replaced, and an existing
file that ywplan did not write needs ``--force``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import partial
from pathlib import Path

from ywplan.app.report import resolve_period
from ywplan.core.dates import Period, default_as_of
from ywplan.core.model import Plan
from ywplan.core.progress import compute
from ywplan.core.rules import unit_problem
from ywplan.errors import UsageError, YwplanError
from ywplan.render import formats
from ywplan.reports.form import Form, form_document, form_rows
from ywplan.reports.table import Output
from ywplan.store.workspace import Workspace, open_workspace

# The form's formats: the registry's xlsx and csv, written by the form's own writers.
FORM_FORMATS = {
    "xlsx": replace(formats.BY_NAME["xlsx"], writer="ywplan.render.form_xlsx:write"),
    "csv": replace(formats.BY_NAME["csv"], writer="ywplan.render.form_csv:write"),
}
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


def current_month(plan: Plan, today: dt.date) -> str:
    """``2024-09``: the month of the default as-of date (the plan year's last, once over)."""
    day = default_as_of(plan.year, today)
    return f"{day.year}-{day.month:02d}"


def resolve_month(plan: Plan, today: dt.date, month: str | None) -> Period:
    """``--month``, else the current month; inside the plan year (as ``report`` reads it)."""
    return resolve_period(plan, today, None, month or current_month(plan, today))[0]


def build_form(workspace: Workspace, unit: str, month: Period, every: bool) -> Form:
    """The form of *unit* for *month*: what it had done by the end of the month before."""
    plan = workspace.plan
    before = month.first - dt.timedelta(days=1)
    ledger = workspace.columns()  # a unit's own plan's entries too (SPEC §8)
    progress = compute(plan, ledger, before, unit) if before.year == plan.year else None
    rows = form_rows(plan, progress, unit, every)
    if not rows:
        raise YwplanError("form.no_quotas", unit=unit)
    name = workspace.plan_file.path.name
    so_far_on = before if progress is not None else None
    return Form(plan.plan, plan.org, plan.year, name, unit, month, so_far_on, rows)


def _chosen(fmt: str | None, output: str | None) -> formats.Format:
    """``--format``, else ``-o``'s extension (as every command chooses), else xlsx."""
    allowed = tuple(FORM_FORMATS)
    if output is None:  # a file named after the form, or a folder of forms
        return FORM_FORMATS[formats.resolve(fmt, allowed).name if fmt else "xlsx"]
    chosen = formats.choose(fmt, output, allowed, "xlsx")
    if chosen.name not in FORM_FORMATS:
        raise UsageError("form.bad_extension", path=output[:80])
    return FORM_FORMATS[chosen.name]


def file_name(plan_path: Path, form: Form, fmt: formats.Format) -> str:
    """``jiaxing-2024-2024-09-海宁市.xlsx``: a form's name in a folder of forms."""
    unit = _UNSAFE.sub("_", form.unit)
    return f"{plan_path.stem}-{form.month.label}-{unit}{fmt.extensions[0]}"


def run(
    path: Path,
    today: dt.date,
    *,
    unit: str | None,
    month: str | None,
    every: bool,
    all_units: bool,
    fmt: str | None,
    output: str | None,
    force: bool = False,
) -> None:
    """Write the form(s) of the plan at *path* (see the module)."""
    if all_units == (unit is not None):
        raise UsageError("form.unit_or_all")
    chosen = _chosen(fmt, None if all_units else output)
    workspace = open_workspace(path, today, indexed=True, children=True)
    plan = workspace.plan
    if not plan.units:
        raise YwplanError("form.no_units")
    period = resolve_month(plan, today, month)
    if unit is not None:
        problem = unit_problem(plan, unit)
        if problem is not None:
            raise YwplanError(problem.key, **problem.args)
        form = build_form(workspace, unit, period, every)
        target = output or file_name(path, form, chosen)
        _emit(form, chosen, target, force)
        return
    if output is None:
        raise UsageError("form.all_needs_folder")
    folder = Path(output)
    _make_folder(folder)
    for name in plan.units:
        try:
            form = build_form(workspace, name, period, every)
        except YwplanError as exc:
            if exc.key != "form.no_quotas":
                raise
            continue  # a unit that holds no quota gets no form
        _emit(form, chosen, str(folder / file_name(path, form, chosen)), force)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise YwplanError(
            "report.write_failed", path=str(folder), reason=exc.strerror or str(exc)
        ) from None
    if not folder.is_dir():
        raise UsageError("form.all_needs_folder")


def _emit(form: Form, fmt: formats.Format, target: str, force: bool) -> None:
    output = Output(partial(form_document, form), lambda: form)
    formats.emit(output, fmt, target, force=force)
