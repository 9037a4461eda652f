"""Accounts that sign in (job seekers, employers, centre officers, administrators) and the API tokens they hold."""
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now
from jobmatch.rules.person import folded_name

ROLES = ("job_seeker", "employer", "officer", "admin")
NOTIFICATION_CHANNELS = ("site", "email", "sms")


class Account(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(12))
    email: Mapped[str | None] = mapped_column(String(254), unique=True)  # stored lower-cased
    phone: Mapped[str | None] = mapped_column(String(16), unique=True)  # E.164, +84…
    password_hash: Mapped[str] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(120))
    name_folded: Mapped[str] = mapped_column(String(120), default="")  # for administrators' search (rules/person.py)
    centre_id: Mapped[int | None] = mapped_column(ForeignKey("centre.id"), index=True)  # officers
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employer.id"), index=True)
    job_seeker_id: Mapped[int | None] = mapped_column(ForeignKey("job_seeker.id", ondelete="SET NULL"), unique=True)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    # Why an administrator locked the account: kept for the administrators (and in the audit log's action), not shown to
    # the person, who is told whom to contact.
    disabled_reason: Mapped[str | None] = mapped_column(String(300))
    # Set when an administrator chose the password: the person must choose their own before anything else.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    # A password reset code an officer or administrator handed over, for people without email (keyed hash only, like the
    # claim code; single use; see services/password_reset.py).
    reset_code_hash: Mapped[str | None] = mapped_column(String(64))
    reset_code_expires_at: Mapped[datetime | None] = mapped_column()
    # How the person hears of what happened besides the site: "site" (only there), "email" or "sms"; None: email when
    # the account has an address (services/messaging.py).
    notify_by: Mapped[str | None] = mapped_column(String(5))
    # Raised by logout, a password change or disabling: every session cookie carrying an older number stops working.
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    last_sign_in_at: Mapped[datetime | None] = mapped_column()

    centre = relationship("Centre", lazy="joined")
    employer = relationship("Employer", foreign_keys=[employer_id], lazy="select")
    job_seeker = relationship("JobSeeker", foreign_keys=[job_seeker_id], lazy="select")

    __table_args__ = (
        CheckConstraint(f"role IN {ROLES}", name="role"),
        CheckConstraint(f"notify_by IS NULL OR notify_by IN {NOTIFICATION_CHANNELS}", name="notify_by"),
        CheckConstraint("email IS NOT NULL OR phone IS NOT NULL", name="sign_in_name"),
        CheckConstraint("role != 'officer' OR centre_id IS NOT NULL", name="officer_centre"),
        CheckConstraint("role != 'employer' OR employer_id IS NOT NULL", name="employer_company"),
    )

    @validates("display_name")
    def _fold_display_name(self, _key, display_name):
        self.name_folded = folded_name(display_name)
        return display_name

    def get_id(self):
        """Flask-Login keeps this in the session: the version in it ends old sessions when the account's version rises."""
        return f"{self.id}:{self.session_version}"

    @property
    def is_active(self):
        return not self.disabled


class ApiToken(db.Model):
    """A bearer token for API clients; only its SHA-256 is stored, so a database leak does not leak tokens. It works
    until it expires or is revoked (by its owner, a password change, signing out everywhere or disabling the account);
    a revoked token never works again."""

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    expires_at: Mapped[datetime] = mapped_column()
    last_used_at: Mapped[datetime | None] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()

    account = relationship("Account", lazy="joined")
