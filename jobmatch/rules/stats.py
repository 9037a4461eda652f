"""Pure rules of the statistics: periods, the suppression of small cells, and the trend forecast."""
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from jobmatch.rules.clock import VIETNAM, day_text

PERIOD_KINDS = ("day", "week", "month", "year")

# Published cells under this many people are shown as "<5" (DESIGN.md: sensitive data stays with those who need it).
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


def suppressed_cells(counts, totals, *, also=()):
    """Which cells to publish as "<5". `counts` maps a cell key to a number of people; `totals` lists groups of keys
    whose sum is published elsewhere (a row's priority and other add up to its all; a breakdown's rows add up to the
    area total). A cell under SMALL_CELL is suppressed (primary); then, so that no suppressed cell can be recovered by
    subtracting the others from a published total, every group with exactly one suppressed cell also loses its smallest
    other cell (secondary), until no such group is left. Cells in `also` start hidden (hidden on another page that
    publishes them: the same cell must be hidden everywhere)."""
    hidden = {key for key, count in counts.items() if count < SMALL_CELL} | (set(also) & set(counts))
    changed = True
    while changed:
        changed = False
        for group in totals:
            present = [key for key in group if key in counts]
            suppressed = [key for key in present if key in hidden]
            if len(suppressed) == 1:
                shown = [key for key in present if key not in hidden]
                if shown:
                    hidden.add(min(shown, key=lambda key: (counts[key], str(key))))
                    changed = True
    return hidden


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
