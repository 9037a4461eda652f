"""The notification outbox: messages to users, delivered by the scheduler (email when configured, else shown on their page)."""
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now


class Notification(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    # What happened and its details (never sensitive data); the words are chosen when shown, in the reader's language.
    kind: Mapped[str] = mapped_column(String(30))
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    link: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    delivered_at: Mapped[datetime | None] = mapped_column(index=True)
    channel: Mapped[str | None] = mapped_column(String(5))  # "email", or "page" when no mail server is configured
    read_at: Mapped[datetime | None] = mapped_column()
