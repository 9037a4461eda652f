"""Whether this instance can serve: the database and Elasticsearch reachable, each with the time its answer took."""
import time
from dataclasses import asdict, dataclass

from elasticsearch import ApiError, TransportError
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from jobmatch.extensions import db, search_client
from search.client import cluster_status


@dataclass(frozen=True)
class Check:
    reachable: bool
    ms: float  # how long the answer (or the failure) took
    detail: str | None = None  # the cluster's colour, or why it could not be reached


@dataclass(frozen=True)
class Health:
    database: Check
    search: Check

    @property
    def status(self):
        """ok; degraded when only search is out (pages and writes still work, searches say so); unavailable."""
        if not self.database.reachable:
            return "unavailable"
        return "ok" if self.search.reachable else "degraded"

    def as_dict(self):
        return {"status": self.status, "database": asdict(self.database), "search": asdict(self.search)}


def _timed(probe):
    started = time.perf_counter()
    try:
        detail, reachable = probe(), True
    except (SQLAlchemyError, TransportError, ApiError) as error:
        detail, reachable = type(error).__name__, False
    return Check(reachable, round((time.perf_counter() - started) * 1000, 1), detail)


def _database():
    try:
        db.session.execute(text("SELECT 1"))
    finally:
        db.session.rollback()


def check():
    """Ask the database one trivial statement and Elasticsearch its cluster health (within a second), never a search:
    a readiness probe must not add to the load of a node that is struggling, nor wait like a search does."""
    return Health(database=_timed(_database), search=_timed(lambda: cluster_status(search_client())))
