"""Several work places per vacancy (issue 17, item 3), against the real index: a vacancy is found by any of its places,
sorted and measured by the nearest, and a whole province is found within it and said to be approximate."""
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import Vacancy, VacancyPlace
from jobmatch.services import account as account_service
from jobmatch.services import search_index
from tests.factories import DANANG_WARD, HANOI_FAR_WARD, HANOI_WARD, make_account, make_employer, vacancy_fields
from tests.web.helpers import post_form, start_session

HANOI, DANANG = "01", "48"


def headers(account, **more):
    return {"Authorization": f"Bearer {account_service.create_api_token(actor=account, name='ats')[1]}", **more}


def posting(**overrides):
    body = {**vacancy_fields(**overrides), "deadline": vacancy_fields()["deadline"].isoformat(), "publish": True}
    return {name: value for name, value in body.items() if value is not None}


def search(client, **params):
    response = client.get("/api/v1/vacancies/search", query_string=params)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def found(page):
    return [(hit["vacancy"]["title"], hit["distance_km"], hit["distance_approximate"]) for hit in page["items"]]


def post(client, account, **overrides):
    answer = client.post("/api/v1/vacancies", json=posting(**overrides), headers=headers(account))
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()


def test_a_vacancy_in_two_cities_is_found_by_either_and_sorted_by_its_nearest_place(client, indexes):
    account = make_account("employer", employer_id=make_employer().id)
    both = post(client, account, title="Kế toán chi nhánh", ward_code=None, places=[HANOI_FAR_WARD, DANANG_WARD])
    post(client, account, title="Kế toán Ba Đình", ward_code=HANOI_WARD)  # the single ward of API clients before places
    search_index.relay_outbox(refresh=True)

    assert [(place["kind"], place["code"]) for place in both["places"]] == [("ward", HANOI_FAR_WARD), ("ward", DANANG_WARD)]
    assert [title for title, *_ in found(search(client, place="Đà Nẵng"))] == ["Kế toán chi nhánh"]
    assert [title for title, *_ in found(search(client, province=DANANG))] == ["Kế toán chi nhánh"]
    assert {title for title, *_ in found(search(client, province=HANOI))} == {"Kế toán chi nhánh", "Kế toán Ba Đình"}
    # From Đà Nẵng the branch there is at hand; from Ba Đình, the Hà Nội branch 40 km south is nearer than Đà Nẵng.
    from_danang = found(search(client, ward=DANANG_WARD, sort="nearest"))
    assert from_danang[0] == ("Kế toán chi nhánh", 0.0, False) and from_danang[1][1] > 500
    from_ba_dinh = found(search(client, ward=HANOI_WARD, sort="nearest"))
    assert [title for title, *_ in from_ba_dinh] == ["Kế toán Ba Đình", "Kế toán chi nhánh"]
    assert 30 < from_ba_dinh[1][1] < 60
    assert [title for title, *_ in found(search(client, ward=DANANG_WARD, radius_km=20))] == ["Kế toán chi nhánh"]
    summary = search(client, q="ke toan chi nhanh")["items"][0]["vacancy"]
    assert [place["province_name"] for place in summary["places"]] == ["Thành phố Hà Nội", "Thành phố Đà Nẵng"]


def test_a_whole_province_is_found_by_a_ward_within_it_and_its_distance_is_approximate(client, indexes):
    account = make_account("employer", employer_id=make_employer().id)
    whole = post(client, account, title="Nhân viên kinh doanh", ward_code=None, places=[DANANG])
    search_index.relay_outbox(refresh=True)

    assert whole["places"][0] | {"latitude": None, "longitude": None} == {
        "kind": "province", "code": DANANG, "name": "Thành phố Đà Nẵng", "province_code": DANANG,
        "province_name": "Thành phố Đà Nẵng", "latitude": None, "longitude": None, "approximate": True}
    assert [title for title, *_ in found(search(client, ward=DANANG_WARD))] == ["Nhân viên kinh doanh"]
    assert [title for title, *_ in found(search(client, place="Đà Nẵng"))] == ["Nhân viên kinh doanh"]
    assert [title for title, *_ in found(search(client, q="kinh doanh Đà Nẵng"))] == ["Nhân viên kinh doanh"]
    assert found(search(client, ward=HANOI_WARD)) == []
    [(title, km, approximate)] = found(search(client, ward=HANOI_WARD, sort="nearest"))
    assert approximate and 500 < km < 800
    page = client.get("/", query_string={"ward": HANOI_WARD, "sort": "nearest"}).get_data(as_text=True)
    assert "Thành phố Đà Nẵng (cả tỉnh)" in page and "cách khoảng" in page


