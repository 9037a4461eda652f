"""Statistics pages as their readers see them: the public province page and its exports suppress small cells, an
officer sets a yearly target and sees progress against it, a bad period is refused; in real Chromium, changing the
period redraws the chart and its table."""
import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from jobmatch.extensions import db
from jobmatch.models import Application, Placement, PriorityStatus
from jobmatch.services import stats as stats_service
from tests.factories import make_account, make_centre, make_employer, make_job_seeker, make_vacancy
from tests.web.helpers import post_form, start_session


def hire(centre, vacancy, *, month, priority):
    """A job seeker of the centre applying on the 3rd of the month and hired on the 13th."""
    job_seeker = make_job_seeker(centre_id=centre.id, created_at=datetime(2026, month, 2, 3))
    if priority:
        db.session.add(PriorityStatus(job_seeker_id=job_seeker.id, category="near_poor", evidence="Danh sách hộ cận nghèo",
                                      valid_until=date(2026, 12, 31), verified_at=datetime(2026, 1, 5)))
    db.session.add(Application(vacancy_id=vacancy.id, job_seeker_id=job_seeker.id, status="hired",
                               created_at=datetime(2026, month, 3, 3),
                               placement=Placement(hire_date=date(2026, month, 13), employer_confirmed=True)))
    db.session.commit()


@pytest.fixture
def hanoi_figures(app_context):
    """October: 2 priority and 7 other hires; September: 6 priority and 6 other. Both months computed."""
    centre = make_centre(province_code="01")
    vacancy = make_vacancy(make_employer(sector="Cơ khí"), isco_code="7212", openings=50, deadline=date(2026, 12, 31),
                           posted_at=datetime(2026, 8, 20))
    for month, priority, other in ((10, 2, 7), (9, 6, 6)):
        for index in range(priority + other):
            hire(centre, vacancy, month=month, priority=index < priority)
    for day in (date(2026, 9, 15), date(2026, 10, 15)):
        stats_service.compute_day(day)
    return centre


def headline_row(page, label):
    row = page.split(f'<th scope="row">{label}</th>', 1)[1].split("</tr>", 1)[0]
    return [cell.split(">", 1)[1] for cell in row.split("</td>")[:-1]]


def test_the_public_province_page_hides_cells_under_five_and_the_cell_that_would_reveal_them(client, hanoi_figures):
    page = client.get("/statistics/provinces/01?kind=month&on=2026-10-15").get_data(as_text=True)
    # Priority 2 is under five ("<5"); everyone else's 7 would reveal it from the total 9, so it is hidden with the
    # other mark ("x"), explained in the legend.
    assert headline_row(page, "Số người có việc làm")[:3] == ["&lt;5", "x", "9"]
    assert "ẩn để không suy ra được ô khác" in page
    # The year so far publishes 8 priority (6 + 2): September's 6 would give October's 2 away, so it is hidden, and
    # with it September's other 6 (12 − 6).
    september = client.get("/statistics/provinces/01?kind=month&on=2026-09-01").get_data(as_text=True)
    assert headline_row(september, "Số người có việc làm")[:3] == ["x", "x", "12"]
    year = client.get("/statistics/provinces/01?kind=year&on=2026-10-15").get_data(as_text=True)
    assert headline_row(year, "Số người có việc làm")[:3] == ["8", "13", "21"]
    assert "cận nghèo" not in page and "near_poor" not in page


def test_exports_carry_the_same_suppression_in_csv_and_xlsx(client, hanoi_figures):
    response = client.get("/statistics/provinces/01/export?kind=month&on=2026-10-15&table=headline&format=csv")
    assert response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    placed = next(row for row in rows if row[0] == "Số người có việc làm")
    assert placed[1:4] == ["<5", "x", "9"]

    workbook = load_workbook(io.BytesIO(client.get("/statistics/provinces/01/export?kind=month&on=2026-10-15&format=xlsx").data))
    assert {"headline", "trend", "by_sector", "supply_demand"} <= set(workbook.sheetnames)
    sheet_rows = [[cell.value for cell in row] for row in workbook["headline"].iter_rows()]
    assert ["Số người có việc làm", "<5", "x", 9] == next(row for row in sheet_rows if row[0] == "Số người có việc làm")[:4]


