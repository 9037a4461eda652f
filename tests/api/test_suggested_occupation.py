"""A vacancy posted without an occupation code (issue 17, item 1): the coder's best answer for its title is stored as
suggested, the employer confirms it in one click, and the centre's officers see what is still unconfirmed."""
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import Vacancy
from jobmatch.services import account as account_service
from tests.factories import make_account, make_centre, make_employer, vacancy_fields
from tests.web.helpers import post_form, start_session

TITLE = "Nhân Viên Kinh Doanh (Sales Executive) - Thu Nhập 15-30 Triệu - Hà Nội"


def headers(account):
    return {"Authorization": f"Bearer {account_service.create_api_token(actor=account, name='integration')[1]}"}


def without_occupation(**overrides):
    body = {**vacancy_fields(**overrides), "deadline": vacancy_fields()["deadline"].isoformat()}
    body.pop("isco_code")
    return body


def test_a_vacancy_without_an_occupation_takes_the_coders_answer_until_its_employer_confirms_it(client):
    employer_account = make_account("employer", employer_id=make_employer().id)
    hanoi_officer = make_account("officer", centre_id=make_centre(province_code="01").id)
    danang_officer = make_account("officer", centre_id=make_centre(province_code="48").id)
    expected = client.get("/api/v1/occupations/suggest", query_string={"q": TITLE}).get_json()["items"][0]["code"]

    posted = client.post("/api/v1/vacancies", json=without_occupation(title=TITLE), headers=headers(employer_account))
    assert posted.status_code == 201, posted.get_json()
    assert posted.get_json()["isco_code"] == expected == "3322"  # commercial sales representatives
    assert posted.get_json()["occupation_suggested"] is True
    vacancy_id = posted.get_json()["id"]

    review = client.get("/api/v1/vacancies/occupation-review", headers=headers(hanoi_officer)).get_json()
    assert [item["id"] for item in review["items"]] == [vacancy_id] and review["items"][0]["isco_code"] == "3322"
    assert client.get("/api/v1/vacancies/occupation-review", headers=headers(danang_officer)).get_json()["items"] == []
    assert client.get("/api/v1/vacancies/occupation-review", headers=headers(employer_account)).status_code == 403

    confirmed = client.post(f"/api/v1/vacancies/{vacancy_id}/occupation", json={"isco_code": "3322"}, headers=headers(employer_account))
    assert confirmed.status_code == 200 and confirmed.get_json()["occupation_suggested"] is False
    assert db.session.get(Vacancy, vacancy_id).occupation_suggested is False
    assert client.get("/api/v1/vacancies/occupation-review", headers=headers(hanoi_officer)).get_json()["items"] == []


def test_a_code_given_is_the_employers_own_and_a_title_without_any_occupation_is_refused_naming_the_field(client):
    employer_account = make_account("employer", employer_id=make_employer().id)
    given = client.post("/api/v1/vacancies", json={**without_occupation(title=TITLE), "isco_code": "2411"},
                        headers=headers(employer_account))
    assert given.status_code == 201 and given.get_json()["occupation_suggested"] is False
    before = db.session.scalar(select(func.count()).select_from(Vacancy))
    refused = client.post("/api/v1/vacancies", json=without_occupation(title="Tuyển gấp - Hà Nội"), headers=headers(employer_account))
    assert refused.status_code == 422
    assert refused.get_json()["errors"]["json"] == {"isco_code": ["Không nhận ra nghề nào trong tiêu đề này: hãy chọn nghề (ISCO-08)."]}
    english = client.post("/api/v1/vacancies", json=without_occupation(title="Tuyển gấp - Hà Nội"),
                          headers={**headers(employer_account), "Accept-Language": "en"})
    assert english.get_json()["errors"]["json"]["isco_code"] == [
        "No occupation could be recognised in this title: choose the occupation (ISCO-08)."]
    assert db.session.scalar(select(func.count()).select_from(Vacancy)) == before


def test_the_employer_sees_the_suggestion_and_confirms_it_in_one_click_and_officers_list_it(client):
    employer_account = make_account("employer", employer_id=make_employer().id)
    officer = make_account("officer", centre_id=make_centre(province_code="01").id)
    start_session(client, employer_account)
    saved = post_form(client, "/employer/vacancies/new", {**without_occupation(title="Thợ hàn CO2 - KCN Thăng Long"), "skills": "hàn",
                                                          "publish": "on"}, token_from="/employer/vacancies/new")
    assert saved.status_code == 302, saved.get_data(as_text=True)[-3000:]
    vacancy = db.session.scalars(select(Vacancy)).one()
    assert vacancy.occupation_suggested and vacancy.isco_code == "7212"  # welders
    page = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "gợi ý một nghề từ tiêu đề" in page and "7212" in page and "Xác nhận nghề này" in page

    review_client = client.application.test_client()
    start_session(review_client, officer)
    review = review_client.get("/centre/vacancies/occupations").get_data(as_text=True)
    assert "Thợ hàn CO2 - KCN Thăng Long" in review and "7212" in review

    confirmed = post_form(client, f"/employer/vacancies/{vacancy.id}/occupation", {"isco_code": "7212"},
                          token_from=saved.headers["Location"])
    assert confirmed.status_code == 302
    db.session.expire_all()
    assert db.session.get(Vacancy, vacancy.id).occupation_suggested is False
    assert "Xác nhận nghề này" not in client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "Không có nghề nào chờ rà soát." in review_client.get("/centre/vacancies/occupations").get_data(as_text=True)
