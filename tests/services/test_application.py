"""The application service's rules, by outcome: the state machine for every status, target and role, consent to show
the profile (withdrawn, given again, asked again for a new wording), vacancies that take no applications, job-fair
referrals, placements and follow-ups. Every refusal is checked twice: what the caller is told, and that the rows read
afresh afterwards are as they were."""
from datetime import date, datetime, timedelta
from functools import partial
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import Application, Consent, JobFair, Notification, Placement
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import application as application_service
from jobmatch.services import job_fair as job_fair_service
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services import matching as matching_service
from jobmatch.services import search_index
from tests.factories import (
    DANANG_WARD,
    HANOI_WARD,
    make_account,
    make_application,
    make_centre,
    make_employer,
    make_job_seeker,
    make_vacancy,
    refusal,
)

STATUSES = ("submitted", "viewed", "shortlisted", "interviewed", "offered", "hired", "rejected", "withdrawn")
# The state machine as DESIGN.md describes it, written out here rather than read from the model: any later stage at
# once (an employer who hires at the interview marks no step between), or rejected or withdrawn before the end.
NEXT = {
    "submitted": {"viewed", "shortlisted", "interviewed", "offered", "hired", "rejected", "withdrawn"},
    "viewed": {"shortlisted", "interviewed", "offered", "hired", "rejected", "withdrawn"},
    "shortlisted": {"interviewed", "offered", "hired", "rejected", "withdrawn"},
    "interviewed": {"offered", "hired", "rejected", "withdrawn"},
    "offered": {"hired", "rejected", "withdrawn"},
    "hired": set(),
    "rejected": set(),
    "withdrawn": set(),
}
# Who may set which status at all: the vacancy's employer moves forward or rejects; the person, or an officer of their
# centre, withdraws; an employer of another company and another centre's officer do nothing.
MAY_SET = {
    "job_seeker": {"withdrawn"},
    "employer": {"viewed", "shortlisted", "interviewed", "offered", "hired", "rejected"},
    "other_employer": set(),
    "officer": {"withdrawn"},
    "other_officer": set(),
}
VIETNAMESE = {
    "submitted": "Đã nộp", "viewed": "Nhà tuyển dụng đã xem", "shortlisted": "Đã vào vòng trong", "interviewed": "Đã phỏng vấn",
    "offered": "Đã mời nhận việc", "hired": "Đã tuyển", "rejected": "Không trúng tuyển", "withdrawn": "Đã rút hồ sơ",
}
NO_CONSENT = "Người lao động chưa đồng ý cho nhà tuyển dụng xem hồ sơ; hãy ghi nhận sự đồng ý đó trước."
NO_SUCH_VACANCY = "Không tìm thấy tin tuyển dụng này."
NO_LONGER_TAKES = "Tin tuyển dụng này đã ngừng nhận hồ sơ."
NOT_SHORTLISTED = "Chỉ hồ sơ đã vào vòng trong mới có thể được xác nhận tuyển dụng."


@pytest.fixture
def world():
    centre, other_centre = make_centre(province_code="01"), make_centre(province_code="48")
    employer = make_employer(name="Công ty TNHH Cơ khí Đông Á")
    return SimpleNamespace(
        centre=centre,
        vacancy=make_vacancy(employer, title="Thợ hàn TIG", isco_code="7212", skills=["hàn TIG"]),
        employer=make_account("employer", employer_id=employer.id),
        other_employer=make_account("employer", employer_id=make_employer(name="Công ty CP Xây dựng Hòa Bình").id),
        officer=make_account("officer", centre_id=centre.id),
        other_officer=make_account("officer", centre_id=other_centre.id),
    )


def applicant(world, **fields):
    """A job seeker of the world's centre, with their own account."""
    job_seeker = make_job_seeker(centre_id=world.centre.id, **fields)
    return job_seeker, make_account("job_seeker", job_seeker_id=job_seeker.id)


def stored(application_id):
    """The application as the database holds it, read afresh: a refused request ends with its transaction rolled back."""
    db.session.rollback()
    application = db.session.get(Application, application_id)
    placement = application.placement
    return {
        "status": application.status,
        "rejection_reason": application.rejection_reason,
        "version": application.version,
        "events": [(event.from_status, event.to_status, event.reason) for event in application.events],
        "placement": None if placement is None else (placement.hire_date, [(f.months, f.still_employed) for f in placement.follow_ups]),
        "notifications": count(Notification),
    }


