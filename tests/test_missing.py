"""``ywplan missing`` (SPEC §7): who has not reported in a month or quarter.

With the plan of ``tests/forms_support.py`` in September 2024: 东区 logged nothing on a
target (its progress note on item 3 is no entry on a target), 西区 logged 1.events on
09-03, and 南区's one entry was reversed, so it has reported nothing at all.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.forms_support import TODAY, make_plan
from tests.test_report import golden


@pytest.fixture
def folder(workdir: Path) -> Path:
    make_plan(workdir)
    return workdir


def test_missing_per_unit_as_json(run: Run, folder: Path) -> None:
    result = run("missing", "--month", "2024-09", "--format", "json", today=TODAY)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["month"] == "2024-09" and data["first"] == "2024-09-01"
    shown = {
        u["unit"]: ([f"{m['item']}.{m['target']}" for m in u["missing"]], u["last_entry"])
        for u in data["units"]
    }
    assert shown == {
        "东区": (["1.trained", "1.events", "2.coverage"], "2024-05-01"),
        "西区": (["1.trained", "2.coverage"], "2024-09-03"),
        "南区": (["1.trained"], None),
    }


def test_a_quarter_counts_every_month_of_it(run: Run, folder: Path) -> None:
    result = run("missing", "--quarter", "2024Q3", "--format", "json", today=TODAY)
    data = json.loads(result.stdout)
    west = next(u for u in data["units"] if u["unit"] == "西区")
    assert data["quarter"] == "2024Q3"
    assert [m["target"] for m in west["missing"]] == ["coverage"]  # trained on 08-05


def test_an_entry_taken_in_is_reported(run: Run, folder: Path) -> None:
    assert (
        run(
            "log", "1.trained", "3", "--unit", "南区", "--date", "2024-09-30", today=TODAY
        ).exit_code
        == 0
    )
    data = json.loads(run("missing", "--month", "2024-09", "-f", "json", today=TODAY).stdout)
    south = next(u for u in data["units"] if u["unit"] == "南区")
    assert south == {"unit": "南区", "quotas": 1, "missing": [], "last_entry": "2024-09-30"}


@pytest.mark.parametrize("fmt", ["txt", "markdown", "csv", "json"])
def test_missing_golden_zh(run: Run, folder: Path, fmt: str) -> None:
    result = run("missing", "--month", "2024-09", "--format", fmt, lang="zh", today=TODAY)
    assert result.exit_code == 0, result.stderr
    golden(f"missing-2024-09-zh.{fmt}", result.stdout)


def test_missing_golden_en_table(run: Run, folder: Path) -> None:
    result = run("missing", "--month", "2024-09", "--format", "markdown", today=TODAY)
    golden("missing-2024-09-en.markdown", result.stdout)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--month", "2024-13"), 1, '"2024-13" is not a month'),
        (("--month", "2023-09"), 1, "2023-09 is outside the plan year 2024"),
        (("--month", "2024-09", "--quarter", "2024Q3"), 2, "use --quarter or --month, not both"),
        (("--format", "docx"), 2, "docx"),
    ],
)
def test_missing_refusals(
    run: Run, folder: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    result = run("missing", *args, today=TODAY)
    assert result.exit_code == code and message in result.stderr
