"""Vacancies within the programmes' rules (issue 19, item 6): only public bodies recruit for EPS, with no service fee, whichever
way a vacancy comes in (API, form, batch, edit, publication); a placement licence in force to publish abroad, checked
daily; the licence shown on every overseas vacancy, and EPS's warning against brokers on its pages."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.jobs import close_vacancies_outside_the_rules
from jobmatch.models import Notification, Vacancy
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import account as account_service
from jobmatch.services import notification as notification_service
from tests.factories import make_account, make_agency, make_employer, make_vacancy, vacancy_fields
from tests.web.helpers import post_form, start_session

TODAY = vietnam_today()
VISA_FEE = [{"kind": "visa_health", "amount_vnd": 4_500_000}]
SERVICE_FEE = [{"kind": "service", "amount_vnd": 4_500_000}]
PUBLIC_ONLY_VI = "Chỉ Trung tâm Lao động ngoài nước và các trung tâm dịch vụ việc làm công"


def abroad(programme="EPS", fees=(), **overrides):
    country = {"EPS": "KR", "TITP": "JP"}[programme]
    body = {**vacancy_fields(title="Lao động nông nghiệp tại Hàn Quốc", isco_code="6111", ward_code=None, is_overseas=True,
                             destination_country=country, programme=programme, contract_months=36, salary_min=45_000_000,
                             salary_max=50_000_000, employment_type="contract", fees=list(fees)), **overrides}
    body["deadline"] = body["deadline"].isoformat()
    return {name: value for name, value in body.items() if value is not None}


def public_body():
    return make_employer(name="Trung tâm Lao động ngoài nước", public_body=True)


def bearer(employer, language="vi"):
    account = make_account("employer", employer_id=employer.id)
    return {"Authorization": f"Bearer {account_service.create_api_token(actor=account, name='t')[1]}", "Accept-Language": language}


def count_vacancies():
    return db.session.scalar(select(func.count()).select_from(Vacancy))


@pytest.mark.parametrize(("poster", "body", "language", "field", "words"), [
    (make_agency, abroad(), "vi", "programme", PUBLIC_ONLY_VI),
    (make_agency, abroad(), "en", "programme", "Only the Centre of Overseas Labour and the public employment service centres"),
    (make_agency, abroad(fees=VISA_FEE), "vi", "programme", "không được đăng tin hay thu bất kỳ khoản phí nào"),
    (public_body, abroad(fees=SERVICE_FEE), "vi", "fees", "không phải trả phí dịch vụ hay phí môi giới"),
    (public_body, abroad(fees=VISA_FEE), "vi", None, None),  # the worker's own costs, listed openly
    (lambda: make_agency(overseas_licence_expires=TODAY - timedelta(days=1)), abroad("TITP"), "vi", "is_overseas", "giấy phép"),
    (public_body, abroad(), "vi", None, None),  # the Centre posts EPS, without a licence and without fees
    (make_agency, abroad("TITP", fees=VISA_FEE), "vi", None, None),
])
def test_who_may_post_for_a_programme_through_the_api(client, programmes, poster, body, language, field, words):
    employer = poster()
    answer = client.post("/api/v1/vacancies", json=body, headers=bearer(employer, language))
    if field is None:
        assert answer.status_code == 201, answer.get_json()
        shown = answer.get_json()["employer"]
        assert (shown["public_body"], shown["overseas_licence"], shown["overseas_licence_expires"]) == (
            employer.public_body, employer.overseas_licence,
            employer.overseas_licence_expires.isoformat() if employer.overseas_licence_expires else None)
        assert count_vacancies() == 1
        return
    assert answer.status_code == 422
    errors = answer.get_json()["errors"]["json"]
    assert list(errors) == [field] and words in errors[field][0]
    assert count_vacancies() == 0


def test_the_rule_holds_on_edit_publication_batch_and_form(client, programmes):
    agency = make_agency()
    headers = bearer(agency)
    titp = make_vacancy(agency, status="draft", **{**vacancy_fields(**abroad("TITP")), "deadline": TODAY + timedelta(days=30)})
    edited = client.put(f"/api/v1/vacancies/{titp.id}", json=abroad(), headers=headers)
    assert edited.status_code == 422 and list(edited.get_json()["errors"]["json"]) == ["programme"]
    db.session.refresh(titp)
    assert titp.programme == "TITP"

    # A draft stored before the rule (or before the licence expired) cannot be published.
    eps_draft = make_vacancy(agency, status="draft", **{**vacancy_fields(**abroad()), "deadline": TODAY + timedelta(days=30)})
    published = client.post(f"/api/v1/vacancies/{eps_draft.id}/status", json={"status": "open"}, headers=headers)
    assert published.status_code == 422 and PUBLIC_ONLY_VI in published.get_json()["errors"]["json"]["programme"][0]
    agency.overseas_licence_expires = TODAY - timedelta(days=1)
    db.session.commit()
    expired = client.post(f"/api/v1/vacancies/{titp.id}/status", json={"status": "open"}, headers=headers)
    assert expired.status_code == 422 and list(expired.get_json()["errors"]["json"]) == ["is_overseas"]
    assert db.session.scalars(select(Vacancy.status).order_by(Vacancy.id)).all() == ["draft", "draft"]

    other = make_agency(name="Công ty CP Nhân lực Bình Minh")
    batch = client.post("/api/v1/vacancies/batch", headers=bearer(other),
                        json={"vacancies": [{**abroad(), "external_ref": "EPS-1", "publish": True}]}).get_json()
    assert batch["refused"] == 1 and PUBLIC_ONLY_VI in batch["items"][0]["errors"]["programme"][0]

    start_session(client, make_account("employer", employer_id=other.id))
    path = "/employer/vacancies/new"
    form = {"title": "Lao động nông nghiệp tại Hàn Quốc (EPS)", "isco_code": "6111", "employment_type": "contract",
            "deadline": (TODAY + timedelta(days=30)).isoformat(), "salary_min": "45000000", "salary_max": "50000000",
            "is_overseas": "on", "destination_country": "KR", "programme": "EPS", "contract_months": "36",
            "fee_visa_health": "4500000", "publish": "on"}
    refused = post_form(client, path, form, token_from=path)
    assert refused.status_code == 422 and PUBLIC_ONLY_VI in refused.get_data(as_text=True)
    assert count_vacancies() == 2


def test_the_daily_job_closes_the_overseas_vacancies_of_agencies_whose_licence_expired(programmes):
    lapsed = make_agency(overseas_licence_expires=TODAY - timedelta(days=1))
    account = make_account("employer", employer_id=lapsed.id)
    in_force = make_agency(name="Công ty CP Nhân lực Bình Minh", overseas_licence_expires=TODAY)  # its last day: in force
    overseas = {**vacancy_fields(**abroad("TITP")), "deadline": TODAY + timedelta(days=30)}
    cases = [
        (make_vacancy(lapsed, **overseas), "closed"),
        (make_vacancy(lapsed, status="draft", **overseas), "draft"),  # cannot be published anyway
        (make_vacancy(lapsed), "open"),  # at home: no licence needed
        (make_vacancy(in_force, **overseas), "open"),
        (make_vacancy(public_body(), **{**overseas, **vacancy_fields(**abroad()), "deadline": TODAY + timedelta(days=30)}), "open"),
    ]
    assert close_vacancies_outside_the_rules(TODAY.isoformat()) == "closed=1"
    assert [db.session.get(Vacancy, vacancy.id).status for vacancy, _ in cases] == [status for _, status in cases]
    [told] = db.session.scalars(select(Notification).where(Notification.account_id == account.id)).all()
    assert notification_service.text(told) == (
        f"Tin tuyển dụng đi làm việc ở nước ngoài “{cases[0][0].title}” đã bị đóng: giấy phép đưa người lao động đi làm việc ở "
        f"nước ngoài của doanh nghiệp (123/LĐTBXH-GP, hiệu lực đến {TODAY - timedelta(days=1):%d/%m/%Y}) không còn hiệu lực. "
        "Hãy gia hạn giấy phép trước khi đăng lại tin tuyển dụng đi làm việc ở nước ngoài.")
    assert close_vacancies_outside_the_rules(TODAY.isoformat()) == "closed=0"  # told once


def test_overseas_pages_show_the_licence_and_eps_warns_against_brokers(client, programmes):
    agency = make_agency()
    titp = make_vacancy(agency, **{**vacancy_fields(**abroad("TITP")), "deadline": TODAY + timedelta(days=30)})
    eps = make_vacancy(public_body(), **{**vacancy_fields(**abroad()), "deadline": TODAY + timedelta(days=30)})
    page = client.get(f"/vacancies/{titp.id}").get_data(as_text=True)
    assert f"123/LĐTBXH-GP (có hiệu lực đến {agency.overseas_licence_expires:%d/%m/%Y})" in page
    assert 'id="no-brokers"' not in page
    for path in (f"/vacancies/{eps.id}", "/programmes/EPS"):
        page = client.get(path).get_data(as_text=True)
        assert "EPS không bao giờ qua môi giới hay doanh nghiệp dịch vụ" in page, path
        assert 'href="http://colab.gov.vn"' in page, path
    assert "Đơn vị sự nghiệp công: không cần giấy phép" in client.get(f"/vacancies/{eps.id}").get_data(as_text=True)
    english = client.get(f"/vacancies/{eps.id}?lang=en").get_data(as_text=True)
    assert "EPS never goes through brokers or agencies" in english


def test_an_administrator_marks_the_centre_as_a_public_body_from_the_command_line(app, programmes):
    centre = make_employer(name="Trung tâm Lao động ngoài nước")
    runner = app.test_cli_runner()
    assert runner.invoke(args=["accounts", "mark-public-body", centre.tax_code]).output == (
        "Trung tâm Lao động ngoài nước: a public body.\n")
    db.session.refresh(centre)
    assert centre.public_body is True
    unknown = runner.invoke(args=["accounts", "mark-public-body", "0000000000"])
    assert unknown.exit_code == 2 and "0000000000" in unknown.output
    assert "not a public body" in runner.invoke(args=["accounts", "mark-public-body", centre.tax_code, "--undo"]).output


def test_the_daily_job_closes_what_a_rule_changed_since_publication_made_unlawful(programmes):
    """A company no longer marked public, or a public body's vacancy with a service fee written before the rule: the
    daily job closes its EPS vacancy and tells the company, once; a lawful one stays open."""
    centre = public_body()
    account = make_account("employer", employer_id=centre.id)
    eps = {**vacancy_fields(**abroad()), "deadline": TODAY + timedelta(days=30)}
    lawful = make_vacancy(centre, **{**eps, "fees": VISA_FEE})
    with_fee = make_vacancy(centre, **{**eps, "fees": SERVICE_FEE})
    assert close_vacancies_outside_the_rules(TODAY.isoformat()) == "closed=1"
    assert (db.session.get(Vacancy, lawful.id).status, db.session.get(Vacancy, with_fee.id).status) == ("open", "closed")
    centre.public_body = False  # no longer a public body: its EPS vacancy goes too
    db.session.commit()
    assert close_vacancies_outside_the_rules(TODAY.isoformat()) == "closed=1"
    assert close_vacancies_outside_the_rules(TODAY.isoformat()) == "closed=0"
    kinds = db.session.scalars(select(Notification.kind).where(Notification.account_id == account.id)).all()
    assert kinds.count("vacancy_closed_programme_rule") == 2


# (what an API replace sends, leaving out programme and language_requirement; the field refused or None)
REPLACES = [
    ({"description": "Từ 18 đến 39 tuổi"}, None),  # EPS's own age range, restated: the stored programme allows it
    ({"description": "Từ 18 đến 30 tuổi"}, "description"),  # not the programme's range
    ({"fees": SERVICE_FEE}, "fees"),  # the stored programme's rules still apply: no service fee in EPS
]


@pytest.mark.parametrize(("sent", "field"), REPLACES, ids=[str(sent) for sent, _ in REPLACES])
def test_a_replace_that_leaves_out_the_programme_is_screened_as_the_vacancy_will_read(client, programmes, sent, field):
    employer = public_body()
    stored = make_vacancy(employer, **{**vacancy_fields(**abroad(language_requirement="Tiếng Hàn sơ cấp")),
                                       "deadline": TODAY + timedelta(days=30)})
    body = {name: value for name, value in abroad(**sent).items() if name not in ("programme", "language_requirement")}
    answer = client.put(f"/api/v1/vacancies/{stored.id}", json=body, headers=bearer(employer))
    db.session.refresh(stored)
    if field is None:
        assert answer.status_code == 200, answer.get_json()
        assert (stored.programme, stored.language_requirement, stored.description) == ("EPS", "Tiếng Hàn sơ cấp", sent["description"])
        return
    assert answer.status_code == 422 and list(answer.get_json()["errors"]["json"]) == [field]
    assert stored.description == "Lập báo cáo thuế, hạch toán." and stored.fees == []