def count(model):
    return db.session.scalar(select(func.count()).select_from(model))



# The state machine: every status, every target, every role

def expected_move(role, status, target):
    if target not in MAY_SET[role]:
        if role == "employer" and target == "submitted":
            return "status: Không thể tự chuyển sang trạng thái này."
        return "not permitted"
    if target in NEXT[status]:
        return "done"
    return f"status: Hồ sơ đang ở trạng thái “{VIETNAMESE[status]}” không thể chuyển sang “{VIETNAMESE[target]}”."


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", tuple(MAY_SET))
def test_who_may_move_an_application_from_each_status_to_each_other(world, role, status):
    outcomes = {}
    for target in STATUSES:
        job_seeker, seeker_account = applicant(world)
        application = make_application(world.vacancy, job_seeker, status)
        actor = seeker_account if role == "job_seeker" else getattr(world, role)
        before = stored(application.id)
        reason = "experience" if target == "rejected" else None
        outcomes[target] = refusal(
            partial(application_service.move, actor=actor, application_id=application.id, status=target, reason=reason)
        )
        after = stored(application.id)
        if outcomes[target] != "done":
            assert after == before, f"{role} {status}→{target} was refused but changed {before} into {after}"
            continue
        notified = 0 if role == "job_seeker" else 1  # the person hears of every move but their own
        assert after == {
            **before, "status": target, "rejection_reason": reason, "version": before["version"] + 1,
            "events": [*before["events"], (status, target, reason)], "notifications": before["notifications"] + notified,
        }
    assert outcomes == {target: expected_move(role, status, target) for target in STATUSES}


def test_a_rejection_stores_its_coded_reason_in_the_application_and_its_history(world):
    job_seeker, seeker_account = applicant(world)
    application = make_application(world.vacancy, job_seeker, "interviewed")
    application_service.move(actor=world.employer, application_id=application.id, status="rejected", reason="no_show")
    after = stored(application.id)
    assert after["status"] == "rejected" and after["rejection_reason"] == "no_show"
    assert after["events"][-1] == ("interviewed", "rejected", "no_show")
    assert db.session.get(Application, application.id).events[-1].actor_id == world.employer.id
    notice = db.session.scalar(select(Notification).where(Notification.account_id == seeker_account.id))
    assert notice.params == {"vacancy": "Thợ hàn TIG", "status": "rejected"}


@pytest.mark.parametrize(("status", "reason", "told"), [
    ("rejected", None, "reason: Hãy chọn lý do không trúng tuyển."),
    ("rejected", "too_old", "reason: Hãy chọn lý do không trúng tuyển."),  # not one of the codes
    ("shortlisted", "experience", "reason: Chỉ ghi lý do khi hồ sơ không trúng tuyển."),
], ids=("rejected without a reason", "rejected with an unknown reason", "a reason without a rejection"))
def test_a_rejection_needs_one_of_the_coded_reasons_and_only_a_rejection_has_one(world, status, reason, told):
    job_seeker, _account = applicant(world)
    application = make_application(world.vacancy, job_seeker, "viewed")
    before = stored(application.id)
    assert refusal(lambda: application_service.move(
        actor=world.employer, application_id=application.id, status=status, reason=reason
    )) == told
    assert stored(application.id) == before


# Consent to show the profile

