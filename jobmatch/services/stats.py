"""Matching-success statistics: set-based SQL over job seekers, vacancies, applications, placements and overseas
cases, stored as snapshots per period and area; and the yearly plans they are read against.

Definitions (DESIGN.md sets the policy; these are the exact rules):
- A job seeker is in the priority group for a period when a priority status of theirs, verified before the period
  ended, is in force on some day of it (no end date, or an end on or after the period's first day).
- Figures about people are counted where the job seeker is registered (their ward's province, their centre); figures
  about vacancies alone where the vacancy is. Breakdowns by occupation, sector, destination and programme follow the
  vacancy. Days are Vietnam's.
- connection_success: job seekers who applied or were referred in the period (base) and of them those confirmed hired
  within 90 days of such an application (count). referral_to_hire: referrals made in the period, and those hired.
- time_to_placement: days from the application to the hire, for hires in the period (median).
  time_to_fill: days from a vacancy's posting to its first hire, for first hires in the period (median).
- no_applicant: vacancies whose deadline fell in the period (base) and those without any application (count).
- retention_3m / retention_6m: hires 90 / 180 days before the period's days, followed up (base), still employed (count).
- supply / demand at the period's end: job seekers with a visible profile wanting an occupation of the ISCO sub-major
  group; openings of vacancies open (not closed or filled), posted and not past their deadline. A vacancy closed
  early counts as closed in past periods too (its status has no history).
- Overseas cases count where their worker is registered, in their worker's group; destination and programme are the
  case's programme's.
- overseas_departures / overseas_returns: case events of kind "departure" / "return" whose day falls in the period.
  fee_above_cap: of those departures, the ones whose case has both the service fee paid and its cap recorded (base),
  and of them those that paid more than the cap (count).
- cases_reached_stage / cases_at_stage at the period's end, by stage ("<programme code>:<stage code>"): cases with an
  event of that stage on or before the period's last day; and cases whose latest such stage it is, not closed by then
  (a closing event on or before that day) nor completed by then (that stage is the last of their path, reached when
  the case completed). Their total counts each case once: cases opened, and cases still in progress, by then.
  Conversion from one stage to the next on the programme's current path is reached(next) / reached(this), worked out
  when shown.
Every run recomputes whole periods from the rows as they are, so a repeated run gives the same figures.
"""
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, and_, case, delete, exists, func, insert, or_, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from jobmatch.extensions import db
from jobmatch.models.application import Application, Placement, PlacementFollowUp
from jobmatch.models.centre import Centre
from jobmatch.models.employer import Employer
from jobmatch.models.job_seeker import JobSeeker, PriorityStatus
from jobmatch.models.overseas import OverseasCase, OverseasCaseEvent, Programme
from jobmatch.models.place import Province, Ward
from jobmatch.models.stats import PLAN_TARGETS, Plan, StatSnapshot
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import vietnam_today
from jobmatch.rules.stats import SMALL_CELL, Period, linear_trend_forecast, periods_containing, suppressed_cells
from jobmatch.services.authorization import authorize, find, find_for
from jobmatch.services.transaction import commit


class local_date(FunctionElement):  # noqa: N801 (a SQL function)
    """The Vietnam date of a stored UTC time."""

    type = Date()
    inherit_cache = True


@compiles(local_date, "sqlite")
def _local_date_sqlite(element, compiler, **kw):
    return f"date({compiler.process(element.clauses, **kw)}, '+7 hours')"


@compiles(local_date, "postgresql")
def _local_date_postgresql(element, compiler, **kw):
    return f"CAST(({compiler.process(element.clauses, **kw)}) + INTERVAL '7 hours' AS DATE)"


class days_between(FunctionElement):  # noqa: N801 (a SQL function)
    """Whole days from the second date to the first."""

    type = Integer()
    inherit_cache = True


@compiles(days_between, "sqlite")
def _days_between_sqlite(element, compiler, **kw):
    later, earlier = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


