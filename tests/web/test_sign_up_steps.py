"""Signing up in steps: a name, a phone number or email and a password first; then the profile a short step at a time,
each saved as the person goes, and the citizen ID asked only by the services that need it."""
import re
from datetime import date

import pytest
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Account, JobSeeker, OverseasCase
from tests.factories import HANOI_WARD, make_account, make_centre, make_job_seeker
from tests.web.helpers import csrf_token, post_form, sign_in, start_session

PASSWORD = "trâu ơi ta bảo trâu này"


def step(client, number, data, action="save"):
    path = f"/me/profile/steps/{number}"
    return post_form(client, path, {**data, "action": action}, token_from=path)


def test_a_job_seeker_signs_up_on_one_short_page_then_fills_in_the_profile_a_step_at_a_time(app, client):
    make_centre(province_code="01")
    form = client.get("/sign-up").get_data(as_text=True)
    assert re.findall(r'<input id="f-(\w+)"', form) == ["full_name", "phone", "email", "password"]
    signed_up = post_form(client, "/sign-up", {"full_name": "Lò Thị Mai", "phone": "0356 222 111", "password": PASSWORD})
    assert signed_up.headers["Location"] == "/me/profile/steps/1"
    account = db.session.scalar(select(Account).where(Account.phone == "+84356222111"))
    job_seeker = account.job_seeker
    assert (job_seeker.full_name, job_seeker.citizen_id, job_seeker.centre_id, job_seeker.setup_step) == ("Lò Thị Mai", None, None, 1)

    first = client.get("/me/profile/steps/1").get_data(as_text=True)
    assert "Bước 1/4" in first and "Lưu và tiếp" in first and "Bỏ qua" in first and 'name="citizen_id"' not in first
    assert step(client, 1, {"birth_date": "1998-03-04", "ward_code": HANOI_WARD, "commute_radius_km": "15"}).headers["Location"] == (
        "/me/profile/steps/2")
    # Salaries as people write them; a refusal names the field at the top and keeps what the earlier step saved.
    refused = step(client, 2, {"expected_salary": "tám triệu", "desired_isco_codes": "7212"})
    assert refused.status_code == 422 and 'href="#f-expected_salary"' in refused.get_data(as_text=True)
    assert step(client, 2, {"expected_salary": "8tr5", "desired_isco_codes": "7212"}).status_code == 302
    db.session.expire_all()
    job_seeker = db.session.get(JobSeeker, job_seeker.id)
    assert (job_seeker.birth_date, job_seeker.ward_code, job_seeker.commute_radius_km) == (date(1998, 3, 4), HANOI_WARD, 15)
    assert (job_seeker.expected_salary, job_seeker.desired_isco_codes, job_seeker.setup_step) == (8_500_000, ["7212"], 3)
    assert job_seeker.centre_id is not None  # the centre of the province, with the ward

    # Left at step 3: signing in again comes back to it, with what was saved kept.
    client.post("/sign-out", data={"csrf_token": csrf_token(client, "/account")})
    assert sign_in(client, account, PASSWORD).headers["Location"] == "/me/profile/steps/3"
    third = client.get("/me/profile/steps/3").get_data(as_text=True)
    assert "Bước 3/4" in third and 'href="/me/profile/steps/2"' in third
    assert 'value="8500000"' in client.get("/me/profile/steps/2").get_data(as_text=True)
    assert step(client, 3, {"skills": "không lưu"}, action="skip").headers["Location"] == "/me/profile/steps/4"
    finished = step(client, 4, {"phone": "0356 222 111", "visibility": "anonymous"})
    assert finished.headers["Location"] == "/me/consents"
    db.session.expire_all()
    job_seeker = db.session.get(JobSeeker, job_seeker.id)
    assert (job_seeker.skills, job_seeker.visibility, job_seeker.setup_step) == ([], "anonymous", None)
    client.post("/sign-out", data={"csrf_token": csrf_token(client, "/account")})
    assert sign_in(client, account, PASSWORD).headers["Location"] == "/me/profile"


def test_the_citizen_id_is_asked_when_a_priority_status_is_declared_or_an_overseas_case_opened(app, client, programmes):
    centre = make_centre()
    job_seeker = make_job_seeker(centre_id=centre.id, citizen_id=None, birth_date=date(1998, 3, 4))
    start_session(client, make_account("job_seeker", job_seeker_id=job_seeker.id))
    declaration = {"category": "near_poor", "evidence": "Giấy chứng nhận hộ cận nghèo số 7/2026", "valid_until": "2099-12-31"}
    refused = post_form(client, "/me/priority-statuses", declaration, token_from="/me/consents")
    assert refused.status_code == 422 and "Cần số căn cước công dân" in refused.get_data(as_text=True)
    assert not job_seeker.priority_statuses
    assert post_form(client, "/me/priority-statuses", {**declaration, "citizen_id": "001098012345"},
                     token_from="/me/consents").status_code == 302
    db.session.expire_all()
    assert db.session.get(JobSeeker, job_seeker.id).citizen_id == "001098012345"

    officer = app.test_client()
    start_session(officer, make_account("officer", centre_id=centre.id))
    walk_in = make_job_seeker(centre_id=centre.id, citizen_id=None, birth_date=date(1998, 3, 4))
    path = f"/centre/job-seekers/{walk_in.id}/overseas"
    case = {"programme": "EPS", "opened_on": date.today().isoformat(), "document": "Phiếu đăng ký số 15/2026"}
    assert 'name="citizen_id"' in officer.get(path).get_data(as_text=True)
    refused = post_form(officer, path, case, token_from=path)
    assert refused.status_code == 422 and "Cần số căn cước công dân" in refused.get_data(as_text=True)
    assert db.session.scalar(select(OverseasCase.id).where(OverseasCase.job_seeker_id == walk_in.id)) is None
    taken = post_form(officer, path, {**case, "citizen_id": "001098012345"}, token_from=path)
    assert taken.status_code == 422 and 'href="#f-citizen_id"' in taken.get_data(as_text=True)


@pytest.mark.parametrize(("visibility", "ticked"), [
    ("public", {"show_profile", "anonymous_listing"}),
    ("anonymous", {"anonymous_listing"}),
    ("hidden", set()),
])
def test_the_profile_chosen_in_the_last_step_shows_ticked_on_the_consents_page(app, client, visibility, ticked):
    make_centre(province_code="01")
    post_form(client, "/sign-up", {"full_name": "Lò Văn Pao", "phone": "0356 333 444", "password": PASSWORD})
    assert step(client, 4, {"phone": "0356 333 444", "visibility": visibility}).headers["Location"] == "/me/consents"
    consents = client.get("/me/consents").get_data(as_text=True)
    assert set(re.findall(r'<input type="checkbox" name="(\w+)" checked>', consents)) == ticked
    # Saving the step again adds nothing: the consents in force stay one each.
    step(client, 4, {"phone": "0356 333 444", "visibility": visibility})
    assert len(re.findall(r"<li>[^<]*: đồng ý ngày", client.get("/me/consents").get_data(as_text=True))) == len(ticked)
