"""Shared by the output-safety tests: a guard on renames, and a watchdog on named pipes."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def renames_stay_in_tmp(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tests run as root in containers: a build that renames a file over /dev/null or
    /dev/stdout must fail the test, not break the machine."""
    base = tmp_path_factory.getbasetemp().resolve()
    real = os.replace

    def guarded(src: str | Path, dst: str | Path) -> None:
        if not Path(os.path.abspath(dst)).is_relative_to(base):
            raise AssertionError(f"renamed over {dst}")
        real(src, dst)

    monkeypatch.setattr(os, "replace", guarded)


@contextlib.contextmanager
def unblocked(path: Path) -> Iterator[None]:
    """Free a command stuck opening the named pipe at *path* (every 5 s), so that a
    build that waits on a pipe fails its test instead of hanging the run."""
    done = threading.Event()

    def release() -> None:
        while not done.wait(5):
            with contextlib.suppress(OSError):
                os.close(os.open(path, os.O_RDWR | os.O_NONBLOCK))

    watchdog = threading.Thread(target=release, daemon=True)
    watchdog.start()
    try:
        yield
    finally:
        done.set()
        watchdog.join()
