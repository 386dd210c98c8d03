"""Helpers shared by the ``test_import_*`` modules."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"
SEED_002 = DATA / "seed_002.txt"  # a copy of the shared seed 002: the 2024 Jiaxing plan


def to_chinese(n: int) -> str:
    """The standard Chinese numeral of 0 <= n < 10**8 (written here, independent of the parser)."""
    digits = "零一二三四五六七八九"

    def below_10k(m: int) -> str:
        out, gap = "", False
        for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = m // value % 10
            if d == 0:
                gap = bool(out)
                continue
            out += ("零" if gap else "") + digits[d] + unit
            gap = False
        return out

    if n == 0:
        return "零"
    high, low = divmod(n, 10_000)
    text = below_10k(high) + "万" if high else ""
    if low:
        text += ("零" if high and low < 1000 else "") + below_10k(low)
    return text[1:] if text.startswith("一十") else text
