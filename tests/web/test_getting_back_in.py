"""Getting back in, as people do it: a one-time link by email (through a real SMTP server), a reset code from the
centre for people without email, an administrator's password changed at the first sign-in, a locked account told so."""
import re
from datetime import timedelta

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.jobs import deliver_notifications
from jobmatch.models import Account, AuditEntry, Notification
from jobmatch.rules.clock import utc_now
from tests.factories import PASSWORD, make_account, make_centre, make_job_seeker
from tests.web.helpers import csrf_token, post_form, sign_in, start_session


def password_works(client, account, password):
    response = post_form(client, "/sign-in", {"login": account.email or account.phone, "password": password})
    return response.status_code == 302


def test_a_link_by_email_sets_a_new_password_once_and_tells_nobody_who_has_an_account(client, inbox):
    account = make_account("admin", email="lan.tran@example.vn")
    answers = []
    for login in ("lan.tran@example.vn", "nobody@example.vn"):
        page = post_form(client, "/password/forgot", {"login": login}).get_data(as_text=True)
        answers.append(re.sub(r'name="csrf_token" value="[^"]+"|value="[^"]*@example.vn"', "", page))
    assert answers[0] == answers[1] and "đường dẫn đặt mật khẩu mới đang được gửi" in answers[0]
    # The request sends nothing, whoever asks (so its time tells nothing either): the outbox emails the link.
    assert inbox.messages == []
    deliver_notifications()
    assert len(inbox.messages) == 1 and inbox.messages[0]["To"] == "lan.tran@example.vn"
    link = re.search(r"http://\S+/password/reset/\S+", inbox.messages[0].get_payload(decode=True).decode()).group(0)
    path = link.split("127.0.0.1:5000", 1)[1]

    assert post_form(client, path, {"new_password": "mùa lúa chín vàng"}, token_from=path).status_code == 302
    assert password_works(client, account, "mùa lúa chín vàng")
    again = post_form(client, path, {"new_password": "một mật khẩu khác nữa"}, token_from=path)
    assert again.status_code == 422 and "đã hết hạn hoặc đã được dùng" in again.get_data(as_text=True)
    assert db.session.scalars(select(AuditEntry.action).where(AuditEntry.subject_id == account.id)).all().count("password_reset") == 1


def test_a_reset_code_from_the_centre_works_once_and_every_refusal_reads_the_same(app, client):
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id)
    job_seeker = make_job_seeker(full_name="Lò Văn Páo", centre_id=centre.id)
    account = make_account("job_seeker", email=None, phone="+84356111222", job_seeker_id=job_seeker.id)
    officer_client = app.test_client()
    start_session(officer_client, officer)
    detail = f"/centre/job-seekers/{job_seeker.id}"
    slip = post_form(officer_client, f"{detail}/reset-code", {}, token_from=detail).get_data(as_text=True)
    code = re.search(r'id="reset-code">([A-Z0-9]{8})<', slip).group(1)
    assert db.session.get(Account, account.id).reset_code_hash not in (None, code)

    def reset(login, code, password="nước chảy đá mòn"):
        return post_form(client, "/password/code", {"login": login, "code": code, "new_password": password})

    wrong_code, unknown = reset("0356 111 222", "AAAAAAAA"), reset("0999 999 999", code)
    assert wrong_code.status_code == unknown.status_code == 422
    message = "Số điện thoại hoặc email và mã không khớp"
    assert message in wrong_code.get_data(as_text=True) and message in unknown.get_data(as_text=True)
    assert reset("0356 111 222", code.lower()).status_code == 302  # typed as it comes, small letters too
    client.post("/sign-out", data={"csrf_token": csrf_token(client, "/account")})
    assert password_works(client, account, "nước chảy đá mòn")
    assert reset("0356 111 222", code, "một mật khẩu khác nữa").status_code == 422  # once only

    other_officer = make_account("officer", centre_id=make_centre().id)
    other_client = app.test_client()
    start_session(other_client, other_officer)
    assert post_form(other_client, f"{detail}/reset-code", {}, token_from="/account").status_code == 403


