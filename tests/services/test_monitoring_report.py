"""The programme's monitoring report of a hand-built centre for the second half of 2026, against figures worked out by
hand: who went abroad, who was paid support and for what, loans through the bank's steps, people placed in work, each
split between priority workers (a status in force on the day that counts) and everyone else; people trained and
found in work after training; the deadlines; the workbook; and another centre's officer seeing only their own centre."""
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import (
    AuditEntry,
    Enrolment,
    LoanDossier,
    OverseasCase,
    OverseasCaseEvent,
    Placement,
    SupportClaim,
    SupportScheme,
    TrainingCourse,
    TrainingFollowUp,
    TrainingProvider,
)
from jobmatch.services import monitoring as monitoring_service
from jobmatch.services import support as support_service
from jobmatch.services.overseas import list_programmes
from tests.factories import HANOI_WARD, make_account, make_application, make_centre, make_job_seeker, make_priority_status, make_vacancy
from tests.web.helpers import start_session

H2 = monitoring_service.report_period("2026-H2")


@pytest.mark.parametrize("key, first, last", [
    ("2026-H1", date(2026, 1, 1), date(2026, 6, 30)), ("2026-H2", date(2026, 7, 1), date(2026, 12, 31)),
    ("2026", date(2026, 1, 1), date(2026, 12, 31)),
])
def test_a_period_is_a_half_year_or_a_year(key, first, last):
    assert (monitoring_service.report_period(key).first, monitoring_service.report_period(key).last) == (first, last)


@pytest.mark.parametrize("key", ["2026-H3", "26", "2026-1", "abcd", "1999", ""])
def test_anything_else_is_no_period(key):
    assert monitoring_service.report_period(key) is None


@pytest.mark.parametrize("key, agency, ministry", [
    ("2026-H1", date(2026, 7, 21), date(2026, 6, 1)),  # 15 working days after Tuesday 30/06/2026
    ("2026-H2", date(2027, 1, 21), date(2026, 12, 1)),
])
def test_the_reporting_calendar(key, agency, ministry):
    assert monitoring_service.deadlines(monitoring_service.report_period(key)) == (agency, ministry)


@pytest.fixture
def world(app_context, programmes):
    support_service.load_schemes()
    centre, other_centre = make_centre(province_code="11"), make_centre(province_code="79")
    officer = make_account("officer", centre_id=centre.id)
    poor = make_job_seeker(centre_id=centre.id, full_name="Lò Văn Páo")
    make_priority_status(poor, officer, category="poor", valid_until=date(2027, 12, 31))
    lapsed = make_job_seeker(centre_id=centre.id, full_name="Nguyễn Văn Hùng")  # poor until 30/06/2026 only
    make_priority_status(lapsed, officer, category="poor", valid_until=date(2026, 6, 30))
    minority = make_job_seeker(centre_id=centre.id, full_name="Hờ A Dính")
    make_priority_status(minority, officer, category="ethnic_minority")
    near_poor = make_job_seeker(centre_id=centre.id, full_name="Đinh Thị Hoa")
    make_priority_status(near_poor, officer, category="near_poor", valid_until=date(2027, 3, 31))
    plain = make_job_seeker(centre_id=centre.id, full_name="Trần Văn Bình")
    elsewhere = make_job_seeker(centre_id=other_centre.id, full_name="Phạm Thị Lan")

    eps = next(programme for programme in list_programmes() if programme.code == "EPS")
    for person, departed_on in ((poor, date(2026, 8, 1)), (lapsed, date(2026, 9, 1)), (minority, date(2026, 5, 1))):
        db.session.add(OverseasCase(
            job_seeker_id=person.id, programme_id=eps.id, programme_version_id=eps.current.id, stage="departure",
            stage_entered_on=departed_on, events=[OverseasCaseEvent(stage="departure", stage_kind="departure", happened_on=departed_on,
                                                                     document="Vé máy bay")]))
    db.session.flush()
    version = db.session.scalar(select(SupportScheme).where(SupportScheme.code == "XKLD_G2G")).versions[-1]
    cases = {case.job_seeker_id: case.id for case in db.session.scalars(select(OverseasCase))}
    for person, item, amount, paid_on in ((poor, "language_training", 3_500_000, date(2026, 10, 1)),
                                          (poor, "meals", 1_500_000, date(2026, 10, 1)),
                                          (minority, "language_training", 4_000_000, date(2026, 6, 15))):
        db.session.add(SupportClaim(
            job_seeker_id=person.id, case_id=cases[person.id], centre_id=centre.id, scheme_version_id=version.id, item=item,
            quantity=1, amount_vnd=amount, claimed_on=date(2026, 5, 4), receipt_number="BL", receipt_date=date(2026, 5, 4),
            receipt_issuer="Trường", document_seen="Hóa đơn", status="paid", approved_on=paid_on, paid_on=paid_on))
    dossier = {"kind": "eps_deposit", "costs_vnd": 100_000_000, "term_months": 36, "bank_branch": "NHCSXH", "verdicts": [],
               "centre_id": centre.id}
    db.session.add_all([
        LoanDossier(case_id=cases[poor.id], job_seeker_id=poor.id, amount_vnd=100_000_000, prepared_on=date(2026, 9, 10),
                    submitted_on=date(2026, 9, 12), decided_on=date(2026, 9, 25), approved_amount_vnd=90_000_000,
                    disbursed_on=date(2026, 10, 5), status="disbursed", **dossier),
        LoanDossier(case_id=cases[lapsed.id], job_seeker_id=lapsed.id, amount_vnd=80_000_000, prepared_on=date(2026, 11, 1),
                    submitted_on=date(2026, 11, 3), decided_on=date(2026, 11, 20), refusal_reason="Thiếu xác nhận của xã",
                    status="refused", **dossier),
    ])
    vacancy = make_vacancy()
    for person, hired_on in ((near_poor, date(2026, 7, 15)), (plain, date(2026, 8, 20)), (elsewhere, date(2026, 8, 20)),
                             (minority, date(2026, 3, 2))):
        application = make_application(vacancy, person, status="hired")
        db.session.add(Placement(application_id=application.id, hire_date=hired_on, employer_confirmed=True))
    course = TrainingCourse(centre_id=centre.id, provider=TrainingProvider(centre_id=centre.id, name="Trường nghề", ward_code=HANOI_WARD),
                            title="Hàn điện", isco_code="7212", length_value=2, length_unit="month", starts_on=date(2026, 3, 1),
                            ends_on=date(2026, 9, 1), ward_code=HANOI_WARD, seats=20, cost_vnd=0)
    # Completed in the half-year: the poor worker and the one whose status had lapsed; the plain worker completed in
    # the first half and was followed up (in work) in the second, the poor worker too (not in work).
    for person, completed_on, follow_up in ((poor, date(2026, 9, 1), (datetime(2026, 12, 1, 2), False)),
                                            (lapsed, date(2026, 8, 1), None),
                                            (plain, date(2026, 5, 1), (datetime(2026, 11, 1, 3), True))):
        enrolment = Enrolment(course=course, job_seeker_id=person.id, source="officer", completed_on=completed_on,
                              certificate_number="CC", certificate_date=completed_on)
        if follow_up:
            enrolment.follow_ups.append(TrainingFollowUp(months=3, recorded_at=follow_up[0], working=follow_up[1]))
        db.session.add(enrolment)
    db.session.commit()
    return officer, other_centre


