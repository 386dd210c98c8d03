"""Nothing lost on append (issue 11): a file that is not a ledger.

The hostile files themselves, one row each, are in ``test_hostile_ledger.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run
from tests.reliability_support import HEADER, TODAY, ledger_of, line, small_plan
from ywplan.store.ledger import read_ledger

BOM = "\ufeff"
IGNORE_LINE = ".*.ledger.csv.lock"


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
    result = run("log", "1", "5", today=TODAY)
    assert result.exit_code == 0, result.output
    assert ledger.read_bytes().startswith(content.rstrip(b"\r\n") if content else b"")
    assert run("check", today=TODAY).exit_code == 0


def test_a_symlinked_plan_folder_still_works(run: Run, workdir: Path) -> None:
    """Only the ledger itself must not be a link: a linked folder holding it is fine."""
    real = workdir / "real"
    small_plan(real)
    (workdir / "plans").rmdir()
    (workdir / "plans").symlink_to(real / "plans", target_is_directory=True)
    assert run("log", "1", "5", today=TODAY).exit_code == 0
    assert run("log", "1", "5", today=TODAY).exit_code == 0
    assert len(read_ledger(real / "plans" / "test-2024.ledger.csv").entries) == 2
