"""``ywplan note`` and ``ywplan done`` (SPEC §6): the rows without an amount, through the CLI.

Each refusal is exact (the catalog's message), exits 1 and writes nothing; ``undo``
takes the rows back; ``check``, ``log`` and the ledger index judge hand-written rows
alike; an indexed ``status`` shows notes and milestones as a ledger read whole does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run, write
from ywplan.i18n import t
from ywplan.store.index import open_index

TODAY = "2024-12-31"


def _ledger(plan: Path) -> Path:
    return plan.with_name(plan.stem + ".ledger.csv")


def _last_row(plan: Path) -> list[str]:
    return _ledger(plan).read_text(encoding="utf-8").splitlines()[-1].split(",")


def _item(run: Run, number: int, *args: str, today: str = TODAY) -> dict[str, object]:
    shown = run("status", "--format", "json", *args, today=today)
    assert shown.exit_code == 0, shown.output
    items = json.loads(shown.stdout)["items"]
    found: dict[str, object] = next(i for i in items if i["number"] == number)
    return found


# --- recording ----------------------------------------------------------------------------


def test_note_appends_a_row_with_no_target_and_no_amount_and_shows_the_item(
    run: Run, bundled: Path
) -> None:
    done = run("note", "12", "出台实施方案初稿", "--date", "2024-05-10", today=TODAY)
    assert done.exit_code == 0, done.output
    row = _last_row(bundled)
    assert row[1:8] == ["2024-05-10", "12", "", "", "", "出台实施方案初稿", "tester"]
    assert row[9] == ""
    assert f"recorded {row[0][:8]}: progress on item 12 (whole city, 2024-05-10)" in done.stdout
    assert "note 05-10: 出台实施方案初稿" in done.stdout  # the item's line, as status shows it
    assert "in progress" in done.stdout
    note = _item(run, 12)["latest_note"]
    assert note == {"date": "2024-05-10", "text": "出台实施方案初稿", "by": "tester", "unit": ""}


def test_done_marks_a_milestone_with_its_id_as_target_and_no_amount(
    run: Run, bundled: Path
) -> None:
    done = run("done", "16.showcases", "--date", "2024-12-27", "--note", "晚了一周", today=TODAY)
    assert done.exit_code == 0, done.output
    row = _last_row(bundled)
    assert row[1:7] == ["2024-12-27", "16", "showcases", "", "", "晚了一周"]
    assert "16.showcases 形成青年夜校优秀项目和典型案例 done (whole city, 2024-12-27)" in (
        done.stdout
    )
    milestones = _item(run, 16)["milestones"]
    assert isinstance(milestones, list)
    assert milestones[1]["done_on"] == "2024-12-27" and milestones[1]["state"] == "done"


def test_done_on_a_qualitative_item_without_milestones_marks_it_done(
    run: Run, bundled: Path
) -> None:
    done = run("done", "12", "--date", "2024-03-01", "--unit", "海宁市", today=TODAY)
    assert done.exit_code == 0, done.output
    assert _last_row(bundled)[2:6] == ["12", "done", "", "海宁市"]
    assert "item 12 done (海宁市, 2024-03-01)" in done.stdout
    assert _item(run, 12)["state"] == "done"
    assert _item(run, 12, "--as-of", "2024-02-29")["state"] != "done"  # not yet, that day


def test_undo_takes_back_a_note_and_a_milestone_and_the_milestone_can_be_done_again(
    run: Run, bundled: Path
) -> None:
    assert run("note", "12", "写错了事项", today=TODAY).exit_code == 0
    note_id = _last_row(bundled)[0]
    assert run("done", "29.discipline", "--date", "2024-12-30", today=TODAY).exit_code == 0
    done_id = _last_row(bundled)[0]
    undone = run("undo", note_id[:8], "--reason", "wrong item", today=TODAY)
    assert undone.exit_code == 0, undone.output
    row = _last_row(bundled)
    assert row[2:7] == ["12", "", "", "", "wrong item"] and row[9] == note_id
    assert f"reversed {note_id[:8]}: appended {row[0][:8]}, 12 (whole city," in undone.stdout
    assert _item(run, 12)["latest_note"] is None
    assert run("undo", done_id[:8], "-r", "not yet", today=TODAY).exit_code == 0
    assert _last_row(bundled)[3:5] == ["discipline", ""]
    assert _item(run, 29)["milestones"][1]["done_on"] is None  # type: ignore[index]
    again = run("done", "29.discipline", "--date", "2024-12-31", today=TODAY)
    assert again.exit_code == 0, again.output
    assert run("check", today=TODAY).exit_code == 0


# --- refusals: a clear message, exit 1, nothing written -----------------------------------

MILESTONES_15 = (
    "  15.midterm-review  完成青年发展规划实施中期评估 (2024-06-30)\n"
    "  15.joint-meeting  召开市青年工作联席会议第五次全体(扩大)会议 (2024-10-12)"
)
MILESTONES_16 = (
    "  16.autumn-term  开设秋季青年夜校 (2024-10-08)\n"
    "  16.showcases  形成青年夜校优秀项目和典型案例 (2024-12-20)"
)

REFUSALS = [
    (("note", "99", "x"), "entry.unknown_item", {"item": 99, "span": "1–30"}),
    (("note", "4", "  "), "entry.empty_note", {}),
    (("note", "四", "x"), "note.bad_item", {"value": "四"}),
    (("done", "x.y"), "done.bad_ref", {"value": "x.y"}),
    (
        ("done", "16.wic-volunteers"),
        "entry.milestone_of_other",
        {
            "ref": "16.wic-volunteers",
            "item": 16,
            "owner": 13,
            "milestone": "wic-volunteers",
            "known": MILESTONES_16,
        },
    ),
    (
        ("done", "16.nope"),
        "entry.unknown_milestone",
        {"ref": "16.nope", "item": 16, "known": MILESTONES_16},
    ),
    (("done", "12.review"), "entry.no_milestones", {"ref": "12.review", "item": 12, "known": ""}),
    (("done", "15"), "entry.done_has_milestones", {"item": 15, "known": MILESTONES_15}),
    (
        ("done", "26"),
        "entry.done_has_targets",
        {"item": 26, "known": "  26.cadre-training  培训团干部 (≥400 人次)"},
    ),
    (
        ("note", "4", "x", "--date", "2023-12-31"),
        "entry.date_outside_year",
        {"date": "2023-12-31", "year": 2024},
    ),
    (
        ("done", "13.wic-volunteers", "--date", "2024-07-01"),
        "entry.date_future",
        {"date": "2024-07-01", "today": "2024-06-30"},
    ),
    (("note", "4", "x", "--unit", "火星"), "entry.unknown_unit", None),
    (("done", "12", "--unit", "火星"), "entry.unknown_unit", None),
]


@pytest.mark.parametrize(("args", "key", "fields"), REFUSALS, ids=lambda v: str(v)[:30])
def test_each_refusal_is_exact_and_writes_nothing(
    run: Run, bundled: Path, args: tuple[str, ...], key: str, fields: dict[str, object] | None
) -> None:
    before = _ledger(bundled).read_bytes()
    refused = run(*args, today="2024-06-30")
    assert refused.exit_code == 1, refused.output
    assert "Traceback" not in refused.output
    if fields is not None:
        assert f"error: {t(key, **fields)}" in refused.stderr
        assert t(key + ".hint", **fields).splitlines()[0] in refused.stderr
    else:
        assert '"火星" is not one of the plan\'s sub-units' in refused.stderr
    assert _ledger(bundled).read_bytes() == before


def test_a_milestone_done_twice_is_refused_saying_when_and_who(run: Run, bundled: Path) -> None:
    first = run("done", "29.discipline", "--date", "2024-12-30", "--by", "王芳", today=TODAY)
    assert first.exit_code == 0, first.output
    row = _last_row(bundled)
    before = _ledger(bundled).read_bytes()
    again = run("done", "29.discipline", today=TODAY)
    assert again.exit_code == 1
    when = row[8][:16].replace("T", " ")
    expected = t(
        "done.already",
        ref="29.discipline",
        date="2024-12-30",
        by="王芳",
        when=when,
        id=row[0][:8],
    )
    assert f"error: {expected}" in again.stderr
    assert f"ywplan undo {row[0][:8]}" in again.stderr
    assert _ledger(bundled).read_bytes() == before
    assert run("done", "12", today=TODAY).exit_code == 0
    assert run("done", "12", today=TODAY).exit_code == 1  # an item done, alike


def test_refusals_speak_chinese_too(run: Run, bundled: Path) -> None:
    refused = run("done", "15", lang="zh", today=TODAY)
    assert refused.exit_code == 1
    assert "事项 15 设有节点,不能整体标记完成" in refused.stderr
    assert "15.midterm-review  完成青年发展规划实施中期评估 (2024-06-30)" in refused.stderr


def test_an_indexed_status_shows_notes_and_milestones(
    run: Run, bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # wide enough for a note's own line
    note = run("note", "14", "招募志愿者 300 名", "--date", "2024-12-30", today=TODAY)
    assert note.exit_code == 0
    assert run("done", "16.showcases", "--date", "2024-12-27", today=TODAY).exit_code == 0
    whole = run("status", today=TODAY)  # builds the index
    assert open_index(_ledger(bundled)) is not None
    indexed = run("status", today=TODAY)
    assert indexed.stdout == whole.stdout
    assert "note 12-30: 招募志愿者" in indexed.stdout
    assert _item(run, 14)["latest_note"]["text"] == "招募志愿者 300 名"  # type: ignore[index]
    assert _item(run, 16)["milestones"][1]["done_on"] == "2024-12-27"  # type: ignore[index]


def test_rows_never_count_toward_a_target(run: Run, workdir: Path) -> None:
    plan = write(
        workdir / "plans" / "p-2024.yaml",
        """
        plan: 测试团委2024年工作要点
        org: 共青团测试市委
        year: 2024
        items:
          - number: 1
            title: 培训
            targets:
              - {id: training, name: 培训, unit: 人, min: 10}
            milestones:
              - {id: kickoff, name: 启动, due: 2024-03-31}
        """,
    )
    _ledger(plan).write_text(
        "id,date,item,target,amount,unit,note,by,recorded_at,corrects\n"
        "aaaa0001aaaa0001,2024-02-01,1,training,4,,,t,2024-02-01T10:00:00+08:00,\n"
        "aaaa0002aaaa0002,2024-02-02,1,,,,开了会,t,2024-02-02T10:00:00+08:00,\n"
        "aaaa0003aaaa0003,2024-02-03,1,kickoff,,,,t,2024-02-03T10:00:00+08:00,\n",
        encoding="utf-8",
    )
    for _ in range(2):  # read whole, then from the index
        item = _item(run, 1, today="2024-06-30")
        assert item["targets"][0]["actual"] == 4  # type: ignore[index]


# --- a scenario at boundary dates --------------------------------------------------------

SCENARIO = """
plan: 测试团委2024年工作要点
org: 共青团测试市委
year: 2024
flags: {due_soon_days: 14, red_gap: 10, idle_after: 25}
items:
  - number: 1
    title: 出台方案
    milestones:
      - {id: plan, name: 出台方案, due: 2024-06-30}
  - number: 2
    title: 定性工作
