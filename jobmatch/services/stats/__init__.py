"""Matching-success statistics, stored as snapshots per period and area, and the yearly plans they are read against."""
from jobmatch.services.stats.cells import Cell, FigureTable
from jobmatch.services.stats.computation import REVISED_MONTHS, compute_day, compute_periods, revise_months
from jobmatch.services.stats.dashboard import (
    Dashboard,
    centre_dashboard,
    dashboard,
    overview_tables,
    province_dashboard,
    provinces_table,
    record_internal_export,
)
from jobmatch.services.stats.facts import Family, families
from jobmatch.services.stats.overseas_tables import overseas_tables
from jobmatch.services.stats.plans import set_plan, yearly_targets
from jobmatch.services.stats.snapshots import chosen_period, computed_starts, latest_period, province_snapshots, series, snapshots

__all__ = [
    "REVISED_MONTHS",
    "Cell",
    "Dashboard",
    "FigureTable",
    "Family",
    "centre_dashboard",
    "chosen_period",
    "compute_day",
    "compute_periods",
    "computed_starts",
    "dashboard",
    "families",
    "latest_period",
    "overseas_tables",
    "overview_tables",
    "province_dashboard",
    "province_snapshots",
    "provinces_table",
    "record_internal_export",
    "revise_months",
    "series",
    "set_plan",
    "snapshots",
    "yearly_targets",
]
