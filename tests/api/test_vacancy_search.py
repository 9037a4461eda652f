"""GET /api/v1/vacancies/search against the real index: what a job seeker's app would see."""
from datetime import timedelta

import pytest

from jobmatch.rules.clock import vietnam_today
from jobmatch.services import search_index
from jobmatch.services.place import resolve_place
from search.vacancy import decode_cursor, encode_cursor
from tests.factories import HANOI_FAR_WARD, HANOI_WARD, make_employer, make_vacancy


def search(client, **params):
    response = client.get("/api/v1/vacancies/search", query_string=params)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def titles(page):
    return [hit["vacancy"]["title"] for hit in page["items"]]


@pytest.fixture
def vacancies(indexes):
    employer = make_employer(name="Công ty Cổ phần Đông Á")
    hai_duong_ward = resolve_place("Hải Dương").ward_codes[0]
    made = {
        "accountant": make_vacancy(employer, title="Kế toán tổng hợp", isco_code="2411", salary_min=10_000_000, salary_max=15_000_000),
        "welder": make_vacancy(employer, title="Thợ hàn TIG", isco_code="7212", skills=["hàn TIG"], ward_code=HANOI_FAR_WARD,
                               salary_min=12_000_000, salary_max=20_000_000, employment_type="contract"),
        "seamstress": make_vacancy(employer, title="Công nhân may", isco_code="8153", skills=["may máy 1 kim"], ward_code=hai_duong_ward,
                                   salary_min=7_000_000, salary_max=9_000_000),
        "korea": make_vacancy(employer, title="Lao động sản xuất tại Hàn Quốc (EPS)", isco_code="9329", ward_code=None,
                              is_overseas=True, destination_country="KR", programme="EPS", employment_type="contract",
                              salary_min=45_000_000, salary_max=55_000_000),
        "closed": make_vacancy(employer, title="Kế toán kho", status="closed"),
        "expired": make_vacancy(employer, title="Kế toán thuế", deadline=vietnam_today() - timedelta(days=1)),
    }
    search_index.relay_outbox(refresh=True)
    return made


def test_text_without_diacritics_finds_the_vietnamese_title(client, vacancies):
    assert titles(search(client, q="ke toan")) == ["Kế toán tổng hợp"]
    assert titles(search(client, q="Kế toán")) == ["Kế toán tổng hợp"]
    assert titles(search(client, q="THO HAN")) == ["Thợ hàn TIG"]


def test_a_synonym_finds_the_vacancy_named_otherwise(client, indexes):
    make_vacancy(title="Lái xe tải hạng C", isco_code="8332")
    make_vacancy(title="Tài xế xe khách", isco_code="8331")
    search_index.relay_outbox(refresh=True)
    assert titles(search(client, q="tai xe")) == ["Tài xế xe khách", "Lái xe tải hạng C"]  # the words typed first
    assert set(titles(search(client, q="lái xe"))) == {"Lái xe tải hạng C", "Tài xế xe khách"}


def test_closed_and_expired_vacancies_are_not_listed(client, vacancies):
    page = search(client)
    assert page["total"] == 4
    assert "Kế toán kho" not in titles(page) and "Kế toán thuế" not in titles(page)


def test_a_former_province_name_finds_work_in_the_wards_it_became(client, vacancies):
    page = search(client, place="Hai Duong")
    assert titles(page) == ["Công nhân may"]
    assert page["place"] == "Tỉnh Hải Dương"


def test_radius_around_a_ward(client, vacancies):
    near = search(client, ward=HANOI_WARD, radius_km=10)
    wide = search(client, ward=HANOI_WARD, radius_km=45, sort="nearest")
    assert titles(near) == ["Kế toán tổng hợp"]
    assert titles(wide) == ["Kế toán tổng hợp", "Thợ hàn TIG"]  # nearest first


def test_filters_by_occupation_salary_type_and_destination(client, vacancies):
    assert titles(search(client, isco="72")) == ["Thợ hàn TIG"]
    assert set(titles(search(client, salary_min=11_000_000, scope="domestic"))) == {"Kế toán tổng hợp", "Thợ hàn TIG"}
    assert set(titles(search(client, employment_type=["contract"]))) == {"Thợ hàn TIG", "Lao động sản xuất tại Hàn Quốc (EPS)"}
    assert titles(search(client, scope="overseas", country="KR")) == ["Lao động sản xuất tại Hàn Quốc (EPS)"]


