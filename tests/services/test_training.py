"""Vocational training as a centre runs it: seats are enforced, an officer enrols only the centre's own people,
follow-ups open 80 and 170 days after completion, the course a job seeker's matches point to counts exactly the
vacancies it would open, and a demand survey adds up answers by occupation and commune as worked out by hand."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import Application, DemandSurvey, Enrolment, TrainingCourse, TrainingFollowUp, TrainingProvider
from jobmatch.rules.clock import day_text, vietnam_today
from jobmatch.services import training as training_service
from jobmatch.services import training_survey as survey_service
from tests.factories import (
    DANANG_WARD,
    HANOI_FAR_WARD,
    HANOI_WARD,
    make_account,
    make_centre,
    make_employer,
    make_job_seeker,
    make_vacancy,
    refusal,
)

TODAY = vietnam_today()



@pytest.fixture
def centre():
    centre = make_centre(province_code="01")
    officer = make_account("officer", centre_id=centre.id)
    provider = TrainingProvider(centre_id=centre.id, name="Trường Trung cấp nghề Ba Đình", ward_code=HANOI_WARD)
    db.session.add(provider)
    db.session.commit()
    return centre, officer, provider


def course(provider, *, isco_code="7212", seats=20, starts_in=10, ward_code=HANOI_WARD, length=3, unit="month"):
    row = TrainingCourse(centre_id=provider.centre_id, provider_id=provider.id, title="Hàn điện cơ bản", isco_code=isco_code,
                         length_value=length, length_unit=unit, starts_on=TODAY + timedelta(days=starts_in),
                         ends_on=TODAY + timedelta(days=starts_in + 90), ward_code=ward_code, seats=seats, cost_vnd=2_500_000)
    db.session.add(row)
    db.session.commit()
    return row


def enrolments(course_id):
    db.session.rollback()
    return db.session.scalar(select(func.count()).select_from(Enrolment).where(Enrolment.course_id == course_id))


def test_a_full_course_refuses_the_next_person_and_stores_nothing(centre):
    the_centre, officer, provider = centre
    full = course(provider, seats=2)
    people = [make_job_seeker(centre_id=the_centre.id, full_name=f"Người {n}") for n in range(3)]
    for person in people[:2]:
        training_service.enrol(actor=officer, course_id=full.id, citizen_id=person.citizen_id)
    seeker_account = make_account("job_seeker", job_seeker_id=people[2].id)
    told = refusal(lambda: training_service.enrol(actor=seeker_account, course_id=full.id, job_seeker_id=people[2].id))
    assert told == "course: Khóa học này đã hết chỗ (2 chỗ)."
    assert refusal(lambda: training_service.enrol(actor=officer, course_id=full.id, citizen_id=people[2].citizen_id)) == told
    assert enrolments(full.id) == 2


def test_an_officer_enrols_only_the_people_of_their_own_centre(centre):
    the_centre, officer, provider = centre
    open_course = course(provider)
    other_person = make_job_seeker(centre_id=make_centre(province_code="48").id, ward_code=DANANG_WARD)
    told = refusal(lambda: training_service.enrol(actor=officer, course_id=open_course.id, job_seeker_id=other_person.id))
    assert told == "not permitted"
    assert refusal(lambda: training_service.enrol(actor=officer, course_id=open_course.id, citizen_id=other_person.citizen_id)) == (
        "citizen_id: Không có người nào đăng ký với trung tâm của bạn có số CCCD này.")
    assert enrolments(open_course.id) == 0
    # The person may enrol themself in any centre's open course.
    own = make_account("job_seeker", job_seeker_id=other_person.id)
    assert refusal(lambda: training_service.enrol(actor=own, course_id=open_course.id, job_seeker_id=other_person.id)) == "done"
    assert refusal(lambda: training_service.enrol(actor=own, course_id=open_course.id, job_seeker_id=other_person.id)).startswith("course:")
    assert enrolments(open_course.id) == 1


def test_a_started_course_takes_no_enrolment(centre):
    the_centre, officer, provider = centre
    started = course(provider, starts_in=-1)
    person = make_job_seeker(centre_id=the_centre.id)
    assert refusal(lambda: training_service.enrol(actor=officer, course_id=started.id, citizen_id=person.citizen_id)) == (
        f"course: Khóa học này đã bắt đầu ngày {day_text(started.starts_on)}: không nhận đăng ký thêm.")


def completed(the_centre, officer, provider, days_ago):
    past = course(provider, starts_in=-days_ago - 100)
    person = make_job_seeker(centre_id=the_centre.id)
    enrolment = Enrolment(course_id=past.id, job_seeker_id=person.id, source="officer")
    db.session.add(enrolment)
    db.session.commit()
    training_service.record_completion(actor=officer, enrolment_id=enrolment.id, fields={
        "certificate_number": "CC-0042", "certificate_date": TODAY - timedelta(days=days_ago)})
    return enrolment


@pytest.mark.parametrize(("months", "days_ago", "opens_after"), [(3, 79, 80), (6, 169, 170), (6, 90, 170)])
def test_a_follow_up_before_its_day_is_refused_naming_it(centre, months, days_ago, opens_after):
    enrolment = completed(*centre, days_ago)
    done = TODAY - timedelta(days=days_ago)
    told = refusal(lambda: training_service.record_follow_up(actor=centre[1], enrolment_id=enrolment.id, months=months, working=True))
    assert told == (f"months: Kết quả theo dõi sau {months} tháng chỉ ghi nhận được từ ngày {day_text(done + timedelta(days=opens_after))} "
                    f"({opens_after} ngày sau ngày hoàn thành khóa học {day_text(done)}).")
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(TrainingFollowUp)) == 0


@pytest.mark.parametrize(("months", "days_ago"), [(3, 80), (6, 170)])
def test_a_follow_up_is_taken_from_its_day_once(centre, months, days_ago):
    enrolment = completed(*centre, days_ago)
    training_service.record_follow_up(actor=centre[1], enrolment_id=enrolment.id, months=months, working=False)
    assert refusal(lambda: training_service.record_follow_up(actor=centre[1], enrolment_id=enrolment.id, months=months, working=True)) == (
        f"months: Kết quả theo dõi sau {months} tháng đã được ghi nhận rồi.")
    other_officer = make_account("officer", centre_id=make_centre(province_code="48").id)
    assert refusal(lambda: training_service.record_follow_up(actor=other_officer, enrolment_id=enrolment.id, months=3, working=True)) == (
        "not permitted")
    db.session.rollback()
    assert db.session.execute(select(TrainingFollowUp.months, TrainingFollowUp.working)).all() == [(months, False)]


def test_the_course_hint_counts_exactly_the_vacancies_the_course_would_open(centre):
    the_centre, officer, provider = centre
    welding = course(provider, isco_code="7212", length=3, unit="month")
    course(provider, isco_code="7212", ward_code=HANOI_FAR_WARD)  # out of the person's reach: never pointed to
    person = make_job_seeker(centre_id=the_centre.id, desired_isco_codes=["2411"], commute_radius_km=20)
    employer = make_employer()
    opened = [make_vacancy(employer, isco_code="7212", title=f"Thợ hàn {n}") for n in range(4)]
    # What the course would not open: too far, closed, a draft, past its deadline, abroad, of an unverified employer,
    # another occupation, and one the person has applied to already.
    make_vacancy(employer, isco_code="7212", ward_code=HANOI_FAR_WARD)
    make_vacancy(employer, isco_code="7212", status="closed")
    make_vacancy(employer, isco_code="7212", status="draft")
    make_vacancy(employer, isco_code="7212", deadline=TODAY - timedelta(days=1))
    make_vacancy(employer, isco_code="7212", is_overseas=True, destination_country="KR", programme="EPS")
    make_vacancy(make_employer(name="Công ty Chưa Xác Minh", verified=False), isco_code="7212")
    make_vacancy(employer, isco_code="7411")
    applied = make_vacancy(employer, isco_code="7212")
    db.session.add(Application(vacancy_id=applied.id, job_seeker_id=person.id, source="self"))
    db.session.commit()

    found = training_service.course_hint(actor=officer, job_seeker_id=person.id)
    assert found == (welding, len(opened))

    # A person who seeks welding already is matched to those vacancies: no hint; nor for one enrolled in the course.
    welder = make_job_seeker(centre_id=the_centre.id, desired_isco_codes=["7212"])
    assert training_service.course_hint(actor=officer, job_seeker_id=welder.id) is None
    db.session.add(Enrolment(course_id=welding.id, job_seeker_id=person.id, source="officer"))
    db.session.commit()
    assert training_service.course_hint(actor=officer, job_seeker_id=person.id) is None


def test_survey_demand_by_occupation_and_commune_equals_the_hand_count(centre):
    the_centre, officer, provider = centre
    survey = DemandSurvey(centre_id=the_centre.id, title="Khảo sát nhu cầu học nghề 2027", starts_on=TODAY - timedelta(days=3),
                          ends_on=TODAY + timedelta(days=27))
    db.session.add(survey)
    db.session.commit()

    def seeker(ward_code):
        person = make_job_seeker(centre_id=the_centre.id, ward_code=ward_code)
        return make_account("job_seeker", job_seeker_id=person.id)

    def employer(ward_code):
        return make_account("employer", employer_id=make_employer(ward_code=ward_code).id)

    def wish(account, isco_code, km=10):
        survey_service.state_wish(actor=account, survey_id=survey.id,
                                  fields={"isco_code": isco_code, "wanted_from": TODAY + timedelta(days=60), "travel_km": km})

    near_a, near_b, far_a = seeker(HANOI_WARD), seeker(HANOI_WARD), seeker(HANOI_FAR_WARD)
    wish(near_a, "7212")
    wish(near_a, "7212", km=25)  # the same answer changed: still one person
    wish(near_a, "5120")
    wish(near_b, "7212")
    wish(far_a, "7212")
    for account, isco_code, workers in ((employer(HANOI_WARD), "7212", 5), (employer(HANOI_WARD), "7212", 3),
                                        (employer(HANOI_FAR_WARD), "8322", 10)):
        survey_service.state_need(actor=account, survey_id=survey.id,
                                  fields={"isco_code": isco_code, "workers": workers, "needed_from": TODAY + timedelta(days=90)})
    course(provider, isco_code="7212", seats=20)
    course(provider, isco_code="7212", seats=15)
    course(provider, isco_code="7212", seats=99, starts_in=-5)  # started: not supply any more
    hiring = make_employer()
    make_vacancy(hiring, isco_code="7212", openings=2)
    make_vacancy(hiring, isco_code="8322", ward_code=HANOI_FAR_WARD, openings=4)
    make_vacancy(hiring, isco_code="8322", ward_code=HANOI_FAR_WARD, openings=1, status="closed")

    _survey, rows, _names = survey_service.survey_demand(actor=officer, survey_id=survey.id)
    table = [(row.isco_code, row.ward_code, row.people_wanting, row.workers_needed, row.open_courses, row.course_seats,
              row.open_vacancies, row.openings) for row in rows]
    assert table == [
        ("5120", HANOI_WARD, 1, 0, 0, 0, 0, 0),
        ("7212", HANOI_WARD, 2, 8, 2, 35, 1, 2),
        ("7212", HANOI_FAR_WARD, 1, 0, 0, 0, 0, 0),
        ("8322", HANOI_FAR_WARD, 0, 10, 0, 0, 1, 4),
    ]
    other_officer = make_account("officer", centre_id=make_centre(province_code="48").id)
    assert refusal(lambda: survey_service.survey_demand(actor=other_officer, survey_id=survey.id)) == "not permitted"


def test_a_survey_takes_answers_only_during_its_campaign(centre):
    the_centre, _officer, _provider = centre
    survey = DemandSurvey(centre_id=the_centre.id, title="Khảo sát đã xong", starts_on=TODAY - timedelta(days=40),
                          ends_on=TODAY - timedelta(days=10))
    db.session.add(survey)
    db.session.commit()
    account = make_account("job_seeker", job_seeker_id=make_job_seeker(centre_id=the_centre.id).id)
    told = refusal(lambda: survey_service.state_wish(actor=account, survey_id=survey.id, fields={
        "isco_code": "7212", "wanted_from": TODAY, "travel_km": 5}))
    assert told == f"survey: Cuộc khảo sát này nhận câu trả lời từ {day_text(survey.starts_on)} đến {day_text(survey.ends_on)}."
