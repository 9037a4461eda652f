"""People's figures by sex and by age band on a hand-built centre whose answers are worked out here: the centre's own
officer reads them whole, the public province page hides each small cell with its mark (never "<5" on five or more),
the month-by-month table is suppressed as the months' own pages, and the files hold the chosen split as numbers."""
import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from jobmatch.extensions import db
from jobmatch.models import Application, Placement, PriorityStatus
from jobmatch.services import stats as stats_service
from tests.factories import make_account, make_centre, make_employer, make_job_seeker, make_vacancy
from tests.web.helpers import start_session
from tests.web.test_stats_pages import headline_row

# (sex, birth date, priority, placed in work). Ages on 31/10/2026, the last day of October, set the bands.
OCTOBER_PEOPLE = [
    ("female", date(2002, 1, 1), True, True),     # 24: 15–24
    ("female", date(2003, 5, 5), True, True),
    ("female", date(2004, 7, 7), True, True),
    ("female", date(2001, 11, 1), False, True),   # 25 only on 01/11/2026: still 15–24
    ("female", date(2005, 2, 2), False, True),
    ("female", date(2006, 3, 3), False, True),
    ("female", date(2001, 10, 31), True, True),   # 25 on the month's last day: 25–34
    ("male", date(1995, 5, 17), True, True),      # 31: 25–34
    ("male", date(1980, 1, 1), False, True),      # 46: 45–54
    ("male", None, False, True),                  # no birth date: unknown
    ("female", date(1960, 1, 1), False, False),   # 66: 55+, registered only
    ("not_stated", date(1985, 1, 1), False, False),  # 41: 35–44, registered only
]
PLACED, REGISTERED = "Số người có việc làm", "Người lao động đăng ký mới"
OCTOBER = "kind=month&on=2026-10-15"


def person(centre, vacancy, sex, birth_date, priority, placed, month=10):
    job_seeker = make_job_seeker(centre_id=centre.id, sex=sex, birth_date=birth_date, created_at=datetime(2026, month, 2, 3))
    if priority:
        db.session.add(PriorityStatus(job_seeker_id=job_seeker.id, category="poor", evidence="Danh sách hộ nghèo",
                                      valid_until=date(2026, 12, 31), verified_at=datetime(2026, 1, 5)))
    if placed:
        db.session.add(Application(vacancy_id=vacancy.id, job_seeker_id=job_seeker.id, status="hired",
                                   created_at=datetime(2026, month, 3, 3),
                                   placement=Placement(hire_date=date(2026, month, 13), employer_confirmed=True)))
    db.session.commit()


@pytest.fixture
def centre_of_known_people(app_context):
    """October: the twelve people above (10 placed: 5 priority, 5 others; 7 women, 3 men); September: one man
    registered, nobody placed. Both months and the year computed."""
    centre = make_centre(province_code="01")
    vacancy = make_vacancy(make_employer(sector="Cơ khí"), isco_code="7212", openings=50, deadline=date(2026, 12, 31),
                           posted_at=datetime(2026, 8, 20))
    for row in OCTOBER_PEOPLE:
        person(centre, vacancy, *row)
    person(centre, vacancy, "male", date(1990, 1, 1), False, False, month=9)
    for day in (date(2026, 9, 15), date(2026, 10, 15)):
        stats_service.compute_day(day)
    return centre


def headers(page, table="headline"):
    section = page.split(f'id="table-{table}"', 1)[1].split("</thead>", 1)[0]
    return [cell.split(">", 1)[1] for cell in section.split("</th>")[1:-1]]


def section(page, table):
    return page.split(f'id="table-{table}"', 1)[1].split("</section>", 1)[0]


