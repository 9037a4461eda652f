"""Query understanding as plain data: what real searches say about where, abroad and what, read against the real
administrative-unit tables (the gazetteer the service hands in)."""
import difflib
import time
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobmatch.services.place import gazetteer as reference_gazetteer
from search.folding import fold
from search.gazetteer import PROVINCE_TIER, TOWN_TIER, WARD_TIER, Gazetteer, same_syllable, syllables
from search.understanding import area, place_suggestions, text_without, understand, understand_place


@pytest.fixture(scope="module")
def places(app):
    with app.app_context():
        return reference_gazetteer()


def read(text, places):
    """The understanding in short: (text left, [(place words, [(kind, name, province)])], [(country, programme)])."""
    understood = understand(text, places)
    return (
        understood["text"],
        [(place["words"], [(m["kind"], m["name"], m["province"]) for m in place["meanings"]]) for place in understood["places"]],
        [(found["country"], found["programme"]) for found in understood["abroad"]],
    )


HANOI = ("province", "Thành phố Hà Nội", "Thành phố Hà Nội")
HCMC = ("province", "Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh")
DAK_NONG = ("former_province", "Tỉnh Đắk Nông", "Tỉnh Đắk Nông")


def test_work_abroad_in_a_country_leaves_nothing_to_search_as_words(places):
    understood = understand("xuat khau lao dong nhat ban", places)
    assert understood == {
        "query": "xuat khau lao dong nhat ban",
        "text": "",
        "places": [],
        "abroad": [
            {"words": "xuat khau lao dong", "span": [0, 18], "country": None, "programme": None},
            {"words": "nhat ban", "span": [19, 27], "country": "JP", "programme": None},
        ],
    }


def test_a_province_at_the_end_becomes_the_place_and_the_rest_the_words(places):
    understood = understand("ke toan tong hop ha noi", places)
    assert understood["text"] == "ke toan tong hop"
    (place,) = understood["places"]
    assert (place["words"], place["span"], place["name"]) == ("ha noi", [17, 23], "Hà Nội")
    assert place["meanings"] == [{"kind": "province", "name": "Thành phố Hà Nội", "province": "Thành phố Hà Nội", "code": "01",
                                  "ward_codes": []}]
    assert area(understood["places"], places) == places.province_wards["01"]


@pytest.mark.parametrize("text", ["tho han", "Thợ hàn", "thợ hàn TIG", "can tho han", "cần thợ hàn"])
def test_a_welder_is_a_job_not_korea_nor_can_tho(text, places):
    assert read(text, places) == (text, [], [])


@pytest.mark.parametrize(("text", "left"), [("han quoc", ""), ("Hàn Quốc", ""), ("HÀN QUỐC", ""), ("đi Hàn", ""),
                                            ("tho han di han quoc", "tho han"), ("korea", "")])
def test_korea_needs_its_full_name_or_going_there(text, left, places):
    assert read(text, places) == (left, [], [("KR", None)])


@pytest.mark.parametrize("text", ["han", "Hàn", "nhat", "cập nhật", "chủ nhật", "tiếng Hàn Quốc", "phiên dịch tiếng nhật bản",
                                  "công ty Nhật Bản", "cty han quoc", "Đức", "Minh Đức", "uc"])
def test_countries_as_languages_nationalities_and_bare_syllables_are_words(text, places):
    assert read(text, places) == (text, [], [])


def test_a_former_district_and_the_ward_of_the_same_name_are_both_meant(places):
    text, found, abroad = read("Long Biên", places)
    assert (text, abroad) == ("", [])
    assert found == [("Long Biên", [("former_district", "Quận Long Biên", "Thành phố Hà Nội"),
                                    ("ward", "Phường Long Biên", "Thành phố Hà Nội")])]
    understood = understand("Long Biên", places)
    former, ward = understood["places"][0]["meanings"]
    assert set(ward["ward_codes"]) < set(former["ward_codes"]) and len(former["ward_codes"]) == 5
    assert area(understood["places"], places) == set(former["ward_codes"])


def test_sai_gon_is_the_city_and_also_its_ward(places):
    understood = understand("việc làm Sài Gòn", places)
    (place,) = understood["places"]
    assert place["name"] == "Hồ Chí Minh"
    assert [(m["kind"], m["name"]) for m in place["meanings"]] == [("province", "Thành phố Hồ Chí Minh"), ("ward", "Phường Sài Gòn")]
    assert area(understood["places"], places) == places.province_wards["79"]  # the city, not 3 results in one ward
    assert understood["text"] == "việc làm"


