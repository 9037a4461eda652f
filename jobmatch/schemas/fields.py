"""Validated, normalizing fields for Vietnamese identity data and reference codes, shared by every write schema."""
import re
import unicodedata

import phonenumbers
from flask_babel import gettext as _
from marshmallow import ValidationError, fields, validate

from jobmatch.i18n import N_
from jobmatch.models.ethnic_group import ethnic_group_names
from jobmatch.models.occupation import unit_group_codes
from jobmatch.models.place import ward_codes
from jobmatch.rules.clock import as_utc, read_day, vietnam_today
from jobmatch.rules.money import parse_amount
from jobmatch.rules.person import age_on
from jobmatch.rules.tax_code import tax_code_problem

# Birth-registration province codes of the citizen ID (Circular 07/2016/TT-BCA, Appendix): "0" and the statistics
# office's code of the 63 provinces as they were before 1 July 2025; IDs issued since keep them.
CITIZEN_ID_PROVINCES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 "
    "044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 "
    "089 091 092 093 094 095 096".split()
)
# The fourth digit codes century and sex: 0/1 born in the 1900s, 2/3 in the 2000s (4–9 are for later centuries).
CENTURY_OF_DIGIT = {"0": 1900, "1": 1900, "2": 2000, "3": 2000}
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalized_text(text):
    """Text as it is stored and searched: composed (NFC), so that "Nguyễn" typed as letter plus accent marks is the same
    name as "Nguyễn" typed whole, and without Unicode format characters (category Cf: bidi overrides and isolates,
    zero-width spaces and joiners, soft hyphens, byte-order marks), which show nothing or turn text around for others."""
    return "".join(character for character in unicodedata.normalize("NFC", text) if unicodedata.category(character) != "Cf")


def plain_text(text, max_length):
    """Free text typed into a search box, normalized as stored text is, without control characters (PostgreSQL refuses
    NUL), trimmed and cut short."""
    return normalized_text(CONTROL_CHARACTERS.sub("", text or "")).strip()[:max_length]


class Text(fields.String):
    """A string without NUL or other control characters, normalized (normalized_text), trimmed, at most max_length
    characters (required)."""

    def __init__(self, max_length, *, blank=False, **kwargs):
        super().__init__(**kwargs)
        self.max_length = max_length
        self.blank = blank

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if CONTROL_CHARACTERS.search(text):
            raise ValidationError(N_("Remove the control characters from this text."))
        text = normalized_text(text).strip()
        if len(text) > self.max_length:
            raise ValidationError(_("At most %(count)d characters.", count=self.max_length))
        if not text and not self.blank:
            raise ValidationError(N_("This field cannot be blank."))
        return text


def citizen_id_problem(citizen_id, birth_date=None):
    """Why a citizen ID (CCCD) is not valid, or None: 12 digits, a known province code, a century digit for a person
    alive today, and, when the birth date is known, the century and the year's last two digits agreeing with it."""
    if not re.fullmatch(r"\d{12}", citizen_id):
        return N_("A citizen ID has exactly 12 digits.")
    if citizen_id[:3] not in CITIZEN_ID_PROVINCES:
        return N_("The first three digits are not a province code.")
    century = CENTURY_OF_DIGIT.get(citizen_id[3])
    if century is None:
        return N_("The fourth digit must be 0 to 3 (born in the 1900s or 2000s).")
    if birth_date is not None and century + int(citizen_id[4:6]) != birth_date.year:
        return N_("The citizen ID does not match the birth year.")
    return None


class CitizenId(fields.String):
    def _deserialize(self, value, attr, data, **kwargs):
        citizen_id = re.sub(r"[\s.-]", "", super()._deserialize(value, attr, data, **kwargs))
        problem = citizen_id_problem(citizen_id)
        if problem:
            raise ValidationError(problem)
        return citizen_id


def normalize_phone(text):
    """A Vietnamese number in any usual form (0912 345 678, 84912345678, +84 91-234-5678) as E.164 (+84912345678)."""
    try:
        number = phonenumbers.parse(text, "VN")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 84 or not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_text(phone):
    """A stored (E.164) number as people in Vietnam write it: +842363822222 as 0236 3822 222."""
    if not phone:
        return ""
    return phonenumbers.format_number(phonenumbers.parse(phone, "VN"), phonenumbers.PhoneNumberFormat.NATIONAL)


class Phone(fields.String):
    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        phone = normalize_phone(text) if len(text) <= 30 else None
        if phone is None:
            raise ValidationError(N_("Enter a Vietnamese phone number, e.g. 0912 345 678."))
        return phone


class Email(fields.Email):
    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and len(value) > 254:
            raise ValidationError(_("At most %(count)d characters.", count=254))
        if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
            raise ValidationError(N_("Remove the control characters from this text."))
        return super()._deserialize(value, attr, data, **kwargs).strip().lower()


TAX_CODE_PROBLEMS = {
    "format": N_("A tax code has 10 digits, or 13 for a branch (0101234565-001)."),
    "sequence": N_("This is not an issued tax code: its 3rd to 9th digits cannot all be 0."),
    "branch": N_("A branch's last three digits run from 001 to 999."),
    "check_digit": N_("This tax code's 10th digit (its check digit) does not match the first nine: check it against the "
                      "business registration certificate."),
}


