"""Accounts: signing up and in, passwords, revocable sessions, API tokens, staff accounts, claiming walk-in profiles."""
import gzip
import secrets
from datetime import timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import or_, select, update

from jobmatch.extensions import db
from jobmatch.models.account import Account, ApiToken
from jobmatch.models.centre import Centre
from jobmatch.models.employer import Employer
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.rules.clock import utc_now
from jobmatch.rules.token import token_hash
from jobmatch.services import audit, messaging, throttle
from jobmatch.services.authorization import authorize, can, find_for
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.occupation import REFERENCE_DATA
from jobmatch.services.page import keyset_page
from jobmatch.services.transaction import commit, taken

PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 128


@cache
def _common_passwords():
    with gzip.open(REFERENCE_DATA / "common_passwords.txt.gz", "rt", encoding="utf-8") as passwords:
        return frozenset(line.strip().lower() for line in passwords if line.strip())


def password_problem(password, *, login_names=()):
    """Why a new password is refused, or None: its length (8 to 128 characters, no composition rules, as NIST SP 800-63B
    advises), being one of 20,000 common passwords, or being the account's own email or phone."""
    if len(password) < PASSWORD_MIN_LENGTH:
        return _("Use at least %(count)d characters.", count=PASSWORD_MIN_LENGTH)
    if len(password) > PASSWORD_MAX_LENGTH:
        return _("Use at most %(count)d characters.", count=PASSWORD_MAX_LENGTH)
    if password.lower() in _common_passwords() or password.lower() in {name.lower() for name in login_names if name}:
        return _("This password is too common. Choose one that is harder to guess.")
    return None


def _hasher():
    config = current_app.config
    return PasswordHasher(
        time_cost=config["ARGON2_TIME_COST"], memory_cost=config["ARGON2_MEMORY_KIB"], parallelism=config["ARGON2_PARALLELISM"]
    )


def hash_password(password):
    return _hasher().hash(password)


def check_new_password(password, login_names):
    problem = password_problem(password, login_names=login_names)
    if problem:
        raise InvalidRequest("password", problem)


def find_by_login(login):
    """The account whose email or phone this is (both already normalized by the schema)."""
    return db.session.scalar(select(Account).where(or_(Account.email == login, Account.phone == login)))


def _check_login_free(*, email, phone):
    for field, value in (("email", email), ("phone", phone)):
        if value and find_by_login(value):
            raise taken(f"uq_account_{field}")


def sign_up_job_seeker(*, fields):
    """A job seeker's own account and a profile with their name, created together; the profile is filled in a step at
    a time afterwards (services/profile_setup.py), and belongs to its province's centre once it has a ward."""
    from jobmatch.services import profile_setup

    password = fields.pop("password")
    email, phone = fields.pop("email", None), fields.get("phone")
    # The password's rules first: refusing a short password after "this email has an account" would let anyone ask
    # whether an address has an account without creating one.
    check_new_password(password, (email, phone))
    _check_login_free(email=email, phone=phone)
    job_seeker = profile_setup.new_own_profile(fields=fields)
    account = Account(role="job_seeker", email=email, phone=phone, password_hash=hash_password(password),
                      display_name=job_seeker.full_name, job_seeker=job_seeker)
    db.session.add(account)
    commit()
    return account


def sign_up_employer(*, fields):
    """An employer's company and its first account; the company's vacancies stay private until an officer verifies it."""
    password = fields.pop("password")
    email, phone = fields.pop("email"), fields.pop("phone", None)
    contact_name = fields.pop("contact_name")
    check_new_password(password, (email, phone))
    _check_login_free(email=email, phone=phone)
    if db.session.scalar(select(Employer.id).where(Employer.tax_code == fields["tax_code"])):
        raise taken("uq_employer_tax_code")
    employer = Employer(verified=False, **fields)
    account = Account(role="employer", email=email, phone=phone, password_hash=hash_password(password),
                      display_name=contact_name, employer=employer)
    db.session.add(account)
    commit()
    return account


def create_staff_account(*, actor, fields):
    """An officer (of one centre) or an administrator, created by an administrator."""
    authorize(actor, "account.manage_staff")
    password = fields.pop("password")
    check_new_password(password, (fields["email"], fields.get("phone")))
    _check_login_free(email=fields["email"], phone=fields.get("phone"))
    if fields["role"] == "officer" and not fields.get("centre_id"):
        raise InvalidRequest("centre_id", _("An officer belongs to a centre."))
    if fields["role"] == "admin" and fields.get("centre_id"):
        raise InvalidRequest("centre_id", _("Administrators do not belong to a centre."))
    if fields.get("centre_id") and db.session.get(Centre, fields["centre_id"]) is None:
        raise InvalidRequest("centre_id", _("There is no such centre."))
    # The administrator chose this password: the person chooses their own at their first sign-in.
    account = Account(password_hash=hash_password(password), must_change_password=True, **fields)
    db.session.add(account)
    commit()
    return account


