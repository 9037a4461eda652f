"""Public figures that cannot be worked out from each other: on hand-built months, a cell hidden on one public page is
not recovered by arithmetic on what the other public pages show, neither from a rate and its published denominator
(between provinces, or between a year and its months) nor by subtracting published weeks or days from their month."""
from datetime import date, datetime, timedelta

import pytest

from jobmatch.extensions import db
from jobmatch.models import Application, Placement
from jobmatch.rules.stats import Period
from jobmatch.services import stats as stats_service
from tests.factories import DANANG_WARD, make_account, make_centre, make_employer, make_job_seeker, make_vacancy

SEPTEMBER, OCTOBER, YEAR = Period("month", date(2026, 9, 1)), Period("month", date(2026, 10, 1)), Period("year", date(2026, 1, 1))


def applied(centre, vacancy, *, on, hired_on=None, referred_by=None, ward_code=None):
    """A job seeker of the centre who applied (or was referred) on the day, hired on hired_on if given."""
    fields = {"ward_code": ward_code} if ward_code else {}
    job_seeker = make_job_seeker(centre_id=centre.id, created_at=datetime(2026, 8, 1), **fields)
    application = Application(
        vacancy_id=vacancy.id, job_seeker_id=job_seeker.id, created_at=datetime.combine(on, datetime.min.time()) + timedelta(hours=3),
        source="referral" if referred_by else "self", referred_by_id=getattr(referred_by, "id", None),
        status="hired" if hired_on else "submitted",
    )
    if hired_on:
        application.placement = Placement(hire_date=hired_on, employer_confirmed=True)
    db.session.add(application)


def vacancy():
    return make_vacancy(make_employer(sector="Cơ khí"), isco_code="7212", openings=80, deadline=date(2026, 12, 31),
                        posted_at=datetime(2026, 8, 20))


@pytest.fixture
def referrals_in_two_provinces(app_context):
    """Hà Nội: in September 6 people referred and all 6 hired; in October 6 referred and 3 hired. Đà Nẵng: in October
    10 people applied and all 10 hired. September, October and the year so far computed."""
    hanoi, danang = make_centre(province_code="01"), make_centre(province_code="48")
    officer, job = make_account("officer", centre_id=hanoi.id), vacancy()
    for index in range(6):
        applied(hanoi, job, on=date(2026, 9, 3), hired_on=date(2026, 9, 13), referred_by=officer)
        applied(hanoi, job, on=date(2026, 10, 3), hired_on=date(2026, 10, 13) if index < 3 else None, referred_by=officer)
    for _ in range(10):
        applied(danang, job, on=date(2026, 10, 3), hired_on=date(2026, 10, 13), ward_code=DANANG_WARD)
    db.session.commit()
    stats_service.compute_day(date(2026, 9, 15))
    stats_service.compute_day(date(2026, 10, 15))


def headline(area_code, period):
    """{metric: {column: Cell}} of a province's public page."""
    _, dashboard = stats_service.province_dashboard(province_code=area_code, period=period)
    return dict(dashboard.table("headline").rows)


def numerator(rate, base):
    """What a reader works out from a published share and its published denominator; None when either is hidden."""
    if base.value == 0:
        return 0
    if rate.mark or base.mark or rate.value is None:
        return None
    return round(rate.value * base.value)


def test_a_hidden_success_rate_is_not_worked_out_from_the_country_and_the_other_provinces(referrals_in_two_provinces):
    provinces = dict(stats_service.overview_tables(period=OCTOBER)["provinces"].rows)
    # Hà Nội: 3 of its 6 active job seekers placed within 90 days; the 3 is under five, so the share is hidden.
    assert provinces["01"]["connection_success"].mark and provinces["01"]["active_seekers"].value == 6
    # The country's placed people less every other province's, each a published share of a published count, would
    # give Hà Nội's 3 back: one of them must be hidden too.
    worked_out = [numerator(cells["connection_success"], cells["active_seekers"]) for area, cells in provinces.items()
                  if area not in ("VN", "01")]
    country = numerator(provinces["VN"]["connection_success"], provinces["VN"]["active_seekers"])
    assert country is None or None in worked_out, f"{country} − {sum(worked_out)} gives Hà Nội's hidden 3"


def test_a_hidden_referral_rate_is_not_worked_out_from_the_year_and_the_other_months(referrals_in_two_provinces):
    october, september, year = (headline("01", period) for period in (OCTOBER, SEPTEMBER, YEAR))
    # October: 3 of 6 referrals hired, hidden; the referrals themselves (6) are no small cell.
    assert october["referral_to_hire"]["all"].mark and october["referrals"]["all"].value == 6
    # The year's hired referrals (9 of 12) less September's (6 of 6) would give October's 3 back.
    from_year = numerator(year["referral_to_hire"]["all"], year["referrals"]["all"])
    from_september = numerator(september["referral_to_hire"]["all"], september["referrals"]["all"])
    assert from_year is None or from_september is None, f"{from_year} − {from_september} gives October's hidden 3"


@pytest.fixture
def hires_on_three_days(app_context):
    """Hà Nội, October: 3 people hired on 07/10, 7 on 13/10 and 3 on 14/10. Computed: the month, the year, every week
    that overlaps October and each day of the week of 12/10."""
    centre, job = make_centre(province_code="01"), vacancy()
    for day, hires in ((7, 3), (13, 7), (14, 3)):
        for _ in range(hires):
            applied(centre, job, on=date(2026, 10, day) - timedelta(days=5), hired_on=date(2026, 10, day))
    db.session.commit()
    weeks = [Period("week", date(2026, 9, 28)).shift(steps) for steps in range(5)]
    days = [Period("day", date(2026, 10, 12) + timedelta(days=offset)) for offset in range(7)]
    stats_service.compute_periods([OCTOBER, YEAR, *weeks, *days])
    return weeks


def hires(period):
    return headline("01", period)["hires"]["all"]


def test_a_hidden_week_or_day_is_not_worked_out_by_subtracting_the_others_from_the_month_or_the_week(hires_on_three_days):
    weeks = hires_on_three_days
    month, week_of_the_7th, week_of_the_12th = hires(OCTOBER), hires(weeks[1]), hires(weeks[2])
    assert (month.value, month.mark) == (13, None)
    assert week_of_the_7th.mark == "primary"
    # October less its other weeks (the two weeks across its ends are 0, so are their October days) would give the week
    # of 07/10 back.
    others = [hires(week).value for week in (weeks[0], *weeks[2:])]
    assert None in others, f"13 − {others} gives the week of 07/10's hidden 3"

    the_13th, the_14th = hires(Period("day", date(2026, 10, 13))), hires(Period("day", date(2026, 10, 14)))
    assert the_14th.mark == "primary"
    # The week of 12/10 less its other days would give the 14th's 3 back; so would October less its days.
    other_days = [hires(Period("day", date(2026, 10, day))).value for day in (12, 13, 15, 16, 17, 18)]
    assert week_of_the_12th.value is None or None in other_days, f"{week_of_the_12th.value} − {other_days}"
    assert the_13th.mark == "secondary"
    # Nothing above five is marked as small.
    for cell in (month, week_of_the_12th, the_13th):
        assert cell.mark != "primary"
