"""Sign-in sessions, bearer tokens, CSRF, rate limits and security headers, wired into the app in one place.

Pages authenticate with the session cookie, the API only with bearer tokens: a cookie never acts for its owner on
/api/, so a cross-site request cannot use the API and the API needs no CSRF token.
"""
import time

from flask import current_app, g, request, session
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from flask_babel import gettext
from flask_login import current_user, login_user, logout_user
from werkzeug.middleware.proxy_fix import ProxyFix

from jobmatch.extensions import csrf, db, limiter, login_manager
from jobmatch.i18n import N_
from jobmatch.models.account import Account
from jobmatch.schemas.fields import parse_id
from jobmatch.services import account as account_service
from jobmatch.services import audit

# Same-origin everything; no inline script or style, no framing, no plugins, forms post only here.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SEEN_RESOLUTION_S = 60  # the idle clock in the cookie moves once a minute, not on every request


def is_api_request():
    return request.path.startswith("/api/")


def load_session_account(session_id):
    """The account of a page session: the session's version must still be the account's, and neither timeout passed."""
    if is_api_request():
        return None
    account_id, _, version = session_id.partition(":")
    account_id = parse_id(account_id)
    account = db.session.get(Account, account_id) if account_id else None
    if account is None or str(account.session_version) != version or account.disabled:
        return None
    now = time.time()
    config = current_app.config
    if now - session.get("signed_in_at", 0) > config["SESSION_ABSOLUTE_TIMEOUT_S"] or (
        now - session.get("seen_at", 0) > config["SESSION_IDLE_TIMEOUT_S"]
    ):
        session.clear()
        return None
    if now - session["seen_at"] > SEEN_RESOLUTION_S:
        session["seen_at"] = now
    return account


class PageSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, for pages only: an API request (bearer tokens only) gets an empty session that
    is never saved, without reading or signing the cookie; its answer still varies with the cookies it reads (the
    language)."""

    def open_session(self, app, request):
        if is_api_request():
            return SecureCookieSession()
        return super().open_session(app, request)

    def save_session(self, app, session, response):
        if is_api_request():
            if session.accessed:
                response.vary.add("Cookie")
            return
        super().save_session(app, session, response)


def load_token_account(request):
    """The account of an API request's bearer token."""
    if not is_api_request():
        return None
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    return account_service.account_for_token(token.strip())


def start_session(account):
    """A fresh session for a signed-in account: what the visitor's cookie carried before is dropped (no fixation)."""
    session.clear()
    login_user(account)
    session["signed_in_at"] = session["seen_at"] = time.time()
    session.permanent = True


def end_session():
    """Sign out here and everywhere else the account is signed in."""
    if current_user.is_authenticated:
        account_service.end_sessions(account=current_user._get_current_object())
    logout_user()
    session.clear()


def add_security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    # Only when this request loaded the account (a page or API call, not a stylesheet): no extra query for static files.
    account = g.get("_login_user")
    if account is not None and account.is_authenticated:
        response.headers.setdefault("Cache-Control", "no-store")  # a shared phone's back button shows nobody's data
    return response


def init_security(app):
    app.session_interface = PageSessionInterface()
    login_manager.init_app(app)
    login_manager.session_protection = None  # phones change addresses all the time; versions and timeouts end sessions
    login_manager.user_loader(load_session_account)
    login_manager.request_loader(load_token_account)
    login_manager.login_view = "account.sign_in"
    login_manager.login_message = N_("Sign in to see this page.")  # Flask-Login's own is English only
    login_manager.localize_callback = gettext
    csrf.init_app(app)
    limiter.init_app(app)
    if app.config["PROXY_HOPS"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_HOPS"], x_proto=app.config["PROXY_HOPS"])
    app.before_request(lambda: audit.set_client_address(request.remote_addr))
    app.teardown_request(lambda _error: audit.set_client_address(None))
    app.after_request(add_security_headers)
