"""The cells of the dashboards' tables: a figure with why it is hidden, and people counts split by priority group, sex
and age band made into cells, suppressed for publication or whole for a centre's own readers."""
from dataclasses import dataclass

from jobmatch.models.job_seeker import SEXES
from jobmatch.rules.person import AGE_BANDS
from jobmatch.rules.stats import SECONDARY, median_mark, share_mark, suppression

SPLIT = ("priority", "other", "all")
# What a reader may split people's figures by: each split's columns add up to "all" (a job seeker is in one priority
# group, states one sex or none, and has one age band on the period's last day, "unknown" without a birth date).
PERSON_SPLITS = {"none": (), "priority": ("priority", "other"), "sex": SEXES, "age_band": AGE_BANDS}
# Every split of a row is published (a reader may choose each in turn), so cells are suppressed over all of them at once.
PERSON_PARTITIONS = tuple((*columns, "all") for columns in PERSON_SPLITS.values() if columns)
PERSON_VALUES = (*SEXES, *AGE_BANDS)  # the breakdown values of the snapshots of the sex and age_band breakdowns


def split_columns(split, *, gap=False):
    """A table's columns for a split of people's figures: each group, then all (and the priority gap of a share)."""
    columns = (*PERSON_SPLITS[split], "all")
    return (*columns, "gap") if gap and split == "priority" else columns


@dataclass(frozen=True)
class Cell:
    value: object  # a number; None when hidden (see mark) or when there is no figure (a share of nobody)
    kind: str = "count"  # count, rate (a share), days (a median), points (a gap between rates), ratio
    mark: str | None = None  # why it is hidden: rules.stats.PRIMARY, SECONDARY or SMALL_BASE


@dataclass(frozen=True)
class FigureTable:
    name: str
    row_kind: str  # what a row's key is: metric, period, occupation, destination, sector, isco_major, province, target
    columns: tuple
    rows: list  # [(row key, {column: Cell})]


def hidden(value, kind, mark):
    """A cell as published: its value unless it has a mark."""
    return Cell(None if mark else value, kind, mark)


def split_counts(rows_of_snapshots, field="count"):
    """{(row, group): number} for suppression, zero where nothing was stored."""
    return {
        (row, group): (getattr(snapshot, field) or 0) if snapshot else 0
        for row, groups in rows_of_snapshots.items() for group, snapshot in groups.items()
    }


def split_groups(rows, *, columns_add_up=False, partitions=(SPLIT,)):
    """The published sums: each row's priority and other make its "all" (so any two of the three give the third), and
    so do its sexes and its age bands (with PERSON_PARTITIONS); with columns_add_up, each column's rows make a
    published total too (a breakdown of an area, the provinces of the country)."""
    groups = [[(row, column) for column in partition] for row in rows for partition in partitions]
    if columns_add_up:
        columns = dict.fromkeys(column for partition in partitions for column in partition)
        groups += [[(row, column) for row in rows] for column in columns]
    return groups


def split_cells(rows_of_snapshots, kind, *, columns_add_up=False, also=(), base_also=(), suppress=True,
                partitions=(SPLIT,)):
    """{row: {group: Cell}} of people counts, or of shares of people (with a "gap" between the priority groups'
    shares); `also`: (row, group) cells hidden on another page (of a share: its numerator), `base_also`: the shares'
    denominators hidden there. A share is hidden with its numerator or its denominator. Unsuppressed (a centre's own
    readers) every cell is whole."""
    groups = split_groups(list(rows_of_snapshots), columns_add_up=columns_add_up, partitions=partitions)
    counts = split_counts(rows_of_snapshots)
    marks = suppression(counts, groups, also=also) if suppress else {}
    if kind == "rate":
        bases = split_counts(rows_of_snapshots, "base")
        base_marks = suppression(bases, groups, also=base_also) if suppress else {}
    cells = {}
    for row, groups_of_row in rows_of_snapshots.items():
        row_cells = {}
        for group, snapshot in groups_of_row.items():
            key = (row, group)
            if kind == "rate":
                mark = share_mark(numerator=counts[key], base=bases[key], numerator_mark=marks.get(key),
                                  base_mark=base_marks.get(key)) if suppress else None
                row_cells[group] = hidden(snapshot.value if snapshot else None, kind, mark)
            else:
                row_cells[group] = hidden(counts[key], kind, marks.get(key))
        if kind == "rate" and "priority" in row_cells:
            row_cells["gap"] = gap_cell(row_cells["priority"], row_cells["other"])
        cells[row] = row_cells
    return cells


def gap_cell(priority, other):
    """The priority group's share minus everyone else's, in points; hidden when either share is (it would give it
    away)."""
    if priority.mark or other.mark:
        return Cell(None, "points", SECONDARY)
    if priority.value is None or other.value is None:
        return Cell(None, "points")
    return Cell(priority.value - other.value, "points")


def median_cell(snapshot, *, suppress=True):
    """A median of days over the snapshot's count of people, hidden over fewer than five."""
    if snapshot is None:
        return Cell(None, "days")
    return hidden(snapshot.value, "days", median_mark(snapshot.count) if suppress else None)