def test_salary_sort_and_facet_counts(client, vacancies):
    page = search(client, sort="salary")
    assert titles(page)[0] == "Lao động sản xuất tại Hàn Quốc (EPS)"
    facets = page["facets"]
    assert {(b["value"], b["count"]) for b in facets["is_overseas"]} == {("false", 3), ("true", 1)}
    assert {b["value"]: b["count"] for b in facets["province_code"]} == {"01": 2, "31": 1}
    assert {b["label"] for b in facets["destination_country"]} == {"Hàn Quốc"}


def test_pages_follow_each_other_without_gaps_or_repeats(client, indexes):
    employer = make_employer()
    for number in range(7):
        make_vacancy(employer, title=f"Nhân viên bán hàng {number}", isco_code="5223")
    search_index.relay_outbox(refresh=True)
    seen, after = [], None
    while True:
        params = {"q": "ban hang", "size": 3, **({"after": after} if after else {})}
        page = search(client, **params)
        seen += titles(page)
        after = page["next_after"]
        if not after:
            break
    assert sorted(seen) == sorted(f"Nhân viên bán hàng {number}" for number in range(7))
    assert len(seen) == len(set(seen)) == 7


def test_a_hit_summarises_the_vacancy_and_the_detail_has_the_rest(client, vacancies):
    (hit,) = search(client, q="ke toan")["items"]
    summary = hit["vacancy"]
    assert (summary["employer_name"], summary["ward_name"], summary["province_name"]) == ("Công ty Cổ phần Đông Á", "Ba Đình", "Hà Nội")
    assert (summary["salary_min"], summary["salary_max"], summary["isco_code"]) == (10_000_000, 15_000_000, "2411")
    assert "description" not in summary
    vacancy = client.get(f"/api/v1/vacancies/{summary['id']}").get_json()
    assert vacancy["occupation"] == {"code": "2411", "label_vi": "Kế toán viên", "label_en": "Accountants"}
    assert vacancy["ward"]["province_name"] == "Thành phố Hà Nội"
    assert vacancy["description"] == "Lập báo cáo thuế, hạch toán."


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"salary_min": "nhiều"}, "salary_min"),
        ({"salary_min": 20_000_000, "salary_max": 10_000_000}, "salary_min"),
        ({"isco": "72a"}, "isco"),
        ({"size": 500}, "size"),
        ({"sort": "random"}, "sort"),
        ({"radius_km": 10}, "radius_km"),
        ({"after": "bogus!"}, "after"),
        ({"country": "XX"}, "country"),
        ({"salary": 5}, "salary"),
        ({"place": "Atlantis"}, "place"),
    ],
)
def test_bad_arguments_get_422_naming_the_field(client, vacancies, params, field):
    response = client.get("/api/v1/vacancies/search", query_string=params)
    assert response.status_code == 422
    body = response.get_json()
    assert body["code"] == 422 and field in body["errors"]["query"]


def test_a_cursor_from_another_sort_or_edited_by_hand_is_refused(client, vacancies):
    newest_cursor = search(client, size=1)["next_after"]
    relevance = client.get("/api/v1/vacancies/search", query_string={"q": "may", "after": newest_cursor})
    salary = client.get("/api/v1/vacancies/search", query_string={"sort": "salary", "after": newest_cursor})
    other_filter = client.get("/api/v1/vacancies/search", query_string={"province": "79", "after": newest_cursor})
    same_search = client.get("/api/v1/vacancies/search", query_string={"size": 1, "after": newest_cursor})
    assert same_search.status_code == 200
    _, this_search, _ = decode_cursor(newest_cursor)
    edited_values = encode_cursor("newest", ["hôm qua", "x"], this_search)  # right search, values that do not fit the sort
    edited = client.get("/api/v1/vacancies/search", query_string={"after": edited_values})
    for response in (relevance, salary, other_filter, edited):
        assert response.status_code == 422
        assert "after" in response.get_json()["errors"]["query"]


def test_one_vacancy_and_a_missing_one(client, vacancies):
    vacancy = vacancies["welder"]
    assert client.get(f"/api/v1/vacancies/{vacancy.id}").get_json()["title"] == "Thợ hàn TIG"
    missing = client.get("/api/v1/vacancies/987654")
    assert missing.status_code == 404 and missing.get_json()["code"] == 404


def test_the_openapi_spec_documents_the_search(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    parameters = {parameter["name"] for parameter in spec["paths"]["/api/v1/vacancies/search"]["get"]["parameters"]}
    assert {"q", "place", "ward", "radius_km", "isco", "salary_min", "sort", "after"} <= parameters