def create_first_admin(*, email, name, password):
    """An administrator created from the command line, where nobody is signed in yet (operators only)."""
    email = email.strip().lower()
    _check_login_free(email=email, phone=None)
    check_new_password(password, (email,))
    account = Account(role="admin", email=email, display_name=name, password_hash=hash_password(password))
    db.session.add(account)
    commit()
    return account


# Verifying against this when no account matches takes as long as a real check, so timing does not tell who has an account.
_ABSENT_ACCOUNT_HASH = None


def _password_guesses(account, login):
    """Whose password a guess is at, for the throttle: the account, whichever of its logins is typed; a login that
    has no account is throttled by itself, just the same."""
    return ("password", f"account:{account.id}" if account else f"login:{login}")


def locked_message(account):
    """What a locked account is told once its password is right: that it is locked, and whom to ask."""
    centre = account.job_seeker.centre if account.job_seeker is not None else account.centre
    if centre is not None and account.role != "officer":
        return _("This account is locked. Contact %(centre)s to unlock it.", centre=centre.name)
    return _("This account is locked. Contact the site's administrators to unlock it.")


def authenticate(*, login, password):
    """The account for this login and password, or None. Every attempt is audited and counted per account (a few
    free, then waits that double: TooManyAttempts); a hash made with older parameters is replaced by one with the
    current parameters. A locked account with the right password is refused with InvalidRequest saying whom to ask."""
    global _ABSENT_ACCOUNT_HASH
    hasher = _hasher()
    account = find_by_login(login)
    throttle.begin_guess(*_password_guesses(account, login))
    try:
        if account is None:
            _ABSENT_ACCOUNT_HASH = _ABSENT_ACCOUNT_HASH or hasher.hash(secrets.token_hex(16))
            hasher.verify(_ABSENT_ACCOUNT_HASH, password)
            raise VerificationError()
        hasher.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        audit.record(action="sign_in_failed", actor=account, subject_type="account", subject_id=getattr(account, "id", None))
        commit()
        return None
    if account.disabled:
        # Only after the right password, so that this tells nothing to someone guessing at accounts.
        audit.record(action="sign_in_failed", actor=account, subject_type="account", subject_id=account.id)
        commit()
        raise InvalidRequest("login", locked_message(account))
    throttle.guessed_right(*_password_guesses(account, login))
    if hasher.check_needs_rehash(account.password_hash):
        account.password_hash = hasher.hash(password)
    account.last_sign_in_at = utc_now()
    audit.record(action="sign_in", actor=account, subject_type="account", subject_id=account.id)
    commit()
    return account


def end_access(account):
    """Every session cookie of the account stops working at its next request, and every API token now (for good: a
    token revoked here stays revoked when the account is enabled again)."""
    account.session_version += 1
    db.session.execute(
        update(ApiToken).where(ApiToken.account_id == account.id, ApiToken.revoked_at.is_(None)).values(revoked_at=utc_now())
    )


def end_sessions(*, account):
    """Sign out everywhere: every session and every API token of this account stop working."""
    end_access(account)
    audit.record(action="sign_out", actor=account, subject_type="account", subject_id=account.id)
    commit()


def change_password(*, account, current_password, new_password):
    """A new password, given the current one; every other session of the account ends, and every API token. A wrong
    current password counts as a guess at it, like a failed sign-in (one throttle for both)."""
    guesses = _password_guesses(account, None)
    throttle.begin_guess(*guesses)
    try:
        _hasher().verify(account.password_hash, current_password)
    except (VerificationError, InvalidHashError):
        raise InvalidRequest("current_password", _("The current password is not correct.")) from None
    throttle.guessed_right(*guesses)
    check_new_password(new_password, (account.email, account.phone))
    account.password_hash = hash_password(new_password)
    account.must_change_password = False
    end_access(account)
    audit.record(action="password_changed", actor=account, subject_type="account", subject_id=account.id)
    commit()


def set_disabled(*, actor, account_id, disabled, reason=None):
    """An administrator locks (or restores) an account, giving the reason for a lock (kept for administrators);
    locking ends its sessions and revokes its API tokens, which restoring it does not bring back. Nobody locks
    themselves out."""
    authorize(actor, "account.manage_staff")
    account = find_for(actor, Account, account_id)
    if disabled and not reason:
        raise InvalidRequest("reason", _("Say why the account is locked."))
    if disabled and account.id == actor.id:
        raise InvalidRequest("disabled", _("You cannot lock your own account."))
    account.disabled, account.disabled_reason = disabled, reason if disabled else None
    end_access(account)
    audit.record(action="account_disabled" if disabled else "account_enabled", actor=actor, subject_type="account", subject_id=account.id)
    commit()
    return account


def account_to_manage(*, actor, account_id):
    """An account as an administrator sees it before locking it."""
    authorize(actor, "account.manage_staff")
    return find_for(actor, Account, account_id)


