"""``ywplan --help`` is answered without typer once typer has printed it in the same
context, with exactly typer's text; any other context, a damaged entry, or no cache
goes to typer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_quick_start import _ywplan


def _env(**extra: str) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("_YWPLAN", "_TYPER"))}
    environ.update(PYTHONPATH=str(REPO), **extra)
    return environ


def _typer_says(cwd: Path, environ: dict[str, str], *args: str) -> str:
    printed, imported = _ywplan(cwd, {**environ, "YWPLAN_CACHE": "off"}, *args)
    assert imported == "typer"
    return printed


CONTEXTS = [
    ("--help", {"YWPLAN_LANG": "en", "COLUMNS": "80"}),
    ("-h", {"YWPLAN_LANG": "zh", "COLUMNS": "80"}),
    ("--help", {"YWPLAN_LANG": "zh", "COLUMNS": "132"}),
    ("--help", {"YWPLAN_LANG": "en", "COLUMNS": "50", "NO_COLOR": "1"}),
]


@pytest.mark.parametrize(("flag", "extra"), CONTEXTS)
def test_help_is_answered_without_typer_as_typer_answers(
    tmp_path: Path, flag: str, extra: dict[str, str]
) -> None:
    environ = _env(**extra)
    first, imported = _ywplan(tmp_path, environ, flag)
    assert imported == "typer"  # the first run asks typer and keeps its text
    quick, imported = _ywplan(tmp_path, environ, flag)
    assert imported == "light"
    assert quick == first == _typer_says(tmp_path, environ, flag)


def test_another_context_or_a_damaged_entry_goes_to_typer(tmp_path: Path) -> None:
    environ = _env(YWPLAN_LANG="en", COLUMNS="80")
    _ywplan(tmp_path, environ, "--help")
    assert _ywplan(tmp_path, environ, "--help")[1] == "light"
    for other in ({"COLUMNS": "100"}, {"YWPLAN_LANG": "zh"}, {"FORCE_COLOR": "1"}):
        printed, imported = _ywplan(tmp_path, {**environ, **other}, "--help")
        assert imported == "typer"
        assert printed == _typer_says(tmp_path, {**environ, **other}, "--help")
    folder = Path(os.environ["YWPLAN_CACHE_DIR"])
    for entry in folder.glob("*.help-*"):
        data = entry.read_bytes()
        entry.write_bytes(data[:-3] + b"xyz")  # the same size, not what was sealed
    printed, imported = _ywplan(tmp_path, environ, "--help")
    assert imported == "typer"
    assert printed == _typer_says(tmp_path, environ, "--help")


def test_only_the_top_level_help_is_kept(tmp_path: Path) -> None:
    environ = _env(YWPLAN_LANG="en", COLUMNS="80")
    for args in (["log", "--help"], ["--help", "--lang", "zh"], ["--version"]):
        for _ in range(2):
            imported = _ywplan(tmp_path, environ, *args)[1]
            assert imported == ("light" if args == ["--version"] else "typer")
    assert not list(Path(os.environ["YWPLAN_CACHE_DIR"]).glob("*.help-*"))
