"""Benchmark of the statistics job's scaling: the full nightly run on a smaller and on a ten times larger exchange.

Run from the repository root with the project's venv (see bench/README.md):

    .venv/bin/python bench/stats_scaling.py [--sizes 20000,200000] [--repeat 2] [--database-url URL] [--time-limit 900]

For each size (applications) it prepares a database of its own (SQLite files under .cache/bench/ by default; with
--database-url, a PostgreSQL database whose name must end in _bench, emptied and migrated for each size), loads the
reference data (overseas programmes included) and seeds, with `flask seed`'s generator, in its proportions:
  - a job seeker per ten applications, a vacancy per fifty, an employer per five hundred (at least 50);
  - applications with their histories, placements and follow-ups, stored in the order they were made;
  - overseas cases with their steps: two for every five job seekers, as `flask seed`'s defaults (2,000 cases for
    5,000 job seekers), so the two overseas families of figures have rows to count.
A database is reused only when its stamp says it was seeded with the same sizes and seed, at the same commit (and the
same working-tree changes), on the same day (the data's dates count from the day of seeding); otherwise it is seeded
afresh. It then times the statistics job for yesterday, as the scheduler runs it: every figure of the day, its week,
its month and its year, for the country, every province and centre, each breakdown and both groups. The best of
`--repeat` runs counts. A family of figures that wrote nothing means its tables were empty: the run then reports no
result, unless the seed cannot fill that family at all (the retention figures: see EMPTY_BY_THE_SEED), which the
RESULT line then names. A run that goes past --time-limit (seconds of statistics runs; seeding not counted) or fails
reports no result either.

The last line, with S and L the sizes asked for, is machine-readable:

    RESULT commit=<commit> tree=<clean|modified> stats_<S>_s=<seconds> stats_<L>_s=<seconds> scaling=<L time / S time>
           size_ratio=<L/S> snapshots_<S>=<n> snapshots_<L>=<n> empty_families=<names|none> database=<sqlite|postgresql>

empty_families names the families the seed cannot fill (see EMPTY_BY_THE_SEED): their share of the time is missing.
"""
import argparse
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import flask_migrate  # noqa: E402
from sqlalchemy import MetaData, func, make_url, select  # noqa: E402

from bench.provenance import Verdict, announce, data_stamp, read_stamp, source_state, stale_reasons, write_stamp  # noqa: E402
from jobmatch import create_app  # noqa: E402
from jobmatch.demo.seed import seed_demo_data  # noqa: E402
from jobmatch.extensions import db  # noqa: E402
from jobmatch.models import StatSnapshot  # noqa: E402
from jobmatch.rules.clock import vietnam_today  # noqa: E402
from jobmatch.rules.stats import periods_containing  # noqa: E402
from jobmatch.services import ethnic_group as ethnic_group_service  # noqa: E402
from jobmatch.services import occupation as occupation_service  # noqa: E402
from jobmatch.services import overseas as overseas_service  # noqa: E402
from jobmatch.services import place as place_service  # noqa: E402
from jobmatch.services import stats as stats_service  # noqa: E402

CACHE = REPO / ".cache" / "bench"
SEED = 2026
# `flask seed`'s defaults: 2,000 overseas cases for 5,000 job seekers.
OVERSEAS_CASES_PER_JOB_SEEKER = (2, 5)
# Families the seed cannot fill, whatever the size: jobmatch/demo makes every application within about 90 days of the
# day of seeding (vacancies posted in the last 60 days, applications within 30 days of that), so no hire is 90 days
# old and the retention figures have no rows. They are named in the RESULT line; any other empty family refuses it.
EMPTY_BY_THE_SEED = ("retention_3m", "retention_6m")


