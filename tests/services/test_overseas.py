"""Overseas programme use cases against the real database: versioned programmes, eligibility explained under the
version in force, cases moved only along the path, deadlines, the fee cap on agencies' vacancies, and reports."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import (
    AgencyReport,
    Notification,
    OverseasCase,
    OverseasCaseEvent,
    ProgrammeVersion,
    Vacancy,
)
from jobmatch.rules.clock import vietnam_today
from jobmatch.schemas.overseas import ProgrammeWriteSchema
from jobmatch.services import overseas as overseas_service
from jobmatch.services import vacancy as vacancy_service
from jobmatch.services.errors import InvalidRequest, PermissionRefused
from jobmatch.web.programme_editor import programme_form_values, programme_payload
from tests.factories import (
    HANOI_WARD,
    eps_ready_job_seeker,
    make_account,
    make_agency,
    make_centre,
    make_employer,
    vacancy_fields,
)

TODAY = vietnam_today()


@pytest.fixture
def centre():
    return make_centre(province_code="01")


@pytest.fixture
def officer(centre):
    return make_account("officer", centre_id=centre.id)


@pytest.fixture
def admin():
    return make_account("admin")


@pytest.fixture
def worker(centre):
    return eps_ready_job_seeker(centre_id=centre.id)


def edit_eps(admin, programmes, bans=None, **rule_changes):
    """Save a new EPS version through the editor's own round trip (form values → payload → schema); `bans`, rows of
    {field: text}, replace the barred areas."""
    values = programme_form_values(programmes["EPS"])
    if bans is not None:
        values = {name: value for name, value in values.items() if not name.startswith("ban-")}
        values.update({f"ban-{number}-{field}": text for number, ban in enumerate(bans) for field, text in ban.items()})
    values.update(rule_changes)
    return overseas_service.save_programme(actor=admin, fields=ProgrammeWriteSchema().load(programme_payload(_Form(values))))


class _Form(dict):
    """A posted form's shape for programme_payload (checkboxes are present or absent)."""

    def __init__(self, values):
        super().__init__({key: str(value) for key, value in values.items() if value not in (None, False, "")})


def open_eps(officer, worker, **fields):
    return overseas_service.open_case(actor=officer, job_seeker_id=worker.id, fields={
        "programme": "EPS", "opened_on": TODAY - timedelta(days=300), "document": "Phiếu đăng ký số 15/2026", **fields})


def move(officer, case, stage, days_ago, **fields):
    return overseas_service.move_case(actor=officer, case_id=case.id, fields={
        "stage": stage, "happened_on": TODAY - timedelta(days=days_ago), "document": f"Giấy tờ {stage}", **fields})


def test_every_edit_is_a_new_version_and_a_case_keeps_the_version_it_was_opened_under(admin, officer, worker, programmes):
    case = open_eps(officer, worker)
    assert case.programme_version.number == 1
    edit_eps(admin, programmes, max_age=35, note="Vòng tuyển 2027")
    versions = db.session.scalars(select(ProgrammeVersion).order_by(ProgrammeVersion.number)).all()
    assert [(version.programme.code, version.number) for version in versions if version.programme.code == "EPS"] == [("EPS", 1), ("EPS", 2)]
    assert versions[0].rules["max_age"] == 39  # the old version is unchanged
    db.session.refresh(case)
    assert case.programme_version.number == 1 and case.programme_version.rules["max_age"] == 39
    assert all(verdict["passed"] for verdict in case.eligibility)


def test_eligibility_names_each_failed_rule_in_plain_words(officer, programmes, centre):
    old_without_certificate = eps_ready_job_seeker(centre_id=centre.id, birth_date=TODAY.replace(year=TODAY.year - 45, day=1),
                                                   languages=[])
    judged = overseas_service.eligibility(actor=officer, job_seeker_id=old_without_certificate.id, programme_code="EPS")[0]
    assert not judged.eligible
    messages = {verdict["rule"]: verdict["message"] for verdict in judged.verdicts if not verdict["passed"]}
    assert set(messages) == {"age", "language"}
    assert messages["language"] == "chưa có chứng chỉ EPS-TOPIK"
    assert messages["age"].startswith("quá 39 tuổi")