@compiles(days_between, "postgresql")
def _days_between_postgresql(element, compiler, **kw):
    later, earlier = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"(CAST({later} AS DATE) - CAST({earlier} AS DATE))"


def _json_text_elements(column, name):
    """The elements of a JSON array column as rows of text (column "value"), correlated with the column's table."""
    if db.engine.dialect.name == "postgresql":
        return func.json_array_elements_text(column).table_valued("value").render_derived(name=name)
    return func.json_each(column).table_valued("value").alias(name)


# Figures of one kind of row, computed together: the fact rows of a period, the areas and breakdowns that apply,
# whether they split by priority group, and each metric's aggregates over the fact rows.
@dataclass(frozen=True)
class Family:
    name: str
    facts: object  # period → a subquery with columns province, centre, the breakdown columns, priority_group and measures
    areas: tuple
    breakdowns: tuple
    split: bool
    counts: dict  # metric → (count aggregate, base aggregate or None); "all" is the sum of the two groups
    medians: dict  # metric → the fact column whose median is the figure


VACANCY_BREAKDOWNS = ("total", "isco_major", "sector", "destination", "programme")


def _priority_seekers(period):
    """The job seekers in the priority group for the period, each once (joined, not looked up row by row)."""
    _, end_utc = period.utc_bounds()
    return (
        select(PriorityStatus.job_seeker_id)
        .where(
            PriorityStatus.verified_at < end_utc,
            or_(PriorityStatus.valid_until.is_(None), PriorityStatus.valid_until >= period.start),
        )
        .distinct()
        .subquery("priority_seekers")
    )


def _with_priority_group(statement, period):
    """The statement (which selects from job_seeker) with a priority_group column: "priority" or "other"."""
    priority = _priority_seekers(period)
    group = case((priority.c.job_seeker_id.is_not(None), "priority"), else_="other").label("priority_group")
    return statement.add_columns(group).outerjoin(priority, priority.c.job_seeker_id == JobSeeker.id)


def _vacancy_columns():
    return [
        func.substr(Vacancy.isco_code, 1, 1).label("isco_major"),
        Employer.sector.label("sector"),
        Vacancy.destination_country.label("destination"),
        Vacancy.programme.label("programme"),
    ]


def _seeker_ward():
    return Ward.__table__.alias("seeker_ward")


def _job_seeker_facts(period):
    start_utc, end_utc = period.utc_bounds()
    statement = (
        select(Ward.province_code.label("province"), JobSeeker.centre_id.label("centre"))
        .select_from(JobSeeker)
        .outerjoin(Ward, Ward.code == JobSeeker.ward_code)
        .where(JobSeeker.created_at >= start_utc, JobSeeker.created_at < end_utc)
    )
    return _with_priority_group(statement, period).subquery()


def _posted_vacancy_facts(period):
    start_utc, end_utc = period.utc_bounds()
    return (
        select(Ward.province_code.label("province"), *_vacancy_columns(), Vacancy.openings.label("openings"))
        .select_from(Vacancy)
        .join(Employer, Employer.id == Vacancy.employer_id)
        .outerjoin(Ward, Ward.code == Vacancy.ward_code)
        .where(Vacancy.status != "draft", Vacancy.posted_at >= start_utc, Vacancy.posted_at < end_utc)
        .subquery()
    )


def _closing_vacancy_facts(period):
    applied = exists().where(Application.vacancy_id == Vacancy.id)
    return (
        select(Ward.province_code.label("province"), *_vacancy_columns(), case((applied, 0), else_=1).label("no_applicant"))
        .select_from(Vacancy)
        .join(Employer, Employer.id == Vacancy.employer_id)
        .outerjoin(Ward, Ward.code == Vacancy.ward_code)
        .where(Vacancy.status != "draft", Vacancy.deadline >= period.start, Vacancy.deadline <= period.end)
        .subquery()
    )


