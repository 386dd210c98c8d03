"""Reading documents (encodings, .docx, stdin, bad files) and the ``import`` command."""

from __future__ import annotations

import copy
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
import typer
from docx.oxml.ns import qn
from typer.testing import CliRunner

from ywplan.cli.commands import import_plan
from ywplan.core.model import Plan
from ywplan.errors import YwplanError
from ywplan.i18n import set_lang
from ywplan.importing import draft_plan, read_document
from ywplan.importing.items import parse_plan
from ywplan.store import yamlio

from .import_helpers import SEED_002

SEED = SEED_002.read_text(encoding="utf-8")
SHORT = "共青团测试市委2025年工作要点\n1.深化青年理论武装。全年培训团干部不少于400人次。\n"


@pytest.fixture(autouse=True)
def _english() -> None:
    set_lang("en")


def error_key(source: str | Path) -> str:
    with pytest.raises(YwplanError) as caught:
        read_document(source)
    return caught.value.key


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gbk", b""), ("gb18030", b""), ("utf-16", b"")],
)
def test_text_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "要点.txt"
    path.write_bytes(prefix + SEED.encode(encoding))
    assert read_document(path) == SEED


def test_crlf_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "要点.txt"
    path.write_bytes(SEED.replace("\n", "\r\n").encode("gbk"))
    assert len(parse_plan(read_document(path)).items) == 30


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"\x81\x20\xff\xfe\x00", "import.unsupported"),
        (b"1.\xff\x81 not text", "import.undecodable"),
        (b"%PDF-1.7\n", "import.unsupported"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "import.legacy_doc"),
        (b"PK\x03\x04 a damaged package", "import.bad_docx"),
    ],
)
def test_files_that_are_not_plans(tmp_path: Path, data: bytes, key: str) -> None:
    path = tmp_path / "要点.docx"
    path.write_bytes(data)
    assert error_key(path) == key


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert error_key(tmp_path / "无.txt") == "import.not_found"
    assert error_key(tmp_path) == "import.not_a_file"


def test_error_messages_say_what_and_how() -> None:
    with pytest.raises(YwplanError) as caught:
        read_document("无此文件.txt")
    assert caught.value.message == "file not found: 无此文件.txt"
    assert caught.value.hint == "check the name and the path; use - to read standard input"
    set_lang("zh")
    assert caught.value.message == "找不到文件 无此文件.txt"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(SEED.encode("gb18030")))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert read_document("-") == SEED


def build_docx(path: Path) -> Path:
    """A plan as offices send it: a title, a heading, noisy paragraphs and a table."""
    document = docx.Document()
    document.add_paragraph("共青团测试市委2025年工作要点")
    document.add_paragraph("2025年是“十四五”规划收官之年。")
    document.add_paragraph("一、坚持思想引领")
    document.add_paragraph("1.深化青年理论武装◆■。全年培训团干部不少于4★0■0人次。")
    document.add_paragraph("2.建强宣讲队伍。举办宣讲不少于三十场,覆盖青少年不少于1.5万人次。")
    document.add_paragraph("二、服务青年发展")
    table = document.add_table(rows=4, cols=4)
    rows = [
        ("序号", "工作任务", "具体内容", "牵头单位"),
        ("3", "深化青春助力共同富裕", "全年举办青禾集市不少于5场。", "青年发展部"),
        ("4", "加强青少年权益维护", "提升12355青少年服务台能级。", "权益部"),
        ("5", "", "", "组织部"),
    ]
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    merged = table.rows[3].cells[1].merge(table.rows[3].cells[2])  # one cell over two columns
    merged.text = "加强团干部选育管用。全市全年培训团干部不少于400人次。"
    document.save(str(path))
    return path


def test_docx_round_trip(tmp_path: Path) -> None:
    text = read_document(build_docx(tmp_path / "要点.docx"))
    parsed = parse_plan(text)
    assert (parsed.org, parsed.year) == ("共青团测试市委", 2025)
    summary = [
        (
            item.number,
            item.title,
            item.section,
            item.lead,
            [(t.value, t.unit) for t in item.targets],
        )
        for item in parsed.items
    ]
    assert summary == [
        (1, "深化青年理论武装", "一、坚持思想引领", None, [(400, "人次")]),
        (2, "建强宣讲队伍", "一、坚持思想引领", None, [(30, "场"), (15000, "人次")]),
        (3, "深化青春助力共同富裕", "二、服务青年发展", "青年发展部", [(5, "场")]),
        (4, "加强青少年权益维护", "二、服务青年发展", "权益部", []),
        (5, "加强团干部选育管用", "二、服务青年发展", "组织部", [(400, "人次")]),
    ]
    data, _ = yamlio.load(draft_plan(text, org=None, year=None))
    plan = Plan.model_validate(data)
    assert len(plan.targets()) == 5


