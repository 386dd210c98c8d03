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
    from ywplan.ledger_view import open_view
    from ywplan.recording import resolve_id, reversal_for
    from ywplan.runtime import check_lang, clerk, now_stamp, plan_path, today

    check_lang(lang)
    view = open_view(plan_path(plan), today())
    original = resolve_id(view.matching(entry_id), entry_id)
    reversal = reversal_for(
        view.reversed_ids(), original, reason, by if by is not None else clerk(), now_stamp()
    )

    def not_reversed_meanwhile(data: bytes) -> None:
        if reverses(data, original.id):
            raise YwplanError("ledger.corrects_twice", id=original.id)

    append_entries(view.path, [reversal], recheck=not_reversed_meanwhile)
    view.show(reversal)
