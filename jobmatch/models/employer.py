"""Employers, including licensed overseas-placement agencies."""
from datetime import date, datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now


class Employer(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    tax_code: Mapped[str] = mapped_column(String(14), unique=True)
    sector: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[str | None] = mapped_column(String(20))  # "micro", "small", "medium", "large"
    ward_code: Mapped[str | None] = mapped_column(ForeignKey("ward.code"))
    # Verified by a centre officer before its vacancies go public.
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL", use_alter=True))
    verified_at: Mapped[datetime | None] = mapped_column()
    # Overseas-placement agencies: the licence number issued by the Department of Overseas Labour, and its expiry.
    overseas_licence: Mapped[str | None] = mapped_column(String(50))
    overseas_licence_expires: Mapped[date | None] = mapped_column()
    # A public body (the Centre of Overseas Labour, a public employment service centre), marked by an administrator
    # (`flask employers mark-public`): it needs no placement licence, and only such bodies recruit for a programme
    # whose rules say "public_only" (EPS).
    public_body: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    vacancies = relationship("Vacancy", back_populates="employer", lazy="select")
    accounts = relationship("Account", primaryjoin="Account.employer_id == Employer.id", viewonly=True, lazy="select")

    __mapper_args__ = {"version_id_col": version}
