"""``-o FILE`` never loses a file (issue 11): outputs that are streams or links rather
than plain files.

The refusals themselves are the corpus in ``test_hostile_output.py``; here are the
places an output may go.
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


# --- links: followed on purpose ------------------------------------------------------------


def test_a_link_to_a_previous_report_is_kept_and_its_file_replaced(run: Run, bundled: Path) -> None:
    folder = bundled.parent.parent
    assert run("report", "--quarter", "2024Q2", "-o", "2024Q2.html", today=TODAY).exit_code == 0
    (folder / "latest.html").symlink_to("2024Q2.html")
    result = run("report", "--quarter", "2024Q3", "-o", "latest.html", today=TODAY)
    assert result.exit_code == 0, result.stderr
    assert (folder / "latest.html").is_symlink()
    assert "2024 Q3" in (folder / "2024Q2.html").read_text(encoding="utf-8")


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
