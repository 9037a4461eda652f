"""Vocational training: the providers a centre works with, their courses, the people enrolled in them with their
certificates, and whether each trained worker was in work 3 and 6 months after completing the course."""
from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now

LENGTH_UNITS = ("day", "month")
ENROLMENT_SOURCES = ("self", "officer")
FOLLOW_UP_MONTHS = (3, 6)


class TrainingProvider(db.Model):
    """A school, a vocational-training centre or an employer that trains: recorded by a centre's officers."""

    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    ward_code: Mapped[str] = mapped_column(ForeignKey("ward.code"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    ward = relationship("Ward", lazy="joined")

    __table_args__ = (UniqueConstraint("centre_id", "name"),)


class TrainingCourse(db.Model):
    """A course a provider runs for one occupation (an ISCO-08 unit group): open for enrolment until the day it starts."""

    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"), index=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("training_provider.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    isco_code: Mapped[str] = mapped_column(ForeignKey("isco_group.code"), index=True)
    length_value: Mapped[int] = mapped_column(Integer)
    length_unit: Mapped[str] = mapped_column(String(5))
    starts_on: Mapped[date] = mapped_column(index=True)
    ends_on: Mapped[date] = mapped_column()
    ward_code: Mapped[str] = mapped_column(ForeignKey("ward.code"))
    seats: Mapped[int] = mapped_column(Integer)
    cost_vnd: Mapped[int] = mapped_column(BigInteger)  # per person; 0 when free
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    provider = relationship("TrainingProvider", lazy="joined")
    occupation = relationship("IscoGroup", lazy="joined")
    ward = relationship("Ward", lazy="joined")
    centre = relationship("Centre", lazy="joined")
    enrolments = relationship("Enrolment", back_populates="course", order_by="Enrolment.id", lazy="select")

    __table_args__ = (
        CheckConstraint(f"length_unit IN {LENGTH_UNITS}", name="length_unit"),
        CheckConstraint("length_value > 0 AND seats > 0 AND cost_vnd >= 0", name="positive"),
        CheckConstraint("ends_on >= starts_on", name="dates"),
    )


class Enrolment(db.Model):
    """A person's place on a course, taken by the person or by an officer of their centre; completed with a certificate."""

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("training_course.id", ondelete="CASCADE"), index=True)
    job_seeker_id: Mapped[int] = mapped_column(ForeignKey("job_seeker.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(10))
    enrolled_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    enrolled_at: Mapped[datetime] = mapped_column(default=utc_now)
    completed_on: Mapped[date | None] = mapped_column()
    certificate_number: Mapped[str | None] = mapped_column(String(60))
    certificate_date: Mapped[date | None] = mapped_column()
    completion_recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))

    course = relationship("TrainingCourse", back_populates="enrolments", lazy="joined")
    job_seeker = relationship("JobSeeker", lazy="joined")
    follow_ups = relationship("TrainingFollowUp", order_by="TrainingFollowUp.months", cascade="all, delete-orphan",
                              lazy="selectin")

    __table_args__ = (
        UniqueConstraint("course_id", "job_seeker_id"),
        CheckConstraint(f"source IN {ENROLMENT_SOURCES}", name="source"),
        CheckConstraint("(completed_on IS NULL) = (certificate_number IS NULL)", name="certificate"),
    )


class TrainingFollowUp(db.Model):
    """Whether a trained worker was in work 3 or 6 months after completing the course, as an officer found out."""

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolment.id", ondelete="CASCADE"), index=True)
    months: Mapped[int] = mapped_column(Integer)
    working: Mapped[bool] = mapped_column(Boolean)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)

    __table_args__ = (
        UniqueConstraint("enrolment_id", "months"),
        CheckConstraint(f"months IN {FOLLOW_UP_MONTHS}", name="months"),
    )
