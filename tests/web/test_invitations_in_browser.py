"""An invitation to apply, in real headless Chromium on a 360-pixel screen: an employer opens the candidates of its
vacancy, sees an anonymous profile and invites the person; the person accepts, which applies and gives the employer
their name."""
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Application
from jobmatch.services import search_index
from tests.factories import make_account, make_centre, make_employer, make_job_seeker, make_vacancy
from tests.web.test_journeys_in_browser import fits_the_screen, sign_in


def test_an_employer_invites_an_anonymous_candidate_who_accepts(site, phone):
    centre = make_centre(province_code="01")
    employer = make_employer(name="Công ty Cơ khí Đông Á")
    employer_account = make_account("employer", employer_id=employer.id)
    vacancy = make_vacancy(employer, title="Thợ hàn TIG", isco_code="7212", skills=["hàn TIG"])
    person = make_job_seeker(centre_id=centre.id, full_name="Lò Văn Pao", phone="+84356111222", consents=("anonymous_listing",))
    seeker_account = make_account("job_seeker", job_seeker_id=person.id)
    search_index.relay_outbox(refresh=True)

    sign_in(phone, site, employer_account)
    phone.wait_for_url("**/employer")
    phone.goto(f"{site}/vacancies/{vacancy.id}/candidates")
    card = phone.locator(f"li[data-job-seeker='{person.id}']")
    assert f"Ứng viên ẩn danh số {person.id}" in card.inner_text() and "Lò Văn Pao" not in phone.content()
    assert "356111222" not in phone.content() and fits_the_screen(phone)
    card.locator("summary").click()
    card.locator("textarea[name=message]").fill("Mời anh đến xưởng phỏng vấn thứ Hai.")
    assert fits_the_screen(phone)
    with phone.expect_navigation():
        card.locator("button[type=submit]").click()
    assert "Đã gửi lời mời" in phone.inner_text("main")
    assert "Đang chờ trả lời" in phone.locator(f"li[data-job-seeker='{person.id}']").inner_text()

    phone.context.clear_cookies()
    sign_in(phone, site, seeker_account)
    phone.wait_for_url("**/me**")
    phone.goto(f"{site}/me/invitations")
    invitation = phone.locator("[data-invitation]")
    assert "Công ty Cơ khí Đông Á" in invitation.inner_text() and "thứ Hai" in invitation.inner_text()
    assert fits_the_screen(phone)
    invitation.locator("input[name=consent]").check()
    with phone.expect_navigation():
        invitation.locator("text=Nhận lời và ứng tuyển").click()
    assert phone.url.endswith("/me/applications") and "Thợ hàn TIG" in phone.inner_text("main")
    assert fits_the_screen(phone)
    db.session.rollback()
    [application] = db.session.scalars(select(Application)).all()
    assert (application.vacancy_id, application.job_seeker_id) == (vacancy.id, person.id)

    phone.context.clear_cookies()
    sign_in(phone, site, employer_account)
    phone.wait_for_url("**/employer")
    phone.goto(f"{site}/vacancies/{vacancy.id}/candidates")
    assert "Lò Văn Pao" in phone.locator(f"li[data-job-seeker='{person.id}']").inner_text()  # applied: shown in full
