"""The ``ywplan`` command line: a thin typer app over the library.

Each command lives in ``ywplan/commands/<name>.py``, parses its arguments and calls
the library. Failures a user can cause arrive here as :class:`~ywplan.errors.YwplanError`
and are printed in the user's language, with the exit code mapped in one place
(:class:`YwplanGroup`). Only typer and ywplan's light modules are imported at start-up,
so ``--version`` and TAB completion stay fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from contextlib import suppress
from types import SimpleNamespace
from typing import Annotated, Any

import typer
from typer._coercion import RuntimeParam, build_runtime_param
from typer.core import TyperGroup

from ywplan import __version__
from ywplan.commands.check import check
from ywplan.commands.entries import entries
from ywplan.commands.log import log
from ywplan.commands.status import status
from ywplan.commands.undo import undo
from ywplan.errors import YwplanError
from ywplan.i18n import detect_lang, set_lang, t
from ywplan.options import LangOption
from ywplan.output import report_error

HELP_OPTIONS = ["-h", "--help"]


def _translate(command: Any) -> None:
    """Replace catalog keys in help texts with the current language's text."""
    for attr in ("help", "short_help"):
        value = getattr(command, attr, None)
        if isinstance(value, str) and value.startswith("help."):
            setattr(command, attr, t(value))
    for param in getattr(command, "params", ()):
        if isinstance(getattr(param, "help", None), str) and param.help.startswith("help."):
            param.help = t(param.help)
    for sub in getattr(command, "commands", {}).values():
        _translate(sub)


class _PlainRuntimeParam(RuntimeParam):
    """A ``str``, ``bool`` or ``list[str]`` value as typed; anything else as typer coerces it."""

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        if self.annotation == list[str]:
            if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
                return list(value)
        elif isinstance(value, self.annotation):
            return value
        return build_runtime_param(param.type_descriptor)._coerce_value(value, param, ctx)


def _plain_values(command: Any) -> None:
    """Let ``str``, ``bool`` and ``list[str]`` values pass through as typed, without pydantic.

    typer 0.29 coerces every parameter with a pydantic ``TypeAdapter``, built on first
    use; that import and schema build cost more than the rest of a TAB completion.
    ywplan's parameters are plain strings (parsed by ywplan itself) and flags, for
    which the adapter returns a ``str`` or ``bool`` unchanged; any other value still
    goes through typer's own coercion.
    """
    params = list(getattr(command, "params", ()))
    with suppress(Exception):  # the help option is made on first use: make it now
        params.append(command.get_help_option(SimpleNamespace(help_option_names=HELP_OPTIONS)))
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if (
            descriptor is not None
            and descriptor.annotation in (str, bool, list[str])
            and descriptor.file_annotation is None
            and getattr(descriptor.parameter_info, "parser", None) is None
            and getattr(param, "_runtime_param", 0) is None
        ):
            param._runtime_param = _PlainRuntimeParam(
                annotation=descriptor.annotation, parameter_info=descriptor.parameter_info
            )
    for sub in getattr(command, "commands", {}).values():
        _plain_values(sub)


class YwplanGroup(TyperGroup):
    """The root command: picks the language, translates help, maps failures to exit codes."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        """Set the run's language from ``--lang``/``$YWPLAN_LANG``/the locale, then run."""
        argv = list(sys.argv[1:] if args is None else args)
        set_lang(detect_lang(argv, os.environ))
        _translate(self)
        _plain_values(self)
        return super().main(argv, *rest, **extra)

    def invoke(self, ctx: Any) -> Any:
        """Run the subcommand; print expected failures without a traceback."""
        try:
            return super().invoke(ctx)
        except YwplanError as exc:
            report_error(exc)
            raise typer.Exit(exc.exit_code) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ywplan {__version__}")
        raise typer.Exit()


app = typer.Typer(
    name="ywplan",
    cls=YwplanGroup,
    help="help.app",
    no_args_is_help=True,
    context_settings={"help_option_names": HELP_OPTIONS},
)


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", help="help.opt.version", callback=_version, is_eager=True),
    ] = False,
    lang: LangOption = None,
) -> None:
    """help.app"""


app.command("check", help="help.check")(check)
app.command("log", help="help.log")(log)
app.command("undo", help="help.undo")(undo)
app.command("entries", help="help.entries")(entries)
app.command("status", help="help.status")(status)


def main() -> None:
    """Entry point of the ``ywplan`` console script."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() not in (
            "utf-8",
            "utf8",
        ):
            stream.reconfigure(errors="replace")  # a GBK console shows "?" rather than crash
    app(prog_name="ywplan")
