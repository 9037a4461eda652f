"""Matching-success statistics stored as snapshots per period, and the yearly plans they are compared with."""
from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now
from jobmatch.rules.stats import PERIOD_KINDS

# Where a figure is counted: the whole country, a province, or a centre (its registered job seekers).
AREA_KINDS = ("country", "province", "centre")
# How a figure is broken down within its area; "total" is the area as a whole (breakdown_value "").
# People's figures also break down by their sex and their age band on the period's last day (rules/person.py).
BREAKDOWNS = ("total", "isco_major", "occupation", "sector", "destination", "programme", "stage", "sex", "age_band")
# Every figure splits priority workers (a verified status in force during the period) from everyone else; "all" is both.
GROUPS = ("priority", "other", "all")
PLAN_TARGETS = ("placements", "priority_placements", "overseas_placements")


class StatSnapshot(db.Model):
    """One figure: a count (people or items), a rate (count out of base) or a median (of count cases)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    metric: Mapped[str] = mapped_column(String(30))
    period_kind: Mapped[str] = mapped_column(String(5))
    period_start: Mapped[date] = mapped_column()
    area_kind: Mapped[str] = mapped_column(String(10))
    area_code: Mapped[str] = mapped_column(String(10))  # "VN", a province code or a centre id
    breakdown: Mapped[str] = mapped_column(String(12))
    breakdown_value: Mapped[str] = mapped_column(String(100))  # e.g. an employer sector, as long as Employer.sector
    priority_group: Mapped[str] = mapped_column(String(8))
    count: Mapped[int] = mapped_column(BigInteger)
    base: Mapped[int | None] = mapped_column(BigInteger)  # the denominator of a rate
    value: Mapped[float | None] = mapped_column(Float)  # the rate or the median; None for a plain count
    computed_at: Mapped[datetime] = mapped_column(default=utc_now)

    __table_args__ = (
        UniqueConstraint(
            "metric", "period_kind", "period_start", "area_kind", "area_code", "breakdown", "breakdown_value", "priority_group"
        ),
        Index("ix_stat_snapshot_area", "area_kind", "area_code", "period_kind", "period_start"),
        CheckConstraint(f"period_kind IN {PERIOD_KINDS}", name="period_kind"),
        CheckConstraint(f"area_kind IN {AREA_KINDS}", name="area_kind"),
        CheckConstraint(f"breakdown IN {BREAKDOWNS}", name="breakdown"),
        CheckConstraint(f"priority_group IN {GROUPS}", name="priority_group"),
    )


class Plan(db.Model):
    """A yearly target of a centre or a province, entered by its officers or an administrator."""

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    area_kind: Mapped[str] = mapped_column(String(10))
    area_code: Mapped[str] = mapped_column(String(10))
    target: Mapped[str] = mapped_column(String(30))
    value: Mapped[int] = mapped_column(Integer)
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)

    __table_args__ = (
        UniqueConstraint("year", "area_kind", "area_code", "target"),
        CheckConstraint("area_kind IN ('province', 'centre')", name="area_kind"),
        CheckConstraint(f"target IN {PLAN_TARGETS}", name="target"),
        CheckConstraint("value >= 0", name="value"),
    )
