"""Families generalized from HELD-OUT-5's misses and false alarms, each with sentences of its own (none from the held-out
set): goods, rooms and people served named by sex; the other sex welcomed or encouraged; andrology; clients' ages; the body
asked intact; one sex named by "em gái"; chat short forms of marital status; "(18-28t)"."""
import pytest

from jobmatch.rules.discrimination import find_discrimination

LAWFUL = [
    # goods and care products for one sex, a kind of goods between
    "Nhân viên livestream bán kem dưỡng da nữ",
    "Đóng gói dao cạo nam tại kho Bình Dương",
    "Chụp ảnh sản phẩm đồ bơi nữ cho shop online",
    "Tư vấn bán hàng thời trang trẻ em nữ",
    "Cửa hàng giày thể thao nam nữ (nam nữ đều được ứng tuyển)",
    # rooms and dormitories by sex
    "Bảo vệ ký túc xá nữ ca đêm, nam nữ đều được",
    "Hỗ trợ chỗ ở: phòng ở nam và phòng ở nữ riêng",
    "Tạp vụ dọn phòng tắm nữ và phòng tắm nam",
    # people the work serves or answers to
    "Chăm sóc bệnh nhân nữ sau sinh tại khoa sản",
    "Trợ lý cho sếp nữ, thành thạo Excel",
    "Gia sư dạy kèm học sinh nữ lớp 9 môn Toán",
    "Phiên dịch hỗ trợ giám đốc nữ người Nhật",
    "Lễ tân sự kiện cho doanh nhân nữ",
    "Thư ký riêng cho chủ tịch nữ",
    "Hộ lý chăm sóc người cao tuổi nữ",
    "Phục vụ khu xông hơi nam",
    "Male applicants are also welcome",
    "Lái máy xúc, nhận luôn cả nữ",
    "Tài xế, cần người đón em gái đi học mỗi chiều",  # a sister, not a worker
    # andrology
    "Lễ tân phòng khám Nam học",
    "Dược sĩ tư vấn thuốc Nam học",
    # the other sex welcomed or encouraged, no one excluded
    "Thợ nail cho khách nữ, nhận cả kỹ thuật viên nam",
    "Tuyển giáo viên mầm non, chào đón cả giáo viên nam",
    "Kỹ sư xây dựng, hoan nghênh ứng viên nữ",
    "Lập trình viên: ứng viên nữ được khuyến khích ứng tuyển",
    # ages of the people a product or a service is for
    "Bán bảo hiểm sức khỏe cho người trên 50 tuổi",
    "Huấn luyện viên bơi cho học viên 6-12 tuổi",
    "Quảng cáo mỹ phẩm cho phụ nữ 25-40 tuổi",
    "Trang phục: nữ váy đen, nam sơ mi trắng",
    "Cần người trông bé gái 3 tuổi",  # the child, not a worker
    # not the body asked intact, nor a lorry's tonnes
    "Giao hàng đảm bảo hàng hóa nguyên vẹn",
    "Lái xe chở hàng 10-15t",
]
DISCRIMINATING = [
    ("Quán cà phê cần 3 em gái chạy bàn", "gender"),
    ("Phụ kho: em trai, chăm chỉ", "gender"),
    ("Tuyển quản lý nữ cho cửa hàng thời trang", "gender"),  # the worker hired, not a person served
    ("Tuyển nam học việc sửa xe", "gender"),
    ("Shop mỹ phẩm cần bạn nữ bán hàng", "gender"),
    ("Nhận cả nam nhưng chỉ tuyển nữ cho ca tối", "gender"),
    ("Ưu tiên nam, khuyến khích nam ứng tuyển", "gender"),
    ("Chỉ tuyển nữ (nam nữ đều được phỏng vấn)", "gender"),
    ("Việc làm thêm dành cho sinh viên nữ", "gender"),
    ("Thủ kho yêu cầu hai tay lành lặn", "disability"),
    ("Công nhân may: đủ tay chân, khỏe mạnh", "disability"),
    ("Giữ trẻ tại nhà, yêu cầu chưa có ck", "marital_status"),
    ("Giúp việc nhà, chưa lập gđ", "marital_status"),
    ("Thu ngân siêu thị (20-30t)", "age"),
    ("Tuyển nhân viên bán thuốc cho nhà thuốc, dưới 30 tuổi", "age"),  # the shop the product is sold for, not its clients
    ("Công việc dành cho người dưới 35 tuổi", "age"),
    ("Cần 2 bé gái phụ quán nước", "gender"),
    ("Nhân viên quầy nước hoa: nam", "gender"),  # the sex as the requirement after a colon, not the goods'
    ("Bán hàng online 19-26t, nhanh nhẹn", "age"),
]


@pytest.mark.parametrize("text", LAWFUL)
def test_lawful_wording_passes(text):
    assert find_discrimination(text) is None


@pytest.mark.parametrize(("text", "ground"), DISCRIMINATING)
def test_discriminating_wording_is_found(text, ground):
    finding = find_discrimination(text)
    assert finding is not None and finding.ground == ground
    assert finding.quote in text
