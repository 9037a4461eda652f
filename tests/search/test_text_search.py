"""What the words of a search find and how they rank, against the real Elasticsearch, on postings written the way
Vietnamese job boards write them (capitals, brackets, "Tuyển gấp", pay in the title, boilerplate with the company's
name, text pasted in decomposed form)."""
import unicodedata

import pytest

from jobmatch.extensions import db, search_client, search_indexes
from jobmatch.models import Vacancy
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import search_index
from search.vacancy import VacancyCriteria, build_vacancy_search
from tests.factories import make_employer, make_vacancy

BOILERPLATE = ("Quyền lợi: lương tháng 13, đóng BHXH, BHYT đầy đủ, hợp đồng lao động theo quy định. Môi trường làm việc "
               "năng động, chuyên nghiệp. Liên hệ phòng nhân sự công ty để nộp hồ sơ.")


def found(**criteria):
    """The titles a search finds, best first."""
    body = build_vacancy_search(VacancyCriteria(today=vietnam_today(), size=50, **criteria))
    hits = search_client().search(index=search_indexes().vacancies, **body).get("hits", {}).get("hits", [])
    return [db.session.get(Vacancy, int(hit["_id"])).title for hit in hits]


@pytest.fixture
def postings(indexes):
    garment = make_employer(name="Công ty TNHH May Mặc Hưng Thịnh")
    shop = make_employer(name="Công ty Cổ phần Thương mại Hoàng Gia")
    software = make_employer(name="Công ty CP Giải pháp Phần mềm Sao Việt")
    steel = make_employer(name="Công ty TNHH Cơ khí Đông Á")
    agency = make_employer(name="Công ty CP Nhân lực Quốc tế Sao Mai", overseas_licence="123/LĐTBXH-GP")
    overseas = {"ward_code": None, "is_overseas": True, "employment_type": "contract", "salary_min": 30_000_000, "salary_max": 40_000_000}
    for employer, title, isco, description, extra in [
        (garment, "[HÀ NỘI] TUYỂN GẤP 20 CÔNG NHÂN MAY CÔNG NGHIỆP - LƯƠNG 9-12 TRIỆU", "8153",
         "Công ty TNHH May Mặc Hưng Thịnh cần tuyển công nhân may, không cần kinh nghiệm, được đào tạo. ", {}),
        (shop, "Nhân Viên E-Commerce (Shopee, Lazada, TikTok Shop)", "4229",
         "Công ty chúng tôi tuyển nhân viên quản lý gian hàng trực tuyến. Công việc: đăng sản phẩm, trả lời khách. ", {}),
        (software, "Kỹ Sư Phần Mềm Java (Senior)", "2512", "Phát triển hệ thống cho khách hàng Nhật. ", {}),
        (software, "Lập Trình Viên PHP - Lương Upto 25Tr", "2512", "Xây dựng website bằng Laravel. ", {}),
        (shop, "Nhân viên IT Helpdesk", "3512", "Hỗ trợ người dùng, cài đặt máy tính, mạng nội bộ. ", {}),
        (shop, "Thủ Kho", "4321", "Quản lý xuất nhập hàng. Yêu cầu ít nhất 1 năm kinh nghiệm, ít đi công tác. ", {}),
        (steel, "Thợ Hàn TIG/MIG - Lương 15-20tr", "7212", "Hàn kết cấu thép nhà xưởng. ", {}),
        (steel, unicodedata.normalize("NFD", "Thợ hàn ống áp lực (Tuyển gấp)"), "7212", "Hàn ống công nghệ. ", {}),
        (steel, "Công nhân hàn khung thép", "7212", "Hàn khung xe, có tay nghề. ", {}),
        (steel, "Nhân viên kinh doanh vật tư", "3322", "Làm việc cùng đội thợ hàn và thợ tiện để báo giá cho khách. ", {}),
        (agency, "Đơn hàng chế biến thực phẩm - 30 nữ", "9329", "Làm việc tại Osaka, hợp đồng 3 năm. ",
         {**overseas, "destination_country": "JP", "programme": "TITP", "contract_months": 36}),
        (agency, "Lao động sản xuất tại Hàn Quốc (EPS)", "9329", "Làm việc trong nhà máy linh kiện. ",
         {**overseas, "destination_country": "KR", "programme": "EPS", "contract_months": 36}),
        (shop, "Nhân viên xuất nhập khẩu", "3331",
         "Làm thủ tục hải quan xuất khẩu, nhập khẩu hàng hóa; theo dõi lao động thời vụ ở kho. ", {}),
        (shop, "Kế toán tổng hợp", "2411", "Lập báo cáo thuế, hạch toán. ", {}),
        (shop, "Nhân viên văn phòng", "4110", "Nhập liệu, hỗ trợ kế toán tổng hợp khi cần. ", {}),
    ]:
        make_vacancy(employer, title=title, isco_code=isco, description=description + BOILERPLATE, skills=[], **extra)
    search_index.relay_outbox(refresh=True)


def test_a_word_of_two_syllables_matches_only_where_they_stand_together(postings):
    workers = found(text="công nhân")
    assert set(workers) == {"[HÀ NỘI] TUYỂN GẤP 20 CÔNG NHÂN MAY CÔNG NGHIỆP - LƯƠNG 9-12 TRIỆU", "Công nhân hàn khung thép"}
    assert "Nhân Viên E-Commerce (Shopee, Lazada, TikTok Shop)" not in found(text="cong nhan")


