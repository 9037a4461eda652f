"""Who sees whom, read in the pages themselves: an employer never sees an anonymous candidate's name or phone, and
loses sight of an applicant who withdraws consent until it is given again; officers' lists hold their own centre's
people only (the other centre's names are checked absent from the page, not just the status code)."""
from datetime import timedelta

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Application
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import account as account_service
from jobmatch.services import application as application_service
from jobmatch.services import job_fair as job_fair_service
from jobmatch.services import search_index
from tests.factories import (
    DANANG_WARD,
    HANOI_WARD,
    make_account,
    make_application,
    make_centre,
    make_employer,
    make_job_seeker,
    make_priority_status,
    make_vacancy,
)
from tests.web.helpers import post_form, start_session


def page(client, path, **query):
    response = client.get(path, query_string=query)
    assert response.status_code == 200, (path, response.status_code)
    return response.get_data(as_text=True)


def welding_vacancy(employer):
    return make_vacancy(employer, title="Thợ hàn TIG", isco_code="7212", skills=["hàn TIG"])


def test_an_anonymous_candidate_shows_employers_neither_name_nor_phone(app, indexes):
    employer = make_employer()
    owner = make_account("employer", employer_id=employer.id)
    vacancy = welding_vacancy(employer)
    listed = ("show_profile", "anonymous_listing")
    public = make_job_seeker(full_name="Trần Văn Hùng", phone="+84911222333", consents=listed)
    anonymous = make_job_seeker(full_name="Nguyễn Thị Lan", phone="+84988777666", visibility="anonymous", consents=listed)
    make_application(vacancy, public)
    anonymous_application = make_application(vacancy, anonymous)
    search_index.relay_outbox(refresh=True)
    client = app.test_client()
    start_session(client, owner)

    for path in (f"/employer/vacancies/{vacancy.id}/applications", f"/vacancies/{vacancy.id}/candidates"):
        text = page(client, path)
        assert "Trần Văn Hùng" in text, path
        assert f"Ứng viên ẩn danh số {anonymous.id}" in text, path
        assert [secret for secret in ("Nguyễn Thị Lan", "0988777666", "988777666", anonymous.citizen_id) if secret in text] == [], path

    _token, secret = account_service.create_api_token(actor=owner, name="Phần mềm nhân sự")
    response = client.get(f"/api/v1/applications/{anonymous_application.id}", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    candidate = response.get_json()["candidate"]
    assert (candidate["full_name"], candidate["phone"]) == (f"Ứng viên ẩn danh số {anonymous.id}", None)
    assert "Nguyễn Thị Lan" not in response.get_data(as_text=True)


def test_an_applicant_who_withdraws_consent_leaves_the_employers_page_until_giving_it_again(app):
    employer = make_employer()
    owner = make_account("employer", employer_id=employer.id)
    vacancy = welding_vacancy(employer)
    job_seeker = make_job_seeker(full_name="Hà Văn Quyết")
    seeker = make_account("job_seeker", job_seeker_id=job_seeker.id)
    application = application_service.apply(actor=seeker, vacancy_id=vacancy.id)
    seeker_client, employer_client = app.test_client(), app.test_client()
    start_session(seeker_client, seeker)
    start_session(employer_client, owner)
    applications_page = f"/employer/vacancies/{vacancy.id}/applications"
    assert "Hà Văn Quyết" in page(employer_client, applications_page)

    assert post_form(seeker_client, "/me/consents", {}, token_from="/me/consents").status_code == 302  # every box unticked
    text = page(employer_client, applications_page)
    assert "Hà Văn Quyết" not in text and "Chưa có hồ sơ ứng tuyển nào." in text
    moved = post_form(employer_client, f"/applications/{application.id}/move", {"status": "viewed"}, token_from="/employer")
    assert moved.status_code == 404
    db.session.rollback()
    assert db.session.get(Application, application.id).status == "submitted"
    assert "Thợ hàn TIG" in page(seeker_client, "/me/applications")  # the person still follows it

    post_form(seeker_client, "/me/consents", {"show_profile": "on"}, token_from="/me/consents")
    assert "Hà Văn Quyết" in page(employer_client, applications_page)
    moved = post_form(employer_client, f"/applications/{application.id}/move", {"status": "viewed"}, token_from="/employer")
    assert moved.status_code == 302
    db.session.rollback()
    assert db.session.get(Application, application.id).status == "viewed"


def test_officers_lists_hold_their_own_centres_people_only(app):
    hanoi, danang = make_centre(province_code="01"), make_centre(province_code="48")
    officer = make_account("officer", centre_id=hanoi.id)
    vacancy = welding_vacancy(make_employer())
    ours = make_job_seeker(full_name="Lê Thị Ngọc", centre_id=hanoi.id)
    theirs = make_job_seeker(full_name="Phạm Văn Khải", centre_id=danang.id, ward_code=DANANG_WARD)
    for job_seeker, evidence in ((ours, "Giấy chứng nhận hộ nghèo số 11/2026"), (theirs, "Giấy chứng nhận hộ nghèo số 48/2026")):
        make_application(vacancy, job_seeker)
        make_priority_status(job_seeker, evidence=evidence, valid_until=vietnam_today() + timedelta(days=10))  # declared
    fair = job_fair_service.create_job_fair(actor=officer, fields={
        "title": "Phiên giao dịch việc làm quận Ba Đình", "held_on": vietnam_today(), "ward_code": HANOI_WARD,
        "venue": "Nhà văn hóa phường Ba Đình", "vacancy_ids": [vacancy.id],
    })
    client = app.test_client()
    start_session(client, officer)

    # The job fair offers people in answer to a search by name: only the centre's own come back.
    for path, query in (("/centre/job-seekers", {}), ("/centre/applications", {}), (f"/centre/job-fairs/{fair.id}", {"person_q": "Thị"}),
                        (f"/centre/job-fairs/{fair.id}", {"person_q": "Phạm Văn Khải"})):
        text = page(client, path, **query)
        if query.get("person_q") == "Phạm Văn Khải":  # the name comes back only as typed, in the search forms
            assert text.count("Phạm Văn Khải") == text.count('name="person_q" value="Phạm Văn Khải"'), path
            assert f'value="{theirs.id}"' not in text and theirs.phone not in text, path
            continue
        assert "Lê Thị Ngọc" in text, path
        assert "Phạm Văn Khải" not in text, path
    centre_list = page(client, "/centre/job-seekers")
    assert "số 11/2026" in centre_list and "số 48/2026" not in centre_list  # statuses waiting for verification
    for query in ("Phạm Văn Khải", theirs.citizen_id, theirs.phone):
        text = page(client, "/centre/job-seekers", q=query)
        assert f"Không tìm thấy ai với “{query}”" in text, query
        assert f"/centre/job-seekers/{theirs.id}" not in text and "số 48/2026" not in text, query
        if query != "Phạm Văn Khải":  # the name typed comes back only as typed; the others never show the name
            assert "Phạm Văn Khải" not in text, query
    assert "Lê Thị Ngọc" in page(client, "/centre/job-seekers", q=ours.citizen_id)

    refused = client.get(f"/centre/job-seekers/{theirs.id}")
    assert refused.status_code == 403 and "Phạm Văn Khải" not in refused.get_data(as_text=True)
    assert db.session.scalar(select(Application.id).where(Application.job_seeker_id == theirs.id)) is not None
