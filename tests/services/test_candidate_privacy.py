"""Consent that means what it says (issue 14, finding 1): candidate lists exist only for a published vacancy of a
verified employer, hold only people who agreed to an anonymous profile in them (read from the database, not the index),
and show that profile; an employer reaches a person by an invitation the person accepts, an officer of another centre
through the person's own centre. Each list is audited and an employer's distinct candidates a day are capped."""
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Application, AuditEntry, CandidateListView, Consent, Invitation, Notification
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import account as account_service
from jobmatch.services import invitation as invitation_service
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services import matching as matching_service
from jobmatch.services.errors import InvalidRequest, NotFound, PermissionRefused
from tests.factories import HANOI_WARD, make_account, make_application, make_centre, make_employer, make_vacancy
from tests.services.test_matching import indexed, welder, welding_job
from tests.web.helpers import start_session

PAO = {"full_name": "Lò Văn Pao", "phone": "+84356111222", "birth_date": date(1994, 3, 9)}
# What would name, reach or place Pao: none of it may be in an anonymous profile, in JSON or on a page.
IDENTIFYING = ("Lò Văn Pao", "356111222", HANOI_WARD, "Ba Đình", "1994", "09/03")


@pytest.fixture
def world(indexes):
    centre, employer = make_centre(province_code="01"), make_employer(name="Công ty Cơ khí Đông Á")
    return {"centre": centre, "employer": employer, "employer_account": make_account("employer", employer_id=employer.id),
            "officer": make_account("officer", centre_id=centre.id)}


def shown(actor, vacancy):
    return {match.item["id"]: match for match in matching_service.candidates_for_vacancy(actor=actor, vacancy_id=vacancy.id).items}


def bearer(account):
    return {"Authorization": f"Bearer {account_service.create_api_token(actor=account, name='test')[1]}"}


@pytest.mark.parametrize("state", ["draft", "closed", "expired", "unverified employer"])
def test_no_candidate_list_for_a_vacancy_that_takes_no_applications(app, world, state):
    welder(world)
    if state == "unverified employer":
        employer = make_employer(name="Công ty Mới Đăng Ký", verified=False)
        vacancy = make_vacancy(employer, title="Thợ hàn", isco_code="7212", skills=["hàn TIG"])
        owner = make_account("employer", employer_id=employer.id)
    else:
        fields = {"deadline": vietnam_today() - timedelta(days=1)} if state == "expired" else {"status": state}
        vacancy, owner = welding_job(world, **fields), world["employer_account"]
    indexed()
    for reader in (owner, world["officer"]):
        with pytest.raises(PermissionRefused):
            matching_service.candidates_for_vacancy(actor=reader, vacancy_id=vacancy.id)
    answer = app.test_client().get(f"/api/v1/vacancies/{vacancy.id}/matches", headers=bearer(owner))
    assert answer.status_code == 403 and "Lò Văn" not in answer.get_data(as_text=True)
    assert db.session.scalars(select(CandidateListView)).all() == []


def test_only_people_who_agreed_to_anonymous_listing_are_listed(world):
    listed = welder(world)
    applies_only = welder(world, consents=("show_profile",))
    vacancy = welding_job(world)
    indexed()
    for reader in (world["employer_account"], world["officer"]):
        assert set(shown(reader, vacancy)) == {listed.id}
    assert applies_only.id not in shown(world["officer"], vacancy)  # even their own centre's list: no consent, no list


