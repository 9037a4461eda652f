"""Runs of scheduled jobs: one row per (job, period), claimed before the work starts, so no period is done twice."""
from datetime import datetime

from sqlalchemy import CheckConstraint, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, synonym

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now

OUTCOMES = ("running", "succeeded", "failed")


class JobRun(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    job: Mapped[str] = mapped_column(String(40))
    period: Mapped[str] = mapped_column(String(20))  # e.g. "2026-11-28" for a daily job
    outcome: Mapped[str] = mapped_column(String(10), default="running")
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    started_at: Mapped[datetime] = mapped_column(default=utc_now)
    # While the run is "running", finished_at is its heartbeat: when its process last said it was alive (the table has
    # no column of its own for it). Once the run has ended, it is when it ended.
    finished_at: Mapped[datetime | None] = mapped_column()
    heartbeat_at = synonym("finished_at")
    detail: Mapped[str | None] = mapped_column(String(500))  # what the run did, e.g. "closed=29"
    error: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("job", "period"),
        CheckConstraint(f"outcome IN {OUTCOMES}", name="outcome"),
    )
