"""What a command needs from its surroundings: today's date, the clerk's name, the plan path.

Kept apart from the pure core so tests can fix "today" (``YWPLAN_TODAY``) and the clerk
(``YWPLAN_BY``) through the environment, as a user's shell would.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from pathlib import Path

from ywplan.core.dates import parse_date
from ywplan.errors import YwplanError
from ywplan.store.discovery import find_plan


def today() -> dt.date:
    """Today, or ``$YWPLAN_TODAY`` (for demos and tests)."""
    fixed = os.environ.get("YWPLAN_TODAY")
    if fixed:
        day = parse_date(fixed)
        if day is None:
            raise YwplanError("runtime.bad_today", value=fixed[:20])
        return day
    return dt.date.today()


def now_stamp() -> str:
    """The local time with its UTC offset, to the second: ``2024-05-10T16:20:05+08:00``."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def clerk() -> str:
    """Who is recording: ``$YWPLAN_BY``, else the login name."""
    name = os.environ.get("YWPLAN_BY")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name on some containers
        return ""


def plan_path(option: str | None) -> Path:
    """The plan this command works on (``--plan``, ``$YWPLAN_PLAN``, ``./plans``)."""
    return find_plan(option, os.environ, Path())
