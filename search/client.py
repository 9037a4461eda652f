"""The Elasticsearch client factory and the test for "search is unavailable"."""
from elastic_transport.client_utils import DEFAULT
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError

from search.guard import GuardSettings, SearchGuard

# The reads that answer a person waiting for a page: they fail fast (a short timeout, the guard); writes, bulk loads,
# scans and index set-up keep the client's own timeout.
SEARCH_ENDPOINTS = frozenset({"search", "msearch", "explain", "count", "open_point_in_time"})


class GuardedElasticsearch(Elasticsearch):
    """The client whose searches go through a SearchGuard and wait search_timeout_s at most (unless a caller set a
    timeout of its own with options())."""

    guard = None
    search_timeout_s = None
    _timeout_chosen = False
    _with_search_timeout = None  # this client with search_timeout_s, made at its first search (a new client each time
    # cost more of a search's Python time than the API's own work on its answer)

    def options(self, **kwargs):
        client = super().options(**kwargs)
        client.guard, client.search_timeout_s = self.guard, self.search_timeout_s
        client._timeout_chosen = self._timeout_chosen or kwargs.get("request_timeout", DEFAULT) is not DEFAULT
        return client

    def perform_request(self, method, path, **kwargs):
        if self.guard is None or kwargs.get("endpoint_id") not in SEARCH_ENDPOINTS:
            return super().perform_request(method, path, **kwargs)
        client = self if self._timeout_chosen else self._search_timeout_client()
        with self.guard.passage():
            return super(GuardedElasticsearch, client).perform_request(method, path, **kwargs)

    def _search_timeout_client(self):
        if self._with_search_timeout is None:  # two threads may both make one: either does
            self._with_search_timeout = self.options(request_timeout=self.search_timeout_s)
        return self._with_search_timeout


def make_client(url, *, timeout_s=5.0, search_timeout_s=2.0, guard_settings=None, api_key=None, username=None,
                password=None, ca_certs=None):
    """A client for one process: searches wait search_timeout_s at most and fail at once while the node hangs (see
    SearchGuard); everything else waits timeout_s. A production cluster takes an API key or a user name and password,
    and over https a CA certificate file to verify the cluster's certificate against (the project's own node needs none:
    it listens on loopback only)."""
    credentials = {"api_key": api_key} if api_key else {"basic_auth": (username, password or "")} if username else {}
    # One retry only: a page waiting on a dead node is worse than a clear "search unavailable".
    client = GuardedElasticsearch(url, request_timeout=timeout_s, max_retries=1, retry_on_timeout=False, ca_certs=ca_certs,
                                  **credentials)
    client.guard, client.search_timeout_s = SearchGuard(guard_settings or GuardSettings()), search_timeout_s
    return client


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