def test_thuan_an_means_every_place_of_that_name_until_its_province_says_which(places):
    _text, [(_words, meanings)], _abroad = read("thuan an", places)
    assert ("former_district", "Thành phố Thuận An", "Tỉnh Bình Dương") in meanings
    assert {province for kind, _name, province in meanings if kind == "ward"} == {
        "Thành phố Hà Nội", "Thành phố Huế", "Tỉnh Lâm Đồng", "Thành phố Hồ Chí Minh"}
    _text, [(words, meanings)], _abroad = read("Thuận An, Bình Dương", places)
    assert words == "Thuận An, Bình Dương"
    assert meanings == [("former_district", "Thành phố Thuận An", "Tỉnh Bình Dương"),
                        ("ward", "Phường Thuận An", "Thành phố Hồ Chí Minh")]  # Bình Dương is part of the city now


def test_diacritics_typed_are_honoured_and_missing_ones_match_every_spelling(places):
    _text, [(_words, exact)], _abroad = read("Bình Thạnh", places)
    _text, [(_words, folded)], _abroad = read("binh thanh", places)
    assert {name for _kind, name, _province in exact} == {"Quận Bình Thạnh", "Phường Bình Thạnh"}
    assert {"Xã Bình Thành", "Xã Bình Thanh"} <= {name for _kind, name, _province in folded}
    assert read("Thanh Hoá", places)[1][0][1] == read("Thanh Hóa", places)[1][0][1]  # the tone mark may sit on either vowel


@pytest.mark.parametrize(
    ("typed", "meaning"),
    [
        ("TP.HCM", HCMC), ("TPHCM", HCMC), ("HCM", HCMC), ("tp hcm", HCMC), ("SG", HCMC), ("thành phố Hồ Chí Minh", HCMC),
        ("HN", HANOI), ("hanoi", HANOI), ("Hà Nội", HANOI),
        ("Thừa Thiên Huế", ("province", "Thành phố Huế", "Thành phố Huế")), ("hue", ("province", "Thành phố Huế", "Thành phố Huế")),
        ("Đắc Nông", DAK_NONG), ("dak nong", DAK_NONG),
        ("Đắc Lắc", ("province", "Tỉnh Đắk Lắk", "Tỉnh Đắk Lắk")), ("daklak", ("province", "Tỉnh Đắk Lắk", "Tỉnh Đắk Lắk")),
        ("BRVT", ("former_province", "Tỉnh Bà Rịa - Vũng Tàu", "Tỉnh Bà Rịa - Vũng Tàu")),
        ("Q1", ("former_district", "Quận 1", "Thành phố Hồ Chí Minh")), ("q.1", ("former_district", "Quận 1", "Thành phố Hồ Chí Minh")),
        ("Quận 1", ("former_district", "Quận 1", "Thành phố Hồ Chí Minh")),
    ],
)
def test_abbreviations_and_common_spellings(typed, meaning, places):
    assert read(f"ke toan {typed}", places) == ("ke toan", [(typed, [meaning])], [])


@pytest.mark.parametrize(
    "text",
    [
        "nhân viên bán hàng", "đại diện bán hàng", "dai dien ban hang",  # Điện Bàn
        "che bien hoa chat",  # Biên Hòa
        "quan ly nhan su", "quản lý nhân sự",  # quận + Lý Nhân
        "phu ho", "tho phu ho", "nhan vien an toan", "ky su tu dong hoa",  # Phú Hồ, An Toàn, Đông Hòa
        "giup viec gia dinh", "xkld la gi", "nguoi ban thuc an duong pho",  # Gia Định, La Gi, An Dương
        "tho son", "tho van hanh may",  # Thọ Sơn, Thọ Văn
        "ke toan 1", "nhân viên 1 năm kinh nghiệm",
    ],
)
def test_job_words_are_not_eaten_as_places(text, places):
    assert read(text, places)[1] == []


def test_a_ward_by_its_bare_name_needs_tai_o_a_unit_word_or_its_province(places):
    assert read("ke toan ung hoa", places)[1] == []
    for text in ("ke toan tai ung hoa", "kế toán ở Ứng Hòa", "ke toan ung hoa ha noi", "ke toan huyen ung hoa"):
        left, [(_words, meanings)], _abroad = read(text, places)
        assert fold(left) == "ke toan" and {name for _kind, name, _province in meanings} <= {"Huyện Ứng Hòa", "Xã Ứng Hòa"}


def test_unit_words_say_which_kind_of_place(places):
    assert read("phường Long Biên", places)[1] == [("phường Long Biên", [("ward", "Phường Long Biên", "Thành phố Hà Nội")])]
    assert read("quan long bien", places)[1] == [("quan long bien", [("former_district", "Quận Long Biên", "Thành phố Hà Nội")])]
    assert read("phường Phúc Lợi", places)[1][0][1][0][1] == "Phường Phúc Lợi"  # a unit word wins over the job phrase


