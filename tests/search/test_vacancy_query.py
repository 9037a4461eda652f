"""The vacancy query builder as plain data: what reaches Elasticsearch for each kind of search."""
from datetime import date

import pytest

from search.vacancy import (
    VacancyCriteria,
    build_vacancy_search,
    decode_cursor,
    effective_sort,
    encode_cursor,
    parse_facets,
    search_key,
    vacancy_document,
)

TODAY = date(2026, 11, 28)


def filters_of(body):
    return body["query"]["bool"]["filter"]


def test_every_search_keeps_only_open_unexpired_vacancies_with_facets_and_a_tiebreaker():
    body = build_vacancy_search(VacancyCriteria(today=TODAY))
    assert {"term": {"status": "open"}} in filters_of(body)
    assert {"range": {"deadline": {"gte": "2026-11-28"}}} in filters_of(body)
    assert set(body["aggs"]) == {"province_code", "employment_type", "isco_major", "destination_country", "programme", "is_overseas"}
    assert body["sort"] == [{"posted_at": "desc"}, {"vacancy_id": "asc"}]  # no text: newest first
    assert body["_source"] is False and "hits.hits._id" in body["filter_path"]
    assert "must" not in body["query"]["bool"]


def requirement_of(body):
    """The clause that the search's words require (the last filter), as its alternatives."""
    return filters_of(body)[-1]["bool"]["should"]


def test_each_word_of_the_text_is_required_beside_its_neighbour_in_one_field():
    body = build_vacancy_search(VacancyCriteria(today=TODAY, text="Công nhân"))
    typed, synonym, employer = requirement_of(body)
    assert typed == {"terms": {"words": ["cong_nhan"]}}  # a known word: its syllables side by side
    assert synonym == {"bool": {"filter": [{"terms": {"words": [pair]}} for pair in ("lao_dong", "dong_pho", "pho_thong")]}}
    assert employer == {"terms_set": {"employer_terms": {"terms": ["cong", "nhan"], "minimum_should_match_field": "employer_terms_count"}}}
    assert body["sort"][0] == {"_score": "desc"}


def test_title_matches_weigh_most_and_the_exact_diacritics_rank_the_typed_words_higher():
    body = build_vacancy_search(VacancyCriteria(today=TODAY, text="Thợ hàn"))
    by_words, exact, employer = body["query"]["bool"]["should"]
    typed = by_words["dis_max"]["queries"][0]["multi_match"]
    assert typed["query"] == "tho_han" and typed["type"] == "best_fields" and typed["boost"] == 1.0  # per term found
    assert typed["fields"][0] == "title_words^6" and "description_words" in typed["fields"]
    # công nhân hàn (two pairs), welder: a variant weighs 0.8 in all, shared among its terms
    assert [query["multi_match"]["boost"] for query in by_words["dis_max"]["queries"][1:]] == [0.4, 0.8]
    assert exact["multi_match"]["query"] == "Thợ hàn" and "employer_name" not in repr(exact)
    assert employer["constant_score"]["filter"]["terms_set"]["employer_terms"]["terms"] == ["han", "tho"]


def test_an_abbreviation_counts_only_in_capitals_or_as_its_phrases():
    body = build_vacancy_search(VacancyCriteria(today=TODAY, text="it"))
    alternatives = requirement_of(body)
    assert alternatives[0] == {"terms": {"words": ["IT"]}}
    assert alternatives[1]["bool"]["filter"][0] == {"terms": {"words": ["cong_nghe"]}}  # công nghệ thông tin
    assert alternatives[2] == {"terms": {"words": ["lap_trinh"]}}


def test_filler_words_rank_but_are_never_required():
    body = build_vacancy_search(VacancyCriteria(today=TODAY, text="Tuyển gấp thợ hàn tại Hà Nội"))
    typed = requirement_of(body)[0]["bool"]["should"]
    assert typed == [{"terms": {"words": ["tho_han"]}}, {"terms": {"words": ["ha_noi"]}}, {"terms": {"words": ["ha_noi"]}}]
    assert requirement_of(body)[0]["bool"]["minimum_should_match"] == "4<-1 9<80%"
    only_fillers = build_vacancy_search(VacancyCriteria(today=TODAY, text="việc làm"))
    assert len(filters_of(only_fillers)) == 2 and only_fillers["query"]["bool"]["should"]  # open and unexpired only


