"""National scale on one node: a million vacancies and two million job seekers, seeded, indexed, relayed and searched.

Run from the repository root with the project's venv, Elasticsearch and PostgreSQL running (see bench/README.md):

    su postgres -c "createdb -O jobmatch jobmatch_national"     # once
    .venv/bin/python bench/national_scale.py [--vacancies 1000000] [--job-seekers 2000000]

It keeps its own data: the database named by --database-url (its name must end in "_national": the benchmark empties it
when its stamp differs) and the indexes behind its own prefix (jobmatch-bench-national-*), which it deletes when it ends
(and, when it starts, any a run that could not clean up left). In one run it measures:

1. seeding with `flask seed --no-index` (in batches), and the seeding process's peak RSS;
2. the full rebuild, `flask search rebuild` of each index (load, alias swap, reconciliation, catch-up), in documents a
   second and its peak RSS, against raw `streaming_bulk` of the same documents, prebuilt and read from a file, into a
   new index made and loaded the same way (refresh off, then on): rebuild_ratio = rebuild docs/s ÷ raw docs/s;
3. searches through the API served by gunicorn at concurrency 1 and 8: bench/search_latency.py's query mix, the jobs
   for a job seeker and the candidates for a vacancy (with their centre's officer's token), every answer a 200;
4. the outbox relay: --relay-changes changes (half vacancies, half job seekers: each row's version raised, one outbox
   row each, as a write does), relayed by `search_index.relay_outbox()` until empty, against raw `streaming_bulk` of
   the same documents into the same index: relay_ratio = relay changes/s ÷ raw docs/s;
5. the indexes' size on disk (primaries), the node's heap in use, and the RSS of each gunicorn worker after the searches.

Any failed document, any answer other than a 200 ends the run without a RESULT line and with exit status 1. Otherwise:

    RESULT commit=<commit> tree=<clean|modified> vacancies=<n> job_seekers=<n> rebuild_ratio=<x> relay_ratio=<x>
           search_p95_ms=<x> match_p95_ms=<x> index_gb=<x> …

search_p95_ms is the search mix's p95 at concurrency 8, match_p95_ms the higher of the two matching lists' p95 there.
"""
import argparse
import os
import random
import resource
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import urllib3  # noqa: E402
from elasticsearch import helpers  # noqa: E402
from elasticsearch.serializer import JsonSerializer  # noqa: E402
from sqlalchemy import MetaData, func, insert, select, update  # noqa: E402

from bench.provenance import Verdict, announce, data_stamp, delete_indexes, read_stamp, source_state, stale_reasons, write_stamp  # noqa: E402
from bench.search_latency import build_job_searches, free_port, percentile, radius_ward_codes  # noqa: E402
from jobmatch import create_app  # noqa: E402
from jobmatch.extensions import db, search_client, search_indexes  # noqa: E402
from jobmatch.models import Account, Centre, JobSeeker, SearchOutbox, Vacancy  # noqa: E402
from jobmatch.rules.clock import utc_now, vietnam_today  # noqa: E402
from jobmatch.services import account as account_service  # noqa: E402
from jobmatch.services import search_index  # noqa: E402
from search.indexes import begin_bulk_load, create_index, end_bulk_load, indexes_behind, new_index_name  # noqa: E402

BENCH_DIR = REPO / ".cache" / "bench"
DOCUMENTS_DIR = BENCH_DIR / "national-documents"
SERVER_LOG_PATH = BENCH_DIR / "national-gunicorn.log"
INDEX_PREFIX = "jobmatch-bench-national"
DEFAULT_DATABASE = "postgresql+psycopg://jobmatch:jobmatch@127.0.0.1:5432/jobmatch_national"
SEED = 2025
VACANCIES_PER_EMPLOYER = 10
CONCURRENCY_LEVELS = (1, 8)
MATCH_SAMPLE = 100
SERIALIZER = JsonSerializer()


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vacancies", type=int, default=1_000_000)
    parser.add_argument("--job-seekers", type=int, default=2_000_000)
    parser.add_argument("--relay-changes", type=int, default=100_000, help="outbox rows relayed (half of each entity)")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE, help="PostgreSQL (its name ending in _national) or SQLite")
    parser.add_argument("--requests", type=int, default=400, help="measured requests per list and concurrency")
    parser.add_argument("--warmup", type=int, default=40, help="unmeasured requests per list before each concurrency")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=2, help="gunicorn threads per worker (gthread)")
    parser.add_argument("--elasticsearch-url", default="http://127.0.0.1:9200", help="a local node (127.0.0.1 only)")
    args = parser.parse_args()
    if urlsplit(args.elasticsearch_url).hostname not in ("127.0.0.1", "localhost"):
        parser.error("the benchmark only talks to 127.0.0.1")
    database = urlsplit(args.database_url)
    if database.scheme.startswith("postgresql") and not database.path.endswith("_national"):
        parser.error("the PostgreSQL database's name must end in _national: the benchmark empties it")
    return args


