"""Generated bad input against every write operation of the API and the sign-up, walk-in and vacancy forms. Each example
starts from a fresh world and spoils one field (a bad value, the field left out, or an unknown field added): a refusal
names that field and stores nothing; an acceptance stores exactly the payload as it is documented to be normalized
(read back from the database); nothing answers 500. The database is printed with a failing example."""
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from hypothesis import HealthCheck, example, given, note, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select

from jobmatch.extensions import db, limiter
from jobmatch.models import (
    Account,
    Application,
    Employer,
    JobFair,
    JobSeeker,
    Placement,
    PlacementFollowUp,
    PriorityStatus,
    Vacancy,
)
from jobmatch.models.ethnic_group import EthnicGroup
from jobmatch.models.occupation import IscoGroup
from jobmatch.models.place import Ward
from jobmatch.rules.clock import vietnam_today
from jobmatch.rules.money import SALARY_CURRENCIES, SALARY_UNITS
from jobmatch.rules.tax_code import tax_code_problem
from jobmatch.services import account as account_service
from jobmatch.services.job_seeker import active_consents
from tests.conftest import data_tables
from tests.factories import HANOI_WARD, make_account, make_centre, make_employer, make_job_seeker, make_vacancy
from tests.web.helpers import csrf_token, post_form, start_session

# Values that break somewhere: wrong types, NUL bytes, control characters, huge, negative and fractional numbers, long
# text, invalid codes, past and impossible dates, nesting where a scalar belongs.
BAD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=300, max_size=6000),
    st.just("Thợ\x00hàn"),
    st.sampled_from(["99999", "0000", "00", "9999", "x", "-1", "1e309", "2026-02-30", "1800-01-01", "2999-12-31",
                     "001095000123", "+84", "Chỉ tuyển nam", "' OR 1=1 --", "<script>alert(1)</script>", "1.5", "٣"]),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
# What a form's text input can carry.
BAD_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(min_size=300, max_size=2000),
    st.sampled_from(["Thợ\x00hàn", "99999", "2999-01-01", "-5", "1.5", "0", "٣", " ", "\u200b", "Chỉ tuyển nam"]),
)


# What each field is. A kind says how an accepted value is stored (a value it calls Wrong must have been refused), and
# which values come close to valid for it without being so: bad() to generate them, besides BAD_VALUES, and near_miss(),
# the one every run tries.

class Wrong(AssertionError):  # noqa: N818 (a verdict on a value, as the tests read it)
    """An accepted value that should have been refused."""


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _ensure(condition, value):
    if not condition:
        raise Wrong(f"accepted {value!r}")


@dataclass(frozen=True)
class Text:
    """Stored composed (NFC), without format characters (category Cf), trimmed; control characters refused."""

    max_length: int
    optional: bool = False  # None is accepted (and stored as None)
    blank: bool = False  # an empty text is accepted

    def stored(self, value):
        if value is None and self.optional:
            return None
        _ensure(isinstance(value, str) and not CONTROL_CHARACTERS.search(value), value)
        text = "".join(c for c in unicodedata.normalize("NFC", value) if unicodedata.category(c) != "Cf").strip()
        _ensure((text or self.blank) and len(text) <= self.max_length, value)
        return text

    def near_miss(self):
        return "hàn\x00TIG"

    def bad(self):
        return st.one_of(
            st.text(min_size=self.max_length + 1, max_size=self.max_length + 40),
            st.sampled_from(["", "   ", "\u200b\u202e", "\ufeff \u00ad", "hàn\x00TIG", "hàn\x07TIG", "hàn\x1bTIG", "a\x7f"]),
            st.integers(), st.booleans(), st.lists(st.text(max_size=3), max_size=2),
        )


@dataclass(frozen=True)
class Number:
    """A whole number within bounds (or one of `only`), given as a JSON number or as digits; a fraction is not one."""

    low: int
    high: int
    optional: bool = False
    only: tuple = ()

    def stored(self, value):
        if value is None and self.optional:
            return None
        if isinstance(value, str):
            _ensure(re.fullmatch(r"\s*-?\d+\s*", value), value)
            value = int(value)
        _ensure(isinstance(value, int | float) and not isinstance(value, bool), value)
        _ensure(value == value and abs(value) != float("inf") and int(value) == value, value)  # not NaN, infinite or fractional
        _ensure(self.low <= value <= self.high and (not self.only or value in self.only), value)
        return int(value)

    def near_miss(self):
        return self.low + 0.5  # cut to a valid number, it would pass

    def bad(self):
        return st.one_of(
            st.integers(self.low, min(self.high, self.low + 10)).map(lambda number: number + 0.5),
            st.floats(min_value=self.low - 2, max_value=self.high + 2).filter(lambda number: not number.is_integer()),
            st.integers(max_value=self.low - 1), st.integers(min_value=self.high + 1),
            st.sampled_from([True, False, "1.5", "1e3", "0x10", "", " ", "mười", "²", "3 ", "+-3", [3], {"value": 3}]),
        )


class Satisfying:
    """Equal to any stored value that passes a test: for what the test does not compute itself."""

    def __init__(self, description, test):
        self.description, self.test = description, test

    def __eq__(self, other):
        return self.test(other)

    def __repr__(self):
        return f"<{self.description}>"


