"""How much ``ywplan import`` reads: every bound on its input, in one place.

A year's work plan is 10–200 KB of text, its .docx 1–10 MB (mostly pictures). The
bounds leave ten times that room, and stop what no plan is — a disk image, an endless
device, a zip bomb — before it costs minutes or gigabytes (docs/import.md lists them).
"""

from __future__ import annotations

MB = 1024 * 1024

MAX_TEXT_BYTES = 2 * MB
"""A text file (or text on standard input) is read up to this many bytes."""

MAX_DOCX_BYTES = 20 * MB
"""A .docx file (or one on standard input) is read up to this many bytes."""

MAX_TEXT_CHARS = 1_000_000
"""The text drawn from a .docx: about what the largest text file holds (2 MB of GB18030
or UTF-16 is a million Chinese characters, of UTF-8 some 700,000)."""

MAX_UNPACKED_BYTES = 40 * MB
"""All the parts of a .docx together, as its zip directory declares them unpacked.

Pictures unpack to about their packed size; the XML python-docx parses takes some 15
times its size in memory, so this also bounds the memory a .docx can cost (~0.6 GB)."""

MAX_PARTS = 10_000
"""Parts (zip members) of a .docx; Word writes tens, a few hundred with many pictures."""

MAX_RATIO = 100
"""How many times its packed size a part may unpack to (Word's XML packs about 5–20:1)."""

RATIO_FLOOR = MB
"""Parts smaller than this unpacked are not held to MAX_RATIO: they cannot hurt."""


def size_text(size: int) -> str:
    """*size* bytes for a message: ``2 MB``, ``39.1 MB``, ``0.5 MB``."""
    return f"{round(size / MB, 1):g} MB"
