"""A plan's text → its title, sections and numbered items, each with its targets.

The text is read one paragraph (line) at a time, after the noise is stripped:

* ``N.`` / ``N．`` / ``N、`` starts an item (the number may be full-width);
* ``一、…`` and ``(一)…`` are section headings; the items after one carry it;
* a line such as ``共青团嘉兴市委2024年工作要点`` names the plan, its org and year;
* a line right after an item that stops mid-sentence continues that item;
* every other paragraph (a preamble, a closing remark) is not an item: it is skipped
  and listed so that the reviewer can see what was left out.

Layouts that real plans use are brought to that shape first (:func:`_layout`):

* a table flattened to one cell per line, the row number (序号) alone on a line: each row
  becomes the item ``N.`` with its cells joined;
* an item glued onto its section heading (``一、……1、……``) is split off it;
* a text with no ``N.`` item numbers its items ``一、`` / ``(一)`` / ``(1)`` / ``一是`` instead;
* ``(1)…`` lines under an ``N、`` item are its parts, even after a closing ``;``;
* an item whose line is only its title (``3.建设青年驿站。``) takes the paragraphs after it.

Items come back in number order. When numbers repeat (each section numbered from 1
again) they are kept in document order and renumbered 1..n.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ywplan.importing.noise import strip_noise
from ywplan.importing.numerals import normalize_digits, parse_chinese, parse_digit_string
from ywplan.importing.targets import FoundTarget, find_targets

# 1.5万 is a number, not item 1; 2.2025年… and 1.4月2日… are items that open with a date.
_ITEM = re.compile(r"(?P<num>[1-9]\d{0,3})\s*[.、](?!\d(?!\d*\s*[年月日届]))\s*(?P<body>\S.*)")
_HEADING = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]).+")
_HEADING_WIDTH = 60
_LEAD = re.compile(
    r"[(（]\s*(?:牵头单位|牵头部门|责任单位|责任部门|牵头)\s*[:：]\s*"
    r"(?P<lead>[^()（）]{0,99}?[^()（）\s])\s*[)）]"  # ends on a non-space: spaces are tried once
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
_CN_NUM = "一二三四五六七八九十"
_ROW_NUMBER = re.compile(r"\d{1,3}")
_GLUED = re.compile(
    rf"(?P<head>(?:[{_CN_NUM}]{{1,3}}、|[(（][{_CN_NUM}]{{1,3}}[)）])[^\d]{{1,40}}?)"
    r"\s*(?P<item>[1-9]\d{0,2}\s*[.、．](?!\d).+)"
)
_OTHER_ITEM = re.compile(
    rf"(?:(?P<cn>[{_CN_NUM}]{{1,3}})[、.．]|[(（](?:(?P<cn2>[{_CN_NUM}]{{1,3}})|(?P<n>\d{{1,2}}))[)）]"
    rf"|(?P<cn3>[{_CN_NUM}]{{1,3}})是)"
    r"\s*(?P<body>\S.*)"
)
_SUB_ITEM = re.compile(r"[(（]\d{1,2}[)）]")  # (1)…(2)… under an item: part of it
_PLAN_WORDS = re.compile(
    r"工作要点|工作计划|任务清单|任务分解|目标分解|分解表|任务书|实施方案|年度目标"
    rf"|(?:(?<!\d)\d+|(?<![{_CN_NUM}])[{_CN_NUM}]+)件实事|实事项目"  # a run is tried once
)
# A short head line that announces what will be done (团市委将…, 活动安排) makes the text a plan.
_PLAN_HEADLINE = re.compile(r"将|计划|力争|拟|活动安排")
_HEADLINE_WIDTH = 30
_PLAN_HEAD_LINES = 5
_TITLE_ONLY_WIDTH = 30
_CELL_ENDS = tuple("。;;::,,、!!??")


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


class _Lines:
    """An item's lines as they are read: its number, wording so far and section.

    The wording is kept as its parts, joined once at the end, and whether it has any
    punctuation yet is remembered: an item of 100,000 wrapped lines takes each in turn.
    """

    __slots__ = ("_parts", "_punctuated", "number", "section", "title_only")

    def __init__(self, number: int, body: str, section: str | None) -> None:
        self.number = number
        self.section = section
        self._parts = [body]
        self._punctuated = _has_punctuation(body)
        # 3.建设青年驿站。 — what it commits to follows
        self.title_only = (
            len(body) <= _TITLE_ONLY_WIDTH and body.endswith("。") and body.count("。") == 1
        )

    @property
    def body(self) -> str:
        """The item's wording so far."""
        return "".join(self._parts)

    def takes(self, line: str) -> bool:
        """Whether *line* goes on with this item: its wording so far stops mid-sentence,
        or the item is only a title so far and *line* brings numbers (its targets)."""
        if _is_heading(line):
            return False
        if not self._parts[-1].endswith(_CLOSERS) or _SUB_ITEM.match(line):
            return True
        return self.title_only and any(ch.isdigit() for ch in normalize_digits(line))

    def add(self, line: str) -> None:
        """Join a wrapped line; after a bare title line (no punctuation), as a new sentence."""
        if not self._punctuated:
            self._parts.append("。")
        self._parts.append(line)
        self._punctuated = True  # it had punctuation, or has the 。 just added


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
    lines = _layout(_paragraphs(text))
    for line in lines:
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
    year = title.year if title else None
    ahead = title is not None or _looks_like_plan(lines)
    return ParsedPlan(
        title=title.title if title else None,
        org=title.org if title else None,
        year=year,
        items=_in_order([_item(item, year, ahead) for item in items]),
        skipped=tuple(skipped),
    )


