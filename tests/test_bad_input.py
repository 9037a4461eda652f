"""Generated bad payloads against every write operation: each is refused (400 or 422, naming fields), nothing is
stored, and nothing answers 500."""
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from jobmatch.extensions import db, limiter
from jobmatch.models import Application, Placement
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import account as account_service
from tests.conftest import data_tables
from tests.factories import HANOI_WARD, make_account, make_centre, make_employer, make_job_seeker, make_vacancy
from tests.web.helpers import csrf_token, start_session

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
