"""The discrimination check on the families added after the third held-out set, one table each, in sentences written for
these tests (none is in the benchmark's files): national or social origin and trade union activity (Labour Code 2019,
Art. 3(8)); refusals written after the people refused ("… vui lòng không ứng tuyển"); chat short forms ("ko nhận");
"nam"/"nữ" run into a place across an underscore or starting a phrase in capitals; and their lawful look-alikes: herbal
medicine, looks as a service to clients, uniforms by sex, ages of employees' families and of an advertisement's audience,
"nhận cả ứng viên nam", "không yêu cầu xét nghiệm HIV", "có đào tạo" (training, not "có đạo")."""
import pytest

from jobmatch.rules.discrimination import find_discrimination


def _ground(text):
    finding = find_discrimination(text)
    return finding and finding.ground


@pytest.mark.parametrize(
    "text",
    [
        "Ưu tiên ứng viên quê Nghệ An",
        "Chỉ nhận lao động quê quán Hải Dương",
        "Không tuyển người gốc Quảng Bình",
        "Cần người có quê ở miền Tây",
        "chi tuyen nguoi mien bac",
        "Ưu tiên người xứ Nghệ chịu khó",
        "Không nhận ứng viên Thái Bình",
        "KHÔNG NHẬN NGƯỜI MIỀN TRUNG",
        "Người Sài Gòn xin miễn liên hệ",
        "Lao động Thanh Hóa vui lòng không nộp hồ sơ",
        "Chỉ nhận hồ sơ người trong tỉnh, không nhận người ngoại tỉnh",
        "Có hộ khẩu thường trú tại Đà Nẵng",
        "Yêu cầu hộ khẩu tỉnh Bắc Ninh",
        "Ưu tiên con em cán bộ công nhân viên trong ngành",
        "Lý lịch ba đời rõ ràng",
        "Northerners only",
        "No applicants from Thanh Hoa",
        "Must have Hanoi household registration",
        "Candidates must be from Da Nang",
        "Only Saigon natives",
        "Chỉ nhận người có hộ khẩu thường trú",
        "Ưu tiên người Huế gốc",
        # … chosen or refused after the people named
        "Ứng viên quê miền Tây được ưu tiên",
        "Lao động ngoại tỉnh xin miễn liên hệ",
        "Ưu tiên người đồng hương với quản lý",
        "Ưu tiên con em trong doanh nghiệp",
    ],
)
def test_a_hometown_a_region_or_a_household_registration_asked_is_origin(text):
    assert _ground(text) == "origin"


@pytest.mark.parametrize(
    "text",
    [
        "Cam kết không gia nhập công đoàn trong thời gian làm việc",
        "Không nhận người đã từng tham gia công đoàn",
        "Ứng viên phải cam kết rời khỏi công đoàn cũ",
        "Người từng làm cán bộ công đoàn xin miễn liên hệ",
        "khong tham gia cong doan",
        "No union members",
        "Applicants must agree not to join a trade union",
        "Must not be a trade union member",
        # a strike the representative organization leads is its activity
        "Không tuyển người từng tham gia đình công",
        "Ứng viên phải cam kết không lãn công",
    ],
)
def test_trade_union_membership_or_activity_asked_is_union(text):
    assert _ground(text) == "union"


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        # the people refused first, the refusal after them, in any polite or blunt wording
        ("Người khuyết tật vui lòng không ứng tuyển", "disability"),
        ("Người có hình xăm xin đừng nộp hồ sơ", "appearance"),
        ("Chị em đang mang bầu vui lòng không gửi CV", "pregnancy"),
        ("Người theo đạo Tin Lành không nên ứng tuyển", "religion"),
        ("Người bị HIV xin đừng liên hệ", "hiv"),
        ("Mẹ đơn thân không nhận", "marital_status"),
        ("Pregnant candidates please do not apply", "pregnancy"),
        ("Disabled applicants need not apply", "disability"),
        ("HIV positive candidates please don't apply", "hiv"),
        ("Union activists should not apply", "union"),
        # chat short forms, with or without diacritics
        ("ko nhận người dân tộc", "ethnicity"),
        ("Kg tuyển người có hình xăm", "appearance"),
        ("k nhan nguoi khuyet tat", "disability"),
        ("hok nhận bà bầu", "pregnancy"),
        ("khg tuyen ng theo dao", "religion"),
        ("kô nhận người bị HIV", "hiv"),
        # "nam"/"nữ" across an underscore from a place, or starting a phrase written in capitals
        ("Tài xế_NAM_Nam Định", "gender"),
        ("Phụ kho _NỮ_ Long Biên", "gender"),
        ("CSKH - Nữ Nói Giọng Chuẩn - ca ngày", "gender"),
        ("Bán hàng online - Nữ Trẻ Năng Động", "gender"),
        # the workers' sex, not the clients': no advertisement's audience is named
        ("Nhân viên chăm sóc khách hàng nữ", "gender"),
    ],
)
def test_refusals_after_the_people_short_forms_and_separated_sexes_are_found(text, ground):
    assert _ground(text) == ground


