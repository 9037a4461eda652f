"""Notifications queued with the change they report and delivered by the scheduler's job; vacancies expiring."""
from datetime import timedelta

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.jobs import deliver_notifications, expire_vacancies
from jobmatch.models import Notification, SearchOutbox, Vacancy
from jobmatch.models.clock import vietnam_today
from jobmatch.services import application as application_service
from jobmatch.services import notification as notification_service
from tests.factories import make_account, make_employer, make_job_seeker, make_vacancy


def test_a_status_change_notifies_the_job_seeker_in_their_language_and_is_kept_for_their_page(app):
    employer = make_employer()
    owner = make_account("employer", employer_id=employer.id)
    job_seeker = make_job_seeker()
    seeker_account = make_account("job_seeker", job_seeker_id=job_seeker.id)
    vacancy = make_vacancy(employer, title="Thợ hàn TIG")
    application = application_service.apply(actor=seeker_account, vacancy_id=vacancy.id)
    application_service.move(actor=owner, application_id=application.id, status="viewed")

    assert db.session.scalar(select(Notification.kind).where(Notification.account_id == owner.id)) == "application_received"
    notice = db.session.scalar(select(Notification).where(Notification.account_id == seeker_account.id))
    assert notice.params == {"vacancy": "Thợ hàn TIG", "status": "viewed"}
    assert notification_service.text(notice) == "Hồ sơ ứng tuyển vị trí “Thợ hàn TIG” của bạn hiện ở trạng thái: Nhà tuyển dụng đã xem."

    assert app.config["SMTP_HOST"] is None
    assert deliver_notifications() == "delivered=2"
    assert deliver_notifications() is None  # nothing twice
    assert {row.channel for row in db.session.scalars(select(Notification))} == {"page"}


def test_vacancies_past_their_deadline_close_and_leave_the_index_through_the_outbox():
    expired = make_vacancy(deadline=vietnam_today() - timedelta(days=1))
    current = make_vacancy(deadline=vietnam_today())
    db.session.execute(SearchOutbox.__table__.delete())
    db.session.commit()
    assert expire_vacancies() == "closed=1"
    assert db.session.get(Vacancy, expired.id).status == "closed" and db.session.get(Vacancy, current.id).status == "open"
    assert db.session.scalars(select(SearchOutbox.entity_id)).all() == [expired.id]
