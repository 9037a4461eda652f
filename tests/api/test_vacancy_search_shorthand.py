"""GET /api/v1/vacancies/search with the job boards' shorthand, searches of many words, pay typed in the text and a
province named as it was before July 2025, against the real index (issue 16: "nv kho", "GV mầm non", "kỹ sư XD",
"thợ hàn tig inox", "kế toán lương trên 12 triệu", "developer 1000 usd", "kế toán hải phòng")."""
import pytest

from jobmatch.rules.exchange_rate import rate_table
from jobmatch.services import search_index
from jobmatch.services.place import resolve_place
from tests.factories import HANOI_WARD, make_employer, make_vacancy

HAI_PHONG_WARD = "11311"  # a ward of the former city of Hải Phòng


def search(client, **params):
    response = client.get("/api/v1/vacancies/search", query_string=params)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def titles(page):
    return [hit["vacancy"]["title"] for hit in page["items"]]


@pytest.fixture
def vacancies(indexes):
    employer = make_employer(name="Công ty TNHH Sông Hồng")
    for title, isco, pay, description in [
        ("NV kho vận", "4321", {}, "Kiểm đếm hàng hóa."),
        ("Nhân viên kho", "4321", {}, "Sắp xếp hàng trong kho."),
        ("Nhân viên văn phòng", "4110", {}, "Nhập liệu, quản lý hồ sơ."),
        ("Giáo viên mầm non", "2342", {}, "Chăm sóc trẻ."),
        ("Kỹ sư xây dựng", "2142", {}, "Giám sát công trình."),
        ("Thợ hàn TIG inox", "7212", {}, "Hàn bồn."),
        ("Thợ hàn TIG", "7212", {}, "Hàn kết cấu thép."),
        ("Thợ hàn ống", "7212", {}, "Hàn ống áp lực."),
        ("Kế toán kho", "2411", {"salary_min": 8_000_000, "salary_max": 10_000_000}, "Theo dõi nhập xuất."),
        ("Kế toán tổng hợp", "2411", {"salary_min": 12_000_000, "salary_max": 15_000_000}, "Báo cáo thuế."),
        ("Kế toán thuế", "2411", {"salary_min": 10_000_000}, "Kê khai thuế."),
        ("Kế toán công nợ", "2411", {"salary_negotiable": True}, "Đối chiếu công nợ."),
        ("Lập trình viên Python", "2512", {"salary_min": 20_000_000, "salary_max": 25_000_000}, "Django."),
        ("Lập trình viên Java", "2512", {"salary_min": 30_000_000, "salary_max": 40_000_000}, "Spring."),
    ]:
        make_vacancy(employer, title=title, isco_code=isco, description=description, ward_code=HANOI_WARD,
                     **{"salary_min": None, "salary_max": None, "salary_negotiable": False, **pay})
    for ward, title in [(resolve_place("Hải Dương").ward_codes[0], "Kế toán nội bộ Hải Dương"),
                        (HAI_PHONG_WARD, "Kế toán nội bộ Ngô Quyền")]:
        make_vacancy(employer, title=title, isco_code="2411", description="Sổ sách.", ward_code=ward, salary_min=None,
                     salary_max=None, salary_negotiable=False)
    search_index.relay_outbox(refresh=True)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("nv kho", ["NV kho vận", "Nhân viên kho"]),
        ("NV KHO", ["NV kho vận", "Nhân viên kho"]),
        ("GV mầm non", ["Giáo viên mầm non"]),
        ("kỹ sư XD", ["Kỹ sư xây dựng"]),
        ("ky su xd", ["Kỹ sư xây dựng"]),
    ],
)
def test_the_boards_shorthand_finds_the_work(client, vacancies, typed, expected):
    assert sorted(titles(search(client, q=typed))) == expected


def test_a_long_search_finds_what_has_its_job_and_some_of_its_other_words_all_of_them_first(client, vacancies):
    assert titles(search(client, q="thợ hàn tig inox")) == ["Thợ hàn TIG inox", "Thợ hàn TIG"]
    assert sorted(titles(search(client, q="tho han tig"))) == ["Thợ hàn TIG", "Thợ hàn TIG inox"]  # two words: both count


def test_pay_typed_in_the_text_is_a_salary_filter_shown_as_a_chip(client, vacancies):
    page = search(client, q="kế toán lương trên 12 triệu")
    # 8-10 million is out; from 10 million with no top and negotiable pay may reach it; what certainly does comes first.
    assert titles(page)[0] == "Kế toán tổng hợp"
    assert sorted(titles(page)[1:]) == ["Kế toán công nợ", "Kế toán thuế"]
    assert page["understood"]["text"] == "kế toán"
    assert {"kind": "salary", "label": "Lương từ 12.000.000 ₫", "understood": True, "without": {"q": "kế toán"}} in page["chips"]
    assert "Kế toán kho" in titles(search(client, q="kế toán"))


def test_a_range_typed_keeps_the_pay_that_overlaps_it(client, vacancies):
    assert sorted(titles(search(client, q="ke toan 13-14 trieu"))) == ["Kế toán công nợ", "Kế toán thuế", "Kế toán tổng hợp"]


def test_pay_in_another_currency_is_compared_in_dong_a_month_through_the_rate_table(client, vacancies):
    page = search(client, q="lập trình viên 1000 usd")
    wanted = 1000 * rate_table().rates["USD"]
    assert titles(page) == (["Lập trình viên Java"] if wanted > 25_000_000 else ["Lập trình viên Java", "Lập trình viên Python"])
    chip = next(chip for chip in page["chips"] if chip["kind"] == "salary")
    assert chip["label"].startswith(f"Lương từ {wanted:,} ₫".replace(",", ".")) and ": 1000 usd)" in chip["label"]
    assert chip["without"] == {"q": "lập trình viên"}
    assert rate_table().on.strftime("%d/%m/%Y") in chip["label"]  # the rate's day and source are shown with it


def test_a_province_named_as_before_2025_ranks_its_own_wards_before_those_it_took_in(client, vacancies):
    assert titles(search(client, q="kế toán nội bộ hải phòng")) == ["Kế toán nội bộ Ngô Quyền", "Kế toán nội bộ Hải Dương"]