def population(size):
    """The seed's counts for `size` applications, in the proportions of the module's docstring."""
    job_seekers = size // 10
    numerator, denominator = OVERSEAS_CASES_PER_JOB_SEEKER
    return {
        "employers": max(50, size // 500), "vacancies": size // 50, "job_seekers": job_seekers, "applications": size,
        "overseas_cases": job_seekers * numerator // denominator,
    }


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


def prepare(app, url, size, stamp, log):
    """A database holding the population of `size` applications seeded under `stamp`: reused when its stamp is the
    same, otherwise emptied and seeded afresh."""
    with app.app_context():
        try:
            found = read_stamp(db.engine)
        except Exception:  # a database that cannot be read is seeded afresh
            found = None
        reasons = stale_reasons(found, stamp)
        shown = make_url(url).render_as_string(hide_password=True)
        if not reasons:
            log(f"{size:,} applications: reusing {shown}, seeded under the same stamp")
            return
        log(f"{size:,} applications: seeding {shown} afresh ({'; '.join(reasons)})")
        db.session.remove()  # end any reading transaction: on PostgreSQL it would block the DROP TABLEs below
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
        overseas_service.load_programmes()  # without programmes no overseas case could be seeded
        started = time.perf_counter()
        printed = set()

        def progress(what, done, total):
            tenth = done * 10 // max(total, 1)
            if (what, tenth) not in printed:
                printed.add((what, tenth))
                log(f"  seeding {what}: {done:,}/{total:,}")

        counts = seed_demo_data(**population(size), seed=SEED, progress=progress)
        log(f"  seeded in {time.perf_counter() - started:.0f} s: {counts}")
        write_stamp(db.engine, stamp)  # last: a seeding cut short leaves no stamp, so it is never reused


def time_statistics(app, repeat, deadline, verdict, log):
    """Seconds of the best of `repeat` full runs of the statistics job for yesterday (None when a run went past the
    deadline), the snapshots it stored, and the families that had no rows."""
    day = vietnam_today() - timedelta(days=1)
    timings = []
    with app.app_context():
        for attempt in range(repeat):
            started = time.perf_counter()
            written = stats_service.compute_day(day)
            timings.append(time.perf_counter() - started)
            log(f"  run {attempt + 1}: {timings[-1]:.1f} s, {written:,} snapshots")
            if time.monotonic() > deadline:
                verdict.refuse(f"the time limit was reached after run {attempt + 1} of {repeat}")
                return None, 0, []
        stored, empty = check_families(day, verdict, log)
    return min(timings), stored, empty


def check_families(day, verdict, log):
    """Snapshots stored for the day's periods, in all and by family, and the families with none (empty tables)."""
    periods = periods_containing(day)
    by_metric = Counter(dict(db.session.execute(
        select(StatSnapshot.metric, func.count())
        .where(StatSnapshot.period_start.in_([period.start for period in periods]))
        .where(StatSnapshot.period_kind.in_([period.kind for period in periods]))
        .group_by(StatSnapshot.metric)
    ).all()))
    stored = sum(by_metric.values())
    per_family = {
        family.name: sum(by_metric[metric] for metric in (*family.counts, *family.medians))
        for family in stats_service.families()
    }
    log("  snapshots by family: " + ", ".join(f"{name} {count:,}" for name, count in per_family.items()))
    empty = [name for name, count in per_family.items() if not count]
    for name in empty:
        if name in EMPTY_BY_THE_SEED:
            log(f"  note: {name} is empty, as the seed makes no hire 90 days old (its time here is that of no rows)")
        else:
            verdict.refuse(f"the family {name!r} wrote no snapshot: its tables are empty, so its time means nothing")
    for name in EMPTY_BY_THE_SEED:
        if name not in empty:
            log(f"  note: {name} has rows now; take it out of EMPTY_BY_THE_SEED")
    return stored, empty


def parse_sizes(text, parser):
    try:
        sizes = [int(size) for size in text.split(",")]
    except ValueError:
        parser.error("--sizes takes two whole numbers of applications, e.g. 20000,200000")
    if len(sizes) != 2 or not 0 < sizes[0] < sizes[1]:
        parser.error("--sizes takes two application counts, the smaller first")
    return sizes


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="PostgreSQL database ending in _bench (SQLite files by default)")
    parser.add_argument("--sizes", default="20000,200000",
                        help="two application counts, smaller first (default 20000,200000; national scale: 100000,1000000)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of the job per size; the best counts")
    parser.add_argument("--time-limit", type=float, default=900, help="seconds the statistics runs may take in all")
    options = parser.parse_args()
    small, large = parse_sizes(options.sizes, parser)

    source = source_state()
    announce(source)
    verdict = Verdict(source)

    def log(message):
        print(message, flush=True)

    seconds, snapshots, empty, dialect = {}, {}, set(), None
    measured = 0.0
    for size in (small, large):
        url = database_url(options.database_url, size)
        dialect = make_url(url).get_backend_name()
        app = make_app(url)
        with app.app_context():
            stamp = data_stamp(source, vietnam_today(), sizes=size, seed=SEED, **population(size))
        prepare(app, url, size, stamp, log)
        started = time.monotonic()
        seconds[size], snapshots[size], empty_here = time_statistics(
            app, options.repeat, started + options.time_limit - measured, verdict, log
        )
        empty.update(empty_here)
        measured += time.monotonic() - started
        with app.app_context():
            db.engine.dispose()
        if seconds[size] is None:
            break
    if not verdict.problems:
        log(f"dialect: {dialect}; {small:,} applications → {seconds[small]:.1f} s, {large:,} → {seconds[large]:.1f} s")
    verdict.finish(**{
        f"stats_{small}_s": f"{seconds.get(small) or 0:.1f}", f"stats_{large}_s": f"{seconds.get(large) or 0:.1f}",
        "scaling": f"{(seconds.get(large) or 0) / (seconds.get(small) or 1):.2f}", "size_ratio": f"{large / small:g}",
        f"snapshots_{small}": snapshots.get(small), f"snapshots_{large}": snapshots.get(large),
        "empty_families": ",".join(sorted(empty)) or "none", "database": dialect,
    })


if __name__ == "__main__":
    main()
