"""A write that waits in vain for a lock (the database busy with a long write elsewhere) is answered 503 with
Retry-After and a message in the request's language, as JSON on the API and as a page on the site, never a 500; sent
again once the lock is free, it succeeds."""
import time
from datetime import timedelta

from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import Vacancy
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import account as account_service
from tests.busy_database import impatient_app, write_lock_held
from tests.factories import HANOI_WARD, make_account, make_employer
from tests.web.helpers import csrf_token, start_session

LOCK_TIMEOUT_S = 0.5


def vacancy_count():
    db.session.rollback()
    return db.session.scalar(select(func.count()).select_from(Vacancy))


def test_an_api_write_on_a_busy_database_is_answered_503_with_retry_after(app):
    owner = make_account("employer", employer_id=make_employer().id)
    headers = {"Authorization": f"Bearer {account_service.create_api_token(actor=owner, name='test')[1]}"}
    body = {"title": "Thợ hàn", "isco_code": "7212", "employment_type": "full_time", "ward_code": HANOI_WARD,
            "deadline": (vietnam_today() + timedelta(days=20)).isoformat(), "publish": True}
    with impatient_app(app, lock_timeout_s=LOCK_TIMEOUT_S) as impatient:
        client = impatient.test_client()
        with write_lock_held(app):
            started = time.monotonic()
            busy = client.post("/api/v1/vacancies", json=body, headers=headers)
            waited = time.monotonic() - started
        assert busy.status_code == 503, busy.get_data(as_text=True)[:2000]
        assert busy.headers["Retry-After"] == "5"
        assert busy.get_json()["code"] == 503
        assert busy.get_json()["message"] == "Hệ thống đang bận. Vui lòng thử lại sau vài giây."
        assert LOCK_TIMEOUT_S <= waited < 5, waited  # it waited for the lock, then gave up
        assert vacancy_count() == 0
        assert client.post("/api/v1/vacancies", json=body, headers=headers).status_code == 201
    assert vacancy_count() == 1


def test_a_form_sent_to_a_busy_database_gets_a_page_saying_so_in_its_language(app):
    owner = make_account("employer", employer_id=make_employer().id)
    form = {"title": "Công nhân may công nghiệp", "isco_code": "8153", "description": "May áo sơ mi.", "skills": "vắt sổ",
            "employment_type": "full_time", "openings": "5", "salary_min": "7000000", "salary_max": "9000000",
            "deadline": (vietnam_today() + timedelta(days=20)).isoformat(), "province": "01", "ward_code": HANOI_WARD,
            "publish": "1"}
    with impatient_app(app, lock_timeout_s=LOCK_TIMEOUT_S) as impatient:
        client = impatient.test_client()
        start_session(client, owner)
        form["csrf_token"] = csrf_token(client, "/employer/vacancies/new")
        for language, message in (("vi", "Hệ thống đang bận. Vui lòng thử lại sau vài giây."),
                                  ("en", "The database is busy. Please try again in a few seconds.")):
            with write_lock_held(app):
                page = client.post(f"/employer/vacancies/new?lang={language}", data=form)
            assert page.status_code == 503, page.get_data(as_text=True)[:2000]
            assert page.headers["Retry-After"] == "5" and page.mimetype == "text/html"
            assert message in page.get_data(as_text=True)
        assert vacancy_count() == 0
        assert client.post("/employer/vacancies/new", data=form).status_code == 302
    assert vacancy_count() == 1