def test_text_with_no_words_requires_nothing_and_never_fails():
    body = build_vacancy_search(VacancyCriteria(today=TODAY, text="😀 !!! …"))
    assert len(filters_of(body)) == 2 and body["query"]["bool"]["should"] == []


@pytest.mark.parametrize(("isco", "field"), [("7", "isco_major"), ("72", "isco_submajor"), ("721", "isco_minor"), ("7212", "isco_code")])
def test_occupation_filter_uses_the_level_of_the_code(isco, field):
    body = build_vacancy_search(VacancyCriteria(today=TODAY, isco=isco))
    assert {"term": {field: isco}} in filters_of(body)


def test_salary_filter_keeps_overlapping_ranges_ranges_open_at_their_missing_end_and_negotiable_pay():
    body = build_vacancy_search(VacancyCriteria(today=TODAY, salary_min=8_000_000, salary_max=12_000_000))
    no_top = {"bool": {"filter": [{"exists": {"field": "salary_min"}}], "must_not": [{"exists": {"field": "salary_max"}}]}}
    no_bottom = {"bool": {"filter": [{"exists": {"field": "salary_max"}}], "must_not": [{"exists": {"field": "salary_min"}}]}}
    negotiable = {"term": {"salary_negotiable": True}}
    at_least = {"bool": {"should": [{"range": {"salary_max": {"gte": 8_000_000}}}, no_top, negotiable]}}
    at_most = {"bool": {"should": [{"range": {"salary_min": {"lte": 12_000_000}}}, no_bottom, negotiable]}}
    assert at_least in filters_of(body) and at_most in filters_of(body)


def test_radius_replaces_the_ward_filter_with_a_distance_filter():
    criteria = VacancyCriteria(today=TODAY, ward_codes=["00004"], center=(21.0386, 105.838), radius_km=15, sort="nearest")
    body = build_vacancy_search(criteria)
    assert {"geo_distance": {"distance": "15km", "location": {"lat": 21.0386, "lon": 105.838}}} in filters_of(body)
    assert not any("terms" in clause and "ward_code" in clause["terms"] for clause in filters_of(body))
    assert body["sort"][0]["_geo_distance"]["location"] == {"lat": 21.0386, "lon": 105.838}


def test_wards_of_a_legacy_place_filter_by_ward_code():
    body = build_vacancy_search(VacancyCriteria(today=TODAY, ward_codes=["10507", "10510"]))
    assert {"terms": {"ward_code": ["10507", "10510"]}} in filters_of(body)


def test_overseas_scope_country_and_types():
    body = build_vacancy_search(
        VacancyCriteria(today=TODAY, scope="overseas", country="KR", employment_types=["contract"], sort="salary")
    )
    assert {"term": {"is_overseas": True}} in filters_of(body)
    assert {"term": {"destination_country": "KR"}} in filters_of(body)
    assert {"terms": {"employment_type": ["contract"]}} in filters_of(body)
    assert body["sort"] == [{"salary_top": {"order": "desc", "missing": "_last"}}, {"vacancy_id": "asc"}]


def test_nearest_without_a_place_falls_back_to_newest():
    body = build_vacancy_search(VacancyCriteria(today=TODAY, sort="nearest"))
    assert body["sort"][0] == {"posted_at": "desc"}


def test_search_after_is_passed_through():
    body = build_vacancy_search(VacancyCriteria(today=TODAY, after=[1732000000000, 42]))
    assert body["search_after"] == [1732000000000, 42]


def test_cursor_round_trip_and_refusal_of_foreign_cursors():
    cursor = encode_cursor("relevance", [3.5, 1732000000000, 42], "abc")
    assert decode_cursor(cursor) == ("relevance", "abc", [3.5, 1732000000000, 42])
    foreign = ["not-base64!!", encode_cursor("random", [1]), encode_cursor("newest", []), encode_cursor("newest", [{"x": 1}]),
               encode_cursor("newest", [True])]
    for bad in foreign:
        with pytest.raises(ValueError):
            decode_cursor(bad)


