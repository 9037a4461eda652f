"""The public pages: search and vacancy detail, in Vietnamese first and English on request."""
import json
import re
from datetime import timedelta

import pytest

from jobmatch.extensions import db
from jobmatch.models import Vacancy
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import search_index
from tests.factories import HANOI_WARD, make_account, make_centre, make_employer, make_vacancy
from tests.web.helpers import post_form, start_session


@pytest.fixture
def vacancy(indexes):
    vacancy = make_vacancy(make_employer(name="Công ty TNHH May Sông Hồng"), title="Công nhân may", isco_code="8153",
                           salary_min=7_500_000, salary_max=9_000_000)
    search_index.relay_outbox(refresh=True)
    return vacancy


def test_search_page_finds_jobs_typed_without_diacritics_in_vietnamese(client, vacancy):
    response = client.get("/?q=cong+nhan+may")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="vi">' in page
    assert "Tìm thấy 1 việc làm" in page
    assert "Công nhân may" in page and "Công ty TNHH May Sông Hồng" in page
    assert "7.500.000 ₫ – 9.000.000 ₫" in page  # VND with Vietnamese grouping
    assert re.search(r"Hạn nộp hồ sơ \d{2}/\d{2}/\d{4}", page)  # dd/mm/yyyy


def test_english_is_one_click_away_and_remembered(client, vacancy):
    page = client.get("/?q=may&lang=en").get_data(as_text=True)
    assert '<html lang="en">' in page and "1 job found" in page
    assert "7,500,000 ₫" in page
    assert "1 job found" in client.get("/?q=may").get_data(as_text=True)  # the cookie keeps English


def test_bad_search_input_is_explained_on_the_page(client, vacancy):
    response = client.get("/?salary_min=20000000&salary_max=1000")
    assert response.status_code == 400
    assert "Mức lương tối thiểu đang lớn hơn mức tối đa." in response.get_data(as_text=True)


def test_detail_page_carries_schema_org_job_posting(client, vacancy):
    page = client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    posting = json.loads(match.group(1))
    assert posting["@type"] == "JobPosting"
    assert posting["title"] == "Công nhân may"
    assert posting["hiringOrganization"]["name"] == "Công ty TNHH May Sông Hồng"
    assert posting["baseSalary"]["currency"] == "VND"
    assert posting["baseSalary"]["value"]["minValue"] == 7_500_000
    assert posting["jobLocation"][0]["address"]["addressCountry"] == "VN"


def test_missing_vacancy_gets_a_vietnamese_404_page(client):
    response = client.get("/vacancies/424242")
    assert response.status_code == 404
    assert "Trang này không tồn tại" in response.get_data(as_text=True)


def test_pages_use_only_the_sites_own_assets(client, vacancy):
    page = client.get("/").get_data(as_text=True)
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', page)
    assert external == []


def test_a_draft_is_not_public_and_a_closed_vacancy_says_so(client, indexes):
    draft = make_vacancy(title="Bản nháp", status="draft")
    closed = make_vacancy(title="Thợ sơn", status="closed")
    assert client.get(f"/vacancies/{draft.id}").status_code == 404
    assert client.get(f"/api/v1/vacancies/{draft.id}").status_code == 404
    page = client.get(f"/vacancies/{closed.id}").get_data(as_text=True)
    assert "Tin tuyển dụng này đã ngừng nhận hồ sơ." in page
    assert "application/ld+json" not in page


def test_tracking_arguments_in_shared_links_are_ignored(client, vacancy):
    response = client.get("/?q=may&fbclid=abc&utm_source=zalo")
    assert response.status_code == 200 and "Tìm thấy 1 việc làm" in response.get_data(as_text=True)


