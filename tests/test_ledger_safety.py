"""Nothing lost on append (issue 11): a failed write, a file that is not a ledger, the
lock file in git, and more sub-units than a 16-bit code holds.

The hostile files themselves, one row each, are in ``test_hostile_ledger.py``.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run, write
from tests.reliability_support import HEADER, TODAY, ledger_of, line, small_plan
from ywplan.core.model import Entry, new_id
from ywplan.i18n import t
from ywplan.store.index import open_index
from ywplan.store.ledger import append_entries, journal_path, read_ledger

BOM = "\ufeff"
IGNORE_LINE = ".*.ledger.csv.lock"
IGNORE_LINES = IGNORE_LINE + "\n.*.ledger.csv.pending\n"
STAMP = "2024-05-10T16:20:05+08:00"


@pytest.fixture
def plan(workdir: Path) -> Path:
    """The small two-target plan in a fresh work folder."""
    return small_plan(workdir)


@pytest.fixture
def ledger(plan: Path) -> Path:
    """A ledger with one entry, made by hand (not by ``log``)."""
    path = ledger_of(plan)
    path.write_text(BOM + HEADER + "\n" + line() + "\n", encoding="utf-8")
    return path


# --- 3. a write that fails half-way leaves the ledger as it was ------------------------------


Failing = Callable[[int, bytes], int]


def _failing_writes(ledger: Path, code: int, at: str) -> tuple[Failing, Callable[[int], None]]:
    """``os.write``/``os.fsync`` stand-ins that fail on the ledger as a full disk does.

    The first write to the ledger goes half out, then the next raises; or every write goes
    out and ``fsync`` raises. Other files (the lock, the terminal) are left alone.
    """
    real_write, real_fsync = os.write, os.fsync
    inode = ledger.stat().st_ino
    calls: list[int] = []

    def on_ledger(fd: int) -> bool:
        return os.fstat(fd).st_ino == inode

    def write(fd: int, data: bytes) -> int:
        if at != "write" or not on_ledger(fd):
            return real_write(fd, data)
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, bytes(data)[: len(data) // 2])
        raise OSError(code, os.strerror(code))

    def fsync(fd: int) -> None:
        if at == "fsync" and on_ledger(fd):
            raise OSError(code, os.strerror(code))
        real_fsync(fd)

    return write, fsync


@pytest.mark.parametrize(
    ("code", "at", "key"),
    [
        (errno.ENOSPC, "write", "ledger.disk_full"),
        (errno.EDQUOT, "write", "ledger.disk_full"),
        (errno.EIO, "write", "ledger.write_failed"),
        (errno.EIO, "fsync", "ledger.write_failed"),
    ],
)
def test_a_failed_append_is_taken_back_whole(
    run: Run, ledger: Path, monkeypatch: pytest.MonkeyPatch, code: int, at: str, key: str
) -> None:
    before = ledger.read_bytes()
    write, fsync = _failing_writes(ledger, code, at)
    with monkeypatch.context() as patched:
        patched.setattr(os, "write", write)
        patched.setattr(os, "fsync", fsync)
        result = run("log", "1", "5", "--yes", today=TODAY)
    assert result.exit_code == 1, result.output
    assert ledger.read_bytes() == before  # not half a line, not a whole one
    reason = os.strerror(code)
    assert t(key, path=str(ledger.relative_to(Path.cwd())), reason=reason) in result.stderr
    assert "Traceback" not in result.output
    # with space again, the next clerk's entry is whole and the ledger is clean
    assert run("log", "1", "5", "--yes", today=TODAY).exit_code == 0
    assert run("check", today=TODAY).exit_code == 0
    assert len(read_ledger(ledger).entries) == 2


def test_a_full_disk_says_nothing_was_recorded_in_both_languages(
    run: Run, ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write, _ = _failing_writes(ledger, errno.ENOSPC, "write")
    with monkeypatch.context() as patched:
        patched.setattr(os, "write", write)
        zh = run("log", "1", "5", "--yes", today=TODAY, lang="zh")
    assert zh.exit_code == 1
    assert "磁盘已满" in zh.stderr and "没有记录" in zh.stderr
    write, _ = _failing_writes(ledger, errno.ENOSPC, "write")
    with monkeypatch.context() as patched:
        patched.setattr(os, "write", write)
        en = run("log", "1", "5", "--yes", today=TODAY)
    assert "disk is full" in en.stderr and "nothing was recorded" in en.stderr
    assert "free" in en.stderr  # the fix: free some space, then log again


def test_a_half_line_that_cannot_be_taken_back_is_named(
    run: Run, ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rare case where even cutting the file back fails: say so, and how to repair."""
    write, _ = _failing_writes(ledger, errno.ENOSPC, "write")

    def broken_truncate(fd: int, length: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    with monkeypatch.context() as patched:
        patched.setattr(os, "write", write)
        patched.setattr(os, "ftruncate", broken_truncate)
        result = run("log", "1", "5", "--yes", today=TODAY)
    assert result.exit_code == 1
    shown = str(ledger.relative_to(Path.cwd()))
    assert t("ledger.write_torn", path=shown, reason=os.strerror(errno.ENOSPC)) in result.stderr
    assert "ywplan log" in result.stderr
    checked = run("check", "--format", "json", today=TODAY)
    assert checked.exit_code == 0 and "ledger.interrupted" in checked.stdout  # not counted
    assert run("log", "1", "6", "--yes", today=TODAY).exit_code == 0  # removes the half line
    assert [e.amount for e in read_ledger(ledger).entries][-1:] == [6.0]
    assert read_ledger(ledger).problems == ()


class _Killed(BaseException):
    """Stands for SIGKILL: no handler runs, nothing is cleaned up."""


def _killed_mid_write(ledger: Path, monkeypatch: pytest.MonkeyPatch, entries: int) -> None:
    """Append *entries* entries in one batch and 'kill' the writer when half is written."""
    real_write = os.write
    inode = ledger.stat().st_ino

    def write(fd: int, data: bytes) -> int:
        if os.fstat(fd).st_ino != inode:
            return real_write(fd, data)
        real_write(fd, bytes(data)[: len(data) // 2])
        raise _Killed

    batch = [
        Entry(new_id(), dt.date(2024, 5, 10), 1, "training", 1.0, "", f"b{j}", "t", STAMP, "")
        for j in range(entries)
    ]
    with monkeypatch.context() as patched, pytest.raises(_Killed):
        patched.setattr(os, "write", write)
        append_entries(ledger, batch)


@pytest.mark.parametrize("entries", [1, 40])
def test_a_writer_killed_inside_its_write_leaves_nothing_counted(
    run: Run, ledger: Path, monkeypatch: pytest.MonkeyPatch, entries: int
) -> None:
    """A write of several pages is not all-or-nothing when its process is killed: the
    journal keeps the partial batch out of every read, and the next append removes it."""
    before = ledger.read_bytes()
    _killed_mid_write(ledger, monkeypatch, entries)
    assert len(ledger.read_bytes()) > len(before)  # part of the batch is on disk
    read = read_ledger(ledger)
    assert len(read.entries) == 1
    assert [(p.key, p.line, p.severity) for p in read.problems] == [
        ("ledger.interrupted", 3, "warning")
    ]
    shown = run("status", "--format", "json", today=TODAY)
    assert shown.exit_code == 0, shown.output
    assert run("check", today=TODAY).exit_code == 0
    assert run("log", "1", "6", "--yes", today=TODAY).exit_code == 0
    after = ledger.read_bytes()
    assert after.startswith(before) and after.count(b"\n") == before.count(b"\n") + 1
    assert read_ledger(ledger).problems == ()


def test_a_journal_of_another_file_is_ignored(ledger: Path) -> None:
    """A journal copied with the folder (another inode) does not hide anyone's entries."""
    data = ledger.read_bytes()
    journal = journal_path(ledger)
    journal.write_bytes(b"ywplan-append 5 %d %d\n" % (len(data) + 9, ledger.stat().st_ino + 1))
    assert len(read_ledger(ledger).entries) == 1
    assert read_ledger(ledger).problems == ()


# --- 4. the ledger must be a regular file that starts with the header -------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"",
        BOM.encode(),
        (HEADER + "\n").encode(),
        (HEADER + "\r\n").encode(),
        HEADER.encode(),  # a header without its line ending: ended, then appended to
        (BOM + ",".join(f'"{c}"' for c in HEADER.split(",")) + "\r\n").encode(),  # Excel
        (BOM + HEADER + "\n" + line() + "\n").encode(),
    ],
    ids=["empty", "bom", "header", "crlf", "unended", "excel-quoted", "entries"],
)
def test_a_ledger_that_starts_right_is_appended_to(run: Run, plan: Path, content: bytes) -> None:
    ledger = ledger_of(plan)
    ledger.write_bytes(content)
    result = run("log", "1", "5", "--yes", today=TODAY)
    assert result.exit_code == 0, result.output
    assert ledger.read_bytes().startswith(content.rstrip(b"\r\n") if content else b"")
    assert run("check", today=TODAY).exit_code == 0


def test_a_symlinked_plan_folder_still_works(run: Run, workdir: Path) -> None:
    """Only the ledger itself must not be a link: a linked folder holding it is fine."""
    real = workdir / "real"
    small_plan(real)
    (workdir / "plans").rmdir()
    (workdir / "plans").symlink_to(real / "plans", target_is_directory=True)
    assert run("log", "1", "5", "--yes", today=TODAY).exit_code == 0
    assert run("log", "1", "5", "--yes", today=TODAY).exit_code == 0
    assert len(read_ledger(real / "plans" / "test-2024.ledger.csv").entries) == 2


# --- 22. every append keeps the lock file out of git ------------------------------------------


@pytest.fixture
def repo(ledger: Path) -> Path:
    """The work folder as a git work tree (a ``.git`` folder is what ywplan looks for)."""
    root = ledger.parent.parent
    (root / ".git").mkdir()
    return root


def test_a_ledger_not_made_by_log_gets_its_lock_ignored(run: Run, ledger: Path, repo: Path) -> None:
    assert run("log", "1", "5", "--yes", today=TODAY).exit_code == 0
    assert (ledger.parent / ".gitignore").read_text(encoding="utf-8") == IGNORE_LINES
    assert run("log", "1", "6", today=TODAY).exit_code == 0
    last = read_ledger(ledger).entries[-1].id
    assert run("undo", last, "--reason", "x", today=TODAY).exit_code == 0
    assert (ledger.parent / ".gitignore").read_text(encoding="utf-8") == IGNORE_LINES
    assert not (ledger.parent / ".gitattributes").exists()  # only a new ledger gets merge=union


def test_a_users_gitignore_is_only_appended_to_in_its_own_line_endings(
    run: Run, ledger: Path, repo: Path
) -> None:
    gitignore = ledger.parent / ".gitignore"
    theirs = "# 本地文件\r\n*.xlsx\r\n~$*"  # CRLF, no final line ending
    gitignore.write_bytes(theirs.encode("utf-8"))
    inode = gitignore.stat().st_ino
    assert run("log", "1", "5", "--yes", today=TODAY).exit_code == 0
    assert run("log", "1", "5", "--yes", today=TODAY).exit_code == 0
    added = IGNORE_LINES.replace("\n", "\r\n")
    assert gitignore.read_bytes() == (theirs + "\r\n" + added).encode("utf-8")
    assert gitignore.stat().st_ino == inode  # appended to, not replaced


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("root", ".*.lock\n.*.pending\n"),
        ("root", "plans/.*.ledger.csv.lock\nplans/.*.ledger.csv.pending\n"),
        ("plans", "*.lock\n*.pending\n"),
    ],
)
def test_a_lock_the_repository_already_ignores_adds_nothing(
    run: Run, ledger: Path, repo: Path, where: str, text: str
) -> None:
    folder = repo if where == "root" else ledger.parent
    write(folder / ".gitignore", text)
    assert run("log", "1", "5", "--yes", today=TODAY).exit_code == 0
    assert (folder / ".gitignore").read_text(encoding="utf-8") == text
    if where == "root":
        assert not (ledger.parent / ".gitignore").exists()


