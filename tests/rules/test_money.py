"""Amounts of pay as people write them, read as đồng."""
import pytest

from jobmatch.rules.money import (
    HOURS_A_MONTH,
    AmountRange,
    monthly_vnd,
    monthly_vnd_range,
    parse_amount,
    parse_stated_amount,
    pay_in_text,
)


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


@pytest.mark.parametrize(
    ("text", "kind", "low", "high", "currency", "period", "words"),
    [
        ("kế toán lương 15 triệu", "at_least", 15_000_000, None, "VND", "month", "lương 15 triệu"),
        ("cong nhan luong tren 9 trieu", "at_least", 9_000_000, None, "VND", "month", "luong tren 9 trieu"),
        ("lái xe tải lương 15tr", "at_least", 15_000_000, None, "VND", "month", "lương 15tr"),
        ("thợ hàn lương 9.000.000", "at_least", 9_000_000, None, "VND", "month", "lương 9.000.000"),
        ("nhân viên kho lương từ 9,5 triệu", "at_least", 9_500_000, None, "VND", "month", "lương từ 9,5 triệu"),
        ("công nhân may 10-12 triệu", "between", 10_000_000, 12_000_000, "VND", "month", "10-12 triệu"),
        ("kế toán 10 - 15 triệu", "between", 10_000_000, 15_000_000, "VND", "month", "10 - 15 triệu"),
        ("lương dưới 10 triệu", "at_most", None, 10_000_000, "VND", "month", "lương dưới 10 triệu"),
        ("phụ hồ 350k/ngày", "at_least", 350_000, None, "VND", "day", "350k/ngày"),
        ("phục vụ 25.000đ/giờ", "at_least", 25_000, None, "VND", "hour", "25.000đ/giờ"),
        ("developer 1000 usd", "at_least", 1_000, None, "USD", "month", "1000 usd"),
        ("IT lương 800$", "at_least", 800, None, "USD", "month", "lương 800$"),
        ("đi nhật 177.000 yên/tháng", "at_least", 177_000, None, "JPY", "month", "177.000 yên/tháng"),
        ("đi hàn 2.310.000 - 2.380.000 won", "between", 2_310_000, 2_380_000, "KRW", "month", "2.310.000 - 2.380.000 won"),
    ],
)
def test_pay_stated_among_other_words(text, kind, low, high, currency, period, words):
    asked = pay_in_text(text)
    assert (asked.kind, asked.low, asked.high, asked.currency, asked.period) == (kind, low, high, currency, period)
    assert text[asked.span[0]:asked.span[1]].strip() == words


@pytest.mark.parametrize("text", ["lái xe 7 chỗ", "việc làm q1", "làm 8 tiếng/ngày", "thợ hàn 2G 3G", "xe 45 chỗ", "kế toán", None])
def test_numbers_that_are_not_pay(text):
    assert pay_in_text(text) is None


RATES = {"USD": 26_000, "JPY": 170}


@pytest.mark.parametrize(
    ("amount", "currency", "period", "monthly"),
    [
        (9_000_000, "VND", "month", 9_000_000),
        (350_000, "VND", "day", 9_100_000),  # 26 working days
        (25_000, "VND", "hour", 5_200_000),  # 8 hours a day, 26 days
        (1_000, "USD", "month", 26_000_000),
        (177_000, "JPY", "month", 30_090_000),
        (1_000, "TWD", "month", None),  # no rate in the table
        (100, "VND", "piece", None),  # pay per piece cannot be compared
    ],
)
def test_pay_as_dong_a_month(amount, currency, period, monthly):
    assert monthly_vnd(amount, currency=currency, period=period, rates=RATES) == monthly


@pytest.mark.parametrize(
    ("text", "currency", "unit", "stated"),
    [
        ("9 triệu", "VND", "month", (9_000_000, 9_000_000, "VND", "month", None, None)),
        ("15-20 triệu", "VND", "month", (15_000_000, 20_000_000, "VND", "month", None, None)),
        ("250.000 đ/ngày", "VND", "month", (250_000, 250_000, "VND", "day", "VND", "day")),
        ("250", "VND", "day", (250_000, 250_000, "VND", "day", None, None)),  # a bare number a day counts in thousands
        ("25k/giờ", "VND", "month", (25_000, 25_000, "VND", "hour", None, "hour")),
        ("5.000đ/sp", "VND", "month", (5_000, 5_000, "VND", "piece", "VND", "piece")),
        ("800", "VND", "piece", (800, 800, "VND", "piece", None, None)),
        ("1.200 USD", "VND", "month", (1_200, 1_200, "USD", "month", "USD", None)),
        ("$1,200", "VND", "month", (1_200, 1_200, "USD", "month", "USD", None)),
        ("800", "USD", "month", (800, 800, "USD", "month", None, None)),  # in dollars a bare number is as written
        ("180.000 yên/tháng", "VND", "month", (180_000, 180_000, "JPY", "month", "JPY", "month")),
        ("2,3 triệu won", "VND", "month", (2_300_000, 2_300_000, "KRW", "month", "KRW", None)),
        ("1.100-1.300 yen/giờ", "JPY", "hour", (1_100, 1_300, "JPY", "hour", "JPY", "hour")),
    ],
)
def test_pay_stated_as_written_with_its_currency_and_unit(text, currency, unit, stated):
    amount = parse_stated_amount(text, currency=currency, unit=unit)
    assert (amount.low, amount.high, amount.currency, amount.unit, amount.currency_named, amount.unit_named) == stated


@pytest.mark.parametrize("text", ["", "Thỏa thuận", "1,5 USD", "20-10 triệu", "abc", None, "9" * 80])
def test_what_states_no_pay_is_none(text):
    assert parse_stated_amount(text) is None


def test_a_range_of_pay_as_dong_a_month_keeps_its_open_end():
    assert monthly_vnd_range(160_000, 180_000, currency="JPY", unit="month", rates=RATES) == (27_200_000, 30_600_000)
    assert monthly_vnd_range(None, 350_000, unit="day", rates=RATES) == (None, 9_100_000)
    assert monthly_vnd_range(5_000, None, unit="piece", rates=RATES) == (None, None)
    assert HOURS_A_MONTH == 208
