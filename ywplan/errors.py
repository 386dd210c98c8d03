"""Expected failures and the problems a check reports.

Every failure a user can cause is a :class:`YwplanError` carrying a catalog key and
its arguments; the CLI turns it into a message in the user's language and an exit
code in one place (``ywplan.cli.main``). Checks collect :class:`Problem` records instead of
raising, so that one run reports every problem with its file, line and column.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ywplan.i18n import t

Severity = Literal["error", "warning"]

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_BUG = 70  # EX_SOFTWARE: ywplan itself failed; the user did nothing wrong
EXIT_INTERRUPTED = 130  # 128 + SIGINT: the clerk pressed Ctrl-C, as shells report it


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding of a check: what is wrong (a catalog key), where, and how bad."""

    key: str
    args: Mapping[str, Any] = field(default_factory=dict)
    path: str = ""
    line: int = 0
    col: int = 0
    severity: Severity = "error"
    # A second place the finding involves, as ``file:line:col`` (a roll-up rule names the
    # child's file and the parent's, SPEC §8); '' for none.
    related: str = ""

    @property
    def message(self) -> str:
        """The finding in the current language."""
        return t(self.key, **self.args)

    @property
    def hint(self) -> str:
        """How to put it right, in the current language ('' when the catalog has none)."""
        return t(self.key + ".hint", _default="", **self.args)

    @property
    def location(self) -> str:
        """``file:line:col`` as editors and compilers print it."""
        if not self.path:
            return ""
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.col or 1}"

    def at(self, path: str, line: int, col: int = 0) -> Problem:
        """The same finding placed at ``path:line:col``."""
        return Problem(self.key, self.args, path, line, col, self.severity, self.related)


class YwplanError(Exception):
    """An expected failure: a catalog key, its arguments and the exit code it maps to."""

    def __init__(
        self,
        key: str,
        /,
        *,
        exit_code: int = EXIT_DATA,
        problems: tuple[Problem, ...] = (),
        **args: Any,
    ) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args
        self.exit_code = exit_code
        self.problems = problems

    @property
    def message(self) -> str:
        """The failure in the current language."""
        return t(self.key, **self.args_)

    @property
    def hint(self) -> str:
        """How to put it right ('' when the catalog has no hint)."""
        return t(self.key + ".hint", _default="", **self.args_)


class UsageError(YwplanError):
    """Wrong usage of a command (exit 2): an unknown format, conflicting options."""

    def __init__(self, key: str, /, **args: Any) -> None:
        super().__init__(key, exit_code=EXIT_USAGE, **args)