def test_a_linked_gitignore_is_not_written_through(
    run: Run, ledger: Path, repo: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not yours\n", encoding="utf-8")
    (ledger.parent / ".gitignore").symlink_to(elsewhere)
    assert run("log", "1", "5", "--yes", today=TODAY).exit_code == 0
    assert elsewhere.read_text(encoding="utf-8") == "not yours\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_named_gitignore_does_not_hang_log(run: Run, ledger: Path, repo: Path) -> None:
    os.mkfifo(ledger.parent / ".gitignore")
    os.mkfifo(repo / ".gitignore")
    started = time.monotonic()
    assert run("log", "1", "5", "--yes", today=TODAY).exit_code == 0
    assert time.monotonic() - started < 5  # generous: it takes milliseconds


def test_no_gitignore_outside_a_work_tree(run: Run, ledger: Path) -> None:
    assert run("log", "1", "5", "--yes", today=TODAY).exit_code == 0
    assert not (ledger.parent / ".gitignore").exists()


# --- 7. more sub-units than 65,535 --------------------------------------------------------------


UNITS = 70_000


def _many_units_ledger(ledger: Path) -> None:
    """A ledger whose every entry names its own sub-unit (none of them the plan's)."""
    rows = (line(f"{n:08x}", unit=f"单位{n}") for n in range(UNITS))
    ledger.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")


def test_seventy_thousand_sub_units_are_indexed(run: Run, plan: Path) -> None:
    ledger = ledger_of(plan)
    _many_units_ledger(ledger)
    index = open_index(ledger)
    assert index is not None
    assert len(index.unit_names) == UNITS
    assert index.entries_of(1, "training")[-1].unit == f"单位{UNITS - 1}"
    logged = run("log", "1", "5", "--unit", "南湖区", today=TODAY)
    assert logged.exit_code == 0, logged.output
    assert f"the ledger has {UNITS} error(s)" in logged.stderr  # each unknown sub-unit
    undone = run("undo", f"{UNITS - 1:08x}", "--reason", "x", today=TODAY)
    assert undone.exit_code == 0, undone.output
    status = run("status", today=TODAY)
    assert status.exit_code == 1 and f"has {UNITS + 1} error(s)" in status.stderr  # + the undo


# --- reads sized to the file ---------------------------------------------------------------------


def test_a_read_stops_one_byte_past_its_limit(tmp_path: Path) -> None:
    from ywplan.store.ledger import read_upto

    path = tmp_path / "data"
    path.write_bytes(bytes(range(100)))
    for limit, expected in ((1000, 100), (100, 100), (99, 100), (10, 11), (0, 1)):
        with open(path, "rb") as handle:
            assert len(read_upto(handle, limit)) == expected, limit
