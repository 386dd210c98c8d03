"""The ``console`` blocks of README.md and docs/*.md, run for real: compared, or rewritten.

A console block is a fenced block marked ``console``. A line starting with ``$ `` is a
command; the lines after it, up to the next command, are what it prints (standard output
and standard error, interleaved as a terminal shows them). Each document runs in a fresh
temporary copy of the repository's ``plans/``, its blocks in order, so an entry logged
early in a document is in the ledger that a later ``entries`` lists.

A document declares what it states in prose in HTML comments (invisible when rendered):

``<!-- console: NAME=VALUE ... -->``
    the environment of every command of the document (``YWPLAN_TODAY``, ``YWPLAN_LANG``…).
``<!-- console-setup: VERB ARGS -->``
    just before a block, files prepared for that block only, put back after it:
    ``copy SRC DEST`` (SRC in the repository), ``replace FILE OLD NEW`` (the first
    occurrence), ``encode FILE ENCODING`` (a text file saved in another encoding),
    ``lock FILE`` (hold the ledger FILE's lock, as another clerk's ywplan would).

Commands. ``ywplan …`` runs in-process as on a terminal of :data:`COLUMNS` columns (colours
stripped), prompting when arguments are missing; ``NAME=VALUE`` before it sets its
environment, ``> FILE`` sends its standard output to a file, a ``# comment`` is ignored.
``cd DIR`` moves within the copy and ``git …`` runs git. :data:`SKIPPED` lines are not
run (they would change this machine); any other line is an error, so that a new kind of
line is a decision rather than a silent skip. Exit codes are not compared: a refusal
shows in what is printed.

Output. Lines are compared without trailing spaces. A line that is only ``…`` stands for
any number of lines: the document shortens a long output there. An interactive command's
answers are read from the document: at each prompt, the answer is what follows the
prompt on the next expected line that starts with it (if the prompt was reworded, on the
most alike line that ends a prompt with ``:``), and it is echoed as a terminal would.

Ids. New entries get random ids. The ids the document shows are mapped to the real ones
(learned where a line differs only by them, else where it is most alike), and a command
argument that is a prefix of a mapped id is given the real id's prefix; ``--update``
writes the document's ids back. Ids are drawn from a generator seeded with the
document's name, so that an update is the same every time.

``python scripts/docs_console.py [--update] [FILE…]`` runs this outside the tests.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
COLUMNS = 120  # the width of ywplan's tables when its output is not a terminal, too
FENCE = "```"
ELLIPSIS = "…"
SKIPPED = (
    ("pip",),  # installs ywplan: the checkout under test is installed already
    ("python", "-m", "pip"),
    ("ywplan", "--install-completion"),  # edits the user's shell start-up file
)
# The environment every command starts from; the document's own comes on top.
BASE_ENV: dict[str, str | None] = {
    "LANG": "C.UTF-8",
    "COLUMNS": str(COLUMNS),
    "LINES": "50",
    "TERM": "xterm-256color",  # not "dumb": rich would fall back to 80 columns
    "YWPLAN_INTERACTIVE": "1",  # a terminal: a command missing arguments asks for them
    **dict.fromkeys(
        (
            "YWPLAN_PLAN",
            "YWPLAN_LANG",
            "YWPLAN_TODAY",
            "YWPLAN_BY",
            "YWPLAN_DEBUG",
            "YWPLAN_CACHE",
            "YWPLAN_LOCK_TIMEOUT",
            "LC_ALL",
            "LC_MESSAGES",
            "LANGUAGE",
            "NO_COLOR",
            "FORCE_COLOR",
        )
    ),
}
ENV_COMMENT = re.compile(r"^<!--\s*console:\s*(.*?)\s*-->\s*$")
SETUP_COMMENT = re.compile(r"^<!--\s*console-setup:\s*(.*?)\s*-->\s*$")
ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
ID_TOKEN = re.compile(r"^[0-9a-z]{4,16}$")


class DocError(Exception):
    """A document the runner cannot run: a malformed directive or an unknown command."""


@dataclass
class Command:
    """``$ line`` and the lines the document shows after it."""

    line: str
    number: int  # the 1-based line of the document it stands on
    expected: list[str]


@dataclass
class Block:
    """A console block: its commands, its setup, and where it stands in the document."""

    start: int  # index of the opening fence line
    end: int  # index of the closing fence line
    commands: list[Command]
    setup: list[list[str]] = field(default_factory=list)


@dataclass
class Doc:
    """A document's lines, its declared environment and its console blocks."""

    path: Path
    lines: list[str]
    env: dict[str, str]
    blocks: list[Block]


