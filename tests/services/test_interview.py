"""Interviews and rejecting several applications at once, by outcome: what the person and the employer see afterwards,
and for every refusal what the caller is told (the field, in Vietnamese or English) and that nothing was stored."""
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import Application, Interview, Notification
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import account as account_service
from jobmatch.services import application as application_service
from jobmatch.services import interview as interview_service
from jobmatch.services import notification as notification_service
from tests.factories import make_account, make_application, make_centre, make_employer, make_job_seeker, make_vacancy, refusal

TOMORROW = vietnam_today() + timedelta(days=1)


@pytest.fixture
def world():
    centre = make_centre(province_code="01")
    employer = make_employer(name="Công ty TNHH Cơ khí Đông Á")
    vacancy = make_vacancy(employer, title="Thợ hàn TIG", isco_code="7212")
    return SimpleNamespace(
        centre=centre, vacancy=vacancy,
        employer=make_account("employer", employer_id=employer.id),
        other_employer=make_account("employer", employer_id=make_employer(name="Công ty CP Hòa Bình").id),
        other_vacancy=make_vacancy(employer, title="Thợ tiện"),
    )


def applicant(world, status="submitted", vacancy=None):
    job_seeker = make_job_seeker(centre_id=world.centre.id)
    account = make_account("job_seeker", job_seeker_id=job_seeker.id)
    return make_application(vacancy or world.vacancy, job_seeker, status), account


def stored():
    """Everything the use cases write, read afresh (a refusal ends with its transaction rolled back)."""
    db.session.rollback()
    return {
        "interviews": db.session.scalars(select(Interview.id)).all(),
        "statuses": dict(db.session.execute(select(Application.id, Application.status)).all()),
        "notifications": db.session.scalar(select(func.count()).select_from(Notification)),
    }



def test_an_interview_is_notified_with_a_link_and_rescheduling_keeps_the_first(world):
    application, seeker = applicant(world)
    first = interview_service.schedule(actor=world.employer, application_id=application.id, date=TOMORROW,
                                       time=datetime.strptime("09:30", "%H:%M").time(), place="Xưởng 2, KCN Quang Minh",
                                       message="Mang theo chứng chỉ hàn.")
    second = interview_service.schedule(actor=world.employer, application_id=application.id, date=TOMORROW + timedelta(days=2),
                                        time=datetime.strptime("14:00", "%H:%M").time(), online_link="https://meet.example.vn/abc")
    db.session.expire_all()
    interviews = db.session.get(Application, application.id).interviews
    assert [(interview.id, interview.replaced_at is None) for interview in interviews] == [(first.id, False), (second.id, True)]
    assert (interviews[0].starts_at.hour, interviews[0].starts_at.minute) == (2, 30)
    assert db.session.get(Application, application.id).status == "submitted"  # an interview set is not one held
    notices = db.session.scalars(select(Notification).where(Notification.account_id == seeker.id).order_by(Notification.id)).all()
    day, later = TOMORROW.strftime("%d/%m/%Y"), (TOMORROW + timedelta(days=2)).strftime("%d/%m/%Y")
    assert [notification_service.text(notice) for notice in notices] == [
        f"Công ty TNHH Cơ khí Đông Á mời bạn phỏng vấn vị trí “Thợ hàn TIG” vào ngày {day} lúc 09:30.",
        f"Công ty TNHH Cơ khí Đông Á đã dời lịch phỏng vấn vị trí “Thợ hàn TIG” sang ngày {later} lúc 14:00.",
    ]
    assert {notice.link for notice in notices} == {f"/me/applications#application-{application.id}"}


def _at(text):
    return datetime.strptime(text, "%H:%M").time()


@pytest.mark.parametrize(("who", "status", "day", "time", "told"), [
    ("employer", "hired", TOMORROW, "09:00", "application_id: Hồ sơ đang ở trạng thái “Đã tuyển” không thể hẹn phỏng vấn."),
    ("employer", "withdrawn", TOMORROW, "09:00", "application_id: Hồ sơ đang ở trạng thái “Đã rút hồ sơ” không thể hẹn phỏng vấn."),
    ("employer", "viewed", vietnam_today() - timedelta(days=1), "09:00",
     "date: Ngày phỏng vấn đã qua: hãy chọn một ngày từ hôm nay trở đi."),
    ("employer", "viewed", vietnam_today(), "00:00", "time: Giờ phỏng vấn hôm nay đã qua: hãy chọn giờ muộn hơn."),
    ("employer", "viewed", vietnam_today() + timedelta(days=400), "09:00",
     "date: Hãy hẹn phỏng vấn trong vòng một năm kể từ hôm nay."),
    ("other_employer", "viewed", TOMORROW, "09:00", "not permitted"),
], ids=("hired", "withdrawn", "yesterday", "earlier today", "beyond a year", "another company"))
def test_an_interview_that_cannot_be_refused_stores_nothing(world, who, status, day, time, told):
    application, _seeker = applicant(world, status)
    before = stored()
    assert refusal(lambda: interview_service.schedule(
        actor=getattr(world, who), application_id=application.id, date=day, time=_at(time), place="Xưởng 2")) == told
    assert stored() == before


