"""Numbers as plans write them: 400, ４００, 1,000, 1.5万, 两, 三十, 一千二百, 二〇二四.

Every function here is pure. Values come back as ``int`` when they are whole and as
``float`` otherwise, computed in decimal so that ``1.1万`` is exactly 11000.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

Number = int | float

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％＋", "0123456789.%+")

DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
_BIG: dict[str, int] = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(_SMALL) + "".join(_BIG)

_ARABIC = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_DIGIT_STRING = re.compile(f"[{''.join(DIGITS)}]+")


def normalize_digits(text: str) -> str:
    """*text* with full-width digits, ``．``, ``％`` and ``＋`` made ASCII (same length)."""
    return text.translate(_FULLWIDTH)


def as_number(value: Decimal) -> Number:
    """*value* as an ``int`` when it is whole, else as a ``float``."""
    return int(value) if value == value.to_integral_value() else float(value)


def parse_arabic(text: str) -> Decimal | None:
    """``400``, ``４００``, ``1,000`` or ``2.5`` as a decimal; ``None`` if it is not one."""
    text = normalize_digits(text)
    if not _ARABIC.fullmatch(text):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        return None


class _Reader:
    """Reads a Chinese numeral left to right (``一万零五``, ``三百五``, ``两千``)."""

    def __init__(self) -> None:
        self.done = 0  # completed 万 and 亿 groups
        self.group = 0  # the current group below 万
        self.digit: int | None = None
        self.zero = False  # a 零 since the last multiplier
        self.last_small = 10_000  # multipliers fall within a group: 千 > 百 > 十
        self.last_mult = 1

    def feed(self, ch: str) -> bool:
        if ch in DIGITS:
            return self._digit(DIGITS[ch])
        if ch in _SMALL:
            return self._small(_SMALL[ch])
        return self._big(_BIG[ch])

    def _digit(self, value: int) -> bool:
        if value == 0:
            self.zero = True
            return self.digit is None
        if self.digit is not None:
            return False  # 二四: digits in a row are a digit string, not a numeral
        self.digit = value
        return True

    def _small(self, mult: int) -> bool:
        if mult >= self.last_small or (self.digit is None and mult != 10):
            return False
        self.group += (self.digit if self.digit is not None else 1) * mult
        self.digit, self.zero, self.last_small, self.last_mult = None, False, mult, mult
        return True

    def _big(self, mult: int) -> bool:
        value = self.group + (self.digit or 0)
        if value == 0 and self.done == 0:
            return False
        self.done = (self.done + value) * mult if mult > 10_000 else self.done + value * mult
        self.group, self.digit, self.zero, self.last_small = 0, None, False, 10_000
        self.last_mult = mult
        return True

    def value(self) -> int:
        tail = self.digit or 0
        if tail and not self.zero and self.last_mult >= 100:
            tail *= self.last_mult // 10  # 三百五 is 350, 一万二 is 12000
        return self.done + self.group + tail


def parse_chinese(text: str) -> int | None:
    """A Chinese numeral (``两``, ``十五``, ``一千二百``, ``三万``) as an int, else ``None``."""
    if not text or any(ch not in CHINESE_NUMERAL_CHARS for ch in text):
        return None
    if len(text) > 1 and _DIGIT_STRING.fullmatch(text):
        return None  # 二〇二四 is read by parse_digit_string
    reader = _Reader()
    for ch in text:
        if not reader.feed(ch):
            return None
    return reader.value()


def parse_digit_string(text: str) -> int | None:
    """Digits read one by one (``二〇二四`` → 2024), as years are written; else ``None``."""
    if not _DIGIT_STRING.fullmatch(text):
        return None
    return int("".join(str(DIGITS[ch]) for ch in text))


def parse_number(text: str, *, scale: int = 1) -> Number | None:
    """Arabic, full-width or Chinese *text* as a number, times *scale* (10,000 for 万).

    ``parse_number("1.5", scale=10_000)`` is 15000; ``None`` when *text* is not a number.
    """
    value = parse_arabic(text)
    if value is None:
        chinese = parse_chinese(text)
        if chinese is None:
            return None
        value = Decimal(chinese)
    return as_number(value * scale)
