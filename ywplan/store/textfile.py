"""A user's text files: read with size limits, UTF-8 (with or without BOM), GBK diagnosed;
written atomically (temporary file, sync, rename).

Only regular files are read: a named pipe (FIFO) given as a plan or ledger would block
every command until some program wrote to it, and a device never ends. They are refused
before a byte is read, and the file is opened without blocking so that one swapped in
between the check and the open cannot hang ywplan either.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, Literal, NamedTuple

from ywplan.errors import Problem, YwplanError

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX: opening a FIFO never waits for its peer
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)  # POSIX; on Windows the lstat check stands alone


class NotRegularFileError(OSError):
    """The path names a named pipe, a device or a socket, not a file with contents."""


def decode(data: bytes, path: str, *, torn_tail: bool = False) -> tuple[str, Problem | None]:
    """Decode UTF-8 (a BOM is dropped); name GBK/GB18030 files as such, with the fix.

    With *torn_tail* (ledgers), bytes that fail to decode only after the last line feed
    are a line torn by a crash, cut inside a character, not a second encoding: they
    are decoded with U+FFFD so that the reader reports the torn line itself.
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        if torn_tail and data.find(b"\n", exc.start) < 0:
            return data.decode("utf-8-sig", errors="replace"), None
        line = data.count(b"\n", 0, exc.start) + 1
        return "", Problem(encoding_problem(data), {}, path, line, 1)


def encoding_problem(data: bytes) -> str:
    """The catalog key for bytes that are not UTF-8: ``file.gbk`` when GB18030 reads them."""
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return "file.not_utf8"
    return "file.gbk"


def open_regular(path: Path) -> BinaryIO:
    """*path* opened for reading in binary, if it is a regular file (links followed).

    Raises :class:`IsADirectoryError` for a folder and :class:`NotRegularFileError` for a
    named pipe, device or socket, checked before opening (a device may act on open)
    and again on the open file (the name may have been swapped in between); other
    failures are the usual :class:`OSError`. Every read of a plan or ledger uses this.
    """
    _refuse_special(os.stat(path).st_mode, path)
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    try:
        _refuse_special(os.fstat(fd).st_mode, path)
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def regular_descriptor(path: Path | str, flags: int, *, follow: bool = False) -> int | None:
    """A descriptor on *path* when it is a regular file, else None (nothing is opened).

    Unless *follow*, a symbolic link is not a regular file. The kind is checked before
    opening (a device is never opened) and again on the descriptor itself (fstat), so
    the file checked is the file used; opening never blocks on a FIFO. Raises
    ``OSError`` when *path* cannot be examined or opened (missing, no permission).
    """
    opened = _regular(path, flags, follow=follow)
    return None if opened is None else opened[0]


def _regular(path: Path | str, flags: int, *, follow: bool) -> tuple[int, int] | None:
    """:func:`regular_descriptor`, with the size the open file has."""
    found = os.stat(path) if follow else os.lstat(path)
    if not stat.S_ISREG(found.st_mode):
        return None
    fd = os.open(path, flags | _NONBLOCK | _BINARY | (0 if follow else NO_FOLLOW))
    opened = os.fstat(fd)
    if not stat.S_ISREG(opened.st_mode):
        os.close(fd)
        return None
    return fd, opened.st_size


def read_regular(path: Path | str, limit: int, *, follow: bool = False) -> bytes | None:
    """The bytes of the regular file *path* (see :func:`regular_descriptor`) if at most *limit*.

    None when it is not a regular file, cannot be read, or is larger: its size is
    checked before a byte is read, and at most *limit* + 1 bytes are read. Plain
    descriptor calls, no file object: the ledger index reads thousands of small parts.
    """
    try:
        opened = _regular(path, os.O_RDONLY, follow=follow)
        if opened is None:
            return None
        fd, size = opened
        try:
            if size > limit:
                return None
            chunks = [os.read(fd, size + 1)]
            got = len(chunks[0])
            while got > size and got <= limit:  # it grew while read: read on, up to the limit
                more = os.read(fd, limit + 1 - got)
                if not more:
                    break
                chunks.append(more)
                got += len(more)
        finally:
            os.close(fd)
    except OSError:
        return None
    data = b"".join(chunks) if len(chunks) > 1 else chunks[0]
    return data if len(data) <= limit else None


def read_upto(handle: BinaryIO, limit: int) -> bytes:
    """The rest of the open file *handle*: at most *limit* + 1 bytes (more means too large).

    One read sized to the file, as ``fstat`` gives it: a read of *limit* bytes would
    allocate them all first (milliseconds per run at 512 MB). A file that grows while
    it is read is read on, up to the limit.
    """
    size = os.fstat(handle.fileno()).st_size
    data = handle.read(min(size, limit) + 1)
    if size < len(data) <= limit:
        data += handle.read(limit + 1 - len(data))
    return data


def is_special(path: Path) -> bool:
    """True for a named pipe, a device or a socket (links followed): nothing to open."""
    try:
        return _special(os.stat(path).st_mode)
    except OSError:
        return False


