"""Candidate lists shown: one row per list (who, which vacancy, how many, when) and one per person an employer was
shown on a day, which the daily cap counts."""
from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now


class CandidateListView(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"), index=True)
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"))  # None: an officer
    vacancy_id: Mapped[int | None] = mapped_column(ForeignKey("vacancy.id", ondelete="SET NULL"))
    shown: Mapped[int] = mapped_column(Integer)  # how many candidates the list showed


class CandidateExposure(db.Model):
    """A person shown to an employer on a day (Vietnam's): distinct people per employer per day are capped."""

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column()
    job_seeker_id: Mapped[int] = mapped_column(ForeignKey("job_seeker.id", ondelete="CASCADE"))

    __table_args__ = (UniqueConstraint("employer_id", "day", "job_seeker_id"),)
