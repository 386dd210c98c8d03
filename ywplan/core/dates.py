"""Calendar arithmetic: quarters (``2024Q2``), months (``2024-05``), the default as-of date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

_QUARTER = re.compile(r"(\d{4})-?[Qq]([1-4])")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
# As clerks write a day in a spreadsheet: 2024/9/5, 2024.9.5, 2024-9-5, 2024年9月5日, 9月5日.
_WRITTEN = re.compile(r"(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?")
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
# Day 0 of Excel's (and WPS's, LibreOffice's) serial dates: 45540 is 2024-09-05.
EXCEL_EPOCH = dt.date(1899, 12, 30)
MAX_SERIAL = 2_958_465  # 9999-12-31


@dataclass(frozen=True, slots=True)
class Period:
    """A quarter or a month of a year: its first and last day and how users write it."""

    label: str
    first: dt.date
    last: dt.date

    def within(self, day: dt.date) -> dt.date:
        """*day* if it falls in the period, else the period's nearer end (what a report of
        the period is measured at)."""
        return min(max(day, self.first), self.last)


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


def from_serial(serial: float) -> dt.date | None:
    """The day an Excel serial number stands for (``45540`` → 2024-09-05; a time of day,
    the fraction, is dropped); None when it is no day Excel can show."""
    if not 1 <= serial <= MAX_SERIAL:
        return None
    return EXCEL_EPOCH + dt.timedelta(days=int(serial))


def parse_written_date(text: str, year: int) -> dt.date | None:
    """A day as clerks type it in a form: ``2024-09-05``, ``2024/9/5``, ``2024.9.5``,
    ``2024年9月5日``, ``9月5日`` (in *year*), or Excel's serial number ``45540``;
    full-width digits too. None when it is none of these, or no such day."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if _SERIAL.fullmatch(cleaned):
        return from_serial(float(cleaned))
    match = _WRITTEN.fullmatch(cleaned)
    if match is None or (match[1] is None and "月" not in cleaned):
        return None  # 9/5 is the 5th of September to some and the 9th of May to others
    try:
        return dt.date(int(match[1] or year), int(match[2]), int(match[3]))
    except ValueError:
        return None


def default_as_of(year: int, today: dt.date) -> dt.date:
    """Today; the plan year's last day once it is over; its first day before it starts."""
    if today.year > year:
        return dt.date(year, 12, 31)
    if today.year < year:
        return dt.date(year, 1, 1)
    return today
