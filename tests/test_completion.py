"""TAB completion through the shell protocol, read from the plan without pydantic or rich."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import REPO, write

PRIVATE = ("YWPLAN_CACHE_DIR", "YWPLAN_KEY_DIR")  # the test's cache and key, not the user's


def complete(cwd: Path, shell: str, line: str, **env: str) -> str:
    """Run ``python -m ywplan`` as the shell's completion script would, return its output."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("YWPLAN_", "_TYPER"))}
    environ.update({k: v for k, v in os.environ.items() if k in PRIVATE})  # not the home's
    environ["PYTHONPATH"] = str(REPO)
    environ["_YWPLAN_COMPLETE"] = f"complete_{shell}"
    if shell == "bash":
        words = line.split(" ")
        environ["COMP_WORDS"] = line
        environ["COMP_CWORD"] = str(len(words) - 1)
    else:
        environ["_TYPER_COMPLETE_ARGS"] = line
        if shell == "fish":
            environ["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
        if shell == "powershell":
            environ["_TYPER_COMPLETE_WORD_TO_COMPLETE"] = line.rsplit(" ", maxsplit=1)[-1]
    environ.update(env)
    done = subprocess.run(
        [sys.executable, "-m", "ywplan"],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def test_bash_targets(bundled: Path) -> None:
    out = complete(bundled.parent.parent, "bash", "ywplan log 2")
    lines = out.split()
    assert "26.cadre-training" in lines
    assert "2.speakers" in lines
    assert all(line.startswith("2") for line in lines)


def test_zsh_targets_carry_names_as_help(bundled: Path) -> None:
    out = complete(bundled.parent.parent, "zsh", "ywplan log 26")
    assert "'26.cadre-training:培训团干部 ≥400 人次'" in out
    assert out.rstrip().endswith("_describe -V values _ywplan_items")  # -V: in ywplan's order


def test_fish_units_after_unit_option(bundled: Path) -> None:
    out = complete(bundled.parent.parent, "fish", "ywplan status --unit 海")
    assert out.split() == ["海盐县", "海宁市"]


def test_powershell_quarters(bundled: Path) -> None:
    out = complete(bundled.parent.parent, "powershell", "ywplan status --quarter 2024Q")
    assert [line.split(":::")[0] for line in out.splitlines()] == [
        "2024Q1",
        "2024Q2",
        "2024Q3",
        "2024Q4",
    ]


def test_undo_ids_most_recent_first_without_reversed_ones(bundled: Path) -> None:
    ledger = bundled.with_name("jiaxing-2024.ledger.csv")
    rows = ledger.read_text(encoding="utf-8-sig").splitlines()[1:]
    last_id = rows[-1].split(",")[0]
    reversed_ids = {row.split(",")[9] for row in rows if row.split(",")[9]}
    out = complete(bundled.parent.parent, "fish", "ywplan undo ")
    ids = [line.split("\t")[0] for line in out.splitlines()]
    assert ids[0] == last_id or rows[-1].split(",")[9]
    assert not reversed_ids & set(ids)
    first_help = out.splitlines()[0].split("\t")[1]
    assert first_help.startswith("2024-")


def test_plan_option_already_typed_is_used(tmp_path: Path, bundled: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = complete(elsewhere, "bash", f"ywplan status --plan {bundled} --quarter ")
    assert out.split() == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    assert complete(elsewhere, "bash", "ywplan status --quarter ").split() == []


def test_plan_from_environment(tmp_path: Path, bundled: Path) -> None:
    out = complete(tmp_path, "bash", "ywplan log 26", YWPLAN_PLAN=str(bundled))
    assert out.split() == ["26.cadre-training"]


@pytest.mark.parametrize(
    "text",
    ["plan: [unclosed\n", "- a list\n", "items: 3\nyear: x\n", "\x00\x01 not yaml at all"],
)
def test_broken_plan_gives_no_completions(workdir: Path, text: str) -> None:
    (workdir / "plans" / "bad.yaml").write_text(text, encoding="utf-8")
    for line in (
        "ywplan log ",
        "ywplan status --unit ",
        "ywplan status --quarter ",
        "ywplan undo ",
    ):
        assert complete(workdir, "bash", line).split() == []


def test_completion_does_not_import_pydantic_or_rich(bundled: Path) -> None:
    probe = (
        "import os, sys, atexit\n"
        "atexit.register(lambda: print('HEAVY', sorted({m.split('.')[0] for m in sys.modules}"
        " & {'pydantic', 'rich'}), file=sys.stderr))\n"
        "sys.argv = ['ywplan']\n"
        "from ywplan.cli.main import main\n"
        "main()\n"
    )
    for shell, line in (("zsh", "ywplan log 26"), ("fish", "ywplan undo "), ("bash", "ywplan ")):
        environ = {k: v for k, v in os.environ.items() if not k.startswith("YWPLAN_")}
        environ.update({k: v for k, v in os.environ.items() if k in PRIVATE})
        environ.update(
            PYTHONPATH=str(REPO),
            _YWPLAN_COMPLETE=f"complete_{shell}",
            _TYPER_COMPLETE_ARGS=line,
            _TYPER_COMPLETE_FISH_ACTION="get-args",
            COMP_WORDS=line,
            COMP_CWORD=str(len(line.split(" ")) - 1),
        )
        done = subprocess.run(
            [sys.executable, "-c", probe],
            cwd=bundled.parent.parent,
            env=environ,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.stdout, done.stderr
        assert "HEAVY []" in done.stderr, done.stderr


def test_completion_functions_never_raise(workdir: Path) -> None:
    from ywplan.cli import completion

    ctx = SimpleNamespace(params={"plan": str(workdir / "missing.yaml")}, parent=None)
    for function in (
        completion.complete_target,
        completion.complete_unit,
        completion.complete_quarter,
        completion.complete_month,
        completion.complete_entry_id,
    ):
        assert function(ctx, [], "") == []


def test_month_completion(bundled: Path) -> None:
    from ywplan.cli.completion import complete_month

    ctx = SimpleNamespace(params={}, parent=None)
    assert [m for m, _ in complete_month(ctx, [], "2024-1")] == ["2024-10", "2024-11", "2024-12"]


def test_report_completes_months_and_quarters(bundled: Path) -> None:
    root = bundled.parent.parent
    assert complete(root, "bash", "ywplan report --month 2024-1").split() == [
        "2024-10",
        "2024-11",
        "2024-12",
    ]
    assert complete(root, "bash", "ywplan report --quarter 2024Q").split() == [
        "2024Q1",
        "2024Q2",
        "2024Q3",
        "2024Q4",
    ]


def test_show_completion_script(bundled: Path) -> None:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("YWPLAN_")}
    environ["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-m", "ywplan", "--show-completion", "bash"],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "_YWPLAN_COMPLETE=complete_bash" in done.stdout


def test_write_target_plan_for_quarters_of_another_year(workdir: Path) -> None:
    write(
        workdir / "plans" / "p.yaml",
        """
        plan: x
        org: y
        year: 2031
        items: []
        """,
    )
    assert complete(workdir, "bash", "ywplan status --quarter ").split()[0] == "2031Q1"


def test_install_completion_in_chinese(tmp_path: Path) -> None:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("YWPLAN_")}
    environ.update(PYTHONPATH=str(REPO), HOME=str(tmp_path), SHELL="/bin/bash")
    done = subprocess.run(
        [sys.executable, "-m", "ywplan", "--lang", "zh", "--install-completion"],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "TAB 补全" in done.stdout
    assert "重新打开终端后生效" in done.stdout
    script = next((tmp_path / ".bash_completions").iterdir()).read_text(encoding="utf-8")
    assert "_YWPLAN_COMPLETE=complete_bash" in script
