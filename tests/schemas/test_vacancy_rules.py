"""The vacancy rules a write schema enforces, as plain data: no discrimination, a sane salary range and deadline."""
from datetime import timedelta

import pytest

from jobmatch.rules.clock import vietnam_today
from jobmatch.schemas.vacancy import VacancyWriteSchema, discriminatory_phrase
from tests.factories import HANOI_WARD


@pytest.mark.parametrize(
    "text",
    [
        "Chỉ tuyển nam, sức khỏe tốt",
        "chi tuyen nu duoi 25 tuoi",
        "Giới tính: Nam",
        "Ưu tiên nữ giới",
        "Không nhận người dân tộc",
        "Yêu cầu: người Kinh",
        "Chưa lập gia đình",
        "Ứng viên độc thân",
        "Cam kết không mang thai trong 2 năm",
        "Female only",
        "Applicants must be single",
    ],
)
def test_discriminating_requirements_are_caught_with_or_without_diacritics(text):
    assert discriminatory_phrase(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tuyển công nhân may, nam nữ đều được",
        "Làm việc tại miền Nam",
        "Môi trường thân thiện như gia đình",
        "Ưu tiên người có kinh nghiệm hàn",
        "Nhận cả lao động dân tộc thiểu số, có hỗ trợ nhà ở",
        "Năm 2026 công ty mở rộng sản xuất",
    ],
)
def test_ordinary_requirements_pass(text):
    assert discriminatory_phrase(text) is None


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
        ({"ward_code": None}, "ward_code"),
        ({"description": "Chỉ tuyển nam"}, "description"),
        ({"skills": ["hàn", "độc thân"]}, "skills"),
        ({"is_overseas": True, "ward_code": None}, "fees"),
        ({"employer_id": 5}, "employer_id"),
    ],
)
def test_bad_vacancies_are_refused_naming_the_field(overrides, field):
    errors = VacancyWriteSchema().validate(payload(**overrides))
    assert field in errors
