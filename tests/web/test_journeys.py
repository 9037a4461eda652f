"""The three journeys through the pages, with the test client: a job seeker, an employer, a centre officer."""
import re
from datetime import timedelta

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Account, Application, AuditEntry, Employer, JobSeeker, PriorityStatus, Vacancy
from jobmatch.rules.clock import vietnam_today
from tests.factories import HANOI_WARD, make_account, make_centre, make_job_seeker, make_vacancy
from tests.web.helpers import post_form, sign_in

PROFILE = {
    "full_name": "Lò Thị Mai", "citizen_id": "014301000123", "birth_date": "2001-03-04", "phone": "0912 345 670",
    "province": "01", "ward_code": HANOI_WARD, "education_level": "upper_secondary", "desired_isco_codes": "8153",
    "skills": "may máy 1 kim, vắt sổ", "experience_years": "2", "expected_salary": "8000000", "commute_radius_km": "15",
    "visibility": "public", "language": "ko", "certificate": "EPS-TOPIK", "level": "150",
}


def sign_up_and_fill_in_the_profile(client):
    """Signing up (name, phone, password), then the whole profile on its one page instead of the steps."""
    account = {"full_name": PROFILE["full_name"], "phone": PROFILE["phone"], "password": "mùa xuân trên quê hương"}
    assert post_form(client, "/sign-up", account, token_from="/sign-up").headers["Location"] == "/me/profile/steps/1"
    return post_form(client, "/me/profile", PROFILE, token_from="/me/profile")


def test_a_job_seeker_signs_up_consents_applies_and_withdraws(client):
    make_centre(province_code="01")
    vacancy = make_vacancy(title="Công nhân may", isco_code="8153")
    response = sign_up_and_fill_in_the_profile(client)
    assert response.status_code == 302
    account = db.session.scalar(select(Account).where(Account.phone == "+84912345670"))
    assert account.role == "job_seeker" and account.job_seeker.citizen_id == "014301000123"
    assert account.job_seeker.centre.province_code == "01"
    assert account.job_seeker.languages == [{"language": "ko", "certificate": "EPS-TOPIK", "level": "150"}]
    assert 'value="EPS-TOPIK"' in client.get("/me/profile").get_data(as_text=True)

    # Applying asks for consent to show the profile, then the application appears with its history.
    confirm = client.get(f"/vacancies/{vacancy.id}/apply").get_data(as_text=True)
    assert "Tôi đồng ý cho nhà tuyển dụng này xem hồ sơ" in confirm
    response = post_form(client, "/applications", {"consent": "on", "vacancy_id": vacancy.id}, token_from=f"/vacancies/{vacancy.id}/apply")
    assert response.headers["Location"].endswith("/me/applications")
    mine = client.get("/me/applications").get_data(as_text=True)
    assert "Công nhân may" in mine and "Đã nộp" in mine

    application = db.session.scalar(select(Application))
    post_form(client, f"/applications/{application.id}/move", {"status": "withdrawn"}, token_from="/me/applications")
    db.session.refresh(application)
    assert application.status == "withdrawn" and [event.to_status for event in application.events] == ["submitted", "withdrawn"]


def test_a_registered_citizen_id_given_after_signing_up_is_not_told_and_waits_for_the_centre(client):
    make_centre(province_code="01")
    holder = make_job_seeker(citizen_id="014301000123", birth_date=None)
    response = sign_up_and_fill_in_the_profile(client)
    assert response.status_code == 302 and response.headers["Location"].endswith("/me/profile")
    db.session.rollback()
    account = db.session.scalar(select(Account).where(Account.phone == "+84912345670"))
    newcomer = account.job_seeker
    assert (newcomer.citizen_id, newcomer.citizen_id_under_review) == (None, "014301000123")
    assert db.session.get(JobSeeker, holder.id).citizen_id == "014301000123"
    # The person sees the ID as they gave it, exactly as after a sign-up with a free one.
    assert 'value="014301000123"' in client.get("/me/profile").get_data(as_text=True)
    assert db.session.scalars(select(AuditEntry.action).where(AuditEntry.subject_id == newcomer.id)).all() == [
        "citizen_id_held_for_review"
    ]