def set_notification_channel(*, account, notify_by):
    """How the person hears of what happened besides the site: one of the channels configured here, for which the
    account has the address (email needs an email address, SMS a phone number)."""
    reachable = {"site": True, "email": bool(account.email), "sms": bool(account.phone)}
    if notify_by not in messaging.channels_offered() or not reachable[notify_by]:
        raise InvalidRequest("notify_by", _("This way of sending is not available for your account."))
    account.notify_by = notify_by
    commit()


def list_staff_accounts(*, actor, size=None, after=None):
    """Officer and administrator accounts, page by page (services/person_search.py finds any account)."""
    authorize(actor, "account.manage_staff")
    return keyset_page(select(Account).where(Account.role.in_(("officer", "admin"))), list_name="staff_accounts",
                       order=[(Account.role, "asc"), (Account.id, "asc")], size=size, after=after)


def create_api_token(*, actor, name):
    """A new bearer token, valid API_TOKEN_LIFETIME_DAYS; the token itself is returned once and only its hash is kept."""
    authorize(actor, "api_token.manage")
    token = "jm_" + secrets.token_urlsafe(32)
    now = utc_now()
    api_token = ApiToken(account_id=actor.id, name=name, token_hash=token_hash(token), created_at=now,
                         expires_at=now + timedelta(days=current_app.config["API_TOKEN_LIFETIME_DAYS"]))
    db.session.add(api_token)
    audit.record(action="token_created", actor=actor, subject_type="api_token")
    commit()
    return api_token, token


def list_api_tokens(*, actor):
    """The account's tokens that still work (neither revoked nor expired); none for a role the API does not serve."""
    if not can(actor, "api_token.manage"):
        return []
    return db.session.scalars(
        select(ApiToken)
        .where(ApiToken.account_id == actor.id, ApiToken.revoked_at.is_(None), ApiToken.expires_at > utc_now())
        .order_by(ApiToken.id)
    ).all()


def revoke_api_token(*, actor, token_id):
    authorize(actor, "api_token.manage")
    api_token = db.session.get(ApiToken, token_id)
    if api_token is None or api_token.account_id != actor.id:
        raise InvalidRequest("token_id", _("There is no such token."))
    api_token.revoked_at = utc_now()
    audit.record(action="token_revoked", actor=actor, subject_type="api_token", subject_id=api_token.id)
    commit()


def account_for_token(token):
    """The active account that holds this bearer token, or None: the token is not revoked, has not expired, and its
    account is enabled and of a role the API serves."""
    now = utc_now()
    api_token = db.session.scalar(
        select(ApiToken).where(ApiToken.token_hash == token_hash(token), ApiToken.revoked_at.is_(None), ApiToken.expires_at > now)
    )
    if api_token is None or api_token.account.disabled or not can(api_token.account, "api_token.manage"):
        return None
    if api_token.last_used_at is None or now - api_token.last_used_at > TOKEN_USE_RESOLUTION:
        api_token.last_used_at = now
        commit()
    return api_token.account


TOKEN_USE_RESOLUTION = timedelta(hours=1)  # "last used" is kept to the hour: no write on every API call


def claim_profile(*, fields):
    """A person registered at a centre takes over their profile with the citizen ID and the code the officer gave them,
    before the code expires. Every refusal reads the same, so that trying codes tells nothing about who is registered."""
    from jobmatch.services import job_seeker as job_seeker_service

    password = fields.pop("password")
    email, phone = fields.get("email"), fields.get("phone")
    # Guesses at the code are counted per citizen ID, whether or not a profile waits under it.
    guesses = ("claim_code", fields["citizen_id"])
    throttle.begin_guess(*guesses)
    job_seeker = db.session.scalar(select(JobSeeker).where(JobSeeker.citizen_id == fields["citizen_id"]))
    if job_seeker is None or not job_seeker_service.claim_code_matches(job_seeker, fields["claim_code"]):
        no_match = _("This citizen ID and code do not match a profile waiting to be claimed.")
        renewal = _("A code works for %(days)d days; the centre that registered you can give you a new one.",
                    days=current_app.config["CLAIM_CODE_LIFETIME_DAYS"])
        raise InvalidRequest("claim_code", f"{no_match} {renewal}")
    throttle.guessed_right(*guesses)
    check_new_password(password, (email, phone))
    _check_login_free(email=email, phone=phone)
    job_seeker.claim_code_hash = job_seeker.claim_code_expires_at = None
    if phone:
        job_seeker.phone = phone
    account = Account(role="job_seeker", email=email, phone=phone, password_hash=hash_password(password),
                      display_name=job_seeker.full_name, job_seeker=job_seeker)
    db.session.add(account)
    commit()
    return account


def revoke_presented_token(*, actor, token):
    """Revoke the bearer token an API client presents (it can only be its own)."""
    authorize(actor, "api_token.manage")
    api_token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(token)))
    revoke_api_token(actor=actor, token_id=api_token.id if api_token else -1)
