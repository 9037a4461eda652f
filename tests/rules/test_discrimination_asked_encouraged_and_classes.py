"""The discrimination check on the families of HELD-OUT-9's false alarms and misses, one table each, in sentences written
for these tests (none is in the benchmark's files): a ground the employer says it does not ask about or care about; any
group encouraged to apply; a facility or benefit for employees of a faith; goods for one sex; "năm" (year) typed as "nam"
in counts and dates; an overseas programme's age range set by the receiving country or government; and the misses: a
sex after a colon or a job title typed without diacritics, people refused by their region or province, by their part in
a union, by their family's wealth or class. Each table has its look-alikes of the other kind."""
import pytest

from jobmatch.rules.discrimination import find_discrimination


def _ground(text):
    finding = find_discrimination(text)
    return finding and finding.ground


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        # a ground not asked about, not cared about, not looked at
        ("Chúng tôi không quan tâm ứng viên đã kết hôn hay chưa", None),
        ("khong quan tam ban co con nho hay khong, chi can lam tot", None),
        ("Không hỏi về tôn giáo hay dân tộc khi phỏng vấn", None),
        ("Phỏng vấn KHÔNG HỎI về tình trạng hôn nhân, kế hoạch sinh con", None),
        ("ko hoi chuyen co gia dinh chua nha", None),
        ("We do not ask about religion or marital status.", None),
        ("We never ask candidates about pregnancy plans", None),
        ("(we don't ask about your marital status)", None),
        # … unlike a refusal, or a question that decides
        ("Không nhận người đã có gia đình", "marital_status"),
        ("Chỉ tuyển người chưa kết hôn, không hỏi thêm", "marital_status"),
        ("We do not hire married women", "gender"),
        ("We do not consider married applicants", "marital_status"),
    ],
)
def test_a_ground_not_asked_about_is_no_condition(text, ground):
    assert _ground(text) == ground


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        # any group encouraged to apply
        ("Women and people with disabilities are strongly encouraged to apply.", None),
        ("Applications from women and ethnic minority candidates are welcome.", None),
        ("Applications from women, older workers and people with disabilities are encouraged", None),
        ("Khuyến khích phụ nữ và người khuyết tật ứng tuyển", None),
        ("We welcome applications from women and people of all faiths", None),
        ("khuyen khich lao dong nu, nguoi dan toc thieu so ung tuyen", None),
        # … unlike one group only
        ("Applications from women only", "gender"),
        ("Only men should apply", "gender"),
        ("Women are encouraged; men only for the night shift", "gender"),
        ("We welcome applications from women only", "gender"),
    ],
)
def test_any_group_encouraged_is_excluded_by_no_one(text, ground):
    assert _ground(text) == ground


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        # a facility or benefit for employees of a faith
        ("Công ty có bếp ăn chay cho nhân viên theo đạo Phật", None),
        ("Co phong cau nguyen cho nhan vien theo dao Hoi", None),
        ("Bữa trưa riêng cho nhân viên theo đạo Hồi (không thịt heo)", None),
        ("Nghỉ lễ Giáng sinh có lương cho nhân viên theo đạo Công giáo", None),
        ("Căng tin có suất ăn chay cho người theo đạo Phật", None),
        # … unlike hiring by faith
        ("Chỉ tuyển nhân viên theo đạo Phật", "religion"),
        ("Không nhận người theo đạo Hồi", "religion"),
        # goods and services for one sex
        ("Nhân viên tư vấn mỹ phẩm dành cho phụ nữ", None),
        ("Bán hàng thời trang dành cho phụ nữ, lương 8tr", None),
        ("TU VAN SAN PHAM DANH CHO PHU NU MANG THAI", None),
        ("Sale đồ lót dành cho phụ nữ tại shop", None),
        # … unlike a job for one sex
        ("Vị trí này chỉ dành cho phụ nữ", "gender"),
        ("Công việc dành cho phụ nữ", "gender"),
    ],
)
def test_a_benefit_for_a_faith_or_goods_for_a_sex_restrict_no_one(text, ground):
    assert _ground(text) == ground


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        # "năm" (year) typed as "nam"
        ("Kham suc khoe 2 lan/nam cho nhan vien", None),
        ("Luong thang 13, 15 ngay phep/nam", None),
        ("Du lich cong ty 1 lan / nam", None),
        ("tang luong dinh ky moi nam", None),
        ("Thuong tet hang nam, review luong nam 2025", None),
        ("yeu cau 3 nam kinh nghiem o vi tri tuong duong", None),
        ("Thu nhap 120tr/nam + thuong", None),
        ("Tuyen bao ve nam/nu, ca dem", None),
        # … unlike a sex after a colon or a job title
        ("Bep chinh: nam, 2 nam kinh nghiem", "gender"),
        ("Tho phu ho: nam, 5 nam kinh nghiem tro len", "gender"),
        ("Gioi tinh: nam. 3 nam kinh nghiem", "gender"),
        ("Phuc vu nha hang nam, luong 7tr", "gender"),
        ("BAO VE: NAM, CO 1 NAM KINH NGHIEM", "gender"),
        ("ung vien nam, 2 nam kn", "gender"),
        ("Nu, 1 nam kinh nghiem ban hang", "gender"),
    ],
)
def test_a_year_typed_without_diacritics_is_no_sex(text, ground):
    assert _ground(text) == ground


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        # an overseas programme's age range set by the receiving country, its region or government
        ("Lao động thời vụ Hàn Quốc, 25-50 tuổi theo quy định của địa phương tiếp nhận", None),
        ("Chuong trinh thoi vu Han Quoc: tuoi 30-55 theo quy dinh cua phia tiep nhan", None),
        ("Đơn hàng Nhật Bản, tuổi 20-35 theo yêu cầu của nước tiếp nhận", None),
        ("Working holiday visa: applicants must be 18-30 as required by the Australian government.", None),
        ("Aged 18–35, as set by the host country's immigration rules", None),
        # … unlike an employer's own range
        ("Tuyển lao động đi Hàn Quốc, tuổi 25-35 theo yêu cầu của công ty", "age"),
        ("Applicants must be aged 20-30, as required by our company", "age"),
    ],
)
def test_an_overseas_age_range_set_by_the_receiving_side_is_lawful(text, ground):
    assert _ground(text) == ground


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        # people refused by their region or province
        ("Không nhận người Nghệ Tĩnh", "origin"),
        ("KHONG TUYEN DAN XU NGHE", "origin"),
        ("Xin lỗi, không nhận dân Thanh Hóa", "origin"),
        ("Chỉ nhận người Bắc (giọng chuẩn)", "origin"),
        ("khong nhan nguoi mien Tay nha", "origin"),
        ("Người Nghệ Tĩnh xin miễn liên hệ", "origin"),
        ("Không tuyển người Trung", "origin"),
        # … unlike a place of work or goods
        ("Tuyển nhân viên bán hàng tại Nghệ Tĩnh", None),
        ("Đặc sản xứ Nghệ, cần người bán hàng online", None),
        ("Tuyển người trung thực, chăm chỉ", None),
        ("Ưu tiên người Trung thực, nhanh nhẹn", None),
        # people refused for their part in a union
        ("Không nhận người từng tham gia hoạt động công đoàn ở công ty cũ", "union"),
        ("khong tuyen nguoi da tham gia cac hoat dong cong doan", "union"),
        ("Không nhận ai từng hoạt động công đoàn", "union"),
        ("khong nhan nguoi hay tham gia dinh cong", "union"),
        ("Công đoàn công ty hoạt động mạnh, có quà lễ tết", None),
        ("Người lao động được tự do tham gia hoạt động công đoàn", None),
        # people chosen or refused by their family's wealth or class
        ("Chỉ nhận con em gia đình khá giả", "origin"),
        ("Ưu tiên con nhà khá giả, có điều kiện", "origin"),
        ("chi tuyen ung vien gia dinh co dieu kien", "origin"),
        ("Chỉ nhận con em cán bộ", "origin"),
        ("Ưu tiên con cán bộ công chức", "origin"),
        ("Không nhận người nhà nghèo", "origin"),
        ("chi nhan con nha giau thoi", "origin"),
        ("Không nhận con nhà nghèo (sợ mất đồ)", "origin"),
        ("Ưu tiên ứng viên thuộc hộ nghèo, gia đình khó khăn", None),
        ("Học bổng cho con em gia đình khó khăn", None),
        ("Tư vấn bất động sản cho các gia đình khá giả", None),
    ],
)
def test_people_refused_by_region_union_or_class(text, ground):
    assert _ground(text) == ground
