"""Recording entries: reading what a clerk typed, refusing mistakes, building undo lines."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from ywplan.core.dates import parse_date
from ywplan.core.kinds import LEVEL_JUMP
from ywplan.core.model import (
    AMOUNT_RE,
    GROUPED_AMOUNT_RE,
    ITEM_DONE,
    MAX_NOTE,
    Entry,
    Item,
    Plan,
    Target,
    amount_empty,
    new_id,
)
from ywplan.core.numbers import format_amount
from ywplan.core.rules import (
    by_problem,
    did_you_mean,
    entry_problems,
    reversal_problem,
    target_list,
)
from ywplan.errors import Problem, YwplanError
from ywplan.i18n import t


def parse_target_ref(plan: Plan, text: str) -> tuple[Item, Target]:
    """``26`` (an item with one target) or ``26.cadre-training`` → the item and target."""
    text = unicodedata.normalize("NFKC", text).strip()
    number_text, _, target_id = text.partition(".")
    if not number_text.isdigit():
        raise YwplanError("log.bad_target_ref", value=text[:40])
    item = plan.item(int(number_text))
    if item is None:
        numbers = [i.number for i in plan.items]
        span = f"{min(numbers)}–{max(numbers)}" if numbers else "—"
        raise YwplanError("entry.unknown_item", item=int(number_text), span=span)
    known = target_list(item)
    if not item.targets:
        raise YwplanError("entry.qualitative_item", item=item.number, ref=text, known="")
    if not target_id:
        if len(item.targets) > 1:
            raise YwplanError(
                "log.several_targets", item=item.number, count=len(item.targets), known=known
            )
        return item, item.targets[0]
    target = item.target(target_id)
    if target is None and target_id.isdigit():  # the prompt numbers targets; ids name them
        raise YwplanError("log.target_by_number", ref=text, item=item.number, known=known)
    if target is None:
        suggest = did_you_mean(target_id, [t.id for t in item.targets])
        raise YwplanError(
            "entry.unknown_target", ref=text, item=item.number, known=known, suggest=suggest
        )
    return item, target


def parse_amount(text: str, reading: Reading | None = None) -> float:
    """A positive amount as typed: full-width digits allowed, commas only between thousands.

    ``1,000``, ``12,345.5`` and ``１，０００`` (a full-width comma is a comma) are accepted;
    ``1,5`` is refused, whatever its writer meant by it. With a *reading*, the target's
    own unit may follow the number (``12场``, ``30 人次``, ``95%``), as clerks type it
    in a form; another unit is refused by name. Refuses 0 (for a level target,
    *reading* tells what it stood at), negatives and words.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if reading is not None:
        cleaned = _without_unit(cleaned, reading.target)
    if GROUPED_AMOUNT_RE.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    if not AMOUNT_RE.fullmatch(cleaned):
        key = "log.bad_thousands" if "," in cleaned else "log.bad_amount"
        raise YwplanError(key, value=text[:40])
    amount = float(cleaned)
    if amount < 0:
        raise YwplanError("entry.amount_not_positive", amount=cleaned)
    if amount == 0:
        if reading is not None and reading.target.behaviour.takes_level:
            raise YwplanError("log.level_zero", ref=reading.ref, context=reading.context())
        raise YwplanError("log.amount_zero")
    return amount


_NUMBER_THEN_WORD = re.compile(r"(-?[0-9][0-9,.]*)\s*([^\s0-9,.]{1,8})")


def _without_unit(cleaned: str, target: Target) -> str:
    """*cleaned* without the target's unit after the number; another unit is refused."""
    match = _NUMBER_THEN_WORD.fullmatch(cleaned)
    if match is None:
        return cleaned
    unit = unicodedata.normalize("NFKC", target.behaviour.entry_unit(target))
    if unit and match[2] == unit:
        return match[1]
    raise YwplanError("log.amount_other_unit", value=cleaned[:40], written=match[2], unit=unit)


def parse_entry_date(text: str | None, today: dt.date) -> dt.date:
    """``--date`` as YYYY-MM-DD, default today."""
    if text is None:
        return today
    day = parse_date(unicodedata.normalize("NFKC", text))
    if day is None:
        raise YwplanError("log.bad_date", value=text[:40])
    return day


