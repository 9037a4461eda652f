"""An employer who sees an applicant's or a referred candidate's phone (the applications page and its API, one
application in the API, the candidate's page) reads that person's contacts: the person's own data page and download
say which company saw it and when, a person it did not see finds nothing, and the page writes its audit in one INSERT
statement (the privacy standard; issue 19)."""
import json
import re

import pytest
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import AuditEntry
from jobmatch.services import account as account_service
from tests.factories import make_account, make_application, make_centre, make_employer, make_job_seeker, make_vacancy
from tests.services.test_matching import indexed, welder, welding_job
from tests.web.helpers import start_session
from tests.web.test_list_reads_audited import audit_inserts, statements_sent

COMPANY = "Công ty TNHH Cơ khí Đông Á"
READER = "Trần Văn Tuyển"
SEEN = "Số điện thoại đã được xem bởi công ty mà bạn ứng tuyển hoặc được giới thiệu đến"


def bearer(account):
    return {"Authorization": f"Bearer {account_service.create_api_token(actor=account, name='test')[1]}"}


# (what the employer opens, how: (client, the employer's bearer token, the application) -> the answer)
READS = [
    ("applications page", lambda client, token, application: client.get(
        f"/employer/vacancies/{application.vacancy_id}/applications")),
    ("candidate's page", lambda client, token, application: client.get(
        f"/vacancies/{application.vacancy_id}/candidates/{application.job_seeker_id}")),
    ("API: the vacancy's applications", lambda client, token, application: client.get(
        f"/api/v1/vacancies/{application.vacancy_id}/applications", headers=token)),
    ("API: one application", lambda client, token, application: client.get(
        f"/api/v1/applications/{application.id}", headers=token)),
]


@pytest.mark.parametrize(("name", "read"), READS, ids=[name for name, _ in READS])
def test_an_employers_read_of_a_phone_shows_on_that_persons_data_page_only(app, name, read):
    employer = make_employer(name=COMPANY)
    owner = make_account("employer", employer_id=employer.id, display_name=READER)
    # both in the candidate lists too (anonymously, until they apply)
    applicant = make_job_seeker(full_name="Giàng A Pó", consents=("show_profile", "anonymous_listing"))
    elsewhere = make_job_seeker(full_name="Lò Văn Páo", consents=("show_profile", "anonymous_listing"))
    application = make_application(make_vacancy(employer, title="Thợ hàn khung thép", isco_code="7212"), applicant)
    make_application(make_vacancy(make_employer(name="Công ty khác"), title="Thợ hàn"), elsewhere)
    accounts = {person.id: make_account("job_seeker", job_seeker_id=person.id) for person in (applicant, elsewhere)}
    reader, token = app.test_client(), bearer(owner)
    start_session(reader, owner)

    def open_it():
        answer = read(reader, token, application)
        assert answer.status_code == 200 and applicant.phone in answer.get_data(as_text=True)

    assert audit_inserts(open_it) == 1
    for person, shown in ((applicant, True), (elsewhere, False)):
        own = app.test_client()
        start_session(own, accounts[person.id])
        page = own.get("/me/data").get_data(as_text=True)
        download = json.loads(own.get("/me/export").get_data(as_text=True))
        by_company = [entry for entry in download["audit_entries"] if (entry["by"] or {}).get("employer") == COMPANY]
        assert [entry["action"] for entry in by_company] == ["contacts_read_by_employer"] * shown, person.full_name
        line = re.search(rf"<li>(\d\d/\d\d/\d{{4}}[^<]*{SEEN}[^<]*)</li>", page)
        assert bool(line) == shown
        if shown:
            assert f"Nhà tuyển dụng: {READER} ({COMPANY})" in line.group(1)


