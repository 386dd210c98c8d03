"""The office's own level, read from its name: what an entry of no sub-unit is labelled.

An entry without a ``unit`` belongs to the office that keeps the plan, not to one of
its sub-units: 全市 for a city's committee (共青团嘉兴市委), 全县 for a county's
(共青团嘉善县委), 全区 for a district's, 全省 for a province's. A plan states its office
in ``org``; its level is the place word that ends the office's name, once the
committee's own words (团, 工作, 委员会, 委) are taken off. A name without one (a school's
or a company's committee) is labelled 本级, "(office level)".
"""

from __future__ import annotations

import re

from ywplan.i18n import t

# The committee's own words at the end of an office's name.
_COMMITTEE = re.compile(r"(?:团|工作)*(?:委员会|工委|委)$")
# The place word that then ends it, and the level it names (longer words first).
_LEVELS = (
    ("自治区", "region"),
    ("街道", "subdistrict"),
    ("省", "province"),
    ("市", "city"),
    ("州", "prefecture"),
    ("盟", "league"),
    ("县", "county"),
    ("旗", "banner"),
    ("区", "district"),
    ("镇", "town"),
    ("乡", "township"),
)


def office_level(org: str) -> str | None:
    """The level of the office named *org* (``"city"`` for 共青团嘉兴市委), None when its
    name does not end with a place word."""
    name = _COMMITTEE.sub("", org.strip())
    return next((level for word, level in _LEVELS if name.endswith(word)), None)


def no_unit_label(org: str) -> str:
    """What an entry of no sub-unit is called in the plan of the office *org*:
    ``全市``/``whole city``, ``全县``/``whole county`` …, else ``本级``/``(office level)``."""
    level = office_level(org)
    return t("office.whole_" + level) if level else t("office.own_level")
