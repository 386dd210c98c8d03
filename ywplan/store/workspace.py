"""Opening a plan with its ledger: the one way every command reads them.

:func:`open_workspace` loads and checks the plan (refusing an invalid one), then serves
the ledger from its index (:mod:`ywplan.store.index`) when one is valid and asked for,
else reads the whole file and checks it. The :class:`Workspace` answers the same
questions either way, so no command chooses between the two. Nothing here prints.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

from ywplan.core.model import Entry, Plan
from ywplan.core.progress import Ledger, LedgerColumns, Tally, tally
from ywplan.core.rules import ledger_problems, plan_problems
from ywplan.errors import Problem, YwplanError
from ywplan.store.discovery import ledger_path
from ywplan.store.index import IndexDoubt, LedgerIndex, open_index
from ywplan.store.ledger import (
    LedgerFile,
    WrittenRun,
    append_entries,
    entry_runs,
    read_ledger,
    written_runs,
)
from ywplan.store.plan_file import PlanFile, load_plan
from ywplan.store.textfile import is_special, regular_descriptor

if TYPE_CHECKING:
    from ywplan.core.progress import TargetKey
    from ywplan.core.rollup import Feed, Rows
    from ywplan.store.tree import Node

_T = TypeVar("_T")
_Named = tuple[LedgerColumns, Callable[[Any], str]]  # columns, and what names their units


def check_plan(plan_file: PlanFile) -> list[Problem]:
    """Every problem of a plan file: reading it, then each plan rule (see ``core.rules``).

    The rules also judge a plan with schema errors, on the parts of it that were built.
    """
    problems = list(plan_file.problems)
    built = plan_file.built
    if built is not None:
        problems.extend(plan_problems(built.plan, plan_file, whole=built.whole))
    return problems


def check_ledger(plan: Plan | None, ledger: LedgerFile, today: dt.date) -> list[Problem]:
    """Every problem of a ledger: reading it, then each ledger rule, placed in its file."""
    name = str(ledger.path)
    placed = [p.at(name, p.line, p.col) for p in ledger_problems(plan, ledger.entries, today)]
    return [*ledger.problems, *placed]


def open_plan(path: Path) -> PlanFile:
    """Load and check the plan at *path*; refuse (exit 1) with every problem if it is invalid."""
    plan_file = load_plan(path)
    errors = tuple(p for p in check_plan(plan_file) if p.severity == "error")
    if errors or plan_file.plan is None:
        raise YwplanError("plan.invalid", path=str(path), count=len(errors), problems=errors)
    return plan_file


class Workspace:
    """A valid plan and its ledger, served by the ledger's index or read whole."""

    def __init__(
        self,
        plan_file: PlanFile,
        today: dt.date,
        index: LedgerIndex | None = None,
        *,
        strict: bool = False,
    ) -> None:
        assert plan_file.plan is not None
        self.plan_file = plan_file
        self.plan: Plan = plan_file.plan
        self.path = ledger_path(plan_file.path)
        self.today = today
        self.index = index
        self.strict = strict
        self._ledger: LedgerFile | None = None
        self._problems: tuple[Problem, ...] = ()
        # What the child offices feed this plan (SPEC §8), as rows of its units.
        self.feeds: tuple[Feed, ...] = ()
        self._joined: LedgerColumns | None = None
        self._live: dict[tuple[int, str], list[Entry]] = {}  # live_entries, the ledger read whole
        self._after: LedgerIndex | None = None  # the index once record appended

    def _asked(self, of_index: Callable[[LedgerIndex], _T], otherwise: Callable[[], _T]) -> _T:
        """*of_index* answered by the index; *otherwise* when there is none, or when a part
        of it turns out missing or in doubt (then the ledger is read whole from now on)."""
        if self.index is not None:
            try:
                return of_index(self.index)
            except IndexDoubt:
                self.index = None
                if self.strict:
                    self.refuse_errors()
        return otherwise()

    @property
    def ledger(self) -> LedgerFile:
        """The whole ledger as read (read now if the index has served so far)."""
        if self._ledger is None:
            self._ledger = read_ledger(self.path)
            self._problems = tuple(check_ledger(self.plan, self._ledger, self.today))
        return self._ledger

    @property
    def entries(self) -> Sequence[Entry]:
        """Every line of the ledger that could be read, in file order."""
        return self.ledger.entries

    def entry_runs(self) -> Iterator[Sequence[Entry]]:
        """:attr:`entries` a run of lines at a time: read from the file run by run when the
        index vouches for it (a clean ledger is never held whole), else read whole as one
        run. A run is made when the one before has been used."""
        with self._vouched() as vouched:
            if vouched is not None:
                yield from entry_runs(*vouched, str(self.path))
                return
        yield self.entries

    def written_runs(self, as_written: re.Pattern[str]) -> Iterator[WrittenRun]:
        """:meth:`entry_runs`, but when the file is read run by run, the lines *as_written*
        matches are kept as their text (:func:`~ywplan.store.ledger.written_runs`)."""
        with self._vouched() as vouched:
            if vouched is not None:
                yield from written_runs(*vouched, str(self.path), as_written)
                return
        yield WrittenRun(("",) * (len(self.entries) + 1), self.entries)

    @contextlib.contextmanager
    def _vouched(self) -> Iterator[tuple[BinaryIO, int] | None]:
        """The ledger open for reading and the size the index vouches for, when it does."""
        handle = self._vouched_file()
        if handle is None:
            yield None
            return
        with handle:
            assert self.index is not None
            size = self.index.vouched(handle.fileno())
            yield (handle, size) if size else None

    def _vouched_file(self) -> BinaryIO | None:
        """The ledger open for reading, when the index serves (else None)."""
        if self.index is None or self._ledger is not None:
            return None
        try:
            fd = regular_descriptor(self.path, os.O_RDONLY, follow=True)
        except OSError:
            return None
        return None if fd is None else open(fd, "rb")

    @property
    def counted_entries(self) -> Sequence[Entry]:
        """The entries every report counts: the ledger's, then what the children feed."""
        if not self.feeds:
            return self.entries
        return [*self.entries, *(e for feed in self.feeds for e in feed.entries())]

    def rows(self, keys: Collection[TargetKey]) -> dict[TargetKey, Rows]:
        """The entries of the targets *keys* that count, as a roll-up carries them."""
        from ywplan.core.rollup import rows_of

        def indexed(index: LedgerIndex) -> _Named:  # the index holds the units' codes
            return index.columns(), index.unit_names.__getitem__

        def whole() -> _Named:  # a ledger read whole holds the units' names
            return LedgerColumns.of(self.entries), str

        ledger, name = self._asked(indexed, whole)
        return {
            key: rows_of(ledger.groups[key], ledger.gone, name)
            for key in keys
            if key in ledger.groups
        }

    @property
    def ledger_problems(self) -> tuple[Problem, ...]:
        """The ledger's problems, errors and warnings (reads the ledger)."""
        self.ledger  # noqa: B018 - reading the ledger finds its problems
        return self._problems

    @property
    def ledger_errors(self) -> tuple[Problem, ...]:
        """The ledger's problems that are errors, not warnings."""
        return tuple(p for p in self.ledger_problems if p.severity == "error")

    def error_count(self) -> int:
        """How many errors ``check`` reports for the ledger."""
        if self._ledger is not None:
            return len(self.ledger_errors)
        return self._asked(
            lambda index: index.error_count(self.plan, self.today), lambda: len(self.ledger_errors)
        )

    def tallies(self, as_of: dt.date, unit: str | None) -> dict[tuple[int, str], Tally]:
        """Each target's counted entries at *as_of* (see ``core.progress``)."""
        return self._asked(
            lambda index: index.tallies(as_of, unit), lambda: self._tally(as_of, unit)
        )

    def _tally(self, as_of: dt.date, unit: str | None) -> dict[tuple[int, str], Tally]:
        if self.feeds:
            if self._joined is None:
                from ywplan.core.rollup import with_feeds

                self._joined = with_feeds(LedgerColumns.of(self.entries), self.feeds)
            return tally(self._joined, as_of, unit)
        return tally(self.entries, as_of, unit)

    def columns(self, keys: Collection[tuple[int, str]] | None = None) -> LedgerColumns:
        """The counted entries split by target, as the core counts them (see
        ``core.progress``): the index's columns, or the entries read whole (with what the
        children feed), split once. With *keys*, of those targets only."""
        if self.feeds:
            whole = LedgerColumns.of(self.counted_entries)
        else:
            whole = self._asked(
                lambda index: index.counted(keys), lambda: LedgerColumns.of(self.entries)
            )
        return whole if keys is None else whole.of_targets(keys)

    def item_entries(self) -> Sequence[Entry]:
        """The rows ``core.items.track`` reads: progress notes, milestones and items done
        (rows with an empty amount) and the lines reversing them.

        The index keeps these rows whole, so ``status`` shows notes and milestones from
        it as from the ledger read whole.
        """
        return self._asked(LedgerIndex.row_entries, lambda: self.entries)

    def matching(self, prefix: str) -> Sequence[Entry]:
        """The lines whose id starts with *prefix* (every line when the index is absent)."""
        return self._asked(
            lambda index: index.matching(prefix.strip().lower()), lambda: self.entries
        )

    def reversed_ids(self) -> Collection[str]:
        """Ids that a reversing line already takes back."""
        return self._asked(
            LedgerIndex.gone, lambda: {e.corrects for e in self.entries if e.corrects}
        )

    def live_entries(self, item: int, target: str, unit: str | None = None) -> Sequence[Entry]:
        """The target's entries that count (neither reversing nor taken back), in file
        order; of the sub-unit *unit* only, when given."""
        return self._asked(
            lambda index: index.entries_of(item, target, unit),
            lambda: [e for e in self._live_of(item, target) if unit is None or e.unit == unit],
        )

    def last_live(self, item: int, target: str) -> Entry | None:
        """The target's last entry in file order that counts (see :meth:`live_entries`)."""
        return self._asked(
            lambda index: index.last_of(item, target),
            lambda: next(reversed(self._live_of(item, target)), None),
        )

    def _live_of(self, item: int, target: str) -> list[Entry]:
        found = self._live.get((item, target))
        if found is None:
            gone = self.reversed_ids()
            found = self._live[(item, target)] = [
                e
                for e in self.entries
                if (e.item, e.target) == (item, target) and not e.corrects and e.id not in gone
            ]
        return found

    def counted_after(self, recorded: Entry) -> Ledger:
        """The counted entries of *recorded*'s target, now that :meth:`record` appended it:
        from the index of the ledger as it now is, else those as opened with it."""
        key = (recorded.item, recorded.target)
        if self._after is not None:
            with contextlib.suppress(IndexDoubt):
                return self._after.counted([key])
        if self.index is None:
            return (*self.entries, recorded)
        return (*self.live_entries(*key), recorded)

    def record(
        self, entries: Sequence[Entry], *, recheck: Callable[[bytes], None] | None = None
    ) -> None:
        """Append *entries* to the ledger under its lock (see ``append_entries``, which
        calls *recheck*; the index, when it serves, vouches for the bytes it was made
        from, so that only those appended since are read under the lock); then bring the
        stored index up to the ledger as it now is, so that the next command finds it
        current to the byte and the nanosecond.

        What this workspace answers from now on is the ledger as it was opened.
        """
        index = self.index
        vouched = None if index is None else index.vouched
        append_entries(self.path, entries, recheck=recheck, vouched=vouched)
        if index is not None:
            self._after = open_index(self.path)

    def refuse_errors(self) -> None:
        """Refuse (exit 1) a ledger with errors, listing them."""
        errors = self.ledger_errors
        if errors:
            raise YwplanError(
                "ledger.invalid", path=str(self.path), count=len(errors), problems=errors
            )


