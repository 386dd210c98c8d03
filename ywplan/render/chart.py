"""A target's year drawn: the cumulative against 序时进度, month by month.

:func:`svg_chart` is a small inline SVG line chart for the HTML report (no script, no
external asset: the page prints and mails as one file); :func:`terminal_chart` draws the
same as text lines for ``ywplan history``. Both read a
:class:`~ywplan.reports.table.Series` and nothing else.
"""

from __future__ import annotations

from html import escape

from ywplan.core.numbers import format_number
from ywplan.i18n import t
from ywplan.reports.table import Series

ACTUAL, EXPECTED, BOTH = "●", "○", "◉"
ROWS = 8  # the terminal chart's height in lines
MONTH_WIDTH = 4  # cells per month


def top_of(series: Series) -> float:
    """The value the chart's top stands for: the largest of goal, cumulative and 序时进度."""
    top = max((series.goal, *series.actual, *series.expected))
    return top if top > 0 else 1.0


def _level(value: float, top: float) -> int:
    """The line (0 = the axis, ROWS = the top) that *value* is drawn on."""
    return max(0, min(ROWS, round(value / top * ROWS)))


def terminal_chart(series: Series) -> list[str]:
    """The chart as text lines: a y-axis of values, ● cumulative, ○ 序时进度, ◉ both."""
    top = top_of(series)
    actual = [_level(v, top) for v in series.actual]
    expected = [_level(v, top) for v in series.expected]
    labels = {ROWS: format_number(top), ROWS // 2: format_number(top / 2), 0: "0"}
    width = max(len(label) for label in labels.values())
    lines = []
    for row in range(ROWS, -1, -1):
        cells = []
        for month in range(12):
            on_actual = month < len(actual) and actual[month] == row
            on_expected = expected[month] == row
            mark = BOTH if on_actual and on_expected else ACTUAL if on_actual else ""
            mark = mark or (EXPECTED if on_expected else " ")
            cells.append(mark.center(MONTH_WIDTH))
        axis = "┼" if row == 0 else "┤" if row in labels else "│"
        lines.append(f"{labels.get(row, ''):>{width}} {axis}{''.join(cells)}")
    months = "".join(str(m).center(MONTH_WIDTH) for m in range(1, 13))
    lines.append(" " * (width + 2) + months)
    lines.append(" " * (width + 2) + legend())
    return lines


def legend() -> str:
    """``● 累计完成  ○ 序时进度``."""
    return f"{ACTUAL} {t('col.cumulative')}  {EXPECTED} {t('col.expected')}"


# --- SVG ----------------------------------------------------------------------------------

WIDTH, HEIGHT = 260, 120
LEFT, RIGHT, TOP, BOTTOM = 34, 8, 8, 18


def _x(month: int) -> float:
    """The x of month *month* (1–12)."""
    return LEFT + (WIDTH - LEFT - RIGHT) * (month - 1) / 11


def _y(value: float, top: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - max(value, 0.0) / top)


def _points(values: tuple[float, ...], top: float) -> str:
    return " ".join(f"{_x(m):.1f},{_y(v, top):.1f}" for m, v in enumerate(values, start=1))


def svg_chart(series: Series) -> str:
    """An inline SVG of *series*: 序时进度 dashed, the cumulative solid, 12 months wide."""
    top = top_of(series)
    label = escape(t("chart.label", title=series.title), quote=True)
    parts = [
        f'<svg class="trend" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-label="{label}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{label}</title>",
        f'<line class="axis" x1="{LEFT}" y1="{_y(0, top):.1f}" x2="{WIDTH - RIGHT}" '
        f'y2="{_y(0, top):.1f}"/>',
        f'<line class="goal" x1="{LEFT}" y1="{_y(series.goal, top):.1f}" x2="{WIDTH - RIGHT}" '
        f'y2="{_y(series.goal, top):.1f}"/>',
        f'<text x="{LEFT - 3}" y="{_y(series.goal, top) + 3:.1f}" text-anchor="end">'
        f"{escape(format_number(series.goal))}</text>",
        f'<text x="{LEFT - 3}" y="{_y(0, top) + 3:.1f}" text-anchor="end">0</text>',
        f'<polyline class="expected" points="{_points(series.expected, top)}"/>',
    ]
    if series.actual:
        parts.append(f'<polyline class="actual" points="{_points(series.actual, top)}"/>')
        last = len(series.actual)
        parts.append(
            f'<circle class="actual" cx="{_x(last):.1f}" cy="{_y(series.actual[-1], top):.1f}" '
            f'r="2.5"/>'
        )
    for month in (1, 3, 6, 9, 12):
        parts.append(
            f'<text x="{_x(month):.1f}" y="{HEIGHT - 5}" text-anchor="middle">{month}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
