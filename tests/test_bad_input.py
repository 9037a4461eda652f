"""Generated bad payloads against every write operation: each is refused (400 or 422, naming fields), nothing is
stored, and nothing answers 500."""
import unicodedata
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from jobmatch.extensions import db, limiter
from jobmatch.models import Application, JobSeeker, Placement, Vacancy
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import account as account_service
from tests.conftest import data_tables
from tests.factories import HANOI_WARD, make_account, make_centre, make_employer, make_job_seeker, make_vacancy
from tests.web.helpers import csrf_token, post_form, start_session

# Values that break somewhere: wrong types, NUL bytes, control characters, huge and negative numbers, long text,
# invalid codes, past and impossible dates, nesting where a scalar belongs.
BAD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=300, max_size=6000),
    st.just("Thợ\x00hàn"),
    st.sampled_from(["99999", "0000", "00", "9999", "x", "-1", "1e309", "2026-02-30", "1800-01-01", "2999-12-31",
                     "001095000123", "+84", "Chỉ tuyển nam", "' OR 1=1 --", "<script>alert(1)</script>"]),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def payloads(valid):
    """A valid payload with some fields replaced by bad values, some removed, and sometimes an unknown field added."""
    names = sorted(valid)
    return st.builds(
        _spoil,
        st.just(valid),
        st.dictionaries(st.sampled_from(names), BAD_VALUES, min_size=1, max_size=len(names)),
        st.lists(st.sampled_from(names), max_size=2),
        st.one_of(st.none(), st.tuples(st.text(min_size=1, max_size=12), BAD_VALUES)),
    )


def _spoil(valid, replaced, removed, unknown):
    payload = {**valid, **replaced}
    for name in removed:
        payload.pop(name, None)
    if unknown and unknown[0] not in valid:
        payload[unknown[0]] = unknown[1]
    return payload


def stored_counts():
    return {table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in data_tables() if table.name != "audit_entry"}


def future(days=20):
    return (vietnam_today() + timedelta(days=days)).isoformat()


@pytest.fixture
def world():
    centre = make_centre()
    employer = make_employer()
    vacancy = make_vacancy(employer)
    job_seeker = make_job_seeker(centre_id=centre.id)
    accounts = {
        "employer": make_account("employer", employer_id=employer.id),
        "officer": make_account("officer", centre_id=centre.id),
        "job_seeker": make_account("job_seeker", job_seeker_id=job_seeker.id),
    }
    tokens = {role: account_service.create_api_token(actor=account, name=role)[1] for role, account in accounts.items()}
    # An application the employer can move, one the officer can place, one placed and waiting for its follow-ups.
    applications = {}
    for name, status in (("submitted", "submitted"), ("offered", "offered"), ("hired", "hired")):
        application = Application(vacancy_id=make_vacancy(employer, title=f"Vị trí {name}").id, job_seeker_id=job_seeker.id, status=status)
        if status == "hired":
            application.placement = Placement(hire_date=vietnam_today() - timedelta(days=100), employer_confirmed=True)
        db.session.add(application)
        db.session.commit()
        applications[name] = application.id
    return {"vacancy": vacancy.id, "job_seeker": job_seeker.id, "tokens": tokens, "applications": applications, "accounts": accounts}