def test_docx_automatic_numbering(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ("深化青年理论武装。全年培训团干部不少于400人次。", "建强宣讲队伍。", "服务青年。"):
        document.add_paragraph(text, style="List Number")
    path = tmp_path / "auto.docx"
    document.save(str(path))
    items = parse_plan(read_document(path)).items
    assert [(item.number, item.title) for item in items] == [
        (1, "深化青年理论武装"),
        (2, "建强宣讲队伍"),
        (3, "服务青年"),
    ]


def two_level_list(document: Any) -> str:
    """Make the template's numbered list two-level: 一、 headings over 1. items; its id."""
    root = document.part.numbering_part.element
    num = next(n for n in root.iterfind(qn("w:num")) if n.get(qn("w:numId")) == "5")
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a for a in root.iterfind(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id
    )
    first = abstract.find(qn("w:lvl"))
    second = copy.deepcopy(first)
    second.set(qn("w:ilvl"), "1")
    first.addnext(second)
    for lvl, fmt, label in ((first, "chineseCounting", "%1、"), (second, "decimal", "%2.")):
        lvl.find(qn("w:numFmt")).set(qn("w:val"), fmt)
        lvl.find(qn("w:lvlText")).set(qn("w:val"), label)
    return "5"


def test_docx_multi_level_numbering_restarts_per_section(tmp_path: Path) -> None:
    document = docx.Document()
    num_id = two_level_list(document)
    for text, level in (("思想引领", 0), ("甲。", 1), ("乙。", 1), ("组织建设", 0), ("丙。", 1)):
        num_pr = document.add_paragraph(text)._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_numId().val = int(num_id)
        num_pr.get_or_add_ilvl().val = level
    path = tmp_path / "levels.docx"
    document.save(str(path))
    text = read_document(path)
    assert text.splitlines() == ["一、思想引领", "1.甲。", "2.乙。", "二、组织建设", "1.丙。"]
    items = parse_plan(text).items
    assert [(i.number, i.printed_number, i.section) for i in items] == [
        (1, 1, "一、思想引领"),
        (2, 2, "一、思想引领"),
        (3, 1, "二、组织建设"),
    ]


def test_docx_on_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = build_docx(tmp_path / "要点.docx").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert len(parse_plan(read_document("-")).items) == 5


# --- the command, through a tiny app until ywplan.cli.main registers it ---------------------

app = typer.Typer()
app.command()(import_plan)


def invoke(*args: str, stdin: bytes | None = None) -> typer.testing.Result:
    return CliRunner().invoke(app, list(args), input=stdin)


def test_command_writes_the_draft(tmp_path: Path) -> None:
    source = tmp_path / "要点.txt"
    source.write_text(SEED, encoding="gbk")
    out = tmp_path / "jiaxing.yaml"
    result = invoke(str(source), "-o", str(out), "--org", "共青团嘉兴市委", "--year", "2024")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == (
        f"draft written to {out}: 30 items, 22 targets, 1 to fill in (TODO)\n"
        f"review it, then run: ywplan check {out}\n"
    )
    data, _ = yamlio.load(out.read_text(encoding="utf-8"))
    assert data["org"] == "共青团嘉兴市委"
    assert len(data["items"]) == 30
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([source.name, out.name])
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_command_prints_to_stdout(tmp_path: Path) -> None:
    source = tmp_path / "要点.txt"
    source.write_text(SHORT, encoding="utf-8")
    result = invoke(str(source))
    assert result.exit_code == 0
    assert result.stdout.startswith("# 草稿:由 ywplan import 从 要点.txt 生成。")
    assert yamlio.load(result.stdout)[0]["year"] == 2025


def test_command_reads_stdin() -> None:
    result = invoke("-", "--year", "2024", stdin=SEED.encode("utf-8"))
    assert result.exit_code == 0
    data, _ = yamlio.load(result.stdout)
    assert data["year"] == 2024
    assert data["org"] is None
    assert len(data["items"]) == 30


def test_command_does_not_overwrite_without_force(tmp_path: Path) -> None:
    source = tmp_path / "要点.txt"
    source.write_text(SHORT, encoding="utf-8")
    out = tmp_path / "plan.yaml"
    out.write_text("reviewed: true\n", encoding="utf-8")
    out.chmod(0o640)
    result = invoke(str(source), "-o", str(out))
    assert isinstance(result.exception, YwplanError)
    assert result.exception.key == "import.exists"
    assert out.read_text(encoding="utf-8") == "reviewed: true\n"
    assert invoke(str(source), "-o", str(out), "--force").exit_code == 0
    assert yamlio.load(out.read_text(encoding="utf-8"))[0]["org"] == "共青团测试市委"
    assert out.stat().st_mode & 0o777 == 0o640


def test_command_unwritable_folder(tmp_path: Path) -> None:
    source = tmp_path / "要点.txt"
    source.write_text(SHORT, encoding="utf-8")
    result = invoke(str(source), "-o", str(tmp_path / "no" / "such" / "plan.yaml"))
    assert isinstance(result.exception, YwplanError)
    assert result.exception.key == "import.unwritable"


def test_command_refuses_a_year_out_of_range(tmp_path: Path) -> None:
    source = tmp_path / "要点.txt"
    source.write_text(SHORT, encoding="utf-8")
    assert invoke(str(source), "--year", "24").exit_code == 2


def run_python(code: str) -> str:
    """What a fresh interpreter prints for *code*, run from the repository root."""
    repo = Path(__file__).parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo
    )
    return done.stdout.strip()


def test_command_module_imports_only_typer_and_stdlib() -> None:
    code = (
        "import sys, ywplan.cli.commands\n"
        "heavy = ('ywplan.importing', 'docx', 'pydantic', 'yaml', 'rich')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))"
    )
    assert run_python(code) == "[]"


def test_reading_text_never_imports_python_docx() -> None:
    code = (
        "import sys\n"
        "from ywplan.importing import draft_plan, read_document\n"
        f"draft_plan(read_document({str(SEED_002)!r}), org='团', year=2024)\n"
        "print('docx' in sys.modules)"
    )
    assert run_python(code) == "False"
