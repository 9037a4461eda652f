"""Each statistic against a small hand-built month whose right answers are worked out here, on the real database
(SQLite, and PostgreSQL in CI); a repeated run changes nothing and a recomputation gives the same figures."""
from datetime import date, datetime

import pytest
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.jobs import run_schedule, schedules
from jobmatch.models import Application, Placement, PlacementFollowUp, PriorityStatus, StatSnapshot
from jobmatch.rules.stats import Period
from jobmatch.services import stats as stats_service
from tests.factories import DANANG_WARD, make_account, make_centre, make_employer, make_job_seeker, make_vacancy

OCTOBER = Period("month", date(2026, 10, 1))


def at(month, day, hour=10):
    """A stored (UTC) time: 10:00 UTC is 17:00 the same day in Vietnam."""
    return datetime(2026, month, day, hour)


def status(job_seeker, *, verified=True, valid_until=date(2026, 12, 31), category="poor"):
    db.session.add(PriorityStatus(
        job_seeker_id=job_seeker.id, category=category, evidence="Danh sách hộ nghèo 2026",
        valid_until=valid_until, verified_at=at(9, 1) if verified else None,
        ethnic_group_code="03" if category == "ethnic_minority" else None,
    ))


def apply(job_seeker, vacancy, when, *, referred_by=None, hired_on=None, status="submitted"):
    application = Application(
        vacancy_id=vacancy.id, job_seeker_id=job_seeker.id, created_at=when, source="referral" if referred_by else "self",
        referred_by_id=getattr(referred_by, "id", None), status="hired" if hired_on else status,
    )
    if hired_on:
        application.placement = Placement(hire_date=hired_on, employer_confirmed=True)
    db.session.add(application)
    db.session.flush()
    return application


@pytest.fixture
def october(app_context):
    """Seven job seekers, five vacancies, eight applications, five hires (see each test for the arithmetic)."""
    hanoi, danang = make_centre(province_code="01"), make_centre(province_code="48")
    officer = make_account("officer", centre_id=hanoi.id)
    mechanics = make_employer(name="Công ty Cơ khí Sông Đà", sector="Cơ khí")
    services = make_employer(name="Công ty Dịch vụ An Khang", sector="Dịch vụ")
    agency = make_employer(name="Công ty XKLĐ Hải Đăng", sector="Dịch vụ đưa người lao động đi làm việc ở nước ngoài")

    def seeker(created, **fields):
        return make_job_seeker(centre_id=hanoi.id, created_at=created, **fields)

    p1, p2, p3, p4 = seeker(at(10, 2)), seeker(at(10, 2)), seeker(at(10, 3), visibility="hidden"), seeker(at(10, 3))
    s1, s2 = seeker(at(10, 4)), seeker(at(5, 1))
    make_job_seeker(centre_id=danang.id, ward_code=DANANG_WARD, created_at=at(9, 10))
    status(p1)                                          # verified, in force: priority
    status(p2, verified=False)                          # declared, never verified: not priority
    status(p3, valid_until=date(2026, 9, 30))           # ended before October: not priority in October
    status(p4, category="ethnic_minority", valid_until=None)  # verified, no end: priority

    v1 = make_vacancy(mechanics, isco_code="7212", openings=3, posted_at=at(10, 1, 3), deadline=date(2026, 10, 20))
    make_vacancy(services, isco_code="5120", openings=2, posted_at=at(10, 5), deadline=date(2026, 10, 25))
    v3 = make_vacancy(agency, isco_code="9211", openings=10, posted_at=at(9, 15), deadline=date(2026, 12, 1), ward_code=None,
                      is_overseas=True, destination_country="KR", programme="EPS", contract_months=36, worker_fees_vnd=1)
    v4 = make_vacancy(services, isco_code="5120", openings=1, posted_at=at(6, 1), deadline=date(2026, 6, 30))
    make_vacancy(mechanics, isco_code="7212", openings=4, posted_at=at(10, 10), deadline=date(2026, 11, 30))

    apply(p1, v1, at(10, 3), hired_on=date(2026, 10, 13))                  # 10 days
    apply(p2, v1, at(10, 4), referred_by=officer, hired_on=date(2026, 10, 24))   # 20 days
    apply(p3, v3, at(10, 5))
    apply(p4, v3, at(10, 6), referred_by=officer, hired_on=date(2026, 10, 30))   # 24 days, abroad
    apply(s1, v1, at(10, 7), status="rejected")
    apply(p1, v3, at(10, 8))
    apply(p2, v3, at(9, 20), hired_on=date(2026, 10, 2))                   # a September application hired in October: 12 days
    june = apply(s2, v4, at(6, 5), hired_on=date(2026, 7, 10))
    db.session.add(PlacementFollowUp(placement_id=june.placement.id, months=3, still_employed=True))
    db.session.commit()
    stats_service.compute_day(date(2026, 10, 15))
    return {"hanoi": hanoi, "danang": danang}


def figure(metric, group="all", *, area_kind="country", area_code="VN", breakdown="total", value="", period=OCTOBER):
    snapshot = stats_service.snapshots(period=period, area_kind=area_kind, area_code=area_code, breakdown=breakdown).get(
        (metric, value, group)
    )
    return None if snapshot is None else (snapshot.count, snapshot.base, snapshot.value)


def test_registrations_split_by_verified_statuses_in_force(october):
    # Registered in October: p1–p4 and s1 (s2 in May, the Đà Nẵng seeker in September). Priority: p1 and p4 only
    # (p2's status was never verified, p3's ended on 30/09).
    assert figure("registered") == (5, None, None)
    assert figure("registered", "priority") == (2, None, None)
    assert figure("registered", "other") == (3, None, None)


