"""The hostile-input corpus, ledger part: files ``log`` must not append to.

Each row is a ledger path made into something that is not a ledger, the message
``log`` refuses it with (a catalog key), and where (line 1 of the file, or the file
itself). Nothing is written anywhere: not the file, not what a link points to.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.reliability_support import HEADER, TODAY, ledger_of, line, small_plan
from ywplan.i18n import t
from ywplan.store.ledger import HEADER_LINE

BOM = "\ufeff"


@dataclass(frozen=True)
class Hostile:
    """One corpus row: how the ledger path is made, the refusal's key, its line (0: none)."""

    name: str
    make: Callable[[Path, Path], None]  # (ledger path, a folder outside plans/)
    key: str
    line: int = 0


def _content(data: bytes) -> Callable[[Path, Path], None]:
    return lambda ledger, elsewhere: ledger.write_bytes(data)


def _link_to(make_target: Callable[[Path], Path]) -> Callable[[Path, Path], None]:
    return lambda ledger, elsewhere: ledger.symlink_to(make_target(elsewhere))


def _victim(elsewhere: Path) -> Path:
    victim = elsewhere / "passwd"
    victim.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    return victim


def _a_real_ledger(elsewhere: Path) -> Path:
    other = elsewhere / "other.ledger.csv"
    other.write_text(BOM + HEADER + "\n" + line() + "\n", encoding="utf-8")
    return other


CORPUS = [
    Hostile("link-to-a-system-file", _link_to(_victim), "ledger.symlink"),
    Hostile("link-to-another-ledger", _link_to(_a_real_ledger), "ledger.symlink"),
    Hostile("link-to-nothing", _link_to(lambda e: e / "missing.csv"), "ledger.symlink"),
    # A link to a device is refused for what it leads to, before any ledger is opened.
    Hostile("link-to-dev-null", _link_to(lambda e: Path("/dev/null")), "file.not_regular"),
    Hostile("a-folder", lambda ledger, e: ledger.mkdir(), "ledger.not_regular"),
    Hostile("header-lost", _content((line() + "\n").encode()), "ledger.not_a_ledger", 1),
    Hostile(
        "a-system-file",
        _content(b"root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/sbin/nologin\n"),
        "ledger.not_a_ledger",
        1,
    ),
    Hostile("a-plan", _content("plan: 测试\nyear: 2024\n".encode()), "ledger.not_a_ledger", 1),
    Hostile("torn-header", _content(b"id,date,item"), "ledger.not_a_ledger", 1),
    Hostile(
        "columns-reordered",
        _content(("date,id" + HEADER[2 + len("date") :] + "\n").encode()),
        "ledger.not_a_ledger",
        1,
    ),
    Hostile(
        "blank-first-line",
        _content(("\n" + HEADER + "\n" + line() + "\n").encode()),
        "ledger.not_a_ledger",
        1,
    ),
    Hostile("binary", _content(b"\x00\x01\x02MZ\x90\x00garbage"), "ledger.not_a_ledger", 1),
    Hostile(
        "header-then-text-on-one-line",
        _content((HEADER + ",extra\n").encode()),
        "ledger.not_a_ledger",
        1,
    ),
]


def _snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every file under *folder* (links as their target) but the lock, to show nothing was written."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        if path.name.endswith(".lock"):
            continue
        if path.is_symlink():
            found[str(path)] = "-> " + str(path.readlink())
        elif path.is_file():
            found[str(path)] = path.read_bytes()
    return found


@pytest.mark.parametrize("case", CORPUS, ids=[c.name for c in CORPUS])
def test_log_refuses_what_is_not_a_ledger(
    run: Run, workdir: Path, tmp_path_factory: pytest.TempPathFactory, case: Hostile
) -> None:
    plan = small_plan(workdir)
    ledger = ledger_of(plan)
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    case.make(ledger, elsewhere)
    before = _snapshot(workdir), _snapshot(elsewhere)
    started = time.monotonic()
    result = run("log", "1", "5", today=TODAY)
    assert time.monotonic() - started < 2
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    shown = str(ledger.relative_to(workdir))
    assert t(case.key, path=shown, expected=HEADER_LINE) in result.stderr
    assert t(case.key + ".hint", path=shown, expected=HEADER_LINE).split("\n")[0] in result.stderr
    if case.line:
        assert f"{shown}:{case.line}:1: error: " in result.stderr
    assert (_snapshot(workdir), _snapshot(elsewhere)) == before


@pytest.mark.parametrize("case", CORPUS[:1] + CORPUS[5:6], ids=["link", "header-lost"])
def test_the_refusal_is_in_chinese_too(
    run: Run, workdir: Path, tmp_path_factory: pytest.TempPathFactory, case: Hostile
) -> None:
    plan = small_plan(workdir)
    case.make(ledger_of(plan), tmp_path_factory.mktemp("elsewhere"))
    result = run("log", "1", "5", today=TODAY, lang="zh")
    assert result.exit_code == 1
    assert "没有记录" in result.stderr
