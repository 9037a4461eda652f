"""The dashboards' tables (a centre's, a province's, the country's, the public overview), small cells suppressed."""
from dataclasses import dataclass

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.centre import Centre
from jobmatch.models.overseas import Programme
from jobmatch.models.place import Province
from jobmatch.models.stats import PLAN_TARGETS
from jobmatch.rules.stats import SMALL_CELL, Period, linear_trend_forecast, suppressed_cells
from jobmatch.services.authorization import authorize, find, find_for
from jobmatch.services.stats.plans import yearly_targets
from jobmatch.services.stats.snapshots import computed_starts, province_snapshots, series, snapshots

# What the dashboards show. Figures about people are suppressed under five; figures about vacancies are not.
PEOPLE_METRICS = ("registered", "active_seekers", "applications", "referrals", "hires", "overseas_hires")
PEOPLE_RATES = ("connection_success", "referral_to_hire", "retention_3m", "retention_6m")
VACANCY_METRICS = ("vacancies_posted", "openings_posted", "no_applicant", "time_to_fill")
MEDIANS = ("time_to_placement", "time_to_fill")
RATES = (*PEOPLE_RATES, "no_applicant")
SPLIT = ("priority", "other", "all")
BREAKDOWN_TABLES = ("destination", "sector", "isco_major", "programme")
OVERSEAS_COUNTS = ("overseas_departures", "overseas_returns")
OVERSEAS_RATES = ("fee_above_cap",)
TREND_LENGTH = 12


@dataclass(frozen=True)
class Cell:
    value: object  # a number, or None when suppressed
    kind: str = "count"  # count, rate (a share), days (a median), points (a gap between rates), ratio


@dataclass(frozen=True)
class FigureTable:
    name: str
    row_kind: str  # what a row's key is: metric, period, occupation, destination, sector, isco_major, province, target
    columns: tuple
    rows: list  # [(row key, {column: Cell})]


@dataclass(frozen=True)
class Dashboard:
    area_kind: str
    area_code: str
    period: object
    tables: dict  # name → Table
    forecasts: dict  # "supply" / "demand" → Forecast over the month series
    computed: bool  # whether the statistics job has run for this period

    def table(self, name):
        return self.tables.get(name)


def dashboard(*, area_kind, area_code, period):
    """Every table of a centre's, a province's or the country's dashboard for one period, small cells suppressed."""
    area_code = str(area_code)
    stored = snapshots(period=period, area_kind=area_kind, area_code=area_code)
    # A province's figures are also published in the table of provinces: what is hidden there is hidden here.
    also = _hidden_in_provinces_table(period, area_code) if area_kind == "province" else ()
    tables = {"headline": _headline_table(stored, with_vacancies=area_kind != "centre", also=also)}
    tables["plan"] = _plan_table(area_kind, area_code, period, tables["headline"] if period.kind == "year" else None)
    tables["trend"] = _trend_table(area_kind, area_code, period)
    forecasts = {}
    if area_kind != "centre":
        for breakdown in BREAKDOWN_TABLES:
            tables[f"by_{breakdown}"] = _breakdown_table(area_kind, area_code, period, breakdown)
        tables["supply_demand"] = _supply_demand_table(area_kind, area_code, period)
        forecasts = _supply_demand_forecasts(area_kind, area_code, period)
    tables.update(overseas_tables(area_kind=area_kind, area_code=area_code, period=period))
    return Dashboard(area_kind, area_code, period, tables, forecasts, computed=bool(stored))


def _split_counts(rows_of_snapshots, field="count"):
    """{(row, group): number} for suppression, zero where nothing was stored."""
    return {
        (row, group): (getattr(snapshot, field) or 0) if snapshot else 0
        for row, groups in rows_of_snapshots.items() for group, snapshot in groups.items()
    }


def _split_groups(rows, *, columns_add_up=False):
    """The published sums: each row's priority and other make its "all" (so any two of the three give the third);
    with columns_add_up, each column's rows make a published total too (a breakdown of an area, the months of a year,
    the provinces of the country)."""
    groups = [[(row, group) for group in SPLIT] for row in rows]
    if columns_add_up:
        groups += [[(row, group) for row in rows] for group in SPLIT]
    return groups


def _suppressed_split(rows_of_snapshots, *, columns_add_up=False, field="count", also=()):
    counts = _split_counts(rows_of_snapshots, field)
    return suppressed_cells(counts, _split_groups(list(rows_of_snapshots), columns_add_up=columns_add_up), also=also)


