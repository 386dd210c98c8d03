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
    hint = problem.hint
    return f"{text}\n    {t('hint')}: {hint}" if hint else text


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
    print(f"{t('error')}: {exc.message}", file=out)
    if exc.hint:
        print(f"    {t('hint')}: {exc.hint}", file=out)
