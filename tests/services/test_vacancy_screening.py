"""A vacancy's words are screened on every path that stores them or makes them public again (issue 19, items 6 and 7):
the form (new, a copy, an edit), the API (post, replace, a batch), a spreadsheet, publishing a draft and reopening a
closed vacancy, each refused the same way (the field named, the employer's own words quoted, the article cited) with
nothing stored; and words that claim the EPS programme bring its recruiter rule with them."""
import io
import re
from datetime import timedelta

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.jobs import close_vacancies_outside_the_rules
from jobmatch.models import Notification, Vacancy
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import account as account_service
from jobmatch.services import notification as notification_service
from jobmatch.services import vacancy as vacancy_service
from jobmatch.services.errors import InvalidRequest
from tests.factories import HANOI_WARD, make_account, make_agency, make_employer, make_vacancy, refusal, vacancy_fields
from tests.web.helpers import csrf_token, post_form, start_session

BAD_TITLE = "Thợ hàn nam dưới 35 tuổi"
DEADLINE = (vietnam_today() + timedelta(days=20)).isoformat()
FORM = {"title": BAD_TITLE, "isco_code": "7212", "description": "Hàn kết cấu thép.", "employment_type": "full_time",
        "openings": "2", "salary_min": "9000000", "salary_max": "12000000", "deadline": DEADLINE, "province": "01",
        "ward_code": HANOI_WARD, "publish": "1"}
JSON = {**{name: FORM[name] for name in ("title", "isco_code", "description", "employment_type", "deadline", "ward_code")},
        "salary_min": 9_000_000, "salary_max": 12_000_000, "publish": True}


def bearer(account):
    return {"Authorization": f"Bearer {account_service.create_api_token(actor=account, name='test')[1]}"}


def quoted(message):
    return re.search(r"“([^”]+)”", message).group(1)


def web_form(client, world, path):
    page = post_form(client, path.format(id=world.closed.id), FORM, token_from=path.format(id=world.closed.id))
    return page.status_code, page.get_data(as_text=True)


def web_reopen(client, world):
    path = f"/employer/vacancies/{world.closed.id}/applications"
    answer = post_form(client, f"/employer/vacancies/{world.closed.id}/status", {"status": "open"}, token_from=path)
    assert answer.status_code == 302
    page = client.get(answer.headers["Location"])
    return page.status_code, page.get_data(as_text=True)


def api(client, world, method, path, body):
    answer = client.open(path.format(id=world.closed.id, draft=world.draft.id), method=method, json=body, headers=world.token)
    errors = (answer.get_json().get("errors") or {}).get("json", {})
    return answer.status_code, errors


def api_batch(client, world):
    answer = client.post("/api/v1/vacancies/batch", json={"vacancies": [{**JSON, "external_ref": "TD-1"}]}, headers=world.token)
    item = answer.get_json()["items"][0]
    return answer.status_code, item["errors"] if item["outcome"] == "refused" else {}


def spreadsheet(client, world):
    book = Workbook()
    book.active.append(["Chức danh", "Mã nghề ISCO-08", "Nơi làm việc", "Loại hình", "Hạn nộp hồ sơ", "Đăng ngay"])
    book.active.append([BAD_TITLE, "7212", HANOI_WARD, "Toàn thời gian", (vietnam_today() + timedelta(days=20)).strftime("%d/%m/%Y"), "Có"])
    content = io.BytesIO()
    book.save(content)
    path = "/employer/vacancies/import"
    answer = client.post(path, data={"csrf_token": csrf_token(client, path), "file": (io.BytesIO(content.getvalue()), "tin.xlsx")},
                         content_type="multipart/form-data")
    return answer.status_code, answer.get_data(as_text=True)


# (the path, how it is taken, the status answered, whether the answer is a page or the API's errors by field)
PATHS = [
    ("form: a new vacancy", lambda client, world: web_form(client, world, "/employer/vacancies/new"), 422),
    ("form: a copy of a closed one", lambda client, world: web_form(client, world, "/employer/vacancies/new?copy_of={id}"), 422),
    ("form: an edit", lambda client, world: web_form(client, world, "/employer/vacancies/{id}/edit"), 422),
    ("page: reopening", web_reopen, 200),
    ("spreadsheet import", spreadsheet, 422),  # no row can be saved
    ("API: post", lambda client, world: api(client, world, "POST", "/api/v1/vacancies", JSON), 422),
    ("API: replace", lambda client, world: api(client, world, "PUT", "/api/v1/vacancies/{id}", {
        name: value for name, value in JSON.items() if name != "publish"}), 422),
    ("API: reopen", lambda client, world: api(client, world, "POST", "/api/v1/vacancies/{id}/status", {"status": "open"}), 422),
    ("API: publish a draft", lambda client, world: api(client, world, "POST", "/api/v1/vacancies/{draft}/status", {"status": "open"}), 422),
    ("API: batch", api_batch, 200),
]


