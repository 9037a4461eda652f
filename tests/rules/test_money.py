"""Amounts of pay as people write them, read as đồng."""
import pytest

from jobmatch.rules.money import AmountRange, parse_amount


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("9.000.000", 9_000_000, 9_000_000),
        ("9,000,000", 9_000_000, 9_000_000),
        ("9 000 000 đ", 9_000_000, 9_000_000),
        ("9.000.000 VNĐ/tháng", 9_000_000, 9_000_000),
        ("9 triệu", 9_000_000, 9_000_000),
        ("9 TRIỆU", 9_000_000, 9_000_000),
        ("9tr", 9_000_000, 9_000_000),
        ("9tr5", 9_500_000, 9_500_000),
        ("9,5 triệu", 9_500_000, 9_500_000),
        ("12.5tr", 12_500_000, 12_500_000),
        ("800k", 800_000, 800_000),
        ("9", 9_000_000, 9_000_000),  # a bare small number in a salary box means millions
        ("15-20 triệu", 15_000_000, 20_000_000),
        ("15 - 20tr", 15_000_000, 20_000_000),
        ("15tr–20tr", 15_000_000, 20_000_000),
        ("7 đến 9 triệu", 7_000_000, 9_000_000),
    ],
)
def test_amounts_and_ranges_as_written(text, low, high):
    assert parse_amount(text) == AmountRange(low, high)


@pytest.mark.parametrize(
    "text", ["", "nhiều", "Thỏa thuận", "20-10 triệu", "500 USD", "300.000/ngày", "1.000k", "9-", "abc9", None, "9" * 80],
)
def test_what_states_no_amount_of_dong_a_month_is_none(text):
    assert parse_amount(text) is None
