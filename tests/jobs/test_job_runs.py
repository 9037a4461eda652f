"""Periodic jobs claim (job, period) in JobRun before working: no period is done twice, failures are recorded and
retried, a finished period is recomputed only on demand."""
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from jobmatch.extensions import db
from jobmatch.jobs import catch_up, run_schedule, schedules
from jobmatch.models import JobRun, Vacancy
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.services import job_run as job_run_service
from tests.factories import make_vacancy

ROOT = Path(__file__).resolve().parents[2]


def expiry(app):
    return next(schedule for schedule in schedules(app.config) if schedule.name == "vacancy-expiry")


def test_a_period_is_done_once_and_recorded(app):
    make_vacancy(deadline=vietnam_today() - timedelta(days=1))
    assert run_schedule(expiry(app), period="2026-11-27") == "period 2026-11-27: closed=1"
    assert run_schedule(expiry(app), period="2026-11-27") == "period 2026-11-27 is done or being done already"
    run = db.session.scalar(select(JobRun))
    assert (run.job, run.period, run.outcome, run.attempts, run.detail) == ("vacancy-expiry", "2026-11-27", "succeeded", 1, "closed=1")
    assert run.finished_at >= run.started_at


def test_a_finished_period_is_recomputed_only_when_asked(app):
    run_schedule(expiry(app), period="2026-11-27")
    make_vacancy(deadline=vietnam_today() - timedelta(days=2))
    assert run_schedule(expiry(app), period="2026-11-27", again=True) == "period 2026-11-27: closed=1"
    assert db.session.scalar(select(JobRun.attempts)) == 2


def test_a_failed_run_is_recorded_with_its_error_and_claimed_again(app):
    def broken(period):
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        job_run_service.run_once(job="statistics", period="2026-11", function=broken)
    run = db.session.scalar(select(JobRun))
    assert run.outcome == "failed" and "database went away" in run.error
    again = job_run_service.run_once(job="statistics", period="2026-11", function=lambda period: f"done {period}")
    assert (again.outcome, again.attempts, again.detail, again.error) == ("succeeded", 2, "done 2026-11", None)


def test_a_run_abandoned_by_a_dead_process_is_taken_over(app):
    assert job_run_service.claim(job="statistics", period="2026-11") is not None
    assert job_run_service.claim(job="statistics", period="2026-11") is None  # still running
    db.session.execute(update(JobRun).values(started_at=utc_now() - job_run_service.ABANDONED_AFTER - timedelta(minutes=1)))
    db.session.commit()
    assert job_run_service.claim(job="statistics", period="2026-11").attempts == 2


def test_two_processes_racing_for_one_period_do_it_once(app):
    """Two `flask jobs run` processes started together, as a second scheduler started by mistake would."""
    make_vacancy(deadline=vietnam_today() - timedelta(days=1))
    environment = {**os.environ, "FLASK_APP": "wsgi", "JOBMATCH_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
                   "JOBMATCH_SEARCH_INDEX_PREFIX": app.config["SEARCH_INDEX_PREFIX"]}
    command = [sys.executable, "-m", "flask", "jobs", "run", "vacancy-expiry", "--period", "2026-11-27"]
    racers = [subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
              for _ in range(2)]
    outputs = sorted(racer.communicate(timeout=120)[0].strip().splitlines()[-1] for racer in racers)
    assert outputs == ["period 2026-11-27 is done or being done already", "period 2026-11-27: closed=1"], outputs
    assert db.session.scalar(select(db.func.count()).select_from(JobRun)) == 1
    assert db.session.scalar(select(Vacancy.status)) == "closed"


def test_operators_see_the_runs(app):
    run_schedule(expiry(app), period="2026-11-27")
    output = app.test_cli_runner().invoke(args=["jobs", "runs"]).output
    assert "vacancy-expiry" in output and "2026-11-27" in output and "succeeded" in output
    refused = app.test_cli_runner().invoke(args=["jobs", "run", "search-relay", "--period", "2026-11-27"])
    assert refused.exit_code != 0


def test_a_catch_up_runs_each_missed_day_once_oldest_first(app):
    statistics = next(schedule for schedule in schedules(app.config) if schedule.name == "statistics")
    yesterday = vietnam_today() - timedelta(days=1)
    output = app.test_cli_runner().invoke(args=["jobs", "run", "statistics", "--since", (yesterday - timedelta(days=2)).isoformat()]).output
    assert output.count("snapshots=") == 3 and output.startswith("1/3 period ")
    periods = db.session.scalars(select(JobRun.period).where(JobRun.job == "statistics").order_by(JobRun.id)).all()
    assert periods == [(yesterday - timedelta(days=days)).isoformat() for days in (2, 1, 0)]
    # Repeated (a second scheduler starting, an operator's retry): every day is found done.
    outcomes = catch_up(statistics, since=yesterday - timedelta(days=2))
    assert all("done or being done already" in outcome for outcome in outcomes) and len(outcomes) == 3
    refused = app.test_cli_runner().invoke(args=["jobs", "run", "statistics", "--period", "27/11/2026"])
    assert refused.exit_code == 2 and "--period" in refused.output
