"""The dashboards' tables (a centre's, a province's, the country's, the public overview): small cells suppressed on the
public ones, whole on a centre's own (internal, not for publication)."""
from dataclasses import dataclass

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.centre import Centre
from jobmatch.models.place import Province
from jobmatch.models.stats import PLAN_TARGETS
from jobmatch.rules.stats import SECONDARY, SMALL_CELL, Period, linear_trend_forecast
from jobmatch.services import audit
from jobmatch.services.authorization import authorize, find, find_for
from jobmatch.services.stats.cells import SPLIT, Cell, FigureTable, median_cell, split_cells, split_columns
from jobmatch.services.stats.overseas_tables import overseas_tables
from jobmatch.services.stats.people import monthly_table, person_cells, person_rows
from jobmatch.services.stats.plans import yearly_targets
from jobmatch.services.stats.published import RATE_PARTS, LinkedMarks, breakdown_hidden, marks_of
from jobmatch.services.stats.snapshots import computed_starts, people_snapshots, province_snapshots, series, snapshots

# What the dashboards show. Figures about people are suppressed under five; figures about vacancies are not.
PEOPLE_METRICS = ("registered", "active_seekers", "applications", "referrals", "hires", "overseas_hires")
PEOPLE_RATES = ("connection_success", "referral_to_hire", "retention_3m", "retention_6m")
VACANCY_METRICS = ("vacancies_posted", "openings_posted", "no_applicant", "time_to_fill")
MEDIANS = ("time_to_placement", "time_to_fill")
RATES = (*PEOPLE_RATES, "no_applicant")
BREAKDOWN_TABLES = ("destination", "sector", "isco_major", "programme")
TREND_LENGTH = 12
TREND_FIGURES = ("hires", "connection_success", "active_seekers")  # linked together for the trend's periods


@dataclass(frozen=True)
class Dashboard:
    area_kind: str
    area_code: str
    period: object
    tables: dict  # name → Table
    forecasts: dict  # "supply" / "demand" → Forecast over the month series
    computed: bool  # whether the statistics job has run for this period
    internal: bool = False  # a centre's own figures, whole: not for publication
    split: str = "priority"  # what people's figures are split by (cells.PERSON_SPLITS)

    def table(self, name):
        return self.tables.get(name)


def dashboard(*, area_kind, area_code, period, internal=False, split="priority"):
    """Every table of a centre's, a province's or the country's dashboard for one period, people's figures split as the
    reader chose (by priority group, sex or age band, or not at all): small cells suppressed so that none can be
    recovered from this page, its other splits or any other public page, or, internal (a centre's own officers and
    administrators), every figure whole."""
    area_code = str(area_code)
    suppress = not internal
    stored = snapshots(period=period, area_kind=area_kind, area_code=area_code)
    linked = LinkedMarks()
    where = {"area_kind": area_kind, "area_code": area_code, "period": period, "suppress": suppress, "split": split}
    tables = {"headline": _headline_table(stored, with_vacancies=area_kind != "centre", linked=linked, **where)}
    tables["plan"] = _plan_table(area_kind, area_code, period, tables["headline"] if period.kind == "year" else None,
                                 suppress=suppress, linked=linked)
    tables["monthly"] = monthly_table(area_kind, area_code, period, suppress=suppress, linked=linked)
    tables["trend"] = _trend_table(area_kind, area_code, period, suppress=suppress, linked=linked)
    forecasts = {}
    # A centre's breakdowns are internal only: no public page shows them, and none links them to the published ones.
    if area_kind != "centre" or internal:
        for breakdown in BREAKDOWN_TABLES:
            tables[f"by_{breakdown}"] = _breakdown_table(area_kind, area_code, period, breakdown, suppress=suppress,
                                                         linked=linked)
    if area_kind != "centre":
        tables["supply_demand"] = _supply_demand_table(area_kind, area_code, period, suppress=suppress)
        forecasts = _supply_demand_forecasts(area_kind, area_code, period, suppress=suppress)
    also = marks_of(linked(period), area_code=area_code, period=period) if suppress and area_kind != "centre" else ()
    tables.update(overseas_tables(area_kind=area_kind, area_code=area_code, period=period, suppress=suppress, split=split,
                                  also=also, linked=linked))
    return Dashboard(area_kind, area_code, period, tables, forecasts, computed=bool(stored), internal=internal, split=split)