def _application_facts(period):
    start_utc, end_utc = period.utc_bounds()
    seeker_ward = _seeker_ward()
    days_to_hire = days_between(Placement.hire_date, local_date(Application.created_at))
    statement = (
        select(
            seeker_ward.c.province_code.label("province"), JobSeeker.centre_id.label("centre"), *_vacancy_columns(),
            Application.job_seeker_id.label("job_seeker_id"),
            case((Application.source == "referral", 1), else_=0).label("referral"),
            case((Placement.id.is_not(None), 1), else_=0).label("hired"),
            case((and_(Placement.id.is_not(None), days_to_hire <= 90), 1), else_=0).label("hired_90"),
        )
        .select_from(Application)
        .join(JobSeeker, JobSeeker.id == Application.job_seeker_id)
        .join(Vacancy, Vacancy.id == Application.vacancy_id)
        .join(Employer, Employer.id == Vacancy.employer_id)
        .outerjoin(seeker_ward, seeker_ward.c.code == JobSeeker.ward_code)
        .outerjoin(Placement, Placement.application_id == Application.id)
        .where(Application.created_at >= start_utc, Application.created_at < end_utc)
    )
    return _with_priority_group(statement, period).subquery()


def _hire_facts(period):
    seeker_ward = _seeker_ward()
    statement = (
        select(
            seeker_ward.c.province_code.label("province"), JobSeeker.centre_id.label("centre"), *_vacancy_columns(),
            case((Vacancy.is_overseas, 1), else_=0).label("overseas"),
            days_between(Placement.hire_date, local_date(Application.created_at)).label("days"),
        )
        .select_from(Placement)
        .join(Application, Application.id == Placement.application_id)
        .join(JobSeeker, JobSeeker.id == Application.job_seeker_id)
        .join(Vacancy, Vacancy.id == Application.vacancy_id)
        .join(Employer, Employer.id == Vacancy.employer_id)
        .outerjoin(seeker_ward, seeker_ward.c.code == JobSeeker.ward_code)
        .where(Placement.hire_date >= period.start, Placement.hire_date <= period.end)
    )
    return _with_priority_group(statement, period).subquery()


def _first_hire_facts(period):
    first_hires = (
        select(Application.vacancy_id.label("vacancy_id"), func.min(Placement.hire_date).label("hire_date"))
        .join(Placement, Placement.application_id == Application.id)
        .group_by(Application.vacancy_id)
        .subquery()
    )
    return (
        select(
            Ward.province_code.label("province"), *_vacancy_columns(),
            days_between(first_hires.c.hire_date, local_date(Vacancy.posted_at)).label("days"),
        )
        .select_from(Vacancy)
        .join(first_hires, first_hires.c.vacancy_id == Vacancy.id)
        .join(Employer, Employer.id == Vacancy.employer_id)
        .outerjoin(Ward, Ward.code == Vacancy.ward_code)
        .where(first_hires.c.hire_date >= period.start, first_hires.c.hire_date <= period.end)
        .subquery()
    )


def _retention_facts(months, days):
    def facts(period):
        seeker_ward = _seeker_ward()
        statement = (
            select(
                seeker_ward.c.province_code.label("province"), JobSeeker.centre_id.label("centre"),
                case((PlacementFollowUp.id.is_not(None), 1), else_=0).label("followed_up"),
                case((PlacementFollowUp.still_employed, 1), else_=0).label("still_employed"),
            )
            .select_from(Placement)
            .join(Application, Application.id == Placement.application_id)
            .join(JobSeeker, JobSeeker.id == Application.job_seeker_id)
            .outerjoin(seeker_ward, seeker_ward.c.code == JobSeeker.ward_code)
            .outerjoin(PlacementFollowUp, and_(PlacementFollowUp.placement_id == Placement.id, PlacementFollowUp.months == months))
            .where(
                Placement.hire_date >= period.start - timedelta(days=days),
                Placement.hire_date <= period.end - timedelta(days=days),
            )
        )
        return _with_priority_group(statement, period).subquery()
    return facts