class TaxCode(fields.String):
    """Enterprise tax code: 10 digits whose 10th checks the first nine, or 10 plus a 3-digit branch suffix, stored as
    0101234565 or 0101234565-001."""

    def _deserialize(self, value, attr, data, **kwargs):
        digits = re.sub(r"[\s.-]", "", super()._deserialize(value, attr, data, **kwargs))
        problem = tax_code_problem(digits)
        if problem:
            raise ValidationError(TAX_CODE_PROBLEMS[problem])
        return digits if len(digits) == 10 else f"{digits[:10]}-{digits[10:]}"


class BirthDate(fields.Date):
    """A birth date in the past, of someone of working age (15, the Labour Code's minimum) and at most 100 years old."""

    def _deserialize(self, value, attr, data, **kwargs):
        birth_date = super()._deserialize(value, attr, data, **kwargs)
        today = vietnam_today()
        if birth_date > today:
            raise ValidationError(N_("A birth date cannot be in the future."))
        age = age_on(birth_date, today)
        if age < 15:
            raise ValidationError(N_("Job seekers must be at least 15 years old."))
        if age > 100:
            raise ValidationError(N_("Check the birth year."))
        return birth_date


class ReferenceCode(fields.String):
    """A code that must exist in a reference list read from the database (wards, occupations, ethnic groups)."""

    def __init__(self, codes, message, **kwargs):
        super().__init__(**kwargs)
        self.codes = codes  # a function returning the set of valid codes
        self.message = message

    def _deserialize(self, value, attr, data, **kwargs):
        code = super()._deserialize(value, attr, data, **kwargs).strip()
        if len(code) > 10 or code not in self.codes():
            raise ValidationError(self.message)
        return code


def ward_code(**kwargs):
    return ReferenceCode(ward_codes, N_("There is no ward with this code."), **kwargs)


def isco_code(**kwargs):
    return ReferenceCode(unit_group_codes, N_("Choose an ISCO-08 unit group (4 digits)."), **kwargs)


def ethnic_group_code(**kwargs):
    return ReferenceCode(ethnic_group_names, N_("There is no ethnic group with this code."), **kwargs)


MAX_ID = 2**31 - 1  # PostgreSQL's integer; a larger number cannot name a row


def parse_id(text):
    """The row id a form value or argument names, or None; never an error. Only ASCII digits count: "²" and "٣" pass
    str.isdigit() but int() refuses the first, and neither is a number anyone typed as an id."""
    if not isinstance(text, str) or not re.fullmatch(r"[0-9]{1,10}", text.strip()):
        return None
    number = int(text.strip())
    return number if 1 <= number <= MAX_ID else None


class UtcDateTime(fields.DateTime):
    """A moment, stored as naive UTC, sent with its offset (2026-11-01T08:00:00+00:00) so that no client reads it as
    local time. Every timestamp the API sends is one of these."""

    def _serialize(self, value, attr, obj, **kwargs):
        return super()._serialize(as_utc(value), attr, obj, **kwargs)


def Id(**kwargs):  # noqa: N802 (a field factory, used like a field class)
    """The id of a row: a positive whole number within the database's integer range."""
    return fields.Integer(validate=validate.Range(min=1, max=MAX_ID, error=N_("There is no such number.")), **kwargs)


AMOUNT_UNREAD = N_("Enter an amount in đồng a month, e.g. 9.000.000, 9 triệu, 9tr or 15-20 triệu.")


class AmountInDong(int):
    """An amount read from a range ("15-20 triệu"): the end a field asked for, with the other end beside it."""

    def __new__(cls, value, *, low, high):
        amount = super().__new__(cls, value)
        amount.low, amount.high = low, high
        return amount


class Amount(fields.Field):
    """An amount of đồng a month as people write it ("9.000.000", "9 triệu", "9tr", "9,5 triệu"; rules.money), or a
    whole number from a JSON client. A range ("15-20 triệu") gives the end the field stands for (end="low" for a
    "from" box, "high" for "up to"); see spread_salary_range for the other box."""

    def __init__(self, *, end="low", **kwargs):
        super().__init__(**kwargs)
        self.end = end

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        parsed = parse_amount(value) if isinstance(value, str) and len(value) <= 60 else None
        if parsed is None:
            raise ValidationError(AMOUNT_UNREAD)
        return AmountInDong(parsed.low if self.end == "low" else parsed.high, low=parsed.low, high=parsed.high)

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else int(value)


def spread_salary_range(data, low="salary_min", high="salary_max"):
    """A range typed into the "from" box ("15-20 triệu") also sets "up to" when that was left empty."""
    typed = data.get(low)
    if isinstance(typed, AmountInDong) and typed.high != typed.low and data.get(high) is None:
        data[high] = typed.high
    return data


DAY_AS_WRITTEN = N_("Write the day as dd/mm/yyyy.")


class DayText(fields.String):
    """A day as people write it on a form, dd/mm/yyyy (or ISO from a date input or a JSON client), read by
    rules.clock.read_day; `message` says how to write it when it names no day."""

    def __init__(self, *args, message=DAY_AS_WRITTEN, **kwargs):
        super().__init__(*args, **kwargs)
        self.message = message

    def _deserialize(self, value, attr, data, **kwargs):
        day = read_day(super()._deserialize(value, attr, data, **kwargs))
        if day is None:
            raise ValidationError(self.message)
        return day
