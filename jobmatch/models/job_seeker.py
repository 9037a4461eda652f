"""Job-seeker profiles and their priority status, which is sensitive and kept in its own table."""
from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Boolean, CheckConstraint, ForeignKey, Integer, String, and_, or_
from sqlalchemy.ext.hybrid import hybrid_method
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now
from jobmatch.rules.person import folded_name

VISIBILITIES = ("public", "anonymous", "hidden")
EDUCATION_LEVELS = ("none", "primary", "lower_secondary", "upper_secondary", "vocational", "college", "university", "postgraduate")
LANGUAGES = ("ko", "ja", "zh", "en", "de", "fr", "ru", "km", "lo", "th", "vi")  # ISO 639-1
PRIORITY_CATEGORIES = ("poor", "near_poor", "escaped_poverty", "ethnic_minority", "disability")
# As the person states it, for the statistics' breakdown by sex (GSO and ILO tables carry it); never indexed, never shown
# to an employer, so that no one can filter people on it.
SEXES = ("female", "male", "not_stated")


class JobSeeker(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(120))
    # The name folded in Python (rules/person.py), kept with it: officers find "Đỗ Hữu Hùng" by "do huu hung" on any
    # database (SQLite's LIKE folds no letter beyond ASCII).
    name_folded: Mapped[str] = mapped_column(String(120), default="")
    citizen_id: Mapped[str | None] = mapped_column(String(12), unique=True)  # CCCD, 12 digits
    # A citizen ID the person gave on their own profile while another profile held it: kept here, outside the unique
    # citizen_id, until an officer of their centre has seen the card (services/citizen_id.py).
    citizen_id_under_review: Mapped[str | None] = mapped_column(String(12))
    phone: Mapped[str | None] = mapped_column(String(16))  # +84…
    birth_date: Mapped[date | None] = mapped_column()
    sex: Mapped[str] = mapped_column(String(10), default="not_stated", server_default="not_stated")
    ward_code: Mapped[str | None] = mapped_column(ForeignKey("ward.code"), index=True)
    education_level: Mapped[str | None] = mapped_column(String(20))
    desired_isco_codes: Mapped[list] = mapped_column(JSON, default=list)
    skills: Mapped[list] = mapped_column(JSON, default=list)
    experience_years: Mapped[int] = mapped_column(Integer, default=0)
    languages: Mapped[list] = mapped_column(JSON, default=list)  # [{"language": "ko", "certificate": "EPS-TOPIK", "level": "…"}]
    expected_salary: Mapped[int | None] = mapped_column(BigInteger)  # VND per month
    commute_radius_km: Mapped[int] = mapped_column(Integer, default=20)
    willing_to_relocate: Mapped[bool] = mapped_column(Boolean, default=False)
    willing_abroad: Mapped[bool] = mapped_column(Boolean, default=False)
    abroad_countries: Mapped[list] = mapped_column(JSON, default=list)
    visibility: Mapped[str] = mapped_column(String(10), default="public")
    # For overseas programmes' eligibility: the date of the last health certificate, and an illegal overstay abroad
    # (recorded when an officer closes an overseas case as overstayed); neither is indexed or shown to employers.
    health_check_on: Mapped[date | None] = mapped_column()
    overstayed_abroad: Mapped[bool] = mapped_column(Boolean, default=False)
    # The centre whose officers serve this person: the one that registered them, or their province's.
    centre_id: Mapped[int | None] = mapped_column(ForeignKey("centre.id"), index=True)
    registered_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL", use_alter=True))
    # A walk-in registration has no account yet; the person claims the profile with this code before it expires (only
    # its keyed hash is kept, see rules/token.py).
    claim_code_hash: Mapped[str | None] = mapped_column(String(64))
    claim_code_expires_at: Mapped[datetime | None] = mapped_column()
    anonymized_at: Mapped[datetime | None] = mapped_column()  # the person deleted their account; counts remain
    # The step of the profile (schemas/job_seeker.py PROFILE_STEPS, from 1) a person who signed up comes back to; None
    # once they have been through the steps, and for a profile filled in on one page (a walk-in's).
    setup_step: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    ward = relationship("Ward", lazy="joined")
    centre = relationship("Centre", lazy="joined")
    account = relationship("Account", primaryjoin="Account.job_seeker_id == JobSeeker.id", uselist=False, viewonly=True)
    priority_statuses = relationship(
        "PriorityStatus", back_populates="job_seeker", lazy="select", cascade="all, delete-orphan", passive_deletes=True
    )

    @validates("full_name")
    def _fold_full_name(self, _key, full_name):
        self.name_folded = folded_name(full_name)
        return full_name

    # Ids are never reused (SQLite would reuse the highest one after a delete), so a new row never meets
    # an old document's higher external version in the index.
    @property
    def citizen_id_as_given(self):
        """The citizen ID as the person last gave it, under review or not: what they see as theirs."""
        return self.citizen_id_under_review or self.citizen_id

    __table_args__ = (
        CheckConstraint(f"visibility IN {VISIBILITIES}", name="visibility"),
        CheckConstraint(f"education_level IS NULL OR education_level IN {EDUCATION_LEVELS}", name="education_level"),
        CheckConstraint(f"sex IN {SEXES}", name="sex"),
        {"sqlite_autoincrement": True},
    )
    __mapper_args__ = {"version_id_col": version}


class PriorityStatus(db.Model):
    """A priority category with its evidence; sensitive personal data (Decree 13/2023/NĐ-CP), never indexed."""

    id: Mapped[int] = mapped_column(primary_key=True)
    job_seeker_id: Mapped[int] = mapped_column(ForeignKey("job_seeker.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(20))
    # The General Statistics Office's code of the 54 ethnic groups (reference table ethnic_group).
    ethnic_group_code: Mapped[str | None] = mapped_column(ForeignKey("ethnic_group.code"))
    evidence: Mapped[str] = mapped_column(String(300))  # the document seen, e.g. "Giấy chứng nhận hộ nghèo số 12/2026"
    valid_until: Mapped[date | None] = mapped_column()  # poverty lists are reviewed every year; ethnicity has no end
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL", use_alter=True))
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL", use_alter=True))
    verified_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    job_seeker = relationship("JobSeeker", back_populates="priority_statuses")
    ethnic_group = relationship("EthnicGroup", lazy="joined")

    __table_args__ = (
        CheckConstraint(f"category IN {PRIORITY_CATEGORIES}", name="category"),
        CheckConstraint("(category = 'ethnic_minority') = (ethnic_group_code IS NOT NULL)", name="ethnic_group"),
    )

    @hybrid_method
    def is_in_force(self, today):
        """Counts for ranking and statistics: verified by an officer and not past its validity date."""
        return self.verified_at is not None and (self.valid_until is None or self.valid_until >= today)

    @is_in_force.expression
    def is_in_force(cls, today):  # noqa: N805 (the same rule as a SQL condition)
        return and_(cls.verified_at.is_not(None), or_(cls.valid_until.is_(None), cls.valid_until >= today))
