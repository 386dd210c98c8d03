"""The one YAML loader: safe, YAML 1.2 scalars, positions for every node, hostile-input limits.

PyYAML resolves scalars by YAML 1.1 (``no`` is false, ``010`` is octal 8, ``2024-01-01``
is a date). Plans are read as YAML 1.2's core schema reads them, so that every YAML tool
agrees on what a plan says. The document is built here from the parser's event stream,
not by PyYAML's constructor, which lets us

* remember the line and column of every key and value (for ``file:line:col`` errors),
* refuse duplicate keys, which PyYAML silently overwrites,
* refuse tags (``!!python/object`` and friends): only plain data is ever built,
* bound nesting depth and the number of nodes, counting alias expansions, so that an
  alias bomb or a deeply nested document is refused in milliseconds.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]

MAX_DEPTH = 40
MAX_NODES = 200_000
# No number of a plan is this long; Python refuses to read an int of 4,300 digits at all.
MAX_NUMBER_CHARS = 100

_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")
_NUMBER = re.compile("|".join(f"(?:{p.pattern})" for p in (_INT, _OCT, _HEX, _FLOAT)))
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
# The first characters of every null, bool, int, float, inf and nan spelling above.
_NOT_TEXT_START = frozenset("~nNtTfF+-.0123456789")
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:map": "map",
    "tag:yaml.org,2002:seq": "seq",
    "!": "str",
}


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based line and column in the source text."""

    line: int
    col: int


class NumberTooLongError(ValueError):
    """A scalar spells a number longer than :data:`MAX_NUMBER_CHARS` characters."""


