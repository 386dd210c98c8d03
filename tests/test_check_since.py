"""``ywplan check --since REV``: a ledger may only be appended to, whatever git did to it.

A merge with ``-X ours``/``-X theirs`` or a ``checkout --theirs`` silently drops one
side's lines; each line the ledger had at REV must still be there, unchanged. Each test
makes a real git repository in a temporary folder (user name and email set in the
repository, no global configuration).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import Run, write

PLAN = """
plan: 测试计划
org: 团市委
year: 2024
units: [甲区, 乙县]
items:
  - number: 1
    title: 培训
    targets:
      - {id: cadre-training, name: 培训团干部, unit: 人次, min: 400}
"""
HEADER = "id,date,item,target,amount,unit,note,by,recorded_at,corrects\n"
STAMP = "2024-03-02T09:00:00+08:00"
TODAY = "2024-06-15"


def row(id_: str, amount: str = "10", unit: str = "甲区") -> str:
    """A valid ledger line."""
    return f"{id_},2024-03-01,1,cadre-training,{amount},{unit},,张敏,{STAMP},\n"


def git(folder: Path, *args: str) -> str:
    """Run git in *folder* (no global configuration is read or written)."""
    done = subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout


@pytest.fixture
def repo(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``workdir`` as a git repository whose first commit holds the plan and two entries."""
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(workdir))  # no global git configuration is read
    git(workdir, "init", "-q", "-b", "main")
    git(workdir, "config", "user.name", "测试")
    git(workdir, "config", "user.email", "test@example.org")
    write(workdir / "plans" / "p.yaml", PLAN)
    ledger(workdir).write_text(HEADER + row("aaaaaaaa01") + row("aaaaaaaa02"), encoding="utf-8")
    git(workdir, "add", "-A")
    git(workdir, "commit", "-q", "-m", "first")
    return workdir


def ledger(folder: Path) -> Path:
    return folder / "plans" / "p.ledger.csv"


def located(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("plans/p.ledger.csv:")]


def test_appended_lines_pass(run: Run, repo: Path) -> None:
    with ledger(repo).open("a", encoding="utf-8") as handle:
        handle.write(row("aaaaaaaa03"))
    result = run("check", "--since", "HEAD", today=TODAY)
    assert result.exit_code == 0, result.output
    assert "3 ledger entries" in result.stdout


def test_a_removed_line_and_a_changed_line_are_errors_at_their_old_lines(
    run: Run, repo: Path
) -> None:
    ledger(repo).write_text(HEADER + row("aaaaaaaa02", amount="99"), encoding="utf-8")
    result = run("check", "--since", "HEAD", today=TODAY)
    assert result.exit_code == 1
    assert located(result.stderr) == [
        "plans/p.ledger.csv:2:1: error: entry aaaaaaaa01 (line 2 at HEAD) was removed since HEAD",
        "plans/p.ledger.csv:3:1: error: entry aaaaaaaa02 (line 3 at HEAD) was changed since HEAD",
    ]
    assert "a ledger may only be appended to" in result.stderr
    assert result.stderr.splitlines()[-1] == "✗ plans/p.ledger.csv: 2 error(s), 0 warning(s)"


def test_in_chinese(run: Run, repo: Path) -> None:
    ledger(repo).write_text(HEADER + row("aaaaaaaa02"), encoding="utf-8")
    result = run("check", "--since", "HEAD", today=TODAY, lang="zh")
    assert located(result.stderr) == [
        "plans/p.ledger.csv:2:1: 错误: HEAD 中第 2 行的记录 aaaaaaaa01 已被删除",
    ]
    assert "台账只能追加" in result.stderr


def test_a_ledger_quoted_or_with_crlf_is_the_same_ledger(run: Run, repo: Path) -> None:
    text = HEADER + row("aaaaaaaa01").replace(",甲区,", ',"甲区",') + row("aaaaaaaa02")
    ledger(repo).write_bytes(("\ufeff" + text).replace("\n", "\r\n").encode("utf-8"))
    assert run("check", "--since", "HEAD", today=TODAY).exit_code == 0


