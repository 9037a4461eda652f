"""A database kept busy on purpose: an app on the suite's database that waits only briefly for a lock, and another
connection holding the lock every write needs; a lock held from another thread for a while."""
import sqlite3
import threading
import time
from contextlib import contextmanager

from sqlalchemy import create_engine, make_url, text

from jobmatch import create_app
from jobmatch.extensions import db

SHARED_SETTINGS = (
    "TESTING", "SECRET_KEY", "SQLALCHEMY_DATABASE_URI", "SEARCH_INDEX_PREFIX", "SESSION_COOKIE_SECURE",
    "ARGON2_TIME_COST", "ARGON2_MEMORY_KIB", "ARGON2_PARALLELISM",
)


@contextmanager
def app_with(app, **settings):
    """The suite's app again (same database, indexes and secret) with some settings of its own."""
    other = create_app({**{name: app.config[name] for name in SHARED_SETTINGS}, **settings})
    other.test_client_class = app.test_client_class
    try:
        yield other
    finally:
        with other.app_context():
            db.engine.dispose()


def impatient_app(app, *, lock_timeout_s):
    """An app whose writes give up on a lock after lock_timeout_s: a production-sized wait (10 s) scaled down to the
    test's data."""
    return app_with(app, DATABASE_LOCK_TIMEOUT_S=lock_timeout_s)


@contextmanager
def write_lock_held(app, table="search_outbox"):
    """Another connection holding what the writes need: SQLite's one write lock; on PostgreSQL, the table (by default
    the search outbox, where every indexed write adds a row)."""
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
            connection.execute(text(f"LOCK TABLE {table} IN EXCLUSIVE MODE"))
            try:
                yield
            finally:
                connection.rollback()
    finally:
        engine.dispose()


def hold_write_lock_for(app, seconds, table="search_outbox"):
    """Take the write lock (see write_lock_held) now and release it after `seconds`, from a thread; returns that thread."""
    taken = threading.Event()

    def hold():
        with write_lock_held(app, table):
            taken.set()
            time.sleep(seconds)

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    taken.wait(10)
    return holder
