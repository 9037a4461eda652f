"""Benchmark of what the vacancy search API adds to Elasticsearch, in process: the Python time per search.

Run from the repository root with the project's venv (see bench/README.md):

    .venv/bin/python bench/api_overhead.py [--vacancies 30000] [--rounds 5] [--profile [understood|typed]]

It keeps its own SQLite database (.cache/bench/api-overhead.db, seeded as bench/search_latency.py seeds its own and
reused under the same stamp rules) and index prefix (jobmatch-bench-overhead), deleted when it ends.

Each search of bench/search_latency.py's query set (the same 200, the same seed) is sent to the app's WSGI callable in
this process, as gunicorn calls it: Flask, the arguments' parsing, the service, the database's summaries, the shaping
of the page and its JSON. The Elasticsearch client is wrapped to time every call made through it, and the time outside
those calls is what the API adds: the thread's CPU time (what the code costs, least disturbed by other processes on a
shared machine) and the wall time (what a caller waits, CPU time plus whatever the machine made it wait). One untimed
pass warms up; then --rounds passes are timed. Each search is sent as a job seeker sends it (query understanding on) and
with understand=false (the text searched as typed), back to back, each first in turn. Every answer must be a 200 with the
first pass's total and ids, or the run ends without a RESULT line and with exit status 1. Otherwise the last line is:

    RESULT commit=<commit> tree=<clean|modified> api_python_ms=<mean CPU ms added per search>
           api_python_p50_ms=<…> api_python_p95_ms=<…> api_wall_ms=<mean wall ms added> es_ms=<mean wall ms in
           Elasticsearch calls> db_ms=<mean wall ms in database statements> requests=<timed requests>
           typed_python_ms=<mean CPU ms added with understand=false> understanding_python_ms=<the difference>
           understanding_python_ms_changed=<the difference over the searches whose request understanding changes>

The first seven are of the searches as understood. --profile [understood|typed] runs one more pass under cProfile and
prints where the time goes (cumulative and own time).
"""
import argparse
import cProfile
import io
import itertools
import json
import pstats
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from sqlalchemy import event  # noqa: E402
from werkzeug.test import EnvironBuilder  # noqa: E402

from bench.provenance import Verdict, announce, data_stamp, delete_indexes, source_state  # noqa: E402
from bench.search_latency import (  # noqa: E402
    BENCH_DIR,
    SEARCH_PATH,
    SEED,
    bench_app,
    bench_environment,
    build_job_searches,
    percentile,
    population,
    prepare,
    radius_ward_codes,
    record_es_requests,
)
from jobmatch.extensions import db, search_client  # noqa: E402
from jobmatch.rules.clock import vietnam_today  # noqa: E402

DATABASE_PATH = BENCH_DIR / "api-overhead.db"
INDEX_PREFIX = "jobmatch-bench-overhead"
PROFILE_PATH = BENCH_DIR / "api_overhead.prof"
# Each search as a job seeker sends it (query understanding on) and with understand=false (the text searched as typed).
QUERY_STRINGS = {"understood": lambda search: search.query_string, "typed": lambda search: search.plain_query_string}


class TimedSearchClient:
    """The app's Elasticsearch client, adding the wall and CPU time of every call made through it to its counters."""

    def __init__(self, client):
        self._client = client
        self.wall_s = self.cpu_s = 0.0

    def reset(self):
        self.wall_s = self.cpu_s = 0.0

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if not callable(attribute):
            return attribute

        def timed(*args, **kwargs):
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                return attribute(*args, **kwargs)
            finally:
                self.wall_s += time.perf_counter() - wall
                self.cpu_s += time.thread_time() - cpu

        return timed


class StatementTimer:
    """The wall time of the database's statements, from SQLAlchemy's cursor events."""

    def __init__(self, engine):
        self.wall_s = 0.0
        self._started = None
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, *args):
        self._started = time.perf_counter()

    def _after(self, *args):
        self.wall_s += time.perf_counter() - self._started


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vacancies", type=int, default=30_000, help="vacancies in the bench database (default 30000)")
    parser.add_argument("--searches", type=int, default=200, help="distinct searches in the query set")
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the searches")
    parser.add_argument("--profile", nargs="?", const="understood", choices=sorted(QUERY_STRINGS),
                        help="profile one more pass (of the searches as understood, or as typed) and print the top")
    parser.add_argument("--elasticsearch-url", default="http://127.0.0.1:9200", help="a local Elasticsearch 9 node")
    return parser.parse_args()


def call(app, environ):
    """(status, body) of one request through the app's WSGI callable, as a server calls it."""
    status = []
    answer = app(dict(environ), lambda line, headers, exc_info=None: status.append(line))
    try:
        body = b"".join(answer)
    finally:
        if hasattr(answer, "close"):
            answer.close()
    return int(status[0].split()[0]), body


def main():
    args = parse_args()
    source = source_state()
    announce(source)
    verdict = Verdict(source)
    environment = bench_environment(args.elasticsearch_url, DATABASE_PATH, INDEX_PREFIX)
    app = bench_app(args.elasticsearch_url, DATABASE_PATH, INDEX_PREFIX)
    counts = population(args.vacancies)
    with app.app_context():
        stamp = data_stamp(source, vietnam_today(), seed=SEED, **counts)
        delete_indexes(search_client(), INDEX_PREFIX)
    try:
        measure(app, environment, args, stamp, counts, verdict)
    finally:
        with app.app_context():
            delete_indexes(search_client(), INDEX_PREFIX)


