"""The hostile-input corpus of outputs and of files read as plans and ledgers (issue 11).

Each case is a setup in the work folder → the exact message and exit code, with the
file left as it was and the refusal in under 2 s. Three groups:

* ``READ``: a named pipe, a device or a socket given as the plan or the ledger;
* ``REPLACED``: ``-o`` names an existing file ywplan did not write (refused without
  ``--force``, see ``docs/reports.md``);
* ``SPECIAL``: ``-o`` names something that is not a file to replace: a folder, a link to
  nothing or to a folder, a named pipe nobody reads, a socket, a block device.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.output_support import renames_stay_in_tmp, unblocked

TODAY = "2024-12-31"
LEDGER = "plans/jiaxing-2024.ledger.csv"
Setup = Callable[[Path], None]
__all__ = ["renames_stay_in_tmp"]  # the autouse fixture, imported to apply here


def fingerprint(path: Path) -> tuple[int, bytes | str | None]:
    """What a case must leave unchanged: the kind of thing at *path* and its content."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return 0, None
    if stat.S_ISLNK(mode):
        return stat.S_IFMT(mode), os.readlink(path)
    if stat.S_ISREG(mode):
        return stat.S_IFMT(mode), path.read_bytes()
    return stat.S_IFMT(mode), None


def timed(run: Run, *args: str) -> tuple[int, str, float]:
    started = time.monotonic()
    result = run(*args, today=TODAY)
    return result.exit_code, result.output, time.monotonic() - started


def unix_socket(name: str) -> Setup:
    def make(folder: Path) -> None:
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(str(folder / name))
        listener.close()  # the socket file stays

    return make


# --- a named pipe, a device or a socket as the plan or the ledger --------------------------

NOT_REGULAR = (
    "error: not a regular file but a named pipe, a device or a socket\n"
    "    hint: give the path of the plan (.yaml) or ledger (.csv) file itself\n"
)


def plan_refused(where: str) -> str:
    return (
        f"{where}: {NOT_REGULAR}error: plan {where} has 1 error(s)\n"
        "    hint: fix the errors above; ywplan check lists them all\n"
    )


def ledger_refused(where: str) -> str:
    return (
        f"{where}: {NOT_REGULAR}error: ledger {where} has 1 error(s)\n"
        "    hint: fix the errors above; ywplan check lists them all\n"
    )


def replaced_by(make: Callable[[Path], None], name: str) -> Setup:
    def setup(folder: Path) -> None:
        (folder / name).unlink(missing_ok=True)
        make(folder / name)

    return setup


def pipe_at(path: Path) -> None:
    os.mkfifo(path)


def socket_at(path: Path) -> None:
    unix_socket(path.name)(path.parent)


def zeros_at(path: Path) -> None:
    path.symlink_to("/dev/zero")


PLAN = "plans/jiaxing-2024.yaml"
READ: dict[str, tuple[Setup, tuple[str, ...], str]] = {
    "a named pipe as the plan": (
        replaced_by(pipe_at, "p.yaml"),
        ("status", "--plan", "p.yaml"),
        plan_refused("p.yaml"),
    ),
    "a socket as the plan": (
        replaced_by(socket_at, "p.yaml"),
        ("report", "--plan", "p.yaml"),
        plan_refused("p.yaml"),
    ),
    "/dev/zero as the plan": (
        lambda folder: None,
        ("units", "--plan", "/dev/zero"),
        plan_refused("/dev/zero"),
    ),
    "a link to /dev/zero as the plan": (
        replaced_by(zeros_at, PLAN),
        ("entries", "--plan", PLAN),
        plan_refused(PLAN),
    ),
    "a named pipe as the ledger (status)": (
        replaced_by(pipe_at, LEDGER),
        ("status",),
        ledger_refused(LEDGER),
    ),
    "a named pipe as the ledger (log)": (
        replaced_by(pipe_at, LEDGER),
        ("log", "26", "5", "--unit", "海宁市"),
        ledger_refused(LEDGER),
    ),
    "a named pipe as the ledger (undo)": (
        replaced_by(pipe_at, LEDGER),
        ("undo", "abcdefgh", "--reason", "x"),
        ledger_refused(LEDGER),
    ),
    "a named pipe as the ledger (report)": (
        replaced_by(pipe_at, LEDGER),
        ("report", "--format", "json"),
        ledger_refused(LEDGER),
    ),
    "a named pipe as the ledger (check)": (
        replaced_by(pipe_at, LEDGER),
        ("check",),
        f"{LEDGER}: {NOT_REGULAR}✗ {LEDGER}: 1 error(s), 0 warning(s)\n",
    ),
    "a named pipe as the plan (check)": (
        replaced_by(pipe_at, "p.yaml"),
        ("check", "p.yaml"),
        f"p.yaml: {NOT_REGULAR}✗ p.yaml: 1 error(s), 0 warning(s)\n",
    ),
    "a link to /dev/zero as the ledger": (
        replaced_by(zeros_at, LEDGER),
        ("entries",),
        ledger_refused(LEDGER),
    ),
}


@pytest.mark.parametrize("case", READ)
def test_a_plan_or_ledger_that_is_no_file_is_refused_at_once(
    run: Run, bundled: Path, case: str
) -> None:
    setup, args, message = READ[case]
    folder = bundled.parent.parent
    setup(folder)
    pipe = next((p for p in (folder / "p.yaml", folder / LEDGER) if p.is_fifo()), folder)
    with unblocked(pipe):
        code, stderr, seconds = timed(run, *args)
    assert (code, stderr) == (1, message)
    assert seconds < 2


