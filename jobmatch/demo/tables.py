"""The tables demo data is drawn from: Vietnamese names, company names, occupations and overseas offers, with their weights."""
from typing import NamedTuple


class FamilyName(NamedTuple):
    name: str
    weight: int  # how often it is drawn, relative to the others


class EducationShare(NamedTuple):
    level: str
    weight: int  # in shares of a hundred job seekers


class Occupation(NamedTuple):
    """An ISCO-08 unit group as vacancies advertise it."""

    isco_code: str
    titles: list[str]
    sector: str
    skills: list[str]
    salary_millions: tuple[float, float]  # range in million VND per month
    employment_types: list[str]


class OverseasOffer(NamedTuple):
    """A contract abroad as a licensed agency advertises it."""

    country: str
    programme: str
    isco_code: str
    titles: list[str]
    skills: list[str]
    language_requirement: str | None
    certificate: str | None
    salary_millions: tuple[int, int]  # range in million VND per month
    contract_months: int
    fee_millions: int  # what the worker pays in all, service fee included


FAMILY_NAMES = [
    FamilyName("Nguyễn", 38), FamilyName("Trần", 11), FamilyName("Lê", 9), FamilyName("Phạm", 7), FamilyName("Hoàng", 4),
    FamilyName("Huỳnh", 3), FamilyName("Phan", 4), FamilyName("Vũ", 3), FamilyName("Võ", 3), FamilyName("Đặng", 2),
    FamilyName("Bùi", 2), FamilyName("Đỗ", 2), FamilyName("Hồ", 1), FamilyName("Ngô", 1), FamilyName("Dương", 1), FamilyName("Lý", 1),
]
MINORITY_FAMILY_NAMES = [
    "Lò", "Hà", "Sùng", "Giàng", "Vàng", "Lầu", "Mùa", "Lường", "Quàng", "Điêu", "Nông", "Triệu", "Ksor", "Rơ Châm", "Y",
]
MIDDLE_NAMES = {
    "male": ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Công", "Xuân"],
    "female": ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hoài", "Kim", "Mỹ"],
}
GIVEN_NAMES = {
    "male": ["An", "Bình", "Cường", "Dũng", "Duy", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Long", "Minh", "Nam", "Phong",
             "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Đạt"],
    "female": ["Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc", "Nhung",
               "Phương", "Quỳnh", "Tâm", "Thảo", "Trang", "Vân", "Yến", "Uyên"],
}
# General Statistics Office codes (reference table ethnic_group) of the larger minority groups of the mountain provinces.
ETHNIC_GROUP_CODES = ["02", "03", "05", "06", "07", "08", "09", "10", "12", "13", "16", "18", "29"]
EDUCATION = [
    EducationShare("primary", 10), EducationShare("lower_secondary", 30), EducationShare("upper_secondary", 30),
    EducationShare("vocational", 12), EducationShare("college", 8), EducationShare("university", 10),
]

BRANDS = [
    "Minh Phát", "Hoàng Long", "Thành Công", "Việt Tiến", "An Khang", "Phú Thịnh", "Đại Dương", "Sao Mai", "Trường Hải",
    "Hưng Thịnh", "Tân Á", "Bảo Minh", "Nam Việt", "Hòa Bình", "Thiên Long", "Kim Cương", "Đông Á", "Phương Nam", "Sông Hồng",
    "Ánh Dương", "Lộc Phát", "Hải Đăng", "Tiến Thành", "Vạn Xuân", "Quốc Thịnh", "Hồng Hà", "Mekong", "Tây Bắc", "Đất Việt",
    "Toàn Cầu",
]
COMPANY_FORMS = ["Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV", "Doanh nghiệp tư nhân"]
SIZES = ["micro", "small", "medium", "large"]