def _headline_table(stored, *, area_kind, area_code, period, with_vacancies, linked, suppress=True, split="priority",
                    name="headline"):
    """People's figures split as chosen (every split's cells suppressed together, and with the table of provinces and
    the linked periods for a province or the country), then, with_vacancies, the vacancies' (never suppressed)."""
    # A province's figures are also published in the table of provinces, and a month's in its year.
    also = _hidden_in_provinces_table(period, area_code, linked) if suppress and area_kind in ("province", "country") else ()
    people = people_snapshots(period=period, area_kind=area_kind, area_code=area_code,
                              metrics=[*PEOPLE_METRICS, *PEOPLE_RATES, "time_to_placement"])
    counts = person_cells(person_rows(stored, people, PEOPLE_METRICS), "count", also=also, suppress=suppress)
    rates = person_cells(person_rows(stored, people, PEOPLE_RATES), "rate", also=also, suppress=suppress)
    medians = person_rows(stored, people, ("time_to_placement",))["time_to_placement"]
    rows = [(metric, counts[metric]) for metric in PEOPLE_METRICS] + [(metric, rates[metric]) for metric in PEOPLE_RATES]
    rows.append(("time_to_placement", {column: median_cell(snapshot, suppress=suppress) for column, snapshot in medians.items()}))
    if with_vacancies:
        for metric in VACANCY_METRICS:
            snapshot = stored.get((metric, "", "all"))
            kind = "days" if metric in MEDIANS else "rate" if metric in RATES else "count"
            value = (snapshot.value if kind != "count" else snapshot.count) if snapshot else (0 if kind == "count" else None)
            rows.append((metric, {"all": Cell(value, kind)}))
    return FigureTable(name, "metric", split_columns(split, gap=True), rows)


def _breakdown_table(area_kind, area_code, period, breakdown, *, suppress, linked):
    """Hires by the breakdown's rows; on a public page each cell hidden as the other periods' pages require."""
    stored = snapshots(period=period, area_kind=area_kind, area_code=area_code, breakdown=breakdown, metrics=["hires"])
    values = sorted({value for (_, value, _) in stored})
    rows_of_snapshots = {value: {group: stored.get(("hires", value, group)) for group in SPLIT} for value in values}
    also = breakdown_hidden(linked, figure="hires", breakdown=breakdown, area_code=area_code, period=period) if suppress else ()
    cells = split_cells(rows_of_snapshots, "count", columns_add_up=True, also=also, suppress=suppress)
    largest_first = sorted(values, key=lambda value: -(rows_of_snapshots[value]["all"].count if rows_of_snapshots[value]["all"] else 0))
    rows = [(value, cells[value]) for value in largest_first]
    return FigureTable(f"by_{breakdown}", breakdown, SPLIT, rows)


def _trend_table(area_kind, area_code, period, *, suppress, linked):
    """The last periods of the same kind that the statistics job has computed; a province's hires hidden as on the
    pages of those periods."""
    candidates = [period.shift(-steps) for steps in range(TREND_LENGTH - 1, -1, -1)]
    computed = computed_starts(candidates)
    periods = [p for p in candidates if p.start in computed]
    if not periods:
        return FigureTable("trend", "period", (), [])
    hires = series(metric="hires", area_kind=area_kind, area_code=area_code, periods=periods)
    success = series(metric="connection_success", area_kind=area_kind, area_code=area_code, periods=periods)
    published = suppress and area_kind == "province"
    hire_cells = split_cells({p.start: {group: hires.get((p.start, group)) for group in SPLIT} for p in periods}, "count",
                             also=_published(area_code, periods, linked, "hires") if published else (), suppress=suppress)
    success_cells = split_cells(
        {p.start: {group: success.get((p.start, group)) for group in SPLIT} for p in periods}, "rate",
        also=_published(area_code, periods, linked, "connection_success") if published else (),
        base_also=_published(area_code, periods, linked, RATE_PARTS["connection_success"][1]) if published else (),
        suppress=suppress)
    rows = [
        (p, {**{f"hires_{group}": hire_cells[p.start][group] for group in SPLIT},
             **{f"success_{group}": success_cells[p.start][group] for group in ("priority", "other")}})
        for p in periods
    ]
    columns = (*(f"hires_{group}" for group in SPLIT), "success_priority", "success_other")
    return FigureTable("trend", "period", columns, rows)


