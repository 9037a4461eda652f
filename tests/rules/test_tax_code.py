"""Tax codes checked by their 10th digit, worked by hand from Circular 105/2020/TT-BTC's weights."""
import pytest

from jobmatch.rules.tax_code import check_digit, tax_code_for, tax_code_problem


@pytest.mark.parametrize(
    ("first_nine", "digit"),
    [
        # 0·31 + 1·29 + 0·23 + 1·19 + 2·17 + 3·13 + 4·7 + 5·5 + 6·3 = 192 = 17·11 + 5 → 10 − 5 = 5
        ("010123456", 5),
        # 0·31 + 3·29 + 1·23 + 4·19 + 4·17 + 0·13 + 9·7 + 0·5 + 5·3 = 332 = 30·11 + 2 → 8
        ("031440905", 8),
        # 0·31 + 1·29 + 0·23 + 0·19 + 2·17 + 3·13 + 3·7 + 4·5 + 8·3 = 167 = 15·11 + 2 → 8
        ("010023348", 8),
        # 0·31 + 1·29 + 0 + 9·19 + 8·17 + 7·13 + 6·7 + 5·5 + 4·3 = 506 = 46·11: a check digit of 10, never issued
        ("010987654", None),
        # 1·29 + 1·3 = 32 = 2·11 + 10 → 10 − 10 = 0
        ("010000001", 0),
    ],
)
def test_the_check_digit_by_hand(first_nine, digit):
    assert check_digit(first_nine) == digit


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("0314409058", None),
        ("0100233488", None),
        ("0101234565", None),
        ("0314409058001", None),
        ("0101234567", "check_digit"),
        ("0109876543", "check_digit"),  # its first nine digits have no check digit at all
        ("0000000001", "sequence"),
        ("0100000003", "sequence"),  # 1·29 = 29 = 2·11 + 7 → 3 is right, but the number 0000000 is never issued
        ("0314409058000", "branch"),
        ("031440905", "format"),
        ("03144090580011", "format"),
        ("03144O9058", "format"),
    ],
)
def test_a_tax_code_is_refused_for_one_named_reason(code, problem):
    assert tax_code_problem(code) == problem


def test_made_up_codes_for_demo_and_tests_are_valid_and_never_repeat():
    codes = [tax_code_for(number) for number in range(1, 5001)]
    assert len(set(codes)) == len(codes)
    assert all(tax_code_problem(code) is None for code in codes)
    assert codes[:3] == ["9900000016", "9900000023", "9900000030"]
