"""What the public pages hide of the figures that add up across them: the provinces make the country; a year's months
make the year; a month's days, and its whole weeks with its other days, make the month; a week's days make the week. A
cell hidden on one page must not be recoverable by subtracting figures another page publishes, nor from a published
share and its published denominator. Every column a page may show is linked: the priority groups and all, each sex and
each age band; and so is every row of the breakdown tables (by destination, programme, sector, occupation group)."""
import gc
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

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


# The breakdown tables of the public pages, each a figure of people by the rows of a breakdown, linked like the figures
# above (a month's row of a year's table gives another month's back by subtraction): {figure: (breakdowns, columns,
# whether the country's table is published, the provinces then making it)}. Hires by occupation group, sector,
# destination and programme are on the provinces' pages; departures, returns and the fee share's parts by destination
# and programme on the country's too. Supply by occupation counts people at a period's end: no sum of periods.
BREAKDOWN_FIGURES = {
    "hires": (("destination", "sector", "isco_major", "programme"), SPLIT, False),
    "overseas_departures": (("destination", "programme"), SPLIT, True),
    **{figure: (("destination", "programme"), ("all",), True)
       for figure in ("overseas_returns", "fee_above_cap", "fee_above_cap:base")},
}
# What a reader may ask marks for, each linked apart from the others (no published sum ties two of them): a figure of
# AREA_ADDITIVE, or a breakdown of BREAKDOWN_FIGURES (breakdown_units), whose cells are ((figure, breakdown, row), …).
PAGE_UNITS = AREA_ADDITIVE


def breakdown_units(figure, area_code):
    """The units of the breakdowns published on the same pages as the figure's (asked together: one suppression for
    them all). A breakdown whose country's table is not published ties no province to another: its unit is one area's
    (figure, breakdown, area_code)."""
    published = BREAKDOWN_FIGURES[figure][2]
    return tuple((other, by) if country else (other, by, str(area_code))
                 for other, (breakdowns, _, country) in BREAKDOWN_FIGURES.items() if country == published
                 for by in breakdowns)


@dataclass(frozen=True)
class _Ties:
    """How a unit's cells are tied: its columns, the columns that make its "all", whether the provinces make the
    country, and whether the periods add up (a breakdown's rows also add up to the area's figure)."""

    columns: tuple
    partitions: tuple
    areas: bool
    periods: bool


@cache
def _ties(unit):
    if isinstance(unit, tuple):
        _, columns, country = BREAKDOWN_FIGURES[unit[0]]
        return _Ties(columns, (columns,) if len(columns) > 1 else (), country, True)
    return _Ties(COLUMNS, PERSON_PARTITIONS, True, unit in PERIOD_ADDITIVE)


def _unit(figure, area):
    """The unit of a cell of the figure in the area."""
    if isinstance(figure, str):
        return figure
    return figure[:2] if BREAKDOWN_FIGURES[figure[0]][2] else (*figure[:2], area)


def _stored_counts(periods, units):
    """{(figure, area_code, (period kind, period start), column): count} of the units' cells in the country and the
    provinces: each figure's priority groups and all, and each sex and age band (both priority groups together); a
    share gives its numerator under its own name and, when RATE_PARTS names one, its denominator under
    "<share>:base"; a breakdown's cells are under (figure, breakdown, row)."""
    starts = {}
    for period in periods:
        starts.setdefault(period.kind, []).append(period.start)
    metrics = {unit.split(":")[0] for unit in units if isinstance(unit, str)}
    chosen = [(metrics, or_(StatSnapshot.breakdown == "total", and_(
        StatSnapshot.breakdown.in_(PERSON_BREAKDOWNS), StatSnapshot.priority_group == "all")))] if metrics else []
    breakdowns = {}  # area (None: every one) → (metrics, breakdowns)
    for unit in units:
        if isinstance(unit, tuple):
            names, kinds = breakdowns.setdefault(unit[2] if len(unit) > 2 else None, (set(), set()))
            names.add(unit[0].split(":")[0])
            kinds.add(unit[1])
    chosen += [(names, and_(StatSnapshot.breakdown.in_(kinds), *((StatSnapshot.area_code == area,) if area else ())))
               for area, (names, kinds) in breakdowns.items()]
    # One plain statement per kind of period and kind of unit, its metrics first, so that each reads the snapshots'
    # unique index (metric, period_kind, period_start, …) rather than every area's rows; through the connection: rows
    # as tuples. Rows of a breakdown or metric not asked for are left out below.
    connection = db.session.connection()
    rows = [(kind, *row) for kind, days in starts.items() for names, where in chosen for row in connection.execute(select(
        StatSnapshot.metric, StatSnapshot.area_code, StatSnapshot.period_start, StatSnapshot.breakdown,
        StatSnapshot.breakdown_value, StatSnapshot.priority_group, StatSnapshot.count, StatSnapshot.base,
    ).where(
        StatSnapshot.metric.in_(names), StatSnapshot.period_kind == kind, StatSnapshot.period_start.in_(days),
        StatSnapshot.area_kind.in_(("country", "province")), where,
    )).all()]
    bases = {rate for rate, (_, base) in RATE_PARTS.items() if base == f"{rate}:base"}
    wanted = set(units)
    stored = {}
    for kind, metric, area, start, breakdown, value, group, count, base in rows:
        period = (kind, start)
        if breakdown == "total" or breakdown in PERSON_BREAKDOWNS:
            column = group if breakdown == "total" else value
            if metric in wanted:
                stored[(metric, area, period, column)] = count
            if metric in bases and f"{metric}:base" in wanted:
                stored[(f"{metric}:base", area, period, column)] = base or 0
            continue
        for name, number in ((metric, count), (f"{metric}:base", base or 0)):
            figure = (name, breakdown, value)
            if name in BREAKDOWN_FIGURES and _unit(figure, area) in wanted:
                stored[(figure, area, period, group)] = number
    return stored


