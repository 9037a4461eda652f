"""The vacancy rules a write schema enforces, as plain data: a sane salary range and deadline, the places and an overseas
vacancy's terms (its words are screened by the service on every path: tests/services/test_vacancy_screening.py)."""
from datetime import timedelta

import pytest

from jobmatch.rules.clock import vietnam_today
from jobmatch.schemas.vacancy import VacancyWriteSchema
from tests.factories import HANOI_WARD


def payload(**overrides):
    fields = {"title": "Thợ hàn", "isco_code": "7212", "employment_type": "full_time", "ward_code": HANOI_WARD,
              "deadline": (vietnam_today() + timedelta(days=10)).isoformat(), "salary_min": 8_000_000, "salary_max": 12_000_000}
    fields.update(overrides)
    return fields


def test_a_valid_vacancy_loads():
    assert VacancyWriteSchema().load(payload())["isco_code"] == "7212"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"salary_min": 15_000_000}, "salary_min"),
        ({"deadline": (vietnam_today() - timedelta(days=1)).isoformat()}, "deadline"),
        ({"salary_max": -1}, "salary_max"),
        ({"isco_code": "9999"}, "isco_code"),
        ({"ward_code": "99999"}, "ward_code"),
        ({"ward_code": None}, "places"),  # a vacancy at home with no place at all: the places are what is missing
        ({"is_overseas": True, "ward_code": None}, "fees"),
        ({"employer_id": 5}, "employer_id"),
    ],
)
def test_bad_vacancies_are_refused_naming_the_field(overrides, field):
    errors = VacancyWriteSchema().validate(payload(**overrides))
    assert field in errors
