"""Reliability (issue 5): encodings, Excel, bad merges, limits, hostile text, the lock.

The slow proofs (many processes at once, killed processes, two git clones) are in
``test_reliability_slow.py``; the property tests in ``test_reliability_props.py``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from filelock import FileLock

from tests.conftest import Run, write
from tests.reliability_support import HEADER, TODAY, ledger_of, line, small_plan, ywplan
from ywplan.safetext import clip, shown, visible
from ywplan.store import textfile
from ywplan.store.ledger import lock_path, read_ledger

BOM = "\ufeff"


@pytest.fixture
def plan(workdir: Path) -> Path:
    """The small two-target plan in a fresh work folder."""
    return small_plan(workdir)


def codes(run: Run) -> list[str]:
    """The problem codes ``check --format json`` reports."""
    result = run("check", "--format", "json", today=TODAY)
    return [finding["code"] for finding in json.loads(result.stdout)]


def findings(run: Run) -> list[dict[str, object]]:
    result = run("check", "--format", "json", today=TODAY)
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


# --- files as Windows, Excel and WPS leave them ------------------------------------------


def test_bom_and_crlf_are_read_and_kept_on_append(run: Run, plan: Path) -> None:
    ledger = ledger_of(plan)
    ledger.write_bytes((BOM + HEADER + "\r\n" + line() + "\r\n").encode())
    result = run("log", "1", "5", "--unit", "南湖区", today=TODAY)
    assert result.exit_code == 0, result.output
    data = ledger.read_bytes()
    assert data.startswith(BOM.encode()) and data.count(BOM.encode()) == 1
    lines = data.split(b"\n")
    assert lines[-1] == b"" and len(lines) == 4
    assert all(one.endswith(b"\r") for one in lines[:-1]), data
    assert run("check", today=TODAY).exit_code == 0


def test_no_bom_and_lf_stay_so(run: Run, plan: Path) -> None:
    """Excel may drop the BOM: the file is read, and an append does not add one."""
    ledger = ledger_of(plan)
    ledger.write_text(HEADER + "\n" + line() + "\n", encoding="utf-8")
    assert run("log", "1", "5", today=TODAY).exit_code == 0
    data = ledger.read_bytes()
    assert not data.startswith(BOM.encode())
    assert b"\r" not in data and data.count(b"\n") == 3
    assert run("check", today=TODAY).exit_code == 0


def test_new_ledger_starts_with_bom_and_header(run: Run, plan: Path) -> None:
    assert run("log", "1", "5", today=TODAY).exit_code == 0
    text = ledger_of(plan).read_text(encoding="utf-8")
    assert text.startswith(BOM + HEADER + "\n")
    assert not list(plan.parent.glob(".*.tmp"))  # the temporary file was renamed, not left


@pytest.mark.parametrize("content", [b"", BOM.encode()])
def test_empty_ledger_file_gets_its_header(run: Run, plan: Path, content: bytes) -> None:
    ledger = ledger_of(plan)
    ledger.write_bytes(content)
    assert run("log", "1", "5", today=TODAY).exit_code == 0
    assert ledger.read_text(encoding="utf-8").startswith(BOM + HEADER + "\n")
    assert len(read_ledger(ledger).entries) == 1
    assert run("check", today=TODAY).exit_code == 0


def test_excel_requoted_fields_are_read(run: Run, plan: Path) -> None:
    """Excel quotes fields as it likes: the csv reader reads them as the same values."""
    quoted = ",".join(f'"{field}"' for field in line(note="备注,含逗号").split(",", 6)[:6])
    rest = '"备注,含逗号","张三","2024-05-10T16:20:05+08:00",""'
    ledger = ledger_of(plan)
    ledger.write_text(BOM + HEADER + "\r\n" + quoted + "," + rest + "\r\n", encoding="utf-8")
    assert run("check", today=TODAY).exit_code == 0
    (entry,) = read_ledger(ledger).entries
    assert (entry.amount, entry.note) == (45.0, "备注,含逗号")


def test_excel_rewritten_dates_are_errors_with_the_fix(run: Run, plan: Path) -> None:
    """``2024/5/10`` is what Excel makes of a date: reported, with how to restore the file."""
    ledger = ledger_of(plan)
    ledger.write_text(
        HEADER
        + "\n"
        + line("aaaa0001", date="2024/5/10")
        + "\n"
        + line("aaaa0002", stamp="2024/5/10 16:20")
        + "\n",
        encoding="utf-8",
    )
    found = findings(run)
    assert [(f["code"], f["line"], f["col"]) for f in found] == [
        ("ledger.excel_date", 2, 2),
        ("ledger.excel_stamp", 3, 9),
    ]
    assert "git checkout" in str(found[0]["hint"])
    result = run("check", today=TODAY, lang="zh")
    assert result.exit_code == 1 and "Excel" in result.stderr and "2024/5/10" in result.stderr


def test_gbk_ledger_is_named_by_check_and_refused_by_log(run: Run, plan: Path) -> None:
    ledger = ledger_of(plan)
    original = (HEADER + "\r\n" + line(note="海宁市团委培训") + "\r\n").encode("gb18030")
    ledger.write_bytes(original)
    checked = run("check", today=TODAY)
    assert checked.exit_code == 1
    assert f"{ledger.relative_to(plan.parent.parent)}:2:1" in checked.stderr
    assert "GBK/GB18030" in checked.stderr and "CSV UTF-8" in checked.stderr
    logged = run("log", "1", "5", today=TODAY)
    assert logged.exit_code == 1
    assert "is not UTF-8; nothing was appended" in logged.stderr
    assert str(ledger.relative_to(plan.parent.parent)) in logged.stderr
    assert "iconv -f GB18030 -t UTF-8" in logged.stderr
    assert ledger.read_bytes() == original  # nothing mixed in
    zh = run("log", "1", "5", today=TODAY, lang="zh")
    assert "不是 UTF-8 编码" in zh.stderr and ledger.read_bytes() == original


# --- crashes ---------------------------------------------------------------------------------


def test_torn_last_line_is_reported_and_not_glued_onto(run: Run, plan: Path) -> None:
    ledger = ledger_of(plan)
    torn = line("aaaa0002")[:25]
    ledger.write_text(HEADER + "\n" + line() + "\n" + torn, encoding="utf-8")
    found = findings(run)
    assert [(f["code"], f["line"]) for f in found] == [("ledger.torn", 3)]
    assert run("log", "1", "5", today=TODAY).exit_code == 0
    text = ledger.read_text(encoding="utf-8")
    assert text.split("\n")[2] == torn  # the torn line is untouched, on its own line
    entries = read_ledger(ledger).entries
    assert [e.amount for e in entries] == [45.0, 5.0] and entries[-1].line == 4
    assert [(f["code"], f["line"]) for f in findings(run)] == [("ledger.columns", 3)]


def test_line_torn_inside_a_character_is_torn_not_gbk(run: Run, plan: Path) -> None:
    ledger = ledger_of(plan)
    whole = (HEADER + "\n" + line() + "\n").encode()
    ledger.write_bytes(whole + line("aaaa0002", note="培训").encode()[:-2])
    assert [f["code"] for f in findings(run)] == ["ledger.torn"]
    assert run("log", "1", "5", today=TODAY).exit_code == 0
    assert ledger.read_bytes().startswith(whole)
    assert read_ledger(ledger).entries[-1].amount == 5.0


def test_unterminated_whole_last_line_is_only_a_warning(run: Run, plan: Path) -> None:
    ledger = ledger_of(plan)
    ledger.write_text(HEADER + "\n" + line(), encoding="utf-8")
    assert codes(run) == ["ledger.no_final_newline"]
    assert run("log", "1", "5", today=TODAY).exit_code == 0
    assert codes(run) == []


# --- what a bad git merge leaves -----------------------------------------------------------


def test_duplicated_id_is_reported(run: Run, plan: Path) -> None:
    ledger_of(plan).write_text(f"{HEADER}\n{line()}\n{line()}\n", encoding="utf-8")
    found = findings(run)
    assert [(f["code"], f["line"]) for f in found] == [("ledger.duplicate_id", 3)]


def test_lost_header_is_reported_and_the_first_line_still_read(run: Run, plan: Path) -> None:
    ledger = ledger_of(plan)
    ledger.write_text(f"{line()}\n{line('aaaa0002')}\n", encoding="utf-8")
    assert [(f["code"], f["line"]) for f in findings(run)] == [("ledger.header", 1)]
    assert len(read_ledger(ledger).entries) == 2


@pytest.mark.parametrize("again", [HEADER, BOM + HEADER])
def test_header_repeated_inside_is_reported(run: Run, plan: Path, again: str) -> None:
    """Two files concatenated by a merge: the second header (with its BOM) mid-file."""
    text = f"{BOM}{HEADER}\n{line()}\n{again}\n{line('aaaa0002')}\n"
    ledger_of(plan).write_text(text, encoding="utf-8")
    assert [(f["code"], f["line"]) for f in findings(run)] == [("ledger.header_again", 3)]


def test_conflict_markers_are_reported(run: Run, plan: Path) -> None:
    text = (
        f"{HEADER}\n{line()}\n<<<<<<< HEAD\n{line('aaaa0002')}\n=======\n"
        f"{line('aaaa0003')}\n>>>>>>> other\n"
    )
    ledger_of(plan).write_text(text, encoding="utf-8")
    found = findings(run)
    assert [(f["code"], f["line"]) for f in found] == [
        ("ledger.conflict_marker", 3),
        ("ledger.conflict_marker", 5),
        ("ledger.conflict_marker", 7),
    ]
    assert "merge=union" in str(found[0]["hint"])


def test_new_ledger_in_a_git_work_tree_merges_as_union(run: Run, plan: Path) -> None:
    (plan.parent.parent / ".git").mkdir()
    assert run("log", "1", "5", today=TODAY).exit_code == 0
    assert (plan.parent / ".gitattributes").read_text() == "*.ledger.csv merge=union\n"
    assert (plan.parent / ".gitignore").read_text() == ".*.ledger.csv.lock\n.*.ledger.csv.pending\n"


def test_git_setup_respects_what_the_repository_declares(run: Run, plan: Path) -> None:
    root = plan.parent.parent
    (root / ".git").mkdir()
    write(root / ".gitattributes", "*.ledger.csv merge=union\n")
    write(root / ".gitignore", ".*.lock\n.*.pending\n")
    assert run("log", "1", "5", today=TODAY).exit_code == 0
    assert not (plan.parent / ".gitattributes").exists()
    assert not (plan.parent / ".gitignore").exists()


def test_no_git_files_outside_a_work_tree(run: Run, plan: Path) -> None:
    assert run("log", "1", "5", today=TODAY).exit_code == 0
    assert not (plan.parent / ".gitattributes").exists()


# --- the lock ----------------------------------------------------------------------------------


def test_log_gives_up_on_a_held_lock_with_a_clear_message(plan: Path) -> None:
    ledger = ledger_of(plan)
    ledger.write_text(BOM + HEADER + "\n" + line() + "\n", encoding="utf-8")
    before = ledger.read_bytes()
    with FileLock(str(lock_path(ledger))):
        started = time.monotonic()
        result = ywplan("log", "1", "5", cwd=plan.parent.parent, YWPLAN_LOCK_TIMEOUT="0.3")
        waited = time.monotonic() - started
    assert result.returncode == 1, result.stderr
    assert "stayed locked for more than 0.3 s; nothing was recorded" in result.stderr
    assert "YWPLAN_LOCK_TIMEOUT" in result.stderr and "Traceback" not in result.stderr
    assert waited < 10
    assert ledger.read_bytes() == before
    after = ywplan("log", "1", "5", cwd=plan.parent.parent, YWPLAN_LOCK_TIMEOUT="0.3")
    assert after.returncode == 0, after.stderr  # released: the next clerk gets in


@pytest.mark.parametrize("value", ["soon", "-1", "1e9", "nan"])
def test_bad_lock_timeout_is_refused(
    run: Run, plan: Path, value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("YWPLAN_LOCK_TIMEOUT", value)
    result = run("log", "1", "5", today=TODAY)
    assert result.exit_code == 1
    assert f'YWPLAN_LOCK_TIMEOUT="{value}"' in result.stderr
    assert not ledger_of(plan).exists()


# --- limits -----------------------------------------------------------------------------------


def test_huge_plan_is_refused_before_it_is_read(
    run: Run, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = workdir / "plans" / "huge.yaml"
    with open(plan, "wb") as handle:
        handle.truncate(30 * 1024 * 1024)  # sparse: 30 MB that take no disk

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(textfile, "open", no_reading, raising=False)
    started = time.monotonic()
    result = run("check", today=TODAY)
    assert time.monotonic() - started < 5  # generous: it takes milliseconds
    assert result.exit_code == 1
    assert "file too large (31457280 bytes, the limit is 2097152)" in result.stderr
    status = run("status", today=TODAY)
    assert status.exit_code == 1 and "file too large" in status.stderr


def test_huge_ledger_is_refused_by_check_and_log(run: Run, plan: Path) -> None:
    ledger = ledger_of(plan)
    with open(ledger, "wb") as handle:
        handle.truncate(513 * 1024 * 1024)  # sparse
    started = time.monotonic()
    assert codes(run) == ["file.too_large"]
    result = run("log", "1", "5", today=TODAY)
    assert time.monotonic() - started < 5
    assert result.exit_code == 1 and "too large" in result.stderr
    assert ledger.stat().st_size == 513 * 1024 * 1024


def test_note_length_is_capped(run: Run, plan: Path) -> None:
    result = run("log", "1", "5", "--note", "长" * 501, today=TODAY)
    assert result.exit_code == 1 and "longer than 500" in result.stderr
    assert run("log", "1", "5", "--note", "长" * 500, today=TODAY).exit_code == 0
    ledger = ledger_of(plan)
    with open(ledger, "a", encoding="utf-8") as handle:
        handle.write(line("aaaa0009", note="x" * 501) + "\n")
    assert codes(run) == ["ledger.note_too_long"]


def test_deep_nesting_and_alias_bombs_are_refused_fast(run: Run, workdir: Path) -> None:
    deep = workdir / "plans" / "deep.yaml"
    deep.write_text("plan: " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    deeper = workdir / "plans" / "deeper.yaml"  # PyYAML's own limit answers first here
    deeper.write_text("plan: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    bomb_lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    bomb_lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    bomb = workdir / "plans" / "bomb.yaml"
    bomb.write_text("\n".join(bomb_lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    found = findings(run)
    assert time.monotonic() - started < 5
    assert sorted(str(f["code"]) for f in found) == [
        "yaml.syntax",
        "yaml.too_deep",
        "yaml.too_many_nodes",
    ]


GARBAGE = "垃圾" + "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(10_000))


def _no_echo(result_text: str) -> None:
    assert GARBAGE not in result_text
    assert GARBAGE[:1000] not in result_text  # clipped well before that


@pytest.mark.parametrize(
    "field",
    [
        f"year: '{GARBAGE}'",
        f"'{GARBAGE}': 1",
        f"org: '{GARBAGE}'",
    ],
)
def test_garbage_in_a_plan_is_never_echoed_whole(run: Run, workdir: Path, field: str) -> None:
    write(workdir / "plans" / "p.yaml", f"plan: x\norg: y\nyear: 2024\nitems: []\n{field}\n")
    for fmt in ("text", "json", "github"):
        result = run("check", "--format", fmt, today=TODAY)
        assert result.exit_code == 1
        _no_echo(result.output)


@pytest.mark.parametrize("column", range(10))
def test_garbage_in_a_ledger_field_is_never_echoed_whole(run: Run, plan: Path, column: int) -> None:
    fields = line().split(",")
    fields[column] = GARBAGE
    ledger_of(plan).write_text(HEADER + "\n" + ",".join(fields) + "\n", encoding="utf-8")
    for fmt in ("text", "json", "github"):
        result = run("check", "--format", fmt, today=TODAY)
        _no_echo(result.output)
    for args in (("log", "1", "5"), ("status",), ("entries",)):
        _no_echo(run(*args, today=TODAY).output)


@pytest.mark.parametrize(
    "args",
    [
        ("log", GARBAGE, "5"),
        ("log", "1", GARBAGE),
        ("log", "1", "5", "--unit", GARBAGE),
        ("log", "1", "5", "--date", GARBAGE),
        ("undo", GARBAGE, "--reason", "x"),
        ("status", "--as-of", GARBAGE),
    ],
)
def test_garbage_on_the_command_line_is_never_echoed_whole(
    run: Run, plan: Path, args: tuple[str, ...]
) -> None:
    result = run(*args, today=TODAY)
    assert result.exit_code == 1
    _no_echo(result.output)


# --- hostile text --------------------------------------------------------------------------

HOSTILE = (
    "清屏\x1b[2J标题\x1b]0;pwned\x07链接\x1b]8;;http://evil.example\x1b\\点我\x1b]8;;\x1b\\"
    '<script>alert(1)</script>=HYPERLINK("x")\u202egnp.exe 🎉 \x00\x08\x7f\x9b31m'
)
RAW_CONTROLS = ("\x1b", "\x07", "\x00", "\x08", "\x7f", "\x9b", "\u202e")


def test_hostile_note_is_stored_faithfully_and_shown_harmlessly(run: Run, plan: Path) -> None:
    assert run("log", "1", "5", "--note", HOSTILE, today=TODAY).exit_code == 0
    (entry,) = read_ledger(ledger_of(plan)).entries
    assert entry.note == HOSTILE  # the ledger keeps exactly what was typed
    table = run("entries", today=TODAY)
    assert table.exit_code == 0
    for raw in RAW_CONTROLS:
        assert raw not in table.output
    assert "␛" in table.output and "🎉" in table.output  # (a long note wraps in the table)
    document = json.loads(run("entries", "--format", "json", today=TODAY).stdout)
    assert document[0]["note"] == HOSTILE  # JSON escapes it and keeps it whole
    assert run("check", today=TODAY).exit_code == 0


def test_hostile_plan_text_and_arguments_never_reach_the_terminal_raw(
    run: Run, workdir: Path
) -> None:
    title = "[/bold][red]团[/red]\x1b[31m\u202e"
    text = small_plan(workdir).read_text(encoding="utf-8")
    text = text.replace("加强团干部选育管用", json.dumps(title)).replace(
        "培训团干部", json.dumps(title)
    )
    (workdir / "plans" / "test-2024.yaml").write_text(text, encoding="utf-8")
    assert run("check", today=TODAY).exit_code == 0
    outputs = [
        run("status", today=TODAY),
        run("log", "1", "5", today=TODAY),
        run("log", "1", "5", "--unit", "\x1b[2J海宁\u202e", today=TODAY),
        run("undo", "\x1b]0;x\x07", "--reason", "r", today=TODAY),
        run("status", "--format", "markdown", today=TODAY),
    ]
    for result in outputs:
        for raw in RAW_CONTROLS:
            assert raw not in result.output, (raw, result.output)
    assert "[/bold][red]团[/red]" in outputs[0].stdout  # shown as typed, not as markup


def test_visible_and_clip() -> None:
    assert visible("a\x1b[2Jb\x07\u202ec\n") == "a␛[2Jb␇\\u202ec␊"
    assert visible("x\ny\tz", lines=True) == "x\ny␉z"
    assert visible("\x9b\x85\x7f") == "\\x9b\\x85␡"
    assert visible("普通文字 🎉 e\u0301") == "普通文字 🎉 e\u0301"
    assert clip("x" * 300) == "x" * 240 + "…(+60)"
    assert clip("\n".join(["a"] * 50)).count("\n") == 40
    assert shown("ok\n  26.a  name") == "ok\n  26.a  name"


def test_two_clerks_undoing_one_entry_at_once_reverse_it_once(
    run: Run, plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other clerk's reversal lands between our read and our append: ours is refused."""
    from ywplan.core import recording

    ledger = ledger_of(plan)
    ledger.write_text(BOM + HEADER + "\n" + line() + "\n", encoding="utf-8")
    real = recording.reversal_for

    def meanwhile(*args: object, **kwargs: object) -> object:
        made = real(*args, **kwargs)  # type: ignore[arg-type]
        other = line("bbbb0001", amount="-45", corrects="aaaa0001", note="other clerk")
        with open(ledger, "a", encoding="utf-8") as handle:
            handle.write(other + "\n")
        return made

    monkeypatch.setattr(recording, "reversal_for", meanwhile)
    result = run("undo", "aaaa0001", "--reason", "typo", today=TODAY)
    assert result.exit_code == 1
    assert "entry aaaa0001 was reversed by someone else just now" in result.stderr
    assert [e.note for e in read_ledger(ledger).entries] == ["", "other clerk"]
    assert run("check", today=TODAY).exit_code == 0


def test_reverses_finds_a_reversal_by_its_last_column() -> None:
    from ywplan.store.ledger import reverses

    data = f'{HEADER}\r\n{line()}\r\n{line("bbbb0001", corrects="aaaa0001")}\r\n"x","aaaa0005"'
    assert reverses(data.encode(), "aaaa0001")
    assert reverses(data.encode(), "aaaa0005")  # Excel's quotes, no final line end
    assert not reverses(data.encode(), "bbbb0001")  # an id column is not a reversal
    assert not reverses(data.encode(), "aaaa000")  # a prefix is not the id
