"""Interviews an employer schedules on an application: when, where (a place, an online link or both) and a message.
Rescheduling adds a new interview and marks the one it replaces, so the person and the employer see every change."""
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now


class Interview(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime] = mapped_column()  # UTC, shown in Vietnam's time
    place: Mapped[str | None] = mapped_column(String(300))
    online_link: Mapped[str | None] = mapped_column(String(500))
    message: Mapped[str | None] = mapped_column(String(1000))
    scheduled_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    replaced_at: Mapped[datetime | None] = mapped_column()  # None: the interview in force

    __table_args__ = (CheckConstraint("place IS NOT NULL OR online_link IS NOT NULL", name="where"),)
