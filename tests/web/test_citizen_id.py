"""No oracle of who is registered: a citizen ID a job seeker gives on their own profile is answered the same whether
another profile holds it or not (the taken one waits for the centre's review, audited), changes are limited per
account, sign-up checks the password before whether the email has an account, and a walk-in duplicate names only a
person of the officer's own centre."""
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import AuditEntry, JobSeeker
from jobmatch.services import account as account_service
from tests.factories import DANANG_WARD, HANOI_WARD, make_account, make_centre, make_job_seeker
from tests.web.helpers import post_form, sign_in

PROFILE = {"full_name": "Hà Văn Lâm", "birth_date": "1995-05-17", "ward_code": HANOI_WARD, "phone": "0912000555",
           "skills": ["trồng rau"], "visibility": "public"}
FREE_ID, HELD_ID = "001095000777", "001095000888"
TO_CHECK = f"Hà Văn Lâm</a>: {HELD_ID}"  # the line of the centre's list of citizen IDs to check


def bearer(account):
    return {"Authorization": f"Bearer {account_service.create_api_token(actor=account, name='test')[1]}"}


def own_profile_world():
    centre = make_centre()
    holder = make_job_seeker(citizen_id=HELD_ID, centre_id=centre.id)
    people = [make_job_seeker(citizen_id=f"001095000{number}", centre_id=centre.id) for number in (101, 102)]
    accounts = [make_account("job_seeker", job_seeker_id=person.id) for person in people]
    return centre, holder, people, accounts


def audit_actions(job_seeker_id):
    return db.session.scalars(
        select(AuditEntry.action).where(AuditEntry.subject_type == "job_seeker", AuditEntry.subject_id == job_seeker_id)
    ).all()


def test_a_registered_citizen_id_on_ones_own_profile_is_answered_like_a_free_one_and_waits_for_the_centre(client):
    centre, holder, (free_person, held_person), (free_account, held_account) = own_profile_world()
    answers = {
        citizen_id: client.put(f"/api/v1/job-seekers/{person.id}", headers=bearer(account), json={**PROFILE, "citizen_id": citizen_id})
        for citizen_id, person, account in ((FREE_ID, free_person, free_account), (HELD_ID, held_person, held_account))
    }
    free, held = (answers[citizen_id].get_json() for citizen_id in (FREE_ID, HELD_ID))
    assert answers[FREE_ID].status_code == answers[HELD_ID].status_code == 200
    assert (free["citizen_id"], held["citizen_id"]) == (FREE_ID, HELD_ID)
    assert {**free, "id": 0, "citizen_id": "", "created_at": ""} == {**held, "id": 0, "citizen_id": "", "created_at": ""}
    again = client.get("/api/v1/job-seekers/me", headers=bearer(held_account)).get_json()
    assert again["citizen_id"] == HELD_ID

    db.session.rollback()
    assert db.session.get(JobSeeker, holder.id).citizen_id == HELD_ID
    stored = db.session.get(JobSeeker, held_person.id)
    assert (stored.citizen_id, stored.citizen_id_under_review) == ("001095000102", HELD_ID)
    assert (audit_actions(free_person.id), audit_actions(held_person.id)) == (["citizen_id_changed"], ["citizen_id_held_for_review"])

    # The centre's officer finds it among the IDs to check, and settles it once the holder's profile is corrected.
    officer = make_account("officer", centre_id=centre.id)
    sign_in(client, officer)
    assert TO_CHECK in client.get("/centre/job-seekers").get_data(as_text=True)
    review = f"/centre/job-seekers/{held_person.id}/citizen-id-review"
    refused = post_form(client, review, {"card_shows_it": "1"}, token_from=f"/centre/job-seekers/{held_person.id}")
    assert refused.status_code == 422 and "Một hồ sơ khác vẫn đang giữ số CCCD này" in refused.get_data(as_text=True)
    holder_profile = {**PROFILE, "full_name": "Nguyễn Văn An", "phone": None, "citizen_id": "001095000999"}
    assert client.put(f"/api/v1/job-seekers/{holder.id}", headers=bearer(officer), json=holder_profile).status_code == 200
    assert post_form(client, review, {"card_shows_it": "1"}, token_from=f"/centre/job-seekers/{held_person.id}").status_code == 302
    db.session.rollback()
    stored = db.session.get(JobSeeker, held_person.id)
    assert (stored.citizen_id, stored.citizen_id_under_review) == (HELD_ID, None)
    assert TO_CHECK not in client.get("/centre/job-seekers").get_data(as_text=True)


