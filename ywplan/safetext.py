"""Showing data harmlessly: controls made visible, long values clipped, no cell a formula.

A ledger stores what a clerk typed faithfully, and a plan what its author wrote; only
the *display* is neutralised. A note holding ``\\x1b[2J`` (clear the screen), an OSC 8
hyperlink, a ``\\x1b]0;…\\x07`` window title, a right-to-left override (U+202E, which
makes ``exe.txt`` read as ``txt.exe``) or a zero-width space (two names that look the
same) is shown as visible escapes (``␛[2J``, ``\\u202e``, ``\\u200b``) rather than acted
on by the terminal or hidden from the reader. Messages never echo a long value whole:
each line of a value is clipped, so a 10 KB garbage field cannot flood a terminal or a
CI log.

Every view for people goes through :func:`visible` (the terminal, txt, Markdown, HTML,
CSV, xlsx); spreadsheet cells also through :func:`spreadsheet_text`; JSON keeps the exact
text and writes these characters as ``\\uXXXX`` escapes (:func:`json_escaped`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import re

CLIP_WIDTH = 240
CLIP_LINES = 40

# Bidirectional embeddings, overrides, isolates and marks, the line/paragraph separators
# that some terminals and editors treat as line breaks, and the characters that show
# nothing at all (zero-width space and joiners, word joiner, invisible operators, a BOM
# inside a text).
_INVISIBLE = (
    0x061C,
    *range(0x200B, 0x2010),
    *range(0x202A, 0x202F),
    *range(0x2060, 0x2070),
    0x2028,
    0x2029,
    0xFEFF,
)


def _table(keep: str) -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        if chr(code) not in keep:
            table[code] = chr(0x2400 + code)  # ␀ … ␟ (Unicode control pictures)
    table[0x7F] = "\u2421"  # ␡
    for code in range(0x80, 0xA0):
        table[code] = f"\\x{code:02x}"
    for code in _INVISIBLE:
        table[code] = f"\\u{code:04x}"
    return table


_ONE_LINE = _table("")
_LINES = _table("\n")
# JSON escapes C0 controls itself; these it would write raw, though ``\\uXXXX`` is the same value.
_JSON = {code: f"\\u{code:04x}" for code in (0x7F, *range(0x80, 0xA0), *_INVISIBLE)}
# What a spreadsheet runs as a formula (or DDE) when a text cell starts with it.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Joins a column's texts so one pass serves them all: a control (which no cell keeps, so
# a column holding one is made a cell at a time), and ASCII, so an ASCII column stays
# one byte a character.
_JOIN = "\x1f"


def visible(text: str, *, lines: bool = False) -> str:
    """*text* with C0/C1 controls, DEL, bidi and invisible characters as visible escapes.

    ``\\x1b`` → ``␛``, ``\\x07`` → ``␇``, ``\\x9b`` → ``\\x9b``, U+202E → ``\\u202e``,
    U+200B → ``\\u200b``. With *lines*, line feeds are kept (for multi-line messages);
    otherwise they show as ``␊``.
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


def spreadsheet_text(text: str) -> str:
    """A text cell for CSV or xlsx: :func:`visible`, and never run as a formula.

    A cell that starts with ``= + - @`` gets a leading ``'`` (``=cmd|…`` → ``'=cmd|…``),
    as OWASP advises against CSV injection; tabs and carriage returns are already visible.
    """
    text = visible(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def unchanged_cell(also: str, longest: int | None = None) -> str:
    """A pattern of the text cells :func:`spreadsheet_text` gives back as they are, none
    of them holding a character of *also*, nor more than *longest* characters: no control
    or invisible character, no formula start."""
    import re

    never = "".join(map(re.escape, sorted(map(chr, _ONE_LINE)))) + re.escape(also)
    starts = re.escape("".join(_FORMULA_START))
    rest = "*" if longest is None else f"{{0,{longest - 1}}}"
    return f"(?:[^{never}{starts}][^{never}]{rest})?"


@cache
def _column_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """In a joined column: a character :func:`visible` replaces (but the join), and a
    join before a cell that starts as a formula would. Compiled on first use, as most
    runs that import this module write no spreadsheet."""
    import re

    shown = "".join(re.escape(chr(code)) for code in sorted(_ONE_LINE) if chr(code) != _JOIN)
    starts = re.escape("".join(_FORMULA_START))
    return re.compile(f"[{shown}]"), re.compile(f"{re.escape(_JOIN)}(?=[{starts}])")


def _shown(match: re.Match[str]) -> str:
    return _ONE_LINE[ord(match[0])]


def spreadsheet_texts(texts: Sequence[str]) -> list[str]:
    """:func:`spreadsheet_text` of each of *texts*, at C speed for a long column.

    The column is joined into one text (a join before the first cell too), its controls
    made visible by one substitution (``str.translate`` would look every character up;
    a pattern skips the plain ones), its formula starts marked by another, and split
    again: the same cells, without a Python call per cell.
    """
    joined = _JOIN + _JOIN.join(texts)
    if not texts or joined.count(_JOIN) != len(texts):
        return [spreadsheet_text(text) for text in texts]
    controls, formulas = _column_patterns()
    if controls.search(joined) is None and formulas.search(joined) is None:
        return list(texts)  # nothing to change (ids, times): no copy of every cell
    joined = formulas.sub(_JOIN + "'", controls.sub(_shown, joined))
    return joined.split(_JOIN)[1:]


def json_escaped(document: str) -> str:
    """A JSON document with DEL, C1, bidi and invisible characters written as ``\\uXXXX``.

    The same JSON value (those characters only ever stand inside strings), but a
    terminal that shows the document is not driven by them. A pattern finds them
    (``str.translate`` would look every character of a long document up).
    """
    return _json_escapes().sub(_json_escape, document)


@cache
def _json_escapes() -> re.Pattern[str]:
    import re

    return re.compile(f"[{''.join(re.escape(chr(code)) for code in sorted(_JSON))}]")


def _json_escape(match: re.Match[str]) -> str:
    return _JSON[ord(match[0])]
