"""``ywplan new``: the files a plans repository starts with, in a git repository.

A plan skeleton that passes ``ywplan check`` (one example target, one qualitative item),
``.gitattributes`` so that two clerks' ledger lines merge as a union, ``.gitignore`` for
the lock and temporary files, a pre-commit configuration and a GitHub Actions workflow
that installs this very version of ywplan. Existing files are never overwritten without
``--force``; each file is written to a temporary file beside it and renamed into place,
so an interrupted run leaves no half-written file. Then ``git init``, unless the folder
is in a repository already (or git is missing: the user is told how).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import typer

from ywplan import __version__
from ywplan.errors import UsageError, YwplanError
from ywplan.i18n import t
from ywplan.store.textfile import write_atomically

WORKFLOW_PATH = ".github/workflows/ywplan.yml"

REPOSITORY = "https://github.com/OWNER/ywplan"
"""Where ywplan is published, for an install whose source cannot be told (see requirement)."""

PLAN = """\
# ywplan 计划文件 / ywplan plan file
# 修改后运行 ywplan check 检查 / run `ywplan check` after editing.
plan: {title}
org: {org}
year: {year}
# 报送进度的下级单位(可选)/ sub-units that report (optional):
# units: [南湖区, 秀洲区, 嘉善县]
items:
  - number: 1                      # 序号,唯一 / item number, unique
    title: 加强团干部选育管用          # 必填 / required
    text: 全年培训团干部不少于400人次。  # 原文(可选)/ the original wording (optional)
    lead: 组织部                     # 牵头部门(可选)/ lead department (optional)
    targets:
      - id: cadre-training         # 小写字母、数字、连字符 / [a-z0-9-]; log as 1.cadre-training
        name: 培训团干部
        unit: 人次
        min: 400                   # 不少于 → min;不超过 → max / at least → min, at most → max
        # kind: sum                # sum(累计,默认)| level(最新值)| growth(增长 %,需 baseline)
        # schedule: {{Q1: 100, Q2: 200, Q3: 300}}   # 季度累计节点(可选)/ quarterly checkpoints
        # by_unit: {{南湖区: 60}}                   # 各单位任务数(可选)/ quotas per sub-unit
  - number: 2
    title: 深化青年理论武装
    # 没有 targets 的事项是定性事项 / an item without targets is qualitative
"""

GITATTRIBUTES = """\
# 台账只追加、一行一条:两位同事各自追加的记录按并集合并。
# Ledgers are append-only, one entry per line: two clerks' appends merge as a union.
*.ledger.csv merge=union
"""

GITIGNORE = """\
# ywplan 写台账时的锁文件 / ywplan's lock files beside each ledger
.*.ledger.csv.lock
.*.lock
# 写入中断时可能留下的临时文件和日志 / what an interrupted write may leave behind
.*.tmp
.*.ledger.csv.pending
# 台账索引,设置 YWPLAN_CACHE_DIR=.ywplan-cache 时放在这里 / the ledger index, with that setting
.ywplan-cache/
"""

PRE_COMMIT = """\
# pre-commit (https://pre-commit.com): pre-commit install
# 每次提交前检查计划和台账 / check plans and ledgers before each commit.
repos:
  - repo: local
    hooks:
      - id: ywplan-check
        name: ywplan check
        entry: ywplan check
        language: system
        files: ^plans/.*\\.(ya?ml|ledger\\.csv)$
        pass_filenames: true
        require_serial: true
