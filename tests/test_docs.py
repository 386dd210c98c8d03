"""Every command has help in both languages and is documented in the Chinese guide."""

from __future__ import annotations

import re

import pytest
import typer.main

from tests.conftest import REPO
from ywplan import __version__
from ywplan.catalog import CATALOG
from ywplan.cli.main import _LAZY

GUIDE = (REPO / "docs" / "guide.zh.md").read_text(encoding="utf-8")
# The commands as registered, before a run translates their help keys.
COMMANDS = {
    name: typer.main.get_command_from_info(
        info, pretty_exceptions_short=True, rich_markup_mode=None
    )
    for name, info in _LAZY.items()
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_has_help_in_both_languages(name: str) -> None:
    command = COMMANDS[name]
    assert command.help in CATALOG, f"{name}: help is not a catalog key"
    zh, en = CATALOG[command.help]
    assert zh and en
    for param in command.params:
        if param.name in ("lang", "plan", "format"):
            continue
        assert getattr(param, "help", None) in CATALOG, f"{name} {param.name}: no catalog help"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_is_in_the_guide(name: str) -> None:
    assert re.search(rf"^#+ .*ywplan {name}\b", GUIDE, re.M), f"no section for ywplan {name}"
    assert f"$ ywplan {name}" in GUIDE, f"no example of ywplan {name}"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_help_runs(name: str, lang: str, run: object) -> None:
    result = run(name, "--help", lang=lang)  # type: ignore[operator]
    assert result.exit_code == 0
    zh, en = CATALOG[COMMANDS[name].help]
    shown = re.sub(r"[\s│]", "", result.stdout)
    assert re.sub(r"\s", "", (zh if lang == "zh" else en)[:12]) in shown


def test_changelog_has_this_version() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{__version__}]" in changelog


def test_ci_docs_and_hook_exist() -> None:
    assert "ywplan check --format github" in (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: ywplan-check" in hooks


def test_guide_outputs_are_real() -> None:
    # the guide's check output names the bundled plan with its real counts
    assert "30 个事项,22 个目标" in GUIDE


def test_every_test_the_reliability_page_names_exists() -> None:
    # The threat table names the test that guards each row; a renamed test must not
    # leave the page pointing at nothing.
    page = (REPO / "docs" / "reliability.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\b(test_[a-z0-9_]+?)(?:\*|\b)", page))
    sources = "".join(p.read_text(encoding="utf-8") for p in (REPO / "tests").glob("*.py"))
    defined = set(re.findall(r"^def (test_[a-z0-9_]+)", sources, re.M))
    files = {p.stem for p in (REPO / "tests").glob("test_*.py")}
    missing = {
        name for name in named if name not in files and not any(d.startswith(name) for d in defined)
    }
    assert not missing, f"docs/reliability.md names tests that do not exist: {sorted(missing)}"