def test_an_employer_sees_an_anonymous_profile_in_json_and_on_the_page(app, world):
    person = welder(world, **PAO)
    vacancy = welding_job(world)
    indexed()
    answer = app.test_client().get(f"/api/v1/vacancies/{vacancy.id}/matches", headers=bearer(world["employer_account"]))
    assert answer.status_code == 200
    [match] = answer.get_json()["items"]
    candidate = match["candidate"]
    assert candidate["id"] == person.id and candidate["anonymous"] is True and candidate["skills"] == ["hàn TIG"]
    assert candidate["province"]["name"] == "Thành phố Hà Nội" and candidate["age_band"] == "25–34"
    assert candidate["full_name"] is None and candidate["phone"] is None and candidate["ward"] is None
    assert candidate["priority_candidate"] is False
    assert match["distance_km"] % 10 == 0 and match["explanation"]["distance_factor"] is None
    client = app.test_client()
    start_session(client, world["employer_account"])
    page = client.get(f"/vacancies/{vacancy.id}/candidates").get_data(as_text=True)
    profile = client.get(f"/vacancies/{vacancy.id}/candidates/{person.id}").get_data(as_text=True)
    for text in (answer.get_data(as_text=True), page, profile):
        assert not [value for value in IDENTIFYING if value in text]
    assert f"Ứng viên ẩn danh số {person.id}" in page and "Hà Nội" in page and "Mời ứng tuyển" in page


def test_withdrawing_the_listing_consent_removes_the_person_at_once(world):
    person = welder(world)
    vacancy = welding_job(world)
    indexed()
    assert person.id in shown(world["employer_account"], vacancy)
    account = make_account("job_seeker", job_seeker_id=person.id)
    job_seeker_service.set_consents(actor=account, job_seeker_id=person.id, choices={"anonymous_listing": False})
    # The index has not heard of it yet (no relay): the database is asked at each list.
    assert person.id not in shown(world["employer_account"], vacancy)
    with pytest.raises(NotFound):
        matching_service.candidate_profile(actor=world["employer_account"], vacancy_id=vacancy.id, job_seeker_id=person.id)
    with pytest.raises(InvalidRequest) as refusal:
        invitation_service.invite(actor=world["employer_account"], vacancy_id=vacancy.id, job_seeker_id=person.id)
    assert refusal.value.field == "job_seeker_id"


def test_an_accepted_invitation_is_an_application_that_shows_the_full_profile(app, world):
    person = welder(world, consents=("anonymous_listing",), **PAO)
    seeker = make_account("job_seeker", job_seeker_id=person.id)
    vacancy = welding_job(world)
    indexed()
    employer = world["employer_account"]
    answer = app.test_client().post(f"/api/v1/vacancies/{vacancy.id}/invitations", headers=bearer(employer),
                                    json={"job_seeker_id": person.id, "message": "Mời anh đến phỏng vấn tuần sau."})
    assert answer.status_code == 201 and answer.get_json()["status"] == "open"
    assert db.session.scalars(select(Notification.kind).where(Notification.account_id == seeker.id)).all() == ["invitation_received"]
    received = app.test_client().get(f"/api/v1/job-seekers/{person.id}/invitations", headers=bearer(seeker)).get_json()["items"]
    assert [(i["employer_name"], i["message"]) for i in received] == [("Công ty Cơ khí Đông Á", "Mời anh đến phỏng vấn tuần sau.")]
    # Accepting is applying: without the consent to show the full profile it is refused, and nothing changes.
    invitation_id = received[0]["id"]
    refused = app.test_client().post(f"/api/v1/invitations/{invitation_id}/answer", headers=bearer(seeker), json={"accept": True})
    assert refused.status_code == 422 and "consent" in refused.get_json()["errors"]["json"]
    assert db.session.get(Invitation, invitation_id).status == "open" and not db.session.scalars(select(Application)).all()
    accepted = app.test_client().post(f"/api/v1/invitations/{invitation_id}/answer", headers=bearer(seeker),
                                      json={"accept": True, "consent": True})
    assert accepted.status_code == 200 and accepted.get_json()["status"] == "accepted"
    [application] = db.session.scalars(select(Application)).all()
    assert (application.vacancy_id, application.job_seeker_id) == (vacancy.id, person.id)
    full = shown(employer, vacancy)[person.id].item
    assert full["full_name"] == "Lò Văn Pao" and full["phone"] == "+84356111222" and full["invitation"] == "accepted"
    seen = app.test_client().get(f"/api/v1/vacancies/{vacancy.id}/invitations", headers=bearer(employer)).get_json()["items"]
    assert [(i["job_seeker_id"], i["status"]) for i in seen] == [(person.id, "accepted")] and "message" not in seen[0]


