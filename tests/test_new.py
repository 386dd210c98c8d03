"""``ywplan new`` scaffolds a plans repository that ``ywplan check`` accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import Run

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