def figures(rows):
    return {row.label: (row.priority, row.others, row.amount_vnd) for row in rows}


def test_the_half_years_figures_equal_those_worked_out_by_hand(world):
    officer, _ = world
    report = monitoring_service.monitoring_report(actor=officer, period=H2)
    # Two departures in the half-year: one poor worker, one whose poverty status had lapsed (counted with the others).
    assert figures(report.abroad) == {"departed": (1, 1, None), "supported": (1, 0, None)}
    assert report.abroad[1].by_category["poor"] == 1
    assert [(item, people, amount) for item, _, people, amount in report.support_items] == [
        ("language_training", 1, 3_500_000), ("meals", 1, 1_500_000)]
    assert figures(report.loans) == {
        "loan_prepared": (1, 1, 180_000_000), "loan_submitted": (1, 1, 180_000_000), "loan_approved": (1, 0, 90_000_000),
        "loan_disbursed": (1, 0, 90_000_000), "loan_refused": (0, 1, None),
    }
    assert figures(report.jobs) == {"placed": (1, 1, None)}  # the other centre's hire is not this centre's
    assert figures(report.training) == {"trained": (1, 1, None), "trained_followed": (1, 1, None), "trained_working": (0, 1, None)}
    assert db.session.scalar(select(AuditEntry.action).where(AuditEntry.actor_id == officer.id)) == "monitoring_report.read"


def test_another_centre_reads_only_its_own_figures_and_the_workbook_holds_numbers(world, client):
    officer, other_centre = world
    other = monitoring_service.monitoring_report(actor=make_account("officer", centre_id=other_centre.id), period=H2)
    assert figures(other.jobs) == {"placed": (0, 1, None)} and figures(other.abroad)["departed"] == (0, 0, None)
    start_session(client, officer)
    page = client.get("/centre/monitoring-report?period=2026-H2").get_data(as_text=True)
    assert "21/01/2027" in page and "Người lao động được hỗ trợ" in page
    sheet = load_workbook(io.BytesIO(client.get("/centre/monitoring-report?period=2026-H2&format=xlsx").data)).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["Khoản vay đã giải ngân"][:4] == (1, 0, 1, 90_000_000)
    assert rows["Người đã học nghề có việc làm khi được theo dõi"][:3] == (0, 1, 1)
    assert rows["Học ngoại ngữ"][0] == 1 and rows["Học ngoại ngữ"][3] == 3_500_000
    assert client.get("/centre/monitoring-report?period=2026-H9").status_code == 404


@pytest.mark.parametrize("today, expected", [
    (date(2026, 7, 1), ("2026-H1", date(2026, 7, 21))),  # 20 days ahead: the centre's home reminds its officers
    (date(2026, 7, 21), ("2026-H1", date(2026, 7, 21))),  # the day itself
    (date(2026, 6, 30), None), (date(2026, 7, 22), None), (date(2026, 12, 5), None),
    (date(2027, 1, 5), ("2026-H2", date(2027, 1, 21))),
])
def test_the_centres_home_reminds_of_the_report_in_the_20_days_before_it_is_due(today, expected):
    due = monitoring_service.report_due(today)
    assert (due and (due[0].key, due[1])) == expected
