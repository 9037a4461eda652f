"""The statistics job's full recomputation, as `flask jobs run statistics --again` in a process of its own, while 8 API
clients post vacancies through a real gunicorn: no write fails or waits for it (issue 15, items 2 and 7)."""
import json
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from datetime import timedelta

from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import StatSnapshot, Vacancy
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import account as account_service
from tests.factories import HANOI_WARD, make_account, make_employer
from tests.faults.test_search_freeze import percentile, site_served
from tests.jobs.test_scheduler import ROOT, scheduler_environment
from tests.services.test_stats_under_writes import a_busy_year

WRITERS = 8


def post_vacancy(site, token, body):
    request = urllib.request.Request(f"{site}/api/v1/vacancies", data=json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code
    except urllib.error.URLError:
        return None


def test_a_full_recomputation_under_eight_writers_fails_no_write(app, indexes, tmp_path, figures):
    a_busy_year(random.Random(7))
    owner = make_account("employer", employer_id=make_employer().id)
    token = account_service.create_api_token(actor=owner, name="faults")[1]
    body = {"title": "Thợ hàn", "isco_code": "7212", "employment_type": "full_time", "ward_code": HANOI_WARD,
            "deadline": (vietnam_today() + timedelta(days=20)).isoformat(), "publish": True}
    statuses, seconds, computing = Counter(), [], threading.Event()

    def write(site):
        while computing.is_set():
            started = time.monotonic()
            statuses[post_vacancy(site, token, body)] += 1
            seconds.append(time.monotonic() - started)
            time.sleep(0.02)

    with site_served(app, tmp_path) as site:
        writers = [threading.Thread(target=write, args=(site,)) for _ in range(WRITERS)]
        computing.set()
        for writer in writers:
            writer.start()
        started = time.monotonic()
        try:
            job = subprocess.run([sys.executable, "-m", "flask", "jobs", "run", "statistics", "--again"], cwd=ROOT,
                                 env=scheduler_environment(app), capture_output=True, text=True, timeout=240)
        finally:
            computing.clear()
            for writer in writers:
                writer.join(timeout=120)
        job_s = time.monotonic() - started

    errors = sum(count for status, count in statuses.items() if status != 201)
    figures(writers=WRITERS, recomputation_s=round(job_s, 1), writes_acknowledged=statuses[201], errors=errors,
            write_p95_s=round(percentile(seconds, 0.95), 3), slowest_write_s=round(max(seconds), 3))
    assert job.returncode == 0 and "snapshots=" in job.stdout, job.stdout + job.stderr
    assert db.session.scalar(select(func.count()).select_from(StatSnapshot)) > 0
    assert errors == 0, statuses
    assert statuses[201] >= WRITERS * 3  # the writers really wrote while the figures were computed
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(Vacancy).where(Vacancy.employer_id == owner.employer_id)) == statuses[201]
