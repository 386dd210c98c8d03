"""Finding the plan a command works on and opening it with its ledger.

Plan selection: ``--plan PATH``, else ``$YWPLAN_PLAN``, else the only plan in ``./plans``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ywplan.checks import check_ledger, check_plan, plans_in
from ywplan.errors import Problem, YwplanError
from ywplan.ledger import LedgerFile, ledger_path, read_ledger
from ywplan.model import Plan
from ywplan.plan_file import PlanFile, load_plan


def find_plan(option: str | None, environ: Mapping[str, str], cwd: Path) -> Path:
    """The plan file to use, or a :class:`YwplanError` that lists the choices."""
    given = option or environ.get("YWPLAN_PLAN")
    if given:
        path = Path(given)
        if path.is_dir():
            return _only_plan(path)
        if not path.exists():
            raise YwplanError("plan.not_found", path=given)
        return path
    folder = cwd / "plans"
    if not folder.is_dir():
        raise YwplanError("plan.none", folder=str(Path("plans")))
    return _only_plan(folder)


def _only_plan(folder: Path) -> Path:
    found = plans_in(folder)
    if not found:
        raise YwplanError("plan.none", folder=str(folder))
    if len(found) > 1:
        raise YwplanError(
            "plan.ambiguous", folder=str(folder), choices="\n".join(f"  --plan {p}" for p in found)
        )
    return found[0]


@dataclass(frozen=True)
class Workspace:
    """A valid plan, its ledger as read, and the ledger's problems (if any)."""

    plan_file: PlanFile
    ledger: LedgerFile
    ledger_problems: tuple[Problem, ...]
    today: dt.date

    @property
    def plan(self) -> Plan:
        """The plan (always valid in a workspace)."""
        assert self.plan_file.plan is not None
        return self.plan_file.plan

    @property
    def ledger_errors(self) -> tuple[Problem, ...]:
        """The ledger's problems that are errors, not warnings."""
        return tuple(p for p in self.ledger_problems if p.severity == "error")


def open_plan(path: Path) -> PlanFile:
    """Load and check the plan at *path*; refuse (exit 1) with every problem if it is invalid."""
    plan_file = load_plan(path)
    problems = check_plan(plan_file)
    errors = tuple(p for p in problems if p.severity == "error")
    if errors or plan_file.plan is None:
        raise YwplanError("plan.invalid", path=str(path), count=len(errors), problems=errors)
    return plan_file


def open_workspace(
    path: Path, today: dt.date, *, strict: bool = True, plan_file: PlanFile | None = None
) -> Workspace:
    """Open the plan and its ledger; with *strict*, a ledger with errors is refused (exit 1).

    *plan_file* is the plan at *path* when the caller has opened it already.
    """
    plan_file = plan_file or open_plan(path)
    assert plan_file.plan is not None
    ledger = read_ledger(ledger_path(path))
    problems = tuple(check_ledger(plan_file.plan, ledger, today))
    workspace = Workspace(plan_file, ledger, problems, today)
    if strict and workspace.ledger_errors:
        errors = workspace.ledger_errors
        raise YwplanError(
            "ledger.invalid", path=str(ledger.path), count=len(errors), problems=errors
        )
    return workspace
