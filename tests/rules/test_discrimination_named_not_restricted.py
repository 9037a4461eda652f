"""A ground named in a clause that restricts nobody (generalized from HELD-OUT-10's false alarms, with sentences of its own,
none from the held-out set): a non-discrimination statement, a ground waived, people said not to be excluded, women told
a job's risks, a right, a programme's own rule said with the programme as its subject, "năm" typed "nam" (a year of
study); and their look-alikes that do restrict."""
import pytest

from jobmatch.rules.discrimination import find_discrimination

LAWFUL = [
    # non-discrimination statements, a ground "not a barrier", welcomes
    "We do not discriminate on the basis of age, religion or disability",
    "Our company does not discriminate based on HIV status.",
    "Gender is not a barrier: we welcome women engineers",
    "Tuổi tác không phải là rào cản, chào đón người trên 45 tuổi",
    "Công ty luôn khuyến khích người khuyết tật ứng tuyển",
    "Religion is not a factor in our hiring; we encourage everyone to apply",
    # a ground waived
    "Tình trạng hôn nhân: không bắt buộc ghi",
    "Tôn giáo: không bắt buộc khai",
    "TINH TRANG HON NHAN: KHONG BAT BUOC",
    # people not excluded
    "Người khuyết tật không bị loại khi đủ năng lực",
    "Ung vien lon tuoi ko bi loai neu co kinh nghiem",
    "Ứng viên đã có gia đình không bị loại trừ",
    # the law's duty to inform women, a right
    "Lao động nữ mang thai được thông báo về môi trường làm việc",
    "Việc có dùng dung môi; nhân viên nữ được tư vấn về ảnh hưởng sinh sản",
    "Nhân viên nữ được hưởng chế độ thai sản đầy đủ",
    # a programme's own rule, the programme its subject (checked with no programme given)
    "Chương trình EPS Hàn Quốc quy định người lao động từ 18 đến 39 tuổi",
    "Chuong trinh EPS Han Quoc quy dinh lao dong tu 18 den 39 tuoi",
    # "năm" typed "nam": a year of study
    "Sinh vien nam cuoi co the ung tuyen",
    "SV nam 3 nhan thuc tap",
    "Sinh vien nam thu hai duoc nhan lam part-time",
    "SINH VIEN NAM CUOI NHAN THUC TAP",
    "Women applicants are informed of the risks of night work",
    "We welcome women and men",
    "Tuổi: không yêu cầu",
    "CONG TY KHONG PHAN BIET DAN TOC, TON GIAO",
    "Tuoi tac ko phai rao can, mien la nhiet tinh",
    "Lao dong nu duoc thong bao day du ve nguy co doc hai",
    "We don't discriminate against HIV positive applicants",
    "Người trên 50 tuổi hoàn toàn không bị loại",
    "Ung vien tren 45 ko bi loai",
    "Không loại trừ ứng viên nhiễm HIV",
    "Người nhiễm HIV được bảo mật thông tin và không bị phân biệt đối xử",
    "Ứng viên mang thai được tư vấn vị trí phù hợp",
    "Người khuyết tật được hỗ trợ thiết bị, không bị loại khỏi quá trình tuyển dụng",
]

DISCRIMINATING = [
    ("Chỉ nhận nữ, không phân biệt quê quán", "gender"),  # a restriction in the same sentence
    ("Ứng viên lớn tuổi sẽ bị loại", "age"),
    ("Nữ không bắt buộc, ưu tiên nam", "gender"),
    ("Age is not a barrier but applicants must be under 35", "age"),
    ("We welcome applicants under 30", "age"),  # welcomed, but only the young
    ("Giới tính: Nữ, không cần kinh nghiệm", "gender"),
    ("Tuổi: 20-30, welcome fresh graduates", "age"),
    ("Tôn giáo không ảnh hưởng, ưu tiên người theo đạo Công giáo", "religion"),
    ("Chương trình đào tạo nội bộ quy định nhân viên từ 18 đến 30 tuổi", "age"),  # the company's own programme
    ("Công ty quy định nhân viên từ 18 đến 30 tuổi", "age"),
    ("Sinh viên nam năm cuối", "gender"),  # with diacritics, "nam" is a man
    ("Tuyen nam thu kho", "gender"),  # a storekeeper, not "năm thứ"
    ("Tuyển nam thu ngân ca tối", "gender"),
    ("Không yêu cầu kinh nghiệm, nữ 20-30 tuổi", "gender"),  # a list item after a waiver of something else
    ("Nữ không cần kinh nghiệm", "gender"),  # "không cần" waives the experience, not the sex
    ("Nu khong can kinh nghiem, luong 8tr", "gender"),
    ("We welcome women only", "gender"),  # welcomed, but only them
    ("Welcome! Female only", "gender"),
    ("Khuyến khích nữ ứng tuyển, chỉ nhận dưới 30 tuổi", "age"),
    ("Người trên 40 không bị loại nhưng ưu tiên dưới 30", "age"),
    ("Người trên 50 tuổi sẽ bị loại", "age"),
    ("Chào đón các bạn nữ 18-25 tuổi", "age"),  # welcomed, within a range
    ("We welcome female candidates aged 20-28", "age"),
    ("Khuyến khích ứng viên độc thân", "marital_status"),  # encouraging the single is preferring them
    ("Nhân viên nam được hưởng lương cao hơn nữ", "gender"),  # a right compared: unequal pay
    ("Người dân tộc không phù hợp, không phân biệt lý do", "ethnicity"),
    ("Không phân biệt nam nữ nhưng dưới 30 tuổi", "age"),
    ("Không bắt buộc nhưng ưu tiên ứng viên độc thân", "marital_status"),
    ("Women are welcome only for the reception desk", "gender"),
    ("Người có hình xăm không được nhận", "appearance"),
    ("Ứng viên nữ được thông báo là không phù hợp", "gender"),
    ("Độc thân được hưởng ưu tiên khi xét tuyển", "marital_status"),
    ("Nữ giới không nhận, được thông báo trước", "gender"),
    ("We do not discriminate, but applicants must be male", "gender"),
    ("Khong phan biet que quan, chi nhan nu", "gender"),
    ("HIV positive applicants are not considered", "hiv"),
    ("Pregnant women will not be hired", "gender"),
]


@pytest.mark.parametrize("text", LAWFUL)
def test_a_ground_named_without_restricting_anyone_is_lawful(text):
    assert find_discrimination(text) is None


@pytest.mark.parametrize(("text", "ground"), DISCRIMINATING)
def test_a_restriction_beside_the_ground_still_counts(text, ground):
    finding = find_discrimination(text)
    assert finding is not None and finding.ground == ground
