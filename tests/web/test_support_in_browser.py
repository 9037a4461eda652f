"""An officer, on a 360-pixel screen in real headless Chromium, takes a poor worker's EPS case whose contract is signed
to an approved support claim, a printed loan dossier for the Bank for Social Policies, and the month's payment list."""
from datetime import date

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import LoanDossier, SupportClaim
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import overseas as overseas_service
from jobmatch.services import support as support_service
from jobmatch.services.overseas import load_programmes
from tests.factories import eps_ready_job_seeker, make_account, make_centre, make_priority_status
from tests.web.test_journeys_in_browser import fits_the_screen, sign_in

STAGES = {"language_test": date(2026, 4, 10), "skills_test": date(2026, 5, 20), "roster": date(2026, 6, 15),
          "employer_selection": date(2026, 9, 1), "contract": date(2026, 10, 1)}


def test_an_officer_takes_a_contract_to_a_paid_claim_and_a_loan_dossier(site, phone):
    load_programmes()
    support_service.load_schemes()
    centre = make_centre(province_code="01")
    officer = make_account("officer", centre_id=centre.id)
    worker = eps_ready_job_seeker(full_name="Sùng A Chứ", centre_id=centre.id, citizen_id="011096000777")
    make_priority_status(worker, officer, category="poor", valid_until=date(2027, 12, 31))
    case = overseas_service.open_case(actor=officer, job_seeker_id=worker.id, fields={
        "programme": "EPS", "opened_on": date(2026, 1, 12), "document": "Phiếu đăng ký dự tuyển số 15/2026"})
    for stage, day in STAGES.items():
        terms = {"contract_months": 36, "monthly_salary_vnd": 45_000_000, "service_fee_paid_vnd": 0} if stage == "contract" else {}
        overseas_service.move_case(actor=officer, case_id=case.id, fields={"stage": stage, "happened_on": day, "document": stage, **terms})

    sign_in(phone, site, officer)
    phone.wait_for_load_state()
    phone.goto(f"{site}/overseas-cases/{case.id}")
    with phone.expect_navigation():
        phone.click(f"a[href='/overseas-cases/{case.id}/support']")
    assert "Lệ phí hộ chiếu" in phone.inner_text("main") and fits_the_screen(phone)

    # A passport fee above its cap is refused with the cap named; the right amount is recorded, then approved.
    phone.select_option("#f-item", "passport")
    phone.fill("#f-amount_vnd", "250.000")
    phone.fill("#f-receipt_number", "BL-0042")
    phone.fill("#f-receipt_date", vietnam_today().isoformat())
    phone.fill("#f-receipt_issuer", "Phòng Quản lý xuất nhập cảnh Công an tỉnh Điện Biên")
    phone.fill("#f-document_seen", "Biên lai thu lệ phí hộ chiếu")
    phone.click("section[aria-labelledby=claim] button[type=submit]")
    phone.wait_for_selector(".field.invalid")
    assert "200.000 ₫" in phone.inner_text(".field.invalid") and fits_the_screen(phone)
    phone.fill("#f-amount_vnd", "200 nghìn")
    with phone.expect_navigation():
        phone.click("section[aria-labelledby=claim] button[type=submit]")
    with phone.expect_navigation():
        phone.click("section[aria-labelledby=claims] button[type=submit]")  # approve
    assert "Đã duyệt ngày" in phone.inner_text("main")
    claim = db.session.scalar(select(SupportClaim).execution_options(populate_existing=True))
    assert (claim.item, claim.amount_vnd, claim.status) == ("passport", 200_000, "approved")

    # The loan: every condition is checked, the dossier is printed with the worker's details and the commune's box.
    phone.goto(f"{site}/overseas-cases/{case.id}/loan")
    phone.select_option("#f-kind", "eps_deposit")
    phone.fill("#f-costs_vnd", "100 triệu")
    phone.fill("#f-amount_vnd", "100 triệu")
    phone.fill("#f-bank_branch", "Phòng giao dịch NHCSXH huyện Mường Chà")
    with phone.expect_navigation():
        phone.click("section[aria-labelledby=prepare] button[type=submit]")
    dossier_text = phone.inner_text("main")
    assert "011096000777" in dossier_text and "Xác nhận của Ủy ban nhân dân xã" in dossier_text and fits_the_screen(phone)
    phone.emulate_media(media="print")
    assert not phone.is_visible("section[aria-labelledby=status]")  # the status form is not printed
    phone.emulate_media(media="screen")
    assert db.session.scalar(select(LoanDossier.amount_vnd)) == 100_000_000

    # The month's payment list names the worker and the item; the workbook is a link away.
    phone.goto(f"{site}/centre/support-payments")
    listed = phone.inner_text("main")
    assert "Sùng A Chứ" in listed and "Lệ phí hộ chiếu" in listed and "200.000" in listed and fits_the_screen(phone)
    assert phone.is_visible("a[href*='format=xlsx']")
