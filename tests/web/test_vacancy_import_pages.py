"""Importing vacancies from a spreadsheet through the pages (issue 17, item 4): a preview of every row with what was
understood and every error by row and column, nothing stored until the employer confirms, then only the valid rows."""
import io
import re

from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import Vacancy
from jobmatch.rules.vacancy_sheet import COLUMNS
from tests.factories import make_account, make_centre, make_employer
from tests.web.helpers import csrf_token, start_session

HEADERS = ["Mã tham chiếu", "Chức danh", "Mã nghề ISCO-08", "Nơi làm việc", "Loại hình", "Hạn nộp hồ sơ", "Lương từ", "Lương đến",
           "Đăng ngay"]
ROWS = [
    ["HR-1", "Thợ hàn CO2 - KCN Thăng Long", "", "Phường Ba Đình, Hà Nội; Đà Nẵng", "Toàn thời gian", "31/12/2026", "9 triệu",
     "12 triệu", "Có"],
    ["HR-2", "Kế toán tổng hợp", "2411", "phường Bến Nghé", "Toàn thời gian", "31/12/2026", "20 triệu", "9 triệu", "Không"],
    ["HR-3", "Nhân viên kho", "4321", "Quận Ba Đình", "Part time", "30/02/2026", "", "", "Có"],
    ["HR-4", "Công nhân may", "8153", "00004", "Thời vụ", "15/12/2026", "7.500.000", "", "Có"],
]


def workbook(rows=ROWS):
    book = Workbook()
    book.active.append(HEADERS)
    for row in rows:
        book.active.append(row)
    content = io.BytesIO()
    book.save(content)
    return content.getvalue()


def upload(client, path, content, filename="tin-tuyen-dung.xlsx"):
    return client.post(path, data={"csrf_token": csrf_token(client, path), "file": (io.BytesIO(content), filename)},
                       content_type="multipart/form-data")


def vacancies():
    return db.session.scalar(select(func.count()).select_from(Vacancy))


def row_text(page, number):
    return re.search(rf'data-row="{number}">(.*?)</div>', page, re.S).group(1)


def test_an_employer_previews_a_spreadsheet_row_by_row_then_saves_only_the_valid_rows(client):
    account = make_account("employer", employer_id=make_employer().id)
    start_session(client, account)
    preview = upload(client, "/employer/vacancies/import", workbook())
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200, page[-2000:]
    assert "2 trên 4 dòng lưu được" in page
    first = row_text(page, 2)
    assert "7212" in first and "gợi ý từ chức danh" in first and "Tin mới" in first
    assert "Phường Ba Đình, Thành phố Hà Nội; Thành phố Đà Nẵng (cả tỉnh)" in first
    assert "Lương từ</strong>: Mức lương tối thiểu đang lớn hơn mức tối đa." in row_text(page, 3)
    third = row_text(page, 4)
    assert "Hạn nộp hồ sơ</strong>: Không phải ngày hợp lệ." in third
    assert "Nơi làm việc</strong>: “Quận Ba Đình” rộng hơn một xã/phường" in third
    assert vacancies() == 0  # nothing stored by a preview

    token = re.search(r'name="rows" value="([^"]+)"', page).group(1)
    saved = client.post("/employer/vacancies/import/confirm", data={"csrf_token": csrf_token(client, "/employer/vacancies/import"),
                                                                    "rows": token})
    assert saved.status_code == 302
    stored = {vacancy.external_ref: vacancy for vacancy in db.session.scalars(select(Vacancy))}
    assert set(stored) == {"HR-1", "HR-4"}
    assert (stored["HR-1"].isco_code, stored["HR-1"].occupation_suggested, stored["HR-1"].ward_code, stored["HR-1"].salary_min,
            stored["HR-1"].status) == ("7212", True, "00004", 9_000_000, "open")
    assert [(place.ward_code, place.province_code) for place in stored["HR-1"].places] == [("00004", None), (None, "48")]
    assert "Đã thêm 2 tin, cập nhật 0 tin, từ chối 0 tin." in client.get(saved.headers["Location"]).get_data(as_text=True)

    again = upload(client, "/employer/vacancies/import", workbook([ROWS[0]])).get_data(as_text=True)
    assert "Cập nhật tin đã đăng" in row_text(again, 2)


