"""The overseas API: programmes for everyone, a worker's eligibility in plain words, and a case opened and moved by an
officer of the worker's centre, with refusals named by field."""
from datetime import timedelta

from jobmatch.rules.clock import vietnam_today
from jobmatch.services import account as account_service
from tests.factories import eps_ready_job_seeker, make_account, make_centre

TODAY = vietnam_today()


def bearer(account):
    return {"Authorization": f"Bearer {account_service.create_api_token(actor=account, name='test')[1]}"}


def test_programmes_are_public_with_their_rules_and_sources(client, programmes):
    listed = client.get("/api/v1/programmes").get_json()
    assert [programme["code"] for programme in listed["items"]] == ["EPS", "SSW", "TITP", "TW"]
    assert (listed["total"], listed["next_after"]) == (4, None)
    eps = client.get("/api/v1/programmes/EPS").get_json()
    assert eps["rules"]["max_age"] == 39 and eps["stages"][3]["due_days"] == 730 and "COLAB" in eps["sources"]
    assert client.get("/api/v1/programmes/XYZ").status_code == 404
    assert client.get("/api/v1/programmes/EPS?version=1").get_json()["version"] == 1
    assert client.get("/api/v1/programmes/EPS?version=2").status_code == 404


def test_an_officer_checks_eligibility_opens_and_moves_a_case(client, programmes):
    centre = make_centre(province_code="01")
    officer = make_account("officer", centre_id=centre.id)
    worker = eps_ready_job_seeker(centre_id=centre.id, languages=[])
    headers = bearer(officer)
    [judged] = client.get(f"/api/v1/job-seekers/{worker.id}/eligibility?programme=EPS", headers=headers).get_json()["items"]
    assert judged["eligible"] is False
    assert [(verdict["rule"], verdict["message"]) for verdict in judged["verdicts"] if not verdict["passed"]] == [
        ("language", "chưa có chứng chỉ EPS-TOPIK")]

    opened = client.post(f"/api/v1/job-seekers/{worker.id}/overseas-cases", headers=headers,
                         json={"programme": "TW", "opened_on": (TODAY - timedelta(days=20)).isoformat(), "document": "Phiếu đăng ký"})
    assert opened.status_code == 201, opened.get_json()
    case = opened.get_json()
    assert case["stage"] == "registration" and case["programme_version"] == 1
    skipped = client.post(f"/api/v1/overseas-cases/{case['id']}/moves", headers=headers,
                          json={"stage": "contract", "happened_on": TODAY.isoformat(), "document": "Hợp đồng"})
    assert skipped.status_code == 422 and "stage" in skipped.get_json()["errors"]["json"]
    moved = client.post(f"/api/v1/overseas-cases/{case['id']}/moves", headers=headers,
                        json={"stage": "selection", "happened_on": TODAY.isoformat(), "document": "Thư chọn"})
    assert moved.status_code == 200 and [event["stage"] for event in moved.get_json()["events"]] == ["registration", "selection"]
    backwards = client.post(f"/api/v1/job-seekers/{worker.id}/overseas-cases", headers=headers,
                            json={"programme": "TW", "opened_on": (TODAY + timedelta(days=1)).isoformat(), "document": "x"})
    # Refused for its date (not only because a TW case is already open): the answer names the field.
    assert backwards.status_code == 422 and list(backwards.get_json()["errors"]["json"]) == ["opened_on"]


def test_days_that_cannot_be_a_case_are_refused_not_a_500(client, programmes):
    centre = make_centre(province_code="01")
    officer = make_account("officer", centre_id=centre.id)
    worker = eps_ready_job_seeker(centre_id=centre.id)
    headers = bearer(officer)
    assert client.get(f"/api/v1/job-seekers/{worker.id}/eligibility?on=0001-01-01", headers=headers).status_code == 422
    refused = client.post(f"/api/v1/job-seekers/{worker.id}/overseas-cases", headers=headers,
                          json={"programme": "EPS", "opened_on": "0001-01-05", "document": "x"})
    assert refused.status_code == 422
