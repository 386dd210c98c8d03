"""A parsed plan → the draft plan YAML (SPEC §1), with comments for the reviewer.

The YAML is written as text, not dumped, so that each target carries the phrase it
came from (``# 原文:…不少于400人次``) and each value the importer could not know (a
growth target's baseline, an org or year the text does not state) is left empty with a
``# TODO`` comment: ``ywplan check`` then names exactly what is still to fill in.
Strings are double-quoted with :func:`yaml_quote`, so any wording loads back unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from ywplan.errors import YwplanError
from ywplan.importing.items import ParsedItem, ParsedPlan, parse_plan
from ywplan.importing.numerals import Number
from ywplan.importing.targets import FoundTarget

TODO = "TODO:"  # what the reviewer must fill in; counted for the summary
DOUBT = "待确认:"  # a target drafted although the importer is not sure of it

# JSON leaves these raw, but YAML readers refuse them or read them as line breaks.
_ESCAPES = {
    cp: f"\\u{cp:04x}"
    for cp in (*range(0x7F, 0xA0), *range(0xD800, 0xE000), 0x2028, 0x2029, 0xFFFE, 0xFFFF)
}


@dataclass(frozen=True, slots=True)
class Draft:
    """The draft plan's YAML text and what it holds, for the command's summary line."""

    yaml: str
    items: int
    targets: int
    todos: int
    doubtful: int = 0  # targets drafted with a ``# 待确认`` comment (counted in ``targets``)


def yaml_quote(text: str) -> str:
    """*text* as a double-quoted YAML scalar that YAML 1.1 and 1.2 readers load back as is."""
    return json.dumps(text, ensure_ascii=False).translate(_ESCAPES)


def draft(text: str, *, org: str | None, year: int | None, source: str = "-") -> Draft:
    """Draft a plan from the text of a work plan; *org*/*year* (options) win over the text.

    Raises ``YwplanError("import.no_items")`` when the text has no numbered item.
    """
    parsed = parse_plan(text)
    if not parsed.items:
        raise YwplanError("import.no_items", path=source)
    lines = [*_header(parsed, source), *_plan_keys(parsed, org, year), "items:"]
    for item in parsed.items:
        lines.extend(_item_lines(item))
    yaml_text = "\n".join(lines) + "\n"
    return Draft(
        yaml=yaml_text,
        items=len(parsed.items),
        targets=sum(len(item.targets) for item in parsed.items),
        todos=yaml_text.count(f"# {TODO}"),
        doubtful=sum(1 for item in parsed.items for t in item.targets if t.doubt),
    )


def draft_plan(text: str, *, org: str | None, year: int | None, source: str = "-") -> str:
    """The draft plan YAML for the text of a work plan (see :func:`draft`)."""
    return draft(text, org=org, year=year, source=source).yaml


def _comment(text: str) -> str:
    """*text* fit for a one-line YAML comment."""
    return "".join(ch if ch.isprintable() else " " for ch in text)


def _line(indent: str, key: str, value: str | None, note: str | None = None) -> str:
    line = f"{indent}{key}:" if value is None else f"{indent}{key}: {value}"
    return f"{line}  # {_comment(note)}" if note else line


def _header(parsed: ParsedPlan, source: str) -> Iterator[str]:
    yield f"# 草稿:由 ywplan import 从 {_comment(source)} 生成。请逐条核对标题、目标的"
    yield "# min/max、单位和 kind;每个目标上方的“原文”是它的出处。"
    yield "# 填写标有 TODO 的地方,再运行 ywplan check。"
    if parsed.skipped:
        yield f"# 以下 {len(parsed.skipped)} 段不是编号条目,未导入:"
        for paragraph in parsed.skipped:
            shown = paragraph if len(paragraph) <= 40 else paragraph[:40] + "…"
            yield f"#   {_comment(shown)}"


def _plan_keys(parsed: ParsedPlan, org: str | None, year: int | None) -> list[str]:
    org_value = org or parsed.org
    year_value = year or parsed.year
    title = parsed.title
    title_note = None
    if title is None and org_value and year_value:
        title, title_note = f"{org_value}{year_value}年工作要点", "原文未写标题,按 org 和 year 拟定"
    return [
        _line("", "plan", _quoted(title), title_note or _todo(title, "填写计划标题 plan")),
        _line("", "org", _quoted(org_value), _source_note(org, parsed.org, "org", "--org")),
        _line(
            "",
            "year",
            None if year_value is None else str(year_value),
            _source_note(year, parsed.year, "year", "--year"),
        ),
    ]


def _quoted(value: str | None) -> str | None:
    return None if value is None else yaml_quote(value)


def _todo(value: object, what: str) -> str | None:
    return f"{TODO} {what}" if value is None else None


def _source_note(option: object, stated: object, key: str, flag: str) -> str | None:
    """The comment beside org/year: what to fill in, or what the text said instead."""
    if option is None and stated is None:
        return f"{TODO} 填写 {key}(原文标题未写明;也可用 {flag} 指定)"
    if option is not None and stated is not None and option != stated:
        return f"原文标题写的是 {stated}"
    return None


def _item_lines(item: ParsedItem) -> Iterator[str]:
    renumbered = None
    if item.printed_number is not None:
        renumbered = f"原文序号 {item.printed_number};原文各部分分别编号,已按出现顺序重新编号"
    yield _line("  - ", "number", str(item.number), renumbered)
    yield _line("    ", "title", yaml_quote(item.title))
    if item.section:
        yield _line("    ", "section", yaml_quote(item.section))
    if item.lead:
        yield _line("    ", "lead", yaml_quote(item.lead))
    yield _line("    ", "text", yaml_quote(item.text))
    if item.targets:
        yield "    targets:"
        for index, target in enumerate(item.targets, start=1):
            yield from _target_lines(f"t{index}", target)


def _target_lines(target_id: str, target: FoundTarget) -> Iterator[str]:
    yield f"      # 原文:{_comment(target.phrase)}"
    if target.doubt:
        yield f"      # {DOUBT} {_comment(target.doubt)}"
    yield _line("      - ", "id", target_id)
    yield _line("        ", "name", yaml_quote(target.name))
    yield _line("        ", "unit", yaml_quote(target.unit))
    yield _line("        ", target.op, _number(target.value), target.note)
    if target.kind == "level":
        yield _line("        ", "kind", "level", "比率取最新一次的值;若应累加,改为 sum")
    elif target.kind == "growth":
        yield _line("        ", "kind", "growth")
        yield _line("        ", "baseline", None, f"{TODO} 填写基数 baseline")


def _number(value: Number) -> str:
    return str(value) if isinstance(value, int) else repr(value)