def clean_note(note: str) -> str:
    """A note is one line of at most :data:`MAX_NOTE` characters."""
    if "\n" in note or "\r" in note:
        raise YwplanError("log.note_multiline")
    if len(note) > MAX_NOTE:
        raise YwplanError("ledger.note_too_long", limit=MAX_NOTE, value="", column="note")
    return note


def checked_by(by: str) -> str:
    """*by* if the ``by`` rule accepts it (as ``check`` judges the ledger), else a refusal."""
    problem = by_problem(by)
    if problem is not None:
        raise YwplanError(problem.key, **problem.args)
    return by


def amount_text(target: Target | None, amount: float) -> str:
    """An entry's amount as people read it: ``+45 人次`` added, ``= 1250`` a level measured.

    A reversing line of a level shows the reading it takes back (``= 1250``).
    """
    if target is None:
        return format_amount(amount)
    kind = target.behaviour
    if kind.takes_level:
        return f"= {format_amount(abs(amount))} {kind.entry_unit(target)}".rstrip()
    number = format_amount(amount)
    return f"{number if number.startswith('-') else '+' + number} {target.unit}"


@dataclass(frozen=True, slots=True)
class Reading:
    """Where a target stood for one sub-unit before a new entry: what the entry is judged by.

    *last* is the sub-unit's latest live entry by date (the later line on the same date)
    for a target that takes levels; the baseline stands in when nothing was logged, but
    only for entries of the whole office (a sub-unit's level is a share of it).
    """

    ref: str
    target: Target
    unit: str
    last: Entry | None

    @property
    def reference(self) -> float | None:
        """What a new level reading is compared with (None: nothing to compare with)."""
        if self.last is not None:
            return self.last.amount
        return None if self.unit else self.target.baseline

    def context(self) -> str:
        """``(baseline 1200; last logged 1262 on 2024-12-20)``, or '' when there is neither."""
        parts = []
        if self.target.baseline is not None:
            parts.append(t("log.context_baseline", value=format_amount(self.target.baseline)))
        if self.last is not None:
            value = format_amount(self.last.amount)
            parts.append(t("log.context_last", value=value, date=self.last.date.isoformat()))
        return t("log.context", parts=t("log.context_sep").join(parts)) if parts else ""

    def doubt(self, amount: float) -> Problem | None:
        """Why *amount* is unlikely as the target's next entry (its kind decides), or None."""
        kind = self.target.behaviour
        reference = self.reference
        key = kind.doubt(self.target, amount, reference)
        if key is None:
            return None
        example = kind.goal_level(self.target)
        source = "log.source_last" if self.last is not None else "log.source_baseline"
        args = {
            "ref": self.ref,
            "amount": format_amount(amount),
            "context": self.context(),
            "goal": format_amount(self.target.goal),
            "example": format_amount(round(example)) if example is not None else "",
            "factor": format_amount(LEVEL_JUMP),
            "source": t(source),
            "reference": format_amount(reference or 0.0),
        }
        return Problem(key, args)


def reading_of(item: Item, target: Target, previous: Iterable[Entry], unit: str) -> Reading:
    """The :class:`Reading` of *target* for *unit*, from its live entries in file order."""
    last = None
    if target.behaviour.takes_level:
        for entry in previous:
            if entry.unit == unit and (last is None or entry.date >= last.date):
                last = entry
    return Reading(f"{item.number}.{target.id}", target, unit, last)


def repeated(
    entry: Entry, last: Entry | None, target: Target | None, no_unit: str
) -> Problem | None:
    """*entry* is the same as *last*, its target's last live entry (date, unit, amount
    and note alike): the same line typed twice, more likely than the same work twice."""
    same = last is not None and (last.date, last.unit, last.amount, last.note) == (
        entry.date,
        entry.unit,
        entry.amount,
        entry.note,
    )
    if last is None or not same:
        return None
    args = {
        "id": last.id[:8],
        "ref": entry.ref,
        "amount": amount_text(target, entry.amount),
        "unit": entry.unit or no_unit,
        "date": entry.date.isoformat(),
    }
    return Problem("log.duplicate", args)


def validated(plan: Plan, entry: Entry, today: dt.date) -> Entry:
    """*entry* if the plan accepts it, else a refusal listing every reason."""
    problems = entry_problems(plan, entry, today)
    if len(problems) == 1:
        problem = problems[0]
        raise YwplanError(problem.key, **problem.args)
    if problems:
        raise YwplanError("log.refused", problems=tuple(problems), count=len(problems))
    return entry


