"""Benchmark of vacancy search: the raw Elasticsearch request against the HTTP API that sends it, side by side.

Run from the repository root with the project's venv (see bench/README.md):

    .venv/bin/python bench/search_latency.py [--vacancies 30000] [--requests 400] [--compare-requests 400]
        [--compare-rounds 8] [--workers 3] [--threads 2]

It keeps its own SQLite database (.cache/bench/search.db) and index prefix (jobmatch-bench-search), so the site's
data is never touched; everything it talks to is on 127.0.0.1. It deletes its indexes when it ends (and, when it
starts, any a run that could not clean up left), so each run indexes afresh. The database is seeded with `flask seed`
and reused only when its stamp says it was seeded with the same sizes, at the same commit (and working-tree changes),
on the same day: the seeded deadlines count from the day of seeding.

Before measuring it checks what a fresh machine has: the index against the vacancies the product indexes
(search_index.ENTITIES["vacancy"]: those of verified employers, every id at its row's version, compared as the
reconciliation job compares them; the index is rebuilt with `flask search rebuild` when they differ), and the public
vacancies a search can find (the API's total for an empty search) against the database's count of vacancies open to
applicants (Vacancy.is_accepting_applications: open, not past the deadline, of a verified employer).

The query set (200 searches by default, the same on every run: a fixed seed) mixes what job seekers type, from the
benchmark's own vocabulary: titles with and without diacritics, filters, radius and former place names as arguments, and
in about half of the searches a place or work abroad in the text itself ("ke toan ha noi", "thợ hàn tại Bình Dương",
"kế toán HCM", "phục vụ nhà hàng Q1", "xkld nhat ban", "đi Hàn EPS"), which query understanding reads. The run prints,
and the RESULT line holds, for how many searches understanding changes the Elasticsearch request.

Then two measurements against gunicorn, every answer checked: each must be a 200, the API's total and first-page ids
must equal the raw search's, and those of understand=false (raw or through the API) the in-process API's for the same
arguments. Any failed or differing answer, or a time limit reached, ends the run without a RESULT line and with exit
status 1.

1. The API against raw Elasticsearch, at concurrency 1 and 8: the raw request and the API as a job seeker calls it
   (understanding on), in blocks over the same searches, each kind going first in turn.
2. Understanding on against off, at concurrency 8: eight threads each take the next search and send it four ways back
   to back, in an order drawn at random for that sending: the raw request the API sends as understood, the API call,
   the raw request the API sends with understand=false, and that API call. The four meet the same load, the same warm
   caches (every search is first sent once each way, unmeasured) and the same searches; --compare-rounds rounds of
   --compare-requests / rounds searches. Each p95 ratio is the API p95 over the p95 of the raw request that API call
   sends; their difference is what reading the text adds to the API's p95 ratio (issue 16: at most 0.1), with a
   bootstrap 95% interval (the sendings drawn again, each with its four latencies) and the smallest and largest
   difference of a round. The two p95 ratios of the API's p95s and of the raw requests' p95s, on over off, say which
   side a difference comes from: the API's own time, or Elasticsearch answering the request as understood (its places
   and countries as filters) faster or slower than the words as typed. Since the understood request is often the
   faster one, the first difference also grows when Elasticsearch gets faster; the second measure holds the baseline
   fixed: the API's p95 with understanding less without, over the p95 of the raw request as typed (what Elasticsearch
   would answer with no understanding at all), with its own bootstrap interval.

The last line is then:

    RESULT commit=<commit> tree=<clean|modified> api_p95_ratio=<API p95 / raw p95> api_p50_ratio=<…>
           api_p95_ratio_c1=<the p95 ratio at concurrency 1> raw_per_s=<raw searches a second> api_per_s=<API searches
           a second> throughput_ratio=<api_per_s / raw_per_s> understood_p95_ratio=<2: understanding on>
           typed_p95_ratio=<2: understand=false> understanding_p95_delta=<the difference> understanding_p95_delta_low=
           understanding_p95_delta_high=<its bootstrap 95% interval> understanding_round_delta_min=
           understanding_round_delta_max=<the rounds' extremes> understanding_added_p95=<2: (API p95 on - API p95 off)
           / raw p95 off> understanding_added_p95_low= understanding_added_p95_high=<its bootstrap 95% interval>
           understood_over_typed_api_p95=<2: API p95 on / off>
           understood_over_typed_raw_p95=<2: raw p95 on / off> understood=<searches understanding changes>/<searches>
           docs=<documents in the index> public=<searchable vacancies>

with the figures of 1. at concurrency 8 unless named _c1. Ratios, not milliseconds, are what compare across machines.
"""
import argparse
import itertools
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import urllib3

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from elasticsearch import ApiError, TransportError  # noqa: E402
from sqlalchemy import select  # noqa: E402

from bench.provenance import (  # noqa: E402
    Verdict,
    announce,
    data_stamp,
    delete_indexes,
    read_stamp,
    source_state,
    stale_reasons,
    write_stamp,
)
from jobmatch import create_app  # noqa: E402
from jobmatch.extensions import db, search_client, search_indexes  # noqa: E402
from jobmatch.models.place import Ward  # noqa: E402
from jobmatch.models.vacancy import Vacancy  # noqa: E402
from jobmatch.rules.clock import vietnam_today  # noqa: E402
from jobmatch.services import search_index  # noqa: E402
from search.client import is_healthy, make_client  # noqa: E402
from search.folding import fold  # noqa: E402
from search.indexes import indexed_versions, version_drift  # noqa: E402