def measure(app, environment, args, stamp, counts, verdict):
    started = time.monotonic()
    done = prepare(app, environment, stamp, counts, DATABASE_PATH)
    print(f"Preparation ({done}) took {time.monotonic() - started:.1f} s", flush=True)
    with app.app_context():
        searches = build_job_searches(args.searches, radius_ward_codes())
        db.session.remove()
        statements = StatementTimer(db.engine)
    record_es_requests(app, searches)  # to know which searches understanding changes
    client = TimedSearchClient(app.extensions["search_client"])
    app.extensions["search_client"] = client
    environs = {kind: [EnvironBuilder(path=SEARCH_PATH, query_string=query_string(search)).get_environ()
                       for search in searches] for kind, query_string in QUERY_STRINGS.items()}

    expected = {}
    for kind, number in itertools.product(QUERY_STRINGS, range(len(searches))):  # the warm-up: 200s, pages remembered
        status, body = call(app, environs[kind][number])
        if status != 200:
            verdict.refuse(f"{kind} {searches[number].query_string}: status {status}: {body[:200]!r}")
            continue
        page = json.loads(body)
        expected[kind, number] = (page["total"], [hit["vacancy"]["id"] for hit in page["items"]])

    timings = {kind: {"cpu": [], "wall": [], "es": [], "db": []} for kind in QUERY_STRINGS}
    for round_number in range(args.rounds):
        for number in range(len(searches)):
            # as understood and as typed, back to back, each first in turn
            for kind in sorted(QUERY_STRINGS, reverse=(round_number + number) % 2 == 1):
                client.reset()
                statements.wall_s = 0.0
                wall, cpu = time.perf_counter(), time.thread_time()
                status, body = call(app, environs[kind][number])
                cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
                timing = timings[kind]
                timing["cpu"].append((cpu - client.cpu_s) * 1000)
                timing["wall"].append((wall - client.wall_s) * 1000)
                timing["es"].append(client.wall_s * 1000)
                timing["db"].append(statements.wall_s * 1000)
                page = json.loads(body) if status == 200 else None
                if page is None or (page["total"], [hit["vacancy"]["id"] for hit in page["items"]]) != expected.get((kind, number)):
                    verdict.refuse(f"{kind} {searches[number].query_string}: status {status}, or not the warm-up's page")

    if args.profile:
        profile(app, environs[args.profile])
    report(verdict, timings, args.rounds, searches)


def report(verdict, timings, rounds, searches):
    def mean(values):
        return sum(values) / len(values)

    understood, typed = timings["understood"], timings["typed"]
    changed = [number for number, search in enumerate(searches) if search.understood]
    print(f"\n{len(understood['cpu'])} timed requests of each ({rounds} passes over {len(searches)} searches), ms per search:")
    print(f"{'':>44} {'mean':>7} {'p50':>7} {'p95':>7}")
    rows = [(f"{label}, {kind}", timings[kind][key]) for key, label in (
        ("cpu", "added by the API, CPU"), ("wall", "added by the API, wall"), ("es", "in Elasticsearch calls, wall"),
        ("db", "in database statements, wall")) for kind in QUERY_STRINGS]
    for label, values in rows:
        print(f"{label:>44} {mean(values):>7.2f} {percentile(values, 0.5):>7.2f} {percentile(values, 0.95):>7.2f}")
    in_changed = [index for index in range(len(understood["cpu"])) if index % len(searches) in changed]
    cost = mean(understood["cpu"]) - mean(typed["cpu"])
    cost_changed = mean([understood["cpu"][i] - typed["cpu"][i] for i in in_changed]) if in_changed else float("nan")
    print(f"Understanding adds {cost:.2f} ms of CPU per search on average, {cost_changed:.2f} ms over the "
          f"{len(changed)} searches whose Elasticsearch request it changes")
    verdict.finish(
        api_python_ms=f"{mean(understood['cpu']):.2f}", api_python_p50_ms=f"{percentile(understood['cpu'], 0.5):.2f}",
        api_python_p95_ms=f"{percentile(understood['cpu'], 0.95):.2f}", api_wall_ms=f"{mean(understood['wall']):.2f}",
        es_ms=f"{mean(understood['es']):.2f}", db_ms=f"{mean(understood['db']):.2f}", requests=len(understood["cpu"]),
        typed_python_ms=f"{mean(typed['cpu']):.2f}", understanding_python_ms=f"{cost:.2f}",
        understanding_python_ms_changed=f"{cost_changed:.2f}",
    )


def profile(app, environs):
    profiler = cProfile.Profile()
    profiler.enable()
    for environ in environs:
        call(app, environ)
    profiler.disable()
    profiler.dump_stats(PROFILE_PATH)
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order).print_stats(35)
        print(f"\ncProfile of one pass over the searches, by {order} (all of it in {PROFILE_PATH}):")
        print(out.getvalue().strip())


if __name__ == "__main__":
    main()
