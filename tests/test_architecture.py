"""The house: layers import one way, each concept has one home, and the seams hold.

Layers, from the bottom: the base modules (errors, i18n, catalog, safetext,
diagnostics), ``core`` (pure), ``store`` (files) and ``reports`` (tables), ``render``
(formats), ``app`` (one engine per command), ``cli`` (typer). A module may import its
own layer and the layers below it, never above.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, Run, write
from tests.test_completion import complete
from ywplan.core import rules
from ywplan.core.model import Entry
from ywplan.errors import Problem

PACKAGE = REPO / "ywplan"
BASE = {"errors", "i18n", "catalog", "safetext", "diagnostics", "__init__", "__main__"}
# what each layer may import from ywplan, besides itself and the base modules
ALLOWED = {
    "core": {"importing"},  # a plan rule asks the importer's phrases what a quantity is
    "store": {"core"},
    "reports": {"core"},
    "render": {"core", "reports", "store"},
    "app": {"core", "store", "reports", "render", "importing"},
    "cli": {"core", "store", "render", "app"},
    "importing": set(),
}


def _imports(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_each_layer_imports_only_the_layers_below_it(layer: str) -> None:
    wrong = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for module in _imports(path):
            if not module.startswith("ywplan."):
                continue
            used = _layer(module)
            if used not in BASE and used != layer and used not in ALLOWED[layer]:
                wrong.append(f"{path.relative_to(REPO)} imports {module}")
    assert not wrong


def test_the_core_and_the_store_print_nothing() -> None:
    for folder in ("core", "store", "reports"):
        for path in (PACKAGE / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "print(" not in text and "sys.stdout" not in text, path


def test_typer_and_click_internals_are_used_in_one_module() -> None:
    users = []
    for path in PACKAGE.rglob("*.py"):
        for module in _imports(path):
            if module.startswith(("typer._", "typer.main", "typer.rich_utils", "click")):
                users.append(path.relative_to(PACKAGE).as_posix())
    assert set(users) == {"cli/typer_compat.py"}


def _code_strings(path: Path) -> Iterator[str]:
    """The string constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            yield node.value


def test_the_comparison_symbols_are_written_in_one_place() -> None:
    # The importer reads ≥ in a plan's text as one comparator phrase among 不少于, 以上 …
    found = sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.name != "catalog.py"
        and path.parent.name != "importing"
        and any("≥" in s or "≤" in s for s in _code_strings(path))
    )
    assert found == ["core/kinds.py"]


# --- one rule, applied alike by log, check and the ledger index -------------------------