@dataclass(frozen=True)
class Amount:
    """Đồng a month: a whole number within 0 to 1,000,000,000, or text as people write amounts (rules/money.py, tested on
    its own), stored as a whole number of đồng within the same range."""

    optional: bool = True

    def stored(self, value):
        if value is None and self.optional:
            return None
        if isinstance(value, str):
            return Satisfying("whole đồng, 0 to 1,000,000,000", lambda stored: isinstance(stored, int) and 0 <= stored <= 10**9)
        return Number(0, 10**9).stored(value)

    def near_miss(self):
        return 0.5

    def bad(self):
        return st.one_of(Number(0, 10**9).bad(), st.sampled_from(["9 tỷ đô", "15-20 triệu-30", "9tr/tuần", "-9 triệu", "x triệu"]))


@dataclass(frozen=True)
class Choice:
    options: tuple
    optional: bool = False

    def stored(self, value):
        if value is None and self.optional:
            return None
        _ensure(isinstance(value, str) and value in self.options, value)
        return value

    def near_miss(self):
        return self.options[0].upper() + " "

    def bad(self):
        option = st.sampled_from([option for option in self.options if isinstance(option, str)] or ["x"])
        return st.one_of(option.map(str.upper), option.map(lambda text: f" {text}"), option.map(lambda text: text + "x"),
                         st.just(""), st.just([self.options[0]]))


@dataclass(frozen=True)
class Code:
    """A code of a reference table (wards, occupations, ethnic groups), stored trimmed."""

    table: str
    optional: bool = False

    def stored(self, value):
        if value is None and self.optional:
            return None
        _ensure(isinstance(value, str) and value.strip() in reference_codes(self.table), value)
        return value.strip()

    def near_miss(self):
        return "99999"

    def bad(self):
        return st.sampled_from(["", "0", "00004x", "0000４", "000004", "00004" + " " * 10, "99999", "7212.", "721", "72121", "X212", "1",
                                7212, 4])


@dataclass(frozen=True)
class OccupationCode(Code):
    """A vacancy's occupation code, or none (null; a blank input on a form): then the occupation coder's answer for the
    title is stored (issue 17), which for the valid payloads' "Thợ hàn" is 7212."""

    table: str = "occupation"
    coded: str = "7212"
    blank_is_none: bool = False

    def stored(self, value):
        if value is None or (self.blank_is_none and isinstance(value, str) and not value.strip()):
            return self.coded
        return super().stored(value)


@dataclass(frozen=True)
class Day:
    """An ISO day (2026-12-01 or 20261201) from `earliest` to `latest` days after today."""

    earliest: int = -100 * 366
    latest: int = 100 * 366
    optional: bool = False

    def stored(self, value):
        if value is None and self.optional:
            return None
        _ensure(isinstance(value, str) and re.fullmatch(r"\d{4}-?\d{2}-?\d{2}", value), value)
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise Wrong(f"accepted {value!r}") from None
        _ensure(self.earliest <= (day - vietnam_today()).days <= self.latest, value)
        return day

    def near_miss(self):
        return (vietnam_today() + timedelta(days=self.earliest - 1)).isoformat()

    def bad(self):
        today = vietnam_today()
        out_of_range = st.one_of(
            st.dates(max_value=today + timedelta(days=self.earliest - 1)), st.dates(min_value=today + timedelta(days=self.latest + 1))
        )
        return st.one_of(
            out_of_range.map(date.isoformat),
            st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30", "20261301", "2026-12-01T00:00:00", "01/12/2026", "2026-12-1",
                             " 2026-12-01", "", 20261201]),
        )


@dataclass(frozen=True)
class Yes:
    """true or false and nothing else: 1, 0 or "yes" in a body is refused (BaseSchema)."""

    def stored(self, value):
        _ensure(isinstance(value, bool), value)
        return value

    def near_miss(self):
        return 1

    def bad(self):
        return st.sampled_from(["yes", "true", "on", "1", 0, -1, 0.5, "", "có", [True], {"given": True}])


@dataclass(frozen=True)
class Many:
    """A list of values of one kind; `distinct` lists are stored as the set of their values, sorted."""

    kind: object
    most: int
    distinct: bool = False

    def stored(self, value):
        _ensure(isinstance(value, list) and len(value) <= self.most, value)
        items = [self.kind.stored(item) for item in value]
        return sorted(set(items)) if self.distinct else items

    def near_miss(self):
        return [self.kind.near_miss()]

    def bad(self):
        return st.one_of(st.lists(self.kind.bad(), min_size=1, max_size=3), self.kind.bad(),
                         st.lists(st.just("a"), min_size=self.most + 1, max_size=self.most + 3))


@dataclass(frozen=True)
class CommaList:
    """A form's text input holding a list: split on commas, empty parts dropped."""

    kind: object
    most: int

    def stored(self, value):
        items = [self.kind.stored(part.strip()) for part in value.split(",") if part.strip()]
        _ensure(len(items) <= self.most, value)
        return items

    def near_miss(self):
        return self.kind.near_miss()

    def bad(self):
        return st.one_of(self.kind.bad(), st.just(", ".join(["a"] * (self.most + 1))))


@dataclass(frozen=True)
class CitizenId:
    """12 digits (spaces, dots and dashes dropped) with a province code and a century digit of a living person."""

    def stored(self, value):
        _ensure(isinstance(value, str), value)
        digits = re.sub(r"[\s.-]", "", value)
        _ensure(re.fullmatch(r"[0-9]{12}", digits) and digits[3] in "0123", value)
        return digits

    def near_miss(self):
        return "01409000055"

    def bad(self):
        return st.sampled_from(["01409000055", "0140900005555", "999090000555", "014590000555", "01409000055x", "014 090 000 55",
                                "٠١٤٠٩٠٠٠٠٥٥٥", 14090000555, "001095000123"])


