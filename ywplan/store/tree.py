"""A plan's tree of child offices (SPEC §8): found by the ``children:`` globs, loaded, bounded.

Each glob is read relative to the parent's file; every plan it finds is a child, loaded
with :func:`~ywplan.store.plan_file.load_plan`, and its own ``children:`` are followed in
turn (province ← city ← county). A plan met again among its own ancestors closes a
cycle: the ``children:`` line that leads back is named and the walk goes no further
there. The tree is bounded in depth and in plans, so a glob gone wrong cannot make a
command read a disk. Nothing here prints.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path

from ywplan.core.model import Entry, Plan
from ywplan.core.progress import TargetKey
from ywplan.core.rollup import (
    Feed,
    Link,
    Rows,
    Side,
    double_counted,
    fed_places,
    feeds,
    link_problems,
    merged,
    parse_ref,
    units_once,
)
from ywplan.errors import Problem, Severity, YwplanError
from ywplan.store.discovery import ledger_path
from ywplan.store.plan_cache import load_cached
from ywplan.store.plan_file import PlanFile

MAX_DEPTH = 8  # levels below the plan checked: a province, cities, counties, towns, …
MAX_PLANS = 2_000  # plans in one tree


@dataclass(frozen=True)
class Edge:
    """A child *path* that the parent's ``children:`` glob number *glob* found."""

    glob: int
    path: Path


@dataclass
class Node:
    """A plan of the tree: its file as read and the children its globs found."""

    plan_file: PlanFile
    edges: list[Edge] = field(default_factory=list)

    @property
    def path(self) -> Path:
        """The plan's path, as messages show it."""
        return self.plan_file.path


@dataclass
class Tree:
    """Every plan under a root, by real path, and the problems of the walk itself."""

    root: Path
    nodes: dict[Path, Node] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def node(self, path: Path) -> Node:
        """The node of the plan at *path* (as an edge names it)."""
        return self.nodes[real(path)]

    def links(self) -> list[tuple[Node, Edge, Node]]:
        """Every (parent, edge, child) of the tree whose plans could both be built."""
        found = []
        for node in self.nodes.values():
            for edge in node.edges:
                child = self.nodes.get(real(edge.path))
                if child is not None:
                    found.append((node, edge, child))
        return found


def real(path: Path) -> Path:
    """The plan's identity: its absolute path with links resolved."""
    return _real(os.path.abspath(path))


@lru_cache(maxsize=8192)
def _real(path: str) -> Path:
    # One command asks for each plan's identity many times; its links do not move meanwhile.
    return Path(os.path.realpath(path))


def shown(path: str) -> Path:
    """A path found by a glob, as messages show it (``plans/../counties/x`` → ``counties/x``)."""
    return Path(os.path.normpath(path))


def found_children(plan_file: PlanFile) -> tuple[list[Edge], list[Problem]]:
    """The children each glob of the plan's ``children:`` finds, and the globs' problems:
    a plain path that does not exist (an error), a pattern that finds nothing (a warning)."""
    plan = plan_file.plan
    if plan is None:
        return [], []
    base = plan_file.path.parent
    edges: list[Edge] = []
    problems: list[Problem] = []
    for index, pattern in enumerate(plan.children):
        matches = found_by(base, pattern)
        if not matches:
            key = "tree.glob_empty" if glob.has_magic(pattern) else "tree.child_missing"
            severity: Severity = "warning" if glob.has_magic(pattern) else "error"
            at = ("children", index)
            problems.append(plan_file.at(at, key, severity=severity, pattern=pattern))
        edges.extend(Edge(index, shown(match)) for match in matches)
    return edges, problems


def found_by(base: Path, pattern: str) -> list[str]:
    """The plan files the ``children:`` entry *pattern* of a plan in *base* finds, sorted
    (the folder's own name is never read as a pattern)."""
    if glob.has_magic(pattern):
        found = glob.glob(os.path.join(glob.escape(str(base)), pattern))
        return [match for match in sorted(found) if os.path.isfile(match)]
    full = os.path.join(base, pattern)
    return [full] if os.path.isfile(full) else []


def load_tree(root: PlanFile, known: Collection[Path] = ()) -> Tree:
    """Walk the tree under *root*, loading each plan once (depth first, in glob order).

    The root's children in *known* (branches a cache vouches for) are loaded, not the
    plans under them.
    """
    tree = Tree(root.path)
    tree.nodes[real(root.path)] = Node(root)
    _descend(tree, tree.nodes[real(root.path)], [real(root.path)], known)
    return tree


