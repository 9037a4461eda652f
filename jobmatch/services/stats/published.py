"""What the public pages hide of the counts that add up across them: the provinces make the country, and a year's months
make the year, so a cell hidden on one page must not be recoverable by subtracting figures another page publishes."""
from datetime import date

from sqlalchemy import select, tuple_

from jobmatch.extensions import db
from jobmatch.models.place import Province
from jobmatch.models.stats import StatSnapshot
from jobmatch.rules.stats import Period, suppression
from jobmatch.services.stats.cells import SPLIT

# People counts of events in a period, so that a year's are the sum of its months' (people active in a period are not:
# one person active in two months counts once in the year).
ADDITIVE_METRICS = ("registered", "applications", "referrals", "hires", "overseas_hires")


def linked_periods(period):
    """The periods published together with this one whose figures add up: a month or a year with the year and its
    twelve months; a day or a week on its own (days and weeks are not yet linked to their months: a known limit)."""
    if period.kind not in ("month", "year"):
        return [period]
    year = period.start.year
    return [Period("year", date(year, 1, 1)), *(Period("month", date(year, month, 1)) for month in range(1, 13))]


def published_marks(period):
    """{(metric, area_code, period, group): mark} of the additive people counts of the country and every
    province in the periods linked to `period`, suppressed together: each area's priority and other make its all,
    the provinces make the country, a year's months make the year (when the year is computed)."""
    periods = linked_periods(period)
    stored = {
        (row.metric, row.area_code, Period(row.period_kind, row.period_start), row.priority_group): row.count
        for row in db.session.scalars(select(StatSnapshot).where(
            tuple_(StatSnapshot.period_kind, StatSnapshot.period_start).in_([(p.kind, p.start) for p in periods]),
            StatSnapshot.area_kind.in_(("country", "province")), StatSnapshot.breakdown == "total",
            StatSnapshot.metric.in_(ADDITIVE_METRICS),
        ))
    }
    computed = [p for p in periods if p in {computed_period for (_, _, computed_period, _) in stored}]
    areas = ["VN", *db.session.scalars(select(Province.code))]
    counts = {
        (metric, area, p, group): stored.get((metric, area, p, group), 0)
        for metric in ADDITIVE_METRICS for area in areas for p in computed for group in SPLIT
    }
    groups = []
    for metric in ADDITIVE_METRICS:
        for p in computed:
            groups += [[(metric, area, p, group) for group in SPLIT] for area in areas]
            groups += [[(metric, area, p, group) for area in areas] for group in SPLIT]
        if len(periods) > 1 and periods[0] in computed:  # the year so far is the sum of its computed months
            groups += [[(metric, area, p, group) for p in computed] for area in areas for group in SPLIT]
    return suppression(counts, groups)


def marks_of(marks, *, area_code, period):
    """{(metric, group)} of one area's cells in one period that the linked pages hide."""
    return {(metric, group) for (metric, area, marked, group) in marks if area == str(area_code) and marked == period}
