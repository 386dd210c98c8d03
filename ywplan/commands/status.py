"""``ywplan status``: one row per target, with 序时进度 and the state."""

from typing import Annotated

import typer

from ywplan.options import (
    AsOfOption,
    LangOption,
    PlanOption,
    QuarterOption,
    UnitOption,
    format_option,
)

FORMATS = ("table", "json", "markdown", "csv")


def status(
    as_of: AsOfOption = None,
    quarter: QuarterOption = None,
    unit: UnitOption = None,
    behind: Annotated[bool, typer.Option("--behind", help="help.status.behind")] = False,
    format: Annotated[str, format_option(FORMATS)] = "table",
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.status"""
    from ywplan.runtime import check_format, check_lang, plan_path, today
    from ywplan.status_command import run_status

    check_lang(lang)
    fmt = check_format(format, FORMATS)
    run_status(
        plan_path(plan), today(), as_of=as_of, quarter=quarter, unit=unit, behind=behind, fmt=fmt
    )