@dataclass(frozen=True)
class Phone:
    """A Vietnamese number in any usual form (0912 345 678, 84912345678, +84 91-234-5678), stored as +84 and the 8 to 10
    digits after the leading 0 (mobiles have 9, landlines 10, 1800 numbers 8)."""

    optional: bool = True

    def stored(self, value):
        if value is None and self.optional:
            return None
        _ensure(isinstance(value, str), value)
        digits = re.sub(r"[\s.()-]", "", value).removeprefix("+")
        national = digits[2:] if digits.startswith("84") else digits.removeprefix("0")
        _ensure(re.fullmatch(r"[1-9][0-9]{7,9}", national), value)
        return f"+84{national}"

    def near_miss(self):
        return "0912"

    def bad(self):
        return st.sampled_from(["+1 202 555 0100", "0912", "09120005551234", "+84", "84", "phone", "0912-000-55x", 912000555, ""])


@dataclass(frozen=True)
class Email:
    """An address of at most 254 characters, stored trimmed and lower-cased."""

    def stored(self, value):
        _ensure(isinstance(value, str) and len(value) <= 254 and re.fullmatch(r"\s*[^@\s]+@[^@\s]+\.[^@\s]+\s*", value), value)
        return value.strip().lower()

    def near_miss(self):
        return "a@"

    def bad(self):
        return st.sampled_from(["a@", "@example.vn", "a example.vn", "a@b@example.vn", "a@example.vn\x00", "a" * 250 + "@example.vn", ""])


@dataclass(frozen=True)
class TaxCode:
    """10 digits whose 10th checks the first nine, or 13 for a branch, stored as 0101234565 or 0101234565-001."""

    def stored(self, value):
        digits = re.sub(r"[\s.-]", "", value)
        _ensure(re.fullmatch(r"[0-9]{10}([0-9]{3})?", digits), value)
        _ensure(tax_code_problem(digits) is None, value)
        return digits if len(digits) == 10 else f"{digits[:10]}-{digits[10:]}"

    def near_miss(self):
        return "010123456"

    def bad(self):
        return st.sampled_from(["010123456", "01012345678", "0101234565-01", "0101234565-0011", "01012345ab", "0101234567", "0000000001",
                                "0101234565-000", ""])


@dataclass(frozen=True)
class Password:
    """Any password the rules allow; stored as a hash that verifies it."""

    def stored(self, value):
        return "the hash verifies it"

    def near_miss(self):
        return "1234567"

    def bad(self):
        return st.sampled_from(["", "1234567", "password", "x" * 1001, "mật khẩu\x00"])


_reference_codes = {}


def reference_codes(table):
    if table not in _reference_codes:
        query = {
            "ward": select(Ward.code),
            "occupation": select(IscoGroup.code).where(func.length(IscoGroup.code) == 4),
            "ethnic_group": select(EthnicGroup.code),
        }[table]
        _reference_codes[table] = set(db.session.scalars(query))
    return _reference_codes[table]


def password_verified(password_hash, password):
    try:
        return PasswordHasher().verify(password_hash, password) and "the hash verifies it"
    except VerificationError:
        return "the hash does not verify it"


# The world each example starts from.

@dataclass
class World:
    ids: dict
    tokens: dict
    accounts: dict


def build_world():
    centre = make_centre()
    employer = make_employer()
    vacancy = make_vacancy(employer)
    job_seeker = make_job_seeker(centre_id=centre.id, phone="+84912000001", expected_salary=6_000_000)
    accounts = {
        "employer": make_account("employer", employer_id=employer.id),
        "officer": make_account("officer", centre_id=centre.id),
        "job_seeker": make_account("job_seeker", job_seeker_id=job_seeker.id),
    }
    tokens = {role: account_service.create_api_token(actor=account, name=role)[1] for role, account in accounts.items()}
    # An application the employer can move, one the officer can place, one placed and waiting for its follow-ups.
    ids = {"vacancy": vacancy.id, "job_seeker": job_seeker.id, "employer": employer.id}
    for status in ("submitted", "offered", "hired"):
        vacancy_applied_to = make_vacancy(employer, title=f"Vị trí {status}")
        application = Application(vacancy_id=vacancy_applied_to.id, job_seeker_id=job_seeker.id, status=status)
        if status == "hired":
            application.placement = Placement(hire_date=vietnam_today() - timedelta(days=100), employer_confirmed=True)
        db.session.add(application)
        db.session.commit()
        ids[status] = application.id
    return World(ids=ids, tokens=tokens, accounts=accounts)


def fresh_world():
    """Every data table emptied and the world built again: what an example meets depends on nothing an earlier one did."""
    db.session.rollback()
    for table in data_tables():
        db.session.execute(delete(table))
    db.session.commit()
    limiter.reset()  # the limits of /sign-up and /claim are counted exactly in tests/web/test_claim_and_limits.py
    return build_world()


# Columns any request changes, refused or not: when its token was last used.
VOLATILE = {"api_token": {"last_used_at"}}


def database_rows():
    """Every row of every data table, as {table: [row, …]}: what a refusal must leave as it was, and what a failing
    example prints."""
    rows = {}
    for table in data_tables():
        columns = [column for column in table.columns if column.name not in VOLATILE.get(table.name, ())]
        rows[table.name] = [tuple(row) for row in db.session.execute(select(*columns).order_by(*table.primary_key.columns))]
    db.session.rollback()
    return rows


def future(days=20):
    return (vietnam_today() + timedelta(days=days)).isoformat()


