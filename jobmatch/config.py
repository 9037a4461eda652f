"""Settings read from JOBMATCH_* environment variables, overridable by the mapping passed to create_app."""
import os
import secrets
from pathlib import Path

INSTANCE_DIR = Path(__file__).resolve().parent.parent / "instance"


def _env(name, default=None):
    return os.environ.get(f"JOBMATCH_{name}", default)


def load_config():
    """Return the settings for this process as a plain dict."""
    return {
        # A random key keeps a forgotten setting from shipping a known secret; production sets JOBMATCH_SECRET_KEY.
        "SECRET_KEY": _env("SECRET_KEY") or secrets.token_hex(32),
        "SQLALCHEMY_DATABASE_URI": _env("DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'jobmatch.db'}"),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "ELASTICSEARCH_URL": _env("ELASTICSEARCH_URL", "http://127.0.0.1:9200"),
        "ELASTICSEARCH_TIMEOUT_S": float(_env("ELASTICSEARCH_TIMEOUT_S", "5")),
        # Every index and alias name starts with this, so tests and benchmarks never touch the site's indexes.
        "SEARCH_INDEX_PREFIX": _env("SEARCH_INDEX_PREFIX", "jobmatch"),
        "SEARCH_REPLICAS": int(_env("SEARCH_REPLICAS", "0")),  # 0 on one node; 1 or more on a cluster
        "SEARCH_RELAY_INTERVAL_S": int(_env("SEARCH_RELAY_INTERVAL_S", "5")),
        # Phones on slow connections keep the stylesheet for an hour instead of asking for it on every page.
        "SEND_FILE_MAX_AGE_DEFAULT": 3600,
        "BABEL_DEFAULT_LOCALE": "vi",
        "BABEL_DEFAULT_TIMEZONE": "Asia/Ho_Chi_Minh",
        "API_TITLE": "jobmatch API",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.1.0",
        "OPENAPI_URL_PREFIX": "/api/v1",
        "OPENAPI_JSON_PATH": "openapi.json",
    }
