"""A report as a Word document in the house style of an official report (python-docx,
imported only here).

A4 portrait with the margins of 党政机关公文 (GB/T 9704: 37/35/28/26 mm); the title in
方正小标宋简体 二号, headings in 黑体 三号, body in 仿宋_GB2312 三号, the heading lines
in 四号 and tables in 小五. Each Chinese font is the run's East Asian font, and its
Windows name (SimSun, FangSong, SimHei) is both the Latin font and the font table's
``altName``, so a machine without the GB fonts still shows a Song, Fang Song or Hei face.
Page numbers (a PAGE field) are centred in the footer, ``— 1 —``. Table rows never split
across pages and the header row repeats on each page.

A meeting report (a document with a headline) reads as the SPEC's 季报: 一、总体情况 (the
counts of states and flags), then its tables: 重点指标完成情况 as a table, 工作进展 per
item and 存在问题 as paragraphs, the sub-units' ranking with scores and grades; the
per-quota table stays in the xlsx. Any other document is its tables in order.

The file is deterministic: fixed core properties and zip entry dates, so the same report
is the same bytes (and ``-o`` recognises it as ywplan's by its author).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, Any

from ywplan.core.kinds import goal_text
from ywplan.i18n import get_lang, t
from ywplan.reports.table import Cell, Column, Table, format_cell, grouped
from ywplan.safetext import visible

if TYPE_CHECKING:
    from ywplan.reports.table import Document, Output

# (East Asian font, the Windows font standing in for it) per role.
TITLE_FONT = ("方正小标宋简体", "SimSun")
HEADING_FONT = ("黑体", "SimHei")
BODY_FONT = ("仿宋_GB2312", "FangSong")
# Sizes in points: 二号, 三号, 四号, 小五.
TITLE_SIZE, BODY_SIZE, LINE_SIZE, TABLE_SIZE = 22, 16, 14, 9
LINE_PITCH = 28  # fixed line spacing of the body, points (22 lines a page)
MARGINS_MM = (37, 35, 28, 26)  # top, bottom, left, right
FIXED_DATE = "2000-01-01T00:00:00Z"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# Columns a portrait page leaves out (the xlsx and HTML keep them): the item's title
# repeats the 工作进展 section, what is still missing is goal − actual, the previous
# percent is the percent minus the change, the 督办 flag is 存在问题's.
HIDDEN = frozenset({"title", "remaining", "previous", "flag", "lead"})
SECTION_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+\. )")
CHINESE_NUMBERS = "一二三四五六七八九十"


def write(output: Output, to_file: bool) -> bytes:
    """The registry's writer: the output's document as a .docx file."""
    return write_docx(output.document())


def write_docx(document: Document) -> bytes:
    """The document as the bytes of a .docx file (see the module)."""
    import docx

    doc = docx.Document()
    _page(doc)
    _base_style(doc)
    _paragraph(doc, document.title, TITLE_FONT, TITLE_SIZE, center=True, after=12)
    for line in document.lines:
        if line not in document.summary:
            _paragraph(doc, line, BODY_FONT, LINE_SIZE, center=True, after=0)
    number = 0
    if document.summary:
        _heading(doc, _numbered(number, t("docx.section_overview")))
        number += 1
        for line in document.summary:
            _paragraph(doc, line, BODY_FONT, BODY_SIZE, indent=True)
    for table in document.tables:
        if document.summary and _is_quota_table(table):
            continue
        _heading(doc, _numbered(number, SECTION_NUMBER.sub("", table.title)))
        number += 1
        _section(doc, table)
    _properties(doc, document.title)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _stable_zip(buffer.getvalue())


def _numbered(index: int, title: str) -> str:
    if get_lang() == "zh":
        return f"{CHINESE_NUMBERS[index % 10]}、{title}"
    return f"{index + 1}. {title}"


def _keys(table: Table) -> set[str]:
    return {column.key for column in table.columns}


def _is_quota_table(table: Table) -> bool:
    return {"subunit", "goal"} <= _keys(table)


def _section(doc: Any, table: Table) -> None:
    """A table's section: prose for 工作进展 and 存在问题, else a table; then its notes."""
    keys = _keys(table)
    if "progress" in keys:
        _progress(doc, table)
    elif "problem" in keys:
        _problems(doc, table)
    else:
        _table(doc, table)
    for note in table.notes:
        _paragraph(doc, note, BODY_FONT, TABLE_SIZE, after=0)


# --- prose --------------------------------------------------------------------------------


def _values(table: Table, row: tuple[Cell, ...]) -> dict[str, str]:
    return {c.key: visible(format_cell(c, v)) for c, v in zip(table.columns, row, strict=True)}