@dataclass
class Operation:
    """A write operation: who calls it, a payload it accepts, its answer on success, what each field is, and how to read
    back what it stored."""

    name: str
    role: str
    method: str
    path: str  # with {placeholders} from the world's ids
    valid: dict  # a payload it accepts ({placeholders} too); each example spoils one of its fields
    kinds: dict  # field → its kind
    success: int
    stored: object  # (world, answer) → {field: stored value}, for the fields it stores
    left_out: dict = field(default_factory=dict)  # field → what is stored when the payload leaves it out
    related: dict = field(default_factory=dict)  # field → the other fields a rule across fields names when it is spoiled
    refused_at_least: float = 0.5  # the share of examples it must refuse: less means the values stopped spoiling


def columns(model, row_id, names, renamed=None):
    """{name: stored value} of one row, read afresh from the database."""
    row = db.session.get(model, row_id)
    return {name: getattr(row, (renamed or {}).get(name, name)) for name in names}


ID = Number(1, 2**31 - 1)
VACANCY = {
    "title": Text(200), "isco_code": OccupationCode(), "employment_type": Choice(("full_time", "part_time", "seasonal", "contract")),
    "ward_code": Code("ward", optional=True), "deadline": Day(0, 366), "salary_min": Amount(), "salary_max": Amount(),
    "skills": Many(Text(60), 30), "salary_unit": Choice(SALARY_UNITS), "salary_currency": Choice(SALARY_CURRENCIES),
}
PROFILE = {
    "full_name": Text(120), "citizen_id": CitizenId(), "birth_date": Day(-100 * 366, -15 * 365), "ward_code": Code("ward"),
    "phone": Phone(), "skills": Many(Text(60), 30), "expected_salary": Amount(), "visibility": Choice(("public", "anonymous", "hidden")),
}
VALID_VACANCY = {"title": "Thợ hàn", "isco_code": "7212", "employment_type": "full_time", "ward_code": HANOI_WARD, "deadline": future(),
                 "salary_min": 8_000_000, "salary_max": 12_000_000, "skills": ["hàn TIG"], "salary_unit": "month", "salary_currency": "VND"}
VALID_PROFILE = {"full_name": "Hà Văn Lâm", "citizen_id": "014090000555", "birth_date": "1990-04-04", "ward_code": HANOI_WARD,
                 "phone": "0912000555", "skills": ["trồng rau"], "expected_salary": 7_000_000, "visibility": "public"}
# What a replacement keeps of the world's vacancy and job seeker when it leaves an optional field out.
KEPT_OF_VACANCY = {"salary_min": 9_000_000, "salary_max": 14_000_000, "salary_unit": "month", "salary_currency": "VND"}
KEPT_OF_PROFILE = {"phone": "+84912000001", "expected_salary": 6_000_000}
# A salary range the wrong way round is refused naming the minimum; a birth date the citizen ID does not match, naming the ID.
SALARY_RULE = {"salary_max": ("salary_min",)}
# The single ward of API clients before places: a vacancy left without it (nor places) is refused naming places.
VACANCY_RULES = {**SALARY_RULE, "ward_code": ("places",)}
CITIZEN_ID_RULE = {"birth_date": ("citizen_id",)}
REJECTION_REASONS = ("qualifications", "experience", "position_filled", "no_show", "declined_offer", "other")


def placement_of(application_id):
    return db.session.scalar(select(Placement.id).where(Placement.application_id == application_id))


