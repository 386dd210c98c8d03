"""``ywplan units``: the sub-units ranked by completion of their ``by_unit`` quotas."""

from typing import Annotated

from ywplan.options import (
    AsOfOption,
    LangOption,
    OutputOption,
    PlanOption,
    QuarterOption,
    format_option,
)

FORMATS = ("table", "txt", "markdown", "csv", "html", "xlsx", "json")


def units(
    as_of: AsOfOption = None,
    quarter: QuarterOption = None,
    format: Annotated[str | None, format_option(FORMATS, "help.report.format")] = None,
    output: OutputOption = None,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """help.units"""
    from ywplan.report_command import run_units
    from ywplan.runtime import check_lang, plan_path, today

    check_lang(lang)
    run_units(plan_path(plan), today(), as_of=as_of, quarter=quarter, fmt=format, output=output)
