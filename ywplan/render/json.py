"""JSON for scripts: the command's own document (SPEC §4), UTF-8, indented."""

from __future__ import annotations

import json

from ywplan.reports.table import Output


def write(output: Output, to_file: bool) -> str:
    """The registry's writer: the output's JSON document."""
    return json.dumps(output.data(), ensure_ascii=False, indent=2) + "\n"
