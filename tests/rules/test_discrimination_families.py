"""The discrimination check on whole families of wording, one table each, in sentences written for these tests (none is
in the benchmark's files): other words for the same sex or age, text typed without diacritics or in capitals, any
punctuation as a separator, numbers and signs ("25-40t", "≤ 40", "U40", "2k3", "1 mét 6"), English; and for each family
the lawful look-alikes: places, businesses, products, teams, clients, benefits and rights, positive measures, the law's
own conditions."""
import pytest

from jobmatch.rules.discrimination import find_discrimination


def _found(text):
    finding = find_discrimination(text)
    return finding and (finding.ground, finding.quote)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # other words for one sex, asked for by a hiring word
        ("Tuyển các chị em nội trợ làm thêm tại nhà", "các chị em"),
        ("tuyen chi em lam tai nha", "tuyen chi em"),
        ("Ưu tiên phái nữ", "Ưu tiên phái nữ"),
        ("Chỉ nhận đàn ông", "nhận đàn ông"),
        ("Cần tuyển chàng trai khỏe mạnh bốc xếp", "Cần tuyển chàng trai"),
        # capitals, any punctuation as a separator, either order
        ("TUYỂN NỮ BÁN HÀNG CA TỐI", "TUYỂN NỮ"),
        ("Bảo vệ|Nam", "Bảo vệ|Nam"),
        ("Phụ bếp/nam", "Phụ bếp/nam"),
        ("Thu ngân–Nữ", "Thu ngân–Nữ"),
        ("Kỹ thuật viên spa_nữ", "Kỹ thuật viên spa_nữ"),
        ("Nữ, 20 tuổi trở lên, bán hàng", "Nữ"),
        ("Phục vụ bàn, nữ", "Phục vụ bàn, nữ"),
        ("Cần 3 nữ đóng gói", "Cần 3 nữ"),
        # a capital after a hiring word starts no name
        ("Tuyển Nam Lễ tân khách sạn", "Tuyển Nam"),
        ("Tuyển Nam Thành Thạo Tin Học", "Tuyển Nam"),
        ("Cửa hàng Minh Anh tuyển Nữ", "Anh tuyển Nữ"),
        # the word one calls a man or a woman, after a hiring word
        ("Cần gấp 5 chị làm tạp vụ", "gấp 5 chị"),
        ("Cần 2 anh phụ hồ", "Cần 2 anh"),
        ("Tuyển chú bảo vệ ca đêm", "Tuyển chú"),
        ("Looking for a girl to run the shop", "for a girl"),
        ("Male drivers wanted", "Male"),
        ("Lái xe khách nam, có bằng E", "Lái xe khách nam"),  # a coach, not its clients
    ],
)
def test_a_sex_asked_in_any_wording_is_found(text, quote):
    assert _found(text) == ("gender", quote)