def test_an_abbreviation_finds_its_work_and_not_a_word_that_folds_like_it(postings):
    it = found(text="IT")
    assert {"Nhân viên IT Helpdesk", "Lập Trình Viên PHP - Lương Upto 25Tr", "Kỹ Sư Phần Mềm Java (Senior)"} <= set(it)
    assert it[0] == "Nhân viên IT Helpdesk"  # as written, in the title
    assert "Thủ Kho" not in it  # "ít nhất" is not IT
    assert found(text="it") == it


def test_thợ_hàn_ranks_welders_by_title_then_the_synonym_then_a_mention_in_a_description(postings):
    welders = found(text="thợ hàn")
    assert set(welders[:2]) == {"Thợ Hàn TIG/MIG - Lương 15-20tr", unicodedata.normalize("NFD", "Thợ hàn ống áp lực (Tuyển gấp)")}
    assert welders[2:] == ["Công nhân hàn khung thép", "Nhân viên kinh doanh vật tư"]
    assert found(text="THO HAN") == welders


def test_overseas_labour_outranks_import_export_clerks(postings):
    overseas = found(text="xuat khau lao dong")
    assert set(overseas[:2]) == {"Đơn hàng chế biến thực phẩm - 30 nữ", "Lao động sản xuất tại Hàn Quốc (EPS)"}
    assert "Nhân viên xuất nhập khẩu" not in overseas[:2]
    assert set(found(text="xkld")) == set(found(text="XKLĐ")) == set(overseas[:2])
    assert found(text="xuất nhập khẩu") == ["Nhân viên xuất nhập khẩu"]


def test_a_destination_is_searchable_by_its_names_and_hàn_is_not_hàn_quốc(postings):
    assert found(text="han quoc") == ["Lao động sản xuất tại Hàn Quốc (EPS)"]
    assert found(text="korea") == ["Lao động sản xuất tại Hàn Quốc (EPS)"]
    assert found(text="xuất khẩu lao động Nhật Bản") == ["Đơn hàng chế biến thực phẩm - 30 nữ"]
    assert found(text="thực tập sinh") == ["Đơn hàng chế biến thực phẩm - 30 nữ"]


def test_a_title_match_outranks_a_description_match(postings):
    assert found(text="ke toan tong hop") == ["Kế toán tổng hợp", "Nhân viên văn phòng"]
    assert found(text="ketoan")[0] == "Kế toán tổng hợp"


def test_the_employers_name_and_boilerplate_never_make_a_vacancy_match(postings):
    assert found(text="bảo hiểm") == [] and found(text="môi trường làm việc năng động") == []
    assert found(text="hoàng gia") != [] and "Thủ Kho" in found(text="Hoàng Gia")  # named in full: its vacancies
    assert found(text="cơ khí") == []  # a line of business in a company's name is not the work
    assert found(text="may mặc") == []


def test_a_place_name_is_searchable_text(postings):
    assert len(found(text="ha noi")) == 13  # every vacancy at home is in Ba Đình, Hà Nội
    assert found(text="kế toán tổng hợp Hà Nội")[0] == "Kế toán tổng hợp"


@pytest.fixture
def salaries(indexes):
    employer = make_employer()
    for title, low, high, negotiable in [
        ("Trưởng phòng kinh doanh - từ 50 triệu", 50_000_000, None, False),
        ("Phụ bếp - đến 10 triệu", None, 10_000_000, False),
        ("Kế toán 20-30 triệu", 20_000_000, 30_000_000, False),
        ("Bảo vệ lương thỏa thuận", None, None, True),
        ("Tạp vụ", None, None, False),
    ]:
        make_vacancy(employer, title=title, salary_min=low, salary_max=high, salary_negotiable=negotiable)
    search_index.relay_outbox(refresh=True)


def test_a_one_sided_range_is_open_at_its_missing_end(salaries):
    assert set(found(salary_min=10_000_000)) == {"Trưởng phòng kinh doanh - từ 50 triệu", "Phụ bếp - đến 10 triệu",
                                                 "Kế toán 20-30 triệu", "Bảo vệ lương thỏa thuận"}
    assert set(found(salary_min=25_000_000)) == {"Trưởng phòng kinh doanh - từ 50 triệu", "Kế toán 20-30 triệu", "Bảo vệ lương thỏa thuận"}
    assert set(found(salary_max=10_000_000)) == {"Phụ bếp - đến 10 triệu", "Bảo vệ lương thỏa thuận"}
    assert set(found(salary_max=40_000_000)) == {"Phụ bếp - đến 10 triệu", "Kế toán 20-30 triệu", "Bảo vệ lương thỏa thuận"}
    assert set(found(salary_min=12_000_000, salary_max=25_000_000)) == {"Kế toán 20-30 triệu", "Bảo vệ lương thỏa thuận"}


def test_sorting_by_salary_ranks_a_range_by_the_most_it_is_known_to_reach(salaries):
    assert found(sort="salary")[:3] == ["Trưởng phòng kinh doanh - từ 50 triệu", "Kế toán 20-30 triệu", "Phụ bếp - đến 10 triệu"]
