"""One pagination shape for every API list: {items, total, next_after} with size and after, walked to the end without
a row skipped or repeated, a bad cursor refused by name, and the OpenAPI document saying so for every list."""
from datetime import timedelta

import pytest

from jobmatch.extensions import db
from jobmatch.models.application import Application
from jobmatch.models.job_fair import JobFair
from jobmatch.rules.clock import vietnam_today
from jobmatch.schemas.page import encode_cursor
from jobmatch.services import account as account_service
from tests.factories import HANOI_WARD, make_account, make_centre, make_employer, make_job_seeker, make_vacancy

METHODS = ("get", "post", "put", "delete")


def bearer(account):
    return {"Authorization": f"Bearer {account_service.create_api_token(actor=account, name='test')[1]}"}


def walk(client, path, headers, size):
    """Every page of a list from the first, following next_after; the pages and the items in order."""
    pages, after = [], None
    while True:
        response = client.get(path, headers=headers, query_string={"size": size, **({"after": after} if after else {})})
        assert response.status_code == 200, response.get_json()
        pages.append(response.get_json())
        after = pages[-1]["next_after"]
        if after is None:
            return pages, [item for page in pages for item in page["items"]]


@pytest.fixture
def officer(app_context):
    return make_account("officer", centre_id=make_centre(province_code="01").id)


def test_walking_next_after_yields_every_row_exactly_once(client, officer):
    waiting = {make_employer(name=f"Công ty số {number}", verified=False).id for number in range(7)}
    make_employer(name="Công ty đã xác minh")
    pages, employers = walk(client, "/api/v1/employers/unverified", bearer(officer), size=3)
    assert [len(page["items"]) for page in pages] == [3, 3, 1]
    assert {page["total"] for page in pages} == {7}
    assert [employer["id"] for employer in employers] == sorted(waiting)  # the longest waiting first, each once


def test_a_two_column_order_pages_through_ties_and_ignores_rows_added_behind_it(client, officer):
    today = vietnam_today()

    def job_fair(days_ago):
        fair = JobFair(centre_id=officer.centre_id, title=f"Phiên {days_ago}", held_on=today - timedelta(days=days_ago),
                       ward_code=HANOI_WARD, venue="Nhà văn hóa")
        db.session.add(fair)
        db.session.commit()
        return fair

    fairs = [job_fair(days_ago) for days_ago in (3, 1, 1, 1, 2, 1, 3)]
    headers = bearer(officer)
    first = client.get("/api/v1/job-fairs", headers=headers, query_string={"size": 2}).get_json()
    job_fair(0)  # held later than every fair already listed: it belongs before the cursor, so this walk does not see it
    rest = []
    after = first["next_after"]
    while after:
        page = client.get("/api/v1/job-fairs", headers=headers, query_string={"size": 2, "after": after}).get_json()
        rest += page["items"]
        after = page["next_after"]
    listed = [(fair["held_on"], fair["id"]) for fair in first["items"] + rest]
    assert listed == sorted(((fair.held_on.isoformat(), fair.id) for fair in fairs), reverse=True)


def test_a_short_list_fits_one_page_and_the_last_page_says_so(client, app_context):
    employer = make_employer()
    owner = make_account("employer", employer_id=employer.id)
    vacancy = make_vacancy(employer)
    db.session.add_all(Application(vacancy_id=vacancy.id, job_seeker_id=make_job_seeker().id) for _number in range(2))
    db.session.commit()
    page = client.get(f"/api/v1/vacancies/{vacancy.id}/applications", headers=bearer(owner)).get_json()
    assert (len(page["items"]), page["total"], page["next_after"]) == (2, 2, None)
    exact = client.get("/api/v1/vacancies/mine", headers=bearer(owner), query_string={"size": 1}).get_json()
    assert (len(exact["items"]), exact["total"], exact["next_after"]) == (1, 1, None)  # no empty page after a full one


@pytest.mark.parametrize(
    ("after", "why"),
    [
        ("bogus!", "not a cursor"),
        ("x" * 501, "too long"),
        (encode_cursor("job_fairs", ["2025-01-01", 5]), "another list's cursor"),
        (encode_cursor("unverified_employers", ["five"]), "a key of the wrong type"),
        (encode_cursor("unverified_employers", [1, 2]), "a key of the wrong length"),
        (encode_cursor("unverified_employers", [2**60]), "a number no row has"),
    ],
)
def test_a_bad_cursor_gets_422_naming_after(client, officer, after, why):
    response = client.get("/api/v1/employers/unverified", headers=bearer(officer), query_string={"after": after})
    assert response.status_code == 422, why
    body = response.get_json()
    assert list(body["errors"]["query"]) == ["after"], why
    assert body["errors"]["query"]["after"][0].startswith("Con trỏ trang")  # in the request's language


