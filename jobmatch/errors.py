"""Error answers: the API's one JSON format (flask-smorest's: code, status, message, errors by field), HTML pages elsewhere."""
from datetime import timedelta
from functools import partial

from flask import current_app, make_response, redirect, render_template, request, url_for
from flask_babel import format_timedelta
from flask_babel import gettext as _
from flask_login import current_user
from limits.errors import StorageError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import (
    Forbidden,
    HTTPException,
    RequestEntityTooLarge,
    ServiceUnavailable,
    TooManyRequests,
    Unauthorized,
    UnprocessableEntity,
)
from werkzeug.exceptions import NotFound as NotFoundAnswer

from jobmatch.extensions import api, db
from jobmatch.i18n import translate_errors
from jobmatch.services import audit
from jobmatch.services.errors import (
    InvalidRequest,
    NotFound,
    PermissionRefused,
    SearchUnavailable,
    SignInRequired,
    TooManyAttempts,
)
from jobmatch.services.transaction import is_busy

# A busy database (a lock held longer than DATABASE_LOCK_TIMEOUT_S) is usually free again within seconds.
BUSY_RETRY_AFTER_S = 5
# So is the rate limits' store (Redis restarted, or a replica taking over).
LIMIT_STORE_RETRY_AFTER_S = 5


def too_large_message():
    """The limit this request had: MAX_CONTENT_LENGTH, or an operation's own (see api.larger_body)."""
    return _("The request is too large: send at most %(kilobytes)d KB.", kilobytes=request.max_content_length // 1024)


def _own_headers(error):
    """The headers an HTTP error carries itself (Allow on a 405), without the content type of werkzeug's HTML page."""
    return {name: value for name, value in error.get_headers() if name.lower() != "content-type"}


def _database_busy(http_error, error):
    """A lock waited for in vain (a long write elsewhere): 503 with Retry-After, on every path; other failures stay 500."""
    if not is_busy(error):
        raise error
    db.session.rollback()
    busy = ServiceUnavailable(_("The database is busy. Please try again in a few seconds."), retry_after=BUSY_RETRY_AFTER_S)
    busy.data = {"message": busy.description, "headers": {"Retry-After": str(BUSY_RETRY_AFTER_S)}}
    response = make_response(http_error(busy))
    response.headers["Retry-After"] = str(BUSY_RETRY_AFTER_S)
    return response


def _with_retry_after(http_error, answer, retry_after_s):
    """An error answer that says when to try again: Retry-After on pages and on the API alike."""
    db.session.rollback()
    answer.data = {"message": answer.description, "headers": {"Retry-After": str(retry_after_s)}}
    response = make_response(http_error(answer))
    response.headers["Retry-After"] = str(retry_after_s)
    return response


def _too_many_attempts(http_error, error):
    """A throttle of one account, login or citizen ID holds (services/throttle.py): 429, saying how long to wait."""
    answer = TooManyRequests(getattr(error, "message", None) or _(
        "Too many attempts. Try again in %(wait)s.", wait=format_timedelta(timedelta(seconds=error.retry_after_s), threshold=1)
    ))
    answer.wait_message = answer.description
    return _with_retry_after(http_error, answer, error.retry_after_s)


def _limit_store_unreachable(http_error, error):
    """The rate limits cannot be counted (Redis does not answer): the limited operation (signing in or up, claiming a
    profile, changing a password) is refused for now with 503, never let through uncounted; other pages are unaffected."""
    current_app.logger.error("The rate-limit store does not answer: %s", error)
    answer = ServiceUnavailable(_("This cannot be done for a moment. Please try again in a few seconds."))
    return _with_retry_after(http_error, answer, LIMIT_STORE_RETRY_AFTER_S)


def register_error_handlers(app):
    @app.errorhandler(HTTPException)
    def http_error(error):
        if request.path.startswith("/api/"):
            data = getattr(error, "data", None)
            if data and "messages" in data:  # webargs' validation errors, in the request's language
                data["messages"] = translate_errors(data["messages"])
            if isinstance(error, RequestEntityTooLarge) and not data:
                error.data = {"message": too_large_message()}
            payload, status, headers = api.handle_http_exception(error)
            return payload, status, {**_own_headers(error), **(headers or {})}  # webargs passes headers=None
        return render_template("error.html", error=error, too_large_message=too_large_message), error.code, _own_headers(error)

    @app.errorhandler(SearchUnavailable)
    def search_unavailable(error):
        unavailable = ServiceUnavailable(str(error))
        unavailable.data = {"message": str(error)}
        return http_error(unavailable)

    app.register_error_handler(OperationalError, partial(_database_busy, http_error))
    app.register_error_handler(TooManyAttempts, partial(_too_many_attempts, http_error))
    app.register_error_handler(StorageError, partial(_limit_store_unreachable, http_error))

    @app.errorhandler(NotFound)
    def not_found(error):
        return http_error(NotFoundAnswer())

    @app.errorhandler(InvalidRequest)
    def invalid_request(error):
        # The rule broken is about what was sent: the query of a read, the body of a write.
        location = "query" if request.method == "GET" else "json"
        unprocessable = UnprocessableEntity()
        unprocessable.data = {"message": error.message, "errors": {location: error.errors}}
        return http_error(unprocessable)

    @app.errorhandler(SignInRequired)
    def sign_in_required(error):
        if request.path.startswith("/api/"):
            unauthorized = Unauthorized()
            unauthorized.data = {
                "message": _("Send a valid bearer token (Authorization: Bearer …)."),
                "headers": {"WWW-Authenticate": "Bearer"},
            }
            return http_error(unauthorized)
        return redirect(url_for("account.sign_in", next=request.full_path if request.method == "GET" else None))

    @app.errorhandler(PermissionRefused)
    def permission_refused(error):
        audit.record_refusal(actor=current_user._get_current_object(), refusal=error)
        forbidden = Forbidden()
        forbidden.data = {"message": _("Your account may not do this.")}
        forbidden.description = forbidden.data["message"]
        return http_error(forbidden)
