"""Vacancies in bulk through the API (issue 17, item 4): each answered on its own, the valid ones stored together, the
employer's own reference turning a batch sent again into updates, and a limit per employer."""
import json

from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import SearchOutbox, Vacancy
from jobmatch.services import account as account_service
from jobmatch.services import search_index
from tests.factories import make_account, make_employer, make_vacancy, vacancy_fields


def headers(account, **more):
    return {"Authorization": f"Bearer {account_service.create_api_token(actor=account, name='ats')[1]}", **more}


def posting(reference, **overrides):
    body = {**vacancy_fields(**overrides), "deadline": vacancy_fields()["deadline"].isoformat(), "external_ref": reference}
    return {name: value for name, value in body.items() if value is not None}


def count(model=Vacancy):
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_batch_stores_the_valid_vacancies_together_and_answers_each_refusal_by_field(client, indexes):
    account = make_account("employer", employer_id=make_employer().id)
    batch = [
        posting("JB-1", title="Thợ hàn CO2 - KCN Thăng Long", isco_code=None, publish=True),
        posting("JB-2", salary_min=20_000_000, salary_max=9_000_000, openings="mười"),
        posting("JB-3", title="Kế toán kho"),
        posting("JB-1", title="Kế toán trưởng"),  # the same reference twice in one batch
        {"title": "Tuyển gấp", "employment_type": "full_time", "deadline": posting("x")["deadline"], "ward_code": "00004"},
    ]
    answer = client.post("/api/v1/vacancies/batch", json={"vacancies": batch}, headers=headers(account))
    assert answer.status_code == 200, answer.get_json()
    result = answer.get_json()
    assert (result["created"], result["updated"], result["refused"]) == (2, 0, 3)
    items = result["items"]
    assert [(item["index"], item["outcome"]) for item in items] == [
        (0, "created"), (1, "refused"), (2, "created"), (3, "refused"), (4, "refused")]
    assert items[0]["occupation_suggested"] is True and items[0]["errors"] == {}
    assert items[1]["id"] is None and items[1]["errors"] == {
        "openings": ["Không phải số nguyên hợp lệ."], "salary_min": ["Mức lương tối thiểu đang lớn hơn mức tối đa."]}
    assert items[3]["errors"] == {"external_ref": ["Mã tham chiếu này đã dùng cho một tin khác ở phía trước trong cùng lô."]}
    assert items[4]["errors"] == {"isco_code": ["Không nhận ra nghề nào trong tiêu đề này: hãy chọn nghề (ISCO-08)."]}
    stored = {vacancy.external_ref: vacancy for vacancy in db.session.scalars(select(Vacancy))}
    assert set(stored) == {"JB-1", "JB-3"}
    assert (stored["JB-1"].id, stored["JB-1"].isco_code, stored["JB-1"].status) == (items[0]["id"], "7212", "open")
    assert stored["JB-3"].status == "draft"
    # each stored vacancy reaches search through the outbox like one posted alone
    search_index.relay_outbox(refresh=True)
    found = client.get("/api/v1/vacancies/search", query_string={"q": "tho han"}).get_json()
    assert [hit["vacancy"]["id"] for hit in found["items"]] == [items[0]["id"]]


def test_the_same_reference_updates_instead_of_duplicating_and_closed_ones_stay_as_they_were(client):
    employer = make_employer()
    account = make_account("employer", employer_id=employer.id)
    first = client.post("/api/v1/vacancies/batch", json={"vacancies": [posting("A-1"), posting("A-2")]}, headers=headers(account))
    ids = [item["id"] for item in first.get_json()["items"]]
    closed = make_vacancy(employer, status="closed", external_ref="A-3")
    again = client.post("/api/v1/vacancies/batch", headers=headers(account), json={"vacancies": [
        posting(" A-1 ", title="Kế toán tổng hợp (cập nhật)", salary_max=16_000_000), posting("A-3", title="Mở lại")]})
    result = again.get_json()
    assert [(item["outcome"], item["id"]) for item in result["items"]] == [("updated", ids[0]), ("refused", None)]
    assert list(result["items"][1]["errors"]) == ["external_ref"]
    db.session.expire_all()
    assert count() == 3
    updated = db.session.get(Vacancy, ids[0])
    assert (updated.title, updated.salary_max) == ("Kế toán tổng hợp (cập nhật)", 16_000_000)
    assert db.session.get(Vacancy, closed.id).title == "Kế toán tổng hợp"
    # another employer's reference is its own
    other = make_account("employer", employer_id=make_employer().id)
    assert client.post("/api/v1/vacancies/batch", json={"vacancies": [posting("A-1")]},
                       headers=headers(other)).get_json()["items"][0]["outcome"] == "created"


