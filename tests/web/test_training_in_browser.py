"""An officer, on a 360-pixel screen in real headless Chromium, adds a training provider, creates a welding course,
enrols a person of the centre by their citizen ID, records the completion with its certificate, then the person's
training support from the receipt (Circular 152/2016's commitment named) and approves it; the person then finds the
course and the approved support on their own pages."""
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Enrolment, SupportClaim, TrainingCourse
from jobmatch.rules.clock import day_text, vietnam_today
from jobmatch.services import support as support_service
from tests.factories import make_account, make_centre, make_job_seeker, make_priority_status
from tests.web.test_journeys_in_browser import fits_the_screen, sign_in


def choose_ward(phone):
    phone.select_option("#f-province", "01")  # the ward list fills in from the API (ward-picker.js)
    phone.wait_for_selector("#f-ward_code option[value='00004']", state="attached")
    phone.select_option("#f-ward_code", "00004")


def test_an_officer_creates_a_course_enrols_a_person_and_records_the_completion(site, phone):
    centre = make_centre(province_code="01")
    officer = make_account("officer", centre_id=centre.id)
    person = make_job_seeker(full_name="Giàng Thị Dợ", centre_id=centre.id, citizen_id="011196000321", desired_isco_codes=["9211"])
    person_account = make_account("job_seeker", job_seeker_id=person.id)
    make_priority_status(person, officer, category="near_poor")
    support_service.load_schemes()
    today = vietnam_today()

    sign_in(phone, site, officer)
    phone.wait_for_load_state()
    phone.goto(f"{site}/centre/training-providers")
    phone.fill("#f-name", "Trường Trung cấp nghề Ba Đình")
    choose_ward(phone)
    with phone.expect_navigation():
        phone.click("form.panel button[type=submit]")

    phone.goto(f"{site}/centre/courses")
    phone.select_option("#f-provider_id", label="Trường Trung cấp nghề Ba Đình")
    phone.fill("#f-title", "Hàn điện cơ bản")
    phone.select_option("#f-isco_code-0", "7212")
    phone.fill("#f-length_value", "3")
    phone.select_option("#f-length_unit", "month")
    phone.fill("#f-starts_on", today.isoformat())
    phone.fill("#f-ends_on", today.replace(year=today.year + 1).isoformat())
    choose_ward(phone)
    phone.fill("#f-seats", "1")
    phone.fill("#f-cost_vnd", "2,5 triệu")
    assert fits_the_screen(phone)
    with phone.expect_navigation():
        phone.click("form.panel button[type=submit]")
    course = db.session.scalar(select(TrainingCourse))
    assert (course.title, course.isco_code, course.length_value, course.seats, course.cost_vnd) == (
        "Hàn điện cơ bản", "7212", 3, 1, 2_500_000)
    assert "Chỗ đã đăng ký: 0 trên 1" in phone.inner_text("main") and fits_the_screen(phone)

    # A citizen ID of nobody at the centre is refused under its field; the person's, typed with spaces, is enrolled.
    phone.fill("#f-citizen_id", "001095009999")
    phone.click("form.panel button[type=submit]")
    phone.wait_for_selector(".field.invalid")
    assert "Không có người nào đăng ký với trung tâm của bạn có số CCCD này." in phone.inner_text(".field.invalid")
    phone.fill("#f-citizen_id", "0111 9600 0321")
    with phone.expect_navigation():
        phone.click("form.panel button[type=submit]")
    assert "Giàng Thị Dợ" in phone.inner_text(".enrolments") and "Chỗ đã đăng ký: 1 trên 1" in phone.inner_text("main")

    enrolment = db.session.scalar(select(Enrolment))
    phone.fill(f"#enrolment-{enrolment.id} #f-certificate_number", "CC-2026/0042")
    phone.fill(f"#enrolment-{enrolment.id} #f-certificate_date", today.isoformat())
    assert fits_the_screen(phone)
    with phone.expect_navigation():
        phone.click(f"#enrolment-{enrolment.id} button[type=submit]")
    assert f"Đã hoàn thành: chứng chỉ số CC-2026/0042 ngày {day_text(today)}" in phone.inner_text(f"#enrolment-{enrolment.id}")
    db.session.refresh(enrolment)
    assert (enrolment.certificate_number, enrolment.completed_on, enrolment.source) == ("CC-2026/0042", today, "officer")

    # Training support from the receipt: the near-poor group's cap is 2.500.000 ₫; the commitment seen is named.
    with phone.expect_navigation():
        phone.click(f"#enrolment-{enrolment.id} >> text=Hỗ trợ đào tạo nghề")
    phone.select_option("#f-item", "vocational_training")
    phone.fill("#f-amount_vnd", "2,5 triệu")
    phone.fill("#f-receipt_number", "BL-0042")
    phone.fill("#f-receipt_date", today.isoformat())
    phone.fill("#f-receipt_issuer", "Trường Trung cấp nghề Ba Đình")
    phone.fill("#f-document_seen", "Biên lai thu học phí số 0042")
    phone.select_option("#f-commitment", "employer_commitment")
    assert fits_the_screen(phone)
    with phone.expect_navigation():
        phone.click("#claim ~ form button[type=submit]")
    with phone.expect_navigation():
        phone.click("section[aria-labelledby=claims] button[type=submit]")
    phone.screenshot(path="/tmp/training-support-360.png", full_page=True)
    claims = phone.inner_text("section[aria-labelledby=claims]")
    assert "Chi phí đào tạo" in claims and "2.500.000" in claims and f"Đã duyệt ngày {day_text(today)}" in claims
    assert db.session.scalar(select(SupportClaim.commitment)) == "employer_commitment" and fits_the_screen(phone)

    # The person sees the course, completed, on their own page, and the support approved for them.
    phone.context.clear_cookies()
    sign_in(phone, site, person_account)
    phone.wait_for_load_state()
    phone.goto(f"{site}/me/courses")
    mine = phone.inner_text("main")
    assert "Hàn điện cơ bản" in mine and "CC-2026/0042" in mine and fits_the_screen(phone)
    with phone.expect_navigation():
        phone.click("text=Hỗ trợ đào tạo nghề")
    assert f"Đã duyệt ngày {day_text(today)}" in phone.inner_text("main") and fits_the_screen(phone)