def test_withdrawing_consent_takes_the_applicant_away_from_the_employer_and_giving_it_again_brings_them_back(world, indexes):
    job_seeker, seeker_account = applicant(world, full_name="Trần Thị Hoa", consents=("show_profile", "anonymous_listing"))
    application = application_service.apply(actor=seeker_account, vacancy_id=world.vacancy.id)
    search_index.relay_outbox(refresh=True)

    def employer_sees():
        listed = application_service.list_for_vacancy(actor=world.employer, vacancy_id=world.vacancy.id).items
        candidates = matching_service.candidates_for_vacancy(actor=world.employer, vacancy_id=world.vacancy.id).items
        return {"applications": [a.job_seeker_id for a in listed],
                "candidates": [(match.item["id"], match.item["full_name"]) for match in candidates]}

    assert employer_sees() == {"applications": [job_seeker.id], "candidates": [(job_seeker.id, "Trần Thị Hoa")]}

    job_seeker_service.set_consents(actor=seeker_account, job_seeker_id=job_seeker.id, choices={"show_profile": False})
    search_index.relay_outbox(refresh=True)
    # Still in the candidate lists (a consent of its own), but only anonymously.
    assert employer_sees() == {"applications": [], "candidates": [(job_seeker.id, None)]}
    before = stored(application.id)
    assert refusal(lambda: application_service.get_application(actor=world.employer, application_id=application.id)) == "not found"
    assert refusal(lambda: application_service.move(
        actor=world.employer, application_id=application.id, status="viewed"
    )) == "not found"
    assert stored(application.id) == before
    # The person and their centre still follow the application; only employers lose sight of it.
    own = application_service.list_for_job_seeker(actor=seeker_account, job_seeker_id=job_seeker.id).items
    assert [a.id for a in own] == [application.id]
    assert [a.id for a in application_service.list_for_centre(actor=world.officer).items] == [application.id]

    job_seeker_service.set_consents(actor=seeker_account, job_seeker_id=job_seeker.id, choices={"show_profile": True})
    search_index.relay_outbox(refresh=True)
    assert employer_sees() == {"applications": [job_seeker.id], "candidates": [(job_seeker.id, "Trần Thị Hoa")]}
    application_service.move(actor=world.employer, application_id=application.id, status="viewed")
    assert stored(application.id)["status"] == "viewed"
    consents = db.session.scalars(
        select(Consent).where(Consent.job_seeker_id == job_seeker.id, Consent.purpose == "show_profile").order_by(Consent.id)
    ).all()
    assert [(c.purpose, c.withdrawn_at is None) for c in consents] == [("show_profile", False), ("show_profile", True)]


def test_applying_without_consent_is_refused_unless_the_applicant_gives_it_then(world):
    job_seeker, seeker_account = applicant(world, consents=())
    assert refusal(lambda: application_service.apply(actor=seeker_account, vacancy_id=world.vacancy.id)) == f"consent: {NO_CONSENT}"
    db.session.rollback()
    assert (count(Application), count(Consent), count(Notification)) == (0, 0, 0)

    application = application_service.apply(actor=seeker_account, vacancy_id=world.vacancy.id, give_consent=True)
    assert stored(application.id)["status"] == "submitted"
    assert [(c.purpose, c.version, c.withdrawn_at) for c in db.session.scalars(select(Consent))] == [("show_profile", 1, None)]


def test_a_new_consent_wording_ends_the_consents_given_to_the_old_one(world, indexes):
    """A consent given to an earlier wording (version 0 here; the wording in force is version 1) no longer counts: the
    person is not shown, cannot be referred or apply until they agree to the current wording."""
    job_seeker, seeker_account = applicant(world, consents=())
    db.session.add_all(
        Consent(job_seeker_id=job_seeker.id, purpose=purpose, version=0) for purpose in ("show_profile", "anonymous_listing")
    )
    db.session.commit()
    old_application = make_application(make_vacancy(world.vacancy.employer, title="Thợ hàn MIG"), job_seeker, "viewed")
    search_index.relay_outbox(refresh=True)

    assert job_seeker_service.active_consents(job_seeker.id) == set()
    assert application_service.list_for_vacancy(actor=world.employer, vacancy_id=old_application.vacancy_id).items == []
    assert matching_service.candidates_for_vacancy(actor=world.employer, vacancy_id=world.vacancy.id).items == []
    assert refusal(lambda: application_service.refer(
        actor=world.officer, vacancy_id=world.vacancy.id, job_seeker_id=job_seeker.id
    )) == f"consent: {NO_CONSENT}"
    assert refusal(lambda: application_service.apply(actor=seeker_account, vacancy_id=world.vacancy.id)) == f"consent: {NO_CONSENT}"
    db.session.rollback()
    assert count(Application) == 1

    job_seeker_service.set_consents(actor=seeker_account, job_seeker_id=job_seeker.id,
                                   choices={"show_profile": True, "anonymous_listing": True})
    search_index.relay_outbox(refresh=True)
    versions = db.session.scalars(select(Consent.version).where(Consent.job_seeker_id == job_seeker.id).order_by(Consent.id)).all()
    assert versions == [0, 0, 1, 1]
    listed = application_service.list_for_vacancy(actor=world.employer, vacancy_id=old_application.vacancy_id).items
    assert [a.id for a in listed] == [old_application.id]
    matches = matching_service.candidates_for_vacancy(actor=world.employer, vacancy_id=world.vacancy.id).items
    assert [match.item["id"] for match in matches] == [job_seeker.id]


