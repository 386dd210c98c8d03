"""``report --format docx``: the 季报 as a Word document (SPEC §9).

The golden files hold what a reader sees: every paragraph, then each table row with its
cells joined by `` | ``, in document order. The layout (A4 portrait, fonts, page number,
rows kept whole, header repeated) is read from the document's XML; with LibreOffice
installed, the document is converted to PDF and its pages rendered to PNG.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from tests.conftest import Run
from tests.reportplan import TODAY, write_plan
from tests.test_report import golden

SOFFICE = shutil.which("soffice")
PDFTOPPM = shutil.which("pdftoppm")


def extracted(data: bytes) -> str:
    """Every paragraph's text and every table row (cells joined by `` | ``), in order."""
    doc = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    tables, paragraphs = iter(doc.tables), iter(doc.paragraphs)
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(next(paragraphs).text)
        elif tag == "tbl":
            lines += [" | ".join(cell.text for cell in row.cells) for row in next(tables).rows]
    return "\n".join(lines) + "\n"


@pytest.fixture
def demo(workdir: Path) -> Path:
    return write_plan(workdir)


def report_docx(run: Run, workdir: Path, *args: str, lang: str = "zh") -> bytes:
    out = workdir / "季报.docx"
    result = run("report", *args, "-o", str(out), lang=lang, today=TODAY)
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def test_docx_golden_quarter_zh(run: Run, demo: Path, workdir: Path) -> None:
    golden("report-2024Q3-zh.docx.txt", extracted(report_docx(run, workdir, "--quarter", "2024Q3")))


def test_docx_golden_month_en(run: Run, demo: Path, workdir: Path) -> None:
    data = report_docx(run, workdir, "--month", "2024-08", lang="en")
    golden("report-2024-08-en.docx.txt", extracted(data))


def test_the_sections_of_the_meeting_report(run: Run, demo: Path, workdir: Path) -> None:
    lines = extracted(report_docx(run, workdir, "--quarter", "2024Q3")).splitlines()
    headings = [line for line in lines if re.match(r"^[一二三四五]、", line)]
    assert headings == [
        "一、总体情况",
        "二、重点指标完成情况",
        "三、工作进展",
        "四、存在问题",
        "五、各单位完成情况排名",
    ]
    assert "名次 | 下级单位 | 单位完成率 | 分解指标数 | 已完成 | 滞后/未启动 | 得分 | 等次" in lines
    assert "1 | 东区 | 75.0% | 2 | 1 | 1 | 83.3 | 良好" in lines


