"""The formats ywplan writes: one registry of names, aliases, file extensions and writers.

Every command with ``--format`` resolves the name here, so ``md`` means ``markdown`` for
``status`` as for ``report``, and ``-o x.xlsx`` means xlsx for every command. A writer
is ``write(output, to_file) -> str | bytes`` over an :class:`~ywplan.reports.table.Output`,
named as ``module:function`` and imported only when that format is written (openpyxl
and rich load only for the runs that need them). This module is imported at start-up
and imports nothing heavy.

To add a format: its writer module in ``ywplan/render/`` and one line in :data:`FORMATS`.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ywplan.errors import UsageError, YwplanError
from ywplan.i18n import t

if TYPE_CHECKING:
    from ywplan.reports.table import Output

Writer = Callable[["Output", bool], "str | bytes"]
RunsWriter = Callable[["Output", bool], Iterator[str]]


@dataclass(frozen=True, slots=True)
class Format:
    """A format: its name, other names users type, file extensions, and its writer."""

    name: str
    aliases: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()
    binary: bool = False  # needs -o: never written to a terminal
    writer: str = ""  # "module:function"; '' for check's findings-only format
    terminal: bool = False  # prints itself on the terminal; a file gets txt instead
    runs_writer: str = ""  # "module:function" writing a long listing a run at a time

    def write(self, output: Output, to_file: bool) -> str | bytes:
        """The output in this format (the terminal view prints itself and returns ''),
        the garbage collector paused (:func:`collector_paused`)."""
        writer: Writer = _imported(self.writer)
        with collector_paused():
            return writer(output, to_file)

    def pieces(self, output: Output, to_file: bool) -> Iterator[str | bytes]:
        """The output in this format in pieces, written as they come: a long listing's
        runs (:class:`~ywplan.reports.table.Output`) when this format writes runs, else
        the whole output as one piece (:meth:`write`)."""
        if not self.runs_writer or (output.export_runs is None and output.data_runs is None):
            yield self.write(output, to_file)
            return
        writer: RunsWriter = _imported(self.runs_writer)
        with collector_paused():
            yield from writer(output, to_file)


def _imported(name: str) -> Any:
    """The function a "module:function" name names, its module imported now."""
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the garbage collector while a report is measured or written.

    A report makes a measure, a cell, a row or an element for every value and keeps
    them all until it is written, making no reference cycles: each collection this
    would trigger rescans everything made so far (and the plan and ledger behind it)
    to free nothing.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


FORMATS: tuple[Format, ...] = (
    Format("table", ("terminal",), (), writer="ywplan.render.terminal:write", terminal=True),
    Format("txt", ("text",), (".txt",), writer="ywplan.render.text:write"),
    Format("markdown", ("md",), (".md", ".markdown"), writer="ywplan.render.markdown:write"),
    Format(
        "csv",
        (),
        (".csv",),
        writer="ywplan.render.csv:write",
        runs_writer="ywplan.render.csv:write_runs",
    ),
    Format("html", ("htm",), (".html", ".htm"), writer="ywplan.render.html:write"),
    Format("xlsx", (), (".xlsx",), binary=True, writer="ywplan.render.xlsx:write"),
    Format("docx", ("word",), (".docx",), binary=True, writer="ywplan.render.docx:write"),
    Format(
        "json",
        (),
        (".json",),
        writer="ywplan.render.json:write",
        runs_writer="ywplan.render.json:write_runs",
    ),
    Format("github"),  # GitHub Actions annotations: check's findings only
)
BY_NAME = {f.name: f for f in FORMATS}
ALIASES = {alias: f.name for f in FORMATS for alias in (f.name, *f.aliases)}

STDOUT_NAMES = ("-", "/dev/stdout")

# What each kind of command can write.
TABLES = ("table", "txt", "markdown", "csv", "html", "xlsx", "docx", "json")
FINDINGS = ("txt", "json", "github")


def resolve(value: str, allowed: tuple[str, ...]) -> Format:
    """The format named *value* (a name or an alias, any case); refused (exit 2) if not allowed."""
    name = ALIASES.get(value.strip().lower(), "")
    if name not in allowed:
        raise UsageError("usage.bad_format", value=value[:20], choices=", ".join(allowed))
    return BY_NAME[name]


def by_extension(output: str, allowed: tuple[str, ...]) -> Format:
    """The format ``-o FILE``'s extension names (txt when none does)."""
    suffix = Path(output).suffix.lower()
    found = next((f for f in FORMATS if suffix in f.extensions and f.name in allowed), None)
    return found or BY_NAME["txt"]


