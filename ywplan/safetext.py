"""Showing data on a terminal harmlessly: control characters made visible, long values clipped.

A ledger stores what a clerk typed faithfully, and a plan what its author wrote; only
the *display* is neutralised. A note holding ``\\x1b[2J`` (clear the screen), an OSC 8
hyperlink, a ``\\x1b]0;…\\x07`` window title or a right-to-left override (U+202E, which
makes ``exe.txt`` read as ``txt.exe``) is shown as visible escapes (``␛[2J``, ``\\u202e``)
rather than acted on by the terminal. Messages never echo a long value whole: each
line of a value is clipped, so a 10 KB garbage field cannot flood a terminal or a CI log.
"""

from __future__ import annotations

CLIP_WIDTH = 240
CLIP_LINES = 40

# Bidirectional embeddings, overrides and isolates, the Arabic letter mark, and the
# line/paragraph separators that some terminals and editors treat as line breaks.
_BIDI = (0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029)


def _table(keep: str) -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        if chr(code) not in keep:
            table[code] = chr(0x2400 + code)  # ␀ … ␟ (Unicode control pictures)
    table[0x7F] = "\u2421"  # ␡
    for code in range(0x80, 0xA0):
        table[code] = f"\\x{code:02x}"
    for code in _BIDI:
        table[code] = f"\\u{code:04x}"
    return table


_ONE_LINE = _table("")
_LINES = _table("\n")


def visible(text: str, *, lines: bool = False) -> str:
    """*text* with C0/C1 controls, DEL and bidi controls replaced by visible escapes.

    ``\\x1b`` → ``␛``, ``\\x07`` → ``␇``, ``\\x9b`` → ``\\x9b``, U+202E → ``\\u202e``. With
    *lines*, line feeds are kept (for multi-line messages); otherwise they show as ``␊``.
    """
    return text.translate(_LINES if lines else _ONE_LINE)


def clip(text: str, width: int = CLIP_WIDTH, max_lines: int = CLIP_LINES) -> str:
    """*text* with each line cut to *width* characters and at most *max_lines* lines.

    A cut is marked ``…(+N)``, N being how many characters were left out.
    """
    if len(text) <= width and "\n" not in text:
        return text
    parts = text.split("\n")
    shown = [p if len(p) <= width else f"{p[:width]}…(+{len(p) - width})" for p in parts]
    if len(shown) > max_lines:
        shown = [*shown[:max_lines], f"…(+{len(shown) - max_lines})"]
    return "\n".join(shown)


def shown(text: str) -> str:
    """A value as a message shows it: clipped, controls visible, line feeds kept."""
    return visible(clip(text), lines=True)