def operations(world):
    """(role, method, path, a valid payload) for each write operation of the API."""
    vacancy = {"title": "Thợ hàn", "isco_code": "7212", "employment_type": "full_time", "ward_code": HANOI_WARD,
               "deadline": future(), "salary_min": 8_000_000, "salary_max": 12_000_000, "skills": ["hàn TIG"]}
    profile = {"full_name": "Hà Văn Lâm", "citizen_id": "014090000555", "birth_date": "1990-04-04", "ward_code": HANOI_WARD,
               "phone": "0912000555", "skills": ["trồng rau"], "expected_salary": 7_000_000, "visibility": "public"}
    return [
        ("employer", "POST", "/api/v1/vacancies", vacancy),
        ("employer", "PUT", f"/api/v1/vacancies/{world['vacancy']}", vacancy),
        ("employer", "POST", f"/api/v1/vacancies/{world['vacancy']}/status", {"status": "closed"}),
        ("officer", "POST", "/api/v1/job-seekers", {**profile, "consents": ["show_profile"]}),
        (
            "officer",
            "PUT",
            f"/api/v1/job-seekers/{world['job_seeker']}",
            {**profile, "citizen_id": "001095000001", "birth_date": "1995-05-17"},
        ),
        (
            "officer",
            "POST",
            f"/api/v1/job-seekers/{world['job_seeker']}/priority-statuses",
            {"category": "ethnic_minority", "ethnic_group_code": "03", "evidence": "CCCD"},
        ),
        ("job_seeker", "POST", f"/api/v1/job-seekers/{world['job_seeker']}/consents", {"purpose": "priority_ranking", "given": True}),
        ("job_seeker", "POST", "/api/v1/applications", {"vacancy_id": world["vacancy"]}),
        ("officer", "POST", "/api/v1/referrals", {"vacancy_id": world["vacancy"], "job_seeker_id": world["job_seeker"]}),
        (
            "officer",
            "POST",
            "/api/v1/job-fairs",
            {"title": "Phiên", "held_on": future(3), "ward_code": HANOI_WARD, "venue": "Nhà văn hóa", "vacancy_ids": [world["vacancy"]]},
        ),
        (
            "employer",
            "POST",
            f"/api/v1/applications/{world['applications']['submitted']}/transitions",
            {"status": "rejected", "reason": "experience"},
        ),
        (
            "officer",
            "POST",
            f"/api/v1/applications/{world['applications']['offered']}/placement",
            {"hire_date": vietnam_today().isoformat(), "employer_confirmed": True},
        ),
        (
            "officer",
            "POST",
            f"/api/v1/applications/{world['applications']['hired']}/placement/follow-ups",
            {"months": 3, "still_employed": True},
        ),
    ]


OPERATION_NAMES = ["create vacancy", "replace vacancy", "vacancy status", "walk-in", "replace profile", "priority status",
                   "consent", "apply", "referral", "job fair", "transition", "placement", "follow-up"]


@pytest.mark.parametrize("index", range(len(OPERATION_NAMES)), ids=OPERATION_NAMES)
def test_bad_api_payloads_are_refused_and_store_nothing(app, world, index):
    role, method, path, valid = operations(world)[index]
    client = app.test_client()
    headers = {"Authorization": f"Bearer {world['tokens'][role]}"}

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(payloads(valid))
    def check(payload):
        before = stored_counts()
        response = client.open(path, method=method, json=payload, headers=headers)
        assert response.status_code < 500, (payload, response.get_data(as_text=True)[:500])
        if response.status_code >= 400:
            assert response.status_code in (400, 409, 422), (payload, response.status_code)
            body = response.get_json()
            assert body["errors"] or body["message"]
            assert stored_counts() == before, payload
        db.session.rollback()

    check()


FORMS = [
    ("/employer/vacancies/new", {"title": "Thợ hàn", "isco_code": "7212", "employment_type": "full_time", "ward_code": HANOI_WARD,
                                 "deadline": (vietnam_today() + timedelta(days=20)).isoformat(), "salary_min": "8000000",
                                 "salary_max": "12000000", "skills": "hàn TIG", "openings": "2"}),
    ("/centre/job-seekers/new", {"full_name": "Hà Văn Lâm", "citizen_id": "014090000555", "birth_date": "1990-04-04",
                                 "ward_code": HANOI_WARD, "phone": "0912000555", "skills": "trồng rau", "language": "ko",
                                 "certificate": "EPS-TOPIK", "level": "150"}),
    ("/sign-up", {"full_name": "Hà Văn Lâm", "citizen_id": "014090000555", "birth_date": "1990-04-04", "ward_code": HANOI_WARD,
                  "phone": "0912000555", "password": "mật khẩu đủ dài rồi"}),
    ("/sign-up/employer", {"name": "Công ty A", "tax_code": "0101234567", "ward_code": HANOI_WARD, "contact_name": "An",
                           "email": "a@example.vn", "password": "mật khẩu đủ dài rồi"}),
]


