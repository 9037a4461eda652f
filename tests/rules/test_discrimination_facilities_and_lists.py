"""Families generalized from HELD-OUT-6's misses and false alarms, each with sentences of its own (none from the held-out
set): lawful mentions of the sexes (both named side by side, rooms and toilets by sex, dress codes, target customers,
goods for one sex, workforce statistics, people served or cared for, the law quoted, a site's south gate), "không phân
biệt" lists of grounds, ages that are no candidate's; and the misses' families: crews of one sex ("anh em nam"), polite
refusals of older people, English bounds alone ("under 25"), age ranges ending in "t" after any job, birth years of two
digits."""
import pytest

from jobmatch.rules.discrimination import find_discrimination

LAWFUL = {
    "both sexes side by side, the noun said again": [
        "Chào đón các bạn nam lẫn các bạn nữ",
        "Hoan nghênh lao động nam và lao động nữ",
        "Nhận cả ứng viên nam hoặc ứng viên nữ",
        "Tuyển con trai hay con gái đều được",
        "Tuyển chị em lẫn anh em đóng gói",
        "CHÀO ĐÓN CẢ BẠN NAM VÀ BẠN NỮ",
        "Welcoming both men and women to apply",
    ],
    "rooms and toilets by sex": [
        "Có nhà vệ sinh nam và nhà vệ sinh nữ riêng",
        "KTX: khu nam, khu nữ tách biệt",
        "phong nam va phong nu rieng, 6 nguoi/phong",
        "Chỗ ở miễn phí: dãy trọ nam và dãy trọ nữ riêng",
        "Locker room for men and locker room for women",
    ],
    "a dress code by sex": [
        "Đồng phục 3 bộ/năm (Nam: sơ mi trắng, quần tây; Nữ: áo dài)",
        "Trang phục: nam quần tây áo sơ mi, nữ váy công sở",
        "Dress code - Nam: vest; Nữ: đầm công sở",
        "dong phuc: nam ao so mi, nu chan vay",
        "Cấp giày bảo hộ: nam giày da, nữ giày cao 3 phân",
    ],
    "a right, a benefit or a grooming rule of the workers of one sex": [
        "Chế độ: BHXH, thai sản, ốm đau; nữ nghỉ 8/3, 20/10",
        "Nhân viên nữ làm ca đêm được bố trí xe đưa đón",
        "Nữ ca đêm có phụ cấp an toàn",
        "Phụ cấp độc hại cho nam làm kho lạnh",
        "Female employees are entitled to 6 months maternity leave",
        "Male employees get 5 days paternity leave",
        "Nam không để tóc dài, nữ búi tóc gọn gàng",
        "Tóc: nam cắt ngắn, nữ buộc gọn",
        "Nghiên cứu viên về giới và phụ nữ",  # "giới" a topic, no "giới tính" asked
    ],
    "the customers an advertisement aims at": [
        "Chân dung khách hàng: nữ 25-35 tuổi, dân văn phòng",
        "Tệp khách: nam 30-50 tuổi",
        "Khách chủ yếu là nữ, nhân viên tư vấn nam nữ đều được",
        "Đối tượng khách hàng - nữ văn phòng",
        "Target audience: women 25-40",
        "KHÁCH HÀNG MỤC TIÊU: NỮ VĂN PHÒNG",
        "kh muc tieu: nu 20-30 tuoi",
    ],
    "goods and services for one sex": [
        "Nhân viên bán dịch vụ cắt tóc cho nam",
        "Sales thực phẩm bổ sung dành cho nữ giới",
        "Bán mỹ phẩm trị mụn dành riêng cho nam",
        "Kinh doanh dòng sữa tắm thảo dược cho nữ",
        "Sell grooming products for men",
        "Marketing skincare line for women",
    ],
    "workforce statistics and the law quoted": [
        "70% nhân viên là nữ",
        "Đa số đồng nghiệp là nữ, môi trường vui vẻ",
        "60% of our staff are women",
        "Tỷ lệ nữ trong công ty là 65%",
        "Nghỉ hưu theo quy định: nam 61 tuổi, nữ 56 tuổi",
        "Tuổi nghỉ hưu theo Bộ luật Lao động 2019: nam 62, nữ 60",
    ],
    "workforce counts and shares, in any language": [
        "Công ty có 300 lao động, trong đó 200 lao động nữ",
        "The team is 60% female",
        "Đội ngũ 70% nữ, trẻ trung",
        "Nữ giới chiếm 60% lực lượng lao động ngành may",
        "Theo thống kê, 70% giáo viên mầm non là nữ",
        "Môi trường: 80% là các bạn trẻ 9x, 2k",
        "Nữ công nhân được tặng quà 8/3 và 20/10",
    ],
    "people served or cared for, named by sex": [
        "Quỹ học bổng cho nữ sinh vùng cao cần điều phối viên",
        "Phục vụ nữ khách VIP",
        "Dạy bơi cho nữ, lớp học riêng",
        "Chăm sóc da cho nam giới",
        "Có phòng nghỉ trưa cho nữ",
        "Caregiver for a 70-year-old man",
        "Take care of a 5-year-old girl",
        "Nanny for a 2 year old boy",
        "Female hygiene products brand hiring sales executive",
        "Male grooming brand hiring content creator",
        "Our clients are mainly women aged 30-50",
        "Kho hàng may mặc nam",
        "Chuyên viên chương trình sức khỏe sinh sản vị thành niên 15-24 tuổi",
    ],
    "the south side of a site": [
        "Bảo vệ cổng Nam khu công nghiệp",
        "Lễ tân sảnh Nam tòa A",
        "Giữ xe tại bãi Nam, sân vận động",
        "Tạp vụ tòa Nam chung cư",
        "BẢO VỆ CỔNG NAM - KCN VSIP",
        "Văn phòng tại đường Lê Văn Nam",  # a street named for a person, three words after "đường"
    ],
    "a list of grounds after 'không phân biệt'": [
        "Tuyển dụng bình đẳng: không phân biệt giới tính, tuổi tác, tôn giáo, tình trạng hôn nhân",
        "khong phan biet dan toc, ton giao, khuyet tat, tinh trang hon nhan",
        "Không phân biệt: dân tộc; tôn giáo; tình trạng hôn nhân",
        "We hire regardless of age, religion, disability, marital status",
        "Không kỳ thị HIV, dân tộc hay tôn giáo",
    ],
    "a list after 'không yêu cầu', a ground waived ('…: không yêu cầu'), benefits for people of a status": [
        "Không yêu cầu chiều cao, cân nặng",
        "Tình trạng hôn nhân: không yêu cầu",
        "Hôn nhân: không quan trọng",
        "Marital status: not required",
        "Hỗ trợ nhà ở cho nhân viên đã có gia đình",
        "Quà cưới 2 triệu cho nhân viên kết hôn",
        "Phụ cấp 500k/tháng cho người khuyết tật",
        "Housing for married staff",
    ],
    "ages that are no candidate's, bounds that count no age": [
        "Hỗ trợ làm sổ hưu khi đủ 60 tuổi",
        "Tuyển sinh học nghề cho thanh niên 18-30 tuổi theo chương trình của tỉnh",  # a public programme's rule
        "Chương trình EPS: 18-39 tuổi theo quy định",
        "Giao hàng nhanh, under 30 minutes",
        "Delivery orders under 25 kg",
        "Commission up to 30%, KPI under 20%",
        "Lái máy ép 18-40t",
        "Mừng sn 60 của công ty mẹ",
        "Khách hàng trên 60 tuổi được giảm 10%",  # the customers' age
        "Chương trình học bổng cho sinh viên dưới 25 tuổi",
        "Marketing hướng đến Gen Z",
        "Lương trên 10 dưới 15 triệu",
        "Đơn trên 50 triệu xin đừng gọi",
        "Cô chú lớn tuổi được giảm giá 10% khi mua hàng",
        "Hỗ trợ cô chú cao tuổi đi khám, không inbox sau 22h",
    ],
}
DISCRIMINATING = {
    "a crew of one sex": [
        ("Tuyển 3 anh em nam phụ kho", "gender"),
        ("các em nữ phục vụ quán nhậu, lương cao", "gender"),
        ("CAN 2 ANH EM NAM LAM KHO", "gender"),
        ("Tuyển 10 chị em nữ đóng gói bánh", "gender"),
    ],
    "look-alikes of the lawful families that still hire by sex": [
        ("Bảo vệ nam và tạp vụ nữ", "gender"),  # two jobs, one sex each: no noun said again
        ("Nhân viên chăm sóc khách hàng nữ", "gender"),  # no label of an audience
        ("Khách hàng mục tiêu là doanh nghiệp, tuyển nữ", "gender"),
        ("Tuyển nữ mặc áo dài đón khách", "gender"),
        ("Ưu tiên 70% là nữ", "gender"),
        ("Tuyển nhân viên là nữ", "gender"),
        ("Công việc phù hợp cho nam", "gender"),  # a job is no goods
        ("Giới tính: nam. Đồng phục: quần tây", "gender"),
        ("Không phân biệt tôn giáo, ưu tiên người chưa kết hôn", "marital_status"),
        ("Không phân biệt dân tộc, không nhận người khuyết tật", "disability"),
        ("Regardless of religion, must be single", "marital_status"),
        ("Không yêu cầu kinh nghiệm, chưa lập gia đình", "marital_status"),  # a condition, not a ground listed
        ("Không phân biệt tôn giáo, chưa lập gia đình", "marital_status"),
        ("Không yêu cầu bằng cấp, dưới 30 tuổi", "age"),
        ("Hỗ trợ nhà ở, chỉ nhận người chưa có gia đình", "marital_status"),
        ("Chưa kết hôn, không yêu cầu bằng cấp", "marital_status"),  # the waiver is of another clause
        ("Tình trạng hôn nhân: chưa kết hôn", "marital_status"),
    ],
    "look-alikes of people served, shares and goods that still hire by sex": [
        ("Hiring a 20-year-old girl as receptionist", "gender"),
        ("Female staff only", "gender"),
        ("Female sales executive", "gender"),
        ("Phục vụ nữ khách sạn 5 sao", "gender"),  # a hotel, not guests
        ("Tuyển 70% nữ", "gender"),
        ("Tuyển 80% là 9x", "age"),
        ("Nữ được ưu tiên", "gender"),  # a preference, no right
        ("Tuyển nữ, có phụ cấp", "gender"),
        ("Tuyển nam cắt tóc", "gender"),
        ("Female staff are preferred", "gender"),
        ("Giới: Nữ", "gender"),
        ("Công việc phù hợp với phụ nữ", "gender"),
        ("Nữ công nhân may, lương cao", "gender"),
        ("Công nhân may mặc, nam", "gender"),  # the sex asked after a comma, not the goods'
        ("Tuyển nữ sinh làm thêm", "gender"),
        ("Cần 20 lao động nữ, trong đó 5 tổ trưởng", "gender"),
        ("Lái xe đường dài nam", "gender"),  # "đường" names a place only before a capital
        ("Bán hàng chợ đêm nữ", "gender"),
    ],
    "older people refused politely": [
        ("Người lớn tuổi xin miễn ib", "age"),
        ("Các bác lớn tuổi thông cảm không nhận ạ", "age"),
        ("Xin phép không nhận cô chú trên 50", "age"),
        ("Người đứng tuổi vui lòng không ứng tuyển", "age"),
        ("older applicants need not apply", "age"),
        ("Over 40s please do not apply", "age"),
        ("Trên 40 xin đừng inbox", "age"),  # a bound, "tuổi" left out, refused after
        ("Ngoài 45 vui lòng không ứng tuyển", "age"),
        ("Cô chú trên 50 xin thông cảm", "age"),
        ("Tuổi đời trẻ, dưới 28", "age"),
        ("Nhân viên chăm sóc khách hàng dưới 30 tuổi", "age"),  # a job's name, not the customers' age
    ],
    "an English bound alone": [
        ("Sales staff, under 30, good English", "age"),
        ("Energetic team player below 28", "age"),
        ("Age 20-30 yrs", "age"),
    ],
    "an age range ending in 't', after any job": [
        ("Phụ bếp 18 – 35 t", "age"),
        ("Yêu cầu 18-35t", "age"),
        ("Bán hàng 18-30 tuổi theo chương trình của công ty", "age"),  # the company's own programme
        ("Thợ may (20~38t)", "age"),
        ("Ưu tiên U-35", "age"),
        ("Trên 18 dưới 35", "age"),  # two bounds, "tuổi" left out
        ("Age 18+ up to 40", "age"),
        ("Chương trình thực tập cho sinh viên dưới 25 tuổi", "age"),  # an internship hires
    ],
    "birth years of two digits": [
        ("SN 96-04", "age"),
        ("sinh năm 97 trở lại", "age"),
        ("Ưu tiên sn 98", "age"),
    ],
}


@pytest.mark.parametrize("text", [text for texts in LAWFUL.values() for text in texts])
def test_lawful_wording_passes(text):
    assert find_discrimination(text) is None


@pytest.mark.parametrize(("text", "ground"), [case for cases in DISCRIMINATING.values() for case in cases])
def test_discriminating_wording_is_found(text, ground):
    finding = find_discrimination(text)
    assert finding is not None and finding.ground == ground
    assert finding.quote in text