BENCH_DIR = REPO / ".cache" / "bench"
DATABASE_PATH = BENCH_DIR / "search.db"
SERVER_LOG_PATH = BENCH_DIR / "gunicorn.log"
INDEX_PREFIX = "jobmatch-bench-search"
SEARCH_PATH = "/api/v1/vacancies/search"
VACANCIES_PER_EMPLOYER = 33  # about 3,000 employers for 100,000 vacancies
JOB_SEEKERS = 1_000  # searches read vacancies only; a few job seekers keep the seed's accounts as usual
SEED = 2025
CONCURRENCY_LEVELS = (1, 8)
KINDS = ("raw", "api")
# The two kinds take turns at going first, round after round, so that drift in the machine's load hits both alike.
ROUND_ORDERS = (("raw", "api"), ("api", "raw")) * 3
ROUNDS = len(ROUND_ORDERS)
# Query understanding on against off: each search is sent, back to back in a random order, raw and through the API as
# understood (raw, api) and raw and through the API as typed, understand=false (plain_raw, plain).
COMPARED = ("raw", "api", "plain_raw", "plain")
SENT_AS = {"raw": ("raw", False), "api": ("api", False), "plain_raw": ("raw", True), "plain": ("api", True)}  # (channel, plain)
BOOTSTRAP_SAMPLES = 1000
PLAIN_ARGUMENT = "understand=false"
QUERY_SEED = 2025

# What job seekers type, in the form they type it; each is also searched folded ("ke toan"), as many type it.
SEARCH_TEXTS = [
    "kế toán", "thợ hàn", "công nhân may", "lái xe tải", "nhân viên kho", "điều dưỡng", "đầu bếp", "bảo vệ",
    "phụ hồ", "thợ điện", "nhân viên bán hàng", "chăm sóc người cao tuổi", "lao động phổ thông", "thợ mộc",
    "kế toán thuế", "lập trình viên python", "phục vụ nhà hàng", "công nhân chế biến thủy sản", "thợ xây", "hàn TIG",
]
OVERSEAS_TEXTS = ["thực tập sinh", "điều dưỡng", "nông nghiệp", "nhà máy", "hàn"]
# Provinces with the most vacancies, and a few more: Hà Nội, TP HCM, Hải Phòng, Bắc Ninh, Đồng Nai, Đà Nẵng, Thanh Hóa.
PROVINCES = ["01", "79", "31", "24", "75", "48", "38"]
RADIUS_PROVINCES = ("01", "79", "31")  # Hà Nội, TP HCM, Hải Phòng: radius searches start from their wards
# Pre-July-2025 names that job seekers still use, with and without diacritics.
LEGACY_PLACES = ["Hải Dương", "hai duong", "Bình Dương", "binh duong", "Quảng Nam", "Vĩnh Phúc", "Bà Rịa - Vũng Tàu", "Long An"]
ISCO_FILTERS = ["7", "8", "72", "83", "721", "815", "7212", "2411", "8332", "8153", "5120"]
EMPLOYMENT_TYPES = ["full_time", "part_time", "seasonal", "contract"]
COUNTRIES = ["KR", "JP", "TW"]
MILLION = 1_000_000
# Where, typed into the text as job seekers type it (issue 16): provinces, towns and former districts, old names, and
# abbreviations; "{job} {place}", "{job} tại {place}" or "{job} ở {place}", about half of them folded ("ke toan ha noi").
PLACE_WORDS = [
    "Hà Nội", "HN", "hanoi", "TP.HCM", "TPHCM", "HCM", "Sài Gòn", "Q1", "quận 7", "Thủ Đức", "Bình Dương", "Thuận An",
    "Đồng Nai", "Biên Hòa", "Bắc Ninh", "Hải Phòng", "Đà Nẵng", "Thừa Thiên Huế", "Hải Dương", "Vĩnh Phúc", "BRVT",
    "Vũng Tàu", "Long An", "Đắc Nông", "Thanh Hóa", "Long Biên", "Cầu Giấy", "Nghệ An",
]
PLACE_LEADS = ["", "", "tại ", "ở "]
# Work abroad, typed into the text: programmes, "đi {country}", the country alone, with or without a trade.
ABROAD_WORDS = [
    "xkld nhật bản", "xuất khẩu lao động Nhật Bản", "xuất khẩu lao động hàn quốc", "XKLĐ Đài Loan", "đi Hàn EPS",
    "đi Nhật", "đi Đài Loan", "thực tập sinh Nhật Bản", "kỹ năng đặc định", "tokutei", "EPS topik", "đi làm nước ngoài",
    "lao động đi Đức", "korea", "japan", "Hàn Quốc", "Nhật Bản",
]


@dataclass
class JobSearch:
    """One search a job seeker makes: the API's query string and the Elasticsearch request the API sends for it."""

    kind: str
    query_string: str
    es_request: dict = field(default_factory=dict)
    total: int | None = None
    ids: tuple = ()  # the first page's vacancy ids, in order
    plain_es_request: dict = field(default_factory=dict)  # what the API sends with understand=false
    plain_total: int | None = None
    plain_ids: tuple = ()

    @property
    def understood(self):
        """Whether query understanding changes what the API asks Elasticsearch."""
        return self.es_request != self.plain_es_request

    @property
    def plain_query_string(self):
        return f"{self.query_string}&{PLAIN_ARGUMENT}" if self.query_string else PLAIN_ARGUMENT


@dataclass
class Sample:
    search_number: int
    latency_ms: float
    status: int  # HTTP status; 0 when no answer came
    total: int | None
    ids: tuple = ()
    phase: str = ""  # the kind that sent it: "raw", "api", "plain_raw" or "plain"
    round_number: int = -1  # of the understanding comparison; -1 for a warm-up
    instance: int = -1  # which sending of a search in its round: the four kinds' samples of one instance are paired


