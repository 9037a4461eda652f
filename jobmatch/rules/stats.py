"""Pure rules of the statistics: periods, the suppression of small cells, and the trend forecast."""
import heapq
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from jobmatch.rules.clock import VIETNAM, day_text

PERIOD_KINDS = ("day", "week", "month", "year")

# Published counts of 1 to this minus one people are shown as "<5" (DESIGN.md: sensitive data stays with those who need
# it); a centre's own officers and administrators see their centre's figures whole, marked internal.
SMALL_CELL = 5


@dataclass(frozen=True)
class Period:
    """A calendar period in Vietnam: a day, an ISO week (Monday to Sunday), a month or a year; `end` is inclusive."""

    kind: str
    start: date

    @classmethod
    def containing(cls, kind, day):
        if kind == "day":
            return cls(kind, day)
        if kind == "week":
            return cls(kind, day - timedelta(days=day.weekday()))
        if kind == "month":
            return cls(kind, day.replace(day=1))
        if kind == "year":
            return cls(kind, day.replace(month=1, day=1))
        raise ValueError(f"unknown period kind {kind!r}")

    @property
    def end(self):
        return self.next().start - timedelta(days=1)

    def next(self):
        return self.shift(1)

    def shift(self, steps):
        if self.kind == "day":
            return Period(self.kind, self.start + timedelta(days=steps))
        if self.kind == "week":
            return Period(self.kind, self.start + timedelta(weeks=steps))
        if self.kind == "month":
            months = self.start.year * 12 + self.start.month - 1 + steps
            return Period(self.kind, date(months // 12, months % 12 + 1, 1))
        return Period(self.kind, date(self.start.year + steps, 1, 1))

    def utc_bounds(self):
        """[start, end) as naive UTC datetimes, for comparing with stored times: the period's days in Vietnam."""
        def utc(day):
            return datetime.combine(day, time(), VIETNAM).astimezone(UTC).replace(tzinfo=None)
        return utc(self.start), utc(self.end + timedelta(days=1))

    @property
    def label(self):
        if self.kind == "day":
            return day_text(self.start)
        if self.kind == "week":
            return f"{self.start:%d/%m}–{self.end:%d/%m/%Y}"
        if self.kind == "month":
            return self.start.strftime("%m/%Y")
        return str(self.start.year)


def periods_containing(day):
    """The periods a daily statistics run for `day` computes: its day, week, month and year (the latter so far)."""
    return [Period.containing(kind, day) for kind in PERIOD_KINDS]


def days_of(period):
    """The days of a period, in order."""
    return [Period("day", period.start + timedelta(days=offset)) for offset in range((period.end - period.start).days + 1)]


def weeks_overlapping(month):
    """The ISO weeks with a day in the month, in order: the first and last may run into the months beside it."""
    week, weeks = Period.containing("week", month.start), []
    while week.start <= month.end:
        weeks.append(week)
        week = week.next()
    return weeks


# The public pages publish every day, week, month and year, and what they publish adds up: a year is its months, a
# month its days, a week its days, and a month its whole weeks and its other days. Cells are suppressed a level at a
# time, each level's cells settled before the next, so that every page of a period reads the same marks whichever
# page asked first: a year with its months; a week across two months with its seven days; then a month's other days
# and its whole weeks, the month's cells and the edge weeks' days settled.
@dataclass(frozen=True)
class Settling:
    """The periods suppressed together (`periods`), the periods among them settled before (`settled`: never taken to
    protect another cell), the scopes that settled them, and the tuples of periods tied by one published sum."""

    periods: tuple
    settled: tuple
    after: tuple  # the scopes (see settling_scope) whose marks settle `settled`
    sums: tuple


def settling_scope(period):
    """The scope that settles a period's cells: ("year", year) for a year and its months, ("week", week) for a week
    across two months and its days, ("month", month) for a month's other days and its whole weeks."""
    if period.kind in ("year", "month"):
        return "year", Period.containing("year", period.start)
    if period.kind == "week" and Period.containing("month", period.start) != Period.containing("month", period.end):
        return "week", period
    return "month", Period.containing("month", period.start)


def settling(scope):
    """The Settling of a scope (settling_scope)."""
    kind, period = scope
    if kind == "year":
        months = [Period("month", date(period.start.year, month, 1)) for month in range(1, 13)]
        return Settling((period, *months), (), (), ((period, *months),))
    if kind == "week":
        days = days_of(period)
        return Settling((period, *days), (), (), ((period, *days),))
    weeks = weeks_overlapping(period)
    whole = [week for week in weeks if week.start >= period.start and week.end <= period.end]
    edges = [week for week in weeks if week not in whole]
    days = days_of(period)
    in_whole = {day for week in whole for day in days_of(week)}
    edge_days = tuple(day for day in days if day not in in_whole)
    sums = ((period, *days), *((week, *days_of(week)) for week in whole), (period, *whole, *edge_days))
    after = (settling_scope(period), *(("week", week) for week in edges))
    return Settling((period, *whole, *days), (period, *edge_days), after, sums)


# Why a published cell is hidden, each shown with its own mark and explained in a legend.
PRIMARY = "primary"  # a count of 1 to 4 people: "<5"
SECONDARY = "secondary"  # any value, hidden so that a hidden cell cannot be worked out from the published ones
SMALL_BASE = "small_base"  # a share or a median over 1 to 4 people


def suppression(counts, groups, *, also=(), fixed=()):
    """{cell key: PRIMARY or SECONDARY} of the cells to hide. `counts` maps a cell key to a number of people; each of
    `groups` lists cells tied by one published sum (a row's priority and other make its all; a breakdown's rows make
    the area's total; a year's months make the year), so that one hidden cell in a group could be recovered from the
    others. Cells in `also` are hidden on another page that publishes them; cells in `fixed` were settled before.
    The rule is suppressed_cells'; between cells of the same count, the one whose key reads first is taken."""
    keys = sorted(counts, key=str)
    number = {key: i for i, key in enumerate(keys)}
    marks = suppressed_cells(
        [counts[key] for key in keys], [[number[key] for key in group if key in number] for group in groups],
        hidden_elsewhere=[number[key] for key in also if key in number],
        settled=[number[key] for key in fixed if key in number],
    )
    return {key: mark for key, mark in zip(keys, marks, strict=True) if mark}


def suppressed_cells(values, groups, *, hidden_elsewhere=(), settled=()):
    """The marks (PRIMARY, SECONDARY or None) of the cells numbered by their place in `values` (numbers of people);
    `groups`: lists of cell numbers tied by one published sum. A count from 1 to SMALL_CELL − 1 is primary; a zero is
    shown (it identifies no one). Then every group with exactly one hidden cell also loses its smallest shown cell, a
    non-zero one when there is one (hiding a zero protects nothing another zero does not), the first numbered between
    equals, until no such group is left: those are secondary. Cells `hidden_elsewhere` are hidden on another page that
    publishes them: hidden here too, secondary unless primary themselves. `settled` cells were settled before (a
    month's, before its days and weeks; those hidden are among hidden_elsewhere): never taken to protect another."""
    marks = [PRIMARY if 0 < value < SMALL_CELL else None for value in values]
    for i in hidden_elsewhere:
        marks[i] = marks[i] or SECONDARY
    settled = set(settled)
    # A group of zeros ties nothing a reader does not know already (every cell in it is 0): left out, so that the
    # tens of thousands of empty cells of a month's days cost nothing.
    members = [group for group in groups if any(map(values.__getitem__, group))]
    # The groups of each cell, for the non-zero and the hidden ones first: a zero is taken only in a group with no
    # non-zero cell left to take, and the zeros' groups are listed the first time one is.
    groups_of = {}
    for g, group in enumerate(members):
        for i in group:
            if values[i] or marks[i]:
                groups_of.setdefault(i, []).append(g)
    zeros_listed = False
    hidden = [0] * len(members)  # hidden cells of each group
    for i, g_list in groups_of.items():
        if marks[i]:
            for g in g_list:
                hidden[g] += 1

    def smallest(i):
        return values[i] == 0, values[i], i

    # The groups are swept in order, again and again until a sweep changes nothing; only a group with exactly one
    # hidden cell acts, so the sweep visits just those: the ones of this sweep still ahead (`ahead`), and those that
    # got their one hidden cell behind the sweep (`behind`, the next sweep's). A group whose cells are all hidden or
    # settled can do nothing, now or later (marks are only added): it is dropped.
    ahead, behind = [g for g in range(len(members)) if hidden[g] == 1], []
    while ahead or behind:
        if not ahead:
            ahead, behind = behind, []
        g = heapq.heappop(ahead)
        if hidden[g] != 1:
            continue
        shown = [i for i in members[g] if not marks[i] and i not in settled]
        if not shown:
            continue
        chosen = min(shown, key=smallest)
        if not values[chosen] and not zeros_listed:
            for other, cells in enumerate(members):
                for i in cells:
                    if not values[i] and not marks[i]:
                        groups_of.setdefault(i, []).append(other)
            zeros_listed = True
        marks[chosen] = SECONDARY
        for other in groups_of[chosen]:
            hidden[other] += 1
            if hidden[other] == 1:
                heapq.heappush(ahead if other > g else behind, other)
    return marks


def share_mark(*, numerator, base, numerator_mark=None, base_mark=None):
    """Why a share of people (numerator out of base, each a count with its suppression mark) is hidden, or None when it
    is shown. A share of nobody is no figure at all (None too: shown as "–"). 0 % is always shown: that none of a group
    paid above the fee cap identifies no one, whatever the group's size. Otherwise a base under five hides the share
    (SMALL_BASE), and so does a hidden numerator or base, which the share would give away (SECONDARY)."""
    if not base or numerator == 0:
        return None
    if base_mark == PRIMARY:
        return SMALL_BASE
    if numerator_mark or base_mark:
        return SECONDARY
    return None


def median_mark(people):
    """A median over 1 to 4 people is hidden: it is nearly one person's own figure."""
    return SMALL_BASE if 0 < people < SMALL_CELL else None


@dataclass(frozen=True)
class Forecast:
    values: list  # the next periods' projected values
    mean_absolute_error: float | None  # of one-step-ahead forecasts over the past periods; None with too little history
    backtested: int  # how many past periods that error covers


def linear_trend_forecast(history, *, ahead=3, window=12, minimum=3):
    """Ordinary least squares line through the last `window` values, extended `ahead` periods (never below zero). Its
    error is measured by rolling origin: each past period from the `minimum`-th on is forecast from the periods before
    it alone, and the absolute errors are averaged."""
    values = [float(value) for value in history]
    if len(values) < minimum:  # a line through one or two months says nothing worth showing
        return Forecast([], None, 0)
    errors = [abs(_project(values[max(0, t - window):t], 1)[0] - values[t]) for t in range(minimum, len(values))]
    return Forecast(
        [round(value, 1) for value in _project(values[-window:], ahead)],
        round(sum(errors) / len(errors), 1) if errors else None,
        len(errors),
    )


def _project(values, ahead):
    n = len(values)
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    spread = sum((x - mean_x) ** 2 for x in range(n))
    slope = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values)) / spread if spread else 0.0
    return [max(0.0, mean_y + slope * (n - 1 + step - mean_x)) for step in range(1, ahead + 1)]
