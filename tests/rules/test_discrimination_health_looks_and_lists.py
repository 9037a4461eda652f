"""The discrimination check on the families added after the fourth held-out set, one table each, in sentences written for
these tests (none is in the benchmark's files): an HIV test in the health check before hiring; a marital status alone as
a requirement ("Single,"); one sex named by a noun ("các bạn gái", "con trai") after a hiring word or alone in a list of
requirements; refusing retired people; glasses, teeth and scars as looks; a pregnancy ending the contract; a defect of
the limbs; "(nữ)" after a hotel's stars; and their lawful look-alikes: "kim chỉ nam", safety glasses, a dentist's work,
the law's ban on dismissing a pregnant worker, a room type, an overseas programme's age range said to be its rule."""
import pytest

from jobmatch.rules.discrimination import find_discrimination


def _ground(text):
    finding = find_discrimination(text)
    return finding and finding.ground


@pytest.mark.parametrize(
    ("text", "ground", "quote"),
    [
        # HIV in the health check before hiring, in any wording
        ("Hồ sơ: giấy khám sức khỏe có xét nghiệm HIV", "hiv", None),
        ("kham suc khoe tuyen dung bao gom test HIV", "hiv", None),
        ("Ứng viên đi khám tuyển, kiểm tra HIV và ma túy", "hiv", None),
        ("Pre-employment medical check including HIV screening", "hiv", None),
        # a marital status alone as a requirement
        ("Requirements: Single; under contract for 2 years", "marital_status", "Single"),
        ("- Married\n- Own a motorbike", "marital_status", "Married"),
        ("Status: single", "marital_status", None),
        ("Ưu tiên ứng viên single, không vướng bận", "marital_status", None),
        ("yeu cau FA de di cong tac dai ngay", "marital_status", None),
        # one sex named by a noun: after a hiring word, or alone in a list of requirements
        ("Cần gấp 3 bạn gái bán quần áo ca tối", "gender", None),
        ("tuyen cac ban trai boc xep kho", "gender", None),
        ("Phụ kho: đàn ông, chịu khó", "gender", "đàn ông"),
        ("Yêu cầu:\n- Con gái\n- Nhanh nhẹn", "gender", None),
        ("Giao hàng nội thành - con trai, có xe máy", "gender", "con trai"),
        # bracketed sex after a title that holds a number
        ("Buồng phòng resort 4 sao (nữ)", "gender", None),
        ("Lễ tân 5 sao [Nam]", "gender", None),
        # retired people refused, or not yet retired asked
        ("Không tuyển người về hưu", "age", None),
        ("Người đã nghỉ hưu vui lòng không ứng tuyển", "age", None),
        ("khong nhan nguoi huu tri", "age", None),
        ("Yêu cầu ứng viên chưa đến tuổi nghỉ hưu", "age", None),
        ("Retirees need not apply", "age", None),
        # glasses, teeth, scars as looks
        ("Tiếp viên: không đeo kính, mắt sáng", "appearance", None),
        ("khong bi can thi, da dep", "appearance", None),
        ("Candidates with no glasses preferred", "appearance", None),
        ("Răng trắng đều, không khểnh", "appearance", None),
        ("Không bị hô răng, cười tươi", "appearance", None),
        ("Straight teeth and a nice smile", "appearance", None),
        ("Mặt không sẹo, không tàn nhang", "appearance", None),
        # a pregnancy ending the contract or the probation
        ("Trường hợp mang bầu trong năm đầu sẽ bị cho nghỉ việc", "pregnancy", None),
        ("cong ty se cham dut hop dong neu lao dong co thai", "pregnancy", None),
        ("Sa thải khi phát hiện mang thai", "pregnancy", None),
        ("Staff who become pregnant during probation will be terminated", "pregnancy", None),
        # a defect of the limbs or the body
        ("Không bị tật bẩm sinh", "disability", None),
        ("Không có tật ở chân, đi lại nhiều", "disability", None),
        ("Không bị tật, sức khỏe tốt", "disability", None),
        ("Tay chân đầy đủ, sức khỏe tốt", "disability", None),
        ("No physical defects", "disability", None),
    ],
)
def test_these_families_are_found_with_the_employers_words(text, ground, quote):
    finding = find_discrimination(text)
    assert finding is not None and finding.ground == ground
    assert finding.quote in text
    if quote:
        assert finding.quote == quote


@pytest.mark.parametrize(
    "text",
    [
        # idioms and names
        "Sự tận tâm là kim chỉ nam trong mọi việc",
        "KIM CHỈ NAM của đội ngũ bán hàng",
        "Khách sạn Sao Nam tuyển lễ tân",
        "Nhà hàng 3 sao Michelin cần đầu bếp",
        # either sex, or a family
        "Phụ bếp: con trai, con gái đều được",
        "Hỗ trợ học phí cho con gái, con trai của nhân viên",
        "Đối tượng ưu tiên: người khuyết tật, bộ đội xuất ngũ",
        # rooms and beds
        "Buồng phòng: dọn phòng Single, Double, Twin",
        "Single point of contact for key accounts",
        "Kỹ năng: tiếng Anh, FA, kế toán quản trị",  # FA: Financial Accounting
        "Yêu cầu chứng chỉ FA của ACCA",
        "Phòng khám: làm răng đều đẹp là dịch vụ chính",
        # safety glasses, a dentist's work, machines turned off
        "Không đeo kính bảo hộ khi hàn sẽ bị phạt",
        "Phụ tá nha khoa: hỗ trợ bác sĩ niềng răng đều cho khách",
        "Máy không bị tắt khi mất điện nhờ có UPS",
        # the law's protection of pregnant workers, and health checks without HIV
        "Không chấm dứt hợp đồng với lao động nữ mang thai",
        "Công ty không được đơn phương chấm dứt hợp đồng khi người lao động có thai",
        "Nghiêm cấm sa thải lao động nữ vì mang thai",
        "Khám sức khỏe định kỳ miễn phí hằng năm",
        "Không yêu cầu xét nghiệm HIV khi khám tuyển",
        # pensions as a right, not a refusal
        "Được đóng bảo hiểm để hưởng lương hưu",
        # an overseas programme's own age range, said to be its or the law's rule, when no programme is given
        "Đơn hàng EPS Hàn Quốc: tuổi từ 18 đến 39 theo quy định của chương trình",
        "Lao động đi Nhật Bản: 18-35 tuổi theo quy định của pháp luật",
    ],
)
def test_lawful_look_alikes_of_these_families_pass(text):
    assert find_discrimination(text) is None


@pytest.mark.parametrize(
    ("text", "allowed_ages"),
    [
        ("Bán hàng 20 - 35 tuổi theo quy định của công ty", None),  # the employer's own rule
        ("Nhân viên 18 - 30 tuổi theo quy định của chương trình", None),  # no overseas programme named
        ("Thực tập sinh Nhật 18-25 tuổi theo quy định của chương trình thực tập", None),  # the company's own programme
        ("Đơn hàng Hàn Quốc 18 - 30 tuổi theo quy định của chương trình", (18, 39)),  # not the programme's range
        ("Lao động Hàn Quốc 20 - 30 tuổi", None),  # a bare range
    ],
)
def test_an_age_range_is_still_refused_unless_it_is_the_programmes(text, allowed_ages):
    assert find_discrimination(text, allowed_ages=allowed_ages).ground == "age"
