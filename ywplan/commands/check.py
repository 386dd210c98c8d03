"""``ywplan check [PATH…]``: validate plans and their ledgers, for people and for CI."""

from typing import Annotated

import typer

from ywplan.options import LangOption, format_option

FORMATS = ("text", "json", "github")


def check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="help.check.paths", show_default=False)
    ] = None,
    format: Annotated[str, format_option(FORMATS)] = "text",
    lang: LangOption = None,
) -> None:
    """help.check"""
    from ywplan.checking import run_check
    from ywplan.runtime import check_format, check_lang, today

    check_lang(lang)
    fmt = check_format(format, FORMATS)
    ok = run_check(paths or ["plans"], fmt, today())
    if not ok:
        raise typer.Exit(1)