def resolve_id(entries: Sequence[Entry], prefix: str) -> Entry:
    """The one entry whose id starts with *prefix* (as git resolves commit prefixes)."""
    prefix = prefix.strip().lower()
    if not prefix:
        raise YwplanError("undo.no_id")
    matches = [e for e in entries if e.id.startswith(prefix)]
    if not matches:
        raise YwplanError("undo.unknown_id", id=prefix[:40])
    if len(matches) > 1:
        matches.sort(key=lambda e: (e.date, e.id))  # listed by date, whatever the source
        shown = "\n".join(
            f"  {e.id}  {e.date} {e.ref} {_amount_shown(e.amount)} {e.unit}".rstrip()
            for e in matches[:10]
        )
        raise YwplanError("undo.ambiguous_id", id=prefix, count=len(matches), matches=shown)
    return matches[0]


def _amount_shown(amount: float) -> str:
    return "" if amount_empty(amount) else f"{amount:g}"


def already_reversed(original: Entry, lines: Iterable[Entry]) -> YwplanError:
    """The refusal to reverse *original* again, naming the line of *lines* that did."""
    reversal = next((line for line in lines if line.corrects == original.id), None)
    if reversal is None:  # reversed between reading the ledger and appending to it
        return YwplanError("undo.reversed_meanwhile", id=original.id[:8])
    when = reversal.recorded_at[:16].replace("T", " ") or reversal.date.isoformat()
    return YwplanError(
        "undo.already_reversed", id=original.id[:8], reversal=reversal.id[:8], when=when
    )


def reversal_for(
    already: Collection[str], original: Entry, reason: str, by: str, stamp: str
) -> Entry:
    """The line that reverses *original*, or a refusal (a reversal, or reversed already).

    *already* holds the ids that reversing lines of the ledger already take back.
    """
    checked_by(by)
    reason = clean_note(reason.strip())
    if not reason:
        raise YwplanError("undo.no_reason")
    reversal = Entry(
        new_id(),
        original.date,
        original.item,
        original.target,
        -original.amount,
        original.unit,
        reason,
        by,
        stamp,
        original.id,
    )
    problem = reversal_problem(original, reversal, already)
    if problem is not None:
        raise YwplanError(problem.key, **problem.args)
    return reversal


# --- SPEC §6 rows: progress notes, milestones and items done ------------------------------


def parse_item_number(text: str) -> int:
    """``4`` → 4: the item a progress note is about (full-width digits allowed)."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned.isdigit() or len(cleaned) > 5:
        raise YwplanError("note.bad_item", value=text[:40])
    return int(cleaned)


def parse_done_ref(text: str) -> tuple[int, str]:
    """``4.plan-issued`` → (4, the milestone); ``4`` → (4, ``done``): the item done whole."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    number_text, _, milestone_id = cleaned.partition(".")
    if not number_text.isdigit() or len(number_text) > 5:
        raise YwplanError("done.bad_ref", value=text[:40])
    return int(number_text), milestone_id or ITEM_DONE


def row_entry(
    number: int, target: str, day: dt.date, unit: str, note: str, by: str, stamp: str
) -> Entry:
    """A row without an amount (SPEC §6): a note (*target* empty), a milestone or item done."""
    return Entry(new_id(), day, number, target, math.nan, unit, note, by, stamp, "")


def recorded_before(entries: Iterable[Entry], entry: Entry) -> Entry | None:
    """The live row of *entries* that already marks *entry*'s milestone (or item) done."""
    rows = [e for e in entries if amount_empty(e.amount) and e.item == entry.item]
    gone = {e.corrects for e in rows if e.corrects}
    return next(
        (e for e in rows if e.target == entry.target and not e.corrects and e.id not in gone),
        None,
    )


def already_done(earlier: Entry) -> YwplanError:
    """The refusal to mark done again what *earlier* marked done: when, and who."""
    ref = earlier.ref if earlier.target != ITEM_DONE else str(earlier.item)
    when = earlier.recorded_at[:16].replace("T", " ")
    return YwplanError(
        "done.already",
        ref=ref,
        date=earlier.date.isoformat(),
        by=earlier.by or "—",
        when=when or "—",
        id=earlier.id[:8],
    )