def _suppressed(settle, units, settled_marks, areas):
    """{(figure, area_code, Period, column): mark} of the units' cells of one Settling: every figure's cells of its
    periods that were computed, suppressed together: each area's priority and other, its sexes and its age bands make
    its all; a breakdown's rows make the area's figure; the provinces make the country (where its table is published);
    each of the settling's sums ties its periods (for the figures that add up across periods). The settled periods'
    cells keep `settled_marks` and protect no other cell. Only the cells a page shows are numbered, in the order of
    (figure, area, period, column): a figure's in every area and computed period, a breakdown's rows where the area and
    period have them."""
    stored = _stored_counts(settle.periods, units)
    found = {computed_period for (_, _, computed_period, _) in stored}
    periods = {(p.kind, p.start): p for p in settle.periods if (p.kind, p.start) in found}
    if not periods:
        return {}
    elsewhere = [(figure, area, (p.kind, p.start), column) for figure, area, p, column in settled_marks
                 if (p.kind, p.start) in periods]
    breakdown_figures = sorted({key[0] for key in (*stored, *elsewhere) if isinstance(key[0], tuple)})
    cells = _Cells((*(unit for unit in AREA_ADDITIVE if unit in units), *breakdown_figures), areas, list(periods))
    stored = {cells.number(*key): count for key, count in stored.items() if key[1] in cells.areas}
    groups = _linked_groups(stored, cells, settle.sums)
    hidden = [cells.number(*key) for key in elsewhere if key[1] in cells.areas]
    keys = sorted({*stored, *(cell for group in groups for cell in group), *hidden})
    place = {cell: i for i, cell in enumerate(keys)}
    settled = {cells.periods[(p.kind, p.start)] for p in settle.settled if (p.kind, p.start) in cells.periods}
    marks = suppressed_cells(
        [stored.get(cell, 0) for cell in keys], [[place[cell] for cell in group] for group in groups],
        hidden_elsewhere=[place[cell] for cell in hidden],
        settled=[i for i, cell in enumerate(keys) if cell // cells.sizes[3] % cells.sizes[2] in settled],
    )
    return {cells.cell(key, periods): mark for key, mark in zip(keys, marks, strict=True) if mark}


class _Cells:
    """Numbers of the cells (figure, area, period, column) of one Settling, in that order, and back."""

    def __init__(self, figures, areas, periods):
        self.figures, self.names = figures, (figures, areas, periods, COLUMNS)
        self.main = sum(isinstance(figure, str) for figure in figures)  # the figures before the breakdowns' rows
        self.areas, self.periods, self.columns = ({name: i for i, name in enumerate(names)} for names in self.names[1:])
        self.figure_numbers = {figure: i for i, figure in enumerate(figures)}
        self.sizes = [len(names) for names in self.names]

    def number(self, figure, area, period, column):
        return ((self.figure_numbers[figure] * self.sizes[1] + self.areas[area]) * self.sizes[2]
                + self.periods[period]) * self.sizes[3] + self.columns[column]

    def key(self, number):
        """(figure, area, period, column) as the numbers of their places."""
        rest, column = divmod(number, self.sizes[3])
        rest, period = divmod(rest, self.sizes[2])
        figure, area = divmod(rest, self.sizes[1])
        return figure, area, period, column

    def cell(self, number, periods):
        figure, area, period, column = self.key(number)
        return self.figures[figure], self.names[1][area], periods[self.names[2][period]], COLUMNS[column]


def _linked_groups(stored, cells, sums):
    """The groups of cell numbers tied by a published sum (see _suppressed), leaving out those whose total is 0: every
    part of it is 0 too, which ties nothing (suppressed_cells); in the order of their totals' numbers, partitions
    first, then the areas, the periods and a breakdown's rows."""
    width = cells.sizes[3]  # a row of cells: one figure's columns in one area and period
    area_stride = width * cells.sizes[2]
    breakdowns_from = cells.main * cells.sizes[1] * area_stride
    # A breakdown's rows shown on each page: where a row is not, its cells are a known nothing that no mark could hide.
    shown = {number // width for number in stored if number >= breakdowns_from}

    def visible(numbers):
        return [number for number in numbers if number < breakdowns_from or number // width in shown]

    totals = sorted(number for number, count in stored.items() if count)
    keys = {number: cells.key(number) for number in totals}
    ties = [_ties(figure if isinstance(figure, str) else figure[:2]) for figure in cells.figures]
    everything, country = cells.columns["all"], cells.areas["VN"]
    groups = [visible(number - everything + cells.columns[column] for column in partition)
              for number in totals if keys[number][3] == everything for partition in ties[keys[number][0]].partitions]
    groups += [visible(range(number, number + area_stride * cells.sizes[1], area_stride)) for number in totals
               if keys[number][1] == country and ties[keys[number][0]].areas]
    for sum_periods in sums:
        # A sum ties its parts only when its total is published (a year's figures are computed once its first day is).
        parts = [cells.periods[(p.kind, p.start)] for p in sum_periods if (p.kind, p.start) in cells.periods]
        if len(parts) < 2 or cells.names[2][parts[0]] != (sum_periods[0].kind, sum_periods[0].start):
            continue
        groups += [visible(number + (part - parts[0]) * width for part in parts) for number in totals
                   if keys[number][2] == parts[0] and ties[keys[number][0]].periods]
    groups += _row_groups(stored, cells, shown)
    return [group for group in groups if len(group) > 1]


def _row_groups(stored, cells, shown):
    """Each column of a breakdown's rows shown on a page (area and period), with a cell that is not 0."""
    rows = {}
    for row in sorted(shown):
        number = row * cells.sizes[3]
        figure, area, period, _ = cells.key(number)
        rows.setdefault((cells.figures[figure][:2], area, period), []).append(number)
    return [[number + cells.columns[column] for number in firsts] for (unit, _, _), firsts in rows.items()
            for column in _ties(unit).columns if any(stored.get(number + cells.columns[column]) for number in firsts)]


def marks_of(marks, *, area_code, period):
    """{(figure, column)} of one area's cells in one period that the linked pages hide."""
    return {(figure, column) for (figure, area, marked, column) in marks if area == str(area_code) and marked == period}


def rate_bases_hidden(also):
    """{(share, column)} of the shares whose denominator is among the hidden (figure, column) cells `also`."""
    return {(rate, column) for rate, (_, base) in RATE_PARTS.items() for (figure, column) in also if figure == base}


def breakdown_hidden(linked, *, figure, breakdown, area_code, period):
    """{(row, column)} of one area's breakdown of a figure in one period that the linked pages hide."""
    units = breakdown_units(figure, area_code)
    return {(marked[2], column) for (marked, column) in marks_of(linked(period, units), area_code=area_code, period=period)
            if marked[:2] == (figure, breakdown)}


@contextmanager
def _no_cycle_collection():
    """The linking builds tens of thousands of small containers (rows, keys, groups) that live until it ends: each
    collection of the young generations finds them all alive and moves them on, until a full collection walks the
    whole process's heap, which cost about a third of the linking's time. None of them refers back to another (no
    cycles): reference counting frees them all, so the cycle collector waits until the linking is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class LinkedMarks:
    """The marks the public pages show: {(figure, area_code, Period, column): mark} of the cells of the country and
    every province in the periods settled with a period (rules.stats.settling_scope), for the units asked (PAGE_UNITS
    unless told: a figure, or a figure's breakdown), computed once for each scope and unit the tables of one page show
    (a month's headline, its year's plan, the month-by-month table and the table of provinces read the same marks; the
    days of a trend, their month's, for its figures alone). Units are tied by no published sum, so each unit's marks
    are the same whatever others are asked with it; nothing is kept between requests."""

    def __init__(self):
        self._by_scope = {}  # (scope, unit) → that unit's marks
        self._areas = None
        self._merged = {}

    def __call__(self, period, units=PAGE_UNITS):
        return self._scope(settling_scope(period), tuple(units))

    def _scope(self, scope, units):
        missing = tuple(unit for unit in units if (scope, unit) not in self._by_scope)
        if missing:
            if self._areas is None:
                self._areas = ["VN", *db.session.scalars(select(Province.code))]
            settle = settling(scope)
            settled = set(settle.settled)
            earlier = {key: mark for after in settle.after for key, mark in self._scope(after, missing).items()
                       if key[2] in settled}
            for unit in missing:
                self._by_scope[(scope, unit)] = {}
            with _no_cycle_collection():
                marks = _suppressed(settle, missing, earlier, self._areas)
            for key, mark in marks.items():
                self._by_scope[(scope, _unit(key[0], key[1]))][key] = mark
        if len(units) == 1:
            return self._by_scope[(scope, units[0])]
        if (scope, units) not in self._merged:
            self._merged[(scope, units)] = {key: mark for unit in units for key, mark in self._by_scope[(scope, unit)].items()}
        return self._merged[(scope, units)]
