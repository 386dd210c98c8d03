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
]


# Words of PyYAML's and libyaml's problem texts that must not show in a Chinese message.
PARSER_WORDS = {"found", "expected", "character", "token", "allowed", "scanning", "parsing"}


def _findings(run: Run, *args: str, lang: str = "en") -> list[dict[str, object]]:
    result = run("check", *args, "--format", "json", lang=lang)  # type: ignore[arg-type]
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


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
    assert any("\u4e00" <= c <= "\u9fff" for c in message), message
    assert not PARSER_WORDS.intersection(message.split()), message
