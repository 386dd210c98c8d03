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
from typing import TYPE_CHECKING

import typer

from ywplan import __version__
from ywplan.core.numbers import format_amount
from ywplan.errors import UsageError, YwplanError
from ywplan.i18n import t
from ywplan.store.textfile import write_atomically

if TYPE_CHECKING:
    from ywplan.core.model import Plan

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


CHILD_PLAN = """\
# ywplan 计划文件 / ywplan plan file
# 本单位向上级报送:counts_toward 的目标计入上级的目标 / this office reports to its parent:
# a target with counts_toward is counted in the parent's target (SPEC §8).
# 上级的 children 要能找到本文件 / the parent's children globs must find this file.
plan: {title}
org: {org}
year: {year}
reports_to:
  plan: {parent}
  unit: {unit}
items:
{items}"""


def _title(org: str, year: int) -> str:
    chinese = any("\u4e00" <= c <= "\u9fff" for c in org)
    return f"{org}{year}年工作要点" if chinese else f"{org} work plan {year}"


def child_items(parent: Plan, unit: str) -> str:
    """The parent's items whose targets carry a quota for *unit*, each such target with
    the quota as its own goal and ``counts_toward`` the parent's target (SPEC §8)."""
    lines: list[str] = []
    for item in sorted(parent.items, key=lambda i: i.number):
        quoted = [t for t in item.targets if t.by_unit and unit in t.by_unit]
        if not quoted:
            continue
        lines += [f"  - number: {item.number}", f"    title: {_yaml_text(item.title)}"]
        lines.append("    targets:")
        for target in quoted:
            assert target.by_unit is not None
            goal = "min" if target.op == ">=" else "max"
            lines += [
                f"      - id: {target.id}",
                f"        name: {_yaml_text(target.name)}",
                f"        unit: {_yaml_text(target.unit)}",
                f"        {goal}: {format_amount(target.by_unit[unit])}",
            ]
            if target.kind != "sum":
                lines.append(f"        kind: {target.kind}")
            if target.baseline is not None:
                lines.append(f"        baseline: {format_amount(target.baseline)}")
            lines.append(f"        counts_toward: {item.number}.{target.id}")
    if not lines:
        lines = ["  - number: 1", f"    title: {_yaml_text(t('new.no_quota_item'))}"]
    return "\n".join(lines) + "\n"


def child_plan(parent_path: Path, parent: Plan, unit: str, org: str | None, root: Path) -> str:
    """A child office's plan: reporting to *parent* as *unit*, with its quotas as targets."""
    org = (org or "").strip() or f"共青团{unit}委"
    relative = Path(os.path.relpath(parent_path.resolve(), (root / "plans").resolve()))
    return CHILD_PLAN.format(
        title=_yaml_text(_title(org, parent.year)),
        org=_yaml_text(org),
        year=parent.year,
        parent=_yaml_text(relative.as_posix()),
        unit=_yaml_text(unit),
        items=child_items(parent, unit),
    )


def files_for(org: str | None, year: int, lang: str, plan: str | None = None) -> dict[str, str]:
    """The scaffold's files, relative path → text (*plan*: the plan's text when given)."""
    org = (org or "").strip() or t("new.default_org")
    title = _title(org, year)
    if plan is None:
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


def _child_of(
    root: Path, reports_to: str | None, unit: str | None, org: str | None, year: str | None
) -> tuple[int, str] | None:
    """``--reports-to PLAN --unit NAME``: the year and text of a child office's plan."""
    if reports_to is None and unit is None:
        return None
    if reports_to is None or unit is None:
        raise UsageError("new.reports_to_and_unit")
    from ywplan.app.status import resolve_unit
    from ywplan.store.workspace import open_plan

    parent_path = Path(reports_to)
    parent = open_plan(parent_path).plan
    assert parent is not None  # open_plan refuses a plan that cannot be built
    name = resolve_unit(parent, unit)
    assert name is not None
    if year is not None and _year(year, dt.date.today()) != parent.year:
        raise YwplanError("new.other_year", year=year.strip(), parent_year=parent.year)
    return parent.year, child_plan(parent_path, parent, name, org, root)


def run(
    folder: str,
    *,
    org: str | None,
    year: str | None,
    force: bool,
    today: dt.date,
    reports_to: str | None = None,
    unit: str | None = None,
) -> None:
    """Create the files of a plans repository in *folder* (with *reports_to* and *unit*:
    a child office's, its quotas from the parent's plan pointing at the parent's targets)."""
    from ywplan.i18n import get_lang

    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise YwplanError("new.not_a_folder", path=folder)
    child = _child_of(root, reports_to, unit, org, year)
    if child is not None:
        org = (org or "").strip() or f"共青团{unit}委"
    files = (
        files_for(org, child[0], get_lang(), child[1])
        if child is not None
        else files_for(org, _year(year, today), get_lang())
    )
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
    _start_git(root, own=child is not None)
    typer.echo(t("new.next", plan=root / next(iter(files))))


def _start_git(root: Path, *, own: bool = False) -> None:
    """``git init`` in *root* unless it is in a work tree already; say what was done.

    With *own* (a child office's repository, made where the parent's will mount it as a
    submodule), only a repository whose top is *root* itself counts.
    """
    git = shutil.which("git")
    if git is None:
        typer.echo(t("new.git_missing", path=root), err=True)
        return
    inside = _git(git, "-C", str(root), "rev-parse", "--show-toplevel")
    top = Path(inside.stdout.strip()) if inside is not None and inside.returncode == 0 else None
    if top is not None and (not own or top.resolve() == root.resolve()):
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
