"""The amount field as forms and the API's salary arguments use it (jobmatch/schemas/fields.py)."""
from datetime import timedelta

import pytest
from marshmallow import ValidationError

from jobmatch.rules.clock import vietnam_today
from jobmatch.schemas.job_seeker import JobSeekerProfileSchema
from jobmatch.schemas.vacancy import VacancySearchArgsSchema, VacancyWriteSchema


def salaries(loaded):
    return loaded.get("salary_min"), loaded.get("salary_max")


def test_search_arguments_accept_amounts_as_people_write_them():
    schema = VacancySearchArgsSchema()
    assert salaries(schema.load({"salary_min": "9.000.000"})) == (9_000_000, None)
    assert salaries(schema.load({"salary_min": "9 triệu", "salary_max": "9,5 triệu"})) == (9_000_000, 9_500_000)
    assert salaries(schema.load({"salary_min": "9tr"})) == (9_000_000, None)
    assert salaries(schema.load({"salary_min": "15-20 triệu"})) == (15_000_000, 20_000_000)  # a range fills both
    assert salaries(schema.load({"salary_min": "15-20 triệu", "salary_max": "30tr"})) == (15_000_000, 30_000_000)
    assert salaries(schema.load({"salary_max": "15-20 triệu"})) == (None, 20_000_000)
    assert salaries(schema.load({"salary_min": "9000000"})) == (9_000_000, None)  # what API clients send


@pytest.mark.parametrize("amount", ["nhiều", "500 USD", "2 tỷ", "20-10 triệu"])
def test_what_is_not_an_amount_of_dong_is_refused_naming_the_field(amount):
    with pytest.raises(ValidationError) as refused:
        VacancySearchArgsSchema().load({"salary_min": amount})
    assert list(refused.value.messages) == ["salary_min"]


def test_an_employer_and_a_job_seeker_write_pay_the_same_way():
    vacancy = {"title": "Thợ hàn", "isco_code": "7212", "ward_code": "00004", "employment_type": "full_time",
               "deadline": (vietnam_today() + timedelta(days=30)).isoformat()}
    assert salaries(VacancyWriteSchema().load({**vacancy, "salary_min": "12-15 triệu"})) == (12_000_000, 15_000_000)
    assert salaries(VacancyWriteSchema().load({**vacancy, "salary_min": 12_000_000})) == (12_000_000, None)  # JSON
    expected = JobSeekerProfileSchema(partial=True).load({"expected_salary": "9,5 triệu"})["expected_salary"]
    assert expected == 9_500_000