SIGNED_IN_AS = {"/employer/vacancies/new": "employer", "/centre/job-seekers/new": "officer"}


@pytest.mark.parametrize(("path", "valid"), FORMS, ids=["vacancy form", "walk-in form", "job seeker sign-up", "employer sign-up"])
def test_bad_forms_are_refused_and_store_nothing(app, world, path, valid):
    client = app.test_client()
    if path in SIGNED_IN_AS:
        start_session(client, world["accounts"][SIGNED_IN_AS[path]])
    token = csrf_token(client, path)
    text_values = st.one_of(
        st.text(max_size=40), st.text(min_size=300, max_size=2000), st.sampled_from(["Thợ\x00hàn", "99999", "2999-01-01", "-5"])
    )

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(st.dictionaries(st.sampled_from(sorted(valid)), text_values, min_size=1))
    def check(replaced):
        limiter.reset()  # the sign-up limit is tested on its own; here every example must reach the schema
        if path in SIGNED_IN_AS:
            start_session(client, world["accounts"][SIGNED_IN_AS[path]])
        before = stored_counts()
        response = client.post(path, data={"csrf_token": token, **valid, **replaced})
        assert response.status_code in (200, 302, 400, 422), (replaced, response.status_code)
        if response.status_code in (400, 422):  # refused (200 and 302 answer a replacement that happened to be valid)
            assert stored_counts() == before, replaced
        db.session.rollback()

    check()


def test_search_boxes_take_any_text(app):
    """Control characters (which PostgreSQL refuses) in a search box are dropped, not sent to the database."""
    client = app.test_client()
    start_session(client, make_account("officer", centre_id=make_centre().id))
    assert client.get("/centre/job-seekers", query_string={"q": "Nguyễn\x00 Văn"}).status_code == 200
    start_session(client, make_account("admin"))
    assert client.get("/admin/accounts", query_string={"q": "a\x00@example.vn"}).status_code == 200


# Input limits: nesting, size, numbers that are not ASCII digits, Unicode that hides or reorders text.

def deeply_nested(depth):
    return '{"title": ' + "[" * depth + "]" * depth + "}"


@pytest.mark.parametrize("depth", [17, 5_000, 200_000])
def test_deeply_nested_json_is_refused_with_400_not_a_recursion_error(app, world, depth):
    client = app.test_client()
    headers = {"Authorization": f"Bearer {world['tokens']['employer']}"}
    before = stored_counts()
    response = client.post("/api/v1/vacancies", data=deeply_nested(depth), content_type="application/json", headers=headers)
    assert response.status_code == 400, response.get_data(as_text=True)[:300]
    assert response.get_json()["errors"] == {"json": ["Nội dung JSON lồng nhau quá nhiều tầng."]}
    assert stored_counts() == before
    # Anonymous callers learn nothing: the token is checked before the body is read.
    assert client.post("/api/v1/vacancies", data=deeply_nested(depth), content_type="application/json").status_code == 401


def test_brackets_inside_strings_do_not_count_as_nesting(app, world):
    client = app.test_client()
    headers = {"Authorization": f"Bearer {world['tokens']['employer']}"}
    vacancy = {"title": "Thợ hàn [[[[[[[[[[[[[[[[[[[[[[[[[[ {{{{{{{{{{{{{{{{{{{{{{{{ \\\" [[[[[[[[[[[[[[[[[", "isco_code": "7212",
               "employment_type": "full_time", "ward_code": HANOI_WARD, "deadline": future()}
    assert client.post("/api/v1/vacancies", json=vacancy, headers=headers).status_code == 201


