"""Families generalized from HELD-OUT-10's misses, each with sentences of its own (none from the held-out set): a region of
origin in English; an age cap after "ưu tiên"/"dưới" without "tuổi"; a domestic helper's age (not the family's); one sex
in brackets closing a job title; sensory disabilities listed and refused; "No disabled applicants"; "con em" of rural
families refused; plans to have a child; a religion's followers preferred; a count of men typed without diacritics before
a trade. Each with look-alikes that restrict no one."""
import pytest

from jobmatch.rules.discrimination import find_discrimination

DISCRIMINATING = [
    ("Only candidates from the South will be considered", "origin"),
    ("Workers from central Vietnam only", "origin"),
    ("Northerners preferred for this warehouse role", "origin"),
    ("Sales staff - Southern applicants only", "origin"),
    ("We prefer applicants from the North", "origin"),
    ("Ưu tiên dưới 30", "age"),
    ("Barista - uu tien duoi 28", "age"),
    ("Kế toán, chỉ nhận dưới 35", "age"),
    ("Tuyển giúp việc gia đình dưới 45 tuổi", "age"),
    ("TUYEN OSIN GIA DINH DUOI 50 TUOI", "age"),
    ("Phục vụ quán cà phê (Nữ) – ca sáng", "gender"),
    ("Bảo vệ (NAM) - ca đêm", "gender"),
    ("Phu bep (nam), luong 7tr", "gender"),
    ("Ứng viên khiếm thị, khiếm thính xin miễn liên hệ", "disability"),
    ("Người khiếm thính hoặc khiếm thị không phù hợp", "disability"),
    ("KHONG NHAN NGUOI KHIEM THI, KHIEM THINH", "disability"),
    ("No disabled applicants", "disability"),
    ("No handicapped candidates please", "disability"),
    ("Không nhận con em gia đình nông thôn", "origin"),
    ("Con em nông thôn xin miễn liên hệ", "origin"),
    ("Ứng viên có kế hoạch sinh con trong 2 năm tới không phù hợp", "pregnancy"),
    ("Khong nhan ung vien co du dinh sinh con", "pregnancy"),
    ("Yêu cầu cam kết không có kế hoạch sinh con trong 3 năm", "pregnancy"),
    ("No plans to have children in the next two years", "pregnancy"),
    ("Ứng viên là Phật tử sẽ được ưu tiên", "religion"),
    ("Con chiên được ưu tiên", "religion"),
    ("Tuyen gap 3 nam phu ho cong trinh", "gender"),
    ("Can 2 nam boc xep kho lanh", "gender"),
    ("Tuyen 2 nam tho dien", "gender"),
    ("Candidates from the Central region only", "origin"),
    ("No southerners please", "origin"),
    ("Hiring people from the north only", "origin"),
    ("UU TIEN DUOI 32", "age"),
    ("Ưu tiên < 30", "age"),
    ("Shipper, uu tien duoi 25 nha", "age"),
    ("PHỤC VỤ NHÀ HÀNG (NỮ) - LƯƠNG 7TR", "gender"),
    ("Tap vu (nu) - ca sang", "gender"),
    ("Kế toán kho (Nam) | Bình Dương", "gender"),
    ("Ứng viên câm điếc không phù hợp công việc", "disability"),
    ("Không tuyển người khiếm thính và khiếm thị", "disability"),
    ("no disabled people", "disability"),
    ("NO DISABLED CANDIDATES", "disability"),
    ("Con em nong thon xin mien lien he", "origin"),
    ("Không nhận con nhà nông thôn", "origin"),
    ("Không tuyển con em vùng sâu vùng xa", "origin"),
    ("Chị em định sinh con trong năm nay xin thông cảm", "pregnancy"),
    ("Không nhận người có kế hoạch mang thai", "pregnancy"),
    ("Applicants planning to have a baby soon need not apply", "pregnancy"),
    ("Tín đồ Công giáo được ưu tiên", "religion"),
    ("Phat tu duoc uu tien", "religion"),
    ("Ưu tiên Phật tử", "religion"),
    ("Can gap 4 nam lao dong pho thong", "gender"),
    ("tuyen 5 nam bao ve ca dem", "gender"),
    ("CAN 2 NAM PHU XE", "gender"),
]

LAWFUL = [
    "Our factory is in the North only",
    "Deliveries to the South only",
    "We hire from all regions, North and South",
    "Ưu tiên dưới 30 triệu tiền cọc",
    "Giao hàng, ưu tiên dưới 5km",
    "Ưu tiên dưới 2 năm kinh nghiệm",
    "Giúp việc cho gia đình có ông bà trên 80 tuổi",
    "Thời trang công sở (nữ) – giày dép",
    "Áo sơ mi (nam), áo dài (nữ)",
    "Ký túc xá (nữ) - gần KCN",
    "Ưu tiên người khiếm thị, khiếm thính",
    "Công ty hỗ trợ người khiếm thị và khiếm thính làm việc",
    "No disabled parking on site",
    "Wheelchair access; no disabled toilets yet",
    "Ưu tiên con em gia đình khó khăn ở nông thôn",
    "Hỗ trợ con em gia đình nông thôn học nghề miễn phí",
    "Công ty hỗ trợ nhân viên có kế hoạch sinh con",
    "Chị em có kế hoạch sinh con được tư vấn chế độ thai sản",
    "Phật tử được ưu tiên phòng ăn chay",
    "Có phòng cầu nguyện cho tín đồ Hồi giáo",
    "Can 3 nam kinh nghiem lam phu ho",
    "Tuyen tho han 5 nam kinh nghiem",
    "Branches in the North and the South",
    "Ưu tiên dưới 10 phút đi xe",
    "Ưu tiên dưới 20kg hàng",
    "Giày thể thao (nam) – size 39-44",
    "Nhà vệ sinh (nữ) - tầng 2",
    "No disabled access on the 3rd floor, sorry",
    "Chế độ hỗ trợ cho nhân viên có kế hoạch sinh con",
    "Nhà ăn chay, Phật tử được ưu tiên chọn suất chay",
    "Can 2 nam kinh nghiem tho han",
    "Tuyen tho 3 nam tay nghe",
]


@pytest.mark.parametrize(("text", "ground"), DISCRIMINATING)
def test_the_family_is_found(text, ground):
    finding = find_discrimination(text)
    assert finding is not None and finding.ground == ground


@pytest.mark.parametrize("text", LAWFUL)
def test_its_look_alikes_are_lawful(text):
    assert find_discrimination(text) is None