def _descend(tree: Tree, node: Node, ancestors: list[Path], known: Collection[Path] = ()) -> None:
    edges, problems = found_children(node.plan_file)
    tree.problems.extend(problems)
    for edge in edges:
        key = real(edge.path)
        if key in ancestors:
            problem = node.plan_file.at(("children", edge.glob), "tree.cycle", child=str(edge.path))
            tree.problems.append(replace(problem, related=str(edge.path)))
            continue
        if len(ancestors) > MAX_DEPTH:
            tree.problems.append(
                node.plan_file.at(("children", edge.glob), "tree.too_deep", limit=MAX_DEPTH)
            )
            return
        if any(real(e.path) == key for e in node.edges):
            continue  # two globs found one plan: it counts once
        node.edges.append(edge)
        if key in tree.nodes:
            continue  # met through another parent: its own reports_to says which is right
        if len(tree.nodes) >= MAX_PLANS:
            tree.problems.append(
                node.plan_file.at(("children", edge.glob), "tree.too_many", limit=MAX_PLANS)
            )
            node.edges.pop()
            return
        child = Node(load_cached(edge.path))
        tree.nodes[key] = child
        if key not in known:
            _descend(tree, child, [*ancestors, key])


def reports_to(child: PlanFile) -> Path | None:
    """The real path of the plan the child's ``reports_to`` names (None: it names none)."""
    plan = child.plan
    if plan is None or plan.reports_to is None:
        return None
    return real(child.path.parent / plan.reports_to.plan)


def link(parent: Node, edge: Edge, child: Node) -> Link | None:
    """The core's view of a parent–child link, when both plans could be built."""
    if parent.plan_file.plan is None or child.plan_file.plan is None:
        return None
    return Link(
        _side(parent.plan_file, parent.plan_file.plan),
        _side(child.plan_file, child.plan_file.plan),
        edge.glob,
        reports_to(child.plan_file) == real(parent.path),
    )


def _side(plan_file: PlanFile, plan: Plan) -> Side:
    return Side(plan, plan_file, plan_file.name)


def beside(parent: Path, relative_path: str) -> Path:
    """The plan at *relative_path* from the folder of the plan *parent*, as shown."""
    return shown(os.path.join(parent.parent, relative_path))


def relative(child: Path, parent: Path) -> str:
    """The child's plan file as the parent's folder sees it (JSON ``sources``)."""
    return Path(os.path.relpath(child, parent.parent)).as_posix()


OwnRows = Callable[["Node", set[TargetKey]], Mapping[TargetKey, Rows]]


def tree_problems(
    tree: Tree,
    own: OwnRows,
    lines: Callable[[Node], Mapping[str, int]] | None = None,
    skip: Collection[Path] = (),
) -> list[Problem]:
    """The walk's problems, every link's, and the double counting in each parent's ledger.

    *own* gives a node's own rows on the targets named; *lines* its entries' lines by id
    (without it, double counting is placed in the ledger without a line). The links below
    the plans in *skip* (branches found clean before and unchanged since) are not judged.
    """
    problems = list(tree.problems)
    fed: dict[Path, dict[tuple[int, str, str], str]] = {}
    siblings: dict[Path, list[Link]] = {}
    for parent, edge, child in tree.links():
        found = link(parent, edge, child) if real(parent.path) not in skip else None
        if found is not None:
            problems.extend(link_problems(found))
            fed.setdefault(real(parent.path), {}).update(fed_places(found))
            siblings.setdefault(real(parent.path), []).append(found)
    for links in siblings.values():
        problems.extend(units_once(links))
    for key, places in fed.items():
        node = tree.nodes[key]
        rows = own(node, {(item, target) for item, target, _ in places})
        read = partial(lines, node) if lines is not None else None
        problems.extend(double_counting(node.path, rows, places, read))
    return problems


def double_counting(
    plan: Path,
    rows: Mapping[TargetKey, Rows],
    places: Mapping[tuple[int, str, str], str],
    lines: Callable[[], Mapping[str, int]] | None = None,
) -> list[Problem]:
    """The entries of the ledger of *plan* (its *rows*) that a child feeds too, placed
    at their lines when *lines* can tell them (read only when there are some)."""
    twice = double_counted(rows, places, str(ledger_path(plan)))
    if twice and lines is not None:
        at = lines()
        twice = sorted((p.at(p.path, at.get(p.args["id"], 0), 1) for p in twice), key=sort_line)
    return twice


def refuse(root: PlanFile, problems: list[Problem]) -> None:
    """Refuse (exit 1) a tree with errors, listing them."""
    errors = tuple(p for p in problems if p.severity == "error")
    if errors:
        raise YwplanError("tree.invalid", path=str(root.path), count=len(errors), problems=errors)


def sort_line(problem: Problem) -> int:
    """A problem's line, to list a file's problems in order."""
    return problem.line


