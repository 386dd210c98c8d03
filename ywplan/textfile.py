"""Reading a user's text file: size limits, UTF-8 (with or without BOM), GBK diagnosed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ywplan.errors import Problem


def decode(data: bytes, path: str) -> tuple[str, Problem | None]:
    """Decode UTF-8 (a BOM is dropped); name GBK/GB18030 files as such, with the fix."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            return "", Problem("file.not_utf8", {}, path, line, 1)
        return "", Problem("file.gbk", {}, path, line, 1)


def read_text(path: Path, limit: int) -> tuple[str, Problem | None]:
    """The text of *path*, or a problem: missing, a folder, too large, not UTF-8."""
    name = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            return "", Problem("file.is_dir", {}, name)
        if size > limit:
            return "", Problem("file.too_large", {"size": size, "limit": limit}, name)
        data = path.read_bytes()
    except FileNotFoundError:
        return "", Problem("file.missing", {}, name)
    except OSError as exc:
        return "", Problem("file.unreadable", {"reason": exc.strerror or str(exc)}, name)
    return decode(data, name)


def write_atomically(path: Path, data: bytes) -> None:
    """Write *data* to *path* so that a reader sees the old file or the new one, whole.

    A temporary file in the same folder is written, synced and renamed over *path*.
    """
    mode = path.stat().st_mode & 0o777 if path.exists() else _new_file_mode()
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(temp, mode)  # mkstemp makes it private (0600); a plan is an ordinary file
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _new_file_mode() -> int:
    """The mode ``open()`` would give a new file under the current umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
