"""Sessions the server can end, CSRF, security headers and sign-in rate limits, through real requests."""
import time

from tests.factories import PASSWORD, make_account, make_centre
from tests.web.helpers import csrf_token, post_form, sign_in


def officer():
    return make_account("officer", centre_id=make_centre().id)


def signed_in(client):
    return client.get("/account").status_code == 200


def test_signing_out_ends_every_session_of_the_account(app):
    account = officer()
    phone, laptop = app.test_client(), app.test_client()
    sign_in(phone, account)
    sign_in(laptop, account)
    assert signed_in(phone) and signed_in(laptop)
    post_form(phone, "/sign-out", {}, token_from="/account")
    assert not signed_in(phone) and not signed_in(laptop)


def test_a_password_change_ends_the_other_sessions_and_keeps_this_one(app):
    account = officer()
    phone, laptop = app.test_client(), app.test_client()
    sign_in(phone, account)
    sign_in(laptop, account)
    response = post_form(phone, "/account/password", {"current_password": PASSWORD, "new_password": "một mật khẩu mới dài"},
                         token_from="/account")
    assert response.status_code == 302
    assert signed_in(phone) and not signed_in(laptop)


def test_disabling_an_account_ends_its_sessions(app):
    account, admin = officer(), make_account("admin")
    client, admin_client = app.test_client(), app.test_client()
    sign_in(client, account)
    sign_in(admin_client, admin)
    post_form(admin_client, f"/admin/accounts/{account.id}/disabled", {"disabled": "1", "reason": "Thiết bị bị mất"},
              token_from="/admin/accounts")
    assert not signed_in(client)


def test_signing_in_starts_a_new_session_and_sets_safe_cookie_flags(app, client):
    before = client.get("/sign-in")
    account = officer()
    response = sign_in(client, account)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert before.headers.get("Set-Cookie", "").split(";")[0] != cookie.split(";")[0]


def test_secure_cookies_are_the_default_outside_tests():
    from jobmatch.config import load_config

    assert load_config()["SESSION_COOKIE_SECURE"] is True


def test_idle_and_absolute_timeouts_end_the_session(app, client):
    account = officer()
    sign_in(client, account)
    with client.session_transaction() as session:
        session["seen_at"] = time.time() - app.config["SESSION_IDLE_TIMEOUT_S"] - 1
    assert not signed_in(client)
    sign_in(client, account)
    with client.session_transaction() as session:
        session["signed_in_at"] = time.time() - app.config["SESSION_ABSOLUTE_TIMEOUT_S"] - 1
    assert not signed_in(client)


def test_forms_without_the_csrf_token_are_refused(client):
    account = officer()
    response = client.post("/sign-in", data={"login": account.email, "password": PASSWORD})
    assert response.status_code == 400
    sign_in(client, account)
    assert client.post("/sign-out").status_code == 400
    assert signed_in(client)


def test_pages_send_security_headers(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_sign_in_attempts_are_rate_limited_per_client_address_whatever_the_login(app, client):
    account = officer()
    token = csrf_token(client)
    limit = int(app.config["RATELIMIT_SIGN_IN"].split(" ")[0])
    # A different login each time, so that only the limit per address counts (each account has its own throttle).
    answers = [client.post("/sign-in", data={"csrf_token": token, "login": f"ai-do-{number}@example.vn", "password": "sai mật khẩu rồi"})
               .status_code for number in range(limit + 1)]
    assert answers[:limit] == [422] * limit and answers[limit] == 429
    # The right password does not get through while the limit holds.
    assert client.post("/sign-in", data={"csrf_token": token, "login": account.email, "password": PASSWORD}).status_code == 429


def test_the_api_ignores_the_session_cookie_and_wants_a_bearer_token(client):
    sign_in(client, officer())
    assert client.get("/api/v1/job-seekers/me").status_code == 401
    response = client.get("/api/v1/account")
    assert response.status_code == 401 and response.headers["WWW-Authenticate"] == "Bearer"


def test_sign_in_returns_only_to_a_path_on_this_site(client):
    account = officer()
    for target in ("//evil.example/", "/%09/evil.example", "/\\evil.example", "https://evil.example/", "/%0a/evil.example"):
        response = client.post(
            f"/sign-in?next={target}", data={"csrf_token": csrf_token(client), "login": account.email, "password": PASSWORD}
        )
        assert response.headers["Location"] == "/centre", target
        client.post("/sign-out", data={"csrf_token": csrf_token(client, "/account")})
    response = client.post(
        "/sign-in?next=/me/applications?x=1", data={"csrf_token": csrf_token(client), "login": account.email, "password": PASSWORD}
    )
    assert response.headers["Location"] == "/me/applications?x=1"


def test_signed_in_pages_are_not_kept_in_the_browser_cache(client):
    sign_in(client, officer())
    assert client.get("/centre/job-seekers").headers["Cache-Control"] == "no-store"
    assert "no-store" not in client.get("/static/site.css").headers.get("Cache-Control", "")
