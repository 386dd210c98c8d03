"""``ywplan report``: the printable quarterly (季报) or monthly (月报) report."""

from typing import Annotated

import typer

from ywplan.completion import complete_month, complete_quarter
from ywplan.options import LangOption, OutputOption, PlanOption, format_option

FORMATS = ("txt", "markdown", "csv", "html", "xlsx", "json", "table")


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
    format: Annotated[str | None, format_option(FORMATS, "help.report.format")] = None,
    output: OutputOption = None,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.report"""
    from ywplan.report_command import run_report
    from ywplan.runtime import check_lang, plan_path, today

    check_lang(lang)
    run_report(plan_path(plan), today(), quarter=quarter, month=month, fmt=format, output=output)
