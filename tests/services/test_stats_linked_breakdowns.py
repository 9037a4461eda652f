"""The breakdown tables of the public pages (hires by destination, programme, sector and occupation group; overseas
departures by destination and programme) cannot be worked out from each other across periods and areas: on hand-built
months a cell hidden on one page is not recovered by subtracting the other months' rows from the year's, the other
days' rows from the week's, nor (where the country's breakdown is published too) the other provinces' from the
country's, nor from the area's own figure that the rows add up to, even where a single row is shown. The files carry
the same marks as the pages."""
import csv
import io
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook

from jobmatch.extensions import db
from jobmatch.models import Application, Placement
from jobmatch.rules.stats import Period
from jobmatch.services import overseas as overseas_service
from jobmatch.services import stats as stats_service
from jobmatch.services.stats import Cell
from tests.factories import DANANG_WARD, make_centre, make_employer, make_job_seeker, make_vacancy
from tests.services.test_stats_overseas import open_case, path_to

SEPTEMBER, OCTOBER, YEAR = Period("month", date(2026, 9, 1)), Period("month", date(2026, 10, 1)), Period("year", date(2026, 1, 1))
WEEK = Period("week", date(2026, 10, 12))
DAYS = [Period("day", WEEK.start + timedelta(days=offset)) for offset in range(7)]
# Every period a reader can subtract on these pages: the year is its computed months, the week its days.
SUMS = [(YEAR, SEPTEMBER, OCTOBER), (WEEK, *DAYS)]
# (on, people) of each area: 3 in September ("<5"), and in October 7 on the 13th and 3 on the 14th ("<5").
EVENTS = {"01": [(date(2026, 9, 15), 3), (date(2026, 10, 13), 7), (date(2026, 10, 14), 3)],
          "48": [(date(2026, 9, 15), 6), (date(2026, 10, 13), 6)]}


def compute():
    weeks = [Period("week", date(2026, 9, 28)).shift(steps) for steps in range(5)]
    stats_service.compute_periods([SEPTEMBER, OCTOBER, YEAR, *weeks, *DAYS])


@pytest.fixture
def overseas_hires(app_context):
    """Hà Nội's job seekers hired to one vacancy in Japan (TITP, engineering, ISCO 7212) on the days of EVENTS["01"]."""
    vacancy = make_vacancy(make_employer(sector="Cơ khí"), isco_code="7212", openings=50, deadline=date(2026, 12, 31),
                           posted_at=datetime(2026, 8, 20), destination_country="JP", programme="TITP")
    centre = make_centre(province_code="01")
    for day, people in EVENTS["01"]:
        for _ in range(people):
            job_seeker = make_job_seeker(centre_id=centre.id, created_at=datetime(2026, 8, 1))
            db.session.add(Application(vacancy_id=vacancy.id, job_seeker_id=job_seeker.id, status="hired",
                                       created_at=datetime(2026, 8, 5, 3),
                                       placement=Placement(hire_date=day, employer_confirmed=True)))
    db.session.commit()
    compute()


@pytest.fixture
def departures(app_context):
    """TITP workers of Hà Nội and Đà Nẵng departing to Japan on the days of EVENTS."""
    overseas_service.load_programmes()
    for province, ward in (("01", None), ("48", DANANG_WARD)):
        centre = make_centre(province_code=province)
        for day, people in EVENTS[province]:
            for _ in range(people):
                worker = make_job_seeker(centre_id=centre.id, created_at=datetime(2026, 1, 5),
                                         **({"ward_code": ward} if ward else {}))
                open_case(worker, "TITP", path_to(day, 6, step=20))
    db.session.commit()
    compute()


def tables(province, period):
    """{table name: {row: {column: Cell}}} of a public page: a province's dashboard, or the country's overview."""
    if province == "VN":
        return {name: dict(table.rows) for name, table in stats_service.overview_tables(period=period).items()}
    _, dashboard = stats_service.province_dashboard(province_code=province, period=period)
    return {name: dict(table.rows) for name, table in dashboard.tables.items()}


def shown(pages, table, row, column):
    """{(area, period): Cell} of one row and column of a table on the pages; a row not shown is 0 (nobody)."""
    return {key: page[table].get(row, {}).get(column, Cell(0)) for key, page in pages.items()}


def sums_of_rows(pages, table, column, figure, headline_column):
    """{(area, period): [the figure's Cell on the page, and each row's of the table]} of one column: the rows add up to
    the figure (less people the rows leave out, whom a reader can know)."""
    totals = {"overseas_departures": "overseas"}
    return {key: [page[totals.get(figure, "headline" if key[0] != "VN" else "people")][figure][headline_column],
                  *(row[column] for row in page[table].values())] for key, page in pages.items()}


def assert_no_sum_gives_a_hidden_cell_back(cells, true, totals, sums=SUMS):
    """`cells`: {(area, period): Cell} of one row and column; `true`: {(area, period): people}; `totals`:
    {(area, period): [Cell, …]} of the figure and every row of that column (sums_of_rows), each list a published sum."""
    for (area, period), cell in cells.items():
        if cell.mark == "primary":
            assert 1 <= true[(area, period)] <= 4
        elif cell.mark is None:
            assert cell.value == true[(area, period)], (area, period)
    areas = {area for area, _ in cells}
    for area in areas:
        for periods in sums:
            hidden = [period for period in periods if cells[(area, period)].mark]
            assert len(hidden) != 1, f"{area}: {periods[0].label} less the others gives {hidden[0].label} back"
    if "VN" in areas:
        for period in {period for _, period in cells}:
            hidden = [area for area in areas if cells[(area, period)].mark]
            assert len(hidden) != 1, f"{period.label}: the country less the other provinces gives {hidden} back"
    for (area, period), total_and_rows in totals.items():
        hidden = [cell for cell in total_and_rows if cell.mark]
        assert len(hidden) != 1, f"{area} {period.label}: the figure less its other rows gives a hidden row back"


