"""Every use of typer's and click's internals, in one place, each guarded.

typer 0.26 and later vendor click as ``typer._click``; earlier versions use the
``click`` package. ywplan needs a few things neither documents as public API; each is
looked up here once, with a comment saying why, and a missing one makes ywplan fall
back to typer's plain behaviour (English help chrome, slower start) instead of
failing. Nothing else in ywplan imports ``typer._*``, ``typer.main`` internals or
click.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from types import ModuleType, SimpleNamespace
from typing import Any


def _module(*names: str) -> ModuleType | None:
    """The first of *names* that imports (``typer._click.x`` before ``click.x``)."""
    for name in names:
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    return None


def _click(submodule: str) -> ModuleType | None:
    return _module(f"typer._click.{submodule}", f"click.{submodule}")


class _NeverRaisedError(Exception):
    """Stands in for an exception class this click does not have."""


_exceptions = _click("exceptions")
# click's exceptions, to show its usage errors in ywplan's words (public in click itself).
ClickException: type[Exception] = getattr(_exceptions, "ClickException", _NeverRaisedError)
ClickUsageError: type[Exception] = getattr(_exceptions, "UsageError", _NeverRaisedError)
MissingParameter: Any = getattr(_exceptions, "MissingParameter", None)
NoSuchOption: Any = getattr(_exceptions, "NoSuchOption", None)
# click ≥ 8.2 raises this after printing the help of a command run without arguments.
NoArgsIsHelpError: type[Exception] = getattr(_exceptions, "NoArgsIsHelpError", _NeverRaisedError)


def current_context() -> Any:
    """The click context of the command running now (to raise click's own usage errors)."""
    globals_ = _click("globals")
    return globals_.get_current_context() if globals_ is not None else None


def build_command(info: Any, rich_markup_mode: Any) -> Any:
    """The click command of one registered typer command.

    ``typer.main.get_command_from_info`` is how typer builds each subcommand; calling it
    for one command lets ywplan build only the command a run uses (start-up time).
    """
    from typer import main

    return main.get_command_from_info(
        info, pretty_exceptions_short=True, rich_markup_mode=rich_markup_mode
    )


def context_class(help_text: Callable[[], str], usage_prefix: Callable[[], str]) -> type | None:
    """A click ``Context`` whose help screen says "Usage:" and "--help" in the user's language.

    click writes these English words itself; subclassing its ``Context`` and
    ``HelpFormatter`` (public in click) is the only hook. None when they cannot be found.
    """
    core, formatting = _click("core"), _click("formatting")
    if core is None or formatting is None:
        return None

    class Formatter(formatting.HelpFormatter):  # type: ignore[name-defined, misc]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, prefix if prefix is not None else usage_prefix())

    class Context(core.Context):  # type: ignore[name-defined, misc]
        formatter_class = Formatter

        def __init__(self, command: Any, *args: Any, **kwargs: Any) -> None:
            super().__init__(command, *args, **kwargs)
            option = command.get_help_option(self)
            if option is not None:
                option.help = help_text()
                use_plain_param(option)
                hide_type_label(option)

        def get_help(self) -> str:
            localize_help_screen()
            return str(super().get_help())

    return Context


def localize_help_screen() -> None:
    """Translate the help screen's panel titles.

    typer reads them from module globals of ``typer.rich_utils``, which imports rich;
    so this runs only when a help screen is shown.
    """
    from ywplan.i18n import t

    with suppress(ImportError):
        from typer import rich_utils

        titles = {
            "OPTIONS_PANEL_TITLE": "click.options",
            "ARGUMENTS_PANEL_TITLE": "click.arguments",
            "COMMANDS_PANEL_TITLE": "click.commands",
            "REQUIRED_LONG_STRING": "click.required",
            "ABORTED_TEXT": "click.aborted",
        }
        for name, key in titles.items():
            if hasattr(rich_utils, name):
                setattr(rich_utils, name, t(key))


def install_completion(shell: str | None) -> tuple[str, Any]:
    """typer's ``--install-completion`` work (``typer._completion_shared.install``)."""
    from typer._completion_shared import install

    return install(shell=shell) if shell else install()


# The bash script typer installs, with the order of the candidates kept (``nosort``: they
# come newest first) and bash's completion type passed on, so that descriptions are
# added only to a list shown, never to a word inserted (menu-complete inserts whole items).
BASH_SCRIPT = """
%(complete_func)s() {
    local IFS=$'\\n'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \\
                   COMP_CWORD=$COMP_CWORD \\
                   COMP_TYPE=$COMP_TYPE \\
                   %(autocomplete_var)s=complete_bash $1 ) )
    return 0
}

complete -o default -o nosort -F %(complete_func)s %(prog_name)s
"""


def _fish_script(classes: Any) -> str:
    """typer's fish script with ``--keep-order``: fish shows candidates as given."""
    return str(classes.FishComplete.source_template).replace(
        "--no-files", "--no-files --keep-order"
    )


def register_shells() -> None:
    """Complete in every shell without rich, in ywplan's order, with help where it is shown.

    typer passes each help text through rich to strip markup, which costs the import of
    rich on every TAB; ywplan's help texts hold no markup, so they are printed as they
    are. Each shell keeps the order ywplan gives (undo's ids come newest first): bash
    with ``-o nosort``, zsh with ``_describe -V``, fish with ``--keep-order``. bash has
    no place for help: a list of several candidates shows each with its help.

    Uses typer's completion classes and scripts (``typer._completion_classes``,
    ``typer._completion_shared``) and click's public ``add_completion_class``; without
    them typer's own classes stay.
    """
    classes = _module("typer._completion_classes")
    shell = _click("shell_completion")
    if classes is None or shell is None:
        return
    item_type = shell.CompletionItem

    from ywplan.cli.completion import bash_answer, flat, zsh_answer

    def pairs(items: list[Any]) -> list[tuple[str, str]]:
        return [(item.value, item.help or "") for item in items]

    class Bash(classes.BashComplete):  # type: ignore[name-defined, misc]
        source_template = BASH_SCRIPT

        def complete(self) -> str:
            items = self.get_completions(*self.get_completion_args())
            return bash_answer(pairs(items), os.environ.get("COMP_TYPE"))

    class Zsh(classes.ZshComplete):  # type: ignore[name-defined, misc]
        def complete(self) -> str:
            return zsh_answer(pairs(self.get_completions(*self.get_completion_args())))

    class Fish(classes.FishComplete):  # type: ignore[name-defined, misc]
        source_template = _fish_script(classes)

        def format_completion(self, item: item_type) -> str:  # type: ignore[valid-type]
            if item.help:  # type: ignore[attr-defined]
                return f"{item.value}\t{flat(item.help)}"  # type: ignore[attr-defined]
            return f"{item.value}"  # type: ignore[attr-defined]

    class PowerShell(classes.PowerShellComplete):  # type: ignore[name-defined, misc]
        def format_completion(self, item: item_type) -> str:  # type: ignore[valid-type]
            return f"{item.value}:::{item.help or ' '}"  # type: ignore[attr-defined]

    scripts = getattr(_module("typer._completion_shared"), "_completion_scripts", None)
    shells: dict[str, Any] = {
        "bash": Bash,
        "zsh": Zsh,
        "fish": Fish,
        "powershell": PowerShell,
        "pwsh": PowerShell,
    }
    for name, cls in shells.items():
        shell.add_completion_class(cls, name)
        if isinstance(scripts, dict) and name in scripts:  # what --install-completion writes
            scripts[name] = cls.source_template


# --- plain parameters (start-up time) ------------------------------------------------------
# typer 0.29 coerces every parameter through a pydantic ``TypeAdapter``, which costs the
# import of pydantic and ~150 ms on every run, TAB completion included. ywplan's text,
# flag and list-of-text options are parsed by ywplan itself; for those the value click
# hands over is already right. typer's private ``_runtime_param`` hook (``typer._coercion``)
# lets a parameter keep it as it is; on a typer without the hook, typer's coercion stays.

PLAIN = (str, bool, list[str])
_PLAIN: list[type] = []


def _plain_class() -> type | None:
    if _PLAIN:
        return _PLAIN[0]
    coercion = _module("typer._coercion")
    runtime_param = getattr(coercion, "RuntimeParam", None)
    if runtime_param is None:
        return None

    @dataclass(frozen=True)
    class Plain(runtime_param):  # type: ignore[valid-type, misc]
        """The value as click parsed it: ``str``, ``bool``, or a list of ``str``."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.annotation == list[str]:
                return [str(v) for v in value]
            if self.annotation is bool:
                return bool(value)
            return value if isinstance(value, str) else str(value)

    _PLAIN.append(Plain)
    return Plain


def use_plain_param(param: Any) -> None:
    """Give one text or flag parameter plain coercion (other parameters are left to typer)."""
    plain = _plain_class()
    descriptor = getattr(param, "type_descriptor", None)
    if plain is None or descriptor is None or getattr(param, "_runtime_param", "") is not None:
        return
    if descriptor.annotation in PLAIN and descriptor.file_annotation is None:
        param._runtime_param = plain(
            annotation=descriptor.annotation, parameter_info=descriptor.parameter_info
        )


def hide_type_label(param: Any) -> None:
    """No ``<bool>`` beside a flag, no ``<str>`` beside an argument in typer's help.

    typer 0.29 shows a parameter's Python type where it has no metavar (a flag takes no
    value; an argument's metavar is its name); ``display_type_rich`` is its hook.
    """
    flag = getattr(param, "is_flag", False) or getattr(param, "count", False)
    if (flag or getattr(param, "param_type_name", "") == "argument") and hasattr(
        param, "display_type_rich"
    ):
        param.display_type_rich = lambda ctx: None


def use_plain_params(command: Any, help_names: list[str]) -> None:
    """Give *command*'s (and its subcommands') text and flag parameters plain coercion, and
    their help no Python type names (:func:`hide_type_label`).

    The ``--help`` flag, which click makes on first use from *help_names*, is made and
    covered too: it is parsed on every run.
    """
    stack = [command]
    while stack:
        current = stack.pop()
        for param in getattr(current, "params", ()):
            use_plain_param(param)
            hide_type_label(param)
        with suppress(Exception):
            option = current.get_help_option(SimpleNamespace(help_option_names=help_names))
            use_plain_param(option)
            hide_type_label(option)
        stack.extend(getattr(current, "commands", {}).values())
