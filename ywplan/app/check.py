"""``ywplan check``: find the plans named, check each with its ledger, print the findings."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ywplan.core.model import Plan
from ywplan.core.progress import LedgerColumns, TargetKey
from ywplan.core.rollup import Rows, rows_of
from ywplan.core.rules import appended_only, sort_key
from ywplan.diagnostics import problem_text
from ywplan.errors import Problem
from ywplan.i18n import get_lang, t
from ywplan.render import formats
from ywplan.store import check_cache
from ywplan.store.discovery import is_ledger_name, ledger_path, plan_of_ledger, plans_in
from ywplan.store.index import IndexDoubt, LedgerIndex, built_afresh, open_index
from ywplan.store.ledger import MAX_LEDGER_BYTES, LedgerFile, read_ledger
from ywplan.store.plan_file import PlanFile, load_plan
from ywplan.store.revision import begins_as_at, checked_revision, commit_of, ledger_rows, text_at
from ywplan.store.textfile import is_special, read_text
from ywplan.store.tree import load_tree, real, tree_problems
from ywplan.store.workspace import check_ledger, check_plan


@dataclass(frozen=True)
class Checked:
    """One plan's result: its problems and what was counted."""

    path: Path
    problems: list[Problem]
    items: int = 0
    targets: int = 0
    entries: int = 0
    children: int = 0  # the plans of the tree below it (SPEC §8)
    child_entries: int = 0


def expand(paths: list[str]) -> tuple[list[Path], list[Problem]]:
    """Plan files named by *paths*: files as given, folders' plans, a ledger's plan."""
    found: list[Path] = []
    problems: list[Problem] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            plans = plans_in(path)
            if not plans:
                problems.append(Problem("check.no_plans", {}, name))
            found.extend(plans)
        elif is_ledger_name(name):
            found.append(plan_of_ledger(path))
        else:
            found.append(path)
    unique = list(dict.fromkeys(found))
    return unique, problems


class Since:
    """``--since REV``: each ledger is compared with itself at REV (git, per repository)."""

    def __init__(self, rev: str) -> None:
        self.rev = checked_revision(rev)
        self._commits: dict[Path, str | None] = {}

    def problems(self, ledger: Path) -> list[Problem]:
        """The lines *ledger* had at REV that it lost or changed since."""
        folder = ledger.parent
        if folder not in self._commits:
            self._commits[folder] = commit_of(self.rev, folder)
        commit = self._commits[folder]
        if commit is None or begins_as_at(commit, ledger):
            return []  # no commit yet; or every byte it had then is still first in it
        before = text_at(commit, ledger)
        if before is None:
            return []  # a ledger begun since REV, or no commit yet
        now, unreadable = read_text(ledger, MAX_LEDGER_BYTES) if ledger.exists() else ("", None)
        if unreadable is not None:
            return []  # reported as the ledger's own problem; its lines cannot be compared
        found = appended_only(ledger_rows(before), ledger_rows(now), self.rev)
        return [p.at(str(ledger), p.line, p.col) for p in found]


def check_file(
    plan_file: PlanFile, today: dt.date
) -> tuple[list[Problem], Plan | None, LedgerFile]:
    """A plan file's problems and its ledger's (against the plan's rules when the plan is
    valid); the plan when it is valid, and the ledger as read."""
    problems = check_plan(plan_file)
    plan = None if _errors(problems) else plan_file.plan
    ledger = read_ledger(ledger_path(plan_file.path))
    problems.extend(check_ledger(plan, ledger, today))
    return problems, plan, ledger


def _lost(plan_file: PlanFile, since: Since | None) -> list[Problem]:
    """With ``--since``, the lines the plan's ledger had then and lost or changed; asked
    before the ledger is read, so that a folder outside git is said at once."""
    ledger = ledger_path(plan_file.path)
    if since is None or not ledger.parent.is_dir():
        return []
    return since.problems(ledger)


