"""Overseas figures against a small hand-built October whose right answers are worked out here, on the real database
(SQLite, and PostgreSQL in CI): departures and returns, the share who paid above the fee cap, and cases by stage; a
recomputation gives the same figures, and the dashboards suppress small cells."""
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import OverseasCase, OverseasCaseEvent, PriorityStatus, Programme, StatSnapshot
from jobmatch.rules.stats import Period
from jobmatch.services import overseas as overseas_service
from jobmatch.services import stats as stats_service
from tests.factories import DANANG_WARD, make_centre, make_job_seeker

OCTOBER = Period("month", date(2026, 10, 1))
SEPTEMBER = Period("month", date(2026, 9, 1))


def open_case(job_seeker, code, days, *, fee_paid=None, fee_cap=None, closed_on=None):
    """A case that reached the first len(days) stages of the programme's path on those days, as the service records
    it: completed at the last stage, closed with a closing event."""
    programme = db.session.scalar(select(Programme).where(Programme.code == code))
    version = programme.current
    stages = version.stages[:len(days)]
    case = OverseasCase(
        job_seeker_id=job_seeker.id, programme_id=programme.id, programme_version_id=version.id, stage=stages[-1]["code"],
        stage_entered_on=days[-1], status="completed" if len(days) == len(version.stages) else "active",
        service_fee_paid_vnd=fee_paid, service_fee_cap_vnd=fee_cap,
    )
    for stage, day in zip(stages, days, strict=True):
        case.events.append(OverseasCaseEvent(stage=stage["code"], stage_kind=stage["kind"], happened_on=day, document="Quyết định số 1"))
    if closed_on:
        case.status, case.close_reason, case.closed_on = "closed", "failed", closed_on
        case.events.append(OverseasCaseEvent(stage="closed", stage_kind="closed", happened_on=closed_on, document="Biên bản",
                                             close_reason="failed"))
    db.session.add(case)
    db.session.flush()
    return case


def path_to(last, count, *, step=1):
    """`count` days, `step` days apart, ending on `last`."""
    return [last - timedelta(days=step * (count - 1 - index)) for index in range(count)]


@pytest.fixture
def overseas_october(app_context):
    """Fourteen cases of Hà Nội and Đà Nẵng workers in EPS (9 stages, Korea) and TITP (7 stages, Japan)."""
    overseas_service.load_programmes()
    hanoi, danang = make_centre(province_code="01"), make_centre(province_code="48")

    def worker(*, priority=False, centre=hanoi, **fields):
        job_seeker = make_job_seeker(centre_id=centre.id, created_at=datetime(2026, 1, 5), **fields)
        if priority:
            db.session.add(PriorityStatus(job_seeker_id=job_seeker.id, category="poor", evidence="Danh sách hộ nghèo 2026",
                                          valid_until=date(2026, 12, 31), verified_at=datetime(2026, 1, 10)))
        return job_seeker

    # EPS, whose cap is nothing: A departs on 05/10 having paid nothing, B on 20/10 having paid 5 million.
    open_case(worker(priority=True), "EPS", path_to(date(2026, 10, 5), 8, step=10), fee_paid=0, fee_cap=0)    # A
    open_case(worker(), "EPS", path_to(date(2026, 10, 20), 8, step=10), fee_paid=5_000_000, fee_cap=0)        # B
    # TITP: C departed in September, D returned on 10/10 (its last stage: completed), E (Đà Nẵng) departs on 15/10
    # above the cap, I on 25/10 with no fee recorded (not in the share's base).
    open_case(worker(), "TITP", path_to(date(2026, 9, 28), 6, step=20), fee_paid=30_000_000, fee_cap=20_000_000)  # C
    open_case(worker(), "TITP", [*path_to(date(2023, 6, 1), 6, step=20), date(2026, 10, 10)],
              fee_paid=10_000_000, fee_cap=20_000_000)                                                           # D
    open_case(worker(centre=danang, ward_code=DANANG_WARD), "TITP", path_to(date(2026, 10, 15), 6, step=20),
              fee_paid=25_000_000, fee_cap=20_000_000)                                                           # E
    open_case(worker(), "TITP", path_to(date(2026, 10, 25), 6, step=20))                                         # I
    # EPS still on the way: F on the roster since 12/10; G at the language test from 10/09, closed on 20/10 (failed);
    # H registered on 25/10 and passed the test on 05/11, after October; five more at the skills test since 08/10.
    open_case(worker(priority=True), "EPS", path_to(date(2026, 10, 12), 4, step=10))                            # F
    open_case(worker(), "EPS", [date(2026, 8, 1), date(2026, 9, 10)], closed_on=date(2026, 10, 20))             # G
    open_case(worker(), "EPS", [date(2026, 10, 25), date(2026, 11, 5)])                                          # H
    for _ in range(5):
        open_case(worker(), "EPS", [date(2026, 10, 1), date(2026, 10, 3), date(2026, 10, 8)])
    db.session.commit()
    stats_service.compute_day(date(2026, 10, 31))
    stats_service.compute_day(date(2026, 9, 30))
    return {"hanoi": hanoi, "danang": danang}


