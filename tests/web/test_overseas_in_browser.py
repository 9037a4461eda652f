"""An officer walks a worker's EPS case from registration to departure in real headless Chromium on a 360-pixel
screen: eligibility shown with its verdicts, each step recorded with its day and document, the contract's terms."""
from datetime import timedelta

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import OverseasCase
from jobmatch.rules.clock import vietnam_today
from jobmatch.services.overseas import load_programmes
from tests.factories import eps_ready_job_seeker, make_account, make_agency, make_centre
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
