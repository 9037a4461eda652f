"""Words that claim an overseas programme, as plain data: what counts as saying "this is an EPS vacancy", abroad and at
home, with the employer's own words quoted."""
import pytest

from jobmatch.rules.programme_claim import claimed_programme

# (the text, whether the vacancy is abroad, the words quoted or None)
CASES = [
    ("Lao động nông nghiệp tại Hàn Quốc (EPS)", True, "EPS"),
    ("lao dong nong nghiep tai han quoc theo eps", True, "eps"),
    ("Chương trình EPS - ngành sản xuất", True, "EPS"),
    ("Công nhân nhà máy (visa E-9)", True, "E-9"),
    ("Công nhân nhà máy, visa E9", True, "E9"),
    ("Công nhân nhà máy, visa E 9", True, "E 9"),
    ("Chương trình cấp phép việc làm cho lao động nước ngoài", True, "cấp phép việc làm"),
    ("chuong trinh cap phep viec lam", True, "cap phep viec lam"),
    ("Nhân viên_EPS_Hàn Quốc", True, "EPS"),
    ("Công nhân sản xuất tấm panel EPS", True, None),
    ("Công nhân đóng gói xốp EPS", True, None),
    ("Phòng E, 9 người", True, None),
    ("Thợ hàn tại Hàn Quốc", True, None),
    # At home: only when the work itself is abroad, not when the job serves such workers.
    ("Lao động nông nghiệp tại Hàn Quốc (EPS)", False, "EPS"),
    ("Tuyển lao động đi Hàn theo chương trình EPS", False, "EPS"),
    ("Xuất khẩu lao động Hàn Quốc diện E-9", False, "E-9"),
    ("Phiên dịch tiếng Hàn cho người lao động EPS về nước", False, None),
    ("Phien dich tieng Han cho nguoi lao dong EPS ve nuoc", False, None),
    ("Giáo viên tiếng Hàn luyện thi EPS-TOPIK cho lao động đi Hàn", False, None),
    ("Ưu tiên người đã từng làm việc tại Hàn Quốc theo EPS", False, None),
    ("Công nhân sản xuất tấm panel EPS", False, None),
]


@pytest.mark.parametrize(("text", "abroad", "quote"), CASES)
def test_words_that_claim_eps(text, abroad, quote):
    claim = claimed_programme(text, abroad=abroad)
    assert (claim.quote if claim else None) == quote
    assert claim is None or claim.code == "EPS"
