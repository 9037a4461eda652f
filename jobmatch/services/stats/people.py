"""People's figures as a reader splits them (by priority group, sex or age band), and month by month within a year."""
from datetime import date

from jobmatch.rules.stats import Period
from jobmatch.services.stats.cells import PERSON_PARTITIONS, PERSON_VALUES, SPLIT, FigureTable, hidden, split_cells
from jobmatch.services.stats.published import LinkedMarks, rate_bases_hidden
from jobmatch.services.stats.snapshots import computed_starts, series


def person_rows(stored, people, metrics):
    """{metric: {column: StatSnapshot or None}}: each figure's priority groups and all (from `stored`, the area's
    totals), and each sex and age band (from `people`, snapshots.people_snapshots)."""
    return {
        metric: {**{group: stored.get((metric, "", group)) for group in SPLIT},
                 **{value: people.get((metric, value)) for value in PERSON_VALUES}}
        for metric in metrics
    }


def person_cells(rows, kind, *, also=(), suppress=True):
    """{metric: {column: Cell}} over every split at once: a reader who chooses each split in turn sees every cell, so
    a cell hidden under one split is protected against the sums of all of them. `also`: the (figure, column) cells
    that other public pages hide (of a share, its numerator's figure is the share's, its denominator's as
    published.RATE_PARTS names it)."""
    base_also = rate_bases_hidden(also) if kind == "rate" else ()
    return split_cells(rows, kind, also=also, base_also=base_also, suppress=suppress, partitions=PERSON_PARTITIONS)


# The figures of the month-by-month table, each a count of events in a month, so that the months add up to the year.
MONTHLY_COLUMNS = {"registered": ("registered", "all"), "hires_priority": ("hires", "priority"), "hires_all": ("hires", "all")}


def monthly_table(area_kind, area_code, period, *, suppress, linked=None):
    """The months of the period's year up to the period's last, as computed: people registered and placed in work. On
    a public page a cell is hidden as it is on its own month's page, where the provinces, the country and the year's
    months are suppressed together (published.LinkedMarks)."""
    last = Period.containing("month", period.end)
    candidates = [Period("month", date(last.start.year, month, 1)) for month in range(1, last.start.month + 1)]
    computed = computed_starts(candidates)
    months = [month for month in candidates if month.start in computed]
    if not months:
        return FigureTable("monthly", "period", tuple(MONTHLY_COLUMNS), [])
    stored = {metric: series(metric=metric, area_kind=area_kind, area_code=area_code, periods=months)
              for metric in {metric for metric, _ in MONTHLY_COLUMNS.values()}}
    marks = (linked or LinkedMarks())(months[0], sorted({metric for metric, _ in MONTHLY_COLUMNS.values()})) if suppress else {}
    rows = []
    for month in months:
        cells = {}
        for column, (metric, group) in MONTHLY_COLUMNS.items():
            snapshot = stored[metric].get((month.start, group))
            mark = marks.get((metric, str(area_code), month, group))
            cells[column] = hidden(snapshot.count if snapshot else 0, "count", mark)
        rows.append((month, cells))
    return FigureTable("monthly", "period", tuple(MONTHLY_COLUMNS), rows)