def test_an_employer_registers_posts_and_shortlists_once_verified(client):
    response = post_form(client, "/sign-up/employer", {
        "name": "Công ty TNHH May Tiến Phát", "tax_code": "0101234565-001", "province": "01", "ward_code": HANOI_WARD,
        "contact_name": "Trần Văn Bình", "email": "nhansu@tienphat.vn", "password": "một hai ba bốn năm sáu",
    }, token_from="/sign-up/employer")
    assert response.status_code == 302
    employer = db.session.scalar(select(Employer).where(Employer.tax_code == "0101234565-001"))
    assert not employer.verified

    deadline = (vietnam_today() + timedelta(days=20)).isoformat()
    form = {"title": "Công nhân may công nghiệp", "isco_code": "8153", "description": "May áo sơ mi.", "skills": "vắt sổ",
            "employment_type": "full_time", "openings": "5", "salary_min": "7000000", "salary_max": "9000000",
            "deadline": deadline, "province": "01", "ward_code": HANOI_WARD, "publish": "1"}
    refused = post_form(client, "/employer/vacancies/new", {**form, "description": "Chỉ tuyển nữ, chưa lập gia đình."},
                        token_from="/employer/vacancies/new")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "“Chỉ tuyển nữ”" in page and "khoản 8 Điều 3" in page  # quoted, article cited
    # One submission names every wording of a field, each ground once, beside the other missing inputs.
    title = "Tuyển nữ nhân viên lễ tân ngoại hình ưa nhìn, dưới 25 tuổi"
    refused = post_form(client, "/employer/vacancies/new", {**form, "title": title, "deadline": ""},
                        token_from="/employer/vacancies/new")
    page = refused.get_data(as_text=True)
    for words in ("“Tuyển nữ”", "“dưới 25 tuổi”", "“ngoại hình”, “ưa nhìn”", "Hạn nộp hồ sơ"):
        assert words in page, words
    assert db.session.scalar(select(Vacancy.id)) is None
    assert post_form(client, "/employer/vacancies/new", form, token_from="/employer/vacancies/new").status_code == 302
    vacancy = db.session.scalar(select(Vacancy))
    assert vacancy.status == "open" and client.application.test_client().get(f"/vacancies/{vacancy.id}").status_code == 404
    assert "Bản xem trước" in client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)  # not verified yet: its owner's preview

    officer = make_account("officer", centre_id=make_centre().id)
    employer.verified = True
    db.session.commit()
    assert client.get(f"/vacancies/{vacancy.id}").status_code == 200

    seeker = make_job_seeker(full_name="Hoàng Văn Nam", centre_id=officer.centre_id)
    application = Application(vacancy_id=vacancy.id, job_seeker_id=seeker.id, source="self")
    db.session.add(application)
    db.session.commit()
    page = client.get(f"/employer/vacancies/{vacancy.id}/applications").get_data(as_text=True)
    assert "Hoàng Văn Nam" in page and seeker.citizen_id not in page
    for status in ("viewed", "shortlisted"):
        post_form(client, f"/applications/{application.id}/move", {"status": status}, token_from="/employer")
    db.session.refresh(application)
    assert application.status == "shortlisted"
    # A move back is refused with a message and changes nothing.
    response = post_form(client, f"/applications/{application.id}/move", {"status": "viewed"}, token_from="/employer")
    assert "không thể chuyển" in client.get(response.headers["Location"]).get_data(as_text=True)
    db.session.refresh(application)
    assert application.status == "shortlisted"