def _split_cells(rows_of_snapshots, kind, *, columns_add_up=False, also=()):
    """Cells of people counts, or of rates over people (hidden when numerator or base is); `also`: (row, group) cells
    hidden on another page."""
    hidden = _suppressed_split(rows_of_snapshots, columns_add_up=columns_add_up, also=also)
    if kind == "rate":
        hidden |= _suppressed_split(rows_of_snapshots, columns_add_up=columns_add_up, field="base", also=also)
    cells = {}
    for row, groups in rows_of_snapshots.items():
        row_cells = {}
        for group, snapshot in groups.items():
            if (row, group) in hidden:
                row_cells[group] = Cell(None, kind)
            elif kind == "rate":
                row_cells[group] = Cell(snapshot.value if snapshot else None, kind)
            else:
                row_cells[group] = Cell(snapshot.count if snapshot else 0, kind)
        if kind == "rate":
            priority, other = row_cells["priority"], row_cells["other"]
            gap = None if priority.value is None or other.value is None else priority.value - other.value
            row_cells["gap"] = Cell(gap, "points")
        cells[row] = row_cells
    return cells


def _headline_table(stored, *, with_vacancies, also=()):
    def groups_of(metric):
        return {group: stored.get((metric, "", group)) for group in SPLIT}

    rows = []
    counts = _split_cells({metric: groups_of(metric) for metric in PEOPLE_METRICS}, "count", also=also)
    rates = _split_cells({metric: groups_of(metric) for metric in PEOPLE_RATES}, "rate", also=also)
    for metric in PEOPLE_METRICS:
        rows.append((metric, counts[metric]))
    for metric in PEOPLE_RATES:
        rows.append((metric, rates[metric]))
    median = groups_of("time_to_placement")
    rows.append(("time_to_placement", {
        group: Cell(snapshot.value if snapshot and snapshot.count >= SMALL_CELL else None, "days")
        for group, snapshot in median.items()
    }))
    if with_vacancies:
        for metric in VACANCY_METRICS:
            snapshot = stored.get((metric, "", "all"))
            kind = "days" if metric in MEDIANS else "rate" if metric in RATES else "count"
            value = (snapshot.value if kind != "count" else snapshot.count) if snapshot else (0 if kind == "count" else None)
            rows.append((metric, {"all": Cell(value, kind)}))
    return FigureTable("headline", "metric", (*SPLIT, "gap"), rows)


def _breakdown_table(area_kind, area_code, period, breakdown):
    stored = snapshots(period=period, area_kind=area_kind, area_code=area_code, breakdown=breakdown, metrics=["hires"])
    values = sorted({value for (_, value, _) in stored})
    rows_of_snapshots = {value: {group: stored.get(("hires", value, group)) for group in SPLIT} for value in values}
    cells = _split_cells(rows_of_snapshots, "count", columns_add_up=True)
    largest_first = sorted(values, key=lambda value: -(rows_of_snapshots[value]["all"].count if rows_of_snapshots[value]["all"] else 0))
    rows = [(value, cells[value]) for value in largest_first]
    return FigureTable(f"by_{breakdown}", breakdown, SPLIT, rows)


def _trend_table(area_kind, area_code, period):
    """The last periods of the same kind that the statistics job has computed."""
    candidates = [period.shift(-steps) for steps in range(TREND_LENGTH - 1, -1, -1)]
    computed = computed_starts(candidates)
    periods = [p for p in candidates if p.start in computed]
    if not periods:
        return FigureTable("trend", "period", (), [])
    hires = series(metric="hires", area_kind=area_kind, area_code=area_code, periods=periods)
    success = series(metric="connection_success", area_kind=area_kind, area_code=area_code, periods=periods)
    hire_cells = _split_cells(
        {p.start: {group: hires.get((p.start, group)) for group in SPLIT} for p in periods}, "count", columns_add_up=True
    )
    success_cells = _split_cells({p.start: {group: success.get((p.start, group)) for group in SPLIT} for p in periods}, "rate")
    rows = [
        (p, {**{f"hires_{group}": hire_cells[p.start][group] for group in SPLIT},
             **{f"success_{group}": success_cells[p.start][group] for group in ("priority", "other")}})
        for p in periods
    ]
    columns = (*(f"hires_{group}" for group in SPLIT), "success_priority", "success_other")
    return FigureTable("trend", "period", columns, rows)


