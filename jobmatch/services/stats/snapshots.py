"""Reading stored snapshots back: one area's figures, every province's, one figure over periods, the periods computed."""
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models.stats import StatSnapshot
from jobmatch.rules.clock import vietnam_today
from jobmatch.rules.stats import Period


def snapshots(*, period, area_kind, area_code, breakdown="total", metrics=None):
    """Stored figures of one area and period: {(metric, breakdown_value, priority_group): StatSnapshot}."""
    statement = select(StatSnapshot).where(
        StatSnapshot.period_kind == period.kind, StatSnapshot.period_start == period.start,
        StatSnapshot.area_kind == area_kind, StatSnapshot.area_code == str(area_code), StatSnapshot.breakdown == breakdown,
    )
    if metrics:
        statement = statement.where(StatSnapshot.metric.in_(metrics))
    return {(row.metric, row.breakdown_value, row.priority_group): row for row in db.session.scalars(statement)}


def people_snapshots(*, period, area_kind, area_code, metrics):
    """People's figures of one area and period by sex and by age band, both priority groups together:
    {(metric, sex or age band): StatSnapshot}."""
    statement = select(StatSnapshot).where(
        StatSnapshot.period_kind == period.kind, StatSnapshot.period_start == period.start,
        StatSnapshot.area_kind == area_kind, StatSnapshot.area_code == str(area_code),
        StatSnapshot.breakdown.in_(("sex", "age_band")), StatSnapshot.priority_group == "all",
        StatSnapshot.metric.in_(metrics),
    )
    return {(row.metric, row.breakdown_value): row for row in db.session.scalars(statement)}


def province_snapshots(*, period, metrics):
    """The whole country and every province, for the public table: {(metric, area_code, priority_group): StatSnapshot}."""
    statement = select(StatSnapshot).where(
        StatSnapshot.period_kind == period.kind, StatSnapshot.period_start == period.start,
        StatSnapshot.area_kind.in_(("country", "province")), StatSnapshot.breakdown == "total",
        StatSnapshot.metric.in_(metrics),
    )
    return {(row.metric, row.area_code, row.priority_group): row for row in db.session.scalars(statement)}


def series(*, metric, area_kind, area_code, periods, breakdown="total", breakdown_value=""):
    """One figure over several periods of one kind: {(period_start, priority_group): StatSnapshot}."""
    statement = select(StatSnapshot).where(
        StatSnapshot.metric == metric, StatSnapshot.period_kind == periods[0].kind,
        StatSnapshot.period_start.in_([period.start for period in periods]),
        StatSnapshot.area_kind == area_kind, StatSnapshot.area_code == str(area_code),
        StatSnapshot.breakdown == breakdown, StatSnapshot.breakdown_value == breakdown_value,
    )
    return {(row.period_start, row.priority_group): row for row in db.session.scalars(statement)}


def computed_starts(periods):
    """The starts of those periods (all of one kind) that the statistics job has computed."""
    return set(db.session.scalars(select(StatSnapshot.period_start).distinct().where(
        StatSnapshot.period_kind == periods[0].kind, StatSnapshot.period_start.in_([period.start for period in periods])
    )))


def latest_period(kind):
    """The newest period of this kind with figures, or None before the statistics job has ever run."""
    start = db.session.scalar(select(func.max(StatSnapshot.period_start)).where(StatSnapshot.period_kind == kind))
    return Period(kind, start) if start else None


def chosen_period(*, kind, on):
    """The period the reader asked for, or the newest with figures, or the current one before any run."""
    if on is not None:
        return Period.containing(kind, on)
    return latest_period(kind) or Period.containing(kind, vietnam_today())