def test_an_officer_registers_a_walk_in_verifies_priority_refers_and_confirms_the_placement(client):
    centre = make_centre(province_code="01")
    officer = make_account("officer", centre_id=centre.id)
    vacancy = make_vacancy(title="Thợ hàn TIG", isco_code="7212")
    sign_in(client, officer)
    page = post_form(client, "/centre/job-seekers/new", {**PROFILE, "consents": "show_profile"}, token_from="/centre/job-seekers/new")
    assert page.status_code == 200
    code = re.search(r'id="claim-code">([A-Z0-9]{8})<', page.get_data(as_text=True)).group(1)
    job_seeker = db.session.scalar(select(JobSeeker).where(JobSeeker.citizen_id == "014301000123"))
    assert job_seeker.centre_id == centre.id and job_seeker.registered_by_id == officer.id

    detail_path = f"/centre/job-seekers/{job_seeker.id}"
    post_form(client, f"{detail_path}/priority-statuses", {
        "category": "ethnic_minority", "ethnic_group_code": "03", "evidence": "Căn cước công dân, mục dân tộc",
    }, token_from=detail_path)
    status = db.session.scalar(select(PriorityStatus))
    assert status.verified_by_id == officer.id and status.ethnic_group.name == "Thái"

    post_form(client, "/centre/referrals", {"job_seeker_id": job_seeker.id, "vacancy_id": vacancy.id}, token_from=detail_path)
    application = db.session.scalar(select(Application))
    assert application.source == "referral" and application.referred_by_id == officer.id
    # The referral was made four months ago and the person hired 85 days ago: the 3-month follow-up is open (from 80 days).
    application.status, application.created_at = "offered", application.created_at - timedelta(days=120)
    db.session.commit()
    post_form(client, f"/applications/{application.id}/placement",
              {"hire_date": (vietnam_today() - timedelta(days=85)).isoformat(), "employer_confirmed": "on"}, token_from=detail_path)
    db.session.refresh(application)
    assert application.status == "hired" and application.placement.employer_confirmed
    post_form(client, f"/applications/{application.id}/follow-ups", {"months": "3", "still_employed": "1"}, token_from=detail_path)
    assert [(f.months, f.still_employed) for f in application.placement.follow_ups] == [(3, True)]

    # Reading the profile and the priority status was audited.
    actions = set(db.session.scalars(select(AuditEntry.action).where(AuditEntry.actor_id == officer.id)))
    assert {"sign_in", "citizen_id_read", "priority_status_read", "priority_status_changed"} <= actions

    # The person claims the profile with the code and their citizen ID.
    client.post(
        "/sign-out", data={"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").get_data(as_text=True)).group(1)}
    )
    claimed = post_form(client, "/claim", {"citizen_id": "014301000123", "claim_code": code, "phone": "0912345670",
                                           "password": "những ngày nắng đẹp"}, token_from="/claim")
    assert claimed.status_code == 302
    assert db.session.scalar(select(Account).where(Account.job_seeker_id == job_seeker.id)).phone == "+84912345670"


def test_a_declared_priority_status_counts_only_once_an_officer_of_the_centre_verifies_it(app, client):
    centre = make_centre(province_code="01")
    job_seeker = make_job_seeker(centre_id=centre.id)
    seeker = make_account("job_seeker", job_seeker_id=job_seeker.id)
    sign_in(client, seeker)
    response = post_form(client, "/me/priority-statuses", {
        "category": "near_poor", "evidence": "Giấy chứng nhận hộ cận nghèo số 7/2026",
        "valid_until": (vietnam_today() + timedelta(days=300)).isoformat(),
    }, token_from="/me/consents")
    assert response.status_code == 302
    status = db.session.scalar(select(PriorityStatus))
    assert status.recorded_by_id == seeker.id and status.verified_at is None and not status.is_in_force(vietnam_today())

    officer_client = app.test_client()
    sign_in(officer_client, make_account("officer", centre_id=centre.id))
    assert "Giấy chứng nhận hộ cận nghèo số 7/2026" in officer_client.get("/centre/job-seekers").get_data(as_text=True)
    post_form(officer_client, f"/centre/priority-statuses/{status.id}/verify", {}, token_from="/centre/job-seekers")
    db.session.refresh(status)
    assert status.is_in_force(vietnam_today())
