"""Identity and reference fields as plain data: citizen IDs, phone numbers, tax codes, birth dates, text."""
from datetime import date, timedelta

import pytest
from marshmallow import ValidationError

from jobmatch.rules.clock import vietnam_today
from jobmatch.schemas.fields import BirthDate, CitizenId, Phone, TaxCode, Text, citizen_id_problem, normalize_phone


@pytest.mark.parametrize("citizen_id", ["001095000123", "079301000001", "014201999999"])
def test_valid_citizen_ids_pass(citizen_id):
    assert citizen_id_problem(citizen_id) is None


@pytest.mark.parametrize(
    ("citizen_id", "reason"),
    [
        ("00109500012", "12 digits"),
        ("00109500012a", "12 digits"),
        ("003095000123", "province code"),  # 003 is no province
        ("099095000123", "province code"),
        ("001495000123", "fourth digit"),  # born in the 2100s
    ],
)
def test_invalid_citizen_ids_say_why(citizen_id, reason):
    assert reason in citizen_id_problem(citizen_id)


def test_the_citizen_id_must_agree_with_the_birth_year():
    assert citizen_id_problem("001095000123", date(1995, 5, 1)) is None
    assert "birth year" in citizen_id_problem("001095000123", date(1996, 5, 1))
    assert "birth year" in citizen_id_problem("001295000123", date(1995, 5, 1))  # 2 means born in the 2000s


def test_citizen_ids_are_normalized_from_spaced_input():
    assert CitizenId().deserialize("001 095 000 123") == "001095000123"


@pytest.mark.parametrize("text", ["0912345678", "0912 345 678", "+84 912 345 678", "84912345678", "(+84) 91-234-5678"])
def test_phone_numbers_in_every_usual_form_become_e164(text):
    assert normalize_phone(text) == "+84912345678"


@pytest.mark.parametrize("text", ["12345", "0912", "+1 202 555 0143", "số điện thoại"])
def test_non_vietnamese_or_invalid_phone_numbers_are_refused(text):
    with pytest.raises(ValidationError):
        Phone().deserialize(text)


def test_tax_codes_have_ten_digits_or_a_branch_suffix():
    assert TaxCode().deserialize("0101234567") == "0101234567"
    assert TaxCode().deserialize("0101234567-001") == "0101234567-001"
    assert TaxCode().deserialize("0101234567001") == "0101234567-001"
    for bad in ("010123456", "0101234567-01", "01012345670011", "abcdefghij"):
        with pytest.raises(ValidationError):
            TaxCode().deserialize(bad)


def test_birth_dates_are_in_the_past_and_of_working_age():
    today = vietnam_today()
    assert BirthDate().deserialize(today.replace(year=today.year - 30).isoformat())
    for bad in (today + timedelta(days=1), today.replace(year=today.year - 10), date(1900, 1, 1)):
        with pytest.raises(ValidationError):
            BirthDate().deserialize(bad.isoformat())


def test_text_refuses_nul_bytes_and_over_long_input():
    assert Text(10).deserialize("  Thợ hàn ") == "Thợ hàn"
    for bad in ("Thợ\x00hàn", "x" * 11, "   "):
        with pytest.raises(ValidationError):
            Text(10).deserialize(bad)
