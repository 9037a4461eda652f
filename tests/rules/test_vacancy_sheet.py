"""Reading a spreadsheet of vacancies (issue 17, item 4), as plain data: the template's columns in CSV or XLSX, and every
kind of bad file answered clearly, by the whole file or by row and column."""
import io
import unicodedata

import pytest
from openpyxl import Workbook, load_workbook

from jobmatch.rules.vacancy_sheet import COLUMNS, EXAMPLE_ROW, MAX_ROWS, read_sheet, template_workbook

HEADER = "Mã tham chiếu,Chức danh,Nơi làm việc,Loại hình,Hạn nộp hồ sơ,Lương từ,Đăng ngay,Kỹ năng,Số lượng"


def csv_bytes(*lines, encoding="utf-8"):
    text = "\n".join(lines)
    if encoding == "cp1258":  # it has â, ơ, ư… but writes each tone as a combining mark after its letter
        text = "".join(_tone_apart(letter) for letter in text)
    return text.encode(encoding)


def _tone_apart(letter):
    decomposed = unicodedata.normalize("NFD", letter)
    tones = "".join(mark for mark in decomposed if mark in "\u0300\u0301\u0303\u0309\u0323")
    return unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in tones)) + tones


def xlsx_bytes(rows, *, merge=None):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    if merge:
        workbook.active.merge_cells(merge)
    content = io.BytesIO()
    workbook.save(content)
    return content.getvalue()


def test_a_csv_in_the_templates_columns_becomes_one_payload_per_row():
    welder = 'A-1,Thợ hàn,"Phường Ba Đình, Hà Nội",Toàn thời gian,31/12/2026,8 triệu,Có,"hàn TIG, hàn MIG",3'
    sheet = read_sheet(csv_bytes(HEADER, welder, ",,,,,,,,", "A-2,Kế toán,00004,full_time,2026-12-01,,không,,"), "tin.csv")
    assert sheet.problems == [] and sheet.empty_rows == 1
    assert [(row.number, row.payload, row.errors) for row in sheet.rows] == [
        (2, {"external_ref": "A-1", "title": "Thợ hàn", "place": "Phường Ba Đình, Hà Nội", "employment_type": "full_time",
             "deadline": "2026-12-31", "salary_min": "8 triệu", "publish": True, "skills": ["hàn TIG", "hàn MIG"], "openings": 3}, {}),
        (4, {"external_ref": "A-2", "title": "Kế toán", "place": "00004", "employment_type": "full_time", "deadline": "2026-12-01",
             "publish": False}, {}),
    ]


def test_semicolons_and_a_byte_order_mark_as_excel_writes_them_are_read():
    content = "\ufeff" + HEADER.replace(",", ";") + "\nA-1;Thợ hàn;00004;Thời vụ;1/2/2027;;;;"
    sheet = read_sheet(content.encode(), "tin.csv")
    assert sheet.rows[0].payload["employment_type"] == "seasonal" and sheet.rows[0].payload["deadline"] == "2027-02-01"


def test_cells_that_cannot_be_read_are_errors_of_their_row_and_column():
    sheet = read_sheet(csv_bytes(HEADER, "A-1,Thợ hàn,00004,Toàn thời gian,31-13-2026x,,có lẽ,,"), "tin.csv")
    assert sheet.rows[0].errors == {"Hạn nộp hồ sơ": [("Write the date as dd/mm/yyyy.", {})], "Đăng ngay": [("Write Có or Không.", {})]}


