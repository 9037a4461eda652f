"""JSON API blueprints under /api/v1, documented by the OpenAPI spec at /api/v1/openapi.json.

The API authenticates with bearer tokens only (see jobmatch/security.py), so it needs no CSRF token.
"""
from flask_login import current_user

from jobmatch.extensions import api, csrf

BEARER = [{"bearerAuth": []}]


def actor():
    """The account of the request's bearer token (an anonymous user when there is none)."""
    return current_user._get_current_object()


def protected(blueprint):
    """Document an operation as needing a bearer token, and the answers a refusal gives."""

    def decorate(view):
        view = blueprint.alt_response(404, description="No such object")(view)
        view = blueprint.alt_response(403, description="This account may not do this to this object")(view)
        view = blueprint.alt_response(401, description="No valid bearer token")(view)
        return blueprint.doc(security=BEARER)(view)

    return decorate


def register_api(app):
    from jobmatch.api import account, application, employer, job_fair, job_seeker, matching, occupation, overseas, place, vacancy

    api.init_app(app)
    api.spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    for module in (vacancy, place, occupation, account, job_seeker, employer, application, job_fair, matching, overseas):
        csrf.exempt(module.blp)
        api.register_blueprint(module.blp)
