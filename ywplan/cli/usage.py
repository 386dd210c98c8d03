"""click's own messages (usage errors, help chrome) in the user's language.

click's messages are plain English strings, not gettext calls. ywplan therefore shows
click's usage errors itself, in the same shape as its own errors (usage line,
``error: …``, ``hint: …``), reading each message back from its English form, and
localises the few words of the help screen: the "Usage:" prefix, the panel titles and
the help texts of ``--help`` and ``--install-completion``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any

from ywplan.cli.typer_compat import NoSuchOption, context_class, install_completion
from ywplan.i18n import t

_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(r"Missing argument (.+)\.", re.S),
        lambda m: t("click.missing_argument", name=m[1]),
    ),
    (re.compile(r"Missing option (.+)\.", re.S), lambda m: t("click.missing_option", name=m[1])),
    (
        re.compile(r"Missing parameter:? (.+?)\.?", re.S),
        lambda m: t("click.missing_parameter", name=m[1]),
    ),
    (
        re.compile(r"No such option: (\S+)(?: \(Possible options: (.+)\))?", re.S),
        lambda m: (
            t("click.no_such_option", name=m[1])
            + (t("click.did_you_mean_option", names=m[2]) if m[2] else "")
        ),
    ),
    (
        re.compile(r"Got unexpected extra arguments? ?(?:\(s\))? \((.*)\)", re.S),
        lambda m: t("click.extra_arguments", args=m[1]),
    ),
    (
        re.compile(r"No such command (.+?)\.(?: Did you mean (.+)\?)?", re.S),
        lambda m: (
            t("click.no_such_command", name=m[1])
            + (" " + t("click.did_you_mean", names=m[2]) if m[2] else "")
        ),
    ),
    (re.compile(r"Missing command\.", re.S), lambda m: t("click.missing_command")),
    (
        re.compile(r"Option (.+) requires (?:an argument|\d+ arguments)\.", re.S),
        lambda m: t("click.option_requires_argument", name=m[1]),
    ),
    (
        re.compile(r"Option (.+) does not take a value\.", re.S),
        lambda m: t("click.option_no_value", name=m[1]),
    ),
    (
        re.compile(r"Invalid value for (.+?): (.+)", re.S),
        lambda m: t("click.invalid_value", name=m[1], detail=m[2]),
    ),
)


def unknown_long_option(params: Iterable[Any], args: Sequence[str]) -> str | None:
    """The first ``--name`` of *args* that is none of *params*' options (None: all are).

    *args* are read as click's parser reads them: an option's value is skipped (in
    ``--note --x`` the note is "--x"), and ``--`` ends the options.
    """
    takes_value = {
        name: not (param.is_flag or param.count)
        for param in params
        if getattr(param, "param_type_name", "") == "option"
        for name in (*param.opts, *param.secondary_opts)
    }
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--":
            return None
        elif arg.startswith("--"):
            name, equals, _ = arg.partition("=")
            if name not in takes_value:
                return name
            skip = takes_value[name] and not equals
        elif len(arg) == 2 and arg.startswith("-"):
            skip = takes_value.get(arg, False)
    return None


def refuse_unknown_option(ctx: Any, params: Sequence[Any], args: Sequence[str]) -> None:
    """click's "no such option" for an unknown ``--name`` wherever it stands.

    A command that lets unknown options through as arguments (``log``: ``-3`` is an
    amount) would otherwise take ``--dat`` for a target or an extra argument.
    """
    name = unknown_long_option(params, args)
    if name is None or NoSuchOption is None:
        return
    longs = [n for p in params for n in (*p.opts, *p.secondary_opts) if n.startswith("--")]
    import difflib  # only for a mistyped option: start-up stays light

    raise NoSuchOption(name, possibilities=difflib.get_close_matches(name, longs, n=1), ctx=ctx)


def usage_message(exc: Any) -> str:
    """A click usage error's message in the current language."""
    if NoSuchOption is not None and isinstance(exc, NoSuchOption):
        names = ", ".join(exc.possibilities or ())
        suggest = t("click.did_you_mean_option", names=names) if names else ""
        return t("click.no_such_option", name=exc.option_name) + suggest
    return translate_message(exc.format_message())


def translate_message(message: str) -> str:
    """click's English message in the current language (unchanged when not recognised)."""
    for pattern, render in _PATTERNS:
        match = pattern.fullmatch(message.strip())
        if match:
            return render(match)
    return message


def usage_line(ctx: Any) -> str:
    """``Usage: ywplan log [OPTIONS] [TARGET] [AMOUNT]`` with the prefix translated."""
    pieces = ctx.command.collect_usage_pieces(ctx)
    return f"{t('click.usage')} {ctx.command_path} {' '.join(pieces)}".rstrip()


def show_usage_error(exc: Any, file: IO[str] | None = None) -> None:
    """Print a click usage error as ywplan prints its own errors."""
    out = file or sys.stderr
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        print(usage_line(ctx), file=out)
    print(f"{t('error')}: {usage_message(exc)}", file=out)
    if ctx is not None and ctx.command.get_help_option(ctx) is not None:
        hint = t("click.try_help", command=ctx.command_path, option=ctx.help_option_names[0])
        print(f"    {t('hint')}: {hint}", file=out)


def localize_command(command: Any) -> None:
    """Translate the help texts click and typer add themselves (``--help``, completion)."""
    own = {
        "install_completion": "help.opt.install_completion",
        "show_completion": "help.opt.show_completion",
    }
    for param in getattr(command, "params", ()):
        if param.name in own:
            param.help = t(own[param.name])
        if param.name == "install_completion":
            param.callback = _install_completion
    context = _context_class()
    if context is not None:
        command.context_class = context
    for sub in getattr(command, "commands", {}).values():
        localize_command(sub)


def _install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """typer's ``--install-completion``, reporting in the user's language."""
    if not value or ctx.resilient_parsing:
        return value
    shell, path = install_completion(value if isinstance(value, str) else None)
    print(t("completion.installed", shell=shell, path=path))
    print(t("completion.restart"))
    sys.exit(0)


_CONTEXT: list[type | None] = []


def _context_class() -> type | None:
    """The click Context that writes the translated "Usage:" and help option (made once)."""
    if not _CONTEXT:
        _CONTEXT.append(context_class(lambda: t("help.opt.help"), lambda: t("click.usage") + " "))
    return _CONTEXT[0]
