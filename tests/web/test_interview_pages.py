"""The employer's applications page: several rejected at once with a coded reason (each person told, none when one
cannot be), and the interview form refused in the page's language with each error beside its field."""
import re
from datetime import timedelta

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Application, Interview, Notification
from jobmatch.rules.clock import vietnam_today
from tests.factories import make_account, make_application, make_employer, make_job_seeker, make_vacancy
from tests.web.helpers import post_form, start_session


def _list_with(statuses):
    employer = make_employer(name="Công ty Cơ khí Đông Á")
    account = make_account("employer", employer_id=employer.id)
    vacancy = make_vacancy(employer, title="Thợ hàn TIG")
    applications = []
    for number, status in enumerate(statuses):
        person = make_job_seeker(full_name=f"Ứng viên {number}")
        make_account("job_seeker", job_seeker_id=person.id)
        applications.append(make_application(vacancy, person, status))
    return account, vacancy, applications


def _statuses():
    db.session.expire_all()
    return [status for (status,) in db.session.execute(select(Application.status).order_by(Application.id))]


def test_ticked_applications_are_rejected_together_or_not_at_all(client):
    account, vacancy, applications = _list_with(("submitted", "viewed", "hired"))
    start_session(client, account)
    page_path = f"/employer/vacancies/{vacancy.id}/applications"
    page = client.get(page_path).get_data(as_text=True)
    assert page.count('form="reject-many"') == 2 and "Từ chối các hồ sơ đã đánh dấu" in page  # the hire cannot be ticked

    refused = post_form(client, f"/employer/vacancies/{vacancy.id}/rejections",
                        {"application_ids": [str(applications[0].id), str(applications[2].id)], "reason": "experience"},
                        token_from=page_path)
    told = client.get(refused.headers["Location"]).get_data(as_text=True)
    assert f"Hồ sơ số {applications[2].id} đang ở trạng thái “Đã tuyển” nên không thể từ chối" in told
    assert _statuses() == ["submitted", "viewed", "hired"]
    assert post_form(client, f"/employer/vacancies/{vacancy.id}/rejections", {"application_ids": str(applications[0].id)},
                     token_from=page_path).status_code == 302
    assert "Hãy chọn lý do không trúng tuyển." in client.get(page_path).get_data(as_text=True)
    assert _statuses() == ["submitted", "viewed", "hired"]

    done = post_form(client, f"/employer/vacancies/{vacancy.id}/rejections",
                     {"application_ids": [str(applications[0].id), str(applications[1].id)], "reason": "position_filled"},
                     token_from=page_path)
    assert "Đã từ chối 2 hồ sơ; từng người đã được thông báo." in client.get(done.headers["Location"]).get_data(as_text=True)
    assert _statuses() == ["rejected", "rejected", "hired"]
    assert db.session.scalar(select(Notification.params).where(Notification.kind == "application_status").limit(1)) == {
        "vacancy": "Thợ hàn TIG", "status": "rejected"}


def test_a_refused_interview_comes_back_with_the_error_beside_its_field_in_the_pages_language(client):
    account, vacancy, [application] = _list_with(("viewed",))
    start_session(client, account)
    form_path = f"/employer/applications/{application.id}/interview"
    for language, link, told in (
        ("vi", "ftp://meet.example.vn", "Đường dẫn phỏng vấn trực tuyến phải là địa chỉ web bắt đầu bằng http:// hoặc https://."),
        ("en", "ftp://meet.example.vn", "Give the online link as a web address beginning with http:// or https://."),
    ):
        client.get(f"{form_path}?lang={language}")
        response = post_form(client, f"/applications/{application.id}/interviews", {
            "date": (vietnam_today() + timedelta(days=2)).strftime("%d/%m/%Y"), "time": "14:30", "online_link": link,
            "message": "Gọi video qua Zalo"}, token_from=form_path)
        page = response.get_data(as_text=True)
        assert response.status_code == 422 and told in page and 'value="ftp://meet.example.vn"' in page, language
        assert "Gọi video qua Zalo" in page
    assert db.session.scalar(select(Interview.id)) is None


def test_a_move_over_several_stages_says_in_the_history_which_stage_it_left_and_which_it_reached(client):
    account, vacancy, (application,) = _list_with(("viewed",))
    start_session(client, account)
    page_path = f"/employer/vacancies/{vacancy.id}/applications"
    moved = post_form(client, f"/applications/{application.id}/move", {"status": "hired"}, token_from=page_path)
    assert moved.status_code == 302
    page = client.get(page_path).get_data(as_text=True)
    history = [" ".join(re.sub(r"<[^>]+>", "", line).split()[1:])
               for line in re.findall(r"<li>(.*?)</li>", re.search(r'<ol class="history">(.*?)</ol>', page, re.DOTALL).group(1), re.DOTALL)]
    assert history == ["Đã nộp", "Đã chuyển từ “Đã nộp” sang “Nhà tuyển dụng đã xem”",
                       "Đã chuyển từ “Nhà tuyển dụng đã xem” sang “Đã tuyển”"]