# Vacancies that take no applications

# Each kind: the vacancy's fields (deadline_days: its deadline counted from today), whether its employer is verified,
# and what the applicant and the referring officer are told.
VACANCIES_TAKING_NONE = {
    "draft": ({"status": "draft"}, True, NO_SUCH_VACANCY),
    "closed": ({"status": "closed"}, True, NO_LONGER_TAKES),
    "filled": ({"status": "filled"}, True, NO_LONGER_TAKES),
    "past its deadline": ({"deadline_days": -1}, True, NO_LONGER_TAKES),
    "of an unverified employer": ({}, False, NO_SUCH_VACANCY),
}


@pytest.mark.parametrize("kind", tuple(VACANCIES_TAKING_NONE))
def test_applying_or_referring_to_a_vacancy_that_takes_no_applications_is_refused(world, kind):
    fields, verified, told = VACANCIES_TAKING_NONE[kind]
    fields = dict(fields)
    if "deadline_days" in fields:
        fields["deadline"] = vietnam_today() + timedelta(days=fields.pop("deadline_days"))
    vacancy = make_vacancy(make_employer(verified=verified), **fields)
    _job_seeker, seeker_account = applicant(world, consents=())
    referred = make_job_seeker(centre_id=world.centre.id)
    before = (count(Application), count(Consent), count(Notification))

    answers = [
        refusal(lambda: application_service.apply(actor=seeker_account, vacancy_id=vacancy.id, give_consent=True)),
        refusal(lambda: application_service.refer(actor=world.officer, vacancy_id=vacancy.id, job_seeker_id=referred.id)),
    ]
    assert answers == [f"vacancy_id: {told}"] * 2
    db.session.rollback()
    assert (count(Application), count(Consent), count(Notification)) == before


def test_a_vacancy_whose_deadline_is_today_still_takes_applications(world):
    vacancy = make_vacancy(world.vacancy.employer, deadline=vietnam_today())
    _job_seeker, seeker_account = applicant(world)
    assert stored(application_service.apply(actor=seeker_account, vacancy_id=vacancy.id).id)["status"] == "submitted"


def test_a_second_application_to_the_same_vacancy_is_refused(world):
    job_seeker, seeker_account = applicant(world)
    first = application_service.apply(actor=seeker_account, vacancy_id=world.vacancy.id)
    assert refusal(lambda: application_service.refer(
        actor=world.officer, vacancy_id=world.vacancy.id, job_seeker_id=job_seeker.id
    )) == "vacancy_id: Đã có hồ sơ ứng tuyển vào tin tuyển dụng này."
    db.session.rollback()
    assert db.session.scalars(select(Application.id)).all() == [first.id]


def test_only_an_officer_of_the_persons_centre_refers_them(world):
    job_seeker, _account = applicant(world)
    for actor in (world.other_officer, world.employer):
        refer = partial(application_service.refer, actor=actor, vacancy_id=world.vacancy.id, job_seeker_id=job_seeker.id)
        assert refusal(refer) == "not permitted"
    db.session.rollback()
    assert count(Application) == 0


# Job-fair referrals

def job_fair(world, vacancies, officer=None):
    return job_fair_service.create_job_fair(actor=officer or world.officer, fields={
        "title": "Phiên giao dịch việc làm tháng 11", "held_on": vietnam_today(), "ward_code": HANOI_WARD,
        "venue": "Nhà văn hóa phường Ba Đình", "vacancy_ids": [vacancy.id for vacancy in vacancies],
    })


