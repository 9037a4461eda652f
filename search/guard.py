"""Failing fast while Elasticsearch hangs: a circuit breaker and a bound on concurrent searches, per process."""
import logging
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout, TransportError

log = logging.getLogger(__name__)


class CircuitOpenError(TransportError):
    """Elasticsearch timed out or refused connections several times in a row: searches fail at once for a while."""


class SearchSlotsBusyError(TransportError):
    """Every search slot of this process stayed taken (a slow node holding them): this one is not let through."""


@dataclass(frozen=True)
class GuardSettings:
    threshold: int = 3  # consecutive timeouts or connection errors that open the circuit
    pause_s: float = 10.0  # how long searches fail at once before one probe is let through
    concurrent: int = 2  # searches at a time in one process
    # How long a search waits for a free slot: many searches' time while the node is well, little while it hangs.
    slot_wait_s: float = 0.25


class SearchGuard:
    """A circuit breaker: after `threshold` consecutive timeouts or connection errors, searches fail at once
    (CircuitOpenError) for `pause_s`; then one search goes through as a probe, and its answer closes the circuit or
    its failure opens it for another pause. Any answer from the node, even an error status, counts as an answer.

    A bulkhead: at most `concurrent` searches at a time in this process, so that threads waiting on a slow node never
    take all of a worker's threads from the pages that do not search. Shared by the threads of one process."""

    def __init__(self, settings):
        self.settings = settings
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(settings.concurrent)
        self._failures = 0
        self._open_until = None
        self._probing = False

    @property
    def is_open(self):
        with self._lock:
            return self._open_until is not None

    @contextmanager
    def passage(self):
        """Let one search through, or raise at once (open circuit, a probe already out, no free slot)."""
        probe = self._admit()
        if not self._slots.acquire(timeout=self.settings.slot_wait_s):
            self._settle(probe, failed=None)
            raise SearchSlotsBusyError(f"{self.settings.concurrent} searches already wait for Elasticsearch in this process")
        try:
            yield
        except (ConnectionTimeout, TransportConnectionError):
            self._settle(probe, failed=True)
            raise
        except TransportError:
            self._settle(probe, failed=None)
            raise
        except Exception:  # an error status or anything else the node answered
            self._settle(probe, failed=False)
            raise
        else:
            self._settle(probe, failed=False)
        finally:
            self._slots.release()

    def _admit(self):
        with self._lock:
            if self._open_until is None:
                return False
            if self._probing or time.monotonic() < self._open_until:
                raise CircuitOpenError(f"Elasticsearch failed {self.settings.threshold} times in a row; searches paused")
            self._probing = True
            return True

    def _settle(self, probe, *, failed):
        """failed: True (timeout, no connection), False (an answer), None (neither: the circuit stays as it is)."""
        with self._lock:
            if probe:
                self._probing = False
            if failed is None:
                return
            if not failed:
                if self._open_until is not None:
                    log.warning("Elasticsearch answers again: searches resume")
                self._failures, self._open_until = 0, None
                return
            self._failures += 1
            if probe or self._failures >= self.settings.threshold:
                if self._open_until is None:
                    log.warning("Elasticsearch failed %d times in a row: searches fail at once for %s s",
                                self._failures, self.settings.pause_s)
                self._open_until = time.monotonic() + self.settings.pause_s