def test_a_salary_is_read_as_people_write_it_and_what_states_none_is_explained_in_vietnamese(client, vacancy):
    found = client.get("/?salary_min=5+triệu")
    assert found.status_code == 200 and "7.500.000 ₫" in found.get_data(as_text=True)
    page = client.get("/?salary_min=nhiều").get_data(as_text=True)
    assert "Nhập số tiền mỗi tháng, ví dụ 9.000.000, 9 triệu, 9tr hoặc 15-20 triệu." in page
    english = client.get("/?salary_min=a+lot&lang=en").get_data(as_text=True)
    assert "Enter an amount in đồng a month, e.g. 9.000.000, 9 triệu, 9tr or 15-20 triệu." in english


def test_the_stylesheet_is_small_and_cached(client):
    response = client.get("/static/site.css")
    assert response.status_code == 200 and len(response.data) < 10_000
    assert response.cache_control.max_age == 3600


def test_a_closed_vacancy_is_edited_and_reopened_and_any_is_posted_again_as_a_copy(client):
    employer = make_employer(name="Công ty Cơ khí Đông Á")
    owner = make_account("employer", employer_id=employer.id)
    closed = make_vacancy(employer, title="Thợ hàn TIG", status="closed", deadline=vietnam_today() - timedelta(days=3))
    filled = make_vacancy(employer, title="Thợ tiện CNC", status="filled")
    start_session(client, owner)
    page_path = f"/employer/vacancies/{closed.id}/applications"
    page = client.get(page_path).get_data(as_text=True)
    assert all(offer in page for offer in ("Sửa", "Mở lại", f"/employer/vacancies/new?copy_of={closed.id}"))

    refused = post_form(client, f"/employer/vacancies/{closed.id}/status", {"status": "open"}, token_from=page_path)
    assert "hãy đặt hạn mới" in client.get(refused.headers["Location"]).get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Vacancy, closed.id).status == "closed"
    db.session.get(Vacancy, closed.id).deadline = vietnam_today() + timedelta(days=30)  # as the edit form sets it
    db.session.commit()
    post_form(client, f"/employer/vacancies/{closed.id}/status", {"status": "open"}, token_from=page_path)
    db.session.expire_all()
    assert db.session.get(Vacancy, closed.id).status == "open"

    filled_page = client.get(f"/employer/vacancies/{filled.id}/applications").get_data(as_text=True)
    assert f"/employer/vacancies/{filled.id}/edit" not in filled_page and "Mở lại" not in filled_page
    copy = client.get(f"/employer/vacancies/new?copy_of={filled.id}").get_data(as_text=True)
    assert 'value="Thợ tiện CNC"' in copy and "Bản sao của “Thợ tiện CNC”" in copy
    assert 'id="f-deadline" name="deadline" type="date" value=""' in copy
    someone_else = make_vacancy(make_employer(name="Công ty khác"), title="Kế toán")
    assert client.get(f"/employer/vacancies/new?copy_of={someone_else.id}").status_code == 403  # as its edit form


def test_an_unverified_company_previews_its_vacancy_and_learns_whom_to_ask_while_nobody_else_sees_it(client):
    centre = make_centre(province_code="01", name="Trung tâm Dịch vụ việc làm Hà Nội")
    employer = make_employer(name="Công ty Mới Lập", verified=False, ward_code=HANOI_WARD)
    vacancy = make_vacancy(employer, title="Thợ điện")
    assert client.get(f"/vacancies/{vacancy.id}").status_code == 404  # not public
    start_session(client, make_account("employer", employer_id=make_employer(name="Công ty khác").id))
    assert client.get(f"/vacancies/{vacancy.id}").status_code == 404
    start_session(client, make_account("employer", employer_id=employer.id))
    page = client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    assert "Bản xem trước: người lao động sẽ thấy tin này" in page and centre.name in page
    assert "Ứng tuyển" not in page and "application/ld+json" not in page
    assert f'href="/vacancies/{vacancy.id}"' in client.get(f"/employer/vacancies/{vacancy.id}/applications").get_data(as_text=True)