@pytest.mark.parametrize(("path", "take", "status"), PATHS, ids=[path for path, *_ in PATHS])
def test_every_path_that_writes_or_reopens_a_vacancy_refuses_discriminating_words_and_stores_nothing(client, path, take, status):
    employer = make_employer(name="Công ty Cơ khí Đông Á")
    owner = make_account("employer", employer_id=employer.id)
    # Stored before the rule read them (an older check, or data carried over): reopening or publishing reads them again.
    closed = make_vacancy(employer, title=BAD_TITLE, isco_code="7212", status="closed")
    draft = make_vacancy(employer, title=BAD_TITLE, isco_code="7212", status="draft")
    world = type("World", (), {"closed": closed, "draft": draft, "token": bearer(owner)})
    start_session(client, owner)
    before = db.session.execute(select(Vacancy.id, Vacancy.status, Vacancy.title, Vacancy.version).order_by(Vacancy.id)).all()

    answered, shown = take(client, world)

    assert answered == status
    if isinstance(shown, dict):  # the API: the field named, with the message
        message = shown["title"][0]
    else:  # a page: the message, after the field's label where no input carries it
        message = re.search(r"“[^“]*?Bộ luật Lao động 2019[^<]*", shown).group(0)
        label = {"page: reopening": "Tên công việc: “", "spreadsheet import": "Chức danh"}.get(path)
        assert label is None or label in shown
    assert quoted(message) in BAD_TITLE  # the employer's own words, as written
    assert "Bộ luật Lao động 2019" in message and "khoản 8 Điều 3" in message
    db.session.rollback()
    assert db.session.execute(select(Vacancy.id, Vacancy.status, Vacancy.title, Vacancy.version).order_by(Vacancy.id)).all() == before


def test_every_field_refused_is_named_at_once_and_a_programmes_own_age_range_may_be_restated(programmes):
    owner = make_account("employer", employer_id=make_employer().id)
    answer = refusal(lambda: vacancy_service.post_vacancy(actor=owner, fields=vacancy_fields(
        title=BAD_TITLE, description="Ngoại hình ưa nhìn", skills=["hàn", "độc thân"])))
    assert answer.startswith("title: “")
    with pytest.raises(InvalidRequest) as refused:
        vacancy_service.post_vacancy(actor=owner, fields=vacancy_fields(
            title=BAD_TITLE, description="Ngoại hình ưa nhìn", skills=["hàn", "độc thân"]))
    assert set(refused.value.errors) == {"title", "description", "skills"}
    assert "“Ngoại hình”, “ưa nhìn” là chọn người lao động theo ngoại hình" in refused.value.errors["description"][0]
    public = make_account("employer", employer_id=make_employer(name="Trung tâm Dịch vụ việc làm", public_body=True).id)
    stated = vacancy_service.post_vacancy(actor=public, fields=korea(programme="EPS", language_requirement="Từ 18 đến 39 tuổi"))
    assert stated.language_requirement == "Từ 18 đến 39 tuổi"
    answer = refusal(lambda: vacancy_service.post_vacancy(actor=public, fields=korea(
        programme="EPS", language_requirement="Từ 18 đến 30 tuổi")))
    assert answer.startswith("language_requirement: “Từ 18 đến 30 tuổi” là chọn người lao động theo độ tuổi")


def korea(**overrides):
    """An overseas vacancy in Korea, posted for no programme."""
    return vacancy_fields(**{"title": "Lao động nông nghiệp tại Hàn Quốc", "isco_code": "9211", "ward_code": None,
                             "is_overseas": True, "destination_country": "KR", "programme": None, "contract_months": 36,
                             "salary_min": 45_000_000, "salary_max": 50_000_000, "fees": [], **overrides})


EPS_REFUSED = "chỉ do Trung tâm Lao động ngoài nước"
# (who posts, the vacancy, the field refused or None)
CLAIMS = [
    ("agency", korea(title="Lao động nông nghiệp tại Hàn Quốc (EPS)"), "title"),
    ("agency", korea(title="Lao dong nong nghiep tai Han Quoc theo EPS"), "title"),
    ("agency", korea(description="Đi Hàn Quốc theo chương trình EPS, visa E-9."), "description"),
    ("agency", korea(title="Công nhân sản xuất - visa E9"), "title"),
    ("agency", korea(title="Chương trình cấp phép việc làm - ngành sản xuất"), "title"),
    ("agency", korea(title="Công nhân sản xuất tấm panel EPS"), None),  # the foam board, not the programme
    ("agency", korea(), None),  # no programme claimed
    ("agency", vacancy_fields(title="Lao động nông nghiệp tại Hàn Quốc (EPS)", isco_code="9211"), "title"),  # at home
    ("agency", vacancy_fields(title="Tuyển lao động đi Hàn theo chương trình EPS", isco_code="9211"), "title"),
    ("agency", vacancy_fields(title="Tuyển lao động cho đơn hàng đi Hàn, chương trình EPS", isco_code="9211"), "title"),
    ("company", vacancy_fields(title="Phiên dịch tiếng Hàn cho người lao động EPS về nước", isco_code="2643"), None),
    ("company", vacancy_fields(title="Giáo viên tiếng Hàn luyện thi EPS-TOPIK cho lao động đi Hàn", isco_code="2353"), None),
    ("public body", korea(title="Lao động nông nghiệp tại Hàn Quốc (EPS)"), None),
    ("public body", korea(title="Lao động sản xuất tại Hàn Quốc (EPS)", fees=[{"kind": "service", "amount_vnd": 4_500_000}]), "fees"),
]


