"""``-o FILE`` never loses a file (issue 11): what may be replaced, ``--force``, and
outputs that are streams or links rather than plain files.

The refusals themselves are the corpus in ``test_hostile_output.py``; here are the
routines that must keep working and the places an output may go.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Run, runner
from tests.output_support import renames_stay_in_tmp, unblocked
from ywplan.cli.main import app
from ywplan.errors import YwplanError
from ywplan.store import textfile

TODAY = "2024-12-31"
__all__ = ["renames_stay_in_tmp"]  # the autouse fixture, imported to apply here


# --- the weekly routine: a report replaces its own previous file --------------------------

FIRST_AND_NEXT = {
    "report": (("--quarter", "2024Q2"), ("--quarter", "2024Q3")),
    "units": (("--as-of", "2024-06-30"), ("--as-of", "2024-09-30")),
    "status": (("--as-of", "2024-06-30"), ("--as-of", "2024-09-30")),
    "entries": (("--until", "2024-06-30"), ()),
}


@pytest.mark.parametrize("ext", ["txt", "md", "csv", "html", "xlsx", "json", "out"])
@pytest.mark.parametrize("command", FIRST_AND_NEXT)
def test_each_run_replaces_the_previous_output_without_force(
    run: Run, bundled: Path, command: str, ext: str
) -> None:
    """Another period, day or count of entries changes the file, not its kind."""
    first, following = FIRST_AND_NEXT[command]
    out = bundled.parent.parent / f"out.{ext}"
    assert run(command, *first, "-o", str(out), today=TODAY).exit_code == 0
    earlier = out.read_bytes()
    result = run(command, *following, "-o", str(out), today=TODAY)
    assert result.exit_code == 0, result.stderr
    if ext not in ("xlsx", "json"):  # (a workbook's zip has times; json's first keys agree)
        assert out.read_bytes() != earlier


def test_another_language_of_a_text_report_needs_force(run: Run, bundled: Path) -> None:
    out = bundled.parent.parent / "季报.txt"
    assert run("report", "-o", str(out), today=TODAY, lang="zh").exit_code == 0
    assert run("report", "-o", str(out), today=TODAY).exit_code == 1
    assert run("report", "-o", str(out), "--force", today=TODAY).exit_code == 0


def test_an_empty_file_is_replaced(run: Run, bundled: Path) -> None:
    out = bundled.parent.parent / "out.csv"
    out.touch()
    assert run("report", "-o", str(out), today=TODAY).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_force_replaces_a_file_ywplan_did_not_write(run: Run, bundled: Path) -> None:
    out = bundled.parent.parent / "notes.txt"
    out.write_text("会议记录\n", encoding="utf-8")
    out.chmod(0o640)
    result = run("report", "-o", str(out), "--force", today=TODAY)
    assert result.exit_code == 0, result.stderr
    assert "会议记录" not in out.read_text(encoding="utf-8")
    assert out.stat().st_mode & 0o777 == 0o640


def test_ywplan_output_of_another_format_needs_force(run: Run, bundled: Path) -> None:
    out = bundled.parent.parent / "r.md"
    out.write_text(run("report", "--format", "csv", today=TODAY).stdout, encoding="utf-8")
    result = run("report", "-o", str(out), today=TODAY)
    assert result.exit_code == 1
    assert "exists and is not a markdown file ywplan wrote" in result.stderr


@pytest.mark.parametrize("command", ["report", "status", "entries", "units"])
@pytest.mark.parametrize("name", ["plans/jiaxing-2024.ledger.csv", "plans/jiaxing-2024.yaml"])
def test_force_never_replaces_a_plan_or_a_ledger(
    run: Run, bundled: Path, command: str, name: str
) -> None:
    target = bundled.parent.parent / name
    before = target.read_bytes()
    result = run(command, "-o", str(target), "--force", today=TODAY)
    assert result.exit_code == 1
    assert "is a plan or a ledger and would be replaced" in result.stderr
    assert target.read_bytes() == before


@pytest.mark.parametrize("command", ["report", "status", "entries", "units"])
def test_force_is_in_the_help_in_both_languages(
    run: Run, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # the whole help line, not cut to the terminal
    english = run(command, "--help").stdout
    chinese = run(command, "--help", lang="zh").stdout
    assert "--force" in english and "--force" in chinese
    assert "replace an existing output file that ywplan did not write" in english
    assert "替换已存在、但不是 ywplan 写出的输出文件" in chinese


# --- links: followed on purpose ------------------------------------------------------------


def test_a_link_to_a_previous_report_is_kept_and_its_file_replaced(run: Run, bundled: Path) -> None:
    folder = bundled.parent.parent
    assert run("report", "--quarter", "2024Q2", "-o", "2024Q2.html", today=TODAY).exit_code == 0
    (folder / "latest.html").symlink_to("2024Q2.html")
    result = run("report", "--quarter", "2024Q3", "-o", "latest.html", today=TODAY)
    assert result.exit_code == 0, result.stderr
    assert (folder / "latest.html").is_symlink()
    assert "2024 Q3" in (folder / "2024Q2.html").read_text(encoding="utf-8")


def test_a_link_to_someone_elses_file_needs_force_and_stays_a_link(run: Run, bundled: Path) -> None:
    folder = bundled.parent.parent
    (folder / "notes.txt").write_text("会议记录\n", encoding="utf-8")
    (folder / "out.txt").symlink_to("notes.txt")
    assert run("report", "-o", "out.txt", today=TODAY).exit_code == 1
    assert run("report", "-o", "out.txt", "--force", today=TODAY).exit_code == 0
    assert (folder / "out.txt").is_symlink()
    assert "会议记录" not in (folder / "notes.txt").read_text(encoding="utf-8")


# --- standard output, devices and named pipes ----------------------------------------------


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_dash_and_dev_stdout_are_standard_output(run: Run, bundled: Path, name: str) -> None:
    expected = run("report", "--format", "txt", today=TODAY).stdout
    result = run("report", "-o", name, today=TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected and result.stderr == ""
    assert not (bundled.parent.parent / "-").exists()


def test_a_workbook_goes_to_a_pipe_with_dash(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("YWPLAN_TODAY", TODAY)
    result = runner().invoke(app, ["units", "--format", "xlsx", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"PK\x03\x04")
    assert not (bundled.parent.parent / "-").exists()


def test_dev_null_stays_a_device(run: Run, bundled: Path) -> None:
    result = run("report", "-o", "/dev/null", today=TODAY)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_character_device_is_written_not_replaced(run: Run, bundled: Path) -> None:
    node = bundled.parent.parent / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    result = run("report", "--format", "html", "-o", str(node), today=TODAY)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(os.lstat(node).st_mode)


@contextlib.contextmanager
def reading(fifo: Path) -> Iterator[list[bytes]]:
    """A program reading the named pipe *fifo*: what it read, once the writer closes."""
    present = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader exists from now on
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        yield received
    finally:
        reader.join(timeout=10)
        os.close(present)


def test_a_named_pipe_with_a_reader_gets_the_report(run: Run, bundled: Path) -> None:
    fifo = bundled.parent.parent / "report.pipe"
    os.mkfifo(fifo)
    with reading(fifo) as received:
        result = run("report", "--format", "html", "-o", str(fifo), today=TODAY)
        assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received and received[0].startswith(b"<!DOCTYPE html>")


# --- the store's part ----------------------------------------------------------------------


def test_destinations(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    (tmp_path / "link").symlink_to("file")
    os.mkfifo(tmp_path / "pipe")
    where = textfile.destination
    assert where(tmp_path / "new") == textfile.Destination(tmp_path / "new", "new")
    assert where(tmp_path / "file").kind == "file"
    assert where(tmp_path / "link") == textfile.Destination((tmp_path / "file").resolve(), "file")
    assert where(tmp_path / "pipe").kind == "stream"
    assert where(Path("/dev/null")).kind == "stream"
    with pytest.raises(YwplanError) as caught:
        where(tmp_path)
    assert caught.value.key == "write.is_dir"


def test_write_atomically_refuses_a_pipe_nobody_reads(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(YwplanError) as caught:
        textfile.write_atomically(tmp_path / "pipe", "x")
    assert caught.value.key == "write.no_reader"
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe").st_mode)


def test_read_text_refuses_a_named_pipe_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.yaml")
    with unblocked(tmp_path / "p.yaml"):
        text, problem = textfile.read_text(tmp_path / "p.yaml", 1000)
    assert text == "" and problem is not None and problem.key == "file.not_regular"
