"""The Elasticsearch client factory and the test for "search is unavailable"."""
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError


def make_client(url, *, timeout_s=5.0):
    # One retry only: a page waiting on a dead node is worse than a clear "search unavailable".
    return Elasticsearch(url, request_timeout=timeout_s, max_retries=1, retry_on_timeout=False)


def is_unavailable(error):
    """True when an error means the search service cannot answer now (down, overloaded, index missing)."""
    if isinstance(error, (TransportError, NotFoundError)):
        return True
    # 408 and 429: timed out or rejected under load (circuit breakers, full queues), as during a big rebuild.
    return isinstance(error, ApiError) and (error.meta.status >= 500 or error.meta.status in (408, 429))


def cluster_status(client, *, timeout_s=1.0):
    """The cluster's health colour (green, yellow, red), asked within timeout_s: a readiness check, not a search."""
    return client.options(request_timeout=timeout_s).cluster.health(timeout=f"{round(timeout_s * 1000)}ms")["status"]


def is_healthy(client):
    try:
        return cluster_status(client) in ("green", "yellow")
    except (TransportError, ApiError):
        return False
