"""People's figures by sex and age band on public pages that add up across each other, on a hand-built world: in Hà Nội
two women (aged 30) placed in October, six in September and six men (aged 40) in October; in Hồ Chí Minh City seven
women and five men placed in October. Hà Nội's two October women are "<5", and no published sum gives them back: not
the year's women minus September's, nor the country's women minus Hồ Chí Minh City's (nor the same by age band)."""
from datetime import date, datetime

import pytest
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Application, Placement, Ward
from jobmatch.services import stats as stats_service
from tests.factories import make_centre, make_employer, make_job_seeker, make_vacancy
from tests.web.test_stats_breakdown_pages import PLACED, section
from tests.web.test_stats_pages import headline_row

# (province, month, sex, birth date, people placed)
PLACEMENTS = [
    ("01", 10, "female", date(1996, 1, 1), 2),
    ("01", 10, "male", date(1986, 1, 1), 6),
    ("01", 9, "female", date(1996, 1, 1), 6),
    ("79", 10, "female", date(1996, 1, 1), 7),
    ("79", 10, "male", date(1986, 1, 1), 5),
]
SEX_COLUMNS = ("female", "male", "not_stated", "all")
AGE_COLUMNS = ("15_24", "25_34", "35_44", "45_54", "55_plus", "unknown", "all")
PERIODS = {"10": "kind=month&on=2026-10-15", "09": "kind=month&on=2026-09-15", "year": "kind=year&on=2026-10-15"}


def true_placed(area, period, column):
    """The worked-out number of people placed in a cell (area "VN" for the country)."""
    return sum(
        people for province, month, sex, birth_date, people in PLACEMENTS
        if area in ("VN", province) and period in ("year", f"{month:02d}")
        and column in ("all", sex, "25_34" if birth_date.year == 1996 else "35_44")
    )


@pytest.fixture
def two_provinces(app_context):
    vacancy = make_vacancy(make_employer(sector="Cơ khí"), isco_code="7212", openings=50, deadline=date(2026, 12, 31),
                           posted_at=datetime(2026, 8, 20))
    centres = {province: make_centre(province_code=province) for province in ("01", "79")}
    wards = {province: db.session.scalar(select(Ward.code).where(Ward.province_code == province).limit(1))
             for province in centres}
    for province, month, sex, birth_date, people in PLACEMENTS:
        for _ in range(people):
            job_seeker = make_job_seeker(centre_id=centres[province].id, ward_code=wards[province], sex=sex,
                                         birth_date=birth_date, created_at=datetime(2026, month, 2, 3))
            db.session.add(Application(vacancy_id=vacancy.id, job_seeker_id=job_seeker.id, status="hired",
                                       created_at=datetime(2026, month, 3, 3),
                                       placement=Placement(hire_date=date(2026, month, 13), employer_confirmed=True)))
    db.session.commit()
    for day in (date(2026, 9, 15), date(2026, 10, 15)):
        stats_service.compute_day(day)


def published_placed(client, split, columns):
    """{(area, period, column): the text a public page shows} of people placed: the provinces' dashboards and the
    country's overview, split as given."""
    shown = {}
    for period, query in PERIODS.items():
        pages = {
            "VN": section(client.get(f"/statistics?{query}&split={split}").get_data(as_text=True), "people"),
            **{province: section(client.get(f"/statistics/provinces/{province}?{query}&split={split}").get_data(as_text=True),
                                 "headline") for province in ("01", "79")},
        }
        for area, page in pages.items():
            shown |= {(area, period, column): text
                      for column, text in zip(columns, headline_row(page, PLACED), strict=True)}
    return shown


def unknowns(shown, cells):
    return [cell for cell in cells if shown[cell] in ("&lt;5", "x")]


@pytest.mark.parametrize(("split", "columns", "small"), [("sex", SEX_COLUMNS, "female"), ("age_band", AGE_COLUMNS, "25_34")])
def test_a_small_cell_cannot_be_worked_out_across_months_and_provinces(client, two_provinces, split, columns, small):
    shown = published_placed(client, split, columns)
    assert shown[("01", "10", small)] == "&lt;5"
    # Every published sum: an area's columns make its all, the year is its two computed months, the provinces (the
    # others placed no one: 0 on their pages) make the country. One hidden cell in a sum would be given back by it.
    sums = [[(area, period, column) for column in columns if column != "all"] + [(area, period, "all")]
            for area in ("VN", "01", "79") for period in PERIODS]
    sums += [[(area, period, column) for period in PERIODS] for area in ("VN", "01", "79") for column in columns]
    sums += [[(area, period, column) for area in ("VN", "01", "79")] for period in PERIODS for column in columns]
    for cells in sums:
        assert len(unknowns(shown, cells)) != 1, [(cell, shown[cell]) for cell in cells]
    # The month against the year, and the province against the country, each hide a second cell.
    assert unknowns(shown, [("01", period, small) for period in PERIODS]) != [("01", "10", small)]
    assert unknowns(shown, [(area, "10", small) for area in ("VN", "01", "79")]) != [("01", "10", small)]
    # "<5" only on 1 to 4 people; a number shown is the true one.
    for (area, period, column), text in shown.items():
        true = true_placed(area, period, column)
        if text == "&lt;5":
            assert 1 <= true <= 4, (area, period, column, true)
        elif text != "x":
            assert int(text) == true, (area, period, column, text, true)
