"""A job seeker with one record of every kind the platform keeps about a person, each carrying words of its own that a
test can look for (the download, the printable page, what deletion leaves)."""
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Placement
from jobmatch.models.account import ApiToken
from jobmatch.models.application import PlacementFollowUp, PlacementFollowUpCorrection
from jobmatch.models.candidate_list import CandidateExposure
from jobmatch.models.consent import Consent
from jobmatch.models.interview import Interview
from jobmatch.models.invitation import Invitation, ReferralRequest
from jobmatch.models.job_fair import JobFair, JobFairRegistration
from jobmatch.models.notification import Notification
from jobmatch.models.overseas import AgencyReport
from jobmatch.models.reminder import ApplicationReminder
from jobmatch.models.saved_search import SavedSearch, SavedSearchAlert
from jobmatch.models.support import LoanDossier, SupportClaim, SupportScheme, SupportSchemeVersion
from jobmatch.models.training import Enrolment, TrainingCourse, TrainingFollowUp, TrainingProvider
from jobmatch.models.training_survey import DemandSurvey, TrainingWish
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.services import audit
from jobmatch.services import overseas as overseas_service
from jobmatch.services import support as support_service
from tests.factories import (
    HANOI_WARD,
    make_account,
    make_application,
    make_centre,
    make_employer,
    make_job_seeker,
    make_priority_status,
    make_vacancy,
)
from tests.services.test_stats_overseas import open_case

HIRED_ON = date(2026, 12, 2)

# What each kind of record says, as the page shows it (and the JSON holds it): the words a test looks for.
WORDS = {
    "profile": "Hờ A Dính",
    "priority_statuses": "Sổ hộ nghèo số 42",
    "consents": "2026-01-05T01:00:00+00:00",
    "applications": "Thợ hàn khung thép",
    "referrals": "Thợ điện công trình",
    "referral_requests": "Thợ mộc nội thất",
    "interviews": "Phòng 301, số 8 Hoàng Diệu",
    "invitations": "Mời anh ứng tuyển vị trí thợ sơn",
    "saved_searches": "Hàn ở Ba Đình",
    "notifications": "Nhà máy Sông Hồng",
    "overseas_cases": "Quyết định số 1",
    "agency_reports": "Công ty giữ hộ chiếu của tôi",
    "training_enrolments": "Hàn điện cơ bản",
    "training_wishes": "7212",
    "job_fairs": "Phiên giao dịch việc làm tháng 12",
    "support_claims": "HĐ 0042/2026",
    "loan_dossiers": "NHCSXH Ba Đình",
    "audit_entries": "Cán bộ Lò Văn Sáu",
}


@dataclass
class Person:
    job_seeker: object
    account: object
    officer: object
    employer: object
    centre: object
    hired: object  # the hired application
    case_id: int


def make_person_with_every_record():
    overseas_service.load_programmes()
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id, display_name=WORDS["audit_entries"])
    employer = make_employer(name="Nhà máy Sông Hồng")
    job_seeker = make_job_seeker(consents=(), full_name=WORDS["profile"], centre_id=centre.id)
    account = make_account("job_seeker", job_seeker_id=job_seeker.id, email="hoadinh@example.vn")
    make_priority_status(job_seeker, officer, evidence=WORDS["priority_statuses"])
    db.session.add_all([
        Consent(job_seeker_id=job_seeker.id, purpose="show_profile", version=1, given_at=datetime(2025, 11, 6, 2),
                withdrawn_at=datetime(2026, 1, 5, 1), given_by_id=account.id, withdrawn_by_id=account.id),
        Consent(job_seeker_id=job_seeker.id, purpose="show_profile", version=1, given_by_id=officer.id),
    ])
    hired = make_application(make_vacancy(employer, title=WORDS["applications"]), job_seeker, "hired")
    hired.placement = Placement(hire_date=HIRED_ON, employer_confirmed=True, confirmed_by_id=officer.id)
    db.session.flush()
    follow_up = PlacementFollowUp(placement_id=hired.placement.id, months=3, still_employed=True, recorded_by_id=officer.id)
    db.session.add(follow_up)
    db.session.flush()
    db.session.add(PlacementFollowUpCorrection(follow_up_id=follow_up.id, still_employed=False, recorded_by_id=officer.id,
                                               recorded_at=utc_now()))
    referral = make_application(make_vacancy(employer, title=WORDS["referrals"]), job_seeker, "shortlisted", source="referral",
                                referred_by_id=officer.id)
    db.session.add_all([
        Interview(application_id=referral.id, starts_at=utc_now() + timedelta(days=3), place=WORDS["interviews"]),
        ApplicationReminder(application_id=referral.id, sent_by_id=officer.id),
        ReferralRequest(vacancy_id=make_vacancy(employer, title=WORDS["referral_requests"]).id, job_seeker_id=job_seeker.id,
                        centre_id=centre.id, requested_by_id=officer.id),
        Invitation(vacancy_id=make_vacancy(employer, title="Thợ sơn").id, job_seeker_id=job_seeker.id, employer_id=employer.id,
                   message=WORDS["invitations"]),
        CandidateExposure(employer_id=employer.id, day=vietnam_today(), job_seeker_id=job_seeker.id),
        Notification(account_id=account.id, kind="invitation_received", params={"employer": employer.name, "vacancy": "Thợ sơn"}),
        ApiToken(account_id=account.id, name="điện thoại", token_hash="a" * 64, expires_at=utc_now() + timedelta(days=30)),
        AgencyReport(employer_id=employer.id, job_seeker_id=job_seeker.id, kind="documents_withheld",
                     description=f"{WORDS['agency_reports']} (Hờ A Dính)"),  # the person's own words, which name them
    ])
    search = SavedSearch(job_seeker_id=job_seeker.id, kind="search", name=WORDS["saved_searches"], criteria={"q": "hàn"},
                         unsubscribe_token="t" * 43)
    db.session.add(search)
    db.session.flush()
    db.session.add(SavedSearchAlert(saved_search_id=search.id, vacancy_id=hired.vacancy_id))
    case = open_case(job_seeker, "EPS", [date(2026, 9, 1), date(2026, 10, 1)])
    _training_fair_and_support(job_seeker, centre, officer, case)
    audit.record(action="priority_status_read", actor=officer, subject_type="job_seeker", subject_id=job_seeker.id)
    db.session.commit()
    return Person(job_seeker, account, officer, employer, centre, hired, case.id)


