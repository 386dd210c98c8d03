"""``ywplan log`` with no arguments asks for the item, target, unit, amount, date and note."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run

TODAY = "2024-09-30"


@pytest.fixture
def interactive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YWPLAN_INTERACTIVE", "1")


def ledger_lines(plan: Path) -> list[str]:
    return plan.with_name(plan.stem + ".ledger.csv").read_text(encoding="utf-8-sig").splitlines()


def test_pick_everything_from_lists(run: Run, bundled: Path, interactive: None) -> None:
    before = ledger_lines(bundled)
    # item 26 (one target), unit 6 = 海宁市, amount 45, date default, note
    answers = "26\n6\n45\n\n培训班\ny\n"
    result = run("log", today=TODAY, input=answers)
    assert result.exit_code == 0, result.output
    assert "26  加强团干部选育管用" in result.stdout
    assert "6) 海宁市" in result.stdout
    assert "about to record: 26.cadre-training +45 人次 (海宁市, 2024-09-30)" in result.stdout
    assert "recorded " in result.stdout
    after = ledger_lines(bundled)
    assert after[: len(before)] == before
    assert len(after) == len(before) + 1
    fields = after[-1].split(",")
    assert fields[1:7] == ["2024-09-30", "26", "cadre-training", "45", "海宁市", "培训班"]


def test_item_with_several_targets_lists_them(run: Run, bundled: Path, interactive: None) -> None:
    answers = "2\n2\n0\n3\n2024-09-01\n\ny\n"
    result = run("log", today=TODAY, input=answers)
    assert result.exit_code == 0, result.output
    assert "has several targets" in result.stdout
    assert "1) 2.speakers" in result.stdout
    fields = ledger_lines(bundled)[-1].split(",")
    assert fields[1:6] == ["2024-09-01", "2", "talks", "3", ""]


def test_wrong_answers_get_the_same_messages_and_are_asked_again(
    run: Run, bundled: Path, interactive: None
) -> None:
    answers = "99\nabc\n26\n奉贤区\n1\n0\n-5\nlots\n12\n2023-05-01\n2024-10-05\n2024-09-02\n\ny\n"
    result = run("log", today=TODAY, input=answers)
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert "error: the plan has no item 99" in err
    assert 'error: "abc" is not a target' in err
    assert 'error: "奉贤区" is not one of the plan\'s sub-units' in err
    assert 'error: amount "-5" is not a number' in err or "greater than 0" in err
    assert 'error: amount "lots" is not a number' in err
    assert "error: date 2023-05-01 is outside the plan year 2024" in err
    assert "error: date 2024-10-05 is after today (2024-09-30)" in err
    fields = ledger_lines(bundled)[-1].split(",")
    assert fields[1:6] == ["2024-09-02", "26", "cadre-training", "12", "南湖区"]


def test_target_given_only_amount_asked(run: Run, bundled: Path, interactive: None) -> None:
    result = run("log", "26", "--unit", "桐乡市", "--note", "x", today=TODAY, input="7\n\ny\n")
    assert result.exit_code == 0, result.output
    assert "Sub-units" not in result.stdout
    fields = ledger_lines(bundled)[-1].split(",")
    assert fields[1:7] == ["2024-09-30", "26", "cadre-training", "7", "桐乡市", "x"]


def test_declining_records_nothing(run: Run, bundled: Path, interactive: None) -> None:
    before = ledger_lines(bundled)
    result = run("log", today=TODAY, input="26\n0\n5\n\n\nn\n")
    assert result.exit_code == 0, result.output
    assert "Not recorded." in result.stdout
    assert ledger_lines(bundled) == before


def test_end_of_input_aborts_without_writing(run: Run, bundled: Path, interactive: None) -> None:
    before = ledger_lines(bundled)
    result = run("log", today=TODAY, input="26\n")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert ledger_lines(bundled) == before


def test_chinese_prompts(run: Run, bundled: Path, interactive: None) -> None:
    result = run("log", lang="zh", today=TODAY, input="26\n0\n5\n\n\ny\n")
    assert result.exit_code == 0, result.output
    assert "事项序号" in result.stdout
    assert "数量(人次)" in result.stdout
    assert "已记录" in result.stdout


def test_no_terminal_no_arguments_is_usage_error(run: Run, bundled: Path) -> None:
    before = ledger_lines(bundled)
    result = run("log", today=TODAY)
    assert result.exit_code == 2
    assert "Missing argument 'TARGET'" in result.stderr
    assert "Usage: ywplan log" in result.stderr
    assert ledger_lines(bundled) == before


def test_no_terminal_missing_amount_is_usage_error(run: Run, bundled: Path) -> None:
    result = run("log", "26", today=TODAY)
    assert result.exit_code == 2
    assert "Missing argument 'AMOUNT'" in result.stderr


def test_interactive_can_be_switched_off(
    run: Run, bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("YWPLAN_INTERACTIVE", "0")
    result = run("log", today=TODAY, input="26\n")
    assert result.exit_code == 2


def test_plain_log_still_works(run: Run, bundled: Path) -> None:
    result = run("log", "26", "45", "--unit", "海宁市", today=TODAY)
    assert result.exit_code == 0, result.output
    assert "recorded" in result.stdout
