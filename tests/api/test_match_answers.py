"""The matching lists' answers, shaped by the compiled dump (schemas/compiled.py), checked on real lists against the
real index: each is what marshmallow's dump of the same result gives, for a reader who sees some profiles in full and
others anonymously, and each holds to the OpenAPI spec, declared field by declared field and nothing else."""
import json

import jsonschema_rs
import pytest

from jobmatch.models.account import Account
from jobmatch.schemas.matching import CandidateMatchPageSchema, VacancyMatchPageSchema
from jobmatch.services import account as account_service
from jobmatch.services import matching as matching_service
from jobmatch.services import search_index
from tests.api.test_search_answers import strict
from tests.factories import HANOI_FAR_WARD, make_account, make_centre, make_employer, make_job_seeker, make_vacancy

CONSENTS = ("show_profile", "anonymous_listing", "priority_ranking")


@pytest.fixture
def lists(indexes):
    centre, other_centre = make_centre(province_code="01"), make_centre(province_code="79")
    officer = make_account("officer", centre_id=centre.id)
    employer = make_employer(name="Công ty Cơ khí Đông Á")
    vacancy = make_vacancy(employer, title="Thợ hàn", isco_code="7212", skills=["hàn TIG"], salary_min=9_000_000,
                           salary_max=12_000_000)
    make_vacancy(employer, title="Thợ hàn ống", isco_code="7212", ward_code=HANOI_FAR_WARD, salary_negotiable=True)
    own = make_job_seeker(centre_id=centre.id, desired_isco_codes=["7212"], skills=["hàn TIG"], consents=CONSENTS,
                          expected_salary=8_000_000, willing_to_relocate=True)
    make_job_seeker(centre_id=other_centre.id, desired_isco_codes=["7212"], skills=["hàn MIG"], consents=CONSENTS)
    search_index.relay_outbox(refresh=True)
    _, token = account_service.create_api_token(actor=officer, name="tests")
    return {"officer_id": officer.id, "headers": {"Authorization": f"Bearer {token}"}, "vacancy_id": vacancy.id,
            "job_seeker_id": own.id}


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(("path", "schema", "list_of"), [
    ("/api/v1/vacancies/{vacancy_id}/matches", CandidateMatchPageSchema, "candidates_for_vacancy"),
    ("/api/v1/job-seekers/{job_seeker_id}/matches", VacancyMatchPageSchema, "jobs_for_job_seeker"),
])
def test_a_list_is_marshmallows_dump_and_holds_to_the_spec(app, client, lists, path, schema, list_of, language):
    url = path.format(**lists)
    response = client.get(url, headers={**lists["headers"], "Accept-Language": language})
    assert response.status_code == 200, response.get_data(as_text=True)
    answer = response.get_json()
    assert len(answer["items"]) == 2 and {item["explanation"]["skills_asked"][0] for item in answer["items"]} == {"hàn TIG"}
    spec = client.get("/api/v1/openapi.json").get_json()
    declared = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    validator = jsonschema_rs.Draft202012Validator({**declared, "components": strict(spec["components"])})
    errors = [f"{error.instance_path}: {error.message}" for error in validator.iter_errors(answer)]
    assert not errors, errors
    with app.test_request_context(url, headers={"Accept-Language": language}):
        officer = app.extensions["sqlalchemy"].session.get(Account, lists["officer_id"])
        subject = {"vacancy_id": lists["vacancy_id"]} if list_of == "candidates_for_vacancy" else {"job_seeker_id": lists["job_seeker_id"]}
        expected = schema().dump(getattr(matching_service, list_of)(actor=officer, **subject))
    assert answer == json.loads(json.dumps(expected))
