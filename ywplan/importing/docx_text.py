"""A .docx document → its text, one paragraph per line, in document order.

Paragraphs and tables are read as they stand in the body. Word's automatic numbering is
written out (``1.`` or ``一、`` as the list level defines it), because python-docx
leaves it out of a paragraph's text and a plan's items are very often numbered that way.
A table row whose first cell is a bare number (序号) becomes the item ``N.…``, its other
cells joined; a column headed 牵头/责任 is kept as ``(牵头单位:…)`` for the item's lead.

Before python-docx unpacks anything, the package's zip directory is checked against the
bounds of :mod:`.limits` (parts, packing ratio, unpacked size: a zip bomb is refused on
what it declares, and the zip reader never unpacks more than a part declares), and the
text drawn from it is bounded as it grows.

python-docx is imported here only, so that reading a .txt never pays for it.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from ywplan.errors import YwplanError
from ywplan.importing.limits import (
    MAX_PARTS,
    MAX_RATIO,
    MAX_TEXT_CHARS,
    MAX_UNPACKED_BYTES,
    RATIO_FLOOR,
    size_text,
)

_NUMBER_CELL = re.compile(r"\s*(\d{1,4})\s*[.．、]?\s*")
_LEAD_HEADER = ("牵头", "责任")
_HEADER_WORDS = ("序号", *_LEAD_HEADER)
_HEADER_WIDTH = 8
_MAX_LEVELS = 9  # Word lists have levels 0..8
_SENTENCE_END = "。;;::,,!!??"
_CN_DIGITS = "零一二三四五六七八九"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
_CENTRAL_RECORD = b"PK\x01\x02"  # each part's entry in a zip's directory starts so


def docx_text(data: bytes, name: str) -> str:
    """The text of the .docx document *data* (named *name* in messages)."""
    check_package(data, name)
    import docx

    with _damaged(name):
        document = docx.Document(io.BytesIO(data))
        return _bounded(_document_lines(document), name)


@contextmanager
def _damaged(name: str) -> Iterator[None]:
    """A damaged package (python-docx and zipfile fail in many ways on one) → bad_docx."""
    try:
        yield
    except YwplanError:
        raise
    except Exception:
        raise YwplanError("import.bad_docx", path=name) from None


def check_package(data: bytes, name: str) -> None:
    """Refuse, on its zip directory alone, a package that no Word document is: too many
    parts, a part packed tighter than MAX_RATIO, or more than MAX_UNPACKED_BYTES in all."""
    # Every entry the zip reader parses starts with this signature: counting them bounds
    # the parts before the reader spends seconds on a directory of a million entries.
    if data.count(_CENTRAL_RECORD) > MAX_PARTS:
        raise YwplanError("import.docx_too_many_parts", path=name, limit=MAX_PARTS)
    with _damaged(name), zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = package.infolist()
    for part in parts:
        if part.file_size > RATIO_FLOOR and part.file_size > MAX_RATIO * part.compress_size:
            ratio = part.file_size // max(part.compress_size, 1)
            size = size_text(part.file_size)
            raise YwplanError(
                "import.docx_bomb", path=name, member=part.filename, size=size, ratio=ratio
            )
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED_BYTES:
        limit = size_text(MAX_UNPACKED_BYTES)
        raise YwplanError(
            "import.docx_unpacked_too_large", path=name, size=size_text(total), limit=limit
        )


def _bounded(lines: Iterable[str], name: str) -> str:
    """*lines* joined, refused as soon as they pass MAX_TEXT_CHARS (list labels and merged
    cells repeat text, so a small document can hold a long text)."""
    kept: list[str] = []
    length = -1  # no line break before the first line
    for line in lines:
        length += len(line) + 1
        if length > MAX_TEXT_CHARS:
            raise YwplanError("import.docx_text_too_large", path=name, limit=MAX_TEXT_CHARS)
        kept.append(line)
    return "\n".join(kept)


def _document_lines(document: Any) -> Iterator[str]:
    from docx.table import Table

    numbering = _Numbering(document)
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield from _table_lines(block, numbering)
        else:
            yield numbering.prefix(block) + block.text


def _chinese(n: int) -> str:
    """1..99 as a Chinese numeral, for 一、二、… list labels."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + (_CN_DIGITS[ones] if ones else "")


def _format(n: int, fmt: str) -> str | None:
    if fmt.startswith("decimal"):
        return str(n)
    if fmt.startswith(("chineseCounting", "chineseLegal", "taiwaneseCounting")):
        return _chinese(n)
    return None  # bullets and other styles label nothing a plan numbers by


class _Level(NamedTuple):
    """One level of a Word list: its number format, label text (``%1、``) and start."""

    fmt: str
    text: str
    start: int