@dataclass
class Ran:
    """A command as it ran: the output to compare with the document (ids as the doc has them)."""

    command: Command
    actual: list[str]
    skipped: bool = False


# --- reading a document --------------------------------------------------------------


def documents(root: Path = REPO) -> list[Path]:
    """README.md and docs/*.md that hold a console block."""
    paths = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    return [p for p in paths if p.is_file() and f"{FENCE}console" in p.read_text("utf-8")]


def parse(path: Path) -> Doc:
    """The document at *path*, its environment comment and its console blocks."""
    lines = path.read_text(encoding="utf-8").split("\n")
    env: dict[str, str] = {}
    blocks: list[Block] = []
    setup: list[list[str]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if found := ENV_COMMENT.match(line):
            env.update(_assignments(shlex.split(found.group(1)), path, index))
        elif found := SETUP_COMMENT.match(line):
            setup.append(shlex.split(found.group(1)))
        elif line.strip() == f"{FENCE}console":
            end = _closing_fence(lines, index, path)
            blocks.append(Block(index, end, _commands(lines, index, end, path), setup))
            setup, index = [], end
        elif line.strip() and setup:
            raise DocError(f"{path}:{index + 1}: console-setup not followed by a console block")
        index += 1
    return Doc(path, lines, env, blocks)


def _assignments(words: list[str], path: Path, index: int) -> dict[str, str]:
    pairs = [w.partition("=") for w in words]
    if not all(sep and name.isidentifier() for name, sep, _ in pairs):
        raise DocError(f"{path}:{index + 1}: expected NAME=VALUE words: {' '.join(words)}")
    return {name: value for name, _, value in pairs}


def _closing_fence(lines: list[str], start: int, path: Path) -> int:
    for index in range(start + 1, len(lines)):
        if lines[index].strip() == FENCE:
            return index
    raise DocError(f"{path}:{start + 1}: console block never closed")


def _commands(lines: list[str], start: int, end: int, path: Path) -> list[Command]:
    commands: list[Command] = []
    for index in range(start + 1, end):
        if lines[index].startswith("$ "):
            commands.append(Command(lines[index][2:], index + 1, []))
        elif commands:
            commands[-1].expected.append(lines[index])
        elif lines[index].strip():
            raise DocError(f"{path}:{index + 1}: output before the block's first $ command")
    return commands


# --- comparing and fitting output ------------------------------------------------------


def _clean(lines: Sequence[str]) -> list[str]:
    """Without trailing spaces and trailing empty lines."""
    out = [line.rstrip() for line in lines]
    while out and not out[-1]:
        out.pop()
    return out


def _is_gap(line: str) -> bool:
    return line.strip() == ELLIPSIS


def fit(expected: list[str], actual: list[str]) -> list[str]:
    """*actual* shaped like *expected*: where the document shortens with ``…``, so does this.

    The part before the first ``…`` is the start of the output, the part after the last
    one its end (a block that ends with ``…`` shows only a start); each part between is
    placed where the output is most like it. With no ``…``, this is *actual*. The
    document matches the output exactly when ``fit(expected, actual) == expected``.
    """
    if not any(_is_gap(line) for line in expected):
        return list(actual)
    parts: list[list[str]] = [[]]
    gaps: list[str] = []
    for line in expected:
        if _is_gap(line):
            gaps.append(line)
            parts.append([])
        else:
            parts[-1].append(line)
    head, middle, tail = parts[0], parts[1:-1], parts[-1]
    tail_start = max(len(actual) - len(tail), len(head))
    out = list(actual[: len(head)])
    position = len(head)
    for gap, part in zip(gaps, middle, strict=False):
        start = _best_place(part, actual, position, tail_start)
        out += [gap, *actual[start : start + len(part)]]
        position = start + len(part)
    out += [gaps[-1], *actual[tail_start:]] if tail else [gaps[-1]]
    return out


def _best_place(part: list[str], actual: list[str], lo: int, hi: int) -> int:
    """Where in ``actual[lo:hi]`` *part* is most alike (the first exact place if any)."""
    last = max(lo, hi - len(part))
    best, best_score = lo, -1.0
    for start in range(lo, last + 1):
        window = actual[start : start + len(part)]
        if window == part:
            return start
        score = sum(_alike(a, b) for a, b in zip(part, window, strict=False))
        if score > best_score:
            best, best_score = start, score
    return best


def _alike(a: str, b: str) -> float:
    """How alike two lines are, by their words and by their characters (spacing aside)."""
    words = difflib.SequenceMatcher(None, a.split(), b.split()).ratio()
    return words + difflib.SequenceMatcher(None, " ".join(a.split()), " ".join(b.split())).ratio()


# --- ids ------------------------------------------------------------------------------


@dataclass
class Ids:
    """The ids the document shows, mapped to the ids the run gave (both ways)."""

    to_real: dict[str, str] = field(default_factory=dict)
    to_doc: dict[str, str] = field(default_factory=dict)

    def learn(self, new: list[str], actual: list[str], expected: list[str]) -> None:
        """Map the document's ids (in *expected*) to the *new* ids the run printed."""
        tokens = [t for real in new for t in (real, real[:8])]
        for line in actual:
            present = [t for t in tokens if t in line and t not in self.to_doc]
            if present:
                self._learn_line(line, present, expected)

    def _learn_line(self, line: str, present: list[str], expected: list[str]) -> None:
        """From the expected line that differs only by the ids, else the most alike one."""
        pattern = re.compile("(" + "|".join(map(re.escape, sorted(present, key=len)[::-1])) + ")")
        pieces = pattern.split(line)
        regex = "".join(
            f"([0-9a-z]{{{len(p)}}})" if i % 2 else re.escape(self.doc_text(p))
            for i, p in enumerate(pieces)
        )
        for candidate in expected:
            if found := re.fullmatch(regex, candidate):
                self._pair(pieces[1::2], list(found.groups()))
                return
        shown = self.doc_text(line)
        alike = difflib.get_close_matches(shown, expected, n=1, cutoff=0.6)
        if alike:  # the line changed around the id: take what stands at the same place
            places = [(m.start(), m.group()) for m in pattern.finditer(shown)]
            reals = [real for _, real in places]
            docs = [alike[0][at : at + len(real)] for at, real in places]
            if all(
                re.fullmatch(f"[0-9a-z]{{{len(r)}}}", d) for d, r in zip(docs, reals, strict=True)
            ):
                self._pair(reals, docs)

    def _pair(self, reals: list[str], docs: list[str]) -> None:
        for real, doc in zip(reals, docs, strict=True):
            self.to_real.setdefault(doc, real)
            self.to_doc.setdefault(real, doc)

    def doc_text(self, text: str) -> str:
        """*text* with the run's ids written as the document's."""
        return _replace_all(text, self.to_doc)

    def real_text(self, text: str) -> str:
        """*text* with the document's ids written as the run's."""
        return _replace_all(text, self.to_real)

    def real_argument(self, word: str) -> str:
        """A command argument: the real id's prefix when *word* is a prefix of a doc id."""
        if not ID_TOKEN.match(word):
            return word
        owners = {
            real[: len(word)]
            for doc, real in self.to_real.items()
            if doc.startswith(word) and len(real) >= len(word)
        }
        return owners.pop() if len(owners) == 1 else word


def _replace_all(text: str, mapping: dict[str, str]) -> str:
    for old in sorted(mapping, key=len, reverse=True):
        text = text.replace(old, mapping[old])
    return text


def _ledger_ids(root: Path) -> set[str]:
    """Every entry id in the ledgers under *root* (first field of each line)."""
    ids: set[str] = set()
    for ledger in root.rglob("*.ledger.csv"):
        with contextlib.suppress(OSError, UnicodeDecodeError):
            text = ledger.read_text(encoding="utf-8-sig")
            ids.update(line.split(",", 1)[0] for line in text.splitlines()[1:])
    return ids


@contextlib.contextmanager
def seeded_ids(seed: str) -> Iterator[None]:
    """Entry ids from a generator seeded with *seed*, so that a run is the same each time."""
    from ywplan.core import model

    source = getattr(model, "secrets", None)
    if source is None or not hasattr(source, "choice"):  # ids made differently now: random
        yield
        return
    model.secrets = random.Random(seed)  # type: ignore[assignment]
    try:
        yield
    finally:
        model.secrets = source


@contextlib.contextmanager
def _published_source() -> Iterator[None]:
    """``ywplan new`` as on an office's machine: ywplan installed from its repository's tag."""
    from ywplan import __version__
    from ywplan.app import new

    found = new._installed_from
    new._installed_from = lambda: (new.REPOSITORY, f"v{__version__}")  # type: ignore[assignment]
    try:
        yield
    finally:
        new._installed_from = found  # type: ignore[assignment]


# --- running --------------------------------------------------------------------------


def _terminal_runner() -> Any:
    """A CliRunner whose streams say they are a terminal and whose prompts read the doc."""
    from typer.testing import CliRunner, termui

    class TerminalRunner(CliRunner):
        answers: list[str] = []  # noqa: RUF012  (the expected lines of the running command)

        @contextlib.contextmanager
        def isolation(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
            with super().isolation(*args, **kwargs) as streams:
                for stream in (sys.stdin, sys.stdout, sys.stderr):
                    stream.isatty = lambda: True  # type: ignore[method-assign]
                termui.visible_prompt_func = _answering(streams[2], self.answers)
                yield streams

    return TerminalRunner()


def _answering(output: Any, expected: list[str]) -> Any:
    """A prompt function that answers from the expected lines, echoing like a terminal."""
    remaining = list(expected)

    def prompt(last: str | None = None) -> str:
        sys.stdout.write(last or "")
        sys.stdout.flush()
        shown = output.getvalue().decode("utf-8", "replace").rsplit("\n", 1)[-1]
        at, answer = _answer(ESCAPES.sub("", shown), remaining)
        if at < 0:
            raise EOFError  # the document answers no more: click aborts, as at end of input
        del remaining[: at + 1]
        sys.stdout.write(answer + "\n")
        return answer

    return prompt


def _answer(shown: str, lines: list[str]) -> tuple[int, str]:
    """Which line answers the prompt *shown*, and the answer: the line that starts with it,
    else (the prompt was reworded) the most alike line that ends a prompt with ``:``."""
    for at, line in enumerate(lines):
        if line.startswith(shown) or line.rstrip() == shown.rstrip():
            return at, line[len(shown) :]
    best, best_score = (-1, ""), 0.0
    for at, line in enumerate(lines):
        head, sep, tail = (line.rstrip() + " ").rpartition(": ")
        score = _alike(shown, head + sep) + (_first_word(shown) == _first_word(head))
        if sep and score >= 1.0 and score > best_score:
            best, best_score = (at, tail.strip()), score
    return best


def _first_word(text: str) -> str:
    return (text.split() or [""])[0].rstrip(":")


class Runner:
    """Runs one document's blocks in a temporary copy of ``plans/``."""

    def __init__(self, doc: Doc, root: Path) -> None:
        self.doc = doc
        self.root = root
        self.cwd = root
        self.ids = Ids()
        self.cli = _terminal_runner()
        self.cache = root / ".cache"

    def run(self) -> list[list[Ran]]:
        """Every block's commands as they ran."""
        shutil.copytree(REPO / "plans", self.root / "plans")
        with seeded_ids(self.doc.path.name), _published_source(), _working_in(self.root):
            return [self._block(block) for block in self.doc.blocks]

    def _block(self, block: Block) -> list[Ran]:
        with _setup(block.setup, self.cwd, self.doc.path, block.start):
            return [self._command(command) for command in block.commands]

    def _command(self, command: Command) -> Ran:
        words = shlex.split(command.line, comments=True)
        env: dict[str, str] = {}
        while words and "=" in words[0] and words[0].partition("=")[0].isidentifier():
            name, _, value = words.pop(0).partition("=")
            env[name] = value
        if not words or any(tuple(words[: len(s)]) == s for s in SKIPPED):
            return Ran(command, command.expected, skipped=True)
        if words[0] == "cd":
            self._cd(words, command)
            return Ran(command, [])
        if words[0] == "git":
            return Ran(command, self._git(words[1:], env))
        if words[0] == "ywplan":
            return Ran(command, self._ywplan(words[1:], env, command))
        where = f"{self.doc.path}:{command.number}"
        raise DocError(f"{where}: not a command this runner runs: {command.line}")

    def _cd(self, words: list[str], command: Command) -> None:
        target = (self.cwd / words[1]).resolve() if len(words) == 2 else None
        if target is None or not target.is_dir() or not _inside(target, self.root):
            raise DocError(f"{self.doc.path}:{command.number}: cannot cd there: {command.line}")
        self.cwd = target
        os.chdir(target)

    def _git(self, args: list[str], env: dict[str, str]) -> list[str]:
        done = subprocess.run(
            ["git", *args],
            cwd=self.cwd,
            env={**os.environ, **env, "LC_ALL": "C"},
            capture_output=True,
            text=True,
            check=False,
        )
        return _clean((done.stdout + done.stderr).split("\n"))

    def _ywplan(self, args: list[str], env: dict[str, str], command: Command) -> list[str]:
        redirect = None
        if ">" in args:
            at = args.index(">")
            args, redirect = args[:at], self.cwd / args[at + 1]
        args = [self.ids.real_argument(word) for word in args]
        expected = [self.ids.real_text(line) for line in command.expected]
        before = _ledger_ids(self.root)
        self.cli.answers = expected
        result = self.cli.invoke(
            _app(),
            args,
            env={
                **BASE_ENV,
                "YWPLAN_CACHE_DIR": str(self.cache),
                **self.doc.env,
                **env,
            },
            catch_exceptions=True,
        )
        if redirect is not None:
            redirect.write_text(result.stdout, encoding="utf-8")
            shown = result.stderr
        else:
            shown = result.output
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            shown += f"\n<{type(result.exception).__name__}: {result.exception}>"
        actual = _clean(ESCAPES.sub("", shown).split("\n"))
        new = sorted(_ledger_ids(self.root) - before)
        self.ids.learn(new, actual, _clean(command.expected))
        return [self.ids.doc_text(line) for line in actual]


def _app() -> Any:
    from ywplan.cli.main import app

    return app


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())


@contextlib.contextmanager
def _working_in(folder: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


@contextlib.contextmanager
def _setup(steps: list[list[str]], cwd: Path, doc: Path, start: int) -> Iterator[None]:
    """Apply a block's setup steps; afterwards put back every file they touched."""
    saved: dict[Path, bytes | None] = {}
    with contextlib.ExitStack() as stack:
        for step in steps:
            try:
                _apply(step, cwd, saved, stack)
            except (DocError, OSError, ValueError, LookupError) as exc:
                raise DocError(f"{doc}:{start}: console-setup {' '.join(step)}: {exc}") from None
        try:
            yield
        finally:
            stack.close()
            for path, data in saved.items():
                if data is None:
                    path.unlink(missing_ok=True)
                else:
                    path.write_bytes(data)


def _apply(step: list[str], cwd: Path, saved: dict[Path, bytes | None], stack: Any) -> None:
    verb, args = step[0], step[1:]
    if verb == "lock" and len(args) == 1:
        from filelock import FileLock

        from ywplan.store.ledger import lock_path

        stack.enter_context(FileLock(str(lock_path(cwd / args[0])), timeout=5))
        return
    shapes = {"copy": 2, "replace": 3, "encode": 2}
    if shapes.get(verb) != len(args):
        raise DocError("unknown step or wrong number of arguments")
    target = cwd / (args[1] if verb == "copy" else args[0])
    saved.setdefault(target, target.read_bytes() if target.exists() else None)
    if verb == "copy":
        target.write_bytes((REPO / args[0]).read_bytes())
    elif verb == "replace":
        text = target.read_text(encoding="utf-8")
        if args[1] not in text:
            raise DocError(f"{args[1]!r} is not in {args[0]}")
        target.write_text(text.replace(args[1], args[2], 1), encoding="utf-8")
    else:
        target.write_bytes(target.read_text(encoding="utf-8-sig").encode(args[1]))


# --- checking and updating -------------------------------------------------------------


def run_doc(doc: Doc) -> list[list[Ran]]:
    """Run *doc* in a fresh temporary copy of ``plans/``."""
    with tempfile.TemporaryDirectory(prefix="ywplan-docs-") as folder:
        return Runner(doc, Path(folder)).run()


def differences(doc: Doc, ran: list[list[Ran]]) -> list[str]:
    """Each command whose output is not what the document shows, as ``file:line`` + a diff."""
    problems = []
    for block in ran:
        for item in block:
            expected = _clean(item.command.expected)
            got = fit(expected, item.actual)
            if item.skipped or got == expected:
                continue
            diff = difflib.unified_diff(expected, got, "document", "ywplan", lineterm="", n=1)
            where = f"{doc.path}:{item.command.number}: $ {item.command.line}"
            problems.append("\n".join([where, *list(diff)[2:]]))
    return problems


def updated(doc: Doc, ran: list[list[Ran]]) -> str:
    """The document's text with every console block's output replaced by the real one."""
    lines = list(doc.lines)
    for block, results in sorted(zip(doc.blocks, ran, strict=True), key=lambda p: -p[0].start):
        body: list[str] = []
        for item in results:
            expected = _clean(item.command.expected)
            shown = expected if item.skipped else fit(expected, item.actual)
            body += [f"$ {item.command.line}", *shown]
        lines[block.start + 1 : block.end] = body
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """``docs_console.py [--update] [FILE…]``: compare (exit 1 on a difference) or rewrite."""
    update = "--update" in argv
    names = [a for a in argv if a != "--update"]
    paths = [Path(n).resolve() for n in names] if names else documents()
    failed = 0
    for path in paths:
        doc = parse(path)
        ran = run_doc(doc)
        if update:
            text = updated(doc, ran)
            if text != "\n".join(doc.lines):
                path.write_text(text, encoding="utf-8")
                print(f"updated {path.relative_to(REPO) if _inside(path, REPO) else path}")
            continue
        for problem in differences(doc, ran):
            print(problem, end="\n\n")
            failed += 1
    return 1 if failed else 0
