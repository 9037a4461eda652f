"""Families generalized from HELD-OUT-7's misses and false alarms, each with sentences of its own (none from the held-out
set): people of any ground refused before or a few words after them, in Vietnamese and English (the ethnic groups of the
product's reference list, wheelchair users, union officers, family duties, regions); preferences by the word one calls a
man or a woman ("Ưu tiên các anh"); a sex after the job title ("giáo viên tiếng Anh nữ"); men asked for work listed
as harmful to women (Labour Code 2019, Art. 142: the employer must tell women of the risks, not exclude them); and the
lawful look-alikes: refusals said not to be made, subjects and trades whose names hold "nam"/"nữ"."""
import pytest

from jobmatch.rules.discrimination import find_discrimination
from jobmatch.rules.discrimination_refusals import ETHNIC_NAMES

DISCRIMINATING = {
    "people refused a few words after them, any ground": [
        ("Đàn ông không phù hợp với vị trí trông trẻ này", "gender"),
        ("PHỤ NỮ KHÔNG PHÙ HỢP CHO CÔNG VIỆC NÀY", "gender"),
        ("Người khiếm thính nặng không phù hợp với vị trí lễ tân", "disability"),
        ("nguoi khuyet tat van dong xin mien lien he", "disability"),
        ("Ứng viên đang nuôi con nhỏ dưới 2 tuổi vui lòng không nộp hồ sơ", "marital_status"),
        ("Người dân tộc Ê-đê, Gia-rai vui lòng không ứng tuyển", "ethnicity"),
        ("Ứng viên là người Khơ-mú xin miễn liên hệ", "ethnicity"),
        ("Người từng là ủy viên ban chấp hành công đoàn sẽ bị loại", "union"),
        ("Ứng viên gốc Khmer không phù hợp", "ethnicity"),
        ("Người bị liệt một chân xin miễn", "disability"),
        ("Người khuyết tật (dù nhẹ) vui lòng không ứng tuyển", "disability"),
        ("ứng viên có bố mẹ già phải chăm sóc không phù hợp", "marital_status"),
    ],
    "people refused before them, any ground": [
        ("Không nhận người đi xe lăn", "disability"),
        ("ko nhận ng ngồi xe lăn (văn phòng tầng 4 không thang máy)", "disability"),
        ("Không tuyển người dân tộc Chăm, Khmer", "ethnicity"),
        ("Từ chối hồ sơ người từng làm chủ tịch công đoàn cơ sở", "union"),
        ("Không nhận người phải chăm sóc bố mẹ ốm", "marital_status"),
        ("khong nhan ung vien dang nuoi con nho", "marital_status"),
        ("Không tuyển người miền Tây", "origin"),
    ],
    "refusals in English, any ground": [
        ("We do not hire wheelchair users for this role", "disability"),
        ("Not accepting candidates from the northern provinces", "origin"),
        ("Candidates of Catholic faith need not apply", "religion"),
        ("Hindus will not be considered", "religion"),
        ("We will not hire anyone with a disability", "disability"),
        ("We won't employ trade union activists", "union"),
        ("Deaf applicants are not eligible", "disability"),
        ("Hmong applicants will not be considered", "ethnicity"),
        ("Applicants with young children need not apply", "marital_status"),
        ("Candidates with elderly parents to care for will not be considered", "marital_status"),
    ],
    "a preference by the word one calls a man or a woman": [
        ("Ưu tiên các anh có sức khỏe, chịu khó", "gender"),
        ("Ưu tiên các chị khéo tay, cẩn thận", "gender"),
        ("ƯU TIÊN CÁC ANH ĐÃ CÓ KINH NGHIỆM LÁI XE NÂNG", "gender"),
        ("uu tien cac anh lam ca dem", "gender"),
        ("Ưu tiên cô nào nói được tiếng Hoa", "gender"),
        ("Không từ chối nam, chỉ tuyển nữ", "gender"),
    ],
    "men asked for work listed as harmful to women (Art. 142 asks the employer to inform, not to exclude)": [
        ("Tuyển 20 thợ lò nam làm việc trong hầm lò mỏ than Mạo Khê", "gender"),
        ("Công việc dưới hầm mỏ, chỉ nhận lao động nam theo quy định", "gender"),
        ("tuyen tho lan nam thi cong cong trinh bien, luong 30tr", "gender"),
        ("Hiring male underground miners for a coal mine", "gender"),
        ("Tuyển nam đứng lò nấu chảy kim loại tại xưởng luyện", "gender"),
        ("Khoan thăm dò giếng dầu ngoài khơi: tuyển nam, có chứng chỉ", "gender"),
        ("Tuyển kỹ thuật viên nam làm việc theo ca trên giàn khoan", "gender"),
        ("Phụ nữ không phù hợp với công việc trong hầm lò", "gender"),
    ],
    "a sex after the job title": [
        ("Cần giáo viên tiếng Anh nam dạy lớp 6", "gender"),
        ("Tuyển gia sư môn Anh nữ, dạy kèm tại nhà", "gender"),
        ("Tuyển [Kỹ sư cầu đường nam] đi công trình", "gender"),
        ("tuyen giao vien tieng anh nu", "gender"),
        ("Tuyển thông dịch viên tiếng Anh nữ đi hội chợ", "gender"),
        ("Mỏ đá tuyển nam làm bốc vác, công trường", "gender"),
    ],
}