def test_an_expired_code_and_too_many_guesses_are_refused(app, client):
    centre = make_centre()
    job_seeker = make_job_seeker(centre_id=centre.id)
    make_account("job_seeker", email=None, phone="+84356111333", job_seeker_id=job_seeker.id,
                 reset_code_hash="0" * 64, reset_code_expires_at=utc_now() - timedelta(hours=1))
    for _ in range(app.config["BACKOFF_FREE_GUESSES"]):
        assert post_form(client, "/password/code", {"login": "0356111333", "code": "AAAAAAAA", "new_password": "x" * 12}).status_code == 422
    assert post_form(client, "/password/code", {"login": "0356111333", "code": "AAAAAAAA", "new_password": "x" * 12}).status_code == 429


def test_a_password_an_administrator_chose_is_changed_at_the_first_sign_in(app, client):
    admin = make_account("admin")
    admin_client = app.test_client()
    start_session(admin_client, admin)
    centre = make_centre()
    post_form(admin_client, "/admin/accounts", {"role": "officer", "centre_id": centre.id, "display_name": "Vàng Thị Dua",
                                               "email": "dua@example.vn", "password": "tạm thời cho chị Dua"}, token_from="/admin/accounts")
    officer = db.session.scalar(select(Account).where(Account.email == "dua@example.vn"))
    assert officer.must_change_password
    sign_in(client, officer, "tạm thời cho chị Dua")
    assert client.get("/centre/job-seekers").headers["Location"] == "/account/first-password"
    assert "Chọn mật khẩu của riêng bạn" in client.get("/account/first-password").get_data(as_text=True)
    post_form(client, "/account/password", {"current_password": "tạm thời cho chị Dua", "new_password": "rừng xanh núi đỏ"},
              token_from="/account/first-password")
    assert client.get("/centre/job-seekers").status_code == 200


def test_a_lock_asks_for_a_reason_and_the_locked_person_is_told_whom_to_contact(app, client):
    admin = make_account("admin")
    admin_client = app.test_client()
    start_session(admin_client, admin)
    centre = make_centre(name="Trung tâm Dịch vụ việc làm tỉnh Lai Châu")
    job_seeker = make_job_seeker(centre_id=centre.id)
    account = make_account("job_seeker", job_seeker_id=job_seeker.id)
    lock = f"/admin/accounts/{account.id}/disabled"
    confirm = admin_client.get(lock).get_data(as_text=True)
    assert "Khóa tài khoản của" in confirm and 'name="reason"' in confirm
    refused = post_form(admin_client, lock, {"disabled": "on", "reason": ""}, token_from=lock)
    assert refused.status_code == 422 and "Hãy ghi lý do khóa tài khoản." in refused.get_data(as_text=True)
    assert not db.session.get(Account, account.id).disabled
    assert post_form(admin_client, lock, {"disabled": "on", "reason": "Nghi bị lộ mật khẩu"}, token_from=lock).status_code == 302
    db.session.expire_all()
    assert db.session.get(Account, account.id).disabled_reason == "Nghi bị lộ mật khẩu"
    assert "account_disabled" in db.session.scalars(select(AuditEntry.action).where(AuditEntry.subject_id == account.id)).all()

    right = post_form(client, "/sign-in", {"login": account.email, "password": PASSWORD}).get_data(as_text=True)
    assert "Tài khoản này đang bị khóa. Hãy liên hệ Trung tâm Dịch vụ việc làm tỉnh Lai Châu để mở khóa." in right
    assert "Nghi bị lộ" not in right
    wrong = post_form(client, "/sign-in", {"login": account.email, "password": "sai mật khẩu rồi"}).get_data(as_text=True)
    assert "bị khóa" not in wrong


def test_a_link_asked_for_longer_ago_than_a_link_lives_is_not_sent(app, client, inbox):
    account = make_account("admin", email="binh@example.vn")
    post_form(client, "/password/forgot", {"login": "binh@example.vn"})
    asked = db.session.scalar(select(Notification).where(Notification.account_id == account.id))
    asked.created_at -= timedelta(minutes=app.config["PASSWORD_RESET_LINK_MINUTES"] + 1)
    db.session.commit()
    deliver_notifications()
    assert inbox.messages == []
    start_session(client, account)
    assert "Có yêu cầu đặt mật khẩu mới cho tài khoản của bạn" in client.get("/account").get_data(as_text=True)