def test_a_ledger_new_since_rev_passes(run: Run, repo: Path) -> None:
    write(repo / "plans" / "q.yaml", PLAN)
    (repo / "plans" / "q.ledger.csv").write_text(HEADER + row("bbbbbbbb01"), encoding="utf-8")
    assert run("check", "--since", "HEAD", today=TODAY).exit_code == 0


def test_a_ledger_deleted_since_rev_loses_every_line(run: Run, repo: Path) -> None:
    ledger(repo).unlink()
    result = run("check", "--since", "HEAD", today=TODAY)
    assert result.exit_code == 1
    assert [line.split(": error: ")[0] for line in located(result.stderr)] == [
        "plans/p.ledger.csv:2:1",
        "plans/p.ledger.csv:3:1",
    ]


def _branch_and_merge(repo: Path, *merge: str) -> None:
    """Clerk A appends on main, clerk B on a branch; B's branch is merged as *merge* says."""
    git(repo, "checkout", "-q", "-b", "county")
    with ledger(repo).open("a", encoding="utf-8") as handle:
        handle.write(row("bbbbbbbb01", unit="乙县"))
    git(repo, "commit", "-q", "-am", "county logs")
    git(repo, "checkout", "-q", "main")
    with ledger(repo).open("a", encoding="utf-8") as handle:
        handle.write(row("cccccccc01"))
    git(repo, "commit", "-q", "-am", "city logs")
    git(repo, "merge", "-q", "--no-edit", *merge, "county")


def test_a_merge_keeping_ours_loses_theirs_and_says_so(run: Run, repo: Path) -> None:
    _branch_and_merge(repo, "-X", "ours")
    assert "bbbbbbbb01" not in ledger(repo).read_text(encoding="utf-8")
    assert run("check", today=TODAY).exit_code == 0  # the ledger alone looks fine
    assert run("check", "--since", "HEAD^1", today=TODAY).exit_code == 0  # ours is whole
    result = run("check", "--since", "HEAD^2", today=TODAY)
    assert "entry bbbbbbbb01 (line 4 at HEAD^2) was removed since HEAD^2" in result.stderr
    result = run("check", "--since", "county", today=TODAY)
    assert result.exit_code == 1
    assert located(result.stderr) == [
        "plans/p.ledger.csv:4:1: error: "
        "entry bbbbbbbb01 (line 4 at county) was removed since county",
    ]


def test_a_union_merge_keeps_both_sides(run: Run, repo: Path) -> None:
    (repo / ".gitattributes").write_text("*.ledger.csv merge=union\n", encoding="utf-8")
    git(repo, "add", ".gitattributes")
    git(repo, "commit", "-q", "-m", "union")
    _branch_and_merge(repo)
    for rev in ("county", "HEAD^1", "HEAD^2", "HEAD"):
        assert run("check", "--since", rev, today=TODAY).exit_code == 0, rev


def test_checkout_theirs_after_a_conflict_loses_ours(run: Run, repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "county")
    with ledger(repo).open("a", encoding="utf-8") as handle:
        handle.write(row("bbbbbbbb01", unit="乙县"))
    git(repo, "commit", "-q", "-am", "county logs")
    git(repo, "checkout", "-q", "main")
    with ledger(repo).open("a", encoding="utf-8") as handle:
        handle.write(row("cccccccc01"))
    git(repo, "commit", "-q", "-am", "city logs")
    merged = subprocess.run(["git", "merge", "county"], cwd=repo, capture_output=True, check=False)
    assert merged.returncode != 0  # both appended at the end: a conflict without union
    git(repo, "checkout", "--theirs", "plans/p.ledger.csv")
    result = run("check", "--since", "main", today=TODAY)
    assert result.exit_code == 1
    assert "entry cccccccc01 (line 4 at main) was removed since main" in result.stderr


def test_a_folder_or_a_ledger_named_is_checked_since_rev(run: Run, repo: Path) -> None:
    ledger(repo).write_text(HEADER + row("aaaaaaaa02"), encoding="utf-8")
    for name in ("plans", "plans/p.ledger.csv", "plans/p.yaml"):
        result = run("check", name, "--since", "HEAD", today=TODAY)
        assert result.exit_code == 1, name
        assert "entry aaaaaaaa01 (line 2 at HEAD) was removed" in result.stderr