def _published(area_code, periods, linked, figure):
    """{(period start, group)} of a province's figure that the public pages of those periods hide."""
    return {(p.start, group) for p in periods for marked, group in marks_of(linked(p, TREND_FIGURES), area_code=area_code, period=p)
            if marked == figure}


def _supply_demand_table(area_kind, area_code, period, *, suppress):
    stored = snapshots(period=period, area_kind=area_kind, area_code=area_code, breakdown="occupation",
                       metrics=["supply", "demand"])
    occupations = sorted({value for (_, value, _) in stored})
    supply = {code: {group: stored.get(("supply", code, group)) for group in SPLIT} for code in occupations}
    supply_cells = split_cells(supply, "count", columns_add_up=True, suppress=suppress)
    rows = []
    for code in occupations:
        demand = stored.get(("demand", code, "all"))
        openings = demand.count if demand else 0
        people = supply_cells[code]["all"]
        ratio = Cell(None, "ratio", SECONDARY) if people.mark else Cell(openings / people.value if people.value else None, "ratio")
        rows.append((code, {
            "supply_priority": supply_cells[code]["priority"], "supply_all": people, "demand": Cell(openings), "ratio": ratio,
        }))
    rows.sort(key=lambda item: -(item[1]["demand"].value or 0))
    return FigureTable("supply_demand", "occupation", ("supply_priority", "supply_all", "demand", "ratio"), rows)


def _supply_demand_forecasts(area_kind, area_code, period, *, suppress):
    """A linear trend over the monthly totals up to the period's month, with its one-step-ahead error."""
    month = Period.containing("month", period.start)
    months = [month.shift(-steps) for steps in range(TREND_LENGTH - 1, -1, -1)]
    forecasts = {}
    for metric in ("supply", "demand"):
        stored = series(metric=metric, area_kind=area_kind, area_code=area_code, periods=months)
        history = [stored[(m.start, "all")].count for m in months if (m.start, "all") in stored]
        # A forecast from figures of 1 to 4 would publish them (supply counts people): none then.
        publishable = not suppress or all(value == 0 or value >= SMALL_CELL for value in history)
        forecasts[metric] = linear_trend_forecast(history if publishable else [])
    return forecasts


def overview_tables(*, period, split="priority"):
    """The public overview's tables: every province's figures; the country's figures about people, split as the reader
    chose, and month by month within the year; and the country's overseas figures."""
    stored = snapshots(period=period, area_kind="country", area_code="VN")
    linked = LinkedMarks()
    return {
        "provinces": provinces_table(period=period, linked=linked),
        "people": _headline_table(stored, area_kind="country", area_code="VN", period=period, with_vacancies=False,
                                  split=split, name="people", linked=linked),
        "monthly": monthly_table("country", "VN", period, suppress=True, linked=linked),
        **overseas_tables(area_kind="country", area_code="VN", period=period, split=split,
                          also=marks_of(linked(period), area_code="VN", period=period), linked=linked),
    }


