"""Answers as the API's spec says: a 405 names the methods allowed, and every timestamp carries its time zone."""
import re

from jobmatch.services import account as account_service
from tests.factories import HANOI_WARD, make_account, make_centre, make_employer, make_job_seeker, make_vacancy

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")


def test_a_method_not_allowed_names_the_allowed_ones_on_the_api_and_on_pages(client):
    response = client.post("/api/v1/vacancies/search")
    assert response.status_code == 405 and response.is_json
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    response = client.get("/sign-out")
    assert response.status_code == 405 and response.mimetype == "text/html"
    assert set(response.headers["Allow"].split(", ")) == {"POST", "OPTIONS"}


def timestamps(value):
    """Every string in an answer that reads as a moment (not a plain day)."""
    if isinstance(value, dict):
        return [found for item in value.values() for found in timestamps(item)]
    if isinstance(value, list):
        return [found for item in value for found in timestamps(item)]
    return [value] if isinstance(value, str) and TIMESTAMP.match(value) else []


def test_every_timestamp_the_api_sends_is_utc_with_its_offset(client):
    centre = make_centre()
    employer = make_employer()
    vacancy = make_vacancy(employer)
    job_seeker = make_job_seeker(centre_id=centre.id)
    seeker = make_account("job_seeker", job_seeker_id=job_seeker.id)
    officer = make_account("officer", centre_id=centre.id)
    seeker_headers = {"Authorization": f"Bearer {account_service.create_api_token(actor=seeker, name='app')[1]}"}
    officer_headers = {"Authorization": f"Bearer {account_service.create_api_token(actor=officer, name='hr')[1]}"}
    assert client.post("/api/v1/applications", json={"vacancy_id": vacancy.id, "consent": True}, headers=seeker_headers).status_code == 201
    answers = [
        client.get(f"/api/v1/vacancies/{vacancy.id}").get_json(),
        client.get("/api/v1/job-seekers/me", headers=seeker_headers).get_json(),
        client.get(f"/api/v1/job-seekers/{job_seeker.id}/consents", headers=officer_headers).get_json(),
        client.get(f"/api/v1/job-seekers/{job_seeker.id}/applications", headers=officer_headers).get_json(),
        client.get("/api/v1/job-seekers/me/export", headers=seeker_headers).get_json(),
    ]
    walk_in = client.post("/api/v1/job-seekers", headers=officer_headers, json={
        "full_name": "Lò Thị Mai", "citizen_id": "014201000123", "birth_date": "2001-03-04", "ward_code": HANOI_WARD}).get_json()
    assert walk_in.get("claim_code_expires_at", "").endswith("+00:00"), walk_in
    answers.append(walk_in)
    found = timestamps(answers)
    assert len(found) >= 7, answers
    assert all(moment.endswith("+00:00") for moment in found), found
