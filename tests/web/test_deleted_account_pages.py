"""A job seeker who deletes their account leaves no open case and no actionable page: an overseas case still open is
closed as "deleted" (its documents emptied), the application and placement stay as anonymous records, and the centre's
page of the person shows them with no form to act on them."""
from datetime import date, datetime, timedelta

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Application, Placement
from jobmatch.models.overseas import OverseasCase
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services import overseas as overseas_service
from tests.factories import make_account, make_application, make_centre, make_employer, make_job_seeker, make_vacancy
from tests.services.test_stats_overseas import open_case
from tests.web.helpers import start_session


def test_a_deleted_account_closes_its_open_case_and_its_page_offers_no_action(client):
    overseas_service.load_programmes()
    centre = make_centre(province_code="01")
    officer = make_account("officer", centre_id=centre.id)
    job_seeker = make_job_seeker(centre_id=centre.id)
    person = make_account("job_seeker", job_seeker_id=job_seeker.id)
    case_id = open_case(job_seeker, "EPS", [date(2026, 9, 1), date(2026, 10, 1)]).id
    application = make_application(make_vacancy(make_employer()), job_seeker, "hired", created_at=datetime(2026, 6, 1, 3))
    application.placement = Placement(hire_date=vietnam_today() - timedelta(days=100), employer_confirmed=True)
    db.session.commit()
    start_session(client, officer)
    page_path = f"/centre/job-seekers/{job_seeker.id}"
    assert "/follow-ups" in client.get(page_path).get_data(as_text=True)

    job_seeker_service.delete_account(actor=person, job_seeker_id=job_seeker.id)

    db.session.rollback()
    case = db.session.get(OverseasCase, case_id)
    assert (case.status, case.close_reason, case.closed_on) == ("closed", "deleted", vietnam_today())
    assert [(event.stage, event.close_reason, event.document) for event in case.events][-1] == ("closed", "deleted", "")
    kept = db.session.scalar(select(Application).where(Application.id == application.id))
    assert kept.status == "hired" and kept.placement.hire_date == vietnam_today() - timedelta(days=100)

    page = client.get(page_path).get_data(as_text=True)
    assert 'id="deleted-notice"' in page
    for action in ("/follow-ups", "/centre/referrals", "/withdraw", "/placement", "/priority-statuses", "claim-code"):
        assert action not in page, action
    # The closed case's own page names a deleted account and reads as a closed case, not as a vacancy no longer hiring.
    case_page = client.get(f"/overseas-cases/{case_id}").get_data(as_text=True)
    assert f"Hồ sơ số {case_id}: Một tài khoản đã xóa</h1>" in case_page
    assert "<strong>Đã đóng hồ sơ</strong>" in case_page and "Đã ngừng tuyển" not in case_page