def _plan_table(area_kind, area_code, period, year_headline=None, *, suppress, linked):
    """Targets of the period's year against the year's figures so far, as the year's headline shows them (the same
    cells hidden)."""
    if area_kind == "country":
        return FigureTable("plan", "target", ("target", "actual", "progress"), [])
    year = Period.containing("year", period.start)
    plans = yearly_targets(year=year.start.year, area_kind=area_kind, area_code=area_code)
    if not plans:
        return FigureTable("plan", "target", ("target", "actual", "progress"), [])
    if year_headline is None:
        year_headline = _headline_table(snapshots(period=year, area_kind=area_kind, area_code=area_code), area_kind=area_kind,
                                        area_code=area_code, period=year, with_vacancies=False, suppress=suppress,
                                        linked=linked)
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
        # Progress against a known target would give a hidden actual away.
        progress = Cell(None, "rate", SECONDARY) if actual.mark else Cell(
            actual.value / plans[target] if plans[target] else None, "rate")
        rows.append((target, {"target": Cell(plans[target]), "actual": actual, "progress": progress}))
    return FigureTable("plan", "target", ("target", "actual", "progress"), rows)


PROVINCE_TABLE_METRICS = ("registered", "active_seekers", "hires", "connection_success")


def _provinces_cells(period, linked):
    """{metric: {area: {group: Cell}}} of the country and every province, suppressed together and with the pages of the
    linked periods (a month's within its year)."""
    stored = province_snapshots(period=period, metrics=PROVINCE_TABLE_METRICS)
    areas = ["VN", *db.session.scalars(select(Province.code).order_by(Province.name))]
    marks = linked(period)
    cells = {}
    for metric in PROVINCE_TABLE_METRICS:
        kind = "rate" if metric in RATES else "count"
        per_area = {area: {group: stored.get((metric, area, group)) for group in SPLIT} for area in areas}
        def hidden_elsewhere(figure):
            return {(area, group) for (marked, area, marked_period, group) in marks if marked == figure and marked_period == period}

        base_also = hidden_elsewhere(RATE_PARTS[metric][1]) if metric in RATE_PARTS else ()
        cells[metric] = split_cells(per_area, kind, columns_add_up=kind == "count", also=hidden_elsewhere(metric),
                                    base_also=base_also)
    return cells


def _hidden_in_provinces_table(period, province_code, linked):
    """{(metric, group)} of a province's cells that the table of provinces and its linked periods hide."""
    return {
        (metric, group)
        for metric, per_area in _provinces_cells(period, linked).items()
        for group, cell in per_area.get(province_code, {}).items()
        if group in SPLIT and cell.mark
    } | marks_of(linked(period), area_code=province_code, period=period)


def provinces_table(*, period, linked=None):
    """The public table: the country and every province, people counts suppressed so that none can be recovered."""
    cells = _provinces_cells(period, linked or LinkedMarks())
    columns = ("registered", "active_seekers", "hires_priority", "hires_all", "connection_success")
    rows = [
        (area, {"registered": cells["registered"][area]["all"], "active_seekers": cells["active_seekers"][area]["all"],
                "hires_priority": cells["hires"][area]["priority"], "hires_all": cells["hires"][area]["all"],
                "connection_success": cells["connection_success"][area]["all"]})
        for area in cells["registered"]
    ]
    return FigureTable("provinces", "province", columns, rows)


def centre_dashboard(*, actor, centre_id, period, split="priority"):
    """A centre's figures, for its own officers and administrators only, and so whole: internal, not for publication
    (whatever leaves as a file is audited: record_internal_export)."""
    centre = find_for(actor, Centre, centre_id)
    authorize(actor, "stats.read_centre", centre)
    return centre, dashboard(area_kind="centre", area_code=centre.id, period=period, internal=True, split=split)


def record_internal_export(*, actor, centre_id):
    """An internal (unsuppressed) file of a centre's figures leaves the system: who took it is audited."""
    centre = find_for(actor, Centre, centre_id)
    authorize(actor, "stats.read_centre", centre)
    audit.record(action="stats.internal_export", actor=actor, subject_type="centre", subject_id=centre.id)
    db.session.commit()


def province_dashboard(*, province_code, period, split="priority"):
    """A province's published figures (public: every people count of 1 to 4 is suppressed, and every cell that would
    give one away)."""
    province = find(Province, province_code)
    return province, dashboard(area_kind="province", area_code=province.code, period=period, split=split)