"""

WORKFLOW = """\
# 每次推送和合并请求时检查计划和台账,错误标注在对应的行上。
# Check plans and ledgers on every push and pull request; findings appear on their lines.
name: ywplan
on: [push, pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      # ywplan 不在 PyPI 上:从它的代码仓库安装写出本文件的版本。
      # ywplan is not on PyPI: install the version that wrote this file from its repository.
      - run: python -m pip install "{requirement}"
      - run: ywplan check --format github
        env:
          YWPLAN_LANG: {lang}
"""


def _year(text: str | None, today: dt.date) -> int:
    if text is None:
        return today.year
    text = text.strip()
    if not (text.isdigit() and len(text) == 4 and int(text) >= 1900):
        raise UsageError("new.bad_year", value=text[:20])
    return int(text)


def files_for(org: str | None, year: int, lang: str) -> dict[str, str]:
    """The scaffold's files, relative path → text."""
    org = (org or "").strip() or t("new.default_org")
    chinese = any("\u4e00" <= c <= "\u9fff" for c in org)
    title = f"{org}{year}年工作要点" if chinese else f"{org} work plan {year}"
    plan = PLAN.format(title=_yaml_text(title), org=_yaml_text(org), year=year)
    return {
        f"plans/workplan-{year}.yaml": plan,
        ".gitattributes": GITATTRIBUTES,
        ".gitignore": GITIGNORE,
        ".pre-commit-config.yaml": PRE_COMMIT,
        WORKFLOW_PATH: WORKFLOW.format(lang=lang, requirement=requirement()),
    }


def requirement() -> str:
    """What CI gives ``pip install``: the very ywplan that runs, pinned.

    Where this ywplan came from is read from its install record (PEP 610
    ``direct_url.json``): a git URL is pinned to the commit installed; a local clone
    is pinned to its ``origin`` and checked-out commit; no record means a package index,
    pinned by version. Only when none of these tells, this version's tag in
    :data:`REPOSITORY`.
    """
    installed = _installed_from()
    if installed is None:
        return f"ywplan=={__version__}"
    url, commit = installed
    if url and commit:
        return f"ywplan @ git+{url}@{commit}"
    return f"ywplan @ git+{REPOSITORY}@v{__version__}"


def _installed_from() -> tuple[str, str] | None:
    """(git URL, commit) this ywplan was installed from; ``("", "")`` if unknown; None: an index."""
    import json
    from importlib import metadata
    from urllib.parse import unquote, urlparse

    try:
        record = metadata.distribution("ywplan").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return ("", "")
    if record is None:
        return None
    try:
        direct = json.loads(record)
        url = str(direct["url"])
        vcs = direct.get("vcs_info") or {}
    except (ValueError, KeyError, TypeError, AttributeError):
        return ("", "")
    if vcs.get("vcs") == "git" and vcs.get("commit_id"):
        return (url, str(vcs["commit_id"]))
    parsed = urlparse(url)
    if parsed.scheme == "file":
        return _clone_of(Path(unquote(parsed.path)))
    return ("", "")


def _clone_of(folder: Path) -> tuple[str, str]:
    """The ``origin`` URL and checked-out commit of a git clone in *folder*, or ``("", "")``."""
    git = shutil.which("git")
    if git is None or not folder.is_dir():
        return ("", "")
    origin = _git(git, "-C", str(folder), "remote", "get-url", "origin")
    commit = _git(git, "-C", str(folder), "rev-parse", "--verify", "HEAD")
    if origin is None or commit is None or origin.returncode or commit.returncode:
        return ("", "")
    url = origin.stdout.strip()
    if not url.startswith(("https://", "ssh://", "git@")):
        return ("", "")  # a clone of a clone on this disk: CI cannot reach it
    return (url, commit.stdout.strip())


def _yaml_text(value: str) -> str:
    """A one-line YAML scalar: quoted (JSON style, which YAML reads) when it needs it."""
    import json

    plain = value and value == value.strip() and not any(c in value for c in ":#{}[],&*!|>'\"%@`")
    return value if plain else json.dumps(value, ensure_ascii=False)


def run(folder: str, *, org: str | None, year: str | None, force: bool, today: dt.date) -> None:
    """Create the files of a plans repository in *folder*."""
    from ywplan.i18n import get_lang

    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise YwplanError("new.not_a_folder", path=folder)
    files = files_for(org, _year(year, today), get_lang())
    existing = [name for name in files if (root / name).exists()]
    if existing and not force:
        raise YwplanError("new.exists", files="\n".join(f"  {root / n}" for n in existing))
    for name, text in files.items():
        path = root / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, text)
        except OSError as exc:
            raise YwplanError("new.write_failed", path=str(path), reason=exc.strerror) from None
        key = "new.overwritten" if name in existing else "new.created"
        typer.echo(t(key, path=path))
    if _installed_from() == ("", ""):
        typer.echo(t("new.source_unknown", path=root / WORKFLOW_PATH), err=True)
    _start_git(root)
    typer.echo(t("new.next", plan=root / next(iter(files))))


def _start_git(root: Path) -> None:
    """``git init`` in *root* unless it is in a work tree already; say what was done."""
    git = shutil.which("git")
    if git is None:
        typer.echo(t("new.git_missing", path=root), err=True)
        return
    inside = _git(git, "-C", str(root), "rev-parse", "--is-inside-work-tree")
    if inside is not None and inside.returncode == 0:
        typer.echo(t("new.git_inside", path=root))
        return
    started = _git(git, "init", "-q", str(root))
    if started is None or started.returncode != 0:
        reason = started.stderr.strip().splitlines()[-1:] if started is not None else []
        typer.echo(t("new.git_failed", path=root, reason="".join(reason)[:200]), err=True)
        return
    typer.echo(t("new.git_init", path=root))


def _git(git: str, *args: str) -> subprocess.CompletedProcess[str] | None:
    """Run git (its messages in English, never shown as they are); None if it cannot run."""
    try:
        return subprocess.run(
            [git, *args],
            capture_output=True,
            text=True,
            errors="replace",
            env={**os.environ, "LC_ALL": "C"},
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
