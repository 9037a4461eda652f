"""Consent records: what a job seeker agreed to, in which wording, and when it was given or withdrawn."""
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from jobmatch.extensions import db
from jobmatch.models.clock import utc_now

# The wording's version: a new wording asks again, and a consent to an older wording no longer counts.
CONSENT_PURPOSES = {"show_profile": 1, "priority_ranking": 1}


class Consent(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    job_seeker_id: Mapped[int] = mapped_column(ForeignKey("job_seeker.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer)
    given_at: Mapped[datetime] = mapped_column(default=utc_now)
    withdrawn_at: Mapped[datetime | None] = mapped_column()

    __table_args__ = (CheckConstraint(f"purpose IN {tuple(CONSENT_PURPOSES)}", name="purpose"),)