def true_people(area, period):
    return sum(people for province, events in EVENTS.items() if area in ("VN", province)
               for day, people in events if period.start <= day <= period.end)


PERIODS = sorted({period for periods in SUMS for period in periods}, key=lambda period: (period.kind, period.start))


def test_hidden_hires_by_destination_programme_sector_or_occupation_are_not_worked_out_across_periods(overseas_hires):
    pages = {("01", period): tables("01", period) for period in PERIODS}
    for table, row in (("by_destination", "JP"), ("by_programme", "TITP"), ("by_sector", "Cơ khí"), ("by_isco_major", "7")):
        for column in ("priority", "other", "all"):
            cells = shown(pages, table, row, column)
            if column == "all":
                assert cells[("01", SEPTEMBER)].mark == "primary" and cells[("01", DAYS[2])].mark == "primary"
            # The rows by destination and programme make both hires and the people placed abroad.
            figures = ("hires", "overseas_hires") if table in ("by_destination", "by_programme") else ("hires",)
            for figure in figures:
                assert_no_sum_gives_a_hidden_cell_back(cells, {key: true_people("01", key[1]) * (column != "priority")
                                                               for key in cells},
                                                       sums_of_rows(pages, table, column, figure, column))


NOVEMBER = Period("month", date(2026, 11, 1))


def test_a_single_row_hidden_is_not_the_figure_less_nothing(app_context):
    """Hà Nội's hires: 3 in Cơ khí and 6 in Dệt may in September, 10 in Cơ khí in October, 7 in Dệt may in November.
    October's one row by sector must not be hidden while the month's hires are shown: the year's Cơ khí less
    October's hires would give September's 3 back."""
    centre = make_centre(province_code="01")
    vacancies = {sector: make_vacancy(make_employer(sector=sector), isco_code=isco, openings=50,
                                      deadline=date(2026, 12, 31), posted_at=datetime(2026, 8, 20))
                 for sector, isco in (("Cơ khí", "7212"), ("Dệt may", "8153"))}
    hires = {(SEPTEMBER, "Cơ khí"): 3, (SEPTEMBER, "Dệt may"): 6, (OCTOBER, "Cơ khí"): 10, (NOVEMBER, "Dệt may"): 7}
    for (month, sector), people in hires.items():
        for _ in range(people):
            job_seeker = make_job_seeker(centre_id=centre.id, created_at=datetime(2026, 8, 1))
            db.session.add(Application(vacancy_id=vacancies[sector].id, job_seeker_id=job_seeker.id, status="hired",
                                       created_at=datetime(2026, 8, 5, 3),
                                       placement=Placement(hire_date=month.start + timedelta(days=12),
                                                           employer_confirmed=True)))
    db.session.commit()
    months = (SEPTEMBER, OCTOBER, NOVEMBER)
    stats_service.compute_periods([*months, YEAR])
    pages = {("01", period): tables("01", period) for period in (YEAR, *months)}
    october = pages[("01", OCTOBER)]
    assert october["by_sector"]["Cơ khí"]["all"].mark == "secondary"  # with September's 3
    assert october["headline"]["hires"]["all"].mark == "secondary"  # else it is October's Cơ khí
    for sector in ("Cơ khí", "Dệt may"):
        for column in ("other", "all"):
            true = {("01", period): sum(people for (month, name), people in hires.items()
                                        if name == sector and (period in (YEAR, month))) for period in (YEAR, *months)}
            assert_no_sum_gives_a_hidden_cell_back(shown(pages, "by_sector", sector, column), true,
                                                   sums_of_rows(pages, "by_sector", column, "hires", column),
                                                   sums=[(YEAR, *months)])


def test_hidden_departures_by_destination_or_programme_are_not_worked_out_across_periods_and_areas(departures):
    pages = {(area, period): tables(area, period) for area in ("VN", "01", "48") for period in PERIODS}
    for table, row in (("overseas_by_destination", "JP"), ("overseas_by_programme", "TITP")):
        for column in ("departures_other", "departures_all"):
            cells = shown(pages, table, row, column)
            if column == "departures_all":
                assert cells[("01", SEPTEMBER)].mark == "primary" and cells[("01", DAYS[2])].mark == "primary"
            assert_no_sum_gives_a_hidden_cell_back(cells, {key: true_people(*key) for key in cells}, sums_of_rows(
                pages, table, column, "overseas_departures", column.removeprefix("departures_")))


def test_the_files_carry_the_pages_marks(client, overseas_hires):
    october = tables("01", OCTOBER)["by_destination"]["JP"]
    assert (october["all"].mark, october["other"].mark) == ("secondary", "secondary")  # hidden with September's 3
    export = "/statistics/provinces/01/export?kind=month&on=2026-10-15"
    rows = list(csv.reader(io.StringIO(client.get(f"{export}&table=by_destination&format=csv").get_data(as_text=True)
                                       .lstrip("\ufeff"))))
    assert ["Nhật Bản", "0", "x", "x"] in rows
    workbook = load_workbook(io.BytesIO(client.get(f"{export}&format=xlsx").data))
    sheets = [sheet for sheet in workbook.worksheets if any(row[0] == "Nhật Bản" for row in sheet.iter_rows(values_only=True))]
    assert ("Nhật Bản", 0, "x", "x") in [row[:4] for sheet in sheets for row in sheet.iter_rows(values_only=True)]
