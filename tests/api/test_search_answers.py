"""The search's answers, shaped by the compiled dump (schemas/compiled.py) and encoded by orjson (json_provider.py),
checked on real searches against the real index: each is what marshmallow's dump of the same result gives, and
each holds to the OpenAPI spec, declared field by declared field and nothing else."""
import json

import jsonschema_rs
import pytest
from sqlalchemy import event

from jobmatch.extensions import db
from jobmatch.schemas.vacancy import VacancySearchArgsSchema, VacancySearchPageSchema
from jobmatch.services import search_index
from jobmatch.services import vacancy as vacancy_service
from tests.factories import HANOI_FAR_WARD, HANOI_WARD, make_employer, make_vacancy

SEARCHES = {
    "everything, with every facet": {},
    "words without diacritics": {"q": "ke toan"},
    "a place read in the text, with several meanings": {"q": "ke toan long bien"},
    "work abroad read in the text": {"q": "xkld han quoc"},
    "nothing found: the ways out": {"q": "tho han", "country": "KR"},
    "a radius, nearest first, with distances": {"ward": HANOI_WARD, "radius_km": 50, "sort": "nearest"},
    "a page of one, with the next cursor": {"size": 1, "sort": "newest", "employment_type": ["full_time", "contract"]},
    "filters as chips": {"province": "01", "isco": "2411", "salary_min": "9 triệu", "scope": "domestic"},
}


@pytest.fixture
def vacancies(indexes, programmes):
    employer = make_employer(name="Công ty TNHH Sông Hồng")
    make_vacancy(employer, title="Kế toán tổng hợp", isco_code="2411", salary_min=10_000_000, salary_max=15_000_000)
    make_vacancy(employer, title="Thợ hàn TIG", isco_code="7212", ward_code=HANOI_FAR_WARD, employment_type="contract")
    make_vacancy(employer, title="Lao động sản xuất tại Hàn Quốc (EPS)", isco_code="9329", ward_code=None, is_overseas=True,
                 destination_country="KR", programme="EPS", employment_type="contract", salary_min=45_000_000, salary_max=55_000_000)
    search_index.relay_outbox(refresh=True)


def strict(schema):
    """The spec's schemas, each object refusing any property it does not declare."""
    if isinstance(schema, list):
        return [strict(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    made = {key: strict(value) for key, value in schema.items()}
    if isinstance(made.get("properties"), dict) and "additionalProperties" not in made:
        made["additionalProperties"] = False
    return made


@pytest.fixture
def page_validator(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    answer = spec["paths"]["/api/v1/vacancies/search"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    return jsonschema_rs.Draft202012Validator({**answer, "components": strict(spec["components"])})


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("params", SEARCHES.values(), ids=SEARCHES.keys())
def test_an_answer_is_marshmallows_dump_and_holds_to_the_spec(app, client, vacancies, page_validator, params, language):
    client.set_cookie("lang", language)  # the language a page chose, which the API answers in too
    response = client.get("/api/v1/vacancies/search", query_string=params)
    assert response.status_code == 200 and response.mimetype == "application/json", response.get_data(as_text=True)
    answer = response.get_json()
    errors = [f"{error.instance_path}: {error.message}" for error in page_validator.iter_errors(answer)]
    assert not errors, errors
    with app.test_request_context("/api/v1/vacancies/search", query_string=params, headers={"Cookie": f"lang={language}"}):
        filters = VacancySearchArgsSchema().load(
            {name: values if name == "employment_type" else values[0] for name, values in _query(params).items()})
        expected = VacancySearchPageSchema().dump(vacancy_service.search_vacancies(filters=filters))
    assert answer == json.loads(json.dumps(expected))


def test_the_searches_show_what_they_should(client, vacancies):
    """The answers compared above are not empty ones: facets labelled, text read, ways out, distances, cursors."""
    answers = {name: client.get("/api/v1/vacancies/search", query_string=params).get_json() for name, params in SEARCHES.items()}
    facets = answers["everything, with every facet"]["facets"]
    assert [value["label"][:6] for value in facets["programme"]] == ["EPS – "]
    assert answers["a place read in the text, with several meanings"]["ambiguous"]
    assert answers["work abroad read in the text"]["understood"]["abroad"]
    assert answers["nothing found: the ways out"]["relaxations"]
    near = answers["a radius, nearest first, with distances"]
    assert near["items"] and all(hit["distance_km"] is not None for hit in near["items"]) and near["centre"]
    assert answers["a page of one, with the next cursor"]["next_after"]
    assert [chip["kind"] for chip in answers["filters as chips"]["chips"]] == ["province", "isco", "salary_min", "scope"]
    hit = answers["words without diacritics"]["items"][0]["vacancy"]
    assert hit["posted_at"].endswith("+00:00") and len(hit["deadline"]) == 10
    client.set_cookie("lang", "en")
    english = client.get("/api/v1/vacancies/search").get_json()["facets"]
    client.set_cookie("lang", "vi")
    vietnamese = client.get("/api/v1/vacancies/search").get_json()["facets"]
    assert {value["label"] for value in english["employment_type"]} == {"Full time", "Fixed-term contract"}
    assert {value["label"] for value in vietnamese["employment_type"]} == {"Toàn thời gian", "Hợp đồng có thời hạn"}


def _query(params):
    """The arguments as a query string carries them: every value a list of text."""
    return {name: [str(item) for item in value] if isinstance(value, list) else [str(value)] for name, value in params.items()}


def test_a_search_reads_the_database_in_few_statements(app, client, vacancies):
    """Counted from SQLAlchemy's own events, for a search asked a second time (reference data is read once per process):
    the page's summaries with their places (both kinds, in one statement), and the programmes' names when a programme facet
    shows (an administrator may rename one); never a statement per hit, nor one for a ward or an occupation's label."""
    statements = []

    def record(connection, cursor, statement, *args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        counts = {}
        for name, params in SEARCHES.items():
            client.get("/api/v1/vacancies/search", query_string=params)
            statements.clear()
            assert client.get("/api/v1/vacancies/search", query_string=params).status_code == 200
            counts[name] = len(statements)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert counts == {
        "everything, with every facet": 2, "words without diacritics": 1, "a place read in the text, with several meanings": 1,
        "work abroad read in the text": 2, "nothing found: the ways out": 1, "a radius, nearest first, with distances": 1,
        "a page of one, with the next cursor": 2, "filters as chips": 1,
    }
