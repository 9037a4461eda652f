"""Settings read from JOBMATCH_* environment variables, overridable by the mapping passed to create_app."""
import os
import secrets
from pathlib import Path

INSTANCE_DIR = Path(__file__).resolve().parent.parent / "instance"


def _env(name, default=None):
    return os.environ.get(f"JOBMATCH_{name}", default)


def _bonuses(text):
    """"poor:0.15,near_poor:0.10" → {"poor": 0.15, "near_poor": 0.1}."""
    pairs = (item.split(":", 1) for item in text.split(",") if item.strip())
    return {category.strip(): float(value) for category, value in pairs}


def load_config():
    """Return the settings for this process as a plain dict."""
    return {
        # A random key keeps a forgotten setting from shipping a known secret; production sets JOBMATCH_SECRET_KEY.
        "SECRET_KEY": _env("SECRET_KEY") or secrets.token_hex(32),
        **_database_and_search(),
        **_web(),
        **_notifications(),
        **_scheduled_jobs(),
        **_priority_ranking(),
        **_locale_and_api(),
    }


def _database_and_search():
    return {
        "SQLALCHEMY_DATABASE_URI": _env("DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'jobmatch.db'}"),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        # A write waits this long for a lock another transaction holds, then is answered 503 with Retry-After.
        "DATABASE_LOCK_TIMEOUT_S": float(_env("DATABASE_LOCK_TIMEOUT_S", "10")),
        "ELASTICSEARCH_URL": _env("ELASTICSEARCH_URL", "http://127.0.0.1:9200"),
        # A production cluster's credentials (an API key, or a user name and password) and, over https, the CA
        # certificate file its certificate is checked against; the project's own node on loopback needs none.
        "ELASTICSEARCH_API_KEY": _env("ELASTICSEARCH_API_KEY"),
        "ELASTICSEARCH_USERNAME": _env("ELASTICSEARCH_USERNAME"),
        "ELASTICSEARCH_PASSWORD": _env("ELASTICSEARCH_PASSWORD"),
        "ELASTICSEARCH_CA_CERTS": _env("ELASTICSEARCH_CA_CERTS"),
        "ELASTICSEARCH_TIMEOUT_S": float(_env("ELASTICSEARCH_TIMEOUT_S", "5")),
        # Searches, which a person waits for, wait less; when Elasticsearch hangs they fail at once (search/guard.py):
        # after SEARCH_BREAKER_THRESHOLD timeouts in a row, for SEARCH_BREAKER_PAUSE_S, then one probe. At most
        # SEARCH_MAX_CONCURRENT searches at a time per process, so pages without search keep their threads.
        "ELASTICSEARCH_SEARCH_TIMEOUT_S": float(_env("ELASTICSEARCH_SEARCH_TIMEOUT_S", "2")),
        "SEARCH_BREAKER_THRESHOLD": int(_env("SEARCH_BREAKER_THRESHOLD", "3")),
        "SEARCH_BREAKER_PAUSE_S": float(_env("SEARCH_BREAKER_PAUSE_S", "10")),
        "SEARCH_MAX_CONCURRENT": int(_env("SEARCH_MAX_CONCURRENT", "2")),
        # Every index and alias name starts with this, so tests and benchmarks never touch the site's indexes.
        "SEARCH_INDEX_PREFIX": _env("SEARCH_INDEX_PREFIX", "jobmatch"),
        "SEARCH_REPLICAS": int(_env("SEARCH_REPLICAS", "0")),  # 0 on one node; 1 or more on a cluster
        # Primary shards of each new index (a change takes effect at the next `flask search rebuild`): one holds a
        # national exchange (bench/README.md, national scale); more only to spread one index over several data nodes.
        "SEARCH_SHARDS": int(_env("SEARCH_SHARDS", "1")),
        "SEARCH_RELAY_INTERVAL_S": int(_env("SEARCH_RELAY_INTERVAL_S", "5")),
    }


