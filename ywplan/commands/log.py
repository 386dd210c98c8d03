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
    from ywplan.ledger import append_entries, ledger_path, new_id
    from ywplan.ledger_cache import open_index
    from ywplan.model import Entry
    from ywplan.recording import (
        clean_note,
        parse_amount,
        parse_entry_date,
        parse_target_ref,
        validated,
    )
    from ywplan.runtime import check_lang, clerk, now_stamp, plan_path, today
    from ywplan.show import confirm, confirm_recorded, show_line, show_target
    from ywplan.workspace import open_plan, open_workspace

    check_lang(lang)
    day = today()
    path = plan_path(plan)
    plan_file = open_plan(path)
    chosen_plan = plan_file.plan
    assert chosen_plan is not None
    ledger_file = ledger_path(path)
    # The ledger's index (see ywplan.ledger_cache) spares re-reading 150,000 rows; without
    # one, read and check the whole ledger as always.
    index = open_index(ledger_file)
    if index is None:
        workspace = open_workspace(path, day, strict=False, plan_file=plan_file)
    item, chosen = parse_target_ref(chosen_plan, target)
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
    validated(chosen_plan, entry, day)
    append_entries(ledger_file, [entry])
    if index is None:
        confirm_recorded(workspace, entry)
        show_target(workspace, entry)
    else:
        confirm(chosen_plan, entry, index.error_count(chosen_plan, day))
        show_line(chosen_plan, day, index.entries_of(entry.item, entry.target), entry)
