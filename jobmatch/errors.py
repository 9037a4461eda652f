"""Error answers: the API's one JSON format (flask-smorest's: code, status, message, errors by field), HTML pages elsewhere."""
from flask import render_template, request
from werkzeug.exceptions import HTTPException, ServiceUnavailable, UnprocessableEntity

from jobmatch.extensions import api
from jobmatch.i18n import translate_errors
from jobmatch.services.errors import InvalidRequest, SearchUnavailable


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

    @app.errorhandler(InvalidRequest)
    def invalid_request(error):
        unprocessable = UnprocessableEntity()
        unprocessable.data = {"message": error.message, "errors": {"query": {error.field: [error.message]}}}
        return http_error(unprocessable)
