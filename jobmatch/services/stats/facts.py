"""The fact rows of a period, one query per family of figures, and which areas, breakdowns and aggregates each has."""
# Definitions (DESIGN.md sets the policy; these are the exact rules):
# - A job seeker is in the priority group for a period when a priority status of theirs, verified before the period
#   ended, is in force on some day of it (no end date, or an end on or after the period's first day).
# - Figures about people also break down by the job seeker's sex as stated and age band on the period's last day ("unknown"
#   without a birth date), for every area, centres included (PERSON_BREAKDOWN_FAMILIES).
# - Figures about people are counted where the job seeker is registered (their ward's province, their centre); figures
#   about vacancies alone where the vacancy is. Breakdowns by occupation, sector, destination and programme follow the
#   vacancy. Days are Vietnam's.
# - connection_success: job seekers who applied or were referred in the period (base) and of them those confirmed hired
#   within 90 days of such an application (count). referral_to_hire: referrals made in the period, and those hired.
# - time_to_placement: days from the application to the hire, for hires in the period (median).
#   time_to_fill: days from a vacancy's posting to its first hire, for first hires in the period (median).
# - no_applicant: vacancies whose deadline fell in the period (base) and those without any application (count).
# - retention_3m / retention_6m: hires 90 / 180 days before the period's days, followed up (base), still employed (count).
# - supply / demand at the period's end: job seekers with a visible profile wanting an occupation of the ISCO sub-major
#   group; openings of vacancies open (not closed or filled), posted and not past their deadline. A vacancy closed
#   early counts as closed in past periods too (its status has no history).
# - Overseas cases count where their worker is registered, in their worker's group; destination and programme are the
#   case's programme's.
# - overseas_departures / overseas_returns: case events of kind "departure" / "return" whose day falls in the period.
#   fee_above_cap: of those departures, the ones whose case has both the service fee paid and its cap recorded (base),
#   and of them those that paid more than the cap (count).
# - cases_reached_stage / cases_at_stage at the period's end, by stage ("<programme code>:<stage code>"): cases with an
#   event of that stage on or before the period's last day; and cases whose latest such stage it is, not closed by then
#   (a closing event on or before that day) nor completed by then (that stage is the last of their path, reached when
#   the case completed). Their total counts each case once: cases opened, and cases still in progress, by then.
#   Conversion from one stage to the next on the programme's current path is reached(next) / reached(this), worked out
#   when shown.

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import and_, case, exists, func, or_, select, true

from jobmatch.models.application import Application, Placement, PlacementFollowUp
from jobmatch.models.employer import Employer
from jobmatch.models.job_seeker import JobSeeker, PriorityStatus
from jobmatch.models.overseas import OverseasCase, OverseasCaseEvent, Programme
from jobmatch.models.place import Ward
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.person import AGE_UNKNOWN, age_band_birth_dates
from jobmatch.services.stats.dialect import days_between, json_text_elements, local_date


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

    def breakdowns_for(self, area_kind):
        """The breakdowns kept for an area: a centre's dashboard reads its totals, people's figures by sex and age band,
        and its hires' breakdown tables (CENTRE_BREAKDOWNS); the other breakdowns are kept for the country and the
        provinces."""
        people = PERSON_BREAKDOWNS if self.name in PERSON_BREAKDOWN_FAMILIES else ()
        if area_kind == "centre":
            return ("total", *CENTRE_BREAKDOWNS.get(self.name, ()), *people)
        return (*self.breakdowns, *people)


# The breakdowns of the figures about people that the dashboards split, in every area: registrations, applications,
# hires, retention and overseas departures (supply by occupation and the programmes' stages are shown by priority
# group only, and computing what no page reads would only lengthen the nightly run).
PERSON_BREAKDOWNS = ("sex", "age_band")
PERSON_BREAKDOWN_FAMILIES = ("job_seekers", "applications", "hires", "retention_3m", "retention_6m", "overseas_moves")


VACANCY_BREAKDOWNS = ("total", "isco_major", "sector", "destination", "programme")
# The breakdowns a centre's own (internal) dashboard shows besides its totals: hires by occupation group, sector,
# destination and programme, as a province's page does. Centres have no public page, so these are never published.
CENTRE_BREAKDOWNS = {"hires": VACANCY_BREAKDOWNS[1:]}


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


def _age_band(period):
    """The job seeker's age band on the period's last day (rules/person.py's bands, compared as birth dates)."""
    bands = age_band_birth_dates(period.end)
    youngest = bands[-1][0]
    return case(
        (JobSeeker.birth_date.is_(None), AGE_UNKNOWN),
        *((JobSeeker.birth_date <= latest, band) for band, latest in bands if latest is not None),
        else_=youngest,
    )


def _with_person_groups(statement, period):
    """The statement (which selects from job_seeker) with the columns people's figures split by: priority_group
    ("priority" or "other"), sex and age_band."""
    priority = _priority_seekers(period)
    group = case((priority.c.job_seeker_id.is_not(None), "priority"), else_="other").label("priority_group")
    return statement.add_columns(group, JobSeeker.sex.label("sex"), _age_band(period).label("age_band")).outerjoin(
        priority, priority.c.job_seeker_id == JobSeeker.id)


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
    return _with_person_groups(statement, period).subquery()


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
    return _with_person_groups(statement, period).subquery()


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
    return _with_person_groups(statement, period).subquery()


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
        return _with_person_groups(statement, period).subquery()
    return facts


def _supply_facts(period):
    _, end_utc = period.utc_bounds()
    wanted = json_text_elements(JobSeeker.desired_isco_codes, "wanted")
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
    return _with_person_groups(statement, period).subquery()


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
    return _with_person_groups(statement, period).subquery()


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
    return _with_person_groups(statement, period).subquery()


SEEKER_AREAS = ("country", "province", "centre")
VACANCY_AREAS = ("country", "province")
OVERSEAS_BREAKDOWNS = ("total", "destination", "programme")


def families():
    """Every family of figures the statistics job computes, in the order it computes them."""
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
