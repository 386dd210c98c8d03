"""Nothing lost, whatever the clerk types: ``log`` and ``undo`` read what was meant or say why not.

Levels typed as levels (and a growth target's percent caught), thousands separators only
where they separate thousands, the same entry twice caught, a second undo explained,
Ctrl-C answered on a line of its own, TAB listing the undoable entries newest first.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, Run, write
from ywplan.core.kinds import KINDS, LEVEL_JUMP
from ywplan.core.model import GROUPED_AMOUNT_RE, Target
from ywplan.core.recording import parse_amount
from ywplan.errors import YwplanError

TODAY = "2024-12-31"  # the bundled ledger's last entry is dated 2024-12-20
FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


@pytest.fixture
def interactive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YWPLAN_INTERACTIVE", "1")


def ledger_lines(plan: Path) -> list[str]:
    return plan.with_name(plan.stem + ".ledger.csv").read_text(encoding="utf-8-sig").splitlines()


def last_fields(plan: Path) -> list[str]:
    return ledger_lines(plan)[-1].split(",")


# --- 10. the amount as typed -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("1,000", "1000"), ("12,345.5", "12345.5"), ("１，０００", "1000"), ("45", "45")],
)
def test_thousands_separators_in_groups_of_three(
    run: Run, bundled: Path, typed: str, stored: str
) -> None:
    result = run("log", "26", typed, today=TODAY)
    assert result.exit_code == 0, result.output
    assert last_fields(bundled)[4] == stored


@settings(max_examples=200, deadline=None)
@given(whole=st.integers(0, 10**15 - 1), decimals=st.one_of(st.none(), st.integers(0, 99)))
def test_a_grouped_amount_reads_as_the_plain_one(whole: int, decimals: int | None) -> None:
    tail = "" if decimals is None else f".{decimals:02d}"
    plain, grouped = f"{whole}{tail}", f"{whole:,}{tail}"
    assume(float(plain) > 0)
    assert parse_amount(grouped) == parse_amount(plain) == float(plain)
    assert parse_amount(grouped.translate(FULL_WIDTH)) == float(plain)


@settings(max_examples=300, deadline=None)
@given(groups=st.lists(st.text("0123456789", max_size=5), min_size=2, max_size=5))
def test_any_other_comma_is_refused_showing_what_was_typed(groups: list[str]) -> None:
    typed = ",".join(groups)
    assume(not GROUPED_AMOUNT_RE.fullmatch(typed))
    with pytest.raises(YwplanError) as refused:
        parse_amount(typed)
    assert refused.value.key == "log.bad_thousands"
    assert f'"{typed}"' in refused.value.message
    assert "12,345.5" in refused.value.hint


# --- 9. a level is typed as the level --------------------------------------------------


def _target(kind: str, goal: float = 5, baseline: float | None = 1200) -> Target:
    return Target(id="t", name="t", unit="%", min=goal, kind=kind, baseline=baseline)


@given(amount=st.integers(1, 10**9), reference=st.one_of(st.none(), st.integers(1, 10**9)))
def test_a_level_is_doubted_exactly_beyond_ten_times(amount: int, reference: int | None) -> None:
    doubt = KINDS["level"].doubt(_target("level"), amount, reference)
    within = reference is None or (
        reference <= amount * LEVEL_JUMP and amount <= reference * LEVEL_JUMP
    )
    assert (doubt is None) == within
    if doubt is not None:
        assert doubt == ("log.doubt_jump_up" if amount > reference else "log.doubt_jump_down")  # type: ignore[operator]


@given(amount=st.integers(1, 10**6), reference=st.integers(1, 10**6), goal=st.integers(1, 200))
def test_a_growth_percent_typed_for_the_level_is_named(
    amount: int, reference: int, goal: int
) -> None:
    target = _target("growth", goal=goal)
    doubt = KINDS["growth"].doubt(target, amount, reference)
    level = KINDS["level"].doubt(target, amount, reference)
    if amount * LEVEL_JUMP < reference and amount <= goal:
        assert doubt == "log.doubt_percent"
    else:
        assert doubt == level  # otherwise judged as any level


@given(amount=st.floats(0.001, 1e12), reference=st.floats(0.001, 1e12))
def test_an_amount_added_is_never_doubted(amount: float, reference: float) -> None:
    assert KINDS["sum"].doubt(_target("sum", baseline=None), amount, reference) is None


def test_a_level_is_recorded_as_a_level(run: Run, bundled: Path) -> None:
    result = run("log", "25", "1270", today=TODAY)
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert first.startswith("recorded ")
    assert first.endswith(": 25.org-growth = 1270 (whole city, 2024-12-31)")
    zh = run("log", "25", "1271", today=TODAY, lang="zh")
    assert zh.stdout.splitlines()[0].endswith(":25.org-growth = 1271(全市,2024-12-31)")


def test_yes_records_a_doubtful_level(run: Run, bundled: Path) -> None:
    result = run("log", "25", "3", "--yes", today=TODAY)
    assert result.exit_code == 0, result.output
    assert "25.org-growth = 3 (" in result.stdout
    assert last_fields(bundled)[3:5] == ["org-growth", "3"]


def test_the_growth_prompt_asks_for_the_level_and_confirms_a_percent(
    run: Run, bundled: Path, interactive: None
) -> None:
    # unit: Enter (whole office); 3 → doubted, "n" → asked again; 1270; date, note; record
    result = run("log", "25", today=TODAY, input="\n3\nn\n1270\n\n\ny\n")
    assert result.exit_code == 0, result.output
    assert (
        "25.org-growth measures growth: type the current count (the level), not the growth %; "
        "the growth is worked out from the baseline (baseline 1200; last logged 1262 on 2024-12-20)"
    ) in result.stdout
    assert result.stdout.count("Current level: ") == 2
    assert (
        "warning: 25.org-growth takes the level (the count itself), not the growth" in result.stderr
    )
    assert "Record it anyway? [y/N]: n" in result.stdout
    assert "about to record: 25.org-growth = 1270 (whole city, 2024-12-31)" in result.stdout
    assert last_fields(bundled)[3:5] == ["org-growth", "1270"]


def test_the_level_prompt_in_chinese(run: Run, bundled: Path, interactive: None) -> None:
    result = run("log", "25", lang="zh", today=TODAY, input="\n3\ny\n\n\ny\n")
    assert result.exit_code == 0, result.output
    assert "当前水平: 3" in result.stdout
    assert "(基数 1200;上次 2024-12-20 记录 1262)" in result.stdout
    assert "仍然记录?" in result.stdout
    assert last_fields(bundled)[4] == "3"


def test_a_doubt_at_a_terminal_is_asked_not_refused(
    run: Run, bundled: Path, interactive: None
) -> None:
    before = ledger_lines(bundled)
    result = run("log", "25", "3", "--unit", "", today=TODAY, input="n\n")
    assert result.exit_code == 0, result.output
    assert "Not recorded." in result.stdout
    assert ledger_lines(bundled) == before


def test_a_sub_unit_level_is_judged_by_its_own_last_reading(run: Run, workdir: Path) -> None:
    write(
        workdir / "plans" / "p.yaml",
        """
        plan: 测试计划
        org: 团市委
        year: 2024
        units: [甲区, 乙县]
        items:
          - number: 1
            title: 覆盖
            targets:
              - {id: orgs, name: 组织数, unit: 个, min: 300, kind: level, baseline: 200}
        """,
    )
    assert run("log", "1", "12", "--unit", "甲区", today=TODAY).exit_code == 0  # no reading yet
    assert run("log", "1", "15", "--unit", "甲区", today=TODAY).exit_code == 0
    refused = run("log", "1", "1", "--unit", "甲区", today=TODAY)
    assert refused.exit_code == 1
    assert "1 is less than 1/10 of the last logged value 15" in refused.stderr
    whole = run("log", "1", "15", today=TODAY)  # the whole office: against the baseline
    assert whole.exit_code == 1
    assert "15 is less than 1/10 of the baseline 200" in whole.stderr


# --- 26. amount 0, the same entry twice, numbers for targets, Ctrl-C ----------------------


@pytest.mark.parametrize("cache", ["on", "off"])
def test_the_same_entry_twice_in_a_row_is_refused_without_yes(
    run: Run, bundled: Path, monkeypatch: pytest.MonkeyPatch, cache: str
) -> None:
    monkeypatch.setenv("YWPLAN_CACHE", cache)
    args = ("log", "26", "45", "--unit", "海宁市", "--note", "培训班", "--date", "2024-12-30")
    first = run(*args, today=TODAY)
    assert first.exit_code == 0, first.output
    first_id = last_fields(bundled)[0]
    before = ledger_lines(bundled)
    again = run(*args, today=TODAY)
    assert again.exit_code == 1
    assert again.stderr.splitlines()[0] == (
        f"error: the same as the last entry {first_id[:8]}: "
        "26.cadre-training +45 人次 (海宁市, 2024-12-30), note and all"
    )
    assert "if the same work really happened twice, add --yes" in again.stderr
    assert ledger_lines(bundled) == before
    other_note = run(*args[:-4], "--note", "另一个班", "--date", "2024-12-30", today=TODAY)
    assert other_note.exit_code == 0, other_note.output
    assert run(*args, today=TODAY).exit_code == 0  # not the same as the last one any more
    assert run(*args, "--yes", today=TODAY).exit_code == 0


def test_the_same_entry_twice_is_asked_about_at_a_terminal(
    run: Run, bundled: Path, interactive: None
) -> None:
    args = ("log", "26", "--unit", "海宁市", "--note", "培训班", "--date", "2024-12-30")
    assert run(*args, today=TODAY, input="45\ny\n").exit_code == 0
    before = ledger_lines(bundled)
    again = run(*args, today=TODAY, input="45\nn\n")
    assert again.exit_code == 0
    assert "warning: the same as the last entry" in again.stderr
    assert "Not recorded." in again.stdout
    assert ledger_lines(bundled) == before


def test_a_reversed_entry_is_not_the_last_one(run: Run, bundled: Path) -> None:
    args = ("log", "26", "45", "--unit", "海宁市", "--date", "2024-12-30")
    assert run(*args, today=TODAY).exit_code == 0
    assert run("undo", last_fields(bundled)[0], "--reason", "错", today=TODAY).exit_code == 0
    assert run(*args, today=TODAY).exit_code == 0


def test_a_number_for_a_target_at_the_prompt_gives_the_range(
    run: Run, bundled: Path, interactive: None
) -> None:
    # item 2; target 4 → refused, 2 → talks; unit 0, amount 3, date, note; record
    result = run("log", today=TODAY, input="2\n4\n2\n0\n3\n\n\ny\n")
    assert result.exit_code == 0, result.output
    assert 'error: "4" is not one of the choices 1–3' in result.stderr
    assert last_fields(bundled)[3] == "talks"


def test_a_number_for_a_unit_at_the_prompt_gives_the_range(
    run: Run, bundled: Path, interactive: None
) -> None:
    result = run("log", "26", today=TODAY, input="9\n6\n3\n\n\ny\n")
    assert result.exit_code == 0, result.output
    assert 'error: "9" is not one of the choices 0–7' in result.stderr
    assert last_fields(bundled)[5] == "海宁市"


def test_a_date_refused_at_the_prompt_speaks_of_the_prompt(
    run: Run, bundled: Path, interactive: None
) -> None:
    result = run("log", "26", "--unit", "", today=TODAY, input="3\n2023-05-01\n\n\ny\n")
    assert result.exit_code == 0, result.output
    assert "error: date 2023-05-01 is outside the plan year 2024" in result.stderr
    assert "--date" not in result.stderr
    assert "at the Date prompt, type a day of 2024" in result.stderr


def test_end_of_input_at_a_prompt_says_so_on_its_own_line(
    run: Run, bundled: Path, interactive: None
) -> None:
    before = ledger_lines(bundled)
    result = run("log", "26", today=TODAY, input="0\n")
    assert result.exit_code == 1
    assert result.stderr.endswith("\ncancelled, nothing recorded\n")
    assert ledger_lines(bundled) == before


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="needs a pty")
def test_ctrl_c_at_a_prompt_exits_130_on_a_new_line(bundled: Path, tmp_path: Path) -> None:
    import pty
    import select

    before = ledger_lines(bundled)
    environ = {k: v for k, v in os.environ.items() if not k.startswith("YWPLAN_")}
    environ.update(
        PYTHONPATH=str(REPO),
        YWPLAN_TODAY=TODAY,
        YWPLAN_LANG="en",
        YWPLAN_CACHE_DIR=str(tmp_path / "cache"),
        YWPLAN_INTERACTIVE="1",
    )
    pid, fd = pty.fork()
    if pid == 0:  # the child: ywplan on the pty, as a clerk's terminal runs it
        os.chdir(bundled.parent.parent)
        os.execve(sys.executable, [sys.executable, "-m", "ywplan", "log", "26"], environ)
    seen, sent, status = b"", 0.0, None
    deadline = time.monotonic() + 60
    while status is None and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            with contextlib.suppress(OSError):  # the child closed the terminal
                seen += os.read(fd, 4096)
        # The prompt's last space is written just before it reads: press Ctrl-C then, and
        # again should it have come a moment before the read began.
        if b"[0]: " in seen and time.monotonic() - sent > 3:
            os.write(fd, b"\x03")
            sent = time.monotonic()
        done, code = os.waitpid(pid, os.WNOHANG)
        status = code if done else None
    if status is None:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    while select.select([fd], [], [], 0.5)[0]:  # what the child wrote before it ended
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(fd)
    assert sent and status is not None, seen
    assert os.waitstatus_to_exitcode(status) == 130, seen
    text = seen.decode("utf-8", "replace")
    prompt_line = next(line for line in text.splitlines() if "Sub-unit (0" in line)
    assert "cancelled" not in prompt_line
    assert "\ncancelled, nothing recorded" in text.replace("\r", "")
    assert ledger_lines(bundled) == before


def test_ctrl_c_outside_a_prompt_exits_130_on_a_new_line(
    run: Run, bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ywplan.app import log

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(log, "run", interrupted)
    result = run("log", "26", "3", today=TODAY)
    assert result.exit_code == 130
    assert result.stderr == "\nAborted!\n"


# --- 19. a second undo -------------------------------------------------------------------


def test_a_second_undo_says_which_reversal_took_it_back(run: Run, bundled: Path) -> None:
    before = ledger_lines(bundled)
    result = run("undo", "33u2fcnu", "--reason", "again", today=TODAY)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: entry 33u2fcnu was already reversed by 5hgdvrog (2024-05-20 12:15); "
        "nothing was written",
        "    hint: there is nothing more to undo; to count it again, log it anew",
    ]
    assert ledger_lines(bundled) == before
    zh = run("undo", "33u2fcnu", "--reason", "again", today=TODAY, lang="zh")
    assert "已被冲销行 5hgdvrog 撤销(2024-05-20 12:15),这次没有写入任何内容" in zh.stderr


# --- 12. ``by`` as the note: one line, no controls, at most 500 characters ---------------


@pytest.mark.parametrize(
    ("by", "message"),
    [
        ("张敏\t李娜", "by (who recorded it) holds a control character (U+0009)"),
        ("\u202etxt.exe", "by (who recorded it) holds a control character (U+202E)"),
        ("x" * 501, "by (who recorded it) is longer than 500 characters"),
    ],
)
def test_check_status_and_log_judge_by_alike(
    run: Run, bundled: Path, by: str, message: str
) -> None:
    ledger = bundled.with_name("jiaxing-2024.ledger.csv")
    with ledger.open("a", encoding="utf-8", newline="") as stream:
        stream.write(
            f"zzzzzzzz0001,2024-06-01,26,cadre-training,5,,,{by},2024-06-01T09:00:00+08:00,\n"
        )
    line = len(ledger_lines(bundled))
    for attempt in (1, 2):  # the second run may be served by the ledger index: the same verdict
        check = run("check", today=TODAY)
        assert check.exit_code == 1
        assert f"plans/jiaxing-2024.ledger.csv:{line}:8: error: {message}" in check.stderr
        status = run("status", today=TODAY)
        assert status.exit_code == 1
        assert message in status.stderr
        log = run("log", "26", str(attempt), today=TODAY)
        assert "note: the ledger has 1 error(s); run ywplan check" in log.stderr


# --- 18 and 26. the command line itself ------------------------------------------------


def test_an_option_value_that_starts_with_dashes_is_a_value(run: Run, bundled: Path) -> None:
    result = run("log", "26", "3", "--note", "--dat", today=TODAY)
    assert result.exit_code == 0, result.output
    assert last_fields(bundled)[6] == "--dat"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("args", [["log"], ["undo"], ["status"], []])
def test_help_shows_no_python_types(run: Run, args: list[str], lang: str) -> None:
    result = run(*args, "--help", lang=lang)
    assert result.exit_code == 0
    assert "<bool>" not in result.stdout
    assert "<str>" not in result.stdout
    if args == ["log"]:
        assert "--yes" in result.stdout


# --- 25. TAB after ``ywplan undo`` --------------------------------------------------------


def _bash_complete(cwd: Path, line: str, comp_type: str) -> list[str]:
    """COMPREPLY of ywplan's installed bash function for *line*, as bash fills it."""
    from ywplan.cli.typer_compat import BASH_SCRIPT

    names = {"complete_func": "_ywplan_completion", "prog_name": "ywplan"}
    script = BASH_SCRIPT % {**names, "autocomplete_var": "_YWPLAN_COMPLETE"}
    assert "-o nosort" in script
    words = line.split(" ")
    program = (
        f"{script}\n"
        f"COMP_WORDS=({' '.join(repr(w) for w in words)}); COMP_CWORD={len(words) - 1}; "
        f"COMP_TYPE={comp_type}; _ywplan_completion ywplan; "
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    environ = {k: v for k, v in os.environ.items() if not k.startswith("YWPLAN_")}
    environ["PYTHONPATH"] = str(REPO)
    shim = cwd / "bin"
    shim.mkdir(exist_ok=True)
    (shim / "ywplan").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m ywplan "$@"\n')
    (shim / "ywplan").chmod(0o755)
    environ["PATH"] = f"{shim}{os.pathsep}{environ.get('PATH', '')}"
    done = subprocess.run(
        ["bash", "--norc", "-c", program],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.splitlines()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_tab_after_undo_lists_undoable_entries_newest_first_with_what_they_were(
    bundled: Path,
) -> None:
    root = bundled.parent.parent
    rows = [line.split(",") for line in ledger_lines(bundled)[1:]]
    gone = {row[9] for row in rows if row[9]}
    undoable = [row for row in reversed(rows) if not row[9] and row[0] not in gone][:50]
    listed = _bash_complete(root, "ywplan undo ", "63")  # "?": bash lists the candidates
    assert [line.split()[0] for line in listed] == [row[0] for row in undoable]
    # the demo ledger's progress notes and milestones come last (SPEC §6 rows)
    assert listed[0] == f"{undoable[0][0]}  (2024-12-10 16 示例:征集夜校优秀案例 20 个，评审推)"
    assert f"{undoable[1][0]}  (2024-11-22 13.wic-volunteers ✓)" == listed[1]
    amounts = [line for line in listed if "= " in line or "+" in line]
    assert amounts[0].endswith("(2024-12-20 25.org-growth = 1262)")
    assert amounts[1].endswith("(2024-12-06 7.skilled-talent +260)")
    assert not any(line.startswith(("33u2fcnu", "5hgdvrog")) for line in listed)
    inserted = _bash_complete(root, "ywplan undo ", "9")  # TAB: bare ids, for insertion
    assert inserted == [row[0] for row in undoable]
    one = _bash_complete(root, f"ywplan undo {undoable[0][0][:10]}", "63")
    assert one == [undoable[0][0]]


def test_zsh_and_fish_keep_the_order() -> None:
    from typer._completion_shared import get_completion_script

    from ywplan.cli.completion import register_shells

    register_shells()
    fish = get_completion_script(prog_name="ywplan", complete_var="_YWPLAN_COMPLETE", shell="fish")
    assert "--keep-order" in fish


@pytest.mark.parametrize(
    ("org", "lang", "label"),
    [("共青团嘉善县委", "zh", "全县"), ("共青团嘉善县委", "en", "whole county")],
)
def test_an_entry_of_no_sub_unit_is_named_after_the_office(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, org: str, lang: str, label: str
) -> None:
    # A county's own entry was labelled 全市 ("city-level") in its log line.
    from tests.reliability_support import PLAN

    county = PLAN.replace("org: 测试团委", f"org: {org}")
    assert county != PLAN
    write(tmp_path / "plans" / "test-2024.yaml", county)
    monkeypatch.chdir(tmp_path)
    result = run("log", "1", "5", "--date", "2024-06-01", today="2024-06-30", lang=lang)
    assert result.exit_code == 0, result.output
    assert label in result.stdout.splitlines()[0]
