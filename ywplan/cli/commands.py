"""Every command's typer signature: its arguments, options and help keys, nothing else.

Each function hands its plain values to the engine of the same name in
:mod:`ywplan.app` (``log`` → ``ywplan.app.log.run``), imported only when the command
runs so that ``--version`` and TAB stay fast. ``--lang`` is checked by its option and
applied by ``cli.main``. The order of :data:`COMMANDS` is the order of ``--help``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer

from ywplan.cli.completion import (
    complete_entry_id,
    complete_flag,
    complete_item,
    complete_lead,
    complete_milestone,
    complete_month,
    complete_quarter,
    complete_target,
)
from ywplan.cli.options import (
    AsOfOption,
    ByOption,
    EntryDateOption,
    FindingsFormatOption,
    ForceOption,
    LangOption,
    OutputOption,
    PlanOption,
    QuarterOption,
    StatusFormatOption,
    TablesFormatOption,
    UnitOption,
    format_option,
)


def check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="help.check.paths", show_default=False)
    ] = None,
    format: FindingsFormatOption = None,
    since: Annotated[
        str | None, typer.Option("--since", help="help.check.since", metavar="REV")
    ] = None,
    lang: LangOption = None,
) -> None:
    """help.check"""
    from ywplan.app import check
    from ywplan.app.runtime import today

    if not check.run(paths or ["plans"], format, today(), since):
        raise typer.Exit(1)


def log(
    target: Annotated[
        str | None,
        typer.Argument(
            help="help.log.target",
            metavar="TARGET",
            show_default=False,
            autocompletion=complete_target,
        ),
    ] = None,
    amount: Annotated[
        str | None, typer.Argument(help="help.log.amount", metavar="AMOUNT", show_default=False)
    ] = None,
    date: EntryDateOption = None,
    unit: UnitOption = None,
    note: Annotated[
        str | None, typer.Option("--note", "-n", help="help.log.note", metavar="TEXT")
    ] = None,
    by: ByOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="help.log.yes")] = False,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.log"""
    from ywplan.app import log
    from ywplan.app.runtime import plan_path, today
    from ywplan.cli import interactive

    request = log.Request(target, amount, date, unit, note, by, yes)
    ask = None
    terminal = interactive.interactive_allowed()
    if target is None or amount is None:
        if not terminal:
            interactive.missing_argument("target" if target is None else "amount")
        ask = interactive.asked_entry(request)
    with interactive.cancel_on_interrupt():
        log.run(
            plan_path(plan),
            today(),
            request,
            ask=ask,
            confirm=interactive.confirm_doubt if terminal else None,
            cancelled=interactive.not_recorded,
        )


