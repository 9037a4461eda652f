"""Job fairs through the pages: the public calendar for anonymous visitors, online registration, vacancies and
employers chosen by search, attendance by search or by a person's code, and the end-of-session report as page and XLSX."""
from datetime import timedelta
from io import BytesIO

from openpyxl import load_workbook

from jobmatch.extensions import db
from jobmatch.models import JobFair
from jobmatch.rules.clock import vietnam_today
from tests.factories import HANOI_WARD, make_account, make_centre, make_employer, make_job_seeker, make_vacancy
from tests.web.helpers import post_form, start_session


def test_anonymous_visitors_see_upcoming_fairs_and_people_register_online(client):
    centre = make_centre()
    coming = JobFair(centre_id=centre.id, title="Phiên tháng 12 Ba Đình", held_on=vietnam_today() + timedelta(days=7),
                     ward_code=HANOI_WARD, venue="Nhà văn hóa")
    past = JobFair(centre_id=centre.id, title="Phiên đã qua", held_on=vietnam_today() - timedelta(days=7), ward_code=HANOI_WARD,
                   venue="Sân")
    db.session.add_all([coming, past])
    db.session.commit()
    calendar = client.get("/job-fairs")
    assert calendar.status_code == 200 and "Phiên tháng 12 Ba Đình" in calendar.get_data(as_text=True)
    assert "Phiên đã qua" not in calendar.get_data(as_text=True)
    page = client.get(f"/job-fairs/{coming.id}").get_data(as_text=True)
    assert "Đăng nhập để đăng ký" in page

    person = make_job_seeker()
    start_session(client, make_account("job_seeker", job_seeker_id=person.id))
    registered = post_form(client, f"/job-fairs/{coming.id}/registration", {}, token_from=f"/job-fairs/{coming.id}")
    assert registered.status_code == 302
    page = client.get(f"/job-fairs/{coming.id}").get_data(as_text=True)
    assert "Bạn đã đăng ký." in page and f"Mã của bạn khi đến phiên: {person.id}" in page

    employer = make_employer()
    start_session(client, make_account("employer", employer_id=employer.id))
    assert post_form(client, f"/job-fairs/{coming.id}/registration", {}, token_from=f"/job-fairs/{coming.id}").status_code == 302
    assert "Bạn đã đăng ký." in client.get(f"/job-fairs/{coming.id}").get_data(as_text=True)


def test_an_officer_runs_a_fair_by_searching_and_reports_it(client):
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id)
    job_fair = JobFair(centre_id=centre.id, title="Phiên Hoàn Kiếm", held_on=vietnam_today(), ward_code=HANOI_WARD, venue="Cung")
    db.session.add(job_fair)
    employer = make_employer(name="Công ty May Sông Hồng")
    sewing = make_vacancy(employer, title="Thợ may công nghiệp")
    make_vacancy(employer, title="Kế toán kho")
    # 250 people of the centre, beyond the old cap of 200; one of them refused to show her profile
    people = [make_job_seeker(full_name=f"Nguyễn Văn Người {number:03d}", centre_id=centre.id) for number in range(250)]
    hidden = make_job_seeker(full_name="Nguyễn Văn Người 999", centre_id=centre.id, consents=())
    start_session(client, officer)
    path = f"/centre/job-fairs/{job_fair.id}"

    found = client.get(f"{path}?vacancy_q=thợ may").get_data(as_text=True)
    assert "Thợ may công nghiệp" in found and "Kế toán kho" not in found
    assert post_form(client, f"{path}/vacancies", {"vacancy_ids": str(sewing.id)}, token_from=path).status_code == 302
    assert post_form(client, f"{path}/employers", {"employer_id": str(employer.id)}, token_from=path).status_code == 302
    assert "Kế toán kho" in client.get(path).get_data(as_text=True)  # the employer came with its other vacancy

    last = people[-1]
    found = client.get(f"{path}?person_q=Người 249").get_data(as_text=True)
    assert last.full_name in found
    assert hidden.full_name not in client.get(f"{path}?person_q=Người 999").get_data(as_text=True)
    assert post_form(client, f"{path}/attendance", {"job_seeker_id": str(last.id)}, token_from=path).status_code == 302
    assert post_form(client, f"{path}/attendance", {"code": str(people[0].id)}, token_from=path).status_code == 302
    refused = post_form(client, f"{path}/attendance", {"code": "99999999"}, token_from=path)
    assert "Không có người lao động nào mang mã này." in client.get(refused.headers["Location"]).get_data(as_text=True)
    assert post_form(client, "/centre/referrals", {"job_fair_id": str(job_fair.id), "job_seeker_id": str(last.id),
                                                   "vacancy_id": str(sewing.id)}, token_from=path).status_code == 302

    report = client.get(f"{path}/report").get_data(as_text=True)
    assert "Người tham dự</dt><dd>2</dd>" in report and "Hồ sơ nộp tại phiên</dt><dd>1</dd>" in report
    sheet = load_workbook(BytesIO(client.get(f"{path}/report.xlsx").data)).active
    figures = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, max_row=8, values_only=True)}
    assert figures["Người tham dự"] == 2 and figures["Doanh nghiệp"] == 1 and figures["Tin tuyển dụng"] == 2
    assert figures["Tuyển dụng tại chỗ"] == 0
