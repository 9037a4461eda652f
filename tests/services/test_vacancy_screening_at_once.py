"""One submission names every refusal (issue 19): a vacancy form, API body, spreadsheet row or draft published with
another error (a field missing or malformed, a passed deadline) is told at once what its words may not say, each
refusal beside its field, quoting the employer's words and citing the article; nothing is stored."""
import io
import re
from datetime import timedelta

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Vacancy
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import vacancy_screening
from tests.factories import HANOI_WARD, make_account, make_agency, make_employer, make_vacancy
from tests.services.test_vacancy_screening import BAD_TITLE, FORM, JSON, bearer, korea, quoted
from tests.web.helpers import csrf_token, post_form, start_session

REFUSED_WORDS = "là chọn người lao động theo"
ARTICLE = "khoản 8 Điều 3"


def field_errors(page, name):
    """The messages a form page shows under the input named (the macros' <div class="field"> around it)."""
    block = re.search(rf'<div class="field[^"]*">(?:(?!<div class="field).)*?id="f-{name}".*?(?=<div class="field|</form>)', page, re.S)
    return re.findall(r'<p class="error" role="alert">([^<]*)</p>', block.group(0)) if block else []


def web_form(client, world, path):
    form = {name: value for name, value in FORM.items() if name != "deadline"}  # a field missing
    answer = post_form(client, path.format(id=world.closed.id), form, token_from=path.format(id=world.closed.id))
    page = answer.get_data(as_text=True)
    return answer.status_code, {name: field_errors(page, name) for name in ("title", "deadline")}


def web_publish(client, world):
    path = f"/employer/vacancies/{world.late_draft.id}/applications"
    answer = post_form(client, f"/employer/vacancies/{world.late_draft.id}/status", {"status": "open"}, token_from=path)
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    notices = re.findall(r"(Tên công việc|Hạn nộp hồ sơ)\s*:\s*([^<]*)", page)
    return answer.status_code, {"title" if label == "Tên công việc" else "deadline": [message] for label, message in notices}


def api(client, world, method, path, body):
    answer = client.open(path.format(id=world.closed.id, draft=world.late_draft.id), method=method, json=body, headers=world.token)
    return answer.status_code, (answer.get_json().get("errors") or {}).get("json", {})


def spreadsheet(client, world):
    book = Workbook()
    book.active.append(["Chức danh", "Mã nghề ISCO-08", "Nơi làm việc", "Loại hình", "Hạn nộp hồ sơ", "Đăng ngay"])
    book.active.append([BAD_TITLE, "7212", HANOI_WARD, "Toàn thời gian", "31/02/2099", "Có"])  # no such day
    content = io.BytesIO()
    book.save(content)
    path = "/employer/vacancies/import"
    answer = client.post(path, data={"csrf_token": csrf_token(client, path), "file": (io.BytesIO(content.getvalue()), "tin.xlsx")},
                         content_type="multipart/form-data")
    page = answer.get_data(as_text=True)
    return answer.status_code, {"title": re.findall(rf"“[^“<]*{REFUSED_WORDS}[^<]*", page),
                                "deadline": re.findall(r"Hạn nộp hồ sơ[^<]*</[^>]+>\s*[^<]+", page)}


# (the path, how it is taken, the status answered); each answer gives {field: [messages]}
PATHS = [
    ("form: a new vacancy", lambda client, world: web_form(client, world, "/employer/vacancies/new"), 422),
    ("form: a copy", lambda client, world: web_form(client, world, "/employer/vacancies/new?copy_of={id}"), 422),
    ("form: an edit", lambda client, world: web_form(client, world, "/employer/vacancies/{id}/edit"), 422),
    ("page: publishing a late draft", web_publish, 302),
    ("spreadsheet preview", spreadsheet, 422),
    ("API: post", lambda client, world: api(client, world, "POST", "/api/v1/vacancies", {
        name: value for name, value in JSON.items() if name != "deadline"}), 422),
    ("API: replace", lambda client, world: api(client, world, "PUT", "/api/v1/vacancies/{id}", {
        **{name: value for name, value in JSON.items() if name != "publish"}, "deadline": "31/02/2099"}), 422),
    ("API: publish a late draft", lambda client, world: api(client, world, "POST", "/api/v1/vacancies/{draft}/status",
                                                            {"status": "open"}), 422),
]


