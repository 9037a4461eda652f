"""Applying, withdrawing and closing a vacancy each ask first, on a page of their own that works without scripts; the
question changes nothing, the answer does."""
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import Application, Vacancy
from tests.factories import make_account, make_employer, make_job_seeker, make_vacancy
from tests.web.helpers import post_form, start_session


def test_apply_then_withdraw_each_after_a_confirmation(client):
    vacancy = make_vacancy(make_employer(name="Công ty May Sông Hồng"), title="Công nhân may")
    start_session(client, make_account("job_seeker", job_seeker_id=make_job_seeker(consents=()).id))

    detail = client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    assert f'href="/vacancies/{vacancy.id}/apply"' in detail and 'action="/applications"' not in detail
    confirm = client.get(f"/vacancies/{vacancy.id}/apply").get_data(as_text=True)
    assert "Ứng tuyển vị trí Công nhân may?" in confirm and 'name="consent"' in confirm and "<script" not in confirm
    assert db.session.scalar(select(func.count()).select_from(Application)) == 0
    post_form(client, "/applications", {"vacancy_id": vacancy.id, "consent": "on"}, token_from=f"/vacancies/{vacancy.id}/apply")

    detail = client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    assert 'id="my-application"' in detail and "Đã nộp" in detail and f"/vacancies/{vacancy.id}/apply" not in detail
    assert client.get(f"/vacancies/{vacancy.id}/apply").headers["Location"] == f"/vacancies/{vacancy.id}"

    application = db.session.scalar(select(Application))
    mine = client.get("/me/applications").get_data(as_text=True)
    assert f'href="/applications/{application.id}/withdraw"' in mine
    question = client.get(f"/applications/{application.id}/withdraw").get_data(as_text=True)
    assert "Rút đơn ứng tuyển vị trí Công nhân may?" in question
    db.session.expire_all()
    assert db.session.get(Application, application.id).status == "submitted"
    withdraw = f"/applications/{application.id}/withdraw"
    post_form(client, f"/applications/{application.id}/move", {"status": "withdrawn"}, token_from=withdraw)
    db.session.expire_all()
    assert db.session.get(Application, application.id).status == "withdrawn"


def test_closing_a_vacancy_asks_first(client):
    employer = make_employer()
    vacancy = make_vacancy(employer, title="Thợ hàn TIG")
    start_session(client, make_account("employer", employer_id=employer.id))
    page = client.get(f"/employer/vacancies/{vacancy.id}/applications").get_data(as_text=True)
    assert f'href="/employer/vacancies/{vacancy.id}/close"' in page
    question = client.get(f"/employer/vacancies/{vacancy.id}/close").get_data(as_text=True)
    assert "Ngừng tuyển vị trí Thợ hàn TIG?" in question
    db.session.expire_all()
    assert db.session.get(Vacancy, vacancy.id).status == "open"
    close = f"/employer/vacancies/{vacancy.id}/close"
    post_form(client, f"/employer/vacancies/{vacancy.id}/status", {"status": "closed"}, token_from=close)
    db.session.expire_all()
    assert db.session.get(Vacancy, vacancy.id).status == "closed"