def choose(value: str | None, output: str | None, allowed: tuple[str, ...], default: str) -> Format:
    """``--format``, else ``-o``'s extension, else *default*; the terminal view never goes
    to a file (txt does), and a binary format needs ``-o`` (exit 2): a file, or ``-``
    when standard output is not a terminal."""
    if value is not None:
        chosen = resolve(value, allowed)
    elif output is not None:
        chosen = by_extension(output, allowed)
    else:
        chosen = BY_NAME[default]
    if chosen.terminal and output is not None:
        chosen = BY_NAME["txt"]
    to_terminal = output is None or (is_stdout(output) and sys.stdout.isatty())
    if chosen.binary and to_terminal:
        raise UsageError("usage.binary_stdout", format=chosen.name)
    return chosen


def is_stdout(output: str) -> bool:
    """``-o -`` and ``-o /dev/stdout`` mean standard output, never a file to replace."""
    return output in STDOUT_NAMES


def terminal_default() -> str:
    """``table`` when standard output is a terminal, else ``txt``."""
    return "table" if sys.stdout.isatty() else "txt"


def _protected(path: Path) -> bool:
    """A plan or a ledger (or a link to one): files an output must never replace."""
    from ywplan.store.discovery import PLAN_SUFFIXES, is_ledger_name

    return any(
        p.suffix.lower() in PLAN_SUFFIXES or is_ledger_name(p.name.lower())
        for p in (path, path.resolve())
    )


def emit(output: Output, fmt: Format, destination: str | None, *, force: bool = False) -> None:
    """Write *output* in *fmt* to the file *destination*, or to standard output (no
    destination, ``-`` or ``/dev/stdout``); see :func:`_write_file` for what a file may be."""
    if destination is None or is_stdout(destination):
        for piece in fmt.pieces(output, False):
            _print(piece)
        return
    try:
        _write_file(output, fmt, Path(destination), force=force)
    except OSError as exc:
        raise YwplanError(
            "report.write_failed", path=destination, reason=exc.strerror or str(exc)
        ) from None
    print(t("report.written", path=destination), file=sys.stderr)


def _write_file(output: Output, fmt: Format, path: Path, *, force: bool) -> None:
    """Write *path* atomically (a link's file, a device or pipe in place: see
    :func:`~ywplan.store.textfile.write_atomically`). A plan or a ledger is never
    replaced; another existing file only when ywplan wrote it
    (:mod:`ywplan.render.previous`) or with *force*."""
    from ywplan.render.previous import opening, written_by_ywplan
    from ywplan.store.textfile import destination, write_atomically

    if _protected(path):
        raise YwplanError("report.protected", path=str(path))
    target = destination(path)  # a folder, a link to nothing, a socket: refused before any work
    pieces: Iterator[bytes] = (
        p.encode("utf-8") if isinstance(p, str) else p for p in fmt.pieces(output, True)
    )
    if target.kind == "file" and not force:
        first = opening(pieces)  # judged before a byte is written: the first pieces made
        if not written_by_ywplan(target.path, fmt, b"".join(first)):
            raise YwplanError("report.not_ours", path=str(path), format=fmt.name)
        pieces = chain(first, pieces)
    write_atomically(path, pieces)


def _print(content: str | bytes) -> None:
    """Standard output gets text as text, a workbook's bytes as bytes (``-o -``)."""
    if isinstance(content, str):
        sys.stdout.write(content)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(content)
