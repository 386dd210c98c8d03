"""Tables as GitHub-flavoured Markdown (for pasting into a report, an issue or a chat).

Every text from a plan or a ledger is shown as written, never as markup: controls are
made visible (:func:`~ywplan.safetext.visible`; a line feed shows as ``␊``, so a cell
stays on its row), ``< > &`` become entities (a ``<script>`` in a name is text, on GitHub
as in any renderer that allows HTML), and the characters Markdown reads as table cells,
emphasis, code or links (``| * _ ` [ ] ~``, and the backslash) are backslash-escaped.
"""

from __future__ import annotations

from ywplan.reports.table import Document, Output, Table, format_cell, grouped
from ywplan.safetext import visible

_MARKUP = str.maketrans(
    {
        **{char: "\\" + char for char in "\\|*_`[]~"},
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
    }
)


def _escape(text: str) -> str:
    return visible(text).translate(_MARKUP)


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


def write(output: Output, to_file: bool) -> str:
    """The registry's writer: the output's document as Markdown."""
    return write_document(output.document())


def write_document(document: Document) -> str:
    """``# title``, a list of the heading lines, then the tables (items grouped).

    A listing is its one table under a ``##`` heading, every row whole.
    """
    if document.listing:
        return write_markdown(list(document.tables))
    head = [f"# {_escape(document.title)}", "", *(f"- {_escape(line)}" for line in document.lines)]
    tables = write_markdown([grouped(table) for table in document.tables])
    return "\n".join(head) + "\n\n" + tables