def _web():
    """Caching, sessions, forms, password hashing, sign-in limits and proxies."""
    return {
        # Phones on slow connections keep the stylesheet for an hour instead of asking for it on every page.
        "SEND_FILE_MAX_AGE_DEFAULT": 3600,
        # Sessions: cookies only over HTTPS (JOBMATCH_SECURE_COOKIES=0 for plain-HTTP development), never read by scripts,
        # not sent on cross-site posts; signed out after 2 hours idle and 12 hours in all.
        "SESSION_COOKIE_SECURE": _env("SECURE_COOKIES", "1") == "1",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_IDLE_TIMEOUT_S": int(_env("SESSION_IDLE_TIMEOUT_S", str(2 * 3600))),
        "SESSION_ABSOLUTE_TIMEOUT_S": int(_env("SESSION_ABSOLUTE_TIMEOUT_S", str(12 * 3600))),
        "PERMANENT_SESSION_LIFETIME": int(_env("SESSION_ABSOLUTE_TIMEOUT_S", str(12 * 3600))),
        # A form left open on a phone stays valid for the whole session.
        "WTF_CSRF_TIME_LIMIT": None,
        # Argon2id with OWASP's first recommended setting (46 MiB, 1 pass, 1 lane): 68 ms per hash measured on this
        # two-core machine, so that a burst of sign-ins does not starve the workers. Raising a parameter rehashes each
        # password at its owner's next sign-in.
        "ARGON2_TIME_COST": int(_env("ARGON2_TIME_COST", "1")),
        "ARGON2_MEMORY_KIB": int(_env("ARGON2_MEMORY_KIB", str(46 * 1024))),
        "ARGON2_PARALLELISM": int(_env("ARGON2_PARALLELISM", "1")),
        # Rate limits and throttles are counted in Redis, so that every gunicorn worker sees one count: by default the
        # project's own (scripts/redis.sh, on loopback). A store that does not answer within a second fails the limited
        # request with 503 (errors.py) instead of letting it through uncounted.
        "RATELIMIT_STORAGE_URI": _env("RATELIMIT_STORAGE_URI", "redis://127.0.0.1:6380/0"),
        "RATELIMIT_STORAGE_OPTIONS": {
            "key_prefix": _env("RATELIMIT_KEY_PREFIX", "jobmatch"),
            "socket_timeout": 1,
            "socket_connect_timeout": 1,
            "wrap_exceptions": True,
        },
        # Per client address, on sign-in, sign-up, claiming and password change.
        "RATELIMIT_SIGN_IN": _env("RATELIMIT_SIGN_IN", "10 per minute;100 per day"),
        "RATELIMIT_HEADERS_ENABLED": True,
        # Per account (or login, or citizen ID being claimed), on guesses at a password or claim code: this many free,
        # then a wait before each further guess, doubling up to the longest (services/throttle.py).
        "BACKOFF_FREE_GUESSES": int(_env("BACKOFF_FREE_GUESSES", "5")),
        "BACKOFF_FIRST_WAIT_S": int(_env("BACKOFF_FIRST_WAIT_S", "30")),
        "BACKOFF_LONGEST_WAIT_S": int(_env("BACKOFF_LONGEST_WAIT_S", str(15 * 60))),
        # Per account: how often a job seeker may change the citizen ID of their own profile.
        "RATELIMIT_CITIZEN_ID_CHANGE": _env("RATELIMIT_CITIZEN_ID_CHANGE", "3 per day"),
        # Per email address or phone number: how many reset links may be asked for (whether or not an account has it).
        "RATELIMIT_PASSWORD_RESET_LINK": _env("RATELIMIT_PASSWORD_RESET_LINK", "3 per hour"),
        # Per employer: batches of vacancies (up to 500 each, by the API or a file).
        "RATELIMIT_VACANCY_IMPORT": _env("RATELIMIT_VACANCY_IMPORT", "30 per hour"),
        # Per employer and Vietnam day: distinct candidates its lists may show, and invitations to apply it may send.
        "CANDIDATE_DAILY_CAP": int(_env("CANDIDATE_DAILY_CAP", "200")),
        "INVITATION_DAILY_CAP": int(_env("INVITATION_DAILY_CAP", "30")),
        # API tokens stop working this many days after they are made; the owner makes a new one on the account page.
        "API_TOKEN_LIFETIME_DAYS": int(_env("API_TOKEN_LIFETIME_DAYS", "90")),
        # A walk-in's claim code lasts this long; the officer can give a new one. Codes are kept as an HMAC under this key
        # (the secret key when unset): a copy of the database alone cannot be searched for the 40-bit codes.
        "CLAIM_CODE_LIFETIME_DAYS": int(_env("CLAIM_CODE_LIFETIME_DAYS", "30")),
        "CLAIM_CODE_KEY": _env("CLAIM_CODE_KEY"),
        # Getting back in: an emailed reset link works this long, and once; a reset code a centre hands over (kept as an
        # HMAC under CLAIM_CODE_KEY) this long, and once.
        "PASSWORD_RESET_LINK_MINUTES": int(_env("PASSWORD_RESET_LINK_MINUTES", "60")),
        "RESET_CODE_LIFETIME_HOURS": int(_env("RESET_CODE_LIFETIME_HOURS", "72")),
        # Bodies larger than this are refused (413) before they are read; the largest form, a vacancy, is under 50 KB.
        "MAX_CONTENT_LENGTH": int(_env("MAX_CONTENT_LENGTH", str(1024 * 1024))),
        # POST /api/v1/vacancies/batch alone takes more: 500 vacancies with job boards' descriptions of ~1,800 characters
        # are 1.4 MiB of JSON (2.0 MiB with \u escapes, Python's default), and at the longest description allowed (5,000
        # characters) 3.4 MiB (5.1 MiB escaped): 8 MiB fits them.
        "BATCH_MAX_CONTENT_LENGTH": int(_env("BATCH_MAX_CONTENT_LENGTH", str(8 * 1024 * 1024))),
        # Behind a reverse proxy, the number of proxies in front: client addresses (for rate limits and the audit log)
        # and the scheme then come from X-Forwarded-For/-Proto. 0 trusts no such header.
        "PROXY_HOPS": int(_env("PROXY_HOPS", "0")),
    }


