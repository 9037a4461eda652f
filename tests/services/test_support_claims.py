"""Support claims on a worker's EPS case against the real database: the version in force on the claim's day (2025
under Circular 55/2023's amounts, 2026 under Decree 338/2025's), the worker's verified status that day, the stage the
case had reached, caps and once only, each refusal naming its field and storing nothing; approval, the centre's payment
list (audited, its own centre only), the XLSX the finance office gets, and what the worker sees; then the loan dossier
for the Bank for Social Policies prepared from the case, its conditions, and the bank's answer followed."""
import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import AuditEntry, LoanDossier, SupportClaim
from jobmatch.rules.clock import vietnam_today
from jobmatch.schemas.support import LoanDossierMoveSchema, LoanDossierSchema, SupportClaimSchema
from jobmatch.services import loan as loan_service
from jobmatch.services import overseas as overseas_service
from jobmatch.services import support as support_service
from jobmatch.services.errors import InvalidRequest, PermissionRefused
from tests.factories import eps_ready_job_seeker, make_account, make_centre, make_employer, make_priority_status
from tests.web.helpers import post_form, start_session

TODAY = vietnam_today()
OPENED = date(2025, 2, 3)
CONTRACT = date(2026, 2, 2)


@pytest.fixture
def schemes(app_context):
    support_service.load_schemes()


@pytest.fixture
def centre():
    return make_centre(province_code="01")


@pytest.fixture
def officer(centre):
    return make_account("officer", centre_id=centre.id)


@pytest.fixture
def worker(centre, officer):
    person = eps_ready_job_seeker(centre_id=centre.id, full_name="Lò Văn Páo", citizen_id="011095000123")
    make_priority_status(person, officer, category="poor", valid_until=date(2027, 12, 31))
    return person


@pytest.fixture
def case(officer, worker, programmes, schemes):
    """An EPS case opened on 03/02/2025 that reached its contract on 02/02/2026."""
    case = overseas_service.open_case(actor=officer, job_seeker_id=worker.id, fields={
        "programme": "EPS", "opened_on": OPENED, "document": "Phiếu đăng ký số 15/2025"})
    days = {"language_test": date(2025, 5, 10), "skills_test": date(2025, 7, 1), "roster": date(2025, 8, 1),
            "employer_selection": date(2026, 1, 5), "contract": CONTRACT}
    for stage, day in days.items():
        terms = {"contract_months": 36, "monthly_salary_vnd": 45_000_000, "service_fee_paid_vnd": 0} if stage == "contract" else {}
        overseas_service.move_case(actor=officer, case_id=case.id, fields={
            "stage": stage, "happened_on": day, "document": f"Giấy tờ {stage}", **terms})
    return case


def claim(officer, case, **changes):
    payload = {"item": "language_training", "amount_vnd": "3.500.000", "claimed_on": "2025-06-02",
               "receipt_number": "0001234", "receipt_date": "2025-05-30", "receipt_issuer": "Trường Cao đẳng nghề Điện Biên",
               "document_seen": "Hóa đơn GTGT số 0001234", **changes}
    return support_service.record_claim(actor=officer, case_id=case.id, fields=SupportClaimSchema().load(payload))


def count_claims():
    return db.session.scalar(select(func.count()).select_from(SupportClaim))


def test_a_claim_is_judged_by_the_version_in_force_on_its_day(officer, case):
    recorded = claim(officer, case)  # 2025: the scheme as Circular 55/2023 set it
    assert (recorded.amount_vnd, recorded.cap_vnd, recorded.status) == (3_500_000, 4_000_000, "pending")
    assert recorded.scheme_version.valid_from == date(2024, 6, 5)
    with pytest.raises(InvalidRequest) as refusal:  # pre-departure orientation is paid only from 01/01/2026
        claim(officer, case, item="orientation", amount_vnd="500.000")
    assert refusal.value.field == "item"
    later = claim(officer, case, item="orientation", amount_vnd="530.000", claimed_on="2026-02-20", receipt_date="2026-02-18")
    assert (later.cap_vnd, later.scheme_version.valid_from) == (530_000, date(2026, 1, 1))
    assert count_claims() == 2


