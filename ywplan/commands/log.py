"""``ywplan log TARGET AMOUNT``: append one entry to the ledger and show the target's line.

With TARGET or AMOUNT left out on a terminal (or with ``YWPLAN_INTERACTIVE=1``), ``log``
asks for them: the item, target and unit are picked from numbered lists. Without a
terminal, a missing argument is a usage error (exit 2), never a prompt that hangs.
"""

import os
import sys
from typing import Annotated, NoReturn

import typer

from ywplan.completion import complete_target
from ywplan.options import LangOption, PlanOption, UnitOption


def interactive_allowed() -> bool:
    """Prompt for what is missing? ``$YWPLAN_INTERACTIVE`` (1/0) decides, else a terminal."""
    forced = os.environ.get("YWPLAN_INTERACTIVE", "").strip()
    if forced:
        return forced not in ("0", "no", "false")
    return sys.stdin is not None and sys.stdin.isatty()


def _missing(name: str) -> NoReturn:
    """The usage error click gives for a missing argument (translated by the CLI)."""
    from typer._click.exceptions import MissingParameter
    from typer._click.globals import get_current_context

    ctx = get_current_context()
    param = next(p for p in ctx.command.params if p.name == name)
    raise MissingParameter(ctx=ctx, param=param)  # type: ignore[arg-type]


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
    date: Annotated[
        str | None, typer.Option("--date", "-d", help="help.log.date", metavar="YYYY-MM-DD")
    ] = None,
    unit: UnitOption = None,
    note: Annotated[
        str | None, typer.Option("--note", "-n", help="help.log.note", metavar="TEXT")
    ] = None,
    by: Annotated[str | None, typer.Option("--by", help="help.log.by", metavar="NAME")] = None,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.log"""
    from ywplan.i18n import t
    from ywplan.ledger import append_entries, new_id
    from ywplan.ledger_view import open_view
    from ywplan.model import Entry
    from ywplan.recording import (
        clean_note,
        parse_amount,
        parse_entry_date,
        parse_target_ref,
        validated,
    )
    from ywplan.runtime import check_lang, clerk, now_stamp, plan_path, today

    check_lang(lang)
    interactive = target is None or amount is None
    if interactive and not interactive_allowed():
        raise _missing("target" if target is None else "amount")
    day = today()
    view = open_view(plan_path(plan), day)
    chosen_plan = view.plan
    recorder = by if by is not None else clerk()
    if interactive:
        from ywplan.interactive import interactive_entry

        entry = interactive_entry(
            chosen_plan,
            day,
            recorder,
            now_stamp(),
            target,
            amount,
            unit_text=unit,
            date_text=date,
            note_text=note,
        )
        if not typer.confirm(t("interactive.confirm"), default=True):
            typer.echo(t("interactive.cancelled"))
            return
    else:
        assert target is not None and amount is not None
        item, chosen = parse_target_ref(chosen_plan, target)
        entry = Entry(
            new_id(),
            parse_entry_date(date, day),
            item.number,
            chosen.id,
            parse_amount(amount),
            (unit or "").strip(),
            clean_note(note or ""),
            recorder,
            now_stamp(),
            "",
        )
    validated(chosen_plan, entry, day)
    append_entries(view.path, [entry])
    view.show(entry)