def test_an_application_recorded_at_a_job_fair_names_the_fair_and_the_officer(world):
    fair = job_fair(world, [world.vacancy])
    job_seeker, seeker_account = applicant(world, full_name="Vi Văn Thắng")
    application = application_service.refer(
        actor=world.officer, vacancy_id=world.vacancy.id, job_seeker_id=job_seeker.id, job_fair_id=fair.id
    )
    db.session.rollback()
    application = db.session.get(Application, application.id)
    assert (application.source, application.job_fair_id, application.referred_by_id, application.status) == (
        "job_fair", fair.id, world.officer.id, "submitted"
    )
    assert [a.id for a in job_fair_service.applications_at(fair)] == [application.id]
    kinds = db.session.scalars(select(Notification.kind).where(Notification.account_id == seeker_account.id)).all()
    assert kinds == ["referral_made"]


def test_a_job_fair_referral_outside_the_fair_or_the_centre_is_refused(world):
    fair = job_fair(world, [world.vacancy])
    other_fair = job_fair(world, [world.vacancy], officer=world.other_officer)
    outside = make_vacancy(world.vacancy.employer, title="Thợ tiện CNC")
    job_seeker, _account = applicant(world)
    stranger = make_job_seeker(centre_id=world.other_officer.centre_id, ward_code=DANANG_WARD)
    before = (count(Application), count(Notification))

    def refer(vacancy_id, job_fair_id, job_seeker_id=job_seeker.id):
        return refusal(lambda: application_service.refer(
            actor=world.officer, vacancy_id=vacancy_id, job_seeker_id=job_seeker_id, job_fair_id=job_fair_id
        ))

    assert refer(outside.id, fair.id) == "vacancy_id: Tin tuyển dụng này không tham gia phiên giao dịch việc làm."
    assert refer(world.vacancy.id, other_fair.id) == "job_fair_id: Trung tâm của bạn không có phiên giao dịch việc làm này."
    assert refer(world.vacancy.id, other_fair.id + 1000) == "job_fair_id: Trung tâm của bạn không có phiên giao dịch việc làm này."
    assert refer(world.vacancy.id, fair.id, job_seeker_id=stranger.id) == "not permitted"
    db.session.rollback()
    assert (count(Application), count(Notification)) == before


def test_a_job_fair_takes_only_public_vacancies(world):
    draft = make_vacancy(world.vacancy.employer, status="draft")
    assert refusal(lambda: job_fair(world, [world.vacancy, draft])) == (
        f"vacancy_ids: Không có tin tuyển dụng công khai nào mang số {draft.id}."
    )
    db.session.rollback()
    assert count(JobFair) == 0


# Placements and follow-ups

@pytest.mark.parametrize(("status", "told", "events_added"), [
    ("submitted", f"status: {NOT_SHORTLISTED}", None),
    ("viewed", f"status: {NOT_SHORTLISTED}", None),
    ("shortlisted", "done", [("shortlisted", "hired", None)]),
    ("interviewed", "done", [("interviewed", "hired", None)]),
    ("offered", "done", [("offered", "hired", None)]),
    ("hired", "done", []),  # the employer marked the hire already: nothing to add to the history
    ("rejected", f"status: {NOT_SHORTLISTED}", None),
    ("withdrawn", f"status: {NOT_SHORTLISTED}", None),
], ids=STATUSES)
def test_a_placement_is_confirmed_only_from_the_shortlist_on(world, status, told, events_added):
    job_seeker, _account = applicant(world)
    application = make_application(world.vacancy, job_seeker, status)
    before = stored(application.id)
    assert refusal(lambda: application_service.confirm_placement(
        actor=world.officer, application_id=application.id, hire_date=vietnam_today(), employer_confirmed=True
    )) == told
    after = stored(application.id)
    if events_added is None:
        assert after == before
    else:
        assert after["status"] == "hired" and after["events"] == before["events"] + events_added
        assert after["placement"] == (vietnam_today(), [])