@pytest.mark.parametrize("changes, field, words", [
    ({"amount_vnd": "4.000.001"}, "amount_vnd", "4.000.000 ₫"),
    ({"item": "passport", "amount_vnd": "200.000"}, "item", "Ký hợp đồng"),  # before the contract was signed
    ({"item": "meals", "amount_vnd": "1.550.000", "quantity": "30"}, "amount_vnd", "1.500.000 ₫"),
    ({"item": "personal_items", "amount_vnd": "600.000", "quantity": "2"}, "quantity", None),
    ({"claimed_on": "2024-06-01", "receipt_date": "2024-05-30"}, "claimed_on", "01/06/2024"),  # before any version
    ({"receipt_date": "2025-06-03"}, "receipt_date", None),  # a receipt dated after the claim
    ({"amount_vnd": "ba triệu"}, "amount_vnd", None),
])
def test_each_refusal_names_its_field_and_rule_and_stores_nothing(officer, case, changes, field, words):
    with pytest.raises((InvalidRequest, Exception)) as refusal:
        claim(officer, case, **changes)
    error = refusal.value
    fields = [error.field] if isinstance(error, InvalidRequest) else list(error.messages)
    assert fields == [field]
    if words:
        assert words in error.message
    assert count_claims() == 0


def test_an_item_paid_once_per_case_cannot_be_claimed_twice_but_meals_can(officer, case):
    claim(officer, case)
    with pytest.raises(InvalidRequest) as refusal:
        claim(officer, case, amount_vnd="400.000", receipt_number="0009999")
    assert refusal.value.field == "item" and "một lần" in refusal.value.message
    claim(officer, case, item="meals", amount_vnd="1.500.000", quantity="30")
    claim(officer, case, item="meals", amount_vnd="1.000.000", quantity="20", claimed_on="2025-07-01", receipt_date="2025-07-01")
    assert count_claims() == 3


def test_the_worker_must_hold_a_verified_priority_status_on_the_claims_day(officer, centre, programmes, schemes):
    other = eps_ready_job_seeker(centre_id=centre.id)
    make_priority_status(other, None, category="poor")  # recorded, never verified
    case = overseas_service.open_case(actor=officer, job_seeker_id=other.id, fields={
        "programme": "EPS", "opened_on": OPENED, "document": "Phiếu đăng ký số 16/2025"})
    with pytest.raises(InvalidRequest) as refusal:
        claim(officer, case)
    assert refusal.value.field == "job_seeker" and "02/06/2025" in refusal.value.message
    assert count_claims() == 0


def test_only_the_workers_centre_records_and_approves(case, worker):
    stranger = make_account("officer", centre_id=make_centre(province_code="79").id)
    with pytest.raises(PermissionRefused):
        claim(stranger, case)
    with pytest.raises(PermissionRefused):
        claim(make_account("employer", employer_id=make_employer().id), case)
    assert count_claims() == 0


def test_approval_makes_the_months_payment_list_read_only_by_the_centre_and_audited(officer, case, worker):
    pending = claim(officer, case)
    approved = claim(officer, case, item="meals", amount_vnd="1.500.000", quantity="30")
    support_service.approve_claim(actor=officer, claim_id=approved.id)
    with pytest.raises(InvalidRequest):
        support_service.approve_claim(actor=officer, claim_id=approved.id)  # once
    listed = support_service.payment_list(actor=officer, month=TODAY.replace(day=1))
    assert [(row.job_seeker.full_name, row.item, row.amount_vnd) for row in listed] == [("Lò Văn Páo", "meals", 1_500_000)]
    assert pending not in listed  # waiting for approval: not paid yet
    stranger = make_account("officer", centre_id=make_centre(province_code="79").id)
    assert support_service.payment_list(actor=stranger, month=TODAY.replace(day=1)) == []
    readings = db.session.execute(select(AuditEntry.actor_id, AuditEntry.subject_type, AuditEntry.subject_id).where(
        AuditEntry.action == "support_claim.payment_list").order_by(AuditEntry.id)).all()
    # The list as a whole, for the centre, and each person on it (their own data page shows it); an empty list: the centre.
    assert readings == [(officer.id, "centre", officer.centre_id), (officer.id, "job_seeker", worker.id),
                        (stranger.id, "centre", stranger.centre_id)]
    assert support_service.mark_paid(actor=officer, month=TODAY.replace(day=1), paid_on=TODAY) == 1
    db.session.refresh(approved)
    assert (approved.status, approved.paid_on) == ("paid", TODAY)


