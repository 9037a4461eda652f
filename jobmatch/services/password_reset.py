"""Getting back in: a one-time link sent by email, or, for people without email, a reset code their centre (or an
administrator) hands over; either ends every session and API token of the account."""
import hashlib
import hmac
from datetime import timedelta

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.account import Account
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.models.notification import Notification
from jobmatch.rules.clock import utc_now
from jobmatch.rules.token import claim_code_hash, new_claim_code
from jobmatch.services import account as account_service
from jobmatch.services import audit, messaging, notification, throttle
from jobmatch.services.authorization import authorize, find_for
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.transaction import commit


def _links():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="password-reset")


def _fingerprint(account):
    """Changes with the password (and with every sign-out everywhere): a link works once, and not after the password
    it would replace has changed."""
    return hashlib.sha256(f"{account.password_hash}:{account.session_version}".encode()).hexdigest()[:24]


def send_reset_link(*, login):
    """Ask for a link that sets a new password, for the account with this email or phone, if it has an email address
    and is not locked; asks are limited per login (TooManyAttempts). The ask goes into the notification outbox, which
    emails the link (deliver_links); the request itself sends nothing and does the same work, one audit entry, whether
    or not an account has the login: neither the answer, which the caller words the same, nor its time tells anyone
    whether an account exists."""
    throttle.count_check("password_reset_link", login, "RATELIMIT_PASSWORD_RESET_LINK")
    account = account_service.find_by_login(login)
    reachable = account is not None and account.email and not account.disabled and current_app.config["SMTP_HOST"]
    if reachable:
        notification.queue(account=account, kind=notification.RESET_LINK)
    audit.record(action="password_reset_asked", actor=None, subject_type="account", subject_id=account.id if reachable else None)
    commit()


def deliver_links(*, batch_size=200):
    """Email the links asked for (send_reset_link queued the asks in the notification outbox), each made as it is
    sent, valid PASSWORD_RESET_LINK_MINUTES and once: no usable link waits in the database. An ask older than a link
    lives, or for an account since locked or left without email, is closed unsent; one the mail server cannot take now
    stays for the next run. Returns how many asks were closed."""
    asks = db.session.scalars(
        select(Notification).where(Notification.kind == notification.RESET_LINK, Notification.delivered_at.is_(None))
        .order_by(Notification.id).limit(batch_size)
    ).all()
    lifetime = timedelta(minutes=current_app.config["PASSWORD_RESET_LINK_MINUTES"])
    for ask in asks:
        account = db.session.get(Account, ask.account_id)
        ask.channel = "page"
        if not account.disabled and account.email and utc_now() - ask.created_at <= lifetime:
            try:
                _email_link(account)
            except messaging.SendingError:
                current_app.logger.warning("A password reset link for account %s could not be sent; it stays pending", account.id)
                continue
            ask.channel = "email"
        ask.delivered_at = utc_now()
    commit()
    return len(asks)


def _email_link(account):
    token = _links().dumps([account.id, _fingerprint(account)])
    link = current_app.config["PUBLIC_URL"] + notification.page_link("account.reset_password", token=token)
    with force_locale("vi"):
        subject = _("jobmatch: set a new password")
        body = _("Someone asked to set a new password for your jobmatch account. Open this link within %(minutes)d "
                 "minutes to choose it (it works once):\n\n%(link)s\n\nIf it was not you, ignore this message: your "
                 "password stays as it is.", minutes=current_app.config["PASSWORD_RESET_LINK_MINUTES"], link=link)
    messaging.send(account, channel="email", subject=subject, body=body)
    audit.record(action="password_reset_link_sent", actor=None, subject_type="account", subject_id=account.id)


def account_for_link(token):
    """The account a reset link is for while it works (not expired, not used), or None."""
    try:
        account_id, fingerprint = _links().loads(token, max_age=current_app.config["PASSWORD_RESET_LINK_MINUTES"] * 60)
    except (BadSignature, ValueError, TypeError):
        return None
    account = db.session.get(Account, account_id) if isinstance(account_id, int) else None
    if account is None or account.disabled or not hmac.compare_digest(str(fingerprint), _fingerprint(account)):
        return None
    return account


def _set_new_password(account, new_password):
    account_service.check_new_password(new_password, (account.email, account.phone))
    account.password_hash = account_service.hash_password(new_password)
    account.must_change_password = False
    account.reset_code_hash = account.reset_code_expires_at = None
    account_service.end_access(account)
    audit.record(action="password_reset", actor=account, subject_type="account", subject_id=account.id)
    commit()
    return account


def reset_with_link(*, token, new_password):
    """A new password through an emailed link; the link then stops working."""
    account = account_for_link(token)
    if account is None:
        raise InvalidRequest("new_password", _("This link has expired or was already used. Ask for a new one."))
    return _set_new_password(account, new_password)


def issue_reset_code(*, actor, account_id):
    """A reset code for a person without email, handed over by an officer of their centre (for a job seeker) or an
    administrator (for anyone else): valid RESET_CODE_LIFETIME_HOURS and once; an earlier code stops working. The code
    is returned once; only its keyed hash is kept."""
    account = find_for(actor, Account, account_id)
    authorize(actor, "account.reset_code", account)
    code, code_hash = new_claim_code(_code_key())
    account.reset_code_hash = code_hash
    account.reset_code_expires_at = utc_now() + timedelta(hours=current_app.config["RESET_CODE_LIFETIME_HOURS"])
    audit.record(action="reset_code_issued", actor=actor, subject_type="account", subject_id=account.id)
    commit()
    return account, code


def _code_key():
    config = current_app.config
    return config["CLAIM_CODE_KEY"] or config["SECRET_KEY"]


def reset_with_code(*, login, code, new_password):
    """A new password with the code the centre gave, for the account with this phone number or email. Guesses are
    counted per login, whether or not an account has it, and every refusal reads the same."""
    guesses = ("reset_code", login)
    throttle.begin_guess(*guesses)
    account = account_service.find_by_login(login)
    presented = claim_code_hash(code.strip().upper(), _code_key())
    if (account is None or account.reset_code_hash is None or account.reset_code_expires_at is None
            or account.reset_code_expires_at <= utc_now() or not hmac.compare_digest(account.reset_code_hash, presented)):
        raise InvalidRequest("code", _("This phone number or email and code do not match. A code works once, for "
                                       "%(hours)d hours; your employment centre can give you a new one.",
                                       hours=current_app.config["RESET_CODE_LIFETIME_HOURS"]))
    throttle.guessed_right(*guesses)
    return _set_new_password(account, new_password)


def issue_job_seeker_reset_code(*, actor, job_seeker_id):
    """A reset code for the account of one of the officer's centre's job seekers (issue_reset_code's rules)."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    account = job_seeker.account
    if account is None:
        raise InvalidRequest("job_seeker_id", _("This person has no account yet: give them a claim code instead."))
    return issue_reset_code(actor=actor, account_id=account.id)
