"""Vacancies posted by employers, at home or abroad."""
from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Boolean, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now
from jobmatch.rules.money import SALARY_CURRENCIES, SALARY_UNITS

EMPLOYMENT_TYPES = ("full_time", "part_time", "seasonal", "contract")
# A vacancy's status and those it may move to: published, then closed (or expired on its deadline) or filled.
# A closed vacancy can be reopened (with a deadline still to come); a filled one is posted again as a copy.
VACANCY_TRANSITIONS = {"draft": ("open",), "open": ("closed", "filled"), "closed": ("open",), "filled": ()}
VACANCY_STATUSES = tuple(VACANCY_TRANSITIONS)
DESTINATION_COUNTRIES = ("KR", "JP", "TW", "DE", "AU")


class Vacancy(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    isco_code: Mapped[str] = mapped_column(ForeignKey("isco_group.code"), index=True)
    # The occupation coder chose isco_code from the title (none was given): the employer confirms it, and the centre's
    # officers review what is still unconfirmed.
    occupation_suggested: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The employer's own reference (its job board's or spreadsheet's id): a batch that sends it again updates this
    # vacancy instead of posting another.
    external_ref: Mapped[str | None] = mapped_column(String(100))
    skills: Mapped[list] = mapped_column(JSON, default=list)
    # The first ward among its places (services/vacancy_place.py keeps it): what statistics and lists by province read.
    ward_code: Mapped[str | None] = mapped_column(ForeignKey("ward.code"), index=True)
    # Pay as stated: per salary_unit (month, day, hour or piece) in salary_currency; searches compare it as đồng a month.
    salary_min: Mapped[int | None] = mapped_column(BigInteger)
    salary_max: Mapped[int | None] = mapped_column(BigInteger)
    salary_unit: Mapped[str] = mapped_column(String(5), CheckConstraint(f"salary_unit IN {SALARY_UNITS}", name="salary_unit"),
                                             default="month", server_default="month")
    salary_currency: Mapped[str] = mapped_column(String(3), CheckConstraint(f"salary_currency IN {SALARY_CURRENCIES}",
                                                 name="salary_currency"), default="VND", server_default="VND")
    salary_negotiable: Mapped[bool] = mapped_column(Boolean, default=False)
    employment_type: Mapped[str] = mapped_column(String(20))
    openings: Mapped[int] = mapped_column(Integer, default=1)
    deadline: Mapped[date] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(10), default="draft", index=True)
    welcomes_priority: Mapped[bool] = mapped_column(Boolean, default=False)
    no_experience_required: Mapped[bool] = mapped_column(Boolean, default=False)
    training_provided: Mapped[bool] = mapped_column(Boolean, default=False)
    is_overseas: Mapped[bool] = mapped_column(Boolean, default=False)
    destination_country: Mapped[str | None] = mapped_column(String(2))  # ISO 3166-1 alpha-2
    programme: Mapped[str | None] = mapped_column(String(20))  # e.g. "EPS", "TITP", "SSW"
    contract_months: Mapped[int | None] = mapped_column(Integer)
    # Every fee the worker pays, item by item ([{"kind": "service", "amount_vnd": …}], kinds in overseas.FEE_KINDS),
    # and their total.
    fees: Mapped[list] = mapped_column(JSON, default=list)
    worker_fees_vnd: Mapped[int | None] = mapped_column(BigInteger)
    language_requirement: Mapped[str | None] = mapped_column(String(100))
    posted_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    employer = relationship("Employer", back_populates="vacancies", lazy="joined")
    occupation = relationship("IscoGroup", lazy="joined")
    ward = relationship("Ward", lazy="joined")
    places = relationship("VacancyPlace", order_by="VacancyPlace.position", cascade="all, delete-orphan", lazy="selectin")

    def is_public(self):
        """Shown to everyone: published (not a draft) by an employer a centre has verified."""
        return self.status != "draft" and self.employer.verified

    @property
    def place_views(self):
        return [place.view() for place in self.places]

    def is_accepting_applications(self, today):
        return self.status == "open" and self.deadline >= today and self.employer.verified

    # Ids are never reused (SQLite would reuse the highest one after a delete), so a new row never meets
    # an old document's higher external version in the index.
    __table_args__ = (
        CheckConstraint(f"status IN {VACANCY_STATUSES}", name="status"),
        CheckConstraint(f"employment_type IN {EMPLOYMENT_TYPES}", name="employment_type"),
        CheckConstraint("salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max", name="salary_range"),
        UniqueConstraint("employer_id", "external_ref", name="uq_vacancy_employer_external_ref"),
        {"sqlite_autoincrement": True},
    )
    __mapper_args__ = {"version_id_col": version}