LAWFUL = {
    "a refusal said not to be made": [
        "Công ty không từ chối ứng viên khuyết tật",
        "khong tu choi ung vien dang nuoi con nho",
        "Không loại trừ người dân tộc thiểu số",
        "Chúng tôi không loại bỏ hồ sơ của người từng tham gia công đoàn",
        "Our company does not exclude applicants with disabilities",
        "Không từ chối ứng viên nữ",
        "khong loai ung vien nam",
        "Công ty không hạn chế lao động nữ",
        "We do not exclude women from night shifts",
        "We do not hire based on religion or ethnicity",
        "We do not accept discrimination against union members",
        "Applicants with disabilities are welcome, others will not be considered without a CV",
    ],
    "subjects and trades whose names hold nam or nữ": [
        "Tuyển giáo viên dạy nữ công cho trung tâm dạy nghề",
        "Giảng viên môn Nữ công gia chánh, có bằng thạc sĩ",
        "Tuyển dược sĩ bào chế Nam dược",
        "Tuyển 2 nữ hộ sinh cho trạm y tế xã",
        "Nhân viên bán thuốc nam, lương 7tr",
    ],
    "people named but not refused": [
        "Văn phòng có lối đi cho xe lăn",
        "Hỗ trợ người khuyết tật vận động đi lại trong khu du lịch",
        "Khách hàng chủ yếu là người H'Mông, Dao ở vùng cao",
        "Phụ cấp cho người đang nuôi con nhỏ dưới 12 tháng không phải làm ca đêm",
        "Cán bộ công đoàn được nghỉ 24 giờ/tháng để hoạt động công đoàn",
        "Nhận chăm sóc cha mẹ già tại nhà (dịch vụ điều dưỡng)",
        "Không nhận người lao động làm việc bán thời gian",
        "Không nhận người kinh doanh đa cấp",
        "Hỗ trợ cô chú lớn tuổi làm thủ tục, không inbox sau 22h",
        "Người khuyết tật xin miễn phí đào tạo tại trung tâm",
        "Nhân viên có bố mẹ già được nghỉ thêm 2 ngày",
        "We do not hire based on disability",
        "Công việc chăm sóc bé không phù hợp với người thiếu kiên nhẫn",
        "Tuyển giúp việc chăm sóc ông bà, không nhận người hút thuốc",
        "Ứng viên không có kinh nghiệm không phù hợp",
    ],
}


@pytest.mark.parametrize(("text", "ground"), [case for cases in DISCRIMINATING.values() for case in cases])
def test_refusals_and_preferences_are_found(text, ground):
    finding = find_discrimination(text)
    assert finding is not None and finding.ground == ground


@pytest.mark.parametrize("text", [text for texts in LAWFUL.values() for text in texts])
def test_lawful_look_alikes_pass(text):
    assert find_discrimination(text) is None


def test_the_ethnic_groups_are_the_reference_lists_54():
    assert {"kinh", "h mong", "hmong", "mong", "kho me", "khmer", "gia rai", "bru van kieu", "ro mam"} <= ETHNIC_NAMES
