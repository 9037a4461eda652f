"""Accounts: password rules, hashing and rehashing, sign-in auditing, tokens that end, claim codes, staff accounts."""
import hashlib
import hmac
from datetime import timedelta

import pytest
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Account, ApiToken, AuditEntry, JobSeeker
from jobmatch.rules.clock import utc_now
from jobmatch.services import account as account_service
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services.errors import InvalidRequest, PermissionRefused
from tests.factories import HANOI_WARD, PASSWORD, make_account, make_centre, make_employer, make_job_seeker


@pytest.mark.parametrize("password", ["short", "password1", "123456789", "iloveyou", "x" * 129])
def test_short_long_and_common_passwords_are_refused(password):
    assert account_service.password_problem(password)


@pytest.mark.parametrize("password", ["xanh lá cây mùa thu", "correct horse battery", "đi làm ở Hàn Quốc"])
def test_long_passphrases_without_composition_rules_pass(password):
    assert account_service.password_problem(password) is None


def test_the_login_name_is_not_a_password():
    assert account_service.password_problem("an.nguyen@example.vn", login_names=("an.nguyen@example.vn",))


def test_passwords_are_argon2id_hashes_and_rehashed_when_the_parameters_rise(app):
    account = make_account("admin")
    assert account.password_hash.startswith("$argon2id$") and PASSWORD not in account.password_hash
    old_hash = account.password_hash
    app.config["ARGON2_TIME_COST"] = 2
    try:
        assert account_service.authenticate(login=account.email, password=PASSWORD) == account
    finally:
        app.config["ARGON2_TIME_COST"] = 1
    db.session.refresh(account)
    assert account.password_hash != old_hash and "t=2" in account.password_hash


def test_every_sign_in_and_failed_sign_in_is_audited_without_the_password():
    account = make_account("admin")
    assert account_service.authenticate(login=account.email, password="wrong password") is None
    assert account_service.authenticate(login="nobody@example.vn", password=PASSWORD) is None
    assert account_service.authenticate(login=account.email, password=PASSWORD) == account
    entries = db.session.execute(select(AuditEntry.action, AuditEntry.subject_id).order_by(AuditEntry.id)).all()
    assert entries == [("sign_in_failed", account.id), ("sign_in_failed", None), ("sign_in", account.id)]


def test_a_disabled_account_cannot_sign_in_and_its_tokens_stop_working():
    admin = make_account("admin")
    officer = make_account("officer", centre_id=make_centre().id)
    _token, secret = account_service.create_api_token(actor=officer, name="Phần mềm quản lý")
    assert account_service.account_for_token(secret) == officer
    account_service.set_disabled(actor=admin, account_id=officer.id, disabled=True, reason="Nghỉ việc")
    # Told it is locked and whom to ask, only with the right password; a wrong one reads as for anyone.
    with pytest.raises(InvalidRequest, match="bị khóa"):
        account_service.authenticate(login=officer.email, password=PASSWORD)
    assert account_service.authenticate(login=officer.email, password="not the password") is None
    assert account_service.account_for_token(secret) is None


def test_tokens_are_stored_as_hashes_and_revocable():
    account = make_account("employer", employer_id=make_employer().id)
    token, secret = account_service.create_api_token(actor=account, name="Báo cáo")
    assert secret not in db.session.scalar(select(ApiToken.token_hash))
    account_service.revoke_api_token(actor=account, token_id=token.id)
    assert account_service.account_for_token(secret) is None


def test_only_an_administrator_creates_staff_accounts_and_officers_need_a_centre():
    admin, centre = make_account("admin"), make_centre()
    fields = {"role": "officer", "display_name": "Cán bộ A", "email": "canbo.a@example.vn", "password": "trung tâm việc làm"}
    with pytest.raises(InvalidRequest) as refused:
        account_service.create_staff_account(actor=admin, fields=dict(fields))
    assert refused.value.field == "centre_id"
    officer = account_service.create_staff_account(actor=admin, fields={**fields, "centre_id": centre.id})
    with pytest.raises(PermissionRefused):
        account_service.create_staff_account(actor=officer, fields={**fields, "email": "b@example.vn", "centre_id": centre.id})
    assert db.session.scalar(select(db.func.count()).select_from(Account)) == 2


