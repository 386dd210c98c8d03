"""``--version`` and ``ywplan log <TAB>`` are answered before typer is imported, and print
exactly what the typer app prints; anything the quick path is not sure of goes to typer.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_completion import PRIVATE
from ywplan.store import cachefile

# ``python -m ywplan`` that says on its last stderr line whether typer was imported
PROBE = """
import sys
try:
    from ywplan.cli.main import main
    main()
finally:
    sys.stderr.write("typer" if "typer" in sys.modules else "light")
"""


def _shell_env(shell: str, line: str, comp_type: str) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("YWPLAN_", "_TYPER"))}
    environ.update({k: v for k, v in os.environ.items() if k in PRIVATE})
    environ.update(PYTHONPATH=str(REPO), _YWPLAN_COMPLETE=f"complete_{shell}")
    if shell == "bash":
        environ.update(
            COMP_WORDS=line, COMP_CWORD=str(len(line.split(" ")) - 1), COMP_TYPE=comp_type
        )
    else:
        environ["_TYPER_COMPLETE_ARGS"] = line
    return environ


def _ywplan(cwd: Path, environ: dict[str, str], *args: str) -> tuple[str, str]:
    """(stdout, what was imported) of ``ywplan ARGS`` run as the console script runs."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    *_, imported = done.stderr.splitlines() or [""]
    return done.stdout, imported


LINES = [
    ("bash", "ywplan log ", "9"),
    ("bash", "ywplan log 2", "9"),
    ("bash", "ywplan log 2", "63"),  # bash lists them: each with its help
    ("bash", "ywplan log 26", "63"),
    ("bash", "ywplan log zz", "9"),
    ("zsh", "ywplan log 2", ""),
    ("zsh", "ywplan log ", ""),
    ("zsh", "ywplan log nothing", ""),
]


@pytest.mark.parametrize(("shell", "line", "comp_type"), LINES)
def test_tab_on_log_is_answered_without_typer_as_typer_answers(
    bundled: Path, shell: str, line: str, comp_type: str
) -> None:
    cwd = bundled.parent.parent
    environ = _shell_env(shell, line, comp_type)
    slow, imported = _ywplan(cwd, environ)
    assert imported == "typer"  # the first TAB reads the plan, and keeps its targets
    quick, imported = _ywplan(cwd, environ)
    assert imported == "light"
    assert quick == slow


def test_an_edited_plan_is_read_again(bundled: Path) -> None:
    cwd = bundled.parent.parent
    environ = _shell_env("bash", "ywplan log 2", "9")
    before, _ = _ywplan(cwd, environ)
    assert "26.cadre-training" in before.split()
    text = bundled.read_text(encoding="utf-8").replace("cadre-training", "cadre-trainees")
    bundled.write_text(text, encoding="utf-8")
    after, imported = _ywplan(cwd, environ)
    assert imported == "typer"
    assert "26.cadre-trainees" in after.split() and "26.cadre-training" not in after.split()
    assert _ywplan(cwd, environ) == (after, "light")


def test_a_target_list_sealed_under_another_key_is_not_used(bundled: Path) -> None:
    cwd = bundled.parent.parent
    environ = _shell_env("bash", "ywplan log 2", "9")
    honest, _ = _ywplan(cwd, environ)
    (cached,) = Path(os.environ["YWPLAN_CACHE_DIR"]).glob("*.targets")
    payload = cached.read_bytes()[len(cachefile._magic("targets")) + 32 :]
    forged = payload.replace(b"26.cadre-training", b"26.cadre-trainin9")
    cached.write_bytes(cachefile.seal(forged, bytes(32), cachefile._magic("targets")))
    assert _ywplan(cwd, environ) == (honest, "typer")


@pytest.mark.parametrize(
    "line",
    [
        "ywplan log --plan plans/jiaxing-2024.yaml 2",  # an option: typer parses it
        "ywplan note 2",
        "ywplan log 26 ",  # the amount, not the target
        "ywplan 'log' 2",  # quoted: split as the shell quotes
    ],
)
def test_other_lines_go_to_typer(bundled: Path, line: str) -> None:
    cwd = bundled.parent.parent
    environ = _shell_env("bash", line, "9")
    _ywplan(cwd, environ)
    assert _ywplan(cwd, environ)[1] == "typer"


def test_version_is_answered_without_typer_as_typer_answers(bundled: Path) -> None:
    environ = {**os.environ, "PYTHONPATH": str(REPO)}
    quick = _ywplan(bundled.parent.parent, environ, "--version")
    slow = _ywplan(bundled.parent.parent, environ, "--lang", "en", "--version")
    assert quick == (slow[0], "light") and slow[1] == "typer"
    assert quick[0].startswith("ywplan ")