def test_a_ward_under_an_area_ban_is_ineligible_until_the_ban_ends(admin, officer, worker, programmes):
    last_day = TODAY + timedelta(days=10)
    edit_eps(
        admin,
        programmes,
        bans=[{"province": "01", "ward": HANOI_WARD, "starts_on": f"{TODAY - timedelta(days=5):%d/%m/%Y}",
               "ends_on": f"{last_day:%d/%m/%Y}", "reason": "Tỷ lệ cư trú bất hợp pháp cao"}],
    )
    during = overseas_service.eligibility(actor=officer, job_seeker_id=worker.id, programme_code="EPS")[0]
    ban = next(verdict for verdict in during.verdicts if verdict["rule"] == "area_ban")
    assert not during.eligible and not ban["passed"] and "Phường Ba Đình" in ban["message"]
    with pytest.raises(InvalidRequest) as refusal:
        open_eps(officer, worker, opened_on=TODAY)
    assert refusal.value.field == "programme" and "Phường Ba Đình" in refusal.value.message
    assert db.session.scalar(select(func.count()).select_from(OverseasCase)) == 0
    after = overseas_service.eligibility(actor=officer, job_seeker_id=worker.id, programme_code="EPS",
                                         on=last_day + timedelta(days=1))[0]
    assert after.eligible


def test_a_case_moves_only_to_the_next_stage_on_a_day_in_order_with_nothing_stored_otherwise(officer, worker, programmes):
    case = open_eps(officer, worker)
    for refused, field in (
        ({"stage": "skills_test"}, "stage"),  # skips the language test
        ({"stage": "registration"}, "stage"),  # backwards
        ({"stage": "language_test", "happened_on": TODAY - timedelta(days=301)}, "happened_on"),  # before the last step
        ({"stage": "language_test", "happened_on": TODAY + timedelta(days=1)}, "happened_on"),  # in the future
        ({"stage": "language_test", "contract_months": 36}, "contract_months"),  # terms belong to the contract step
    ):
        with pytest.raises(InvalidRequest) as refusal:
            overseas_service.move_case(actor=officer, case_id=case.id, fields={
                "happened_on": TODAY - timedelta(days=200), "document": "Giấy báo điểm", **refused})
        assert refusal.value.field == field
        if field == "stage":
            assert "Đạt kỳ thi tiếng Hàn EPS-TOPIK" in refusal.value.message  # names the step expected
    db.session.expire_all()
    assert db.session.get(OverseasCase, case.id).stage == "registration"
    assert db.session.scalar(select(func.count()).select_from(OverseasCaseEvent)) == 1

    move(officer, case, "language_test", 250)
    with pytest.raises(InvalidRequest) as refusal:
        move(officer, case, "roster", 240)
    assert "Đạt kiểm tra tay nghề" in refusal.value.message  # the message names the step expected


def test_a_case_reaches_departure_and_records_the_contract_with_the_fee_against_the_cap(officer, worker, programmes):
    case = open_eps(officer, worker)
    for stage, days_ago in (("language_test", 250), ("skills_test", 200), ("roster", 150), ("employer_selection", 100)):
        move(officer, case, stage, days_ago)
    with pytest.raises(InvalidRequest) as refusal:
        move(officer, case, "contract", 80)  # the contract stage needs its terms
    assert refusal.value.field == "contract_months"
    expired = make_agency(overseas_licence_expires=TODAY - timedelta(days=400))
    with pytest.raises(InvalidRequest) as refusal:
        move(officer, case, "contract", 80, agency_id=expired.id, contract_months=36, monthly_salary_vnd=45_000_000,
             service_fee_paid_vnd=0)
    assert refusal.value.field == "agency_id"
    move(officer, case, "contract", 80, contract_months=36, monthly_salary_vnd=45_000_000, service_fee_paid_vnd=5_000_000)
    move(officer, case, "training", 60)
    move(officer, case, "departure", 30)
    db.session.refresh(case)
    assert case.stage == "departure" and case.status == "active"
    assert case.service_fee_cap_vnd == 0 and case.service_fee_paid_vnd == 5_000_000  # EPS charges no service fee
    assert [event.stage for event in case.events][-3:] == ["contract", "training", "departure"]
    move(officer, case, "return", 0)
    db.session.refresh(case)
    assert case.status == "completed"