def _special(mode: int) -> bool:
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _refuse_special(mode: int, path: Path) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if _special(mode):
        raise NotRegularFileError(errno.EINVAL, "not a regular file", str(path))


def read_text(path: Path, limit: int, *, torn_tail: bool = False) -> tuple[str, Problem | None]:
    """The text of *path*, or a problem: missing, a folder, not a regular file, too large,
    not UTF-8.

    The size is checked before a byte is read, so a 30 MB file given as a plan is
    refused at once rather than parsed for a minute.
    """
    data, problem = read_bytes(path, limit)
    if problem is not None:
        return "", problem
    return decode(data, str(path), torn_tail=torn_tail)


def read_bytes(path: Path, limit: int) -> tuple[bytes, Problem | None]:
    """The bytes of *path*, or a problem: missing, a folder, not a regular file, too large."""
    name = str(path)
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                return b"", Problem("file.too_large", {"size": size, "limit": limit}, name)
            data = read_upto(handle, limit)
        if len(data) > limit:
            return b"", Problem("file.too_large", {"size": len(data), "limit": limit}, name)
    except FileNotFoundError:
        return b"", Problem("file.missing", {}, name)
    except IsADirectoryError:
        return b"", Problem("file.is_dir", {}, name)
    except NotRegularFileError:
        return b"", Problem("file.not_regular", {}, name)
    except OSError as exc:
        return b"", Problem("file.unreadable", {"reason": exc.strerror or str(exc)}, name)
    return data, None


class Destination(NamedTuple):
    """Where a write to a path goes: *kind* ``new`` (no file yet), ``file`` (a regular
    file, replaced atomically) or ``stream`` (a character device or a named pipe,
    written in place); *path* is the file itself, a link's target for a link."""

    path: Path
    kind: Literal["new", "file", "stream"]


def destination(path: Path) -> Destination:
    """Where writing *path* goes, or a :class:`YwplanError` when it cannot go anywhere.

    A link is followed on purpose: the file it points to is replaced and the link kept.
    A link to nothing, a folder (or a link to one), a block device or a socket is
    refused: renaming a new file over them would destroy the link, fail, or turn the
    device into a plain file.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if os.path.islink(path):
            target = os.readlink(path)
            raise YwplanError("write.dangling_link", path=str(path), target=target) from None
        return Destination(path, "new")
    if stat.S_ISDIR(mode):
        raise YwplanError("write.is_dir", path=str(path))
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return Destination(path, "stream")
    if not stat.S_ISREG(mode):
        raise YwplanError("write.special", path=str(path))
    return Destination(Path(os.path.realpath(path)), "file")


def write_atomically(path: Path, content: str | bytes | Iterable[bytes]) -> None:
    """Write *content* to *path* so that a reader sees the old file or the whole new one.

    The content goes to a temporary file in the same folder, is synced to disk, and is
    renamed over *path* (``os.replace`` is atomic on POSIX and Windows within one file
    system); a process killed half-way leaves at worst a stray temporary file, never a
    half-written *path*. Text is written as UTF-8 exactly as given (no newline
    translation). An existing file keeps its permissions. Every command that writes or
    rewrites a file uses this.

    *path* may also be a link (the file it points to is replaced, the link stays), a
    character device such as ``/dev/null`` or a named pipe (written in place, never
    replaced: see :func:`destination`, whose refusals this raises).

    *content* may come in pieces, written as they are made (a long export is never
    held whole); an exception while one is made leaves *path* as it was.
    """
    import tempfile  # only writers need it; TAB completion imports this module too

    pieces = _pieces(content)
    target, kind = destination(path)
    if kind == "stream":
        _write_stream(target, pieces)
        return
    mode = target.stat().st_mode & 0o777 if kind == "file" else _new_file_mode()
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(temp, mode)  # mkstemp makes it private (0600); a plan is an ordinary file
        with os.fdopen(fd, "wb") as stream:
            for piece in pieces:
                stream.write(piece)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _pieces(content: str | bytes | Iterable[bytes]) -> Iterable[bytes]:
    """*content* as pieces of bytes (text as UTF-8)."""
    if isinstance(content, str):
        return (content.encode("utf-8"),)
    return (content,) if isinstance(content, bytes) else content


def _write_stream(path: Path, pieces: Iterable[bytes]) -> None:
    """Write *pieces* into a device or named pipe; a pipe nobody reads is refused, not waited on."""
    try:
        fd = os.open(path, os.O_WRONLY | _NONBLOCK | _BINARY)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a FIFO opened without blocking, with no reader
            raise YwplanError("write.no_reader", path=str(path)) from None
        raise
    try:
        if _NONBLOCK:
            os.set_blocking(fd, True)  # a slow reader gets every byte, not EAGAIN
        for piece in pieces:
            view = memoryview(piece)
            while view:
                view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _new_file_mode() -> int:
    """The mode ``open()`` would give a new file under the current umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
