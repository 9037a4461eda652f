"""Claiming and recording runs of periodic jobs: whichever process claims (job, period) first does the work; a second
scheduler started by mistake, an overlapping manual run or a retry of a finished period finds the claim and skips."""
import traceback
from datetime import timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError

from jobmatch.extensions import db
from jobmatch.models.job_run import JobRun
from jobmatch.rules.clock import utc_now

# A run still "running" after this long died with its process (a crash, a kill -9): its period may be claimed again.
ABANDONED_AFTER = timedelta(hours=2)


def claim(*, job, period, again=False):
    """The run this caller may now do, or None when another has it. A failed or abandoned period may be claimed again;
    a succeeded one only when asked to (a recomputation on demand)."""
    db.session.add(JobRun(job=job, period=period))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        retryable = ("failed", "succeeded") if again else ("failed",)
        # One UPDATE decides between racing claimers: only one sees its row change.
        taken = db.session.execute(
            update(JobRun)
            .where(
                JobRun.job == job,
                JobRun.period == period,
                or_(JobRun.outcome.in_(retryable), (JobRun.outcome == "running") & (JobRun.started_at < utc_now() - ABANDONED_AFTER)),
            )
            .values(outcome="running", attempts=JobRun.attempts + 1, started_at=utc_now(), finished_at=None, error=None)
        ).rowcount
        db.session.commit()
        if not taken:
            return None
    return db.session.scalar(select(JobRun).where(JobRun.job == job, JobRun.period == period))


def finish(*, run, detail=None, error=None):
    """Record how the claimed run ended (the job's own work has committed or rolled back by now)."""
    db.session.rollback()
    run = db.session.get(JobRun, run.id)
    run.outcome = "failed" if error else "succeeded"
    run.detail = (detail or "")[:500] or None
    run.error = error
    run.finished_at = utc_now()
    db.session.commit()
    return run


def run_once(*, job, period, function, again=False):
    """Claim (job, period), do the work, record the outcome. Returns the JobRun, or None when the period was taken."""
    run = claim(job=job, period=period, again=again)
    if run is None:
        return None
    try:
        detail = function(period=period)
    except Exception:  # recorded, then raised for the scheduler's log
        finish(run=run, error=traceback.format_exc(limit=5))
        raise
    return finish(run=run, detail=detail)


def recent_runs(*, limit=50):
    return db.session.scalars(select(JobRun).order_by(JobRun.started_at.desc()).limit(limit)).all()
