"""Reading a plan file: bytes → YAML with marks → :class:`~ywplan.core.model.Plan` + problems.

Nothing here raises on a user's mistake; every mistake becomes a
:class:`~ywplan.errors.Problem` placed at ``file:line:col``, so ``ywplan check`` can
report them all at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ywplan.errors import Problem, Severity
from ywplan.i18n import t
from ywplan.store import yamlio
from ywplan.store.textfile import read_text

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError
    from pydantic_core import ErrorDetails

    from ywplan.core.model import Plan

_Model = TypeVar("_Model", bound="BaseModel")

MAX_PLAN_BYTES = 2 * 1024 * 1024
# A text file's problems said the plan's way (a plan is saved from an editor, not Excel).
_PLAN_KEYS = {"file.gbk": "plan.gbk"}

_TYPE_KEYS = {
    "string_type": "plan.type_text",
    "int_type": "plan.type_integer",
    "float_type": "plan.type_number",
    "tuple_type": "plan.type_list",
    "list_type": "plan.type_list",
    "dict_type": "plan.type_mapping",
    "model_type": "plan.type_mapping",
    "model_attributes_type": "plan.type_mapping",
    "bool_type": "plan.type_bool",
}
_SIMPLE_KEYS = {
    "greater_than": "plan.not_positive",
    "finite_number": "plan.not_finite",
    "greater_than_equal": "plan.out_of_range",
    "less_than_equal": "plan.out_of_range",
    "string_pattern_mismatch": "plan.bad_id",
    "string_too_short": "plan.empty",
    "string_too_long": "plan.too_long",
    "literal_error": "plan.bad_choice",
}

# How messages name a part of an item, by the key that lists such parts.
_PART_NAMES = {"targets": "where.target", "milestones": "where.milestone"}


@dataclass(frozen=True)
class Built:
    """The parts of a plan that could be built, for the plan rules, and where they stand.

    A plan with a schema error cannot be built whole, yet its other items and targets can
    still be checked (a typo in one target must not hide a duplicate item number).
    *items* holds the index in the file of each built item, *targets* that of each built
    target, item by item; *whole* is True when nothing was left out.
    """

    plan: Plan
    items: tuple[int, ...] = ()
    targets: tuple[tuple[int, ...], ...] = ()
    whole: bool = True

    def in_file(self, path: yamlio.Path) -> yamlio.Path:
        """The path in the file of the part at *path* in the built plan."""
        if self.whole or len(path) < 2 or path[0] != "items" or not isinstance(path[1], int):
            return path
        item = path[1]
        moved: list[str | int] = ["items", self.items[item], *path[2:]]
        if len(path) > 3 and path[2] == "targets" and isinstance(path[3], int):
            moved[3] = self.targets[item][path[3]]
        return tuple(moved)


@dataclass(frozen=True)
class PlanFile:
    """A plan file as read: the plan (None when it cannot be built), marks and problems."""

    path: Path
    plan: Plan | None
    marks: yamlio.Marks
    problems: tuple[Problem, ...]
    data: Any = None
    built: Built | None = None

    @property
    def name(self) -> str:
        """The path as messages show it."""
        return str(self.path)

    @property
    def ok(self) -> bool:
        """True when the plan was built and no problem is an error."""
        return self.plan is not None and not any(p.severity == "error" for p in self.problems)

    def at(
        self,
        path: tuple[str | int, ...],
        key: str,
        *,
        on_key: bool = False,
        severity: Severity = "error",
        **args: object,
    ) -> Problem:
        """The problem *key* placed at the value (or, *on_key*, the key) at *path*.

        *path* names a part of the built plan (see :class:`Built`).
        """
        path = self.built.in_file(path) if self.built else path
        mark = self.marks.key(path) if on_key else self.marks.value(path)
        return Problem(key, args, self.name, mark.line, mark.col, severity)

    def line(self, path: tuple[str | int, ...]) -> int:
        """The line of the value at *path* (of the built plan)."""
        return self.marks.value(self.built.in_file(path) if self.built else path).line


def where(data: Any, loc: Sequence[str | int]) -> str:
    """Name the part of a plan that *loc* points into: ``事项 26``, ``目标 26.cadre-training``."""
    items = data.get("items") if isinstance(data, Mapping) else None
    if len(loc) > 1 and loc[0] in ("flags", "grading"):
        return t("where." + str(loc[0]))
    if len(loc) < 2 or loc[0] != "items" or not isinstance(items, list):
        return t("where.plan")
    index = loc[1]
    item = items[index] if isinstance(index, int) and index < len(items) else None
    number = item.get("number") if isinstance(item, Mapping) else None
    label = str(number) if isinstance(number, int) else f"#{int(index) + 1}"
    part = loc[2] if len(loc) >= 4 else ""
    targets = item.get(part) if isinstance(item, Mapping) and part in _PART_NAMES else None
    if not isinstance(targets, list):
        return t("where.item", item=label)
    tindex = loc[3]
    target = targets[tindex] if isinstance(tindex, int) and tindex < len(targets) else None
    tid = target.get("id") if isinstance(target, Mapping) else None
    name = _PART_NAMES[str(part)]
    return t(name, target=f"{label}.{tid}" if tid else f"{label}.#{int(tindex) + 1}")


def _allowed_keys(loc: Sequence[str | int]) -> list[str]:
    from ywplan.core.model import PARTS, Plan

    holders = [part for part in loc[:-1] if isinstance(part, str)]
    model = PARTS.get(holders[-1], Plan) if holders else Plan
    return list(model.model_fields)


def _problem_for(error: ErrorDetails, data: Any, marks: yamlio.Marks, path: str) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    args: dict[str, Any] = {"where": where(data, loc), "key": str(loc[-1]) if loc else ""}
    mark = marks.value(loc)
    if kind == "missing":
        key = "plan.missing"
        mark = marks.value(loc[:-1])
    elif kind == "extra_forbidden":
        allowed = _allowed_keys(loc)
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.5)
        key = "plan.unknown_key_typo" if close else "plan.unknown_key"
        args.update(suggestion=close[0] if close else "", allowed=", ".join(allowed))
        mark = marks.key(loc)
    elif kind.startswith("plan."):
        ctx = dict(error.get("ctx") or {})
        key = kind
        mark = marks.key((*loc, ctx.get("field", ""))) if ctx.get("field") else marks.value(loc)
        args.update(ctx)
    elif kind in _TYPE_KEYS and error.get("input", "") is None:
        key = "plan.no_value"  # ``year:`` with nothing after it, as a draft leaves it
    else:
        key = _TYPE_KEYS.get(kind) or _SIMPLE_KEYS.get(kind) or "plan.invalid_value"
        if loc and loc[-1] == "[key]":
            loc = loc[:-1]
            mark = marks.key(loc)
            args["key"] = str(loc[-1])
        args.update(detail=error["msg"], **(error.get("ctx") or {}))
    return Problem(key, args, path, mark.line, mark.col)


def validation_problems(
    exc: ValidationError, data: Any, marks: yamlio.Marks, path: str
) -> list[Problem]:
    """Turn pydantic's errors into problems placed at the offending key or value."""
    return [_problem_for(error, data, marks, path) for error in exc.errors(include_url=False)]


