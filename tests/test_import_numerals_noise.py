"""Copy-protection noise and numerals: examples, then properties with hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ywplan.importing.noise import NOISE, strip_noise
from ywplan.importing.numerals import (
    normalize_digits,
    parse_chinese,
    parse_digit_string,
    parse_number,
)
from ywplan.importing.targets import find_targets

from .import_helpers import to_chinese

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
noise_chars = st.sampled_from(sorted(NOISE))
clean_text = st.text(alphabet=st.characters(blacklist_characters=NOISE))


@pytest.mark.parametrize(
    ("noisy", "clean"),
    [
        ("2■◆★★★.0", "2.0"),
        ("19■★.加强青少年权益维护◆★★■★。", "19.加强青少年权益维护。"),
        ("不少于5◆0场", "不少于50场"),
        ("▲△●◇□♦☆✦❖⬛⭐", ""),
        ("零\u200b宽\ufeff字符", "零宽字符"),
    ],
)
def test_noise_is_removed_everywhere(noisy: str, clean: str) -> None:
    assert strip_noise(noisy) == clean


def test_zero_stand_ins_are_kept() -> None:
    assert strip_noise("二○二四年◯") == "二○二四年◯"


@given(st.text())
def test_strip_noise_is_idempotent(text: str) -> None:
    once = strip_noise(text)
    assert strip_noise(once) == once
    assert not NOISE.intersection(once)


@given(clean_text)
def test_text_without_noise_is_unchanged(text: str) -> None:
    assert strip_noise(text) == text


@given(st.lists(st.tuples(clean_text, st.lists(noise_chars, max_size=6))))
def test_noise_inserted_anywhere_comes_out(pieces: list[tuple[str, list[str]]]) -> None:
    noisy = "".join(text + "".join(noise) for text, noise in pieces)
    assert strip_noise(noisy) == "".join(text for text, _ in pieces)


def test_noise_inside_a_number_does_not_hide_a_target() -> None:
    (target,) = find_targets(strip_noise("全年培训团干部不少于4◆★0■0人次"))
    assert (target.value, target.unit) == (400, "人次")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("零", 0),
        ("两", 2),
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("三十", 30),
        ("一百", 100),
        ("一百零五", 105),
        ("一百一十", 110),
        ("三百五", 350),
        ("两千", 2000),
        ("一千二百", 1200),
        ("一千零一十", 1010),
        ("一万", 10_000),
        ("一万二", 12_000),
        ("一万零五百", 10_500),
        ("两万三千", 23_000),
        ("十万", 100_000),
        ("一亿二千万", 120_000_000),
    ],
)
def test_chinese_numerals(text: str, value: int) -> None:
    assert parse_chinese(text) == value


@pytest.mark.parametrize("text", ["", "万", "百", "十十", "二四", "五零", "一二三", "abc", "三个"])
def test_not_chinese_numerals(text: str) -> None:
    assert parse_chinese(text) is None


@pytest.mark.parametrize(
    ("text", "year"), [("二〇二四", 2024), ("二○二五", 2025), ("二零二三", 2023)]
)
def test_years_as_digit_strings(text: str, year: int) -> None:
    assert parse_digit_string(text) == year


@pytest.mark.parametrize(
    ("text", "scale", "value"),
    [
        ("400", 1, 400),
        ("４００", 1, 400),
        ("1,000", 1, 1000),
        ("2.5", 1, 2.5),
        ("1.5", 10_000, 15_000),
        ("1.1", 10_000, 11_000),
        ("三", 10_000, 30_000),
        ("1,2", 1, None),
        ("2.0.1", 1, None),
        ("两万", 1, 20_000),
    ],
)
def test_parse_number(text: str, scale: int, value: float | None) -> None:
    assert parse_number(text, scale=scale) == value


def test_normalize_digits_keeps_positions() -> None:
    text = "不少于４００人次,增长５％,１＋５"
    assert normalize_digits(text) == "不少于400人次,增长5%,1+5"
    assert len(normalize_digits(text)) == len(text)


@given(st.integers(min_value=0, max_value=99_999))
def test_arabic_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(str(n).translate(FULLWIDTH)) == n


@given(st.integers(min_value=0, max_value=99_999_999), st.booleans())
def test_chinese_round_trip(n: int, liang: bool) -> None:
    text = to_chinese(n)
    if liang:  # 两 is how 2 is said before 百, 千 and 万
        text = text.replace("二百", "两百").replace("二千", "两千").replace("二万", "两万")
    assert parse_chinese(text) == n
    assert parse_number(text) == n