def test_a_return_after_the_deadline_is_not_recorded_as_on_time(officer, worker, programmes):
    case = open_eps(officer, worker, opened_on=TODAY - timedelta(days=2400))
    steps = ("language_test", "skills_test", "roster", "employer_selection", "contract", "training", "departure")
    for number, stage in enumerate(steps, start=1):
        terms = {"contract_months": 36, "monthly_salary_vnd": 45_000_000, "service_fee_paid_vnd": 0} if stage == "contract" else {}
        move(officer, case, stage, 2400 - number * 30, **terms)
    with pytest.raises(InvalidRequest) as refusal:
        move(officer, case, "return", 0)  # 1,765 days after the departure have passed
    assert refusal.value.field == "happened_on"
    move(officer, case, "return", 2400 - 7 * 30 - 1765)  # on its last day
    db.session.refresh(case)
    assert case.status == "completed"


def test_closing_a_departed_case_as_overstayed_bars_later_programmes(officer, worker, programmes):
    case = open_eps(officer, worker)
    with pytest.raises(InvalidRequest):
        overseas_service.close_case(actor=officer, case_id=case.id, fields={
            "reason": "overstayed", "happened_on": TODAY, "document": "Thông báo"})  # never departed
    for stage, days_ago in (("language_test", 250), ("skills_test", 200), ("roster", 150), ("employer_selection", 100)):
        move(officer, case, stage, days_ago)
    move(officer, case, "contract", 80, contract_months=36, monthly_salary_vnd=45_000_000, service_fee_paid_vnd=0)
    move(officer, case, "training", 60)
    move(officer, case, "departure", 30)
    overseas_service.close_case(actor=officer, case_id=case.id, fields={
        "reason": "overstayed", "happened_on": TODAY, "document": "Công văn của Trung tâm Lao động ngoài nước"})
    db.session.refresh(worker)
    assert worker.overstayed_abroad
    judged = overseas_service.eligibility(actor=officer, job_seeker_id=worker.id, programme_code="TW")[0]
    assert not judged.eligible and [verdict["reason"] for verdict in judged.verdicts if not verdict["passed"]] == ["overstayed"]


def test_only_the_worker_centre_moves_a_case_and_one_open_case_per_programme(officer, worker, programmes):
    case = open_eps(officer, worker)
    stranger = make_account("officer", centre_id=make_centre(province_code="48").id)
    with pytest.raises(PermissionRefused):
        move(stranger, case, "language_test", 250)
    with pytest.raises(InvalidRequest) as refusal:
        open_eps(officer, worker)
    assert refusal.value.field == "programme"
    with pytest.raises(InvalidRequest) as unknown:
        open_eps(officer, worker, programme="ABC")
    assert "ABC" in unknown.value.message


def test_the_deadline_job_lapses_an_expired_roster_and_tells_the_worker_once(officer, worker, programmes):
    account = make_account("job_seeker", job_seeker_id=worker.id)
    case = open_eps(officer, worker, opened_on=TODAY - timedelta(days=900))
    move(officer, case, "language_test", 880)
    move(officer, case, "skills_test", 860)
    move(officer, case, "roster", 720)  # valid 730 days: lapses in 10 days, so it is near now
    report = overseas_service.flag_deadlines(today=TODAY)
    assert (report.lapsed, report.due_soon) == (0, 1)
    assert overseas_service.flag_deadlines(today=TODAY).due_soon == 0  # told once
    report = overseas_service.flag_deadlines(today=TODAY + timedelta(days=11))
    assert report.lapsed == 1
    db.session.refresh(case)
    assert case.status == "closed" and case.close_reason == "lapsed"
    kinds = db.session.scalars(select(Notification.kind).where(Notification.account_id == account.id).order_by(Notification.id)).all()
    assert kinds == ["overseas_deadline_soon", "overseas_case_lapsed"]


def overseas_fields(**overrides):
    fields = {
        "title": "Thực tập sinh hàn tại Nhật Bản", "isco_code": "7212", "ward_code": None, "is_overseas": True,
        "destination_country": "JP", "programme": "TITP", "contract_months": 36, "salary_min": 30_000_000,
        "salary_max": 35_000_000,
        "fees": [{"kind": "service", "amount_vnd": 90_000_000}, {"kind": "training", "amount_vnd": 12_000_000}],
    }
    return vacancy_fields(**{**fields, **overrides})


