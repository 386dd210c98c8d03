"""How numbers are rounded and written: the same everywhere a person reads them."""

from __future__ import annotations


def round_half_up(value: float, places: int = 1) -> float:
    """Round as people do on paper (2.25 → 2.3), not as binary floats do."""
    from decimal import ROUND_HALF_UP, Decimal  # not at import: TAB completion loads this module

    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def format_number(value: float | None) -> str:
    """``400`` → ``400``, ``149.458`` → ``149.5``, ``None`` → ``''`` (one decimal, half up).

    A value that rounds to a whole number is written as one (``14.96`` → ``15``, and
    ``-0.04`` → ``0``), as if the rounded value had been stored.
    """
    if value is None:
        return ""
    rounded = round_half_up(value, 1)
    if rounded.is_integer():
        return str(int(rounded))
    return f"{rounded:.1f}"


# The amounts :func:`format_amount` writes back exactly as written (of a float read from
# them): a whole number of up to 15 digits, or up to five digits and four decimals, no
# leading or trailing zero, no "-0". Not every one it writes: those below 100,000, whose
# float is within half a unit of the tenth decimal it formats to (809324.3553 is not).
CANONICAL_AMOUNT = r"(?:-?[1-9][0-9]{0,14}|0|-?(?:0|[1-9][0-9]{0,4})\.[0-9]{0,3}[1-9])"


def format_amount(amount: float) -> str:
    """``45.0`` → ``45``, ``2.5`` → ``2.5``: the shortest exact decimal, no exponent."""
    if amount == int(amount) and abs(amount) < 1e15:
        return str(int(amount))
    return f"{amount:.10f}".rstrip("0").rstrip(".")