def _supply_facts(period):
    _, end_utc = period.utc_bounds()
    wanted = _json_text_elements(JobSeeker.desired_isco_codes, "wanted")
    statement = (
        select(
            Ward.province_code.label("province"), func.substr(wanted.c.value, 1, 2).label("occupation"),
            JobSeeker.id.label("job_seeker_id"),
        )
        .select_from(JobSeeker)
        .join(wanted, true())
        .join(Ward, Ward.code == JobSeeker.ward_code)
        .where(JobSeeker.visibility != "hidden", JobSeeker.anonymized_at.is_(None), JobSeeker.created_at < end_utc)
    )
    return _with_priority_group(statement, period).subquery()


def _demand_facts(period):
    _, end_utc = period.utc_bounds()
    return (
        select(
            Ward.province_code.label("province"), func.substr(Vacancy.isco_code, 1, 2).label("occupation"),
            Vacancy.openings.label("openings"),
        )
        .select_from(Vacancy)
        .join(Ward, Ward.code == Vacancy.ward_code)
        .where(Vacancy.status == "open", Vacancy.posted_at < end_utc, Vacancy.deadline >= period.end)
        .subquery()
    )


def _overseas_move_facts(period):
    seeker_ward = _seeker_ward()
    departed = OverseasCaseEvent.stage_kind == "departure"
    fee_recorded = and_(departed, OverseasCase.service_fee_paid_vnd.is_not(None), OverseasCase.service_fee_cap_vnd.is_not(None))
    fee_above_cap = and_(fee_recorded, OverseasCase.service_fee_paid_vnd > OverseasCase.service_fee_cap_vnd)
    statement = (
        select(
            seeker_ward.c.province_code.label("province"), JobSeeker.centre_id.label("centre"),
            Programme.destination_country.label("destination"), Programme.code.label("programme"),
            case((departed, 1), else_=0).label("departed"),
            case((OverseasCaseEvent.stage_kind == "return", 1), else_=0).label("returned"),
            case((fee_recorded, 1), else_=0).label("fee_recorded"),
            case((fee_above_cap, 1), else_=0).label("fee_above_cap"),
        )
        .select_from(OverseasCaseEvent)
        .join(OverseasCase, OverseasCase.id == OverseasCaseEvent.case_id)
        .join(Programme, Programme.id == OverseasCase.programme_id)
        .join(JobSeeker, JobSeeker.id == OverseasCase.job_seeker_id)
        .outerjoin(seeker_ward, seeker_ward.c.code == JobSeeker.ward_code)
        .where(
            OverseasCaseEvent.stage_kind.in_(("departure", "return")),
            OverseasCaseEvent.happened_on >= period.start, OverseasCaseEvent.happened_on <= period.end,
        )
    )
    return _with_priority_group(statement, period).subquery()


def _overseas_stage_facts(period):
    """One row per case and stage reached by the period's end; at_stage marks the case's stage then, if still open."""
    seeker_ward = _seeker_ward()
    reached = and_(OverseasCaseEvent.stage_kind != "closed", OverseasCaseEvent.happened_on <= period.end)
    # Stages follow the path and never go back, so the latest event reached is the one recorded last.
    latest = (
        select(OverseasCaseEvent.case_id.label("case_id"), func.max(OverseasCaseEvent.id).label("event_id"))
        .where(reached)
        .group_by(OverseasCaseEvent.case_id)
        .subquery("latest_stages")
    )
    closed = select(OverseasCaseEvent.case_id).where(
        OverseasCaseEvent.stage_kind == "closed", OverseasCaseEvent.happened_on <= period.end
    )
    # A case is completed on reaching its last stage, so a completed case had completed by then if it was at that stage.
    completed = and_(OverseasCase.status == "completed", OverseasCase.stage == OverseasCaseEvent.stage)
    at_stage = and_(OverseasCaseEvent.id == latest.c.event_id, OverseasCase.id.not_in(closed), ~completed)
    statement = (
        select(
            seeker_ward.c.province_code.label("province"), JobSeeker.centre_id.label("centre"),
            (Programme.code + ":" + OverseasCaseEvent.stage).label("stage"),
            OverseasCase.id.label("case_id"),
            case((at_stage, 1), else_=0).label("at_stage"),
        )
        .select_from(OverseasCaseEvent)
        .join(OverseasCase, OverseasCase.id == OverseasCaseEvent.case_id)
        .join(latest, latest.c.case_id == OverseasCase.id)
        .join(Programme, Programme.id == OverseasCase.programme_id)
        .join(JobSeeker, JobSeeker.id == OverseasCase.job_seeker_id)
        .outerjoin(seeker_ward, seeker_ward.c.code == JobSeeker.ward_code)
        .where(reached)
    )
    return _with_priority_group(statement, period).subquery()