def clean_index(
    plan_file: PlanFile, today: dt.date, index_of: Callable[[Path], LedgerIndex | None]
) -> tuple[list[Problem], LedgerIndex] | None:
    """A valid plan's problems and its ledger's index (*index_of*: built afresh from the
    bytes, or the stored one) when the ledger has no error; None when the plan has errors
    or the ledger may have a problem: then it is read whole, to name each at its line."""
    problems = check_plan(plan_file)
    plan = plan_file.plan
    if plan is None or _errors(problems):
        return None
    index = index_of(ledger_path(plan_file.path))
    with contextlib.suppress(IndexDoubt):  # a part of a stored index gone: read the ledger
        if index is not None and not index.error_count(plan, today):
            return problems, index
    return None


def check_one(path: Path, today: dt.date, since: Since | None = None) -> Checked:
    """Check one plan file and its ledger and, for a parent, the whole tree below it.

    Findings are kept while every byte they depend on is the same (``store.check_cache``).
    """
    before = check_cache.state(path)
    stamped = check_cache.stamp(path, today, get_lang()) if since is None else None
    recalled = None if stamped is None else check_cache.recall(path, stamped)
    if recalled is not None:
        problems, (items, targets, entries) = recalled
        return Checked(path, problems, items, targets, entries)
    checked, alone = _checked(path, today, since)
    if stamped is not None and alone and check_cache.state(path) == before:
        counts = (checked.items, checked.targets, checked.entries)
        check_cache.keep(path, stamped, checked.problems, counts)
    return checked


def _checked(path: Path, today: dt.date, since: Since | None) -> tuple[Checked, bool]:
    """:func:`check_one`'s result, and whether it depends on no other file (no tree)."""
    plan_file = load_plan(path)
    plan = plan_file.plan
    lost = _lost(plan_file, since)
    # A clean ledger is found clean a chunk at a time, never from a stored index.
    clean = None
    if plan is not None and not plan.children:
        clean = clean_index(plan_file, today, built_afresh)
    if clean is not None:
        problems, entries, ledger = clean[0], clean[1].lines - 1, None
    else:
        problems, plan, ledger = check_file(plan_file, today)
        entries = len(ledger.entries)
    problems.extend(lost)
    if plan is None:
        return Checked(path, problems), True
    targets = sum(len(item.targets) for item in plan.items)
    checked = Checked(path, problems, len(plan.items), targets, entries)
    if ledger is not None and plan.children:
        return check_tree(checked, plan_file, ledger, today, since), False
    return checked, True


@dataclass
class TreeLedger:
    """A ledger of the tree as ``check`` read it: its targets' columns and how many
    entries it has.

    A clean ledger is served by its index (:mod:`ywplan.store.index`), each target's
    columns read only when the tree's rules ask for them (a parent's, never a leaf's);
    its lines, which only a problem found by those rules needs, are then read on demand.
    """

    path: Path
    count: int
    index: LedgerIndex | None = None
    file: LedgerFile | None = None

    def rows(self, keys: set[TargetKey]) -> dict[TargetKey, Rows]:
        """The rows of the targets *keys* (see ``core.rollup``)."""
        if self.index is not None:
            index = self.index
            try:
                groups = {k: g for k in keys if (g := index.group(k)) is not None}
                gone, name = index.gone(), index.unit_names.__getitem__
                return {k: rows_of(group, gone, name) for k, group in groups.items()}
            except IndexDoubt:  # a part gone meanwhile: read the ledger
                self.index = None
        columns = LedgerColumns.of(self._file().entries)
        return {k: rows_of(columns.groups[k], columns.gone) for k in keys if k in columns.groups}

    def lines(self) -> dict[str, int]:
        """Each entry's line, by id."""
        return {entry.id: entry.line for entry in self._file().entries}

    def _file(self) -> LedgerFile:
        if self.file is None:
            self.file = read_ledger(self.path)
        return self.file

    @classmethod
    def of(cls, ledger: LedgerFile) -> TreeLedger:
        """A ledger read whole."""
        return cls(ledger.path, len(ledger.entries), file=ledger)


def check_child(
    plan_file: PlanFile, today: dt.date, since: Since | None
) -> tuple[list[Problem], TreeLedger]:
    """A child plan's problems and its ledger's, from the ledger's index when it is clean."""
    path = ledger_path(plan_file.path)
    lost = _lost(plan_file, since)
    clean = None if is_special(path) else clean_index(plan_file, today, open_index)
    if clean is not None:
        return [*clean[0], *lost], TreeLedger(path, clean[1].lines - 1, clean[1])
    problems, _, ledger = check_file(plan_file, today)
    return [*problems, *lost], TreeLedger.of(ledger)