def test_a_declined_invitation_shows_the_employer_only_that(world):
    person = welder(world, **PAO)
    seeker = make_account("job_seeker", job_seeker_id=person.id)
    vacancy = welding_job(world)
    indexed()
    invitation = invitation_service.invite(actor=world["employer_account"], vacancy_id=vacancy.id, job_seeker_id=person.id)
    invitation_service.answer(actor=seeker, invitation_id=invitation.id, accept=False)
    candidate = shown(world["employer_account"], vacancy)[person.id].item
    assert candidate["invitation"] == "declined" and candidate["anonymous"] and candidate["phone"] is None
    assert not db.session.scalars(select(Application)).all()
    with pytest.raises(InvalidRequest):  # answered once
        invitation_service.answer(actor=seeker, invitation_id=invitation.id, accept=True, give_consent=True)


def test_invitations_are_one_per_person_and_vacancy_for_published_vacancies_and_capped(app, world, monkeypatch):
    people = [welder(world) for _ in range(3)]
    vacancy, draft = welding_job(world), welding_job(world, status="draft")
    indexed()
    employer = world["employer_account"]
    invitation_service.invite(actor=employer, vacancy_id=vacancy.id, job_seeker_id=people[0].id)
    with pytest.raises(InvalidRequest) as twice:
        invitation_service.invite(actor=employer, vacancy_id=vacancy.id, job_seeker_id=people[0].id)
    assert twice.value.field == "job_seeker_id"
    with pytest.raises(PermissionRefused):
        invitation_service.invite(actor=employer, vacancy_id=draft.id, job_seeker_id=people[1].id)
    with pytest.raises(PermissionRefused):  # only the vacancy's employer invites
        invitation_service.invite(actor=world["officer"], vacancy_id=vacancy.id, job_seeker_id=people[1].id)
    monkeypatch.setitem(app.config, "INVITATION_DAILY_CAP", 2)
    invitation_service.invite(actor=employer, vacancy_id=vacancy.id, job_seeker_id=people[1].id)
    answer = app.test_client().post(f"/api/v1/vacancies/{vacancy.id}/invitations", headers=bearer(employer),
                                    json={"job_seeker_id": people[2].id})
    assert answer.status_code == 429 and "lời mời" in answer.get_json()["message"]
    assert db.session.scalar(select(Invitation.id).where(Invitation.job_seeker_id == people[2].id)) is None


def test_distinct_candidates_a_day_are_capped_per_employer(app, world, monkeypatch):
    people = [welder(world) for _ in range(3)]
    vacancy, other = welding_job(world), welding_job(world, title="Thợ hàn ống")
    indexed()
    employer = world["employer_account"]
    monkeypatch.setitem(app.config, "CANDIDATE_DAILY_CAP", 3)
    assert len(shown(employer, vacancy)) == 3
    assert len(shown(employer, other)) == 3  # the same people again: not counted twice
    new = welder(world)
    indexed()
    api = app.test_client().get(f"/api/v1/vacancies/{vacancy.id}/matches", headers=bearer(employer))
    assert api.status_code == 429 and "tối đa" in api.get_json()["message"] and "Retry-After" in api.headers
    assert "Lò Văn" not in api.get_data(as_text=True)
    client = app.test_client()
    start_session(client, employer)
    page = client.get(f"/vacancies/{vacancy.id}/candidates")
    text = page.get_data(as_text=True)
    assert page.status_code == 429 and "tối đa" in text and f'data-job-seeker="{new.id}"' not in text
    assert len(shown(world["officer"], vacancy)) == 4  # officers are audited, not capped
    assert {person.id for person in people} <= set(shown(world["officer"], vacancy))


def test_each_list_shown_is_audited(world):
    welder(world), welder(world)
    vacancy = welding_job(world)
    indexed()
    shown(world["employer_account"], vacancy)
    shown(world["officer"], vacancy)
    views = db.session.scalars(select(CandidateListView).order_by(CandidateListView.id)).all()
    assert [(v.actor_id, v.employer_id, v.vacancy_id, v.shown) for v in views] == [
        (world["employer_account"].id, world["employer"].id, vacancy.id, 2), (world["officer"].id, None, vacancy.id, 2),
    ]
    assert all(view.at is not None for view in views)