def _notifications():
    """Notifications go out by email when a mail server is set; otherwise they are kept for the user's page."""
    return {
        "PUBLIC_URL": _env("PUBLIC_URL", "http://127.0.0.1:5000").rstrip("/"),  # the site's address, for links in emails
        "SMTP_HOST": _env("SMTP_HOST"),
        "SMTP_PORT": int(_env("SMTP_PORT", "587")),
        "SMTP_STARTTLS": _env("SMTP_STARTTLS", "1") == "1",  # 0 only for a relay on the same machine
        "SMTP_USER": _env("SMTP_USER"),
        "SMTP_PASSWORD": _env("SMTP_PASSWORD"),
        "MAIL_FROM": _env("MAIL_FROM", "jobmatch <no-reply@localhost>"),
        # The SMS provider messages go through (services/messaging.py SMS_GATEWAYS); none: no SMS, the site holds them.
        "SMS_GATEWAY": _env("SMS_GATEWAY"),
        "NOTIFICATION_INTERVAL_S": int(_env("NOTIFICATION_INTERVAL_S", "60")),
    }


def _scheduled_jobs():
    """The scheduler's periodic jobs: each run says it is alive every JOB_HEARTBEAT_S; one silent for JOB_STALLED_AFTER_S
    is taken over by the next claim of its period; one still working after JOB_TIME_LIMIT_S is stopped."""
    return {
        "JOB_HEARTBEAT_S": float(_env("JOB_HEARTBEAT_S", "30")),
        "JOB_STALLED_AFTER_S": float(_env("JOB_STALLED_AFTER_S", "300")),
        # Generous: the slowest job, the weekly statistics revision, recomputes six months and their years.
        "JOB_TIME_LIMIT_S": float(_env("JOB_TIME_LIMIT_S", "1800")),
    }


def _priority_ranking():
    """Priority ranking (DESIGN.md): ranking = relevance × (1 + bonus), the bonus per category and capped.

    5 % each, 10 % at most, chosen with bench/matching_eval.py: it doubles priority workers' share of top-10 candidate
    slots (25 % of suitable people → 52 %) without measurable loss of nDCG@10; 10 % gave 83 % of the slots and 15 % gave
    89 %. Changing these takes a `flask search rebuild` of the job-seeker index (documents carry the number). Keep one
    bonus for every category: a number of its own would tell a category apart in the index (Decree 13/2023/NĐ-CP)."""
    return {
        "PRIORITY_BONUS": _bonuses(
            _env("PRIORITY_BONUS", "poor:0.05,near_poor:0.05,escaped_poverty:0.05,ethnic_minority:0.05,disability:0.05")
        ),
        "PRIORITY_BONUS_CAP": float(_env("PRIORITY_BONUS_CAP", "0.10")),
    }


def _locale_and_api():
    return {
        "BABEL_DEFAULT_LOCALE": "vi",
        "BABEL_DEFAULT_TIMEZONE": "Asia/Ho_Chi_Minh",
        "API_TITLE": "jobmatch API",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.1.0",
        "OPENAPI_URL_PREFIX": "/api/v1",
        "OPENAPI_JSON_PATH": "openapi.json",
    }
