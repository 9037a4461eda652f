"""CPU of the public statistics pages (a province's day and week, the overview's day and week), in process.

Run from the repository root with the project's venv:

    .venv/bin/python bench/stats_pages.py [--size 20000] [--days 14] [--repeat 3]

It prepares once a SQLite database under .cache/bench/ seeded with `flask seed`'s generator in bench/stats_scaling.py's
proportions for `size` applications, and runs the statistics job for each of the last `days` days (each computes its
day, week, month and year), so that the pages' trends and the linked days and weeks have figures. The database is
reused while its file exists (delete it to seed again; the data's dates count from the day of seeding). Then it asks
each page through Flask's test client and prints the process CPU seconds of the best of `repeat` requests of each (the
suppression is computed afresh for every request: nothing is cached between them). The last line is machine-readable:

    RESULT <page>=<seconds> ...
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

from bench.stats_scaling import CACHE, SEED, make_app, population  # noqa: E402
from jobmatch.demo.seed import seed_demo_data  # noqa: E402
from jobmatch.rules.clock import vietnam_today  # noqa: E402
from jobmatch.services import ethnic_group as ethnic_group_service  # noqa: E402
from jobmatch.services import occupation as occupation_service  # noqa: E402
from jobmatch.services import overseas as overseas_service  # noqa: E402
from jobmatch.services import place as place_service  # noqa: E402
from jobmatch.services import stats as stats_service  # noqa: E402


def prepare(app, path, size, days):
    if path.exists():
        return
    with app.app_context():
        flask_migrate.upgrade(directory=str(REPO / "migrations"))
        place_service.load_places()
        occupation_service.load_occupations()
        ethnic_group_service.load_ethnic_groups()
        overseas_service.load_programmes()
        seed_demo_data(**population(size), seed=SEED)
        today = vietnam_today()
        for back in range(days, 0, -1):
            stats_service.compute_day(today - timedelta(days=back))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"stats-pages-{args.size}-{args.days}.db"
    app = make_app(f"sqlite:///{path}")
    prepare(app, path, args.size, args.days)
    yesterday = vietnam_today() - timedelta(days=1)
    on = yesterday.isoformat()
    # A week within one month (its marks settled with the month's days and the year's months), and yesterday's week.
    inside = next(day for day in (yesterday - timedelta(days=back) for back in range(7, 14)) if day.weekday() == 3)
    pages = {
        "province_day": f"/statistics/provinces/01?kind=day&on={on}",
        "province_week": f"/statistics/provinces/01?kind=week&on={on}",
        "province_week_inside_month": f"/statistics/provinces/01?kind=week&on={inside.isoformat()}",
        "province_month": f"/statistics/provinces/01?kind=month&on={on}",
        "overview_day": f"/statistics?kind=day&on={on}",
        "overview_week": f"/statistics?kind=week&on={on}",
        "overview_week_inside_month": f"/statistics?kind=week&on={inside.isoformat()}",
    }
    client = app.test_client()
    results = {}
    for name, url in pages.items():
        times = []
        for _ in range(args.repeat):
            started = time.process_time()
            response = client.get(url)
            times.append(time.process_time() - started)
            assert response.status_code == 200, (url, response.status_code)
        results[name] = min(times)
        print(f"{name}: {results[name]:.3f} s CPU ({url})", flush=True)
    print("RESULT " + " ".join(f"{name}={seconds:.3f}" for name, seconds in results.items()))


if __name__ == "__main__":
    main()