@pytest.mark.parametrize(
    "text",
    [
        # herbal medicine and the South
        "Nhân viên bán thuốc nam tại nhà thuốc đông y",
        "Trồng và sơ chế cây thuốc nam",
        "Kho hàng hướng nam, thoáng mát",
        # looks as a service to clients
        "Chuyên viên chăm sóc ngoại hình cho khách hàng VIP",
        "Stylist: cải thiện ngoại hình của học viên",
        # uniforms by sex
        "Đồng phục: áo khoác (nam), chân váy (nữ)",
        "Công ty cấp 2 bộ đồng phục nữ mỗi năm",
        # ages of the employees' families, of an advertisement's audience
        "Khám sức khỏe miễn phí cho cha mẹ nhân viên trên 60 tuổi",
        "Gói bảo hiểm cho người thân (dưới 70 tuổi)",
        "Lên kế hoạch nội dung nhắm đến khách hàng 18-24 tuổi",
        "Quảng cáo TikTok cho tệp khách 30-50 tuổi",
        # either sex welcomed
        "Phục vụ quầy bar, nhận cả ứng viên nữ",
        "Thợ may, nam cũng được",
        "Nhân viên trông xe (kể cả nữ)",
        # the clients an advertisement is aimed at
        "Lên nội dung nhắm tệp khách hàng nữ văn phòng",
        # clothes sold or worn
        "Nhân viên bán áo thun nam tại chợ đêm",
        # a salon whose clients are of one sex
        "Kỹ thuật viên salon nữ, chuyên làm đẹp cho phái đẹp",
        # a place is not a hometown; a document and help to register are not conditions
        "Nhân viên thị trường phụ trách các tỉnh miền Trung",
        "Chi nhánh Hà Nội cần kế toán",
        "Ưu tiên ứng viên sinh sống gần Bình Dương",
        "Công ty hỗ trợ nhập hộ khẩu Hà Nội cho nhân viên",
        "Hồ sơ gồm: đơn, sổ hộ khẩu photo, giấy khám sức khỏe",
        "Hỗ trợ vé xe về quê Nghệ An dịp Tết",
        # trade unions as an employer's duty and a worker's right
        "Được tham gia công đoàn và hưởng phúc lợi công đoàn",
        "Người lao động có quyền tham gia hoặc không tham gia công đoàn",
        "Tuyển cán bộ công đoàn chuyên trách",
        "Người lao động có quyền đình công theo luật",
        "Không tham gia công đoàn vẫn được hưởng đủ phúc lợi",
        "Candidates from all provinces are welcome",
        "Must be from an IT background",
        "Employees may join the trade union",
        "Không phân biệt quê quán, tôn giáo, công đoàn",
        # a pregnant worker's right, in the everyday word "bầu"
        "Lao động nữ có bầu được nghỉ đi khám thai",
        "Công nhân nữ mang bầu từ tháng thứ 7 được về sớm 1 giờ",
        # what is not asked
        "Không yêu cầu xét nghiệm HIV",
        "Không yêu cầu hộ khẩu Hà Nội",
        # "đạo" folded is also the "đào" of "đào tạo" (training)
        "Có đào tạo cho người chưa có kinh nghiệm",
        "co dao tao nghe mien phi",
        "Làm việc theo đào tạo của quản lý",
        "Người có đạo đức nghề nghiệp tốt",
        # short forms that are not a "không"
        "Thưởng 500 k cho nhân viên xuất sắc",
        "Bốc xếp hàng 50 kg có xe nâng hỗ trợ",
    ],
)
def test_lawful_look_alikes_of_these_families_pass(text):
    assert find_discrimination(text) is None
