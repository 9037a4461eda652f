"""Consent records: what a job seeker agreed to, in which wording, and when it was given or withdrawn."""
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, and_, or_
from sqlalchemy.orm import Mapped, mapped_column

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now

# The wording's version: a new wording asks again, and a consent to an older wording no longer counts.
# show_profile: the full profile to the employers the person applies or is referred to; anonymous_listing: an anonymous
# profile in verified employers' candidate lists (a purpose of its own, so nobody had it before it was asked for).
CONSENT_PURPOSES = {"show_profile": 1, "priority_ranking": 1, "anonymous_listing": 1}


class Consent(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    job_seeker_id: Mapped[int] = mapped_column(ForeignKey("job_seeker.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer)
    given_at: Mapped[datetime] = mapped_column(default=utc_now)
    withdrawn_at: Mapped[datetime | None] = mapped_column()
    # Who gave and who withdrew it: the person, or an officer on their behalf (None: the person, before this was kept)
    given_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))

    __table_args__ = (CheckConstraint(f"purpose IN {tuple(CONSENT_PURPOSES)}", name="purpose"),)


def consent_in_force(purpose=None):
    """SQL condition: a consent record not withdrawn, in the wording now in force (for one purpose, or any)."""
    wordings = [
        and_(Consent.purpose == name, Consent.version == version)
        for name, version in CONSENT_PURPOSES.items()
        if purpose is None or name == purpose
    ]
    return and_(Consent.withdrawn_at.is_(None), or_(*wordings))