@pytest.mark.parametrize(
    "text",
    [
        # businesses and brands: a capitalized name in running text, or a business named just before
        "Nhà xe Nam Hưng cần tài xế",
        "Gara Nam Tiến tuyển thợ sơn",
        "Thép Nam Kim tuyển kỹ sư",
        "Ngân hàng Nam Á tuyển giao dịch viên",
        # places
        "Làm việc tại Nam Sách, Hải Dương",
        "Chi nhánh Tây Nam Bộ",
        "Văn phòng quận Nam Từ Liêm",
        "Công tác tại Nam Phi",
        "Kho o huyen Nam Dan",
        "Làm việc tại khu công nghiệp Nam Cầu Kiền",
        # … in Capitals Throughout too, where capitals tell nothing
        "Nhân Viên Kho - Nam Tân Uyên",
        "Kế Toán Chi Nhánh Nam Sài Gòn",
        "Tuyển Bảo Vệ Tại Nam Đông, Huế",
        "Hướng Dẫn Viên Vườn Quốc Gia Nam Cát Tiên",
        # products, services and rooms for one sex; a team of one sex
        "Trình dược viên sản phẩm cho nam giới",
        "Tư vấn thực phẩm chức năng dành cho nữ",
        "Tiệm cắt tóc nam cần thợ phụ",
        "Quản lý ký túc xá nữ",
        "HLV đội U21 nữ",
        "Nhân viên kho đồ thể thao nữ",
        "Kỹ thuật viên làm nail cho khách nữ",
        "Phòng tập dành riêng cho nữ cần lễ tân",
        # what women (or men) workers have: benefits, rights, a dress code, a headcount
        "Phụ cấp 500.000đ cho công nhân nữ",
        "Phòng vắt sữa dành riêng cho lao động nữ",
        "Công ty hỗ trợ chi phí gửi trẻ cho công nhân nữ",
        "Lao động nam được nghỉ 5 ngày khi vợ sinh",
        "Công nhân nữ nuôi con dưới 12 tháng được nghỉ 60 phút mỗi ngày",
        "Ngày 8/3 tặng quà cho chị em",
        "Đồng phục: nữ mặc áo dài",
        "Công nhân may cho xưởng 200 lao động nữ",
        "Căng tin cho công nhân nam và nữ",
        "Lao động nữ nghỉ hưu ở tuổi 56",
        # a name after "anh"/"chị", or "anh chị em": anyone
        "Liên hệ chị Hoa: 0987 654 321",
        "Cần tuyển gấp, liên hệ anh Hùng",
        "Cần anh chị em hỗ trợ đóng gói",
        "Trường mầm non cần tuyển 2 cô giáo",  # "cô giáo": the teacher's common name, as "thầy giáo"
        "Liên hệ: chị Thư, Thái Nguyên",  # "thư, thái" folds to "thu thai" (a pregnancy test) only without its marks
        "Tour Nam Du - Phú Quốc",
        "Nhân viên kinh doanh vùng Nam Tây Nguyên",
    ],
)
def test_names_places_products_teams_and_womens_rights_pass(text):
    assert find_discrimination(text) is None


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Tuổi: 20 – 32", "Tuổi: 20 – 32"),
        ("Tuổi tác: 25 đến 35", "Tuổi tác: 25 đến 35"),
        ("Độ tuổi ≤ 40", "Độ tuổi ≤ 40"),  # a sign is read as a word and quoted as written
        ("Tuổi >= 25", "Tuổi >= 25"),
        ("Max 38t", "Max 38t"),
        ("Ứng viên 25-40t", "25-40t"),
        ("Tuyển lao động 18-40t đi làm ngay", "18-40t"),
        ("U40 trở xuống", "U40"),
        ("SN 1990 trở về sau", "SN 1990"),
        # generations
        ("Ưu tiên các bạn 2k3", "Ưu tiên các bạn 2k3"),
        ("Ưu tiên 8x đời đầu", "Ưu tiên 8x"),
        ("Tuyển nhân viên gen Z", "gen Z"),
        ("Tuyển bạn trẻ làm ca đêm", "Tuyển bạn trẻ"),
        ("Under 30s only", "Under 30s"),
        ("35 years old or younger", "35 years old or younger"),
        ("Looking for young energetic staff", "young energetic staff"),
        ("Fresh graduates under 25", "graduates under 25"),
        # the worker's age, though clients are named before it
        ("Nhân viên chăm sóc khách hàng dưới 30 tuổi", "dưới 30 tuổi"),
    ],
)
def test_an_age_limit_in_any_wording_or_number_is_found(text, quote):
    assert _found(text) == ("age", quote)