def test_a_bad_batch_is_refused_whole_naming_the_field_and_storing_nothing(client):
    account = make_account("employer", employer_id=make_employer().id)
    before = (count(), count(SearchOutbox))
    for body in ({}, {"vacancies": []}, {"vacancies": [posting(str(number)) for number in range(501)]}, {"vacancies": ["x"]},
                 {"vacancies": [posting("1")], "extra": 1}):
        refused = client.post("/api/v1/vacancies/batch", json=body, headers=headers(account))
        assert refused.status_code == 422, body
        assert set(refused.get_json()["errors"]["json"]) <= {"vacancies", "extra"}
    assert client.post("/api/v1/vacancies/batch", json={"vacancies": [posting("1")]}).status_code == 401
    seeker = make_account("job_seeker")
    assert client.post("/api/v1/vacancies/batch", json={"vacancies": [posting("1")]}, headers=headers(seeker)).status_code == 403
    assert (count(), count(SearchOutbox)) == before


def test_batches_are_limited_per_employer(app, client):
    account = make_account("employer", employer_id=make_employer().id)
    other = make_account("employer", employer_id=make_employer().id)
    app.config["RATELIMIT_VACANCY_IMPORT"] = "2 per hour"
    try:
        for _ in range(2):
            assert client.post("/api/v1/vacancies/batch", json={"vacancies": [{"title": ""}]}, headers=headers(account)).status_code == 200
        limited = client.post("/api/v1/vacancies/batch", json={"vacancies": [posting("1")]}, headers=headers(account))
        assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0
        assert client.post("/api/v1/vacancies/batch", json={"vacancies": [posting("1")]}, headers=headers(other)).status_code == 200
    finally:
        app.config["RATELIMIT_VACANCY_IMPORT"] = "30 per hour"


# A job board's description, 5,000 characters (the most a vacancy takes), of which a fifth are Vietnamese letters that
# Python's json.dumps writes as 6-byte \u escapes.
LONG_DESCRIPTION = ("Vận hành máy hàn bán tự động theo bản vẽ, kiểm tra mối hàn, vệ sinh khu vực làm việc theo 5S. "
                    "Được đóng BHXH đầy đủ, thưởng tháng 13, hỗ trợ ăn ca và nhà ở. ") * 40


def test_a_batch_may_be_larger_than_other_bodies_and_one_over_its_limit_gets_413_naming_it(app, client):
    account = make_account("employer", employer_id=make_employer().id)
    batch = [posting(f"LONG-{number}", description=LONG_DESCRIPTION[:5000]) for number in range(110)]
    body = json.dumps({"vacancies": batch}).encode()
    assert app.config["MAX_CONTENT_LENGTH"] < len(body) < app.config["BATCH_MAX_CONTENT_LENGTH"]
    answer = client.post("/api/v1/vacancies/batch", data=body, content_type="application/json", headers=headers(account))
    assert answer.status_code == 200 and answer.get_json()["created"] == 110, answer.get_json()
    # the larger limit is the batch's alone
    single = json.dumps({**batch[0], "description": "x" * app.config["MAX_CONTENT_LENGTH"]}).encode()
    assert client.post("/api/v1/vacancies", data=single, content_type="application/json", headers=headers(account)).status_code == 413
    huge = b'{"vacancies": [{"description": "' + b"x" * app.config["BATCH_MAX_CONTENT_LENGTH"] + b'"}]}'
    for language, message in [(None, "Yêu cầu quá lớn: chỉ được gửi tối đa 8192 KB."),
                              ("en", "The request is too large: send at most 8192 KB.")]:
        refused = client.post("/api/v1/vacancies/batch", data=huge, content_type="application/json",
                              headers=headers(account, **({"Accept-Language": language} if language else {})))
        assert (refused.status_code, refused.get_json()["message"]) == (413, message)
    assert count() == 110
