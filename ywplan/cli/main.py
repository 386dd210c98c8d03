"""The ``ywplan`` entry point: what needs no typer is answered at once, the rest by the
typer app (:mod:`ywplan.cli.typer_app`).

``--version`` and TAB completion of ``ywplan log <TAB>`` (the plan's targets, from the
list cached when typer last completed them) run on every keystroke a clerk makes; they
print exactly what the typer app prints, in less time than importing typer takes.
``--help`` prints what typer printed last time in the same context
(:mod:`ywplan.cli.help_cache`). Everything else, and these whenever the quick answer is
not sure, goes to the app.
"""

import os
import sys
from typing import Any


def main() -> None:
    """Entry point of the ``ywplan`` console script."""
    quick = _quick(sys.argv[1:])
    if quick is not None:
        sys.stdout.write(quick)
        sys.stdout.flush()
        raise SystemExit(0)
    from ywplan.cli.help_cache import run_keeping_help
    from ywplan.cli.typer_app import main as run

    run_keeping_help(sys.argv[1:], run)


def _quick(argv: list[str]) -> str | None:
    """What this run prints when it needs no typer, or None."""
    if argv == ["--version"]:
        from ywplan import __version__

        return f"ywplan {__version__}\n"
    if os.environ.get("_YWPLAN_COMPLETE"):
        from ywplan.cli.completion import quick_answer

        return quick_answer(os.environ)
    if argv in (["--help"], ["-h"]):
        from ywplan.cli.help_cache import cached_help

        return cached_help(argv)
    return None


def __getattr__(name: str) -> Any:
    """``app`` and the rest of :mod:`ywplan.cli.typer_app`, imported when first asked for.

    Not the import system's questions (``__path__``: is this a package?): those are no.
    """
    if name.startswith("__"):
        raise AttributeError(name)
    from ywplan.cli import typer_app

    return getattr(typer_app, name)