def test_operators_create_the_first_administrator_and_centres_from_the_command_line(app):
    runner = app.test_cli_runner()
    refused = runner.invoke(args=["accounts", "create-admin", "quantri@example.vn", "--password", "12345678"])
    assert refused.exit_code != 0 and db.session.scalar(select(Account.id)) is None
    created = runner.invoke(args=["accounts", "create-admin", "QuanTri@example.vn", "--password", "một câu dài dễ nhớ"])
    assert created.exit_code == 0, created.output
    assert db.session.scalar(select(Account.role).where(Account.email == "quantri@example.vn")) == "admin"
    centre = runner.invoke(args=["accounts", "create-centre", "01", "Trung tâm Dịch vụ việc làm Hà Nội"])
    assert centre.exit_code == 0 and "Hà Nội" in centre.output
    assert runner.invoke(args=["accounts", "create-centre", "99", "Không có"]).exit_code != 0


def employer_account():
    return make_account("employer", employer_id=make_employer().id)


def test_a_token_ends_after_the_configured_lifetime_and_is_then_no_longer_listed(app):
    account = employer_account()
    app.config["API_TOKEN_LIFETIME_DAYS"] = 30
    try:
        token, secret = account_service.create_api_token(actor=account, name="Phần mềm nhân sự")
    finally:
        app.config["API_TOKEN_LIFETIME_DAYS"] = 90
    assert token.expires_at - token.created_at == timedelta(days=30)
    assert account_service.account_for_token(secret) == account
    assert account_service.list_api_tokens(actor=account) == [token]

    token.expires_at = utc_now() - timedelta(seconds=1)
    db.session.commit()
    assert account_service.account_for_token(secret) is None
    assert account_service.list_api_tokens(actor=account) == []


def test_the_default_lifetime_is_90_days():
    from jobmatch.config import load_config

    assert load_config()["API_TOKEN_LIFETIME_DAYS"] == 90


def test_a_token_records_the_day_it_was_last_used():
    account = employer_account()
    token, secret = account_service.create_api_token(actor=account, name="HR")
    assert token.last_used_at is None
    account_service.account_for_token(secret)
    db.session.refresh(token)
    assert utc_now() - token.last_used_at < timedelta(minutes=1)


def test_a_password_change_revokes_every_token():
    account = employer_account()
    tokens = [account_service.create_api_token(actor=account, name=name)[1] for name in ("HR", "Kế toán")]
    account_service.change_password(account=account, current_password=PASSWORD, new_password="một mật khẩu mới dài")
    assert [account_service.account_for_token(secret) for secret in tokens] == [None, None]
    assert account_service.list_api_tokens(actor=account) == []


def test_signing_out_everywhere_revokes_every_token():
    account = employer_account()
    _token, secret = account_service.create_api_token(actor=account, name="HR")
    account_service.end_sessions(account=account)
    assert account_service.account_for_token(secret) is None


def test_enabling_a_disabled_account_again_does_not_revive_its_tokens():
    admin, officer = make_account("admin"), make_account("officer", centre_id=make_centre().id)
    _token, secret = account_service.create_api_token(actor=officer, name="Phần mềm quản lý")
    account_service.set_disabled(actor=admin, account_id=officer.id, disabled=True, reason="Nghỉ việc")
    account_service.set_disabled(actor=admin, account_id=officer.id, disabled=False)
    assert account_service.authenticate(login=officer.email, password=PASSWORD) == officer
    assert account_service.account_for_token(secret) is None
    # Other accounts' tokens are untouched.
    other = employer_account()
    _token, other_secret = account_service.create_api_token(actor=other, name="HR")
    account_service.set_disabled(actor=admin, account_id=officer.id, disabled=True, reason="Nghỉ việc")
    assert account_service.account_for_token(other_secret) == other


def test_deleting_the_account_ends_its_tokens():
    job_seeker = make_job_seeker()
    account = make_account("job_seeker", job_seeker_id=job_seeker.id)
    _token, secret = account_service.create_api_token(actor=account, name="Ứng dụng")
    job_seeker_service.delete_account(actor=account, job_seeker_id=job_seeker.id)
    assert account_service.account_for_token(secret) is None
    assert db.session.scalar(select(db.func.count()).select_from(ApiToken)) == 0


