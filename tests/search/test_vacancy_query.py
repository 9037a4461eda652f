"""The vacancy query builder as plain data: what reaches Elasticsearch for each kind of search."""
from datetime import date

import pytest

from search.synonyms import expansions
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


def test_text_must_match_in_folded_form_and_ranks_exact_diacritics_higher():
    body = build_vacancy_search(VacancyCriteria(today=TODAY, text="Thợ hàn"))
    must = body["query"]["bool"]["must"][0]["multi_match"]
    should = body["query"]["bool"]["should"][0]["multi_match"]
    assert must["query"] == "tho han" and must["operator"] == "and"
    assert all(field.split("^")[0].endswith("_folded") for field in must["fields"])
    assert should["query"] == "Thợ hàn"
    assert not any("_folded" in field for field in should["fields"])
    assert body["sort"][0] == {"_score": "desc"}


def test_a_known_synonym_may_stand_in_for_a_phrase_ranked_below_the_words_typed():
    body = build_vacancy_search(VacancyCriteria(today=TODAY, text="Tài xế"))
    alternatives = body["query"]["bool"]["must"][0]["bool"]["should"]
    assert [(a["multi_match"]["query"], a["multi_match"]["boost"]) for a in alternatives] == [("tai xe", 1.0), ("lai xe", 0.8)]


def test_synonym_expansion_replaces_whole_phrases_only():
    assert expansions("thợ hàn") == ["tho han"]
    assert expansions("Lái xe tải") == ["lai xe tai", "tai xe tai"]
    assert expansions("bao venh") == ["bao venh"]  # "bao ve" is not a whole phrase here


@pytest.mark.parametrize(("isco", "field"), [("7", "isco_major"), ("72", "isco_submajor"), ("721", "isco_minor"), ("7212", "isco_code")])
def test_occupation_filter_uses_the_level_of_the_code(isco, field):
    body = build_vacancy_search(VacancyCriteria(today=TODAY, isco=isco))
    assert {"term": {field: isco}} in filters_of(body)


def test_salary_filter_keeps_overlapping_ranges_and_negotiable_pay():
    body = build_vacancy_search(VacancyCriteria(today=TODAY, salary_min=8_000_000, salary_max=12_000_000))
    at_least = {"bool": {"should": [{"range": {"salary_max": {"gte": 8_000_000}}}, {"term": {"salary_negotiable": True}}]}}
    at_most = {"bool": {"should": [{"range": {"salary_min": {"lte": 12_000_000}}}, {"term": {"salary_negotiable": True}}]}}
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
    assert body["sort"] == [{"salary_max": {"order": "desc", "missing": "_last"}}, {"vacancy_id": "asc"}]


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


def test_vacancy_document_carries_folded_text_and_occupation_levels():
    document = vacancy_document({
        "id": 5, "title": "Thợ hàn TIG", "description": "Hàn ống thép", "employer_name": "Công ty Cơ khí Đông Á",
        "occupation_label": "Thợ hàn", "skills": ["hàn TIG"], "isco_code": "7212", "province_code": "01", "ward_code": "00004",
        "latitude": 21.0, "longitude": 105.8, "employment_type": "full_time", "status": "open", "deadline": TODAY,
    })
    assert document["title_folded"] == "tho han tig"
    assert document["employer_name_folded"] == "cong ty co khi dong a"
    assert (document["isco_major"], document["isco_submajor"], document["isco_minor"]) == ("7", "72", "721")
    assert document["location"] == {"lat": 21.0, "lon": 105.8}
    assert document["deadline"] == "2026-11-28"
