"""``import`` takes time in proportion to its input, whatever shape the input has.

The texts here are of shapes that made the scan quadratic (a number every few characters
in one endless sentence, long runs of digits or of spaces, a long comma-grouped number)
and .docx structures that made reading hang or crash (a style based on itself, a cell
merged down a thousand rows, a cell spanning two billion columns, thousands of lists).
Each is read well inside its budget; the largest input ``import`` accepts is measured in
docs/import.md.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.hostile_docx import package, paragraph, with_numbering, with_styles
from ywplan.importing import draft, read_document
from ywplan.importing.items import parse_plan
from ywplan.importing.limits import MAX_TEXT_BYTES
from ywplan.importing.targets import find_targets

from .import_helpers import SEED_002

SIZE = 100_000  # characters: quadratic work on this many takes minutes, linear under 1 s
BUDGET = 2.0  # seconds, generous for a loaded machine


def _repeat(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _timed(work: Callable[[], object]) -> float:
    started = time.monotonic()
    work()
    return time.monotonic() - started


TITLE = "共青团测试市委2025年工作要点\n"
TEXTS = {
    "a target every few characters, no sentence end": (
        "1." + _repeat("全年培训团干部不少于400人次及50家中小企业")
    ),
    "bare commitments in one endless clause": TITLE + "1." + _repeat("新建青年驿站2个,"),
    "one long run of digits": "1." + _repeat("1"),
    "one long run of Chinese numerals": "1." + _repeat("一二三四五六七八九十"),
    "one long run of spaces before a number": "1.全年培训团干部" + " " * SIZE + "不少于400人次。",
    "one long comma-grouped number": "1.全年1" + _repeat(",111"),
    "leads left open before a long run of spaces": (
        "1." + _repeat("(牵头单位:团市委", SIZE // 10) + " " * SIZE + ")"
    ),
    "thousands of wrapped lines of one item": "1.开展活动\n" + _repeat("继续开展青年活动,\n"),
    "a plan on one line": _repeat(SEED_002.read_text(encoding="utf-8").replace("\n", "")),
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=list(TEXTS))
def test_drafting_takes_time_in_proportion_to_the_text(text: str) -> None:
    elapsed = _timed(lambda: parse_plan(text))
    assert elapsed < BUDGET, f"took {elapsed:.1f} s"


def test_wrapped_lines_join_into_one_wording() -> None:
    """A bare title line takes a 。 before what follows it, once; the rest join as they are."""
    items = parse_plan("3.建设青年驿站\n新建2个\n改建3个\n步道5条。\n").items
    assert [item.text for item in items] == ["建设青年驿站。新建2个改建3个步道5条。"]


def test_find_targets_on_a_long_sentence_finds_every_target_fast() -> None:
    text = _repeat("全年培训团干部不少于400人次,")
    found: list[object] = []
    elapsed = _timed(lambda: found.extend(find_targets(text, year=2024)))
    assert elapsed < BUDGET, f"took {elapsed:.1f} s"
    assert len(found) == text.count("400人次")


def test_the_largest_text_accepted_drafts_within_seconds(tmp_path: Path) -> None:
    """A plan run together on one line (a copy from a web page), as large as accepted."""
    line = SEED_002.read_bytes().replace(b"\n", b"")
    path = tmp_path / "max.txt"
    path.write_bytes(line * (MAX_TEXT_BYTES // len(line)))
    elapsed = _timed(lambda: draft(read_document(path), org=None, year=None))
    assert elapsed < 2.5 * BUDGET, f"took {elapsed:.1f} s"


# --- .docx structures ---------------------------------------------------------------------

ITEM = "1.深化青年理论武装。全年培训团干部不少于400人次。"


def _row(*cells: str) -> str:
    return "<w:tr>" + "".join(cells) + "</w:tr>"


def _cell(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def _table(rows: list[str]) -> str:
    grid = '<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="6000"/></w:tblGrid>'
    return f"<w:tbl><w:tblPr/>{grid}{''.join(rows)}</w:tbl>"


def _merged_down(rows: int) -> bytes:
    """A table whose first column is one cell merged down *rows* rows."""
    top = _row(_cell("一、重点工作", '<w:vMerge w:val="restart"/>'), _cell(ITEM))
    rest = [
        _row(_cell("", "<w:vMerge/>"), _cell(f"{n}.开展活动不少于{n}场。"))
        for n in range(2, rows + 1)
    ]
    return package(_table([top, *rest]))


def _cyclic_styles() -> bytes:
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="{a}"><w:name w:val="{a}"/>'
        f'<w:basedOn w:val="{b}"/></w:style>'
        for a, b in (("A", "B"), ("B", "A"))
    )
    return package(paragraph(ITEM, style="A"), parts={"word/styles.xml": with_styles(styles)})


def _long_style_chain(length: int) -> bytes:
    """*length* styles each based on the next, a paragraph in each: the chain read once."""
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="s{i}"><w:name w:val="s{i}"/>'
        f'<w:basedOn w:val="s{i + 1}"/></w:style>'
        for i in range(length)
    )
    body = "".join(paragraph(f"{i + 1}.开展活动。", style=f"s{i}") for i in range(length))
    return package(body, parts={"word/styles.xml": with_styles(styles)})


def _many_lists(count: int) -> bytes:
    """*count* numbered lists of one paragraph each (Word starts a list per numId)."""
    nums = "".join(
        f'<w:num w:numId="{1000 + i}"><w:abstractNumId w:val="0"/></w:num>' for i in range(count)
    )
    body = "".join(paragraph("开展活动不少于5场。", num=(1000 + i, 0)) for i in range(count))
    return package(body, parts={"word/numbering.xml": with_numbering(nums)})


DOCX = {
    "a style based on itself through another": (_cyclic_styles, 1),
    "a chain of 3,000 styles": (lambda: _long_style_chain(3000), 3000),
    "a cell merged down 3,000 rows": (lambda: _merged_down(3000), 3000),
    "a merged cell with no cell above it": (
        lambda: package(_table([_row(_cell("", "<w:vMerge/>"), _cell(ITEM))])),
        1,
    ),
    "a cell spanning two billion columns": (
        lambda: package(
            _table(
                [_row(_cell("1.", '<w:gridSpan w:val="2000000000"/>'))] * 2 + [_row(_cell(ITEM))]
            )
        ),
        1,
    ),
    "3,000 lists of one paragraph": (lambda: _many_lists(3000), 3000),
    "9,000 paragraphs": (
        lambda: package("".join(paragraph(f"{n}.开展活动{n}场。") for n in range(1, 9_001))),
        9_000,
    ),
}


@pytest.mark.parametrize(("build", "items"), DOCX.values(), ids=list(DOCX))
def test_docx_structures_read_in_proportion_to_their_size(
    build: Callable[[], bytes], items: int, tmp_path: Path, run: Run
) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(build())
    started = time.monotonic()
    result = run("import", str(path), "-o", str(tmp_path / "plan.yaml"))
    elapsed = time.monotonic() - started
    assert result.exit_code == 0, result.output
    assert f": {items} items," in result.stderr
    assert elapsed < BUDGET, f"took {elapsed:.1f} s"