def note(
    item: Annotated[
        str | None,
        typer.Argument(
            help="help.note.item",
            metavar="ITEM",
            show_default=False,
            autocompletion=complete_item,
        ),
    ] = None,
    text: Annotated[
        str | None, typer.Argument(help="help.note.text", metavar="TEXT", show_default=False)
    ] = None,
    date: EntryDateOption = None,
    unit: UnitOption = None,
    by: ByOption = None,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.note"""
    from ywplan.app import note
    from ywplan.app.runtime import plan_path, today
    from ywplan.cli import interactive

    request = note.Request(item, text, date, unit, by)
    ask = None
    if item is None or text is None:
        if not interactive.interactive_allowed():
            interactive.missing_argument("item" if item is None else "text")
        ask = interactive.asked_note(request)
    with interactive.cancel_on_interrupt():
        note.run(plan_path(plan), today(), request, ask=ask, cancelled=interactive.not_recorded)


def done(
    ref: Annotated[
        str,
        typer.Argument(
            help="help.done.ref",
            metavar="ITEM.MILESTONE|ITEM",
            show_default=False,
            autocompletion=complete_milestone,
        ),
    ],
    date: Annotated[
        str | None, typer.Option("--date", "-d", help="help.done.date", metavar="YYYY-MM-DD")
    ] = None,
    unit: UnitOption = None,
    note: Annotated[
        str | None, typer.Option("--note", "-n", help="help.done.note", metavar="TEXT")
    ] = None,
    by: ByOption = None,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.done"""
    from ywplan.app import done
    from ywplan.app.runtime import plan_path, today

    done.run(plan_path(plan), today(), ref, date=date, unit=unit, note=note, by=by)


def undo(
    entry_id: Annotated[
        str,
        typer.Argument(
            help="help.undo.id",
            metavar="ID",
            show_default=False,
            autocompletion=complete_entry_id,
        ),
    ],
    reason: Annotated[str, typer.Option("--reason", "-r", help="help.undo.reason", metavar="TEXT")],
    by: ByOption = None,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.undo"""
    from ywplan.app import undo
    from ywplan.app.runtime import plan_path, today

    undo.run(plan_path(plan), today(), entry_id, reason=reason, by=by)


def entries(
    item: Annotated[
        str | None,
        typer.Option(
            "--item", help="help.entries.item", metavar="N|N.ID", autocompletion=complete_target
        ),
    ] = None,
    unit: UnitOption = None,
    since: Annotated[
        str | None, typer.Option("--since", help="help.entries.since", metavar="YYYY-MM-DD")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="help.entries.until", metavar="YYYY-MM-DD")
    ] = None,
    format: StatusFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.entries"""
    from ywplan.app import entries
    from ywplan.app.runtime import plan_path, today

    entries.run(
        plan_path(plan),
        today(),
        entries.Filters(item, unit, since, until),
        fmt=format,
        output=output,
        force=force,
    )


def status(
    as_of: AsOfOption = None,
    quarter: QuarterOption = None,
    unit: UnitOption = None,
    behind: Annotated[bool, typer.Option("--behind", help="help.status.behind")] = False,
    flag: Annotated[
        str | None,
        typer.Option(
            "--flag",
            help="help.status.flag",
            metavar="red|yellow|blue|green",
            show_default=False,
            autocompletion=complete_flag,
        ),
    ] = None,
    lead: Annotated[
        str | None,
        typer.Option(
            "--lead",
            help="help.status.lead",
            metavar="NAME",
            show_default=False,
            autocompletion=complete_lead,
        ),
    ] = None,
    format: StatusFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.status"""
    from ywplan.app import status
    from ywplan.app.runtime import plan_path, today

    status.run(
        plan_path(plan),
        today(),
        as_of=as_of,
        quarter=quarter,
        unit=unit,
        behind=behind,
        flag=flag,
        lead=lead,
        fmt=format,
        output=output,
        force=force,
    )


def report(
    quarter: Annotated[
        str | None,
        typer.Option(
            "--quarter",
            help="help.report.quarter",
            metavar="YYYYQn",
            show_default=False,
            autocompletion=complete_quarter,
        ),
    ] = None,
    month: Annotated[
        str | None,
        typer.Option(
            "--month",
            help="help.report.month",
            metavar="YYYY-MM",
            show_default=False,
            autocompletion=complete_month,
        ),
    ] = None,
    format: TablesFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    unit: UnitOption = None,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.report"""
    from ywplan.app import report
    from ywplan.app.runtime import plan_path, today

    report.run(
        plan_path(plan),
        today(),
        quarter=quarter,
        month=month,
        fmt=format,
        output=output,
        force=force,
        unit=unit,
    )


def units(
    as_of: AsOfOption = None,
    quarter: QuarterOption = None,
    format: TablesFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.units"""
    from ywplan.app import units
    from ywplan.app.runtime import plan_path, today

    units.run(
        plan_path(plan),
        today(),
        as_of=as_of,
        quarter=quarter,
        fmt=format,
        output=output,
        force=force,
    )


def history(
    target: Annotated[
        str,
        typer.Argument(
            help="help.history.target",
            metavar="TARGET",
            show_default=False,
            autocompletion=complete_target,
        ),
    ],
    as_of: AsOfOption = None,
    unit: UnitOption = None,
    format: StatusFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.history"""
    from ywplan.app import history
    from ywplan.app.runtime import plan_path, today

    history.run(
        plan_path(plan),
        today(),
        target,
        as_of=as_of,
        unit=unit,
        fmt=format,
        output=output,
        force=force,
    )


def import_plan(
    file: Annotated[
        str, typer.Argument(help="help.import.file", metavar="FILE", show_default=False)
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="help.import.output", metavar="FILE", show_default=False
        ),
    ] = None,
    org: Annotated[
        str | None,
        typer.Option("--org", help="help.import.org", metavar="ORG", show_default=False),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", help="help.import.year", min=1949, max=2200, show_default=False),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="help.import.force")] = False,
    lang: LangOption = None,
) -> None:
    """help.import"""
    from ywplan.app import import_plan

    import_plan.run(file, output=output, org=org, year=year, force=force)


def new(
    folder: Annotated[
        str, typer.Argument(help="help.new.folder", metavar="FOLDER", show_default=False)
    ] = ".",
    org: Annotated[
        str | None, typer.Option("--org", help="help.new.org", metavar="NAME", show_default=False)
    ] = None,
    year: Annotated[
        str | None,
        typer.Option("--year", help="help.new.year", metavar="YYYY", show_default=False),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="help.new.force")] = False,
    reports_to: Annotated[
        str | None,
        typer.Option(
            "--reports-to", help="help.new.reports_to", metavar="PLAN", show_default=False
        ),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", help="help.new.unit", metavar="NAME", show_default=False),
    ] = None,
    lang: LangOption = None,
) -> None:
    """help.new"""
    from ywplan.app import new
    from ywplan.app.runtime import today

    new.run(
        folder,
        org=org,
        year=year,
        force=force,
        today=today(),
        reports_to=reports_to,
        unit=unit,
    )


def form(
    unit: UnitOption = None,
    month: Annotated[
        str | None,
        typer.Option(
            "--month",
            help="help.form.month",
            metavar="YYYY-MM",
            show_default=False,
            autocompletion=complete_month,
        ),
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="help.form.all")] = False,
    all_units: Annotated[bool, typer.Option("--all-units", help="help.form.all_units")] = False,
    format: Annotated[str | None, format_option(("xlsx", "csv"))] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="help.form.output", metavar="FILE|DIR", show_default=False
        ),
    ] = None,
    force: ForceOption = False,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.form"""
    from ywplan.app import form
    from ywplan.app.runtime import plan_path, today

    form.run(
        plan_path(plan),
        today(),
        unit=unit,
        month=month,
        every=every,
        all_units=all_units,
        fmt=format,
        output=output,
        force=force,
    )


def intake(
    files: Annotated[
        list[str], typer.Argument(help="help.intake.files", metavar="FILE...", show_default=False)
    ],
    by: ByOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="help.intake.yes")] = False,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.intake"""
    from ywplan.app import intake
    from ywplan.app.runtime import plan_path, today

    intake.run(plan_path(plan), today(), files, by=by, yes=yes)


def missing(
    month: Annotated[
        str | None,
        typer.Option(
            "--month",
            help="help.missing.month",
            metavar="YYYY-MM",
            show_default=False,
            autocompletion=complete_month,
        ),
    ] = None,
    quarter: QuarterOption = None,
    format: TablesFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.missing"""
    from ywplan.app import missing
    from ywplan.app.runtime import plan_path, today

    missing.run(
        plan_path(plan),
        today(),
        month=month,
        quarter=quarter,
        fmt=format,
        output=output,
        force=force,
    )


# name → (function, extra click context settings)
COMMANDS: dict[str, tuple[Callable[..., None], dict[str, Any]]] = {
    "check": (check, {}),
    # "ywplan log 26 -3" must reach ywplan (a clear refusal), not click's "no such option -3".
    "log": (log, {"ignore_unknown_options": True}),
    "note": (note, {}),
    "done": (done, {}),
    "undo": (undo, {}),
    "entries": (entries, {}),
    "status": (status, {}),
    "report": (report, {}),
    "units": (units, {}),
    "history": (history, {}),
    "import": (import_plan, {}),
    "new": (new, {}),
    "form": (form, {}),
    "intake": (intake, {}),
    "missing": (missing, {}),
}
