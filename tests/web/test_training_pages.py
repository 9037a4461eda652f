"""Training through the pages: a job seeker's matches point to the course that would open vacancies near them, with
the real count; a follow-up needs an explicit answer; the survey's table comes as a workbook of numbers."""
from datetime import timedelta
from io import BytesIO

from openpyxl import load_workbook
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import DemandSurvey, Enrolment, SkillNeed, TrainingCourse, TrainingFollowUp, TrainingProvider
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import training_survey as survey_service
from tests.factories import HANOI_WARD, make_account, make_centre, make_employer, make_job_seeker, make_priority_status, make_vacancy
from tests.web.helpers import csrf_token, post_form, start_session

TODAY = vietnam_today()


def welding_course(centre, starts_in=10):
    provider = TrainingProvider(centre_id=centre.id, name="Trường nghề Ba Đình", ward_code=HANOI_WARD)
    course = TrainingCourse(centre_id=centre.id, provider=provider, title="Hàn điện cơ bản", isco_code="7212", length_value=3,
                            length_unit="month", starts_on=TODAY + timedelta(days=starts_in),
                            ends_on=TODAY + timedelta(days=starts_in + 90), ward_code=HANOI_WARD, seats=20, cost_vnd=0)
    db.session.add(course)
    db.session.commit()
    return course


def test_the_matches_page_points_to_the_course_that_would_open_vacancies(client, indexes):
    centre = make_centre()
    course = welding_course(centre)
    person = make_job_seeker(centre_id=centre.id, desired_isco_codes=["9329"])
    employer = make_employer()
    for number in range(5):
        make_vacancy(employer, isco_code="7212", title=f"Thợ hàn {number}")
    start_session(client, make_account("job_seeker", job_seeker_id=person.id))
    page = client.get(f"/job-seekers/{person.id}/matches").get_data(as_text=True)
    assert "Khóa học 3 tháng nghề thợ hàn và thợ cắt kim loại sẽ mở ra 5 việc làm gần bạn" in page
    assert f'href="/courses/{course.id}"' in page
    english = client.get(f"/job-seekers/{person.id}/matches?lang=en").get_data(as_text=True)
    assert "A 3-month course in welders and flamecutters would open 5 vacancies near you" in english


def test_a_follow_up_without_an_answer_is_refused_under_its_field_and_stores_nothing(client):
    centre = make_centre()
    course = welding_course(centre, starts_in=-200)
    person = make_job_seeker(centre_id=centre.id)
    enrolment = Enrolment(course=course, job_seeker_id=person.id, source="officer", completed_on=TODAY - timedelta(days=100),
                          certificate_number="CC-1", certificate_date=TODAY - timedelta(days=100))
    db.session.add(enrolment)
    db.session.commit()
    officer = make_account("officer", centre_id=centre.id)
    start_session(client, officer)
    manage = f"/centre/courses/{course.id}"
    refused = post_form(client, f"/enrolments/{enrolment.id}/follow-ups", {"months": "3"}, token_from=manage)
    assert refused.status_code == 422
    assert "Hãy chọn người này đang có việc làm hay không có việc làm." in refused.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(TrainingFollowUp)) == 0
    english = client.post(f"/enrolments/{enrolment.id}/follow-ups?lang=en",
                          data={"months": "6", "working": "1", "csrf_token": csrf_token(client, manage)})
    assert english.status_code == 422 and "The 6-month follow-up can be recorded from" in english.get_data(as_text=True)
    recorded = post_form(client, f"/enrolments/{enrolment.id}/follow-ups", {"months": "3", "working": "0"}, token_from=manage)
    assert recorded.status_code == 302
    assert db.session.execute(select(TrainingFollowUp.months, TrainingFollowUp.working)).all() == [(3, False)]
    assert "Sau 3 tháng: không có việc làm" in client.get(f"{manage}?lang=vi").get_data(as_text=True)


def test_the_survey_workbook_holds_numbers_and_the_page_forecasts_the_next_campaign(client):
    centre = make_centre()
    welding_course(centre)
    employer = make_employer()
    for years_back, workers in ((2, 6), (1, 4)):  # the centre's two earlier campaigns: 6, then 4 welders needed
        ends_on = TODAY - timedelta(days=365 * years_back)
        earlier = DemandSurvey(centre_id=centre.id, title=f"Khảo sát {ends_on.year}", starts_on=ends_on - timedelta(days=30),
                               ends_on=ends_on)
        db.session.add(earlier)
        db.session.flush()
        db.session.add(SkillNeed(survey_id=earlier.id, employer_id=employer.id, isco_code="7212", workers=workers,
                                 needed_from=earlier.ends_on))
    survey = DemandSurvey(centre_id=centre.id, title="Khảo sát 2027", starts_on=TODAY, ends_on=TODAY + timedelta(days=30))
    db.session.add(survey)
    db.session.commit()
    for number in range(2):
        person = make_job_seeker(centre_id=centre.id)
        if number == 0:  # one of the two is a priority worker
            make_priority_status(person, make_account("officer", centre_id=centre.id), category="near_poor")
        account = make_account("job_seeker", job_seeker_id=person.id)
        survey_service.state_wish(actor=account, survey_id=survey.id, fields={"isco_code": "7212", "wanted_from": TODAY, "travel_km": 5})
    start_session(client, make_account("officer", centre_id=centre.id))
    page = client.get(f"/centre/training-surveys/{survey.id}").get_data(as_text=True)
    assert "7212 Thợ hàn và thợ cắt kim loại" in page
    # 6, 4, then 2 people wanting it now: the line goes on down to 0, and its miss on the earlier campaigns cannot be
    # measured from fewer than 3 before them
    assert "Dự báo nhu cầu cho đợt khảo sát sau" in page
    assert "<td>0</td><td>–</td>" in page
    workbook = load_workbook(BytesIO(client.get(f"/centre/training-surveys/{survey.id}.xlsx").data))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[1][3] == "trong đó người thuộc diện ưu tiên"
    assert rows[2][2:] == (2, 1, 0, 1, 20, 0, 0)
    assert rows[2][1].startswith("Phường Ba Đình")


