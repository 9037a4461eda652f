"""Follow-ups as an officer records them on the person's centre page: an explicit answer (none chosen is refused and
stores nothing), a correction shown with the earlier answer."""
from datetime import datetime, timedelta

from jobmatch.extensions import db
from jobmatch.models.application import PlacementFollowUp
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import application as application_service
from tests.factories import make_account, make_application, make_centre, make_employer, make_job_seeker, make_vacancy
from tests.web.helpers import post_form, start_session


def test_an_officer_must_choose_the_outcome_and_a_correction_shows_the_earlier_answer(client):
    centre = make_centre(province_code="01")
    officer = make_account("officer", centre_id=centre.id)
    job_seeker = make_job_seeker(centre_id=centre.id)
    application = make_application(make_vacancy(make_employer()), job_seeker, "offered",
                                   created_at=datetime.now() - timedelta(days=120))
    application_service.confirm_placement(actor=officer, application_id=application.id,
                                          hire_date=vietnam_today() - timedelta(days=95), employer_confirmed=True)
    start_session(client, officer)
    page_path = f"/centre/job-seekers/{job_seeker.id}"
    page = client.get(page_path).get_data(as_text=True)
    choices = page.split("Người lao động còn làm việc ở đó không?", 1)[1].split("</fieldset>", 1)[0]
    assert 'type="radio" name="still_employed" value="1"' in choices and "checked" not in choices
    assert 'type="checkbox" name="still_employed"' not in page

    # A plain click on "Record", no answer chosen: refused, nothing stored.
    answer = post_form(client, f"/applications/{application.id}/follow-ups", {"months": "3"}, token_from=page_path)
    assert "Hãy chọn người lao động còn làm việc hay đã nghỉ việc." in client.get(answer.headers["Location"]).get_data(as_text=True)
    assert db.session.query(PlacementFollowUp).count() == 0

    post_form(client, f"/applications/{application.id}/follow-ups", {"months": "3", "still_employed": "1"}, token_from=page_path)
    post_form(client, f"/applications/{application.id}/follow-ups/correction", {"months": "3", "still_employed": "0"},
              token_from=page_path)
    page = client.get(page_path).get_data(as_text=True)
    follow_up = page.split(f'id="follow-up-{application.id}-3"', 1)[1].split("</li>", 1)[0]
    today = vietnam_today().strftime("%d/%m/%Y")
    assert "<strong>đã nghỉ việc</strong>" in follow_up
    assert f"Sửa ngày {today}; câu trả lời trước: vẫn đang làm việc (ghi nhận ngày {today})" in follow_up