@pytest.mark.parametrize(
    ("content", "filename", "problem"),
    [
        (csv_bytes(HEADER, "A-1,Thợ hàn,00004,Toàn thời gian,31/12/2026", encoding="utf-16"), "tin.csv", "UTF-16"),
        (csv_bytes(HEADER, "A-1,Thợ hàn,00004,Toàn thời gian,31/12/2026", encoding="cp1258"), "tin.csv", "Windows-1258"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "tin.xls", ".xls"),
        (b"%PDF-1.7 ...", "tin.pdf", "CSV or XLSX"),
        (b"PK\x03\x04 not really a zip", "tin.xlsx", "cannot be read as XLSX"),
        (b"", "tin.csv", "empty"),
        (csv_bytes("Chức danh,Màu áo", "Thợ hàn,xanh"), "tin.csv", "Unknown columns: Màu áo"),
        (csv_bytes("Chức danh,Loại hình", "Thợ hàn,Toàn thời gian"), "tin.csv", "Missing columns"),
        (csv_bytes(HEADER, *[f"A-{n},Thợ hàn,00004,Toàn thời gian,31/12/2026" for n in range(10_000)]), "tin.csv", "10000 rows"),
        (xlsx_bytes([HEADER.split(","), *[[] for _ in range(9_999)], ["A-1", "Thợ hàn"]]), "tin.xlsx", "10000 rows"),
    ],
)
def test_a_file_that_cannot_be_read_says_why_and_gives_no_row(content, filename, problem):
    sheet = read_sheet(content, filename)
    assert sheet.rows == []
    assert sheet.problems and any(problem in message % values for message, values in sheet.problems), sheet.problems


def test_formulas_and_merged_cells_are_refused_where_they_are_and_empty_rows_skipped():
    content = xlsx_bytes([HEADER.split(","), ["A-1", "Thợ hàn", "00004", "Toàn thời gian", "=TODAY()+30"], [],
                          ["A-2", "Thợ điện", "00004", "Toàn thời gian", "31/12/2026"], ["", "", "00004"]], merge="A4:B5")
    sheet = read_sheet(content, "tin.xlsx")
    assert sheet.empty_rows == 1
    assert [(row.number, row.errors) for row in sheet.rows] == [
        (2, {"Hạn nộp hồ sơ": [("A formula is not accepted: copy the cells and paste their values only.", {})]}),
        (4, {"Mã tham chiếu": [("Merged cells are not accepted: unmerge them.", {})],
             "Chức danh": [("Merged cells are not accepted: unmerge them.", {})]}),
        (5, {"Mã tham chiếu": [("Merged cells are not accepted: unmerge them.", {})],
             "Chức danh": [("Merged cells are not accepted: unmerge them.", {})]}),
    ]
    assert sheet.rows[0].payload == {"external_ref": "A-1", "title": "Thợ hàn", "place": "00004", "employment_type": "full_time"}


def test_the_template_explains_every_column_in_vietnamese_and_reads_back_as_its_example():
    content = template_workbook()
    workbook = load_workbook(io.BytesIO(content))
    assert [cell.value for cell in workbook["Tin tuyển dụng"][1]] == [column.header for column in COLUMNS]
    guide = {row[0]: row[2] for row in workbook["Hướng dẫn"].iter_rows(min_row=2, values_only=True) if row[0]}
    assert all(guide[column.header] == column.explanation for column in COLUMNS) and f"tối đa {MAX_ROWS} dòng" in guide["Lưu ý"]
    [row] = read_sheet(content, "mau.xlsx").rows
    assert row.errors == {} and row.payload["title"] == EXAMPLE_ROW["title"] and row.payload["deadline"] == "2026-12-31"


def test_pay_may_be_stated_per_day_or_in_another_currency():
    header = "Chức danh,Nơi làm việc,Loại hình,Hạn nộp hồ sơ,Lương từ,Trả lương theo,Loại tiền"
    sheet = read_sheet(csv_bytes(header, "Phụ hồ,00004,Thời vụ,31/12/2026,300.000,Ngày,VND",
                                 "Kỹ sư cầu nối,00004,Toàn thời gian,31/12/2026,1.200,tháng,usd",
                                 "Đóng gói,00004,Thời vụ,31/12/2026,5.000,Sản phẩm,",
                                 "Phiên dịch,00004,Toàn thời gian,31/12/2026,900,tuần,EUR"), "tin.csv")
    assert [(row.payload.get("salary_unit"), row.payload.get("salary_currency")) for row in sheet.rows] == [
        ("day", "VND"), ("month", "USD"), ("piece", None), ("tuần", "EUR")]  # the unknown ones are refused by the schema
