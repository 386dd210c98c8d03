"""JSON for scripts: the command's own document (SPEC §4), UTF-8, indented.

Texts are exact (a name keeps its zero-width space or its escape character); the
characters a terminal would act on or hide are written as ``\\uXXXX`` escapes, the
same JSON value (:func:`~ywplan.safetext.json_escaped`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import Any

from ywplan.reports.table import Output
from ywplan.safetext import json_escaped

INDENT = 2
_CONTAINERS = (dict, list, tuple)


def write(output: Output, to_file: bool) -> str:
    """The registry's writer: the output's JSON document."""
    return json_escaped(dumps(output.data())) + "\n"


def write_runs(output: Output, to_file: bool) -> Iterator[str]:
    """The registry's writer of runs: the document's items (:attr:`Output.data_runs`) as
    they are made, the same text :func:`write` makes of the whole list; else :func:`write`."""
    if output.data_runs is None:
        yield write(output, to_file)
        return
    separator = "[" + _INNER
    for items in output.data_runs():
        parts: list[str] = []
        for item in items:
            parts.append(separator)
            _dump_item(item, parts)
            separator = "," + _INNER
        yield json_escaped("".join(parts))
    yield "[]\n" if separator == "[" + _INNER else "\n]\n"


_INNER = "\n" + " " * INDENT  # before an item of the document's list


def _dump_item(item: Any, parts: list[str]) -> None:
    """An item of the document's list, as :func:`dumps` writes it inside the list."""
    made: list[str] = []
    try:
        _dump(item, 1, made)
    except _NotPlainError:
        made = [json.dumps(item, ensure_ascii=False, indent=INDENT).replace("\n", _INNER)]
    parts.extend(made)


def dumps(document: Any) -> str:
    """``json.dumps(document, ensure_ascii=False, indent=2)``, the same text made faster.

    With an indent the json module encodes in Python, a call per value; a province's
    report holds some hundred thousand. Here only the outer containers are walked in
    Python: a container of plain values (a table's row) is encoded whole by the C
    encoder, its items put on their own lines by the separator it writes between them.
    Anything else the fast path does not take (a key that is not text) is left to the
    json module, which also refuses what is not JSON as before.
    """
    parts: list[str] = []
    try:
        _dump(document, 0, parts)
    except _NotPlainError:
        return json.dumps(document, ensure_ascii=False, indent=INDENT)
    return "".join(parts)


class _NotPlainError(Exception):
    """A value the fast path leaves to the json module."""


@cache
def _encoder(depth: int) -> json.JSONEncoder:
    """Encodes a container's items one to a line at *depth* (no indent: the C encoder)."""
    return json.JSONEncoder(ensure_ascii=False, separators=(",\n" + " " * (INDENT * depth), ": "))


def _dump(value: Any, depth: int, parts: list[str]) -> None:
    if not isinstance(value, _CONTAINERS) or not value:
        parts.append(_encoder(depth).encode(value))
        return
    inner = "\n" + " " * (INDENT * (depth + 1))
    is_dict = isinstance(value, dict)
    items = value.values() if isinstance(value, dict) else value
    closing = "\n" + " " * (INDENT * depth) + ("}" if is_dict else "]")
    if not any(isinstance(item, _CONTAINERS) for item in items):
        flat = _encoder(depth + 1).encode(value)  # its brackets are put back with lines
        parts.extend((flat[0], inner, flat[1:-1], closing))
        return
    parts.append("{" if is_dict else "[")
    separator = inner
    for key, item in value.items() if isinstance(value, dict) else enumerate(value):
        parts.append(separator + (_key(key) if is_dict else ""))
        _dump(item, depth + 1, parts)
        separator = "," + inner
    parts.append(closing)


def _key(key: object) -> str:
    """A dict's key as the json module writes it: text only (else the module writes it)."""
    if not isinstance(key, str):
        raise _NotPlainError
    return str(json.encoder.encode_basestring(key)) + ": "
