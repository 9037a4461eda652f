"""GET /api/v1/vacancies/search reading places and work abroad in the text, against the real index: the examples of
issue 16, the chips that undo each reading, ambiguous places, and the ways out of no result."""
import logging
import unicodedata

import pytest

from jobmatch.services import search_index
from jobmatch.services.place import resolve_place
from tests.factories import HANOI_FAR_WARD, HANOI_WARD, make_employer, make_vacancy

LONG_BIEN_WARD = "00145"  # Phường Long Biên, about 6 km east of Ba Đình
BO_DE_WARD = "00118"  # Phường Bồ Đề: part of the former quận Long Biên, not of today's phường Long Biên
SAI_GON_WARD = "26740"  # Phường Sài Gòn, Hồ Chí Minh city
BINH_THANH_WARD = "26929"  # Phường Bình Thạnh, Hồ Chí Minh city
BINH_THANH_DONG_THAP = "30163"  # Xã Bình Thành, Đồng Tháp
LAI_THIEU_WARD = "25966"  # Phường Lái Thiêu: part of the former thành phố Thuận An (Bình Dương), now Hồ Chí Minh city


def search(client, expect=200, **params):
    response = client.get("/api/v1/vacancies/search", query_string=params)
    assert response.status_code == expect, response.get_json()
    return response.get_json()


def titles(page):
    return sorted(hit["vacancy"]["title"] for hit in page["items"])


@pytest.fixture
def vacancies(indexes, programmes):
    employer = make_employer(name="Công ty TNHH Sông Hồng")
    agency = make_employer(name="Công ty CP Nhân lực Quốc tế Sao Mai")
    overseas = {"ward_code": None, "is_overseas": True, "employment_type": "contract"}
    for ward, title in [(HANOI_WARD, "Kế toán tổng hợp Ba Đình"), (LONG_BIEN_WARD, "Kế toán tổng hợp Long Biên"),
                        (HANOI_FAR_WARD, "Kế toán tổng hợp Ứng Hòa"), (BO_DE_WARD, "Kế toán thuế"),
                        (resolve_place("Hải Dương").ward_codes[0], "Kế toán tổng hợp Hải Dương"),
                        (SAI_GON_WARD, "Nhân viên bán hàng Quận 1"), (BINH_THANH_WARD, "Thợ điện công trình"),
                        (BINH_THANH_DONG_THAP, "Thợ điện dân dụng"), (LAI_THIEU_WARD, "Công nhân may"),
                        (HANOI_FAR_WARD, "Thợ hàn TIG")]:
        make_vacancy(employer, title=title, isco_code="2411", ward_code=ward)
    make_vacancy(agency, title="Lao động sản xuất tại Hàn Quốc (EPS)", isco_code="9329", destination_country="KR",
                 programme="EPS", **overseas)
    make_vacancy(agency, title="Thực tập sinh chế biến thực phẩm", isco_code="9412", destination_country="JP",
                 programme="TITP", **overseas)
    search_index.relay_outbox(refresh=True)


def test_a_province_typed_after_the_job_is_a_place_filter_shown_as_a_chip(client, vacancies):
    page = search(client, q="ke toan tong hop ha noi")
    assert titles(page) == ["Kế toán tổng hợp Ba Đình", "Kế toán tổng hợp Long Biên", "Kế toán tổng hợp Ứng Hòa"]
    assert page["understood"]["text"] == "ke toan tong hop"
    assert page["chips"] == [{"kind": "place", "label": "Nơi làm việc: Hà Nội", "understood": True, "without": {"q": "ke toan tong hop"}}]
    # The chip's "without" is the search with the place dropped: Hải Dương's accountant comes back.
    assert "Kế toán tổng hợp Hải Dương" in titles(search(client, q="ke toan tong hop"))


def test_understand_false_searches_the_text_as_typed(client, vacancies):
    page = search(client, q="ke toan tong hop ha noi", understand="false")
    assert page["understood"] is None and page["chips"] == []


