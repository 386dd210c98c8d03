"""Hostile names from a plan or a ledger, through every command that shows them and every format.

A plan's author (or a pasted document) can put anything in a name: terminal escapes,
right-to-left overrides, zero-width characters, HTML, spreadsheet formulas, Markdown
table pipes, rich markup. None of it is refused — it is the author's text — but no view
lets it act: terminals and plain text show controls as visible escapes
(:mod:`ywplan.safetext`), Markdown and HTML escape markup, CSV and xlsx never let a cell
become a formula, and JSON carries the exact text with every control escaped.

:data:`CORPUS` is the list: what the plan says → how people's views show it.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import Run, write

TODAY = "2025-01-15"

# (case, hostile text, how terminal/txt/csv/xlsx views show it)
CORPUS: tuple[tuple[str, str, str], ...] = (
    ("clear-screen", "\x1b[2J", "␛[2J"),
    ("window-title", "\x1b]0;pwned\x07", "␛]0;pwned␇"),
    ("c1-csi", "\x9b31m", "\\x9b31m"),
    ("rtl-override", "\u202e", "\\u202e"),
    ("rtl-isolate", "\u2067", "\\u2067"),
    ("zero-width", "\u200b", "\\u200b"),
    ("bom-inside", "\ufeff", "\\ufeff"),
    ("del", "\x7f", "␡"),
)
RAW = [text for _, text, _ in CORPUS]

# Names that are harmless on a terminal but are markup or formulas elsewhere.
SCRIPT = "<script>alert(1)</script>"
FORMULA = "=cmd|' /C calc'!A0"
MARKUP = "[bold red]红[/]"

PLAN = """
plan: "计划\\e[2J"
org: "@团\\u202e委"
year: 2024
units: ["东区\\e[2J", "西\\u202e区", "{script}", "{formula}"]
items:
  - number: 1
    title: "培训\\u200b{script} | 骨干 {markup}"
    targets:
      - id: trained
        name: "=HYPERLINK(\\"http://evil\\")\\e]0;pwned\\a"
        unit: "人\\u2067"
        min: 100
        by_unit: {{"东区\\e[2J": 40, "西\\u202e区": 30, "{script}": 20, "{formula}": 10}}
      - id: visits
        name: "走访\\x9b31m\\ufeff|青年\\x7f"
        unit: 次
        min: 50
  - number: 2
    title: "第一行\\n第二行 -1"
""".format(script=SCRIPT, formula=FORMULA.replace("'", "'"), markup=MARKUP)

LEDGER = (
    "id,date,item,target,amount,unit,note,by,recorded_at,corrects\n"
    f'aaaa0001,2024-02-10,1,trained,30,"{FORMULA}",\x1b[2J<script>n</script>,'
    "x,2024-02-11T09:00:00+08:00,\n"
    "aaaa0002,2024-03-10,1,visits,12,西\u202e区,\u202eexe.txt,x,2024-03-11T09:00:00+08:00,\n"
    "aaaa0003,2024-08-10,1,trained,5,东区\x1b[2J,+SUM(A1),x,2024-08-11T09:00:00+08:00,\n"
)

COMMANDS: dict[str, tuple[str, ...]] = {
    "report": ("report", "--quarter", "2024Q3"),
    "units": ("units", "--quarter", "2024Q3"),
    "status": ("status", "--quarter", "2024Q3"),
    "status-unit": ("status", "--quarter", "2024Q3", "--unit", "西\u202e区"),
    "entries": ("entries",),
}
TEXT_FORMATS = ("table", "txt", "markdown", "csv", "html", "json")


@pytest.fixture
def hostile(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The plan and its ledger; a terminal wide enough that no name is folded."""
    monkeypatch.setenv("COLUMNS", "400")
    path = write(workdir / "plans" / "h.yaml", PLAN)
    (workdir / "plans" / "h.ledger.csv").write_text(LEDGER, encoding="utf-8")
    return path


def shown_as(fmt: str, text: str) -> str:
    """How *fmt* writes the visible form of a hostile text (Markdown escapes ``\\ [ ]``)."""
    if fmt != "markdown":
        return text
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def strings(document: object) -> list[str]:
    """Every text in a JSON document, keys and values."""
    if isinstance(document, str):
        return [document]
    if isinstance(document, dict):
        return [s for k, v in document.items() for s in (k, *strings(v))]
    if isinstance(document, list):
        return [s for v in document for s in strings(v)]
    return []


