"""Whether a plan's wording holds numbers that look like targets: for ``check``.

A draft whose every target was deleted (or never found) while its items' wording still
says 不少于400人次 has most likely lost its targets. :func:`numbers_without_targets`
names the items whose text holds such a quantity but which carry no target, and
:func:`lost_every_target` is the plan-level test the check rule needs. Both are pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from ywplan.importing.noise import strip_noise
from ywplan.importing.numerals import normalize_digits
from ywplan.importing.targets import UNITS

_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
# An Arabic number with a measure word: 400人次, 1.5万人, 30%. Not 第5次, not 12355, not 2.0.
_QUANTITY = re.compile(rf"(?<![第\d.+])\d+(?:\.\d+)?\s*(?:万|亿)?\s*(?:{_UNIT_ALT})")


class ItemLike(Protocol):
    """What the rule reads of a plan item (the plan model's items have these)."""

    @property
    def number(self) -> int: ...

    @property
    def text(self) -> str | None: ...

    @property
    def targets(self) -> Sequence[object]: ...


def looks_quantified(text: str) -> bool:
    """Whether *text* states a quantity with a measure word (400人次, 30%, 5个)."""
    return _QUANTITY.search(normalize_digits(strip_noise(text))) is not None


def numbers_without_targets(items: Iterable[ItemLike]) -> list[int]:
    """The numbers of the items whose text states a quantity but that have no target."""
    return [
        item.number
        for item in items
        if not item.targets and item.text is not None and looks_quantified(item.text)
    ]


def lost_every_target(items: Sequence[ItemLike]) -> list[int]:
    """The quantified items of a plan that has no target at all, else ``[]``.

    A non-empty answer is what ``check`` should warn about: the wording has numbers,
    yet not one target was kept.
    """
    if any(item.targets for item in items):
        return []
    return numbers_without_targets(items)