def test_work_abroad_in_japan_finds_the_vacancies_there(client, vacancies):
    page = search(client, q="xuat khau lao dong nhat ban")
    assert titles(page) == ["Thực tập sinh chế biến thực phẩm"]
    assert [chip["label"] for chip in page["chips"]] == ["Nước ngoài: Nhật Bản"]
    assert page["chips"][0]["without"] == {"q": ""}
    assert titles(search(client, q="thực tập sinh nhật bản")) == ["Thực tập sinh chế biến thực phẩm"]
    assert {chip["label"] for chip in search(client, q="thực tập sinh nhật bản")["chips"]} == {"Nước ngoài: Nhật Bản", "Chương trình: TITP"}
    both = ["Lao động sản xuất tại Hàn Quốc (EPS)", "Thực tập sinh chế biến thực phẩm"]
    assert titles(search(client, q="xkld nhat ban han quoc")) == both


def test_korea_is_korea_and_a_welder_is_a_welder(client, vacancies):
    assert titles(search(client, q="han quoc")) == ["Lao động sản xuất tại Hàn Quốc (EPS)"]
    assert titles(search(client, q="tho han")) == ["Thợ hàn TIG"]
    assert search(client, q="tho han")["chips"] == []


@pytest.mark.parametrize(
    ("place", "label"),
    [("Thừa Thiên Huế", "Thành phố Huế"), ("TP.HCM", "Thành phố Hồ Chí Minh"), ("TPHCM", "Thành phố Hồ Chí Minh"),
     ("HCM", "Thành phố Hồ Chí Minh"), ("Sài Gòn", "Thành phố Hồ Chí Minh"), ("HN", "Thành phố Hà Nội"),
     ("BRVT", "Tỉnh Bà Rịa - Vũng Tàu"), ("Đắc Nông", "Tỉnh Đắk Nông"), ("Q1", "Quận 1, Thành phố Hồ Chí Minh")],
)
def test_the_place_argument_takes_common_spellings(client, vacancies, place, label):
    assert search(client, place=place)["place"] == label


@pytest.mark.parametrize("place", ["tp", "Quận", "1", "q.", "đ" * 100, "🔥🔥", "Hà Nội abc", "xkld"])
def test_a_place_argument_that_is_not_wholly_a_place_is_refused_naming_the_field(client, vacancies, place):
    assert "place" in search(client, expect=422, place=place)["errors"]["query"]


def test_an_unknown_place_argument_is_refused_with_the_nearest_names(client, vacancies):
    body = search(client, expect=422, place="Ha Noj")
    (message,) = body["errors"]["query"]["place"]
    assert "Ha Noj" in message and "Hà Nội" in message


def test_an_ambiguous_place_searches_all_its_meanings_and_offers_each(client, vacancies):
    page = search(client, q="ke toan long bien")
    assert titles(page) == ["Kế toán thuế", "Kế toán tổng hợp Long Biên"]  # the former district holds Bồ Đề
    (ambiguous,) = page["ambiguous"]
    assert ambiguous["words"] == "long bien"
    assert [choice["label"] for choice in ambiguous["choices"]] == [
        "Quận Long Biên, Thành phố Hà Nội (cũ, nay gồm 5 xã/phường)", "Phường Long Biên, Thành phố Hà Nội"]
    ward_only = ambiguous["choices"][1]["arguments"]
    assert ward_only == {"q": "ke toan", "place": "Phường Long Biên, Hà Nội"}
    assert titles(search(client, **ward_only)) == ["Kế toán tổng hợp Long Biên"]


def test_diacritics_typed_are_honoured(client, vacancies):
    assert titles(search(client, q="Thợ điện Bình Thạnh")) == ["Thợ điện công trình"]
    assert titles(search(client, q="tho dien binh thanh")) == ["Thợ điện công trình", "Thợ điện dân dụng"]


def test_sai_gon_and_thuan_an_are_the_city_and_the_former_city(client, vacancies):
    assert titles(search(client, q="ban hang sai gon")) == ["Nhân viên bán hàng Quận 1"]
    assert titles(search(client, place="Thuận An, Bình Dương")) == ["Công nhân may"]
    assert search(client, q="thuan an")["ambiguous"][0]["choices"][0]["arguments"] == {"q": "", "place": "Thành phố Thuận An, Bình Dương"}


def test_no_result_says_which_filter_to_drop_and_how_many_each_would_find(client, vacancies):
    page = search(client, q="tho han", country="KR")
    assert page["total"] == 0
    assert {(way["label"], way["total"]) for way in page["relaxations"]} >= {("Nước ngoài: Hàn Quốc", 1), ("Bỏ các từ “tho han”", 1)}
    assert next(way for way in page["relaxations"] if way["label"] == "Nước ngoài: Hàn Quốc")["without"] == {"country": None}
    understood = search(client, q="tho han han quoc")
    assert understood["total"] == 0
    assert {(way["label"], way["total"], tuple(way["without"].items())) for way in understood["relaxations"]} >= {
        ("Nước ngoài: Hàn Quốc", 1, (("q", "tho han"),))}