def environment(args):
    """The environment of the flask and gunicorn subprocesses: the benchmark's database and index prefix."""
    return {**os.environ, "FLASK_APP": "wsgi", "JOBMATCH_DATABASE_URL": args.database_url,
            "JOBMATCH_SEARCH_INDEX_PREFIX": INDEX_PREFIX, "JOBMATCH_ELASTICSEARCH_URL": args.elasticsearch_url}


def run_flask(args, *command):
    """Run a flask command; returns its wall seconds and its peak RSS in MB."""
    print(f"$ flask {' '.join(command)}", flush=True)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "flask", *command], cwd=REPO, env=environment(args))
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"flask {' '.join(command)} exited with {process.returncode}")
    seconds = time.perf_counter() - started
    rss_mb = usage.ru_maxrss / 1024
    print(f"  {seconds:.1f} s, peak RSS {rss_mb:.0f} MB", flush=True)
    return seconds, rss_mb


# 1. Seeding ----------------------------------------------------------------------------------------------------------

def prepare(app, args, stamp):
    """Seed afresh unless the database's stamp matches; returns the seeding's seconds and peak RSS (None when reused)."""
    engine = db.engine
    reasons = stale_reasons(read_stamp(engine), stamp)
    if not reasons:
        print("Reusing the seeded database (its stamp matches)", flush=True)
        return None, None
    print(f"Seeding afresh: {'; '.join(reasons)}", flush=True)
    db.session.remove()
    metadata = MetaData()
    metadata.reflect(engine)
    metadata.drop_all(engine)
    run_flask(args, "db", "upgrade")
    run_flask(args, "reference", "load")
    seconds, rss_mb = run_flask(
        args, "seed", "--no-index", "--employers", str(min(100_000, max(50, args.vacancies // VACANCIES_PER_EMPLOYER))),
        "--vacancies", str(args.vacancies), "--job-seekers", str(args.job_seekers), "--applications", "0",
        "--overseas-cases", "0", "--seed", str(SEED),
    )
    write_stamp(engine, stamp)
    return seconds, rss_mb


# 2. Rebuild against raw bulk -----------------------------------------------------------------------------------------

def prebuild_documents(entity, path, ids=None):
    """Write each indexable row's document, as the rebuild makes it, to a file: id, version and JSON on each line."""
    count = 0
    with open(path, "w") as out:
        for row in entity.rows(ids):
            out.write(f"{row['id']}\t{row['version']}\t{SERIALIZER.dumps(entity.to_document(row)).decode()}\n")
            count += 1
    db.session.rollback()
    return count


def raw_bulk(client, index, path, *, version_bump=0):
    """streaming_bulk of the prebuilt documents as the product sends them (external versions, chunks of 500)."""
    def lines():
        with open(path) as source:
            yield from source

    def expand(line):
        doc_id, version, document = line.rstrip("\n").split("\t", 2)
        action = {"_index": index, "_id": doc_id, "version": int(version) + version_bump, "version_type": "external"}
        return {"index": action}, document.encode()

    written, failed = 0, 0
    for ok, _ in helpers.streaming_bulk(client, lines(), chunk_size=500, expand_action_callback=expand,
                                        raise_on_error=False, max_retries=2):
        written, failed = written + ok, failed + (not ok)
    return written, failed


def raw_load(client, entity, path):
    """A new index made and loaded as the rebuild loads one, from the prebuilt documents; deleted afterwards."""
    alias = entity.alias_of(search_indexes())
    index = new_index_name(f"{INDEX_PREFIX}-raw-{entity.name.replace('_', '-')}")
    started = time.perf_counter()
    create_index(client, index, entity.document_class, **search_index._layout())
    begin_bulk_load(client, index)
    written, failed = raw_bulk(client, index, path)
    end_bulk_load(client, index)
    seconds = time.perf_counter() - started
    client.indices.delete(index=index)
    print(f"  raw streaming_bulk of {written:,} {entity.name} documents into {index} (beside {alias}): {seconds:.1f} s,"
          f" {written / seconds:,.0f} docs/s", flush=True)
    return written, failed, seconds


def measure_rebuild(app, args, verdict):
    figures = {}
    client = search_client()
    for name, entity in search_index.ENTITIES.items():
        seconds, rss_mb = run_flask(args, "search", "rebuild", "--entity", name)
        documents = client.count(index=entity.alias_of(search_indexes()))["count"]
        path = DOCUMENTS_DIR / f"{name}.tsv"
        prebuilt = prebuild_documents(entity, path)
        if prebuilt != documents:
            verdict.refuse(f"{name}: the rebuild indexed {documents:,} documents, the database has {prebuilt:,} to index")
        written, failed, raw_seconds = raw_load(client, entity, path)
        path.unlink()
        if failed:
            verdict.refuse(f"{name}: raw bulk refused {failed} documents")
        figures[name] = {"documents": documents, "rebuild_s": seconds, "rebuild_per_s": documents / seconds,
                         "raw_s": raw_seconds, "raw_per_s": written / raw_seconds, "rebuild_rss_mb": rss_mb}
        print(f"  {name}: rebuild {documents / seconds:,.0f} docs/s, raw {written / raw_seconds:,.0f} docs/s, "
              f"ratio {documents / seconds / max(written / raw_seconds, 1e-9):.2f}", flush=True)
    return figures


# 3. Searches through the API -----------------------------------------------------------------------------------------

@dataclass
class Phase:
    latencies: list = field(default_factory=list)
    statuses: list = field(default_factory=list)
    seconds: float = 0.0


def run_requests(port, paths, headers, concurrency):
    """Send the paths (each once) through `concurrency` threads, each with its own keep-alive connection."""
    phase, pending, lock = Phase(), iter(paths), threading.Lock()

    def work():
        pool = urllib3.HTTPConnectionPool("127.0.0.1", port, maxsize=1, block=True, timeout=30, retries=False)
        while True:
            with lock:
                path = next(pending, None)
            if path is None:
                break
            started = time.perf_counter()
            try:
                status = pool.request("GET", path, headers=headers).status
            except urllib3.exceptions.HTTPError:
                status = 0
            phase.latencies.append((time.perf_counter() - started) * 1000)
            phase.statuses.append((status, path))
        pool.close()

    threads = [threading.Thread(target=work, daemon=True) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    phase.seconds = time.perf_counter() - started
    return phase


def request_lists():
    """{list name: (paths, headers)}: the search mix, and both matching lists with the right officer's token."""
    searches = build_job_searches(200, radius_ward_codes())
    rng = random.Random(SEED)
    hanoi = db.session.scalar(select(Centre.id).where(Centre.province_code == "01").order_by(Centre.id).limit(1))
    officer = db.session.scalar(select(Account).where(Account.role == "officer", Account.centre_id == hanoi).limit(1))
    _, token = account_service.create_api_token(actor=officer, name="national benchmark")
    headers = {"Authorization": f"Bearer {token}"}
    people = db.session.scalars(select(JobSeeker.id).where(JobSeeker.centre_id == hanoi, search_index.JOB_SEEKER_INDEXABLE)
                                .order_by(JobSeeker.id).limit(20 * MATCH_SAMPLE)).all()
    # Candidate lists are for vacancies that take applications: open, before their deadline, of a verified employer.
    vacancies = db.session.scalars(select(Vacancy.id).where(search_index.VACANCY_INDEXABLE, Vacancy.status == "open",
                                                            Vacancy.deadline >= vietnam_today())
                                   .order_by(Vacancy.id).limit(20 * MATCH_SAMPLE)).all()
    db.session.commit()
    return {
        "search": ([f"/api/v1/vacancies/search?{search.query_string}" for search in searches], {}),
        "jobs_for_seeker": ([f"/api/v1/job-seekers/{i}/matches" for i in rng.sample(people, MATCH_SAMPLE)], headers),
        "candidates": ([f"/api/v1/vacancies/{i}/matches" for i in rng.sample(vacancies, MATCH_SAMPLE)], headers),
    }


@contextmanager
def api_server(args, port):
    command = [sys.executable, "-m", "gunicorn", "wsgi:app", "--bind", f"127.0.0.1:{port}", "--worker-class", "gthread",
               "--workers", str(args.workers), "--threads", str(args.threads), "--log-level", "warning"]
    with open(SERVER_LOG_PATH, "w") as log:
        server = subprocess.Popen(command, cwd=REPO, env=environment(args), stdout=log, stderr=subprocess.STDOUT)
        try:
            pool = urllib3.HTTPConnectionPool("127.0.0.1", port, timeout=5, retries=False)
            for _ in range(300):
                try:
                    if pool.request("GET", "/api/v1/vacancies/search?size=1").status == 200:
                        break
                except urllib3.exceptions.HTTPError:
                    time.sleep(0.2)
            yield server
        finally:
            server.terminate()
            server.wait(timeout=30)


def worker_rss_mb(server):
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def measure_searches(app, args, verdict):
    lists = request_lists()
    port = free_port()
    rows = {}
    with api_server(args, port) as server:
        for concurrency in CONCURRENCY_LEVELS:
            for name, (paths, headers) in lists.items():
                run_requests(port, paths[:args.warmup], headers, concurrency)
                timed = [paths[number % len(paths)] for number in range(args.requests)]
                phase = run_requests(port, timed, headers, concurrency)
                bad = [(status, path) for status, path in phase.statuses if status != 200]
                for status, path in bad[:5]:
                    verdict.refuse(f"GET {path} answered {status}")
                rows[(name, concurrency)] = (percentile(phase.latencies, 0.5), percentile(phase.latencies, 0.95),
                                             len(phase.latencies) / phase.seconds)
                print(f"  {name} at concurrency {concurrency}: p50 {rows[(name, concurrency)][0]:.1f} ms, "
                      f"p95 {rows[(name, concurrency)][1]:.1f} ms, {rows[(name, concurrency)][2]:.1f}/s", flush=True)
        rss = worker_rss_mb(server)
    print(f"  gunicorn workers' RSS: {', '.join(f'{size:.0f} MB' for size in rss)}", flush=True)
    return rows, rss


# 4. The outbox relay against raw bulk --------------------------------------------------------------------------------

def queue_changes(count):
    """Raise the version of `count` indexable rows (half vacancies, half job seekers) and queue each in the outbox, as
    a write does; returns {entity name: ids}."""
    changed = {}
    for name, share in (("vacancy", count // 2), ("job_seeker", count - count // 2)):
        entity = search_index.ENTITIES[name]
        ids = db.session.scalars(select(entity.model.id).where(entity.indexable).order_by(entity.model.id)).all()
        picked = sorted(random.Random(SEED).sample(ids, min(share, len(ids))))
        now = utc_now()
        for start in range(0, len(picked), 5000):
            chunk = picked[start:start + 5000]
            db.session.execute(update(entity.model).where(entity.model.id.in_(chunk))
                               .values(version=entity.model.version + 1), execution_options={"synchronize_session": False})
            versions = db.session.execute(select(entity.model.id, entity.model.version).where(entity.model.id.in_(chunk)))
            db.session.execute(insert(SearchOutbox), [{"entity": name, "entity_id": i, "version": v, "created_at": now}
                                                     for i, v in versions])
        changed[name] = picked
    db.session.commit()
    return changed


def measure_relay(app, args, verdict):
    changed = queue_changes(args.relay_changes)
    queued = db.session.scalar(select(func.count()).select_from(SearchOutbox))
    started = time.perf_counter()
    report = search_index.relay_outbox()
    relay_s = time.perf_counter() - started
    left = db.session.scalar(select(func.count()).select_from(SearchOutbox))
    if report.failed or left:
        verdict.refuse(f"the relay failed {report.failed} changes and left {left} in the outbox")
    print(f"  relay of {queued:,} changes: {relay_s:.1f} s, {queued / relay_s:,.0f} changes/s "
          f"(written {report.written:,}, stale {report.stale:,})", flush=True)
    client, raw_s, raw_written = search_client(), 0.0, 0
    for name, ids in changed.items():
        entity = search_index.ENTITIES[name]
        path = DOCUMENTS_DIR / f"relay-{name}.tsv"
        prebuild_documents(entity, path, ids)
        started = time.perf_counter()
        written, failed = raw_bulk(client, entity.alias_of(search_indexes()), path, version_bump=1)
        raw_s += time.perf_counter() - started
        raw_written += written
        path.unlink()
        if failed:
            verdict.refuse(f"{name}: raw bulk of the changed documents refused {failed}")
    print(f"  raw streaming_bulk of the same {raw_written:,} documents into the same indexes: {raw_s:.1f} s, "
          f"{raw_written / raw_s:,.0f} docs/s", flush=True)
    return {"queued": queued, "relay_s": relay_s, "relay_per_s": queued / relay_s, "raw_per_s": raw_written / raw_s}


# 5. Sizes ------------------------------------------------------------------------------------------------------------

def index_sizes(client):
    names = [index for entity in search_index.ENTITIES.values() for index in indexes_behind(client, entity.alias_of(search_indexes()))]
    stats = client.indices.stats(index=",".join(names), metric="store,docs")
    nodes = client.nodes.stats(metric="jvm")["nodes"]
    heap = [(node["jvm"]["mem"]["heap_used_in_bytes"], node["jvm"]["mem"]["heap_max_in_bytes"]) for node in nodes.values()]
    sizes = {name: body["primaries"]["store"]["size_in_bytes"] for name, body in stats["indices"].items()}
    for name, size in sizes.items():
        print(f"  {name}: {size / 1e9:.2f} GB on disk", flush=True)
    print(f"  node heap in use {heap[0][0] / 2**30:.2f} GiB of {heap[0][1] / 2**30:.2f} GiB", flush=True)
    return sum(sizes.values()), heap[0]


def main():
    args = parse_args()
    source = source_state()
    announce(source)
    print(f"Load averages at the start: {' '.join(f'{load:.2f}' for load in os.getloadavg())}", flush=True)
    verdict = Verdict(source)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    DOCUMENTS_DIR.mkdir(parents=True, exist_ok=True)
    app = create_app({"SQLALCHEMY_DATABASE_URI": args.database_url, "SEARCH_INDEX_PREFIX": INDEX_PREFIX,
                      "ELASTICSEARCH_URL": args.elasticsearch_url, "SECRET_KEY": "benchmark", "ARGON2_MEMORY_KIB": 1024})
    with app.app_context():
        client = search_client()
        delete_indexes(client, INDEX_PREFIX)
        try:
            figures = run(app, args, source, verdict)
        finally:
            delete_indexes(client, INDEX_PREFIX)
    print(f"Load averages at the end: {' '.join(f'{load:.2f}' for load in os.getloadavg())}", flush=True)
    verdict.finish(**figures)


def run(app, args, source, verdict):
    stamp = data_stamp(source, vietnam_today(), vacancies=args.vacancies, job_seekers=args.job_seekers, seed=SEED,
                       database=urlsplit(args.database_url).scheme)
    print("1. Seeding", flush=True)
    seed_s, seed_rss = prepare(app, args, stamp)
    counts = {name: db.session.scalar(select(func.count()).select_from(entity.model))
              for name, entity in search_index.ENTITIES.items()}
    db.session.commit()
    print("2. Full rebuild against raw bulk", flush=True)
    rebuild = measure_rebuild(app, args, verdict)
    print("3. Searches through the API", flush=True)
    searches, rss = measure_searches(app, args, verdict)
    print("4. The outbox relay against raw bulk", flush=True)
    relay = measure_relay(app, args, verdict)
    print("5. Index size and heap", flush=True)
    size, heap = index_sizes(search_client())
    documents = sum(entity["documents"] for entity in rebuild.values())
    rebuild_s, raw_s = sum(e["rebuild_s"] for e in rebuild.values()), sum(e["raw_s"] for e in rebuild.values())
    own_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "vacancies": counts["vacancy"], "job_seekers": counts["job_seeker"],
        "rebuild_ratio": f"{(documents / rebuild_s) / (documents / raw_s):.2f}",
        "relay_ratio": f"{relay['relay_per_s'] / relay['raw_per_s']:.2f}",
        "search_p95_ms": f"{searches[('search', 8)][1]:.1f}",
        "match_p95_ms": f"{max(searches[('jobs_for_seeker', 8)][1], searches[('candidates', 8)][1]):.1f}",
        "index_gb": f"{size / 1e9:.2f}",
        "rebuild_per_s": f"{documents / rebuild_s:.0f}", "raw_per_s": f"{documents / raw_s:.0f}",
        "relay_per_s": f"{relay['relay_per_s']:.0f}", "search_p95_ms_c1": f"{searches[('search', 1)][1]:.1f}",
        "match_p95_ms_c1": f"{max(searches[('jobs_for_seeker', 1)][1], searches[('candidates', 1)][1]):.1f}",
        "heap_used_gb": f"{heap[0] / 2**30:.2f}", "heap_max_gb": f"{heap[1] / 2**30:.2f}",
        "worker_rss_mb": f"{max(rss, default=0):.0f}",
        "seed_rss_mb": f"{seed_rss:.0f}" if seed_rss else "reused", "seed_s": f"{seed_s:.0f}" if seed_s else "reused",
        "rebuild_rss_mb": f"{max(e['rebuild_rss_mb'] for e in rebuild.values()):.0f}", "bench_rss_mb": f"{own_rss:.0f}",
        "database": urlsplit(args.database_url).scheme.split("+")[0],
    }


if __name__ == "__main__":
    main()
