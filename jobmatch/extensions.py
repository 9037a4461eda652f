"""Unbound Flask extensions and the Elasticsearch client hook, bound to an app in create_app."""
import sqlite3
from functools import partial

from flask import current_app
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_smorest import Api
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.orm import DeclarativeBase

from search.client import make_client
from search.guard import GuardSettings
from search.indexes import IndexNames

# Marks the tables `flask reference load` fills from jobmatch/reference_data/ (places, occupations, ethnic groups):
# the same for every installation, kept when the data of a test or a demo is emptied.
REFERENCE_DATA = {"reference_data": True}


class Base(DeclarativeBase):
    # Named constraints, so that Alembic can alter them later on SQLite and PostgreSQL alike.
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


db = SQLAlchemy(model_class=Base)


def init_database(app):
    """Bind the database to the app. Every connection waits at most DATABASE_LOCK_TIMEOUT_S for a lock another
    transaction holds (SQLite's busy timeout, PostgreSQL's lock_timeout), then fails as busy: errors.py answers 503."""
    db.init_app(app)
    lock_timeout_ms = round(app.config["DATABASE_LOCK_TIMEOUT_S"] * 1000)
    with app.app_context():
        for engine in db.engines.values():
            event.listen(engine, "connect", partial(_configure_connection, lock_timeout_ms=lock_timeout_ms))


def _configure_connection(dbapi_connection, connection_record, *, lock_timeout_ms):
    """SQLite: foreign keys enforced, WAL (a long read such as a rebuild does not block writers), the busy timeout;
    PostgreSQL: the lock timeout."""
    cursor = dbapi_connection.cursor()
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute(f"PRAGMA busy_timeout = {lock_timeout_ms}")
    else:
        # Outside any transaction, so that the setting holds for the connection's whole life.
        autocommit, dbapi_connection.autocommit = dbapi_connection.autocommit, True
        cursor.execute(f"SET lock_timeout = {lock_timeout_ms}")
        dbapi_connection.autocommit = autocommit
    cursor.close()


migrate = Migrate()
babel = Babel()
api = Api()
login_manager = LoginManager()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address)


def init_search(app):
    """Attach one Elasticsearch client (it connects lazily) and the index names to the app."""
    config = app.config
    guard = GuardSettings(threshold=config["SEARCH_BREAKER_THRESHOLD"], pause_s=config["SEARCH_BREAKER_PAUSE_S"],
                          concurrent=config["SEARCH_MAX_CONCURRENT"])
    app.extensions["search_client"] = make_client(
        config["ELASTICSEARCH_URL"], timeout_s=config["ELASTICSEARCH_TIMEOUT_S"],
        search_timeout_s=config["ELASTICSEARCH_SEARCH_TIMEOUT_S"], guard_settings=guard,
        api_key=config["ELASTICSEARCH_API_KEY"], username=config["ELASTICSEARCH_USERNAME"],
        password=config["ELASTICSEARCH_PASSWORD"], ca_certs=config["ELASTICSEARCH_CA_CERTS"],
    )
    app.extensions["search_indexes"] = IndexNames(app.config["SEARCH_INDEX_PREFIX"])


def search_client():
    return current_app.extensions["search_client"]


def search_indexes():
    return current_app.extensions["search_indexes"]
