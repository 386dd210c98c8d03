"""A report as Markdown: a level-1 title, the heading lines, then each table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ywplan.render.markdown import write_markdown

if TYPE_CHECKING:
    from ywplan.report_tables import Document


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ")


def write_markdown_document(document: Document) -> str:
    """``# title``, a list of the heading lines, then the tables (items grouped)."""
    from ywplan.report_tables import grouped

    head = [f"# {_escape(document.title)}", "", *(f"- {_escape(line)}" for line in document.lines)]
    tables = write_markdown([grouped(table) for table in document.tables])
    return "\n".join(head) + "\n\n" + tables
