"""Files ywplan keeps outside the repository to answer faster: where they live, the
per-user key that seals them, and small sealed values derived from one file.

Light on purpose (the standard library only, nothing heavy), so that TAB completion can
read a cached value without importing what building it needs. A cache file is read only
when it is a regular file of a sane size; a sealed one only under the user's key (kept
outside the cache folder, which may be shared: ``YWPLAN_CACHE_DIR=.ywplan-cache``); a
derived value only while its source file is as it was (size, mtime, inode, device).
Nothing here prints; a cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
from pathlib import Path
from typing import Any

from ywplan.store.textfile import read_regular, regular_descriptor

KEY_BYTES = 32
_DIGEST = hashlib.sha256().digest_size
_DERIVED_LIMIT = 4 * 1024 * 1024  # a derived value is small: a plan's target list


def cache_dir() -> Path | None:
    """Where index files live, or None when the cache is turned off."""
    if os.environ.get("YWPLAN_CACHE", "").strip().lower() in ("0", "off", "no", "false"):
        return None
    given = os.environ.get("YWPLAN_CACHE_DIR")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError, OSError):  # no home folder: no cache
            return None
    return Path(base) / "ywplan"


def key_dir() -> Path | None:
    """Where the key that seals index files lives: the user's config folder, not the cache.

    ``$YWPLAN_KEY_DIR``, else ``%APPDATA%\\ywplan`` on Windows, else
    ``$XDG_CONFIG_HOME/ywplan``, else ``~/.config/ywplan``; None without a home folder.
    """
    given = os.environ.get("YWPLAN_KEY_DIR")
    if given:
        return Path(given)
    base = os.environ.get("APPDATA" if os.name == "nt" else "XDG_CONFIG_HOME")
    if not base:
        try:
            base = str(Path.home() / ".config")
        except (RuntimeError, KeyError, OSError):
            return None
    return Path(base) / "ywplan"


def user_key() -> bytes | None:
    """The user's secret for sealing index files, made on first use; None if in any doubt.

    The key is a regular file of :data:`KEY_BYTES` random bytes, owned by the user and
    readable by nobody else (on POSIX). One that is a link, has another size or mode,
    or cannot be made, is not used, and is never replaced: the cache is just not used.
    """
    folder = key_dir()
    if folder is None:
        return None
    path = folder / "key"
    try:
        if not os.path.lexists(path):
            _make_key(path)
        fd = regular_descriptor(path, os.O_RDONLY)
    except OSError:
        return None
    if fd is None:
        return None
    with open(fd, "rb") as handle:
        found = os.fstat(handle.fileno())
        key = handle.read(KEY_BYTES + 1)
    private = os.name != "posix" or (found.st_uid == os.getuid() and not found.st_mode & 0o077)
    return key if len(key) == KEY_BYTES and private else None


def _make_key(path: Path) -> None:
    """Create the key file atomically, readable by its owner only; a key made meanwhile wins."""
    import secrets
    import tempfile

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".key-", suffix=".tmp")  # 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(KEY_BYTES))
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, path)  # never replaces a key another process just made
        except FileExistsError:
            pass
        except OSError:  # no hard links on this file system
            if not os.path.lexists(path):
                os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def seal(payload: bytes, key: bytes, magic: bytes) -> bytes:
    """*payload* as a cache file: *magic*, its HMAC-SHA256 under *key*, then itself."""
    return magic + hmac.digest(key, payload, "sha256") + payload


def unseal(blob: bytes, key: bytes, magic: bytes) -> bytes | None:
    """The payload of a cache file sealed under *key* with *magic*, or None."""
    head = len(magic) + _DIGEST
    found, mac, payload = blob[: len(magic)], blob[len(magic) : head], blob[head:]
    if found != magic or not hmac.compare_digest(mac, hmac.digest(key, payload, "sha256")):
        return None
    return payload


def replace_file(path: Path, blob: bytes) -> None:
    """Write *blob* to a new temporary file renamed over *path* (never written through).

    Raises ``OSError`` when it cannot.
    """
    import tempfile

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part~")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(blob)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cache_name(where: str) -> str:
    """The name a cache file kept for the path *where* starts with (a hash of the path:
    any path, of any length or alphabet, makes a short plain file name)."""
    return hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _derived_file(kind: str, source: Path) -> tuple[Path, str, bytes] | None:
    """Where the *kind* of value derived from *source* is kept, the source's stamp, and
    the key: None without a cache or a key."""
    folder = cache_dir()
    key = user_key() if folder is not None else None
    if folder is None or key is None:
        return None
    where = str(source.resolve())
    found = source.stat()
    stamp = f"{where}\n{found.st_size} {found.st_mtime_ns} {found.st_ino} {found.st_dev}"
    return folder / f"{cache_name(where)}.{kind}", stamp, key


def read_derived(kind: str, source: Path) -> Any:
    """The value of *kind* last derived from the file *source* as it is now, or None."""
    try:
        place = _derived_file(kind, source)
        if place is None:
            return None
        path, stamp, key = place
        blob = read_regular(path, _DERIVED_LIMIT)
        payload = None if blob is None else unseal(blob, key, _magic(kind))
        record = None if payload is None else marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if type(record) is not tuple or len(record) != 2 or record[0] != stamp:
        return None
    return record[1]


def write_derived(kind: str, source: Path, value: Any) -> None:
    """Keep *value*, derived from the file *source* as it is now, for :func:`read_derived`
    (a value marshal can write; nothing happens when there is no cache)."""
    try:
        place = _derived_file(kind, source)
        if place is not None:
            path, stamp, key = place
            replace_file(path, seal(marshal.dumps((stamp, value)), key, _magic(kind)))
    except (OSError, ValueError):
        pass


def _magic(kind: str) -> bytes:
    return b"ywplan-" + kind.encode("ascii") + b"1"
