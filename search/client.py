"""The Elasticsearch client factory and the test for "search is unavailable"."""
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError


def make_client(url, *, timeout_s=5.0):
    # One retry only: a page waiting on a dead node is worse than a clear "search unavailable".
    return Elasticsearch(url, request_timeout=timeout_s, max_retries=1, retry_on_timeout=False)


def is_unavailable(error):
    """True when an error means the search service cannot answer now (down, overloaded, index missing)."""
    if isinstance(error, TransportError):
        return True
    if isinstance(error, NotFoundError):
        return True
    return isinstance(error, ApiError) and error.meta.status >= 500


def is_healthy(client):
    try:
        return client.cluster.health(timeout="1s")["status"] in ("green", "yellow")
    except (TransportError, ApiError):
        return False
