"""Overseas contract programmes (versioned stages, eligibility rules and fee caps), the cases that carry one worker
through a programme's stages, and workers' reports about placement agencies."""
from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint, select, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now

# A case is active until it reaches its programme's last stage (completed) or an officer closes it with a reason.
CASE_STATUSES = ("active", "completed", "closed")
CLOSE_REASONS = ("failed", "withdrew", "lapsed", "overstayed", "other")  # an officer's choices
# Besides an officer's reasons, a case still open when its worker deletes their account is closed as "deleted".
CASE_CLOSE_REASONS = (*CLOSE_REASONS, "deleted")
# What statistics count: a stage of kind "departure" is the worker leaving, "return" their return on time.
STAGE_KINDS = ("step", "departure", "return")
# What a worker may pay for an overseas placement, disclosed item by item on each vacancy.
FEE_KINDS = ("service", "training", "travel", "visa_health", "deposit", "other")
REPORT_KINDS = ("fee_above_cap", "undisclosed_fee", "brokerage_fee", "false_promise", "documents_withheld", "unlicensed", "other")


class Programme(db.Model):
    """A programme's identity; what it asks and how it runs lives in its versions, the last of which is in force."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)  # e.g. "EPS", "TITP", "SSW", "TW"
    destination_country: Mapped[str] = mapped_column(String(2))  # ISO 3166-1 alpha-2
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    versions = relationship("ProgrammeVersion", order_by="ProgrammeVersion.number", back_populates="programme", lazy="select")

    @property
    def current(self):
        return self.versions[-1]


def programme_ages(code):
    """The (minimum, maximum) age the programme's rules in force set, or None: no such programme, or no age rule."""
    programme = db.session.scalar(select(Programme).where(Programme.code == code)) if code else None
    if programme is None or not programme.versions:
        return None
    ages = tuple(age for age in (programme.current.rules.get("min_age"), programme.current.rules.get("max_age")) if age is not None)
    return ages or None


class ProgrammeVersion(db.Model):
    """One edit of a programme, never changed afterwards, so a decision taken under it can still be explained.

    stages: [{code, name_vi, name_en, kind, due_days, lapses, contract}] in path order.
    rules: {min_age, max_age, language: {language, certificate, min_level} | None, health_check_months, no_overstay,
            area_bans: [{province_code | ward_code, starts_on, ends_on, reason}],
            service_fee_months_per_year, service_fee_max_months}
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    sectors: Mapped[list] = mapped_column(JSON, default=list)
    stages: Mapped[list] = mapped_column(JSON)
    rules: Mapped[dict] = mapped_column(JSON)
    sources: Mapped[str] = mapped_column(Text, default="")  # where the rules come from: laws, circulars, official pages
    note: Mapped[str] = mapped_column(String(300), default="")  # what this edit changed and why
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    programme = relationship("Programme", back_populates="versions", lazy="joined")

    __table_args__ = (UniqueConstraint("programme_id", "number"),)

    def stage(self, code):
        return next((stage for stage in self.stages if stage["code"] == code), None)


class OverseasCase(db.Model):
    """One worker's way through one programme, along the path of the version it was opened under."""

    id: Mapped[int] = mapped_column(primary_key=True)
    job_seeker_id: Mapped[int] = mapped_column(ForeignKey("job_seeker.id", ondelete="CASCADE"), index=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    programme_version_id: Mapped[int] = mapped_column(ForeignKey("programme_version.id"))
    stage: Mapped[str] = mapped_column(String(30))
    stage_entered_on: Mapped[date] = mapped_column()
    status: Mapped[str] = mapped_column(String(10), default="active", index=True)
    close_reason: Mapped[str | None] = mapped_column(String(12))
    closed_on: Mapped[date | None] = mapped_column()
    # Each rule's verdict when the case was opened, with the version that held it.
    eligibility: Mapped[list] = mapped_column(JSON, default=list)
    # Recorded at the programme's contract stage: the agency, the terms, and the service fee the worker actually paid.
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("employer.id", ondelete="SET NULL"))
    contract_months: Mapped[int | None] = mapped_column(Integer)
    monthly_salary_vnd: Mapped[int | None] = mapped_column(BigInteger)
    service_fee_paid_vnd: Mapped[int | None] = mapped_column(BigInteger)
    service_fee_cap_vnd: Mapped[int | None] = mapped_column(BigInteger)  # the programme's cap for these terms
    # The stage whose approaching or passed deadline the worker was last told of ("soon:<stage>" or "passed:<stage>"),
    # so each is told once; officers see the deadlines on their centre's list of cases.
    deadline_notice_stage: Mapped[str | None] = mapped_column(String(40))
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    job_seeker = relationship("JobSeeker", lazy="joined")
    programme = relationship("Programme", lazy="joined")
    programme_version = relationship("ProgrammeVersion", lazy="joined")
    agency = relationship("Employer", lazy="select")
    events = relationship("OverseasCaseEvent", order_by="OverseasCaseEvent.id", lazy="select",
                          cascade="all, delete-orphan", passive_deletes=True)

    __table_args__ = (
        # One open case per worker and programme, even when two officers open it at once.
        Index("uq_overseas_case_job_seeker_id", "job_seeker_id", "programme_id", unique=True,
              sqlite_where=text("status = 'active'"), postgresql_where=text("status = 'active'")),
        CheckConstraint(f"status IN {CASE_STATUSES}", name="status"),
        CheckConstraint(f"close_reason IS NULL OR close_reason IN {CASE_CLOSE_REASONS}", name="close_reason"),
        CheckConstraint("(status = 'closed') = (close_reason IS NOT NULL)", name="closed_with_reason"),
    )
    __mapper_args__ = {"version_id_col": version}


class OverseasCaseEvent(db.Model):
    """A stage reached (or the case closed), on which day, on which document, recorded by whom."""

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("overseas_case.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(30))  # the stage reached, or "closed"
    stage_kind: Mapped[str] = mapped_column(String(10))  # the stage's kind then, or "closed"
    happened_on: Mapped[date] = mapped_column(index=True)
    document: Mapped[str] = mapped_column(String(300))  # e.g. "Giấy báo điểm EPS-TOPIK số 123/2026"
    close_reason: Mapped[str | None] = mapped_column(String(12))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)


class AgencyReport(db.Model):
    """A worker's report about a placement agency (an unlawful fee, a false promise, …), for officers to follow up."""

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"), index=True)
    # The reporter; kept when they delete their account (their profile is emptied, the report stays).
    job_seeker_id: Mapped[int | None] = mapped_column(ForeignKey("job_seeker.id", ondelete="SET NULL"), index=True)
    vacancy_id: Mapped[int | None] = mapped_column(ForeignKey("vacancy.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))
    fee_paid_vnd: Mapped[int | None] = mapped_column(BigInteger)
    description: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None] = mapped_column()
    review_note: Mapped[str | None] = mapped_column(String(500))

    employer = relationship("Employer", lazy="joined")
    job_seeker = relationship("JobSeeker", lazy="joined")
    vacancy = relationship("Vacancy", lazy="joined")

    __table_args__ = (CheckConstraint(f"kind IN {REPORT_KINDS}", name="kind"),)
