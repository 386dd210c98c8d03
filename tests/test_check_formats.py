"""``check --format github|json`` for CI, and checking the plan of a ledger named alone."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Run, write
from ywplan.app.check import github_annotation
from ywplan.errors import Problem

BROKEN = """\
    plan: 测试计划
    org: 测试团委
    year: 2024
    items:
      - number: 1
        title: 培训
        targets:
          - id: training
            name: 培训团干部
            unit: 人次
            mni: 400
"""


def test_github_annotation_escapes_properties_and_message() -> None:
    problem = Problem("plan.missing", {"where": "100%\nx", "key": "min"}, "plans/a,b:c%.yaml", 3, 5)
    line = github_annotation(problem)
    assert line.startswith("::error file=plans/a%2Cb%3Ac%25.yaml,line=3,col=5::")
    message = line.split("::", 2)[2]
    assert "\n" not in line
    assert "100%25%0Ax" in message
    assert "%3A" not in message  # ':' and ',' stay as they are in the message


def test_github_annotation_without_location() -> None:
    problem = Problem("check.no_plans", {}, "", severity="warning")
    assert github_annotation(problem) == "::warning::no plan files in this folder"


def test_check_github_format(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", BROKEN)
    result = run("check", "--format", "github", today="2024-09-30")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines, result.output
    assert all(line.startswith(("::error file=plans/p.yaml,", "::warning ")) for line in lines)
    assert any("line=11,col=" in line and "mni" in line for line in lines)


def test_check_json_format(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", BROKEN)
    result = run("check", "--format", "json", today="2024-09-30")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    typo = next(f for f in findings if f["code"].startswith("plan.unknown_key"))
    assert typo["file"] == "plans/p.yaml"
    assert typo["line"] == 11
    assert typo["severity"] == "error"
    assert set(typo) == {"file", "line", "col", "severity", "code", "message", "hint"}


def test_check_json_clean_plan_is_empty_list(run: Run, bundled: Path) -> None:
    result = run("check", "--format", "json", today="2024-12-31")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


def test_check_a_ledger_checks_its_plan(run: Run, bundled: Path) -> None:
    result = run("check", "plans/jiaxing-2024.ledger.csv", today="2024-12-31")
    assert result.exit_code == 0, result.output
    assert "plans/jiaxing-2024.yaml" in result.stdout


def test_check_plan_and_ledger_together_counts_once(run: Run, bundled: Path) -> None:
    result = run(
        "check", "plans/jiaxing-2024.yaml", "plans/jiaxing-2024.ledger.csv", today="2024-12-31"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.count("jiaxing-2024.yaml") == 1


def test_check_ledger_of_a_yml_plan(run: Run, bundled: Path) -> None:
    (bundled.parent / "jiaxing-2024.yaml").rename(bundled.parent / "jiaxing-2024.yml")
    result = run("check", "plans/jiaxing-2024.ledger.csv", today="2024-12-31")
    assert result.exit_code == 0, result.output
    assert "jiaxing-2024.yml" in result.stdout


def test_check_unknown_format_is_usage_error(run: Run, bundled: Path) -> None:
    result = run("check", "--format", "xml")
    assert result.exit_code == 2