def _supply_demand_table(area_kind, area_code, period):
    stored = snapshots(period=period, area_kind=area_kind, area_code=area_code, breakdown="occupation",
                       metrics=["supply", "demand"])
    occupations = sorted({value for (_, value, _) in stored})
    supply = {code: {group: stored.get(("supply", code, group)) for group in SPLIT} for code in occupations}
    supply_cells = _split_cells(supply, "count", columns_add_up=True)
    rows = []
    for code in occupations:
        demand = stored.get(("demand", code, "all"))
        openings = demand.count if demand else 0
        people = supply_cells[code]["all"].value
        rows.append((code, {
            "supply_priority": supply_cells[code]["priority"], "supply_all": supply_cells[code]["all"],
            "demand": Cell(openings), "ratio": Cell(openings / people if people else None, "ratio"),
        }))
    rows.sort(key=lambda item: -(item[1]["demand"].value or 0))
    return FigureTable("supply_demand", "occupation", ("supply_priority", "supply_all", "demand", "ratio"), rows)


def _supply_demand_forecasts(area_kind, area_code, period):
    """A linear trend over the monthly totals up to the period's month, with its one-step-ahead error."""
    month = Period.containing("month", period.start)
    months = [month.shift(-steps) for steps in range(TREND_LENGTH - 1, -1, -1)]
    forecasts = {}
    for metric in ("supply", "demand"):
        stored = series(metric=metric, area_kind=area_kind, area_code=area_code, periods=months)
        history = [stored[(m.start, "all")].count for m in months if (m.start, "all") in stored]
        # A forecast from figures under five would publish them (supply counts people): none then.
        forecasts[metric] = linear_trend_forecast(history if all(value >= SMALL_CELL for value in history) else [])
    return forecasts


def overseas_tables(*, area_kind, area_code, period):
    """Departures, returns and the share who paid above the fee cap; for the country and provinces also by destination
    and programme, and each programme's stages ("funnel_<code>"), small cells suppressed."""
    tables = {"overseas": _overseas_table(area_kind, area_code, period)}
    if area_kind != "centre":
        for breakdown in ("destination", "programme"):
            tables[f"overseas_by_{breakdown}"] = _overseas_breakdown_table(area_kind, area_code, period, breakdown)
        for table in _funnel_tables(area_kind, area_code, period):
            tables[table.name] = table
    return tables


def _overseas_table(area_kind, area_code, period):
    stored = snapshots(period=period, area_kind=area_kind, area_code=area_code, metrics=[*OVERSEAS_COUNTS, *OVERSEAS_RATES])

    def groups_of(metric):
        return {group: stored.get((metric, "", group)) for group in SPLIT}

    counts = _split_cells({metric: groups_of(metric) for metric in OVERSEAS_COUNTS}, "count")
    rates = _split_cells({metric: groups_of(metric) for metric in OVERSEAS_RATES}, "rate")
    rows = [(metric, counts[metric]) for metric in OVERSEAS_COUNTS] + [(metric, rates[metric]) for metric in OVERSEAS_RATES]
    return FigureTable("overseas", "metric", (*SPLIT, "gap"), rows)


def _overseas_breakdown_table(area_kind, area_code, period, breakdown):
    stored = snapshots(period=period, area_kind=area_kind, area_code=area_code, breakdown=breakdown,
                       metrics=[*OVERSEAS_COUNTS, *OVERSEAS_RATES])
    values = sorted({value for (_, value, _) in stored})

    def split(metric):
        return {value: {group: stored.get((metric, value, group)) for group in SPLIT} for value in values}

    # The rows of each column add up to the area's figures in the "overseas" table.
    departures = _split_cells(split("overseas_departures"), "count", columns_add_up=True)
    returns = _split_cells(split("overseas_returns"), "count", columns_add_up=True)
    fees = _split_cells(split("fee_above_cap"), "rate", columns_add_up=True)
    rows = [
        (value, {**{f"departures_{group}": departures[value][group] for group in SPLIT},
                 "returns_all": returns[value]["all"], "fee_above_cap": fees[value]["all"]})
        for value in values
    ]
    rows.sort(key=lambda item: -(item[1]["departures_all"].value or 0))
    columns = (*(f"departures_{group}" for group in SPLIT), "returns_all", "fee_above_cap")
    return FigureTable(f"overseas_by_{breakdown}", breakdown, columns, rows)


