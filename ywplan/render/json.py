"""JSON for scripts: the command's own document (SPEC §4), UTF-8, indented.

Texts are exact (a name keeps its zero-width space or its escape character); the
characters a terminal would act on or hide are written as ``\\uXXXX`` escapes, the
same JSON value (:func:`~ywplan.safetext.json_escaped`).
"""

from __future__ import annotations

import json

from ywplan.reports.table import Output
from ywplan.safetext import json_escaped


def write(output: Output, to_file: bool) -> str:
    """The registry's writer: the output's JSON document."""
    return json_escaped(json.dumps(output.data(), ensure_ascii=False, indent=2)) + "\n"
