"""Salary arguments of GET /api/v1/vacancies/search as people write them, and one-sided ranges, against the real index."""
import pytest

from jobmatch.services import search_index
from tests.factories import make_employer, make_vacancy


@pytest.fixture
def pay(indexes):
    employer = make_employer(name="Công ty TNHH Dịch vụ Bảo vệ Long Hải")
    for title, low, high in [
        ("TUYỂN GẤP Trưởng ca bảo vệ - Lương từ 50 triệu", 50_000_000, None),
        ("Phụ bếp nhà hàng (đến 10 triệu)", None, 10_000_000),
        ("Bảo vệ tòa nhà 9-12 triệu", 9_000_000, 12_000_000),
        ("Nhân viên bảo vệ ca đêm - từ 25tr", 25_000_000, None),
        ("[Quận 1] Giám sát bảo vệ 18-22 triệu", 18_000_000, 22_000_000),
    ]:
        make_vacancy(employer, title=title, salary_min=low, salary_max=high)
    search_index.relay_outbox(refresh=True)


def titles(client, **params):
    response = client.get("/api/v1/vacancies/search", query_string=params)
    assert response.status_code == 200, response.get_json()
    return {hit["vacancy"]["title"] for hit in response.get_json()["items"]}


def test_one_sided_ranges_are_open_at_their_missing_end(client, pay):
    assert "TUYỂN GẤP Trưởng ca bảo vệ - Lương từ 50 triệu" in titles(client, salary_min=10_000_000)
    assert "Phụ bếp nhà hàng (đến 10 triệu)" in titles(client, salary_max=10_000_000)
    assert "Phụ bếp nhà hàng (đến 10 triệu)" not in titles(client, salary_min=20_000_000)


def test_salary_arguments_as_people_write_them(client, pay):
    numeric = titles(client, salary_min=9_000_000)
    assert titles(client, salary_min="9.000.000") == titles(client, salary_min="9 triệu") == titles(client, salary_min="9tr") == numeric
    # a range in the "from" box sets "up to" too: "from 25 million" and "from 50 million" start above 20 million
    assert titles(client, salary_min=15_000_000) == {"TUYỂN GẤP Trưởng ca bảo vệ - Lương từ 50 triệu", "Nhân viên bảo vệ ca đêm - từ 25tr",
                                                     "[Quận 1] Giám sát bảo vệ 18-22 triệu"}
    assert titles(client, salary_min="15-20 triệu") == {"[Quận 1] Giám sát bảo vệ 18-22 triệu"}