def _progress(doc: Any, table: Table) -> None:
    """工作进展: per item a line (number, title, lead, state), then what was done."""
    current = None
    for row in table.rows:
        cells = _values(table, row)
        item = (cells["item"], cells["title"])
        if item != current:
            current = item
            lead = t("docx.lead", lead=cells["lead"]) if cells["lead"] else ""
            head = t("docx.item_head", item=cells["item"], title=cells["title"], lead=lead)
            state = t("docx.item_state", state=cells["state"], flag=cells["flag"])
            _paragraph(doc, head + state, BODY_FONT, BODY_SIZE, indent=True, bold_part=head)
            if cells.get("milestone"):
                text = t("docx.next_milestone", name=cells["milestone"], due=cells["due"])
                _paragraph(doc, text, BODY_FONT, BODY_SIZE, indent=True)
        where = " ".join(part for part in (cells["date"], cells["subunit"]) if part)
        text = t("docx.event", where=where, text=cells["progress"]) if where else cells["progress"]
        _paragraph(doc, text, BODY_FONT, BODY_SIZE, indent=True)


def _problems(doc: Any, table: Table) -> None:
    """存在问题: a paragraph per concern, the item and its flag first."""
    for row in table.rows:
        cells = _values(table, row)
        head = t("docx.problem_head", item=cells["item"], title=cells["title"], flag=cells["flag"])
        _paragraph(doc, head + cells["problem"], BODY_FONT, BODY_SIZE, indent=True, bold_part=head)


# --- tables -------------------------------------------------------------------------------


def shown_columns(table: Table) -> list[tuple[str, Column | None]]:
    """The columns a portrait page shows: (heading, column), the goal folded with its
    requirement and unit into one cell (``≥400 人次``) as the terminal folds them."""
    keys = _keys(table)
    fold = {"op", "goal", "unit"} <= keys
    shown: list[tuple[str, Column | None]] = []
    for column in table.columns:
        if column.key in HIDDEN and not (column.key == "title" and "target" not in keys):
            continue
        if fold and column.key in ("op", "unit"):
            continue
        shown.append((column.heading, None if fold and column.key == "goal" else column))
    return shown


def table_cells(table: Table) -> list[list[str]]:
    """The header and each row as the document shows them (text, controls made visible)."""
    shown = shown_columns(table)
    rows = [[heading for heading, _ in shown]]
    for row in grouped(table).rows:
        values = {c.key: v for c, v in zip(table.columns, row, strict=True)}
        cells = []
        for _, column in shown:
            if column is None:
                goal = values["goal"]
                op, unit = str(values["op"]), str(values["unit"])
                text = goal_text(op, goal, unit) if isinstance(goal, int | float) else ""
            else:
                text = format_cell(column, values[column.key])
            cells.append(visible(text))
        rows.append(cells)
    return rows


def _table(doc: Any, table: Table) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT

    cells = table_cells(table)
    if len(cells) == 1:
        cells.append(["—"] + [""] * (len(cells[0]) - 1))
    numeric = [column is not None and column.numeric for _, column in shown_columns(table)]
    # numbers, the folded goal and states never wrap; names and texts share what is left
    fixed_width = [
        column is None or column.numeric or column.kind in ("state", "flag")
        for _, column in shown_columns(table)
    ]
    grid = doc.add_table(rows=len(cells), cols=len(cells[0]))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    widths = column_widths(cells, fixed_width)
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice reads; each cell's, which Word does
    together = "rank" in _keys(table)  # the ranking stays on one page where it fits
    for r, (row, values) in enumerate(zip(grid.rows, cells, strict=True)):
        _row_properties(row, header=r == 0)
        for c, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = widths[c]
            paragraph = cell.paragraphs[0]
            _format(paragraph, line_pitch=None)
            paragraph.paragraph_format.keep_with_next = together and r < len(cells) - 1
            if r == 0:
                paragraph.alignment = 1  # centre
            elif numeric[c]:
                paragraph.alignment = 2  # right
            font = HEADING_FONT if r == 0 else BODY_FONT
            _run(paragraph, text, font, TABLE_SIZE)


CHAR_MM = TABLE_SIZE * 0.3528 * 0.65  # a half-width character (a digit: 0.6 em, and room for a
# fallback font whose digits are wider), in mm
CELL_PADDING_MM = 4.8  # the cell's margins (0.19 cm each side) and a little air


