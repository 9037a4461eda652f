"""Errors that services raise for the views to turn into answers."""


class SearchUnavailable(Exception):
    """Elasticsearch cannot answer now; writes are unaffected, searches must say so."""


class InvalidRequest(Exception):
    """A request that passed the schema but names something that does not exist, e.g. an unknown place."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message