def test_a_service_fee_above_the_programme_cap_is_refused_and_nothing_stored(programmes):
    agency = make_agency()
    account = make_account("employer", employer_id=agency.id)
    vacancy = vacancy_service.post_vacancy(actor=account, fields=overseas_fields())  # 3 months' salary: the cap
    assert vacancy.programme == "TITP"
    with pytest.raises(InvalidRequest) as refusal:
        vacancy_service.post_vacancy(actor=account, fields=overseas_fields(
            fees=[{"kind": "service", "amount_vnd": 90_000_001}]))
    assert refusal.value.field == "fees" and "90.000.000" in refusal.value.message.replace(",", ".")
    with pytest.raises(InvalidRequest) as short_contract:
        vacancy_service.post_vacancy(actor=account, fields=overseas_fields(contract_months=12))  # cap: one month
    assert short_contract.value.field == "fees"
    assert db.session.scalar(select(func.count()).select_from(Vacancy)) == 1


def test_overseas_vacancies_need_a_licence_in_force_and_a_known_programme_for_their_country(programmes):
    unlicensed = make_account("employer", employer_id=make_employer().id)
    with pytest.raises(InvalidRequest) as refusal:
        vacancy_service.post_vacancy(actor=unlicensed, fields=overseas_fields())
    assert refusal.value.field == "is_overseas"
    expired = make_account("employer", employer_id=make_agency(overseas_licence_expires=TODAY - timedelta(days=1)).id)
    with pytest.raises(InvalidRequest):
        vacancy_service.post_vacancy(actor=expired, fields=overseas_fields())
    agency = make_account("employer", employer_id=make_agency().id)
    with pytest.raises(InvalidRequest) as unknown:
        vacancy_service.post_vacancy(actor=agency, fields=overseas_fields(programme="XYZ"))
    assert unknown.value.field == "programme"
    with pytest.raises(InvalidRequest) as elsewhere:
        vacancy_service.post_vacancy(actor=agency, fields=overseas_fields(programme="EPS"))
    assert elsewhere.value.field == "destination_country"
    assert db.session.scalar(select(func.count()).select_from(Vacancy)) == 0


def test_workers_report_an_agency_and_only_their_own_centre_sees_who(officer, worker, programmes, centre):
    agency = make_agency()
    reporter = make_account("job_seeker", job_seeker_id=worker.id)
    overseas_service.report_agency(actor=reporter, fields={
        "employer_id": agency.id, "vacancy_id": None, "kind": "fee_above_cap", "fee_paid_vnd": 150_000_000,
        "description": "Thu 150 triệu tiền dịch vụ, không có biên lai."})
    other = make_account("officer", centre_id=make_centre(province_code="48").id)
    own_view = overseas_service.list_reports(actor=officer).items
    other_view = overseas_service.list_reports(actor=other).items
    assert [(report.kind, visible) for report, visible in own_view] == [("fee_above_cap", True)]
    assert [visible for _, visible in other_view] == [False]
    overseas_service.review_report(actor=officer, report_id=own_view[0][0].id, note="Đã chuyển thanh tra Sở")
    assert overseas_service.list_reports(actor=officer).items == []
    with pytest.raises(InvalidRequest):
        overseas_service.review_report(actor=other, report_id=own_view[0][0].id, note="Ghi đè")
    assert db.session.scalar(select(AgencyReport.review_note)) == "Đã chuyển thanh tra Sở"
    with pytest.raises(PermissionRefused):
        overseas_service.list_reports(actor=reporter)


def test_the_reference_programmes_load_once_with_their_bans_in_current_wards(admin, programmes):
    eps = programmes["EPS"].current
    assert [stage["code"] for stage in eps.stages][:4] == ["registration", "language_test", "skills_test", "roster"]
    bans = eps.rules["area_bans"]
    assert bans and all(len(ban["ward_code"]) == 5 and ban["starts_on"] == "2023-03-01" for ban in bans)
    assert overseas_service.load_programmes() == 0
    edit_eps(admin, programmes, max_age=38)
    assert overseas_service.load_programmes() == 0  # an administrator's edit is kept


