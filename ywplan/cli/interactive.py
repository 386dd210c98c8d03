"""``ywplan log`` with arguments left out: pick the item, target and unit from numbered lists.

For clerks who do not remember item numbers. Every answer is read with the same
functions the non-interactive ``log`` uses (:mod:`ywplan.core.recording`), and a wrong answer
prints the same message, then asks again. Nothing is written until every answer is valid.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn, TypeVar

import typer

from ywplan.core.dates import default_as_of
from ywplan.core.kinds import goal_text
from ywplan.core.model import Entry, Item, Plan, Target, new_id
from ywplan.core.office import no_unit_label
from ywplan.core.recording import (
    Reading,
    amount_text,
    clean_note,
    parse_amount,
    parse_entry_date,
    parse_item_number,
    parse_target_ref,
    row_entry,
)
from ywplan.core.rules import entry_problems
from ywplan.diagnostics import report_error
from ywplan.errors import EXIT_DATA, EXIT_INTERRUPTED, Problem, YwplanError
from ywplan.i18n import t

if TYPE_CHECKING:
    from ywplan.app import note
    from ywplan.app.log import Ask, Recorder, Request

T = TypeVar("T")

UNIT_FIELDS = ("entry.unknown_unit", "entry.unit_without_units")
DATE_FIELDS = ("entry.date_outside_year", "entry.date_future")
# A refusal at a prompt speaks of the prompt, not of the option that would have given it.
AT_PROMPT = {"entry.date_outside_year": "interactive.date_outside_year"}


class _DeclinedError(Exception):
    """The clerk declined to record a doubtful answer: ask the question again."""


def ask(question: str, parse: Callable[[str], T], default: str | None = None) -> T:
    """Ask until *parse* accepts the answer; each refusal prints ywplan's message for it."""
    while True:
        answer = typer.prompt(question, default=default, show_default=default not in (None, ""))
        try:
            return parse(str(answer))
        except YwplanError as exc:
            report_error(exc)
        except _DeclinedError:
            continue


def confirm_doubt(doubt: Problem) -> bool:
    """Show why an answer looks like a slip and ask whether to record it all the same."""
    typer.echo(f"{t('warning')}: {doubt.message}", err=True)
    return typer.confirm(t("log.record_anyway"), default=False)


@contextmanager
def cancel_on_interrupt() -> Iterator[None]:
    """Ctrl-C (exit 130) or the end of input at a prompt: nothing recorded, said on its own line.

    click turns both into ``Abort`` with the original exception as its context, and
    leaves the prompt's line open.
    """
    try:
        yield
    except typer.Abort as exc:
        interrupted = isinstance(exc.__context__, KeyboardInterrupt)
        typer.echo("", err=True)
        typer.echo(t("interactive.interrupted"), err=True)
        raise typer.Exit(EXIT_INTERRUPTED if interrupted else EXIT_DATA) from None


def _choose_index(text: str, count: int) -> int | None:
    text = text.strip()
    if text.isdigit() and 1 <= int(text) <= count:
        return int(text) - 1
    return None


def target_line(item: Item, target: Target) -> str:
    """``26.cadre-training  培训团干部 ≥400 人次``."""
    return (
        f"{item.number}.{target.id}  {target.name} {goal_text(target.op, target.goal, target.unit)}"
    )


def pick_item(plan: Plan) -> tuple[Item, Target | None]:
    """List the items that have targets; the answer is an item number (or ``26.id``)."""
    items = [item for item in plan.items if item.targets]
    typer.echo(t("interactive.items"))
    for item in items:
        typer.echo(f"  {item.number:>3}  {item.title}")

    def parse(text: str) -> tuple[Item, Target | None]:
        try:
            item, target = parse_target_ref(plan, text)
        except YwplanError as exc:
            if exc.key != "log.several_targets":
                raise
            found = plan.item(int(text.strip()))
            assert found is not None
            return found, None
        return item, target

    return ask(t("interactive.ask_item"), parse)


def pick_target(plan: Plan, item: Item) -> Target:
    """List the item's targets, numbered; the answer is the number or the target id."""
    typer.echo(t("interactive.targets", item=item.number, title=item.title))
    for index, target in enumerate(item.targets, 1):
        typer.echo(f"  {index:>3}) {target_line(item, target)}")

    def parse(text: str) -> Target:
        index = _choose_index(text, len(item.targets))
        if index is not None:
            return item.targets[index]
        if text.strip().isdigit():
            raise YwplanError("interactive.bad_target_choice", value=text, count=len(item.targets))
        return parse_target_ref(plan, f"{item.number}.{text.strip()}")[1]

    return ask(t("interactive.ask_target", count=len(item.targets)), parse)