OPERATIONS = [
    Operation(
        "create vacancy", "employer", "POST", "/api/v1/vacancies", VALID_VACANCY, VACANCY, 201,
        lambda world, answer: columns(Vacancy, answer["id"], VACANCY),
        left_out={"salary_min": None, "salary_max": None, "skills": [], "isco_code": "7212", "salary_unit": "month",
                  "salary_currency": "VND"}, related=VACANCY_RULES,
    ),
    Operation(
        "replace vacancy", "employer", "PUT", "/api/v1/vacancies/{vacancy}", VALID_VACANCY, VACANCY, 200,
        lambda world, answer: columns(Vacancy, world.ids["vacancy"], VACANCY),
        left_out={**KEPT_OF_VACANCY, "skills": [], "isco_code": "7212"}, related=VACANCY_RULES,
    ),
    Operation(
        "vacancy status", "employer", "POST", "/api/v1/vacancies/{vacancy}/status", {"status": "closed"},
        {"status": Choice(("closed", "filled"))}, 200, lambda world, answer: columns(Vacancy, world.ids["vacancy"], ["status"]),
    ),
    Operation(
        "walk-in", "officer", "POST", "/api/v1/job-seekers", {**VALID_PROFILE, "consents": ["show_profile"]},
        {**PROFILE, "consents": Many(Choice(("show_profile", "priority_ranking")), 2, distinct=True)}, 201,
        lambda world, answer: {**columns(JobSeeker, answer["job_seeker"]["id"], PROFILE),
                               "consents": sorted(active_consents(answer["job_seeker"]["id"]))},
        left_out={"phone": None, "skills": [], "expected_salary": None, "visibility": "public", "consents": []}, related=CITIZEN_ID_RULE,
    ),
    Operation(
        "replace profile", "officer", "PUT", "/api/v1/job-seekers/{job_seeker}",
        {**VALID_PROFILE, "citizen_id": "001095000001", "birth_date": "1995-05-17"}, PROFILE, 200,
        lambda world, answer: columns(JobSeeker, world.ids["job_seeker"], PROFILE),
        left_out={**KEPT_OF_PROFILE, "skills": [], "visibility": "public"}, related=CITIZEN_ID_RULE,
    ),
    Operation(
        "priority status", "officer", "POST", "/api/v1/job-seekers/{job_seeker}/priority-statuses",
        {"category": "ethnic_minority", "ethnic_group_code": "03", "evidence": "CCCD"},
        {"category": Choice(("ethnic_minority",)), "ethnic_group_code": Code("ethnic_group"), "evidence": Text(300)},
        201, lambda world, answer: columns(PriorityStatus, answer["id"], ["category", "ethnic_group_code", "evidence"]),
        related={"category": ("ethnic_group_code", "valid_until")},
    ),
    Operation(
        "consent", "job_seeker", "POST", "/api/v1/job-seekers/{job_seeker}/consents", {"purpose": "priority_ranking", "given": True},
        {"purpose": Choice(("priority_ranking",)), "given": Yes()}, 200,
        lambda world, answer: {"purpose": "priority_ranking", "given": "priority_ranking" in active_consents(world.ids["job_seeker"])},
    ),
    Operation(
        "apply", "job_seeker", "POST", "/api/v1/applications", {"vacancy_id": "{vacancy}", "consent": True},
        {"vacancy_id": ID, "consent": Yes()}, 201,  # consent asks to give it now (given before in the world): nothing to read back
        lambda world, answer: columns(Application, answer["id"], ["vacancy_id"]), left_out={"consent": False},
    ),
    Operation(
        "referral", "officer", "POST", "/api/v1/referrals",
        {"vacancy_id": "{vacancy}", "job_seeker_id": "{job_seeker}", "job_fair_id": None},
        {"vacancy_id": ID, "job_seeker_id": ID, "job_fair_id": Number(1, 2**31 - 1, optional=True)}, 201,
        lambda world, answer: columns(Application, answer["id"], ["vacancy_id", "job_seeker_id", "job_fair_id"]),
        left_out={"job_fair_id": None},
    ),
    Operation(
        "job fair", "officer", "POST", "/api/v1/job-fairs",
        {"title": "Phiên", "held_on": future(3), "ward_code": HANOI_WARD, "venue": "Nhà văn hóa", "vacancy_ids": ["{vacancy}"]},
        {"title": Text(200), "held_on": Day(-(vietnam_today() - date(1950, 1, 1)).days, 3660), "ward_code": Code("ward"),
         "venue": Text(200), "vacancy_ids": Many(ID, 500, distinct=True)},
        201, lambda world, answer: {**columns(JobFair, answer["id"], ["title", "held_on", "ward_code", "venue"]),
                                    "vacancy_ids": sorted(vacancy.id for vacancy in db.session.get(JobFair, answer["id"]).vacancies)},
        left_out={"vacancy_ids": []},
    ),
    Operation(
        "transition", "employer", "POST", "/api/v1/applications/{submitted}/transitions", {"status": "rejected", "reason": "experience"},
        {"status": Choice(("viewed", "rejected")), "reason": Choice(REJECTION_REASONS, optional=True)}, 200,
        lambda world, answer: columns(Application, world.ids["submitted"], ["status", "reason"], {"reason": "rejection_reason"}),
        left_out={"reason": None}, related={"status": ("reason",)},
    ),
    Operation(
        "placement", "officer", "POST", "/api/v1/applications/{offered}/placement",
        {"hire_date": vietnam_today().isoformat(), "employer_confirmed": True},
        {"hire_date": Day(0, 0), "employer_confirmed": Yes()}, 201,  # not before the application, which the world made today
        lambda world, answer: columns(Placement, placement_of(world.ids["offered"]), ["hire_date", "employer_confirmed"]),
    ),
    Operation(
        "follow-up", "officer", "POST", "/api/v1/applications/{hired}/placement/follow-ups", {"months": 3, "still_employed": True},
        {"months": Number(3, 6, only=(3, 6)), "still_employed": Yes()}, 201,
        lambda world, answer: columns(PlacementFollowUp, db.session.scalar(select(PlacementFollowUp.id)), ["months", "still_employed"]),
    ),
]


def fill(payload, ids):
    """The payload with the world's ids in place of its {placeholders}."""
    def filled(value):
        if isinstance(value, str) and re.fullmatch(r"\{\w+\}", value):
            return ids[value[1:-1]]
        return [filled(item) for item in value] if isinstance(value, list) else value
    return {name: filled(value) for name, value in payload.items()}


def every_run(valid, kinds, as_text=False):
    """The examples every run tries, whatever the profile draws: the valid payload as it is (the success path and its
    read-back), and each field's near miss."""
    yield "as is", None, None
    for name in sorted(valid):
        value = kinds[name].near_miss()
        yield "replaced", name, (value if isinstance(value, str) or not as_text else str(value))


def with_examples(test, examples):
    for spoiling in examples:
        test = example(spoiling)(test)
    return test


@st.composite
def spoiled(draw, valid, kinds, values=BAD_VALUES, unknown=True):
    """(how, field, value): one field of the valid payload replaced by a bad value (one close to valid for its kind, or
    any of `values`) or left out, or an unknown field added. A form's inputs carry text only."""
    ways = ["replaced", "replaced", "left out", *(["unknown"] if unknown else [])]
    how = draw(st.sampled_from(ways))
    if how == "unknown":
        return how, draw(st.text(min_size=1, max_size=12).filter(lambda name: name not in valid)), draw(values)
    name = draw(st.sampled_from(sorted(valid)))
    close = kinds[name].bad() if unknown else kinds[name].bad().map(lambda value: value if isinstance(value, str) else str(value))
    return how, name, (draw(st.one_of(close, values)) if how == "replaced" else None)


def spoil(payload, how, name, value):
    if how == "left out":
        payload.pop(name)
    elif how != "as is":
        payload[name] = value