@dataclass
class PhaseResult:
    samples: list = field(default_factory=list)
    seconds: float = 0.0


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vacancies", type=int, default=30_000,
                        help="vacancies in the bench database (default 30000; 100000 was the size of earlier figures)")
    parser.add_argument("--requests", type=int, default=400, help="measured requests per kind (raw, API) and concurrency")
    parser.add_argument("--warmup", type=int, default=48, help="unmeasured requests per kind before each concurrency level")
    parser.add_argument("--searches", type=int, default=200, help="distinct searches in the query set")
    # On 2 cores shared with Elasticsearch, 3 workers × 2 threads was the steadiest of the settings tried (bench/README.md).
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=2, help="gunicorn threads per worker (gthread)")
    parser.add_argument("--worker-class", default="gthread", help="gunicorn worker class")
    parser.add_argument("--port", type=int, default=0, help="port for gunicorn on 127.0.0.1 (default: a free one)")
    parser.add_argument("--compare-requests", type=int, default=400,
                        help="searches sent through each of the four kinds when understanding on is compared with off")
    parser.add_argument("--compare-rounds", type=int, default=8, help="rounds the comparison's searches are split into")
    parser.add_argument("--time-limit", type=float, default=900, help="seconds the measurements may take at most")
    parser.add_argument(
        "--elasticsearch-url", default="http://127.0.0.1:9200", help="a local Elasticsearch 9 node (127.0.0.1 only)"
    )
    args = parser.parse_args()
    if urlsplit(args.elasticsearch_url).hostname not in ("127.0.0.1", "localhost"):
        parser.error("the benchmark only talks to 127.0.0.1")
    return args


def bench_environment(elasticsearch_url, database_path=DATABASE_PATH, index_prefix=INDEX_PREFIX):
    """The environment for the flask and gunicorn subprocesses: the bench database and index prefix, never the site's
    (bench/api_overhead.py passes its own)."""
    return {
        **os.environ,
        "FLASK_APP": "wsgi",
        "JOBMATCH_DATABASE_URL": f"sqlite:///{database_path}",
        "JOBMATCH_SEARCH_INDEX_PREFIX": index_prefix,
        "JOBMATCH_ELASTICSEARCH_URL": elasticsearch_url,
    }


def bench_app(elasticsearch_url, database_path=DATABASE_PATH, index_prefix=INDEX_PREFIX):
    return create_app({
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database_path}",
        "SEARCH_INDEX_PREFIX": index_prefix,
        "ELASTICSEARCH_URL": elasticsearch_url,
    })


def run_flask(environment, *command):
    print(f"$ flask {' '.join(command)}", flush=True)
    subprocess.run([sys.executable, "-m", "flask", *command], cwd=REPO, env=environment, check=True)


# Preparation: the bench database and index -----------------------------------------------------------------------