@pytest.mark.parametrize(
    "text",
    [
        # the age of the people the work serves, of a team
        "Tư vấn bảo hiểm cho khách hàng trên 40 tuổi",
        "Dạy kỹ năng cho trẻ em 6-12 tuổi",
        "Chăm sóc người cao tuổi trên 70 tuổi",
        "Huấn luyện viên thủ môn đội U17",
        "Bác sĩ đội tuyển U23 quốc gia",
        # tonnes, money, sizes, hours, years of experience
        "Phụ xe tải 5t, xe 8t",
        "Lái cẩu 25-50t",
        "Máy ép 20-30t",
        "Giá 2k/chiếc, hoa hồng cao",
        "Thưởng 2k mỗi đơn",
        "Lắp ráp laptop màn hình 15-17 inch",
        "Ca 8 tiếng, nghỉ 1 tiếng",
        "Kinh nghiệm từ 1 năm, tuổi nghề càng cao càng tốt",
        "Marketing sản phẩm cho khách hàng Gen Z",
        # the law's own ages: minors, a driving licence's minimum
        "Bảo vệ ca đêm, đủ 18 tuổi",
        "Lái xe đủ 24 tuổi, có bằng D",
        "Tài xế xe khách 45 chỗ, đủ 27 tuổi, bằng E",
        "Không giới hạn độ tuổi",
    ],
)
def test_ages_of_others_tonnes_money_and_the_laws_ages_pass(text):
    assert find_discrimination(text) is None


@pytest.mark.parametrize(
    ("text", "ground", "quote"),
    [
        ("Cao tối thiểu 1m62", "appearance", "Cao tối thiểu 1m62"),
        ("Chiều cao > 1m55", "appearance", "Chiều cao > 1m55"),
        ("Không dưới 1m6", "appearance", "Không dưới 1m6"),
        ("Cao 1.65m trở lên", "appearance", "Cao 1.65m"),
        ("Chiều cao tối thiểu 1 mét 6", "appearance", "Chiều cao tối thiểu 1 mét 6"),
        ("Height 165cm or above", "appearance", "Height 165cm"),
        ("Khuôn mặt phúc hậu, dễ gần", "appearance", "Khuôn mặt phúc hậu"),
        ("Không béo, không lùn", "appearance", "Không béo"),
        ("Không xăm hình lộ ra ngoài", "appearance", "Không xăm hình"),
        ("Không nhận người xăm trổ", "appearance", "Không nhận người xăm trổ"),
        ("Dáng chuẩn, 3 vòng cân đối", "appearance", "3 vòng cân đối"),
        ("Slim figure", "appearance", "Slim"),
        ("Gửi CV kèm ảnh toàn thân", "appearance", "ảnh toàn thân"),
        ("Cam kết không kết hôn trong thời gian thử việc", "marital_status", "không kết hôn"),
        ("Không lấy chồng trong 2 năm đầu", "marital_status", "Không lấy chồng"),
        ("Chưa sinh con là lợi thế", "pregnancy", "Chưa sinh con"),
        ("Test HIV trước khi nhận việc", "hiv", "Test HIV trước"),
        ("Không nhận người quá gầy hoặc quá béo", "appearance", "quá gầy"),
        ("Yêu cầu: có gia đình", "marital_status", "Yêu cầu: có gia đình"),
        ("Không nhận người đang cho con bú", "pregnancy", "Không nhận người đang cho con bú"),
        ("Ứng viên là người Công giáo", "religion", "là người Công giáo"),
        ("Có giấy khám sức khỏe (kèm xét nghiệm HIV)", "hiv", "kèm xét nghiệm HIV"),
        ("Không vướng con nhỏ", "marital_status", "Không vướng con nhỏ"),
        ("Không vướng bận gia đình, con cái", "marital_status", "Không vướng bận gia đình"),
        ("Không có con dưới 5 tuổi", "marital_status", "Không có con dưới 5"),
        ("Tình trạng hôn nhân: Chưa", "marital_status", "Tình trạng hôn nhân"),
        ("Cam kết không trong thời gian mang thai", "pregnancy", "không trong thời gian mang thai"),
        ("Phải thử thai trước khi ký hợp đồng", "pregnancy", "thử thai"),
        ("Pregnancy test required", "pregnancy", "Pregnancy test"),
        ("Không nhận người đang nghỉ thai sản", "pregnancy", "Không nhận người đang nghỉ thai sản"),
        ("Kinh people only", "ethnicity", "Kinh people only"),
        ("Only ethnic Kinh", "ethnicity", "Only ethnic Kinh"),
        ("Người Hoa được ưu tiên", "ethnicity", "Người Hoa được ưu tiên"),
        ("Tôn giáo: không có", "religion", "Tôn giáo: không"),
        ("TON GIAO: KHONG", "religion", "TON GIAO: KHONG"),
        ("Chỉ nhận tín đồ Cao Đài", "religion", "Chỉ nhận tín đồ Cao Đài"),
        ("Không nhận giáo dân", "religion", "Không nhận giáo dân"),
        ("Không bị câm điếc", "disability", "Không bị câm điếc"),
        ("Không nói lắp", "disability", "Không nói lắp"),
        ("Không nhận người cụt tay", "disability", "Không nhận người cụt tay"),
    ],
)
def test_the_other_grounds_in_any_wording_are_found(text, ground, quote):
    assert _found(text) == (ground, quote)