OCCUPATIONS = [
    Occupation("8153", ["Công nhân may", "Thợ may công nghiệp", "Công nhân may mẫu"], "Dệt may",
               ["may máy 1 kim", "may máy 2 kim", "vắt sổ", "đọc rập", "kiểm hàng"], (6.5, 11), ["full_time"]),
    Occupation("7212", ["Thợ hàn", "Thợ hàn TIG/MIG", "Thợ hàn kết cấu thép"], "Cơ khí",
               ["hàn TIG", "hàn MIG", "hàn hồ quang", "đọc bản vẽ kỹ thuật", "cắt kim loại"], (9, 18), ["full_time", "contract"]),
    Occupation("2411", ["Kế toán tổng hợp", "Kế toán viên", "Kế toán thuế", "Kế toán kho"], "Dịch vụ",
               ["MISA", "Excel", "báo cáo thuế", "hóa đơn điện tử", "kế toán công nợ"], (8, 20), ["full_time"]),
    Occupation("4321", ["Nhân viên kho", "Thủ kho", "Nhân viên xuất nhập kho"], "Logistics",
               ["quản lý kho", "xuất nhập kho", "Excel", "lái xe nâng"], (7, 12), ["full_time"]),
    Occupation("8332", ["Lái xe tải", "Tài xế xe tải hạng C", "Lái xe container"], "Vận tải",
               ["bằng lái hạng C", "bằng lái hạng FC", "an toàn giao thông"], (10, 20), ["full_time"]),
    Occupation("8322", ["Lái xe con", "Tài xế riêng", "Lái xe đưa đón công nhân"], "Vận tải",
               ["bằng lái hạng B2", "thông thạo đường phố"], (8, 14), ["full_time", "part_time"]),
    Occupation("5120", ["Đầu bếp", "Phụ bếp", "Đầu bếp món Việt"], "Nhà hàng – khách sạn",
               ["nấu món Việt", "an toàn thực phẩm", "sơ chế"], (7, 15), ["full_time", "part_time"]),
    Occupation("5131", ["Nhân viên phục vụ", "Phục vụ nhà hàng", "Nhân viên phục vụ bàn"], "Nhà hàng – khách sạn",
               ["giao tiếp", "phục vụ bàn", "tiếng Anh giao tiếp"], (5, 8), ["part_time", "full_time", "seasonal"]),
    Occupation("5223", ["Nhân viên bán hàng", "Nhân viên tư vấn bán hàng", "Thu ngân siêu thị"], "Bán lẻ",
               ["tư vấn bán hàng", "thu ngân", "giao tiếp"], (6, 10), ["full_time", "part_time"]),
    Occupation("3322", ["Nhân viên kinh doanh", "Nhân viên kinh doanh B2B", "Đại diện thương mại"], "Thương mại",
               ["đàm phán", "chăm sóc khách hàng", "lập kế hoạch bán hàng"], (8, 25), ["full_time"]),
    Occupation("2512", ["Lập trình viên Python", "Lập trình viên Java", "Lập trình viên web"], "Công nghệ thông tin",
               ["Python", "Java", "JavaScript", "SQL", "Git"], (15, 40), ["full_time"]),
    Occupation("7411", ["Thợ điện", "Thợ điện công nghiệp", "Kỹ thuật viên điện"], "Xây dựng",
               ["điện dân dụng", "điện công nghiệp", "đọc bản vẽ điện"], (8, 15), ["full_time", "contract"]),
    Occupation("7112", ["Thợ xây", "Thợ hồ", "Thợ ốp lát"], "Xây dựng", ["xây trát", "ốp lát", "đọc bản vẽ"], (9, 15),
               ["contract", "seasonal"]),
    Occupation("9313", ["Lao động phổ thông công trình", "Phụ hồ"], "Xây dựng", ["sức khỏe tốt", "làm việc nhóm"], (7, 10),
               ["seasonal", "contract"]),
    Occupation("8212", ["Công nhân lắp ráp điện tử", "Công nhân sản xuất linh kiện", "Công nhân SMT"], "Điện tử",
               ["hàn thiếc", "kiểm tra ngoại quan", "lắp ráp linh kiện"], (7, 11), ["full_time"]),
    Occupation("9329", ["Lao động phổ thông", "Công nhân đóng gói", "Công nhân sản xuất"], "Sản xuất",
               ["đóng gói", "sức khỏe tốt", "làm ca"], (6, 9), ["full_time", "seasonal"]),
    Occupation("8160", ["Công nhân chế biến thủy sản", "Công nhân chế biến thực phẩm"], "Thực phẩm",
               ["phi lê cá", "an toàn thực phẩm", "đóng gói"], (6.5, 10), ["full_time", "seasonal"]),
    Occupation("6111", ["Lao động trồng trọt", "Công nhân nông trường", "Công nhân trồng rau"], "Nông nghiệp",
               ["trồng rau", "chăm sóc cây trồng", "vận hành máy nông nghiệp"], (5, 8), ["seasonal", "full_time"]),
    Occupation("6221", ["Công nhân nuôi trồng thủy sản", "Kỹ thuật viên nuôi tôm"], "Thủy sản", ["nuôi tôm", "quản lý ao nuôi"],
               (7, 12), ["full_time"]),
    Occupation("5321", ["Hộ lý", "Nhân viên chăm sóc người cao tuổi", "Điều dưỡng viên chăm sóc"], "Y tế",
               ["chăm sóc người cao tuổi", "sơ cứu", "giao tiếp"], (7, 12), ["full_time"]),
    Occupation("2221", ["Điều dưỡng", "Điều dưỡng viên"], "Y tế", ["chứng chỉ hành nghề", "tiêm truyền", "chăm sóc bệnh nhân"],
               (9, 16), ["full_time"]),
    Occupation("4222", ["Nhân viên chăm sóc khách hàng", "Nhân viên tổng đài"], "Dịch vụ",
               ["giao tiếp qua điện thoại", "tin học văn phòng", "xử lý khiếu nại"], (7, 11), ["full_time", "part_time"]),
    Occupation("4110", ["Nhân viên hành chính", "Nhân viên văn phòng"], "Dịch vụ",
               ["tin học văn phòng", "soạn thảo văn bản", "lưu trữ hồ sơ"], (7, 11), ["full_time"]),
    Occupation("7231", ["Thợ sửa chữa ô tô", "Kỹ thuật viên ô tô"], "Ô tô", ["sửa chữa động cơ", "điện ô tô", "bảo dưỡng xe"],
               (9, 18), ["full_time"]),
    Occupation("7522", ["Thợ mộc", "Công nhân chế biến gỗ"], "Gỗ", ["đóng đồ gỗ", "vận hành máy cưa", "sơn gỗ"], (8, 14),
               ["full_time"]),
    Occupation("5414", ["Nhân viên bảo vệ", "Bảo vệ ca đêm"], "Dịch vụ", ["tuần tra", "phòng cháy chữa cháy"], (6, 9), ["full_time"]),
    Occupation("9112", ["Nhân viên tạp vụ", "Nhân viên vệ sinh công nghiệp"], "Dịch vụ", ["vệ sinh công nghiệp", "chăm chỉ"],
               (5, 7.5), ["full_time", "part_time"]),
    Occupation("2431", ["Nhân viên marketing", "Chuyên viên marketing online"], "Thương mại",
               ["quảng cáo Facebook", "viết nội dung", "SEO"], (9, 20), ["full_time"]),
    Occupation("2341", ["Giáo viên tiểu học", "Giáo viên dạy thêm"], "Giáo dục", ["sư phạm tiểu học", "soạn giáo án"], (7, 12),
               ["full_time", "part_time"]),
    Occupation("9333", ["Nhân viên bốc xếp", "Công nhân bốc xếp hàng hóa"], "Logistics", ["bốc xếp", "sức khỏe tốt"], (7, 11),
               ["full_time", "seasonal"]),
]

