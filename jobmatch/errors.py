"""Error answers: the API's one JSON format (flask-smorest's: code, status, message, errors by field), HTML pages elsewhere."""
from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import Forbidden, HTTPException, ServiceUnavailable, Unauthorized, UnprocessableEntity
from werkzeug.exceptions import NotFound as NotFoundAnswer

from jobmatch.extensions import api
from jobmatch.i18n import translate_errors
from jobmatch.services import audit
from jobmatch.services.errors import InvalidRequest, NotFound, PermissionRefused, SearchUnavailable, SignInRequired


def register_error_handlers(app):
    @app.errorhandler(HTTPException)
    def http_error(error):
        if request.path.startswith("/api/"):
            data = getattr(error, "data", None)
            if data and "messages" in data:  # webargs' validation errors, in the request's language
                data["messages"] = translate_errors(data["messages"])
            return api.handle_http_exception(error)
        return render_template("error.html", error=error), error.code

    @app.errorhandler(SearchUnavailable)
    def search_unavailable(error):
        unavailable = ServiceUnavailable()
        unavailable.data = {"message": str(error)}
        return http_error(unavailable)

    @app.errorhandler(NotFound)
    def not_found(error):
        return http_error(NotFoundAnswer())

    @app.errorhandler(InvalidRequest)
    def invalid_request(error):
        # The rule broken is about what was sent: the query of a read, the body of a write.
        location = "query" if request.method == "GET" else "json"
        unprocessable = UnprocessableEntity()
        unprocessable.data = {"message": error.message, "errors": {location: {error.field: [error.message]}}}
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