def _funnel_tables(area_kind, area_code, period):
    """One table per programme with cases: each stage of its current path, the cases at it and those that reached it at
    the period's end, and the share of those reaching the previous stage that reached it. No total of these cells is
    published, so each is hidden under five on its own, and a share with it."""
    stored = snapshots(period=period, area_kind=area_kind, area_code=area_code, breakdown="stage",
                       metrics=["cases_reached_stage", "cases_at_stage"])
    programmes_with_cases = {value.split(":", 1)[0] for (_, value, _) in stored}
    tables = []
    for programme in db.session.scalars(select(Programme).where(Programme.code.in_(programmes_with_cases)).order_by(Programme.code)):
        keys = [f"{programme.code}:{stage['code']}" for stage in programme.current.stages]
        counts = {
            (key, metric): stored[(metric, key, "all")].count if (metric, key, "all") in stored else 0
            for key in keys for metric in ("cases_at_stage", "cases_reached_stage")
        }
        hidden = suppressed_cells(counts, [])
        rows = []
        previous = None
        for key in keys:
            at_stage, reached = ((None if (key, metric) in hidden else counts[(key, metric)])
                                 for metric in ("cases_at_stage", "cases_reached_stage"))
            cells = {"at_stage": Cell(at_stage), "reached_stage": Cell(reached)}
            if rows:
                shown = reached is not None and previous
                cells["conversion"] = Cell(reached / previous if shown else None, "rate")
            rows.append((key, cells))
            previous = reached
        tables.append(FigureTable(f"funnel_{programme.code}", "stage", ("at_stage", "reached_stage", "conversion"), rows))
    return tables


def overview_tables(*, period):
    """The public overview's tables: every province's figures, and the country's overseas figures."""
    return {"provinces": provinces_table(period=period), **overseas_tables(area_kind="country", area_code="VN", period=period)}


def _plan_table(area_kind, area_code, period, year_headline=None):
    """Targets of the period's year against the year's figures so far, as the year's headline shows them (the same
    cells hidden)."""
    if area_kind == "country":
        return FigureTable("plan", "target", ("target", "actual", "progress"), [])
    year = Period.containing("year", period.start)
    plans = yearly_targets(year=year.start.year, area_kind=area_kind, area_code=area_code)
    if not plans:
        return FigureTable("plan", "target", ("target", "actual", "progress"), [])
    if year_headline is None:
        also = _hidden_in_provinces_table(year, area_code) if area_kind == "province" else ()
        year_headline = _headline_table(snapshots(period=year, area_kind=area_kind, area_code=area_code),
                                        with_vacancies=False, also=also)
    cells = dict(year_headline.rows)
    actuals = {
        "placements": cells["hires"]["all"],
        "priority_placements": cells["hires"]["priority"],
        "overseas_placements": cells["overseas_hires"]["all"],
    }
    rows = []
    for target in PLAN_TARGETS:
        if target not in plans:
            continue
        actual = actuals[target]
        rows.append((target, {
            "target": Cell(plans[target]), "actual": actual,
            "progress": Cell(actual.value / plans[target] if plans[target] and actual.value is not None else None, "rate"),
        }))
    return FigureTable("plan", "target", ("target", "actual", "progress"), rows)


PROVINCE_TABLE_METRICS = ("registered", "active_seekers", "hires", "connection_success")


def _provinces_cells(period):
    """{metric: {area: {group: Cell}}} of the country and every province, suppressed together."""
    stored = province_snapshots(period=period, metrics=PROVINCE_TABLE_METRICS)
    areas = ["VN", *db.session.scalars(select(Province.code).order_by(Province.name))]
    cells = {}
    for metric in PROVINCE_TABLE_METRICS:
        kind = "rate" if metric in RATES else "count"
        per_area = {area: {group: stored.get((metric, area, group)) for group in SPLIT} for area in areas}
        cells[metric] = _split_cells(per_area, kind, columns_add_up=kind == "count")
    return cells


def _hidden_in_provinces_table(period, province_code):
    """{(metric, group)} of a province's cells that the table of provinces hides."""
    return {
        (metric, group)
        for metric, per_area in _provinces_cells(period).items()
        for group, cell in per_area.get(province_code, {}).items()
        if group in SPLIT and cell.value is None
    }


def provinces_table(*, period):
    """The public table: the country and every province, people counts suppressed so that none can be recovered."""
    cells = _provinces_cells(period)
    columns = ("registered", "active_seekers", "hires_priority", "hires_all", "connection_success")
    rows = [
        (area, {"registered": cells["registered"][area]["all"], "active_seekers": cells["active_seekers"][area]["all"],
                "hires_priority": cells["hires"][area]["priority"], "hires_all": cells["hires"][area]["all"],
                "connection_success": cells["connection_success"][area]["all"]})
        for area in cells["registered"]
    ]
    return FigureTable("provinces", "province", columns, rows)


def centre_dashboard(*, actor, centre_id, period):
    """A centre's figures, for its own officers and administrators."""
    centre = find_for(actor, Centre, centre_id)
    authorize(actor, "stats.read_centre", centre)
    return centre, dashboard(area_kind="centre", area_code=centre.id, period=period)


def province_dashboard(*, province_code, period):
    """A province's published figures (public: every people count under five is suppressed)."""
    province = find(Province, province_code)
    return province, dashboard(area_kind="province", area_code=province.code, period=period)
