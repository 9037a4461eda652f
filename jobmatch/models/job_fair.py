"""Job-fair sessions (phiên giao dịch việc làm) run by a centre, with the employers and vacancies taking part."""
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now

job_fair_vacancy = Table(
    "job_fair_vacancy",
    db.metadata,
    Column("job_fair_id", ForeignKey("job_fair.id", ondelete="CASCADE"), primary_key=True),
    Column("vacancy_id", ForeignKey("vacancy.id", ondelete="CASCADE"), primary_key=True),
)


class JobFair(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column()
    ward_code: Mapped[str] = mapped_column(ForeignKey("ward.code"))
    venue: Mapped[str] = mapped_column(String(200))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    centre = relationship("Centre", lazy="joined")
    ward = relationship("Ward", lazy="joined")
    # The participating employers are those of the participating vacancies.
    vacancies = relationship("Vacancy", secondary=job_fair_vacancy, lazy="select", order_by="Vacancy.id")


REGISTRATION_KINDS = ("job_seeker", "employer")


class JobFairRegistration(db.Model):
    """A job seeker or an employer taking part in a job fair: registered online or at the door, and whether they came."""

    id: Mapped[int] = mapped_column(primary_key=True)
    job_fair_id: Mapped[int] = mapped_column(ForeignKey("job_fair.id", ondelete="CASCADE"), index=True)
    job_seeker_id: Mapped[int | None] = mapped_column(ForeignKey("job_seeker.id", ondelete="CASCADE"))
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"))
    registered_at: Mapped[datetime] = mapped_column(default=utc_now)
    attended_at: Mapped[datetime | None] = mapped_column()
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))

    job_seeker = relationship("JobSeeker", lazy="joined")
    employer = relationship("Employer", lazy="joined")

    __table_args__ = (
        UniqueConstraint("job_seeker_id", "job_fair_id"),
        UniqueConstraint("employer_id", "job_fair_id"),
        CheckConstraint("(job_seeker_id IS NULL) != (employer_id IS NULL)", name="one_participant"),
    )
