"""Accounts: password rules, hashing and rehashing, sign-in auditing, tokens, staff accounts."""
import pytest
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Account, ApiToken, AuditEntry
from jobmatch.services import account as account_service
from jobmatch.services.errors import InvalidRequest, PermissionRefused
from tests.factories import PASSWORD, make_account, make_centre


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
    account_service.set_disabled(actor=admin, account_id=officer.id, disabled=True)
    assert account_service.authenticate(login=officer.email, password=PASSWORD) is None
    assert account_service.account_for_token(secret) is None


def test_tokens_are_stored_as_hashes_and_revocable():
    account = make_account("admin")
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