"""


@pytest.mark.parametrize(
    ("as_of", "state", "flag"),
    [
        ("2024-06-15", "in_progress", "green"),  # 15 days before: not yet due soon
        ("2024-06-16", "due_soon", "blue"),  # due_soon_days exactly
        ("2024-06-30", "due_soon", "blue"),  # the due date itself
        ("2024-07-01", "overdue", "red"),  # the day after
        ("2024-07-05", "done", "green"),  # done that day: counts from it on
    ],
)
def test_a_milestone_through_its_boundary_days(
    run: Run, workdir: Path, as_of: str, state: str, flag: str
) -> None:
    write(workdir / "plans" / "s-2024.yaml", SCENARIO)
    assert run("note", "1", "起草中", "--date", "2024-06-01", today=TODAY).exit_code == 0
    assert run("done", "1.plan", "--date", "2024-07-05", today=TODAY).exit_code == 0
    assert run("done", "2", "--date", "2024-08-01", today=TODAY).exit_code == 0
    item = _item(run, 1, "--as-of", as_of)
    assert (item["state"], item["flag"]) == (state, flag)
    qualitative = _item(run, 2, "--as-of", as_of)
    # not started: green until 序时进度 passes 25 % of the year, then yellow
    assert qualitative["state"] == "not_started" and qualitative["flag"] == "yellow"
    assert _item(run, 2, "--as-of", "2024-08-01")["state"] == "done"
    assert _item(run, 2, "--as-of", "2024-03-01")["flag"] == "green"


# --- completion and the interactive sibling of log ----------------------------------------


def test_done_completes_the_milestones_not_yet_done(run: Run, bundled: Path) -> None:
    from tests.test_completion import complete

    folder = bundled.parent.parent
    assert complete(folder, "bash", "ywplan done 16.").split() == ["16.showcases"]
    assert run("done", "16.showcases", today=TODAY).exit_code == 0
    assert complete(folder, "bash", "ywplan done 16.").split() == []
    fish = complete(folder, "fish", "ywplan done 2")
    assert "29.discipline\t开展集中性纪律教育 2024-12-31" in fish
    assert "29.rules-contest" not in fish  # done in the demo ledger
    assert "22\t" in fish and "21\t" not in fish  # 21 is done whole in the demo ledger
    assert "26\t" not in fish  # an item done whole: only a qualitative one
    fish = complete(folder, "fish", "ywplan done 1")
    assert "12\t" in fish
    assert run("done", "12", today=TODAY).exit_code == 0
    assert "12\t" not in complete(folder, "fish", "ywplan done 1")
    ids = complete(folder, "fish", "ywplan undo ")
    assert f"{_last_row(bundled)[0]}\t{TODAY} 12.done ✓" in ids


def test_note_without_arguments_asks_the_item_and_the_text(
    run: Run, bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("YWPLAN_INTERACTIVE", "1")
    answers = "99\n13\n0\n2024-09-01\n\n招募志愿者\ny\n"  # a wrong item is asked again
    result = run("note", today=TODAY, input=answers)
    assert result.exit_code == 0, result.output
    assert "the plan has no item 99" in result.stderr
    assert _last_row(bundled)[1:7] == ["2024-09-01", "13", "", "", "", "招募志愿者"]


def test_note_without_a_terminal_is_a_usage_error(run: Run, bundled: Path) -> None:
    refused = run("note", "4", today=TODAY)
    assert refused.exit_code == 2
    assert "TEXT" in refused.stderr


def test_a_milestone_marked_meanwhile_by_another_clerk_is_refused_under_the_lock(
    run: Run, bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two clerks mark 29.discipline at once: the second sees the first's row under the lock."""
    import datetime as dt

    from ywplan.app import done
    from ywplan.store import workspace

    opened = workspace.open_workspace(bundled, dt.date(2024, 12, 31), strict=False, indexed=True)
    assert run("done", "29.discipline", "--date", "2024-12-30", today=TODAY).exit_code == 0
    before = _ledger(bundled).read_bytes()
    monkeypatch.setattr(done, "open_workspace", lambda *args, **kwargs: opened)
    refused = run("done", "29.discipline", today=TODAY)
    assert refused.exit_code == 1
    assert "error: 29.discipline was just recorded done by another clerk" in refused.stderr
    assert _ledger(bundled).read_bytes() == before
