"""``ywplan import FILE``: draft a plan YAML from the official text of a work plan.

(Named ``import_plan`` because ``import`` is a Python keyword; the drafting itself is
the :mod:`ywplan.importing` package.)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ywplan.errors import YwplanError
from ywplan.i18n import t


def run(file: str, *, output: str | None, org: str | None, year: int | None, force: bool) -> None:
    """Draft the plan in *file* (``-``: standard input) to *output* or standard output."""
    from ywplan.importing import draft, read_document
    from ywplan.render.formats import is_stdout
    from ywplan.store.discovery import is_ledger_name
    from ywplan.store.textfile import write_atomically

    source = file if file == "-" else Path(file).name
    result = draft(read_document(file), org=org or None, year=year, source=source)
    if output is None or is_stdout(output):
        sys.stdout.write(result.yaml)
        return
    target = Path(output)
    if any(is_ledger_name(p.name.lower()) for p in (target, target.resolve())):
        raise YwplanError("report.protected", path=output)  # a draft plan never replaces a ledger
    if os.path.exists(output) and not force:
        raise YwplanError("import.exists", path=output)
    try:
        write_atomically(Path(output), result.yaml.encode("utf-8"))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise YwplanError("import.unwritable", path=output, reason=reason) from None
    done = t(
        "import.done", path=output, items=result.items, targets=result.targets, todos=result.todos
    )
    print(done, file=sys.stderr)
    if result.doubtful:
        print(t("import.doubtful", count=result.doubtful), file=sys.stderr)
    print(t("import.next", path=output), file=sys.stderr)