def test_an_anonymous_candidate_or_one_who_withdrew_consent_shows_no_phone_and_no_read_is_recorded(app):
    employer = make_employer(name=COMPANY)
    owner = make_account("employer", employer_id=employer.id)
    vacancy = make_vacancy(employer, title="Thợ hàn khung thép", isco_code="7212")
    anonymous = make_job_seeker(full_name="Giàng A Pó", visibility="anonymous")
    withdrawn = make_job_seeker(full_name="Lò Văn Páo", consents=())
    for person in (anonymous, withdrawn):
        make_application(vacancy, person)
    reader = app.test_client()
    start_session(reader, owner)
    page = reader.get(f"/employer/vacancies/{vacancy.id}/applications").get_data(as_text=True)
    assert anonymous.phone not in page and withdrawn.phone not in page and "Lò Văn Páo" not in page
    for person in (anonymous, withdrawn):
        own = app.test_client()
        start_session(own, make_account("job_seeker", job_seeker_id=person.id))
        assert SEEN not in own.get("/me/data").get_data(as_text=True)


def test_the_applications_page_reads_in_as_many_statements_for_many_candidates_as_for_one(app):
    """Auditing the page's reads keeps the applications it loaded (no statement per candidate to load them again), nor
    is a candidate's history or interviews loaded one by one: the page and its API cost the same for 1 or 4 people."""
    counts = []
    for applicants in (1, 4):
        employer = make_employer(name=COMPANY)
        owner = make_account("employer", employer_id=employer.id)
        vacancy = make_vacancy(employer, title="Thợ hàn khung thép", isco_code="7212")
        for number in range(applicants):
            make_application(vacancy, make_job_seeker(full_name=f"Người số {number}"), status="interviewed")
        reader, token = app.test_client(), bearer(owner)
        start_session(reader, owner)
        counts.append([len(statements_sent(lambda path=path, headers=headers, reader=reader: reader.get(path, headers=headers)))
                       for path, headers in ((f"/employer/vacancies/{vacancy.id}/applications", {}),
                                             (f"/api/v1/vacancies/{vacancy.id}/applications", token))])
    assert counts[0] == counts[1], counts


def test_a_candidate_list_audits_the_phones_it_shows_only_as_whose_read_it_was(app, indexes):
    """An employer's candidate list (page and API) shows an applicant's phone, a read of that person by the company; a
    stranger listed anonymously is no read; an officer of the people's centre reading the same list reads as the centre."""
    world = {"centre": make_centre(province_code="01"), "employer": make_employer(name=COMPANY)}
    owner = make_account("employer", employer_id=world["employer"].id)
    applicant, stranger = welder(world, full_name="Giàng A Pó"), welder(world, full_name="Lò Văn Páo")
    make_application(welding_job(world, title="Thợ hàn ống"), applicant)
    vacancy = welding_job(world)
    indexed()
    reader, token = app.test_client(), bearer(owner)
    start_session(reader, owner)
    officer = app.test_client()
    start_session(officer, make_account("officer", centre_id=world["centre"].id))
    for client, path, headers, action, people in (
        (reader, f"/vacancies/{vacancy.id}/candidates", {}, "contacts_read_by_employer", {applicant.id}),
        (reader, f"/api/v1/vacancies/{vacancy.id}/matches", token, "contacts_read_by_employer", {applicant.id}),
        (officer, f"/vacancies/{vacancy.id}/candidates", {}, "contacts_read", {applicant.id, stranger.id}),
    ):
        before = db.session.scalar(select(func.max(AuditEntry.id))) or 0

        def open_it(client=client, path=path, headers=headers, people=people):
            answer = client.get(path, headers=headers)
            assert answer.status_code == 200 and applicant.phone in answer.get_data(as_text=True)
            assert (stranger.phone in answer.get_data(as_text=True)) == (stranger.id in people)

        assert audit_inserts(open_it) == 1
        db.session.expire_all()
        reads = db.session.execute(select(AuditEntry.action, AuditEntry.subject_id).where(
            AuditEntry.id > before, AuditEntry.subject_type == "job_seeker")).all()
        assert sorted(reads) == sorted((action, person) for person in people), path
