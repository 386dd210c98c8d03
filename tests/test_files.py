"""The file adapters: YAML 1.2 scalars, marks, hostile YAML, and the ledger's CSV round trip."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ywplan.core.model import Entry
from ywplan.store import yamlio
from ywplan.store.ledger import format_entry, parse_ledger

HEADER = "id,date,item,target,amount,unit,note,by,recorded_at,corrects\n"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("no", "no"),
        ("on", "on"),
        ("yes", "yes"),
        ("010", 10),
        ("0o10", 8),
        ("0x1F", 31),
        ("1_000", "1_000"),
        ("2024-01-01", "2024-01-01"),
        ("1:20", "1:20"),
        ("true", True),
        ("~", None),
        ("1.5", 1.5),
        ("-2e3", -2000.0),
        ("'400'", "400"),
    ],
)
def test_scalars_read_as_yaml_1_2(text: str, value: object) -> None:
    data, _ = yamlio.load(f"k: {text}\n")
    assert data == {"k": value}


def test_marks_point_at_keys_and_values() -> None:
    _, marks = yamlio.load("a:\n  - b: 1\n    c: [x, y]\n")
    assert marks.key(("a", 0, "c")) == yamlio.Mark(3, 5)
    assert marks.value(("a", 0, "c", 1)) == yamlio.Mark(3, 12)
    assert marks.value(("a", 0, "c", 1, "deeper")) == yamlio.Mark(3, 12)


def test_deep_nesting_is_refused_fast() -> None:
    start = time.perf_counter()
    with pytest.raises(yamlio.YamlError) as caught:
        yamlio.load("[" * 5000 + "]" * 5000)
    assert caught.value.key in ("yaml.too_deep", "yaml.syntax")
    assert time.perf_counter() - start < 2


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_integers_round_trip(number: int) -> None:
    assert yamlio.load(f"k: {number}")[0] == {"k": number}


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_quoted_text_stays_text(text: str) -> None:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    data, _ = yamlio.load(f'k: "{escaped}"')
    assert data == {"k": text}


notes = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"),
    max_size=60,
)


@given(
    note=notes,
    amount=st.integers(min_value=1, max_value=10**9) | st.sampled_from([0.5, 2.25, 1234.5]),
    unit=st.sampled_from(["", "海宁市", "南湖区"]),
    day=st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2024, 12, 31)),
)
def test_an_entry_survives_the_csv_round_trip(
    note: str, amount: float, unit: str, day: dt.date
) -> None:
    entry = Entry(
        "abcdefgh12345678",
        day,
        26,
        "cadre-training",
        float(amount),
        unit,
        note,
        '张敏,"小"',
        "2024-05-10T16:20:05+08:00",
        "",
    )
    ledger = parse_ledger(HEADER + format_entry(entry))
    assert ledger.problems == ()
    assert ledger.entries == (entry._replace(line=2),)