def test_an_intern_is_japans_programme_only_beside_another_sign_of_work_abroad(places):
    assert read("thực tập sinh marketing", places) == ("thực tập sinh marketing", [], [])
    assert read("thực tập sinh nhật bản", places) == ("", [], [("JP", "TITP"), ("JP", None)])
    assert read("tokutei kaigo", places) == ("kaigo", [], [("JP", "SSW")])
    assert read("EPS", places) == ("", [], [("KR", "EPS")])


def test_german_and_australian_work_after_going_there_but_thu_duc_is_a_place(places):
    assert read("điều dưỡng đi Đức", places) == ("điều dưỡng", [], [("DE", None)])
    assert read("sang úc", places) == ("", [], [("AU", None)])
    assert read("thủ đức", places)[1][0][1][0] == ("former_district", "Thành phố Thủ Đức", "Thành phố Hồ Chí Minh")


def test_decomposed_input_reads_like_composed(places):
    composed = "kế toán Bình Thạnh"
    assert understand(unicodedata.normalize("NFD", composed), places) == understand(composed, places)


def test_emoji_punctuation_and_mixed_case_are_read_around(places):
    understood = understand("🔥 TUYỂN GẤP!!! thợ hàn @ Hà Nội 🔥\u200b", places)
    assert [place["name"] for place in understood["places"]] == ["Hà Nội"]
    assert understood["text"] == "🔥 TUYỂN GẤP!!! thợ hàn @ 🔥"


def test_two_hundred_characters_are_read_quickly(places):
    text = ("tuyển gấp công nhân may công nghiệp, thợ hàn, thợ điện, lái xe tải, bảo vệ, tạp vụ, kế toán kho "
            "lương cao ổn định, có chỗ ở miễn phí, làm việc lâu dài tại khu công nghiệp Quế Võ Bắc Ninh, ưu tiên nữ!!")[:200]
    assert len(text) == 200
    started = time.perf_counter()
    understood = understand(text, places)
    assert time.perf_counter() - started < 0.5
    assert understood["text"].startswith("tuyển gấp công nhân may")
    assert understand("a" * 200, places)["text"] == "a" * 200
    assert understand("", places) == {"query": "", "text": "", "places": [], "abroad": []}


def test_two_countries_and_two_places_are_each_read(places):
    understood = understand("xkld nhat ban han quoc", places)
    assert [found["country"] for found in understood["abroad"]] == [None, "JP", "KR"]
    understood = understand("ke toan ha noi hai phong", places)
    assert [place["name"] for place in understood["places"]] == ["Hà Nội", "Hải Phòng"]


def test_a_place_argument_must_be_places_through_and_through(places):
    assert understand_place("Tỉnh Hải Dương", places)[0]["meanings"][0]["kind"] == "former_province"
    assert understand_place("Xã Ứng Hòa", places)[0]["meanings"][0]["name"] == "Xã Ứng Hòa"  # a ward needs no marker here
    assert [m["name"] for m in understand_place("Thành phố Thuận An, Bình Dương", places)[0]["meanings"]] == ["Thành phố Thuận An"]
    assert [m["name"] for m in understand_place("Phường Long Biên, Hà Nội", places)[0]["meanings"]] == ["Phường Long Biên"]
    for text in ("Atlantis", "Hà Nội abc", "ke toan", "", "🔥"):
        assert understand_place(text, places) is None


def test_removing_a_chip_cuts_its_words_and_tidies_the_rest(places):
    understood = understand("kế toán, ở Hà Nội - lương cao", places)
    (place,) = understood["places"]
    assert text_without(understood["query"], [place["span"]]) == "kế toán, lương cao"
    assert text_without("Lao động tại Hàn Quốc (EPS)", [[13, 21], [23, 26]]) == "Lao động tại"


def test_a_misspelt_province_or_town_is_suggested(places):
    assert place_suggestions(understand("ke toan ha nol", places), places) == [("ha nol", "Hà Nội")]
    assert place_suggestions(understand("ke toan", places), places) == []
    assert places.suggestions("Ha Noj")[0] == "Hà Nội"


