"""Options shared by several commands, defined once as ``Annotated`` aliases.

Help texts are catalog keys (``help.*``); :func:`ywplan.cli.main._translate` translates
them into the run's language. Values are plain strings, parsed by ywplan itself, so
that a mistake gets ywplan's message in the user's language and the CLI starts fast.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ywplan.cli.completion import complete_lang, complete_quarter, complete_unit
from ywplan.errors import UsageError
from ywplan.i18n import parse_lang
from ywplan.render.formats import FINDINGS, TABLES

PlanOption = Annotated[
    str | None,
    typer.Option("--plan", help="help.opt.plan", metavar="PATH", show_default=False),
]


def checked_lang(value: str | None) -> str | None:
    """Refuse a ``--lang`` that is neither zh nor en (exit 2); ``main`` has set the language."""
    if value is not None and parse_lang(value) is None:
        raise UsageError("usage.bad_lang", value=value[:20])
    return value


LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="help.opt.lang",
        metavar="zh|en",
        show_default=False,
        autocompletion=complete_lang,
        callback=checked_lang,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="help.opt.as_of", metavar="YYYY-MM-DD", show_default=False),
]
QuarterOption = Annotated[
    str | None,
    typer.Option(
        "--quarter",
        help="help.opt.quarter",
        metavar="YYYYQn",
        show_default=False,
        autocompletion=complete_quarter,
    ),
]
UnitOption = Annotated[
    str | None,
    typer.Option(
        "--unit",
        help="help.opt.unit",
        metavar="NAME",
        show_default=False,
        autocompletion=complete_unit,
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option("--output", "-o", help="help.opt.output", metavar="FILE", show_default=False),
]
# Who recorded an entry, and the day it happened: log, note, done and undo alike.
ByOption = Annotated[str | None, typer.Option("--by", help="help.log.by", metavar="NAME")]
EntryDateOption = Annotated[
    str | None, typer.Option("--date", "-d", help="help.log.date", metavar="YYYY-MM-DD")
]
# -o onto an existing file that ywplan did not write (never a plan or ledger: render.formats).
ForceOption = Annotated[bool, typer.Option("--force", help="help.opt.force")]


def format_option(choices: tuple[str, ...], help_key: str = "help.opt.format") -> Any:
    """The ``--format/-f`` option of a command, its choices shown as the metavar."""
    return typer.Option(
        "--format", "-f", help=help_key, metavar="|".join(choices), show_default=False
    )


# --format: the registry's formats that make sense for the command (see render.formats).
TablesFormatOption = Annotated[str | None, format_option(TABLES, "help.report.format")]
StatusFormatOption = Annotated[str | None, format_option(TABLES)]
FindingsFormatOption = Annotated[str | None, format_option(FINDINGS)]