def fed_keys(tree: Tree, node: Node) -> set[TargetKey]:
    """The targets of *node* that its children feed or that feed its parent: the only
    ones a roll-up reads from its ledger."""
    plan = node.plan_file.plan
    keys = {(i.number, t.id) for i, t in plan.targets() if t.counts_toward} if plan else set()
    for edge in node.edges:
        child = tree.nodes.get(real(edge.path))
        if child is not None and child.plan_file.plan is not None:
            keys.update(
                parse_ref(t.counts_toward)
                for _, t in child.plan_file.plan.targets()
                if t.counts_toward
            )
    return keys


@dataclass(frozen=True)
class Rolled:
    """What a tree feeds its root, the tree, where the children feeding the root stand
    (to recheck the root's own ledger against them), and what each of the root's
    children feeds, by its real path (each a branch a later run may reuse)."""

    feeds: list[Feed]
    tree: Tree
    places: dict[tuple[int, str, str], str]
    branches: dict[Path, list[Feed]]


Reuse = Callable[[Path], list[Feed] | None]


def below(tree: Tree, node: Node) -> set[Path]:
    """The real paths of *node* and of every plan under it."""
    found: set[Path] = set()
    stack = [node]
    while stack:
        top = stack.pop()
        key = real(top.path)
        if key not in found:
            found.add(key)
            stack.extend(tree.nodes[real(e.path)] for e in top.edges if real(e.path) in tree.nodes)
    return found


def roll_up(root: PlanFile, own: OwnRows, reuse: Reuse | None = None) -> Rolled:
    """What the children of *root* feed it, recursively (SPEC §8), refusing (exit 1) a
    tree with errors. *own* opens a node's ledger, refusing an invalid plan or ledger,
    and gives its rows on the targets named (a child's read through its index). *reuse*
    gives what a child of the root fed before, when nothing under it changed since: the
    plans under it are then neither loaded nor judged again."""
    kept: dict[Path, list[Feed]] = {}
    for edge in found_children(root)[0]:
        again = reuse(real(edge.path)) if reuse is not None else None
        if again is not None:
            kept[real(edge.path)] = again
    tree = load_tree(root, kept)
    top = tree.nodes[real(root.path)]
    skip = set(kept)
    read: dict[Path, Mapping[TargetKey, Rows]] = {}

    def own_rows(node: Node, keys: set[TargetKey] | None = None) -> Mapping[TargetKey, Rows]:
        key = real(node.path)
        if key not in read:
            read[key] = own(node, fed_keys(tree, node))
        return read[key]

    for key, node in tree.nodes.items():
        if key not in skip:
            own_rows(node)  # every plan and ledger opened (and refused if invalid) first
    refuse(root, tree_problems(tree, own_rows, skip=skip))
    memo: dict[Path, dict[TargetKey, Rows]] = {}

    def branch(node: Node, child: Node) -> list[Feed]:
        key = real(child.path)
        if node is top and key in kept:
            return kept[key]
        plan = child.plan_file.plan
        assert plan is not None and plan.reports_to is not None  # refused above
        if key not in memo:
            memo[key] = merged(own_rows(child), into(child))
        return feeds(plan, memo[key], plan.reports_to.unit, relative(child.path, node.path))

    def into(node: Node) -> list[Feed]:
        return [feed for edge in node.edges for feed in branch(node, tree.node(edge.path))]

    branches = {real(edge.path): branch(top, tree.node(edge.path)) for edge in top.edges}
    places: dict[tuple[int, str, str], str] = {}
    for parent, edge, child in tree.links():
        found = link(parent, edge, child) if parent is top else None
        if found is not None:
            places.update(fed_places(found))
    everything = [feed for fed in branches.values() for feed in fed]
    return Rolled(everything, tree, places, branches)


def feeding_child(root: PlanFile, key: TargetKey, unit: str) -> str | None:
    """Where the ``counts_toward`` of a child of *root* that feeds the target *key* as
    *unit* stands, if one does: an entry of *root* there would count its work twice."""
    if root.plan is None or not root.plan.children or not unit:
        return None
    top = Node(root)
    for edge in found_children(root)[0]:
        found = link(top, edge, Node(load_cached(edge.path)))
        where = fed_places(found).get((*key, unit)) if found is not None else None
        if where is not None:
            return where
    return None


def fed_twice(root: PlanFile, entry: Entry) -> Problem | None:
    """Why *root*'s own ledger must not hold *entry*: a child office's plan feeds its
    target for its unit, and the same work would count twice (None when none does)."""
    where = feeding_child(root, (entry.item, entry.target), entry.unit)
    if where is None:
        return None
    return Problem("log.fed_by_child", {"ref": entry.ref, "unit": entry.unit, "child": where})