@pytest.mark.parametrize("tiers", [(PROVINCE_TIER, TOWN_TIER), (PROVINCE_TIER, TOWN_TIER, WARD_TIER)])
def test_suggestions_are_difflibs_over_every_spelling_asked_again_or_not(places, tiers):
    """The spellings of other lengths are left out before difflib, and answers are kept: neither changes one."""
    names, _by_length = places._spellings_of(tiers)
    for typed in ("Ha Noj", "hanol", "sai gon", "da nag", "binh duog", "thu duc", "ke toan", "ab", "x", "", "🔥",
                  "quang ninhh", "thanh pho ho chi minh", "dak lak", "ba ria vung tau", "long bien", "cau giay"):
        for limit in (1, 3):
            key = "".join(fold(word) for word in syllables(typed))
            close = difflib.get_close_matches(key, list(names), n=limit * 3, cutoff=0.75)
            expected = list(dict.fromkeys(names[spelling] for spelling in close))[:limit]
            assert places.suggestions(typed, limit=limit, tiers=tiers) == expected, typed
            assert places.suggestions(typed, limit=limit, tiers=tiers) == expected, typed  # kept


def test_the_gazetteer_reads_plain_data_without_a_database():
    places = Gazetteer(
        provinces=[{"code": "46", "name": "Thành phố Huế", "short_name": "Huế"}],
        wards=[{"code": "19900", "name": "Phường Thuận An", "short_name": "Thuận An", "province_code": "46", "latitude": 16.55,
                "longitude": 107.64}],
    )
    assert read("kế toán Thừa Thiên Huế", places) == ("kế toán", [("Thừa Thiên Huế", [("province", "Thành phố Huế", "Thành phố Huế")])], [])
    assert read("thuan an", places)[1] == []  # a ward alone is no place in free text
    assert read("ở Thuận An", places)[1] == [("Thuận An", [("ward", "Phường Thuận An", "Thành phố Huế")])]


def test_names_are_looked_up_only_as_far_as_some_name_begins():
    places = Gazetteer(
        provinces=[{"code": "01", "name": "Thành phố Hà Nội", "short_name": "Hà Nội"},
                   {"code": "79", "name": "Thành phố Hồ Chí Minh", "short_name": "Hồ Chí Minh"}],
        wards=[{"code": "00004", "name": "Phường Ba Đình", "short_name": "Ba Đình", "province_code": "01"}],
    )
    assert [places.name_length(tuple(words.split())) for words in
            ("ke toan ha noi", "ha noi ke toan", "ho chi minh", "ho chi", "ba dinh", "hanoi", "tphcm", "ha", "")] == [
        0, 2, 3, 2, 2, 1, 1, 1, 0]
    assert places.places_named(("hà", "nội"), ("ha", "noi")) == places.places_named(("hà", "nội"))
    assert places.places_named(("hà", "nội"))[0].short_name == "Hà Nội"


def test_a_text_read_again_is_remembered_and_each_caller_gets_its_own_copy():
    places = Gazetteer(provinces=[{"code": "01", "name": "Thành phố Hà Nội", "short_name": "Hà Nội"}], wards=[])
    first = understand("thợ hàn đi Nhật Hà Nội", places)
    first["text"], first["abroad"][0]["programme"], first["pay"] = "changed", "TITP", None  # as the service changes it
    again = understand("thợ hàn đi Nhật Hà Nội", places)
    assert again == {"query": "thợ hàn đi Nhật Hà Nội", "text": "thợ hàn",
                     "places": [{"words": "Hà Nội", "span": [16, 22], "name": "Hà Nội", "meanings": [
                         {"kind": "province", "name": "Thành phố Hà Nội", "province": "Thành phố Hà Nội", "code": "01",
                          "ward_codes": []}]}],
                     "abroad": [{"words": "đi Nhật", "span": [8, 15], "country": "JP", "programme": None}]}
    assert again["places"][0]["meanings"] is first["places"][0]["meanings"]  # read once
    assert place_suggestions({"text": "ke toan ha nol"}, places) == [("ha nol", "Hà Nội")]
    assert place_suggestions({"text": "ke toan ha nol"}, places) == [("ha nol", "Hà Nội")]


@pytest.mark.parametrize(("typed", "name", "same"), [("hoà", "hòa", True), ("hoa", "hòa", True), ("thanh", "thạnh", True),
                                                      ("thành", "thạnh", False), ("dak", "đắk", True), ("đac", "đắk", False)])
def test_a_syllable_typed_without_diacritics_matches_any_spelling(typed, name, same):
    assert same_syllable(typed, name) is same


VIETNAMESE = st.text(alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                                             " .,-/()1Q"), max_size=200)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=200), VIETNAMESE))
def test_any_text_is_read_without_error_and_every_span_lies_in_the_query(places, text):
    understood = understand(text, places)
    for found in understood["places"] + understood["abroad"]:
        start, end = found["span"]
        assert 0 <= start < end <= len(understood["query"]) and found["words"] in understood["query"][start:end]
    assert isinstance(understood["text"], str)
    assert understand_place(text, places) is None or understood["query"]
