"""A database kept busy on purpose: an app on the suite's database that waits only briefly for a lock, and another
connection holding the lock every write needs."""
import sqlite3
from contextlib import contextmanager

from sqlalchemy import create_engine, make_url, text

from jobmatch import create_app
from jobmatch.extensions import db

SHARED_SETTINGS = (
    "TESTING", "SECRET_KEY", "SQLALCHEMY_DATABASE_URI", "SEARCH_INDEX_PREFIX", "SESSION_COOKIE_SECURE",
    "ARGON2_TIME_COST", "ARGON2_MEMORY_KIB", "ARGON2_PARALLELISM",
)


@contextmanager
def impatient_app(app, *, lock_timeout_s):
    """The suite's app again (same database, indexes and secret) whose writes give up on a lock after lock_timeout_s:
    a production-sized wait (10 s) scaled down to the test's data."""
    impatient = create_app({**{name: app.config[name] for name in SHARED_SETTINGS}, "DATABASE_LOCK_TIMEOUT_S": lock_timeout_s})
    impatient.test_client_class = app.test_client_class
    try:
        yield impatient
    finally:
        with impatient.app_context():
            db.engine.dispose()


@contextmanager
def write_lock_held(app):
    """Another connection holding what every indexed write needs: SQLite's one write lock; on PostgreSQL, the search
    outbox (each such write adds a row to it)."""
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() == "sqlite":
        holder = sqlite3.connect(url.database, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        return
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("LOCK TABLE search_outbox IN EXCLUSIVE MODE"))
            try:
                yield
            finally:
                connection.rollback()
    finally:
        engine.dispose()
