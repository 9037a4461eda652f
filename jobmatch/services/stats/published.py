"""What the public pages hide of the figures that add up across them: the provinces make the country; a year's months
make the year; a month's days, and its whole weeks with its other days, make the month; a week's days make the week. A
cell hidden on one page must not be recoverable by subtracting figures another page publishes, nor from a published
share and its published denominator. Every column a page may show is linked: the priority groups and all, each sex and
each age band."""
from itertools import product

from sqlalchemy import and_, or_, select

from jobmatch.extensions import db
from jobmatch.models.place import Province
from jobmatch.models.stats import StatSnapshot
from jobmatch.rules.stats import settling, settling_scope, suppressed_cells
from jobmatch.services.stats.cells import PERSON_PARTITIONS, PERSON_VALUES, SPLIT
from jobmatch.services.stats.facts import PERSON_BREAKDOWNS

# People counts of events in a period, so that a year's are the sum of its months' (people active in a period are not:
# one person active in two months counts once in the year). An age band is taken on the period's last day, so a year's
# bands are its months' but for the few who had a birthday across a band's edge: near enough to subtract, linked too.
ADDITIVE_METRICS = ("registered", "applications", "referrals", "hires", "overseas_hires", "overseas_departures",
                    "overseas_returns")
# Each share of people published, by the figures of its numerator and its denominator: a share and its published
# denominator give the numerator, so both are linked like the counts. Where the denominator is itself a published
# count, it is that count's figure; otherwise "<share>:base".
RATE_PARTS = {
    "connection_success": ("connection_success", "active_seekers"),
    "referral_to_hire": ("referral_to_hire", "referrals"),
    "retention_3m": ("retention_3m", "retention_3m:base"),
    "retention_6m": ("retention_6m", "retention_6m:base"),
    "fee_above_cap": ("fee_above_cap", "fee_above_cap:base"),
}
# Figures that add up across periods: counts of events, and the parts of shares of events (referrals, hires followed
# up, departures). Those of people active in a period do not (connection_success counts each person once).
PERIOD_ADDITIVE = (*ADDITIVE_METRICS, *(part for rate, parts in RATE_PARTS.items() if rate != "connection_success"
                                        for part in parts if part not in ADDITIVE_METRICS))
# Figures that the provinces add up to the country's (a job seeker is counted in their own province only).
AREA_ADDITIVE = (*PERIOD_ADDITIVE, "active_seekers", "connection_success")
COLUMNS = (*SPLIT, *PERSON_VALUES)


def _stored_counts(periods):
    """{(figure, area_code, (period kind, period start), column): count} of the country and the provinces: each
    figure's priority groups and all, and each sex and age band (both priority groups together); a share gives its
    numerator under its own name and, when RATE_PARTS names one, its denominator under "<share>:base"."""
    starts = {}
    for period in periods:
        starts.setdefault(period.kind, []).append(period.start)
    metrics = {figure.split(":")[0] for figure in AREA_ADDITIVE}
    # One statement per kind of period, so that each reads the snapshots' unique index (metric, period_kind,
    # period_start, …) rather than every area's rows.
    rows = [row for kind, days in starts.items() for row in db.session.execute(select(
        StatSnapshot.metric, StatSnapshot.area_code, StatSnapshot.period_kind, StatSnapshot.period_start,
        StatSnapshot.breakdown, StatSnapshot.breakdown_value, StatSnapshot.priority_group, StatSnapshot.count,
        StatSnapshot.base,
    ).where(
        StatSnapshot.metric.in_(metrics), StatSnapshot.period_kind == kind, StatSnapshot.period_start.in_(days),
        StatSnapshot.area_kind.in_(("country", "province")),
        or_(StatSnapshot.breakdown == "total",
            and_(StatSnapshot.breakdown.in_(PERSON_BREAKDOWNS), StatSnapshot.priority_group == "all")),
    ))]
    bases = {rate: f"{rate}:base" for rate, (_, base) in RATE_PARTS.items() if base == f"{rate}:base"}
    stored = {}
    for metric, area, kind, start, breakdown, value, group, count, base in rows:
        column = group if breakdown == "total" else value
        stored[(metric, area, (kind, start), column)] = count
        if metric in bases:
            stored[(bases[metric], area, (kind, start), column)] = base or 0
    return stored


