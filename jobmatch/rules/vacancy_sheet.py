"""Vacancies in a spreadsheet (CSV or XLSX) as employers keep them: the columns of the template, and reading a file into
one payload per row, with what cannot be read said by row and column. Messages are English msgids with their values,
translated where they are shown."""
import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

from jobmatch.rules.money import CURRENCY_WORDS, UNIT_WORDS
from search.folding import fold

MAX_ROWS = 500  # as many as one batch of the API


def N_(message):  # noqa: N802 (the marker gettext tools know)
    return message


@dataclass(frozen=True)
class Column:
    field: str  # the payload's field; "place" is resolved to wards and provinces
    header: str  # as the template writes it
    explanation: str  # Vietnamese, for the template's second sheet
    required: bool = False


COLUMNS = (
    Column("external_ref", "Mã tham chiếu", "Mã riêng của doanh nghiệp cho tin này (tùy chọn). Tải lên lại cùng mã thì tin cũ "
                                            "được cập nhật, không tạo tin mới. Không trùng nhau trong một tệp."),
    Column("title", "Chức danh", "Tên vị trí tuyển dụng, tối đa 200 ký tự. Bắt buộc.", required=True),
    Column("isco_code", "Mã nghề ISCO-08", "Mã nhóm nghề cấp 4 (ví dụ 7212: thợ hàn). Để trống: hệ thống gợi ý nghề theo chức "
                                           "danh, doanh nghiệp xác nhận sau."),
    Column("description", "Mô tả công việc", "Công việc, yêu cầu, quyền lợi; tối đa 5.000 ký tự. Không được phân biệt giới tính, "
                                             "dân tộc, tình trạng hôn nhân."),
    Column("skills", "Kỹ năng", "Các kỹ năng, cách nhau bằng dấu phẩy (tối đa 30)."),
    Column("place", "Nơi làm việc", "Tối đa 10 nơi, cách nhau bằng dấu chấm phẩy, ví dụ “Hà Nội; Phường Bến Nghé, TP.HCM”. "
                                    "Mỗi nơi là tên tỉnh/thành phố (cả tỉnh) hoặc mã tỉnh (2 chữ số), "
                                    "mã xã/phường (5 chữ số) hoặc tên xã/phường kèm tỉnh, ví dụ “Phường Ba Đình, Hà Nội”; "
                                    "tên phường/xã cũ trước 01/7/2025 cũng được nếu chỉ ứng với một xã/phường hiện nay. Bắt buộc "
                                    "với việc làm trong nước.", required=True),
    Column("salary_min", "Lương từ", "Theo đơn vị trả lương và loại tiền của hai cột dưới (mặc định đồng/tháng), viết như "
                                     "thường viết: 8000000, 8.000.000, 8 triệu, 8tr, 250.000 đ/ngày, 1.200 USD."),
    Column("salary_max", "Lương đến", "Như cột Lương từ. Để trống nếu không có mức trên."),
    Column("salary_unit", "Trả lương theo", "Tháng, Ngày, Giờ hoặc Sản phẩm (để trống: Tháng)."),
    Column("salary_currency", "Loại tiền", "VND, USD, JPY (yên Nhật), KRW (won Hàn Quốc) hoặc TWD (Đài tệ); để trống: VND."),
    Column("salary_negotiable", "Lương thỏa thuận", "Có hoặc Không (để trống: Không)."),
    Column("employment_type", "Loại hình", "Toàn thời gian, Bán thời gian, Thời vụ hoặc Hợp đồng có thời hạn. Bắt buộc.",
           required=True),
    Column("openings", "Số lượng", "Số người cần tuyển, từ 1 đến 10.000 (để trống: 1)."),
    Column("deadline", "Hạn nộp hồ sơ", "Ngày cuối nhận hồ sơ, dạng dd/mm/yyyy, trong vòng một năm tới. Bắt buộc.", required=True),
    Column("welcomes_priority", "Ưu tiên lao động nghèo, dân tộc thiểu số", "Có hoặc Không."),
    Column("no_experience_required", "Không cần kinh nghiệm", "Có hoặc Không."),
    Column("training_provided", "Có đào tạo", "Có hoặc Không."),
    Column("publish", "Đăng ngay", "Có: đăng công khai ngay; Không: lưu nháp để đăng sau."),
)
BOOLEAN_FIELDS = {"salary_negotiable", "welcomes_priority", "no_experience_required", "training_provided", "publish"}
YES, NO = {"co", "c", "x", "yes", "y", "true", "1"}, {"khong", "k", "no", "n", "false", "0"}
EMPLOYMENT_TYPE_NAMES = {"toan thoi gian": "full_time", "ban thoi gian": "part_time", "thoi vu": "seasonal",
                         "hop dong": "contract", "hop dong co thoi han": "contract", "full time": "full_time",
                         "part time": "part_time", "seasonal": "seasonal", "fixed term contract": "contract"}
