"""Job-fair sessions (phiên giao dịch việc làm) run by a centre, with the employers and vacancies taking part."""
from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, String, Table
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
