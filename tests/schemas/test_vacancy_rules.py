"""The vacancy rules a write schema enforces, as plain data: no discrimination (its wording: tests/rules/test_discrimination.py),
a sane salary range and deadline."""
from datetime import timedelta

import pytest

from jobmatch.rules.clock import vietnam_today
from jobmatch.schemas.vacancy import VacancyWriteSchema
from jobmatch.services import overseas as overseas_service
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
        ({"description": "Chỉ tuyển nam"}, "description"),
        ({"skills": ["hàn", "độc thân"]}, "skills"),
        ({"is_overseas": True, "ward_code": None}, "fees"),
        ({"employer_id": 5}, "employer_id"),
    ],
)
def test_bad_vacancies_are_refused_naming_the_field(overrides, field):
    errors = VacancyWriteSchema().validate(payload(**overrides))
    assert field in errors


def test_a_discriminating_requirement_is_refused_quoting_the_employers_words_and_the_law():
    errors = VacancyWriteSchema().validate(payload(title="Thợ hàn nam dưới 35 tuổi", description="Ngoại hình ưa nhìn"))
    assert errors["title"] == ["“Thợ hàn nam” là chọn người lao động theo giới tính: Bộ luật Lao động 2019 cấm điều này "
                               "(khoản 8 Điều 3 và khoản 1 Điều 8). Hãy mô tả công việc và kỹ năng cần có."]
    assert "“Ngoại hình” là chọn người lao động theo ngoại hình" in errors["description"][0]


def test_an_overseas_vacancy_may_restate_its_programmes_age_range_and_no_other(app_context):
    overseas_service.load_programmes()  # EPS: 18 to 39
    overseas = {"is_overseas": True, "ward_code": None, "destination_country": "KR", "programme": "EPS", "contract_months": 36,
                "fees": []}
    assert "language_requirement" not in VacancyWriteSchema().validate(payload(**overseas, language_requirement="Từ 18 đến 39 tuổi"))
    errors = VacancyWriteSchema().validate(payload(**overseas, language_requirement="Từ 18 đến 30 tuổi"))
    assert "“Từ 18 đến 30 tuổi” là chọn người lao động theo độ tuổi" in errors["language_requirement"][0]
