"""One whole journey per role in real headless Chromium on a 360-pixel screen, with the site's CSP and scripts:
a job seeker signs up in steps (leaving and coming back) and applies; an employer posts a vacancy and shortlists; an
officer verifies a priority status, refers a job seeker and confirms the placement."""
from datetime import timedelta

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Application, ApplicationEvent, JobSeeker, PriorityStatus, Vacancy
from jobmatch.rules.clock import vietnam_today
from tests.factories import PASSWORD, make_account, make_centre, make_employer, make_job_seeker, make_vacancy


def sign_in(phone, site, account):
    phone.goto(site + "/sign-in")
    phone.fill("#f-login", account.email)
    phone.fill("#f-password", PASSWORD)
    phone.click("form.panel button[type=submit]")


def fits_the_screen(phone):
    return phone.evaluate("document.documentElement.scrollWidth") <= 360


def save_step(phone, number):
    phone.click("button[value=save]")
    phone.wait_for_url(f"**/me/profile/steps/{number + 1}" if number < 4 else "**/me/consents")


def test_a_job_seeker_signs_up_in_steps_comes_back_to_the_step_left_and_applies(site, phone):
    make_centre(province_code="01")
    vacancy = make_vacancy(make_employer(name="Công ty May Sông Hồng"), title="Công nhân may", isco_code="8153")
    phone.goto(site + "/sign-up")
    phone.fill("#f-full_name", "Lò Thị Mai")
    phone.fill("#f-phone", "0912 345 670")
    phone.fill("#f-password", "mùa xuân trên quê hương")
    assert fits_the_screen(phone) and phone.evaluate("document.documentElement.scrollHeight") <= 2 * 740  # one short page
    phone.click("form.panel button[type=submit]")
    phone.wait_for_url("**/me/profile/steps/1")
    assert "Bước 1/4" in phone.inner_text("main")
    phone.fill("#f-birth_date", "2001-03-04")
    phone.select_option("#f-province", "01")  # the ward list fills in from the API (ward-picker.js)
    phone.wait_for_selector("#f-ward_code option[value='00004']", state="attached")
    phone.select_option("#f-ward_code", "00004")
    assert fits_the_screen(phone)
    save_step(phone, 1)

    # She leaves at step 2; signing in again brings her back to it, step 1 kept.
    phone.context.clear_cookies()
    phone.goto(site + "/sign-in")
    phone.fill("#f-login", "0912345670")
    phone.fill("#f-password", "mùa xuân trên quê hương")
    phone.click("form.panel button[type=submit]")
    phone.wait_for_url("**/me/profile/steps/2")
    assert "Bước 2/4" in phone.inner_text("main")
    phone.select_option("#f-desired_isco_codes-0", "8153")
    phone.fill("#f-expected_salary", "7tr5")
    assert fits_the_screen(phone)
    save_step(phone, 2)
    phone.fill("#f-skills", "may máy 1 kim, vắt sổ")
    save_step(phone, 3)
    assert "Bước 4/4" in phone.inner_text("main")
    save_step(phone, 4)
    job_seeker = db.session.scalar(select(JobSeeker).where(JobSeeker.phone == "+84912345670"))
    assert (job_seeker.ward_code, job_seeker.expected_salary, job_seeker.skills) == ("00004", 7_500_000, ["may máy 1 kim", "vắt sổ"])
    phone.check("input[name=show_profile]")
    phone.click("form.panel button[type=submit]")

    phone.goto(f"{site}/vacancies/{vacancy.id}")
    phone.click("main a.button[href$='/apply']")
    phone.wait_for_url(f"**/vacancies/{vacancy.id}/apply")  # a step to confirm, with what the employer will see
    phone.click("form.panel button[type=submit]")
    phone.wait_for_url("**/me/applications")
    assert "Công nhân may" in phone.inner_text("main") and "Đã nộp" in phone.inner_text("main")
    phone.goto(f"{site}/vacancies/{vacancy.id}")  # the vacancy now says where the application stands
    assert "Đã nộp" in phone.inner_text("#my-application") and "Ứng tuyển" not in phone.inner_text("main")
    assert fits_the_screen(phone)


