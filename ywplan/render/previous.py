"""Whether an existing file is an earlier output of ywplan, which ``-o`` may replace.

``-o`` replaces, without ``--force``, only what ywplan wrote (the weekly routine writes
the same file again and again) and refuses anything else: a typo must not cost someone
a spreadsheet. A file is recognised as ywplan's when its name has an extension of the
format being written (``txt`` for a name no format claims) and its content is:

* empty, or the very bytes about to be written (nothing would be lost);
* html: a page carrying ywplan's ``<meta name="generator" content="ywplan">``;
* xlsx, docx: a workbook or document whose author (``docProps/core.xml``) is ywplan;
* json: a document whose first keys are those about to be written (ywplan writes one
  key per line, so another period or day of the same command has the same keys);
* txt, markdown, csv: text that opens like the output about to be written: the same
  first line (a listing's header), or the same second and third lines (a report's
  organisation lines, a listing's column headings), spaces and a BOM aside.

Only the first 64 KiB are read, so a huge file costs nothing. The rules are documented
in ``docs/reports.md``; ``tests/test_hostile_output.py`` holds files they refuse.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from ywplan.render.formats import FORMATS, Format, by_extension

HEAD = 64 * 1024
MAX_WORKBOOK = 64 * 1024 * 1024  # ywplan's workbooks are kilobytes; a larger zip is not one
_CREATOR = re.compile(rb"<dc:creator\b[^>]*>ywplan</dc:creator>")
_JSON_KEY = re.compile(rb'^\s*"((?:[^"\\]|\\.)*)"\s*:', re.MULTILINE)
_FIRST_KEYS = 5


def opening(pieces: Iterator[bytes]) -> list[bytes]:
    """The first of an output's *pieces*, taken from the iterator: all of them, or as
    many as hold more than :data:`HEAD` bytes, which :func:`written_by_ywplan` judges
    as it would judge the whole (it reads no further than that)."""
    first: list[bytes] = []
    size = 0
    for piece in pieces:
        first.append(piece)
        size += len(piece)
        if size > HEAD:
            break
    return first


def written_by_ywplan(path: Path, fmt: Format, new: bytes) -> bool:
    """True when the regular file at *path* is an earlier output of *fmt* (see the module).

    *new* is what is about to be written, or its :func:`opening` (more than :data:`HEAD`
    bytes of it): the rules look no further.
    """
    from ywplan.store.textfile import open_regular

    if by_extension(path.name, tuple(f.name for f in FORMATS)).name != fmt.name:
        return False
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            head = handle.read(HEAD)
    except OSError:
        return False
    if size == 0 or (size == len(new) and head == new):
        return True
    return RULES.get(fmt.name, _opens_alike)(path, head, new)


def _marked_page(path: Path, head: bytes, new: bytes) -> bool:
    from ywplan.render.html import GENERATOR

    return GENERATOR.encode() in head


def _workbook_by_ywplan(path: Path, head: bytes, new: bytes) -> bool:
    import zipfile

    if not head.startswith(b"PK\x03\x04") or path.stat().st_size > MAX_WORKBOOK:
        return False
    try:
        with zipfile.ZipFile(path) as book, book.open("docProps/core.xml") as core:
            properties = core.read(HEAD)
    except Exception:  # a damaged or hostile zip, whatever zipfile says: not ywplan's
        return False
    return _CREATOR.search(properties) is not None


def _same_first_keys(path: Path, head: bytes, new: bytes) -> bool:
    keys = _JSON_KEY.findall(new[:HEAD])[:_FIRST_KEYS]
    return bool(keys) and _JSON_KEY.findall(head)[:_FIRST_KEYS] == keys


def _opens_alike(path: Path, head: bytes, new: bytes) -> bool:
    old, wanted = _opening(head), _opening(new[:HEAD])
    if not wanted:
        return False
    return old[:1] == wanted[:1] or (len(wanted) == 3 and old[1:3] == wanted[1:3])


def _opening(data: bytes) -> list[str]:
    """The first three lines, a BOM dropped and each line's runs of spaces made one."""
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    return [" ".join(line.split()) for line in text.splitlines()[:3]]


RULES: dict[str, Callable[[Path, bytes, bytes], bool]] = {
    "html": _marked_page,
    "xlsx": _workbook_by_ywplan,
    "docx": _workbook_by_ywplan,  # a Word file is a zip with the same core properties
    "json": _same_first_keys,
}
