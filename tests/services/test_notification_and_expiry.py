"""Notifications queued with the change they report and delivered by the scheduler's job; vacancies expiring."""
import email
import email.policy
import socket
from datetime import timedelta

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.jobs import deliver_notifications, expire_vacancies
from jobmatch.models import Notification, SearchOutbox, Vacancy
from jobmatch.rules.clock import vietnam_today
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
    assert expire_vacancies(period="2026-11-28") == "closed=1"
    assert db.session.get(Vacancy, expired.id).status == "closed" and db.session.get(Vacancy, current.id).status == "open"
    assert db.session.scalars(select(SearchOutbox.entity_id)).all() == [expired.id]


def test_with_a_mail_server_notifications_go_out_by_email_in_vietnamese(app):
    from aiosmtpd.controller import Controller

    received = []

    class Inbox:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
            received.append((envelope.rcpt_tos, envelope.original_content))
            return "250 OK"

    with socket.socket() as probe:  # a free port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = Controller(Inbox(), hostname="127.0.0.1", port=port)
    server.start()
    settings = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": port, "SMTP_STARTTLS": False}
    app.config.update(settings)
    try:
        employer = make_employer()
        make_account("employer", employer_id=employer.id, email="tuyendung@congty.vn")
        seeker = make_account("job_seeker", job_seeker_id=make_job_seeker().id)
        application_service.apply(actor=seeker, vacancy_id=make_vacancy(employer, title="Thợ mộc").id)
        assert deliver_notifications() == "delivered=1"
    finally:
        app.config.update({"SMTP_HOST": None, "SMTP_PORT": 587, "SMTP_STARTTLS": True})
        server.stop()
    [(recipients, message)] = received
    assert recipients == ["tuyendung@congty.vn"]
    body = email.message_from_bytes(message, policy=email.policy.default).get_content()
    assert "Có hồ sơ ứng tuyển mới cho vị trí “Thợ mộc”." in body
    assert f"{app.config['PUBLIC_URL']}/employer/vacancies/" in body  # a link that works from a mail client
    assert db.session.scalar(select(Notification.channel)) == "email"