def test_a_tampered_or_foreign_preview_stores_nothing(client):
    account = make_account("employer", employer_id=make_employer().id)
    other = make_account("employer", employer_id=make_employer().id)
    start_session(client, account)
    page = upload(client, "/employer/vacancies/import", workbook()).get_data(as_text=True)
    token = re.search(r'name="rows" value="([^"]+)"', page).group(1)
    for rows in (token[:-3] + "abc", "not a token"):
        client.post("/employer/vacancies/import/confirm", data={"csrf_token": csrf_token(client, "/employer/vacancies/import"),
                                                                 "rows": rows})
    other_client = client.application.test_client()
    start_session(other_client, other)
    other_client.post("/employer/vacancies/import/confirm", data={
        "csrf_token": csrf_token(other_client, "/employer/vacancies/import"), "rows": token})
    assert vacancies() == 0


def test_bad_files_are_answered_clearly_and_an_officer_imports_for_an_employer_of_the_centres_province(client):
    employer = make_employer(ward_code="00004")
    officer = make_account("officer", centre_id=make_centre(province_code="01").id)
    far_officer = make_account("officer", centre_id=make_centre(province_code="48").id)
    start_session(client, officer)
    path = f"/centre/employers/{employer.id}/vacancies/import"
    for content, filename, message in [
        (b"%PDF-1.7", "tin.pdf", "Hãy tải lên tệp CSV hoặc XLSX"),
        ("Chức danh,Nơi làm việc,Loại hình,Hạn nộp hồ sơ\nThợ hàn,00004,Toàn thời gian,31/12/2026".encode("utf-16"), "tin.csv", "UTF-16"),
        (("Chức danh,Nơi làm việc,Loại hình,Hạn nộp hồ sơ\n" + "Thợ hàn,00004,Toàn thời gian,31/12/2026\n" * 10_000).encode(),
         "tin.csv", "Tệp có 10000 dòng"),
    ]:
        refused = upload(client, path, content, filename)
        assert refused.status_code == 422 and message in refused.get_data(as_text=True)
    page = upload(client, path, workbook([ROWS[3]])).get_data(as_text=True)
    token = re.search(r'name="rows" value="([^"]+)"', page).group(1)
    client.post(f"{path}/confirm", data={"csrf_token": csrf_token(client, path), "rows": token})
    assert db.session.scalars(select(Vacancy.employer_id)).all() == [employer.id]
    far_client = client.application.test_client()
    start_session(far_client, far_officer)
    assert far_client.get(path).status_code == 403


def test_the_template_is_an_xlsx_with_every_column_explained(client):
    response = client.get("/employer/vacancies/import/template.xlsx")
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    book = load_workbook(io.BytesIO(response.data))
    assert [cell.value for cell in book.worksheets[0][1]] == [column.header for column in COLUMNS]
    assert book.worksheets[1]["A1"].value == "Cột" and book.worksheets[1]["C1"].value == "Cách điền"


def test_an_officer_reaches_the_import_from_the_centre_home_through_the_provinces_employers(client):
    employer = make_employer(ward_code="00004", name="Công ty May Ba Đình")
    far_employer = make_employer(ward_code="00694", name="Công ty Chè Hà Giang")  # Tuyên Quang province
    start_session(client, make_account("officer", centre_id=make_centre(province_code="01").id))
    home = client.get("/centre").get_data(as_text=True)
    listed = client.get(re.search(r'href="([^"]+)">Doanh nghiệp trong tỉnh: nhập tin tuyển dụng từ tệp<', home).group(1))
    card = re.search(rf'data-employer="{employer.id}">(.*?)</li>', listed.get_data(as_text=True), re.S).group(1)
    assert listed.status_code == 200 and far_employer.name not in listed.get_data(as_text=True)
    import_page = client.get(re.search(r'href="([^"]+)">Nhập tin tuyển dụng từ tệp<', card).group(1))
    assert import_page.status_code == 200 and employer.name in import_page.get_data(as_text=True)
