"""Identity and reference fields as plain data: citizen IDs, phone numbers, tax codes, birth dates, text, ids, timestamps."""
import importlib
import pkgutil
import unicodedata
from datetime import date, datetime, timedelta

import pytest
from marshmallow import Schema, ValidationError, fields

from jobmatch import schemas
from jobmatch.rules.clock import vietnam_today
from jobmatch.schemas.fields import (
    MAX_ID,
    BirthDate,
    CitizenId,
    Phone,
    TaxCode,
    Text,
    UtcDateTime,
    citizen_id_problem,
    normalize_phone,
    parse_id,
    plain_text,
)


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


def test_tax_codes_have_ten_digits_or_a_branch_suffix_and_a_right_check_digit():
    assert TaxCode().deserialize("0101234565") == "0101234565"
    assert TaxCode().deserialize("0101234565-001") == "0101234565-001"
    assert TaxCode().deserialize("0101 234 565 001") == "0101234565-001"
    for bad in ("010123456", "0101234565-01", "01012345650011", "abcdefghij"):
        with pytest.raises(ValidationError, match="10 digits, or 13 for a branch"):
            TaxCode().deserialize(bad)
    for bad in ("0101234567", "0109876543"):
        with pytest.raises(ValidationError, match="10th digit"):
            TaxCode().deserialize(bad)
    with pytest.raises(ValidationError, match="3rd to 9th digits"):
        TaxCode().deserialize("0000000001")


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


def test_text_is_stored_composed_and_without_format_characters():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    assert decomposed != "Nguyễn Thị Hường"
    assert Text(20).deserialize(decomposed) == "Nguyễn Thị Hường"
    # Bidi overrides and isolates, zero-width space and joiners, soft hyphen, byte-order mark: every category Cf.
    hidden = "\u202e\u2066\u2069\u200b\u200c\u200d\u00ad\ufeff\u061c"
    assert all(unicodedata.category(character) == "Cf" for character in hidden)
    assert Text(20).deserialize(f"{hidden}Thợ{hidden} hàn{hidden}") == "Thợ hàn"
    assert plain_text(f"{decomposed}\u200b", 100) == "Nguyễn Thị Hường"
    # The limit counts what is stored: 7 letters typed as 14 code points fit in 7.
    assert Text(7).deserialize(unicodedata.normalize("NFD", "Thợ hàn")) == "Thợ hàn"
    with pytest.raises(ValidationError):
        Text(10).deserialize("\u200b" * 3)  # nothing visible is blank


@pytest.mark.parametrize(("text", "row_id"), [
    ("7", 7), (" 12 ", 12), (str(MAX_ID), MAX_ID),
    ("²", None), ("١٢", None), ("①", None), ("0", None), ("-1", None), ("1e3", None), ("", None), (None, None),
    (str(MAX_ID + 1), None), ("9" * 400, None),
])
def test_ids_in_forms_parse_without_ever_raising(text, row_id):
    assert "²".isdigit()  # why str.isdigit() is not the test: int("²") raises
    assert parse_id(text) == row_id


def test_timestamps_are_sent_as_utc_with_their_offset():
    field = UtcDateTime()
    assert field.serialize("at", {"at": datetime(2026, 11, 1, 8, 0)}) == "2026-11-01T08:00:00+00:00"
    assert field.serialize("at", {"at": None}) is None


def test_every_timestamp_field_of_every_schema_carries_its_time_zone():
    """A schema that declares a plain DateTime would send a moment without its offset."""
    for module_info in pkgutil.iter_modules(schemas.__path__):
        importlib.import_module(f"jobmatch.schemas.{module_info.name}")
    naive = [
        f"{schema.__module__}.{schema.__name__}.{name}"
        for schema in _subclasses(Schema)
        if schema.__module__.startswith("jobmatch.")
        for name, field in schema._declared_fields.items()
        if isinstance(field, fields.DateTime) and not isinstance(field, UtcDateTime)
    ]
    assert naive == []


def _subclasses(cls):
    return [sub for direct in cls.__subclasses__() for sub in (direct, *_subclasses(direct))]
