"""Recording entries: reading what a clerk typed, refusing mistakes, building undo lines."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Collection, Iterable, Sequence

from ywplan.core.dates import parse_date
from ywplan.core.model import (
    AMOUNT_RE,
    GROUPED_AMOUNT_RE,
    MAX_NOTE,
    Entry,
    Item,
    Plan,
    Target,
    new_id,
)
from ywplan.core.rules import did_you_mean, entry_problems, reversal_problem, target_list
from ywplan.errors import YwplanError


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
    if target is None:
        suggest = did_you_mean(target_id, [t.id for t in item.targets])
        raise YwplanError(
            "entry.unknown_target", ref=text, item=item.number, known=known, suggest=suggest
        )
    return item, target


def parse_amount(text: str) -> float:
    """A positive amount as typed: full-width digits allowed, commas only between thousands.

    ``1,000``, ``12,345.5`` and ``１，０００`` (a full-width comma is a comma) are accepted;
    ``1,5`` is refused, whatever its writer meant by it. Refuses 0, negatives and words.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if GROUPED_AMOUNT_RE.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    if not AMOUNT_RE.fullmatch(cleaned):
        key = "log.bad_thousands" if "," in cleaned else "log.bad_amount"
        raise YwplanError(key, value=text[:40])
    amount = float(cleaned)
    if amount < 0:
        raise YwplanError("entry.amount_not_positive", amount=cleaned)
    if amount == 0:
        raise YwplanError("log.amount_zero")
    return amount


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
        shown = "\n".join(f"  {e.id}  {e.date} {e.ref} {e.amount:g} {e.unit}" for e in matches[:10])
        raise YwplanError("undo.ambiguous_id", id=prefix, count=len(matches), matches=shown)
    return matches[0]


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
