"""The ``ywplan`` command line: a thin typer app over the engines in :mod:`ywplan.app`.

Run by :func:`ywplan.cli.main.main` for everything that needs typer (all but
``--version`` and the commonest TAB completion, answered before typer is imported).

Each command's signature is in :mod:`ywplan.cli.commands`; its work is in
``ywplan/app/<command>.py``. Failures a user can cause arrive here as
:class:`~ywplan.errors.YwplanError` and are printed in the user's language, with the
exit code mapped in one place (:class:`YwplanGroup`). Only typer and ywplan's light
modules are imported at start-up, so ``--version`` and TAB completion stay fast.
"""

import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from ywplan import __version__
from ywplan.cli.commands import COMMANDS
from ywplan.cli.options import LangOption
from ywplan.cli.typer_compat import (
    ClickException,
    ClickUsageError,
    NoArgsIsHelpError,
    build_command,
    use_plain_params,
)
from ywplan.cli.usage import localize_command, refuse_unknown_option, show_usage_error
from ywplan.diagnostics import report_bug, report_error
from ywplan.errors import (
    EXIT_BUG,
    EXIT_DATA,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    YwplanError,
)
from ywplan.i18n import detect_lang, set_lang, t

HELP_OPTIONS = ["-h", "--help"]
# What prints or installs a completion script (ywplan's, see ``cli.completion``).
COMPLETION_OPTIONS = ("--show-completion", "--install-completion")


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


def _prepare(command: Any) -> None:
    """Ready a freshly built command for this run: its language and its plain parameters."""
    _translate(command)
    localize_command(command)
    use_plain_params(command, HELP_OPTIONS)


class YwplanGroup(TyperGroup):
    """The root command: picks the language, translates help, maps failures to exit codes."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Set the run's language from ``--lang``/``$YWPLAN_LANG``/the locale, then run.

        click's own usage errors are shown here, in the run's language and in the shape
        of ywplan's errors (exit 2); ``Exit`` codes pass through unchanged.
        """
        argv = list(sys.argv[1:] if args is None else args)
        set_lang(detect_lang(argv, os.environ))
        _prepare(self)
        completing = os.environ.get(
            f"_{(prog_name or 'ywplan').replace('-', '_').upper()}_COMPLETE"
        )
        if completing or any(a.startswith(COMPLETION_OPTIONS) for a in argv):
            from ywplan.cli.completion import register_shells

            register_shells()
        if not standalone_mode:
            return super().main(argv, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            code = super().main(argv, prog_name, complete_var, False, windows_expand_args, **extra)
        except NoArgsIsHelpError:
            sys.exit(EXIT_USAGE)  # the help has been printed
        except YwplanError as exc:  # from parsing an option (--lang xx before the command)
            report_error(exc)
            sys.exit(exc.exit_code)
        except ClickException as exc:
            show_usage_error(exc)
            sys.exit(getattr(exc, "exit_code", EXIT_USAGE))
        except typer.Abort:
            print(t("click.aborted"), file=sys.stderr)
            sys.exit(EXIT_DATA)
        sys.exit(code if isinstance(code, int) else 0)

    def list_commands(self, ctx: Any) -> list[str]:
        """Every command, in the order they were registered."""
        return list(_LAZY)

    def get_command(self, ctx: Any, name: str) -> Any:
        """The click command *name*, built from its function the first time it is asked for.

        typer inspects a function's signature to build its command (a few milliseconds
        each); building only the command a run uses keeps ``--version`` and TAB fast.
        """
        command = self.commands.get(name)
        if command is None and name in _LAZY:
            command = build_command(_LAZY[name], self.rich_markup_mode)
            _prepare(command)
            self.commands[name] = command
        return command

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """As typer resolves it, suggesting among all commands, built or not (``statsu``)."""
        try:
            return super().resolve_command(ctx, args)
        except ClickUsageError as exc:
            import difflib  # only for a mistyped command: start-up stays light

            matches = difflib.get_close_matches(args[0], list(_LAZY)) if args else []
            message = str(getattr(exc, "message", ""))
            if matches and "Did you mean" not in message:
                suggestions = ", ".join(repr(m) for m in matches)
                exc.message = f"{message.rstrip('.')}. Did you mean {suggestions}?"  # type: ignore[attr-defined]
            raise

    def invoke(self, ctx: Any) -> Any:
        """Run the subcommand; print expected failures without a traceback."""
        try:
            return super().invoke(ctx)
        except YwplanError as exc:
            report_error(exc)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort):
            raise
        except BrokenPipeError:  # the reader took what it wanted (`ywplan entries | head`)
            _stdout_to_nothing()
            raise typer.Exit(EXIT_OK) from None
        except KeyboardInterrupt:  # Ctrl-C outside a prompt: said on a line of its own
            print(file=sys.stderr)
            print(t("click.aborted"), file=sys.stderr)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as exc:
            if os.environ.get("YWPLAN_DEBUG") or type(exc).__module__.startswith("typer"):
                raise
            report_bug(exc)
            raise typer.Exit(EXIT_BUG) from None


def _stdout_to_nothing() -> None:
    """Point standard output at the null device, so that the flush at exit does not
    fail again on the pipe its reader closed (as the Python docs advise for SIGPIPE)."""
    try:
        nothing = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nothing, sys.stdout.fileno())
    except (OSError, ValueError):  # no real descriptor (a test's captured output)
        pass


class YwplanCommand(TyperCommand):
    """A command that calls an unknown ``--option`` one, wherever it stands on the line."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Refuse an unknown ``--name`` first, then parse as click does."""
        if not ctx.resilient_parsing:
            refuse_unknown_option(ctx, self.get_params(ctx), args)
        return list(super().parse_args(ctx, args))


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


for name, (function, settings) in COMMANDS.items():
    app.command(name, cls=YwplanCommand, help=f"help.{name}", context_settings=settings or None)(
        function
    )

# The commands are built on demand by YwplanGroup.get_command, not all at start-up.
_LAZY = {info.name: info for info in app.registered_commands if info.name}
app.registered_commands.clear()


def main() -> None:
    """Run the typer app (see :func:`ywplan.cli.main.main`)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() not in (
            "utf-8",
            "utf8",
        ):
            stream.reconfigure(errors="replace")  # a GBK console shows "?" rather than crash
    app(prog_name="ywplan")