def test_eleven_places_a_repeated_place_or_a_ward_within_a_whole_province_are_refused_by_field(client, indexes):
    account = make_account("employer", employer_id=make_employer().id)
    eleven = [HANOI_WARD, HANOI_FAR_WARD, DANANG_WARD, "00007", "00008", "00010", "00011", "00013", "00016", "00019", "00022"]
    cases = [
        (eleven, {}, "Chỉ nhập tối đa 10 nơi làm việc."),
        (eleven, {"Accept-Language": "en"}, "Give at most 10 work places."),
        ([DANANG_WARD, DANANG_WARD], {}, f"Mỗi nơi làm việc chỉ nhập một lần: {DANANG_WARD} bị lặp lại."),
        ([HANOI, HANOI_WARD], {}, "Phường Ba Đình thuộc Thành phố Hà Nội, đã là một nơi làm việc: chỉ nhập một trong hai."),
        (["123"], {"Accept-Language": "en"},
         "“123” is neither a ward code (5 digits) nor a province code (2 digits)."),
        ([], {}, "Hãy chọn ít nhất một nơi làm việc: một xã/phường hoặc cả một tỉnh/thành phố."),
    ]
    for places, language, message in cases:
        answer = client.post("/api/v1/vacancies", json=posting(ward_code=None, places=places), headers=headers(account, **language))
        assert answer.status_code == 422, answer.get_json()
        assert answer.get_json()["errors"]["json"]["places"] == [message]
    assert db.session.scalar(select(func.count()).select_from(Vacancy)) == 0
    assert db.session.scalar(select(func.count()).select_from(VacancyPlace)) == 0


def test_a_batch_and_the_form_take_several_places(client, indexes):
    account = make_account("employer", employer_id=make_employer().id)
    batch = [posting(external_ref="P-1", ward_code=None, place="Hà Nội; Phường Bến Nghé, TP.HCM"),
             posting(external_ref="P-2", ward_code=None, place="Hà Nội; Nơi Không Có")]
    result = client.post("/api/v1/vacancies/batch", json={"vacancies": batch}, headers=headers(account)).get_json()
    assert [item["outcome"] for item in result["items"]] == ["created", "refused"]
    assert list(result["items"][1]["errors"]) == ["place"]
    stored = db.session.get(Vacancy, result["items"][0]["id"])
    assert [(place.province_code, place.ward.province_code if place.ward else None) for place in stored.places] == [
        (HANOI, None), (None, "79")]

    start_session(client, account)
    form = {**{name: str(value) for name, value in posting(title="Thợ hàn", ward_code=None).items() if name != "publish"},
            "publish": "on", "place_province": [HANOI, DANANG, ""], "place_ward": [HANOI_WARD, "", ""]}
    saved = post_form(client, "/employer/vacancies/new", form, token_from="/employer/vacancies/new")
    assert saved.status_code == 302, saved.get_data(as_text=True)[-3000:]
    vacancy = db.session.scalar(select(Vacancy).where(Vacancy.title == "Thợ hàn"))
    assert [(place.ward_code, place.province_code) for place in vacancy.places] == [(HANOI_WARD, None), (None, DANANG)]
    assert vacancy.ward_code == HANOI_WARD
    edit = client.get(f"/employer/vacancies/{vacancy.id}/edit").get_data(as_text=True)
    assert edit.count('name="place_province"') == 3  # the two places, and a row to add another
    detail = client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    assert "Phường Ba Đình, Thành phố Hà Nội" in detail and "Thành phố Đà Nẵng (cả tỉnh)" in detail
