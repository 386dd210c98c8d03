"""Calendar arithmetic: quarters (``2024Q2``), months (``2024-05``), the default as-of date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_QUARTER = re.compile(r"(\d{4})-?[Qq]([1-4])")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


@dataclass(frozen=True, slots=True)
class Period:
    """A quarter or a month of a year: its first and last day and how users write it."""

    label: str
    first: dt.date
    last: dt.date


def parse_quarter(text: str) -> Period | None:
    """``2024Q2`` (or ``2024-Q2``, ``2024q2``) as a period; None when it is not one."""
    match = _QUARTER.fullmatch(text.strip())
    if not match:
        return None
    year, quarter = int(match[1]), int(match[2])
    first = dt.date(year, 3 * quarter - 2, 1)
    return Period(f"{year}Q{quarter}", first, month_end(year, 3 * quarter))


def parse_month(text: str) -> Period | None:
    """``2024-05`` as a period; None when it is not one."""
    match = _MONTH.fullmatch(text.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        return None
    year, month = int(match[1]), int(match[2])
    return Period(f"{year}-{month:02d}", dt.date(year, month, 1), month_end(year, month))


def month_end(year: int, month: int) -> dt.date:
    """The last day of *month*."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_date(text: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` date, or None (``20240101`` and ``2024-1-1`` are refused)."""
    text = text.strip()
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def default_as_of(year: int, today: dt.date) -> dt.date:
    """Today; the plan year's last day once it is over; its first day before it starts."""
    if today.year > year:
        return dt.date(year, 12, 31)
    if today.year < year:
        return dt.date(year, 1, 1)
    return today
