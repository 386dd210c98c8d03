"""``ywplan log TARGET AMOUNT``: append one entry to the ledger and show the target's line."""

from __future__ import annotations

from typing import Annotated

import typer

from ywplan.options import LangOption, PlanOption, UnitOption


def log(
    target: Annotated[
        str, typer.Argument(help="help.log.target", metavar="TARGET", show_default=False)
    ],
    amount: Annotated[
        str, typer.Argument(help="help.log.amount", metavar="AMOUNT", show_default=False)
    ],
    date: Annotated[
        str | None, typer.Option("--date", "-d", help="help.log.date", metavar="YYYY-MM-DD")
    ] = None,
    unit: UnitOption = None,
    note: Annotated[str, typer.Option("--note", "-n", help="help.log.note", metavar="TEXT")] = "",
    by: Annotated[str | None, typer.Option("--by", help="help.log.by", metavar="NAME")] = None,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.log"""
    from ywplan.ledger import append_entries, new_id
    from ywplan.model import Entry
    from ywplan.recording import (
        clean_note,
        parse_amount,
        parse_entry_date,
        parse_target_ref,
        validated,
    )
    from ywplan.runtime import check_lang, clerk, now_stamp, plan_path, today
    from ywplan.show import confirm_recorded, show_target
    from ywplan.workspace import open_workspace

    check_lang(lang)
    day = today()
    workspace = open_workspace(plan_path(plan), day, strict=False)
    item, chosen = parse_target_ref(workspace.plan, target)
    entry = Entry(
        new_id(),
        parse_entry_date(date, day),
        item.number,
        chosen.id,
        parse_amount(amount),
        (unit or "").strip(),
        clean_note(note),
        by if by is not None else clerk(),
        now_stamp(),
        "",
    )
    validated(workspace.plan, entry, day)
    append_entries(workspace.ledger.path, [entry])
    confirm_recorded(workspace, entry)
    show_target(workspace, entry)