def open_workspace(
    path: Path,
    today: dt.date,
    *,
    strict: bool = True,
    indexed: bool = False,
    plan_file: PlanFile | None = None,
    children: bool = False,
) -> Workspace:
    """Open the plan at *path* and its ledger.

    With *indexed*, the ledger's index serves when it is valid (and, with *strict*, when
    the ledger has no error); otherwise the ledger is read whole. With *strict*, a ledger
    with errors is refused (exit 1). *plan_file* is the plan when the caller has it open.
    With *children* (the commands that count: status, report, units) and a plan that has
    ``children:``, the whole tree under it is opened and what the children feed joins
    the counted entries (SPEC §8); a plan without children opens as fast as ever.
    """
    plan_file = plan_file or open_plan(path)
    assert plan_file.plan is not None
    ledger = ledger_path(path)
    special = is_special(ledger)  # a named pipe or a device: never read, indexed or appended to
    parent = children and bool(
        plan_file.plan.children
    )  # read whole: the children's entries join it
    index = open_index(ledger) if indexed and not special and not parent else None
    workspace = Workspace(plan_file, today, index, strict=strict)
    if index is not None and strict and workspace.error_count():
        workspace.index = None  # read the ledger whole, to say what is wrong
    if workspace.index is None:
        workspace.ledger  # noqa: B018 - read now: what follows may append to it
        if strict or special:
            workspace.refuse_errors()
    if parent:
        _roll_up(workspace)
    return workspace