def test_the_worker_download_holds_their_cases_and_reports_and_deletion_blanks_the_documents(officer, worker, programmes):
    from jobmatch.services import job_seeker as job_seeker_service
    from jobmatch.services import personal_data as personal_data_service

    account = make_account("job_seeker", job_seeker_id=worker.id)
    case = open_eps(officer, worker)
    move(officer, case, "language_test", 250)
    overseas_service.report_agency(actor=account, fields={
        "employer_id": make_agency().id, "vacancy_id": None, "kind": "documents_withheld", "fee_paid_vnd": None,
        "description": "Công ty giữ hộ chiếu."})
    export = personal_data_service.export_personal_data(actor=account, job_seeker_id=worker.id)
    assert [event["stage"] for event in export["overseas_cases"][0]["events"]] == ["registration", "language_test"]
    assert export["overseas_cases"][0]["programme"] == "EPS"
    assert [report["kind"] for report in export["agency_reports"]] == ["documents_withheld"]

    job_seeker_service.delete_account(actor=account, job_seeker_id=worker.id)
    # The open case is closed that day for the deleted account, and every document is blanked.
    assert db.session.scalars(select(OverseasCaseEvent.document)).all() == ["", "", ""]
    assert db.session.scalar(select(OverseasCase.close_reason)) == "deleted"
    assert db.session.scalar(select(func.count()).select_from(OverseasCase)) == 1  # still counted


def test_outside_a_programme_the_law_caps_the_service_fee(programmes):
    agency = make_account("employer", employer_id=make_agency().id)
    fields = overseas_fields(programme=None, destination_country="DE", contract_months=12,
                             fees=[{"kind": "service", "amount_vnd": 30_000_001}])
    with pytest.raises(InvalidRequest) as refusal:
        vacancy_service.post_vacancy(actor=agency, fields=fields)  # one month's salary (30,000,000) per year
    assert refusal.value.field == "fees"
    vacancy_service.post_vacancy(actor=agency, fields={**fields, "fees": [{"kind": "service", "amount_vnd": 30_000_000}]})


def test_reports_name_an_agency_or_an_unlicensed_recruiter(worker, programmes):
    reporter = make_account("job_seeker", job_seeker_id=worker.id)
    restaurant = make_employer(name="Nhà hàng Hương Sen")
    report = {"employer_id": restaurant.id, "vacancy_id": None, "fee_paid_vnd": None, "description": "Hứa đưa đi Nhật."}
    with pytest.raises(InvalidRequest) as refusal:
        overseas_service.report_agency(actor=reporter, fields={**report, "kind": "fee_above_cap"})
    assert refusal.value.field == "employer_id"
    overseas_service.report_agency(actor=reporter, fields={**report, "kind": "unlicensed"})
    assert db.session.scalar(select(func.count()).select_from(AgencyReport)) == 1


def test_the_database_keeps_one_open_case_per_worker_and_programme(officer, worker, programmes):
    from sqlalchemy.exc import IntegrityError

    case = open_eps(officer, worker)
    db.session.add(OverseasCase(job_seeker_id=worker.id, programme_id=case.programme_id, programme_version_id=case.programme_version_id,
                                stage="registration", stage_entered_on=TODAY, eligibility=[]))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    overseas_service.close_case(actor=officer, case_id=case.id, fields={"reason": "withdrew", "happened_on": TODAY, "document": "Đơn"})
    assert open_eps(officer, worker).status == "active"  # a closed case does not count


def test_a_backdated_case_is_judged_under_the_version_in_force_that_day(admin, officer, worker, programmes):
    first = programmes["EPS"].current
    first.created_at = first.created_at - timedelta(days=400)
    db.session.commit()
    edit_eps(admin, programmes, max_age=25)  # today's version would refuse the 30-year-old worker
    case = open_eps(officer, worker, opened_on=TODAY - timedelta(days=100))
    assert case.programme_version.number == 1
    with pytest.raises(InvalidRequest):
        open_eps(officer, eps_ready_job_seeker(centre_id=worker.centre_id), opened_on=TODAY)
