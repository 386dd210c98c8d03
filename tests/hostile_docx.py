"""Builders of hostile .docx packages for the import tests, made in memory and kept small.

A package is python-docx's blank document with its body (and, when asked, other parts)
replaced, so each test states only the WordprocessingML that matters to it.
"""

from __future__ import annotations

import io
import struct
import zipfile
from functools import cache

_CENTRAL = b"PK\x01\x02"  # a central-directory record of a zip


@cache
def _blank() -> bytes:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def part(name: str) -> bytes:
    """The part *name* (``word/styles.xml``) of the blank document."""
    with zipfile.ZipFile(io.BytesIO(_blank())) as package:
        return package.read(name)


def package(body: str = "", *, parts: dict[str, bytes] | None = None, level: int = 6) -> bytes:
    """A .docx whose body is *body* (WordprocessingML), with *parts* replaced or added."""
    replaced = dict(parts or {})
    document = part("word/document.xml")
    head, _, tail = document.partition(b"<w:body>")
    sect = tail[tail.index(b"<w:sectPr") :]
    replaced.setdefault("word/document.xml", head + b"<w:body>" + body.encode() + sect)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_blank())) as blank,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as made,
    ):
        for name in blank.namelist():
            made.writestr(name, replaced.pop(name, None) or blank.read(name))
        for name, data in replaced.items():
            made.writestr(name, data)
    return out.getvalue()


def paragraph(text: str, *, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    """A ``w:p`` with *text*, its style id and its (list id, level) numbering."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def with_styles(styles: str) -> bytes:
    """The blank document's styles part with *styles* (``w:style`` elements) added."""
    return part("word/styles.xml").replace(b"</w:styles>", styles.encode() + b"</w:styles>")


def with_numbering(extra: str) -> bytes:
    """The blank document's numbering part with *extra* (``w:num`` elements) added."""
    return part("word/numbering.xml").replace(b"</w:numbering>", extra.encode() + b"</w:numbering>")


def declared(data: bytes, sizes: dict[str, int]) -> bytes:
    """*data* with the central directory declaring *sizes* (uncompressed) for these members.

    Only the declaration changes, so a test can show a package that claims gigabytes
    without writing them: the reader must refuse it on the declaration alone.
    """
    out = bytearray(data)
    at = out.find(_CENTRAL)
    while at >= 0:
        name_length = struct.unpack_from("<H", out, at + 28)[0]
        name = bytes(out[at + 46 : at + 46 + name_length]).decode()
        if name in sizes:
            struct.pack_into("<I", out, at + 24, sizes[name])
        at = out.find(_CENTRAL, at + 46)
    return bytes(out)