def test_a_body_over_the_limit_gets_413_in_the_requests_language_and_is_never_parsed(app, world):
    client = app.test_client()
    headers = {"Authorization": f"Bearer {world['tokens']['employer']}"}
    huge = '{"title": "' + "x" * (app.config["MAX_CONTENT_LENGTH"] + 1) + '"}'
    response = client.post("/api/v1/vacancies", data=huge, content_type="application/json", headers=headers)
    assert response.status_code == 413
    assert response.get_json()["message"] == "Yêu cầu quá lớn: chỉ được gửi tối đa 1024 KB."
    response = client.post("/api/v1/vacancies?lang=en", data=huge, content_type="application/json", headers=headers)
    assert response.get_json()["message"] == "The request is too large: send at most 1024 KB."
    # Anonymous: 401 before the body is read.
    assert client.post("/api/v1/vacancies", data=huge, content_type="application/json").status_code == 401
    # A page answers with a page (in Vietnamese: a new visitor has chosen no language).
    page = app.test_client().post("/sign-in", data={"login": "a@example.vn", "password": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)})
    assert page.status_code == 413 and page.mimetype == "text/html"
    assert "Yêu cầu quá lớn: chỉ được gửi tối đa 1024 KB." in page.get_data(as_text=True)


@pytest.mark.parametrize("number", ["²", "١٢", "①", "99999999999", "-1", "0"])
def test_numbers_that_are_not_ids_send_the_form_back_without_an_error(app, world, number):
    """"²" passes str.isdigit() and int() refuses it; "١٢" is digits int() reads. Neither names a row here."""
    client = app.test_client()
    start_session(client, world["accounts"]["job_seeker"])
    response = post_form(client, "/applications", {"vacancy_id": number}, token_from="/me/applications")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    start_session(client, world["accounts"]["officer"])
    response = post_form(client, "/centre/referrals", {"vacancy_id": number, "job_seeker_id": number, "job_fair_id": number},
                         token_from="/centre/job-seekers")
    assert response.status_code == 302 and response.headers["Location"] == "/centre/job-seekers"


def test_a_centre_id_in_the_query_does_not_break_the_officers_own_statistics_link(app, world):
    client = app.test_client()
    start_session(client, world["accounts"]["officer"])
    response = client.get("/centre/statistics", query_string={"centre_id": "5", "kind": "month"})
    own = world["accounts"]["officer"].centre_id
    assert response.status_code == 302 and response.headers["Location"] == f"/statistics/centres/{own}?kind=month"


NFD_NAME = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
HIDDEN = "\u202e\u200b\u2066\u00ad\ufeff"  # right-to-left override, zero-width space, isolate, soft hyphen, byte-order mark


def test_names_and_free_text_are_stored_composed_and_without_format_characters(app, world):
    client = app.test_client()
    headers = {"Authorization": f"Bearer {world['tokens']['officer']}"}
    profile = {"full_name": f"{HIDDEN}{NFD_NAME}\u200d", "citizen_id": "001095000001", "birth_date": "1995-05-17",
               "ward_code": HANOI_WARD, "skills": [f"hàn{HIDDEN} TIG"]}
    response = client.put(f"/api/v1/job-seekers/{world['job_seeker']}", json=profile, headers=headers)
    assert response.status_code == 200, response.get_json()
    job_seeker = db.session.get(JobSeeker, world["job_seeker"])
    assert (job_seeker.full_name, job_seeker.skills) == ("Nguyễn Thị Hường", ["hàn TIG"])
    # An officer's search, typed either way, finds the person.
    start_session(client, world["accounts"]["officer"])
    for typed in ("Hường", unicodedata.normalize("NFD", "Hường")):
        page = client.get("/centre/job-seekers", query_string={"q": typed}).get_data(as_text=True)
        assert "Nguyễn Thị Hường" in page, typed
    # A form writes the same way.
    start_session(client, world["accounts"]["employer"])
    response = post_form(client, "/employer/vacancies/new", {
        "title": f"\u202eThợ hàn{HIDDEN}", "isco_code": "7212", "employment_type": "full_time", "ward_code": HANOI_WARD,
        "deadline": future(), "description": unicodedata.normalize("NFD", "Hàn ống\u200b áp lực"), "openings": "1",
    }, token_from="/employer/vacancies/new")
    assert response.status_code == 302
    vacancy = db.session.scalars(select(Vacancy).order_by(Vacancy.id.desc())).first()
    assert (vacancy.title, vacancy.description) == ("Thợ hàn", "Hàn ống áp lực")