class YamlError(Exception):
    """The text is not a plan-shaped YAML document; *key* is a catalog key."""

    def __init__(self, key: str, mark: Mark, /, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.mark = mark
        self.args_ = args


@dataclass
class Marks:
    """Where each value and each mapping key of a document stands, by path."""

    values: dict[Path, Mark] = field(default_factory=dict)
    keys: dict[Path, Mark] = field(default_factory=dict)

    def value(self, path: Path) -> Mark:
        """The mark of the value at *path*, or of its nearest ancestor that has one."""
        return self._nearest(self.values, path)

    def key(self, path: Path) -> Mark:
        """The mark of the key that ends *path* (else of the value, else an ancestor)."""
        mark = self.keys.get(path)
        return mark if mark is not None else self.value(path)

    @staticmethod
    def _nearest(table: dict[Path, Mark], path: Path) -> Mark:
        for end in range(len(path), -1, -1):
            mark = table.get(path[:end])
            if mark is not None:
                return mark
        return Mark(1, 1)


def _mark(event: Any) -> Mark:
    return Mark(event.start_mark.line + 1, event.start_mark.column + 1)


def resolve_plain(text: str) -> Any:
    """A plain (unquoted) scalar as YAML 1.2's core schema reads it.

    Raises :class:`NumberTooLongError` for a number of more than :data:`MAX_NUMBER_CHARS`.
    """
    if text and text[0] not in _NOT_TEXT_START:
        return text  # no null, bool or number starts this way (most names and titles)
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if len(text) > MAX_NUMBER_CHARS and _NUMBER.fullmatch(text):
        raise NumberTooLongError(text)
    if _INT.fullmatch(text):
        return int(text)
    if _OCT.fullmatch(text):
        return int(text[2:], 8)
    if _HEX.fullmatch(text):
        return int(text[2:], 16)
    if _FLOAT.fullmatch(text):
        return float(text)
    if _INF.fullmatch(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.fullmatch(text):
        return math.nan
    return text


def _tag_name(tag: str) -> str:
    """``tag:yaml.org,2002:python/object`` as the user wrote it: ``!!python/object``."""
    return (
        "!!" + tag.removeprefix("tag:yaml.org,2002:")
        if tag.startswith("tag:yaml.org,2002:")
        else tag
    )[:40]


def _resolved(event: Any) -> Any:
    """The value of a plain scalar event, a number too long refused at its place."""
    try:
        return resolve_plain(event.value)
    except NumberTooLongError:
        length = len(event.value)
        raise YamlError(
            "yaml.number_too_long", _mark(event), length=length, limit=MAX_NUMBER_CHARS
        ) from None


def _scalar(event: Any) -> Any:
    tag = event.tag
    if tag is None:
        return _resolved(event) if event.implicit[0] else event.value
    kind = _STANDARD_TAGS.get(tag)
    if kind is None or kind in ("map", "seq"):
        raise YamlError("yaml.tag", _mark(event), tag=_tag_name(tag))
    if kind == "str":
        return event.value
    value = _resolved(event)
    expected: dict[str, tuple[type[Any], ...]] = {
        "int": (int,),
        "float": (int, float),
        "bool": (bool,),
        "null": (type(None),),
    }
    if not isinstance(value, expected[kind]) or (kind != "bool" and isinstance(value, bool)):
        raise YamlError("yaml.tag", _mark(event), tag=_tag_name(tag))
    return float(value) if kind == "float" else value


@dataclass
class _Frame:
    value: dict[Any, Any] | list[Any]
    path: Path
    anchor: str | None
    nodes: int = 1
    key: Any = None
    has_key: bool = False
    key_mark: Mark | None = None


class _Builder:
    """Builds plain data from parser events, keeping marks and enforcing limits."""

    def __init__(self) -> None:
        self.marks = Marks()
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0
        self.root: Any = None
        self.documents = 0

    def child_path(self) -> Path:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.value, dict):
            return (*top.path, top.key)
        return (*top.path, len(top.value))

    def count(self, n: int, mark: Mark) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES:
            raise YamlError("yaml.too_many_nodes", mark, limit=MAX_NODES)

    def start(self, container: dict[Any, Any] | list[Any], event: Any) -> None:
        mark = _mark(event)
        if event.tag is not None and _STANDARD_TAGS.get(event.tag) not in ("map", "seq"):
            raise YamlError("yaml.tag", mark, tag=_tag_name(str(event.tag)))
        if len(self.stack) >= MAX_DEPTH:
            raise YamlError("yaml.too_deep", mark, limit=MAX_DEPTH)
        self.count(1, mark)
        if self.stack and isinstance(self.stack[-1].value, dict) and not self.stack[-1].has_key:
            raise YamlError("yaml.complex_key", mark)
        path = self.child_path()
        self.marks.values[path] = mark
        self.stack.append(_Frame(container, path, event.anchor))

    def end(self) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.value, frame.nodes)
        self.add(frame.value, None, frame.nodes)

    def add(self, value: Any, mark: Mark | None, nodes: int = 1) -> None:
        """Place a finished node into its parent (or make it the document)."""
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        top.nodes += nodes
        if isinstance(top.value, list):
            if mark is not None:
                self.marks.values[(*top.path, len(top.value))] = mark
            top.value.append(value)
            return
        if not top.has_key:
            self.set_key(top, value, mark)
            return
        if mark is not None:
            self.marks.values[(*top.path, top.key)] = mark
        top.value[top.key] = value
        top.has_key = False

    def set_key(self, top: _Frame, key: Any, mark: Mark | None) -> None:
        assert mark is not None  # complex keys were refused in start()
        try:
            duplicate = key in top.value
        except TypeError:
            raise YamlError("yaml.complex_key", mark) from None
        if duplicate:
            first = self.marks.keys[(*top.path, key)]
            raise YamlError("yaml.duplicate_key", mark, key=str(key)[:60], first=first.line)
        top.key, top.has_key = key, True
        self.marks.keys[(*top.path, key)] = mark

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.ScalarEvent):
            mark = _mark(event)
            self.count(1, mark)
            value = _scalar(event)
            if event.anchor is not None:
                self.anchors[event.anchor] = (value, 1)
            self.add(value, mark)
        elif isinstance(event, yaml.MappingStartEvent):
            self.start({}, event)
        elif isinstance(event, yaml.SequenceStartEvent):
            self.start([], event)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self.end()
        elif isinstance(event, yaml.AliasEvent):
            mark = _mark(event)
            if event.anchor not in self.anchors:
                raise YamlError("yaml.undefined_alias", mark, name=str(event.anchor)[:40])
            value, nodes = self.anchors[event.anchor]
            self.count(nodes, mark)
            self.add(value, mark, nodes)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise YamlError("yaml.many_documents", _mark(event))