def test_the_centre_reads_its_people_by_sex_and_age_band_whole_and_the_public_page_hides_small_cells(client, centre_of_known_people):
    start_session(client, make_account("officer", centre_id=centre_of_known_people.id))
    base = f"/statistics/centres/{centre_of_known_people.id}?{OCTOBER}"
    by_sex, by_age = (client.get(f"{base}&split={split}").get_data(as_text=True) for split in ("sex", "age_band"))
    assert '<option value="sex" selected>Giới tính</option>' in by_sex
    assert headers(by_sex) == ["Nữ", "Nam", "Không nêu", "Tất cả"]
    assert headers(by_age) == ["15–24", "25–34", "35–44", "45–54", "55+", "Không rõ", "Tất cả"]
    # Worked out from the table above: 7 women and 3 men placed; 8 women, 3 men and 1 not stated registered.
    assert headline_row(by_sex, PLACED) == ["7", "3", "0", "10"]
    assert headline_row(by_sex, REGISTERED) == ["8", "3", "1", "12"]
    assert headline_row(by_age, PLACED) == ["6", "2", "0", "1", "0", "1", "10"]
    assert headline_row(by_age, REGISTERED) == ["6", "2", "1", "1", "1", "1", "12"]
    assert headline_row(client.get(f"{base}&split=none").get_data(as_text=True), PLACED) == ["10"]

    public = {split: client.get(f"/statistics/provinces/01?{OCTOBER}&split={split}").get_data(as_text=True)
              for split in ("priority", "sex", "age_band")}
    # Men placed: 3 ("<5"); women placed would give them away from the total 10: hidden as the other mark ("x").
    assert headline_row(public["sex"], PLACED) == ["x", "&lt;5", "0", "10"]
    # Three small age bands: none can be worked out from the others, so nothing more is hidden; zeros stay.
    assert headline_row(public["age_band"], PLACED) == ["6", "&lt;5", "0", "&lt;5", "0", "&lt;5", "10"]
    # September's one registration ("<5") would follow from the year's 13 and October's 12: October's is hidden, and
    # with it October's 7 others (the year's others are 8); then 8 women stay, as two of the other sexes are hidden.
    assert headline_row(public["priority"], REGISTERED)[:3] == ["5", "x", "x"]
    assert headline_row(public["sex"], REGISTERED) == ["8", "&lt;5", "&lt;5", "x"]

    internal = {split: client.get(f"{base}&split={split}").get_data(as_text=True) for split in ("priority", "sex", "age_band")}
    for split, page in public.items():
        for label in (PLACED, REGISTERED, "Hồ sơ ứng tuyển", "Người lao động đã ứng tuyển hoặc được giới thiệu"):
            for shown, true in zip(headline_row(page, label), headline_row(internal[split], label), strict=True):
                if shown == "&lt;5":
                    assert 1 <= int(true) <= 4, (split, label, true)
                elif shown != "x":
                    assert shown == true, (split, label, shown, true)


def test_month_by_month_within_the_year_suppressed_as_each_months_own_page(client, centre_of_known_people):
    public = section(client.get(f"/statistics/provinces/01?{OCTOBER}").get_data(as_text=True), "monthly")
    assert headline_row(public, "09/2026") == ["&lt;5", "0", "0"]
    assert headline_row(public, "10/2026") == ["x", "5", "10"]
    assert 'data-chart="monthly"' in client.get(f"/statistics?{OCTOBER}").get_data(as_text=True)
    country = section(client.get(f"/statistics?{OCTOBER}").get_data(as_text=True), "monthly")
    assert headline_row(country, "10/2026") == ["x", "5", "10"]

    start_session(client, make_account("officer", centre_id=centre_of_known_people.id))
    internal = section(client.get(f"/statistics/centres/{centre_of_known_people.id}?{OCTOBER}").get_data(as_text=True), "monthly")
    assert headline_row(internal, "09/2026") == ["1", "0", "0"]
    assert headline_row(internal, "10/2026") == ["12", "5", "10"]


def test_files_carry_the_chosen_split_as_numbers(client, centre_of_known_people):
    start_session(client, make_account("officer", centre_id=centre_of_known_people.id))
    internal = load_workbook(io.BytesIO(client.get(
        f"/statistics/centres/{centre_of_known_people.id}/export?{OCTOBER}&split=sex&format=xlsx").data))
    sheet = list(internal["headline"].iter_rows(values_only=True))
    assert sheet[1][1:] == ("Nữ", "Nam", "Không nêu", "Tất cả")
    assert next(row for row in sheet if row[0] == PLACED)[1:] == (7, 3, 0, 10)
    months = [row for row in internal["monthly"].iter_rows(values_only=True) if isinstance(row[0], datetime)]
    assert [row[1:] for row in months] == [(1, 0, 0), (12, 5, 10)]

    public = load_workbook(io.BytesIO(client.get(f"/statistics/provinces/01/export?{OCTOBER}&split=age_band&format=xlsx").data))
    placed = next(row for row in public["headline"].iter_rows() if row[0].value == PLACED)
    assert [cell.value for cell in placed[1:]] == [6, "<5", 0, "<5", 0, "<5", 10]
    assert placed[1].number_format == "#,##0"
    rows = list(csv.reader(io.StringIO(client.get(
        f"/statistics/provinces/01/export?{OCTOBER}&split=sex&table=headline&format=csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][1:] == ["Nữ", "Nam", "Không nêu", "Tất cả"]
    assert next(row for row in rows if row[0] == PLACED)[1:] == ["x", "<5", "0", "10"]
