"""Invitations to apply (an employer to an anonymous candidate) and referral requests (an officer to the person's own
centre): each a question the person, or the person's centre, answers; only an answer yes opens the full profile."""
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now

INVITATION_STATUSES = ("open", "accepted", "declined")
REFERRAL_REQUEST_STATUSES = ("open", "referred", "declined")


class Invitation(db.Model):
    """One per person and vacancy, ever: a person who declined is not asked again for the same vacancy."""

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id", ondelete="CASCADE"), index=True)
    job_seeker_id: Mapped[int] = mapped_column(ForeignKey("job_seeker.id", ondelete="CASCADE"), index=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"), index=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    message: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(10), default="open")
    created_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    answered_at: Mapped[datetime | None] = mapped_column()
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id", ondelete="SET NULL"))

    vacancy = relationship("Vacancy", lazy="joined")
    job_seeker = relationship("JobSeeker")

    __table_args__ = (
        UniqueConstraint("vacancy_id", "job_seeker_id"),
        CheckConstraint(f"status IN {INVITATION_STATUSES}", name="status"),
    )


class ReferralRequest(db.Model):
    """An officer of another centre asks the person's centre to refer them to a vacancy; that centre decides."""

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id", ondelete="CASCADE"), index=True)
    job_seeker_id: Mapped[int] = mapped_column(ForeignKey("job_seeker.id", ondelete="CASCADE"), index=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"), index=True)  # the person's centre, which decides
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    message: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(10), default="open")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    answered_at: Mapped[datetime | None] = mapped_column()
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id", ondelete="SET NULL"))

    vacancy = relationship("Vacancy", lazy="joined")
    job_seeker = relationship("JobSeeker", lazy="joined")

    __table_args__ = (
        UniqueConstraint("vacancy_id", "job_seeker_id"),
        CheckConstraint(f"status IN {REFERRAL_REQUEST_STATUSES}", name="status"),
    )