@pytest.mark.parametrize("role", ("job_seeker", "employer", "other_employer", "other_officer"))
def test_only_an_officer_of_the_persons_centre_confirms_and_follows_up_a_placement(world, role):
    job_seeker, seeker_account = applicant(world)
    application = make_application(world.vacancy, job_seeker, "offered")
    actor = seeker_account if role == "job_seeker" else getattr(world, role)
    before = stored(application.id)
    assert refusal(lambda: application_service.confirm_placement(
        actor=actor, application_id=application.id, hire_date=vietnam_today(), employer_confirmed=False
    )) == "not permitted"
    assert stored(application.id) == before
    application_service.confirm_placement(actor=world.officer, application_id=application.id, hire_date=vietnam_today(),
                                          employer_confirmed=False)
    before = stored(application.id)
    assert refusal(lambda: application_service.record_follow_up(
        actor=actor, application_id=application.id, months=3, still_employed=True
    )) == "not permitted"
    assert stored(application.id) == before


def test_the_hire_date_is_not_before_the_day_of_the_application(world):
    job_seeker, _account = applicant(world)
    # Sent at 09:00 on 10 March 2026 in Hà Nội (02:00 UTC).
    application = make_application(world.vacancy, job_seeker, "offered", created_at=datetime(2026, 3, 10, 2, 0))
    before = stored(application.id)
    assert refusal(lambda: application_service.confirm_placement(
        actor=world.officer, application_id=application.id, hire_date=date(2026, 3, 9), employer_confirmed=True
    )) == "hire_date: Ngày nhận việc đang sớm hơn ngày nộp hồ sơ."
    assert stored(application.id) == before
    application_service.confirm_placement(actor=world.officer, application_id=application.id, hire_date=date(2026, 3, 10),
                                          employer_confirmed=True)
    assert stored(application.id)["placement"] == (date(2026, 3, 10), [])


def test_the_day_of_the_application_is_the_day_in_vietnam(world):
    """Sent at 03:00 on 10 March in Hà Nội, which is still 9 March in UTC: a hire on 9 March is before it."""
    job_seeker, _account = applicant(world)
    application = make_application(world.vacancy, job_seeker, "offered", created_at=datetime(2026, 3, 9, 20, 0))
    before = stored(application.id)
    assert refusal(lambda: application_service.confirm_placement(
        actor=world.officer, application_id=application.id, hire_date=date(2026, 3, 9), employer_confirmed=True
    )) == "hire_date: Ngày nhận việc đang sớm hơn ngày nộp hồ sơ."
    assert stored(application.id) == before


def test_a_placement_is_confirmed_once(world):
    job_seeker, _account = applicant(world)
    application = make_application(world.vacancy, job_seeker, "offered", created_at=datetime(2026, 1, 5, 2, 0))
    first_day = date(2026, 2, 1)
    application_service.confirm_placement(actor=world.officer, application_id=application.id, hire_date=first_day,
                                          employer_confirmed=True)
    before = stored(application.id)
    assert refusal(lambda: application_service.confirm_placement(
        actor=world.officer, application_id=application.id, hire_date=vietnam_today(), employer_confirmed=False
    )) == "application_id: Việc nhận việc của hồ sơ này đã được xác nhận trước đó."
    assert stored(application.id) == before and before["placement"] == (first_day, [])
    assert count(Placement) == 1


def test_a_follow_up_needs_a_placement_and_each_month_is_recorded_once(world):
    job_seeker, _account = applicant(world)
    application = make_application(world.vacancy, job_seeker, "offered", created_at=datetime.now() - timedelta(days=200))
    hired = vietnam_today() - timedelta(days=175)  # both follow-ups are open
    before = stored(application.id)
    assert refusal(lambda: application_service.record_follow_up(
        actor=world.officer, application_id=application.id, months=3, still_employed=True
    )) == "application_id: Hãy xác nhận nhận việc trước khi ghi nhận kết quả theo dõi."
    assert stored(application.id) == before

    application_service.confirm_placement(actor=world.officer, application_id=application.id, hire_date=hired,
                                          employer_confirmed=True)
    application_service.record_follow_up(actor=world.officer, application_id=application.id, months=3, still_employed=True)
    before = stored(application.id)
    assert refusal(lambda: application_service.record_follow_up(
        actor=world.officer, application_id=application.id, months=3, still_employed=False
    )) == "months: Kết quả theo dõi này đã được ghi nhận."
    assert stored(application.id) == before
    application_service.record_follow_up(actor=world.officer, application_id=application.id, months=6, still_employed=False)
    assert stored(application.id)["placement"] == (hired, [(3, True), (6, False)])