_BY_HEADER = {key: column for column in COLUMNS for key in (fold(column.header), column.field)}
_DAY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


@dataclass
class SheetRow:
    number: int  # as the spreadsheet numbers it (the header is row 1 when it comes first)
    payload: dict
    errors: dict = field(default_factory=dict)  # column header → [(msgid, values)]


@dataclass
class Sheet:
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # [(msgid, values)] about the whole file: nothing in it is read
    empty_rows: int = 0
    columns: list = field(default_factory=list)  # the template's columns the file has, in its order


def read_sheet(content, filename=""):
    """The rows of a vacancy spreadsheet: XLSX (by its content, whatever its name) or CSV in UTF-8. A file of another
    kind, encoding or size, or without the required columns, has problems and no rows; a formula or merged cell is an
    error of its own row and column; empty rows are skipped and counted."""
    if content.startswith(b"PK\x03\x04"):
        return _read_xlsx(content)
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        return Sheet(problems=[(N_("This is an old Excel file (.xls): save it as .xlsx or as CSV UTF-8."), {})])
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in content[:1000]:
        return Sheet(problems=[(N_("This file is in UTF-16 (Excel's “Unicode text”): save it as .xlsx or as “CSV UTF-8”."), {})])
    if re.search(rb"^%PDF|^\x89PNG|^\xff\xd8", content[:8]) or (filename and not re.search(r"\.(csv|txt|xlsx)$", filename, re.I)):
        return Sheet(problems=[(N_("Upload a CSV or XLSX file (this one is %(name)s)."), {"name": filename or "?"})])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Sheet(problems=[(N_("This file is not in UTF-8 (perhaps Windows-1258 or another old Vietnamese encoding): "
                                   "save it as .xlsx or as “CSV UTF-8”."), {})])
    try:
        dialect = csv.Sniffer().sniff(text[:5000].split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return _rows_to_sheet(list(csv.reader(io.StringIO(text), dialect)), merged=set(), formulas=set())


def _read_xlsx(content):
    try:
        workbook = load_workbook(io.BytesIO(content), data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        return Sheet(problems=[(N_("This file cannot be read as XLSX: open it in Excel and save it again as .xlsx."), {})])
    sheet = workbook.worksheets[0]
    if sheet.max_row > MAX_ROWS + 50:  # before reading cells: a huge sheet is refused cheaply (empty rows allowed for)
        return Sheet(problems=[(N_("The file has %(rows)d rows: upload at most %(most)d vacancies at a time."),
                                {"rows": sheet.max_row - 1, "most": MAX_ROWS})])
    merged = {(row, column) for cells in sheet.merged_cells.ranges
              for row in range(cells.min_row, cells.max_row + 1) for column in range(cells.min_col, cells.max_col + 1)}
    formulas, rows = set(), []
    for row in sheet.iter_rows():
        values = []
        for cell in row:
            if cell.data_type == "f":
                formulas.add((cell.row, cell.column))
            values.append(_cell_text(cell.value))
        rows.append(values)
    return _rows_to_sheet(rows, merged=merged, formulas=formulas)


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows_to_sheet(rows, *, merged, formulas):
    """Rows of text (a CSV's, or an XLSX's with where its merged and formula cells are) as a Sheet."""
    numbered = [(number, [value.strip() for value in values]) for number, values in enumerate(rows, start=1)]
    filled = [(number, values) for number, values in numbered if any(values)]
    if not filled:
        return Sheet(problems=[(N_("The file is empty."), {})])
    header_number, header = filled[0]
    result = Sheet(empty_rows=len(numbered) - len(filled))
    columns = [_BY_HEADER.get(fold(name)) for name in header]
    unknown = [name for name, column in zip(header, columns, strict=True) if name and column is None]
    missing = [column.header for column in COLUMNS if column.required and column not in columns]
    if unknown or missing:
        if unknown:
            result.problems.append((N_("Unknown columns: %(names)s. Use the template's headers."), {"names": ", ".join(unknown)}))
        if missing:
            result.problems.append((N_("Missing columns: %(names)s."), {"names": ", ".join(missing)}))
        return result
    result.columns = [column for column in columns if column is not None]
    body = [(number, values) for number, values in filled[1:]]
    if len(body) > MAX_ROWS:
        result.problems.append((N_("The file has %(rows)d rows: upload at most %(most)d vacancies at a time."),
                                {"rows": len(body), "most": MAX_ROWS}))
        return result
    for number, values in body:
        row = SheetRow(number, {})
        for position, (column, value) in enumerate(zip(columns, values, strict=False), start=1):
            if column is None:
                continue
            if (number, position) in formulas:
                row.errors.setdefault(column.header, []).append(
                    (N_("A formula is not accepted: copy the cells and paste their values only."), {}))
            elif (number, position) in merged:
                row.errors.setdefault(column.header, []).append((N_("Merged cells are not accepted: unmerge them."), {}))
            elif value:
                _read_value(row, column, value)
        result.rows.append(row)
    return result


def _read_value(row, column, value):
    """One cell into the payload, as the API takes it: lists, booleans, a type's code and ISO days read here."""
    if column.field == "skills":
        row.payload["skills"] = [skill.strip() for skill in value.split(",") if skill.strip()]
    elif column.field in BOOLEAN_FIELDS:
        answer = fold(value).strip().lower()
        if answer in YES or answer in NO:
            row.payload[column.field] = answer in YES
        else:
            row.errors.setdefault(column.header, []).append((N_("Write Có or Không."), {}))
    elif column.field == "employment_type":
        row.payload["employment_type"] = EMPLOYMENT_TYPE_NAMES.get(re.sub(r"[^a-z ]", " ", fold(value).lower()).strip(), value)
    elif column.field == "deadline":
        day = _DAY.fullmatch(value)
        if day:
            row.payload["deadline"] = f"{day[3]}-{int(day[2]):02d}-{int(day[1]):02d}"
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            row.payload["deadline"] = value
        else:
            row.errors.setdefault(column.header, []).append((N_("Write the date as dd/mm/yyyy."), {}))
    elif column.field == "salary_unit":
        row.payload["salary_unit"] = UNIT_WORDS.get(" ".join(value.lower().split()), value)
    elif column.field == "salary_currency":
        row.payload["salary_currency"] = CURRENCY_WORDS.get(" ".join(value.lower().split()), value.strip().upper())
    elif column.field == "openings" and re.fullmatch(r"\d+", value):
        row.payload["openings"] = int(value)
    else:
        row.payload[column.field] = value


EXAMPLE_ROW = {
    "external_ref": "TD-2026-001", "title": "Công nhân may công nghiệp", "isco_code": "", "description":
    "May hoàn thiện áo sơ mi theo chuyền. Làm ca hành chính, đóng BHXH đầy đủ.", "skills": "may công nghiệp, vắt sổ",
    "place": "Phường Ba Đình, Hà Nội", "salary_min": "8 triệu", "salary_max": "12 triệu", "salary_unit": "Tháng",
    "salary_currency": "VND", "salary_negotiable": "Không",
    "employment_type": "Toàn thời gian", "openings": "10", "deadline": "31/12/2026", "welcomes_priority": "Có",
    "no_experience_required": "Có", "training_provided": "Có", "publish": "Có",
}


def template_workbook():
    """The XLSX template: the columns with an example row on the first sheet, what each column takes (in Vietnamese) on
    the second."""
    workbook = Workbook()
    vacancies = workbook.active
    vacancies.title = "Tin tuyển dụng"
    vacancies.append([column.header for column in COLUMNS])
    vacancies.append([EXAMPLE_ROW[column.field] for column in COLUMNS])
    for cell in vacancies[1]:
        cell.font = Font(bold=True)
    for letter_cells in vacancies.columns:
        vacancies.column_dimensions[letter_cells[0].column_letter].width = max(14, min(40, len(letter_cells[0].value) + 4))
    guide = workbook.create_sheet("Hướng dẫn")
    guide.append(["Cột", "Bắt buộc", "Cách điền"])
    for column in COLUMNS:
        guide.append([column.header, "Có" if column.required else "", column.explanation])
    guide.append([])
    guide.append(["Lưu ý", "", f"Mỗi lần tải lên tối đa {MAX_ROWS} dòng. Không dùng công thức, không gộp ô. Tệp CSV phải lưu dạng "
                               "“CSV UTF-8”. Dòng ví dụ ở trang đầu có thể xóa hoặc sửa."])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    guide.column_dimensions["A"].width, guide.column_dimensions["C"].width = 30, 100
    content = io.BytesIO()
    workbook.save(content)
    return content.getvalue()
