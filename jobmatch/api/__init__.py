"""JSON API blueprints under /api/v1, documented by the OpenAPI spec at /api/v1/openapi.json.

The API authenticates with bearer tokens only (see jobmatch/security.py), so it needs no CSRF token.
"""
import re
from functools import wraps
from itertools import accumulate
from weakref import WeakKeyDictionary

import flask_smorest
from flask import current_app, request
from flask_login import current_user
from flask_smorest.utils import resolve_schema_instance
from webargs.flaskparser import FlaskParser, abort, is_json_request
from webargs.multidictproxy import MultiDictProxy
from werkzeug.datastructures import MultiDict

from jobmatch.extensions import api, csrf
from jobmatch.i18n import N_
from jobmatch.services.errors import SignInRequired

BEARER = [{"bearerAuth": []}]
# The deepest body the API takes (a vacancy's fees, a profile's languages) nests 3 levels; Python's own JSON parser
# gives up near 1,000 with a RecursionError.
MAX_JSON_DEPTH = 16
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_A_BRACKET = bytes(sorted(set(range(256)) - set(b"[]{}")))
_BRACKET_STEP = [1 if byte in b"[{" else -1 for byte in range(256)]


def json_depth(body):
    """How deeply a JSON text nests arrays and objects, counted without parsing it (brackets inside strings skipped)."""
    brackets = _JSON_STRING.sub(b"", body).translate(None, _NOT_A_BRACKET)
    return max(accumulate(map(_BRACKET_STEP.__getitem__, brackets)), default=0)


class ArgumentsParser(FlaskParser):
    """webargs' parser, refusing (400) a JSON body nested deeper than MAX_JSON_DEPTH before parsing it, and reading the
    query string into a plain dict."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._multiple_keys = WeakKeyDictionary()  # schema -> the arguments it takes as lists, found once per schema

    def _raw_load_json(self, req):
        if is_json_request(req) and json_depth(req.get_data(cache=True)) > MAX_JSON_DEPTH:
            abort(400, messages={"json": [N_("The JSON body is nested too deeply.")]})
        return super()._raw_load_json(req)

    def load_querystring(self, req, schema):
        """The arguments as webargs' proxy gives them (every value of a List field, the first of any other), read once:
        the proxy looks up every declared field in werkzeug's MultiDict, where each one absent raises a KeyError."""
        multiple = self._multiple_keys.get(schema)
        if multiple is None:
            multiple = self._multiple_keys[schema] = frozenset(
                self._makeproxy(MultiDict(), schema, cls=MultiDictProxy).multiple_keys)
        arguments = req.args
        return {key: arguments.getlist(key) if key in multiple else arguments[key] for key in arguments}


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest's blueprint with the API's arguments parser (every API module makes its blueprint from this)."""

    ARGUMENTS_PARSER = ArgumentsParser()

    def arguments(self, schema, **kwargs):
        """As flask-smorest's, with the schema made once: given a class, webargs would make a new one for every
        request (copying every declared field each time)."""
        return super().arguments(resolve_schema_instance(schema), **kwargs)


def actor():
    """The account of the request's bearer token (an anonymous user when there is none)."""
    return current_user._get_current_object()


def protected(blueprint):
    """An operation that needs a bearer token: without a valid one the answer is 401 before anything else is looked at
    (no body is parsed, no object looked up), so that an anonymous caller learns nothing from 404s or 422s. Documents
    the answers a refusal gives."""

    def decorate(operation):
        @wraps(operation)
        def signed_in_first(*args, **kwargs):
            if not current_user.is_authenticated:
                raise SignInRequired()
            return operation(*args, **kwargs)

        view = blueprint.alt_response(404, description="No such object")(signed_in_first)
        view = blueprint.alt_response(403, description="This account may not do this to this object")(view)
        view = blueprint.alt_response(401, description="No valid bearer token")(view)
        return blueprint.doc(security=BEARER)(view)

    return decorate


def larger_body(blueprint, setting):
    """An operation that takes a body up to the config's `setting` bytes instead of MAX_CONTENT_LENGTH (set before the
    body is read); a larger one is answered 413 naming that limit, in the request's language."""

    def decorate(operation):
        @wraps(operation)
        def with_its_limit(*args, **kwargs):
            request.max_content_length = current_app.config[setting]
            return operation(*args, **kwargs)

        return blueprint.alt_response(413, description=f"The body is larger than {setting} (bytes)")(with_its_limit)

    return decorate


def register_api(app):
    from jobmatch.api import (
        account,
        application,
        employer,
        invitation,
        job_fair,
        job_seeker,
        matching,
        occupation,
        overseas,
        place,
        vacancy,
    )

    api.init_app(app)
    api.spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    for module in (vacancy, place, occupation, account, job_seeker, employer, application, job_fair, matching, invitation, overseas):
        csrf.exempt(module.blp)
        api.register_blueprint(module.blp)