def _training_fair_and_support(job_seeker, centre, officer, case):
    provider = TrainingProvider(centre_id=centre.id, name="Trường nghề Ba Đình", ward_code=HANOI_WARD)
    db.session.add(provider)
    db.session.flush()
    course = TrainingCourse(centre_id=centre.id, provider_id=provider.id, title=WORDS["training_enrolments"], isco_code="7212",
                            length_value=3, length_unit="month", starts_on=date(2026, 3, 1), ends_on=date(2026, 5, 31),
                            ward_code=HANOI_WARD, seats=20, cost_vnd=0)
    survey = DemandSurvey(centre_id=centre.id, title="Khảo sát 2026", starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31))
    fair = JobFair(centre_id=centre.id, title=WORDS["job_fairs"], held_on=date(2026, 12, 10), ward_code=HANOI_WARD, venue="Nhà văn hóa")
    db.session.add_all([course, survey, fair])
    support_service.load_schemes()
    version = db.session.scalars(select(SupportSchemeVersion).join(SupportScheme).where(SupportScheme.applies_to == "overseas")
                                 .order_by(SupportSchemeVersion.valid_from.desc())).first()
    enrolment = Enrolment(course_id=course.id, job_seeker_id=job_seeker.id, source="officer", enrolled_by_id=officer.id,
                          completed_on=date(2026, 6, 1), certificate_number="CC-2026-0042", certificate_date=date(2026, 6, 1))
    db.session.add_all([enrolment, JobFairRegistration(job_fair_id=fair.id, job_seeker_id=job_seeker.id),
                        TrainingWish(survey_id=survey.id, job_seeker_id=job_seeker.id, isco_code="7212", ward_code=HANOI_WARD,
                                     wanted_from=date(2027, 1, 1), travel_km=20)])
    db.session.flush()
    db.session.add_all([
        TrainingFollowUp(enrolment_id=enrolment.id, months=3, working=True, recorded_by_id=officer.id),
        SupportClaim(job_seeker_id=job_seeker.id, case_id=case.id, centre_id=centre.id, scheme_version_id=version.id,
                     item=version.rules["items"][0]["code"], amount_vnd=3_500_000, claimed_on=date(2026, 9, 10),
                     receipt_number=WORDS["support_claims"], receipt_date=date(2026, 9, 9), receipt_issuer="Trường Hàn ngữ",
                     document_seen="Sổ hộ nghèo số 42"),  # the evidence seen names the person's book: emptied on deletion
        LoanDossier(case_id=case.id, job_seeker_id=job_seeker.id, centre_id=centre.id, kind="eps_deposit", amount_vnd=100_000_000,
                    costs_vnd=100_000_000, term_months=36, bank_branch=WORDS["loan_dossiers"],
                    verdicts=[{"rule": "age", "passed": True, "detail": "sinh ngày 17/05/1995"}], prepared_on=date(2026, 10, 2)),
    ])