def parse_plan(text: str, path: str = "<plan>") -> PlanFile:
    """Build a plan from YAML *text*; *path* is only used to place problems."""
    try:
        data, marks = yamlio.load(text)
    except yamlio.YamlError as exc:
        problem = Problem(exc.key, exc.args_, path, exc.mark.line, exc.mark.col)
        return PlanFile(Path(path), None, yamlio.Marks(), (problem,))
    return built_plan(data, marks, path)


def built_plan(data: Any, marks: yamlio.Marks, path: str) -> PlanFile:
    """Build a plan from YAML *data* as loaded, with its *marks*."""
    from pydantic import ValidationError

    from ywplan.core.model import Plan

    if not isinstance(data, dict):
        mark = marks.value(())
        problem = Problem("plan.not_mapping", {}, path, mark.line, mark.col)
        return PlanFile(Path(path), None, marks, (problem,), data)
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        problems = tuple(validation_problems(exc, data, marks, path))
        return PlanFile(Path(path), None, marks, problems, data, built_in_part(data))
    return PlanFile(Path(path), plan, marks, (), data, Built(plan))


def _validated(model: type[_Model], data: Mapping[Any, Any]) -> tuple[_Model | None, list[Any]]:
    from pydantic import ValidationError

    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, exc.errors(include_url=False)


def _part(
    model: type[_Model],
    raw: Any,
    parts: Mapping[str, Any],
    required: tuple[str, ...] = (),
    construct: bool = False,
) -> _Model | None:
    """*raw* built as *model* from its fields that are right, with *parts* already built.

    The fields with errors are left out. What is left must still validate, except that,
    with *construct* (a model without rules across its fields), missing fields are
    tolerated as long as the *required* ones, which the plan rules read, are there.
    """
    if not isinstance(raw, Mapping):
        return None
    data = {**raw, **parts}
    built, errors = _validated(model, data)
    if built is not None:
        return built
    wrong = {error["loc"][0] for error in errors if error["loc"]}
    kept = {k: v for k, v in data.items() if k in model.model_fields and k not in wrong}
    if not all(name in kept for name in required):
        return None
    built, errors = _validated(model, kept)
    if built is None and construct and all(error["type"] == "missing" for error in errors):
        built = model.model_construct(**kept)
    return built


def _listed(data: Any, key: str) -> list[Any]:
    """The list under *key* of a mapping ([] when there is none)."""
    value = data.get(key) if isinstance(data, Mapping) else None
    return value if isinstance(value, list) else []


def built_in_part(data: Mapping[Any, Any]) -> Built:
    """The items and targets of a plan with errors that can be built, for the plan rules."""
    from ywplan.core.model import Flags, Item, Milestone, Plan, Target

    items: list[Item] = []
    item_at: list[int] = []
    target_at: list[tuple[int, ...]] = []
    for index, raw in enumerate(_listed(data, "items")):
        targets = [
            (tindex, target)
            for tindex, raw_target in enumerate(_listed(raw, "targets"))
            if (target := _part(Target, raw_target, {})) is not None
        ]
        parts: dict[str, object] = {"targets": tuple(target for _, target in targets)}
        milestones = [_part(Milestone, m, {}) for m in _listed(raw, "milestones")]
        if all(milestone is not None for milestone in milestones):
            parts["milestones"] = tuple(milestones)
        item = _part(Item, raw, parts, ("number",), construct=True)
        if item is not None:
            items.append(item)
            item_at.append(index)
            target_at.append(tuple(tindex for tindex, _ in targets))
    flags = _part(Flags, data.get("flags", {}), {}) or Flags()
    plan = _part(Plan, data, {"items": tuple(items), "flags": flags}, construct=True)
    assert plan is not None  # every field of a plan but its items may be left out
    return Built(plan, tuple(item_at), tuple(target_at), whole=False)


def load_plan(path: Path) -> PlanFile:
    """Read and build the plan at *path*; unreadable files become problems too."""
    text, problem = read_text(path, MAX_PLAN_BYTES)
    if problem is not None:
        problem = replace(problem, key=_PLAN_KEYS.get(problem.key, problem.key))
        return PlanFile(path, None, yamlio.Marks(), (problem,))
    return parse_plan(text, str(path))
