"""The one list of schedules; each job is a thin wrapper over a service."""
from dataclasses import dataclass

from jobmatch.services import search_index


@dataclass(frozen=True)
class Schedule:
    name: str
    function: object
    trigger: str  # an APScheduler trigger name
    trigger_args: dict

    def describe(self):
        return f"{self.trigger} {self.trigger_args}"


def relay_search_outbox():
    report = search_index.relay_outbox()
    return f"written={report.written} stale={report.stale} failed={report.failed}"


def reconcile_search_index():
    report = search_index.reconcile()
    relayed = search_index.relay_outbox()
    return f"queued={report.queued} written={relayed.written}"


def schedules(config):
    """Every schedule the scheduler process runs."""
    return [
        Schedule("search-relay", relay_search_outbox, "interval", {"seconds": config["SEARCH_RELAY_INTERVAL_S"]}),
        Schedule("search-reconcile", reconcile_search_index, "interval", {"minutes": 30}),
    ]