def expected_storage(kinds, left_out, payload):
    """What an accepted payload must have stored, field by field (Wrong when it holds a value that should be refused)."""
    expected = {}
    for name, kind in kinds.items():
        if name in payload:
            expected[name] = kind.stored(payload[name])
        elif name in left_out:
            expected[name] = left_out[name]
        else:
            raise Wrong(f"accepted without {name}, which has no default")
    unknown = set(payload) - set(kinds)
    if unknown:
        raise Wrong(f"accepted unknown fields {unknown}")
    return expected


def run(check, strategy, explicit):
    """Hypothesis under the suite's profile ("ci": derandomized and bounded), with the explicit examples first and at
    most 25 drawn ones: the module's 17 operations, each example in a fresh world, stay within two minutes on two cores."""
    for spoiling in explicit:
        check = example(spoiling)(check)
    limits = settings(
        max_examples=min(settings.default.max_examples, 25), deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    limits(given(strategy)(check))()


class Tally:
    """How many examples an operation refused, to check the values still spoil."""

    def __init__(self):
        self.refused = self.total = 0

    def count(self, refused):
        self.total += 1
        self.refused += refused

    def share(self):
        return self.refused / max(self.total, 1)


@contextmanager
def database_printed_on_failure():
    """A failing example is printed with every row of the database it left."""
    try:
        yield
    except BaseException:
        note(f"database: {database_rows()}")
        raise


@pytest.mark.parametrize("operation", OPERATIONS, ids=[operation.name for operation in OPERATIONS])
def test_bad_api_payloads_are_refused_by_field_and_store_nothing(app, operation):
    tally = Tally()

    def check(spoiling):
        how, name, value = spoiling
        world = fresh_world()
        payload = fill(operation.valid, world.ids)
        spoil(payload, how, name, value)
        note(f"{how} {name!r}: payload {payload!r}")
        with database_printed_on_failure():
            before = database_rows()
            response = app.test_client().open(
                operation.path.format(**world.ids), method=operation.method, json=payload,
                headers={"Authorization": f"Bearer {world.tokens[operation.role]}"},
            )
            answer = response.get_json(silent=True)
            note(f"answer {response.status_code}: {answer}")
            refused = response.status_code != operation.success
            if refused:
                assert response.status_code in (400, 422), response.status_code
                named = set(answer["errors"]["json"])
                assert named and named <= {name, *operation.related.get(name, ())}, named
                assert database_rows() == before, "a refusal changed the database"
            else:
                expected = expected_storage(operation.kinds, operation.left_out, payload)
                stored = operation.stored(world, answer)
                assert stored == {field_name: expected[field_name] for field_name in stored}
        tally.count(refused)

    run(check, spoiled(operation.valid, operation.kinds), every_run(operation.valid, operation.kinds))
    assert tally.share() >= operation.refused_at_least, f"{tally.refused} of {tally.total} refused"


# Forms: the same checks through the pages people use, with what a text input can carry. A form answers a refusal by
# showing it again (422) with the message under the input it is about; each form has its own answer on success.

@dataclass
class Form:
    name: str
    path: str
    role: str | None  # signed in as the world's account of this role, or anonymous
    valid: dict
    kinds: dict
    success: int  # the answer when the form did what it is for
    stored: object  # (world, posted form) → {field: stored value} of what the form wrote
    left_out: dict = field(default_factory=dict)
    related: dict = field(default_factory=dict)
    refused_at_least: float = 0.5


def newest(model, *conditions):
    return db.session.scalars(select(model).where(*conditions).order_by(model.id.desc())).first()


def vacancy_form_row(world, posted):
    """The form's one place row posts a ward: the vacancy's first (and only) place."""
    vacancy = newest(Vacancy, Vacancy.employer_id == world.ids["employer"])
    stored = columns(Vacancy, vacancy.id, [name for name in [*VACANCY, "openings"] if name != "ward_code"])
    return {**stored, "skills": vacancy.skills, "place_ward": vacancy.places[0].ward_code if vacancy.places else None}


def walk_in_form_row(world, posted):
    job_seeker = newest(JobSeeker)
    language = (job_seeker.languages or [{}])[0]
    return {**columns(JobSeeker, job_seeker.id, ["full_name", "citizen_id", "birth_date", "ward_code", "phone", "skills"]),
            **{name: language.get(name) for name in ("language", "certificate", "level")}}


def sign_up_row(world, posted):
    account = newest(Account, Account.role == "job_seeker")
    return {**columns(JobSeeker, account.job_seeker_id, ["full_name", "phone"]),
            "password": password_verified(account.password_hash, posted["password"])}


def employer_sign_up_row(world, posted):
    account = newest(Account, Account.role == "employer")
    return {**columns(Employer, account.employer_id, ["name", "tax_code", "ward_code"]), "contact_name": account.display_name,
            "email": account.email, "password": password_verified(account.password_hash, posted["password"])}


VALID_SIGN_UP = {"full_name": "Hà Văn Lâm", "phone": "0912000555", "password": "mật khẩu đủ dài rồi"}
VALID_EMPLOYER_SIGN_UP = {"name": "Công ty A", "tax_code": "0101234565", "ward_code": HANOI_WARD, "contact_name": "An",
                          "email": "a@example.vn", "password": "mật khẩu đủ dài rồi"}
FORMS = [
    Form("vacancy form", "/employer/vacancies/new", "employer",
         {"title": "Thợ hàn", "isco_code": "7212", "employment_type": "full_time", "place_ward": HANOI_WARD, "deadline": future(),
          "salary_min": "8000000", "salary_max": "12000000", "skills": "hàn TIG", "openings": "2", "salary_unit": "month",
          "salary_currency": "VND"},
         {**{name: kind for name, kind in VACANCY.items() if name != "ward_code"}, "place_ward": Code("ward"),
          "isco_code": OccupationCode(blank_is_none=True), "skills": CommaList(Text(60), 30), "openings": Number(1, 10_000)},
         302, vacancy_form_row,
         left_out={"salary_min": None, "salary_max": None, "skills": [], "openings": 1, "isco_code": "7212", "salary_unit": "month",
                   "salary_currency": "VND"}, related=SALARY_RULE),
    Form("walk-in form", "/centre/job-seekers/new", "officer",
         {"full_name": "Hà Văn Lâm", "citizen_id": "014090000555", "birth_date": "1990-04-04", "ward_code": HANOI_WARD,
          "phone": "0912000555", "skills": "trồng rau", "language": "ko", "certificate": "EPS-TOPIK", "level": "150"},
         {**{name: PROFILE[name] for name in ("full_name", "citizen_id", "birth_date", "ward_code", "phone")},
          "skills": CommaList(Text(60), 30), "language": Choice(("ko", "ja", "zh", "en", "de", "fr", "ru", "km", "lo", "th", "vi")),
          "certificate": Text(30, optional=True), "level": Text(20, optional=True)},
         200, walk_in_form_row,  # the page with the claim code
         left_out={"phone": None, "skills": [], "language": None, "certificate": None, "level": None}, related=CITIZEN_ID_RULE),
    Form("job seeker sign-up", "/sign-up", None, VALID_SIGN_UP,
         {"full_name": PROFILE["full_name"], "phone": PROFILE["phone"], "password": Password()},
         302, sign_up_row, related={"phone": ("password",)}),
    Form("employer sign-up", "/sign-up/employer", None, VALID_EMPLOYER_SIGN_UP,
         {"name": Text(200), "tax_code": TaxCode(), "ward_code": Code("ward"), "contact_name": Text(120), "email": Email(),
          "password": Password()},
         302, employer_sign_up_row, related={"email": ("password",)}),
]


def form_expected_storage(form, posted):
    """A blank input is a field left out; a language's certificate and level go with the language."""
    payload = {name: value for name, value in posted.items() if value.strip() or isinstance(form.kinds[name], CommaList)}
    if "language" in form.kinds and "language" not in payload:
        payload = {name: value for name, value in payload.items() if name not in ("certificate", "level")}
    return expected_storage(form.kinds, form.left_out, payload)


FIELD_WITH_ERRORS = re.compile(r'<div class="field invalid">(.*?)</div>', re.DOTALL)
CONTROL_NAME = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"')


def fields_named_by_errors(page):
    """The inputs a page marks as refused, and "(beside no input)" for an error message shown apart from any."""
    named, beside = set(), 0
    for content in FIELD_WITH_ERRORS.findall(page):
        named.add(CONTROL_NAME.search(content).group(1))
        beside += content.count('class="error"')
    if page.count('<p class="error"') > beside:
        named.add("(beside no input)")
    return named


@pytest.mark.parametrize("form", FORMS, ids=[form.name for form in FORMS])
def test_bad_forms_are_refused_by_field_and_store_nothing(app, form):
    tally = Tally()

    def check(spoiling):
        how, name, value = spoiling
        world = fresh_world()
        posted = dict(form.valid)
        spoil(posted, how, name, value)
        note(f"{how} {name!r}: posted {posted!r}")
        client = app.test_client()
        if form.role:
            start_session(client, world.accounts[form.role])
        with database_printed_on_failure():
            token = csrf_token(client, form.path)
            before = database_rows()
            response = client.post(form.path, data={"csrf_token": token, **posted})
            page = response.get_data(as_text=True)
            note(f"answer {response.status_code} {response.headers.get('Location')}")
            refused = response.status_code != form.success
            if refused:
                assert response.status_code == 422, (response.status_code, page[:3000])
                named = fields_named_by_errors(page)
                assert named and named <= {name, *form.related.get(name, ())}, (named, page[:3000])
                assert database_rows() == before, "a refusal changed the database"
            else:
                expected = form_expected_storage(form, posted)
                stored = form.stored(world, posted)
                assert stored == {field_name: expected[field_name] for field_name in stored}
        tally.count(refused)

    run(check, spoiled(form.valid, form.kinds, values=BAD_TEXT, unknown=False), every_run(form.valid, form.kinds, as_text=True))
    assert tally.share() >= form.refused_at_least, f"{tally.refused} of {tally.total} refused"


# Input limits and text normalization, case by case, in the world the examples start from.

@pytest.fixture
def world(app_context):
    return build_world()


def test_search_boxes_take_any_text(app):
    """Control characters (which PostgreSQL refuses) in a search box are dropped, not sent to the database."""
    client = app.test_client()
    start_session(client, make_account("officer", centre_id=make_centre().id))
    assert client.get("/centre/job-seekers", query_string={"q": "Nguyễn\x00 Văn"}).status_code == 200
    start_session(client, make_account("admin"))
    assert client.get("/admin/accounts", query_string={"q": "a\x00@example.vn"}).status_code == 200


# Input limits: nesting, size, numbers that are not ASCII digits, Unicode that hides or reorders text.

def deeply_nested(depth):
    return '{"title": ' + "[" * depth + "]" * depth + "}"


@pytest.mark.parametrize("depth", [17, 5_000, 200_000])
def test_deeply_nested_json_is_refused_with_400_not_a_recursion_error(app, world, depth):
    client = app.test_client()
    headers = {"Authorization": f"Bearer {world.tokens['employer']}"}
    before = database_rows()
    response = client.post("/api/v1/vacancies", data=deeply_nested(depth), content_type="application/json", headers=headers)
    assert response.status_code == 400, response.get_data(as_text=True)[:300]
    assert response.get_json()["errors"] == {"json": ["Nội dung JSON lồng nhau quá nhiều tầng."]}
    assert database_rows() == before
    # Anonymous callers learn nothing: the token is checked before the body is read.
    assert client.post("/api/v1/vacancies", data=deeply_nested(depth), content_type="application/json").status_code == 401


def test_brackets_inside_strings_do_not_count_as_nesting(app, world):
    client = app.test_client()
    headers = {"Authorization": f"Bearer {world.tokens['employer']}"}
    vacancy = {"title": "Thợ hàn [[[[[[[[[[[[[[[[[[[[[[[[[[ {{{{{{{{{{{{{{{{{{{{{{{{ \\\" [[[[[[[[[[[[[[[[[", "isco_code": "7212",
               "employment_type": "full_time", "ward_code": HANOI_WARD, "deadline": future()}
    assert client.post("/api/v1/vacancies", json=vacancy, headers=headers).status_code == 201


def test_a_body_over_the_limit_gets_413_in_the_requests_language_and_is_never_parsed(app, world):
    client = app.test_client()
    headers = {"Authorization": f"Bearer {world.tokens['employer']}"}
    huge = '{"title": "' + "x" * (app.config["MAX_CONTENT_LENGTH"] + 1) + '"}'
    response = client.post("/api/v1/vacancies", data=huge, content_type="application/json", headers=headers)
    assert response.status_code == 413
    assert response.get_json()["message"] == "Yêu cầu quá lớn: chỉ được gửi tối đa 1024 KB."
    response = client.post("/api/v1/vacancies?lang=en", data=huge, content_type="application/json", headers=headers)
    assert response.get_json()["message"] == "The request is too large: send at most 1024 KB."
    # Anonymous: 401 before the body is read.
    assert client.post("/api/v1/vacancies", data=huge, content_type="application/json").status_code == 401
    # A page answers with a page (in Vietnamese: a new visitor has chosen no language).
    page = app.test_client().post("/sign-in", data={"login": "a@example.vn", "password": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)})
    assert page.status_code == 413 and page.mimetype == "text/html"
    assert "Yêu cầu quá lớn: chỉ được gửi tối đa 1024 KB." in page.get_data(as_text=True)