def test_the_payment_workbook_holds_numbers_and_dates_and_the_worker_sees_their_claims(client, officer, case, worker):
    support_service.approve_claim(actor=officer, claim_id=claim(officer, case).id)
    start_session(client, officer)
    response = client.get(f"/centre/support-payments?month={TODAY:%Y-%m}&format=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    header = [cell.value for cell in sheet[2]]
    row = dict(zip(header, (cell.value for cell in sheet[3]), strict=True))
    assert row["Họ và tên"] == "Lò Văn Páo" and row["Số tiền (đồng)"] == 3_500_000
    assert row["Ngày chứng từ"].date() == date(2025, 5, 30) and sheet.cell(3, 9).number_format == "dd/mm/yyyy"
    assert sheet.cell(4, 11).value == 3_500_000  # the total

    worker_account = make_account("job_seeker", job_seeker_id=worker.id)
    start_session(client, worker_account)
    page = client.get(f"/overseas-cases/{case.id}/support").get_data(as_text=True)
    assert "Học ngoại ngữ" in page and "3.500.000" in page and "Ghi nhận khoản hỗ trợ" not in page
    assert client.get(f"/centre/support-payments?month={TODAY:%Y-%m}").status_code == 403


def test_the_officers_form_refuses_with_the_field_named_and_records_a_good_claim(client, officer, case):
    start_session(client, officer)
    path = f"/overseas-cases/{case.id}/support"
    page = client.get(path).get_data(as_text=True)
    assert "Chưa xác nhận" in page and "Nghị định 338/2025/NĐ-CP" in page
    form = {"item": "passport", "amount_vnd": "250.000", "quantity": "1", "claimed_on": TODAY.isoformat(),
            "receipt_number": "HC-77", "receipt_date": (TODAY - timedelta(days=3)).isoformat(),
            "receipt_issuer": "Phòng Quản lý xuất nhập cảnh Công an tỉnh", "document_seen": "Biên lai thu lệ phí"}
    refused = post_form(client, f"/overseas-cases/{case.id}/support-claims", form, token_from=path)
    assert refused.status_code == 422 and "200.000 ₫" in refused.get_data(as_text=True) and count_claims() == 0
    done = post_form(client, f"/overseas-cases/{case.id}/support-claims", {**form, "amount_vnd": "200 nghìn"}, token_from=path)
    assert done.status_code == 302 and count_claims() == 1


# Loan dossiers for the Bank for Social Policies, from the same case (contract signed on 02/02/2026, 36 months).

def dossier_fields(**changes):
    return LoanDossierSchema().load({"kind": "decree_338", "costs_vnd": "120 triệu", "amount_vnd": "110.000.000", "term_months": "36",
                                     "bank_branch": "Phòng giao dịch NHCSXH huyện Mường Chà", **changes})


def count_dossiers():
    return db.session.scalar(select(func.count()).select_from(LoanDossier))


@pytest.mark.parametrize("changes, field", [
    ({"amount_vnd": "125 triệu"}, "amount_vnd"),  # above the costs
    ({"term_months": "40"}, "term_months"),  # longer than the contract
    ({"kind": "eps_deposit", "amount_vnd": "101 triệu"}, "amount_vnd"),
])
def test_a_loan_condition_not_met_is_named_and_nothing_stored(officer, case, changes, field):
    with pytest.raises(InvalidRequest) as refusal:
        loan_service.prepare_dossier(actor=officer, case_id=case.id, fields=dossier_fields(**changes))
    assert refusal.value.field == field and count_dossiers() == 0


def test_state_support_already_approved_is_taken_off_the_loan(officer, case):
    support_service.approve_claim(actor=officer, claim_id=claim(officer, case).id)  # 3,500,000 ₫ of language training
    with pytest.raises(InvalidRequest) as refusal:
        loan_service.prepare_dossier(actor=officer, case_id=case.id, fields=dossier_fields(costs_vnd="120 triệu", amount_vnd="117 triệu"))
    assert "116.500.000 ₫" in refusal.value.message
    dossier = loan_service.prepare_dossier(actor=officer, case_id=case.id, fields=dossier_fields(amount_vnd="116.500.000"))
    assert dossier.amount_vnd == 116_500_000


def test_a_dossier_goes_to_the_bank_and_its_answer_is_recorded_in_order(officer, case, worker):
    dossier = loan_service.prepare_dossier(actor=officer, case_id=case.id, fields=dossier_fields())
    assert all(verdict["passed"] for verdict in dossier.verdicts)
    with pytest.raises(InvalidRequest):  # one dossier per loan at a time
        loan_service.prepare_dossier(actor=officer, case_id=case.id, fields=dossier_fields())

    def move(**fields):
        return loan_service.move_dossier(actor=officer, dossier_id=dossier.id, fields=LoanDossierMoveSchema().load(fields))

    with pytest.raises(InvalidRequest) as refusal:
        move(status="approved", approved_amount_vnd="100 triệu")  # not submitted yet
    assert refusal.value.field == "status"
    submitted_on = TODAY - timedelta(days=20)
    with pytest.raises(InvalidRequest) as refusal:
        move(status="submitted", happened_on=submitted_on.isoformat())  # before it was prepared
    assert refusal.value.field == "happened_on"
    move(status="submitted")
    for fields, field in (({"status": "approved", "approved_amount_vnd": "111 triệu"}, "approved_amount_vnd"),
                          ({"status": "refused"}, "refusal_reason")):
        with pytest.raises(InvalidRequest) as refusal:
            move(**fields)
        assert refusal.value.field == field
    move(status="approved", approved_amount_vnd="100 triệu")
    move(status="disbursed")
    db.session.refresh(dossier)
    assert (dossier.status, dossier.approved_amount_vnd, dossier.disbursed_on) == ("disbursed", 100_000_000, TODAY)
    actions = db.session.scalars(select(AuditEntry.action).where(AuditEntry.subject_type == "loan_dossier")).all()
    assert actions == ["loan_dossier.prepare", "loan_dossier.submitted", "loan_dossier.approved", "loan_dossier.disbursed"]


def test_a_submitted_dossier_without_an_answer_after_ten_working_days_is_flagged(officer, case):
    dossier = loan_service.prepare_dossier(actor=officer, case_id=case.id, fields=dossier_fields())
    dossier.status, dossier.submitted_on = "submitted", date(2026, 11, 20)
    db.session.commit()
    assert loan_service.answer_overdue(dossier, today=date(2026, 12, 4)) is False  # the tenth working day
    assert loan_service.answer_overdue(dossier, today=date(2026, 12, 5)) is True
    assert loan_service.centre_dossiers(actor=officer) == [dossier]


def test_the_printed_dossier_is_prefilled_and_audited_and_other_centres_are_refused(client, officer, case, worker):
    dossier = loan_service.prepare_dossier(actor=officer, case_id=case.id, fields=dossier_fields())
    start_session(client, officer)
    page = client.get(f"/loan-dossiers/{dossier.id}").get_data(as_text=True)
    for words in ("Lò Văn Páo", "011095000123", "Phòng giao dịch NHCSXH huyện Mường Chà", "110.000.000", "36 tháng",
                  "Xác nhận của Ủy ban nhân dân xã", "chưa được xác nhận"):
        assert words in page, words
    assert db.session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "loan_dossier.read")) == 1
    start_session(client, make_account("officer", centre_id=make_centre(province_code="79").id))
    assert client.get(f"/loan-dossiers/{dossier.id}").status_code == 403


def test_the_workers_download_holds_their_claims_and_dossiers(officer, case, worker):
    from jobmatch.services import personal_data as personal_data_service

    claim(officer, case)
    loan_service.prepare_dossier(actor=officer, case_id=case.id, fields=dossier_fields())
    account = make_account("job_seeker", job_seeker_id=worker.id)
    export = personal_data_service.export_personal_data(actor=account, job_seeker_id=worker.id)
    assert [(row["item"], row["amount_vnd"], row["receipt_date"]) for row in export["support_claims"]] == [
        ("language_training", 3_500_000, "2025-05-30")]
    assert [(row["kind"], row["amount_vnd"], row["status"]) for row in export["loan_dossiers"]] == [("decree_338", 110_000_000, "prepared")]
