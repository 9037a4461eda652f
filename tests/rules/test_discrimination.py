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
    ("text", "ground", "quote"),
    [
        # an age limit in any wording: qualifiers between "tuổi" and its bounds, English limits, birth years, "trẻ tuổi"
        ("Tuổi đời không vượt quá 45", "age", "Tuổi đời không vượt quá 45"),
        ("Độ tuổi mong muốn từ 22 đến 30", "age", "Độ tuổi mong muốn từ 22 đến 30"),
        ("Hạn chế: giới hạn tuổi 38", "age", "giới hạn tuổi 38"),
        ("Candidates aged 25 to 35", "age", "aged 25 to 35"),
        ("Applicants must be under 30", "age", "Applicants must be under 30"),
        ("Over 40 years old need not apply", "age", "Over 40"),
        ("Born after 1995", "age", "Born after 1995"),
        ("Cần tuyển các bạn trẻ tuổi, nhanh nhẹn", "age", "Cần tuyển các bạn trẻ tuổi"),
        ("Không nhận lao động trung niên", "age", "Không nhận lao động trung niên"),
        # an exclusion ("không nhận", "không tuyển", "must not", "only") of people named by a protected ground
        ("Không tuyển người có con dưới 3 tuổi", "marital_status", "Không tuyển người có con"),
        ("Married candidates only", "marital_status", "Married candidates"),
        ("Must not have young children", "marital_status", "not have young children"),
        ("Cam kết chưa có dự định sinh con", "pregnancy", "chưa có dự định sinh con"),
        ("Not planning to become pregnant", "pregnancy", "Not planning to become pregnant"),
        ("Không tiếp nhận lao động là người Mông", "ethnicity", "Không tiếp nhận lao động là người Mông"),
        ("Sức khỏe tốt, không bị dị tật", "disability", "không bị dị tật"),
        ("Không nhận người khiếm thính", "disability", "Không nhận người khiếm thính"),
        ("No physical disabilities", "disability", "No physical disabilities"),
        ("Không mắc HIV/AIDS", "hiv", "Không mắc HIV"),
        ("Không nhận người nhiễm HIV", "hiv", "Không nhận người nhiễm HIV"),
        ("Người tàn tật không phù hợp", "disability", "tàn tật không phù hợp"),
        ("Ứng viên trẻ tuổi, nhiệt tình", "age", "Ứng viên trẻ tuổi"),
        ("Ưu tiên người Kinh", "ethnicity", "Ưu tiên người Kinh"),
        ("Chỉ nhận lao động dưới 40, lương cao", "age", "lao động dưới 40"),
        ("No older than 40", "age", "older than 40"),
        ("Ưu tiên chưa chồng", "marital_status", "chưa chồng"),
        ("Không nhận mẹ bỉm sữa", "marital_status", "Không nhận mẹ bỉm sữa"),
        ("Không bị bệnh truyền nhiễm, HIV", "hiv", "Không bị bệnh truyền nhiễm, HIV"),
        ("Trong năm đầu không được mang thai", "pregnancy", "không được mang thai"),
        # a statement of non-discrimination covers its own clause only
        ("Không phân biệt nam nữ, không nhận người có thai", "pregnancy", "không nhận người có thai"),
        ("Không tuyển người theo đạo Tin Lành", "religion", "theo đạo"),
        # a business's name before a trade, a hiring word or a comma is no name: the sex is the condition
        ("Nhà Hàng Nữ Phục Vụ", "gender", "Nhà Hàng Nữ"),
        ("Khách sạn cần Nữ lễ tân", "gender", "Khách sạn cần Nữ"),
        ("Tuyển 20 lao động nữ, được hưởng bảo hiểm", "gender", "lao động nữ"),
    ],
)
def test_limits_and_exclusions_in_any_wording_are_found(text, ground, quote):
    finding = find_discrimination(text)
    assert (finding.ground, finding.quote) == (ground, quote)


@pytest.mark.parametrize(
    "text",
    [
        # "nam"/"nữ" in a name, a product, a team, a clinic, a woman worker's right
        "Khách sạn Nam Cường tuyển buồng phòng",
        "Nhà nghỉ Nam Phong cần tạp vụ",
        "Công ty CP Đầu tư Trường Nam",
        "Khu du lịch Nam Cát Tiên tuyển hướng dẫn viên",
        "Ưu tiên người dân tộc Ê Đê tại địa phương",  # priority to a minority is a positive measure
        "Đội ngũ nhân viên trẻ tuổi",
        "Cơ sở massage nam cần kế toán",  # the business, not whom it hires
        "Spa dành cho nữ tuyển kỹ thuật viên",
        "Tạp hóa Nam Anh cần người giao hàng",
        "Không có phân biệt người HIV",
        "Công ty có trên 30 lao động",
        "Hợp đồng 3 năm, lương từ 20 đến 35 triệu",
        "luong 10 trieu, thuong cuoi nam",
        "Không phân biệt tình trạng hôn nhân",
        "We welcome applicants regardless of age or marital status",
        "Trạm xăng Nam Thành cần bảo vệ",
        "Shop mỹ phẩm nữ cần nhân viên bán hàng",
        "Cửa hàng đồ ngủ nữ tuyển thu ngân",
        "Huấn luyện viên đội bóng rổ nữ",
        "Đội tuyển cầu lông nam cần bác sĩ thể thao",
        "Bệnh viện tuyển bác sĩ chuyên khoa nam khoa",
        "Lao động nữ mang thai được chuyển việc nhẹ hơn",
        "Nhân viên nữ được hưởng chế độ thai sản đầy đủ",
        "Women are encouraged to apply",
        # no limit, no exclusion
        "Tuổi nghề trên 10 năm",
        "Over 20 years of experience in welding",
        "Hưởng lương hưu khi đủ 60 tuổi",
        "Giáo viên dạy trẻ từ 3 đến 5 tuổi",
        "Đội ngũ trẻ trung, năng động",
        "Hỗ trợ mọi loại khuyết tật tiếp cận nơi làm việc",
        "Không phân biệt người nhiễm HIV",
        "Không nhận hồ sơ qua điện thoại",
        "Nhận cả người có con nhỏ, công ty có nhà trẻ",
        "We do not discriminate against pregnant workers",
        "Allowance for staff with or without children",
        "Single shift, 8 hours",
    ],
)
def test_names_products_teams_rights_and_plain_numbers_pass(text):
    assert find_discrimination(text) is None


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
