"""``ywplan history TARGET``: golden files in every format, the month sums, refusals.

The demo plan's figures are those of ``tests/test_report.py``; golden files are
regenerated with ``YWPLAN_UPDATE_GOLDEN=1`` as there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.reportplan import TODAY, write_plan
from tests.test_report import golden


@pytest.fixture
def demo(workdir: Path) -> Path:
    return write_plan(workdir)


@pytest.mark.parametrize("fmt", ("table", "txt", "markdown", "csv", "json"))
def test_history_golden_zh(run: Run, demo: Path, fmt: str) -> None:
    result = run("history", "1.events", "--format", fmt, lang="zh", today=TODAY)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    golden(f"history-1.events-zh.{fmt}", result.stdout)


def test_history_golden_en_level_at_a_date(run: Run, demo: Path) -> None:
    result = run("history", "2", "--as-of", "2024-09-15", "--format", "txt", today=TODAY)
    assert result.exit_code == 0, result.output
    golden("history-2-en.txt", result.stdout)


def test_the_months_add_up_to_the_year(run: Run, demo: Path) -> None:
    result = run("history", "1.trained", "--format", "json", today=TODAY)
    document = json.loads(result.stdout)
    months = document["months"]
    assert [m["month"] for m in months] == [f"2024-{m:02d}" for m in range(1, 13)]
    # the ledger by hand: 30 (Feb) + 20 (Mar) + 15 (May) + 10 (Aug; 5 logged and reversed)
    # + 20 (Oct)
    amounts = {m["month"]: m["amount"] for m in months if m["amount"]}
    assert amounts == {"2024-02": 30, "2024-03": 20, "2024-05": 15, "2024-08": 10, "2024-10": 20}
    assert months[-1]["actual"] == 95
    assert months[8]["expected"] == 75.0  # 序时进度 at the end of September: 3/4 of 100
    assert months[8]["gap"] == 0.0


def test_history_of_a_sub_unit_is_against_its_quota(run: Run, demo: Path) -> None:
    result = run(
        "history", "1.trained", "--unit", "东区", "--as-of", "2024-06-30",
        "--format", "json", today=TODAY,
    )  # fmt: skip
    document = json.loads(result.stdout)
    assert document["unit"] == "东区"
    assert document["target"]["target"] == 40
    assert [m["actual"] for m in document["months"]] == [0, 30, 30, 30, 45, 45]
    assert document["months"][-1]["expected"] == 20.0


def test_the_terminal_chart_draws_both_lines(run: Run, demo: Path) -> None:
    result = run("history", "1.events", "--format", "table", today=TODAY)
    assert "● To date  ○ Expected" in result.stdout
    assert "◉" in result.stdout or "●" in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("history", "1"), 1, "item 1 has 3 targets"),
        (("history", "9.x"), 1, "item 9"),
        (("history", "1.events", "--as-of", "2023-05-01"), 1, "2023-05-01"),
        (("history", "1.events", "--unit", "北区"), 1, "北区"),
        (("history", "1.events", "--format", "pdf"), 2, "pdf"),
    ],
)
def test_history_refusals(
    run: Run, demo: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    result = run(*args, today=TODAY)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