class _Numbering:
    """Counts Word's automatic list numbers as the paragraphs go by."""

    def __init__(self, document: Any) -> None:
        try:
            self._root: Any = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # pragma: no cover - no numbering part
            self._root = None
        self._counters: dict[str, list[int | None]] = {}
        self._lists: dict[str, dict[int, _Level]] = {}

    def prefix(self, paragraph: Any) -> str:
        """The label Word shows before *paragraph* (``3.``, ``一、``), or ``''``."""
        found = _num_pr(paragraph) if self._root is not None else None
        if found is None:
            return ""
        num_id, level = found
        levels = self._levels(num_id)
        if level not in levels or not 0 <= level < _MAX_LEVELS:
            return ""
        counters = self._counters.setdefault(num_id, [None] * _MAX_LEVELS)
        current = counters[level]
        counters[level] = levels[level].start if current is None else current + 1
        counters[level + 1 :] = [None] * (_MAX_LEVELS - level - 1)
        label = levels[level].text
        for k in range(level + 1):
            shown = levels.get(k)
            value = _format(counters[k] or shown.start, shown.fmt) if shown else None
            if value is None:
                return ""
            label = label.replace(f"%{k + 1}", value)
        return label

    def _levels(self, num_id: str) -> dict[int, _Level]:
        """The levels of the list *num_id*, by level number (read once per list)."""
        if num_id not in self._lists:
            self._lists[num_id] = self._read_levels(num_id)
        return self._lists[num_id]

    def _read_levels(self, num_id: str) -> dict[int, _Level]:
        nums = self._root.iterfind("w:num", _NS)
        num = next((n for n in nums if _val(n, "numId") == num_id), None)
        abstract_id = _val(num.find("w:abstractNumId", _NS), "val") if num is not None else None
        for abstract in self._root.iterfind("w:abstractNum", _NS):
            if abstract_id is not None and _val(abstract, "abstractNumId") == abstract_id:
                return {
                    _int(_val(lvl, "ilvl"), 0): _Level(
                        _val(lvl.find("w:numFmt", _NS), "val") or "decimal",
                        _val(lvl.find("w:lvlText", _NS), "val") or "",
                        _int(_val(lvl.find("w:start", _NS), "val"), 1),
                    )
                    for lvl in abstract.iterfind("w:lvl", _NS)
                }
        return {}


def _int(text: str | None, default: int) -> int:
    """*text* as an int, *default* when it is missing or malformed (a damaged document)."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _val(element: Any, name: str) -> str | None:
    """The ``w:name`` attribute of *element* (``None`` when either is missing)."""
    return None if element is None else element.get(f"{{{_W}}}{name}")


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """The (list id, level) numbering *paragraph*, from it or its style chain."""
    elements = [paragraph._p]
    style = paragraph.style
    while style is not None:
        elements.append(style.element)
        style = style.base_style
    for element in elements:
        num_pr = element.find("w:pPr/w:numPr", _NS)
        num_id = _val(num_pr.find("w:numId", _NS), "val") if num_pr is not None else None
        if num_id is not None:
            level = _int(_val(num_pr.find("w:ilvl", _NS), "val"), 0)
            return None if num_id == "0" else (num_id, level)
    return None


def _table_lines(table: Any, numbering: _Numbering) -> Iterator[str]:
    lead_column: int | None = None
    for row in table.rows:
        cells = _distinct_cells(row)
        texts = {column: cell.text.replace("\n", "").strip() for column, cell in cells.items()}
        first = texts.get(0, "")
        number = _NUMBER_CELL.fullmatch(first) if len(texts) > 1 else None
        if number is None and _is_header(texts):
            lead_column = next(
                (i for i, text in texts.items() if text.startswith(_LEAD_HEADER)), lead_column
            )
            continue
        if number is not None:
            yield _row_item(number.group(1), texts, lead_column)
            continue
        for cell in cells.values():
            for paragraph in cell.paragraphs:
                yield numbering.prefix(paragraph) + paragraph.text


def _is_header(texts: dict[int, str]) -> bool:
    """A heading row: 序号 | 工作任务 | 牵头单位 …"""
    return len(texts) > 1 and any(
        len(text) <= _HEADER_WIDTH and text.startswith(_HEADER_WORDS) for text in texts.values()
    )


def _distinct_cells(row: Any) -> dict[int, Any]:
    """The row's cells by the grid column they start in, a merged cell once."""
    cells: dict[int, Any] = {}
    previous = None
    for column, cell in enumerate(row.cells):
        if previous is None or cell._tc is not previous._tc:
            cells[column] = cell
        previous = cell
    return cells


def _row_item(number: str, texts: dict[int, str], lead_column: int | None) -> str:
    """The item ``N.…`` of a table row: its cells after the number, then its lead."""
    body = ""
    for column, text in texts.items():
        if column in (0, lead_column) or not text:
            continue
        body += text if not body or body[-1] in _SENTENCE_END else "。" + text
    lead = texts.get(lead_column) if lead_column is not None else None
    if lead:
        body += f"(牵头单位:{lead})"
    return f"{number}.{body}"
