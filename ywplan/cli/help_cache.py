"""``ywplan --help`` without typer: the text typer printed last time, kept per context.

typer formats help with rich, whose import (with markdown-it) costs more than typer's
own. The top-level help is the same text whenever everything it depends on is the same:
ywplan's code and its help texts, typer's and rich's, the interpreter, the program name,
the language, the terminal (its size, whether it is one, its encoding) and the settings
rich and typer read from the environment. All of that is hashed into the name of a
cache entry; the entry is sealed under the user's key and tied to the catalog file as
it is (``store.cachefile``). The first run in a context goes to typer and keeps what it
printed; later runs print it as it was. Nothing is kept when typer fails or prints to
stderr, or when there is no cache.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import IO, Any

HELP_ARGS = (["--help"], ["-h"])
# What rich, typer or ywplan's language read from the environment to shape the help.
_ENV_PREFIXES = ("YWPLAN_", "LC_", "LANG", "TTY_", "JUPYTER_", "_TYPER", "TYPER_")
_ENV_NAMES = frozenset(
    {
        "TERM",
        "COLORTERM",
        "NO_COLOR",
        "FORCE_COLOR",
        "PY_COLORS",
        "COLUMNS",
        "LINES",
        "TERMINAL_WIDTH",
        "GITHUB_ACTIONS",
        "DATABRICKS_RUNTIME_VERSION",
        "PYTHONIOENCODING",
        "PYTHONUTF8",
    }
)
_PACKAGE = Path(__file__).resolve().parent.parent
_CODE = ("__init__.py", "catalog.py", "i18n.py")  # and every module of ywplan/cli


def _files() -> list[Path]:
    """The files whose change can change the help: ywplan's, typer's, rich's."""
    from importlib.util import find_spec

    found = [_PACKAGE / name for name in _CODE]
    found += sorted((_PACKAGE / "cli").glob("*.py"))
    for name in ("typer", "rich"):
        spec = find_spec(name)
        if spec is not None and spec.origin:
            found.append(Path(spec.origin))
    return found


def _terminal(fd: int) -> str:
    try:
        size = os.get_terminal_size(fd)
    except (OSError, ValueError):
        size = None
    return f"{fd}:{os.isatty(fd) if fd >= 0 else False}:{size}"


def _kind(argv: list[str]) -> str:
    """The cache entry's name for this run's context (see the module's docstring)."""
    parts = [sys.version, sys.executable, sys.argv[0], *argv, str(sys.stdout.encoding)]
    parts += sorted(
        f"{name}={value}"
        for name, value in os.environ.items()
        if name in _ENV_NAMES or name.startswith(_ENV_PREFIXES)
    )
    parts += [_terminal(fd) for fd in range(3)]
    for path in _files():
        found = path.stat()
        parts.append(f"{path}:{found.st_size}:{found.st_mtime_ns}:{found.st_ino}")
    digest = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return f"help-{digest[:32]}"


def cached_help(argv: list[str]) -> str | None:
    """The help typer printed in this context before, or None (ask typer)."""
    if argv not in HELP_ARGS:
        return None
    from ywplan.store.cachefile import read_derived

    try:
        found = read_derived(_kind(argv), _PACKAGE / "catalog.py")
    except OSError:
        return None
    return found if type(found) is str and found else None


class _Recorder:
    """Standard output as typer sees it (a terminal or not, its size and encoding),
    keeping a copy of what is written."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.written: list[str] = []

    def write(self, text: str) -> int:
        count = self.stream.write(text)  # raises on bytes, as click's probe expects
        self.written.append(text)
        return count

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def run_keeping_help(argv: list[str], run: Any) -> None:
    """*run* the typer app; for a help request, keep what it printed for next time."""
    if argv not in HELP_ARGS:
        run()
        return
    kind = _kind(argv)  # the context before typer runs
    out, err = sys.stdout, sys.stderr
    recorder, errors = _Recorder(out), _Recorder(err)
    sys.stdout, sys.stderr = recorder, errors
    try:
        run()
    except SystemExit as stop:
        if stop.code in (0, None) and not errors.written and recorder.written:
            _keep(kind, "".join(recorder.written))
        raise
    finally:
        sys.stdout, sys.stderr = out, err


def _keep(kind: str, text: str) -> None:
    from ywplan.store.cachefile import write_derived

    write_derived(kind, _PACKAGE / "catalog.py", text)
