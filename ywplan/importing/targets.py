"""Quantitative targets in an item's wording: 不少于400人次 → min 400 人次.

A number is a target only when a comparator binds it: before it (不少于, 不低于, 至少,
达到, 超过, 不超过, 控制在 …), after it (以上, 以内), or a growth verb (增长不低于5%). Anything
else is left alone, which keeps out the numbers a plan mentions without promising them:
a phone line (12355), an anniversary (75周年), a version (2.0), a duration (15分钟),
a period (2021—2025年), a baseline (现有1000张床位), a label (1+5), existing sites
(20个循迹溯源点位). One comparator may bind several numbers joined by 及/和/与/、
(不少于5家重点企业及50家中小企业 → two targets).

Matching runs on a copy of the text with full-width digits made ASCII; the copy has the
same length, so every position found there is a position in the original wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ywplan.importing.numerals import CHINESE_NUMERAL_CHARS, Number, normalize_digits, parse_number

Op = Literal["min", "max"]
Kind = Literal["sum", "level", "growth"]

_PRE_MIN = ("不少于", "不低于", "不小于", "至少", "达到", "超过", "高于")
_PRE_MAX = ("不超过", "不高于", "不多于", "控制在")
_POST_MIN = ("及以上", "以上")
_POST_MAX = ("以内",)
UNITS = (
    "个百分点",
    "万元",
    "人次",
    "小时",
    "名",
    "人",
    "场",
    "项",
    "支",
    "家",
    "个",
    "次",
    "元",
    "期",
    "所",
    "篇",
    "%",
)
_BASELINE_BEFORE = ("现有", "已有", "原有", "目前", "共有", "已")
_GROWTH_BEFORE = re.compile(r"(?:增长|增幅|递增|增速)率?$")


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_CN = CHINESE_NUMERAL_CHARS
_QUANTITY = (
    rf"(?P<num>(?<![\d.+])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?![\d+])"
    rf"|(?<![{_CN}第])[{_CN}]+?)"
    rf"\s*(?P<wan>万(?!元)|亿)?\s*(?P<unit>{_alt(UNITS)})"
    rf"(?P<post>{_alt(_POST_MIN + _POST_MAX)})?"
)
# 至少开展1次: a comparator may stand before the verb of what is counted.
_VERBS = ("开展", "举办", "组织", "召开", "培训", "服务", "发展", "完成", "建成", "培育", "新增")
_TARGET = re.compile(rf"(?P<pre>{_alt(_PRE_MIN + _PRE_MAX)})?(?:{_alt(_VERBS)})?\s*{_QUANTITY}")
_CLAUSE_END = ",，。;；:：!！?？\n"
_CHAIN = re.compile(rf"[^\d{_CLAUSE_END}]{{0,12}}?(?:以及|及|和|与|、)\s*{_QUANTITY}")

_NOUN_AFTER = re.compile(rf"[^\s\d{_CLAUSE_END}、()（）]{{1,16}}")
_NOUN_STOP = re.compile(r"的|以及|及|和|与|等|提供|参加|参与|开展|进行|不少于|不低于|至少")
_QUOTES = re.compile(r"[“”‘’\"'《》「」『』\s]")
_EVENT_VERB = re.compile(r".*(?:举办|开展|举行|召开)")
_FILLER = re.compile(r"^(?:全市|全区|全县|全省|全年|年度|每年|今年|力争|确保|推动|推进|累计|其中)+")
_SCALE = {"万": 10_000, "亿": 100_000_000}
_PHRASE_WIDTH = 40
_NAME_WIDTH = 30


@dataclass(frozen=True, slots=True)
class FoundTarget:
    """A target found in the wording, with the phrase it came from for the reviewer."""

    name: str
    unit: str
    op: Op
    value: Number
    kind: Kind
    phrase: str
    start: int


def find_targets(text: str) -> list[FoundTarget]:
    """Every quantitative target in *text* (noise already stripped), in reading order."""
    plain = normalize_digits(text)
    found: list[FoundTarget] = []
    taken: set[int] = set()
    previous_end = 0
    for match in _TARGET.finditer(plain):
        op = _op(plain, match, inherited=None)
        if op is None or match.start("num") in taken:
            continue
        for quantity in _with_chained(plain, match):
            taken.add(quantity.start("num"))
            target = _target(text, plain, quantity, _op(plain, quantity, op) or op, previous_end)
            if target is not None:
                found.append(target)
            previous_end = quantity.end()
    return found


def _with_chained(plain: str, match: re.Match[str]) -> list[re.Match[str]]:
    """*match* and the quantities joined to it: 5家重点企业及50家中小企业."""
    chain = [match]
    while (link := _CHAIN.match(plain, chain[-1].end())) is not None:
        chain.append(link)
    return chain


def _op(plain: str, match: re.Match[str], inherited: Op | None) -> Op | None:
    """min or max as the comparators around *match* say; ``None`` if it is no target."""
    before = plain[: match.start()]
    if before.endswith(_BASELINE_BEFORE):
        return None  # 现有1000名以上: what exists already, not a goal
    pre = match.groupdict().get("pre")
    post = match.group("post")
    if pre in _PRE_MAX or post in _POST_MAX:
        return "max"
    if pre or post:
        return "min"
    if inherited is not None:
        return inherited
    if match.group("unit") == "%" and _GROWTH_BEFORE.search(before):
        return "min"  # 增长5%
    return None


def _target(
    text: str, plain: str, match: re.Match[str], op: Op, previous_end: int
) -> FoundTarget | None:
    value = parse_number(match.group("num"), scale=_SCALE.get(match.group("wan"), 1))
    if value is None or value <= 0:
        return None
    unit = match.group("unit")
    growth = unit == "%" and bool(_GROWTH_BEFORE.search(plain[: _pre_start(match)]))
    kind: Kind = "growth" if growth else "level" if unit == "%" else "sum"
    clause_start = _clause_start(plain, match.start("num"))
    noun, noun_end = _noun_after(text, match.end())
    name = noun or _noun_before(text[max(clause_start, previous_end) : _pre_start(match)])
    phrase = text[clause_start:noun_end].strip()
    if len(phrase) > _PHRASE_WIDTH:
        phrase = "…" + phrase[-_PHRASE_WIDTH:]
    return FoundTarget(name or phrase, unit, op, value, kind, phrase, match.start("num"))


def _pre_start(match: re.Match[str]) -> int:
    return match.start("pre") if match.groupdict().get("pre") else match.start("num")


def _clause_start(plain: str, pos: int) -> int:
    return max(plain.rfind(ch, 0, pos) for ch in _CLAUSE_END) + 1


def _noun_after(text: str, end: int) -> tuple[str, int]:
    """The noun a measure word counts when it follows (5家|重点企业|及), and where it ends."""
    run = _NOUN_AFTER.match(text, end)
    words = _NOUN_STOP.split(run.group())[0] if run is not None else ""
    noun = _QUOTES.sub("", words)
    return (noun, end + len(words)) if len(noun) >= 2 else ("", end)


def _noun_before(segment: str) -> str:
    """What is counted, from the words before the comparator: 全年培训团干部 → 培训团干部."""
    name = _QUOTES.sub("", segment)
    if "的" in name[:-2]:
        name = name[name.rindex("的", 0, len(name) - 2) + 1 :]
    event = _EVENT_VERB.match(name)
    if event is not None and len(name) - event.end() >= 2:
        name = name[event.end() :]
    name = _FILLER.sub("", name) or name
    return name[-_NAME_WIDTH:]
