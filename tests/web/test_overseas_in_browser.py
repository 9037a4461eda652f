"""An officer walks a worker's EPS case from registration to departure in real headless Chromium on a 360-pixel
screen: eligibility shown with its verdicts, each step recorded with its day and document, the contract's terms."""
from datetime import timedelta

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import OverseasCase, Programme
from jobmatch.rules.clock import vietnam_today
from jobmatch.services.overseas import load_programmes
from tests.factories import HANOI_WARD, eps_ready_job_seeker, make_account, make_agency, make_centre
from tests.web.test_journeys_in_browser import fits_the_screen, sign_in

STEPS = [
    ("language_test", "Giấy báo điểm EPS-TOPIK số 2026/1234, 152 điểm"),
    ("skills_test", "Kết quả kiểm tra tay nghề ngày thi 12/04"),
    ("roster", "Danh sách tìm việc của HRD Korea, mã 26-0931"),
    ("employer_selection", "Thông báo được lựa chọn của chủ sử dụng"),
    ("contract", "Hợp đồng lao động tiêu chuẩn số SLC-7781"),
    ("training", "Chứng chỉ bồi dưỡng kiến thức cần thiết"),
    ("departure", "Vé máy bay VN416 và dấu xuất cảnh"),
]


def test_an_officer_takes_a_case_from_registration_to_departure(site, phone):
    load_programmes()
    centre = make_centre(province_code="01")
    officer = make_account("officer", centre_id=centre.id)
    worker = eps_ready_job_seeker(full_name="Sùng A Chứ", centre_id=centre.id)
    agency = make_agency(name="Trung tâm Lao động ngoài nước")
    sign_in(phone, site, officer)
    phone.wait_for_url("**/centre")
    phone.goto(f"{site}/centre/job-seekers/{worker.id}")
    with phone.expect_navigation():
        phone.click(f"a[href='/centre/job-seekers/{worker.id}/overseas']")
    assert "EPS-TOPIK" in phone.inner_text("main") and fits_the_screen(phone)

    opened_on = vietnam_today() - timedelta(days=len(STEPS) * 20 + 20)
    phone.select_option("#f-programme", "EPS")
    phone.fill("#f-opened_on", opened_on.isoformat())
    phone.fill("#f-document", "Phiếu đăng ký dự tuyển số 15/2026")
    phone.click("section[aria-labelledby=open] button[type=submit]")
    phone.wait_for_url("**/overseas-cases/*")

    for number, (stage, document) in enumerate(STEPS, start=1):
        assert phone.input_value("form[action$='/moves'] input[name=stage]") == stage
        phone.fill("form[action$='/moves'] #f-happened_on", (opened_on + timedelta(days=number * 20)).isoformat())
        phone.fill("form[action$='/moves'] #f-document", document)
        if stage == "contract":
            phone.select_option("#f-agency_id", str(agency.id))
            phone.fill("#f-contract_months", "36")
            phone.fill("#f-monthly_salary_vnd", "45000000")
            phone.fill("#f-service_fee_paid_vnd", "0")
        phone.click("form[action$='/moves'] button[type=submit]")
        phone.wait_for_selector(f"ol.path li.current:nth-child({number + 1})")
        assert fits_the_screen(phone)

    case = db.session.scalar(select(OverseasCase).execution_options(populate_existing=True))
    assert case.stage == "departure" and case.status == "active"
    assert [event.stage for event in case.events] == ["registration", *(stage for stage, _ in STEPS)]
    assert case.events[-1].document == "Vé máy bay VN416 và dấu xuất cảnh"
    assert (case.agency_id, case.contract_months, case.service_fee_paid_vnd, case.service_fee_cap_vnd) == (agency.id, 36, 0, 0)
    shown = phone.inner_text("main")
    assert "Vé máy bay VN416" in shown and "Sùng A Chứ" in shown
    assert "đã có chứng chỉ EPS-TOPIK" in shown  # the verdicts the case was opened on
    # The next step, the return, is shown with its deadline: 58 months after the departure.
    assert phone.input_value("form[action$='/moves'] input[name=stage]") == "return"


def test_an_administrator_edits_a_programmes_stages_and_barred_areas_as_rows(site, phone):
    load_programmes()
    titp = db.session.scalar(select(Programme).where(Programme.code == "TITP"))
    stages = [stage["code"] for stage in titp.current.stages]
    sign_in(phone, site, make_account("admin"))
    phone.wait_for_url(lambda url: "/sign-in" not in url)
    phone.goto(f"{site}/admin/programmes/TITP/edit")
    assert fits_the_screen(phone)

    # Rows are added and removed in place; nothing is sent until the version is saved.
    phone.click("details:has(button[value=remove-stage-1]) > summary")
    phone.click("button[value=remove-stage-1]")
    phone.click("button[value=add-stage]")
    new_stage = phone.locator("details[data-row]:has(input[name^=stage-])").last
    new_stage.locator("input[name$=-code]").fill("medical_check")
    new_stage.locator("input[name$=-name_vi]").fill("Khám sức khoẻ")
    new_stage.locator("input[name$=-name_en]").fill("Medical check")
    new_stage.locator("input[name$=-due_days]").fill("30")
    ban = phone.locator("details[data-row]:has(select[name^=ban-])").last
    ban.locator("select[name$=-province]").select_option("01")
    ban.locator(f"select[name$=-ward] option[value='{HANOI_WARD}']").wait_for(state="attached")
    ban.locator("select[name$=-ward]").select_option(HANOI_WARD)
    ban.locator("input[name$=-starts_on]").fill(vietnam_today().isoformat())
    ban.locator("input[name$=-reason]").fill("Tạm dừng tuyển chọn")
    assert fits_the_screen(phone)
    with phone.expect_navigation():
        phone.click("form.panel > button[type=submit]:not(.visually-hidden)")
    assert phone.url.endswith("/programmes/TITP")

    db.session.expire_all()
    current = db.session.scalar(select(Programme).where(Programme.code == "TITP")).current
    assert [stage["code"] for stage in current.stages] == [stages[0], *stages[2:], "medical_check"]
    assert current.rules["area_bans"] == [{"province_code": None, "ward_code": HANOI_WARD, "starts_on": vietnam_today().isoformat(),
                                           "ends_on": None, "reason": "Tạm dừng tuyển chọn"}]