def figure(metric, group="all", *, area_kind="country", area_code="VN", breakdown="total", value="", period=OCTOBER):
    snapshot = stats_service.snapshots(period=period, area_kind=area_kind, area_code=area_code, breakdown=breakdown).get(
        (metric, value, group)
    )
    return None if snapshot is None else (snapshot.count, snapshot.base, snapshot.value)


def test_departures_and_returns_count_in_the_period_of_their_day(overseas_october):
    # October's departures: A, B, E and I (C left in September); priority: A only. October's return: D.
    assert figure("overseas_departures") == (4, None, None)
    assert figure("overseas_departures", "priority")[0] == 1
    assert figure("overseas_departures", "other")[0] == 3
    assert figure("overseas_returns") == (1, None, None)
    assert figure("overseas_departures", period=SEPTEMBER) == (1, None, None)
    assert figure("overseas_returns", period=SEPTEMBER) is None
    assert figure("overseas_departures", period=Period("year", date(2026, 1, 1)))[0] == 5


def test_departures_by_destination_programme_province_and_centre(overseas_october):
    assert figure("overseas_departures", breakdown="destination", value="KR") == (2, None, None)
    assert figure("overseas_departures", "priority", breakdown="destination", value="KR")[0] == 1
    assert figure("overseas_departures", breakdown="destination", value="JP") == (2, None, None)
    assert figure("overseas_departures", "priority", breakdown="destination", value="JP") is None
    assert figure("overseas_departures", breakdown="programme", value="TITP") == (2, None, None)
    assert figure("overseas_returns", breakdown="programme", value="TITP") == (1, None, None)
    assert figure("overseas_returns", breakdown="programme", value="EPS") is None
    assert figure("overseas_departures", area_kind="province", area_code="01") == (3, None, None)
    assert figure("overseas_departures", area_kind="province", area_code="48") == (1, None, None)
    assert figure("overseas_departures", area_kind="centre", area_code=str(overseas_october["danang"].id)) == (1, None, None)


def test_the_share_of_departures_that_paid_above_the_fee_cap(overseas_october):
    # Departures with the fee and its cap recorded: A, B, E (I has none). Above the cap: B (5 million over nothing), E.
    assert figure("fee_above_cap") == (2, 3, pytest.approx(2 / 3))
    assert figure("fee_above_cap", "priority") == (0, 1, pytest.approx(0.0))
    assert figure("fee_above_cap", "other") == (2, 2, pytest.approx(1.0))
    assert figure("fee_above_cap", breakdown="programme", value="EPS") == (1, 2, pytest.approx(0.5))
    assert figure("fee_above_cap", breakdown="destination", value="JP") == (1, 1, pytest.approx(1.0))
    # C paid above the cap too, but departed in September; D's fee counts with its departure years ago.
    assert figure("fee_above_cap", period=SEPTEMBER) == (1, 1, pytest.approx(1.0))


