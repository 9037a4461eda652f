"""Delivering notifications through a real SMTP server (aiosmtpd on a free port): an email that fails stays pending
and goes out on a later run, once, while the other notifications are delivered meanwhile."""
import socket

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Notification
from jobmatch.services import application as application_service
from jobmatch.services import notification as notification_service
from tests.factories import make_account, make_employer, make_job_seeker, make_vacancy


class Inbox:
    """An SMTP server's handler that refuses mail while `refusing`, else keeps it."""

    def __init__(self):
        self.refusing = True
        self.received = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        if self.refusing:
            return "451 Requested action aborted: local error in processing"
        self.received.append(envelope.rcpt_tos)
        return "250 OK"


@pytest.fixture
def mail_port(app):
    with socket.socket() as probe:  # a free port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app.config.update({"SMTP_HOST": "127.0.0.1", "SMTP_PORT": port, "SMTP_STARTTLS": False})
    yield port
    app.config.update({"SMTP_HOST": None, "SMTP_PORT": 587, "SMTP_STARTTLS": True})


def pending_and_channels():
    rows = db.session.scalars(select(Notification).order_by(Notification.id)).all()
    return [(row.kind, row.delivered_at is not None, row.channel) for row in rows]


def test_a_failed_email_stays_pending_and_goes_out_once_the_server_takes_it(mail_port):
    employer = make_employer()
    owner = make_account("employer", employer_id=employer.id, email="tuyendung@congty.vn")
    seeker = make_account("job_seeker", job_seeker_id=make_job_seeker().id, email=None, phone="+84912000111")
    application = application_service.apply(actor=seeker, vacancy_id=make_vacancy(employer, title="Thợ mộc").id)
    application_service.move(actor=owner, application_id=application.id, status="viewed")
    assert pending_and_channels() == [("application_received", False, None), ("application_status", False, None)]

    # No server listening: the email waits, the person without an email address has theirs on their page.
    assert notification_service.deliver_pending() == 1
    assert pending_and_channels() == [("application_received", False, None), ("application_status", True, "page")]

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=mail_port)
    server.start()
    try:
        assert notification_service.deliver_pending() == 0  # the server answers 451
        assert pending_and_channels() == [("application_received", False, None), ("application_status", True, "page")]
        inbox.refusing = False
        assert notification_service.deliver_pending() == 1
        assert notification_service.deliver_pending() == 0
    finally:
        server.stop()
    assert inbox.received == [["tuyendung@congty.vn"]]
    assert pending_and_channels() == [("application_received", True, "email"), ("application_status", True, "page")]
