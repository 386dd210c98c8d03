"""Quantitative targets in an item's wording: 不少于400人次 → min 400 人次.

A number is a target only when a comparator binds it: before it (不少于, 不低于, 至少,
达到, 超过, 不超过, 控制在 …), after it (以上, 以内), or a growth verb (增长不低于5%). Anything
else is left alone, which keeps out the numbers a plan mentions without promising them:
a phone line (12355), an anniversary (75周年), a version (2.0), a duration (15分钟),
a period (2021—2025年), a baseline (现有1000张床位), a label (1+5), existing sites
(20个循迹溯源点位). One comparator may bind several numbers joined by 及/和/与/、
(不少于5家重点企业及50家中小企业 → two targets).

Beyond comparators, real plans also commit with a bare number after a plan verb
(新建青年驿站2个, 计划资助学生940人), with a 达标值/争取值 pair (增加5个/10个: the lower
value, the stretch value kept in a note), a range (20-30场: the lower bound), 左右 or the
distributive 各80张 (drafted as doubtful, ``# 待确认``). A bare number counts only in a
sentence that looks ahead (将, 计划, 力争, 今年, 全年 …) and never in one that reports what
is done (已, 截至, 累计, 以来 …): achievements stay out. :func:`find_targets` takes the
plan year; a number pinned to another year (到2025年…) is left out.

Matching runs on a copy of the text with full-width digits made ASCII; the copy has the
same length, so every position found there is a position in the original wording. Where
its clauses and sentences end is found once (:class:`_Marks`), and each number looks back
at most ``_CONTEXT_WIDTH`` characters of its sentence, so the time taken grows with the
text, not with its square, however long a sentence runs on.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Literal

from ywplan.importing.numerals import CHINESE_NUMERAL_CHARS, Number, normalize_digits, parse_number

Op = Literal["min", "max"]
Kind = Literal["sum", "level", "growth"]

_PRE_MIN = (
    "增加至",
    "提高至",
    "提升至",
    "扩大至",
    "增至",
    "不少于",
    "不低于",
    "不小于",
    "至少",
    "达到",
    "超过",
    "高于",
    "达",
    "力争",
    "确保",
    "增加",
    "提高",
    "≥",
    ">=",
)
_PRE_MAX = ("不超过", "不高于", "不多于", "控制在", "下降", "减少", "压减", "≤", "<=")
_POST_MIN = ("及以上", "以上", "左右")
_POST_MAX = ("以内",)
UNITS = (
    "个百分点",
    "平方公里",
    "平方米",
    "万元",
    "人次",
    "场次",
    "小时",
    "公里",
    "条",
    "辆",
    "台",
    "部",
    "册",
    "类",
    "片",
    "张",
    "座",
    "套",
    "户",
    "处",
    "天",
    "批",
    "‰",
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
_WEAK_PRE = ("达",)  # 浏览量达1.2亿次: what a report says as often as a plan
_BASELINE_BEFORE = ("现有", "已有", "原有", "目前", "共有", "已", "共")
_GROWTH_BEFORE = re.compile(r"(?:增长|增幅|递增|增速)率?$")
_GROWTH_WIDTH = 4  # the longest word _GROWTH_BEFORE matches, and the line end $ allows after it


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_CN = CHINESE_NUMERAL_CHARS
_ARABIC_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_QUANTITY = (
    rf"(?P<each>各)?(?P<num>(?<![\d.+])(?!(?<=\d,)\d{{3}})(?:{_ARABIC_NUM})(?![\d+])"
    rf"|(?<![{_CN}第])[{_CN}]+?)"
    rf"(?:\s*[-—~～至]\s*(?P<upper>{_ARABIC_NUM}))?"
    rf"(?P<approx>[余多])?\s*(?P<wan>万(?!元)|亿)?[余多]?\s*(?P<unit>{_alt(UNITS)})(?!门)"
    rf"(?:\s*/\s*(?P<stretch>{_ARABIC_NUM})\s*(?:万(?!元)|亿)?\s*(?:{_alt(UNITS)})?)?"
    rf"(?P<post>{_alt(_POST_MIN + _POST_MAX)})?"
)
# 至少开展1次: a comparator may stand before the verb of what is counted.
_VERBS = ("开展", "举办", "组织", "召开", "培训", "服务", "发展", "完成", "建成", "培育", "新增")
# A match never starts inside a run of spaces: the run's first space tries it once.
_TARGET = re.compile(
    rf"(?!(?<=\s)\s)(?P<pre>{_alt(_PRE_MIN + _PRE_MAX)})?(?:{_alt(_VERBS)})?\s*{_QUANTITY}"
)
_CLAUSE_END = ",，。;；:：!！?？\n"
_SENTENCE_END = "。;；!！?？\n"
_CLAUSE_MARK = re.compile(f"[{_CLAUSE_END}]")
_SENTENCE_MARK = re.compile(f"[{_SENTENCE_END}]")
# How far back a number's sentence is read for 将/已/截至/a year: real sentences are shorter.
_CONTEXT_WIDTH = 500
_CHAIN = re.compile(rf"[^\d{_CLAUSE_END}]{{0,12}}?(?:以及|及|和|与|、)\s*{_QUANTITY}")
# 新建青年驿站2个,改建3个,步道5条: a list of bare commitments goes on past commas.
_BARE_CHAIN = re.compile(rf"[,，、]\s*[^\d{_CLAUSE_END}]{{0,10}}?{_QUANTITY}")
# 开展惠民演出、文化下乡、文化进万家等活动200场次: the verb may head a long list.
_VERB_GAP = 20
_BARE_VERB = re.compile(
    r"(?:新建|改建|扩建|建设|建成|打造|培育|新增|推出|资助|覆盖|组建|招募|筹集|募集|举办|开展|组织|培训"
    r"|完成|改造|加装|拆除|配套|配送|养护|更新|帮助|设立|建立|提供|发布|发放|选树|发展)"
    rf"[^\d{_CLAUSE_END}]{{0,{_VERB_GAP}}}$"
)
# 计划 looks ahead, except as the end of a programme's name (实施“青鸟计划”,每年…).
_PLAN_VERB = r"计划(?![”’》」』\"])"
# 将 looks ahead, except in 将…列为/纳入 (the 把 construction: 将服务列为民生实事).
_AHEAD = re.compile(
    rf"将(?![^,，。;；]{{0,15}}?(?:列为|列入|作为|纳入))|{_PLAN_VERB}|力争|争取|拟|确保|今年|年内|全年"
)
# Strong enough to take a round figure (超10万人, 6000余张) for a commitment: not 今年/全年,
# which reports of the year just done use as much as plans do.
_AHEAD_STRONG = re.compile(
    rf"将(?![^,，。;；]{{0,15}}?(?:列为|列入|作为|纳入))|{_PLAN_VERB}|力争|争取|拟"
)
# A list entry that opens with its count (*366张养老床位, 为8个住宅小区新增…): a commitment
# in a plan, where the list itself is what will be done.
_OPENING = re.compile(r"[*＊\s]*(?:为|向)?\s*$")
_SCOPE = re.compile("全覆盖")  # 2.3万个团队组织主题教育全覆盖: a scope, not a count
_PAST = re.compile(r"已|截至|累计|共计|以来|年来|先后|去年|上年|数据显示")
_PAST_SENTENCE = re.compile(r"数据显示|截至")
_APPROXIMATE_BEFORE = ("超", "近", "约", "逾")  # 超2万场次: a round figure of what was done
_APPROXIMATE_AFTER = re.compile(r"\s*[余多]")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!度)")

_NOUN_AFTER = re.compile(rf"[^\s\d{_CLAUSE_END}、()（）/]{{1,16}}")
_NOUN_STOP = re.compile(r"的|以及|及|和|与|等|提供|参加|参与|开展|进行|不少于|不低于|至少")
_QUOTES = re.compile(r"[“”‘’\"'《》「」『』\s]")
_EVENT_VERB = re.compile(r".*(?:举办|开展|举行|召开)")
_SUB_NUMBER = re.compile(r"^\s*[1-9]\d?\s*[、.．]")  # 1、非公单位团组织 in a table cell
_FILLER = re.compile(r"^(?:全市|全区|全县|全省|全年|年度|每年|今年|力争|确保|推动|推进|累计|其中)+")
_SCALE = {"万": 10_000, "亿": 100_000_000}
_PHRASE_WIDTH = 40
_NAME_WIDTH = 30


@dataclass(frozen=True, slots=True)
class FoundTarget:
    """A target found in the wording, with the phrase it came from for the reviewer.

    ``note`` keeps what the value alone loses (a stretch value, a range); ``doubt`` says
    why the reviewer must confirm it (drafted with ``# 待确认``), ``None`` when sure.
    """

    name: str
    unit: str
    op: Op
    value: Number
    kind: Kind
    phrase: str
    start: int
    note: str | None = None
    doubt: str | None = None


class _Marks:
    """Where the clauses and sentences of a text end and where it says 全覆盖, found once.

    Every number asks for the clause and the sentence before it; scanning back over the
    text for each number (``rfind``) made a long text full of numbers quadratic.
    """

    __slots__ = ("_clause_ends", "_plain", "_scopes", "_sentence_ends")

    def __init__(self, plain: str) -> None:
        self._plain = plain
        self._clause_ends = [m.start() for m in _CLAUSE_MARK.finditer(plain)]
        self._sentence_ends = [m.start() for m in _SENTENCE_MARK.finditer(plain)]
        self._scopes = [m.start() for m in _SCOPE.finditer(plain)]

    def clause_start(self, pos: int) -> int:
        """Where the clause that *pos* is in starts."""
        return _after_last(self._clause_ends, pos)

    def clause_before(self, pos: int) -> str:
        """The clause up to *pos*, its last ``_CONTEXT_WIDTH`` characters at most."""
        return self._plain[max(self.clause_start(pos), pos - _CONTEXT_WIDTH) : pos]

    def sentence_before(self, pos: int) -> str:
        """The sentence up to *pos*, its last ``_CONTEXT_WIDTH`` characters at most."""
        start = max(_after_last(self._sentence_ends, pos), pos - _CONTEXT_WIDTH)
        return self._plain[start:pos]

    def scope_after(self, pos: int) -> bool:
        """Whether the clause goes on from *pos* to a 全覆盖 (a scope, not a count)."""
        scope = bisect_left(self._scopes, pos)
        if scope == len(self._scopes):
            return False
        end = bisect_left(self._clause_ends, pos)
        return end == len(self._clause_ends) or self._scopes[scope] < self._clause_ends[end]


def _after_last(ends: list[int], pos: int) -> int:
    """The position after the last of *ends* before *pos*, 0 when none is."""
    index = bisect_left(ends, pos)
    return ends[index - 1] + 1 if index else 0


@dataclass(frozen=True, slots=True)
class _Context:
    """What decides whether a number is a target beyond its own wording."""

    year: int | None  # the plan year: a number pinned to another year is left out
    ahead: bool  # the whole text is a plan: bare numbers need no 将/计划 of their own
    marks: _Marks  # where the text's clauses and sentences end


def find_targets(text: str, *, year: int | None = None, ahead: bool = False) -> list[FoundTarget]:
    """Every quantitative target in *text* (noise already stripped), in reading order.

    *year* is the plan year when known; *ahead* says the text is a plan or task list
    as a whole, so that a bare commitment (新建青年驿站2个) needs no 将/计划 beside it.
    """
    plain = normalize_digits(text)
    context = _Context(year, ahead, _Marks(plain))
    found: list[FoundTarget] = []
    taken: set[int] = set()
    previous_end = 0
    for match in _TARGET.finditer(plain):
        op = _op(plain, match, None, context)
        if op is None or match.start("num") in taken:
            continue
        for quantity in _with_chained(plain, match, context, bare=_is_bare(match)):
            if quantity.start("num") in taken:
                continue
            taken.add(quantity.start("num"))
            # the match itself was just judged; each quantity chained to it inherits
            own = op if quantity is match else _op(plain, quantity, op, context)
            if own is None:
                continue
            target = _target(text, plain, quantity, own, previous_end, context.marks)
            if target is not None:
                found.append(target)
            previous_end = quantity.end()
    return found


def _is_bare(match: re.Match[str]) -> bool:
    """No comparator binds *match*: it counts as a bare commitment, if at all."""
    groups = match.groupdict()
    return not (groups.get("pre") or match.group("post") or match.group("stretch"))


def _with_chained(
    plain: str, match: re.Match[str], context: _Context, *, bare: bool
) -> list[re.Match[str]]:
    """*match* and the quantities joined to it: 5家重点企业及50家中小企业."""
    chain = [match]
    while (link := _CHAIN.match(plain, chain[-1].end())) is not None or (
        bare and (link := _bare_link(plain, chain[-1].end(), context.marks)) is not None
    ):
        chain.append(link)
    return chain


def _bare_link(plain: str, pos: int, marks: _Marks) -> re.Match[str] | None:
    """The next entry of a list of bare commitments: Arabic digits, not a scope (全覆盖)."""
    link = _BARE_CHAIN.match(plain, pos)
    if link is None or not link.group("num")[0].isdigit():
        return None
    return None if marks.scope_after(link.end()) else link


def _op(plain: str, match: re.Match[str], inherited: Op | None, context: _Context) -> Op | None:
    """min or max as the comparators around *match* say; ``None`` if it is no target."""
    if plain.endswith(_BASELINE_BEFORE, 0, match.start()) or not _in_plan_time(match, context):
        return None  # 现有1000名以上: what exists already, not a goal
    pre = match.groupdict().get("pre")
    if not _looks_ahead_enough(plain, match, pre, context):
        return None
    post = match.group("post")
    if pre in _PRE_MAX or post in _POST_MAX:
        return "max"
    if pre or post or match.group("stretch"):
        return "min"
    if inherited is not None:
        return inherited
    if match.group("unit") == "%" and _growth_before(plain, match.start()):
        return "min"  # 增长5%
    if _bare_commitment(plain, match, context):
        return "min"
    return None


def _looks_ahead_enough(
    plain: str, match: re.Match[str], pre: str | None, context: _Context
) -> bool:
    """A report says 浏览量达1.2亿次 and 达286万余次 too: the weak comparator 达 needs a
    look ahead or a plan, and a round figure (余, 超, 近 …) a plan or a strong look ahead."""
    if context.ahead:
        return True
    sentence = context.marks.sentence_before(match.start())
    if _approximate(plain, match) and _AHEAD_STRONG.search(sentence) is None:
        return False
    return pre not in _WEAK_PRE or _AHEAD.search(sentence) is not None


def _growth_before(plain: str, pos: int) -> bool:
    """Whether 增长/增幅/递增/增速(率) stands just before *pos*: 增长5%."""
    return _GROWTH_BEFORE.search(plain, max(0, pos - _GROWTH_WIDTH), pos) is not None


def _in_plan_time(match: re.Match[str], context: _Context) -> bool:
    """Whether *match* speaks of the plan year: not an achievement, not another year."""
    clause = context.marks.clause_before(match.start("num"))
    sentence = context.marks.sentence_before(match.start("num"))
    if _PAST.search(clause) or _PAST_SENTENCE.search(sentence):
        return False
    years = _YEAR.findall(sentence)
    return context.year is None or not years or int(years[-1]) == context.year


def _bare_commitment(plain: str, match: re.Match[str], context: _Context) -> bool:
    """新建青年驿站2个 in a plan: a plan verb (or a list entry opening with its count),
    Arabic digits, and a look ahead; a round figure (超10万人, 6000余张) needs a strong one."""
    if not match.group("num")[0].isdigit() and not match.group("each"):
        return False
    sentence = context.marks.sentence_before(match.start())
    if _PAST.search(sentence) or context.marks.scope_after(match.end()):
        return False
    if _approximate(plain, match) and not (context.ahead or _AHEAD_STRONG.search(sentence)):
        return False
    number = match.start("each") if match.group("each") else match.start("num")
    verb = _BARE_VERB.search(plain, max(0, number - _VERB_GAP - 4), number)
    opening = context.ahead and _OPENING.fullmatch(context.marks.clause_before(number))
    return (verb is not None or bool(match.group("each")) or bool(opening)) and (
        context.ahead or _AHEAD.search(sentence) is not None
    )


def _approximate(plain: str, match: re.Match[str]) -> bool:
    """超2万场次, 300余场, 近4万人次: a round figure, not an exact count."""
    return (
        plain.endswith(_APPROXIMATE_BEFORE, 0, match.start("num"))
        or bool(_APPROXIMATE_AFTER.match(plain, match.end("num")))
        or any(ch in "余多" for ch in plain[match.end("num") : match.start("unit")])  # 286万余次
    )


def _target(
    text: str, plain: str, match: re.Match[str], op: Op, previous_end: int, marks: _Marks
) -> FoundTarget | None:
    scale = _SCALE.get(match.group("wan"), 1)
    value = parse_number(match.group("num"), scale=scale)
    if value is None or value <= 0:
        return None
    unit = match.group("unit")
    pre = match.groupdict().get("pre")
    growth = unit == "%" and _growth_before(plain, _pre_start(match))
    kind: Kind = "growth" if growth else "level" if unit in ("%", "‰") else "sum"
    clause_start = marks.clause_start(match.start("num"))
    noun, noun_end = _noun_after(text, match.end())
    name = noun or _noun_before(text[max(clause_start, previous_end) : _pre_start(match)])
    phrase = _phrase(text, clause_start, noun_end)
    return FoundTarget(
        name or phrase,
        unit,
        op,
        value,
        kind,
        phrase,
        match.start("num"),
        note=_note(match, unit),
        doubt=_doubt(match, pre, approximate=pre is None and _approximate(plain, match)),
    )


def _note(match: re.Match[str], unit: str) -> str | None:
    """What the value alone does not say: the stretch value, or the range it heads."""
    if match.group("stretch"):
        return f"争取值 {match.group('stretch')}{unit}(达标值/争取值,取达标值)"
    if match.group("upper"):
        return f"原文为区间 {match.group('num')}-{match.group('upper')}{unit},取下限"
    return None


def _doubt(match: re.Match[str], pre: str | None, *, approximate: bool) -> str | None:
    """Why the reviewer must confirm the target, or ``None``."""
    if match.group("post") == "左右":
        return "“左右”是约数,请定下限或上限"
    if approximate:
        return "原文是约数(超/余/多/近/约),按所写的数起草为下限,请核对"
    if match.group("each"):
        return "“各”:这是每一处的数,总数请按处数核算"
    if pre in ("下降", "减少", "压减"):
        return "降幅写成上限;请核对口径和基数"
    return None


def _pre_start(match: re.Match[str]) -> int:
    return match.start("pre") if match.groupdict().get("pre") else match.start("num")


def _phrase(text: str, start: int, end: int) -> str:
    """The wording a target came from, its last ``_PHRASE_WIDTH`` characters at most."""
    shown = text[max(start, end - _CONTEXT_WIDTH) : end].strip()
    if len(shown) > _PHRASE_WIDTH or start < end - _CONTEXT_WIDTH:
        shown = "…" + shown[-_PHRASE_WIDTH:]
    return shown


def _noun_after(text: str, end: int) -> tuple[str, int]:
    """The noun a measure word counts when it follows (5家|重点企业|及), and where it ends."""
    run = _NOUN_AFTER.match(text, end)
    words = _NOUN_STOP.split(run.group())[0] if run is not None else ""
    noun = _QUOTES.sub("", words)
    return (noun, end + len(words)) if len(noun) >= 2 else ("", end)


def _noun_before(segment: str) -> str:
    """What is counted, from the words before the comparator: 全年培训团干部 → 培训团干部."""
    name = _QUOTES.sub("", _SUB_NUMBER.sub("", segment))
    if "的" in name[:-2]:
        name = name[name.rindex("的", 0, len(name) - 2) + 1 :]
    event = _EVENT_VERB.match(name)
    if event is not None and len(name) - event.end() >= 2:
        name = name[event.end() :]
    name = _FILLER.sub("", name) or name
    return name.removesuffix("各")[-_NAME_WIDTH:]
