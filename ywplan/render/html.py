"""A report as one self-contained HTML page a supervisor prints on A4.

No external assets: the stylesheet is inline, bars are inline SVG, fonts are whatever
the machine has (a Chinese system font list, no web fonts). Every text that comes from
a plan or a ledger goes through :func:`~ywplan.safetext.visible` (a right-to-left
override or a zero-width space shows as ``\u202e``/``\u200b``) and :func:`html.escape`
(no tag, no attribute, no script). States and 督办 flags are shown in colour *and*
in words, so a black-and-white printout still says which target is behind, which item red.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ywplan.core.items import Flag
from ywplan.core.kinds import State
from ywplan.i18n import get_lang, t
from ywplan.render.bars import Bar, bar_of, charted, flag_named, state_named
from ywplan.render.chart import legend, svg_chart
from ywplan.reports.table import Cell, Table, format_cell
from ywplan.safetext import visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ywplan.reports.table import Document, Output, Series

STATE_COLOURS: dict[State, str] = {
    State.DONE: "#1a7f37",
    State.ON_TRACK: "#0a58ca",
    State.BEHIND: "#c62828",
    State.NOT_STARTED: "#9a6700",
    State.BREACHED: "#7b1fa2",
    State.OVERDUE: "#c62828",
    State.DUE_SOON: "#1565c0",
    State.IN_PROGRESS: "#0a58ca",
    State.PENDING: "#555555",
}
# The states a target's bar can have: the chart's legend.
TARGET_STATES = (State.DONE, State.ON_TRACK, State.BEHIND, State.NOT_STARTED, State.BREACHED)
# 督办 colours: a flag cell is filled with its colour and names it (红灯), so a printout in
# black and white still says which item is red.
FLAG_COLOURS: dict[Flag, str] = {
    Flag.RED: "#c62828",
    Flag.YELLOW: "#f9a825",
    Flag.BLUE: "#1565c0",
    Flag.GREEN: "#2e7d32",
}
FLAG_TEXT: dict[Flag, str] = {
    Flag.RED: "#ffffff",
    Flag.YELLOW: "#111111",
    Flag.BLUE: "#ffffff",
    Flag.GREEN: "#ffffff",
}
BAR_W, BAR_H = 120, 12
# Marks a page as ywplan's, so that -o may replace it next time (render.previous).
GENERATOR = '<meta name="generator" content="ywplan">'

STYLE = """
@page { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", "SimHei", "WenQuanYi Micro Hei", sans-serif;
  font-size: 10pt; color: #111; margin: 0 auto; max-width: 277mm; line-height: 1.35; }
header.title-block { border-bottom: 2px solid #b71c1c; margin-bottom: 4mm; padding-bottom: 2mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; color: #b71c1c; text-align: center; }
header p { margin: 0.5mm 0; font-size: 9.5pt; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
section.keep { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #999; padding: 1mm 1.2mm; vertical-align: middle; }
th { background: #f1f1f1; font-weight: 600; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.neg { color: #c62828; }
td.bar { white-space: nowrap; padding: 0.5mm 1mm; }
td.bar svg { display: block; }
td.state { white-space: nowrap; font-weight: 600; }
td.flag { white-space: nowrap; font-weight: 600; text-align: center; }
td.k-title, td.k-target, td.k-note, td.k-progress, td.k-problem { min-width: 8em; }
td.k-unit, td.k-op, td.k-measure { white-space: nowrap; }
td[rowspan] { vertical-align: top; }
p.note { font-size: 8pt; color: #444; margin: 1mm 0; }
p.legend { font-size: 8pt; color: #444; }
svg .track { fill: #e6e6e6; }
.charts { display: flex; flex-wrap: wrap; gap: 2mm 4mm; }
figure.trend { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figure.trend figcaption { font-size: 8pt; }
svg.trend text { font-size: 8px; fill: #444; }
svg.trend .axis { stroke: #999; stroke-width: 1; }
svg.trend .goal { stroke: #bbb; stroke-width: 1; stroke-dasharray: 1 2; }
svg.trend polyline { fill: none; stroke-width: 1.5; }
svg.trend polyline.expected { stroke: #111; stroke-dasharray: 4 3; }
svg.trend polyline.actual { stroke: #0a58ca; }
svg.trend circle.actual { fill: #0a58ca; }
svg .mark { stroke: #111; stroke-width: 2; }
@media screen { body { padding: 8mm; } }
"""


def _e(text: object) -> str:
    return html.escape(visible(str(text)), quote=True)


def svg_bar(bar: Bar, state: State | None, percent: str) -> str:
    """An inline SVG bar: filled to the completion, a black mark at 序时进度."""
    colour = STATE_COLOURS.get(state, "#0a58ca") if state else "#0a58ca"
    filled = round(min(bar.ratio, 1.0) * BAR_W, 1)
    label = t("html.bar_label", percent=percent)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{BAR_W}" height="{BAR_H}" '
        f'viewBox="0 0 {BAR_W} {BAR_H}" role="img" aria-label="{_e(label)}">',
        f"<title>{_e(label)}</title>",
        f'<rect class="track" x="0" y="0" width="{BAR_W}" height="{BAR_H}"/>',
        f'<rect class="fill" x="0" y="0" width="{filled}" height="{BAR_H}" fill="{colour}"/>',
    ]
    if bar.mark is not None:
        x = round(min(max(bar.mark * BAR_W, 1.0), BAR_W - 1.0), 1)
        parts.append(f'<line class="mark" x1="{x}" y1="0" x2="{x}" y2="{BAR_H}"/>')
    parts.append("</svg>")
    return "".join(parts)


def _row_state(table: Table, row: tuple[Cell, ...]) -> State | None:
    for column, value in zip(table.columns, row, strict=True):
        if column.kind == "state" and isinstance(value, str):
            return state_named(value)
    return None


def group_spans(table: Table) -> tuple[set[int], list[int]]:
    """The grouped columns (an item's number and title, or a sub-unit) and, per row, how many
    rows its group cells span (0: covered by the row above)."""
    keys = {c.key for c in table.columns}
    wanted = ("item", "title") if {"item", "title"} <= keys else ("subunit",)
    columns = {i for i, c in enumerate(table.columns) if c.key in wanted}
    if len(columns) != len(wanted) or len(table.columns) <= len(columns) + 1:
        return set(), [1] * len(table.rows)
    spans = [1] * len(table.rows)
    start = 0
    for i in range(1, len(table.rows) + 1):
        same = i < len(table.rows) and all(
            table.rows[i][c] == table.rows[start][c] for c in columns
        )
        if not same:
            spans[start] = i - start
            for j in range(start + 1, i):
                spans[j] = 0
            start = i
    return columns, spans


def _flag(value: Cell) -> Flag | None:
    return flag_named(value) if isinstance(value, str) else None


def _flag_cell(flag: Flag | None, text: str) -> str:
    assert flag is not None
    style = f"background:{FLAG_COLOURS[flag]};color:{FLAG_TEXT[flag]}"
    return f'<td class="flag flag-{flag.value}" style="{style}">{_e(text)}</td>'


def table_html(table: Table, *, chart: bool, titled: bool = True) -> str:
    """One table as a titled ``<section>``; with *chart*, an SVG bar after the percent.

    An item's number and title (or a sub-unit's name) span the rows of its targets.
    Without *titled* (a listing, whose page title is the table's), no ``<h2>``.
    """
    bars = chart and charted(table)
    columns, spans = group_spans(table)
    head = []
    for column in table.columns:
        head.append(f'<th scope="col" data-key="{_e(column.key)}">{_e(column.heading)}</th>')
        if bars and column.key == "percent":
            head.append(f'<th scope="col" data-key="bar">{_e(t("col.bar"))}</th>')
    body = []
    for row, span in zip(table.rows, spans, strict=True):
        state = _row_state(table, row)
        attrs = f' class="state-{state.value}" data-state="{state.value}"' if state else ""
        cells = []
        for index, (column, value) in enumerate(zip(table.columns, row, strict=True)):
            text = format_cell(column, value)
            if index in columns:
                if span:
                    kind = "num" if column.numeric else f"text k-{column.key}"
                    rowspan = f' rowspan="{span}"' if span > 1 else ""
                    cells.append(f'<td class="{kind}"{rowspan}>{_e(text)}</td>')
            elif column.kind == "state" and state is not None:
                colour = STATE_COLOURS[state]
                cells.append(f'<td class="state" style="color:{colour}">{_e(text)}</td>')
            elif column.kind == "flag" and _flag(value) is not None:
                cells.append(_flag_cell(_flag(value), text))
            elif column.numeric:
                negative = " neg" if column.kind == "signed" and text.startswith("-") else ""
                cells.append(f'<td class="num{negative}">{_e(text)}</td>')
            else:
                cells.append(f'<td class="text k-{column.key}">{_e(text)}</td>')
            if bars and column.key == "percent":
                bar = bar_of(table, row)
                svg = svg_bar(bar, state, format_cell(column, value)) if bar else ""
                cells.append(f'<td class="bar">{svg}</td>')
        body.append(f"<tr{attrs}>{''.join(cells)}</tr>")
    if not body:
        span = len(head)
        body.append(f'<tr><td colspan="{span}">—</td></tr>')
    notes = "".join(f'<p class="note">{_e(note)}</p>' for note in table.notes)
    keep = ' class="keep"' if any(c.key == "rank" for c in table.columns) else ""
    return (
        f"<section{keep}>\n{f'<h2>{_e(table.title)}</h2>' if titled else ''}\n"
        f"<table>\n<thead><tr>{''.join(head)}</tr></thead>\n"
        f"<tbody>\n" + "\n".join(body) + f"\n</tbody>\n</table>\n{notes}\n</section>\n"
    )


def charts_html(series: Sequence[Series]) -> str:
    """Each target's year as a small inline SVG chart, under one heading (none without)."""
    if not series:
        return ""
    figures = "\n".join(
        f'<figure class="trend"><figcaption>{_e(one.title)} ({_e(one.unit)})</figcaption>'
        f"{svg_chart(one)}</figure>"
        for one in series
    )
    heading = f'<h2>{_e(t("html.charts"))}</h2>\n<p class="note">{_e(legend())}</p>'
    body = f'<div class="charts">\n{figures}\n</div>'
    return f'<section class="charts-section">\n{heading}\n{body}\n</section>\n'


def write(output: Output, to_file: bool) -> str:
    """The registry's writer: the output's document as a printable page."""
    return write_html(output.document())


def write_html(document: Document) -> str:
    """The whole report as a printable page."""
    lang = "zh-CN" if get_lang() == "zh" else "en"
    lines = "".join(f"<p>{_e(line)}</p>" for line in document.lines)
    sections = "".join(
        table_html(table, chart=table.title == document.chart, titled=not document.listing)
        for table in document.tables
    )
    sections += charts_html(document.series)
    legend = ""
    if document.chart:
        swatches = " ".join(
            f'<span style="color:{colour}">■ {_e(t("state." + state.value))}</span>'
            for state, colour in ((s, STATE_COLOURS[s]) for s in TARGET_STATES)
        )
        legend = f'<p class="legend">{_e(t("report.chart_legend"))} · {swatches}</p>\n'
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{GENERATOR}\n"
        f"<title>{_e(document.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<header class="title-block">\n<h1>{_e(document.title)}</h1>\n{lines}\n</header>\n'
        f"<main>\n{sections}</main>\n<footer>\n{legend}</footer>\n</body>\n</html>\n"
    )
