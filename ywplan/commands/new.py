"""``ywplan new [FOLDER]``: scaffold a plans repository that ``ywplan check`` accepts."""

from typing import Annotated

import typer

from ywplan.options import LangOption


def new(
    folder: Annotated[
        str, typer.Argument(help="help.new.folder", metavar="FOLDER", show_default=False)
    ] = ".",
    org: Annotated[
        str | None, typer.Option("--org", help="help.new.org", metavar="NAME", show_default=False)
    ] = None,
    year: Annotated[
        str | None,
        typer.Option("--year", help="help.new.year", metavar="YYYY", show_default=False),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="help.new.force")] = False,
    lang: LangOption = None,
) -> None:
    """help.new"""
    from ywplan.runtime import check_lang, today
    from ywplan.scaffold import scaffold

    check_lang(lang)
    scaffold(folder, org=org, year=year, force=force, today=today())
