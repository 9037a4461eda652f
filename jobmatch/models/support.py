"""Support schemes (versioned by the day their legal text took effect) and the claims officers record under them: one
item paid for one worker, on a receipt, approved, then paid through the centre's payment list."""
from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now

SCHEME_KINDS = ("overseas", "training")  # what a claim under the scheme is attached to
CLAIM_STATUSES = ("pending", "approved", "paid", "cancelled")


class SupportScheme(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    applies_to: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    versions = relationship("SupportSchemeVersion", order_by="SupportSchemeVersion.valid_from", back_populates="scheme",
                            lazy="selectin")

    __table_args__ = (CheckConstraint(f"applies_to IN {SCHEME_KINDS}", name="applies_to"),)


class SupportSchemeVersion(db.Model):
    """One version of a scheme's rules, in force from valid_from until the next version's day; never changed afterwards,
    so a claim can always be explained by the rules it was judged under. rules: see jobmatch.rules.support."""

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("support_scheme.id", ondelete="CASCADE"), index=True)
    valid_from: Mapped[date] = mapped_column()
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    rules: Mapped[dict] = mapped_column(JSON)  # {categories, programmes, items}
    sources: Mapped[str] = mapped_column(Text, default="")
    unconfirmed: Mapped[str] = mapped_column(Text, default="")  # what could not be confirmed, shown wherever it is used
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    scheme = relationship("SupportScheme", back_populates="versions", lazy="joined")

    __table_args__ = (UniqueConstraint("scheme_id", "valid_from"),)


class SupportClaim(db.Model):
    """One item of support claimed for one worker on one receipt, judged by the version in force on the claim's day."""

    id: Mapped[int] = mapped_column(primary_key=True)
    job_seeker_id: Mapped[int] = mapped_column(ForeignKey("job_seeker.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("overseas_case.id", ondelete="CASCADE"), index=True)
    enrolment_id: Mapped[int | None] = mapped_column(ForeignKey("enrolment.id", ondelete="CASCADE"), index=True)  # training
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"), index=True)
    scheme_version_id: Mapped[int] = mapped_column(ForeignKey("support_scheme_version.id"))
    item: Mapped[str] = mapped_column(String(30))
    quantity: Mapped[int] = mapped_column(Integer, default=1)  # days or months for items paid per day or month
    amount_vnd: Mapped[int] = mapped_column(BigInteger)
    cap_vnd: Mapped[int | None] = mapped_column(BigInteger)  # the cap for the units claimed, as judged (None: as charged)
    claimed_on: Mapped[date] = mapped_column(index=True)
    receipt_number: Mapped[str] = mapped_column(String(60))
    receipt_date: Mapped[date] = mapped_column()
    receipt_issuer: Mapped[str] = mapped_column(String(200))
    document_seen: Mapped[str] = mapped_column(String(300))
    # For a scheme that requires it (training, Circular 152/2016): what showed the training leads to work.
    commitment: Mapped[str | None] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    approved_on: Mapped[date | None] = mapped_column(index=True)
    paid_on: Mapped[date | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    job_seeker = relationship("JobSeeker", lazy="joined")
    case = relationship("OverseasCase", lazy="select")
    scheme_version = relationship("SupportSchemeVersion", lazy="joined")

    __table_args__ = (
        CheckConstraint(f"status IN {CLAIM_STATUSES}", name="status"),
        CheckConstraint("amount_vnd > 0 AND quantity > 0", name="positive"),
        CheckConstraint("(status IN ('approved', 'paid')) = (approved_on IS NOT NULL)", name="approved_on"),
        CheckConstraint("(status = 'paid') = (paid_on IS NOT NULL)", name="paid_on"),
    )


LOAN_STATUSES = ("prepared", "submitted", "approved", "disbursed", "refused")


class LoanDossier(db.Model):
    """A worker's application for a preferential loan (Bank for Social Policies), prepared by their centre from an
    overseas case with a signed contract, with each condition's verdict on the day it was prepared, then followed
    through the bank's answer."""

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("overseas_case.id", ondelete="CASCADE"), index=True)
    job_seeker_id: Mapped[int] = mapped_column(ForeignKey("job_seeker.id", ondelete="CASCADE"), index=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    amount_vnd: Mapped[int] = mapped_column(BigInteger)  # asked for
    costs_vnd: Mapped[int] = mapped_column(BigInteger)  # what the worker pays before departure under the contract
    term_months: Mapped[int] = mapped_column(Integer)
    bank_branch: Mapped[str] = mapped_column(String(200))
    verdicts: Mapped[list] = mapped_column(JSON)  # [{rule, passed, unconfirmed, detail}] on the day it was prepared
    prepared_on: Mapped[date] = mapped_column()
    status: Mapped[str] = mapped_column(String(10), default="prepared", index=True)
    submitted_on: Mapped[date | None] = mapped_column()
    decided_on: Mapped[date | None] = mapped_column()
    approved_amount_vnd: Mapped[int | None] = mapped_column(BigInteger)
    refusal_reason: Mapped[str | None] = mapped_column(String(300))
    disbursed_on: Mapped[date | None] = mapped_column()
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    case = relationship("OverseasCase", lazy="joined")
    job_seeker = relationship("JobSeeker", lazy="joined")

    __table_args__ = (
        CheckConstraint(f"status IN {LOAN_STATUSES}", name="status"),
        CheckConstraint("kind IN ('decree_338', 'eps_deposit')", name="kind"),
        CheckConstraint("amount_vnd > 0 AND term_months > 0", name="positive"),
    )
