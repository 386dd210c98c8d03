"""The hostile-input corpus of ``ywplan check``: plans and ledgers that once crashed it,
placed an error on the wrong line, spoke PyYAML's English in a Chinese message, or took
minutes. Each is refused with exit 1, its catalog key, its ``file:line:col``, no
traceback, and in well under the time a clerk waits.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.conftest import Run

HEAD = "plan: 测试计划\norg: 共青团测试市委\nyear: 2024\n"
ITEM = "items:\n  - number: 1\n    title: 培训\n    targets:\n"
TARGET = "      - {id: a, name: 培训, unit: 人次, min: %s}\n"
LONG = "1" * 5000

# (id, plan text, catalog key, "line:col", English message)
CASES: list[tuple[str, str, str, str, str]] = [
    (
        "int-of-5000-digits",
        HEAD + ITEM + TARGET % LONG,
        "yaml.number_too_long",
        "8:42",
        "a number too long (5000 characters, at most 100)",
    ),
    (
        "int-of-200-digits-as-a-key",
        HEAD + "9" * 200 + ": 1\n",
        "yaml.number_too_long",
        "4:1",
        "a number too long (200 characters, at most 100)",
    ),
    (
        "tagged-int-of-5000-digits",
        HEAD + ITEM + TARGET % ("!!int " + LONG),
        "yaml.number_too_long",
        "8:42",
        "a number too long (5000 characters, at most 100)",
    ),
    (
        "hex-of-5000-digits",
        HEAD.replace("2024", "0x" + "f" * 5000),
        "yaml.number_too_long",
        "3:7",
        "a number too long (5002 characters, at most 100)",
    ),
    (
        "float-of-5000-digits",
        HEAD + ITEM + TARGET % (LONG + ".5"),
        "yaml.number_too_long",
        "8:42",
        "a number too long (5002 characters, at most 100)",
    ),
    (
        "unclosed-bracket",
        HEAD + "units: [甲区, 乙县\nitems: []\n",
        "yaml.unclosed_bracket",
        "4:8",
        "the bracket [ opened here is not closed",
    ),
    (
        "unclosed-bracket-at-the-end",
        HEAD + "units: [甲区, 乙县\n",
        "yaml.unclosed_bracket",
        "4:8",
        "the bracket [ opened here is not closed",
    ),
    (
        "unclosed-brace",
        HEAD + ITEM + "      - {id: a, name: 培训, unit: 人次, min: 5\n  - number: 2\n",
        "yaml.unclosed_brace",
        "8:9",
        "the brace { opened here is not closed",
    ),
    (
        "unclosed-quote",
        HEAD.replace("共青团测试市委", '"共青团测试市委') + "items: []\n",
        "yaml.unclosed_quote",
        "2:6",
        "the quote opened here is not closed",
    ),
    (
        "key-indented-too-little",
        HEAD + "items:\n  - number: 1\n    title: 培训\n  lead: 组织部\n",
        "yaml.bad_indent",
        "7:3",
        "the indentation does not line up",
    ),
    (
        "key-indented-too-much",
        HEAD + "items:\n  - number: 1\n     title: 培训\n",
        "yaml.colon_in_value",
        "6:11",
        'a ": " cannot stand here: a value holds a colon, or the indentation is wrong',
    ),
    (
        "top-key-out-of-line",
        HEAD + " items: []\n",
        "yaml.colon_in_value",
        "4:7",
        'a ": " cannot stand here: a value holds a colon, or the indentation is wrong',
    ),
    (
        "tab-indentation",
        HEAD + "items:\n\t- number: 1\n",
        "yaml.tab",
        "5:1",
        "a tab is used for indentation here",
    ),
    (
        "tab-inside-an-item",
        HEAD + "items:\n  - number: 1\n\ttitle: 培训\n",
        "yaml.tab",
        "6:1",
        "a tab is used for indentation here",
    ),
    (
        "no-space-after-colon",
        "plan: 测试计划\norg:共青团测试市委\nyear: 2024\n",
        "yaml.colon_space",
        "2:4",
        "a space is missing after the colon",
    ),
    (
        "no-space-after-colon-in-an-item",
        HEAD + "items:\n  - number:1\n    title: 培训\n",
        "yaml.colon_space",
        "5:11",
        "a space is missing after the colon",
    ),
    (
        "no-space-after-colon-before-a-key",
        HEAD + "items:\n  - number: 1\n    title:培训\n    text: 正文\n",
        "yaml.colon_space",
        "6:10",
        "a space is missing after the colon",
    ),
    (
        "colon-in-a-value",
        HEAD.replace("共青团测试市委", "共青团: 测试市委") + "items: []\n",
        "yaml.colon_in_value",
        "2:9",
        'a ": " cannot stand here: a value holds a colon, or the indentation is wrong',
    ),
    (
        "no-colon",
        "plan: 测试计划\norg\nyear: 2024\n",
        "yaml.missing_colon",
        "2:1",
        'a colon is missing: this line should read "key: value"',
    ),
    (
        "list-entry-after-a-key",
        HEAD + "units: - 甲区\n",
        "yaml.dash_here",
        "4:8",
        'a list entry "- " cannot start here',
    ),
    (
        "at-sign",
        HEAD.replace("共青团测试市委", "@共青团测试市委") + "items: []\n",
        "yaml.bad_char",
        "2:6",
        '"@" cannot start a value',
    ),
    (
        "bad-escape",
        HEAD + 'items:\n  - number: 1\n    title: "C:\\团委"\n',
        "yaml.bad_escape",
        "6:",
        "a backslash \\ in double quotes is followed by an invalid character",
    ),
    (
        "control-character",
        HEAD.replace("测试市委", "测试\x07市委") + "items: []\n",
        "yaml.control_char",
        "2:11",
        "an invisible control character (U+0007)",
    ),
    (
        "unknown-syntax-problem",
        HEAD + "items: &\n",
        "yaml.syntax",
        "4:9",
        "YAML syntax error (did not find expected alphabetic or numeric character)",
    ),
]


# Words of PyYAML's and libyaml's problem texts that must not show in a Chinese message.
PARSER_WORDS = {"found", "expected", "character", "token", "allowed", "scanning", "parsing"}


def _findings(run: Run, *args: str, lang: str = "en") -> list[dict[str, object]]:
    result = run("check", *args, "--format", "json", lang=lang)  # type: ignore[arg-type]
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _quick_findings(run: Run) -> list[dict[str, object]]:
    """``check``'s findings, asserting a hostile file is refused quickly (< 2 s locally;
    the bound is loose for slow CI machines)."""
    started = time.perf_counter()
    findings = _findings(run)
    elapsed = time.perf_counter() - started
    assert elapsed < 10, elapsed
    return findings


def _write_ledger(workdir: Path, lines: list[str]) -> None:
    (workdir / "plans" / "p.ledger.csv").write_text(
        "id,date,item,target,amount,unit,note,by,recorded_at,corrects\n" + "".join(lines),
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    ("text", "key", "where", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_hostile_plan_is_refused_at_its_line(
    run: Run, workdir: Path, text: str, key: str, where: str, message: str
) -> None:
    (workdir / "plans" / "p.yaml").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    (finding,) = _findings(run)
    assert time.perf_counter() - started < 10  # < 2 s locally; loose for slow CI machines
    assert finding["code"] == key
    assert f"{finding['line']}:{finding['col']}".startswith(where)
    assert finding["message"] == message
    assert finding["hint"]


@pytest.mark.parametrize(("text", "key"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_plan_is_refused_in_chinese_without_english(
    run: Run, workdir: Path, text: str, key: str
) -> None:
    (workdir / "plans" / "p.yaml").write_text(text, encoding="utf-8")
    (finding,) = _findings(run, lang="zh")
    message = str(finding["message"])
    if key == "yaml.syntax":  # the fallback: the parser's own words, in parentheses
        assert message.startswith("YAML 语法错误(did not find")
    else:
        assert any("\u4e00" <= c <= "\u9fff" for c in message), message
        assert not PARSER_WORDS.intersection(message.split()), message


def test_a_gbk_plan_is_told_to_be_saved_as_utf8_not_as_csv(run: Run, workdir: Path) -> None:
    (workdir / "plans" / "p.yaml").write_bytes((HEAD + "items: []\n").encode("gbk"))
    (finding,) = _findings(run, lang="zh")
    assert finding["message"] == "文件是 GBK/GB18030 编码,不是 UTF-8"
    assert "CSV" not in str(finding["hint"])
    assert "另存为 UTF-8" in str(finding["hint"])
    assert "iconv -f GB18030 -t UTF-8" in str(finding["hint"])


# --- many units: did-you-mean work is bounded ------------------------------------------


def _units(count: int) -> list[str]:
    """*count* sub-units: 海宁市 among names that all start alike (单位000000 …)."""
    return [f"单位{n:06d}" for n in range(count - 1)] + ["海宁市"]


def _plan_with_units(units: list[str], quotas: list[str]) -> str:
    listed = "".join(f"  - {unit}\n" for unit in units)
    quota_lines = "".join(f"          {name}: 1\n" for name in quotas)
    return (
        HEAD
        + "units:\n"
        + listed
        + ITEM
        + "      - id: a\n        name: 培训\n        unit: 人次\n        min: 5\n"
        + ("        by_unit:\n" + quota_lines if quotas else "")
    )


@pytest.mark.parametrize(
    ("units", "wrong"), [(40_000, 200), (60_000, 2_000)], ids=["40k-units-200", "60k-units-2000"]
)
def test_unknown_quota_names_among_many_units_are_refused_quickly(
    run: Run, workdir: Path, units: int, wrong: int
) -> None:
    names = ["海宁县"] + [f"单位X{n:05d}" for n in range(wrong - 1)]
    (workdir / "plans" / "p.yaml").write_text(
        _plan_with_units(_units(units), names), encoding="utf-8"
    )
    findings = _quick_findings(run)
    assert len(findings) == wrong
    assert {f["code"] for f in findings} == {"plan.quota_unit"}
    first, last = findings[0], findings[-1]
    assert (first["line"], last["line"]) == (units + 14, units + wrong + 13)
    assert str(first["hint"]).startswith('did you mean "海宁市"?')
    assert f"({units} in all)" in str(last["hint"])
    assert max(len(str(f["hint"])) for f in findings) < 300


def test_one_misspelt_unit_in_a_large_ledger_is_refused_quickly(run: Run, workdir: Path) -> None:
    units = _units(60_000)
    (workdir / "plans" / "p.yaml").write_text(_plan_with_units(units, []), encoding="utf-8")
    stamp = "2024-05-01T10:00:00+08:00"
    lines = [
        f"{n:016d},2024-05-01,1,a,1,{units[n % len(units)] if n != 7 else '海宁县'},,t,{stamp},\n"
        for n in range(150_000)
    ]
    _write_ledger(workdir, lines)
    (finding,) = _quick_findings(run)
    assert (finding["code"], finding["line"], finding["col"]) == ("entry.unknown_unit", 9, 6)
    assert str(finding["hint"]).startswith('did you mean "海宁市"?')


def test_a_large_ledger_against_ten_thousand_items_is_checked_quickly(
    run: Run, workdir: Path
) -> None:
    items = "".join(
        f"  - number: {n}\n    title: 事项{n}\n    targets:\n"
        f"      - {{id: a, name: 甲, unit: 场, min: 5}}\n"
        for n in range(1, 10_001)
    )
    (workdir / "plans" / "p.yaml").write_text(HEAD + "items:\n" + items, encoding="utf-8")
    stamp = "2024-05-01T10:00:00+08:00"
    lines = [
        f"{n:016d},2024-05-01,{n % 10_000 + 1},{'a' if n != 5 else 'b'},1,,,t,{stamp},\n"
        for n in range(150_000)
    ]
    _write_ledger(workdir, lines)
    (finding,) = _quick_findings(run)
    assert (finding["code"], finding["line"], finding["col"]) == ("entry.unknown_target", 7, 4)


def test_thousands_of_distinct_misspelt_units_are_refused_quickly(run: Run, workdir: Path) -> None:
    units = [f"单位{n:03d}" for n in range(150)]  # a short list: every unit is a candidate
    (workdir / "plans" / "p.yaml").write_text(_plan_with_units(units, []), encoding="utf-8")
    stamp = "2024-05-01T10:00:00+08:00"
    lines = [f"{n:016d},2024-05-01,1,a,1,单位X{n:05d},,t,{stamp},\n" for n in range(20_000)]
    _write_ledger(workdir, lines)
    findings = _quick_findings(run)
    assert len(findings) == 20_000
    assert {f["code"] for f in findings} == {"entry.unknown_unit"}
