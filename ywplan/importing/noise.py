"""Copy-protection noise: symbol characters sprinkled through a published text.

Published plans often carry ★ ■ ◆ and similar shapes scattered through words, numbers
(``2■◆★★★.0``) and item numbers (``19■★.``), plus invisible zero-width characters.
None of these ever carries meaning in a work plan, so they are removed everywhere.

The set is defined by Unicode blocks, not by example, so that a document using ▲ or ♦
instead of ★ is cleaned just as well:

* Geometric Shapes (U+25A0–U+25FF: ■ □ ▲ △ ◆ ◇ ● ◎ …), except ○ (U+25CB) and ◯ (U+25EF),
  which clerks type for 〇 in dates such as 二○二四年;
* stars ★ ☆ (U+2605–U+2606), ✦ … ✰ (U+2726–U+2730), ⭐ (U+2B50);
* card suits ♠ ♡ ♢ ♣ ♤ ♥ ♦ ♧ (U+2660–U+2667), ❖ (U+2756), ⬛ ⬜ (U+2B1B–U+2B1C);
* zero-width characters (U+200B–U+200D, U+2060, U+FEFF).
"""

from __future__ import annotations

_KEPT = frozenset("○◯")  # stand-ins for 〇 (二○二四年)


def _ranges(*spans: tuple[int, int]) -> frozenset[str]:
    return frozenset(chr(cp) for first, last in spans for cp in range(first, last + 1))


NOISE: frozenset[str] = (
    _ranges(
        (0x25A0, 0x25FF),
        (0x2605, 0x2606),
        (0x2660, 0x2667),
        (0x2726, 0x2730),
        (0x2756, 0x2756),
        (0x2B1B, 0x2B1C),
        (0x2B50, 0x2B50),
        (0x200B, 0x200D),
        (0x2060, 0x2060),
        (0xFEFF, 0xFEFF),
    )
    - _KEPT
)

_DELETE = str.maketrans(dict.fromkeys(NOISE))


def strip_noise(text: str) -> str:
    """*text* without any copy-protection noise character (:data:`NOISE`)."""
    return text.translate(_DELETE)
