"""The discrimination check as plain data: the wording the issue found published, read the way a person reads it, with
the employer's own words quoted; lawful wording that looks alike passes; a programme's own age range may be restated."""
import pytest

from jobmatch.rules.discrimination import find_discrimination


@pytest.mark.parametrize(
    ("text", "ground", "quote"),
    [
        ("Thợ hàn (Nam)", "gender", "Thợ hàn (Nam)"),
        ("Thợ hàn - ưu tiên nam", "gender", "ưu tiên nam"),
        ("Thợ hàn nam dưới 35 tuổi", "gender", "Thợ hàn nam"),
        ("Nhân viên lễ tân nữ ngoại hình ưa nhìn", "gender", "lễ tân nữ"),
        ("Nhân viên Livestream _Chỉ Tuyển Nữ_", "gender", "Chỉ Tuyển Nữ"),
        ("Tuyển Nữ", "gender", "Tuyển Nữ"),
        ("Yêu Cầu Nữ", "gender", "Yêu Cầu Nữ"),
        ("(Nữ)", "gender", "(Nữ)"),
        ("Kế Toán Nữ", "gender", "Kế Toán Nữ"),
        ("chi tuyen nu duoi 25 tuoi", "gender", "chi tuyen nu"),
        ("Female only", "gender", "Female"),
        ("Độ Tuổi 30 - 35", "age", "Độ Tuổi 30 - 35"),
        ("Ứng viên dưới 30 tuổi", "age", "dưới 30 tuổi"),
        ("Sinh năm 1995 trở lại", "age", "Sinh năm 1995"),
        ("Ngoại hình ưa nhìn, giao tiếp tốt", "appearance", "Ngoại hình"),
        ("Chiều cao từ 1m60", "appearance", "Chiều cao từ 1m60"),
        ("Ứng viên độc thân", "marital_status", "độc thân"),
        ("Applicants must be single", "marital_status", "be single"),
        ("Cam kết không mang thai trong 2 năm", "pregnancy", "không mang thai"),
        ("Yêu cầu: người Kinh", "ethnicity", "người Kinh"),
        ("Không nhận người dân tộc", "ethnicity", "Không nhận người dân tộc"),
        ("Không theo đạo", "religion", "theo đạo"),
        ("Không khuyết tật", "disability", "Không khuyết tật"),
        ("Xét nghiệm HIV âm tính", "hiv", "HIV âm tính"),
    ],
)
def test_discriminating_wording_is_found_and_quoted_as_written(text, ground, quote):
    finding = find_discrimination(text)
    assert (finding.ground, finding.quote) == (ground, quote)


@pytest.mark.parametrize(
    "text",
    [
        "Tuyển công nhân may, nam nữ đều được",
        "Kế toán (Nam/Nữ)",
        "Làm việc tại miền Nam",
        "Xưởng ở huyện Lục Nam, tỉnh Bắc Giang",  # a unit named just before: a place, not a sex
        "Xuong o xa Tan Nam",
        "Lái xe container tuyến Bắc - Nam",
        "Làm việc tại phường Cam Hiệp Nam, tỉnh Khánh Hòa",  # the end of a name in running text
        "Công ty Phương Nam tuyển nhân viên kho",
        "Làm việc tại KCN Điện Nam - Điện Ngọc",
        "Waiter/Waitress",
        "Nhân viên nam châm",
        "Nữ hộ sinh",
        "Bán hàng thời trang nữ",
        "Kho hàng Nam Từ Liêm",
        "Liên hệ anh Nam 0912 345 678",
        "Năm 2026 công ty mở rộng sản xuất",
        "Có 2 năm kinh nghiệm",
        "Môi trường thân thiện như gia đình",
        "Ưu tiên người có kinh nghiệm hàn",
        "Nhận cả lao động dân tộc thiểu số, có hỗ trợ nhà ở",
        "Ưu tiên người khuyết tật",
        "Chế độ thai sản cho lao động nữ",
        "Đủ 18 tuổi trở lên",
        "Không nhận lao động dưới 18 tuổi (công việc nặng nhọc, độc hại)",
        "Phiên dịch tiếng Hoa",
        "Có đạo đức nghề nghiệp",
        "Cán bộ dự án phòng chống HIV/AIDS",
        "Không yêu cầu ngoại hình",
        "",
    ],
)
def test_lawful_wording_that_looks_alike_passes(text):
    assert find_discrimination(text) is None


def test_an_overseas_programme_may_restate_its_own_age_range_and_no_other():
    assert find_discrimination("Từ 18 đến 39 tuổi", allowed_ages=(18, 39)) is None
    assert find_discrimination("Từ 18 đến 39 tuổi").ground == "age"
    assert find_discrimination("Dưới 30 tuổi", allowed_ages=(18, 39)).quote == "Dưới 30 tuổi"
