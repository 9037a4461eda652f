"""The notification outbox: messages queued in the transaction of the change they report, delivered by the scheduler."""
from urllib.parse import urlencode

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select, update

from jobmatch.extensions import db
from jobmatch.i18n import N_
from jobmatch.labels import APPLICATION_STATUSES, localized
from jobmatch.models.account import Account
from jobmatch.models.notification import Notification
from jobmatch.rules.clock import utc_now
from jobmatch.services import messaging
from jobmatch.services.page import keyset_page
from jobmatch.services.transaction import commit

MESSAGES = {
    "application_status": N_("Your application for “%(vacancy)s” is now: %(status)s."),
    "application_received": N_("New application for “%(vacancy)s”."),
    "referral_made": N_("Your employment centre referred you to “%(vacancy)s”."),
    "application_reminder": N_("A candidate has waited 15 days for an answer about “%(vacancy)s”: open the application."),
    "employer_verified": N_("Your company has been verified: its vacancies are now public."),
    "placement_confirmed": N_("Your hire for “%(vacancy)s” has been confirmed. Congratulations!"),
    "saved_search_alert": N_("%(count)s new vacancies for your saved search “%(name)s”: %(titles)s."),
    "overseas_deadline_soon": N_("%(programme)s: the step “%(stage)s” must be followed up by %(day)s."),
    "overseas_deadline_passed": N_(
        "%(programme)s: the deadline of the step “%(stage)s” passed on %(day)s. Contact your employment centre."
    ),
    "overseas_case_lapsed": N_("%(programme)s: your case lapsed because the step “%(stage)s” expired on %(day)s."),
    "invitation_received": N_("%(employer)s invites you to apply for “%(vacancy)s”."),
    "interview_scheduled": N_("%(employer)s invites you to an interview for “%(vacancy)s” on %(day)s at %(time)s."),
    "interview_rescheduled": N_("%(employer)s moved your interview for “%(vacancy)s” to %(day)s at %(time)s."),
    "referral_requested": N_("Another centre asks you to refer one of your job seekers to “%(vacancy)s”."),
    "overseas_vacancy_unlicensed": N_(
        "Your overseas vacancy “%(vacancy)s” was closed: your placement licence (%(licence)s, valid until %(day)s) is not in "
        "force. Renew it before posting overseas vacancies again."
    ),
    "vacancy_closed_programme_rule": N_(
        "Your vacancy “%(vacancy)s” was closed: only the Centre of Overseas Labour and the public employment service "
        "centres acting for it recruit for %(programme)s, and workers pay no service or brokerage fee for it."
    ),
    "password_reset_link": N_("A new password was asked for your account: the link to set it was sent to your email."),
}
# An asked-for password reset link: emailed whatever channel the account chose, and made when it is sent, by
# password_reset.deliver_links; deliver_pending leaves these alone.
RESET_LINK = "password_reset_link"


def page_link(endpoint, *, query=None, anchor=None, **values):
    """The path of one of the site's pages for a notification, built from its endpoint: a renamed route fails when the
    notification is queued, in the tests, instead of sending people a dead link."""
    path = current_app.url_map.bind("").build(endpoint, values)
    return path + (f"?{urlencode(query, doseq=True)}" if query else "") + (f"#{anchor}" if anchor else "")


def queue(*, account, kind, link=None, **params):
    """Add a notification to the caller's transaction (the use case commits it with the change it reports)."""
    db.session.add(Notification(account_id=account.id, kind=kind, params=params, link=link))


def text(notification):
    """The message in the current language."""
    params = dict(notification.params)
    if "status" in params:
        params["status"] = str(APPLICATION_STATUSES.get(params["status"], params["status"]))
    if "stage_vi" in params:
        params["stage"] = localized(params.pop("stage_vi"), params.pop("stage_en"))
    return _(MESSAGES[notification.kind], **params)


def for_account(*, account, size=None, after=None):
    """The account's notifications, the latest first, page by page; the unread ones have no read_at."""
    return keyset_page(select(Notification).where(Notification.account_id == account.id), list_name="notifications",
                       order=[(Notification.id, "desc")], size=size, after=after)


def unread_count(*, account):
    """How many of the account's notifications it has not read (shown in every page's header)."""
    return db.session.scalar(
        select(func.count()).select_from(Notification).where(Notification.account_id == account.id, Notification.read_at.is_(None))
    )


def open_one(*, account, notification_id):
    """The account reads one of its notifications (following its link): it is marked read; its link is returned (None
    for a notification without one, or another account's: nothing is marked then)."""
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.account_id != account.id:
        return None
    notification.read_at = notification.read_at or utc_now()
    commit()
    return notification.link


def mark_all_read(*, account):
    db.session.execute(
        update(Notification).where(Notification.account_id == account.id, Notification.read_at.is_(None)).values(read_at=utc_now())
    )
    commit()


def deliver_pending(*, batch_size=200):
    """Send pending notifications by each account's channel (services/messaging.py: email, or SMS with a gateway); a
    notification for the site only is kept for the user's page. Returns how many were delivered. One that could not be
    sent stays pending for the next run; every one stays on the site whatever its channel."""
    pending = db.session.scalars(
        select(Notification)
        .where(Notification.delivered_at.is_(None), Notification.kind != RESET_LINK)
        .order_by(Notification.id).limit(batch_size)
    ).all()
    delivered = 0
    for notification in pending:
        account = db.session.get(Account, notification.account_id)
        channel = messaging.channel_for(account)
        if channel != "site":
            try:
                _send(account, notification, channel)
            except messaging.SendingError:
                current_app.logger.warning("Notification %s could not be sent by %s; it stays pending", notification.id, channel)
                continue
        notification.channel = "page" if channel == "site" else channel
        notification.delivered_at = utc_now()
        delivered += 1
    commit()
    return delivered


def _send(account, notification, channel):
    config = current_app.config
    with force_locale("vi"):
        body = text(notification)
    headers, footer = {}, ""
    unsubscribe = notification.params.get("unsubscribe")
    if unsubscribe and channel == "email":
        # RFC 8058 one-click unsubscribe: mail programs show the button and POST to the link themselves.
        headers = {"List-Unsubscribe": f"<{config['PUBLIC_URL']}{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
        with force_locale("vi"):
            footer = "\n\n" + _("Stop these alerts: %(link)s", link=config["PUBLIC_URL"] + unsubscribe)
    link = f"\n\n{config['PUBLIC_URL']}{notification.link}" if notification.link else ""
    messaging.send(account, channel=channel, subject="jobmatch: " + body[:80], body=body + link + footer, headers=headers)