@pytest.mark.parametrize("size", [0, 51, "many"])
def test_a_page_size_out_of_bounds_gets_422_naming_size(client, officer, size):
    response = client.get("/api/v1/job-fairs", headers=bearer(officer), query_string={"size": size})
    assert response.status_code == 422 and list(response.get_json()["errors"]["query"]) == ["size"]


def _schema(spec, schema):
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


SEARCH_EXTRAS = {"facets", "place", "understood", "chips", "ambiguous", "centre", "relaxations", "suggestions"}
ENVELOPE_EXTRAS = {("get", "/api/v1/vacancies/search"): SEARCH_EXTRAS, ("get", "/api/v1/places/resolve"): {"suggestions"}}


def test_every_list_operation_answers_the_same_envelope(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    envelopes, page_arguments, lists = [], [], set()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method not in METHODS:
                continue
            for status, response in operation["responses"].items():
                if not status.startswith("2") or "content" not in response:
                    continue
                schema = _schema(spec, response["content"]["application/json"]["schema"])
                assert schema.get("type") != "array", f"{method} {path} answers a bare array"
                if "items" not in schema.get("properties", {}) or (method, path) == ("post", "/api/v1/vacancies/batch"):
                    continue  # a batch's answer lists its rows: a report, not a page
                lists.add((method, path))
                properties = schema["properties"]
                assert properties["items"]["type"] == "array", (method, path)
                envelopes.append({name: properties[name] for name in ("total", "next_after")})
                parameters = {parameter["name"]: parameter for parameter in operation.get("parameters", []) if parameter["in"] == "query"}
                if "after" in parameters or "size" in parameters:
                    page_arguments.append((parameters["size"], parameters["after"]))
                elif method == "get":
                    assert "The whole list in one answer" in schema["description"], (method, path)
                for name in properties:
                    if name not in ("items", "total", "next_after"):
                        # Only the search adds to the envelope (its facets and what it understood of the text), and the
                        # place resolver its nearest names when nothing matched.
                        assert name in ENVELOPE_EXTRAS.get((method, path), ()), (method, path, name)
    assert all(envelope == envelopes[0] for envelope in envelopes)
    assert envelopes[0]["next_after"]["type"] == ["string", "null"]
    assert all(arguments == page_arguments[0] for arguments in page_arguments)
    assert page_arguments[0][0]["schema"] == {"type": "integer", "default": 20, "minimum": 1, "maximum": 50}
    assert {
        ("get", "/api/v1/vacancies/search"), ("get", "/api/v1/vacancies/mine"), ("get", "/api/v1/vacancies/{vacancy_id}/applications"),
        ("get", "/api/v1/vacancies/{vacancy_id}/matches"), ("get", "/api/v1/job-seekers/{job_seeker_id}/matches"),
        ("get", "/api/v1/employers/unverified"), ("get", "/api/v1/job-fairs"),
        ("get", "/api/v1/job-seekers/{job_seeker_id}/priority-statuses"), ("get", "/api/v1/job-seekers/{job_seeker_id}/consents"),
        ("post", "/api/v1/job-seekers/{job_seeker_id}/consents"), ("get", "/api/v1/job-seekers/{job_seeker_id}/applications"),
        ("get", "/api/v1/job-seekers/{job_seeker_id}/overseas-cases"), ("get", "/api/v1/job-seekers/{job_seeker_id}/eligibility"),
        ("get", "/api/v1/programmes"), ("get", "/api/v1/occupations/suggest"), ("get", "/api/v1/places/wards"),
        ("get", "/api/v1/vacancies/{vacancy_id}/invitations"), ("get", "/api/v1/job-seekers/{job_seeker_id}/invitations"),
        ("get", "/api/v1/centre/referral-requests"), ("get", "/api/v1/places/provinces"), ("get", "/api/v1/places/resolve"),
        ("get", "/api/v1/vacancies/occupation-review"), ("get", "/api/v1/centre/overseas-cases"),
        ("get", "/api/v1/centre/applications"),
    } == lists
