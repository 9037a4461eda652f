"""The scheduler process: its schedules, and a real `flask jobs scheduler` relaying the outbox to Elasticsearch."""
import os
import subprocess
import sys
import time
from pathlib import Path

from jobmatch.extensions import search_client
from jobmatch.jobs import schedules
from jobmatch.services import search_index
from search.indexes import indexed_versions
from tests.factories import make_vacancy

ROOT = Path(__file__).resolve().parents[2]


def test_every_schedule_is_listed(app):
    runner = app.test_cli_runner()
    listing = runner.invoke(args=["jobs", "list"]).output
    assert [schedule.name for schedule in schedules(app.config)] == [
        "search-relay", "search-reconcile", "notification-delivery", "vacancy-expiry", "priority-lapse", "search-alerts",
        "overseas-deadlines",
        "statistics", "statistics-revision",
    ]
    assert "search-relay" in listing and "seconds" in listing
    assert "statistics" in listing and "claims a JobRun per period" in listing


def test_the_scheduler_process_relays_new_vacancies_within_seconds(app, indexes):
    environment = {
        **os.environ,
        "FLASK_APP": "wsgi",
        "JOBMATCH_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "JOBMATCH_SEARCH_INDEX_PREFIX": app.config["SEARCH_INDEX_PREFIX"],
        "JOBMATCH_ELASTICSEARCH_URL": app.config["ELASTICSEARCH_URL"],
        "JOBMATCH_SEARCH_RELAY_INTERVAL_S": "1",
    }
    scheduler = subprocess.Popen(
        [sys.executable, "-m", "flask", "jobs", "scheduler"], cwd=ROOT, env=environment,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        vacancy = make_vacancy(title="Thợ sửa chữa ô tô")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and search_index.pending_outbox_count():
            time.sleep(0.5)
        search_client().indices.refresh(index=indexes.vacancies)
        assert indexed_versions(search_client(), indexes.vacancies) == {str(vacancy.id): 1}
    finally:
        scheduler.terminate()
        output = scheduler.communicate(timeout=30)[0]
    assert "scheduler started with search-relay, search-reconcile" in output
