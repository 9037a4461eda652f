"""Overseas pages through the app: the programme editor's rows (refusals named by row and field), the vacancy form's
fees and their cap, the vacancy page's disclosures, the search filter by programme, the worker's own page, and
eligibility as a hard filter when matching candidates to an overseas vacancy (against the real Elasticsearch)."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import ProgrammeVersion, Vacancy
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import matching as matching_service
from jobmatch.services import search_index
from jobmatch.web.programme_editor import programme_form_values
from tests.factories import eps_ready_job_seeker, make_account, make_agency, make_centre, make_vacancy
from tests.web.helpers import post_form, start_session

TODAY = vietnam_today()


def editor_form(programme, **changes):
    values = programme_form_values(programme)
    values.update(changes)
    return values


def versions_of(code):
    return db.session.scalar(select(func.count()).select_from(ProgrammeVersion).join(ProgrammeVersion.programme)
                             .where(ProgrammeVersion.programme.has(code=code)))


def error_summary(page):
    """The lines of the summary at the top of a refused form, as the person reads them."""
    summary = re.search(r'<div class="error-summary".*?</div>', page, re.DOTALL).group(0)
    return [" ".join(re.sub(r"<[^>]+>", "", line).split()) for line in re.findall(r"<li>(.*?)</li>", summary, re.DOTALL)]


YESTERDAY, TOMORROW = TODAY - timedelta(days=1), TODAY + timedelta(days=1)


@pytest.mark.parametrize(("changes", "summary_line"), [
    ({"min_age": "40", "max_age": "30"}, "Tuổi tối thiểu: Tuổi tối thiểu đang lớn hơn tuổi tối đa."),
    ({"stage-1-code": "Danh Sach"}, "Giai đoạn 2 · Mã: Dùng 1 đến 30 chữ thường không dấu, chữ số hoặc _, bắt đầu bằng một chữ cái."),
    ({"stage-8-lapses": "on", "stage-8-due_days": ""}, "Giai đoạn 9 · Số ngày để chuyển sang giai đoạn sau (để trống: không có hạn): "
                                                       "Bước có thời hạn hiệu lực cần ghi số ngày."),
    ({"stage-2-name_vi": ""}, "Giai đoạn 3 · Tên tiếng Việt: Thiếu dữ liệu cho trường bắt buộc."),
    ({"ban-100-province": "01", "ban-100-starts_on": f"{TODAY:%d/%m/%Y}", "ban-100-ends_on": f"{YESTERDAY:%d/%m/%Y}"},
     "Vùng bị cấm {new_ban} · Đến (để trống: đến khi bỏ lệnh cấm): Ngày kết thúc đang trước ngày bắt đầu."),
    ({"ban-100-reason": "Quên chọn tỉnh", "ban-100-starts_on": f"{TOMORROW:%Y-%m-%d}"},
     "Vùng bị cấm {new_ban} · Xã/phường: Ghi một tỉnh hoặc một xã, phường."),
    ({"ban-100-province": "01", "ban-100-starts_on": "31/02/2027"}, "Vùng bị cấm {new_ban} · Từ: Không phải ngày hợp lệ."),
    ({"ban-100-province": "01", "ban-100-ward": "99999", "ban-100-starts_on": f"{TOMORROW:%d/%m/%Y}"},
     "Vùng bị cấm {new_ban} · Xã/phường: Không có xã/phường mã 99999."),
])
def test_the_editor_refuses_a_row_naming_it_and_its_field_and_stores_nothing(client, programmes, changes, summary_line):
    start_session(client, make_account("admin"))
    path = "/admin/programmes/EPS/edit"
    refused = post_form(client, path, editor_form(programmes["EPS"], **changes), token_from=path)
    page = refused.get_data(as_text=True)
    new_ban = len(programmes["EPS"].current.rules["area_bans"]) + 1  # the rows shown again after the stored ones
    assert refused.status_code == 422 and error_summary(page) == [summary_line.format(new_ban=new_ban)], error_summary(page)
    assert versions_of("EPS") == 1


def test_the_editor_shows_rows_adds_and_removes_them_and_saves_a_new_version(client, programmes):
    start_session(client, make_account("admin"))
    path = "/admin/programmes/EPS/edit"
    page = client.get(path).get_data(as_text=True)
    eps = programmes["EPS"].current
    assert len(re.findall(r"data-row[ >]", page)) == len(eps.stages) + len(eps.rules["area_bans"]) + 2  # one empty row of each to fill
    assert 'name="stage-0-code" type="text" value="registration"' in page and "|" not in re.sub(r"<[^>]+>", "", page)
    assert "38 lệnh cấm đã hết hạn" in page and len(page) < 80_000  # the 2023 bans folded away as lines
    form = editor_form(programmes["EPS"])
    # Without scripts, "remove" and "add a barred area" show the form again and store nothing.
    removed = post_form(client, path, {**form, "edit": "remove-stage-1"}, token_from=path).get_data(as_text=True)
    assert 'value="registration"' in removed and f'value="{eps.stages[1]["code"]}"' not in removed
    added = post_form(client, path, {**form, "edit": "add-ban"}, token_from=path).get_data(as_text=True)
    assert added.count('name="ban-') > page.count('name="ban-')
    wards = post_form(client, path, {**form, "edit": "wards", "ban-100-province": "01"}, token_from=path).get_data(as_text=True)
    assert "Phường Ba Đình" in wards
    assert versions_of("EPS") == 1

    first_day = TOMORROW
    saved = post_form(client, path, editor_form(
        programmes["EPS"], max_age="35", note="Vòng 2027", **{"stage-1-code": "", "stage-1-name_vi": "", "stage-1-name_en": "",
                                                              "stage-1-due_days": ""},
        **{"ban-100-province": "01", "ban-100-ward": "00004", "ban-100-starts_on": f"{first_day:%d/%m/%Y}", "ban-100-reason": "Thử"},
        **{"ban-101-province": "79", "ban-101-starts_on": f"{first_day:%Y-%m-%d}"},
    ), token_from=path)
    assert saved.status_code == 302 and saved.headers["Location"] == "/programmes/EPS", error_summary(saved.get_data(as_text=True))
    assert versions_of("EPS") == 2
    db.session.expire_all()
    current = programmes["EPS"].current
    assert [stage["code"] for stage in current.stages] == [stage["code"] for stage in eps.stages if stage != eps.stages[1]]
    assert current.rules["area_bans"][:-2] == eps.rules["area_bans"]
    assert current.rules["area_bans"][-2:] == [
        {"province_code": None, "ward_code": "00004", "starts_on": first_day.isoformat(), "ends_on": None, "reason": "Thử"},
        {"province_code": "79", "ward_code": None, "starts_on": first_day.isoformat(), "ends_on": None, "reason": ""},
    ]
    page = client.get("/programmes/EPS?version=1").get_data(as_text=True)
    assert "không còn hiệu lực" in page  # the old version stays readable


def test_an_agency_posts_fees_item_by_item_and_a_fee_above_the_cap_is_refused_on_its_input(client, programmes):
    agency = make_agency()
    start_session(client, make_account("employer", employer_id=agency.id))
    form = {
        "title": "Thực tập sinh chế biến thực phẩm", "isco_code": "8160", "employment_type": "contract",
        "deadline": (TODAY + timedelta(days=30)).isoformat(), "salary_min": "28000000", "salary_max": "32000000",
        "is_overseas": "on", "destination_country": "JP", "programme": "TITP", "contract_months": "36",
        "fee_service": "84000001", "fee_training": "15000000", "fee_travel": "9000000", "publish": "on",
    }
    path = "/employer/vacancies/new"
    refused = post_form(client, path, form, token_from=path)
    assert refused.status_code == 422 and "84.000.000 ₫" in refused.get_data(as_text=True).replace(",", ".")
    assert db.session.scalar(select(func.count()).select_from(Vacancy)) == 0
    # Fees are accepted as people write them: with thousands dots, in triệu, or "tr".
    written = {**form, "fee_service": "84.000.000", "fee_training": "15 triệu", "fee_travel": "9tr"}
    assert post_form(client, path, written, token_from=path).status_code == 302
    vacancy = db.session.scalar(select(Vacancy))
    assert vacancy.fees == [{"kind": "service", "amount_vnd": 84_000_000}, {"kind": "training", "amount_vnd": 15_000_000},
                            {"kind": "travel", "amount_vnd": 9_000_000}]
    assert vacancy.worker_fees_vnd == 108_000_000

    page = client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    assert "84.000.000 ₫" in page and "108.000.000 ₫" in page and agency.overseas_licence in page
    assert "/programmes/TITP" in page


def test_the_search_filters_by_programme_and_refuses_an_unknown_code(client, programmes, indexes):
    agency = make_agency()
    overseas = {"ward_code": None, "is_overseas": True, "employment_type": "contract", "contract_months": 36, "fees": []}
    make_vacancy(agency, title="Lao động nông nghiệp Hàn Quốc", destination_country="KR", programme="EPS", **overseas)
    make_vacancy(agency, title="Thực tập sinh xây dựng Nhật Bản", destination_country="JP", programme="TITP", **overseas)
    search_index.relay_outbox(refresh=True)
    page = client.get("/?scope=overseas&programme=EPS").get_data(as_text=True)
    assert "Lao động nông nghiệp Hàn Quốc" in page and "Thực tập sinh xây dựng" not in page
    api = client.get("/api/v1/vacancies/search?programme=TITP").get_json()
    assert [hit["vacancy"]["title"] for hit in api["items"]] == ["Thực tập sinh xây dựng Nhật Bản"]
    facets = client.get("/api/v1/vacancies/search?scope=overseas").get_json()["facets"]
    assert {(bucket["value"], bucket["count"]) for bucket in facets["programme"]} == {("EPS", 1), ("TITP", 1)}
    refused = client.get("/api/v1/vacancies/search?programme=ABC")
    assert refused.status_code == 422 and "ABC" in str(refused.get_json())


def test_overseas_candidates_are_only_eligible_workers(programmes, indexes):
    centre = make_centre(province_code="01")
    officer = make_account("officer", centre_id=centre.id)
    listed = {"centre_id": centre.id, "desired_isco_codes": ["6111"], "consents": ("show_profile", "anonymous_listing")}
    ready = eps_ready_job_seeker(full_name="Vừ A Dính", **listed)
    no_certificate = eps_ready_job_seeker(full_name="Lý Văn Tám", languages=[], **listed)
    too_old = eps_ready_job_seeker(full_name="Hà Văn Chín", birth_date=TODAY.replace(year=TODAY.year - 50, day=1), **listed)
    vacancy = make_vacancy(make_agency(), title="Lao động nông nghiệp Hàn Quốc", isco_code="6111", ward_code=None,
                           is_overseas=True, destination_country="KR", programme="EPS", employment_type="contract",
                           contract_months=36, fees=[])
    search_index.relay_outbox(refresh=True)
    candidates = matching_service.candidates_for_vacancy(actor=officer, vacancy_id=vacancy.id)
    assert [match.item["full_name"] for match in candidates.items] == ["Vừ A Dính"]
    assert candidates.total == 1
    jobs = matching_service.jobs_for_job_seeker(actor=officer, job_seeker_id=no_certificate.id)
    assert vacancy.id not in [match.item["id"] for match in jobs.items]
    jobs = matching_service.jobs_for_job_seeker(actor=officer, job_seeker_id=ready.id)
    assert vacancy.id in [match.item["id"] for match in jobs.items]
    assert too_old.id not in [match.item["id"] for match in candidates.items]


def test_the_worker_sees_each_programme_verdict_and_reports_an_agency(client, programmes):
    centre = make_centre(province_code="01")
    worker = eps_ready_job_seeker(centre_id=centre.id, languages=[])
    account = make_account("job_seeker", job_seeker_id=worker.id)
    start_session(client, account)
    page = client.get("/me/overseas").get_data(as_text=True)
    assert "chưa có chứng chỉ EPS-TOPIK" in page and "chưa có chứng chỉ JLPT" in page
    agency = make_agency()
    path = "/me/agency-reports/new"
    refused = post_form(client, path, {"employer_id": str(agency.id), "kind": "fee_above_cap", "description": ""}, token_from=path)
    assert refused.status_code == 422
    sent = post_form(client, path, {"employer_id": str(agency.id), "kind": "fee_above_cap", "fee_paid_vnd": "150000000",
                                    "description": "Thu 150 triệu, không có biên lai."}, token_from=path)
    assert sent.status_code == 302
