"""Printing diagnostics: errors and problems go to stderr, in the user's language."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import IO

from ywplan.errors import Problem, YwplanError
from ywplan.i18n import t
from ywplan.safetext import shown

MAX_SHOWN = 20


def problem_text(problem: Problem) -> str:
    """``file:line:col: error: message`` and, indented below, how to fix it."""
    where = shown(problem.location)
    head = f"{where}: " if where else ""
    text = f"{head}{t(problem.severity)}: {problem.message}"
    if problem.related:
        text += f"\n    {t('related')}: {shown(problem.related)}"
    return text + hint_text(problem.hint)


def hint_text(hint: str) -> str:
    """``\n    hint: …``, with the lines of a multi-line hint indented under it ('' for none)."""
    if not hint:
        return ""
    return f"\n    {t('hint')}: " + hint.replace("\n", "\n      ")


def print_problems(
    problems: Iterable[Problem], file: IO[str] | None = None, limit: int | None = None
) -> None:
    """Print problems one after another, at most *limit* of them, then how many were left out."""
    out = file or sys.stderr
    problems = list(problems)
    shown = problems if limit is None else problems[:limit]
    for problem in shown:
        print(problem_text(problem), file=out)
    if len(problems) > len(shown):
        print(t("output.more", count=len(problems) - len(shown)), file=out)


def report_error(exc: YwplanError, file: IO[str] | None = None) -> None:
    """Print an expected failure: its problems (if any), the message and the hint."""
    out = file or sys.stderr
    print_problems(exc.problems, out, MAX_SHOWN)
    print(f"{t('error')}: {exc.message}{hint_text(exc.hint)}", file=out)


def report_bug(exc: BaseException, file: IO[str] | None = None) -> None:
    """A failure of ywplan itself: one line saying so, and how to get the details."""
    out = file or sys.stderr
    print(t("bug", kind=type(exc).__name__, detail=str(exc)[:200]), file=out)
    print(f"    {t('hint')}: {t('bug.hint')}", file=out)