@pytest.mark.parametrize("number", ["²", "١٢", "①", "99999999999", "-1", "0"])
def test_numbers_that_are_not_ids_send_the_form_back_without_an_error(app, world, number):
    """"²" passes str.isdigit() and int() refuses it; "١٢" is digits int() reads. Neither names a row here."""
    client = app.test_client()
    start_session(client, world.accounts["job_seeker"])
    response = post_form(client, "/applications", {"vacancy_id": number}, token_from="/me/applications")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    start_session(client, world.accounts["officer"])
    response = post_form(client, "/centre/referrals", {"vacancy_id": number, "job_seeker_id": number, "job_fair_id": number},
                         token_from="/centre/job-seekers")
    assert response.status_code == 302 and response.headers["Location"] == "/centre/job-seekers"


def test_a_centre_id_in_the_query_does_not_break_the_officers_own_statistics_link(app, world):
    client = app.test_client()
    start_session(client, world.accounts["officer"])
    response = client.get("/centre/statistics", query_string={"centre_id": "5", "kind": "month"})
    own = world.accounts["officer"].centre_id
    assert response.status_code == 302 and response.headers["Location"] == f"/statistics/centres/{own}?kind=month"


NFD_NAME = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
HIDDEN = "\u202e\u200b\u2066\u00ad\ufeff"  # right-to-left override, zero-width space, isolate, soft hyphen, byte-order mark


