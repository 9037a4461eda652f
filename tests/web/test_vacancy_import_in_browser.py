"""An employer imports a spreadsheet of vacancies in real headless Chromium on a 360-pixel screen (issue 17, item 4):
uploads an XLSX with good and bad rows, reads the preview, confirms, and finds only the good rows saved."""
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Vacancy
from tests.factories import make_account, make_employer
from tests.web.test_journeys_in_browser import fits_the_screen, sign_in
from tests.web.test_vacancy_import_pages import ROWS, workbook


def test_an_employer_uploads_an_xlsx_reads_the_preview_and_confirms(site, phone, tmp_path):
    account = make_account("employer", employer_id=make_employer(name="Công ty TNHH Cơ khí Thăng Long").id)
    sign_in(phone, site, account)
    phone.wait_for_url("**/employer")
    with phone.expect_navigation():
        phone.click("a[href='/employer/vacancies/import']")
    spreadsheet = tmp_path / "tin-tuyen-dung.xlsx"
    spreadsheet.write_bytes(workbook())
    phone.set_input_files("#f-file", str(spreadsheet))
    with phone.expect_navigation():
        phone.click("form[enctype] button[type=submit]")

    assert "2 trên 4 dòng lưu được" in phone.inner_text("#import-summary")
    assert "7212" in phone.inner_text(".import-row[data-row='2']")
    assert "Mức lương tối thiểu đang lớn hơn mức tối đa." in phone.inner_text(".import-row[data-row='3']")
    assert phone.locator(".import-row.refused").count() == 2 and fits_the_screen(phone)
    assert db.session.scalars(select(Vacancy)).all() == []

    with phone.expect_navigation():
        phone.click("button:has-text('Lưu 2 tin tuyển dụng')")
    assert "Đã thêm 2 tin" in phone.inner_text("main") and fits_the_screen(phone)
    titles = set(db.session.scalars(select(Vacancy.title).execution_options(populate_existing=True)))
    assert titles == {ROWS[0][1], ROWS[3][1]}
