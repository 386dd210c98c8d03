"""Which plan a command works on, and which files belong to a plan.

One home for the names: a plan is ``*.yaml``/``*.yml`` (not hidden: a
``.pre-commit-config.yaml`` is a tool's settings), its ledger is ``<stem>.ledger.csv``
beside it. The plan a command uses: ``--plan PATH`` (a file, or a folder holding one
plan), else ``$YWPLAN_PLAN``, else the only plan in ``./plans``. The command line and
TAB completion both ask :func:`find_plan`; this module imports only the standard library.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ywplan.errors import YwplanError

LEDGER_SUFFIX = ".ledger.csv"
PLAN_SUFFIXES = (".yaml", ".yml")


def ledger_path(plan_path: Path) -> Path:
    """``plans/jiaxing-2024.yaml`` → ``plans/jiaxing-2024.ledger.csv``."""
    return plan_path.with_name(plan_path.stem + LEDGER_SUFFIX)


def plan_of_ledger(path: Path) -> Path:
    """The plan a ledger belongs to: ``x.ledger.csv`` → ``x.yaml`` (or ``x.yml`` if that exists)."""
    stem = path.name[: -len(LEDGER_SUFFIX)]
    yaml_path = path.with_name(stem + ".yaml")
    yml_path = path.with_name(stem + ".yml")
    return yml_path if not yaml_path.exists() and yml_path.exists() else yaml_path


def is_ledger_name(name: str) -> bool:
    """True for a file named like a ledger (``x.ledger.csv``)."""
    return name.endswith(LEDGER_SUFFIX)


def plans_in(path: Path) -> list[Path]:
    """The plan files a folder holds (``*.yaml``/``*.yml``, not hidden ones), sorted."""
    return sorted(
        p
        for p in path.iterdir()
        if p.suffix in PLAN_SUFFIXES and not p.name.startswith(".") and p.is_file()
    )


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
