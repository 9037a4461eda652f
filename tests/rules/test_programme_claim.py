"""Words that claim an overseas programme, as plain data: what counts as saying "this is an EPS vacancy", abroad and at
home, with the employer's own words quoted."""
import re

import pytest

from jobmatch.rules.programme_claim import claimed_programme, database_hints

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
    ("Công nhân nhà máy, visa E–9", True, "E–9"),
    ("Công nhân nhà máy, visa E - 9", True, "E - 9"),
    ("Công nhân nhà máy, visa E — 9", True, "E — 9"),
    ("Công nhân nhà máy, visa E.9", True, "E.9"),
    ("Trung tâm EPS tuyển lao động đi Hàn", True, "EPS"),  # "tâm" a centre, not "tấm" a board
    ("Trung tâm EPS tuyển lao động đi Hàn", False, "EPS"),
    ("Công nhân sản xuất tam panel EPS", True, None),
    ("Cong nhan san xuat tam EPS", True, None),  # no diacritics at all: "tam" may be "tấm"
    ("Đóng gói hộp EPS", True, None),
    ("Thợ hàn tại Hàn Quốc", True, None),
    # At home: only when the work itself is abroad, not when the job serves such workers.
    ("Lao động nông nghiệp tại Hàn Quốc (EPS)", False, "EPS"),
    ("Tuyển lao động đi Hàn theo chương trình EPS", False, "EPS"),
    ("Xuất khẩu lao động Hàn Quốc diện E-9", False, "E-9"),
    ("Lao động Hàn Quốc diện EPS lương 40 triệu", False, "EPS"),
    ("Tuyển lao động làm việc Hàn Quốc theo chương trình EPS", False, "EPS"),
    ("Lao động Hàn Quốc EPS ngành nông nghiệp, bay tháng 3", False, "EPS"),
    ("Tuyển lao động làm việc Hàn, chương trình EPS", False, "EPS"),
    ("Kế toán công ty Hàn Quốc, biết phần mềm EPS", False, None),  # a company at home
    ("Nhân viên nhà máy Hàn Quốc tại Bắc Ninh, biết EPS", False, None),
    ("Tuyển lao động cho đơn hàng Hàn Quốc theo EPS", False, "EPS"),
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


@pytest.mark.parametrize(("text", "abroad", "quote"), [case for case in CASES if case[2]])
def test_every_claim_matches_a_database_hint(text, abroad, quote):
    """The daily job's database filter is a superset: each claim matches one of its LIKE patterns, in capitals too."""
    for written in (text, text.upper()):
        assert any(_like(hint, written) for hint in database_hints()), written


def _like(pattern, text):
    """SQLite's LIKE: case-insensitive for ASCII letters only; % any run, _ one character."""
    regex = "".join(".*" if ch == "%" else "." if ch == "_" else re.escape(ch) for ch in pattern)
    return re.fullmatch(regex, text, flags=re.ASCII | re.IGNORECASE | re.DOTALL) is not None
