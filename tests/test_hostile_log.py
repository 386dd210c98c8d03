"""The hostile-input corpus of ``ywplan log`` and ``ywplan undo``: what a clerk may type.

Each case is the command line typed against the bundled plan and ledger, the exit code,
the exact ``error:`` line, and a piece of the hint (None: no hint). Every refusal writes
nothing, shows no traceback and takes well under 2 s.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import Run

TODAY = "2024-12-31"  # the bundled ledger's last entry is dated 2024-12-20

# (id, arguments after "ywplan", exit code, error line, hint piece or None)
CASES: list[tuple[str, list[str], int, str, str | None]] = [
    (
        "comma-not-thousands",
        ["log", "26", "1,5"],
        1,
        'error: amount "1,5": a comma may only separate thousands, in groups of three digits',
        "write 1500, 1,500 or 12,345.5; a decimal takes a point, e.g. 1.5",
    ),
    (
        "comma-group-of-four",
        ["log", "26", "1,0000"],
        1,
        'error: amount "1,0000": a comma may only separate thousands, in groups of three digits',
        "1,500",
    ),
    (
        "comma-first",
        ["log", "26", ",100"],
        1,
        'error: amount ",100": a comma may only separate thousands, in groups of three digits',
        "1,500",
    ),
    (
        "full-width-comma-not-thousands",
        ["log", "26", "1，5"],
        1,
        'error: amount "1，5": a comma may only separate thousands, in groups of three digits',
        "1.5",
    ),
    (
        "amount-a-word",
        ["log", "26", "lots"],
        1,
        'error: amount "lots" is not a number',
        "e.g. 45, 2.5 or 1,000",
    ),
    (
        "amount-escape-sequence",
        ["log", "26", "\x1b[2J"],
        1,
        'error: amount "␛[2J" is not a number',
        "e.g. 45, 2.5 or 1,000",
    ),
    (
        "amount-zero",
        ["log", "26", "0"],
        1,
        "error: the amount must not be 0",
        "0 adds nothing to the total; log when there is something to count",
    ),
    (
        "level-zero",
        ["log", "25", "0"],
        1,
        "error: 25.org-growth is measured as a level, and a level of 0 cannot be logged",
        "type the level measured on that day (baseline 1200; last logged 1262 on 2024-12-20)",
    ),
    (
        "growth-percent-typed-as-level",
        ["log", "25", "3"],
        1,
        "error: 25.org-growth takes the level (the count itself), not the growth: "
        "3 looks like a percent (baseline 1200; last logged 1262 on 2024-12-20)",
        "re-type the level, e.g. 1260 for +5 %; if 3 is really right, add --yes",
    ),
    (
        "level-ten-times-up",
        ["log", "25", "12630"],
        1,
        "error: 12630 is more than 10 × the last logged value 1262: "
        "unlikely as the level of 25.org-growth",
        "re-type the level (an extra digit?); if 12630 is really right, add --yes",
    ),
    (
        "level-below-a-tenth",
        ["log", "25", "126"],
        1,
        "error: 126 is less than 1/10 of the last logged value 1262: "
        "unlikely as the level of 25.org-growth",
        "re-type the level (a digit missing?); if 126 is really right, add --yes",
    ),
    (
        "target-by-number",
        ["log", "2.4", "3"],
        1,
        'error: "2.4": targets are named by id, not by number',
        "the targets of item 2:\n        2.speakers  选育青年宣讲人才 (≥20 名)",
    ),
    (
        "by-two-lines",
        ["log", "26", "3", "--by", "张敏\n李娜"],
        1,
        "error: by (who recorded it) holds a control character (U+000A)",
        "one line of plain text",
    ),
    (
        "by-escape",
        ["log", "26", "3", "--by", "\x1b]0;pwned\x07"],
        1,
        "error: by (who recorded it) holds a control character (U+001B)",
        "one line of plain text",
    ),
    (
        "by-too-long",
        ["log", "26", "3", "--by", "x" * 5000],
        1,
        "error: by (who recorded it) is longer than 500 characters",
        "one line of plain text",
    ),
    (
        "undo-by-two-lines",
        ["undo", "5zoipybt", "--reason", "r", "--by", "a\nb"],
        1,
        "error: by (who recorded it) holds a control character (U+000A)",
        "one line of plain text",
    ),
    (
        "misspelt-option-after",
        ["log", "26", "3", "--dat", "2024-09-01"],
        2,
        "error: No such option: --dat (did you mean --date?)",
        "Try 'ywplan log -h' for help.",
    ),
    (
        "misspelt-option-before",
        ["log", "--dat", "2024-09-01", "26", "3"],
        2,
        "error: No such option: --dat (did you mean --date?)",
        "Try 'ywplan log -h' for help.",
    ),
    (
        "misspelt-option-with-value",
        ["log", "26", "3", "--nte=x"],
        2,
        "error: No such option: --nte (did you mean --note?)",
        None,
    ),
    (
        "unknown-option-nothing-close",
        ["log", "26", "3", "--zzzzzz"],
        2,
        "error: No such option: --zzzzzz",
        None,
    ),
    (
        "misspelt-option-of-undo",
        ["undo", "5zoipybt", "--reson", "x"],
        2,
        "error: No such option: --reson (did you mean --reason?)",
        None,
    ),
]


def ledger_bytes(plan: Path) -> bytes:
    return plan.with_name(plan.stem + ".ledger.csv").read_bytes()


@pytest.mark.parametrize(
    ("args", "code", "error", "hint"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_hostile_input_is_refused(
    run: Run, bundled: Path, args: list[str], code: int, error: str, hint: str | None
) -> None:
    before = ledger_bytes(bundled)
    started = time.perf_counter()
    result = run(*args, today=TODAY)
    elapsed = time.perf_counter() - started
    assert result.exit_code == code, result.output
    assert error in result.stderr.splitlines(), result.stderr
    if hint is not None:
        assert hint in result.stderr
    assert "Traceback" not in result.output
    assert ledger_bytes(bundled) == before
    assert elapsed < 2


@pytest.mark.parametrize(("args", "code"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_input_is_refused_in_chinese(
    run: Run, bundled: Path, args: list[str], code: int
) -> None:
    result = run(*args, today=TODAY, lang="zh")
    assert result.exit_code == code
    assert result.stderr.count("错误: ") == 1, result.stderr
    assert "error:" not in result.stderr and "hint:" not in result.stderr
