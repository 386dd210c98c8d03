"""Reading a plan document: a path or ``-`` (standard input) → its text.

Text files are decoded as UTF-8 (with or without a byte-order mark), UTF-16 when a
byte-order mark says so (Windows Notepad's "Unicode"), else GB18030, which covers GBK
and GB2312 (WPS and older Windows save plans that way). A .docx document is recognised
by its content (a zip package), not only by its name, so it also works on standard input.

Only a regular file or standard input is read, and never more than the bound of what it
holds (:mod:`.limits`): a folder, a pipe or a device path is refused before it is read,
and a file or stream that goes on past the bound is refused without reading the rest.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from typing import BinaryIO

from ywplan.errors import YwplanError
from ywplan.importing.limits import MAX_DOCX_BYTES, MAX_TEXT_BYTES, size_text

STDIN = "-"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .wps: the old binary formats
_OTHER_FORMATS = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"{\\rtf")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_TEXT_ENCODINGS = ("utf-8-sig", "gb18030")
# A FIFO opened without O_NONBLOCK waits for a writer; O_BINARY keeps Windows from
# translating line ends. Both are 0 where the system has no such flag.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_document(source: str | os.PathLike[str]) -> str:
    """The text of the plan document at *source* (a .txt or .docx path, or ``-``)."""
    name = str(source)
    if name == STDIN:
        if sys.stdin is None:  # started with standard input closed (- <&-)
            raise YwplanError("import.no_stdin")
        return decode_document(_read_bounded(sys.stdin.buffer, STDIN), STDIN)
    try:
        if not stat.S_ISREG(os.stat(name).st_mode):
            raise YwplanError("import.not_a_file", path=name)
        fd = os.open(name, _OPEN_FLAGS)
        with os.fdopen(fd, "rb") as stream:
            info = os.fstat(stream.fileno())  # the file opened may not be the one looked at
            if not stat.S_ISREG(info.st_mode):
                raise YwplanError("import.not_a_file", path=name)
            data = _read_bounded(stream, name, info.st_size)
    except FileNotFoundError:
        raise YwplanError("import.not_found", path=name) from None
    except OSError as exc:
        raise YwplanError("import.unreadable", path=name, reason=exc.strerror or str(exc)) from None
    return decode_document(data, name)


def _read_bounded(stream: BinaryIO, name: str, size: int | None = None) -> bytes:
    """At most the bound of *stream*'s kind (.docx or text); *size* is its size, if known.

    The kind is told from the first bytes; one byte past the bound is read, never more,
    so that a stream with no end (``- < /dev/zero``) is refused as soon as it is too large.
    """
    head = stream.read(len(_ZIP))
    docx = head.startswith(_ZIP)
    limit = MAX_DOCX_BYTES if docx else MAX_TEXT_BYTES
    if size is None or size <= limit:
        data = head + stream.read(limit + 1 - len(head))
        if len(data) <= limit:
            return data
    key = "import.docx_too_large" if docx else "import.text_too_large"
    raise YwplanError(key, path=name, limit=size_text(limit))


def decode_document(data: bytes, name: str) -> str:
    """The text of a document's bytes: a .docx package or encoded text (*name* for messages)."""
    if data.startswith(_ZIP):
        from ywplan.importing.docx_text import docx_text

        return docx_text(data, name)
    if data.startswith(_OLE):
        raise YwplanError("import.legacy_doc", path=name)
    if data.startswith(_OTHER_FORMATS):
        raise YwplanError("import.unsupported", path=name)
    return decode_text(data, name)


def decode_text(data: bytes, name: str) -> str:
    """Bytes of a text file as text: UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise YwplanError("import.undecodable", path=name) from None
    if b"\x00" in data:
        raise YwplanError("import.unsupported", path=name)
    for encoding in _TEXT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise YwplanError("import.undecodable", path=name)
