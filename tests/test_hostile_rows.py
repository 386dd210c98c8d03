"""The hostile-input corpus, SPEC §6 rows: hand-written ledger rows without an amount.

Each row is a line added to the bundled demo ledger by hand (or by a merge), the message
``check`` places at its file:line:col, and the count ``log`` reports from the ledger
index for the same line: the entry rules judge it alike on every path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run
from ywplan.store.index import open_index

TODAY = "2024-12-31"


def _ledger(plan: Path) -> Path:
    return plan.with_name(plan.stem + ".ledger.csv")


ROWS = [
    # (date, item, target, amount, note) → the message check gives, and its column
    (("2024-05-01", "4", "", "", ""), "the progress note is empty", 7),
    (
        ("2024-05-01", "16", "wic-volunteers", "", ""),
        "16.wic-volunteers: the milestone belongs to item 13, not item 16",
        4,
    ),
    (
        ("2024-05-01", "15", "midterm-review", "3", ""),
        "15.midterm-review is a milestone or the item done: it takes no amount",
        5,
    ),
    (
        ("2024-05-01", "26", "cadre-training", "", "x"),
        "an entry of target 26.cadre-training has no amount",
        5,
    ),
    (
        ("2024-05-01", "15", "done", "", ""),
        "item 15 has milestones: it cannot be marked done as a whole",
        4,
    ),
    (
        ("2024-05-01", "26", "done", "", ""),
        "item 26 is measured by its targets: it cannot be marked done as a whole",
        4,
    ),
    (("2024-05-01", "16", "nope", "", ""), "item 16 has no milestone 16.nope", 4),
    (("2024-05-01", "99", "", "", "x"), "the plan has no item 99 (items are 1–30)", 3),
    (("2023-05-01", "4", "", "", "x"), "date 2023-05-01 is outside the plan year 2024", 2),
    (("2024-05-01", "4", "", "", "x"), None, 0),  # a good note
]


@pytest.mark.parametrize(("fields", "message", "col"), ROWS, ids=lambda v: str(v)[:40])
def test_check_log_and_the_index_judge_a_hand_written_row_alike(
    run: Run, bundled: Path, fields: tuple[str, ...], message: str | None, col: int
) -> None:
    assert run("status", today=TODAY).exit_code == 0  # the index is built, clean
    ledger = _ledger(bundled)
    day, item, target, amount, note = fields
    line = f"zzzz0000zzzz0000,{day},{item},{target},{amount},,{note},t,2024-05-01T10:00:00+08:00,"
    with ledger.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    number = len(ledger.read_text(encoding="utf-8").splitlines())
    checked = run("check", today=TODAY)
    logged = run("log", "26", "1", today=TODAY)  # served by the extended index
    assert logged.exit_code == 0, logged.output
    assert open_index(ledger) is not None  # the index carries the row
    if message is None:
        assert checked.exit_code == 0, checked.output
        assert "error(s)" not in logged.stderr
        return
    assert f"{ledger.name}:{number}:{col}: error: {message}" in checked.stderr
    assert "the ledger has 1 error(s)" in logged.stderr  # the index counts what check finds
