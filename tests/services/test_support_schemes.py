"""Administrators keep support schemes as dated versions: the list of each scheme's versions, a new version written
from the one in force today (caps as people write them, items removed, groups chosen), refusals that name their field
in the request's language and store nothing, and claims that keep the version they were judged under while a claim
dated from the new version's day is judged by its caps."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import AuditEntry
from jobmatch.models.support import SupportSchemeVersion
from jobmatch.rules.clock import day_text, vietnam_today
from jobmatch.schemas.support import SupportClaimSchema
from jobmatch.services import overseas as overseas_service
from jobmatch.services import support as support_service
from jobmatch.services.errors import InvalidRequest
from tests.factories import eps_ready_job_seeker, make_account, make_centre, make_priority_status
from tests.web.helpers import post_form, start_session

TODAY = vietnam_today()
NEW_DAY = TODAY - timedelta(days=10)  # after the reference scheme's 01/01/2026 version
PATH = "/admin/support-schemes/XKLD_G2G/versions/new"


@pytest.fixture
def admin(app_context):
    support_service.load_schemes()
    return make_account("admin")


def version_count():
    return db.session.scalar(select(func.count()).select_from(SupportSchemeVersion))


def form(client, **changes):
    """The form as the administrator sends it after changing a few inputs of the pre-filled page."""
    page = client.get(PATH).get_data(as_text=True)
    items = ["orientation", "language_training", "meals", "accommodation", "travel", "passport", "criminal_record",
             "health_check", "visa"]
    assert all(f'name="item" value="{code}"' in page for code in items)
    data = {"valid_from": day_text(NEW_DAY), "name_vi": "Hỗ trợ người lao động (sửa đổi)", "name_en": "Support (amended)",
            "sources": "Nghị định 338/2025/NĐ-CP, Điều 30", "unconfirmed": "", "item": items,
            "categories": ["poor", "near_poor", "ethnic_minority", "escaped_poverty"],
            "cap_orientation": "530.000", "cap_language_training": "3 triệu", "cap_meals": "50.000",
            "cap_accommodation": "400.000", "cap_travel": "200.000", "cap_passport": "200.000", "cap_criminal_record": "200.000",
            "unconfirmed_language_training": "on", "remove_visa": "on", **changes}
    return post_form(client, PATH, {key: value for key, value in data.items() if value is not None}, token_from=PATH)


def test_the_list_shows_each_version_and_the_form_is_filled_from_the_one_in_force(client, admin):
    start_session(client, admin)
    page = client.get("/admin/support-schemes").get_data(as_text=True)
    assert "XKLD_G2G" in page and "HOC_NGHE" in page
    assert "Từ 01/01/2026" in page and "Từ 05/06/2024" in page and "Circular 55/2023" not in page
    assert "55/2023/TT-BTC" in page and "Chưa xác nhận" in page and "chưa đọc được" in page
    new = client.get(PATH).get_data(as_text=True)
    assert 'value="530.000"' in new and 'value="4.000.000"' in new and "Phiên bản mới của XKLD_G2G" in new
    assert 'value="poor" checked' in new and 'value="disability" checked' not in new
    assert client.get("/admin/support-schemes/NOPE/versions/new").status_code == 404


def test_a_new_version_keeps_old_claims_and_judges_claims_from_its_day(client, admin, programmes):
    centre = make_centre(province_code="01")
    officer = make_account("officer", centre_id=centre.id)
    worker = eps_ready_job_seeker(centre_id=centre.id, full_name="Lò Văn Páo", citizen_id="011095000123")
    make_priority_status(worker, officer, category="poor", valid_until=TODAY + timedelta(days=400))
    case = overseas_service.open_case(actor=officer, job_seeker_id=worker.id, fields={
        "programme": "EPS", "opened_on": NEW_DAY - timedelta(days=60), "document": "Phiếu đăng ký số 15/2026"})

    def claim(day, amount):
        return support_service.record_claim(actor=officer, case_id=case.id, fields=SupportClaimSchema().load({
            "item": "language_training", "amount_vnd": amount, "claimed_on": day.isoformat(), "receipt_number": f"HĐ-{day}",
            "receipt_date": day.isoformat(), "receipt_issuer": "Trường nghề", "document_seen": "Hóa đơn"}))

    earlier = claim(NEW_DAY - timedelta(days=5), "3.500.000")
    start_session(client, admin)
    response = form(client)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    new = db.session.scalar(select(SupportSchemeVersion).where(SupportSchemeVersion.valid_from == NEW_DAY))
    items = {item["code"]: item for item in new.rules["items"]}
    assert (items["language_training"]["cap_vnd"], items["language_training"]["unconfirmed"]) == (3_000_000, True)
    assert "visa" not in items and items["health_check"]["cap_vnd"] is None and new.rules["programmes"] == ["EPS"]
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "support_scheme.version")).subject_id == new.id
    db.session.expire_all()
    assert (earlier.cap_vnd, earlier.scheme_version.valid_from) == (4_000_000, TODAY.replace(month=1, day=1))
    with pytest.raises(InvalidRequest) as refusal:  # a language course of another case: the new cap of 3 million
        claim(TODAY, "3.500.000")
    assert refusal.value.field == "amount_vnd" and "3.000.000 ₫" in refusal.value.message
    start_session(client, officer)
    page = client.get(f"/overseas-cases/{case.id}/support").get_data(as_text=True)
    assert "3.500.000 ₫ (mức trần: 4.000.000 ₫)" in page


@pytest.mark.parametrize("changes, field, vi, en", [
    ({"valid_from": "2026-13-01"}, "valid_from", "Ghi ngày theo dạng dd/mm/yyyy", "Write the day as dd/mm/yyyy"),
    ({"valid_from": "01/01/2026"}, "valid_from", "sau 01/01/2026", "after 01/01/2026"),
    ({"categories": None}, "categories", "ít nhất một nhóm", "at least one priority group"),
    ({"cap_language_training": "bốn triệu"}, "cap_language_training", "Nhập một số tiền", "Enter one amount"),
    ({"cap_meals": "40-50 nghìn"}, "cap_meals", "Nhập một số tiền", "Enter one amount"),
    ({"sources": " "}, "sources", "Không được để trống", "cannot be blank"),
    ({f"remove_{code}": "on" for code in ("orientation", "language_training", "meals", "accommodation", "travel", "passport",
                                          "criminal_record", "health_check")}, "items", "ít nhất một khoản", "at least one item"),
])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_each_refusal_names_its_field_in_the_request_language_and_stores_nothing(client, admin, changes, field, vi, en, language):
    start_session(client, admin)
    before = version_count()
    client.set_cookie("lang", language)  # the language the person chose on the page
    response = form(client, **changes)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert (vi if language == "vi" else en) in page
    assert f'id="f-{field}"' in page
    assert version_count() == before


def test_a_groups_own_cap_is_edited_beside_its_group_and_judges_claims_from_the_new_day(client, admin):
    path = "/admin/support-schemes/HOC_NGHE/versions/new"
    start_session(client, admin)
    page = client.get(path).get_data(as_text=True)
    assert 'name="cap_vocational_training__near_poor"' in page and 'value="2.500.000"' in page
    data = {"valid_from": day_text(NEW_DAY), "name_vi": "Hỗ trợ đào tạo (sửa đổi)", "name_en": "Training support (amended)",
            "sources": "Quyết định 46/2015/QĐ-TTg (sửa đổi)", "unconfirmed": "", "item": ["vocational_training", "meals", "travel"],
            "categories": ["disability", "poor", "ethnic_minority", "near_poor"], "cap_vocational_training": "2 triệu",
            "cap_vocational_training__disability": "6 triệu", "cap_vocational_training__poor+ethnic_minority": "4 triệu",
            "cap_vocational_training__ethnic_minority": "3 triệu", "cap_vocational_training__poor": "3 triệu",
            "cap_vocational_training__near_poor": "khoảng ba", "cap_meals": "30.000", "cap_travel": "200.000"}
    refused = post_form(client, path, data, token_from=path)
    assert refused.status_code == 422 and version_count() == 3
    assert re.search(r'<div class="field invalid">\s*<label for="f-cap_vocational_training__near_poor"', refused.get_data(as_text=True))
    saved = post_form(client, path, {**data, "cap_vocational_training__near_poor": "2,8 triệu"}, token_from=path)
    assert saved.status_code == 302 and version_count() == 4
    new = db.session.scalar(select(SupportSchemeVersion).where(SupportSchemeVersion.valid_from == NEW_DAY))
    caps = new.rules["items"][0]["cap_by_category"]
    assert caps["near_poor"] == 2_800_000 and caps["disability"] == 6_000_000 and new.rules["conditions"] == [
        "working_age", "employment_commitment"]
