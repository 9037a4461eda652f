"""What the public pages hide of the figures that add up across them: the provinces make the country; a year's months
make the year; a month's days, and its whole weeks with its other days, make the month; a week's days make the week. A
cell hidden on one page must not be recoverable by subtracting figures another page publishes, nor from a published
share and its published denominator. Every column a page may show is linked: the priority groups and all, each sex and
each age band; and so is every row of the breakdown tables (by destination, programme, sector, occupation group),
to the other periods' and areas' rows and to the figure its rows add up to."""
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
# The figures a breakdown's rows add up to, each with a remainder the rows leave out (see _row_groups), where not the
# breakdown's own figure alone: hires abroad have a destination, and some a programme, so those rows also make the
# people placed abroad.
ROW_TOTALS = {("hires", "destination"): ("hires", "overseas_hires"), ("hires", "programme"): ("hires", "overseas_hires")}
# The figures suppressed together, as one unit, because a published sum ties them (the rows of hires by destination
# make both hires and the people placed abroad); every other figure is a unit of its own, with its breakdowns' cells
# ((figure, breakdown, row), …). No published sum ties two units: each unit's marks are the same whatever is asked with
# it.
UNITS = {"hires": ("hires", "overseas_hires")}
_UNIT_OF = {figure: unit for unit, figures in UNITS.items() for figure in figures}
# What a reader may ask marks for: the figures of AREA_ADDITIVE (each with its breakdowns' rows).
PAGE_UNITS = AREA_ADDITIVE


def _unit(figure):
    """The unit of a figure, or of a breakdown's (figure, breakdown, row)."""
    name = figure if isinstance(figure, str) else figure[0]
    return _UNIT_OF.get(name, name)


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


def _stored_counts(periods, figures):
    """{(figure, area_code, (period kind, period start), column): count} of the figures' cells in the country and the
    provinces: each figure's priority groups and all, and each sex and age band (both priority groups together); a
    share gives its numerator under its own name and, when RATE_PARTS names one, its denominator under
    "<share>:base"; a breakdown's cells are under (figure, breakdown, row), the country's only where its table is
    published."""
    starts = {}
    for period in periods:
        starts.setdefault(period.kind, []).append(period.start)
    metrics = {figure.split(":")[0] for figure in figures}
    chosen = [(metrics, or_(StatSnapshot.breakdown == "total", and_(
        StatSnapshot.breakdown.in_(PERSON_BREAKDOWNS), StatSnapshot.priority_group == "all")))] if metrics else []
    for country in (True, False):
        tables = [(figure, breakdowns) for figure, (breakdowns, _, published) in BREAKDOWN_FIGURES.items()
                  if figure in figures and published == country]
        if tables:
            chosen.append(({figure.split(":")[0] for figure, _ in tables}, and_(
                StatSnapshot.breakdown.in_({by for _, breakdowns in tables for by in breakdowns}),
                *(() if country else (StatSnapshot.area_kind == "province",)))))
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
    wanted = set(figures)
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
            if name in wanted and name in BREAKDOWN_FIGURES and breakdown in BREAKDOWN_FIGURES[name][0]:
                stored[((name, breakdown, value), area, period, group)] = number
    return stored


