"""Fixtures: one app per session on a fresh, migrated database (SQLite, or JOBMATCH_TEST_DATABASE_URL), with a real Elasticsearch."""
import contextvars
import os
import uuid

import pytest
from flask.testing import FlaskClient
from flask_migrate import upgrade
from hypothesis import settings
from sqlalchemy import MetaData, delete
from sqlalchemy.engine import make_url

from jobmatch import create_app
from jobmatch.config import load_config
from jobmatch.extensions import db, limiter, search_client, search_indexes
from jobmatch.services.ethnic_group import load_ethnic_groups
from jobmatch.services.occupation import load_occupations
from jobmatch.services.overseas import list_programmes, load_programmes
from jobmatch.services.place import load_places
from jobmatch.services.search_index import ensure_indexes
from search.client import is_healthy

# CI runs Hypothesis derandomized and bounded, so that a run is repeatable and its length known; a failing example is
# printed with the blob that reproduces it. Elsewhere the default profile explores new examples each run.
settings.register_profile("ci", derandomize=True, max_examples=50, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default"))


def data_tables():
    """Every table but reference data (see extensions.REFERENCE_DATA), children before parents as the foreign keys need."""
    return [table for table in reversed(db.metadata.sorted_tables) if not table.info.get("reference_data")]


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    # Tests drop every table of their database, so they take their own variable and only a database named *_test.
    database_url = os.environ.get("JOBMATCH_TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('db') / 'jobmatch.db'}"
    assert database_url.startswith("sqlite:///") or make_url(database_url).database.endswith("_test"), (
        "JOBMATCH_TEST_DATABASE_URL must name a database whose name ends in _test"
    )
    run_prefix = f"jobmatch-test-{uuid.uuid4().hex[:8]}"
    # Flask-Limiter keeps one storage for the process, bound by the last app made: a test that makes an app of its own
    # (the factory's, the migrations') would otherwise move every later count to the default prefix, shared with any
    # other run or site on the server, whose resets would then wipe this run's counts.
    os.environ["JOBMATCH_RATELIMIT_KEY_PREFIX"] = run_prefix
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SEARCH_INDEX_PREFIX": run_prefix,
            # Limits are counted in the real Redis that `make test` starts, under this run's keys only: limiter.reset()
            # after each test clears them and nothing of a site or another run sharing the server.
            "RATELIMIT_STORAGE_OPTIONS": {**load_config()["RATELIMIT_STORAGE_OPTIONS"], "key_prefix": run_prefix},
            "SESSION_COOKIE_SECURE": False,  # the test client speaks plain HTTP
            # Cheap hashes keep the suite fast; the production parameters are tested for rehashing.
            "ARGON2_TIME_COST": 1,
            "ARGON2_MEMORY_KIB": 1024,
            "ARGON2_PARALLELISM": 1,
        }
    )
    app.test_client_class = IsolatedClient
    with app.app_context():
        # A test that needs Elasticsearch fails rather than skips when it is missing: `make test` starts it.
        assert is_healthy(search_client()), f"Elasticsearch is not running at {app.config['ELASTICSEARCH_URL']}"
        # So does one that counts rate limits when Redis is missing.
        assert limiter.storage.check(), f"Redis is not running at {app.config['RATELIMIT_STORAGE_URI']}"
        _empty_database()
        upgrade()  # the Alembic migrations, exactly as production runs them
        load_places()
        load_occupations()
        load_ethnic_groups()
        db.session.remove()
    yield app
    with app.app_context():
        search_client().indices.delete(index=f"{search_indexes().prefix}-*")


class IsolatedClient(FlaskClient):
    """Each request runs in its own app context, as in production, even while the test holds one for its set-up."""

    def open(self, *args, **kwargs):
        return contextvars.Context().run(super().open, *args, **kwargs)


def _empty_database():
    """Drop whatever an earlier run left, alembic_version included, so the migrations run from scratch."""
    existing = MetaData()
    existing.reflect(bind=db.engine)
    existing.drop_all(bind=db.engine)


@pytest.fixture(autouse=True)
def app_context(app):
    """An app context for the test's own set-up and checks; each test ends with reference data only."""
    with app.app_context():
        yield
        db.session.rollback()
        for table in data_tables():
            db.session.execute(delete(table))
        db.session.commit()
        db.session.remove()
        limiter.reset()


@pytest.fixture
def indexes(app_context):
    client = search_client()
    client.indices.delete(index=f"{search_indexes().prefix}-*")
    ensure_indexes()
    return search_indexes()


@pytest.fixture
def programmes(app_context):
    """The reference overseas programmes (EPS, TITP, SSW, TW), loaded afresh for the test."""
    load_programmes()
    return {programme.code: programme for programme in list_programmes()}


@pytest.fixture
def client(app):
    return app.test_client()
