"""``ywplan units``: the sub-units ranked by completion of their ``by_unit`` quotas."""

from __future__ import annotations

from typing import Annotated

import typer

from ywplan.options import AsOfOption, LangOption, OutputOption, PlanOption, QuarterOption

FORMATS = "table|txt|markdown|csv|html|xlsx|json"


def units(
    as_of: AsOfOption = None,
    quarter: QuarterOption = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="help.report.format", metavar=FORMATS, show_default=False
        ),
    ] = None,
    output: OutputOption = None,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.units"""
    from ywplan.report_command import run_units
    from ywplan.runtime import check_lang, plan_path, today

    check_lang(lang)
    run_units(plan_path(plan), today(), as_of=as_of, quarter=quarter, fmt=format, output=output)
