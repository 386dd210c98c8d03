"""``ywplan entries``: list the ledger's entries, filtered."""

from typing import Annotated

import typer

from ywplan.completion import complete_target
from ywplan.options import LangOption, PlanOption, UnitOption, format_option

FORMATS = ("table", "csv", "json")


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
    format: Annotated[str, format_option(FORMATS)] = "table",
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.entries"""
    from ywplan.entries_command import run_entries
    from ywplan.runtime import check_format, check_lang, plan_path, today

    check_lang(lang)
    fmt = check_format(format, FORMATS)
    run_entries(plan_path(plan), today(), item=item, unit=unit, since=since, until=until, fmt=fmt)