def test_a_misspelling_gets_the_nearest_word_or_place(client, vacancies):
    assert {"label": "Có phải bạn muốn tìm “ke toan”?", "without": {"q": "ke toan"}} in search(client, q="ke toam")["suggestions"]
    assert search(client, q="ke toan ha nol")["suggestions"][0]["without"] == {"q": "ke toan Hà Nội"}


def test_nearest_first_measures_from_the_ward_without_narrowing_to_it(client, vacancies):
    page = search(client, ward=HANOI_WARD, sort="nearest", q="ke toan tong hop")
    distances = [hit["distance_km"] for hit in page["items"]]
    assert len(distances) == 4 and distances == sorted(distances) and distances[0] == 0.0
    assert 5 < distances[1] < 8  # Long Biên
    assert [chip["kind"] for chip in page["chips"]] == ["centre"]


def test_a_radius_and_a_typed_place_both_hold(client, vacancies):
    page = search(client, q="ke toan tong hop ha noi", ward=HANOI_WARD, radius_km=10)
    assert titles(page) == ["Kế toán tổng hợp Ba Đình", "Kế toán tổng hợp Long Biên"]
    assert {chip["label"] for chip in page["chips"]} == {"Nơi làm việc: Hà Nội", "Trong vòng 10 km quanh Phường Ba Đình, Thành phố Hà Nội"}


def test_a_typed_place_and_a_place_argument_narrow_each_other(client, vacancies):
    assert search(client, q="ke toan tong hop ha noi", place="Hải Phòng")["total"] == 0
    assert titles(search(client, q="ke toan long bien", place="Hà Nội")) == ["Kế toán thuế", "Kế toán tổng hợp Long Biên"]


@pytest.mark.parametrize("q", [unicodedata.normalize("NFD", "kế toán Hà Nội"), "🔥🔥 kế toán!!! @Hà Nội 🔥", "KẾ TOÁN hà NỘI",
                               "ke toan " * 25, "\u200bke\u200btoan"])
def test_text_of_any_shape_is_understood_or_searched(client, vacancies, q):
    search(client, q=q[:200])


ENDPOINTS_CASES = [
    # (path, arguments, chip kinds shown, Elasticsearch endpoints called, in order)
    ("/api/v1/vacancies/search", {"q": "ke toan tong hop ha noi", "salary_min": 1_000_000}, {"place", "salary_min"}, ["_search"]),
    ("/api/v1/vacancies/search", {"q": "ke toan long bien", "employment_type": "full_time"}, {"place", "employment_type"},
     ["_search"]),
    ("/api/v1/vacancies/search", {"q": "xkld nhat ban", "sort": "salary"}, {"country"}, ["_search"]),
    ("/api/v1/vacancies/search", {"q": "ke toan HN", "ward": HANOI_WARD, "radius_km": 10, "place": "Hà Nội"},
     {"place", "radius"}, ["_search"]),
    ("/api/v1/vacancies/search", {"q": "tho han han quoc", "scope": "domestic"}, {"country", "scope"}, ["_search", "_msearch"]),
    ("/", {"q": "ke toan tong hop ha noi", "salary_min": "1.000.000"}, None, ["_search"]),
    ("/", {"q": "tho han han quoc", "scope": "domestic"}, None, ["_search", "_msearch"]),
]


def test_a_search_with_chips_is_one_request_and_no_result_adds_one_multi_search(client, vacancies, caplog):
    """Counted from the Elasticsearch client's own log of each request it sends, for the API and the search page."""
    for path, arguments, chips, endpoints in ENDPOINTS_CASES:
        with caplog.at_level(logging.INFO, logger="elastic_transport.transport"):
            caplog.clear()
            response = client.get(path, query_string=arguments)
            sent = [record.getMessage().split()[1].rsplit("/", 1)[-1].split("?")[0] for record in caplog.records]
        assert (response.status_code, sent) == (200, endpoints), (path, arguments)
        if chips is not None:
            page = response.get_json()
            assert {chip["kind"] for chip in page["chips"]} == chips, arguments
            assert bool(page["relaxations"]) == (page["total"] == 0) == ("_msearch" in endpoints), arguments
