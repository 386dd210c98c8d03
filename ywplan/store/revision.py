"""A ledger as it was at a git revision, for ``ywplan check --since REV``.

git runs as a child process without a shell, with a timeout, in the ledger's folder;
the revision is refused before git sees it when it could be read as an option. Nothing
here prints; a failure of git is a usage error (exit 2) naming what to fix.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from ywplan.errors import UsageError
from ywplan.safetext import visible
from ywplan.store.ledger import BOM, CHUNK, COLUMNS
from ywplan.store.textfile import open_regular

GIT_TIMEOUT = 30.0
MAX_REV = 200
# Paths git hands a hook in the environment, maybe relative to where the hook started.
_GIT_PATHS = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_COMMON_DIR",
    "GIT_OBJECT_DIRECTORY",
)

Row = tuple[int, tuple[str, ...]]


def checked_revision(rev: str) -> str:
    """*rev* when git can only read it as a revision; else a usage error.

    ``-…`` would be an option to git (``--output=FILE`` writes a file), and a revision
    has no control characters, nor hundreds of characters.
    """
    if not rev or rev.startswith("-") or len(rev) > MAX_REV or not rev.isprintable():
        raise UsageError("check.bad_rev", rev=visible(rev[:MAX_REV]))
    return rev


def _environment() -> dict[str, str]:
    environment = dict(os.environ)
    for name in _GIT_PATHS:
        if environment.get(name):
            environment[name] = os.path.abspath(environment[name])
    return environment


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args],
            cwd=folder,
            env=_environment(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise UsageError("check.no_git") from None
    except subprocess.TimeoutExpired:
        raise UsageError("check.git_timeout", seconds=f"{GIT_TIMEOUT:g}") from None
    except OSError as exc:
        raise UsageError("check.git_failed", reason=exc.strerror or str(exc)) from None


def commit_of(rev: str, folder: Path) -> str | None:
    """The commit *rev* names in the repository holding *folder* (a usage error if none).

    None for ``HEAD`` before the first commit: there is nothing yet to compare with (a
    pre-commit hook running ``--since HEAD`` must let the first commit through).
    """
    if _git(folder, "rev-parse", "--git-dir").returncode != 0:
        raise UsageError("check.not_git", folder=str(folder))
    found = _git(folder, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if found.returncode == 0:
        return found.stdout.decode("ascii", "replace").strip()
    if rev == "HEAD" and _git(folder, "rev-list", "-n", "1", "--all").stdout.strip() == b"":
        return None
    raise UsageError("check.unknown_rev", rev=rev)


def begins_as_at(commit: str, path: Path) -> bool:
    """Whether the file at *path* begins with the very bytes it had in *commit*: what a
    ledger only appended to since does. Compared by git's own hash of the blob, the file
    read a chunk at a time, so a province's ledger is never held whole; False when in
    doubt (no such file then, a file shorter now, git's filters at work), and then the
    rows are compared instead (:func:`text_at`)."""
    import hashlib

    found = _git(path.parent, "rev-parse", "--verify", "--quiet", f"{commit}:./{path.name}")
    blob = found.stdout.decode("ascii", "replace").strip()
    if found.returncode != 0 or len(blob) not in (40, 64):
        return False
    sized = _git(path.parent, "cat-file", "-s", blob)
    size = sized.stdout.strip()
    if sized.returncode != 0 or not size.isdigit():
        return False
    digest = hashlib.new("sha1" if len(blob) == 40 else "sha256", b"blob " + size + b"\0")
    left = int(size)
    try:
        with open_regular(path) as handle:
            while left > 0:
                chunk = handle.read(min(CHUNK, left))
                if not chunk:
                    return False
                digest.update(chunk)
                left -= len(chunk)
    except OSError:
        return False
    return digest.hexdigest() == blob


def text_at(commit: str, path: Path) -> str | None:
    """The text of the file at *path* in *commit* (None when the commit has no such file)."""
    found = _git(path.parent, "cat-file", "blob", f"{commit}:./{path.name}")
    if found.returncode != 0:
        return None
    return found.stdout.decode("utf-8", "replace")


def ledger_rows(text: str) -> Sequence[Row]:
    """Each row of ledger *text* but its header, with the line it starts on."""
    reader = csv.reader(io.StringIO(text.removeprefix(BOM), newline=""))
    rows: list[Row] = []
    start = 1
    for row in reader:
        if row and (start > 1 or tuple(row) != COLUMNS):
            rows.append((start, tuple(row)))
        start = reader.line_num + 1
    return rows