@pytest.mark.parametrize(
    "text",
    [
        # heights, faces and bodies of things, not of workers; appearance not asked
        "Làm việc trên cao 20m",
        "Kích thước hàng 1m2 x 1m5",
        "Không yêu cầu về chiều cao hay cân nặng",
        "Spa điều trị mụn cần kỹ thuật viên",
        "Thợ xăm hình nghệ thuật",
        # family and pregnancy as a trade, a right, a thing
        "Luật sư tư vấn hôn nhân và gia đình",
        "Nhân viên tư vấn tâm lý hôn nhân",
        "Hỗ trợ nhân viên có con nhỏ",
        "Không có con dấu thì không hợp lệ",
        "Được nghỉ khám thai 5 lần",
        "Kiểm tra khí thải xe máy",
        "Xét nghiệm nước thải",
        # positive measures, religion and ethnicity as a trade or a place, the law's health conditions
        "Ưu tiên người dân tộc Khmer",
        "Nhà hàng món Hoa cần bếp chính",
        "Tôn giáo không phải điều kiện tuyển dụng",
        "Nhà thờ Công giáo cần bảo vệ",
        "Học viện Phật giáo tuyển giảng viên",
        "Ưu tiên người khiếm thính cho vị trí đóng gói",
        "Tư vấn xét nghiệm HIV tự nguyện",
        "Gửi CV kèm ảnh chân dung 3x4",
        "Nghỉ 3 ngày khi kết hôn",
        "Hỗ trợ 2 triệu khi nhân viên sinh con",
        "Mắt nhìn rõ, không mù màu",
        "Yêu cầu giấy phép lái xe hạng FC",
        "Sức khỏe tốt, chịu được nâng vác 25kg",
        "Thị lực tốt, không say tàu xe",
    ],
)
def test_lawful_look_alikes_of_the_other_grounds_pass(text):
    assert find_discrimination(text) is None


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        ("Must be between 20 and 30 years old", "age"),
        ("Candidates aged 25+", "age"),
        ("Ideal age 23-28", "age"),
        ("Height at least 160 cm", "appearance"),
        ("No tattoos or piercings", "appearance"),
        ("Unmarried women only", "gender"),
        ("Christian applicants only", "religion"),
        ("Kinh ethnicity required", "ethnicity"),
        ("Ethnicity: Kinh", "ethnicity"),
        ("Must be able-bodied", "disability"),
    ],
)
def test_english_wording_is_found(text, ground):
    assert find_discrimination(text).ground == ground


@pytest.mark.parametrize(
    "text",
    [
        "Equal opportunity employer: we welcome women, people with disabilities and ethnic minorities",
        "Maternity leave for female employees",
        "Male and female toilets on site",
        "Ages 18+ welcome",
        "The company is 20 years old",
        "Đơn hàng đúc nhựa đi Nhật, lương 28 man",  # ten thousand yen
        "English teacher for adult learners aged 30-50",
    ],
)
def test_english_invitations_benefits_and_others_ages_pass(text):
    assert find_discrimination(text) is None
