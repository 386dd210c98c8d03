"""``ywplan log`` with arguments left out: pick the item, target and unit from numbered lists.

For clerks who do not remember item numbers. Every answer is read with the same
functions the non-interactive ``log`` uses (:mod:`ywplan.core.recording`), and a wrong answer
prints the same message, then asks again. Nothing is written until every answer is valid.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn, TypeVar

import typer

from ywplan.core.dates import default_as_of
from ywplan.core.kinds import goal_text
from ywplan.core.model import Entry, Item, Plan, Target, new_id
from ywplan.core.numbers import format_amount
from ywplan.core.recording import clean_note, parse_amount, parse_entry_date, parse_target_ref
from ywplan.core.rules import entry_problems
from ywplan.diagnostics import report_error
from ywplan.errors import YwplanError
from ywplan.i18n import t

if TYPE_CHECKING:
    from ywplan.app.log import Ask, Request

T = TypeVar("T")

UNIT_FIELDS = ("entry.unknown_unit", "entry.unit_without_units")
DATE_FIELDS = ("entry.date_outside_year", "entry.date_future")


def ask(question: str, parse: Callable[[str], T], default: str | None = None) -> T:
    """Ask until *parse* accepts the answer; each refusal prints ywplan's message for it."""
    while True:
        answer = typer.prompt(question, default=default, show_default=default not in (None, ""))
        try:
            return parse(str(answer))
        except YwplanError as exc:
            report_error(exc)


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
        return parse_target_ref(plan, f"{item.number}.{text.strip()}")[1]

    return ask(t("interactive.ask_target", count=len(item.targets)), parse)


def pick_unit(plan: Plan, probe: Callable[[str], Sequence[str]]) -> str:
    """List the plan's sub-units, numbered; an empty answer means no sub-unit (全市)."""
    if not plan.units:
        return ""
    typer.echo(t("interactive.units"))
    typer.echo(f"  {0:>3}) {t('log.no_unit')}")
    for index, unit in enumerate(plan.units, 1):
        typer.echo(f"  {index:>3}) {unit}")

    def parse(text: str) -> str:
        text = text.strip()
        if text in ("", "0"):
            return ""
        index = _choose_index(text, len(plan.units))
        unit = plan.units[index] if index is not None else text
        probe(unit)
        return unit

    return ask(t("interactive.ask_unit", count=len(plan.units)), parse, default="0")


def interactive_entry(
    plan: Plan,
    today: dt.date,
    by: str,
    stamp: str,
    target_ref: str | None = None,
    amount_text: str | None = None,
    *,
    unit_text: str | None = None,
    date_text: str | None = None,
    note_text: str | None = None,
) -> Entry:
    """Ask for whatever the command line did not give, and return a valid entry."""
    if target_ref is not None:
        item, chosen = parse_target_ref(plan, target_ref)
    else:
        item, maybe = pick_item(plan)
        chosen = maybe if maybe is not None else pick_target(plan, item)
    typer.echo(t("interactive.chosen", target=target_line(item, chosen)))

    entry_id = new_id()

    def draft(day: dt.date = today, unit: str = "", amount: float = 1.0, note: str = "") -> Entry:
        return Entry(entry_id, day, item.number, chosen.id, amount, unit, note, by, stamp, "")

    def probe(keys: tuple[str, ...]) -> Callable[[Entry], Sequence[str]]:
        def check(entry: Entry) -> Sequence[str]:
            for problem in entry_problems(plan, entry, today):
                if problem.key in keys:
                    raise YwplanError(problem.key, **problem.args)
            return ()

        return check

    unit = (
        unit_text.strip()
        if unit_text is not None
        else pick_unit(plan, lambda u: probe(UNIT_FIELDS)(draft(unit=u)))
    )
    amount = (
        parse_amount(amount_text)
        if amount_text is not None
        else ask(t("interactive.ask_amount", unit=chosen.unit), parse_amount)
    )

    def parse_day(text: str) -> dt.date:
        day = parse_entry_date(text, today)
        probe(DATE_FIELDS)(draft(day=day))
        return day

    day = (
        parse_entry_date(date_text, today)
        if date_text is not None
        # Offered: today, or the plan year's last day once that year is over.
        else ask(
            t("interactive.ask_date"),
            parse_day,
            default=default_as_of(plan.year, today).isoformat(),
        )
    )
    note = (
        clean_note(note_text)
        if note_text is not None
        else ask(t("interactive.ask_note"), clean_note, default="")
    )
    entry = draft(day=day, unit=unit, amount=amount, note=note)
    typer.echo(
        t(
            "interactive.summary",
            ref=entry.ref,
            amount=format_amount(amount),
            measure=chosen.unit,
            unit=unit or t("log.no_unit"),
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

    def ask(plan: Plan, today: dt.date, by: str, stamp: str) -> Entry | None:
        entry = interactive_entry(
            plan,
            today,
            by,
            stamp,
            request.target,
            request.amount,
            unit_text=request.unit,
            date_text=request.date,
            note_text=request.note,
        )
        if not typer.confirm(t("interactive.confirm"), default=True):
            typer.echo(t("interactive.cancelled"))
            return None
        return entry

    return ask
