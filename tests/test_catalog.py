"""The one zh/en message catalog: complete, consistent, and exactly what the code uses."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from ywplan.catalog import CATALOG

PACKAGE = Path(__file__).resolve().parents[1] / "ywplan"
SOURCES = {
    path: path.read_text(encoding="utf-8")
    for path in sorted(PACKAGE.rglob("*.py"))
    if path.name != "catalog.py"
}
CODE = "\n".join(SOURCES.values())

# Keys built at run time from a prefix and a value: t("state." + value), t(f"col.{key}").
DYNAMIC_PREFIXES = set(re.findall(r"""f["']([a-z_.]+[._])\{""", CODE)) | set(
    re.findall(r"""["']([a-z_.]+[._])["']\s*\+""", CODE)
)

# A string literal that looks like a catalog key: dotted lowercase words.
KEY_LITERAL = re.compile(r"""(?<![\w.])["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)["']""")
# Where a key is passed: t("…"), Problem("…"), YwplanError("…"), UsageError("…"), _fail("…"),
# help="…", and "key": lookups (severity names are keys too: t(problem.severity)).
KEY_CALL = re.compile(
    r"""(?:\bt|Problem|YwplanError|UsageError|_fail|help=)\(?\s*["']([a-z][a-z0-9_.]*)["']"""
)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_both_languages_present_with_same_placeholders(key: str) -> None:
    zh, en = CATALOG[key]
    assert zh.strip(), f"{key}: empty Chinese text"
    assert en.strip(), f"{key}: empty English text"
    assert placeholders(zh) == placeholders(en), key


def test_hints_belong_to_a_message() -> None:
    orphans = [k for k in CATALOG if k.endswith(".hint") and k[: -len(".hint")] not in CATALOG]
    assert not orphans


def test_every_key_the_code_passes_exists() -> None:
    used = set(KEY_CALL.findall(CODE))
    help_keys = set(re.findall(r"""["'](help\.[a-z0-9_.]+)["']""", CODE))
    missing = sorted(k for k in used | help_keys if k not in CATALOG and k not in DYNAMIC_PREFIXES)
    assert not missing, f"keys used in the code but not in the catalog: {missing}"


def test_every_key_is_used_somewhere() -> None:
    literals = set(KEY_LITERAL.findall(CODE))
    dead = [
        key
        for key in CATALOG
        if not key.endswith(".hint")
        and key not in literals
        and f'"{key}"' not in CODE
        and not any(key.startswith(prefix) for prefix in DYNAMIC_PREFIXES)
        and key not in ("error", "warning", "hint")  # t(problem.severity), t("hint")
    ]
    assert not dead, f"catalog keys no code uses: {dead}"


def test_dynamic_prefixes_are_found() -> None:
    assert {"state.", "col."} <= DYNAMIC_PREFIXES


def test_catalog_sections_only_hold_their_keys() -> None:
    text = (PACKAGE / "catalog.py").read_text(encoding="utf-8")
    keys = re.findall(r'^    "([^"]+)": \(', text, re.M)
    assert len(keys) == len(set(keys)) == len(CATALOG), "a key is defined twice"


def test_every_problem_in_a_file_says_how_to_fix_it() -> None:
    kinds = ("plan.", "ledger.", "entry.", "yaml.", "file.")
    problems = [k for k in CATALOG if k.startswith(kinds) and not k.endswith(".hint")]
    assert [k for k in problems if k + ".hint" not in CATALOG] == []