SEEKER_AREAS = ("country", "province", "centre")
VACANCY_AREAS = ("country", "province")
OVERSEAS_BREAKDOWNS = ("total", "destination", "programme")


def _families():
    return [
        Family("job_seekers", _job_seeker_facts, SEEKER_AREAS, ("total",), True,
               {"registered": (lambda f: func.count(), None)}, {}),
        Family("posted_vacancies", _posted_vacancy_facts, VACANCY_AREAS, VACANCY_BREAKDOWNS, False,
               {"vacancies_posted": (lambda f: func.count(), None),
                "openings_posted": (lambda f: func.sum(f.c.openings), None)}, {}),
        Family("closing_vacancies", _closing_vacancy_facts, VACANCY_AREAS, VACANCY_BREAKDOWNS, False,
               {"no_applicant": (lambda f: func.sum(f.c.no_applicant), lambda f: func.count())}, {}),
        Family("applications", _application_facts, SEEKER_AREAS, VACANCY_BREAKDOWNS, True,
               {"applications": (lambda f: func.sum(1 - f.c.referral), None),
                "referrals": (lambda f: func.sum(f.c.referral), None),
                "active_seekers": (lambda f: func.count(f.c.job_seeker_id.distinct()), None),
                "connection_success": (
                    lambda f: func.count(case((f.c.hired_90 == 1, f.c.job_seeker_id)).distinct()),
                    lambda f: func.count(f.c.job_seeker_id.distinct())),
                "referral_to_hire": (lambda f: func.sum(f.c.referral * f.c.hired), lambda f: func.sum(f.c.referral))}, {}),
        Family("hires", _hire_facts, SEEKER_AREAS, VACANCY_BREAKDOWNS, True,
               {"hires": (lambda f: func.count(), None), "overseas_hires": (lambda f: func.sum(f.c.overseas), None)},
               {"time_to_placement": "days"}),
        Family("first_hires", _first_hire_facts, VACANCY_AREAS, VACANCY_BREAKDOWNS, False, {}, {"time_to_fill": "days"}),
        Family("retention_3m", _retention_facts(3, 90), SEEKER_AREAS, ("total",), True,
               {"retention_3m": (lambda f: func.sum(f.c.still_employed), lambda f: func.sum(f.c.followed_up))}, {}),
        Family("retention_6m", _retention_facts(6, 180), SEEKER_AREAS, ("total",), True,
               {"retention_6m": (lambda f: func.sum(f.c.still_employed), lambda f: func.sum(f.c.followed_up))}, {}),
        Family("supply", _supply_facts, VACANCY_AREAS, ("total", "occupation"), True,
               {"supply": (lambda f: func.count(f.c.job_seeker_id.distinct()), None)}, {}),
        Family("demand", _demand_facts, VACANCY_AREAS, ("total", "occupation"), False,
               {"demand": (lambda f: func.sum(f.c.openings), None)}, {}),
        Family("overseas_moves", _overseas_move_facts, SEEKER_AREAS, OVERSEAS_BREAKDOWNS, True,
               {"overseas_departures": (lambda f: func.sum(f.c.departed), None),
                "overseas_returns": (lambda f: func.sum(f.c.returned), None),
                "fee_above_cap": (lambda f: func.sum(f.c.fee_above_cap), lambda f: func.sum(f.c.fee_recorded))}, {}),
        Family("overseas_stages", _overseas_stage_facts, SEEKER_AREAS, ("total", "stage"), True,
               {"cases_reached_stage": (lambda f: func.count(f.c.case_id.distinct()), None),
                "cases_at_stage": (lambda f: func.sum(f.c.at_stage), None)}, {}),
    ]


