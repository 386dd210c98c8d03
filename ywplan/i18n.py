"""Choosing the language (zh or en) and looking messages up in the catalog.

The language comes from ``--lang``, else ``$YWPLAN_LANG``, else the locale. It is set
once per run with :func:`set_lang`; everything that prints asks :func:`t`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import Any, Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

_current: list[Lang] = ["en"]


def parse_lang(value: str) -> Lang | None:
    """Read a language name as a user or a locale writes it (``zh``, ``zh_CN.UTF-8``, ``en``)."""
    value = value.strip().lower().replace("-", "_")
    if value.startswith("zh") or value.startswith("chinese"):
        return "zh"
    if value.startswith("en") or value in ("c", "posix"):
        return "en"
    return None


def _locale_lang(environ: Mapping[str, str]) -> Lang:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(name)
        if value:
            return parse_lang(value) or "en"
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import locale

        return parse_lang(locale.getlocale()[0] or "") or "en"
    return "en"


def detect_lang(argv: Sequence[str], environ: Mapping[str, str]) -> Lang:
    """The language for this run: ``--lang`` in *argv*, else ``YWPLAN_LANG``, else the locale."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return parse_lang(argv[i + 1]) or "en"
        if arg.startswith("--lang="):
            return parse_lang(arg.split("=", 1)[1]) or "en"
    env = environ.get("YWPLAN_LANG")
    if env and (lang := parse_lang(env)):
        return lang
    return _locale_lang(environ)


def set_lang(lang: Lang) -> None:
    """Make *lang* the language of every message from now on."""
    _current[0] = lang


def get_lang() -> Lang:
    """The language messages are printed in."""
    return _current[0]


def t(key: str, /, _default: str | None = None, **args: Any) -> str:
    """The catalog message *key* in the current language, formatted with *args*."""
    from ywplan.catalog import CATALOG

    entry = CATALOG.get(key)
    if entry is None:
        if _default is not None:
            return _default
        raise KeyError(key)
    template = entry[0] if _current[0] == "zh" else entry[1]
    if not args:
        return template
    from ywplan.safetext import shown

    # Values come from files and the command line: never echo one whole, nor let it
    # drive the terminal (see ywplan.safetext). A placeholder without a value prints
    # empty rather than crash a message.
    values = {
        k: shown(os.fspath(v)) if isinstance(v, str | PurePath) else v for k, v in args.items()
    }
    return template.format_map(_Blank(values))


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""