@pytest.mark.parametrize(("path", "take", "status"), PATHS, ids=[path for path, *_ in PATHS])
def test_a_submission_with_other_errors_hears_at_once_what_its_words_may_not_say(client, path, take, status):
    employer = make_employer(name="Công ty Cơ khí Đông Á")
    owner = make_account("employer", employer_id=employer.id)
    closed = make_vacancy(employer, title="Thợ hàn TIG", isco_code="7212", status="closed")
    late_draft = make_vacancy(employer, title=BAD_TITLE, isco_code="7212", status="draft",
                              deadline=vietnam_today() - timedelta(days=1))
    world = type("World", (), {"closed": closed, "late_draft": late_draft, "token": bearer(owner)})
    start_session(client, owner)
    before = db.session.execute(select(Vacancy.id, Vacancy.status, Vacancy.title, Vacancy.version).order_by(Vacancy.id)).all()

    answered, errors = take(client, world)

    assert answered == status
    assert errors["deadline"], errors  # the other error, named
    titles = errors["title"]  # each ground of the title named, its own words quoted: the sex and the age at once
    assert titles and all(REFUSED_WORDS in title and ARTICLE in title and quoted(title) in BAD_TITLE for title in titles)
    assert any("“dưới 35 tuổi”" in title for title in titles), titles
    db.session.rollback()
    assert db.session.execute(select(Vacancy.id, Vacancy.status, Vacancy.title, Vacancy.version).order_by(Vacancy.id)).all() == before


def test_what_waits_for_a_refused_field_and_what_does_not(programmes):
    """The words are read whatever else failed; abroad an age is not refused while the programme whose own range it may
    restate is unknown, and a claim of EPS is read only once the programme chosen is known."""
    public = make_account("employer", employer_id=make_employer(name="Trung tâm Dịch vụ việc làm", public_body=True).id)
    agency = make_account("employer", employer_id=make_agency().id)
    eps_ages = korea(language_requirement="Từ 18 đến 39 tuổi")
    cases = [
        (public, {**eps_ages, "programme": "EPS"}, {"deadline"}, set()),
        (public, eps_ages, {"deadline", "programme"}, set()),  # the programme refused: its ages may be the ones stated
        (public, {**eps_ages, "programme": "EPS"}, {"is_overseas"}, set()),  # not known to be abroad: the same
        (public, {**eps_ages, "programme": "EPS", "title": BAD_TITLE}, {"deadline"}, {"title"}),
        (agency, korea(title="Lao động nông nghiệp tại Hàn Quốc (EPS)"), {"deadline"}, {"title"}),
        (agency, korea(title="Lao động nông nghiệp tại Hàn Quốc (EPS)"), {"programme"}, set()),
    ]
    for account, fields, refused, expected in cases:
        valid = {name: value for name, value in fields.items() if name not in refused}
        errors = vacancy_screening.errors_beside_refused_fields(actor=account, valid=valid, refused=refused)
        assert set(errors) == expected, (fields, refused, errors)
    outsider = make_account("employer", employer_id=make_employer().id)
    someone_elses = make_vacancy(make_employer(name="Công ty khác"), title=BAD_TITLE)
    assert vacancy_screening.errors_beside_refused_fields(actor=outsider, valid={}, refused={"deadline"},
                                                          vacancy_id=someone_elses.id) == {}


def test_a_refused_body_is_screened_as_its_load_would_read_it(client):
    """The valid fields of a refused body are screened as a load that succeeds would store them: pay written "1.200 USD"
    with the currency left at its default is 1,200 dollars, not 1,200 đồng, so its fee is not wrongly said to be
    above the cap while the deadline is missing (nor anything else said that the same body with a deadline is not)."""
    agency = make_account("employer", employer_id=make_agency().id)
    token = bearer(agency)
    whole = {"title": "Lao động nông nghiệp tại Hàn Quốc", "isco_code": "9211", "employment_type": "full_time",
             "deadline": (vietnam_today() + timedelta(days=20)).isoformat(), "is_overseas": True,
             "destination_country": "KR", "contract_months": 36, "salary_min": "1.200 USD",
             "fees": [{"kind": "service", "amount_vnd": 20_000_000}]}
    late = {name: value for name, value in whole.items() if name != "deadline"}
    posted = client.post("/api/v1/vacancies", json=whole, headers=token)
    assert posted.status_code == 201, posted.get_json()
    refused = client.post("/api/v1/vacancies", json=late, headers=token)
    assert refused.status_code == 422 and set(refused.get_json()["errors"]["json"]) == {"deadline"}, refused.get_json()
    [row] = client.post("/api/v1/vacancies/batch", json={"vacancies": [{**late, "external_ref": "KR-1"}]},
                        headers=token).get_json()["items"]
    assert set(row["errors"]) == {"deadline"}, row
