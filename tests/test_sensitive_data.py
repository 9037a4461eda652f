"""Ethnicity and poverty status reach only the person and their centre's officers: never an employer-facing answer,
a search document, a log line or the audit log. Sex, asked for the statistics only, never reaches an employer or a
search document either (no one could then filter people on it)."""
import logging

import pytest
from sqlalchemy import select

from jobmatch.extensions import db, search_client
from jobmatch.models import Application, ApplicationEvent, AuditEntry
from jobmatch.services import account as account_service
from jobmatch.services import search_index
from tests.factories import make_account, make_centre, make_employer, make_job_seeker, make_priority_status, make_vacancy
from tests.web.helpers import start_session

# What would give the categories away: codes, labels in both languages, the group's name, the evidence.
REVEALING = ("ethnic_minority", '"poor"', "near_poor", "Hộ nghèo", "Poor household", "Người dân tộc thiểu số", "Ethnic minority",
             "Thái", "Danh sách hộ nghèo", "Căn cước công dân (mục dân tộc)")


@pytest.fixture
def priority_applicant():
    centre = make_centre()
    employer = make_employer()
    vacancy = make_vacancy(employer, title="Công nhân may")
    job_seeker = make_job_seeker(centre_id=centre.id, consents=("show_profile", "priority_ranking"), full_name="Lò Văn Minh",
                                  sex="female")
    officer = make_account("officer", centre_id=centre.id)
    make_priority_status(job_seeker, officer, "poor")
    make_priority_status(job_seeker, officer, "ethnic_minority", evidence="Căn cước công dân (mục dân tộc)")
    application = Application(vacancy_id=vacancy.id, job_seeker_id=job_seeker.id, source="self",
                              events=[ApplicationEvent(to_status="submitted")])
    db.session.add(application)
    db.session.commit()
    owner = make_account("employer", employer_id=employer.id)
    return {"vacancy": vacancy, "application": application, "job_seeker": job_seeker, "owner": owner, "officer": officer}


def assert_nothing_revealing(text):
    found = [word for word in REVEALING if word in text]
    assert found == [], found


def test_the_employer_sees_only_a_priority_mark(app, priority_applicant, caplog):
    caplog.set_level(logging.DEBUG)
    client = app.test_client()
    _token, secret = account_service.create_api_token(actor=priority_applicant["owner"], name="HR")
    headers = {"Authorization": f"Bearer {secret}"}
    vacancy, application = priority_applicant["vacancy"], priority_applicant["application"]
    answers = [
        client.get(f"/api/v1/vacancies/{vacancy.id}/applications", headers=headers),
        client.get(f"/api/v1/applications/{application.id}", headers=headers),
        client.post(f"/api/v1/applications/{application.id}/transitions", json={"status": "viewed"}, headers=headers),
    ]
    [listed] = answers[0].get_json()["items"]
    assert listed["candidate"]["priority_candidate"] is True
    assert "citizen_id" not in listed["candidate"] and "birth_date" not in listed["candidate"]
    assert "sex" not in listed["candidate"] and "female" not in repr(answers[1].get_json())
    start_session(client, priority_applicant["owner"])
    page = client.get(f"/employer/vacancies/{vacancy.id}/applications")
    assert "Ứng viên ưu tiên" in page.get_data(as_text=True)
    for answer in answers + [page]:
        assert answer.status_code == 200
        assert_nothing_revealing(answer.get_data(as_text=True))
        assert priority_applicant["job_seeker"].citizen_id not in answer.get_data(as_text=True)
    assert_nothing_revealing("\n".join(record.getMessage() for record in caplog.records))


def test_without_consent_there_is_no_priority_mark(app, priority_applicant):
    from jobmatch.services import job_seeker as job_seeker_service

    job_seeker_service.set_consents(actor=priority_applicant["officer"], job_seeker_id=priority_applicant["job_seeker"].id,
                                    choices={"priority_ranking": False})
    _token, secret = account_service.create_api_token(actor=priority_applicant["owner"], name="HR")
    listing = app.test_client().get(f"/api/v1/vacancies/{priority_applicant['vacancy'].id}/applications",
                                    headers={"Authorization": f"Bearer {secret}"}).get_json()
    assert listing["items"][0]["candidate"]["priority_candidate"] is False


def test_the_search_document_and_the_audit_log_carry_no_category(app, indexes, priority_applicant, caplog):
    caplog.set_level(logging.DEBUG)
    # Reads that the audit log records: the officer reads the categories, the employer the application.
    client = app.test_client()
    for actor, url in ((priority_applicant["officer"], f"/api/v1/job-seekers/{priority_applicant['job_seeker'].id}/priority-statuses"),
                       (priority_applicant["owner"], f"/api/v1/applications/{priority_applicant['application'].id}")):
        _token, secret = account_service.create_api_token(actor=actor, name="Kiểm tra")
        assert client.get(url, headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    search_index.relay_outbox(refresh=True)
    document = search_client().get(index=indexes.job_seekers, id=str(priority_applicant["job_seeker"].id))["_source"]
    assert_nothing_revealing(repr(document))
    assert priority_applicant["job_seeker"].citizen_id not in repr(document)
    assert "sex" not in document and "female" not in repr(document)
    audit = db.session.execute(select(AuditEntry.action, AuditEntry.subject_type, AuditEntry.remote_addr)).all()
    assert "priority_status_read" in {action for action, _, _ in audit}  # the log checked below is not empty
    assert_nothing_revealing(repr(audit))
    assert_nothing_revealing("\n".join(record.getMessage() for record in caplog.records))


def test_officers_of_the_centre_see_the_categories_and_each_read_is_audited(app, priority_applicant):
    officer = priority_applicant["officer"]
    _token, secret = account_service.create_api_token(actor=officer, name="Trung tâm")
    answer = app.test_client().get(f"/api/v1/job-seekers/{priority_applicant['job_seeker'].id}/priority-statuses",
                                   headers={"Authorization": f"Bearer {secret}"})
    assert {status["category"] for status in answer.get_json()["items"]} == {"poor", "ethnic_minority"}
    assert db.session.scalar(
        select(AuditEntry.action).where(AuditEntry.actor_id == officer.id, AuditEntry.action == "priority_status_read")
    )
