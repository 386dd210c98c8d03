"""``ywplan new`` scaffolds a plans repository that ``ywplan check`` accepts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO, Run
from ywplan import __version__
from ywplan.app import new

FILES = (
    "plans/workplan-2025.yaml",
    ".gitattributes",
    ".gitignore",
    ".pre-commit-config.yaml",
    ".github/workflows/ywplan.yml",
)


def test_new_creates_a_valid_repository(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("new", "office", "--org", "共青团海宁市委", "--year", "2025", today="2025-03-01")
    assert result.exit_code == 0, result.output
    for name in FILES:
        assert (tmp_path / "office" / name).is_file(), name
        assert f"created office/{name}" in result.stdout
    plan = (tmp_path / "office" / FILES[0]).read_text(encoding="utf-8")
    assert "plan: 共青团海宁市委2025年工作要点" in plan
    assert "org: 共青团海宁市委" in plan
    assert "*.ledger.csv merge=union" in (tmp_path / "office/.gitattributes").read_text()
    assert ".*.ledger.csv.lock" in (tmp_path / "office/.gitignore").read_text()
    for name in (".pre-commit-config.yaml", ".github/workflows/ywplan.yml"):
        assert isinstance(yaml.safe_load((tmp_path / "office" / name).read_text()), dict)
    assert not list((tmp_path / "office").rglob("*.tmp"))

    monkeypatch.chdir(tmp_path / "office")
    checked = run("check", today="2025-03-01")
    assert checked.exit_code == 0, checked.output
    assert "2 items, 1 targets, 0 ledger entries, 0 warning(s)" in checked.stdout
    logged = run("log", "1", "40", today="2025-03-01")
    assert logged.exit_code == 0, logged.output
    assert run("check", today="2025-03-01").exit_code == 0


def test_new_in_current_folder_defaults_to_this_year(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("new", today="2026-11-28")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "plans/workplan-2026.yaml").is_file()
    assert "year: 2026" in (tmp_path / "plans/workplan-2026.yaml").read_text(encoding="utf-8")


def test_new_refuses_to_overwrite(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".gitignore").write_text("mine\n", encoding="utf-8")
    result = run("new", "--year", "2025")
    assert result.exit_code == 1
    assert "these files exist; nothing was written" in result.stderr
    assert ".gitignore" in result.stderr
    assert "--force" in result.stderr
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "plans").exists()

    forced = run("new", "--year", "2025", "--force")
    assert forced.exit_code == 0, forced.output
    assert "overwrote .gitignore" in forced.stdout
    assert ".*.ledger.csv.lock" in (tmp_path / ".gitignore").read_text(encoding="utf-8")


def test_new_in_chinese(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("new", "--year", "2025", lang="zh")
    assert result.exit_code == 0, result.output
    assert "已创建" in result.stdout
    plan = (tmp_path / FILES[0]).read_text(encoding="utf-8")
    assert "plan: 共青团××委2025年工作要点" in plan
    assert "YWPLAN_LANG: zh" in (tmp_path / FILES[4]).read_text(encoding="utf-8")


def test_new_org_needing_quotes(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("new", "--year", "2025", "--org", "Youth: League, #1")
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((tmp_path / FILES[0]).read_text(encoding="utf-8"))
    assert data["org"] == "Youth: League, #1"
    assert run("check", today="2025-06-01").exit_code == 0


@pytest.mark.parametrize("year", ["25", "abcd", "20255"])
def test_new_bad_year_is_usage_error(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, year: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("new", "--year", year)
    assert result.exit_code == 2
    assert f'invalid year "{year}"' in result.stderr
    assert not list(tmp_path.iterdir())


def test_new_into_a_file_is_refused(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x").write_text("", encoding="utf-8")
    result = run("new", "x")
    assert result.exit_code == 1
    assert "x is not a folder" in result.stderr


# --- the repository works as generated: git, ignores, a CI that installs ywplan (issue 11) ---

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_new_starts_a_git_repository(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("new", "office", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "office/.git").is_dir()
    assert "initialised a git repository in office" in result.stdout
    top = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"],
        cwd=tmp_path / "office",
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(top.stdout.strip()).resolve() == (tmp_path / "office").resolve()


@needs_git
def test_new_inside_a_work_tree_adds_no_second_repository(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)
    result = run("new", "office", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "office/.git").exists()
    assert "office is already in a git repository" in result.stdout


def test_new_without_git_says_how(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    result = run("new", "office", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "office/.git").exists()
    assert "git was not found" in result.stderr
    assert "git init office" in result.stderr
    assert (tmp_path / "office" / FILES[0]).is_file()


def test_new_ignores_locks_and_temporary_files(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("new", "--year", "2025").exit_code == 0
    ignored = (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines()
    for pattern in (".*.ledger.csv.lock", ".*.lock", ".*.tmp", ".ywplan-cache/"):
        assert pattern in ignored
    assert "*.ledger.csv merge=union" in (tmp_path / ".gitattributes").read_text().splitlines()


def _workflow(folder: Path) -> dict[str, Any]:
    data = yaml.safe_load((folder / FILES[4]).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _install_step(steps: list[dict[str, Any]]) -> dict[str, Any]:
    installs = [s for s in steps if "pip install" in s.get("run", "")]
    assert len(installs) == 1, steps
    return installs[0]


SHA = "0123456789abcdef0123456789abcdef01234567"


@pytest.mark.parametrize(
    ("installed", "line", "warned"),
    [
        # ywplan is not on the package index: "ywplan>=0.1" failed on every push.
        (("", ""), f"ywplan @ git+{new.REPOSITORY}@v{__version__}", True),
        (
            ("https://example.org/tw/ywplan", SHA),
            f"ywplan @ git+https://example.org/tw/ywplan@{SHA}",
            False,
        ),
        (None, f"ywplan=={__version__}", False),
    ],
    ids=["unknown", "git", "index"],
)
def test_new_workflow_installs_the_running_ywplan_pinned(
    run: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    installed: tuple[str, str] | None,
    line: str,
    warned: bool,
) -> None:
    monkeypatch.setattr(new, "_installed_from", lambda: installed)
    monkeypatch.chdir(tmp_path)
    result = run("new", "--year", "2025")
    assert result.exit_code == 0
    step = _install_step(_workflow(tmp_path)["jobs"]["check"]["steps"])
    assert step["run"] == f'python -m pip install "{line}"'
    assert ("check the pip install line" in result.stderr) is warned
    assert new.REPOSITORY.startswith("https://")


def _clone(folder: Path, origin: str) -> str:
    for args in (["init", "-q"], ["remote", "add", "origin", origin]):
        subprocess.run(["git", "-C", str(folder), *args], check=True)
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t"}
    env |= {"GIT_COMMITTER_EMAIL": "t@x", "PATH": os.environ["PATH"], "HOME": str(folder)}
    subprocess.run(
        ["git", "-C", str(folder), "commit", "-q", "--allow-empty", "-m", "x"], check=True, env=env
    )
    out = subprocess.run(
        ["git", "-C", str(folder), "rev-parse", "HEAD"], check=True, capture_output=True
    )
    return out.stdout.decode().strip()


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_local_clone_is_pinned_to_its_origin_and_commit(tmp_path: Path) -> None:
    commit = _clone(tmp_path, "https://example.org/tw/ywplan.git")
    assert new._clone_of(tmp_path) == ("https://example.org/tw/ywplan.git", commit)
    other = tmp_path / "other"
    other.mkdir()
    _clone(other, "/srv/ywplan")  # a path on this disk: CI cannot reach it
    assert new._clone_of(other) == ("", "")


def _venv_with_this_checkout(folder: Path) -> Path:
    """A virtual environment holding this checkout as pip installs it (no network).

    The dependencies come from the running environment (a path in a .pth file, so that
    its own copy of ywplan stays out of sight); ywplan is built from the source tree.
    """
    pytest.importorskip("hatchling", reason="pip install -e '.[test]' again: the build backend")
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
    subprocess.run(
        [*pip, "--no-deps", "--no-build-isolation", "--no-index", str(REPO)],
        check=True,
        capture_output=True,
    )
    return python.parent


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("bash") is None, reason="the workflow's steps run in bash")
def test_generated_workflow_runs(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("new", "repo", "--year", "2025", lang="zh").exit_code == 0
    steps = _workflow(tmp_path / "repo")["jobs"]["check"]["steps"]
    install = _install_step(steps)
    assert f"@v{__version__}" in install["run"]  # what the test installs instead: this version
    assert [s["uses"].split("@")[0] for s in steps if "run" not in s] == [
        "actions/checkout",
        "actions/setup-python",
    ]
    bin_dir = _venv_with_this_checkout(tmp_path)  # in place of the install step: no network
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    ran = 0
    for step in steps:
        if "run" not in step or step is install:
            continue
        done = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=tmp_path / "repo",
            env={**env, **{k: str(v) for k, v in step.get("env", {}).items()}},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, (step, done.stdout, done.stderr)
        ran += 1
    assert ran >= 1


@pytest.mark.skipif(os.name == "nt", reason="a shell script stands in for git")
def test_new_when_git_init_fails_says_how(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "bin" / "git"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'fatal: cannot mkdir .git' >&2\nexit 128\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    monkeypatch.chdir(tmp_path)
    result = run("new", "office", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert "git init did not succeed (fatal: cannot mkdir .git)" in result.stderr
    assert "run git init office yourself" in result.stderr


@pytest.mark.parametrize("doc", ["README.md", "docs/ci.md"])
def test_docs_show_the_install_line_new_writes(doc: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(new, "_installed_from", lambda: ("", ""))
    text = (REPO / doc).read_text(encoding="utf-8")
    assert f'pip install "{new.requirement()}"' in text
    assert "ywplan>=" not in text