def _loader() -> type[Any]:
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> tuple[Any, Marks]:
    """Parse one YAML document into plain data and the marks of its nodes.

    Raises :class:`YamlError` with a catalog key and a mark for malformed or hostile text.
    """
    builder = _Builder()
    try:
        loader = _loader()(text)  # what yaml.parse does, without a generator per event
        try:
            while loader.check_event():
                builder.feed(loader.get_event())
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise syntax_error(exc, text) from None
    except yaml.reader.ReaderError as exc:
        index = max(text.find(chr(exc.character)), 0)  # libyaml counts bytes, PyYAML characters
        mark = _mark_at(text, index)
        raise YamlError("yaml.control_char", mark, code=f"{exc.character:04X}") from None
    except yaml.YAMLError as exc:
        raise YamlError("yaml.syntax", Mark(1, 1), problem=str(exc)[:120]) from None
    return builder.root, builder.marks


# The common syntax problems, as PyYAML or libyaml words them, and their catalog keys.
_SYNTAX_KEYS = (
    ("tab character", "yaml.tab"),
    ("cannot start any token", "yaml.bad_char"),
    ("expected ',' or ']'", "yaml.unclosed_bracket"),
    ("expected ',' or '}'", "yaml.unclosed_brace"),
    ("mapping values are not allowed", "yaml.colon_in_value"),
    ("could not find expected ':'", "yaml.missing_colon"),
    ("sequence entries are not allowed", "yaml.dash_here"),
    ("expected '-' indicator", "yaml.bad_indent"),
    ("expected <block end>", "yaml.bad_indent"),
    ("did not find expected key", "yaml.bad_indent"),
    ("unknown escape character", "yaml.bad_escape"),
)
# A construct still open when the parser gave up: it reports the token that it could not
# take (often on the next line), and, as the context, where the construct was opened.
_OPENED = ("flow sequence", "flow mapping", "simple key")
# ``org:共青团`` or ``- number:1``: a key whose colon has no space after it (a URL's has ``/``).
_NO_SPACE = re.compile(r"\s*(?:-\s+)?[^\s:#'\"\[\]{},]+(:)[^\s:/]")


def syntax_error(exc: yaml.MarkedYAMLError, text: str) -> YamlError:
    """A parser error as a catalog key placed on the line to fix (PyYAML's text as a fallback)."""
    problem = (exc.problem or "").strip().split("\n")[0][:120]
    context = exc.context or ""
    unclosed_quote = "quoted scalar" in context and "unexpected" in problem
    opened = unclosed_quote or any(word in context for word in _OPENED)
    mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
    where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
    key = next((k for phrase, k in _SYNTAX_KEYS if phrase in problem), "yaml.syntax")
    key = "yaml.unclosed_quote" if unclosed_quote else key
    lines = text.split("\n")
    char = lines[where.line - 1][where.col - 1 : where.col] if where.line <= len(lines) else ""
    if key == "yaml.bad_char" and char == "\t":
        key = "yaml.tab"
    elif key in ("yaml.missing_colon", "yaml.colon_in_value"):
        found = _colon_without_space(lines, where.line)
        if found is not None:
            return YamlError("yaml.colon_space", found, problem=problem)
    return YamlError(key, where, problem=problem, char=char)


def _colon_without_space(lines: list[str], line: int) -> Mark | None:
    """The colon with no space after it on *line* or the line with text before it, if any."""
    candidates = [line]
    before = next((n for n in range(line - 1, 0, -1) if lines[n - 1].strip()), 0)
    if before:
        candidates.append(before)
    for number in candidates:
        found = _NO_SPACE.match(lines[number - 1]) if number <= len(lines) else None
        if found is not None:
            return Mark(number, found.start(1) + 1)
    return None


def _mark_at(text: str, index: int) -> Mark:
    """The line and column of the character at *index* of *text*."""
    line_start = text.rfind("\n", 0, index) + 1
    return Mark(text.count("\n", 0, index) + 1, index - line_start + 1)
