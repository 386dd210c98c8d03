"""``ywplan undo ID --reason TEXT``: append the line that reverses an entry."""

from typing import Annotated

import typer

from ywplan.completion import complete_entry_id
from ywplan.options import LangOption, PlanOption


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
    by: Annotated[str | None, typer.Option("--by", help="help.log.by", metavar="NAME")] = None,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.undo"""
    from ywplan.errors import YwplanError
    from ywplan.ledger import append_entries, ledger_path, reverses
    from ywplan.ledger_cache import open_index
    from ywplan.recording import resolve_id, reversal_for
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
    # As in log: the ledger's index answers without re-reading 150,000 rows.
    index = open_index(ledger_file)
    if index is None:
        workspace = open_workspace(path, day, strict=False, plan_file=plan_file)
        entries = workspace.ledger.entries
        original = resolve_id(entries, entry_id)
        already = {e.corrects for e in entries if e.corrects}
    else:
        original = resolve_id(index.matching(entry_id.strip().lower()), entry_id)
        already = index.gone()
    reversal = reversal_for(
        already, original, reason, by if by is not None else clerk(), now_stamp()
    )

    def not_reversed_meanwhile(data: bytes) -> None:
        if reverses(data, original.id):
            raise YwplanError("ledger.corrects_twice", id=original.id)

    append_entries(ledger_file, [reversal], recheck=not_reversed_meanwhile)
    if index is None:
        confirm_recorded(workspace, reversal)
        show_target(workspace, reversal)
    else:
        confirm(chosen_plan, reversal, index.error_count(chosen_plan, day))
        show_line(chosen_plan, day, index.entries_of(reversal.item, reversal.target), reversal)