def test_an_officer_records_and_approves_training_support_from_the_courses_page_and_the_person_sees_it(client):
    from jobmatch.models import SupportClaim
    from jobmatch.services import support as support_service
    support_service.load_schemes()
    centre = make_centre()
    course = welding_course(centre, starts_in=-5)
    officer = make_account("officer", centre_id=centre.id)
    person = make_job_seeker(centre_id=centre.id)
    make_priority_status(person, officer, category="near_poor")
    enrolment = Enrolment(course=course, job_seeker_id=person.id, source="officer")
    db.session.add(enrolment)
    db.session.commit()
    start_session(client, officer)
    page = f"/enrolments/{enrolment.id}/support"
    assert f'href="{page}"' in client.get(f"/centre/courses/{course.id}").get_data(as_text=True)
    form = client.get(page).get_data(as_text=True)
    assert "Cam kết tuyển dụng của doanh nghiệp" in form and "2.500.000" in form  # the near-poor group's cap, in the scheme table
    claim = {"item": "vocational_training", "amount_vnd": "2,5 triệu", "receipt_number": "BL-12", "receipt_date": TODAY.isoformat(),
             "receipt_issuer": "Trường nghề Ba Đình", "document_seen": "Biên lai học phí"}
    refused = post_form(client, f"/enrolments/{enrolment.id}/support-claims", claim, token_from=page)
    assert refused.status_code == 422
    assert "hãy chọn giấy tờ đã xem" in refused.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(SupportClaim)) == 0
    done = post_form(client, f"/enrolments/{enrolment.id}/support-claims", {**claim, "commitment": "self_employment_plan"},
                     token_from=page)
    assert done.status_code == 302
    recorded = db.session.scalar(select(SupportClaim))
    assert (recorded.amount_vnd, recorded.commitment, recorded.status) == (2_500_000, "self_employment_plan", "pending")
    approved = post_form(client, f"/support-claims/{recorded.id}/approve", {}, token_from=page)
    assert approved.headers["Location"].endswith(page)
    db.session.refresh(recorded)
    assert recorded.approved_on in (TODAY, vietnam_today())  # the suite may cross midnight in Vietnam
    start_session(client, make_account("job_seeker", job_seeker_id=person.id))
    own = client.get(page).get_data(as_text=True)
    assert "Chi phí đào tạo" in own and "2.500.000" in own and f"Đã duyệt ngày {recorded.approved_on:%d/%m/%Y}" in own
    assert "Ghi nhận khoản đề nghị" not in own  # the person reads, the centre records
    start_session(client, make_account("officer", centre_id=make_centre(province_code="48").id))
    assert client.get(page).status_code == 403


def test_the_outcomes_page_splits_priority_workers_from_the_others_and_gives_nothing_hidden_away(client):
    import re

    centre = make_centre()
    course = welding_course(centre, starts_in=-200)
    officer = make_account("officer", centre_id=centre.id)
    done = TODAY - timedelta(days=100)
    for priority, working in [(True, True)] * 5 + [(True, False)] + [(False, True)] * 2:
        person = make_job_seeker(centre_id=centre.id)
        if priority:
            make_priority_status(person, officer, category="poor")
        db.session.add(Enrolment(course=course, job_seeker_id=person.id, source="officer", completed_on=done, certificate_number="CC",
                                 certificate_date=done, follow_ups=[TrainingFollowUp(months=3, working=working)]))
    db.session.commit()
    start_session(client, officer)
    page = client.get("/centre/training-outcomes").get_data(as_text=True)
    page = page[page.index("Sau 3 tháng"):page.index("Sau 6 tháng")]
    rows = {name: cells for name, cells in re.findall(r'<th scope="row">([^<]+)</th>\s*((?:<td>.*?</td>\s*)+)</tr>', page)}
    cells = {name: re.findall(r"<td>\s*(.*?)\s*</td>", row) for name, row in rows.items()}
    # 6 priority workers (5 in work), 2 others: one not in work and the 2 others are primary; what would give them away
    # from the rows and the total goes too; the 8 followed up stay.
    assert cells["Người thuộc diện ưu tiên"] == ["x", "x", "x"]
    assert cells["Người khác"] == ["&lt;5", "&lt;5", "n&lt;5"]
    assert cells["Tổng cộng"] == ["8", "x", "x"]