def _roll_up(workspace: Workspace) -> None:
    """Join what the children feed (SPEC §8), refusing a tree with errors (exit 1)."""
    from ywplan.store import tree_cache
    from ywplan.store.tree import double_counting, refuse, roll_up

    def own(node: Node, keys: set[TargetKey]) -> dict[TargetKey, Rows]:
        if node.path == workspace.plan_file.path:
            return workspace.rows(keys)
        errors = tuple(p for p in check_plan(node.plan_file) if p.severity == "error")
        if errors or node.plan_file.plan is None:
            raise YwplanError(
                "plan.invalid", path=node.plan_file.name, count=len(errors), problems=errors
            )
        child = open_workspace(node.path, workspace.today, indexed=True, plan_file=node.plan_file)
        return child.rows(keys)

    cache = tree_cache.Cached(workspace.plan_file.path, workspace.today)
    cached = cache.whole()
    if cached is not None:  # the tree is as it was: only the root's own ledger may differ
        feeds, places = cached
        rows = workspace.rows({(item, target) for item, target, _ in places})
        lines = {entry.id: entry.line for entry in workspace.entries}
        refuse(
            workspace.plan_file,
            double_counting(workspace.plan_file.path, rows, places, lambda: lines),
        )
        workspace.feeds = tuple(feeds)
        return
    rolled = roll_up(workspace.plan_file, own, cache.branch)
    cache.save(rolled.tree, workspace.today, rolled.places, rolled.branches)
    workspace.feeds = tuple(rolled.feeds)
