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
    from ywplan.ledger import append_entries, reverses
    from ywplan.recording import resolve_id, reversal_for
    from ywplan.runtime import check_lang, clerk, now_stamp, plan_path, today
    from ywplan.show import confirm_recorded, show_target
    from ywplan.workspace import open_workspace

    check_lang(lang)
    workspace = open_workspace(plan_path(plan), today(), strict=False)
    entries = workspace.ledger.entries
    original = resolve_id(entries, entry_id)
    reversal = reversal_for(
        entries, original, reason, by if by is not None else clerk(), now_stamp()
    )

    def not_reversed_meanwhile(data: bytes) -> None:
        if reverses(data, original.id):
            raise YwplanError("ledger.corrects_twice", id=original.id)

    append_entries(workspace.ledger.path, [reversal], recheck=not_reversed_meanwhile)
    confirm_recorded(workspace, reversal)
    show_target(workspace, reversal)