def check_tree(
    checked: Checked, root: PlanFile, ledger: LedgerFile, today: dt.date, since: Since | None
) -> Checked:
    """*checked* with the problems of every plan and ledger below *root*, and of the tree:
    the walk, each parent–child link, the double counting (SPEC §8)."""
    tree = load_tree(root)
    top = real(root.path)
    ledgers = {top: TreeLedger.of(ledger)}
    problems = list(checked.problems)
    for key, node in tree.nodes.items():
        if key not in ledgers:
            found, ledgers[key] = check_child(node.plan_file, today, since)
            problems.extend(found)
    problems.extend(
        tree_problems(
            tree,
            lambda node, keys: ledgers[real(node.path)].rows(keys),
            lambda node: ledgers[real(node.path)].lines(),
        )
    )
    below = sum(found.count for key, found in ledgers.items() if key != top)
    return replace(checked, problems=problems, children=len(ledgers) - 1, child_entries=below)


def _errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def finding(problem: Problem) -> dict[str, object]:
    """A problem as a JSON object (``check --format json``)."""
    return {
        "file": problem.path,
        "line": problem.line,
        "col": problem.col,
        "severity": problem.severity,
        "code": problem.key,
        "message": problem.message,
        "hint": problem.hint,
        **({"related": problem.related} if problem.related else {}),
    }


def _escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF are percent-encoded (``%`` first)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow command's property value: the message's escapes plus ``:`` and ``,``."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    """``::error file=F,line=L,col=C::message (hint)`` for GitHub Actions.

    Escaped as GitHub's workflow commands require, so that a path holding ``,`` or ``:``
    or a message holding ``%`` or a line break reaches the annotation intact.
    """
    also = f" ({t('related')}: {problem.related})" if problem.related else ""
    message = _escape_data(problem.message + also + (f" ({problem.hint})" if problem.hint else ""))
    if not problem.path:
        return f"::{problem.severity}::{message}"
    fields = [f"file={_escape_property(problem.path)}"]
    if problem.line:
        fields += [f"line={problem.line}", f"col={problem.col or 1}"]
    return f"::{problem.severity} {','.join(fields)}::{message}"


def _summary(result: Checked) -> str:
    """``✓ plan: …`` or ``✗ the files that hold the errors: …``."""
    errors = _errors(result.problems)
    warnings = len(result.problems) - len(errors)
    if errors:
        files = ", ".join(dict.fromkeys(p.path or str(result.path) for p in errors))
        return t("check.failed", path=files, errors=len(errors), warnings=warnings)
    passed = t(
        "check.passed",
        path=result.path,
        items=result.items,
        targets=result.targets,
        entries=result.entries,
        warnings=warnings,
    )
    if result.children:
        passed += "\n" + t("check.tree", plans=result.children, entries=result.child_entries)
    return passed


def run(paths: list[str], fmt: str | None, today: dt.date, since: str | None = None) -> bool:
    """Check every plan named by *paths*, print the findings in *fmt*; True when no errors.

    With *since* (a git revision), each ledger must also hold every line it had then.
    """
    fmt = formats.resolve(fmt, formats.FINDINGS).name if fmt is not None else "txt"
    compare = Since(since) if since is not None else None
    plans, problems = expand(paths)
    results = [check_one(path, today, compare) for path in plans]
    found = problems + [p for r in results for p in r.problems]
    # A plan checked on its own and again in its parent's tree is reported once.
    unique = {(p.location, p.key, p.message, p.related): p for p in found}
    everything = sorted(unique.values(), key=sort_key)
    ok = not any(p.severity == "error" for p in everything) and bool(plans)
    if fmt == "json":
        print(json.dumps([finding(p) for p in everything], ensure_ascii=False, indent=2))
    elif fmt == "github":
        for problem in everything:
            print(github_annotation(problem))
    else:
        for problem in everything:
            print(problem_text(problem), file=sys.stderr)
        for result in results:
            print(_summary(result), file=sys.stderr if not ok else sys.stdout)
    return ok
