"""A .docx document → its text, one paragraph per line, in document order.

Paragraphs and tables are read as they stand in the body. Word's automatic numbering is
written out (``1.`` or ``一、`` as the list level defines it), because python-docx
leaves it out of a paragraph's text and a plan's items are very often numbered that way.
A table row whose first cell is a bare number (序号) becomes the item ``N.…``, its other
cells joined; a column headed 牵头/责任 is kept as ``(牵头单位:…)`` for the item's lead.

Before python-docx unpacks anything, the package's zip directory is checked against the
bounds of :mod:`.limits` (parts, packing ratio, unpacked size: a zip bomb is refused on
what it declares, and the zip reader never unpacks more than a part declares), and the
text drawn from it is bounded as it grows. Styles, lists and merged cells are read in one
pass each, not through python-docx's lookups, which scan the whole document per
paragraph and follow a damaged style chain or merged cell forever.

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
_ON = ("1", "true", "on")
_NOT_NUMBERED = "0"  # numId 0: the paragraph is taken out of any list
_CENTRAL_RECORD = b"PK\x01\x02"  # each part's entry in a zip's directory starts so

NumPr = tuple[str, int]  # (list id, level) of a numbered paragraph


def docx_text(data: bytes, name: str) -> str:
    """The text of the .docx document *data* (named *name* in messages)."""
    _check_package(data, name)
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


def _check_package(data: bytes, name: str) -> None:
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

    numbering = _Numbering(document, _Styles(document))
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield from _table_lines(block, numbering)
        else:
            yield numbering.prefix(block._p) + block.text


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


class _Styles:
    """The list each paragraph style numbers by, through the styles it is based on.

    Read from the styles part once; a chain is followed once, its answer kept for every
    style on it, and a chain that comes back on itself (a damaged document) ends there.
    """

    def __init__(self, document: Any) -> None:
        self._based_on: dict[str, str | None] = {}
        self._own: dict[str, NumPr | None] = {}
        self._paragraph: set[str] = set()
        self._default: str | None = None
        self._resolved: dict[str, NumPr | None] = {}
        for style in document.styles.element.iterfind("w:style", _NS):
            style_id = _val(style, "styleId")
            if style_id is None or style_id in self._own:
                continue  # the first style of an id is the one Word uses
            self._based_on[style_id] = _val(style.find("w:basedOn", _NS), "val")
            self._own[style_id] = _own_num_pr(style)
            if _val(style, "type") == "paragraph":
                self._paragraph.add(style_id)
                if _val(style, "default") in _ON:
                    self._default = style_id  # the last default, as the standard says

    def num_pr(self, paragraph: Any) -> NumPr | None:
        """The numbering *paragraph* (a ``w:p``) has through its style, if any."""
        style_id = _val(paragraph.find("w:pPr/w:pStyle", _NS), "val")
        if style_id not in self._paragraph:
            style_id = self._default
        chain: dict[str, None] = {}  # the styles followed, in order
        found: NumPr | None = None
        while style_id in self._own and style_id not in chain:
            if style_id in self._resolved:
                found = self._resolved[style_id]
                break
            chain[style_id] = None
            found = self._own[style_id]
            if found is not None:
                break
            style_id = self._based_on[style_id]
        self._resolved.update(dict.fromkeys(chain, found))
        return found


class _Numbering:
    """Counts Word's automatic list numbers as the paragraphs go by."""

    def __init__(self, document: Any, styles: _Styles) -> None:
        self._styles = styles
        self._nums: dict[str | None, Any] = {}
        self._abstracts: dict[str | None, Any] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # pragma: no cover - no numbering part
            root = None
        if root is not None:  # each id's first definition is the one Word uses
            for num in root.iterfind("w:num", _NS):
                self._nums.setdefault(_val(num, "numId"), num)
            for abstract in root.iterfind("w:abstractNum", _NS):
                self._abstracts.setdefault(_val(abstract, "abstractNumId"), abstract)
        self._counters: dict[str, list[int | None]] = {}
        self._lists: dict[str, dict[int, _Level]] = {}

    def prefix(self, paragraph: Any) -> str:
        """The label Word shows before *paragraph* (a ``w:p``: ``3.``, ``一、``), or ``''``."""
        found = _own_num_pr(paragraph) or self._styles.num_pr(paragraph)
        if found is None or found[0] == _NOT_NUMBERED or not self._nums:
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
        num = self._nums.get(num_id)
        abstract_id = _val(num.find("w:abstractNumId", _NS), "val") if num is not None else None
        abstract = self._abstracts.get(abstract_id) if abstract_id is not None else None
        if abstract is None:
            return {}
        return {
            _int(_val(lvl, "ilvl"), 0): _Level(
                _val(lvl.find("w:numFmt", _NS), "val") or "decimal",
                _val(lvl.find("w:lvlText", _NS), "val") or "",
                _int(_val(lvl.find("w:start", _NS), "val"), 1),
            )
            for lvl in abstract.iterfind("w:lvl", _NS)
        }


def _int(text: str | None, default: int) -> int:
    """*text* as an int, *default* when it is missing or malformed (a damaged document)."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _val(element: Any, name: str) -> str | None:
    """The ``w:name`` attribute of *element* (``None`` when either is missing)."""
    return None if element is None else element.get(f"{{{_W}}}{name}")


def _own_num_pr(element: Any) -> NumPr | None:
    """The (list id, level) a paragraph or style states itself, ``None`` if it states none."""
    num_pr = element.find("w:pPr/w:numPr", _NS)
    num_id = _val(num_pr.find("w:numId", _NS), "val") if num_pr is not None else None
    if num_id is None:
        return None
    return num_id, _int(_val(num_pr.find("w:ilvl", _NS), "val"), 0)


def _table_lines(table: Any, numbering: _Numbering) -> Iterator[str]:
    from docx.table import _Cell

    lead_column: int | None = None
    read: dict[Any, tuple[Any, str]] = {}  # a cell merged down many rows is read once
    for row in _grid_rows(table):
        for tc in row.values():
            if tc not in read:
                cell = _Cell(tc, table)
                read[tc] = (cell, cell.text.replace("\n", "").strip())
        texts = {column: read[tc][1] for column, tc in row.items()}
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
        for tc in row.values():
            for paragraph in read[tc][0].paragraphs:
                yield numbering.prefix(paragraph._p) + paragraph.text


def _grid_rows(table: Any) -> Iterator[dict[int, Any]]:
    """Each row's cells (``w:tc``) by the column they start in, a merged cell once.

    Columns count as python-docx's ``row.cells`` does (a cell spanning n columns takes
    n), but in one pass: a cell merged down from the row above is that row's cell at the
    same grid offset, remembered rather than looked up again row by row.
    """
    above: dict[int, Any] = {}  # grid offset → the cell starting there in the row above
    for tr in table._tbl.tr_lst:
        row: dict[int, Any] = {}
        here: dict[int, Any] = {}
        before = tr.find("w:trPr/w:gridBefore", _NS)  # grid columns the row leaves out
        offset, column, previous = _int(_val(before, "val"), 0), 0, None
        for tc in tr.tc_lst:
            cell = above.get(offset, tc) if tc.vMerge == "continue" else tc
            if cell is not previous:
                row[column] = cell
            here[offset] = previous = cell
            offset += tc.grid_span
            column += cell.grid_span
        above = here
        yield row


def _is_header(texts: dict[int, str]) -> bool:
    """A heading row: 序号 | 工作任务 | 牵头单位 …"""
    return len(texts) > 1 and any(
        len(text) <= _HEADER_WIDTH and text.startswith(_HEADER_WORDS) for text in texts.values()
    )


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
