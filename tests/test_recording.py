"""``log``, ``undo`` and ``entries`` through the CLI: what lands in the ledger, what is refused."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import Run, write
from ywplan.store.ledger import COLUMNS

PLAN = """
plan: 测试计划
org: 团市委
year: 2024
units: [甲区, 乙县]
items:
  - number: 1
    title: 培训
    targets:
      - {id: cadre-training, name: 培训团干部, unit: 人次, min: 400}
  - number: 2
    title: 创业
    targets:
      - {id: contests, name: 创业赛事, unit: 场, min: 2}
      - {id: teams, name: 创业团队, unit: 支, min: 50}
  - number: 3
    title: 定性事项
"""
TODAY = "2024-06-15"


@pytest.fixture
def plan(workdir: Path) -> Path:
    return write(workdir / "plans" / "p.yaml", PLAN)


def ledger_rows(workdir: Path) -> list[dict[str, str]]:
    text = (workdir / "plans" / "p.ledger.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_log_appends_one_line_and_shows_the_target(run: Run, plan: Path, workdir: Path) -> None:
    result = run(
        "log",
        "1",
        "45",
        "--unit",
        "甲区",
        "--note",
        "任职培训班",
        "--date",
        "2024-05-10",
        today=TODAY,
    )
    assert result.exit_code == 0, result.output
    rows = ledger_rows(workdir)
    assert len(rows) == 1
    row = rows[0]
    assert (row["date"], row["item"], row["target"], row["amount"], row["unit"]) == (
        "2024-05-10",
        "1",
        "cadre-training",
        "45",
        "甲区",
    )
    assert (row["note"], row["by"], row["corrects"]) == ("任职培训班", "tester", "")
    assert len(row["id"]) == 16 and row["id"].isalnum() and row["id"] == row["id"].lower()
    assert result.stdout.startswith(
        f"recorded {row['id'][:8]}: 1.cadre-training +45 人次 (甲区, 2024-05-10)"
    )
    assert "培训团干部" in result.stdout and "≥400 人次" in result.stdout


def test_a_new_ledger_starts_with_a_bom_and_the_header(run: Run, plan: Path, workdir: Path) -> None:
    run("log", "1", "5", today=TODAY)
    data = (workdir / "plans" / "p.ledger.csv").read_bytes()
    assert data.startswith("\ufeff".encode() + ",".join(COLUMNS).encode() + b"\n")


def test_log_defaults_to_today_and_accepts_full_width_digits(
    run: Run, plan: Path, workdir: Path
) -> None:
    assert run("log", "2.teams", "１２", today=TODAY).exit_code == 0
    row = ledger_rows(workdir)[0]
    assert (row["date"], row["amount"], row["unit"]) == (TODAY, "12", "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("9", "5"), "the plan has no item 9 (items are 1–3)"),
        (("2", "5"), "item 2 has 2 targets; say which one"),
        (("2.team", "5"), "item 2 has no target 2.team"),
        (("3", "5"), "item 3 has no quantitative target to log against"),
        (("x1", "5"), '"x1" is not a target'),
        (("1", "abc"), 'amount "abc" is not a number'),
        (("1", "0"), "the amount must not be 0"),
        (("1", "-3"), "the amount must be greater than 0 (got -3)"),
        (("1", "5", "--date", "2023-12-31"), "date 2023-12-31 is outside the plan year 2024"),
        (("1", "5", "--date", "2024-06-16"), "date 2024-06-16 is after today (2024-06-15)"),
        (("1", "5", "--date", "6月1日"), '"6月1日" is not a date'),
        (("1", "5", "--unit", "甲"), '"甲" is not one of the plan\'s sub-units'),
        (("1", "5", "--note", "两\n行"), "a note must be one line"),
    ],
)
def test_log_refuses_mistakes_and_writes_nothing(
    run: Run, plan: Path, workdir: Path, args: tuple[str, ...], message: str
) -> None:
    result = run("log", *args, today=TODAY)
    assert result.exit_code == 1
    assert f"error: {message}" in result.stderr
    assert "Traceback" not in result.output
    assert not (workdir / "plans" / "p.ledger.csv").exists()


def test_several_targets_are_listed_for_the_clerk(run: Run, plan: Path) -> None:
    result = run("log", "2", "5", today=TODAY)
    assert "2.contests  创业赛事 (≥2 场)" in result.stderr
    assert "2.teams  创业团队 (≥50 支)" in result.stderr


def test_a_misspelt_unit_gets_the_closest_name(run: Run, plan: Path) -> None:
    result = run("log", "1", "5", "--unit", "乙", today=TODAY, lang="zh")
    assert "错误: “乙”不是计划中的下级单位" in result.stderr
    assert "提示: 是不是“乙县”?可用的单位:甲区、乙县" in result.stderr


def test_undo_by_prefix_appends_a_reversal(run: Run, plan: Path, workdir: Path) -> None:
    run("log", "1", "45", "--unit", "甲区", "--date", "2024-05-10", today=TODAY)
    original = ledger_rows(workdir)[0]
    result = run("undo", original["id"][:6], "--reason", "数量录错", today=TODAY)
    assert result.exit_code == 0, result.output
    rows = ledger_rows(workdir)
    assert len(rows) == 2 and rows[0] == original
    reversal = rows[1]
    assert (reversal["date"], reversal["item"], reversal["target"], reversal["unit"]) == (
        "2024-05-10",
        "1",
        "cadre-training",
        "甲区",
    )
    assert (reversal["amount"], reversal["note"], reversal["corrects"]) == (
        "-45",
        "数量录错",
        original["id"],
    )
    assert f"reversed {original['id'][:8]}" in result.stdout
    status = json.loads(run("status", "--format", "json", today=TODAY).stdout)
    assert status["items"][0]["targets"][0]["actual"] == 0
    assert run("check", today=TODAY).exit_code == 0


def test_undo_refusals(run: Run, plan: Path, workdir: Path) -> None:
    run("log", "1", "45", today=TODAY)
    entry = ledger_rows(workdir)[0]["id"]
    assert (
        'no entry id starts with "zzzz"' in run("undo", "zzzz", "--reason", "x", today=TODAY).stderr
    )
    assert (
        "give the reason with --reason" in run("undo", entry, "--reason", " ", today=TODAY).stderr
    )
    run("undo", entry, "--reason", "错", today=TODAY)
    again = run("undo", entry, "--reason", "错", today=TODAY)
    assert again.exit_code == 1
    assert f"entry {entry[:8]} was already reversed by " in again.stderr
    reversal = ledger_rows(workdir)[1]["id"]
    result = run("undo", reversal, "--reason", "错", today=TODAY)
    assert f"{entry} is itself a reversal" not in result.stderr
    assert f"{reversal} is itself a reversal and cannot be reversed" in result.stderr
    assert len(ledger_rows(workdir)) == 2


def test_undo_needs_a_reason_option(run: Run, plan: Path) -> None:
    result = run("undo", "abcd", today=TODAY)
    assert result.exit_code == 2


def test_entries_filters_and_formats(run: Run, plan: Path, workdir: Path) -> None:
    run("log", "1", "10", "--unit", "甲区", "--date", "2024-02-01", today=TODAY)
    run("log", "1", "20", "--unit", "乙县", "--date", "2024-03-01", today=TODAY)
    run(
        "log",
        "2.teams",
        "3",
        "--unit",
        "甲区",
        "--date",
        "2024-04-01",
        "--note",
        "=HYPERLINK(1)",
        today=TODAY,
    )
    entries = json.loads(run("entries", "--format", "json", today=TODAY).stdout)
    assert [e["amount"] for e in entries] == [10, 20, 3]
    assert list(entries[0]) == list(COLUMNS)
    only = json.loads(
        run(
            "entries", "--unit", "甲区", "--since", "2024-03-01", "--format", "json", today=TODAY
        ).stdout
    )
    assert [(e["item"], e["target"]) for e in only] == [(2, "teams")]
    by_item = json.loads(
        run(
            "entries", "--item", "1", "--until", "2024-02-28", "--format", "json", today=TODAY
        ).stdout
    )
    assert [e["amount"] for e in by_item] == [10]
    as_csv = run("entries", "--format", "csv", today=TODAY).stdout
    assert as_csv.splitlines()[0] == ",".join(COLUMNS)
    assert "'=HYPERLINK(1)" in as_csv
    table = run("entries", today=TODAY).stdout
    assert "Ledger entries (3)" in table and "2.teams" in table


def test_plan_selection(run: Run, workdir: Path) -> None:
    result = run("status", today=TODAY)
    assert result.exit_code == 1
    assert "no plan file (*.yaml) in plans" in result.stderr
    write(workdir / "plans" / "a.yaml", PLAN)
    write(workdir / "plans" / "b.yaml", PLAN)
    result = run("status", today=TODAY)
    assert result.exit_code == 1
    assert (
        "plans holds several plans; choose one:\n  --plan plans/a.yaml\n  --plan plans/b.yaml"
        in result.stderr
    )
    assert run("status", "--plan", "plans/b.yaml", today=TODAY).exit_code == 0
    assert (
        "plan file nope.yaml not found" in run("status", "--plan", "nope.yaml", today=TODAY).stderr
    )


def test_version(run: Run) -> None:
    from ywplan import __version__

    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"ywplan {__version__}\n")


def test_hidden_yaml_files_are_not_plans(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    write(workdir / "plans" / ".pre-commit-config.yaml", "repos: []\n")
    assert run("status", today=TODAY).exit_code == 0


def test_a_bad_language_before_the_command_is_usage(run: Run, plan: Path) -> None:
    result = run("--lang", "xx", "status", today=TODAY)
    assert result.exit_code == 2
    assert 'unknown language "xx"' in result.stderr