def test_an_applicant_is_shown_in_full_only_while_consenting_to_it(world):
    applicant = welder(world, **PAO)
    stranger = welder(world, full_name="Hà Thị Mai", phone="+84356333444")
    earlier = welding_job(world, title="Thợ hàn ống")
    make_application(earlier, applicant)
    vacancy = welding_job(world)
    indexed()
    listed = shown(world["employer_account"], vacancy)
    assert listed[applicant.id].item["full_name"] == "Lò Văn Pao" and listed[applicant.id].item["phone"] == "+84356111222"
    assert listed[stranger.id].item["phone"] is None and listed[stranger.id].item["full_name"] is None
    account = make_account("job_seeker", job_seeker_id=applicant.id)
    job_seeker_service.set_consents(actor=account, job_seeker_id=applicant.id, choices={"show_profile": False})
    assert shown(world["employer_account"], vacancy)[applicant.id].item["full_name"] is None


def test_officers_see_their_own_people_in_full_and_ask_another_centre_to_refer_theirs(world):
    person = welder(world, **PAO)
    vacancy = welding_job(world)
    indexed()
    assert shown(world["officer"], vacancy)[person.id].item["phone"] == "+84356111222"
    other_officer = make_account("officer", centre_id=make_centre(province_code="48").id)
    other = shown(other_officer, vacancy)[person.id].item
    assert other["anonymous"] and other["phone"] is None and other["full_name"] is None
    with pytest.raises(PermissionRefused):  # their own centre refers them directly
        invitation_service.request_referral(actor=world["officer"], vacancy_id=vacancy.id, job_seeker_id=person.id)
    request = invitation_service.request_referral(actor=other_officer, vacancy_id=vacancy.id, job_seeker_id=person.id,
                                                  message="Doanh nghiệp cần gấp thợ hàn")
    assert shown(other_officer, vacancy)[person.id].item["invitation"] == "open"
    assert invitation_service.referral_requests_of_centre(actor=other_officer).items == []
    assert [r.id for r in invitation_service.referral_requests_of_centre(actor=world["officer"]).items] == [request.id]
    with pytest.raises(PermissionRefused):  # only the person's centre decides
        invitation_service.answer_referral_request(actor=other_officer, request_id=request.id, refer=True)
    invitation_service.answer_referral_request(actor=world["officer"], request_id=request.id, refer=True)
    [application] = db.session.scalars(select(Application)).all()
    assert (application.source, application.referred_by_id, application.job_seeker_id) == ("referral", world["officer"].id, person.id)
    assert shown(other_officer, vacancy)[person.id].item["invitation"] == "referred"
    assert shown(world["employer_account"], vacancy)[person.id].item["full_name"] == "Lò Văn Pao"  # referred: in full


def test_a_consent_changed_by_an_officer_is_attributed_and_audited(app, world):
    person = welder(world, consents=("show_profile",))
    seeker = make_account("job_seeker", job_seeker_id=person.id)
    officer = world["officer"]
    job_seeker_service.set_consents(actor=officer, job_seeker_id=person.id, choices={"anonymous_listing": True, "show_profile": False})
    records = {c.purpose: c for c in db.session.scalars(select(Consent).where(Consent.job_seeker_id == person.id))}
    assert records["anonymous_listing"].given_by_id == officer.id and records["anonymous_listing"].withdrawn_at is None
    assert records["show_profile"].withdrawn_by_id == officer.id and records["show_profile"].withdrawn_at is not None
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action.in_(("consent_given", "consent_withdrawn")))).all()
    assert {(e.action, e.actor_id, e.subject_type, e.subject_id) for e in entries} == {
        ("consent_given", officer.id, "consent", records["anonymous_listing"].id),
        ("consent_withdrawn", officer.id, "consent", records["show_profile"].id),
    }
    client = app.test_client()
    start_session(client, seeker)
    assert client.get("/me/consents").get_data(as_text=True).count("do trung tâm dịch vụ việc làm ghi nhận") == 2