def test_applications_referrals_and_active_job_seekers(october):
    assert figure("applications") == (4, None, None)  # p1→v1, p3→v3, s1→v1, p1→v3 (the September one is not October's)
    assert figure("applications", "priority")[0] == 2
    assert figure("referrals") == (2, None, None)
    assert figure("referrals", "priority")[0] == 1
    assert figure("active_seekers") == (5, None, None)


def test_connection_success_counts_people_hired_within_90_days_of_an_october_application(october):
    # Of p1, p2, p3, p4, s1, three were hired from an October application (p1, p2, p4).
    assert figure("connection_success") == (3, 5, pytest.approx(0.6))
    assert figure("connection_success", "priority") == (2, 2, pytest.approx(1.0))
    assert figure("connection_success", "other") == (1, 3, pytest.approx(1 / 3))
    assert figure("referral_to_hire") == (2, 2, pytest.approx(1.0))


def test_hires_time_to_placement_and_overseas_placements(october):
    assert figure("hires") == (4, None, None)  # hired in October, whenever they applied
    assert figure("hires", "priority")[0] == 2
    # Days 10, 12, 20, 24: median 16. Priority 10 and 24: 17. Everyone else 12 and 20: 16.
    assert figure("time_to_placement") == (4, None, pytest.approx(16))
    assert figure("time_to_placement", "priority") == (2, None, pytest.approx(17))
    assert figure("time_to_placement", "other") == (2, None, pytest.approx(16))
    assert figure("overseas_hires") == (2, None, None)
    assert figure("hires", breakdown="destination", value="KR") == (2, None, None)
    assert figure("hires", "priority", breakdown="destination", value="KR")[0] == 1
    assert figure("hires", breakdown="sector", value="Cơ khí")[0] == 2
    assert figure("hires", breakdown="isco_major", value="7")[0] == 2
    assert figure("hires", breakdown="sector", value="Dịch vụ đưa người lao động đi làm việc ở nước ngoài")[0] == 2


def test_vacancy_figures_time_to_fill_and_vacancies_without_applicants(october):
    assert figure("vacancies_posted") == (3, None, None)
    assert figure("openings_posted") == (9, None, None)
    # Deadlines in October: v1 (applicants) and v2 (none).
    assert figure("no_applicant") == (1, 2, pytest.approx(0.5))
    # First hires in October: v1 on 13/10, posted 01/10 (12 days); v3 on 02/10, posted 15/09 (17 days). Median 14.5.
    assert figure("time_to_fill") == (2, None, pytest.approx(14.5))


def test_retention_counts_hires_followed_up_three_months_on(october):
    # Hired 10/07, 90 days before a day of October: followed up and still employed.
    assert figure("retention_3m") == (1, 1, pytest.approx(1.0))
    assert figure("retention_6m") is None


def test_supply_and_demand_at_the_end_of_the_period(october):
    # Visible profiles wanting ISCO 72xx: everyone but hidden p3, including the Đà Nẵng seeker: 6, priority p1 and p4.
    assert figure("supply", breakdown="occupation", value="72") == (6, None, None)
    assert figure("supply", "priority", breakdown="occupation", value="72")[0] == 2
    # Open on 31/10 in Vietnam: only the vacancy posted 10/10 with 4 openings (v3 is abroad, the others closed).
    assert figure("demand", breakdown="occupation", value="72") == (4, None, None)


def test_figures_are_kept_by_province_and_centre(october):
    assert figure("hires", area_kind="province", area_code="01") == (4, None, None)
    assert figure("hires", area_kind="centre", area_code=str(october["hanoi"].id)) == (4, None, None)
    assert figure("registered", area_kind="centre", area_code=str(october["danang"].id)) is None
    assert figure("supply", area_kind="province", area_code="48", breakdown="occupation", value="72")[0] == 1


def _all_snapshots():
    return {
        (s.metric, s.period_kind, s.period_start, s.area_kind, s.area_code, s.breakdown, s.breakdown_value, s.priority_group):
        (s.count, s.base, s.value)
        for s in db.session.scalars(select(StatSnapshot))
    }


def test_a_second_run_for_the_same_period_changes_nothing_and_a_recomputation_gives_the_same_figures(app, october):
    statistics = next(schedule for schedule in schedules(app.config) if schedule.name == "statistics")
    db.session.execute(StatSnapshot.__table__.delete())
    db.session.commit()
    assert "snapshots=" in run_schedule(statistics, period="2026-10-15")
    first = _all_snapshots()
    assert first[("hires", "month", date(2026, 10, 1), "country", "VN", "total", "", "all")] == (4, None, None)

    assert run_schedule(statistics, period="2026-10-15") == "period 2026-10-15 is done or being done already"
    assert _all_snapshots() == first

    assert "snapshots=" in run_schedule(statistics, period="2026-10-15", again=True)
    assert _all_snapshots() == first


def test_the_weekly_revision_counts_a_hire_recorded_after_its_month_ended(october):
    late = db.session.scalar(select(Application).where(Application.status == "rejected"))  # s1's October application
    late.status = "hired"
    late.placement = Placement(hire_date=date(2026, 11, 20), employer_confirmed=True)  # 44 days after applying
    db.session.commit()
    assert figure("connection_success") == (3, 5, pytest.approx(0.6))  # October as computed on 15/10
    stats_service.revise_months(date(2026, 11, 29))
    assert figure("connection_success") == (4, 5, pytest.approx(0.8))
    assert figure("connection_success", period=Period("year", date(2026, 1, 1)))[0] >= 4
