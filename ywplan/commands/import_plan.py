"""``ywplan import FILE``: draft a plan YAML from the official text of a work plan."""

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from ywplan.options import LangOption

FileArgument = Annotated[
    str, typer.Argument(help="help.import.file", metavar="FILE", show_default=False)
]
OutputOption = Annotated[
    str | None,
    typer.Option("--output", "-o", help="help.import.output", metavar="FILE", show_default=False),
]
OrgOption = Annotated[
    str | None,
    typer.Option("--org", help="help.import.org", metavar="ORG", show_default=False),
]
YearOption = Annotated[
    int | None,
    typer.Option("--year", help="help.import.year", min=1949, max=2200, show_default=False),
]
ForceOption = Annotated[bool, typer.Option("--force", help="help.import.force")]


def import_plan(
    file: FileArgument,
    output: OutputOption = None,
    org: OrgOption = None,
    year: YearOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """help.import"""
    from ywplan.errors import YwplanError
    from ywplan.i18n import t
    from ywplan.importing import draft, read_document
    from ywplan.runtime import check_lang
    from ywplan.textfile import write_atomically

    check_lang(lang)

    source = file if file == "-" else Path(file).name
    result = draft(read_document(file), org=org or None, year=year, source=source)
    if output is None or output == "-":
        typer.echo(result.yaml, nl=False)
        return
    if os.path.exists(output) and not force:
        raise YwplanError("import.exists", path=output)
    try:
        write_atomically(Path(output), result.yaml.encode("utf-8"))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise YwplanError("import.unwritable", path=output, reason=reason) from None
    done = t(
        "import.done", path=output, items=result.items, targets=result.targets, todos=result.todos
    )
    print(done, file=sys.stderr)
    print(t("import.next", path=output), file=sys.stderr)
