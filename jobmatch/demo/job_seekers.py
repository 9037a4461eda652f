"""Demo job seekers with their priority statuses and consents, registered over the past year at their province's centre."""
from array import array
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from jobmatch.demo.bulk import insert_returning_ids, insert_rows, report
from jobmatch.demo.places import MOUNTAIN_PROVINCES, pick_ward
from jobmatch.demo.tables import EDUCATION, ETHNIC_GROUP_CODES, FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES, MINORITY_FAMILY_NAMES, OCCUPATIONS
from jobmatch.extensions import db
from jobmatch.models.consent import CONSENT_PURPOSES, Consent
from jobmatch.models.job_seeker import JobSeeker, PriorityStatus
from jobmatch.schemas.fields import normalize_phone

BATCH_SIZE = 5000
# What follows +84 in the mobile networks' numbers.
MOBILE_PREFIXES = [
    "32", "33", "34", "35", "36", "37", "38", "39", "86", "96", "97", "98",  # Viettel
    "81", "82", "83", "84", "85", "88", "91", "94",  # Vinaphone
    "70", "76", "77", "78", "79", "89", "90", "93",  # MobiFone
    "56", "58", "92",  # Vietnamobile
    "59", "99",  # Gmobile
]


def seed_job_seekers(rng, count, *, wards, centres, officers, province_of_ward, today, now, progress, keep=True):
    """Insert `count` job seekers; returns (id, registered at, their centre's officer id) for each (an empty list unless
    `keep`: two million of them would take hundreds of megabytes), the first new id (None when there is none) and how
    many priority statuses were recorded."""
    serials = CitizenSerials(_citizen_serials_in_use())
    statuses, first_id, seekers = 0, None, []
    # Registrations over the past year, stored in the order they happened, as a live exchange stores them: kept as
    # minutes before now, eight bytes each, the earliest first.
    registered = array("q", sorted((rng.randint(0, 365) * 1440 + rng.randint(0, 1439) for _ in range(count)), reverse=True))
    for start in range(0, count, BATCH_SIZE):
        batch_count = min(BATCH_SIZE, count - start)
        drawn = [_job_seeker(rng, serials, wards, today, now) for _ in range(batch_count)]
        for offset, (row, _) in enumerate(drawn):
            row["centre_id"] = centres[province_of_ward[row["ward_code"]]]
            row["created_at"] = now - timedelta(minutes=registered[start + offset])
        ids = insert_returning_ids(JobSeeker, [row for row, _ in drawn])
        first_id = first_id or ids[0]
        if keep:
            seekers += [(job_seeker_id, row["created_at"], officers[province_of_ward[row["ward_code"]]])
                        for job_seeker_id, (row, _) in zip(ids, drawn, strict=True)]
        status_rows = [
            status
            for job_seeker_id, (row, minority) in zip(ids, drawn, strict=True)
            for status in _priority_statuses(rng, job_seeker_id, minority, officers[province_of_ward[row["ward_code"]]], today, now)
        ]
        if status_rows:
            insert_rows(PriorityStatus, status_rows)
        insert_rows(Consent, _consents(rng, ids, now))
        statuses += len(status_rows)
        report(progress, "job seekers", start + batch_count, count)
    return seekers, first_id, statuses


class CitizenSerials:
    """The six serial digits of demo citizen IDs, counted per first six digits (province, century and sex, year of
    birth), as real ones are: a million people per prefix, so any number of job seekers in all."""

    def __init__(self, in_use=None):
        self.next = dict(in_use or {})

    def citizen_id(self, prefix):
        serial = self.next.get(prefix, 0)
        if serial > 999_999:
            raise ValueError(f"Demo citizen IDs: a million serial numbers for {prefix} are used up")
        self.next[prefix] = serial + 1
        return f"{prefix}{serial:06d}"


def _citizen_serials_in_use():
    """{first six digits: the next free serial} of the citizen IDs already stored, so that a second seed adds to them."""
    prefix, serial = func.substr(JobSeeker.citizen_id, 1, 6), func.substr(JobSeeker.citizen_id, 7, 6)
    rows = db.session.execute(select(prefix, func.max(serial)).where(JobSeeker.citizen_id.is_not(None)).group_by(prefix))
    return {first: int(last) + 1 for first, last in rows if last and last.isdigit()}


def _person_name(rng, minority=False):
    gender = rng.choice(("male", "female"))
    if minority:
        family = rng.choice(MINORITY_FAMILY_NAMES)
    else:
        family = rng.choices([family.name for family in FAMILY_NAMES], [family.weight for family in FAMILY_NAMES])[0]
    return gender, f"{family} {rng.choice(MIDDLE_NAMES[gender])} {rng.choice(GIVEN_NAMES[gender])}"


