"""The account page's API tokens (expiry and last use, for the roles that hold them) and an officer renewing a walk-in's
claim code, through real requests."""
import re
from datetime import datetime

from jobmatch.extensions import db
from jobmatch.services import account as account_service
from jobmatch.services import job_seeker as job_seeker_service
from tests.factories import HANOI_WARD, make_account, make_centre, make_employer
from tests.web.helpers import post_form, sign_in, start_session


def test_the_account_page_shows_each_tokens_expiry_and_last_use_as_dd_mm_yyyy(client):
    account = make_account("employer", employer_id=make_employer().id)
    used, _secret = account_service.create_api_token(actor=account, name="Phần mềm nhân sự")
    unused, _secret = account_service.create_api_token(actor=account, name="Báo cáo")
    used.created_at, used.expires_at, used.last_used_at = datetime(2026, 9, 1, 3), datetime(2099, 11, 30, 3), datetime(2026, 10, 2, 20)
    unused.expires_at = datetime(2099, 1, 5, 3)
    db.session.commit()
    start_session(client, account)
    page = client.get("/account?lang=en").get_data(as_text=True)
    # 20:00 UTC on 2 October is 3:00 on 3 October in Vietnam.
    assert re.search(r"Phần mềm nhân sự · created 01/09/2026 · expires 30/11/2099 · last used 03/10/2026", page)
    assert re.search(r"Báo cáo · created \d\d/\d\d/\d{4} · expires 05/01/2099 · never used", page)


def test_administrators_are_offered_no_tokens(client):
    start_session(client, make_account("admin"))
    page = client.get("/account").get_data(as_text=True)
    assert 'id="tokens"' not in page
    assert client.post("/account/tokens", data={"name": "Quản trị"}).status_code in (400, 403)  # no CSRF token, and no right


def test_signing_out_on_the_site_ends_the_accounts_api_tokens(app, client):
    account = make_account("employer", employer_id=make_employer().id)
    _token, secret = account_service.create_api_token(actor=account, name="HR")
    api = app.test_client()
    headers = {"Authorization": f"Bearer {secret}"}
    assert api.get("/api/v1/account", headers=headers).status_code == 200
    sign_in(client, account)
    post_form(client, "/sign-out", {}, token_from="/account")
    assert api.get("/api/v1/account", headers=headers).status_code == 401


def test_an_officer_gives_a_new_claim_code_from_the_profile_page(client):
    officer = make_account("officer", centre_id=make_centre().id)
    job_seeker, first_code = job_seeker_service.register_walk_in(actor=officer, fields={
        "full_name": "Lò Thị Mai", "citizen_id": "014301000123", "phone": "+84912345670", "ward_code": HANOI_WARD})
    start_session(client, officer)
    profile = f"/centre/job-seekers/{job_seeker.id}"
    page = client.get(f"{profile}?lang=en").get_data(as_text=True)
    assert "the claim code works until" in page and "Give a new claim code" in page
    response = post_form(client, f"{profile}/claim-code", {}, token_from=profile)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    second_code = re.search(r'id="claim-code">(\w{8})<', page).group(1)
    assert second_code != first_code
    assert "Any earlier code no longer works." in page  # in English, chosen above
    db.session.expire_all()
    assert job_seeker_service.claim_code_matches(job_seeker, second_code)
    assert not job_seeker_service.claim_code_matches(job_seeker, first_code)


def test_a_page_behind_sign_in_asks_in_the_readers_language(client):
    page = client.get("/centre/statistics", follow_redirects=True).get_data(as_text=True)
    assert "Please log in" not in page
    assert "Đăng nhập để xem trang này." in page
    english = client.get("/centre/statistics?lang=en", follow_redirects=True)
    assert "Sign in to see this page." in english.get_data(as_text=True)
