"""A real province of git repositories (SPEC §8): each office its own repository, the
city's holding the counties' as submodules, the province's holding the city's.

A county clerk logs in the county's repository and commits; the city's CI sees the new
entry after ``git submodule update --remote``, with no server but git.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run
from tests.rollup_support import (
    CITY,
    HAINING,
    JIAXING,
    PROVINCE,
    TONGXIANG,
    ZHEJIANG,
    county_plan,
    write_office,
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


@pytest.fixture(autouse=True)
def _git_identity(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name, value in {
        "GIT_AUTHOR_NAME": "clerk",
        "GIT_AUTHOR_EMAIL": "clerk@example.org",
        "GIT_COMMITTER_NAME": "clerk",
        "GIT_COMMITTER_EMAIL": "clerk@example.org",
        # Local submodules are cloned over the file protocol, refused by default since 2.38.1.
        "GIT_CONFIG_COUNT": "2",
        "GIT_CONFIG_KEY_0": "protocol.file.allow",
        "GIT_CONFIG_VALUE_0": "always",
        "GIT_CONFIG_KEY_1": "init.defaultBranch",
        "GIT_CONFIG_VALUE_1": "main",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(tmp_path),  # no user or system git configuration
    }.items():
        monkeypatch.setenv(name, value)


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def repository(folder: Path, plan: str, text: str, rows: list[Any]) -> Path:
    """An office's repository: its plan and ledger, committed."""
    write_office(folder / "plans" / plan, text, rows)
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "the plan and its ledger")
    return folder


def mount(parent: Path, child: Path, at: str) -> None:
    git(parent, "submodule", "add", "-q", str(child), at)
    git(parent, "commit", "-qm", f"mount {at}")


@pytest.fixture
def origins(tmp_path: Path) -> dict[str, Path]:
    """The four offices' repositories, as their own offices keep them."""
    up = tmp_path / "origin"
    haining = repository(up / "haining", "haining-2024.yaml", county_plan("海宁市"), HAINING)
    tongxiang = repository(
        up / "tongxiang", "tongxiang-2024.yaml", county_plan("桐乡市"), TONGXIANG
    )
    city = repository(up / "jiaxing", "jiaxing-2024.yaml", CITY, JIAXING)
    mount(city, haining, "counties/haining")
    mount(city, tongxiang, "counties/tongxiang")
    province = repository(up / "zhejiang", "zhejiang-2024.yaml", PROVINCE, ZHEJIANG)
    mount(province, city, "cities/jiaxing")
    return {"haining": haining, "jiaxing": city, "zhejiang": province}


def clone(origin: Path, to: Path) -> Path:
    git(origin.parent, "clone", "-q", "--recurse-submodules", str(origin), str(to))
    return to


def actuals(run: Run, plan: Path, as_of: str) -> dict[str, Any]:
    result = run(
        "status", "--plan", str(plan), "--as-of", as_of, "--format", "json", today="2024-12-31"
    )
    assert result.exit_code == 0, result.output
    return {
        f"{item['number']}.{t['id']}": t["actual"]
        for item in json.loads(result.stdout)["items"]
        for t in item["targets"]
    }


def test_the_province_clone_counts_three_levels_by_hand(
    run: Run, origins: dict[str, Path], tmp_path: Path
) -> None:
    province = clone(origins["zhejiang"], tmp_path / "ci" / "zhejiang")
    plan = province / "plans" / "zhejiang-2024.yaml"
    # 湖州市 300 + 嘉兴 (100 + 40 + 海宁 30 + 20 + 桐乡 25); levels 40 + (15 + 9 + 6 + 3)
    assert actuals(run, plan, "2024-06-30") == {"5.cadre-training": 515, "5.orgs": 73}
    check = run("check", str(plan), today="2024-12-31")
    assert check.exit_code == 0, check.output
    assert "and 3 child plan(s) below it, 14 entries" in check.stdout


def test_a_county_clerk_logs_and_the_city_ci_sees_it(
    run: Run, origins: dict[str, Path], tmp_path: Path
) -> None:
    city = clone(origins["jiaxing"], tmp_path / "ci" / "jiaxing")
    plan = city / "plans" / "jiaxing-2024.yaml"
    assert actuals(run, plan, "2024-06-30")["26.cadre-training"] == 215

    county = origins["haining"]  # the county's own repository, in the county's office
    logged = run(
        "log",
        "7.cadre-training",
        "10",
        "--date",
        "2024-06-03",
        "--plan",
        str(county / "plans" / "haining-2024.yaml"),
        today="2024-06-05",
    )
    assert logged.exit_code == 0, logged.output
    git(county, "add", "-A")
    git(county, "commit", "-qm", "培训团干部 10 人次")

    assert actuals(run, plan, "2024-06-30")["26.cadre-training"] == 215  # not fetched yet
    git(city, "submodule", "update", "-q", "--remote")
    assert actuals(run, plan, "2024-06-30")["26.cadre-training"] == 215 + 10
    check = run("check", str(plan), today="2024-12-31")
    assert check.exit_code == 0, check.output