def _job_seeker(rng, serials, wards, today, now):
    """A profile row, and whether the person belongs to an ethnic minority (recorded only as a priority status)."""
    ward_code, province_code = pick_ward(rng, wards)
    minority = province_code in MOUNTAIN_PROVINCES and rng.random() < 0.5
    gender, name = _person_name(rng, minority)
    age = rng.randint(18, 55)
    birth_year = today.year - age
    century_digit = (0 if birth_year < 2000 else 2) + (1 if gender == "female" else 0)
    occupations = rng.sample(OCCUPATIONS, k=rng.choice([1, 1, 2]))
    abroad = rng.random() < 0.2 and age <= 39
    countries = sorted(rng.sample(["KR", "JP", "TW"], k=rng.randint(1, 2))) if abroad else []
    languages = []
    if "KR" in countries and rng.random() < 0.5:
        languages.append({"language": "ko", "certificate": "EPS-TOPIK", "level": str(rng.randint(120, 200))})
    if "JP" in countries and rng.random() < 0.5:
        languages.append({"language": "ja", "certificate": "JLPT", "level": rng.choice(["N5", "N4", "N3"])})
    low, high = occupations[0].salary_millions
    return {
        "full_name": name,
        "sex": gender,  # as stated on the citizen ID below
        "citizen_id": serials.citizen_id(f"0{province_code}{century_digit}{birth_year % 100:02d}"),
        "phone": _mobile_phone(rng),
        "birth_date": datetime(birth_year, rng.randint(1, 12), rng.randint(1, 28), tzinfo=UTC).date(),
        "ward_code": ward_code,
        "education_level": rng.choices([share.level for share in EDUCATION], [share.weight for share in EDUCATION])[0],
        "desired_isco_codes": [occupation.isco_code for occupation in occupations],
        "skills": sorted({skill for occupation in occupations
                          for skill in rng.sample(occupation.skills, k=min(2, len(occupation.skills)))}),
        "experience_years": rng.choice([0, 0, 1, 2, 3, 5, 8, 12]),
        "languages": languages,
        "expected_salary": int(rng.uniform(low, high) * 1_000_000) // 500_000 * 500_000,
        "commute_radius_km": rng.choice([5, 10, 20, 30, 50]),
        "willing_to_relocate": rng.random() < 0.3,
        "willing_abroad": abroad,
        "abroad_countries": countries,
        "visibility": rng.choices(["public", "anonymous", "hidden"], [80, 15, 5])[0],
        "updated_at": now,
        "version": 1,
    }, minority


def _mobile_phone(rng):
    """A mobile number as the API stores it (+84…), and one the API's own validator accepts: a network's prefix leaves
    some blocks unassigned (+84 992…, parts of +84 89…), so a number the validator refuses is drawn again."""
    while True:
        phone = f"+84{rng.choice(MOBILE_PREFIXES)}{rng.randint(0, 9_999_999):07d}"
        if normalize_phone(phone) == phone:
            return phone


def _priority_statuses(rng, job_seeker_id, minority, officer_id, today, now):
    statuses = []
    valid_until = today.replace(month=12, day=31)
    verified_at = now - timedelta(days=rng.randint(1, 200))
    base = {"job_seeker_id": job_seeker_id, "recorded_by_id": officer_id, "verified_by_id": officer_id, "verified_at": verified_at,
            "created_at": verified_at, "valid_until": valid_until, "ethnic_group_code": None}
    draw = rng.random()
    # Roughly the shares a provincial job exchange sees: about 5 % poor, 4 % near-poor, 2 % newly out of poverty,
    # several times more among ethnic-minority workers in mountain provinces.
    if draw < 0.05 + (0.15 if minority else 0):
        statuses.append({**base, "category": "poor", "evidence": "Danh sách hộ nghèo năm hiện hành của UBND xã"})
    elif draw < 0.09 + (0.25 if minority else 0):
        statuses.append({**base, "category": "near_poor", "evidence": "Danh sách hộ cận nghèo năm hiện hành của UBND xã"})
    elif draw < 0.11 + (0.30 if minority else 0):
        statuses.append({**base, "category": "escaped_poverty", "evidence": "Quyết định công nhận hộ thoát nghèo"})
    if minority:
        statuses.append({**base, "category": "ethnic_minority", "ethnic_group_code": rng.choice(ETHNIC_GROUP_CODES),
                         "evidence": "Căn cước công dân (mục dân tộc)", "valid_until": None})
    return statuses


def _consents(rng, job_seeker_ids, now):
    """Most people agree to show their profile to the employers they apply to; fewer to an anonymous profile in
    candidate lists, or to use a priority status in ranking."""
    rows = []
    for job_seeker_id in job_seeker_ids:
        for purpose, share in (("show_profile", 0.8), ("anonymous_listing", 0.6), ("priority_ranking", 0.6)):
            if rng.random() < share:
                rows.append({"job_seeker_id": job_seeker_id, "purpose": purpose, "version": CONSENT_PURPOSES[purpose],
                             "given_at": now})
    return rows