def test_the_search_key_ignores_paging_but_not_filters():
    first = VacancyCriteria(today=TODAY, text="may", province_code="01")
    assert search_key(first) == search_key(VacancyCriteria(today=TODAY, text="may", province_code="01", size=5, after=[1, 2]))
    assert search_key(first) != search_key(VacancyCriteria(today=TODAY, text="may", province_code="79"))


def test_effective_sort_falls_back_to_newest_without_text_or_place():
    assert effective_sort(VacancyCriteria(today=TODAY)) == "newest"
    assert effective_sort(VacancyCriteria(today=TODAY, text="may")) == "relevance"
    assert effective_sort(VacancyCriteria(today=TODAY, sort="nearest")) == "newest"
    assert effective_sort(VacancyCriteria(today=TODAY, sort="salary")) == "salary"


def test_facets_are_parsed_into_value_count_pairs():
    aggregations = {
        "province_code": {"buckets": [{"key": "01", "doc_count": 7}]},
        "is_overseas": {"buckets": [{"key": 0, "key_as_string": "false", "doc_count": 9}]},
    }
    facets = parse_facets(aggregations)
    assert facets["province_code"] == [("01", 7)]
    assert facets["is_overseas"] == [("false", 9)]
    assert facets["destination_country"] == []


def test_vacancy_document_carries_words_without_boilerplate_or_the_employers_name():
    document = vacancy_document({
        "id": 5, "title": "[Hà Nội] TUYỂN GẤP Thợ Hàn TIG - Lương 12-15 triệu", "employer_name": "Công ty TNHH Cơ khí Đông Á",
        "description": "Công ty TNHH Cơ khí Đông Á cần tuyển thợ hàn. Quyền lợi: đóng bảo hiểm xã hội, hợp đồng lao động.",
        "occupation_label": "Thợ hàn", "skills": ["hàn TIG"], "isco_code": "7212", "province_code": ["01"], "ward_code": ["00004"],
        "locations": [(21.0, 105.8)], "employment_type": "full_time", "status": "open", "deadline": TODAY,
        "place_names": ["Ba Đình", "Hà Nội", "Quận Ba Đình", "Thành phố Hà Nội"], "monthly_salary_min": 12_000_000,
    })
    title_words = document["title_words"].split()
    assert {"tho_han", "han_tig", "TIG", "ha_noi"} <= set(title_words) and "tuyen_gap" not in title_words
    assert "TUYEN" not in title_words  # tone marks written: not an abbreviation
    description_words = document["description_words"].split()
    assert "tho_han" in description_words
    assert not {"cong_ty", "co_khi", "dong_a", "bao_hiem", "lao_dong", "quyen_loi"} & set(description_words)
    assert document["description"] == "thợ hàn. đóng"
    assert document["employer_terms"] == ["dong", "a"] and document["employer_terms_count"] == 2
    assert {"ba_dinh", "ha_noi", "quan_ba", "pho_ha"} <= set(document["place_words"].split())
    assert document["abroad_words"] == ""
    assert document["salary_top"] == 12_000_000  # "from 12 million": the most it is known to reach
    assert (document["isco_major"], document["isco_submajor"], document["isco_minor"]) == ("7", "72", "721")
    assert document["location"] == [{"lat": 21.0, "lon": 105.8}]
    assert document["deadline"] == "2026-11-28"


def test_an_overseas_vacancy_is_searchable_by_its_destination_and_programme():
    document = vacancy_document({
        "id": 6, "title": "Đơn hàng chế biến thực phẩm", "employer_name": "Công ty CP Nhân lực Quốc tế Sao Mai",
        "isco_code": "9329", "employment_type": "contract", "status": "open", "deadline": TODAY,
        "is_overseas": True, "destination_country": "JP", "programme": "TITP",
    })
    abroad = document["abroad_words"].split()
    assert {"xuat_khau", "khau_lao", "lao_dong", "nhat_ban", "japan", "thuc_tap", "tap_sinh", "TITP", "XKLD"} <= set(abroad)
    assert document["employer_terms"] == ["sao", "mai"]
