"""Consent records: what a job seeker agreed to, in which wording, and when it was given or withdrawn."""
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, and_, or_
from sqlalchemy.orm import Mapped, mapped_column

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now

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


def consent_in_force(purpose=None):
    """SQL condition: a consent record not withdrawn, in the wording now in force (for one purpose, or any)."""
    wordings = [
        and_(Consent.purpose == name, Consent.version == version)
        for name, version in CONSENT_PURPOSES.items()
        if purpose is None or name == purpose
    ]
    return and_(Consent.withdrawn_at.is_(None), or_(*wordings))
