"""What the public pages hide of the counts that add up across them: the provinces make the country, and a year's months
make the year, so a cell hidden on one page must not be recoverable by subtracting figures another page publishes. Every
column a page may show is linked: the priority groups and all, each sex and each age band."""
from datetime import date

from sqlalchemy import and_, or_, select, tuple_

from jobmatch.extensions import db
from jobmatch.models.place import Province
from jobmatch.models.stats import StatSnapshot
from jobmatch.rules.stats import Period, suppression
from jobmatch.services.stats.cells import PERSON_PARTITIONS, PERSON_VALUES, SPLIT
from jobmatch.services.stats.facts import PERSON_BREAKDOWNS

# People counts of events in a period, so that a year's are the sum of its months' (people active in a period are not:
# one person active in two months counts once in the year). An age band is taken on the period's last day, so a year's
# bands are its months' but for the few who had a birthday across a band's edge: near enough to subtract, linked too.
ADDITIVE_METRICS = ("registered", "applications", "referrals", "hires", "overseas_hires", "overseas_departures",
                    "overseas_returns")
# People counts that the provinces add up to the country's (a job seeker is counted in their own province only).
AREA_ADDITIVE_METRICS = (*ADDITIVE_METRICS, "active_seekers")
COLUMNS = (*SPLIT, *PERSON_VALUES)


def linked_periods(period):
    """The periods published together with this one whose figures add up: a month or a year with the year and its
    twelve months; a day or a week on its own (days and weeks are not yet linked to their months: a known limit)."""
    if period.kind not in ("month", "year"):
        return [period]
    year = period.start.year
    return [Period("year", date(year, 1, 1)), *(Period("month", date(year, month, 1)) for month in range(1, 13))]


def _stored_counts(periods):
    """{(metric, area_code, (period kind, period start), column): count} of the country and the provinces: each figure's
    priority groups and all, and each sex and age band (both priority groups together)."""
    rows = db.session.execute(select(
        StatSnapshot.metric, StatSnapshot.area_code, StatSnapshot.period_kind, StatSnapshot.period_start,
        StatSnapshot.breakdown, StatSnapshot.breakdown_value, StatSnapshot.priority_group, StatSnapshot.count,
    ).where(
        tuple_(StatSnapshot.period_kind, StatSnapshot.period_start).in_([(p.kind, p.start) for p in periods]),
        StatSnapshot.area_kind.in_(("country", "province")), StatSnapshot.metric.in_(AREA_ADDITIVE_METRICS),
        or_(StatSnapshot.breakdown == "total",
            and_(StatSnapshot.breakdown.in_(PERSON_BREAKDOWNS), StatSnapshot.priority_group == "all")),
    ))
    return {
        (row.metric, row.area_code, (row.period_kind, row.period_start),
         row.priority_group if row.breakdown == "total" else row.breakdown_value): row.count
        for row in rows
    }


def published_marks(period):
    """{(metric, area_code, period, column): mark} of the people counts of the country and every province in the
    periods linked to `period`, in every column (cells.SPLIT and cells.PERSON_VALUES), suppressed together: each area's
    priority and other, its sexes and its age bands make its all; the provinces make the country; a year's months make
    the year (when the year is computed, for counts of events: ADDITIVE_METRICS)."""
    periods = linked_periods(period)
    stored = _stored_counts(periods)
    # Periods as plain tuples while suppressing: tens of thousands of cells are hashed many times over.
    found = {computed_period for (_, _, computed_period, _) in stored}
    computed = [(p.kind, p.start) for p in periods if (p.kind, p.start) in found]
    areas = ["VN", *db.session.scalars(select(Province.code))]
    counts = {
        (metric, area, p, column): stored.get((metric, area, p, column), 0)
        for metric in AREA_ADDITIVE_METRICS for area in areas for p in computed for column in COLUMNS
    }
    groups = []
    for metric in AREA_ADDITIVE_METRICS:
        for p in computed:
            groups += [[(metric, area, p, column) for column in partition] for area in areas for partition in PERSON_PARTITIONS]
            groups += [[(metric, area, p, column) for area in areas] for column in COLUMNS]
        if metric in ADDITIVE_METRICS and len(periods) > 1 and (periods[0].kind, periods[0].start) in found:
            # the year so far is the sum of its computed months
            groups += [[(metric, area, p, column) for p in computed] for area in areas for column in COLUMNS]
    return {(metric, area, Period(*p), column): mark
            for (metric, area, p, column), mark in suppression(counts, groups).items()}


def marks_of(marks, *, area_code, period):
    """{(metric, column)} of one area's cells in one period that the linked pages hide."""
    return {(metric, column) for (metric, area, marked, column) in marks if area == str(area_code) and marked == period}


class LinkedMarks:
    """published_marks for the tables of one page, computed once for each set of linked periods they show (a month's
    headline, its year's plan, the month-by-month table and the table of provinces read the same marks)."""

    def __init__(self):
        self._by_link = {}

    def __call__(self, period):
        link = linked_periods(period)[0]
        if link not in self._by_link:
            self._by_link[link] = published_marks(period)
        return self._by_link[link]
