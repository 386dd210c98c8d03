"""Grading of sub-units (评价定级, SPEC §9): a score from the quotas, a grade from the bands.

A unit's **score** is the weighted mean of its quota completions, each capped at 100 %
(:func:`ywplan.core.ranking.unit_percent`, the ranking's own measure: a graded plan
ranks its units by score), rounded to one decimal;
a target's weight is ``grading.weights[ref]``, else 1. Its **grade** is the highest band
whose minimum the shown (rounded) score reaches, else :data:`FAIL` (不合格). The plan rules
of ``grading`` are here too, registered in :data:`GRADING_RULES`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ywplan.core.model import Grading, Plan
from ywplan.core.numbers import format_amount
from ywplan.core.progress import TargetProgress
from ywplan.core.ranking import unit_percent

if TYPE_CHECKING:
    from ywplan.core.rules import Places, PlanRule
    from ywplan.errors import Problem

# The grade of a unit that reaches no band (不合格 / fail when shown).
FAIL = "fail"


def unit_score(quotas: Iterable[TargetProgress], grading: Grading | None) -> float | None:
    """The weighted mean of the capped quota completions, to one decimal; None without quotas."""
    return unit_percent(quotas, grading.weights if grading else None)


def grade_of(score: float | None, grading: Grading | None) -> str | None:
    """The highest band *score* reaches, else :data:`FAIL`; None without grading or score."""
    if grading is None or score is None:
        return None
    reached = [(least, name) for name, least in grading.bands.items() if score >= least]
    return max(reached)[1] if reached else FAIL


# --- plan rules -------------------------------------------------------------------------


def bands_descending(plan: Plan, places: Places) -> list[Problem]:
    """Each band's minimum is a score from 0 to 100, below the one before it (best first)."""
    if plan.grading is None:
        return []
    problems = []
    previous: tuple[str, float] | None = None
    for name, least in plan.grading.bands.items():
        path = ("grading", "bands", name)
        if not 0 <= least <= 100:
            problems.append(
                places.at(path, "plan.band_range", band=name, value=format_amount(least))
            )
        elif previous is not None and least >= previous[1]:
            problems.append(
                places.at(
                    path,
                    "plan.bands_order",
                    band=name,
                    value=format_amount(least),
                    before=previous[0],
                    least=format_amount(previous[1]),
                )
            )
        previous = (name, least)
    return problems


def weighted_targets_exist(plan: Plan, places: Places) -> list[Problem]:
    """Every weight names a target of the plan (``26.cadre-training``) that has quotas."""
    if plan.grading is None:
        return []
    targets = {f"{item.number}.{target.id}": target for item, target in plan.targets()}
    problems = []
    for ref in plan.grading.weights:
        path = ("grading", "weights", ref)
        target = targets.get(ref)
        if target is None:
            close = difflib.get_close_matches(ref, list(targets), n=1, cutoff=0.6)
            suggest = close[0] if close else ", ".join(list(targets)[:8]) or "-"
            problems.append(
                places.at(path, "plan.weight_target", on_key=True, ref=ref, suggest=suggest)
            )
        elif not target.by_unit:
            problems.append(
                places.at(path, "plan.weight_no_quota", on_key=True, severity="warning", ref=ref)
            )
    return problems


GRADING_RULES: tuple[PlanRule, ...] = (bands_descending, weighted_targets_exist)
