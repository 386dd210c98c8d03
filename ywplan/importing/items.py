"""A plan's text → its title, sections and numbered items, each with its targets.

The text is read one paragraph (line) at a time, after the noise is stripped:

* ``N.`` / ``N．`` / ``N、`` starts an item (the number may be full-width);
* ``一、…`` and ``(一)…`` are section headings; the items after one carry it;
* a line such as ``共青团嘉兴市委2024年工作要点`` names the plan, its org and year;
* a line right after an item that stops mid-sentence continues that item;
* every other paragraph (a preamble, a closing remark) is not an item: it is skipped
  and listed so that the reviewer can see what was left out.

Items come back in number order. When numbers repeat (each section numbered from 1
again) they are kept in document order and renumbered 1..n.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ywplan.importing.noise import strip_noise
from ywplan.importing.numerals import normalize_digits, parse_digit_string
from ywplan.importing.targets import FoundTarget, find_targets

_ITEM = re.compile(r"(?P<num>[1-9]\d{0,3})\s*[.、](?!\d)\s*(?P<body>\S.*)")
_HEADING = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]).+")
_HEADING_WIDTH = 60
_LEAD = re.compile(
    r"[(（]\s*(?:牵头单位|牵头部门|责任单位|责任部门|牵头)\s*[:：]\s*(?P<lead>[^()（）]{1,100}?)\s*[)）]"
)
_YEAR = r"(?P<year>(?:19|20)\d{2}|[零〇○一二三四五六七八九]{4})\s*年度?"
_KIND = "(?:工作要点|工作计划|要点)"
_TITLES = (
    re.compile(rf"(?P<org>[^\s《》“”\d]{{2,30}}?)\s*{_YEAR}[^\s》”]{{0,12}}?{_KIND}"),
    re.compile(rf"{_YEAR}\s*(?P<org>[^\s《》“”\d]{{2,30}}){_KIND}"),
)
_TITLE_WIDTH = 60
_CLOSERS = tuple("。!?!?;;”’)）…")  # an item line ending so is complete
_PUNCTUATION = frozenset(",，。;；:：!！?？、")
_ORG_PREFIX = re.compile(r"^(?:关于印发|关于|印发)")


@dataclass(frozen=True, slots=True)
class ParsedItem:
    """A numbered item: its number, first sentence, full wording and targets."""

    number: int
    title: str
    text: str
    section: str | None = None
    lead: str | None = None
    targets: tuple[FoundTarget, ...] = ()
    printed_number: int | None = None  # the number in the document, when renumbered


@dataclass(frozen=True, slots=True)
class ParsedPlan:
    """What the text says: its title, org and year (when stated), items, skipped text."""

    title: str | None
    org: str | None
    year: int | None
    items: tuple[ParsedItem, ...]
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Title:
    title: str
    org: str
    year: int


@dataclass(slots=True)
class _Lines:
    """An item's lines as they are read: its number, wording so far and section."""

    number: int
    body: str
    section: str | None

    def takes(self, line: str) -> bool:
        """Whether *line* goes on with this item: its wording so far stops mid-sentence."""
        return not self.body.endswith(_CLOSERS) and not _is_heading(line)

    def add(self, line: str) -> None:
        """Join a wrapped line; after a bare title line (no punctuation), as a new sentence."""
        bare = not any(ch in _PUNCTUATION for ch in self.body)
        self.body += ("。" if bare else "") + line


def parse_plan(text: str) -> ParsedPlan:
    """Read the title, sections and numbered items of a plan's text (noise allowed).

    A line that follows an item stopping mid-sentence continues it (text copied from a
    PDF is wrapped; a Word item may put its title in a paragraph of its own).
    """
    items: list[_Lines] = []
    skipped: list[str] = []
    title: _Title | None = None
    section: str | None = None
    current: _Lines | None = None  # the item the next line may continue
    for line in _paragraphs(text):
        start = _item_start(line)
        if start is not None:
            current = _Lines(*start, section)
            items.append(current)
        elif current is not None and line and current.takes(line):
            current.add(line)
        else:
            current = None
            if not line:
                continue
            if _is_heading(line):
                section = line
            elif title is None and (found := _title(line)) is not None:
                title = found
            else:
                skipped.append(line)
    return ParsedPlan(
        title=title.title if title else None,
        org=title.org if title else None,
        year=title.year if title else None,
        items=_in_order([_item(lines) for lines in items]),
        skipped=tuple(skipped),
    )


def _paragraphs(text: str) -> list[str]:
    """The lines of *text*, noise-free and trimmed (blank lines kept: they end an item)."""
    return [strip_noise(line).strip() for line in text.splitlines()]


def _item_start(line: str) -> tuple[int, str] | None:
    """(number, wording) when *line* starts an item (``N.`` ``N．`` ``N、``)."""
    match = _ITEM.fullmatch(normalize_digits(line))
    if match is None:
        return None
    return int(match.group("num")), line[match.start("body") :].strip()


def _item(lines: _Lines) -> ParsedItem:
    body = lines.body
    lead = _LEAD.search(body)
    return ParsedItem(
        number=lines.number,
        title=_first_sentence(body),
        text=body,
        section=lines.section,
        lead=lead.group("lead") if lead else None,
        targets=tuple(find_targets(body)),
    )


def _first_sentence(body: str) -> str:
    """The item's title: its wording up to the first 。 (all of it when there is none)."""
    head = body.split("。", 1)[0]
    return _LEAD.sub("", head).strip() or body


def _is_heading(line: str) -> bool:
    return len(line) <= _HEADING_WIDTH and _HEADING.fullmatch(line) is not None


def _title(line: str) -> _Title | None:
    """The plan's title, org and year from a line such as 共青团嘉兴市委2024年工作要点."""
    if len(line) > _TITLE_WIDTH:
        return None
    plain = normalize_digits(line)
    for pattern in _TITLES:
        match = pattern.search(plain)
        if match is None:
            continue
        raw = match.group("org")
        unprefixed = _ORG_PREFIX.sub("", raw)
        org = unprefixed.removesuffix("工作")
        year = _year(match.group("year"))
        if len(org) >= 2 and year is not None:
            first = min(match.start("org") + len(raw) - len(unprefixed), match.start("year"))
            return _Title(line[first : match.end()], org, year)
    return None


def _year(text: str) -> int | None:
    return int(text) if text.isascii() else parse_digit_string(text)


def _in_order(items: list[ParsedItem]) -> tuple[ParsedItem, ...]:
    """By number; when numbers repeat, in document order renumbered 1..n."""
    numbers = [item.number for item in items]
    if len(set(numbers)) == len(numbers):
        return tuple(sorted(items, key=lambda item: item.number))
    return tuple(
        replace(item, number=index, printed_number=item.number)
        for index, item in enumerate(items, start=1)
    )
