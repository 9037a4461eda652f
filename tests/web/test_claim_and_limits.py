"""Claiming a walk-in profile through /claim (wrong codes, a code used twice) and the rate limits of /claim and
/sign-up, counted request by request; every refusal leaves no account behind."""
from sqlalchemy import func, select

from jobmatch.extensions import db, limiter
from jobmatch.models import Account, JobSeeker
from jobmatch.services import job_seeker as job_seeker_service
from tests.factories import HANOI_WARD, make_account, make_centre
from tests.web.helpers import csrf_token, post_form

CITIZEN_ID = "014301000123"
NO_MATCH = "Số CCCD và mã này không khớp với hồ sơ nào đang chờ kích hoạt."
ALLOWED_PER_MINUTE = 10  # RATELIMIT_SIGN_IN's default, "10 per minute;100 per day"


def walk_in(citizen_id=CITIZEN_ID):
    """A person an officer registered at the centre, and the code the officer handed them."""
    officer = make_account("officer", centre_id=make_centre(province_code="01").id)
    job_seeker, code = job_seeker_service.register_walk_in(actor=officer, fields={
        "full_name": "Lò Thị Mai", "citizen_id": citizen_id, "phone": "+84912345670", "ward_code": HANOI_WARD,
        "desired_isco_codes": ["8153"],
    }, consents=("show_profile",))
    return job_seeker, code


def other_code(code):
    """A well-formed code that is not this one."""
    return ("B" if code[0] != "B" else "C") + code[1:]


def claim(client, citizen_id, code, phone="0987654321", password="những ngày nắng đẹp"):
    return post_form(client, "/claim", {"citizen_id": citizen_id, "claim_code": code, "phone": phone, "password": password},
                     token_from="/claim")


def accounts():
    """The job seekers' accounts (by phone), read afresh."""
    db.session.rollback()
    return db.session.scalars(select(Account.phone).where(Account.role == "job_seeker").order_by(Account.id)).all()


def test_a_wrong_code_or_another_persons_citizen_id_claims_nothing(client):
    job_seeker, code = walk_in()
    walk_in(citizen_id="014301000999")
    before = accounts()
    for citizen_id, presented in ((CITIZEN_ID, other_code(code)), ("014301000999", code), ("001099000001", code)):
        response = claim(client, citizen_id, presented)
        assert response.status_code == 422, (citizen_id, presented)
        assert NO_MATCH in response.get_data(as_text=True)
        assert accounts() == before
    assert db.session.get(JobSeeker, job_seeker.id).phone == "+84912345670"

    # Typed in small letters with a space around it, the right code still works.
    response = claim(client, CITIZEN_ID, f" {code.lower()} ")
    assert response.status_code == 302 and response.headers["Location"].endswith("/me/profile")
    account = db.session.scalar(select(Account).where(Account.job_seeker_id == job_seeker.id))
    assert (account.role, account.phone, account.display_name) == ("job_seeker", "+84987654321", "Lò Thị Mai")


def test_a_code_claims_its_profile_once(app, client):
    job_seeker, code = walk_in()
    assert claim(client, CITIZEN_ID, code).status_code == 302
    before = accounts()

    someone_else = app.test_client()
    response = claim(someone_else, CITIZEN_ID, code, phone="0977000111", password="một mật khẩu khác hẳn")
    assert response.status_code == 422 and NO_MATCH in response.get_data(as_text=True)
    assert accounts() == before == ["+84987654321"]
    assert db.session.get(JobSeeker, job_seeker.id).phone == "+84987654321"


def test_claim_attempts_are_limited_per_minute_and_the_limit_holds_for_the_right_code(client):
    _job_seeker, code = walk_in()
    token = csrf_token(client, "/claim")
    wrong = {"csrf_token": token, "citizen_id": CITIZEN_ID, "claim_code": other_code(code), "phone": "0987654321",
             "password": "những ngày nắng đẹp"}
    # Another citizen ID each time, so that only the limit per address counts (each citizen ID has its own throttle).
    answers = [client.post("/claim", data={**wrong, "citizen_id": f"01430100{number:04d}"}).status_code
               for number in range(ALLOWED_PER_MINUTE + 1)]
    assert answers == [422] * ALLOWED_PER_MINUTE + [429]
    assert client.post("/claim", data={**wrong, "claim_code": code}).status_code == 429
    assert accounts() == []
    limiter.reset()  # a minute later, as it were: the same request claims the profile
    assert client.post("/claim", data={**wrong, "claim_code": code}).status_code == 302
    assert accounts() == ["+84987654321"]


def test_sign_ups_are_limited_per_minute_and_the_limit_holds_for_a_good_one(client):
    make_centre(province_code="01")
    token = csrf_token(client, "/sign-up")
    profile = {"csrf_token": token, "full_name": "Đinh Văn Sơn", "citizen_id": "001098000321", "birth_date": "1998-04-12",
               "phone": "0903111222",
               "province": "01", "ward_code": HANOI_WARD, "desired_isco_codes": "7212", "visibility": "public"}
    answers = [client.post("/sign-up", data={**profile, "password": "123"}).status_code for _ in range(ALLOWED_PER_MINUTE + 1)]
    assert answers == [422] * ALLOWED_PER_MINUTE + [429]
    assert client.post("/sign-up", data={**profile, "password": "mùa xuân trên quê hương"}).status_code == 429
    assert (accounts(), db.session.scalar(select(func.count()).select_from(JobSeeker))) == ([], 0)
    limiter.reset()  # a minute later, as it were: the same request signs up
    assert client.post("/sign-up", data={**profile, "password": "mùa xuân trên quê hương"}).status_code == 302
    assert accounts() == ["+84903111222"]