def compute_day(day):
    """Recompute every figure of the periods containing `day` (its day, week, month and year so far), replacing what
    was stored for them, in one transaction. Returns the number of snapshots written."""
    return compute_periods(periods_containing(day))


# Outcomes arrive after their period: a hire up to 90 days after the application, follow-ups at 3 and 6 months.
REVISED_MONTHS = 6


def revise_months(day):
    """Recompute the months that ended in the last six months before `day`, and their years, so that hires and
    follow-ups recorded since then count in the period of the application they follow."""
    month = Period.containing("month", day)
    months = [month.shift(-steps) for steps in range(REVISED_MONTHS, 0, -1)]
    years = list(dict.fromkeys(Period.containing("year", past.start) for past in months))
    return compute_periods([*months, *years])


def compute_periods(periods):
    written = 0
    for period in periods:
        db.session.execute(
            delete(StatSnapshot).where(StatSnapshot.period_kind == period.kind, StatSnapshot.period_start == period.start)
        )
        for family in _families():
            rows = _family_snapshots(family, period)
            if rows:
                db.session.execute(insert(StatSnapshot.__table__), rows)
                written += len(rows)
    db.session.commit()
    return written


# Types of the fact columns, for the temporary table each family's facts are gathered into once per period.
FACT_COLUMN_TYPES = {
    "province": String(2), "centre": Integer(), "isco_major": String(1), "sector": String(100), "destination": String(2),
    "programme": String(20), "occupation": String(4), "priority_group": String(8), "job_seeker_id": Integer(),
    "stage": String(51),  # a programme's code, a colon and a stage's code
}


def _gathered(facts, name):
    """The fact rows in a temporary table: one pass of joins and lookups over the base tables, then every grouping
    reads the narrow rows (grouping straight from the joins repeats the lookups for each grouping, and costs more
    than linearly once the tables outgrow the database's cache)."""
    table = Table(
        f"stat_facts_{name}", MetaData(),
        *(Column(column.name, FACT_COLUMN_TYPES.get(column.name, Integer())) for column in facts.c),
        prefixes=["TEMPORARY"],
    )
    connection = db.session.connection()
    table.drop(connection, checkfirst=True)
    table.create(connection)
    connection.execute(insert(table).from_select([column.name for column in facts.c], select(*facts.c)))
    return table


def _family_snapshots(family, period):
    facts = _gathered(family.facts(period), family.name)
    rows = []
    for area_kind in family.areas:
        # A centre's dashboard reads its totals; breakdowns are kept for the country and the provinces.
        for breakdown in family.breakdowns if area_kind != "centre" else ("total",):
            keys = _grouping_keys(facts, area_kind, breakdown)
            rows += _count_snapshots(family, facts, keys, period, area_kind, breakdown)
            for metric, column in family.medians.items():
                # A median is no sum of its groups: "all" is computed on its own.
                for group_names in (("priority_group",), ()) if family.split else ((),):
                    rows += _median_snapshots(metric, facts, keys, group_names, facts.c[column], period, area_kind, breakdown)
    facts.drop(db.session.connection())
    return rows


