"""``check`` keeps its findings while every byte they depend on is the same (issue 17).

A second ``check`` of the same plan and ledger prints exactly what the first printed, in
every format and language, and any change — one byte anywhere in the ledger, even with
its size and mtime put back; the plan; today's date; a journal of an append in progress —
is judged afresh. A cache file not sealed by the user's key is not believed.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.reliability_support import HEADER, TODAY, ledger_of, line, small_plan
from ywplan.store import cachefile, check_cache
from ywplan.store.ledger import journal_path

FUTURE = "2024-07-02"


@pytest.fixture
def plan(workdir: Path) -> Path:
    """A plan whose ledger has an error (an unknown unit), a warning-free line and an entry
    dated after TODAY."""
    path = small_plan(workdir)
    rows = (
        line("aaaa0001", amount="10"),
        line("aaaa0002", amount="20", unit="秀洲区"),
        line("aaaa0003", date=FUTURE, amount="5"),
    )
    ledger_of(path).write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def kept() -> list[Path]:
    """The findings kept in the cache folder."""
    return list(Path(os.environ["YWPLAN_CACHE_DIR"]).glob("*.check"))


@pytest.mark.parametrize("fmt", ["txt", "json", "github"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_second_check_prints_what_the_first_did(
    run: Run, plan: Path, fmt: str, lang: str
) -> None:
    first = run("check", str(plan), "--format", fmt, lang=lang, today=TODAY)
    assert kept()
    second = run("check", str(plan), "--format", fmt, lang=lang, today=TODAY)
    assert first.exit_code == second.exit_code == 1
    assert (second.stdout, second.stderr) == (first.stdout, first.stderr)
    assert "秀洲区" in first.output


def test_a_kept_finding_is_printed_in_the_language_asked(run: Run, plan: Path) -> None:
    english = run("check", str(plan), today=TODAY)
    chinese = run("check", str(plan), lang="zh", today=TODAY)
    assert "error" in english.stderr
    assert "错误" in chinese.stderr


def test_an_edit_of_the_same_size_and_mtime_is_seen(run: Run, plan: Path) -> None:
    ledger = ledger_of(plan)
    assert run("check", str(plan), today=TODAY).exit_code == 1
    before = os.stat(ledger)
    data = ledger.read_bytes()
    ledger.write_bytes(data.replace("秀洲区".encode(), "南湖区".encode()))
    os.utime(ledger, ns=(before.st_atime_ns, before.st_mtime_ns))
    result = run("check", str(plan), today=TODAY)
    assert "秀洲区" not in result.output
    assert "after today" in result.stderr


def test_another_day_is_judged_afresh(run: Run, plan: Path) -> None:
    assert "after today" in run("check", str(plan), today=TODAY).stderr
    assert "after today" not in run("check", str(plan), today="2024-12-31").stderr


def test_a_plan_change_is_seen(run: Run, plan: Path) -> None:
    assert run("check", str(plan), today=TODAY).exit_code == 1
    plan.write_text(plan.read_text("utf-8").replace("[南湖区, 海宁市]", "[南湖区, 海宁市, 秀洲区]"))
    result = run("check", str(plan), today="2024-12-31")
    assert result.exit_code == 0, result.output


def test_a_forged_cache_file_is_not_believed(run: Run, plan: Path) -> None:
    run("check", str(plan), today=TODAY)
    [path] = kept()
    stamped = check_cache.stamp(plan, dt.date(2024, 6, 30), "en")
    assert stamped is not None
    forged = cachefile.seal(marshal.dumps((stamped, [], (1, 1, 1))), b"x" * 32, b"ywplan-check1")
    path.write_bytes(forged)
    result = run("check", str(plan), today=TODAY)
    assert result.exit_code == 1
    assert "秀洲区" in result.stderr


def test_nothing_is_kept_while_an_append_journal_is_there(run: Run, plan: Path) -> None:
    journal_path(ledger_of(plan)).write_text("ywplan-append 1 2 3\n", encoding="ascii")
    run("check", str(plan), today=TODAY)
    assert not kept()


def test_nothing_is_kept_for_a_ledger_that_is_a_link(run: Run, plan: Path) -> None:
    ledger = ledger_of(plan)
    real = ledger.with_name("elsewhere.csv")
    ledger.rename(real)
    ledger.symlink_to(real.name)
    run("check", str(plan), today=TODAY)
    assert not kept()


def test_nothing_is_kept_when_the_ledger_changes_while_it_is_judged(
    run: Run, plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ywplan.app import check

    judged = check._checked

    def appended_meanwhile(*args: object, **kwargs: object) -> object:
        found = judged(*args, **kwargs)  # type: ignore[arg-type]
        with ledger_of(plan).open("a", encoding="utf-8") as ledger:
            ledger.write(line("aaaa0009", amount="7") + "\n")
        return found

    monkeypatch.setattr(check, "_checked", appended_meanwhile)
    run("check", str(plan), today=TODAY)
    assert not kept()