def test_rejecting_several_at_once_notifies_each_person_with_the_reason(world):
    applications = [applicant(world, status)[0] for status in ("submitted", "viewed", "interviewed")]
    rejected = application_service.reject_many(actor=world.employer, vacancy_id=world.vacancy.id,
                                               application_ids=[a.id for a in applications], reason="experience")
    assert [application.id for application in rejected] == [application.id for application in applications]
    db.session.expire_all()
    for application in applications:
        application = db.session.get(Application, application.id)
        assert (application.status, application.rejection_reason) == ("rejected", "experience")
        assert application.events[-1].to_status == "rejected" and application.events[-1].reason == "experience"
    notices = db.session.scalars(select(Notification).where(Notification.kind == "application_status")).all()
    assert sorted(notice.link for notice in notices) == sorted(f"/me/applications#application-{a.id}" for a in applications)


@pytest.mark.parametrize(("case", "reason", "told"), [
    ("one already hired", "experience", "application_ids: Hồ sơ số {hired} đang ở trạng thái “Đã tuyển” nên không thể từ chối; "
                                        "chưa có gì thay đổi."),
    ("one of another vacancy", "experience", "application_ids: Hồ sơ số {elsewhere} không thuộc tin tuyển dụng này; chưa có gì thay đổi."),
    ("no reason code", "too_old", "reason: Hãy chọn lý do không trúng tuyển."),
])
def test_rejecting_several_with_one_that_cannot_be_rejected_rejects_none(world, case, reason, told):
    fine = applicant(world, "viewed")[0]
    hired = applicant(world, "hired")[0]
    elsewhere = applicant(world, "viewed", vacancy=world.other_vacancy)[0]
    chosen = {"one already hired": [fine.id, hired.id], "one of another vacancy": [fine.id, elsewhere.id],
              "no reason code": [fine.id]}[case]
    before = stored()
    assert refusal(lambda: application_service.reject_many(
        actor=world.employer, vacancy_id=world.vacancy.id, application_ids=chosen, reason=reason,
    )) == told.format(hired=hired.id, elsewhere=elsewhere.id)
    assert stored() == before
    assert refusal(lambda: application_service.reject_many(
        actor=world.other_employer, vacancy_id=world.vacancy.id, application_ids=[fine.id], reason="experience")) == "not permitted"
    assert stored() == before


def bearer(account):
    return {"Authorization": f"Bearer {account_service.create_api_token(actor=account, name='hr')[1]}"}


def test_the_api_schedules_an_interview_and_names_the_refused_field_in_the_callers_language(world, client):
    application, _seeker = applicant(world)
    headers = bearer(world.employer)
    url = f"/api/v1/applications/{application.id}/interviews"
    made = client.post(url, headers=headers, json={"date": TOMORROW.strftime("%d/%m/%Y"), "time": "9h30",
                                                   "online_link": "https://meet.example.vn/abc"})
    assert made.status_code == 201, made.get_json()
    assert made.get_json()["online_link"] == "https://meet.example.vn/abc" and made.get_json()["replaced_at"] is None
    assert made.get_json()["starts_at"].endswith("+00:00")
    before = stored()
    english = {**headers, "Accept-Language": "en"}
    answers = {
        "a link that is not http(s)": client.post(url, headers=english, json={"date": TOMORROW.isoformat(), "time": "10:00",
                                                                             "online_link": "javascript:alert(1)"}),
        "no place nor link": client.post(url, headers=english, json={"date": TOMORROW.isoformat(), "time": "10:00"}),
        "a day that does not exist": client.post(url, headers=english, json={"date": "31/02/2027", "time": "10:00", "place": "Xưởng"}),
        "yesterday": client.post(url, headers=english, json={
            "date": (vietnam_today() - timedelta(days=1)).strftime("%d/%m/%Y"), "time": "10:00", "place": "Xưởng"}),
    }
    assert {case: (answer.status_code, answer.get_json()["errors"]["json"]) for case, answer in answers.items()} == {
        "a link that is not http(s)": (422, {"online_link": [
            "Give the online link as a web address beginning with http:// or https://."]}),
        "no place nor link": (422, {"place": ["Give the place of the interview or an online link."]}),
        "a day that does not exist": (422, {"date": ["Enter the interview date as dd/mm/yyyy, e.g. 15/12/2026."]}),
        "yesterday": (422, {"date": ["The interview date has passed: choose a day from today on."]}),
    }
    assert stored() == before
    shown = client.get(f"/api/v1/applications/{application.id}", headers=headers).get_json()
    assert [interview["id"] for interview in shown["interviews"]] == [made.get_json()["id"]]


def test_the_api_rejects_several_at_once(world, client):
    applications = [applicant(world, "viewed")[0] for _ in range(2)]
    answer = client.post(f"/api/v1/vacancies/{world.vacancy.id}/applications/rejections", headers=bearer(world.employer),
                         json={"application_ids": [a.id for a in applications], "reason": "position_filled"})
    assert answer.status_code == 200 and answer.get_json() == {"rejected": [a.id for a in applications]}
    assert set(stored()["statuses"].values()) == {"rejected"}