def test_an_officer_can_drop_a_citizen_id_the_card_does_not_show(client):
    centre, _holder, (_free_person, person), (_free_account, account) = own_profile_world()
    client.put(f"/api/v1/job-seekers/{person.id}", headers=bearer(account), json={**PROFILE, "citizen_id": HELD_ID})
    sign_in(client, make_account("officer", centre_id=centre.id))
    response = post_form(client, f"/centre/job-seekers/{person.id}/citizen-id-review", {},
                         token_from=f"/centre/job-seekers/{person.id}")
    assert response.status_code == 302
    db.session.rollback()
    stored = db.session.get(JobSeeker, person.id)
    assert (stored.citizen_id, stored.citizen_id_under_review) == ("001095000102", None)


def test_changes_of_ones_own_citizen_id_are_limited_per_account(client):
    _centre, _holder, (person, _), (account, _) = own_profile_world()
    headers = bearer(account)
    answers = [client.put(f"/api/v1/job-seekers/{person.id}", headers=headers, json={**PROFILE, "citizen_id": f"00109500020{number}"})
               for number in range(4)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]  # RATELIMIT_CITIZEN_ID_CHANGE: 3 per day
    assert int(answers[-1].headers["Retry-After"]) > 0 and answers[-1].get_json()["code"] == 429
    # Saving the profile with the ID unchanged is no check and goes through.
    unchanged = client.put(f"/api/v1/job-seekers/{person.id}", headers=headers, json={**PROFILE, "citizen_id": "001095000202"})
    assert unchanged.status_code == 200


def test_sign_up_refuses_a_short_password_before_saying_anything_about_the_email(client):
    make_centre(province_code="01")
    make_account("officer", centre_id=make_centre(province_code="48").id, email="nhansu@tienphat.vn")
    form = {"full_name": "Đinh Văn Sơn", "citizen_id": "001098000321", "birth_date": "1998-04-12", "email": "nhansu@tienphat.vn",
            "province": "01", "ward_code": HANOI_WARD, "desired_isco_codes": "7212", "visibility": "public", "password": "123"}
    page = post_form(client, "/sign-up", form, token_from="/sign-up").get_data(as_text=True)
    assert "Hãy dùng ít nhất 8 ký tự." in page and "Đã có tài khoản dùng địa chỉ email này." not in page
    employer = {"name": "Công ty TNHH May Tiến Phát", "tax_code": "0101234565", "province": "01", "ward_code": HANOI_WARD,
                "contact_name": "Trần Văn Bình", "email": "nhansu@tienphat.vn", "password": "123"}
    page = post_form(client, "/sign-up/employer", employer, token_from="/sign-up/employer").get_data(as_text=True)
    assert "Hãy dùng ít nhất 8 ký tự." in page and "Đã có tài khoản dùng địa chỉ email này." not in page


def test_a_walk_in_duplicate_names_the_person_only_to_an_officer_of_their_own_centre(client):
    hanoi, danang = make_centre(province_code="01"), make_centre(province_code="48")
    registered = make_job_seeker(citizen_id="014301000123", centre_id=hanoi.id, birth_date=None)
    walk_in = {**PROFILE, "citizen_id": "014301000123", "birth_date": "2001-03-04"}
    answers = {}
    for centre, ward in ((hanoi, HANOI_WARD), (danang, DANANG_WARD)):
        answer = client.post("/api/v1/job-seekers", headers=bearer(make_account("officer", centre_id=centre.id)),
                             json={**walk_in, "ward_code": ward})
        assert answer.status_code == 422
        answers[centre.id] = answer.get_json()["errors"]["json"]["citizen_id"][0]
    assert f"người lao động số {registered.id}" in answers[hanoi.id]
    assert str(registered.id) not in answers[danang.id] and "trung tâm khác" in answers[danang.id]