def _suppressed(settle, figures, settled_marks, areas):
    """{(figure, area_code, Period, column): mark} of the figures' cells of one Settling: every figure's cells of its
    periods that were computed, suppressed together: each area's priority and other, its sexes and its age bands make
    its all; a breakdown's rows make the area's figure (ROW_TOTALS, _row_groups); the provinces make the country (a
    breakdown's where its table is published); each of the settling's sums ties its periods (for the figures that add
    up across periods). The settled periods' cells keep `settled_marks` and protect no other cell. Only the cells a
    page shows are numbered, in the order of (figure, area, period, column): a figure's in every area and computed
    period, a breakdown's rows where the area and period have them."""
    stored = _stored_counts(settle.periods, figures)
    found = {computed_period for (_, _, computed_period, _) in stored}
    periods = {(p.kind, p.start): p for p in settle.periods if (p.kind, p.start) in found}
    if not periods:
        return {}
    elsewhere = [(figure, area, (p.kind, p.start), column) for figure, area, p, column in settled_marks
                 if (p.kind, p.start) in periods]
    breakdown_figures = sorted({key[0] for key in (*stored, *elsewhere) if isinstance(key[0], tuple)})
    cells = _Cells((*(figure for figure in AREA_ADDITIVE if figure in figures), *breakdown_figures), areas, list(periods))
    stored = {cells.number(*key): count for key, count in stored.items() if key[1] in cells.areas}
    groups = _linked_groups(stored, cells, settle.sums)
    hidden = [cells.number(*key) for key in elsewhere if key[1] in cells.areas]
    keys = sorted({*stored, *(cell for group in groups for cell in group), *hidden})
    place = {cell: i for i, cell in enumerate(keys)}
    settled = {cells.periods[(p.kind, p.start)] for p in settle.settled if (p.kind, p.start) in cells.periods}
    marks = suppressed_cells(
        [stored.get(cell, 0) for cell in keys], [tuple(place[cell] for cell in group) for group in groups],
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
        return self.at(self.figure_numbers[figure], self.areas[area], self.periods[period], self.columns[column])

    def at(self, figure, area, period, column):
        """The number of the cell at those places."""
        return ((figure * self.sizes[1] + area) * self.sizes[2] + period) * self.sizes[3] + column

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
        return tuple(number for number in numbers if number < breakdowns_from or number // width in shown)

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
    """For each column of a breakdown's rows shown on a page (area and period), and each figure they add up to
    (ROW_TOTALS; else the breakdown's own figure): that figure's cell of the area, period and column with the rows'
    cells, where one is not 0. A single row is linked too: with the figure, it gives the other periods' row back.

    The rows need not make the whole figure: a domestic hire has no destination nor programme, an employer may have no
    sector, a case no programme; the figure is the rows and a remainder no page shows. The remainder is taken as known
    to a reader, so the figure and its rows are linked as if they made it exactly: it is worked out whenever the figure
    and every row are shown (and domestic hires are hires less those abroad, both published), and nothing can hide
    it. Taken as unknown, the rows would be left apart from the figure, and a reader who knows the remainder would
    recover a row from the figure and the other rows: the leak this linking closes. Linked, a hidden row makes the
    rest hide another cell of its own (a row or the figure, never the remainder, which no mark hides), so that
    figure − shown rows − remainder is the sum of two hidden cells or more."""
    rows = {}
    for row in sorted(shown):
        number = row * cells.sizes[3]
        figure, area, period, _ = cells.key(number)
        rows.setdefault((cells.figures[figure][:2], area, period), []).append(number)
    groups = []
    for (unit, area, period), firsts in rows.items():
        for total in ROW_TOTALS.get(unit, unit[:1]):
            first = cells.at(cells.figure_numbers[total], area, period, 0)
            for column in _ties(unit).columns:
                group = tuple(number + cells.columns[column] for number in (first, *firsts))
                if any(stored.get(number) for number in group):
                    groups.append(group)
    return groups


def marks_of(marks, *, area_code, period):
    """{(figure, column)} of one area's cells in one period that the linked pages hide."""
    return {(figure, column) for (figure, area, marked, column) in marks if area == str(area_code) and marked == period}


def rate_bases_hidden(also):
    """{(share, column)} of the shares whose denominator is among the hidden (figure, column) cells `also`."""
    return {(rate, column) for rate, (_, base) in RATE_PARTS.items() for (figure, column) in also if figure == base}


def breakdown_hidden(linked, *, figure, breakdown, area_code, period):
    """{(row, column)} of one area's breakdown of a figure in one period that the linked pages hide."""
    return {(marked[2], column) for (marked, column)
            in marks_of(linked(period, (figure,)), area_code=area_code, period=period)
            if isinstance(marked, tuple) and marked[:2] == (figure, breakdown)}


class LinkedMarks:
    """The marks the public pages show: {(figure, area_code, Period, column): mark} of the cells of the country and
    every province in the periods settled with a period (rules.stats.settling_scope), of the units of the figures asked
    (PAGE_UNITS unless told; a unit's marks hold its breakdowns' cells too, and those of the figures a published sum
    ties to it: UNITS), computed once for each scope and unit the tables of one page show (a month's headline, its
    year's plan, the month-by-month table, the table of provinces and the breakdown tables read the same marks; the
    days of a trend, their month's, for its figures alone). Units are tied by no published sum, so each unit's marks
    are the same whatever others are asked with it; nothing is kept between requests."""

    def __init__(self):
        self._by_scope = {}  # (scope, unit) → that unit's marks
        self._areas = None
        self._merged = {}

    def __call__(self, period, figures=PAGE_UNITS):
        return self._scope(settling_scope(period), tuple(dict.fromkeys(map(_unit, figures))))

    def _scope(self, scope, units):
        missing = tuple(unit for unit in units if (scope, unit) not in self._by_scope)
        if missing:
            if self._areas is None:
                self._areas = ["VN", *db.session.scalars(select(Province.code))]
            settle = settling(scope)
            settled = set(settle.settled)
            earlier = {key: mark for after in settle.after for key, mark in self._scope(after, missing).items()
                       if key[2] in settled}
            figures = {figure for unit in missing for figure in UNITS.get(unit, (unit,))}
            by_unit = {unit: {} for unit in missing}
            for key, mark in _suppressed(settle, figures, earlier, self._areas).items():
                by_unit[_unit(key[0])][key] = mark
            for unit, marks in by_unit.items():
                self._by_scope[(scope, unit)] = marks
        if len(units) == 1:
            return self._by_scope[(scope, units[0])]
        if (scope, units) not in self._merged:
            self._merged[(scope, units)] = {key: mark for unit in units for key, mark in self._by_scope[(scope, unit)].items()}
        return self._merged[(scope, units)]
