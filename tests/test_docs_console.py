"""Every console block in README.md and docs/*.md is ywplan's real output (tests/docs_console.py).

When a change of behaviour changes what ywplan prints, run
``python scripts/docs_console.py --update`` and review the diff of the documents.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.docs_console import DocError, differences, documents, fit, main, parse, run_doc, updated

DOCS = documents()


def test_the_documents_with_console_blocks_are_found() -> None:
    names = {p.relative_to(REPO).as_posix() for p in DOCS}
    assert {"README.md", "docs/guide.zh.md"} <= names


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_console_blocks_show_real_output(path: Path) -> None:
    doc = parse(path)
    assert doc.env, f"{path.name}: no <!-- console: NAME=VALUE ... --> comment states its setting"
    problems = differences(doc, run_doc(doc))
    advice = "run: python scripts/docs_console.py --update, and review the diff"
    assert not problems, "\n\n".join([*problems, advice])


# --- the runner itself ----------------------------------------------------------------


def _doc(tmp_path: Path, body: str) -> Path:
    """A document stating ENV, then *body*."""
    path = tmp_path / "doc.md"
    path.write_text(ENV + textwrap.dedent(body), encoding="utf-8")
    return path


ENV = "<!-- console: YWPLAN_TODAY=2024-12-31 YWPLAN_LANG=en YWPLAN_BY=张敏 -->\n"
LOGGED = """
```console
$ ywplan log 26 45 --unit 海宁市 --date 2024-12-20 --note 青年干部任职培训班
recorded abcd1234: 26.cadre-training +45 人次 (海宁市, 2024-12-20)
…
$ ywplan undo abcd --reason 录错
reversed abcd1234: appended zzzz9999, 26.cadre-training -45 人次 (海宁市, 2024-12-20)
…
$ ywplan entries --item 26 --since 2024-12-20
Ledger entries (2)
…
 abcd1234   2024-12-20   26.cadre-training       45   海宁市   青年干部任职培训班   张敏   reversed
 zzzz9999   2024-12-20   26.cadre-training      -45   海宁市   录错                 张敏   reverses abcd1234
```
"""


def test_ids_in_the_document_stand_for_the_real_ones(tmp_path: Path) -> None:
    doc = parse(_doc(tmp_path, LOGGED))
    ran = run_doc(doc)
    assert differences(doc, ran) == []
    real = ran[0][0].actual[0]
    assert real.startswith("recorded abcd1234: ")  # written back as the document has it


def test_a_wrong_line_is_reported_where_it_stands(tmp_path: Path) -> None:
    path = _doc(
        tmp_path,
        """
        Some prose.

        ```console
        $ ywplan check
        ✓ plans/jiaxing-2024.yaml: 30 items, 22 targets, 99 ledger entries, 0 warning(s)
        ```
        """,
    )
    doc = parse(path)
    problems = differences(doc, run_doc(doc))
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:6: $ ywplan check")
    assert "-✓ plans/jiaxing-2024.yaml: 30 items, 22 targets, 99 ledger entries" in problems[0]
    assert "+✓ plans/jiaxing-2024.yaml: 30 items, 22 targets, 120 ledger entries" in problems[0]


def test_update_rewrites_the_output_and_is_the_same_every_time(tmp_path: Path) -> None:
    path = _doc(
        tmp_path,
        """
        ```console
        $ ywplan log 26 45 --unit 海宁市 --date 2024-12-20
        recorded 00000000: out of date
        $ ywplan check   # a comment is not an argument
        ```
        """,
    )
    assert main(["--update", str(path)]) == 0
    first = path.read_text(encoding="utf-8")
    assert "recorded 00000000: out of date" not in first
    assert "121 ledger entries" in first
    assert main([str(path)]) == 0  # now it is true
    assert main(["--update", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == first


def test_update_keeps_what_the_document_shortened(tmp_path: Path) -> None:
    path = _doc(
        tmp_path,
        """
        ```console
        $ ywplan status --quarter 2024Q3 --lang zh
        an old title
        …
           培训团干部         old numbers
        …
        ```
        """,
    )
    doc = parse(path)
    text = updated(doc, run_doc(doc))
    block = text.split("```console\n", 1)[1].split("```", 1)[0].splitlines()
    assert block[1].startswith("共青团嘉兴市委2024年工作要点 · 截至 2024-09-30")
    assert block[2] == "…"
    assert block[3].startswith("   培训团干部") and "312" in block[3]
    assert block[4:] == ["…"]


def test_prompts_are_answered_from_the_document(tmp_path: Path) -> None:
    path = _doc(
        tmp_path,
        """
        ```console
        $ ywplan log
        Items with targets:
        …
        Item number (e.g. 26, or 26.cadre-training): 26
        target: 26.cadre-training  培训团干部 ≥400 人次
        …
        Sub-unit (0–7 or its name) [0]: 6
        Amount (人次): 30
        Date [2024-12-31]: 2024-09-26
        Note (may be empty):
        about to record: 26.cadre-training +30 人次 (海宁市, 2024-09-26)
        Record it? [Y/n]: y
        recorded a1b2c3d4: 26.cadre-training +30 人次 (海宁市, 2024-09-26)
        …
        ```
        """,
    )
    doc = parse(path)
    assert differences(doc, run_doc(doc)) == []


def test_a_reworded_prompt_is_still_answered_and_updated(tmp_path: Path) -> None:
    path = _doc(
        tmp_path,
        """
        ```console
        $ ywplan log
        Items with targets:
        …
        Item number (e.g. 26): 26
        …
        Sub-unit [0]: 6
        Amount: 30
        Date: 2024-09-26
        Note:
        Record it? [Y/n]: y
        …
        ```
        """,
    )
    assert main(["--update", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert "Item number (e.g. 26, or 26.cadre-training): 26\n" in text
    assert "Sub-unit (0–7 or its name) [0]: 6\n" in text
    assert "Note (may be empty):\n" in text
    assert main([str(path)]) == 0


def test_setup_lasts_one_block(tmp_path: Path) -> None:
    path = _doc(
        tmp_path,
        """
        <!-- console-setup: replace plans/jiaxing-2024.yaml "min: 400" "mni: 400" -->
        ```console
        $ ywplan check
        plans/jiaxing-2024.yaml:369:9: error: unknown key "mni" in target 26.cadre-training
            hint: did you mean "min"?
        ✗ plans/jiaxing-2024.yaml: 1 error(s), 0 warning(s)
        ```

        ```console
        $ ywplan check
        ✓ plans/jiaxing-2024.yaml: 30 items, 22 targets, 120 ledger entries, 0 warning(s)
        ```
        """,
    )
    doc = parse(path)
    assert differences(doc, run_doc(doc)) == []


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("$ rm -rf plans\n", "not a command this runner runs: rm -rf plans"),
        ("$ cd ../..\n", "cannot cd there"),
    ],
)
def test_lines_the_runner_does_not_know_are_refused(
    tmp_path: Path, block: str, message: str
) -> None:
    doc = parse(_doc(tmp_path, f"\n```console\n{block}```\n"))
    with pytest.raises(DocError, match=message):
        run_doc(doc)


def test_setup_must_apply(tmp_path: Path) -> None:
    text = '\n<!-- console-setup: replace plans/jiaxing-2024.yaml "nowhere" "x" -->\n'
    doc = parse(_doc(tmp_path, text + "```console\n$ ywplan check\n```\n"))
    with pytest.raises(DocError, match=re.escape("'nowhere' is not in plans/jiaxing-2024.yaml")):
        run_doc(doc)


def test_installing_lines_are_skipped(tmp_path: Path) -> None:
    text = "\n```console\n$ pip install ywplan\nwhatever pip says\n$ ywplan --version\n"
    doc = parse(_doc(tmp_path, text + "ywplan 0.1.0\n```\n"))
    ran = run_doc(doc)
    assert ran[0][0].skipped
    assert differences(doc, ran) == []


@pytest.mark.parametrize(
    ("expected", "actual", "fitted"),
    [
        (["a", "…", "z"], ["a", "b", "c", "z"], ["a", "…", "z"]),
        (["a", "…"], ["a", "b"], ["a", "…"]),
        (["a", "…", "c", "…"], ["a", "b", "c", "d"], ["a", "…", "c", "…"]),
        (["a", "…", "x", "…"], ["a", "b", "c2", "d"], ["a", "…", "b", "…"]),
        (["a", "b"], ["a", "c", "d"], ["a", "c", "d"]),
    ],
)
def test_fit(expected: list[str], actual: list[str], fitted: list[str]) -> None:
    assert fit(expected, actual) == fitted
