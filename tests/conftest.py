"""Shared fixtures: a CLI runner in a chosen language, and plans written into tmp folders."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ywplan.cli.main import app
from ywplan.i18n import Lang, set_lang

REPO = Path(__file__).resolve().parents[1]
BUNDLED_PLAN = REPO / "plans" / "jiaxing-2024.yaml"


@dataclass
class Result:
    """What a command printed and how it exited."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        """stdout and stderr together."""
        return self.stdout + self.stderr


Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in English with a fixed environment, whatever the machine's locale."""
    for name in (
        "YWPLAN_PLAN",
        "YWPLAN_LANG",
        "YWPLAN_TODAY",
        "YWPLAN_BY",
        "LC_ALL",
        "LC_MESSAGES",
        "LANGUAGE",
        "COLUMNS",  # honoured even when piped: a CI runner's width must not change tables
        "LINES",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("YWPLAN_BY", "tester")
    monkeypatch.setenv("YWPLAN_DEBUG", "1")  # a bug in ywplan fails the test with its traceback
    set_lang("en")


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ledger indexes (ywplan.store.index) and the key sealing them go to temporary folders,
    never the user's cache and config."""
    monkeypatch.setenv("YWPLAN_CACHE_DIR", str(tmp_path_factory.mktemp("ywplan-cache")))
    monkeypatch.setenv("YWPLAN_KEY_DIR", str(tmp_path_factory.mktemp("ywplan-key")))
    monkeypatch.delenv("YWPLAN_CACHE", raising=False)


def runner() -> CliRunner:
    """A runner that keeps stderr apart (click < 8.2 mixes it in unless told not to)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg, unused-ignore]
    except TypeError:  # click 8.2+: always apart, and no such argument
        return CliRunner()


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run ``ywplan ARGS`` in-process; ``lang=`` picks the language, ``today=`` fixes the date."""

    def invoke(
        *args: str, lang: Lang = "en", today: str | None = None, input: str | None = None
    ) -> Result:
        if today is not None:
            monkeypatch.setenv("YWPLAN_TODAY", today)
        monkeypatch.setenv("YWPLAN_LANG", lang)
        result = runner().invoke(app, list(args), input=input, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder with ``plans/`` made the current directory."""
    (tmp_path / "plans").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def bundled(workdir: Path) -> Path:
    """The bundled Jiaxing plan and demo ledger copied into a fresh work folder."""
    for name in ("jiaxing-2024.yaml", "jiaxing-2024.ledger.csv"):
        shutil.copy(REPO / "plans" / name, workdir / "plans" / name)
    return workdir / "plans" / "jiaxing-2024.yaml"


def write(path: Path, text: str) -> Path:
    """Write dedented *text* to *path* (UTF-8) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path