def pick_unit(plan: Plan, probe: Callable[[str], Sequence[str]]) -> str:
    """List the plan's sub-units, numbered; an empty answer means no sub-unit (全市)."""
    if not plan.units:
        return ""
    typer.echo(t("interactive.units"))
    typer.echo(f"  {0:>3}) {no_unit_label(plan.org)}")
    for index, unit in enumerate(plan.units, 1):
        typer.echo(f"  {index:>3}) {unit}")

    def parse(text: str) -> str:
        text = text.strip()
        if text in ("", "0"):
            return ""
        index = _choose_index(text, len(plan.units))
        if index is None and text.isdigit():
            raise YwplanError("interactive.bad_unit_choice", value=text, count=len(plan.units))
        unit = plan.units[index] if index is not None else text
        probe(unit)
        return unit

    return ask(t("interactive.ask_unit", count=len(plan.units)), parse, default="0")


def ask_amount(reading: Reading, typed: str | None, *, yes: bool) -> float:
    """The amount, or a level target's reading, with what it is judged against shown first.

    A doubtful answer (see ``Reading.doubt``) is confirmed or asked again (*yes*: not
    doubted); an amount given on the command line is asked again only when declined.
    """
    target = reading.target
    kind = target.behaviour

    def parse(text: str) -> float:
        amount = parse_amount(text, reading)
        doubt = None if yes else reading.doubt(amount)
        if doubt is not None and not confirm_doubt(doubt):
            raise _DeclinedError
        return amount

    if typed is not None:
        try:
            return parse(typed)
        except _DeclinedError:
            pass
    if not kind.takes_level:
        return ask(t("interactive.ask_amount", unit=target.unit), parse)
    info = "interactive.growth_info" if kind.needs_baseline else "interactive.level_info"
    typer.echo(t(info, ref=reading.ref, context=reading.context()))
    unit = kind.entry_unit(target)
    question = t("interactive.ask_level_unit", unit=unit) if unit else t("interactive.ask_level")
    return ask(question, parse)


def refuse_at_prompt(plan: Plan, today: dt.date, entry: Entry, keys: tuple[str, ...]) -> None:
    """Raise the first problem of *entry* among the rules *keys*, worded for a prompt."""
    for problem in entry_problems(plan, entry, today):
        if problem.key in keys:
            raise YwplanError(AT_PROMPT.get(problem.key, problem.key), **problem.args)


def ask_day(
    plan: Plan, today: dt.date, given: str | None, judge: Callable[[dt.date], None]
) -> dt.date:
    """An entry's date: *given*, else asked and *judge*d until it is right; offered:
    today, or the plan year's last day once that year is over."""
    if given is not None:
        return parse_entry_date(given, today)

    def parse_day(text: str) -> dt.date:
        day = parse_entry_date(text, today)
        judge(day)
        return day

    default = default_as_of(plan.year, today).isoformat()
    return ask(t("interactive.ask_date"), parse_day, default=default)


def interactive_entry(recorder: Recorder, request: Request) -> Entry | None:
    """Ask for whatever the command line did not give; a valid entry, or None if declined."""
    plan, today = recorder.plan, recorder.today
    if request.target is not None:
        item, chosen = parse_target_ref(plan, request.target)
    else:
        item, maybe = pick_item(plan)
        chosen = maybe if maybe is not None else pick_target(plan, item)
    typer.echo(t("interactive.chosen", target=target_line(item, chosen)))

    entry_id = new_id()

    def draft(day: dt.date = today, unit: str = "", amount: float = 1.0, note: str = "") -> Entry:
        return Entry(
            entry_id,
            day,
            item.number,
            chosen.id,
            amount,
            unit,
            note,
            recorder.by,
            recorder.stamp,
            "",
        )

    def refuse(entry: Entry, keys: tuple[str, ...]) -> None:
        refuse_at_prompt(plan, today, entry, keys)

    def probe_unit(unit: str) -> Sequence[str]:
        refuse(draft(unit=unit), UNIT_FIELDS)
        return ()

    unit = request.unit.strip() if request.unit is not None else pick_unit(plan, probe_unit)
    reading = recorder.reading(item, chosen, unit)
    amount = ask_amount(reading, request.amount, yes=request.yes)
    day = ask_day(plan, today, request.date, lambda day: refuse(draft(day=day), DATE_FIELDS))
    note = (
        clean_note(request.note)
        if request.note is not None
        else ask(t("interactive.ask_note"), clean_note, default="")
    )
    entry = draft(day=day, unit=unit, amount=amount, note=note)
    doubt = None if request.yes else recorder.repeated(entry)
    if doubt is not None and not confirm_doubt(doubt):
        return None
    typer.echo(
        t(
            "interactive.summary",
            ref=entry.ref,
            amount=amount_text(chosen, amount),
            unit=unit or no_unit_label(plan.org),
            date=day.isoformat(),
        )
    )
    return entry