def population(vacancies):
    return {"employers": max(50, vacancies // VACANCIES_PER_EMPLOYER), "vacancies": vacancies, "job_seekers": JOB_SEEKERS}


def prepare(app, environment, stamp, counts, database_path=DATABASE_PATH):
    """Seed the bench database unless its stamp is `stamp`; rebuild the vacancy index unless it holds exactly what the
    product indexes. Returns what it did."""
    done = []
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    with app.app_context():
        if not is_healthy(search_client()):
            sys.exit("Elasticsearch does not answer: run scripts/elasticsearch.sh start")
        found = read_stamp(db.engine) if database_path.exists() else None
        db.engine.dispose()  # release the SQLite file before it is replaced
    reasons = stale_reasons(found, stamp)
    if reasons:
        print(f"Seeding a new bench database ({'; '.join(reasons)}).", flush=True)
        database_path.unlink(missing_ok=True)
        run_flask(environment, "db", "upgrade")
        run_flask(environment, "reference", "load")
        run_flask(
            environment, "seed", "--no-index", "--seed", str(SEED), "--employers", str(counts["employers"]),
            "--vacancies", str(counts["vacancies"]), "--job-seekers", str(counts["job_seekers"]),
            "--applications", "0", "--overseas-cases", "0",
        )
        with app.app_context():
            write_stamp(db.engine, stamp)
            db.engine.dispose()
        done.append("seeded")
    with app.app_context():
        to_index, to_delete = index_drift()
    if to_index or to_delete:
        print(f"The index differs from the vacancies the product indexes ({len(to_index):,} to index, "
              f"{len(to_delete):,} to delete): rebuilding it.", flush=True)
        run_flask(environment, "search", "rebuild", "--entity", "vacancy")
        done.append("rebuilt the index")
        with app.app_context():
            to_index, to_delete = index_drift()
        if to_index or to_delete:
            sys.exit(f"After the rebuild the index still differs from the database: {len(to_index):,} documents missing "
                     f"or stale (e.g. {to_index[:5]}), {len(to_delete):,} too many (e.g. {to_delete[:5]})")
    return ", ".join(done) or "reused the database and the index"


def index_drift():
    """(ids to index, ids to delete): the index against the rows the product indexes, by id and version, as the
    reconciliation job compares them (search_index.reconcile)."""
    entity = search_index.ENTITIES["vacancy"]
    alias = entity.alias_of(search_indexes())
    database_versions = {
        str(vacancy_id): version
        for vacancy_id, version in db.session.execute(select(entity.model.id, entity.model.version).where(entity.indexable))
    }
    db.session.remove()
    exists = search_client().indices.exists_alias(name=alias)
    return version_drift(database_versions, indexed_versions(search_client(), alias) if exists else {})


def indexed_vacancies():
    return search_client().count(index=search_indexes().vacancies)["count"]


def public_vacancies_in_database(today):
    """Vacancies open to applicants today by the model's own rule: what a search may find."""
    vacancies = db.session.scalars(select(Vacancy).execution_options(yield_per=2000))
    count = sum(1 for vacancy in vacancies if vacancy.is_accepting_applications(today))
    db.session.remove()
    return count


def check_public_vacancies(app, verdict):
    """The API's total for an empty search against the database's count of vacancies open to applicants; returns it."""
    with app.app_context():
        expected = public_vacancies_in_database(vietnam_today())
    with app.test_client() as api:
        response = api.get(f"{SEARCH_PATH}?size=1")
    if response.status_code != 200:
        verdict.refuse(f"the empty search answered {response.status_code}: {response.get_data(as_text=True)[:300]}")
        return None
    found = response.get_json()["total"]
    if found != expected:
        verdict.refuse(f"a search finds {found:,} vacancies, but {expected:,} are open to applicants in the database")
    print(f"Public vacancies: {found:,} found by an empty search, {expected:,} open to applicants in the database")
    return found


# The query set -----------------------------------------------------------------------------------------------------

def build_job_searches(count, radius_wards):
    """A deterministic mix of what job seekers search: text with and without diacritics, filters, radius and places."""
    rng = random.Random(QUERY_SEED)
    makers = {  # about half carry a place or work abroad in their text, which query understanding reads
        "text": (_text_search, 10),
        "text_in_province": (_text_in_province_search, 6),
        "text_with_salary": (_text_with_salary_search, 5),
        "occupation": (_occupation_search, 6),
        "overseas": (_overseas_search, 5),
        "radius": (_radius_search, 8),
        "legacy_place": (_legacy_place_search, 5),
        "browse": (_browse_search, 5),
        "place_in_text": (_place_in_text_search, 36),
        "abroad_in_text": (_abroad_in_text_search, 26),
    }
    kinds = list(makers)
    weights = [weight for _, weight in makers.values()]
    searches = []
    for _ in range(count):
        kind = rng.choices(kinds, weights)[0]
        make, _ = makers[kind]
        arguments = make(rng, radius_wards)
        if rng.random() < 0.15:
            arguments.append(("size", rng.choice([10, 50])))
        searches.append(JobSearch(kind=kind, query_string=urlencode(arguments)))
    return searches


def _typed_text(rng, texts=SEARCH_TEXTS):
    text = rng.choice(texts)
    return text if rng.random() < 0.5 else fold(text)


def _text_search(rng, radius_wards):
    return [("q", _typed_text(rng))]


def _text_in_province_search(rng, radius_wards):
    arguments = [("q", _typed_text(rng)), ("province", rng.choice(PROVINCES))]
    if rng.random() < 0.3:
        arguments.append(("sort", "newest"))
    return arguments


def _text_with_salary_search(rng, radius_wards):
    salary_min = rng.choice([7, 8, 10, 12, 15]) * MILLION
    arguments = [("q", _typed_text(rng)), ("salary_min", salary_min)]
    if rng.random() < 0.4:
        arguments.append(("salary_max", salary_min + rng.choice([5, 10]) * MILLION))
    if rng.random() < 0.4:
        arguments.append(("sort", "salary"))
    return arguments


def _occupation_search(rng, radius_wards):
    arguments = [("isco", rng.choice(ISCO_FILTERS))]
    if rng.random() < 0.6:
        arguments.append(("province", rng.choice(PROVINCES)))
    for employment_type in rng.sample(EMPLOYMENT_TYPES, k=rng.choice([0, 1, 2])):
        arguments.append(("employment_type", employment_type))
    arguments.append(("sort", rng.choice(["newest", "salary"])))
    return arguments


def _overseas_search(rng, radius_wards):
    arguments = [("scope", "overseas"), ("country", rng.choice(COUNTRIES))]
    if rng.random() < 0.5:
        arguments.append(("q", _typed_text(rng, OVERSEAS_TEXTS)))
    arguments.append(("sort", rng.choice(["relevance", "salary", "newest"])))
    return arguments


def _radius_search(rng, radius_wards):
    arguments = [("ward", rng.choice(radius_wards)), ("radius_km", rng.choice([5, 10, 20, 30]))]
    if rng.random() < 0.7:
        arguments.append(("q", _typed_text(rng)))
    arguments.append(("sort", rng.choice(["nearest", "relevance"])))
    return arguments


def _legacy_place_search(rng, radius_wards):
    arguments = [("place", rng.choice(LEGACY_PLACES))]
    if rng.random() < 0.7:
        arguments.append(("q", _typed_text(rng)))
    return arguments


def _place_in_text_search(rng, radius_wards):
    text = f"{rng.choice(SEARCH_TEXTS)} {rng.choice(PLACE_LEADS)}{rng.choice(PLACE_WORDS)}"
    arguments = [("q", text if rng.random() < 0.5 else fold(text))]
    if rng.random() < 0.2:
        arguments.append(("salary_min", rng.choice([7, 10, 15]) * MILLION))
    if rng.random() < 0.3:
        arguments.append(("sort", rng.choice(["newest", "salary"])))
    return arguments


def _abroad_in_text_search(rng, radius_wards):
    words = [rng.choice(ABROAD_WORDS)]
    if rng.random() < 0.6:
        words.insert(rng.randrange(2), rng.choice(OVERSEAS_TEXTS))
    text = " ".join(words)
    arguments = [("q", text if rng.random() < 0.5 else fold(text))]
    if rng.random() < 0.3:
        arguments.append(("sort", rng.choice(["salary", "newest"])))
    return arguments


def _browse_search(rng, radius_wards):
    arguments = [("province", rng.choice(PROVINCES))] if rng.random() < 0.7 else []
    if rng.random() < 0.5:
        arguments.append(("employment_type", rng.choice(EMPLOYMENT_TYPES)))
    arguments.append(("sort", rng.choice(["newest", "salary"])))
    return arguments


def radius_ward_codes(rng_seed=QUERY_SEED, per_province=10):
    """Real ward codes of Hà Nội, TP HCM and Hải Phòng from the bench database, the same ones on every run."""
    rng = random.Random(rng_seed)
    codes = []
    for province_code in RADIUS_PROVINCES:
        wards = db.session.scalars(select(Ward.code).where(Ward.province_code == province_code).order_by(Ward.code)).all()
        codes += rng.sample(wards, k=min(per_province, len(wards)))
    return codes


class RecordingSearchClient:
    """The app's Elasticsearch client, keeping the last search request the service sent through it."""

    def __init__(self, client):
        self._client = client
        self.last_search = None

    def search(self, **request):
        self.last_search = request
        return self._client.search(**request)

    def __getattr__(self, name):
        return getattr(self._client, name)


def record_es_requests(app, searches):
    """Ask the app's own API (in process) each search once, with query understanding and with understand=false, and
    keep the Elasticsearch request each sent, exactly, and its answer.

    The request goes through the real view, schema and service, so place names, wards and today's date are resolved
    just as gunicorn will resolve them.
    """
    recorder = RecordingSearchClient(app.extensions["search_client"])
    app.extensions["search_client"] = recorder
    try:
        with app.test_client() as api:
            for search in searches:
                for query_string, plain in ((search.query_string, False), (search.plain_query_string, True)):
                    recorder.last_search = None
                    response = api.get(f"{SEARCH_PATH}?{query_string}")
                    if response.status_code != 200 or recorder.last_search is None:
                        raise RuntimeError(f"{query_string} answered {response.status_code}: {response.get_data(as_text=True)[:300]}")
                    if plain:
                        search.plain_es_request = recorder.last_search
                        search.plain_total, search.plain_ids = total_and_ids(response.get_json())
                    else:
                        search.es_request = recorder.last_search
                        search.total, search.ids = total_and_ids(response.get_json())
    finally:
        app.extensions["search_client"] = recorder._client


def total_and_ids(page):
    """The total and the page's vacancy ids of an API answer."""
    return page["total"], tuple(hit["vacancy"]["id"] for hit in page["items"])


# The API server ----------------------------------------------------------------------------------------------------

def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_api_server(environment, *, port, worker_class, workers, threads):
    """gunicorn serving wsgi:app on 127.0.0.1:port, stopped on the way out whatever happens."""
    command = [
        sys.executable, "-m", "gunicorn", "wsgi:app", "--bind", f"127.0.0.1:{port}",
        "--worker-class", worker_class, "--workers", str(workers), "--threads", str(threads), "--log-level", "warning",
    ]
    with open(SERVER_LOG_PATH, "w") as log:
        server = subprocess.Popen(command, cwd=REPO, env=environment, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_answering(server, port)
            yield server
        finally:
            server.terminate()  # gunicorn's master stops its workers on SIGTERM
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _wait_until_answering(server, port, timeout_s=60):
    pool = urllib3.HTTPConnectionPool("127.0.0.1", port, timeout=2, retries=False)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}; see {SERVER_LOG_PATH}")
        try:
            if pool.request("GET", f"{SEARCH_PATH}?size=1").status == 200:
                return
        except urllib3.exceptions.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {timeout_s} s; see {SERVER_LOG_PATH}")


# Measuring ---------------------------------------------------------------------------------------------------------

class RawSearchChannel:
    """One thread's way to Elasticsearch: the app's client settings, its own keep-alive connection; `plain` sends the
    request the API sends with understand=false."""

    def __init__(self, url, timeout_s, plain=False):
        self.client = make_client(url, timeout_s=timeout_s)
        self.plain = plain

    def send(self, number, search, plain=None):
        request = search.plain_es_request if (self.plain if plain is None else plain) else search.es_request
        started = time.perf_counter()
        try:
            response = self.client.search(**request)
            status, total = 200, response["hits"]["total"]["value"]
            ids = tuple(int(hit["_id"]) for hit in response["hits"].get("hits", []))
        except ApiError as error:
            status, total, ids = error.meta.status, None, ()
        except TransportError:
            status, total, ids = 0, None, ()
        return Sample(number, (time.perf_counter() - started) * 1000, status, total, ids)

    def close(self):
        self.client.close()


class ApiSearchChannel:
    """One thread's way to the API: its own keep-alive HTTP connection to gunicorn; `plain` sends understand=false."""

    def __init__(self, port, timeout_s, plain=False):
        self.pool = urllib3.HTTPConnectionPool("127.0.0.1", port, maxsize=1, block=True, timeout=timeout_s, retries=False)
        self.plain = plain

    def send(self, number, search, plain=None):
        query_string = search.plain_query_string if (self.plain if plain is None else plain) else search.query_string
        started = time.perf_counter()
        try:
            response = self.pool.request("GET", f"{SEARCH_PATH}?{query_string}")
        except urllib3.exceptions.HTTPError:
            return Sample(number, (time.perf_counter() - started) * 1000, 0, None)
        latency_ms = (time.perf_counter() - started) * 1000
        total, ids = total_and_ids(json.loads(response.data)) if response.status == 200 else (None, ())
        return Sample(number, latency_ms, response.status, total, ids)

    def close(self):
        self.pool.close()


def run_phase(channels, searches, numbers, deadline):
    """Send the numbered searches through the channels, one thread per channel, each taking the next search; those
    not sent by the deadline are left out (the caller sees fewer samples than numbers)."""
    result = PhaseResult()
    pending = iter(numbers)
    lock = threading.Lock()

    def work(channel):
        while time.monotonic() < deadline:
            with lock:
                number = next(pending, None)
            if number is None:
                return
            result.samples.append(channel.send(number, searches[number]))

    result.seconds = _run_threads(work, channels)
    return result


def _run_threads(work, per_thread):
    """Run work(item) in one thread per item; the seconds until the last ends."""
    threads = [threading.Thread(target=work, args=(item,), daemon=True) for item in per_thread]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def measure_level(concurrency, searches, *, make_channel, requests, warmup, deadline):
    """Raw and API phases at one concurrency, after a warm-up, in blocks over the same searches, each round in the
    order of ROUND_ORDERS. `make_channel(kind)` opens one thread's channel of that kind."""
    channels = {kind: [make_channel(kind) for _ in range(concurrency)] for kind in KINDS}
    results = {kind: PhaseResult() for kind in (*KINDS, "warm-up")}
    try:
        warmup_numbers = [number % len(searches) for number in range(len(searches) - warmup, len(searches))]
        for kind in KINDS:
            for sample in run_phase(channels[kind], searches, warmup_numbers, deadline).samples:
                sample.phase = kind
                results["warm-up"].samples.append(sample)
        block = max(1, requests // ROUNDS)
        for round_number, order in enumerate(ROUND_ORDERS):
            numbers = [number % len(searches) for number in range(round_number * block, (round_number + 1) * block)]
            for kind in order:
                phase = run_phase(channels[kind], searches, numbers, deadline)
                for sample in phase.samples:
                    sample.phase = kind
                results[kind].samples += phase.samples
                results[kind].seconds += phase.seconds
    finally:
        for channel in itertools.chain.from_iterable(channels.values()):
            channel.close()
    return results


def measure_understanding(searches, *, make_channel, concurrency, rounds, per_round, deadline):
    """Query understanding on against off, interleaved search by search: `concurrency` threads, each with one raw and
    one API channel, take the next search and send it the four ways of COMPARED back to back, in an order drawn for
    that sending (seeded), so that the four meet the same load, the same warm caches and the same searches; the API
    call as understood and with understand=false go down the same keep-alive connection, hence to the same gunicorn
    worker. Every search is first sent once each way, unmeasured. Returns (measured samples, warm-up samples)."""
    channels = [{"raw": make_channel("raw"), "api": make_channel("api")} for _ in range(concurrency)]
    measured, warm = [], []
    try:
        _send_interleaved(channels, searches, list(range(len(searches))), -1, deadline, warm)
        for round_number in range(rounds):
            numbers = [(round_number * per_round + k) % len(searches) for k in range(per_round)]
            _send_interleaved(channels, searches, numbers, round_number, deadline, measured)
    finally:
        for channel in itertools.chain.from_iterable(kinds.values() for kinds in channels):
            channel.close()
    return measured, warm


def _send_interleaved(channels, searches, numbers, round_number, deadline, into):
    pending = iter(enumerate(numbers))
    lock = threading.Lock()

    def work(kinds):
        while time.monotonic() < deadline:
            with lock:
                instance, number = next(pending, (None, None))
            if number is None:
                return
            order = random.Random(f"{QUERY_SEED}:{round_number}:{instance}").sample(COMPARED, k=len(COMPARED))
            for kind in order:
                channel, plain = SENT_AS[kind]
                sample = kinds[channel].send(number, searches[number], plain=plain)
                sample.phase, sample.round_number, sample.instance = kind, round_number, instance
                into.append(sample)

    _run_threads(work, channels)


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = fraction * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def answer_problems(answers, searches):
    """Every answer that is not a 200; every API answer whose total or first-page ids differ from the raw search's
    for the same search (or, before any raw answer, from the in-process API's); every understand=false answer, through
    the API or raw, that differs from the in-process API's with understand=false. `answers`: samples, each with the
    kind that sent it as its phase."""
    raw_answers = {}
    for sample in answers:
        if sample.phase == "raw" and sample.status == 200:
            raw_answers.setdefault(sample.search_number, (sample.total, sample.ids))
    problems = []
    for sample in answers:
        search = searches[sample.search_number]
        expected = None
        if sample.phase == "api":
            expected = raw_answers.get(sample.search_number, (search.total, search.ids))
        elif sample.phase in ("plain", "plain_raw"):
            expected = (search.plain_total, search.plain_ids)
        if sample.status != 200:
            problems.append(f"{sample.phase} {search.query_string}: status {sample.status}")
        elif expected and sample.total != expected[0]:
            problems.append(f"{sample.phase} {search.query_string}: total {sample.total}, expected {expected[0]}")
        elif expected and sample.ids != expected[1]:
            problems.append(f"{sample.phase} {search.query_string}: ids {list(sample.ids[:5])}…, expected {list(expected[1][:5])}…")
    return problems


def level_answers(results):
    return [sample for kind in (*KINDS, "warm-up") for sample in results[kind].samples]


def missing_requests(results, *, requests, warmup):
    block = max(1, requests // ROUNDS)
    return [f"{kind}: {len(results[kind].samples)} of {wanted} requests sent before the time limit"
            for kind, wanted in (*((kind, block * ROUNDS) for kind in KINDS), ("warm-up", len(KINDS) * warmup))
            if len(results[kind].samples) < wanted]


def latency_row(concurrency, results):
    row = {"concurrency": concurrency}
    for kind in KINDS:
        latencies = [sample.latency_ms for sample in results[kind].samples]
        row[f"{kind}_count"] = len(latencies)
        row[f"{kind}_p50"] = percentile(latencies, 0.50)
        row[f"{kind}_p95"] = percentile(latencies, 0.95)
        row[f"{kind}_per_s"] = len(latencies) / results[kind].seconds if results[kind].seconds else 0.0
    row["requests"] = min(row[f"{kind}_count"] for kind in KINDS)
    row["p50_ratio"] = row["api_p50"] / row["raw_p50"]
    row["p95_ratio"] = row["api_p95"] / row["raw_p95"]
    return row


def print_latency_table(rows):
    print("\n(latencies in ms; ratios: the API's to the raw request's)")
    print(f"{'concurrency':>11} {'requests':>8} {'kind':>6} {'p50':>8} {'p95':>8} {'p50 ratio':>9} {'p95 ratio':>9} "
          f"{'req/s':>7}")
    for row in rows:
        for kind in KINDS:
            ratios = (f"{row['p50_ratio']:>9.2f} {row['p95_ratio']:>9.2f}" if kind == "api" else f"{'':>9} {'':>9}")
            print(f"{row['concurrency']:>11} {row['requests']:>8} {kind:>6} {row[f'{kind}_p50']:>8.1f} "
                  f"{row[f'{kind}_p95']:>8.1f} {ratios} {row[f'{kind}_per_s']:>7.1f}")


def print_kind_table(concurrency, results, searches):
    """p50 by kind of search, to show which searches the API slows down most."""
    print(f"\np50 by kind of search at concurrency {concurrency} (ms):")
    print(f"{'kind':>17} {'requests':>8} {'raw p50':>8} {'api p50':>8} {'ratio':>6}")
    for kind in sorted({search.kind for search in searches}):
        p50 = {}
        for phase in KINDS:
            latencies = [s.latency_ms for s in results[phase].samples if searches[s.search_number].kind == kind]
            p50[phase] = (percentile(latencies, 0.5), len(latencies))
        if all(count for _, count in p50.values()):
            raw_p50 = p50["raw"][0]
            print(f"{kind:>17} {p50['raw'][1]:>8} {raw_p50:>8.1f} {p50['api'][0]:>8.1f} {p50['api'][0] / raw_p50:>6.2f}")


# Understanding on against off: the p95 ratios and their difference -------------------------------------------------

def paired_latencies(samples, keep=lambda sample: True):
    """{(round, instance): {kind: latency ms}} of the sendings that every kind of COMPARED answered."""
    by_instance = {}
    for sample in samples:
        if keep(sample):
            by_instance.setdefault((sample.round_number, sample.instance), {})[sample.phase] = sample.latency_ms
    return {key: kinds for key, kinds in by_instance.items() if len(kinds) == len(COMPARED)}


def understanding_ratios(latencies):
    """(p95 ratio with understanding, p95 ratio with understand=false, their difference) of paired latencies: each
    API p95 over the p95 of the raw request that same API call sends."""
    p95 = {kind: percentile([kinds[kind] for kinds in latencies], 0.95) for kind in COMPARED}
    on, off = p95["api"] / p95["raw"], p95["plain"] / p95["plain_raw"]
    return on, off, on - off


def understanding_added(latencies):
    """What understanding adds to the API's p95, over the p95 of the raw request as typed: the rise of the API's p95
    ratio when its baseline, Elasticsearch asked the words as typed (the search without understanding), is held fixed."""
    p95 = {kind: percentile([kinds[kind] for kinds in latencies], 0.95) for kind in COMPARED}
    return (p95["api"] - p95["plain"]) / p95["plain_raw"]


def bootstrap_interval(latencies, statistic=lambda drawn: understanding_ratios(drawn)[2], samples=BOOTSTRAP_SAMPLES,
                       level=0.95):
    """The bootstrap interval of a statistic of the sendings (by default the difference of the ratios): the sendings
    drawn again with replacement, the four kinds of each kept together (seeded)."""
    rng = random.Random(QUERY_SEED)
    values = [statistic(rng.choices(latencies, k=len(latencies))) for _ in range(samples)]
    return percentile(values, (1 - level) / 2), percentile(values, (1 + level) / 2)


def understanding_summary(samples, searches):
    """The pooled ratios and difference, the bootstrap interval, each round's difference, and the ratios over the
    searches that understanding changes."""
    paired = paired_latencies(samples)
    rounds = sorted({round_number for round_number, _instance in paired})
    changed = paired_latencies(samples, lambda sample: searches[sample.search_number].understood)
    return {
        "pooled": understanding_ratios(list(paired.values())),
        "interval": bootstrap_interval(list(paired.values())),
        "added": understanding_added(list(paired.values())),
        "added_interval": bootstrap_interval(list(paired.values()), understanding_added),
        "rounds": [understanding_ratios([kinds for (number, _), kinds in paired.items() if number == r]) for r in rounds],
        "round_sendings": [sum(1 for number, _instance in paired if number == r) for r in rounds],
        "changed": understanding_ratios(list(changed.values())) if changed else (float("nan"),) * 3,
        "latency_ms": {kind: (percentile([kinds[kind] for kinds in paired.values()], 0.5),
                              percentile([kinds[kind] for kinds in paired.values()], 0.95)) for kind in COMPARED},
        "sendings": len(paired),
        "changed_sendings": len(changed),
    }


def print_understanding(summary, *, concurrency, rounds, per_round):
    print(f"\nQuery understanding on against off at concurrency {concurrency}: {rounds} rounds of {per_round} searches, "
          "each sent raw and through the API as understood, and raw and through the API with understand=false, back "
          "to back in a random order (p95 ratios: each API p95 over that of the raw request it sends)")
    print(f"{'':>24} {'sendings':>8} {'on: ratio':>9} {'off: ratio':>10} {'difference':>10}")
    for number, ((on, off, delta), count) in enumerate(zip(summary["rounds"], summary["round_sendings"], strict=True), 1):
        print(f"{f'round {number}':>24} {count:>8} {on:>9.2f} {off:>10.2f} {delta:>+10.2f}")
    for label, key, count in (("all", "pooled", summary["sendings"]),
                              ("searches it changes", "changed", summary["changed_sendings"])):
        on, off, delta = summary[key]
        print(f"{label:>24} {count:>8} {on:>9.2f} {off:>10.2f} {delta:>+10.2f}")
    print("p50 / p95 (ms): " + ", ".join(f"{kind} {p50:.1f} / {p95:.1f}" for kind, (p50, p95) in summary["latency_ms"].items()))
    low, high = summary["interval"]
    deltas = [delta for _on, _off, delta in summary["rounds"]]
    print(f"Difference {summary['pooled'][2]:+.2f}: bootstrap 95% interval [{low:+.2f}, {high:+.2f}] "
          f"({BOOTSTRAP_SAMPLES} resamplings); rounds from {min(deltas):+.2f} to {max(deltas):+.2f} (goal: at most +0.10)")
    low, high = summary["added_interval"]
    print(f"The API's p95 with understanding less without, over the raw p95 of the words as typed (each ratio on that "
          f"fixed baseline): {summary['added']:+.2f}, bootstrap 95% interval [{low:+.2f}, {high:+.2f}]")


def main():
    args = parse_args()
    source = source_state()
    announce(source)
    verdict = Verdict(source)
    environment = bench_environment(args.elasticsearch_url)
    app = bench_app(args.elasticsearch_url)
    counts = population(args.vacancies)
    with app.app_context():
        stamp = data_stamp(source, vietnam_today(), seed=SEED, **counts)
    with app.app_context():
        delete_indexes(search_client(), INDEX_PREFIX)  # what a run that could not clean up left
    try:
        measure(app, environment, args, stamp, counts, verdict)
    finally:
        with app.app_context():
            delete_indexes(search_client(), INDEX_PREFIX)


def measure(app, environment, args, stamp, counts, verdict):
    started = time.monotonic()
    done = prepare(app, environment, stamp, counts)
    print(f"Preparation ({done}) took {time.monotonic() - started:.1f} s", flush=True)

    with app.app_context():
        documents = indexed_vacancies()
        searches = build_job_searches(args.searches, radius_ward_codes())
        timeout_s = app.config["ELASTICSEARCH_TIMEOUT_S"]
    # In-process requests run with no application context of ours pushed: they would share its `g` otherwise.
    record_es_requests(app, searches)
    public = check_public_vacancies(app, verdict)
    print(f"{len(searches)} searches over {documents:,} indexed vacancies; index prefix {INDEX_PREFIX}, database {DATABASE_PATH}")
    understood = sum(1 for search in searches if search.understood)
    print(f"Query understanding changes the Elasticsearch request of {understood} of the {len(searches)} searches")

    port = args.port or free_port()
    server_settings = f"gunicorn -k {args.worker_class} --workers {args.workers} --threads {args.threads} on 127.0.0.1:{port}"
    print(f"Starting {server_settings}", flush=True)

    def make_channel(kind):
        if kind in ("raw", "plain_raw"):
            return RawSearchChannel(args.elasticsearch_url, timeout_s, plain=kind == "plain_raw")
        return ApiSearchChannel(port, timeout_s * 3, plain=kind == "plain")

    with running_api_server(
        environment, port=port, worker_class=args.worker_class, workers=args.workers, threads=args.threads
    ):
        deadline = time.monotonic() + args.time_limit
        rows, results_by_level = measure_levels(searches, make_channel, args, deadline, verdict)
        summary = compare_understanding(searches, make_channel, args, deadline, verdict)

    print(f"\n{server_settings}; {args.requests} requests per kind and level, warm-up {args.warmup}")
    print_latency_table(rows)
    top = CONCURRENCY_LEVELS[-1]
    print_kind_table(top, results_by_level[top], searches)
    print_understanding(summary, concurrency=top, rounds=args.compare_rounds, per_round=args.compare_requests // args.compare_rounds)
    if not verdict.problems:
        print("\nEvery answer was a 200, every API answer had the raw search's total and first-page ids, and every "
              "understand=false answer, raw or through the API, those of the in-process API with understand=false.")
    finish(verdict, rows, summary, understood=understood, searches=len(searches), docs=documents, public=public)


def measure_levels(searches, make_channel, args, deadline, verdict):
    """The raw request against the API, at each concurrency: (latency rows, results by level)."""
    rows, results_by_level = [], {}
    warmup = min(args.warmup, len(searches))
    for concurrency in CONCURRENCY_LEVELS:
        results = measure_level(
            concurrency, searches, make_channel=make_channel, requests=args.requests, warmup=warmup, deadline=deadline,
        )
        results_by_level[concurrency] = results
        rows.append(latency_row(concurrency, results))
        problems = answer_problems(level_answers(results), searches)
        problems += missing_requests(results, requests=args.requests, warmup=warmup)
        for problem in problems:
            verdict.refuse(f"concurrency {concurrency}: {problem}")
        print(f"concurrency {concurrency}: done", flush=True)
    return rows, results_by_level


def compare_understanding(searches, make_channel, args, deadline, verdict):
    """Understanding on against off at the highest concurrency, interleaved search by search (measure_understanding)."""
    concurrency = CONCURRENCY_LEVELS[-1]
    per_round = max(1, args.compare_requests // args.compare_rounds)
    measured, warm = measure_understanding(
        searches, make_channel=make_channel, concurrency=concurrency, rounds=args.compare_rounds, per_round=per_round,
        deadline=deadline,
    )
    for problem in answer_problems(measured + warm, searches):
        verdict.refuse(f"understanding on against off: {problem}")
    wanted = len(COMPARED) * (args.compare_rounds * per_round + len(searches))
    if len(measured) + len(warm) < wanted:
        verdict.refuse(f"understanding on against off: {len(measured) + len(warm)} of {wanted} requests sent before the "
                       "time limit")
    print("understanding on against off: done", flush=True)
    return understanding_summary(measured, searches)


def finish(verdict, rows, summary, **counts):
    by_level = dict(zip(CONCURRENCY_LEVELS, rows, strict=True))
    last, first = by_level[CONCURRENCY_LEVELS[-1]], by_level[CONCURRENCY_LEVELS[0]]
    on, off, _delta = summary["pooled"]
    low, high = summary["interval"]
    deltas = [delta for _on, _off, delta in summary["rounds"]]
    verdict.finish(
        api_p95_ratio=f"{last['p95_ratio']:.2f}", api_p50_ratio=f"{last['p50_ratio']:.2f}",
        api_p95_ratio_c1=f"{first['p95_ratio']:.2f}", raw_per_s=f"{last['raw_per_s']:.1f}",
        api_per_s=f"{last['api_per_s']:.1f}", throughput_ratio=f"{last['api_per_s'] / (last['raw_per_s'] or float('nan')):.2f}",
        understood_p95_ratio=f"{on:.2f}", typed_p95_ratio=f"{off:.2f}",
        # of the rounded ratios, so that the line's figures agree
        understanding_p95_delta=f"{round(round(on, 2) - round(off, 2), 2) + 0.0:.2f}",
        understanding_p95_delta_low=f"{low:.2f}", understanding_p95_delta_high=f"{high:.2f}",
        understanding_round_delta_min=f"{min(deltas):.2f}", understanding_round_delta_max=f"{max(deltas):.2f}",
        understanding_added_p95=f"{summary['added']:.2f}", understanding_added_p95_low=f"{summary['added_interval'][0]:.2f}",
        understanding_added_p95_high=f"{summary['added_interval'][1]:.2f}",
        understood_over_typed_api_p95=f"{summary['latency_ms']['api'][1] / summary['latency_ms']['plain'][1]:.2f}",
        understood_over_typed_raw_p95=f"{summary['latency_ms']['raw'][1] / summary['latency_ms']['plain_raw'][1]:.2f}",
        understood=f"{counts['understood']}/{counts['searches']}", docs=counts["docs"], public=counts["public"],
    )


if __name__ == "__main__":
    main()