def _has_punctuation(text: str) -> bool:
    return not _PUNCTUATION.isdisjoint(text)


def _looks_like_plan(lines: list[str]) -> bool:
    """Whether the text's first lines call it a plan, task list or target table."""
    head = [line for line in lines if line][:_PLAN_HEAD_LINES]
    return any(
        _PLAN_WORDS.search(line)
        or (len(line) <= _HEADLINE_WIDTH and _PLAN_HEADLINE.search(line) is not None)
        for line in head
    )


def _layout(lines: list[str]) -> list[str]:
    """*lines* with tables, glued headings and other numberings brought to ``N.`` items."""
    lines = _table_rows(lines)
    lines = [part for line in lines for part in _unglued(line)]
    if not any(_item_start(line) for line in lines):
        renumbered = [_renumbered(line) for line in lines]
        if sum(a != b for a, b in zip(lines, renumbered, strict=True)) >= 2:
            return renumbered  # a lone (一)小标题 is a heading, not a list of items
    return lines


def _table_rows(lines: list[str]) -> list[str]:
    """A table flattened one cell per line, each row number alone: rows → ``N.`` items."""
    numbered = [i for i, line in enumerate(lines) if _ROW_NUMBER.fullmatch(line)]
    expected = 1
    rows: list[int] = []
    for index in numbered:
        if int(lines[index]) == expected:
            rows.append(index)
            expected += 1
    if len(rows) < 2:
        return lines
    out = lines[: rows[0]]
    for start, end in zip(rows, [*rows[1:], len(lines)], strict=True):
        out.append(f"{int(lines[start])}." + _joined(lines[start + 1 : end]))
    return out


def _joined(cells: list[str]) -> str:
    """The non-empty cells of a row as one wording, a 。 between cells that need one."""
    body = ""
    for cell in filter(None, cells):
        body += cell if not body or body.endswith(_CELL_ENDS) else "。" + cell
    return body


def _unglued(line: str) -> list[str]:
    """``一、坚持思想引领1.深化理论武装。`` → the heading and the item, apart."""
    match = _GLUED.fullmatch(normalize_digits(line))
    if match is None:
        return [line]
    return [line[: match.end("head")].strip(), line[match.start("item") :]]


def _renumbered(line: str) -> str:
    """``一、…`` / ``(一)…`` / ``(1)…`` / ``一是…`` as ``N.…``, for a text with no ``N.`` items."""
    match = _OTHER_ITEM.fullmatch(normalize_digits(line))
    if match is None:
        return line
    numeral = match.group("cn") or match.group("cn2") or match.group("cn3")
    number = parse_chinese(numeral) if numeral else int(match.group("n"))
    return f"{number}.{line[match.start('body') :]}" if number else line


def _paragraphs(text: str) -> list[str]:
    """The lines of *text*, noise-free and trimmed (blank lines kept: they end an item)."""
    return [strip_noise(line).strip() for line in text.splitlines()]


def _item_start(line: str) -> tuple[int, str] | None:
    """(number, wording) when *line* starts an item (``N.`` ``N．`` ``N、``)."""
    match = _ITEM.fullmatch(normalize_digits(line))
    if match is None:
        return None
    return int(match.group("num")), line[match.start("body") :].strip()


def _item(lines: _Lines, year: int | None, ahead: bool) -> ParsedItem:
    body = lines.body
    lead = _LEAD.search(body)
    return ParsedItem(
        number=lines.number,
        title=_first_sentence(body),
        text=body,
        section=lines.section,
        lead=lead.group("lead") if lead else None,
        targets=tuple(find_targets(body, year=year, ahead=ahead)),
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
