"""A centre's contacts (issue 18, item 4): its officers and administrators keep them; an unverified company's preview of
its vacancy says by when the centre said it would verify the company, "quá hạn" once that day has passed, and how to
reach the centre."""
from datetime import datetime

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.centre import Centre
from jobmatch.rules.clock import utc_now
from tests.factories import HANOI_WARD, make_account, make_centre, make_employer, make_vacancy
from tests.web.helpers import post_form, start_session

CONTACTS = {"phone": "0236 3822 222", "email": "TTDVVL@example.vn", "address": "12 Trần Phú, Hải Châu",
            "opening_hours": "Thứ Hai đến Thứ Sáu, 7:30–17:00", "verification_working_days": "3"}


def test_the_preview_of_an_unverified_company_says_when_to_expect_verification_and_how_to_reach_the_centre(client):
    centre = make_centre(province_code="01")
    centre.phone, centre.email, centre.address, centre.opening_hours = "+842363822222", "ttdvvl@example.vn", "12 Trần Phú", "7:30–17:00"
    # Registered on Friday 02/01/2026 at 10:00 in Vietnam: 3 working days later is Wednesday 07/01/2026, long past.
    late = make_employer(verified=False, ward_code=HANOI_WARD, created_at=datetime(2026, 1, 2, 3, 0))
    recent = make_employer(verified=False, ward_code=HANOI_WARD, created_at=utc_now())
    pages = {}
    for employer in (late, recent):
        vacancy = make_vacancy(employer=employer)
        start_session(client, make_account("employer", employer_id=employer.id))
        pages[employer.id] = client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)

    page = pages[late.id]
    assert "dự kiến xong trước ngày 07/01/2026" in page and "quá hạn" in page
    assert '<a href="tel:+842363822222">0236 3822 222</a>' in page
    assert '<a href="mailto:ttdvvl@example.vn">ttdvvl@example.vn</a>' in page
    assert "12 Trần Phú" in page and "7:30–17:00" in page
    assert "Bản xem trước" in page
    assert "quá hạn" not in pages[recent.id].split('id="verification-wait"')[1]


def test_officers_and_administrators_keep_the_centre_contacts_and_a_bad_phone_or_email_is_refused_by_name(client):
    centre, other = make_centre(), make_centre()
    officer = make_account("officer", centre_id=centre.id)
    start_session(client, officer)
    path = f"/centres/{centre.id}/contacts"

    refused = post_form(client, path, {**CONTACTS, "phone": "12345", "email": "không phải email"}, token_from=path)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422
    summary = page.split('id="error-summary"')[1].split("</ul>")[0]  # each refused field named, with the reason
    assert "Điện thoại" in summary and "0912 345 678" in summary
    assert "Email" in summary and "email" in summary.split("Email", 1)[1]
    db.session.expire_all()
    assert db.session.get(Centre, centre.id).phone is None and db.session.get(Centre, centre.id).email is None

    assert post_form(client, path, CONTACTS, token_from=path).status_code == 302
    db.session.expire_all()
    saved = db.session.get(Centre, centre.id)
    assert (saved.phone, saved.email, saved.verification_working_days) == ("+842363822222", "ttdvvl@example.vn", 3)
    assert 'value="0236 3822 222"' in client.get(path).get_data(as_text=True)

    assert client.get(f"/centres/{other.id}/contacts").status_code == 403
    start_session(client, make_account("admin"))
    assert post_form(client, f"/centres/{other.id}/contacts", {**CONTACTS, "verification_working_days": "5"},
                     token_from=path).status_code == 302
    assert db.session.scalar(select(Centre.verification_working_days).where(Centre.id == other.id)) == 5