def produce(run: Run, workdir: Path, command: str, fmt: str, lang: str = "en") -> str:
    """The command's output in *fmt*, as text (an xlsx workbook: its cells' values)."""
    args = COMMANDS[command]
    if fmt == "xlsx":
        out = workdir / "out.xlsx"
        result = run(*args, "-o", str(out), lang=lang, today=TODAY)
        assert result.exit_code == 0, result.output
        book = openpyxl.load_workbook(out)
        cells = [c for ws in book for row in ws.iter_rows() for c in row if c.value is not None]
        assert not [c.coordinate for c in cells if c.data_type == "f"]
        return "\n".join(str(c.value) for c in cells)
    result = run(*args, "--format", fmt, lang=lang, today=TODAY)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.stdout.removeprefix("\ufeff")  # a CSV's own BOM, for Excel


@pytest.mark.parametrize("fmt", (*TEXT_FORMATS, "xlsx"))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_no_control_reaches_the_output(
    run: Run, hostile: Path, workdir: Path, command: str, fmt: str
) -> None:
    output = produce(run, workdir, command, fmt)
    for case, text, _ in CORPUS:
        assert text not in output, f"{case} reaches {command} --format {fmt} raw"


@pytest.mark.parametrize("fmt", ("table", "txt", "markdown", "csv", "html", "xlsx"))
@pytest.mark.parametrize(("case", "visible"), [(c[0], c[2]) for c in CORPUS])
def test_controls_are_shown_visibly(
    run: Run, hostile: Path, workdir: Path, fmt: str, case: str, visible: str
) -> None:
    output = produce(run, workdir, "status", fmt) + produce(run, workdir, "units", fmt)
    assert shown_as(fmt, visible) in output, case


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_json_carries_the_exact_text_with_controls_escaped(
    run: Run, hostile: Path, workdir: Path, command: str
) -> None:
    output = produce(run, workdir, command, "json")
    exact = strings(json.loads(output))
    if command == "entries":
        assert "\x1b[2J<script>n</script>" in exact and "\u202eexe.txt" in exact
    else:
        assert '=HYPERLINK("http://evil")\x1b]0;pwned\x07' in exact
        assert any("\u202e" in text for text in exact)
    assert "\\u202e" in output  # written as an escape: the same JSON value


@pytest.mark.parametrize("command", ("report", "units", "status", "entries"))
def test_markdown_escapes_html_and_table_pipes(
    run: Run, hostile: Path, workdir: Path, command: str
) -> None:
    output = produce(run, workdir, command, "markdown")
    assert "<script" not in output and "<b>" not in output
    assert "&lt;script&gt;" in output
    columns = 0
    for line in output.splitlines():
        if line.startswith("|") and columns == 0:
            columns = line.count("|")  # a table's header
        elif line.startswith("|"):
            assert line.replace("\\|", "").count("|") == columns, line
        else:
            columns = 0


@pytest.mark.parametrize("command", ("report", "units", "status", "entries"))
def test_html_escapes_and_has_no_script(
    run: Run, hostile: Path, workdir: Path, command: str
) -> None:
    output = produce(run, workdir, command, "html")
    assert "<script" not in output
    assert "&lt;script&gt;" in output


@pytest.mark.parametrize("fmt", ("csv", "xlsx"))
@pytest.mark.parametrize("command", ("report", "units", "status", "entries"))
def test_no_cell_becomes_a_formula(
    run: Run, hostile: Path, workdir: Path, command: str, fmt: str
) -> None:
    output = produce(run, workdir, command, fmt)
    cells = (
        [cell for row in csv.reader(io.StringIO(output.lstrip("\ufeff"))) for cell in row]
        if fmt == "csv"
        else output.splitlines()
    )
    risky = [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]
    risky += [c for c in cells if c.startswith("-") and not _number(c)]
    assert not risky
    if command in ("report", "units"):
        assert "'" + FORMULA in cells


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("fmt", ("table", "txt"))
def test_rich_markup_in_a_name_is_text(run: Run, hostile: Path, workdir: Path, fmt: str) -> None:
    for command in ("status", "report"):
        assert MARKUP in produce(run, workdir, command, fmt)


@pytest.mark.parametrize("lang", ("zh", "en"))
def test_the_terminal_views_show_hostile_units_visibly(
    run: Run, hostile: Path, workdir: Path, lang: str
) -> None:
    for command in ("report", "units"):
        output = produce(run, workdir, command, "table", lang)
        assert "东区␛[2J" in output and "西\\u202e区" in output
        assert SCRIPT in output or "<script>" in output