def test_an_officer_sets_a_yearly_target_and_sees_progress(client, hanoi_figures):
    officer = make_account("officer", centre_id=hanoi_figures.id)
    start_session(client, officer)
    response = post_form(client, f"/statistics/centres/{hanoi_figures.id}/plans",
                         {"year": "2026", "target": "placements", "value": "42"}, token_from=f"/statistics/centres/{hanoi_figures.id}")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    # The year so far (computed on 15/10): 9 + 12 = 21 people placed, half of 42.
    assert headline_row(page, "Số người có việc làm")[:3] == ["8", "13", "21"]
    assert headline_row(page.split('id="table-plan"', 1)[1], "Số người có việc làm") == ["42", "21", "50,0%"]

    refused = post_form(client, f"/statistics/centres/{hanoi_figures.id}/plans",
                        {"year": "2026", "target": "placements", "value": "-3"}, token_from=f"/statistics/centres/{hanoi_figures.id}")
    assert refused.status_code == 302
    after = client.get(refused.headers["Location"]).get_data(as_text=True)
    assert "Hãy nhập một số từ 0 đến 10.000.000." in after  # the refusal is explained
    assert headline_row(after.split('id="table-plan"', 1)[1], "Số người có việc làm")[0] == "42"  # the target stands


def test_an_officer_of_another_centre_is_refused(client, hanoi_figures):
    other = make_account("officer", centre_id=make_centre(province_code="48").id)
    start_session(client, other)
    assert client.get(f"/statistics/centres/{hanoi_figures.id}").status_code == 403
    assert client.get(f"/statistics/centres/{hanoi_figures.id}/export?format=xlsx").status_code == 403


def test_a_bad_period_is_refused_with_its_reason(client, app_context):
    response = client.get("/statistics?kind=fortnight")
    assert response.status_code == 400
    assert "Hãy chọn ngày, tuần, tháng hoặc năm." in response.get_data(as_text=True)
    assert client.get("/statistics/export?on=tomorrow").status_code == 400


def test_changing_the_period_redraws_the_chart_and_its_table(site, phone, hanoi_figures):
    phone.goto(f"{site}/statistics/provinces/01?kind=month&on=2026-10-15")
    chart = phone.locator("svg[data-chart=by_sector] text").all_text_contents()
    assert "9" in chart
    assert phone.inner_text("#period-label") == "10/2026"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    phone.fill("#f-on", "2026-09-10")
    phone.click("form.filters button[type=submit]")
    phone.wait_for_url("**on=2026-09-10**")
    assert phone.inner_text("#period-label") == "09/2026"
    assert "12" in phone.locator("svg[data-chart=by_sector] text").all_text_contents()
    assert "12" in phone.locator("#table-by_sector td").all_inner_texts()

    phone.select_option("#f-dimension", "isco_major")
    phone.click("form.filters button[type=submit]")
    phone.wait_for_url("**dimension=isco_major**")
    assert phone.locator("svg[data-chart=by_sector]").count() == 0
    assert "12" in phone.locator("svg[data-chart=by_isco_major] text").all_text_contents()
    assert phone.inner_text("#table-by_isco_major th[scope=row]").startswith("7 ")


def test_the_target_form_is_offered_only_to_who_may_set_the_target(client, hanoi_figures):
    centre_page = f"/statistics/centres/{hanoi_figures.id}?kind=month&on=2026-10-15"
    start_session(client, make_account("officer", centre_id=hanoi_figures.id))
    assert "Đặt chỉ tiêu năm" in client.get(centre_page).get_data(as_text=True)
    assert "Đặt chỉ tiêu năm" not in client.get("/statistics/provinces/01?kind=month&on=2026-10-15").get_data(as_text=True)
    start_session(client, make_account("admin"))
    assert "Đặt chỉ tiêu năm" in client.get("/statistics/provinces/01?kind=month&on=2026-10-15").get_data(as_text=True)
