"""Periodic jobs claim (job, period) in JobRun before working: no period is done twice, failures are recorded and
retried, a finished period is recomputed only on demand; a run says it is alive while it works, and one that went
silent is taken over within minutes."""
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from jobmatch.extensions import db
from jobmatch.jobs import catch_up, run_schedule, schedules
from jobmatch.models import JobRun, Vacancy
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.services import job_run as job_run_service
from tests.busy_database import app_with, hold_write_lock_for, impatient_app
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


def test_a_run_whose_heartbeat_stopped_is_taken_over_within_minutes(app):
    """A run whose process died (a kill, a crash, a failed finish) used to block its period for two hours, past the
    next scheduled run; a long run that is still working must keep it however long it takes."""
    assert job_run_service.claim(job="statistics", period="2026-11") is not None
    assert job_run_service.claim(job="statistics", period="2026-11") is None  # still running
    db.session.execute(update(JobRun).values(started_at=utc_now() - timedelta(hours=3), heartbeat_at=utc_now() - timedelta(seconds=20)))
    db.session.commit()
    assert job_run_service.claim(job="statistics", period="2026-11") is None  # a long run, alive
    silent = utc_now() - job_run_service.stalled_after() - timedelta(seconds=10)
    db.session.execute(update(JobRun).values(started_at=silent, heartbeat_at=silent))
    db.session.commit()
    assert job_run_service.stalled_after() <= timedelta(minutes=5)
    assert job_run_service.claim(job="statistics", period="2026-11").attempts == 2


def test_a_run_says_it_is_alive_while_it_works_and_a_taken_over_run_cannot_record_its_end(app):
    heartbeats, claims_by_others = [], []

    def long_work(period):
        for _ in range(6):
            time.sleep(0.25)
            heartbeats.append(db.session.scalar(select(JobRun.heartbeat_at)))
            claims_by_others.append(job_run_service.claim(job="statistics", period=period))
        return "done"

    with app_with(app, JOB_HEARTBEAT_S=0.1, JOB_STALLED_AFTER_S=1) as quick, quick.app_context():
        run = job_run_service.run_once(job="statistics", period="2026-11-30", function=long_work)
        assert (run.outcome, run.detail, run.attempts) == ("succeeded", "done", 1)
        beats = [beat for beat in heartbeats if beat is not None]
        assert len(set(beats)) >= 3 and beats == sorted(beats), heartbeats
        assert claims_by_others == [None] * 6  # the run lasted longer than JOB_STALLED_AFTER_S, alive all along

        def frozen_then_late(period):
            # As if its process froze for longer than JOB_STALLED_AFTER_S and another took the period over meanwhile
            # (the claim's own update, made here so that this run's live heartbeat cannot race it).
            db.session.execute(update(JobRun).values(attempts=JobRun.attempts + 1, started_at=utc_now()))
            db.session.commit()
            return "late"

        late = job_run_service.run_once(job="statistics", period="2026-11-30", function=frozen_then_late, again=True)
        assert (late.outcome, late.attempts, late.detail) == ("running", 3, None)  # the new owner's run stands


def test_a_claim_and_a_finish_that_meet_a_busy_database_are_tried_again(app):
    """A claim that failed with "database is locked" wrote no run and its period was skipped; a finish that failed left
    the run looking stuck."""
    with impatient_app(app, lock_timeout_s=0.2) as impatient, impatient.app_context():
        hold_write_lock_for(app, 1.5, table="job_run")
        started = time.monotonic()

        def work(period):
            hold_write_lock_for(app, 1.5, table="job_run")  # until after the work is done: the finish meets it
            return f"done {period}"

        run = job_run_service.run_once(job="statistics", period="2026-11-29", function=work)
        assert time.monotonic() - started >= 3
    assert (run.outcome, run.detail, run.attempts) == ("succeeded", "done 2026-11-29", 1)


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


def test_operators_see_the_runs_and_which_are_stuck_or_failed(app):
    run_schedule(expiry(app), period="2026-11-27")
    job_run_service.claim(job="statistics", period="2026-11-26")
    job_run_service.give_up(job="priority-lapse", period="2026-11-27", reason="stopped after its time limit of 0:30:00")
    silent = utc_now() - job_run_service.stalled_after() - timedelta(minutes=7)
    db.session.execute(update(JobRun).where(JobRun.job == "statistics").values(started_at=silent, heartbeat_at=silent))
    db.session.commit()
    output = app.test_cli_runner().invoke(args=["jobs", "runs"]).output
    lines = {line.split()[0]: line for line in output.splitlines()}
    assert "2026-11-27" in lines["vacancy-expiry"] and " succeeded " in lines["vacancy-expiry"] and "closed=0" in lines["vacancy-expiry"]
    assert " stuck " in lines["statistics"] and "last heartbeat 12 min ago" in lines["statistics"]
    assert " failed " in lines["priority-lapse"] and "stopped after its time limit of 0:30:00" in lines["priority-lapse"]
    problems = app.test_cli_runner().invoke(args=["jobs", "runs", "--problems"]).output
    assert sorted(line.split()[0] for line in problems.splitlines()) == ["priority-lapse", "statistics"]
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