def _xml(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as document:
        return document.read(name).decode("utf-8")


def test_the_layout_of_an_official_report(run: Run, demo: Path, workdir: Path) -> None:
    data = report_docx(run, workdir, "--quarter", "2024Q3")
    body = _xml(data, "word/document.xml")
    assert '<w:pgSz w:w="11906" w:h="16838"' in body  # A4 portrait, in twentieths of a point
    assert 'w:eastAsia="方正小标宋简体"' in body and 'w:ascii="SimSun"' in body
    assert 'w:eastAsia="黑体"' in body and 'w:ascii="SimHei"' in body
    assert 'w:eastAsia="仿宋_GB2312"' in body and 'w:ascii="FangSong"' in body
    assert '<w:sz w:val="44"/>' in body  # the title in 二号 (22 pt)
    assert '<w:sz w:val="32"/>' in body  # body and headings in 三号 (16 pt)
    rows = body.count("<w:tr>") + body.count("<w:tr ")
    assert body.count('<w:cantSplit w:val="true"/>') == rows > 0
    assert (
        body.count('<w:tblHeader w:val="true"/>') == 2
    )  # one header row per table: targets, ranking
    footer = "".join(
        _xml(data, name)
        for name in zipfile.ZipFile(io.BytesIO(data)).namelist()
        if name.startswith("word/footer")
    )
    assert "PAGE" in footer
    fonts = _xml(data, "word/fontTable.xml")
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong"/>' in fonts


def test_the_same_report_is_the_same_bytes_and_replaced_without_force(
    run: Run, demo: Path, workdir: Path
) -> None:
    first = report_docx(run, workdir, "--quarter", "2024Q3")
    again = report_docx(run, workdir, "--quarter", "2024Q3")  # replaces its own file
    assert first == again
    other = report_docx(run, workdir, "--quarter", "2024Q2")  # another period: still ours
    assert other != first
    core = _xml(first, "docProps/core.xml")
    assert "<dc:creator>ywplan</dc:creator>" in core and "2000-01-01T00:00:00Z" in core


def test_a_word_file_not_ours_is_not_replaced(run: Run, demo: Path, workdir: Path) -> None:
    out = workdir / "会议.docx"
    out.write_bytes(b"PK\x03\x04 someone else's document")
    result = run("report", "--quarter", "2024Q3", "-o", str(out), today=TODAY)
    assert result.exit_code == 1
    assert out.read_bytes() == b"PK\x03\x04 someone else's document"
    assert "--force" in result.stderr


def test_docx_needs_a_file(run: Run, demo: Path) -> None:
    result = run("report", "--format", "docx", today=TODAY)
    assert result.exit_code in (0, 2)  # a pipe may take the bytes; a terminal never does


def test_units_and_history_as_docx(run: Run, demo: Path, workdir: Path) -> None:
    for args in (("units", "--quarter", "2024Q3"), ("history", "1.trained")):
        out = workdir / f"{args[0]}.docx"
        result = run(*args, "-o", str(out), lang="zh", today=TODAY)
        assert result.exit_code == 0, result.output
        assert extracted(out.read_bytes()).count(" | ") > 10


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_it_on_a4_portrait(
    run: Run, demo: Path, workdir: Path, tmp_path: Path
) -> None:
    assert SOFFICE is not None
    data = report_docx(run, workdir, "--quarter", "2024Q3")
    source = tmp_path / "report.docx"
    source.write_bytes(data)
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    command = [SOFFICE, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
    result = subprocess.run([*command, str(source)], capture_output=True, timeout=180, check=False)
    pdf = tmp_path / "report.pdf"
    assert pdf.exists(), result.stderr.decode(errors="replace")[-2000:]
    content = pdf.read_bytes()
    boxes = set(re.findall(rb"/MediaBox\s*\[([^\]]*)\]", content))
    sizes = {tuple(round(float(v)) for v in box.split()[2:]) for box in boxes}
    assert sizes == {(595, 842)}  # A4 portrait, in points
    pages = len(re.findall(rb"/Type\s*/Page\b", content))
    assert 2 <= pages <= 6
    if PDFTOPPM is not None:
        subprocess.run(
            [PDFTOPPM, "-png", "-r", "50", str(pdf), str(tmp_path / "page")],
            capture_output=True,
            timeout=120,
            check=True,
        )
        pngs = sorted(tmp_path.glob("page*.png"))
        assert len(pngs) == pages
        assert all(png.stat().st_size > 5_000 for png in pngs)  # drawn, not blank


def test_controls_in_a_note_are_shown_not_written_raw(run: Run, demo: Path, workdir: Path) -> None:
    ledger = workdir / "plans" / "demo.ledger.csv"
    line = "bbbb0001,2024-08-02,5,,,,\x1b[2J\u202e\x07报警,徐丽,2024-08-03T09:00:00+08:00,\n"
    ledger.write_text(ledger.read_text(encoding="utf-8") + line, encoding="utf-8")
    text = extracted(report_docx(run, workdir, "--quarter", "2024Q3"))
    assert "␛[2J\\u202e␇报警" in text
    assert "\x1b" not in text and "\u202e" not in text


def test_docx_golden_of_one_unit(run: Run, demo: Path, workdir: Path) -> None:
    """``report --unit`` in Word: the unit's share of each target, measured against its
    quota, under a title naming the unit (the same measures as every other format)."""
    data = report_docx(run, workdir, "--quarter", "2024Q3", "--unit", "东区")
    text = extracted(data)
    golden("report-2024Q3-zh-东区.docx.txt", text)
    assert text.splitlines()[0].endswith(" · 东区")
    assert "1 | 培训骨干 | ≥40 人 | 0 | 45 | 112.5% |" in text  # 东区's quota, not the plan's goal


def test_a_units_change_since_last_quarter_is_against_its_quota(run: Run, demo: Path) -> None:
    """东区 logged nothing in Q3: its percent of its quota at the end of Q2 is the one it
    has now, and the change is nil (it was once measured against the plan's whole goal,
    45 of 100, and shown as +67.5)."""
    result = run("report", "--quarter", "2024Q3", "--unit", "东区", "--format", "json", today=TODAY)
    assert result.exit_code == 0, result.output
    target = json.loads(result.stdout)["items"][0]["targets"][0]
    assert (target["percent"], target["previous_percent"], target["change"]) == (112.5, 112.5, 0)
