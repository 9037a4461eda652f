"""Errors that services raise for the views to turn into answers."""
from contextlib import contextmanager

from search.client import is_unavailable


class SearchUnavailable(Exception):
    """Elasticsearch cannot answer now; writes are unaffected, searches must say so."""


class InvalidRequest(Exception):
    """A request that passed the schema but breaks a rule only the service can check: an unknown place, a duplicate
    citizen ID, a transition the state machine does not allow. Nothing is stored. A rule that reads several fields may
    refuse several at once (InvalidRequest.of); field and message are then the first."""

    def __init__(self, field, message, *, errors=None):
        super().__init__(message)
        self.field = field
        self.message = message
        self.errors = errors or {field: [message]}  # {field: [message]} of every field refused

    @classmethod
    def of(cls, errors):
        field = next(iter(errors))
        return cls(field, errors[field][0], errors=errors)


class PermissionRefused(Exception):
    """The signed-in account may not do this to this object; audited, answered 403 (404 would hide nothing here)."""

    def __init__(self, action, subject_type=None, subject_id=None):
        super().__init__(action)
        self.action = action
        self.subject_type = subject_type
        self.subject_id = subject_id


class NotFound(Exception):
    """No such object, or none the caller may know of (a draft, a hidden profile): answered 404, pages and API alike."""

    def __init__(self, subject_type=None, subject_id=None):
        super().__init__(subject_type)
        self.subject_type = subject_type
        self.subject_id = subject_id


class TooManyAttempts(Exception):
    """Too many guesses at a secret, or checks of a value, for one account, login or citizen ID: answered 429 with
    Retry-After, the same whether or not the account or value exists."""

    def __init__(self, retry_after_s):
        super().__init__(retry_after_s)
        self.retry_after_s = retry_after_s


class DailyCapReached(TooManyAttempts):
    """A daily cap of an employer's (candidates shown, invitations sent) is used up: 429 with this message, open again
    at Vietnam's midnight."""

    def __init__(self, retry_after_s, message):
        super().__init__(retry_after_s)
        self.message = message


class SignInRequired(Exception):
    """Nobody is signed in and the action needs an account: pages send to the sign-in page, the API answers 401."""


@contextmanager
def search_failures_as(message, *, before_raising=None):
    """The one translation of "Elasticsearch cannot answer" into SearchUnavailable(message); any other error passes
    unchanged. before_raising (e.g. a rollback) runs first on every error."""
    try:
        yield
    except Exception as error:
        if before_raising is not None:
            before_raising()
        if is_unavailable(error):
            raise SearchUnavailable(message) from error
        raise


def merged_errors(*errors):
    """One {field: [message]} of several, a field refused by more than one keeping every message."""
    merged = {}
    for each in errors:
        for field, messages in each.items():
            merged[field] = [*_listed(merged[field]), *_listed(messages)] if field in merged else messages
    return merged


def _listed(messages):
    return messages if isinstance(messages, list) else [messages]
