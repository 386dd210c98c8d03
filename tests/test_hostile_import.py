"""The hostile-input corpus of ``ywplan import``: each input refused with its message, fast.

Every case builds its input in a temporary folder (the big ones are made there, sparse
where they can be, never stored in the repository), runs ``ywplan import`` on it and
expects exit 1, exactly the English message and hint listed here, the Chinese hint in
Chinese, no traceback, and all of it in under 2 s.
"""

from __future__ import annotations

import base64
import io
import os
import random
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO, runner
from tests.hostile_docx import declared, package
from ywplan.cli.main import app
from ywplan.i18n import set_lang, t
from ywplan.importing.limits import size_text

MB = 1024 * 1024
PLAN_LINE = "1.深化青年理论武装。全年培训团干部不少于400人次。\n".encode()
HINT_TEXT = (
    "a year's work plan is 10–200 KB of text: check that this is the right file,"
    " or keep only the plan's text"
)
HINT_DOCX = (
    "no document saved by Word or WPS is like this: open it in Word or WPS and save it"
    " again, or save it as .txt"
)
HINT_BIG_DOCX = (
    "a work plan's .docx is 1–10 MB: remove large pictures and save it again, or save it as .txt"
)
HINT_NOT_FILE = "give the path of a .txt or .docx file"
CLOSED = "closed"  # Source.device: standard input closed (ywplan import - <&-)
PICTURES = ("word/media/image1.png", "word/media/image2.png")
PLAN_PARAGRAPH = (
    "<w:p><w:r><w:t>1.深化青年理论武装。全年培训团干部不少于400人次。</w:t></w:r></w:p>"
)


@dataclass(frozen=True)
class Source:
    """What ``import`` reads: its argument, and the bytes or the device on standard input."""

    arg: str
    stdin: bytes | None = None
    device: str | None = None  # run as a real process with this device (or CLOSED) as stdin


@dataclass(frozen=True)
class Hostile:
    """One hostile input: how to make it, the message it gets and the key of that message."""

    name: str
    build: Callable[[Path], Source]
    key: str
    message: str
    hint: str


def _file(name: str, data: bytes) -> Callable[[Path], Source]:
    def build(folder: Path) -> Source:
        (folder / name).write_bytes(data)
        return Source(name)

    return build


def _sparse(name: str, head: bytes, size: int) -> Callable[[Path], Source]:
    """A file of *size* bytes starting with *head*, the rest a hole (no disk used)."""

    def build(folder: Path) -> Source:
        with open(folder / name, "wb") as handle:
            handle.write(head)
            handle.truncate(size)
        return Source(name)

    return build