def _grouping_keys(facts, area_kind, breakdown):
    """The fact columns one grouping uses, by role; a whole-country area or a total has no column (PostgreSQL refuses
    to group by a constant)."""
    keys = {}
    if area_kind != "country":
        keys["area"] = facts.c[area_kind]
    if breakdown != "total":
        keys["breakdown_value"] = facts.c[breakdown]
    return keys


def _count_snapshots(family, facts, keys, period, area_kind, breakdown):
    if not family.counts:
        return []
    group_columns = [column.label(role) for role, column in keys.items()]
    if family.split:
        group_columns.append(facts.c.priority_group)
    aggregates = []
    for metric, (count, base) in family.counts.items():
        aggregates.append(func.coalesce(count(facts), 0).label(f"{metric}__count"))
        if base is not None:
            aggregates.append(func.coalesce(base(facts), 0).label(f"{metric}__base"))
    statement = select(*group_columns, *aggregates).where(*(column.is_not(None) for column in keys.values()))
    if group_columns:
        statement = statement.group_by(*group_columns)
    result = db.session.execute(statement).mappings().all()
    # "all" adds the two groups: every job seeker is in exactly one of them for the period.
    totals = {}
    rows = []
    for row in result:
        cell = (str(row.get("area", "VN")), str(row.get("breakdown_value", "")))
        group = row["priority_group"] if family.split else "all"
        for metric, (_, base) in family.counts.items():
            count = int(row[f"{metric}__count"])
            base_value = int(row[f"{metric}__base"]) if base is not None else None
            if not count and not base_value:
                continue
            rows.append(_snapshot(metric, period, area_kind, cell, breakdown, group, count, base_value))
            if family.split:
                total = totals.setdefault((metric, cell), [0, 0 if base is not None else None])
                total[0] += count
                if base is not None:
                    total[1] += base_value
    for (metric, cell), (count, base_value) in totals.items():
        rows.append(_snapshot(metric, period, area_kind, cell, breakdown, "all", count, base_value))
    return rows


