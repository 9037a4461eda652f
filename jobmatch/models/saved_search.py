"""Saved searches of job seekers, and the vacancies each has already alerted them to (never twice)."""
from datetime import datetime

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now

# "search": the arguments of a vacancy search; "matches": the vacancies that fit the person's profile.
SAVED_SEARCH_KINDS = ("search", "matches")


class SavedSearch(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    job_seeker_id: Mapped[int] = mapped_column(ForeignKey("job_seeker.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(100))
    criteria: Mapped[dict] = mapped_column(JSON, default=dict)  # the search's arguments as given, validated when saved
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The token of the one-click unsubscribe link in every alert; the link needs no sign-in.
    unsubscribe_token: Mapped[str] = mapped_column(String(43), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    checked_until: Mapped[datetime] = mapped_column(default=utc_now)  # vacancies posted after this are new

    __table_args__ = (CheckConstraint(f"kind IN {SAVED_SEARCH_KINDS}", name="kind"),)


class SavedSearchAlert(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    saved_search_id: Mapped[int] = mapped_column(ForeignKey("saved_search.id", ondelete="CASCADE"))
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id", ondelete="CASCADE"), index=True)
    sent_at: Mapped[datetime] = mapped_column(default=utc_now)

    __table_args__ = (UniqueConstraint("saved_search_id", "vacancy_id"),)