def _suppressed(settle, settled_marks):
    """{(figure, area_code, Period, column): mark} of the cells of one Settling: every figure's cells of its periods
    that were computed, suppressed together: each area's priority and other, its sexes and its age bands make its all;
    the provinces make the country; each of the settling's sums ties its periods (for the figures that add up across
    periods). The settled periods' cells keep `settled_marks` and protect no other cell."""
    stored = _stored_counts(settle.periods)
    found = {computed_period for (_, _, computed_period, _) in stored}
    periods = [p for p in settle.periods if (p.kind, p.start) in found]
    if not periods:
        return {}
    areas = ["VN", *db.session.scalars(select(Province.code))]
    # Cells are numbered (figure, area, period, column) in that order: a month's days link hundreds of thousands.
    names = (AREA_ADDITIVE, areas, [(p.kind, p.start) for p in periods], COLUMNS)
    positions = [{name: i for i, name in enumerate(parts)} for parts in names]
    sizes = [len(parts) for parts in names]
    strides = (sizes[1] * sizes[2] * sizes[3], sizes[2] * sizes[3], sizes[3], 1)

    def cell(figure, area, period, column):
        return (positions[0][figure] * strides[0] + positions[1][area] * strides[1] + positions[2][period] * strides[2]
                + positions[3][column])

    values = [0] * (sizes[0] * strides[0])
    for (figure, area, period, column), count in stored.items():
        if area in positions[1] and column in positions[3]:
            values[cell(figure, area, period, column)] = count
    groups = _linked_groups(values, positions, sizes, strides, settle.sums)
    settled = {(p.kind, p.start) for p in settle.settled}
    marks = suppressed_cells(
        values, groups,
        hidden_elsewhere=[cell(figure, area, (p.kind, p.start), column) for (figure, area, p, column) in settled_marks
                          if area in positions[1] and (p.kind, p.start) in positions[2]],
        settled=[first + p * strides[2] + column for first in range(0, len(values), strides[1])
                 for p in range(sizes[2]) if names[2][p] in settled for column in range(sizes[3])],
    )
    result = {}
    for i, mark in enumerate(marks):
        if mark:
            rest, column = divmod(i, sizes[3])
            rest, p = divmod(rest, sizes[2])
            f, a = divmod(rest, sizes[1])
            result[(names[0][f], names[1][a], periods[p], names[3][column])] = mark
    return result


def _linked_groups(values, positions, sizes, strides, sums):
    """The groups of cell numbers tied by a published sum (see _suppressed), leaving out those whose total is 0: every
    part of it is 0 too, which ties nothing (suppressed_cells)."""
    periods = list(positions[2])
    total = positions[3]["all"]
    partitions = [[positions[3][column] for column in partition] for partition in PERSON_PARTITIONS]
    groups = []
    for f, a, p in product(range(sizes[0]), range(sizes[1]), range(sizes[2])):
        first = f * strides[0] + a * strides[1] + p * strides[2]
        if values[first + total]:
            groups += [[first + column for column in partition] for partition in partitions]
    for f, p, column in product(range(sizes[0]), range(sizes[2]), range(sizes[3])):
        country = f * strides[0] + p * strides[2] + column  # the country is the first area
        if values[country]:
            groups.append([country + a * strides[1] for a in range(sizes[1])])
    for sum_periods in sums:
        # A sum ties its parts only when its total is published (a year's figures are computed once its first day is).
        members = [positions[2][(p.kind, p.start)] for p in sum_periods if (p.kind, p.start) in positions[2]]
        if len(members) < 2 or periods[members[0]] != (sum_periods[0].kind, sum_periods[0].start):
            continue
        for figure, a, column in product(PERIOD_ADDITIVE, range(sizes[1]), range(sizes[3])):
            first = positions[0][figure] * strides[0] + a * strides[1] + column
            if values[first + members[0] * strides[2]]:
                groups.append([first + p * strides[2] for p in members])
    return groups


def published_marks(period):
    """{(figure, area_code, Period, column): mark} of the people counts (and shares' parts) of the country and every
    province in the periods settled with `period` (rules.stats.settling_scope), in every column."""
    return LinkedMarks()(period)


def marks_of(marks, *, area_code, period):
    """{(figure, column)} of one area's cells in one period that the linked pages hide."""
    return {(figure, column) for (figure, area, marked, column) in marks if area == str(area_code) and marked == period}


def rate_bases_hidden(also):
    """{(share, column)} of the shares whose denominator is among the hidden (figure, column) cells `also`."""
    return {(rate, column) for rate, (_, base) in RATE_PARTS.items() for (figure, column) in also if figure == base}


class LinkedMarks:
    """published_marks for the tables of one page, computed once for each scope they show (a month's headline, its
    year's plan, the month-by-month table and the table of provinces read the same marks; the days of a trend, their
    month's)."""

    def __init__(self):
        self._by_scope = {}

    def __call__(self, period):
        return self._scope(settling_scope(period))

    def _scope(self, scope):
        if scope not in self._by_scope:
            settle = settling(scope)
            settled = set(settle.settled)
            earlier = {key: mark for after in settle.after for key, mark in self._scope(after).items() if key[2] in settled}
            self._by_scope[scope] = _suppressed(settle, earlier)
        return self._by_scope[scope]
