"""Benchmark of the statistics job's scaling: the full nightly run at 100,000 and at 1,000,000 applications.

Run from the repository root with the project's venv (see bench/README.md):

    .venv/bin/python bench/stats_scaling.py [--database-url URL] [--sizes 100000,1000000] [--repeat 2]

For each size it prepares a database of its own (SQLite files under .cache/bench/ by default; with --database-url, a
PostgreSQL database whose name must end in _bench, emptied and migrated for each size), loads the reference data and
seeds job seekers, vacancies and applications with their histories, placements and follow-ups in the proportions of
`flask seed` (ten applications per job seeker, fifty per vacancy). A database already holding the size asked for is
reused. It then times the statistics job for yesterday, as the scheduler runs it: every figure of the day, its week,
its month and its year, for the country, every province and centre, each breakdown and both groups. The best of
`--repeat` runs counts. The last line is machine-readable:

    RESULT stats_100k_s=<a> stats_1m_s=<b> scaling=<b/a>
"""
import argparse
import sys
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import flask_migrate  # noqa: E402
from sqlalchemy import MetaData, func, make_url, select  # noqa: E402

from jobmatch import create_app  # noqa: E402
from jobmatch.demo.seed import seed_demo_data  # noqa: E402
from jobmatch.extensions import db  # noqa: E402
from jobmatch.models import Application, StatSnapshot  # noqa: E402
from jobmatch.rules.clock import vietnam_today  # noqa: E402
from jobmatch.services import ethnic_group as ethnic_group_service  # noqa: E402
from jobmatch.services import occupation as occupation_service  # noqa: E402
from jobmatch.services import place as place_service  # noqa: E402
from jobmatch.services import stats as stats_service  # noqa: E402

CACHE = REPO / ".cache" / "bench"


def database_url(base_url, size):
    if base_url:
        url = make_url(base_url)
        if not (url.database or "").endswith("_bench"):
            sys.exit("--database-url must name a database whose name ends in _bench: the benchmark empties it")
        return base_url
    CACHE.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{CACHE / f'stats-{size}.db'}"


def make_app(url):
    return create_app({
        "SQLALCHEMY_DATABASE_URI": url,
        "SECRET_KEY": "benchmark",
        "ELASTICSEARCH_URL": "http://127.0.0.1:9",  # never called: the statistics read the database only
    })


def prepare(app, url, size, log):
    """A database holding `size` seeded applications: reused when it has them, otherwise emptied and seeded."""
    with app.app_context():
        try:
            present = db.session.scalar(select(func.count()).select_from(Application))
        except Exception:  # no tables yet
            db.session.rollback()
            present = None
        if present == size:
            log(f"{size:,} applications: reusing {make_url(url).render_as_string(hide_password=True)}")
            return
        log(f"{size:,} applications: preparing a fresh database (this takes a while at a million)")
        db.session.remove()  # end the counting transaction: on PostgreSQL it would block the DROP TABLEs below
        if url.startswith("sqlite"):
            db.engine.dispose()
            path = Path(make_url(url).database)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        else:
            existing = MetaData()
            existing.reflect(bind=db.engine)
            existing.drop_all(bind=db.engine)
        flask_migrate.upgrade(directory=str(REPO / "migrations"))
        place_service.load_places()
        occupation_service.load_occupations()
        ethnic_group_service.load_ethnic_groups()
        started = time.perf_counter()
        printed = set()

        def progress(what, done, total):
            tenth = done * 10 // max(total, 1)
            if (what, tenth) not in printed:
                printed.add((what, tenth))
                log(f"  seeding {what}: {done:,}/{total:,}")

        seed_demo_data(
            employers=max(50, size // 500), vacancies=size // 50, job_seekers=size // 10, applications=size,
            seed=2026, progress=progress,
        )
        log(f"  seeded in {time.perf_counter() - started:.0f} s")


def time_statistics(app, repeat, log):
    """Seconds of the best of `repeat` full runs of the statistics job for yesterday."""
    day = vietnam_today() - timedelta(days=1)
    timings = []
    with app.app_context():
        for attempt in range(repeat):
            started = time.perf_counter()
            written = stats_service.compute_day(day)
            timings.append(time.perf_counter() - started)
            log(f"  run {attempt + 1}: {timings[-1]:.1f} s, {written:,} snapshots")
        stored = db.session.scalar(select(func.count()).select_from(StatSnapshot))
        log(f"  {stored:,} snapshots stored for {day:%d/%m/%Y} and its week, month and year")
    return min(timings)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="PostgreSQL database ending in _bench (SQLite files by default)")
    parser.add_argument("--sizes", default="100000,1000000", help="two application counts, smaller first")
    parser.add_argument("--repeat", type=int, default=2)
    options = parser.parse_args()
    small, large = (int(size) for size in options.sizes.split(","))

    def log(message):
        print(message, flush=True)

    seconds = {}
    for size in (small, large):
        url = database_url(options.database_url, size)
        app = make_app(url)
        prepare(app, url, size, log)
        seconds[size] = time_statistics(app, options.repeat, log)
        with app.app_context():
            db.engine.dispose()
    log(f"dialect: {make_url(url).get_backend_name()}; {small:,} → {seconds[small]:.1f} s, {large:,} → {seconds[large]:.1f} s")
    print(f"RESULT stats_100k_s={seconds[small]:.1f} stats_1m_s={seconds[large]:.1f} scaling={seconds[large] / seconds[small]:.2f}")


if __name__ == "__main__":
    main()
