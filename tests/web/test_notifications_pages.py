"""Hearing what happened: an unread count in every page's header, a notification that opens its page and is then
read, 'mark all read', and a channel per person that delivery follows (through a real SMTP server)."""

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Account, Notification
from jobmatch.services import messaging
from jobmatch.services import notification as notification_service
from tests.factories import make_account, make_job_seeker
from tests.web.helpers import post_form, start_session


def _seeker_with_notifications(count):
    account = make_account("job_seeker", job_seeker_id=make_job_seeker().id)
    for number in range(count):
        notification_service.queue(account=account, kind="referral_made", vacancy=f"Thợ hàn {number}",
                                   link=notification_service.page_link("application.mine"))
    db.session.commit()
    return account


def test_the_header_counts_unread_notifications_and_opening_one_reads_it(client):
    account = _seeker_with_notifications(2)
    start_session(client, account)
    assert "2 chưa đọc" in client.get("/me/profile").get_data(as_text=True)
    first = db.session.scalars(select(Notification.id).order_by(Notification.id)).first()
    response = client.get(f"/account/notifications/{first}")
    assert response.status_code == 302 and response.headers["Location"] == "/me/applications"
    assert "1 chưa đọc" in client.get("/me/profile").get_data(as_text=True)

    post_form(client, "/account/notifications/read", {}, token_from="/account")
    page = client.get("/account").get_data(as_text=True)
    assert "chưa đọc" not in page and "Thợ hàn 1" in page


def test_someone_elses_notification_opens_nothing(app, client):
    other = _seeker_with_notifications(1)
    start_session(client, make_account("job_seeker", job_seeker_id=make_job_seeker().id))
    notification_id = db.session.scalar(select(Notification.id).where(Notification.account_id == other.id))
    assert client.get(f"/account/notifications/{notification_id}").headers["Location"] == "/account#notifications"
    db.session.expire_all()
    assert db.session.get(Notification, notification_id).read_at is None


def test_delivery_follows_each_persons_channel_and_sms_is_offered_only_with_a_gateway(app, client, inbox):
    by_email, on_site_only = _seeker_with_notifications(1), _seeker_with_notifications(1)
    start_session(client, on_site_only)
    assert 'value="sms"' not in client.get("/account").get_data(as_text=True)  # no gateway configured
    refused = post_form(client, "/account/notify-by", {"notify_by": "sms"}, token_from="/account")
    assert refused.status_code == 422 and "Cách gửi này không dùng được" in refused.get_data(as_text=True)
    assert post_form(client, "/account/notify-by", {"notify_by": "site"}, token_from="/account").status_code == 302
    db.session.expire_all()
    assert db.session.get(Account, on_site_only.id).notify_by == "site"

    assert notification_service.deliver_pending() == 2
    assert inbox.recipients == [by_email.email]
    channels = dict(db.session.execute(select(Notification.account_id, Notification.channel)).all())
    assert channels == {by_email.id: "email", on_site_only.id: "page"}


def test_an_sms_provider_is_added_by_registering_it(app):
    sent = []
    messaging.register_sms_gateway("test-provider", lambda phone, text: sent.append((phone, text)))
    app.config["SMS_GATEWAY"] = "test-provider"
    try:
        account = make_account("job_seeker", job_seeker_id=make_job_seeker().id, phone="+84356111222", notify_by="sms")
        notification_service.queue(account=account, kind="employer_verified")
        db.session.commit()
        assert messaging.channels_offered() == ["site", "sms"]
        assert notification_service.deliver_pending() == 1
        assert sent and sent[0][0] == "+84356111222"
    finally:
        app.config["SMS_GATEWAY"] = None
        messaging.SMS_GATEWAYS.pop("test-provider")