def test_an_employer_posts_a_vacancy_and_shortlists_a_candidate(site, phone):
    employer = make_employer(name="Công ty TNHH Cơ khí Đông Á")
    account = make_account("employer", employer_id=employer.id)
    sign_in(phone, site, account)
    phone.wait_for_url("**/employer")
    phone.click("text=Đăng tin tuyển dụng")
    phone.fill("#f-title", "Thợ hàn TIG")
    phone.select_option("#f-isco_code-0", "7212")
    phone.fill("#f-description", "Hàn kết cấu thép, làm ca ngày.")
    phone.fill("#f-skills", "hàn TIG, đọc bản vẽ")
    phone.select_option("#f-employment_type", "full_time")
    phone.fill("#f-salary_min", "9000000")
    phone.fill("#f-salary_max", "14000000")
    phone.fill("#f-deadline", (vietnam_today() + timedelta(days=30)).isoformat())
    phone.select_option("#f-place_province-0", "01")
    phone.wait_for_selector("#f-place_ward-0 option[value='00004']", state="attached")
    phone.select_option("#f-place_ward-0", "00004")
    phone.click("text=Thêm nơi làm việc")  # a second place: all of Đà Nẵng (no ward chosen)
    phone.select_option("#f-place_province-1", "48")
    assert fits_the_screen(phone)
    with phone.expect_navigation():
        phone.click("button[name=publish]")
    vacancy = db.session.scalar(select(Vacancy).where(Vacancy.title == "Thợ hàn TIG"))
    assert vacancy.status == "open" and vacancy.skills == ["hàn TIG", "đọc bản vẽ"]
    assert [(place.ward_code, place.province_code) for place in vacancy.places] == [("00004", None), (None, "48")]

    applicant = make_job_seeker(full_name="Hoàng Văn Nam")
    db.session.add(Application(vacancy_id=vacancy.id, job_seeker_id=applicant.id, events=[ApplicationEvent(to_status="submitted")]))
    db.session.commit()
    phone.goto(f"{site}/employer/vacancies/{vacancy.id}/applications")
    assert "Hoàng Văn Nam" in phone.inner_text("main")
    for status in ("viewed", "shortlisted"):
        phone.select_option(".card select[name=status]", status)
        phone.click(".card form.actions button[type=submit]")
    assert db.session.scalar(select(Application.status).execution_options(populate_existing=True)) == "shortlisted"
    assert "Đã vào vòng trong" in phone.inner_text(".card")


def test_an_officer_verifies_a_priority_status_refers_and_confirms_the_placement(site, phone):
    centre = make_centre(province_code="01")
    officer = make_account("officer", centre_id=centre.id)
    make_job_seeker(full_name="Giàng A Páo", centre_id=centre.id)
    vacancy = make_vacancy(make_employer(), title="Công nhân lắp ráp điện tử", isco_code="8212")
    sign_in(phone, site, officer)
    phone.wait_for_url("**/centre")  # the officer's home: worklists
    phone.goto(site + "/centre/job-seekers")
    phone.click("text=Giàng A Páo")

    phone.select_option("#f-category", "ethnic_minority")
    phone.select_option("#f-ethnic_group_code", "08")
    phone.fill("#f-evidence", "Căn cước công dân, mục dân tộc")
    with phone.expect_navigation():
        phone.click("text=Ghi nhận là đã xác minh")
    status = db.session.scalar(select(PriorityStatus))
    assert status.verified_by_id == officer.id and status.ethnic_group_code == "08"
    assert "H'Mông" in phone.inner_text("main")

    phone.fill("#f-vacancy_id", str(vacancy.id))
    with phone.expect_navigation():  # the referral, then the redirect back to the page, before reading or reloading it
        phone.click("section[aria-labelledby=refer] button[type=submit]")
    application = db.session.scalar(select(Application))
    assert application.source == "referral" and application.referred_by_id == officer.id

    application.status = "offered"  # the employer's steps, shown in the employer's journey
    db.session.commit()
    phone.reload()
    phone.fill("input[name=hire_date]", vietnam_today().isoformat())
    phone.check("input[name=employer_confirmed]")
    with phone.expect_navigation():
        phone.click("text=Xác nhận nhận việc")
    db.session.expire_all()
    application = db.session.scalar(select(Application))
    assert application.status == "hired" and application.placement.employer_confirmed
    assert fits_the_screen(phone)