def column_widths(cells: list[list[str]], fixed_width: list[bool]) -> list[Any]:
    """Each column's width on the page: what its cells need (a heading may wrap to two
    lines); when the page is narrower, the columns not of *fixed_width* give up the
    difference, in proportion."""
    from docx.shared import Mm
    from wcwidth import wcswidth

    _, _, left, right = MARGINS_MM
    usable = 210 - left - right
    needs = []
    for c in range(len(cells[0])):
        body = max((wcswidth(row[c]) for row in cells[1:]), default=0)
        units = max(body, (wcswidth(cells[0][c]) + 1) // 2, 4)
        needs.append(units * CHAR_MM + CELL_PADDING_MM)
    fixed = sum(need for need, kept in zip(needs, fixed_width, strict=True) if kept)
    flexible = sum(needs) - fixed
    if sum(needs) > usable and flexible > 0:
        scale = max(usable - fixed, flexible * 0.3) / flexible
        needs = [
            need if kept else need * scale for need, kept in zip(needs, fixed_width, strict=True)
        ]
    return [Mm(need) for need in needs]


def _row_properties(row: Any, *, header: bool) -> None:
    """Never split the row across pages; repeat the header row on each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    names = ("w:cantSplit", "w:tblHeader") if header else ("w:cantSplit",)
    for name in names:
        element = OxmlElement(name)
        element.set(qn("w:val"), "true")
        properties.append(element)


# --- paragraphs, runs, page ---------------------------------------------------------------


def _heading(doc: Any, text: str) -> None:
    paragraph = _paragraph(doc, text, HEADING_FONT, BODY_SIZE, indent=True, before=6)
    paragraph.paragraph_format.keep_with_next = True


def _paragraph(
    doc: Any,
    text: str,
    font: tuple[str, str],
    size: float,
    *,
    center: bool = False,
    indent: bool = False,
    before: float = 0,
    after: float = 0,
    bold_part: str = "",
) -> Any:
    """A paragraph of *text* in *font*; *bold_part*, a prefix of it, set in bold."""
    from docx.shared import Pt

    paragraph = doc.add_paragraph()
    _format(paragraph, line_pitch=LINE_PITCH if size >= BODY_SIZE else None)
    paragraph_format = paragraph.paragraph_format
    paragraph_format.space_before, paragraph_format.space_after = Pt(before), Pt(after)
    if center:
        paragraph.alignment = 1
    if indent:
        paragraph_format.first_line_indent = Pt(size * 2)  # 首行缩进两字
    text = visible(text)
    if bold_part and text.startswith(visible(bold_part)):
        _run(paragraph, visible(bold_part), font, size, bold=True)
        text = text[len(visible(bold_part)) :]
    _run(paragraph, text, font, size)
    return paragraph


def _format(paragraph: Any, *, line_pitch: float | None) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    paragraph_format = paragraph.paragraph_format
    paragraph_format.space_before = paragraph_format.space_after = Pt(0)
    if line_pitch is not None:
        paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        paragraph_format.line_spacing = Pt(line_pitch)
    else:
        paragraph_format.line_spacing = 1.0


def _run(paragraph: Any, text: str, font: tuple[str, str], size: float, bold: bool = False) -> Any:
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    _fonts(run.element.get_or_add_rPr(), font)
    return run


def _fonts(properties: Any, font: tuple[str, str]) -> None:
    """The East Asian font *font[0]*, the Latin one its Windows stand-in *font[1]*."""
    from docx.oxml.ns import qn

    fonts = properties.get_or_add_rFonts()
    eastasia, latin = font
    for attribute, name in (("ascii", latin), ("hAnsi", latin), ("eastAsia", eastasia)):
        fonts.set(qn("w:" + attribute), name)


def _base_style(doc: Any) -> None:
    """Normal text in 仿宋 三号; the font table names each GB font's Windows stand-in."""
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_SIZE)
    _fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    _font_table(doc)


def _font_table(doc: Any) -> None:
    """``<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong"/>…`` (GB2312 charset)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    part = doc.part.part_related_by(RT.FONT_TABLE)
    entries = "".join(
        f'<w:font w:name="{eastasia}"><w:altName w:val="{latin}"/><w:charset w:val="86"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
        for (eastasia, latin), family in (
            (TITLE_FONT, "roman"),
            (HEADING_FONT, "modern"),
            (BODY_FONT, "modern"),
        )
    )
    part._blob = part.blob.replace(b"</w:fonts>", entries.encode("utf-8") + b"</w:fonts>")


def _page(doc: Any) -> None:
    """A4 portrait, the official margins, the page number centred in the footer."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    footer = section.footer.paragraphs[0]
    footer.alignment = 1
    _run(footer, "— ", ("宋体", "SimSun"), LINE_SIZE)
    _page_field(_run(footer, "", ("宋体", "SimSun"), LINE_SIZE))
    _run(footer, " —", ("宋体", "SimSun"), LINE_SIZE)


def _page_field(run: Any) -> None:
    """A PAGE field in *run*: Word and LibreOffice put the page's number there."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    begin, code, separate, shown, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
        OxmlElement("w:t"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    code.set(qn("xml:space"), "preserve")
    code.text = " PAGE "
    separate.set(qn("w:fldCharType"), "separate")
    shown.text = "1"
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, code, separate, shown, end):
        run._r.append(element)


def _properties(doc: Any, title: str) -> None:
    """Fixed core properties: ywplan the author (``-o`` knows its file), no clock time."""
    import datetime as dt

    fixed = dt.datetime.fromisoformat(FIXED_DATE.replace("Z", "+00:00")).replace(tzinfo=None)
    properties = doc.core_properties
    properties.author = properties.last_modified_by = "ywplan"
    properties.title = visible(title)
    properties.created = properties.modified = properties.last_printed = fixed
    properties.revision = 1


def _stable_zip(data: bytes) -> bytes:
    """*data* re-zipped with fixed entry dates: the same report is the same bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