def interactive_allowed() -> bool:
    """Prompt for what is missing? ``$YWPLAN_INTERACTIVE`` (1/0) decides, else a terminal."""
    forced = os.environ.get("YWPLAN_INTERACTIVE", "").strip()
    if forced:
        return forced not in ("0", "no", "false")
    return sys.stdin is not None and sys.stdin.isatty()


def missing_argument(name: str) -> NoReturn:
    """The usage error click gives for a missing argument (translated by the CLI)."""
    from ywplan.cli.typer_compat import MissingParameter, current_context

    ctx = current_context()
    param = next(p for p in ctx.command.params if p.name == name)
    raise MissingParameter(ctx=ctx, param=param)


def asked_entry(request: Request) -> Ask:
    """The ``ask`` of ``app.log.run``: prompt for what *request* leaves out, then confirm."""

    def ask(recorder: Recorder) -> Entry | None:
        entry = interactive_entry(recorder, request)
        if entry is None or not typer.confirm(t("interactive.confirm"), default=True):
            return None
        return entry

    return ask


def not_recorded() -> None:
    """Say that the clerk's "no" left the ledger as it was."""
    typer.echo(t("interactive.cancelled"))


# --- ywplan note: the sibling of interactive log ----------------------------------------------


def pick_any_item(plan: Plan, today: dt.date) -> int:
    """List every item (a note may be on any); the answer is an item number."""
    typer.echo(t("interactive.all_items"))
    for item in plan.items:
        typer.echo(f"  {item.number:>3}  {item.title}")

    def parse(text: str) -> int:
        number = parse_item_number(text)
        for problem in entry_problems(plan, row_entry(number, "", today, "", "-", "", ""), today):
            if problem.key == "entry.unknown_item":
                raise YwplanError(problem.key, **problem.args)
        return number

    return ask(t("interactive.ask_item_number"), parse)


def interactive_note(
    plan: Plan, today: dt.date, request: note.Request, by: str, stamp: str
) -> Entry | None:
    """Ask for the item, sub-unit, date and text the command line did not give; the note."""
    number = (
        parse_item_number(request.item) if request.item is not None else pick_any_item(plan, today)
    )

    def draft(day: dt.date = today, unit: str = "", text: str = "-") -> Entry:
        return row_entry(number, "", day, unit, text, by, stamp)

    def refuse(entry: Entry, keys: tuple[str, ...]) -> None:
        refuse_at_prompt(plan, today, entry, keys)

    def probe_unit(unit: str) -> Sequence[str]:
        refuse(draft(unit=unit), UNIT_FIELDS)
        return ()

    unit = request.unit.strip() if request.unit is not None else pick_unit(plan, probe_unit)
    day = ask_day(plan, today, request.date, lambda day: refuse(draft(day=day), DATE_FIELDS))

    def parse_text(text: str) -> str:
        cleaned = clean_note(text.strip())
        refuse(draft(text=cleaned), ("entry.empty_note",))
        return cleaned

    text = (
        parse_text(request.text)
        if request.text is not None
        else ask(t("interactive.ask_note_text"), parse_text)
    )
    return draft(day, unit, text)


def asked_note(request: note.Request) -> note.Ask:
    """The ``ask`` of ``app.note.run``: prompt for what *request* leaves out, then confirm."""

    def ask_note(plan: Plan, today: dt.date, by: str, stamp: str) -> Entry | None:
        entry = interactive_note(plan, today, request, by, stamp)
        if entry is None or not typer.confirm(t("interactive.confirm"), default=True):
            return None
        return entry

    return ask_note
