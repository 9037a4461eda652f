"""Applications to vacancies, one state machine with every transition kept, and the placements that follow a hire."""
from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now

# The pipeline in order. An application moves to any later stage at once (an employer who hires at the interview does
# not mark every step between), or is rejected or withdrawn on the way; hired, rejected and withdrawn are final. Each
# move is one event from the stage it left, so the history says what was skipped.
PIPELINE = ("submitted", "viewed", "shortlisted", "interviewed", "offered", "hired")
FINAL_STATUSES = ("hired", "rejected", "withdrawn")
TRANSITIONS = {
    **{status: (*PIPELINE[index + 1:], "rejected", "withdrawn") for index, status in enumerate(PIPELINE[:-1])},
    **{status: () for status in FINAL_STATUSES},
}
APPLICATION_STATUSES = tuple(TRANSITIONS)
# An officer confirming a placement may record a hire the employer made without marking every step here: from any
# status past the shortlist, the application becomes hired with the officer's confirmation.
PLACEMENT_FROM = ("shortlisted", "interviewed", "offered", "hired")
REJECTION_REASONS = ("qualifications", "experience", "position_filled", "no_show", "declined_offer", "other")
APPLICATION_SOURCES = ("self", "referral", "job_fair")
FOLLOW_UP_MONTHS = (3, 6)


class Application(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id"), index=True)
    job_seeker_id: Mapped[int] = mapped_column(ForeignKey("job_seeker.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="submitted", index=True)
    source: Mapped[str] = mapped_column(String(10), default="self")
    referred_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    job_fair_id: Mapped[int | None] = mapped_column(ForeignKey("job_fair.id"))
    rejection_reason: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    vacancy = relationship("Vacancy", lazy="joined")
    job_seeker = relationship("JobSeeker", lazy="joined")
    events = relationship(
        "ApplicationEvent", order_by="ApplicationEvent.id", lazy="select", cascade="all, delete-orphan", passive_deletes=True
    )
    interviews = relationship(
        "Interview", order_by="Interview.id", lazy="select", cascade="all, delete-orphan", passive_deletes=True
    )
    placement = relationship("Placement", uselist=False, lazy="select", cascade="all, delete-orphan", passive_deletes=True)

    __table_args__ = (
        UniqueConstraint("vacancy_id", "job_seeker_id"),
        CheckConstraint(f"status IN {APPLICATION_STATUSES}", name="status"),
        CheckConstraint(f"source IN {APPLICATION_SOURCES}", name="source"),
        CheckConstraint(f"rejection_reason IS NULL OR rejection_reason IN {REJECTION_REASONS}", name="rejection_reason"),
        CheckConstraint("source != 'referral' OR referred_by_id IS NOT NULL OR status = 'withdrawn'", name="referral_officer"),
    )
    # Two people moving one application at once: the second gets a conflict instead of overwriting the first.
    __mapper_args__ = {"version_id_col": version}


class ApplicationEvent(db.Model):
    """One transition of an application: from, to, when, by whom (an account; none once that account is deleted)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    at: Mapped[datetime] = mapped_column(default=utc_now)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    reason: Mapped[str | None] = mapped_column(String(20))


class Placement(db.Model):
    """A hire confirmed by a centre officer, followed up at 3 and 6 months."""

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), unique=True)
    hire_date: Mapped[date] = mapped_column(index=True)
    employer_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    confirmed_at: Mapped[datetime] = mapped_column(default=utc_now)

    follow_ups = relationship("PlacementFollowUp", order_by="PlacementFollowUp.months", lazy="select", cascade="all, delete-orphan")


class PlacementFollowUp(db.Model):
    """The latest answer of a 3- or 6-month follow-up (the one the statistics count); earlier answers, when an officer
    corrected it, are kept as its corrections."""

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"), index=True)
    months: Mapped[int] = mapped_column(Integer)
    still_employed: Mapped[bool] = mapped_column(Boolean)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)

    corrections = relationship("PlacementFollowUpCorrection", order_by="PlacementFollowUpCorrection.id", lazy="select",
                               cascade="all, delete-orphan")

    __table_args__ = (
        UniqueConstraint("placement_id", "months"),
        CheckConstraint(f"months IN {FOLLOW_UP_MONTHS}", name="months"),
    )


class PlacementFollowUpCorrection(db.Model):
    """An earlier answer of a follow-up, as it was before an officer corrected it: what, who recorded it and when, and
    who corrected it when."""

    id: Mapped[int] = mapped_column(primary_key=True)
    follow_up_id: Mapped[int] = mapped_column(ForeignKey("placement_follow_up.id", ondelete="CASCADE"), index=True)
    still_employed: Mapped[bool] = mapped_column(Boolean)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column()
    corrected_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    corrected_at: Mapped[datetime] = mapped_column(default=utc_now)