def test_from_a_subfolder(run: Run, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ledger(repo).write_text(HEADER + row("aaaaaaaa02"), encoding="utf-8")
    monkeypatch.chdir(repo / "plans")
    result = run("check", ".", "--since", "HEAD", today=TODAY)
    assert result.exit_code == 1
    assert "p.ledger.csv:2:1: error: entry aaaaaaaa01" in result.stderr


@pytest.mark.parametrize(
    ("rev", "message"),
    [
        ("nope", 'unknown git revision "nope"'),
        ("HEAD~5", 'unknown git revision "HEAD~5"'),
        ("--output=x", 'not a git revision: "--output=x"'),
        ("-h", 'not a git revision: "-h"'),
        ("", 'not a git revision: ""'),
        ("HEAD\nx", 'not a git revision: "HEAD␊x"'),
    ],
)
def test_a_bad_revision_is_a_usage_error(run: Run, repo: Path, rev: str, message: str) -> None:
    result = run("check", "--since", rev, today=TODAY)
    assert result.exit_code == 2, result.output
    assert f"error: {message}" in result.stderr
    assert not (repo / "x").exists()
    assert "Traceback" not in result.output


def test_outside_a_git_repository_is_a_usage_error(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN)
    result = run("check", "--since", "HEAD", today=TODAY)
    assert result.exit_code == 2, result.output
    assert "error: plans is not in a git repository" in result.stderr


def test_the_hook_is_shipped() -> None:
    from tests.conftest import REPO

    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: ywplan-ledger-append-only" in hooks
    assert "entry: ywplan check --since HEAD" in hooks
    assert "--since origin/main" in (REPO / "docs" / "ci.md").read_text(encoding="utf-8")


def test_since_head_lets_the_first_commit_through(run: Run, workdir: Path) -> None:
    """A hook running ``check --since HEAD`` before any commit has nothing to compare with."""
    git(workdir, "init", "-q", "-b", "main")
    write(workdir / "plans" / "p.yaml", PLAN)
    ledger(workdir).write_text(HEADER + row("aaaaaaaa01"), encoding="utf-8")
    assert run("check", "--since", "HEAD", today=TODAY).exit_code == 0
    result = run("check", "--since", "main", today=TODAY)
    assert result.exit_code == 2
    assert 'unknown git revision "main"' in result.stderr


def test_a_ledger_saved_as_gbk_is_one_problem_not_every_line_lost(run: Run, repo: Path) -> None:
    ledger(repo).write_bytes(ledger(repo).read_text(encoding="utf-8").encode("gbk"))
    result = run("check", "--since", "HEAD", today=TODAY)
    assert result.exit_code == 1
    assert located(result.stderr) == [
        "plans/p.ledger.csv:2:1: error: the file is encoded in GBK/GB18030, not UTF-8"
    ]


def test_a_ledger_only_appended_to_is_never_read_whole_for_since(
    run: Run, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git's hash of the ledger as it was matches the ledger's first bytes: nothing is
    compared row by row, and a clean ledger is judged a chunk at a time."""
    from ywplan.app import check
    from ywplan.store import ledger as ledger_module

    with ledger(repo).open("a", encoding="utf-8") as handle:
        handle.write(row("aaaaaaaa03"))

    def refused(*args: object) -> None:
        raise AssertionError("read whole")

    monkeypatch.setattr(check, "text_at", refused)
    monkeypatch.setattr(check, "read_ledger", refused)
    monkeypatch.setattr(ledger_module, "CHUNK", 64)
    result = run("check", "--since", "HEAD", today=TODAY)
    assert result.exit_code == 0, result.output
    assert "3 ledger entries" in result.stdout


def test_outside_git_is_said_before_the_ledger_is_read(
    run: Run, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ywplan.app import check

    write(workdir / "plans" / "p.yaml", PLAN)
    ledger(workdir).write_text(HEADER + row("aaaaaaaa01"), encoding="utf-8")

    def refused(*args: object) -> None:
        raise AssertionError("read before git was asked")

    monkeypatch.setattr(check, "read_ledger", refused)
    monkeypatch.setattr(check, "built_afresh", refused)
    result = run("check", "--since", "HEAD", today=TODAY)
    assert result.exit_code == 2, result.output
    assert "error: plans is not in a git repository" in result.stderr
