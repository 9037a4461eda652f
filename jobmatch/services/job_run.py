"""Claiming and recording runs of periodic jobs: whichever process claims (job, period) first does the work; a second
scheduler started by mistake, an overlapping manual run or a retry of a finished period finds the claim and skips.

A running run says it is alive every JOB_HEARTBEAT_S; one silent for JOB_STALLED_AFTER_S died or froze with its
process (a kill, a crash, a stopped machine) and is taken over by the next claim of its period."""
import logging
import threading
import time
import traceback
from contextlib import contextmanager
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from jobmatch.extensions import db
from jobmatch.models.job_run import JobRun
from jobmatch.rules.clock import utc_now
from jobmatch.services.transaction import is_busy

log = logging.getLogger(__name__)

# Waits between attempts at a claim or a finish that met a busy database: about a minute in all, longer than any lock
# the site's own writes hold, so that a busy moment neither skips a period nor leaves a run looking stuck.
BUSY_RETRY_WAITS_S = (0.5, 1, 2, 4, 8, 16, 30)


def _retrying_while_busy(operation, *, what):
    for wait in (*BUSY_RETRY_WAITS_S, None):
        try:
            return operation()
        except OperationalError as error:
            db.session.rollback()
            if wait is None or not is_busy(error):
                raise
            log.warning("%s: the database is busy; trying again in %s s", what, wait)
            time.sleep(wait)


def stalled_after():
    return timedelta(seconds=current_app.config["JOB_STALLED_AFTER_S"])


def _stalled():
    """A run still "running" whose process has not said it is alive for too long."""
    return (JobRun.outcome == "running") & (func.coalesce(JobRun.heartbeat_at, JobRun.started_at) < utc_now() - stalled_after())


def claim(*, job, period, again=False):
    """The run this caller may now do, or None when another has it. A failed or stalled period may be claimed again;
    a succeeded one only when asked to (a recomputation on demand). Retried while the database is busy."""
    return _retrying_while_busy(lambda: _claim(job, period, again), what=f"{job} {period}: claim")


def _claim(job, period, again):
    db.session.add(JobRun(job=job, period=period))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        retryable = ("failed", "succeeded") if again else ("failed",)
        # One UPDATE decides between racing claimers: only one sees its row change.
        taken = db.session.execute(
            update(JobRun)
            .where(JobRun.job == job, JobRun.period == period, or_(JobRun.outcome.in_(retryable), _stalled()))
            .values(outcome="running", attempts=JobRun.attempts + 1, started_at=utc_now(), finished_at=None, detail=None, error=None)
        ).rowcount
        db.session.commit()
        if not taken:
            return None
    return db.session.scalar(select(JobRun).where(JobRun.job == job, JobRun.period == period))


def needs_run(*, job, period):
    """Whether a claim of the period would succeed now: never run, failed, or stalled."""
    settled = or_(JobRun.outcome == "succeeded", (JobRun.outcome == "running") & ~_stalled())
    return not db.session.scalar(select(func.count()).select_from(JobRun).where(JobRun.job == job, JobRun.period == period, settled))


def _finish(*, run_id, attempt, detail=None, error=None):
    """Record how the claimed run ended (the job's own work has committed or rolled back by now), unless another
    process took the run over meanwhile: then its record stands."""

    def record():
        db.session.rollback()
        recorded = db.session.execute(
            update(JobRun)
            .where(JobRun.id == run_id, JobRun.attempts == attempt, JobRun.outcome == "running")
            .values(outcome="failed" if error else "succeeded", detail=(detail or "")[:500] or None, error=error,
                    finished_at=utc_now())
        ).rowcount
        db.session.commit()
        return recorded

    if not _retrying_while_busy(record, what=f"run {run_id}: finish"):
        log.warning("run %s (attempt %s) was taken over before it finished; its outcome is not recorded", run_id, attempt)
    return db.session.get(JobRun, run_id)


@contextmanager
def _heartbeat(run_id, attempt):
    """Say every JOB_HEARTBEAT_S that the run is alive, from a thread and a connection of its own (the job's own
    transaction may be long). A missed beat (a busy database) is only logged: the next one makes up for it."""
    app = current_app._get_current_object()
    every = app.config["JOB_HEARTBEAT_S"]
    stop = threading.Event()

    def beat():
        while not stop.wait(every):
            try:
                with app.app_context(), db.engine.begin() as connection:
                    alive = connection.execute(
                        update(JobRun)
                        .where(JobRun.id == run_id, JobRun.attempts == attempt, JobRun.outcome == "running")
                        .values(heartbeat_at=utc_now())
                    ).rowcount
            except OperationalError as error:
                log.warning("run %s: heartbeat missed (%s)", run_id, error.orig)
                continue
            if not alive:
                log.warning("run %s (attempt %s) was taken over by another process", run_id, attempt)
                return

    thread = threading.Thread(target=beat, name=f"heartbeat of run {run_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def run_once(*, job, period, function, again=False):
    """Claim (job, period), do the work while a heartbeat says the run is alive, record the outcome. Returns the
    JobRun, or None when the period was taken."""
    run = claim(job=job, period=period, again=again)
    if run is None:
        return None
    run_id, attempt = run.id, run.attempts
    try:
        with _heartbeat(run_id, attempt):
            detail = function(period=period)
    except Exception:  # recorded, then raised for the scheduler's log
        _finish(run_id=run_id, attempt=attempt, error=traceback.format_exc(limit=5))
        raise
    return _finish(run_id=run_id, attempt=attempt, detail=detail)


def give_up(*, job, period, reason):
    """Record a run as failed that its process could not record itself (stopped over its time limit): the running
    row of the period, or a new failed row when the process was stopped before it claimed one."""

    def record():
        db.session.rollback()
        failed = {"outcome": "failed", "error": reason, "finished_at": utc_now()}
        updated = db.session.execute(
            update(JobRun).where(JobRun.job == job, JobRun.period == period, JobRun.outcome == "running").values(**failed)
        ).rowcount
        if not updated and not db.session.scalar(select(JobRun.id).where(JobRun.job == job, JobRun.period == period)):
            db.session.execute(insert(JobRun).values(job=job, period=period, started_at=utc_now(), attempts=0, **failed))
        db.session.commit()

    _retrying_while_busy(record, what=f"{job} {period}: giving up")


def last_done_period(*, job, before):
    """The latest period of the job before `before` whose run succeeded, or None."""
    return db.session.scalar(
        select(func.max(JobRun.period)).where(JobRun.job == job, JobRun.period < before, JobRun.outcome == "succeeded")
    )


def recent_runs(*, limit=50, problems_only=False):
    """The latest runs, newest first; with problems_only, the failed and the stalled ones only."""
    statement = select(JobRun).order_by(JobRun.started_at.desc()).limit(limit)
    if problems_only:
        statement = statement.where(or_(JobRun.outcome == "failed", _stalled()))
    return db.session.scalars(statement).all()


def is_stalled(run):
    return run.outcome == "running" and (run.heartbeat_at or run.started_at) < utc_now() - stalled_after()