OVERSEAS_OFFERS = [
    OverseasOffer("KR", "EPS", "9329", ["Lao động sản xuất chế tạo tại Hàn Quốc (EPS)"], ["làm ca", "sức khỏe tốt"],
                  "EPS-TOPIK đạt", "EPS-TOPIK", (45, 55), 58, 0),
    OverseasOffer("KR", "EPS", "6111", ["Lao động nông nghiệp tại Hàn Quốc (EPS)"], ["trồng rau", "chăm sóc cây trồng"],
                  "EPS-TOPIK đạt", "EPS-TOPIK", (42, 50), 58, 0),
    OverseasOffer("KR", "EPS", "6221", ["Thuyền viên đánh bắt ven bờ Hàn Quốc (EPS)"], ["đánh bắt thủy sản", "bơi lội"],
                  "EPS-TOPIK đạt", "EPS-TOPIK", (45, 55), 58, 0),
    OverseasOffer("JP", "TITP", "8160", ["Thực tập sinh chế biến thực phẩm tại Nhật Bản"], ["an toàn thực phẩm", "đóng gói"],
                  "JLPT N5", "JLPT", (28, 35), 36, 60),
    OverseasOffer("JP", "SSW", "5321", ["Kỹ năng đặc định điều dưỡng (kaigo) tại Nhật Bản"], ["chăm sóc người cao tuổi", "giao tiếp"],
                  "JLPT N4", "JLPT", (35, 45), 60, 70),
    OverseasOffer("JP", "TITP", "7212", ["Thực tập sinh hàn tại Nhật Bản"], ["hàn TIG", "hàn MIG"], "JLPT N5", "JLPT", (30, 38), 36, 65),
    OverseasOffer("JP", "TITP", "7112", ["Thực tập sinh xây dựng tại Nhật Bản"], ["xây trát", "cốp pha"], "JLPT N5", "JLPT",
                  (30, 36), 36, 60),
    OverseasOffer("TW", "TW", "8212", ["Công nhân nhà máy điện tử tại Đài Loan"], ["lắp ráp linh kiện", "kiểm tra ngoại quan"],
                  None, None, (20, 26), 36, 45),
    OverseasOffer("TW", "TW", "9329", ["Lao động phổ thông nhà máy tại Đài Loan"], ["làm ca", "đóng gói"], None, None, (19, 24), 36, 45),
]
BENEFITS = [
    "Đóng BHXH, BHYT, BHTN đầy đủ", "Thưởng tháng 13", "Hỗ trợ nhà ở", "Có xe đưa đón", "Phụ cấp ăn ca", "Tăng lương hằng năm",
    "Được đào tạo tay nghề",
]
REQUIREMENTS = ["Sức khỏe tốt", "Tuổi từ 18 đến 45", "Chăm chỉ, trung thực", "Chấp nhận làm ca", "Tốt nghiệp THCS trở lên"]
