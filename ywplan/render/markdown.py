"""Tables as GitHub-flavoured Markdown (for pasting into a report or an issue)."""

from __future__ import annotations

from ywplan.safetext import visible
from ywplan.table import Table, format_cell


def _escape(text: str) -> str:
    text = visible(text.replace("\n", " ").replace("\r", " "))
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ")


def write_markdown(tables: list[Table]) -> str:
    """Each table as a heading, a pipe table and its notes."""
    parts = []
    for table in tables:
        lines = [f"## {_escape(table.title)}", ""]
        lines.append("| " + " | ".join(_escape(c.heading) for c in table.columns) + " |")
        lines.append("|" + "|".join("---:" if c.numeric else "---" for c in table.columns) + "|")
        for row in table.rows:
            cells = (_escape(format_cell(c, v)) for c, v in zip(table.columns, row, strict=True))
            lines.append("| " + " | ".join(cells) + " |")
        lines.extend(["", *(f"> {_escape(note)}" for note in table.notes)])
        parts.append("\n".join(lines).rstrip() + "\n")
    return "\n".join(parts)
