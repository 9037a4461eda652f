"""Per-account throttles with backoff, through real requests and the real Redis: guesses at a password (sign-in and the
password change share one count) and at a claim code, each answer read in order; a login or citizen ID that has no
account or profile is throttled exactly the same, so the throttle tells nothing about who is registered."""
import re
import time

import pytest

from tests.factories import PASSWORD, make_account, make_centre
from tests.web.helpers import csrf_token, sign_in
from tests.web.test_claim_and_limits import CITIZEN_ID, other_code, walk_in

WRONG = "sai mật khẩu rồi"
FREE_GUESSES = 5  # BACKOFF_FREE_GUESSES's default


FIRST_WAIT_S = 3


@pytest.fixture
def short_waits(app, monkeypatch):
    """Waits of 3 s, 6 s, 12 s… instead of 30 s, 60 s…, so that the test can live through them. Three seconds, not one:
    a loaded machine can take a second between two requests, and the wait would end before the test looked at it."""
    monkeypatch.setitem(app.config, "BACKOFF_FIRST_WAIT_S", FIRST_WAIT_S)


def waited_seconds(refused):
    """The wait a refusal announces, read from its Vietnamese sentence "Hãy thử lại sau N giây."."""
    match = re.search(r"Bạn đã thử quá nhiều lần\. Hãy thử lại sau (\d+) giây\.", refused.get_data(as_text=True))
    assert match, refused.get_data(as_text=True)
    return int(match.group(1))


class Visitor:
    """A browser whose every request comes from a new client address, so that only the per-account throttle counts
    (not the limit per address)."""

    addresses = (f"10.1.{number // 250}.{number % 250 + 1}" for number in range(10_000))

    def __init__(self, client, page="/sign-in"):
        self.client, self.token = client, csrf_token(client, page)

    def post(self, path, data):
        return self.client.post(path, data={"csrf_token": self.token, **data}, environ_base={"REMOTE_ADDR": next(self.addresses)})

    def sign_in(self, login, password):
        return self.post("/sign-in", {"login": login, "password": password})


def statuses(responses):
    return [response.status_code for response in responses]


def test_a_password_gets_five_free_guesses_then_waits_that_double_whatever_the_address(app, client, short_waits):
    account = make_account("officer", centre_id=make_centre().id)
    visitor = Visitor(client)
    assert statuses(visitor.sign_in(account.email, WRONG) for _ in range(FREE_GUESSES + 2)) == [422] * FREE_GUESSES + [429, 429]
    # The right password waits as well, and the answer says for how long, in the visitor's language. (Retry-After may
    # be later: on these pages Flask-Limiter sets it to the end of the address's minute when that comes last.)
    # What is left of the wait is announced in whole seconds, so it is at most the first wait.
    refused = visitor.sign_in(account.email, PASSWORD)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert 1 <= waited_seconds(refused) <= FIRST_WAIT_S

    time.sleep(waited_seconds(refused) + 0.1)
    assert visitor.sign_in(account.email, WRONG).status_code == 422  # the turn after the first wait
    refused = visitor.sign_in(account.email, PASSWORD)
    assert refused.status_code == 429 and FIRST_WAIT_S < waited_seconds(refused) <= 2 * FIRST_WAIT_S  # twice as long
    time.sleep(waited_seconds(refused) + 0.1)
    assert visitor.sign_in(account.email, PASSWORD).status_code == 302

    # The right password ended the run: the free guesses are back.
    client.post("/sign-out", data={"csrf_token": csrf_token(client, "/account")})
    visitor = Visitor(client)
    assert statuses(visitor.sign_in(account.email, WRONG) for _ in range(FREE_GUESSES + 1)) == [422] * FREE_GUESSES + [429]


def test_the_phone_number_and_the_email_count_against_one_account(client):
    account = make_account("officer", centre_id=make_centre().id, phone="+84912000111")
    visitor = Visitor(client)
    logins = [account.email, "0912 000 111"] * FREE_GUESSES
    assert statuses(visitor.sign_in(login, WRONG) for login in logins[:FREE_GUESSES + 1]) == [422] * FREE_GUESSES + [429]


def test_a_login_without_an_account_is_throttled_exactly_like_one_with_an_account(client):
    account = make_account("officer", centre_id=make_centre().id)
    visitor = Visitor(client)
    answers = {login: statuses(visitor.sign_in(login, WRONG) for _ in range(FREE_GUESSES + 2))
               for login in (account.email, "khong-co-ai@example.vn")}
    assert answers[account.email] == answers["khong-co-ai@example.vn"] == [422] * FREE_GUESSES + [429, 429]


def test_guessing_the_current_password_on_the_change_form_shares_the_sign_in_throttle(app, client):
    account = make_account("officer", centre_id=make_centre().id)
    sign_in(client, account)
    token = csrf_token(client, "/account")
    change = {"csrf_token": token, "current_password": WRONG, "new_password": "một mật khẩu mới dài"}
    answers = [client.post("/account/password", data=change).status_code for _ in range(FREE_GUESSES + 1)]
    assert answers == [422] * FREE_GUESSES + [429]
    # The right current password waits too, and so does signing in elsewhere with the right password.
    assert client.post("/account/password", data={**change, "current_password": PASSWORD}).status_code == 429
    assert Visitor(app.test_client()).sign_in(account.email, PASSWORD).status_code == 429


def test_a_claim_code_gets_five_free_guesses_per_citizen_id_registered_or_not(client):
    _job_seeker, code = walk_in()
    visitor = Visitor(client, "/claim")

    def claim(citizen_id, presented):
        return visitor.post("/claim", {"citizen_id": citizen_id, "claim_code": presented, "phone": "0987654321",
                                       "password": "những ngày nắng đẹp"})

    for citizen_id in (CITIZEN_ID, "014301000999"):  # the walk-in's, and one nobody registered
        assert statuses(claim(citizen_id, other_code(code)) for _ in range(FREE_GUESSES + 1)) == [422] * FREE_GUESSES + [429]
    # The right code waits as well.
    assert claim(CITIZEN_ID, code).status_code == 429

