"""Reading a plan document: a path or ``-`` (standard input) → its text.

Text files are decoded as UTF-8 (with or without a byte-order mark), UTF-16 when a
byte-order mark says so (Windows Notepad's "Unicode"), else GB18030, which covers GBK
and GB2312 (WPS and older Windows save plans that way). A .docx document is recognised
by its content (a zip package), not only by its name, so it also works on standard input.
"""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

from ywplan.errors import YwplanError

STDIN = "-"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .wps: the old binary formats
_OTHER_FORMATS = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"{\\rtf")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_TEXT_ENCODINGS = ("utf-8-sig", "gb18030")


def read_document(source: str | os.PathLike[str]) -> str:
    """The text of the plan document at *source* (a .txt or .docx path, or ``-``)."""
    if str(source) == STDIN:
        return decode_document(sys.stdin.buffer.read(), STDIN)
    path = Path(source)
    name = str(source)
    if not path.exists():
        raise YwplanError("import.not_found", path=name)
    if not path.is_file():
        raise YwplanError("import.not_a_file", path=name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise YwplanError("import.unreadable", path=name, reason=exc.strerror or str(exc)) from None
    return decode_document(data, name)


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