def test_names_and_free_text_are_stored_composed_and_without_format_characters(app, world):
    client = app.test_client()
    headers = {"Authorization": f"Bearer {world.tokens['officer']}"}
    profile = {"full_name": f"{HIDDEN}{NFD_NAME}\u200d", "citizen_id": "001095000001", "birth_date": "1995-05-17",
               "ward_code": HANOI_WARD, "skills": [f"hàn{HIDDEN} TIG"]}
    response = client.put(f"/api/v1/job-seekers/{world.ids['job_seeker']}", json=profile, headers=headers)
    assert response.status_code == 200, response.get_json()
    job_seeker = db.session.get(JobSeeker, world.ids["job_seeker"])
    assert (job_seeker.full_name, job_seeker.skills) == ("Nguyễn Thị Hường", ["hàn TIG"])
    # An officer's search, typed either way, finds the person.
    start_session(client, world.accounts["officer"])
    for typed in ("Hường", unicodedata.normalize("NFD", "Hường")):
        page = client.get("/centre/job-seekers", query_string={"q": typed}).get_data(as_text=True)
        assert "Nguyễn Thị Hường" in page, typed
    # A form writes the same way.
    start_session(client, world.accounts["employer"])
    response = post_form(client, "/employer/vacancies/new", {
        "title": f"\u202eThợ hàn{HIDDEN}", "isco_code": "7212", "employment_type": "full_time", "ward_code": HANOI_WARD,
        "deadline": future(), "description": unicodedata.normalize("NFD", "Hàn ống\u200b áp lực"), "openings": "1",
    }, token_from="/employer/vacancies/new")
    assert response.status_code == 302
    vacancy = db.session.scalars(select(Vacancy).order_by(Vacancy.id.desc())).first()
    assert (vacancy.title, vacancy.description) == ("Thợ hàn", "Hàn ống áp lực")