def test_an_entry_rule_added_once_is_applied_by_log_check_and_the_index(
    run: Run, bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new rule (no amount above 1000) in ENTRY_RULES reaches every path without more code."""

    def at_most_1000(plan: object, amount: object, today: dt.date) -> Problem | None:
        if isinstance(amount, float) and amount > 1000:
            return Problem("entry.amount_not_positive", {"amount": amount}, col=5)
        return None

    def with_rule() -> None:
        extra = rules.EntryRule("amount", rules._amount_of, at_most_1000)
        monkeypatch.setattr(rules, "ENTRY_RULES", (*rules.ENTRY_RULES, extra))

    today = "2024-12-31"
    assert run("status", today=today).exit_code == 0  # the index is built, clean
    with_rule()
    refused = run("log", "26", "1001", today=today)
    assert refused.exit_code == 1 and "1001" in refused.stderr
    ledger = bundled.with_name("jiaxing-2024.ledger.csv")
    row = "zzzz0000zzzz0000,2024-05-01,26,cadre-training,5000,,,t,2024-05-01T10:00:00+08:00,\n"
    with ledger.open("a", encoding="utf-8") as handle:
        handle.write(row)
    checked = run("check", today=today)
    last = len(ledger.read_text(encoding="utf-8").splitlines())
    assert checked.exit_code == 1 and f"{ledger.name}:{last}:5: error" in checked.stderr
    errors = re.search(r"(\d+) error", checked.stderr.splitlines()[-1])
    assert errors is not None
    logged = run("log", "26", "1", today=today)  # served by the index: it counts the new rule
    assert logged.exit_code == 0
    assert f"the ledger has {errors[1]} error(s)" in logged.stderr
    assert run("status", today=today).exit_code == 1  # refused, as check refuses


def test_an_entry_rule_on_rows_without_an_amount_is_applied_by_note_check_and_the_index(
    run: Run, bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new rule on progress notes (SPEC §6 rows) reaches ``note``, ``check`` and the
    ledger index (which keeps these rows whole) without more code."""

    def no_draft(plan: object, text: object, today: dt.date) -> Problem | None:
        if isinstance(text, str) and text.startswith("草稿"):
            return Problem("entry.empty_note", {}, col=7)
        return None

    def note_text(entry: Entry) -> str | None:
        return entry.note if not entry.target and not entry.corrects else None

    today = "2024-12-31"
    assert run("note", "4", "草稿:初稿", today=today).exit_code == 0  # before the rule
    assert run("status", today=today).exit_code == 0  # the index is built, with the row
    extra = rules.EntryRule("note", note_text, no_draft, indexed=False)
    monkeypatch.setattr(rules, "ENTRY_RULES", (*rules.ENTRY_RULES, extra))
    refused = run("note", "4", "草稿:又一稿", today=today)
    assert refused.exit_code == 1 and "the progress note is empty" in refused.stderr
    checked = run("check", today=today)
    assert checked.exit_code == 1 and "1 error" in checked.stderr.splitlines()[-1]
    logged = run("log", "26", "1", today=today)  # served by the index: it counts the new rule
    assert logged.exit_code == 0 and "the ledger has 1 error(s)" in logged.stderr


def test_the_entry_rules_judge_each_distinct_value_once() -> None:
    calls: list[object] = []
    plan_text = (REPO / "plans" / "jiaxing-2024.yaml").read_text(encoding="utf-8")
    from ywplan.store.plan_file import parse_plan

    plan = parse_plan(plan_text).plan
    assert plan is not None
    entry = Entry("a" * 16, dt.date(2024, 5, 1), 26, "cadre-training", 5.0, "", "", "", "", "")
    entries = [entry._replace(id=f"{n:016d}", line=n) for n in range(2, 1002)]
    judge = rules.ENTRY_RULES[1].judge

    def counting(*args: object) -> Problem | None:
        calls.append(args[1])
        return judge(*args)  # type: ignore[arg-type]

    rule = rules.ENTRY_RULES[1]
    patched = (rules.ENTRY_RULES[0], rules.EntryRule(rule.field, rule.value, counting))
    original = rules.ENTRY_RULES
    try:
        rules.ENTRY_RULES = (*patched, *original[2:])
        assert rules.each_entry(plan, entries, dt.date(2024, 12, 31)) == []
    finally:
        rules.ENTRY_RULES = original
    assert calls == [dt.date(2024, 5, 1)]


# --- every command with --format takes every format of the registry ----------------------


@pytest.mark.parametrize(
    ("args", "marker"),
    [
        (("status", "--format", "md"), "| "),
        (("status", "--format", "txt"), "---"),
        (("entries", "--format", "markdown"), "| "),
        (("units", "--format", "MD"), "| "),
    ],
)
def test_the_same_format_names_everywhere(
    run: Run, bundled: Path, args: tuple[str, ...], marker: str
) -> None:
    result = run(*args, today="2024-12-31")
    assert result.exit_code == 0, result.stderr
    assert marker in result.stdout


@pytest.mark.parametrize(
    ("args", "name", "start"),
    [
        (("status",), "s.html", b"<!DOCTYPE html>"),
        (("units",), "u.xlsx", b"PK"),
        (("entries",), "e.csv", "\ufeffid,date".encode()),
        (("status", "--format", "json"), "s.out", b"{"),
    ],
)
def test_output_files_for_every_command(
    run: Run, bundled: Path, args: tuple[str, ...], name: str, start: bytes
) -> None:
    target = bundled.parent.parent / name
    result = run(*args, "-o", str(target), today="2024-12-31")
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes().startswith(start)


# --- TAB completion finds the plan the command line finds --------------------------------


def test_completion_skips_hidden_yaml_as_the_cli_does(run: Run, bundled: Path) -> None:
    write(bundled.parent / ".pre-commit-config.yaml", "repos: []\n")
    assert run("status", today="2024-12-31").exit_code == 0
    out = complete(bundled.parent.parent, "bash", "ywplan log 26")
    assert "26.cadre-training" in out.split()


# --- a missing typer internal degrades, never crashes -------------------------------------


def test_without_typer_internals_ywplan_still_runs(
    run: Run, bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ywplan.cli import typer_compat, usage

    monkeypatch.setattr(typer_compat, "_module", lambda *names: None)
    monkeypatch.setattr(typer_compat, "_click", lambda name: None)
    monkeypatch.setattr(typer_compat, "_PLAIN", [])
    monkeypatch.setattr(usage, "_CONTEXT", [])
    result = run("status", "--format", "json", today="2024-12-31")
    assert result.exit_code == 0 and '"plan"' in result.stdout
    assert run("status", "--help").exit_code == 0


def test_a_copy_of_the_bundled_plan_is_found(tmp_path: Path) -> None:
    shutil.copy(REPO / "plans" / "jiaxing-2024.yaml", tmp_path / "p.yaml")
    from ywplan.store.discovery import find_plan

    assert find_plan(str(tmp_path), {}, tmp_path) == tmp_path / "p.yaml"


@pytest.mark.parametrize(
    "name", ["plans/jiaxing-2024.ledger.csv", "plans/jiaxing-2024.yaml", "x.YML"]
)
@pytest.mark.parametrize("command", ["status", "entries", "units", "report"])
def test_an_output_never_replaces_a_plan_or_a_ledger(
    run: Run, bundled: Path, command: str, name: str
) -> None:
    """-o came to status and entries with the registry: the guard is in the one writer."""
    target = bundled.parent.parent / name
    before = target.read_bytes() if target.exists() else None
    result = run(command, "--format", "html", "-o", str(target), today="2024-12-31")
    assert result.exit_code == 1
    assert "is a plan or a ledger and would be replaced" in result.stderr
    assert (target.read_bytes() if target.exists() else None) == before


def test_an_output_through_a_link_to_the_ledger_is_refused(run: Run, bundled: Path) -> None:
    ledger = bundled.with_name("jiaxing-2024.ledger.csv")
    before = ledger.read_bytes()
    link = bundled.parent.parent / "out.html"
    link.symlink_to(ledger)
    result = run("status", "-o", str(link), today="2024-12-31")
    assert result.exit_code == 1 and "would be replaced" in result.stderr
    assert link.is_symlink() and ledger.read_bytes() == before
