"""A centre's dashboard has the province's "Broken down by" selector and breakdown tables, computed by the statistics
job for centres too, on a hand-built centre of Hà Nội: in October seven people placed in mechanical work (four of the
priority group) and three in garments (one of the priority group). The centre's own officer reads every row whole, in
the page and its files, marked internal; the public province page built from the same people hides the small rows
("<5") and the row that would give them back from the total ("x"). A centre has no public page: its figures are
published only within its province's."""
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
from tests.web.test_stats_breakdown_pages import section
from tests.web.test_stats_pages import headline_row

OCTOBER = "kind=month&on=2026-10-15"
MECHANICAL, GARMENTS = "Cơ khí", "May mặc"
# (sector, ISCO code, people of the priority group placed, others placed)
PLACED_BY_SECTOR = [(MECHANICAL, "7212", 4, 3), (GARMENTS, "8153", 1, 2)]


@pytest.fixture
def centre_by_sector(app_context):
    centre = make_centre(province_code="01")
    for sector, isco_code, priority, others in PLACED_BY_SECTOR:
        vacancy = make_vacancy(make_employer(sector=sector), isco_code=isco_code, openings=20,
                               deadline=date(2026, 12, 31), posted_at=datetime(2026, 8, 20))
        for in_priority_group in [True] * priority + [False] * others:
            job_seeker = make_job_seeker(centre_id=centre.id, created_at=datetime(2026, 10, 2, 3))
            if in_priority_group:
                db.session.add(PriorityStatus(job_seeker_id=job_seeker.id, category="poor", evidence="Danh sách hộ nghèo",
                                              valid_until=date(2026, 12, 31), verified_at=datetime(2026, 1, 5)))
            db.session.add(Application(vacancy_id=vacancy.id, job_seeker_id=job_seeker.id, status="hired",
                                       created_at=datetime(2026, 10, 3, 3),
                                       placement=Placement(hire_date=date(2026, 10, 13), employer_confirmed=True)))
    db.session.commit()
    stats_service.compute_day(date(2026, 10, 15))
    return centre


def test_the_centres_officer_chooses_a_breakdown_and_reads_its_rows_whole(client, centre_by_sector):
    start_session(client, make_account("officer", centre_id=centre_by_sector.id))
    base = f"/statistics/centres/{centre_by_sector.id}?{OCTOBER}"
    page = client.get(f"{base}&dimension=sector").get_data(as_text=True)
    assert '<select id="f-dimension" name="dimension">' in page
    assert '<option value="sector" selected>Ngành nghề</option>' in page
    assert "Nội bộ — không công bố" in page
    by_sector = section(page, "by_sector")
    assert headline_row(by_sector, MECHANICAL) == ["4", "3", "7"]
    assert headline_row(by_sector, GARMENTS) == ["1", "2", "3"]
    by_occupation = section(client.get(f"{base}&dimension=isco_major").get_data(as_text=True), "by_isco_major")
    assert headline_row(by_occupation, "7 Lao động thủ công và các nghề nghiệp có liên quan khác") == ["4", "3", "7"]
    assert headline_row(by_occupation, "8 Thợ lắp ráp và vận hành máy móc, thiết bị") == ["1", "2", "3"]

    week = section(client.get(f"/statistics/centres/{centre_by_sector.id}?kind=week&on=2026-10-13&dimension=sector")
                   .get_data(as_text=True), "by_sector")
    assert headline_row(week, GARMENTS) == ["1", "2", "3"]

    # The same people on the public page of their province: garments' small cells "<5"; mechanical work's 7 would give
    # garments' 3 back from the 10 people placed, and its 4 and 3 are small themselves.
    public = section(client.get(f"/statistics/provinces/01?{OCTOBER}&dimension=sector").get_data(as_text=True), "by_sector")
    assert headline_row(public, GARMENTS) == ["&lt;5", "&lt;5", "&lt;5"]
    assert headline_row(public, MECHANICAL) == ["&lt;5", "&lt;5", "x"]


def test_the_centres_files_carry_its_breakdowns_as_numbers(client, centre_by_sector):
    start_session(client, make_account("officer", centre_id=centre_by_sector.id))
    export = f"/statistics/centres/{centre_by_sector.id}/export?{OCTOBER}"
    rows = list(csv.reader(io.StringIO(client.get(f"{export}&table=by_sector&format=csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert next(row for row in rows if row[0] == MECHANICAL)[1:] == ["4", "3", "7"]
    assert next(row for row in rows if row[0] == GARMENTS)[1:] == ["1", "2", "3"]
    workbook = load_workbook(io.BytesIO(client.get(f"{export}&format=xlsx").data))
    sheet = list(workbook["by_sector"].iter_rows(values_only=True))
    assert next(row for row in sheet if row[0] == GARMENTS)[1:] == (1, 2, 3)
    assert {"by_destination", "by_isco_major", "by_programme"} <= set(workbook.sheetnames)
