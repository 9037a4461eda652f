"""The training demand survey: a centre's dated campaign, the training job seekers say they want and the skills
employers say they will need."""
from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now


class DemandSurvey(db.Model):
    """A campaign: answers are taken from its first to its last day (both included)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column()
    ends_on: Mapped[date] = mapped_column()
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    centre = relationship("Centre", lazy="joined")

    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="dates"),)


class TrainingWish(db.Model):
    """A job seeker's answer: the occupation they want to train for, from when, and how far they can travel to a course.
    One per person and occupation in a survey (answering again changes it)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("demand_survey.id", ondelete="CASCADE"), index=True)
    job_seeker_id: Mapped[int] = mapped_column(ForeignKey("job_seeker.id", ondelete="CASCADE"), index=True)
    isco_code: Mapped[str] = mapped_column(ForeignKey("isco_group.code"))
    ward_code: Mapped[str | None] = mapped_column(ForeignKey("ward.code"))  # where the person lived when answering
    wanted_from: Mapped[date] = mapped_column()
    travel_km: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    __table_args__ = (UniqueConstraint("survey_id", "job_seeker_id", "isco_code"),)


class SkillNeed(db.Model):
    """An employer's answer: how many workers of an occupation it will need, and from when. One per employer and
    occupation in a survey (answering again changes it)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("demand_survey.id", ondelete="CASCADE"), index=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"), index=True)
    isco_code: Mapped[str] = mapped_column(ForeignKey("isco_group.code"))
    ward_code: Mapped[str | None] = mapped_column(ForeignKey("ward.code"))  # the employer's, when answering
    workers: Mapped[int] = mapped_column(Integer)
    needed_from: Mapped[date] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    __table_args__ = (
        UniqueConstraint("survey_id", "employer_id", "isco_code"),
        CheckConstraint("workers > 0", name="workers"),
    )