def _median_snapshots(metric, facts, keys, group_names, value, period, area_kind, breakdown):
    partition = [*keys.values(), *(facts.c[name] for name in group_names)]
    ranked = (
        select(
            *(column.label(role) for role, column in keys.items()),
            *(facts.c[name] for name in group_names),
            value.label("value"),
            func.row_number().over(partition_by=partition or None, order_by=value).label("position"),
            func.count().over(partition_by=partition or None).label("cases"),
        )
        .where(value.is_not(None), *(column.is_not(None) for column in keys.values()))
        .subquery()
    )
    group_columns = [ranked.c[role] for role in keys] + [ranked.c[name] for name in group_names]
    # The middle row, or the mean of the two middle rows (integer division is the same in SQLite and PostgreSQL).
    statement = select(
        *group_columns, func.avg(ranked.c.value).label("median"), func.max(ranked.c.cases).label("cases")
    ).where(ranked.c.position.between((ranked.c.cases + 1) // 2, (ranked.c.cases + 2) // 2))
    if group_columns:
        statement = statement.group_by(*group_columns)
    return [
        _snapshot(
            metric, period, area_kind, (str(row.get("area", "VN")), str(row.get("breakdown_value", ""))), breakdown,
            row["priority_group"] if group_names else "all", int(row["cases"]), None, float(row["median"]),
        )
        for row in db.session.execute(statement).mappings()
        if row["cases"] is not None  # a whole-country median over no rows still gives one row of nulls
    ]


def _snapshot(metric, period, area_kind, cell, breakdown, group, count, base, value=None):
    if value is None and base is not None:
        value = count / base if base else None
    return {
        "metric": metric, "period_kind": period.kind, "period_start": period.start, "area_kind": area_kind,
        "area_code": cell[0], "breakdown": breakdown, "breakdown_value": cell[1], "priority_group": group,
        "count": count, "base": base, "value": value,
    }


def snapshots(*, period, area_kind, area_code, breakdown="total", metrics=None):
    """Stored figures of one area and period: {(metric, breakdown_value, priority_group): StatSnapshot}."""
    statement = select(StatSnapshot).where(
        StatSnapshot.period_kind == period.kind, StatSnapshot.period_start == period.start,
        StatSnapshot.area_kind == area_kind, StatSnapshot.area_code == str(area_code), StatSnapshot.breakdown == breakdown,
    )
    if metrics:
        statement = statement.where(StatSnapshot.metric.in_(metrics))
    return {(row.metric, row.breakdown_value, row.priority_group): row for row in db.session.scalars(statement)}


def province_snapshots(*, period, metrics):
    """The whole country and every province, for the public table: {(metric, area_code, priority_group): StatSnapshot}."""
    statement = select(StatSnapshot).where(
        StatSnapshot.period_kind == period.kind, StatSnapshot.period_start == period.start,
        StatSnapshot.area_kind.in_(("country", "province")), StatSnapshot.breakdown == "total",
        StatSnapshot.metric.in_(metrics),
    )
    return {(row.metric, row.area_code, row.priority_group): row for row in db.session.scalars(statement)}


def series(*, metric, area_kind, area_code, periods, breakdown="total", breakdown_value=""):
    """One figure over several periods of one kind: {(period_start, priority_group): StatSnapshot}."""
    statement = select(StatSnapshot).where(
        StatSnapshot.metric == metric, StatSnapshot.period_kind == periods[0].kind,
        StatSnapshot.period_start.in_([period.start for period in periods]),
        StatSnapshot.area_kind == area_kind, StatSnapshot.area_code == str(area_code),
        StatSnapshot.breakdown == breakdown, StatSnapshot.breakdown_value == breakdown_value,
    )
    return {(row.period_start, row.priority_group): row for row in db.session.scalars(statement)}


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
    computed = set(db.session.scalars(select(StatSnapshot.period_start).distinct().where(
        StatSnapshot.period_kind == period.kind, StatSnapshot.period_start.in_([p.start for p in candidates])
    )))
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
    plans = {plan.target: plan.value for plan in db.session.scalars(
        select(Plan).where(Plan.year == year.start.year, Plan.area_kind == area_kind, Plan.area_code == area_code)
    )}
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


def latest_period(kind):
    """The newest period of this kind with figures, or None before the statistics job has ever run."""
    start = db.session.scalar(select(func.max(StatSnapshot.period_start)).where(StatSnapshot.period_kind == kind))
    return Period(kind, start) if start else None


def centre_dashboard(*, actor, centre_id, period):
    """A centre's figures, for its own officers and administrators."""
    centre = find_for(actor, Centre, centre_id)
    authorize(actor, "stats.read_centre", centre)
    return centre, dashboard(area_kind="centre", area_code=centre.id, period=period)


def province_dashboard(*, province_code, period):
    """A province's published figures (public: every people count under five is suppressed)."""
    province = find(Province, province_code)
    return province, dashboard(area_kind="province", area_code=province.code, period=period)


def set_plan(*, actor, area_kind, area_code, fields):
    """Set (or change) one yearly target of a centre (its officers or an administrator) or a province (an
    administrator)."""
    if area_kind == "centre":
        authorize(actor, "plan.set_centre", find_for(actor, Centre, area_code))
    else:
        authorize(actor, "plan.set_province", find_for(actor, Province, area_code))
    plan = db.session.scalar(select(Plan).where(
        Plan.year == fields["year"], Plan.area_kind == area_kind, Plan.area_code == str(area_code), Plan.target == fields["target"]
    )) or Plan(year=fields["year"], area_kind=area_kind, area_code=str(area_code), target=fields["target"])
    plan.value = fields["value"]
    plan.set_by_id = actor.id
    db.session.add(plan)
    commit()
    return plan


def chosen_period(*, kind, on):
    """The period the reader asked for, or the newest with figures, or the current one before any run."""
    if on is not None:
        return Period.containing(kind, on)
    return latest_period(kind) or Period.containing(kind, vietnam_today())
