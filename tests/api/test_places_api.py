"""Places for integrators (issue 17, item 2): the provinces, and every unit a place name may mean, with its kind, code,
today's province and coordinates."""
import pytest


def test_the_34_provinces_with_their_codes_and_centres(client):
    answer = client.get("/api/v1/places/provinces").get_json()
    assert answer["total"] == len(answer["items"]) == 34
    hanoi = next(item for item in answer["items"] if item["code"] == "01")
    assert hanoi["name"] == "Thành phố Hà Nội" and hanoi["short_name"] == "Hà Nội"
    assert 20.5 < hanoi["latitude"] < 21.5 and 105 < hanoi["longitude"] < 106.5


def kinds(answer):
    return [(item["kind"], item["name"], [province["name"] for province in item["provinces"]]) for item in answer["items"]]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("TPHCM", [("province", "Thành phố Hồ Chí Minh", ["Thành phố Hồ Chí Minh"])]),
        ("HN", [("province", "Thành phố Hà Nội", ["Thành phố Hà Nội"])]),
        ("BRVT", [("former_province", "Tỉnh Bà Rịa - Vũng Tàu", ["Thành phố Hồ Chí Minh"])]),
        ("Q1", [("former_district", "Quận 1", ["Thành phố Hồ Chí Minh"])]),
        ("phường Bến Nghé", [("former_ward", "Phường Bến Nghé", ["Thành phố Hồ Chí Minh"])]),
        ("Long Bien", [("former_district", "Quận Long Biên", ["Thành phố Hà Nội"]), ("ward", "Phường Long Biên", ["Thành phố Hà Nội"])]),
        ("Hải Dương", [("former_province", "Tỉnh Hải Dương", ["Thành phố Hải Phòng"]),
                       ("former_district", "Thành phố Hải Dương", ["Thành phố Hải Phòng"]),
                       ("ward", "Phường Hải Dương", ["Thành phố Hải Phòng"])]),
    ],
)
def test_a_place_name_resolves_to_every_unit_it_may_mean(client, name, expected):
    answer = client.get("/api/v1/places/resolve", query_string={"q": name}).get_json()
    assert kinds(answer) == expected
    for item in answer["items"]:
        assert item["latitude"] is not None and item["longitude"] is not None
        assert item["approximate"] is (item["kind"] != "ward")  # a ward by its own point, the rest by a centre
        assert (item["code"] is None) is item["kind"].startswith("former_")


def test_a_current_ward_has_its_code_and_a_former_unit_the_wards_it_became(client):
    long_bien = client.get("/api/v1/places/resolve", query_string={"q": "Long Biên"}).get_json()["items"]
    ward = next(item for item in long_bien if item["kind"] == "ward")
    assert ward["code"] == ward["ward_codes"][0] == "00145" and ward["provinces"] == [{"code": "01", "name": "Thành phố Hà Nội"}]
    district = next(item for item in long_bien if item["kind"] == "former_district")
    assert "00145" in district["ward_codes"] and district["former_province"] == "Thành phố Hà Nội"
    ben_nghe = client.get("/api/v1/places/resolve", query_string={"q": "ben nghe"}).get_json()["items"][0]
    assert ben_nghe["former_district"] == "Quận 1" and ben_nghe["ward_codes"] == ["26740"]


def test_an_unknown_name_gets_the_nearest_names_and_a_bad_argument_is_refused_naming_it(client):
    unknown = client.get("/api/v1/places/resolve", query_string={"q": "Ha Noj"}).get_json()
    assert unknown["items"] == [] and unknown["suggestions"] == ["Hà Nội"]
    for query in ({"q": ""}, {"q": "x" * 101}, {}):
        refused = client.get("/api/v1/places/resolve", query_string=query)
        assert refused.status_code == 422
        assert list(refused.get_json()["errors"]["query"]) == ["q"]
    assert client.get("/api/v1/places/resolve").get_json()["errors"]["query"]["q"] == ["Thiếu dữ liệu cho trường bắt buộc."]
