"""Enterprise tax codes (mã số thuế): the check digit of Circular 105/2020/TT-BTC, Annex 1."""
import re

# The ninth digits' weights; the tenth digit checks them: 10 - (weighted sum mod 11).
WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def check_digit(first_nine):
    """The tenth digit for nine digits, or None when they cannot begin a tax code: a weighted sum divisible by 11
    would need a check digit of 10, so the General Department of Taxation never issues those nine digits (a sum one
    short of a multiple, remainder 10, takes 0)."""
    remainder = sum(int(digit) * weight for digit, weight in zip(first_nine, WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return None
    return (10 - remainder) % 10


def tax_code_problem(digits):
    """Why `digits` (10, or 13 for a dependent unit, separators removed) is not a tax code, or None when it is:
    "format", "sequence" (digits 3–9 all zero: the number 0000000 is never issued), "branch" (a unit 000), or
    "check_digit"."""
    if not re.fullmatch(r"\d{10}(\d{3})?", digits):
        return "format"
    if digits[2:9] == "0000000":
        return "sequence"
    if len(digits) == 13 and digits[10:] == "000":
        return "branch"
    if check_digit(digits[:9]) != int(digits[9]):
        return "check_digit"
    return None


def tax_code_for(number):
    """A valid ten-digit tax code made up for demo and test data, a different one for each `number` from 1 to
    9,999,999: province 99 (98 when 99's digits have no check digit), the number on seven digits, its check digit."""
    for province in ("99", "98"):  # the two sums differ by 29, never both divisible by 11
        first_nine = f"{province}{number:07d}"
        digit = check_digit(first_nine)
        if digit is not None:
            return f"{first_nine}{digit}"
    raise AssertionError("unreachable")
