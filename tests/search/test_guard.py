"""The search guard against real sockets and the real node: after a few failures in a row searches fail at once, one
probe goes through after the pause, writes and set-up are never held back, and at most a few searches wait at once."""
import threading
import time

import pytest
from elastic_transport import ConnectionError as TransportConnectionError

from search.client import is_unavailable, make_client
from search.guard import CircuitOpenError, GuardSettings, SearchSlotsBusyError

NOBODY_LISTENS = "http://127.0.0.1:9"  # connections are refused at once


def test_after_consecutive_failures_searches_fail_at_once_until_one_probe_after_the_pause():
    client = make_client(NOBODY_LISTENS, guard_settings=GuardSettings(threshold=2, pause_s=0.5))
    for _ in range(2):
        with pytest.raises(TransportConnectionError):
            client.search(index="any", query={"match_all": {}})
    started = time.perf_counter()
    with pytest.raises(CircuitOpenError) as refused:
        client.search(index="any", query={"match_all": {}})
    assert time.perf_counter() - started < 0.05 and is_unavailable(refused.value)
    with pytest.raises(TransportConnectionError):
        client.indices.exists_alias(name="any")  # set-up and writes go to the node whatever the circuit says
    time.sleep(0.6)
    with pytest.raises(TransportConnectionError):
        client.msearch(searches=[{"index": "any"}, {"query": {"match_all": {}}}])  # the probe
    with pytest.raises(CircuitOpenError):
        client.count(index="any")  # the probe failed: paused again


def test_a_node_that_answers_keeps_the_circuit_closed_even_with_an_error_status(app):
    client = make_client(app.config["ELASTICSEARCH_URL"], guard_settings=GuardSettings(threshold=1))
    for _ in range(3):
        with pytest.raises(Exception) as missing:
            client.search(index=f"{app.config['SEARCH_INDEX_PREFIX']}-no-such-index")
        assert not isinstance(missing.value, CircuitOpenError)
    assert not client.guard.is_open


def test_no_more_than_the_allowed_searches_wait_at_once(app):
    """A slot is held for the whole of a search; one more search finds none free within its short wait."""
    client = make_client(app.config["ELASTICSEARCH_URL"], guard_settings=GuardSettings(concurrent=1, slot_wait_s=0.1))
    inside, leave = threading.Event(), threading.Event()

    def slow_search():
        with client.guard.passage():
            inside.set()
            leave.wait(5)

    holder = threading.Thread(target=slow_search)
    holder.start()
    try:
        assert inside.wait(5)
        with pytest.raises(SearchSlotsBusyError) as busy:
            client.search(index=f"{app.config['SEARCH_INDEX_PREFIX']}-*")
        assert is_unavailable(busy.value)
    finally:
        leave.set()
        holder.join()
    client.search(index=f"{app.config['SEARCH_INDEX_PREFIX']}-*", ignore_unavailable=True)  # free again
