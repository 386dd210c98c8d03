"""What clerks type in a form, read by the core's own parsers (SPEC §7): dates as
2024/9/5, 9月5日 or Excel serial numbers; amounts with full-width digits, thousands
commas and the target's unit after the number."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ywplan.core.dates import from_serial, parse_written_date
from ywplan.core.model import ID_RE, Target, derived_id
from ywplan.core.recording import Reading, parse_amount
from ywplan.errors import YwplanError


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2024-09-05", dt.date(2024, 9, 5)),
        ("2024/9/5", dt.date(2024, 9, 5)),
        ("2024.9.5", dt.date(2024, 9, 5)),
        ("2024年9月5日", dt.date(2024, 9, 5)),
        ("9月5日", dt.date(2024, 9, 5)),
        ("9月5号", dt.date(2024, 9, 5)),
        ("２０２４／９／５", dt.date(2024, 9, 5)),
        ("45540", dt.date(2024, 9, 5)),
        ("45540.75", dt.date(2024, 9, 5)),
        (" 2024-9-5 ", dt.date(2024, 9, 5)),
    ],
)
def test_dates_as_clerks_write_them(text: str, day: dt.date) -> None:
    assert parse_written_date(text, 2024) == day


@pytest.mark.parametrize("text", ["9/5", "5.9", "2024-02-30", "9月31日", "下周", "", "1234567"])
def test_what_is_no_date(text: str) -> None:
    assert parse_written_date(text, 2024) is None


def test_excel_serial_days() -> None:
    assert from_serial(45292) == dt.date(2024, 1, 1)
    assert from_serial(0) is None and from_serial(3_000_000) is None


def _reading(unit: str = "场", kind: str = "sum") -> Reading:
    extra = {"baseline": 100.0} if kind == "growth" else {}
    target = Target(id="events", name="活动", unit=unit, min=10.0, kind=kind, **extra)
    return Reading("1.events", target, "", None)


@pytest.mark.parametrize(
    ("text", "amount"),
    [("12场", 12.0), ("12 场", 12.0), ("１２场", 12.0), ("1,200场", 1200.0), ("12", 12.0)],
)
def test_an_amount_with_the_targets_unit(text: str, amount: float) -> None:
    assert parse_amount(text, _reading()) == amount


def test_an_amount_in_another_unit_is_refused_by_name() -> None:
    with pytest.raises(YwplanError) as caught:
        parse_amount("30人", _reading())
    assert caught.value.key == "log.amount_other_unit"
    assert caught.value.message == 'amount "30人" is in "人", but the target counts in "场"'


def test_a_growth_level_takes_no_percent_sign() -> None:
    with pytest.raises(YwplanError) as caught:
        parse_amount("5%", _reading("%", "growth"))
    assert caught.value.key == "log.amount_other_unit"
    assert parse_amount("95%", _reading("%", "level")) == 95.0


def test_without_a_reading_a_unit_is_no_number() -> None:
    with pytest.raises(YwplanError) as caught:
        parse_amount("12场")
    assert caught.value.key == "log.bad_amount"


def test_derived_ids_are_ledger_ids_and_decided_by_their_parts() -> None:
    one = derived_id("abc", "Form", "11")
    assert ID_RE.fullmatch(one) and len(one) == 20
    assert one == derived_id("abc", "Form", "11")
    assert one != derived_id("abc", "Form", "12") != derived_id("abd", "Form", "11")


FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


@given(
    amount=st.decimals(min_value="0.01", max_value="9999999", places=2),
    grouped=st.booleans(),
    wide=st.booleans(),
    with_unit=st.booleans(),
)
def test_every_way_a_clerk_writes_an_amount_reads_the_same(
    amount: Decimal, grouped: bool, wide: bool, with_unit: bool
) -> None:
    text = f"{amount:,}" if grouped else str(amount)
    text = text.translate(FULL_WIDTH) if wide else text
    text = text + "场" if with_unit else text
    assert parse_amount(text, _reading()) == float(amount)


@given(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2024, 12, 31)))
def test_every_way_a_clerk_writes_a_day_reads_the_same(day: dt.date) -> None:
    serial = (day - dt.date(1899, 12, 30)).days
    for text in (
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.month}月{day.day}日",
        str(serial),
    ):
        assert parse_written_date(text, 2024) == day, text
