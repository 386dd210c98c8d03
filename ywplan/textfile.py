"""Reading a user's text file: size limits, UTF-8 (with or without BOM), GBK diagnosed."""

from __future__ import annotations

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