def test_cases_that_reached_each_stage_and_those_at_it_at_the_period_end(overseas_october):
    def stage(metric, key, group="all", period=OCTOBER):
        found = figure(metric, group, breakdown="stage", value=key, period=period)
        return found[0] if found else 0

    # EPS: A, B, F, G, H and the five registered; H's test was in November; the five stopped at the skills test.
    assert [stage("cases_reached_stage", f"EPS:{code}") for code in (
        "registration", "language_test", "skills_test", "roster", "employer_selection", "contract", "training",
        "departure", "return")] == [10, 9, 8, 3, 2, 2, 2, 2, 0]
    assert stage("cases_reached_stage", "EPS:registration", "priority") == 2  # A and F
    # At the end of October: H registered, the five at the skills test, F on the roster, A and B abroad; G was closed.
    assert stage("cases_at_stage", "EPS:registration") == 1
    assert stage("cases_at_stage", "EPS:language_test") == 0
    assert stage("cases_at_stage", "EPS:skills_test") == 5
    assert stage("cases_at_stage", "EPS:roster") == 1
    assert stage("cases_at_stage", "EPS:departure") == 2
    # TITP: all four departed, D came back and so is completed: no case is at the return stage.
    assert stage("cases_reached_stage", "TITP:departure") == 4
    assert stage("cases_reached_stage", "TITP:return") == 1
    assert stage("cases_at_stage", "TITP:departure") == 3
    assert stage("cases_at_stage", "TITP:return") == 0
    # At the end of September G (not closed yet) and F were at the language test, D still abroad.
    assert stage("cases_at_stage", "EPS:language_test", period=SEPTEMBER) == 2
    assert stage("cases_at_stage", "TITP:departure", period=SEPTEMBER) == 2
    assert stage("cases_reached_stage", "EPS:registration", period=SEPTEMBER) == 4  # A, B, F, G
    # Totals count each case once: fourteen opened, twelve in progress (not G, closed, nor D, completed).
    assert figure("cases_reached_stage") == (14, None, None)
    assert figure("cases_at_stage") == (12, None, None)


def test_the_dashboard_funnel_converts_stage_to_stage_and_hides_small_cells(overseas_october):
    tables = stats_service.overseas_tables(area_kind="country", area_code="VN", period=OCTOBER)
    funnel = dict(tables["funnel_EPS"].rows)
    assert list(funnel)[:3] == ["EPS:registration", "EPS:language_test", "EPS:skills_test"]
    assert "conversion" not in funnel["EPS:registration"]
    assert (funnel["EPS:registration"]["reached_stage"].value, funnel["EPS:registration"]["at_stage"].value) == (10, None)
    assert funnel["EPS:language_test"]["conversion"].value == pytest.approx(0.9)
    assert funnel["EPS:skills_test"]["conversion"].value == pytest.approx(8 / 9)
    assert funnel["EPS:skills_test"]["at_stage"].value == 5
    # Three reached the roster: hidden, and so is the share that would give it away.
    assert funnel["EPS:roster"]["reached_stage"].value is None and funnel["EPS:roster"]["conversion"].value is None
    assert set(tables) == {"overseas", "overseas_by_destination", "overseas_by_programme", "funnel_EPS", "funnel_TITP"}

    headline = dict(tables["overseas"].rows)
    assert [headline["overseas_departures"][group].value for group in ("priority", "other", "all")] == [None, None, None]
    centre = stats_service.overseas_tables(area_kind="centre", area_code=str(overseas_october["hanoi"].id), period=OCTOBER)
    assert set(centre) == {"overseas"}


def _overseas_snapshots():
    return {
        (s.metric, s.period_kind, s.period_start, s.area_kind, s.area_code, s.breakdown, s.breakdown_value, s.priority_group):
        (s.count, s.base, s.value)
        for s in db.session.scalars(select(StatSnapshot).where(StatSnapshot.metric.in_((
            "overseas_departures", "overseas_returns", "fee_above_cap", "cases_reached_stage", "cases_at_stage"))))
    }


def test_a_recomputation_gives_the_same_figures(overseas_october):
    first = _overseas_snapshots()
    assert len(first) > 50
    stats_service.compute_day(date(2026, 10, 31))
    stats_service.compute_periods([OCTOBER, SEPTEMBER])
    assert _overseas_snapshots() == first