def test_tab_completion_never_waits_on_a_named_pipe_plan(tmp_path: Path) -> None:
    from ywplan.cli.completion import read_plan

    os.mkfifo(tmp_path / "p.yaml")
    started = time.monotonic()
    with unblocked(tmp_path / "p.yaml"), pytest.raises(OSError):
        read_plan(tmp_path / "p.yaml")
    assert time.monotonic() - started < 2


# --- existing files ywplan did not write ---------------------------------------------------


def not_ours(name: str, fmt: str) -> str:
    return (
        f"error: {name} exists and is not a {fmt} file ywplan wrote; it was left as it is\n"
        "    hint: add --force to replace it, or choose another file name\n"
    )


def text(name: str, content: str | bytes) -> Setup:
    data = content.encode() if isinstance(content, str) else content
    return lambda folder: (folder / name).write_bytes(data)


def workbook(name: str, creator: str) -> Setup:
    def make(folder: Path) -> None:
        with zipfile.ZipFile(folder / name, "w") as book:
            book.writestr(
                "docProps/core.xml",
                f"<cp:coreProperties><dc:creator>{creator}</dc:creator></cp:coreProperties>",
            )

    return make


def copied(source: str, name: str) -> Setup:
    return lambda folder: shutil.copy(folder / source, folder / name)


REPLACED: dict[str, tuple[Setup, str, str]] = {
    "someone's notes": (text("notes.txt", "会议记录\n明天九点开会\n"), "notes.txt", "txt"),
    "a CSV saved by Excel": (
        text("data.csv", "\ufeff姓名,电话\r\n张三,123\r\n"),
        "data.csv",
        "csv",
    ),
    "Markdown notes": (text("notes.md", "# 笔记\n\n- 第一条\n"), "notes.md", "markdown"),
    "a web page": (
        text("page.html", '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<title>通知</title>\n'),
        "page.html",
        "html",
    ),
    "someone's workbook": (workbook("book.xlsx", "王芳"), "book.xlsx", "xlsx"),
    "a file named .xlsx that is no workbook": (
        text("book.xlsx", "PK garbage"),
        "book.xlsx",
        "xlsx",
    ),
    "a package.json": (
        text("data.json", '{\n  "name": "tool",\n  "version": "1.0.0"\n}\n'),
        "data.json",
        "json",
    ),
    "a ledger copy under another name": (copied(LEDGER, "backup.csv"), "backup.csv", "csv"),
    "a plan copy as text": (copied("plans/jiaxing-2024.yaml", "plan.txt"), "plan.txt", "txt"),
    "a Word document not ywplan's": (text("总结.docx", "PK\x03\x04word"), "总结.docx", "docx"),
}


@pytest.mark.parametrize("case", REPLACED)
def test_an_existing_file_ywplan_did_not_write_is_kept(run: Run, bundled: Path, case: str) -> None:
    setup, name, fmt = REPLACED[case]
    folder = bundled.parent.parent
    setup(folder)
    before = fingerprint(folder / name)
    code, message, seconds = timed(run, "report", "-o", name)
    assert (code, message) == (1, not_ours(name, fmt))
    assert fingerprint(folder / name) == before
    assert seconds < 2


# --- -o names something that is not a file to replace ---------------------------------------


def folder_named(name: str) -> Setup:
    return lambda folder: (folder / name).mkdir()


def link(name: str, target: str) -> Setup:
    return lambda folder: (folder / name).symlink_to(target)


def fifo(name: str) -> Setup:
    return lambda folder: os.mkfifo(folder / name)


def block_device(name: str) -> Setup:
    def make(folder: Path) -> None:
        try:
            os.mknod(folder / name, stat.S_IFBLK | 0o600, os.makedev(7, 200))
        except PermissionError:
            pytest.skip("making a device node needs root")

    return make


IS_DIR = "    hint: name a file, e.g. -o reports/report.html\n"
SPECIAL_FILE = (
    "not a regular file (a block device or a socket); nothing was written\n"
    "    hint: choose the name of a regular file\n"
)
SPECIAL: dict[str, tuple[Setup, str, str]] = {
    "a folder": (
        folder_named("out"),
        "out",
        "error: out is a folder; a file cannot be written in its place\n" + IS_DIR,
    ),
    "a link to a folder": (
        link("out.html", "plans"),
        "out.html",
        "error: out.html is a folder; a file cannot be written in its place\n" + IS_DIR,
    ),
    "a link to nothing": (
        link("out.html", "gone/report.html"),
        "out.html",
        "error: out.html is a link to gone/report.html, which does not exist\n"
        "    hint: remove or repair the link, or choose another file name\n",
    ),
    "a named pipe nobody reads": (
        fifo("out.txt"),
        "out.txt",
        "error: out.txt is a named pipe and no program is reading it; nothing was written\n"
        "    hint: start the program that reads it first, or write to a regular file\n",
    ),
    "a socket": (unix_socket("out.sock"), "out.sock", "error: out.sock is " + SPECIAL_FILE),
    "a block device": (block_device("out.img"), "out.img", "error: out.img is " + SPECIAL_FILE),
}


@pytest.mark.parametrize("case", SPECIAL)
@pytest.mark.parametrize("force", [(), ("--force",)])
def test_an_output_that_is_no_file_is_refused(
    run: Run, bundled: Path, case: str, force: tuple[str, ...]
) -> None:
    setup, name, message = SPECIAL[case]
    folder = bundled.parent.parent
    setup(folder)
    before = fingerprint(folder / name)
    code, stderr, seconds = timed(run, "report", "-o", name, *force)
    assert (code, stderr) == (1, message)
    assert fingerprint(folder / name) == before
    assert seconds < 2