@pytest.mark.parametrize(("who", "fields", "field"), CLAIMS, ids=[fields["title"] + (" · " + who) for who, fields, _ in CLAIMS])
def test_words_that_claim_eps_bring_its_recruiter_rule_whatever_programme_is_chosen(programmes, who, fields, field):
    employer = {"agency": make_agency, "company": make_employer, "public body": lambda: make_employer(
        name="Trung tâm Dịch vụ việc làm Hà Nội", public_body=True)}[who]()
    account = make_account("employer", employer_id=employer.id)
    answer = refusal(lambda: vacancy_service.post_vacancy(actor=account, fields=dict(fields)))
    stored = db.session.scalar(select(func.count()).select_from(Vacancy))
    if field is None:
        assert answer == "done" and stored == 1
        return
    named, message = answer.split(": ", 1)
    assert named == field and stored == 0
    if field != "fees":
        assert EPS_REFUSED in message and quoted(message) in fields[field]


def test_the_daily_job_closes_the_open_vacancies_that_claim_eps_in_words_and_tells_their_company_once(programmes):
    """Posted before this check: an agency's vacancy in Korea saying EPS for no programme is closed; lawful mentions stay."""
    agency = make_agency()
    account = make_account("employer", employer_id=agency.id)
    public = make_employer(name="Trung tâm Dịch vụ việc làm Hà Nội", public_body=True)
    cases = [
        (make_vacancy(agency, **korea(title="Lao động nông nghiệp tại Hàn Quốc (EPS)")), "closed"),
        (make_vacancy(agency, **korea(title="Công nhân sản xuất", description="Visa E-9, đi Hàn theo EPS")), "closed"),
        (make_vacancy(agency, **korea(title="Công nhân sản xuất tấm panel EPS")), "open"),
        (make_vacancy(agency, title="Phiên dịch tiếng Hàn cho người lao động EPS về nước", isco_code="2643"), "open"),
        (make_vacancy(public, **korea(title="Lao động nông nghiệp tại Hàn Quốc (EPS)")), "open"),
        (make_vacancy(agency, status="draft", **korea(title="Lao động xây dựng tại Hàn Quốc (EPS)")), "draft"),
        (make_vacancy(agency, **korea(title="Công nhân chế biến", skills=["Đã thi EPS-TOPIK"])), "closed"),  # in skills only
        (make_vacancy(agency, **korea(title="Công nhân sản xuất, visa E–9")), "closed"),
        (make_vacancy(agency, **korea(title="Công nhân lắp ráp", description="Visa E.9")), "closed"),
        (make_vacancy(agency, **korea(title="CHƯƠNG TRÌNH CẤP PHÉP VIỆC LÀM - NGÀNH SẢN XUẤT")), "closed"),  # capitals
    ]
    assert close_vacancies_outside_the_rules(vietnam_today().isoformat()) == "closed=6"
    db.session.expire_all()
    assert [db.session.get(Vacancy, vacancy.id).status for vacancy, _ in cases] == [status for _, status in cases]
    told = [notification_service.text(notice) for notice in db.session.scalars(
        select(Notification).where(Notification.account_id == account.id).order_by(Notification.id))]
    assert told == [f"Tin tuyển dụng “{vacancy.title}” đã bị đóng: chỉ Trung tâm Lao động ngoài nước và các trung tâm dịch "
                    "vụ việc làm công được ủy quyền mới tuyển chọn lao động cho EPS, và người lao động không phải trả phí dịch vụ "
                    "hay phí môi giới nào." for vacancy, status in cases if status == "closed"]
    assert close_vacancies_outside_the_rules(vietnam_today().isoformat()) == "closed=0"  # told once


@pytest.mark.parametrize(
    ("requirement", "vietnamese", "english"),
    [
        ("Chỉ nhận người quê Quảng Ngãi",
         "“người quê Quảng Ngãi” là chọn người lao động theo nguồn gốc quốc gia hoặc nguồn gốc xã hội",
         "“người quê Quảng Ngãi” chooses workers by national or social origin"),
        ("Cam kết không tham gia công đoàn",
         "“không tham gia công đoàn” là chọn người lao động theo việc tham gia hoặc hoạt động công đoàn",
         "“không tham gia công đoàn” chooses workers by trade union membership or activity"),
    ],
)
def test_origin_and_union_are_refused_naming_their_ground_in_the_request_language(client, requirement, vietnamese, english):
    token = bearer(make_account("employer", employer_id=make_employer().id))
    for language, expected in (("vi", vietnamese), ("en", english)):
        answer = client.post("/api/v1/vacancies", json={**JSON, "description": requirement},
                             headers={**token, "Accept-Language": language})
        assert answer.status_code == 422
        message = answer.get_json()["errors"]["json"]["description"][0]
        assert message.startswith(expected)
    assert "(Art. 3(8) and Art. 8(1))" in message
    assert db.session.scalar(select(func.count()).select_from(Vacancy)) == 0
