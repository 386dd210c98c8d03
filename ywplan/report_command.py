"""``ywplan report`` and ``ywplan units``: choose the period, measure, build, write.

Formats: ``table`` (the coloured terminal view), ``txt``, ``markdown``, ``csv``, ``html``,
``xlsx``, ``json``. Without ``--format`` the format follows ``-o``'s extension, else the
terminal view on a terminal and ``txt`` when piped. ``-o FILE`` is written atomically
(a temporary file beside it, then :func:`os.replace`); xlsx needs ``-o``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from ywplan.errors import UsageError, YwplanError
from ywplan.i18n import t
from ywplan.model import Plan
from ywplan.periods import Period, default_as_of, parse_month, parse_quarter
from ywplan.quarterly import PeriodKind, PeriodProgress, period_progress
from ywplan.report_tables import Document
from ywplan.textfile import write_atomically
from ywplan.workspace import open_workspace

FORMATS = ("table", "txt", "markdown", "csv", "html", "xlsx", "json")
ALIASES = {"md": "markdown", "text": "txt", "htm": "html", "terminal": "table"}
BINARY = ("xlsx",)
EXTENSIONS = {
    ".txt": "txt",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
    ".json": "json",
}


def choose_format(value: str | None, output: str | None, tty: bool) -> str:
    """The format asked for, else ``-o``'s extension, else ``table`` on a terminal, else ``txt``."""
    if value is not None:
        name = ALIASES.get(value.strip().lower(), value.strip().lower())
        if name not in FORMATS:
            raise UsageError("usage.bad_format", value=value[:20], choices=", ".join(FORMATS))
        fmt = name
    elif output is not None:
        fmt = EXTENSIONS.get(Path(output).suffix.lower(), "txt")
    else:
        fmt = "table" if tty else "txt"
    if fmt == "table" and output is not None:
        fmt = "txt"  # the coloured view is for a terminal; a file gets the plain text
    if fmt in BINARY and output is None:
        raise UsageError("usage.binary_stdout", format=fmt)
    return fmt


def current_quarter(plan: Plan, today: dt.date) -> Period:
    """The quarter holding the default as-of date (Q4 once the plan year is over)."""
    day = default_as_of(plan.year, today)
    period = parse_quarter(f"{day.year}Q{(day.month - 1) // 3 + 1}")
    assert period is not None
    return period


def resolve_period(
    plan: Plan, today: dt.date, quarter: str | None, month: str | None
) -> tuple[Period, PeriodKind]:
    """The period from ``--quarter`` or ``--month`` (not both), else the current quarter."""
    if quarter is not None and month is not None:
        raise UsageError("usage.quarter_and_month")
    kind: PeriodKind = "quarter"
    if month is not None:
        period, kind = parse_month(month), "month"
        if period is None:
            raise YwplanError("report.bad_month", value=month[:20])
    elif quarter is not None:
        period = parse_quarter(quarter)
        if period is None:
            raise YwplanError("status.bad_quarter", value=quarter[:20])
    else:
        period = current_quarter(plan, today)
    if period.first.year != plan.year:
        raise YwplanError("report.outside_year", period=period.label, year=plan.year)
    return period, kind


def render(document: Document, fmt: str, data: Any) -> str | bytes:
    """The report in *fmt* (``table`` is printed directly and returns '')."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "txt":
        from ywplan.render.text import write_text

        return write_text(document)
    if fmt == "markdown":
        from ywplan.render.markdown_report import write_markdown_document

        return write_markdown_document(document)
    if fmt == "csv":
        from ywplan.render.csvreport import write_csv_document

        return write_csv_document(document)
    if fmt == "html":
        from ywplan.render.html import write_html

        return write_html(document)
    if fmt == "xlsx":
        from ywplan.render.xlsx import write_xlsx

        return write_xlsx(document)
    from ywplan.render.rich_report import print_document

    print_document(document)
    return ""


def write_output(content: str | bytes, output: str | None) -> None:
    """Write to *output* atomically, or to stdout."""
    if output is None:
        assert isinstance(content, str)
        sys.stdout.write(content)
        return
    path = Path(output)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise YwplanError(
            "report.write_failed", path=output, reason=exc.strerror or str(exc)
        ) from None
    print(t("report.written", path=output), file=sys.stderr)


def run_report(
    path: Path,
    today: dt.date,
    *,
    quarter: str | None,
    month: str | None,
    fmt: str | None,
    output: str | None,
) -> None:
    """Build the 季报 (or 月报) of the plan at *path* and write it in the chosen format."""
    fmt = choose_format(fmt, output, output is None and sys.stdout.isatty())
    workspace = open_workspace(path, today)
    plan = workspace.plan
    period, kind = resolve_period(plan, today, quarter, month)
    entries = workspace.ledger.entries
    as_of = today if period.first <= today <= period.last else period.last
    pp = period_progress(plan, entries, period, kind, as_of=as_of)
    day = pp.progress.as_of
    from ywplan.ranking import entries_by_unit, rank_units

    standings = rank_units(plan, entries, day)
    split = entries_by_unit(entries)
    unit_periods: dict[str, PeriodProgress] = {
        unit: period_progress(plan, split.get(unit, []), period, kind, unit, as_of=day)
        for unit in plan.units
    }
    from ywplan.report_tables import period_document, report_document

    document = report_document(pp, standings, unit_periods)
    data = period_document(pp, standings, unit_periods) if fmt == "json" else None
    write_output(render(document, fmt, data), output if fmt != "table" else None)


def run_units(
    path: Path,
    today: dt.date,
    *,
    as_of: str | None,
    quarter: str | None,
    fmt: str | None,
    output: str | None,
) -> None:
    """Rank the sub-units of the plan at *path* and write the ranking in the chosen format."""
    fmt = choose_format(fmt, output, output is None and sys.stdout.isatty())
    from ywplan.progress import year_fraction
    from ywplan.ranking import rank_units
    from ywplan.report_tables import standings_document, units_document
    from ywplan.status_command import resolve_as_of

    workspace = open_workspace(path, today)
    plan = workspace.plan
    day = resolve_as_of(plan, today, as_of, quarter)
    if not plan.units:
        raise YwplanError("units.none")
    standings = rank_units(plan, workspace.ledger.entries, day)
    line = t("units.as_of", as_of=day.isoformat(), fraction=f"{year_fraction(day) * 100:.1f}%")
    document = units_document(plan, standings, line)
    data = standings_document(standings) if fmt == "json" else None
    write_output(render(document, fmt, data), output if fmt != "table" else None)