def _plan_text(size: int) -> bytes:
    """A plan's text of exactly *size* bytes, whole lines of it padded with ASCII."""
    lines = PLAN_LINE * (size // len(PLAN_LINE))
    return lines + b"x" * (size - len(lines))


def _stdin(data: bytes) -> Callable[[Path], Source]:
    return lambda _folder: Source("-", data)


def _endless(_folder: Path) -> Source:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    return Source("-", device="/dev/zero")


def _empty_paragraphs(size: int) -> bytes:
    """A valid .docx whose body is *size* bytes of empty paragraphs: packs ~1000:1."""
    return package("<w:p/>" * (size // 6))


BOMB = _empty_paragraphs(8 * MB)
BOMB_RATIO = next(
    i.file_size // i.compress_size
    for i in zipfile.ZipFile(io.BytesIO(BOMB)).infolist()
    if i.filename == "word/document.xml"
)


def _pictures_declared_huge() -> bytes:
    """Two 'pictures' of 700 KB that declare 60 MB each: packed 1:86, over 120 MB in all."""
    noise = random.Random(0).randbytes(700 * 1024)  # packs no smaller
    made = package(PLAN_PARAGRAPH, parts=dict.fromkeys(PICTURES, noise))
    return declared(made, dict.fromkeys(PICTURES, 60 * MB))


HUGE = _pictures_declared_huge()
HUGE_SIZE = size_text(sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(HUGE)).infolist()))


def _many_members(count: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as made:
        for i in range(count):
            made.writestr(f"word/media/p{i}.png", b"")
    return buffer.getvalue()


def _long_text_docx() -> bytes:
    """A .docx whose text is 1.1 million characters (base64 noise packs only ~1.3:1)."""
    noise = base64.b64encode(random.Random(1).randbytes(75_000)).decode()
    return package(f"<w:p><w:r><w:t>{noise}</w:t></w:r></w:p>" * 11)


def _closed_stdin(_folder: Path) -> Source:
    return Source("-", device=CLOSED)


def _fifo(folder: Path) -> Source:
    os.mkfifo(folder / "pipe.txt")
    return Source("pipe.txt")


def _folder(folder: Path) -> Source:
    (folder / "plans.txt").mkdir()
    return Source("plans.txt")


def _link_to_fifo(folder: Path) -> Source:
    os.mkfifo(folder / "pipe")
    (folder / "link.txt").symlink_to(folder / "pipe")
    return Source("link.txt")


TEXT_TOO_LARGE = "import.text_too_large"

CORPUS = [
    Hostile(
        "text one byte over the bound",
        _file("big.txt", _plan_text(2 * MB + 1)),
        TEXT_TOO_LARGE,
        "big.txt is too large for a plan's text (more than 2 MB)",
        HINT_TEXT,
    ),
    Hostile(
        "39 MB one-line text",
        _sparse("oneline.txt", b"1." + "青年".encode() * 1000, 39 * MB),
        TEXT_TOO_LARGE,
        "oneline.txt is too large for a plan's text (more than 2 MB)",
        HINT_TEXT,
    ),
    Hostile(
        "standard input over the bound",
        _stdin(_plan_text(2 * MB + 1)),
        TEXT_TOO_LARGE,
        "- is too large for a plan's text (more than 2 MB)",
        HINT_TEXT,
    ),
    Hostile(
        "standard input from /dev/zero",
        _endless,
        TEXT_TOO_LARGE,
        "- is too large for a plan's text (more than 2 MB)",
        HINT_TEXT,
    ),
    Hostile(
        "standard input closed",
        _closed_stdin,
        "import.no_stdin",
        "standard input is closed: there is nothing to read",
        "pipe or redirect the text in (ywplan import - < plan.txt), or give the file's path",
    ),
    Hostile(
        ".docx over the bound",
        _sparse("big.docx", b"PK\x03\x04", 20 * MB + 1),
        "import.docx_too_large",
        "big.docx is too large for a Word document (more than 20 MB)",
        HINT_BIG_DOCX,
    ),
    Hostile(
        "zip bomb: a part packed 1000:1",
        _file("bomb.docx", BOMB),
        "import.docx_bomb",
        f"bomb.docx: its part word/document.xml would unpack to 8 MB, {BOMB_RATIO} times"
        " its packed size: a zip bomb, not read",
        HINT_DOCX,
    ),
    Hostile(
        "zip bomb on standard input",
        _stdin(BOMB),
        "import.docx_bomb",
        f"-: its part word/document.xml would unpack to 8 MB, {BOMB_RATIO} times"
        " its packed size: a zip bomb, not read",
        HINT_DOCX,
    ),
    Hostile(
        "parts declaring 120 MB in all",
        _file("huge.docx", HUGE),
        "import.docx_unpacked_too_large",
        f"huge.docx would unpack to {HUGE_SIZE}, more than the 40 MB a Word document may hold:"
        " it was not read",
        HINT_BIG_DOCX,
    ),
    Hostile(
        "10,001 parts",
        _file("many.docx", _many_members(10_001)),
        "import.docx_too_many_parts",
        "many.docx holds more than 10000 parts, far more than a Word document has: it was not read",
        HINT_DOCX,
    ),
    Hostile(
        "a .docx whose text is 1.1 million characters",
        _file("long.docx", _long_text_docx()),
        "import.docx_text_too_large",
        "the text of long.docx is longer than 1000000 characters, too long for a plan",
        HINT_TEXT,
    ),
    Hostile(
        "a damaged package",
        _file("damaged.docx", b"PK\x03\x04 a damaged package"),
        "import.bad_docx",
        "damaged.docx is not a valid Word document (.docx)",
        "open it in Word or WPS and save it again as .docx, or save it as .txt",
    ),
    Hostile(
        "a FIFO",
        _fifo,
        "import.not_a_file",
        "pipe.txt is not a regular file (it is a folder, a pipe or a device)",
        HINT_NOT_FILE,
    ),
    Hostile(
        "a folder",
        _folder,
        "import.not_a_file",
        "plans.txt is not a regular file (it is a folder, a pipe or a device)",
        HINT_NOT_FILE,
    ),
    Hostile(
        "a symbolic link to a FIFO",
        _link_to_fifo,
        "import.not_a_file",
        "link.txt is not a regular file (it is a folder, a pipe or a device)",
        HINT_NOT_FILE,
    ),
    Hostile(
        "a device",
        lambda _folder: Source("/dev/zero"),
        "import.not_a_file",
        "/dev/zero is not a regular file (it is a folder, a pipe or a device)",
        HINT_NOT_FILE,
    ),
]


def _limit_memory() -> None:  # pragma: no cover - runs in the child process
    """An endless read fails at 1 GB instead of taking the machine's memory."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1024 * MB, 1024 * MB))


def _close_stdin() -> None:  # pragma: no cover - runs in the child process
    _limit_memory()
    os.close(0)


def _process(source: Source, folder: Path, lang: str) -> tuple[int, str]:
    """``python -m ywplan import`` as its own process, *source.device* on standard input."""
    assert source.device is not None
    env = {**os.environ, "YWPLAN_LANG": lang, "PYTHONPATH": str(REPO)}
    env.pop("YWPLAN_DEBUG", None)
    closed = source.device == CLOSED
    with open(os.devnull if closed else source.device, "rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "ywplan", "import", source.arg],
            stdin=stdin,
            capture_output=True,
            cwd=folder,
            env=env,
            timeout=30,
            check=False,
            preexec_fn=_close_stdin if closed else _limit_memory,
        )
    return done.returncode, (done.stdout + done.stderr).decode()


def _import(source: Source, folder: Path, lang: str) -> tuple[int, str, float]:
    """Exit code, output and seconds of ``ywplan import`` on *source* in language *lang*."""
    started = time.monotonic()
    if source.device is not None:
        code, output = _process(source, folder, lang)
    else:
        os.environ["YWPLAN_LANG"] = lang
        result = runner().invoke(app, ["import", source.arg], input=source.stdin)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
        code, output = result.exit_code, result.stdout + result.stderr
    return code, output, time.monotonic() - started


def _id(case: Hostile) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", case.name).strip("-")


@pytest.mark.parametrize("case", CORPUS, ids=_id)
def test_hostile_input_is_refused(
    case: Hostile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if "FIFO" in case.name and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    if case.name == "a device" and not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("YWPLAN_LANG", "en")
    code, output, elapsed = _import(case.build(tmp_path), tmp_path, "en")
    assert (code, output) == (1, f"error: {case.message}\n    hint: {case.hint}\n")
    assert elapsed < 2, f"took {elapsed:.1f} s"


IN_CHINESE = [
    case
    for case in CORPUS
    if case.name in ("text one byte over the bound", "zip bomb: a part packed 1000:1")
]


@pytest.mark.parametrize("case", IN_CHINESE, ids=_id)
def test_hostile_input_is_refused_in_chinese(
    case: Hostile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("YWPLAN_LANG", "zh")
    code, output, _ = _import(case.build(tmp_path), tmp_path, "zh")
    set_lang("zh")
    assert code == 1
    assert output.startswith(f"{t('error')}: ")
    assert output.endswith(f"{t(case.key + '.hint')}\n")
    assert "zip bomb" not in output and "too large" not in output


def test_every_key_of_the_corpus_has_both_languages_and_a_hint() -> None:
    for key in {case.key for case in CORPUS}:
        for lang in ("zh", "en"):
            set_lang(lang)  # type: ignore[arg-type]
            assert t(key + ".hint", _default="")
    set_lang("en")