def test_administrators_are_not_offered_tokens_and_one_they_hold_does_not_work():
    admin = make_account("admin")
    with pytest.raises(PermissionRefused):
        account_service.create_api_token(actor=admin, name="Quản trị")
    assert account_service.list_api_tokens(actor=admin) == []
    # A token made before administrators lost them (the migration revokes those; this one slipped through).
    secret = "jm_left-over-administrator-token"
    now = utc_now()
    db.session.add(ApiToken(account_id=admin.id, name="Cũ", token_hash=hashlib.sha256(secret.encode()).hexdigest(),
                            created_at=now, expires_at=now + timedelta(days=10)))
    db.session.commit()
    assert account_service.account_for_token(secret) is None


WALK_IN = {"full_name": "Lò Thị Mai", "citizen_id": "014301000123", "phone": "+84912345670", "ward_code": HANOI_WARD}


def walk_in(officer):
    return job_seeker_service.register_walk_in(actor=officer, fields=dict(WALK_IN))


def claim(code, phone="0987654321"):
    return account_service.claim_profile(fields={"citizen_id": WALK_IN["citizen_id"], "claim_code": code, "phone": phone,
                                                 "password": "những ngày nắng đẹp"})


def test_claim_codes_are_kept_as_a_keyed_hash_not_a_plain_one(app):
    officer = make_account("officer", centre_id=make_centre().id)
    job_seeker, code = walk_in(officer)
    stored = db.session.get(JobSeeker, job_seeker.id).claim_code_hash
    assert stored != hashlib.sha256(code.encode()).hexdigest()
    assert stored == hmac.new(app.config["SECRET_KEY"].encode(), code.encode(), hashlib.sha256).hexdigest()
    # A dedicated key, when set, is the one used; the secret key alone no longer matches the code.
    app.config["CLAIM_CODE_KEY"] = "a key kept apart from the session key"
    try:
        with pytest.raises(InvalidRequest):
            claim(code)
        _job_seeker, new_code = job_seeker_service.renew_claim_code(actor=officer, job_seeker_id=job_seeker.id)
        assert claim(new_code).job_seeker_id == job_seeker.id
    finally:
        app.config["CLAIM_CODE_KEY"] = None


def test_a_claim_code_expires_after_30_days_and_says_the_centre_can_renew_it(app):
    officer = make_account("officer", centre_id=make_centre().id)
    job_seeker, code = walk_in(officer)
    assert job_seeker.claim_code_expires_at - utc_now() > timedelta(days=29, hours=23)
    assert job_seeker.claim_code_expires_at - utc_now() <= timedelta(days=30)
    job_seeker.claim_code_expires_at = utc_now() - timedelta(seconds=1)
    db.session.commit()
    with pytest.raises(InvalidRequest) as refused:
        claim(code)
    assert "30 ngày" in refused.value.message  # the request's language: Vietnamese first
    assert db.session.scalar(select(Account.id)) == officer.id  # no account was made


def test_an_officer_of_the_centre_renews_a_code_and_the_earlier_one_stops_working():
    centre = make_centre()
    officer, other_officer = make_account("officer", centre_id=centre.id), make_account("officer", centre_id=make_centre().id)
    job_seeker, first_code = walk_in(officer)
    with pytest.raises(PermissionRefused):
        job_seeker_service.renew_claim_code(actor=other_officer, job_seeker_id=job_seeker.id)
    _job_seeker, second_code = job_seeker_service.renew_claim_code(actor=officer, job_seeker_id=job_seeker.id)
    assert second_code != first_code
    assert ("claim_code_issued", officer.id) in db.session.execute(select(AuditEntry.action, AuditEntry.actor_id)).all()
    with pytest.raises(InvalidRequest):
        claim(first_code)
    account = claim(second_code.lower())
    assert account.job_seeker_id == job_seeker.id
    assert db.session.get(JobSeeker, job_seeker.id).claim_code_expires_at is None
    # Once claimed, there is nothing to renew.
    with pytest.raises(PermissionRefused):
        job_seeker_service.renew_claim_code(actor=officer, job_seeker_id=job_seeker.id)
